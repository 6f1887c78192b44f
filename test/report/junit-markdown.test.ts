import { describe, expect, it } from 'vitest';
import { renderParityJunit } from '../../src/report/junit.js';
import { MAX_MARKDOWN_ROWS, parityMarkdownView, renderParityMarkdown } from '../../src/report/parity-markdown.js';
import { errorTable, failTable, keylessTable, makeResult, passTable } from './support/fixtures.js';
import { descendants, parseXml } from './support/xml.js';

describe('JUnit XML of a parity run', () => {
  it('is well-formed, with one test case per table and a failure or an error for each table that did not pass', () => {
    const result = makeResult();
    const root = parseXml(renderParityJunit(result));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '4', failures: '2', errors: '1', time: '2.400' });
    const [suite] = root.children;
    expect(suite).toMatchObject({ name: 'testsuite', attributes: { name: 'parity.customers', tests: '4', failures: '2', errors: '1', skipped: '0', timestamp: '2026-11-23T09:12:03' } });
    const properties = Object.fromEntries(descendants(root, 'property').map((property) => [property.attributes['name'], property.attributes['value']]));
    expect(properties).toMatchObject({ runId: result.runId, commit: result.git!.commit, ranBy: 'Dana Whitfield', status: 'error' });
    const cases = descendants(root, 'testcase');
    expect(cases.map((testCase) => [testCase.attributes['name'], testCase.attributes['classname'], testCase.children.map((child) => child.name)])).toEqual([
      ['customer_churn', 'parity.customers', ['failure', 'system-out']],
      ['orders', 'parity.customers', ['system-out']],
      ['missing_table', 'parity.customers', ['error', 'system-out']],
      ['keyless_events', 'parity.customers', ['failure', 'system-out']],
    ]);
    const failure = cases[0]!.children[0]!;
    expect(failure.attributes['message']).toBe('7 mismatched rows, more than the threshold of 0');
    expect(failure.text).toBe('7 mismatched rows, more than the threshold of 0\ncolumns missing from the new table: legacy_only');
    const error = cases[2]!.children[0]!;
    expect(error.attributes).toMatchObject({ type: 'QUERY_FAILED', message: 'QUERY_FAILED: local: Catalog Error: Table with name nope does not exist! | <b>' });
    expect(error.text).toContain('hint: Check the table name.');
    expect(cases[0]!.children[1]!.text).toBe(
      'strategy: join; legacy rows: 1,200; new rows: 1,201; matched: 1,195; missing: 1; extra: 2; changed: 4; mismatched rows: 7; mismatch rate: 0.58%; time: 830 ms',
    );
  });

  it('stays well-formed whatever the messages hold: markup, quotes, control characters, lone surrogates', () => {
    const nasty = { ...errorTable(), error: { code: 'QUERY_FAILED', message: 'a "quoted" <tag> & \u0001 bell\u0007 \uD800 ]]> end', hint: null } };
    const root = parseXml(renderParityJunit(makeResult([nasty, { ...failTable(), failures: ['x < y & "z"\ttab'] }])));
    const error = descendants(root, 'error')[0]!;
    expect(error.attributes['message']).toBe('QUERY_FAILED: a "quoted" <tag> & \uFFFD bell\uFFFD \uFFFD ]]> end');
    expect(descendants(root, 'failure')[0]!.attributes['message']).toBe('x < y & "z"\ttab');
  });
});

describe('the Markdown summary', () => {
  it('puts the tables that need a look first, with the same numbers as the other reports', async () => {
    const result = makeResult();
    const markdown = await renderParityMarkdown(result, {
      json: 'reports/parity/customers/r/result.json',
      html: 'reports/parity/customers/r/report.html',
      junit: 'reports/parity/customers/r/junit.xml',
      markdown: 'reports/parity/customers/r/summary.md',
    });
    expect(markdown).toMatch(/^## ⚠️ error: parity of `customers`\n/);
    expect(markdown).toContain('shellcorp-migration · run `2026-11-23T09-12-03Z-ab12` by Dana Whitfield, on commit `abcdef1`, finished 2026-11-23 09:12:05 UTC in 2.4 s.');
    expect(markdown).toContain('| 4 | 1 | 2 | 1 | 12 |');
    const rows = markdown.split('\n').filter((line) => /^\| [a-z_]+ \| (✅|❌|⚠️)/.test(line));
    expect(rows).toEqual([
      '| missing_table | ⚠️ error | — | — | — | — | — | — | — | — |',
      '| customer_churn | ❌ fail | join | 1,200 | 1,201 | 1,195 | 1 | 2 | 4 | 0.58% |',
      '| keyless_events | ❌ fail | multiset | 6 | 5 | 3 | 3 | 2 | 0 | 83.3% |',
      '| orders | ✅ pass | join | 1,234,567 | 1,234,567 | 1,234,567 | 0 | 0 | 0 | 0% |',
    ]);
    expect(markdown).toContain('- **missing_table**: QUERY_FAILED: local: Catalog Error: Table with name nope does not exist! \\| <b>');
    expect(markdown).toContain('HTML report: `reports/parity/customers/r/report.html`');
  });

  it('counts the tables beyond the comment limit instead of listing them', () => {
    const tables = [keylessTable(), ...Array.from({ length: 150 }, (_, index) => passTable(`t${index}`, index))];
    const view = parityMarkdownView(makeResult(tables), null);
    expect(view.rows).toHaveLength(MAX_MARKDOWN_ROWS);
    expect(view.rows[0]!.name).toBe('keyless_events');
    expect(view.omitted).toBe('51 more tables (51 passed) are in the HTML report.');
    expect(view.files).toEqual([]);
  });
});

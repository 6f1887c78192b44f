import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { runCutover } from '../../src/cutover/cutover.js';
import { signoffRun } from '../../src/cutover/signoff.js';
import { readParityResult, type ParityRunResult, type ParityTableResult } from '../../src/parity/results.js';
import { runParity } from '../../src/parity/run-parity.js';
import { formatCount, formatPercent } from '../../src/report/format.js';
import { rebuildReports } from '../../src/report/rebuild-reports.js';
import { RecordingReporter } from '../../src/reporter.js';
import { scenarioProject } from '../parity/support/scenarios.js';
import { descendants, parseXml } from './support/xml.js';

/** The numbers a table's row shows, in the order of every report's table of tables. */
function expectedCells(table: ParityTableResult): string[] {
  return [
    formatCount(table.rows?.legacy),
    formatCount(table.rows?.new),
    formatCount(table.diff?.matched),
    formatCount(table.diff?.missing),
    formatCount(table.diff?.extra),
    formatCount(table.diff?.changed),
    formatPercent(table.mismatchRate),
  ];
}

function htmlCells(html: string, table: string): { text: string[]; values: string[] } {
  const row = new RegExp(`<tr data-status="[a-z]+" data-table="${table}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
  const cells = [...row.matchAll(/<td class="num" data-col="[a-z-]+" data-value="([^"]*)">([^<]*)<\/td>/g)];
  return { text: cells.map((cell) => cell[2]!.replace(/&#x27;/g, "'")), values: cells.map((cell) => cell[1]!) };
}

function markdownCells(markdown: string, table: string): string[] {
  const line = markdown.split('\n').find((candidate) => candidate.startsWith(`| ${table} |`)) ?? '';
  return line.split(' | ').slice(3).map((cell) => cell.replace(/ \|$/, ''));
}

function junitCells(junit: string, table: string): string[] {
  const testCase = descendants(parseXml(junit), 'testcase').find((candidate) => candidate.attributes['name'] === table)!;
  const out = testCase.children.find((child) => child.name === 'system-out')!.text;
  const field = (name: string) => new RegExp(`${name}: ([^;]+)`).exec(out)?.[1] ?? '';
  return ['legacy rows', 'new rows', 'matched', 'missing', 'extra', 'changed', 'mismatch rate'].map(field);
}

describe('reports beside each parity run', () => {
  it('writes report.html, junit.xml and summary.md beside result.json, names them in the result, and every format shows the same numbers', async () => {
    const project = await scenarioProject('same');
    const run = await runParity({ loaded: project.loaded, set: 'scenarios' });
    const dir = path.dirname(run.file!);
    const base = `out/reports/parity/scenarios/${run.result.runId}`;
    expect(run.result.reports).toEqual({ json: `${base}/result.json`, html: `${base}/report.html`, junit: `${base}/junit.xml`, markdown: `${base}/summary.md` });
    for (const file of Object.values(run.result.reports)) expect(existsSync(path.join(project.dir, file))).toBe(true);

    const json = JSON.parse(await readFile(run.file!, 'utf8')) as ParityRunResult;
    const html = await readFile(path.join(dir, 'report.html'), 'utf8');
    const junit = await readFile(path.join(dir, 'junit.xml'), 'utf8');
    const markdown = await readFile(path.join(dir, 'summary.md'), 'utf8');
    expect(json.tables.map((table) => table.status).sort()).toEqual(['error', 'fail', 'fail', 'fail', 'fail', 'fail', 'fail', 'pass', 'pass']);
    for (const table of json.tables) {
      const expected = expectedCells(table);
      const shown = htmlCells(html, table.name);
      expect(shown.text, `HTML ${table.name}`).toEqual(expected);
      expect(shown.values, `HTML sort values ${table.name}`).toEqual(
        [table.rows?.legacy, table.rows?.new, table.diff?.matched, table.diff?.missing, table.diff?.extra, table.diff?.changed, table.mismatchRate].map((value) =>
          value === null || value === undefined ? '' : String(value),
        ),
      );
      expect(markdownCells(markdown, table.name), `Markdown ${table.name}`).toEqual(expected);
      expect(junitCells(junit, table.name), `JUnit ${table.name}`).toEqual(expected);
    }
    const suite = parseXml(junit).children[0]!;
    expect(suite.attributes).toMatchObject({ tests: String(json.totals.tables), failures: String(json.totals.failed), errors: String(json.totals.errored) });
    expect(html).toContain(`<div class="value" data-field="passed">${json.totals.passed}</div>`);
    expect(html).toContain(`<div class="value" data-field="failed">${json.totals.failed}</div>`);
    expect(html).toContain(`<div class="value" data-field="errored">${json.totals.errored}</div>`);
    expect(markdown).toContain(`| ${json.totals.tables} | ${json.totals.passed} | ${json.totals.failed} | ${json.totals.errored} |`);
    // The reports name the same run and nothing secret: the result holds connection names only.
    expect(html).toContain(json.runId);
    expect(existsSync(path.join(project.dir, 'out', 'reports', 'index.html'))).toBe(true);
  });

  it('lakeshift report rebuilds every run from result.json without touching it, warns on a corrupt one, and indexes runs latest first', async () => {
    const project = await scenarioProject('same');
    const times = [new Date('2026-11-23T09:00:00Z'), new Date('2026-11-23T09:00:01Z'), new Date('2026-11-23T10:00:00Z'), new Date('2026-11-23T10:00:01Z')];
    const first = await runParity({ loaded: project.loaded, set: 'scenarios', tables: ['identical'], now: () => times.shift()! });
    const second = await runParity({ loaded: project.loaded, set: 'scenarios', tables: ['identical', 'exact'], now: () => times.shift()! });
    const before = await readFile(second.file!);
    await rm(path.join(path.dirname(first.file!), 'report.html'));
    await rm(path.join(path.dirname(second.file!), 'junit.xml'));
    const corrupt = path.join(project.dir, 'out', 'reports', 'parity', 'scenarios', '2026-11-23T11-00-00Z-ffff');
    await mkdir(corrupt, { recursive: true });
    await writeFile(path.join(corrupt, 'result.json'), '{"version": 1, "set": ');

    const reporter = new RecordingReporter();
    const rebuilt = await rebuildReports({ loaded: project.loaded, reporter, now: new Date('2026-11-24T08:00:00Z') });
    expect(rebuilt.rebuilt).toBe(2);
    expect(rebuilt.index).toBe('out/reports/index.html');
    expect(rebuilt.sets).toEqual([
      {
        set: 'scenarios',
        runs: 2,
        latest: { runId: second.result.runId, status: 'fail', finishedAt: '2026-11-23T10:00:01.000Z', signed: false },
        index: 'out/reports/parity/scenarios/index.html',
      },
    ]);
    expect(rebuilt.warnings).toHaveLength(1);
    expect(rebuilt.warnings[0]).toMatch(/^skipped out\/reports\/parity\/scenarios\/2026-11-23T11-00-00Z-ffff\/result\.json: /);
    expect(reporter.messages('warn')).toEqual(rebuilt.warnings);
    expect(existsSync(path.join(path.dirname(first.file!), 'report.html'))).toBe(true);
    expect(existsSync(path.join(path.dirname(second.file!), 'junit.xml'))).toBe(true);
    expect(await readFile(second.file!)).toEqual(before);
    expect(await readParityResult(second.file!)).toEqual(JSON.parse(before.toString('utf8')));

    const index = await readFile(path.join(project.dir, 'out', 'reports', 'index.html'), 'utf8');
    const runs = [...index.matchAll(/data-run="([^"]+)"/g)].map((match) => match[1]);
    expect(runs).toEqual([second.result.runId, first.result.runId]);
    expect(index).toContain(`<a href="parity/scenarios/${second.result.runId}/report.html">`);
    expect(index.match(/<span class="mark (pass|fail|error)"/g)).toEqual([
      // the set's row, then its section: oldest to latest
      '<span class="mark pass"',
      '<span class="mark fail"',
      '<span class="mark pass"',
      '<span class="mark fail"',
    ]);
    const setIndex = await readFile(path.join(project.dir, 'out', 'reports', 'parity', 'scenarios', 'index.html'), 'utf8');
    expect(setIndex).toContain(`<a href="${second.result.runId}/report.html">`);
    expect(setIndex).toContain('<a href="../../index.html">All table sets</a>');
  });

  it('never writes a secret of lakeshift.yaml into a result, a report, a record or a checklist', async () => {
    const project = await scenarioProject('same');
    const secret = 'pa55-Secret-Value-9f3e';
    const text = (await readFile(project.loaded.file, 'utf8')).replace(
      'connections:\n',
      'connections:\n  warehouse: { kind: sqlserver, server: sql.example, database: dw, user: u, password: "${env:LAKESHIFT_TEST_PASSWORD}" }\n',
    );
    await writeFile(project.loaded.file, text);
    const loaded = parseConfig(text, project.loaded.file, { LAKESHIFT_TEST_PASSWORD: secret });
    await runParity({ loaded, set: 'scenarios' });
    await rebuildReports({ loaded });
    await signoffRun({ loaded, set: 'scenarios', by: 'Dana', acceptFailures: true, note: 'ok' });
    await runCutover({ loaded, set: 'scenarios' });
    await runCutover({ loaded, set: 'scenarios', format: 'md' });
    const files = (await readdir(project.dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.(json|html|xml|md|yaml)$/.test(entry.name) && entry.name !== 'lakeshift.yaml')
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(secret);
  });
});

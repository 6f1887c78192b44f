import type { ParityRunResult, ParityTableResult } from '../parity/results.js';
import { formatDuration } from './format.js';
import { tableCounts } from './parity-report.js';

/**
 * JUnit XML of a parity run, for CI systems: one test suite for the set, one test case per
 * table; a table that failed its threshold is a <failure>, a table that errored an <error>.
 * The counts in each test case's output are the ones the HTML and Markdown reports show.
 */
export function renderParityJunit(result: ParityRunResult): string {
  const suite = `parity.${result.set}`;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const properties: Array<[string, string]> = [
    ['set', result.set],
    ['project', result.project],
    ['runId', result.runId],
    ['status', result.status],
    ['ranBy', result.ranBy],
    ['startedAt', result.startedAt],
    ['finishedAt', result.finishedAt],
    ['commit', result.git?.commit ?? ''],
    ['dirty', result.git === null ? '' : String(result.git.dirty)],
    ['config', result.config],
    ['interrupted', String(result.interrupted)],
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    element('testsuites', {
      name: `lakeshift parity ${result.set}`,
      tests: result.totals.tables,
      failures: result.totals.failed,
      errors: result.totals.errored,
      time: seconds(result.durationMs),
    }),
    `  ${element('testsuite', {
      name: suite,
      tests: result.totals.tables,
      failures: result.totals.failed,
      errors: result.totals.errored,
      skipped: 0,
      time: seconds(result.durationMs),
      // The JUnit schema's timestamp has no zone; it is UTC (startedAt in the properties has the Z).
      timestamp: result.startedAt.slice(0, 19),
    })}`,
    '    <properties>',
    ...properties.map(([name, value]) => `      ${element('property', { name, value }, true)}`),
    '    </properties>',
    ...result.tables.flatMap((table) => testCase(table, suite, seconds)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ];
  return lines.join('\n');
}

function testCase(table: ParityTableResult, suite: string, seconds: (ms: number) => string): string[] {
  const open = `    ${element('testcase', { name: table.name, classname: suite, time: seconds(table.durationMs) })}`;
  const body: string[] = [];
  if (table.status === 'fail') {
    const message = table.failures[0] ?? 'the table failed its threshold';
    body.push(`      ${element('failure', { message, type: 'ParityMismatch' })}${text(table.failures.join('\n'))}</failure>`);
  } else if (table.status === 'error') {
    const error = table.error ?? { code: 'INTERNAL', message: 'the table errored', hint: null };
    const detail = [error.message, ...(error.hint === null ? [] : [`hint: ${error.hint}`])].join('\n');
    body.push(`      ${element('error', { message: `${error.code}: ${firstLine(error.message)}`, type: error.code })}${text(detail)}</error>`);
  }
  body.push(`      <system-out>${text(countsText(table))}</system-out>`);
  return [open, ...body, '    </testcase>'];
}

/** The counts of a table as one line of text (the JUnit output; also what tests compare). */
export function countsText(table: ParityTableResult): string {
  const counts = tableCounts(table);
  return [
    `strategy: ${table.strategy ?? '—'}`,
    `legacy rows: ${counts.legacyRows.text}`,
    `new rows: ${counts.newRows.text}`,
    `matched: ${counts.matched.text}`,
    `missing: ${counts.missing.text}`,
    `extra: ${counts.extra.text}`,
    `changed: ${counts.changed.text}`,
    `mismatched rows: ${counts.mismatchedRows.text}`,
    `mismatch rate: ${counts.mismatchRate.text}`,
    `time: ${formatDuration(table.durationMs)}`,
  ].join('; ');
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}

function element(name: string, attributes: Record<string, string | number>, selfClosing = false): string {
  const rendered = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${attribute(String(value))}"`)
    .join('');
  return `<${name}${rendered}${selfClosing ? '/>' : '>'}`;
}

/** Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/F) become U+FFFD. */
function xmlSafe(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

function text(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

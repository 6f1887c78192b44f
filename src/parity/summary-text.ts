import type { ParityRunResult, ParityTableResult } from './results.js';

/**
 * The plain-text summary of a run for the terminal: one row per table, as cells (the command
 * lays them out). A view of the result model, like the HTML report.
 */
export function paritySummaryRows(result: ParityRunResult): string[][] {
  const header = ['table', 'status', 'strategy', 'legacy rows', 'new rows', 'matched', 'missing', 'extra', 'changed', 'top mismatching columns'];
  return [header, ...result.tables.map(tableRow)];
}

function tableRow(table: ParityTableResult): string[] {
  const number = (value: number | undefined) => (value === undefined ? '-' : value.toLocaleString('en-US'));
  const status = table.status === 'pass' ? 'pass' : table.status === 'fail' ? 'FAIL' : 'ERROR';
  const top = table.columns
    .filter((column) => (column.mismatches ?? 0) > 0)
    .sort((a, b) => (b.mismatches ?? 0) - (a.mismatches ?? 0))
    .slice(0, 3)
    .map((column) => `${column.name} (${number(column.mismatches ?? 0)})`)
    .join(', ');
  const detail = table.error !== null ? `${table.error.code}: ${table.error.message}` : top;
  return [
    table.name,
    status,
    table.strategy ?? '-',
    number(table.rows?.legacy),
    number(table.rows?.new),
    number(table.diff?.matched),
    number(table.diff?.missing),
    number(table.diff?.extra),
    number(table.diff?.changed),
    detail.split('\n')[0] ?? '',
  ];
}

/** Lines under the table: why tables failed, in words. */
export function parityFailureLines(result: ParityRunResult): string[] {
  return result.tables.flatMap((table) => [
    ...table.failures.map((failure) => `${table.name}: ${failure}`),
    ...(table.error?.hint == null ? [] : [`${table.name}: ${table.error.hint}`]),
  ]);
}

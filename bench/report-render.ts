/**
 * Rendering the reports of a large parity run: a synthetic result of 500 tables (12 columns
 * each, 100 sampled rows per category for every failing table, per-column mismatches, schema
 * differences, errors) rendered as HTML, JUnit XML and Markdown; printed beside a baseline
 * measured in the same run on the same result (JSON.stringify, what writing result.json costs).
 * Two mixes: a realistic one (most tables pass) and the worst case (every table fails with full
 * samples). Prints figures; asserts nothing.
 *
 *   npx tsc -p . && node dist/bench/report-render.js [tables=500] [iterations=7]
 */
import type { JsonValue } from '../src/parity/json-value.js';
import { parityResultSchema, type ParityRunResult, type ParityTableResult } from '../src/parity/results.js';
import { renderParityJunit } from '../src/report/junit.js';
import { renderParityMarkdown } from '../src/report/parity-markdown.js';
import { renderParityHtml } from '../src/report/parity-report.js';

const tables = Number(process.argv[2] ?? 500);
const iterations = Number(process.argv[3] ?? 7);
const SAMPLE = 100;
const COLUMNS = ['id', 'store_id', 'sales_date', 'customer_name', 'region_code', 'revenue', 'cost', 'margin', 'units', 'is_online', 'notes', 'updated_at'];

function value(column: string, row: number, side: number): JsonValue {
  switch (column) {
    case 'id':
    case 'store_id':
    case 'units':
      return row * 7 + side;
    case 'sales_date':
      return `2026-0${1 + (row % 9)}-1${row % 10}`;
    case 'revenue':
    case 'cost':
    case 'margin':
      return Math.round((row * 13.37 + side * 0.01) * 100) / 100;
    case 'is_online':
      return row % 2 === 0;
    case 'updated_at':
      return `2026-11-2${row % 10} 0${row % 10}:12:03.123`;
    case 'notes':
      return row % 5 === 0 ? null : `note for row ${row} with a bit of free text that analysts typed`;
    default:
      return `${column} ${row}`;
  }
}

function table(index: number, status: ParityTableResult['status'], schemaDiff: boolean): ParityTableResult {
  const rows = 10_000 + index * 97;
  const failing = status === 'fail';
  const changed = failing ? 150 + index : 0;
  const row = (n: number) => Object.fromEntries(COLUMNS.map((column) => [column, value(column, n, 0)]));
  return {
    name: `table_${String(index).padStart(3, '0')}`,
    status,
    strategy: status === 'error' ? null : 'join',
    legacy: { connection: 'legacy', table: `dw.table_${index}` },
    new: { connection: 'lakehouse', table: `gold.table_${index}` },
    rules:
      status === 'error'
        ? null
        : {
            keys: ['id', 'store_id'],
            ignore: ['etl_loaded_at'],
            map: {},
            where: { legacy: null, new: null },
            tolerance: { default: { abs: 0 }, columns: { revenue: { abs: 0.01 } } },
            timestampPrecision: 'ms',
            strings: { trim: 'right', case: 'sensitive', emptyIsNull: false },
            threshold: { mismatchedRows: 0, mismatchRate: null },
            notes: [],
          },
    rows: status === 'error' ? null : { legacy: rows, new: rows + (failing ? 5 : 0) },
    diff: status === 'error' ? null : { matched: rows - changed - (failing ? 20 : 0), missing: failing ? 20 : 0, extra: failing ? 25 : 0, changed },
    mismatchedRows: status === 'error' ? null : failing ? changed + 45 : 0,
    mismatchRate: status === 'error' ? null : failing ? (changed + 45) / (rows + 5) : 0,
    columns: COLUMNS.map((name, position) => ({
      name,
      newName: name,
      family: 'string',
      legacyType: 'varchar(50)',
      newType: schemaDiff && position === 5 ? 'double' : 'string',
      key: position < 2,
      mismatches: position < 2 || status === 'error' ? null : failing && position % 3 === 0 ? changed - position : 0,
      compared: true,
    })),
    schema: status === 'error' ? null : { missingColumns: schemaDiff ? ['legacy_only'] : [], extraColumns: schemaDiff ? ['new_only'] : [], typeMismatches: schemaDiff ? [{ column: 'revenue', legacy: 'decimal(12,2)', new: 'double' }] : [] },
    profiles: [],
    samples: {
      missing: failing ? Array.from({ length: Math.min(20, SAMPLE) }, (_, n) => ({ key: { id: n, store_id: n * 7 }, values: row(n) })) : [],
      extra: failing ? Array.from({ length: Math.min(25, SAMPLE) }, (_, n) => ({ key: { id: 9000 + n, store_id: n * 7 }, values: row(9000 + n) })) : [],
      changed: failing
        ? Array.from({ length: SAMPLE }, (_, n) => ({
            key: { id: n + 100, store_id: (n + 100) * 7 },
            columns: ['revenue', 'margin', 'notes'].slice(0, 1 + (n % 3)).map((name) => ({ name, newName: name, legacy: value(name, n, 0), new: value(name, n, 1) })),
          }))
        : [],
    },
    failures: failing ? [`${changed + 45} mismatched rows, more than the threshold of 0`] : [],
    error: status === 'error' ? { code: 'QUERY_FAILED', message: `lakehouse: [TABLE_OR_VIEW_NOT_FOUND] gold.table_${index} cannot be found`, hint: null } : null,
    durationMs: 1000 + index,
  };
}

function result(mix: 'realistic' | 'all failing'): ParityRunResult {
  const statusOf = (index: number): ParityTableResult['status'] => (mix === 'all failing' ? 'fail' : index % 20 === 0 ? 'error' : index % 3 === 0 ? 'fail' : 'pass');
  const list = Array.from({ length: tables }, (_, index) => table(index, statusOf(index), index % 10 === 0));
  const count = (status: string) => list.filter((entry) => entry.status === status).length;
  return parityResultSchema.parse({
    version: 1,
    kind: 'parity-run',
    runId: '2026-11-23T09-12-03Z-be9c',
    set: 'bench',
    description: 'synthetic',
    project: 'bench',
    status: count('error') > 0 ? 'error' : count('fail') > 0 ? 'fail' : 'pass',
    interrupted: false,
    startedAt: '2026-11-23T09:12:03.000Z',
    finishedAt: '2026-11-23T09:30:00.000Z',
    durationMs: 1_077_000,
    ranBy: 'bench',
    git: { commit: '0123456789abcdef0123456789abcdef01234567', dirty: false },
    config: 'lakeshift.yaml',
    options: { concurrency: 4, sample: SAMPLE, tables: null },
    totals: { tables: list.length, passed: count('pass'), failed: count('fail'), errored: count('error') },
    tables: list,
    reports: {},
  });
}

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function median(work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < iterations; index += 1) times.push((await time(work)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const generatedAt = new Date('2026-11-23T09:30:00Z');

console.log(`report rendering: ${tables} tables x ${COLUMNS.length} columns; median of ${iterations} runs after a first (cold) one; node ${process.version}`);
for (const mix of ['realistic', 'all failing'] as const) {
  const run = result(mix);
  const sampled = run.tables.reduce((sum, entry) => sum + entry.samples.missing.length + entry.samples.extra.length + entry.samples.changed.length, 0);
  const json = JSON.stringify(run, null, 2);
  const cold = await time(() => renderParityHtml(run, { generatedAt }));
  const html = cold.value;
  const junit = renderParityJunit(run);
  const markdown = await renderParityMarkdown(run, null);
  const figures = {
    baseline: await median(() => JSON.stringify(run, null, 2)),
    html: await median(() => renderParityHtml(run, { generatedAt })),
    junit: await median(() => renderParityJunit(run)),
    markdown: await median(() => renderParityMarkdown(run, null)),
  };
  console.log(`\n${mix}: ${run.totals.passed} passed, ${run.totals.failed} failed, ${run.totals.errored} errored; ${sampled.toLocaleString('en-US')} sampled rows in the result`);
  console.log(`  baseline JSON.stringify(result)  ${ms(figures.baseline).padStart(10)}   result.json ${mb(Buffer.byteLength(json))}`);
  console.log(`  HTML report                      ${ms(figures.html).padStart(10)}   (cold ${ms(cold.ms)})   report.html ${mb(Buffer.byteLength(html))}   ${(figures.html / figures.baseline).toFixed(1)}x the baseline`);
  console.log(`  JUnit XML                        ${ms(figures.junit).padStart(10)}   junit.xml ${mb(Buffer.byteLength(junit))}`);
  console.log(`  Markdown summary                 ${ms(figures.markdown).padStart(10)}   summary.md ${mb(Buffer.byteLength(markdown))}`);
}

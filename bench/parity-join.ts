/**
 * The same-engine keyed diff against the hand-written query it replaces, side by side in one
 * run: two 5,000,000-row, 10-column DuckDB tables (one file), 0.01% of rows changed, 100 rows
 * deleted and 100 added. The baseline is one FULL OUTER JOIN that counts matched, missing,
 * extra and changed rows over all ten columns; lakeshift's diff is the duplicate-key checks plus
 * its join query (counts, per-column mismatches and samples). Both run alternately, after one
 * warm-up each; the medians and their ratio are printed. Nothing here asserts a time.
 *
 *   npx tsc -p . && node dist/bench/parity-join.js [rows] [iterations]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/config/load.js';
import { DuckDbEngine } from '../src/engines/duckdb/duckdb-engine.js';
import { rowObjects, toNumber } from '../src/engines/engine.js';
import { planTable } from '../src/parity/plan.js';
import { runParity } from '../src/parity/run-parity.js';
import { joinDiff } from '../src/parity/strategies/join.js';
import { silentReporter } from '../src/reporter.js';
import { COLUMNS, countRows, median, plantSql, tableSql } from './parity-data.js';

const rows = Number(process.argv[2] ?? 5_000_000);
const iterations = Number(process.argv[3] ?? 3);

const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-bench-join-'));
const file = path.join(dir, 'bench.duckdb');
const engine = new DuckDbEngine('local', { kind: 'duckdb', path: file, readOnly: false }, { baseDir: dir });
let started = performance.now();
await engine.execute(`CREATE SCHEMA legacy_s; CREATE SCHEMA new_s; ${tableSql('legacy_s.wide', rows)};`);
await engine.execute(`CREATE TABLE new_s.wide AS SELECT * FROM legacy_s.wide; ${plantSql('new_s.wide', rows, Math.round(rows / 10_000), 100, 100)}`);
console.log(`data: ${rows.toLocaleString('en-US')} rows x 10 columns per side in ${((performance.now() - started) / 1000).toFixed(1)} s (${file})`);

const distinct = COLUMNS.map((column) => `l.${column} IS DISTINCT FROM n.${column}`).join(' OR ');
const baselineSql = `SELECT
  count(*) FILTER (WHERE l.id IS NOT NULL AND n.id IS NOT NULL AND NOT (${distinct})) AS matched,
  count(*) FILTER (WHERE n.id IS NULL) AS missing,
  count(*) FILTER (WHERE l.id IS NULL) AS extra,
  count(*) FILTER (WHERE l.id IS NOT NULL AND n.id IS NOT NULL AND (${distinct})) AS changed
FROM legacy_s.wide l FULL OUTER JOIN new_s.wide n ON l.id = n.id`;

const yaml = `version: 1
project: bench
connections:
  local: { kind: duckdb, path: bench.duckdb }
parity:
  sets:
    bench:
      connection: local
      tables:
        - { name: wide, legacy: legacy_s.wide, new: new_s.wide, keys: [id] }
`;
const loaded = parseConfig(yaml, path.join(dir, 'lakeshift.yaml'), {});
const set = loaded.config.parity.sets['bench']!;
const plan = await planTable(set.tables[0]!, { loaded, set, engine: () => engine });
const sideRows = { legacy: await countRows(engine, 'legacy_s.wide'), new: await countRows(engine, 'new_s.wide') };

const baseline = async () => rowObjects(await engine.query(baselineSql))[0]!;
const lakeshift = async () => joinDiff({ plan, rows: sideRows, sample: 100, reporter: silentReporter });

const expectedChanged = toNumber((await baseline())['changed']!);
const check = await lakeshift();
console.log(`baseline counts: ${JSON.stringify(await baseline(), (_key, value) => (typeof value === 'bigint' ? Number(value) : value))}`);
console.log(`lakeshift counts: matched ${check.matched}, missing ${check.missing}, extra ${check.extra}, changed ${check.changed} (${check.changed === expectedChanged ? 'same' : 'DIFFERENT'})`);

// Pairs run in alternating order (AB, BA, ...) so that a load change on the machine weighs on both.
const times = { baseline: [] as number[], lakeshift: [] as number[] };
const timed = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};
for (let i = 0; i < iterations; i++) {
  if (i % 2 === 0) {
    times.baseline.push(await timed(baseline));
    times.lakeshift.push(await timed(lakeshift));
  } else {
    times.lakeshift.push(await timed(lakeshift));
    times.baseline.push(await timed(baseline));
  }
}
const base = median(times.baseline);
const ours = median(times.lakeshift);
const pairRatios = times.lakeshift.map((time, index) => time / times.baseline[index]!);
console.log(`hand-written FULL OUTER JOIN (counts only): median ${(base / 1000).toFixed(2)} s  [${times.baseline.map((t) => (t / 1000).toFixed(2)).join(', ')}]`);
console.log(`lakeshift join diff (one pass: counts, duplicate-key proof, per-column mismatches, samples): median ${(ours / 1000).toFixed(2)} s  [${times.lakeshift.map((t) => (t / 1000).toFixed(2)).join(', ')}]`);
console.log(`ratio of medians lakeshift / baseline: ${(ours / base).toFixed(2)}x; median of the ${iterations} paired ratios: ${median(pairRatios).toFixed(2)}x (target <= 1.25x)`);
await engine.close();

started = performance.now();
const run = await runParity({ loaded, set: 'bench', write: false });
console.log(`whole table through runParity (plan, profiles of both sides, diff): ${((performance.now() - started) / 1000).toFixed(2)} s, status ${run.result.status}`);
await rm(dir, { recursive: true, force: true });

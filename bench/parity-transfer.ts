/**
 * Cross-engine transfer: legacy and new in two separate DuckDB files (1,000,000 rows x 10
 * columns each by default), fewer than 0.01% of rows different (50 changed, 20 deleted, 20
 * added). Runs the table through runParity's `segments` strategy and prints what crossed the
 * wire (checksum and fetch results, estimated from the values) against the table's size
 * estimate, and the time. Prints figures; asserts nothing.
 *
 *   npx tsc -p . && node dist/bench/parity-transfer.js [rows]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/config/load.js';
import { DuckDbEngine } from '../src/engines/duckdb/duckdb-engine.js';
import { runParity } from '../src/parity/run-parity.js';
import { mb, plantSql, tableSql } from './parity-data.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const changed = Math.max(1, Math.round(rows * 0.00005));
const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-bench-transfer-'));
for (const [file, schema, plant] of [
  ['legacy.duckdb', 'legacy_s', false],
  ['new.duckdb', 'new_s', true],
] as const) {
  const engine = new DuckDbEngine(file, { kind: 'duckdb', path: path.join(dir, file), readOnly: false }, { baseDir: dir });
  await engine.execute(`CREATE SCHEMA ${schema}; ${tableSql(`${schema}.wide`, rows)};${plant ? plantSql(`${schema}.wide`, rows, changed, 20, 20) : ''}`);
  await engine.close();
}
const yaml = `version: 1
project: bench
connections:
  legacy: { kind: duckdb, path: legacy.duckdb }
  lakehouse: { kind: duckdb, path: new.duckdb }
parity:
  sets:
    bench:
      tables:
        - name: wide
          legacy: { connection: legacy, table: legacy_s.wide }
          new: { connection: lakehouse, table: new_s.wide }
          keys: [id]
`;
await writeFile(path.join(dir, 'lakeshift.yaml'), yaml);
const loaded = parseConfig(yaml, path.join(dir, 'lakeshift.yaml'), {});
const started = performance.now();
const run = await runParity({ loaded, set: 'bench', write: false });
const seconds = (performance.now() - started) / 1000;
const table = run.result.tables[0]!;
const differing = (table.diff?.missing ?? 0) + (table.diff?.extra ?? 0) + (table.diff?.changed ?? 0);
console.log(`data: ${rows.toLocaleString('en-US')} rows x 10 columns per side, two DuckDB files; planted ${changed} changed, 20 deleted, 20 added`);
console.log(`found: ${JSON.stringify(table.diff)} — ${differing} differing rows = ${((100 * differing) / rows).toFixed(4)}% of rows`);
const transfer = table.transfer!;
console.log(
  `transfer: ${transfer.checksumQueries} checksum queries, ${transfer.fetchQueries} fetch queries, ${transfer.rowsFetched.toLocaleString('en-US')} result rows, ` +
    `${mb(transfer.bytesFetched)} of ${mb(transfer.tableBytes)} (table estimate) = ${(100 * transfer.ratio).toFixed(3)}% (target < 1%)`,
);
console.log(`time: ${seconds.toFixed(1)} s for the table (plan, profiles, segments)`);
await rm(dir, { recursive: true, force: true });

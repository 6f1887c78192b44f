import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig, type LoadedConfig } from '../../../src/config/load.js';
import { DuckDbEngine } from '../../../src/engines/duckdb/duckdb-engine.js';

/**
 * Tables with every kind of difference planted, and what a parity run must find in them. The
 * same scenarios run through the same-engine strategies (both sides in one DuckDB file) and the
 * cross-engine one (legacy and new in two separate DuckDB files).
 */

export interface Expected {
  readonly status: 'pass' | 'fail';
  readonly rows: { legacy: number; new: number };
  readonly diff: { matched: number; missing: number; extra: number; changed: number };
  /** Per compared non-key column; omitted for keyless tables. */
  readonly mismatches?: Record<string, number>;
  readonly duplicateKeys?: { legacyKeys: number; newKeys: number; legacyRows: number; newRows: number };
}

const legacySql = `
CREATE SCHEMA IF NOT EXISTS legacy_s;
-- "everything": trim right, case-insensitive strings, ms timestamps, abs tolerance on ratio
CREATE OR REPLACE TABLE legacy_s.everything (id INTEGER, amount DECIMAL(10,2), qty INTEGER, ratio DOUBLE, ts TIMESTAMP,
  code VARCHAR, note VARCHAR, flag BOOLEAN, d DATE, u UUID, loaded_at TIMESTAMP);
INSERT INTO legacy_s.everything VALUES
 (1, 10.00, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000001', now()),
 (2, 11.00, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000002', now()),
 (4, 1.50, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000004', now()),
 (5, 1.50, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000005', now()),
 (6, 1.00, 3, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000006', now()),
 (7, 1.00, 1, 0.1, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000007', now()),
 (8, 1.00, 1, 0.1, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000008', now()),
 (9, 1.00, 1, 0.5, '2024-01-01 10:00:00.123456', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000009', now()),
 (10, 1.00, 1, 0.5, '2024-01-01 10:00:00.123', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000010', now()),
 (11, 1.00, 1, 0.5, '2024-01-01 10:00:00', 'AB  ', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000011', now()),
 (12, 1.00, 1, 0.5, '2024-01-01 10:00:00', ' AB', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000012', now()),
 (13, 1.00, 1, 0.5, '2024-01-01 10:00:00', 'A', NULL, true, '2024-01-01', '00000000-0000-0000-0000-000000000013', now()),
 (14, 1.00, 1, 0.5, '2024-01-01 10:00:00', 'A', NULL, true, '2024-01-01', '00000000-0000-0000-0000-000000000014', now()),
 (15, 1.00, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000015', now()),
 (16, 1.00, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000016', now()),
 (17, 1.00, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000017', now()),
 (18, 1.00, 1, 0.5, '2024-01-01 10:00:00', 'A', '', true, '2024-01-01', '00000000-0000-0000-0000-000000000018', now()),
 (19, 1.00, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000019', now()),
 (20, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, now());

-- "exact": the default rules
CREATE OR REPLACE TABLE legacy_s.exact (id INTEGER, s VARCHAR, f DOUBLE, ts TIMESTAMP, amount DECIMAL(10,2), qty INTEGER, big BIGINT, b BLOB);
INSERT INTO legacy_s.exact VALUES
 (1, 'ab', 0.1, '2024-01-01 10:00:00.000001', 1.50, 3, 9007199254740993, '\\x00\\xFF'),
 (2, 'a ', 0.1, '2024-01-01 10:00:00', 1.50, 3, 1, '\\x00'),
 (3, 'x', 0.1, '2024-01-01 10:00:00', 1.50, 3, 1, '\\x00'),
 (4, 'x', 0.1, '2024-01-01 10:00:00.000001', 1.50, 3, 1, '\\x00'),
 (5, 'x', 0.1, '2024-01-01 10:00:00', 2.00, 3, 9007199254740993, '\\x00'),
 (6, 'x', -0.0, '2024-01-01 10:00:00', 0.00, 0, 1, '\\x00'),
 (7, 'x', 1e300, '2024-01-01 10:00:00', -0.50, -3, 1, '\\x00\\xFF'),
 (8, 'x', 5e-324, '1999-12-31 23:59:59.999999', 1.50, 3, 1, '\\x00');

-- "empty": emptyIsNull
CREATE OR REPLACE TABLE legacy_s.empty (id INTEGER, s VARCHAR);
INSERT INTO legacy_s.empty VALUES (1, ''), (2, NULL), (3, '  '), (4, 'x');

-- "keyless": a multiset with duplicates and NULLs, trimmed strings
CREATE OR REPLACE TABLE legacy_s.keyless (a INTEGER, s VARCHAR, x DOUBLE);
INSERT INTO legacy_s.keyless VALUES (1, 'r1', 0.5), (1, 'r1', 0.5), (1, 'r1 ', 0.5), (2, 'r2', 0.25), (3, 'r3', NULL), (NULL, NULL, NULL);

-- "composite": string, date and uuid keys; case-insensitive strings
CREATE OR REPLACE TABLE legacy_s.composite (region VARCHAR, day DATE, uid UUID, v DECIMAL(18,6));
INSERT INTO legacy_s.composite VALUES
 ('North', '2024-01-01', 'a0000000-0000-0000-0000-00000000000a', 1),
 ('South', '2024-01-01', 'a0000000-0000-0000-0000-00000000000a', 2),
 ('South', '2024-01-02', 'a0000000-0000-0000-0000-00000000000b', 3),
 ('West', '2024-01-02', 'a0000000-0000-0000-0000-00000000000b', 4);

-- "dupkeys": duplicate keys after normalisation (case-insensitive)
CREATE OR REPLACE TABLE legacy_s.dupkeys (k VARCHAR, v INTEGER);
INSERT INTO legacy_s.dupkeys VALUES ('a', 1), ('A', 2), ('b', 3), ('c', 4), ('d', 5);

-- "schema": a dropped column, an added one, a type change
CREATE OR REPLACE TABLE legacy_s.schemadiff (id INTEGER, kept VARCHAR, dropped INTEGER, retyped INTEGER);
INSERT INTO legacy_s.schemadiff VALUES (1, 'x', 1, 5), (2, 'y', 2, 6);

-- "identical": passes
CREATE OR REPLACE TABLE legacy_s.identical (id BIGINT, name VARCHAR, amount DECIMAL(19,4), "at" TIMESTAMP);
INSERT INTO legacy_s.identical SELECT i, 'name ' || i, i / 7, TIMESTAMP '2024-01-01' + i * INTERVAL 1 SECOND FROM range(1, 3001) t(i);
`;

const newSql = `
CREATE SCHEMA IF NOT EXISTS new_s;
CREATE OR REPLACE TABLE new_s.everything (id INTEGER, amount DECIMAL(12,4), qty DECIMAL(10,2), ratio DOUBLE, ts TIMESTAMP,
  code VARCHAR, note VARCHAR, flag BOOLEAN, d DATE, u UUID, loaded_at TIMESTAMP);
INSERT INTO new_s.everything VALUES
 (1, 10.0000, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000001', now()),
 (3, 12.0000, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000003', now()),
 (4, 1.5000, 1.00, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000004', now()),
 (5, 1.5100, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000005', now()),
 (6, 1.0000, 4, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000006', now()),
 (7, 1.0000, 1, 0.1000000001, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000007', now()),
 (8, 1.0000, 1, 0.101, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000008', now()),
 (9, 1.0000, 1, 0.5, '2024-01-01 10:00:00.123', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000009', now()),
 (10, 1.0000, 1, 0.5, '2024-01-01 10:00:00.124', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000010', now()),
 (11, 1.0000, 1, 0.5, '2024-01-01 10:00:00', 'ab', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000011', now()),
 (12, 1.0000, 1, 0.5, '2024-01-01 10:00:00', 'AB', 'n', true, '2024-01-01', '00000000-0000-0000-0000-000000000012', now()),
 (13, 1.0000, 1, 0.5, '2024-01-01 10:00:00', 'A', 'x', true, '2024-01-01', '00000000-0000-0000-0000-000000000013', now()),
 (14, 1.0000, 1, 0.5, '2024-01-01 10:00:00', 'A', NULL, true, '2024-01-01', '00000000-0000-0000-0000-000000000014', now()),
 (15, 1.0000, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', false, '2024-01-01', '00000000-0000-0000-0000-000000000015', now()),
 (16, 1.0000, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-02', '00000000-0000-0000-0000-000000000016', now()),
 (17, 1.0000, 1, 0.5, '2024-01-01 10:00:00', 'A', 'n', true, '2024-01-01', '00000000-0000-0000-0000-0000000000ff', now()),
 (18, 1.0000, 1, 0.5, '2024-01-01 10:00:00', 'A', NULL, true, '2024-01-01', '00000000-0000-0000-0000-000000000018', now()),
 (19, 1.0000, 2, 0.5, '2024-01-01 10:00:00', 'A', 'm', true, '2024-01-01', '00000000-0000-0000-0000-000000000019', now()),
 (20, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, now());

CREATE OR REPLACE TABLE new_s.exact (id INTEGER, s VARCHAR, f DOUBLE, ts TIMESTAMP, amount DECIMAL(12,4), qty DECIMAL(10,2), big BIGINT, b BLOB);
INSERT INTO new_s.exact VALUES
 (1, 'AB', 0.1, '2024-01-01 10:00:00.000001', 1.5000, 3.00, 9007199254740993, '\\x00\\xFF'),
 (2, 'a', 0.1, '2024-01-01 10:00:00', 1.5, 3, 1, '\\x00'),
 (3, 'x', 0.10000000000000002, '2024-01-01 10:00:00', 1.5, 3, 1, '\\x00'),
 (4, 'x', 0.1, '2024-01-01 10:00:00.000002', 1.5, 3, 1, '\\x00'),
 (5, 'x', 0.1, '2024-01-01 10:00:00', 2, 3, 9007199254740992, '\\x00'),
 (6, 'x', 0.0, '2024-01-01 10:00:00', 0, 0, 1, '\\x00'),
 (7, 'x', 1e300, '2024-01-01 10:00:00', -0.5, -3, 1, '\\x00\\xFE'),
 (8, 'x', 5e-324, '1999-12-31 23:59:59.999999', 1.5, 3, 1, '\\x00');

CREATE OR REPLACE TABLE new_s.empty (id INTEGER, s VARCHAR);
INSERT INTO new_s.empty VALUES (1, NULL), (2, ''), (3, NULL), (4, 'x');

CREATE OR REPLACE TABLE new_s.keyless (a INTEGER, s VARCHAR, x DOUBLE);
INSERT INTO new_s.keyless VALUES (1, 'r1', 0.5), (2, 'r2', 0.25), (4, 'r4', 1), (4, 'r4', 1), (NULL, NULL, NULL);

CREATE OR REPLACE TABLE new_s.composite (region VARCHAR, day DATE, uid UUID, v DECIMAL(10,2));
INSERT INTO new_s.composite VALUES
 ('NORTH', '2024-01-01', 'a0000000-0000-0000-0000-00000000000a', 1),
 ('south', '2024-01-01', 'a0000000-0000-0000-0000-00000000000a', 2.5),
 ('South', '2024-01-02', 'a0000000-0000-0000-0000-00000000000c', 3),
 ('West', '2024-01-02', 'a0000000-0000-0000-0000-00000000000b', 4.00);

CREATE OR REPLACE TABLE new_s.dupkeys (k VARCHAR, v INTEGER);
INSERT INTO new_s.dupkeys VALUES ('a', 1), ('b', 3), ('c', 4), ('c', 4), ('d', 6);

CREATE OR REPLACE TABLE new_s.schemadiff (id INTEGER, kept VARCHAR, added INTEGER, retyped VARCHAR);
INSERT INTO new_s.schemadiff VALUES (1, 'x', 1, '5'), (2, 'y', 2, '6');

CREATE OR REPLACE TABLE new_s.identical (id BIGINT, name VARCHAR, amount DECIMAL(19,4), "at" TIMESTAMP);
INSERT INTO new_s.identical SELECT i, 'name ' || i, i / 7, TIMESTAMP '2024-01-01' + i * INTERVAL 1 SECOND FROM range(1, 3001) t(i);
`;

const tables = (legacyConnection: string, newConnection: string) => {
  const side = (connection: string, table: string) => `{ connection: ${connection}, table: ${table} }`;
  const pair = (name: string) => `legacy: ${side(legacyConnection, `legacy_s.${name}`)}\n          new: ${side(newConnection, `new_s.${name}`)}`;
  return `
        - name: everything
          ${pair('everything')}
          keys: [id]
          ignore: [loaded_at]
          strings: { trim: right, case: insensitive }
          timestampPrecision: ms
          tolerance: { columns: { ratio: { abs: 1.0e-6 } } }
        - name: exact
          ${pair('exact')}
          keys: [id]
        - name: empty
          ${pair('empty')}
          keys: [id]
          strings: { trim: both, emptyIsNull: true }
        - name: keyless
          ${pair('keyless')}
          strings: { trim: right }
        - name: composite
          ${pair('composite')}
          keys: [region, day, uid]
          strings: { case: insensitive }
        - name: dupkeys
          ${pair('dupkeys')}
          keys: [k]
          strings: { case: insensitive }
        - name: schemadiff
          ${pair('schemadiff')}
          keys: [id]
        - name: identical
          ${pair('identical')}
          keys: [id]
        - name: missing_table
          legacy: ${side(legacyConnection, 'legacy_s.no_such_table')}
          new: ${side(newConnection, 'new_s.identical')}
          keys: [id]`;
};

/** What every strategy must find, table by table. */
export const expected: Record<string, Expected> = {
  everything: {
    status: 'fail',
    rows: { legacy: 19, new: 19 },
    diff: { matched: 7, missing: 1, extra: 1, changed: 11 },
    mismatches: { amount: 1, qty: 2, ratio: 1, ts: 1, code: 1, note: 3, flag: 1, d: 1, u: 1 },
  },
  exact: {
    status: 'fail',
    rows: { legacy: 8, new: 8 },
    diff: { matched: 2, missing: 0, extra: 0, changed: 6 },
    mismatches: { s: 2, f: 1, ts: 1, amount: 0, qty: 0, big: 1, b: 1 },
  },
  empty: { status: 'pass', rows: { legacy: 4, new: 4 }, diff: { matched: 4, missing: 0, extra: 0, changed: 0 }, mismatches: { s: 0 } },
  keyless: { status: 'fail', rows: { legacy: 6, new: 5 }, diff: { matched: 3, missing: 3, extra: 2, changed: 0 } },
  composite: {
    status: 'fail',
    rows: { legacy: 4, new: 4 },
    diff: { matched: 2, missing: 1, extra: 1, changed: 1 },
    mismatches: { v: 1 },
  },
  dupkeys: {
    status: 'fail',
    rows: { legacy: 5, new: 5 },
    diff: { matched: 1, missing: 0, extra: 0, changed: 1 },
    mismatches: { v: 1 },
    duplicateKeys: { legacyKeys: 1, newKeys: 1, legacyRows: 3, newRows: 3 },
  },
  schemadiff: { status: 'fail', rows: { legacy: 2, new: 2 }, diff: { matched: 2, missing: 0, extra: 0, changed: 0 }, mismatches: { kept: 0, retyped: 0 } },
  identical: { status: 'pass', rows: { legacy: 3000, new: 3000 }, diff: { matched: 3000, missing: 0, extra: 0, changed: 0 }, mismatches: { name: 0, amount: 0, at: 0 } },
};

export interface ScenarioProject {
  readonly dir: string;
  readonly loaded: LoadedConfig;
}

/**
 * A temp project: `same` puts both sides in one DuckDB file (connection "local"); `cross` puts
 * legacy in legacy.duckdb and new in new.duckdb (connections "legacy" and "lakehouse").
 */
export async function scenarioProject(mode: 'same' | 'cross'): Promise<ScenarioProject> {
  const dir = await mkdtemp(path.join(tmpdir(), `lakeshift-parity-${mode}-`));
  const connections =
    mode === 'same'
      ? '  local: { kind: duckdb, path: data/local.duckdb }\n'
      : '  legacy: { kind: duckdb, path: data/legacy.duckdb }\n  lakehouse: { kind: duckdb, path: data/new.duckdb }\n';
  const [legacyConnection, newConnection] = mode === 'same' ? ['local', 'local'] : ['legacy', 'lakehouse'];
  const yaml = `version: 1
project: scenarios
connections:
${connections}parity:
  concurrency: 3
  sets:
    scenarios:
      description: every kind of difference
      tables:${tables(legacyConnection, newConnection)}
reports:
  dir: out/reports
`;
  const file = path.join(dir, 'lakeshift.yaml');
  await writeFile(file, yaml);
  const loaded = parseConfig(yaml, file, {});
  const load = async (connection: string, sql: string) => {
    const config = loaded.config.connections[connection]!;
    if (config.kind !== 'duckdb') throw new Error('duckdb only');
    const engine = new DuckDbEngine(connection, config, { baseDir: dir });
    await engine.execute(sql);
    await engine.close();
  };
  await load(legacyConnection, legacySql);
  await load(newConnection, newSql);
  return { dir, loaded };
}

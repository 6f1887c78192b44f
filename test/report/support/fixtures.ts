import { parityResultSchema, type ParityRunResult, type ParityTableResult } from '../../../src/parity/results.js';

/**
 * Parity results built by hand for the renderers' unit tests: one table of each status, with
 * samples holding every kind of value a report must show (NULL, '', padded strings, 64-bit
 * integers, bytes, markup), schema differences and per-column mismatches. Validated against
 * the result schema, so that the renderers are tested on results lakeshift can write.
 */

const rules = (keys: string[] = ['id']): NonNullable<ParityTableResult['rules']> => ({
  keys,
  ignore: ['etl_loaded_at'],
  map: { Revenue: 'revenue' },
  where: { legacy: null, new: null },
  tolerance: { default: { abs: 0 }, columns: { revenue: { abs: 0.01 } } },
  timestampPrecision: 'ms',
  strings: { trim: 'right', case: 'sensitive', emptyIsNull: false },
  threshold: { mismatchedRows: 0, mismatchRate: null },
  notes: [],
});

const column = (name: string, mismatches: number | null, extra: Partial<ParityTableResult['columns'][number]> = {}): ParityTableResult['columns'][number] => ({
  name,
  newName: name,
  family: 'string',
  legacyType: 'VARCHAR',
  newType: 'VARCHAR',
  key: false,
  mismatches,
  compared: true,
  ...extra,
});

export function passTable(name = 'orders', rows = 1_234_567): ParityTableResult {
  return {
    name,
    status: 'pass',
    strategy: 'join',
    legacy: { connection: 'local', table: `legacy.${name}` },
    new: { connection: 'local', table: `gold.${name}` },
    rules: rules(),
    rows: { legacy: rows, new: rows },
    diff: { matched: rows, missing: 0, extra: 0, changed: 0 },
    mismatchedRows: 0,
    mismatchRate: 0,
    columns: [column('id', null, { key: true, family: 'integer' }), column('status', 0), column('amount', 0, { family: 'decimal' })],
    schema: { missingColumns: [], extraColumns: [], typeMismatches: [] },
    profiles: [],
    samples: { missing: [], extra: [], changed: [] },
    failures: [],
    error: null,
    durationMs: 1520,
  };
}

export function failTable(): ParityTableResult {
  return {
    name: 'customer_churn',
    status: 'fail',
    strategy: 'join',
    legacy: { connection: 'local', table: 'legacy_dw.customer_churn' },
    new: { connection: 'local', table: 'gold.customer_churn' },
    rules: rules(['customer_id']),
    rows: { legacy: 1200, new: 1201 },
    diff: { matched: 1195, missing: 1, extra: 2, changed: 4 },
    mismatchedRows: 7,
    mismatchRate: 7 / 1201,
    columns: [
      column('customer_id', null, { key: true, family: 'integer' }),
      column('churn_flag', 4, { family: 'boolean' }),
      column('churn_risk', 3),
      column('Revenue', 1, { newName: 'revenue', family: 'decimal' }),
      column('region', 0),
      column('etl_loaded_at', null, { compared: false, family: 'timestamp' }),
    ],
    schema: { missingColumns: ['legacy_only'], extraColumns: ['new_only'], typeMismatches: [{ column: 'Revenue', legacy: 'DECIMAL(12,2)', new: 'DOUBLE' }] },
    profiles: [],
    samples: {
      missing: [{ key: { customer_id: 7 }, values: { customer_id: 7, churn_flag: false, churn_risk: 'Low', Revenue: 10.5, region: 'NE' } }],
      extra: [
        { key: { customer_id: 9001 }, values: { customer_id: 9001, churn_flag: null, churn_risk: '', Revenue: { bigint: '9007199254740993' }, region: 'NE  ' } },
        { key: { customer_id: 9002 }, values: { customer_id: 9002, churn_flag: true, churn_risk: '<script>alert(1)</script>', Revenue: { float: 'NaN' }, region: { bytes: '00ff' } } },
      ],
      changed: [
        {
          key: { customer_id: 100 },
          columns: [
            { name: 'churn_flag', newName: 'churn_flag', legacy: false, new: true },
            { name: 'churn_risk', newName: 'churn_risk', legacy: 'At risk', new: 'Churned' },
          ],
        },
        { key: { customer_id: 106 }, columns: [{ name: 'churn_flag', newName: 'churn_flag', legacy: false, new: true }] },
        { key: { customer_id: 123 }, columns: [{ name: 'Revenue', newName: 'revenue', legacy: 10.5, new: null }] },
      ],
    },
    failures: ['7 mismatched rows, more than the threshold of 0', 'columns missing from the new table: legacy_only'],
    error: null,
    durationMs: 830,
  };
}

export function errorTable(): ParityTableResult {
  return {
    name: 'missing_table',
    status: 'error',
    strategy: null,
    legacy: { connection: 'local', table: 'legacy.nope' },
    new: { connection: 'local', table: 'gold.nope' },
    rules: null,
    rows: null,
    diff: null,
    mismatchedRows: null,
    mismatchRate: null,
    columns: [],
    schema: null,
    profiles: [],
    samples: { missing: [], extra: [], changed: [] },
    failures: [],
    error: { code: 'QUERY_FAILED', message: 'local: Catalog Error: Table with name nope does not exist! | <b>', hint: 'Check the table name.' },
    durationMs: 12,
  };
}

export function keylessTable(): ParityTableResult {
  return {
    ...passTable('keyless_events', 6),
    status: 'fail',
    strategy: 'multiset',
    rules: rules([]),
    rows: { legacy: 6, new: 5 },
    diff: { matched: 3, missing: 3, extra: 2, changed: 0 },
    mismatchedRows: 5,
    mismatchRate: 5 / 6,
    columns: [column('a', null, { family: 'integer' }), column('s', null)],
    samples: { missing: [{ key: null, values: { a: 1, s: 'r1' }, copies: 2 }], extra: [{ key: null, values: { a: 2, s: 'r2 ' }, copies: 1 }], changed: [] },
    failures: ['5 mismatched rows, more than the threshold of 0'],
  };
}

export function makeResult(tables: ParityTableResult[] = [failTable(), passTable(), errorTable(), keylessTable()], overrides: Partial<ParityRunResult> = {}): ParityRunResult {
  const count = (status: string) => tables.filter((table) => table.status === status).length;
  const result: ParityRunResult = {
    version: 1,
    kind: 'parity-run',
    runId: '2026-11-23T09-12-03Z-ab12',
    set: 'customers',
    description: 'Customer tables for the CRM team',
    project: 'shellcorp-migration',
    status: count('error') > 0 ? 'error' : count('fail') > 0 ? 'fail' : 'pass',
    interrupted: false,
    startedAt: '2026-11-23T09:12:03.000Z',
    finishedAt: '2026-11-23T09:12:05.400Z',
    durationMs: 2400,
    ranBy: 'Dana Whitfield',
    git: { commit: 'abcdef1234567890abcdef1234567890abcdef12', dirty: false },
    config: 'lakeshift.yaml',
    options: { concurrency: 4, sample: 100, tables: null },
    totals: { tables: tables.length, passed: count('pass'), failed: count('fail'), errored: count('error') },
    tables,
    reports: {},
    ...overrides,
  };
  return parityResultSchema.parse(result);
}

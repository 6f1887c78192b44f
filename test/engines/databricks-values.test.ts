import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  databricksColumns,
  databricksRow,
  databricksTypes,
  duplicateColumnNames,
  nestedText,
  type DatabricksTableSchema,
} from '../../src/engines/databricks/databricks-values.js';
import { arrow, arrowPayload, columnDesc, realOperation, thriftTypes, type FakeStatement, type TransportLog } from './support/databricks-fake.js';

/**
 * Rows as @databricks/sql 2.0.0 itself produces them: a real DBSQLOperation reads Arrow IPC
 * batches (typed as Spark's ArrowUtils types them: BIGINT Int64, DECIMAL Decimal128,
 * TIMESTAMP Timestamp(MICROSECOND, tz), DATE Date(DAY), BINARY Binary, ARRAY List with an
 * "element" child, STRUCT Struct, MAP Map with "entries"/"key"/"value") or thrift columns
 * through its own result handlers (support/databricks-fake.ts).
 */

const require = createRequire(import.meta.url);
const Int64 = require('node-int64') as new (buffer: Buffer, offset: number) => unknown;

const newLog = (): TransportLog => ({ fetches: 0, statusPolls: 0, cancels: 0, closes: 0, fetchMaxRows: [] });

async function fetchAll(statement: FakeStatement, config: Record<string, unknown> = {}) {
  const operation = realOperation(statement, newLog(), config);
  const schema = await operation.getSchema();
  const rows: object[] = [];
  do {
    rows.push(...(await operation.fetchChunk({ maxRows: 1000 })));
  } while (await operation.hasMoreRows());
  return { schema, rows };
}

/** Unscaled decimal values as Decimal128 words (little endian, two's complement); null for NULL. */
function decimalData(type: InstanceType<typeof arrow.Decimal>, values: Array<bigint | null>) {
  const words = new Uint32Array(values.length * 4);
  const valid = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, index) => {
    if (value === null) return;
    valid[index >> 3]! |= 1 << (index % 8);
    let bits = BigInt.asUintN(128, value);
    for (let word = 0; word < 4; word++) {
      words[index * 4 + word] = Number(bits & 0xffffffffn);
      bits >>= 32n;
    }
  });
  const nullCount = values.filter((value) => value === null).length;
  return arrow.makeVector(arrow.makeData({ type, length: values.length, nullCount, nullBitmap: valid, data: words }));
}

function timestampData(values: Array<bigint | null>) {
  const valid = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, index) => {
    if (value !== null) valid[index >> 3]! |= 1 << (index % 8);
  });
  return arrow.makeVector(
    arrow.makeData({
      type: new arrow.TimestampMicrosecond('Etc/UTC'),
      length: values.length,
      nullCount: values.filter((value) => value === null).length,
      nullBitmap: valid,
      data: new BigInt64Array(values.map((value) => value ?? 0n)),
    }),
  );
}

const micros = (iso: string, extraMicros: number) => BigInt(Date.parse(iso)) * 1000n + BigInt(extraMicros);

describe('Databricks values through the driver\'s Arrow path (native Arrow types)', () => {
  const schema: DatabricksTableSchema = {
    columns: [
      columnDesc('b', 'BOOLEAN', 1),
      columnDesc('ti', 'TINYINT', 2),
      columnDesc('i', 'INT', 3),
      columnDesc('bi', 'BIGINT', 4),
      columnDesc('f', 'FLOAT', 5),
      columnDesc('d', 'DOUBLE', 6),
      columnDesc('dec', 'DECIMAL', 7, { precision: 38, scale: 10 }),
      columnDesc('small_dec', 'DECIMAL', 8, { precision: 10, scale: 2 }),
      columnDesc('s', 'STRING', 9),
      columnDesc('ts', 'TIMESTAMP', 10),
      columnDesc('dt', 'DATE', 11),
      columnDesc('bin', 'BINARY', 12),
      columnDesc('arr', 'ARRAY', 13),
      columnDesc('st', 'STRUCT', 14),
      columnDesc('m', 'MAP', 15),
      columnDesc('iv', 'STRING', 16),
    ],
  };
  const structType = new arrow.Struct([
    new arrow.Field('a', new arrow.Int32(), true),
    new arrow.Field('d', new arrow.Decimal(2, 4, 128), true),
    new arrow.Field('n', new arrow.Int64(), true),
  ]);
  const mapType = new arrow.Map_(
    new arrow.Field('entries', new arrow.Struct([new arrow.Field('key', new arrow.Utf8(), false), new arrow.Field('value', new arrow.Int64(), true)]), false),
  );
  const table = new arrow.Table({
    b: arrow.vectorFromArray([true, null], new arrow.Bool()),
    ti: arrow.vectorFromArray([-128, null], new arrow.Int8()),
    i: arrow.vectorFromArray([2147483647, null], new arrow.Int32()),
    bi: arrow.vectorFromArray([9223372036854775807n, null], new arrow.Int64()),
    f: arrow.vectorFromArray([1.5, null], new arrow.Float32()),
    d: arrow.vectorFromArray([0.1, null], new arrow.Float64()),
    dec: decimalData(new arrow.Decimal(10, 38, 128), [123456789012345678901234567890n, null]),
    small_dec: decimalData(new arrow.Decimal(2, 10, 128), [-5n, null]),
    s: arrow.vectorFromArray(['Zürich', null], new arrow.Utf8()),
    ts: timestampData([micros('2024-03-15T13:45:30.123Z', 456), null]),
    dt: arrow.vectorFromArray([new Date(Date.UTC(2024, 1, 29)), null], new arrow.DateDay()),
    bin: arrow.vectorFromArray([new Uint8Array([0xde, 0xad]), null], new arrow.Binary()),
    arr: arrow.vectorFromArray([[1, 2, null], null], new arrow.List(new arrow.Field('element', new arrow.Int32(), true))),
    st: arrow.vectorFromArray([{ a: 1, d: null, n: 314159265359n }, null], structType),
    m: arrow.vectorFromArray([new Map([['e', 271828182846n]]), null], mapType),
    iv: arrow.vectorFromArray(['1-2', null], new arrow.Utf8()),
  });

  it('gives the shapes the conversion expects, then converts them', async () => {
    const { arrowSchema, batches } = arrowPayload(table);
    const { schema: reported, rows } = await fetchAll({ schema, arrowSchema, pages: [{ kind: 'arrow', batches }] });
    const raw = rows[0] as Record<string, unknown>;

    // What dist/result/ArrowResultConverter.js hands over with preserveBigNumericPrecision.
    expect(raw['bi']).toBe(9223372036854775807n);
    expect(raw['dec']).toBe('12345678901234567890.1234567890');
    expect(raw['small_dec']).toBe('-0.05');
    expect(raw['ts']).toBeInstanceOf(Date);
    expect((raw['ts'] as Date).toISOString()).toBe('2024-03-15T13:45:30.123Z');
    expect(raw['dt']).toBeInstanceOf(Date);
    expect(Buffer.isBuffer(raw['bin'])).toBe(true);
    expect(raw['arr']).toEqual([1, 2, null]);
    expect(raw['st']).toEqual({ a: 1, d: null, n: 314159265359n });
    expect(raw['m']).toEqual({ e: 271828182846n });
    expect(raw['f']).toBe(1.5);

    const columns = databricksColumns(reported);
    expect(columns.columns.map((column) => [column.name, column.type, column.family])).toEqual([
      ['b', 'BOOLEAN', 'boolean'],
      ['ti', 'TINYINT', 'integer'],
      ['i', 'INT', 'integer'],
      ['bi', 'BIGINT', 'integer'],
      ['f', 'FLOAT', 'float'],
      ['d', 'DOUBLE', 'float'],
      ['dec', 'DECIMAL(38,10)', 'decimal'],
      ['small_dec', 'DECIMAL(10,2)', 'decimal'],
      ['s', 'STRING', 'string'],
      ['ts', 'TIMESTAMP', 'timestamp'],
      ['dt', 'DATE', 'date'],
      ['bin', 'BINARY', 'binary'],
      ['arr', 'ARRAY', 'other'],
      ['st', 'STRUCT', 'other'],
      ['m', 'MAP', 'other'],
      ['iv', 'STRING', 'string'],
    ]);
    expect(databricksRow(rows[0]!, columns)).toEqual([
      true,
      -128,
      2147483647,
      9223372036854775807n,
      1.5,
      0.1,
      '12345678901234567890.1234567890',
      '-0.05',
      'Zürich',
      // Databricks keeps microseconds; the driver's Date keeps milliseconds (.456 is lost).
      '2024-03-15 13:45:30.123',
      '2024-02-29',
      Buffer.from([0xde, 0xad]),
      '[1,2,null]',
      '{"a":1,"d":null,"n":314159265359}',
      '{"e":271828182846}',
      '1-2',
    ]);
    expect(databricksRow(rows[1]!, columns)).toEqual(columns.columns.map(() => null));
  });

  it('without preserveBigNumericPrecision the driver rounds BIGINT and DECIMAL to numbers (why the engine sets it)', async () => {
    const { arrowSchema, batches } = arrowPayload(table);
    const { rows } = await fetchAll({ schema, arrowSchema, pages: [{ kind: 'arrow', batches }] }, { preserveBigNumericPrecision: false });
    const raw = rows[0] as Record<string, unknown>;
    expect(raw['bi']).toBe(9223372036854775807);
    expect(typeof raw['dec']).toBe('number');
  });

  it('reads several Arrow pages and batches in order', async () => {
    const page = (from: number, count: number) =>
      arrowPayload(new arrow.Table({ n: arrow.vectorFromArray(Array.from({ length: count }, (_, index) => BigInt(from + index)), new arrow.Int64()) }));
    const first = page(0, 3);
    const second = page(3, 2);
    const { rows } = await fetchAll({
      schema: { columns: [columnDesc('n', 'BIGINT', 1)] },
      arrowSchema: first.arrowSchema,
      pages: [{ kind: 'arrow', batches: first.batches }, { kind: 'arrow', batches: second.batches }],
    });
    expect(rows.map((row) => (row as { n: bigint }).n)).toEqual([0n, 1n, 2n, 3n, 4n]);
  });
});

describe('Databricks values through the driver\'s thrift column path', () => {
  it('converts the strings, numbers and parsed JSON that dist/result/JsonResultHandler.js gives', async () => {
    // Column shapes as a server sends them (cf. the driver's tests/fixtures/compatibility/column/data.ts).
    const schema: DatabricksTableSchema = {
      columns: [
        columnDesc('bi', 'BIGINT', 1),
        columnDesc('dec', 'DECIMAL', 2, { precision: 3, scale: 2 }),
        columnDesc('ts', 'TIMESTAMP', 3),
        columnDesc('dt', 'DATE', 4),
        columnDesc('bin', 'BINARY', 5),
        columnDesc('arr', 'ARRAY', 6),
        columnDesc('st', 'STRUCT', 7),
      ],
    };
    const nulls = Buffer.from([0b10]);
    const columns = [
      { i64Val: { values: [new Int64(Buffer.from([0, 1, 82, 93, 148, 146, 127, 255]), 0), new Int64(Buffer.alloc(8), 0)], nulls } },
      { stringVal: { values: ['3.14', ''], nulls } },
      { stringVal: { values: ['2014-01-17 00:17:13.123456', ''], nulls } },
      { stringVal: { values: ['2014-01-17', ''], nulls } },
      { binaryVal: { values: [Buffer.from('binary value'), Buffer.alloc(0)], nulls } },
      { stringVal: { values: ['[1.41,2.71,3.14]', ''], nulls } },
      { stringVal: { values: ['{"s":"string value","n":314159265359}', ''], nulls } },
    ];
    const { schema: reported, rows } = await fetchAll({ schema, format: 'columns', pages: [{ kind: 'columns', columns }] });
    const raw = rows[0] as Record<string, unknown>;
    expect(raw['bi']).toBe(372036854775807);
    expect(raw['dec']).toBe(3.14);
    expect(raw['arr']).toEqual([1.41, 2.71, 3.14]);
    const converted = databricksColumns(reported);
    expect(databricksRow(rows[0]!, converted)).toEqual([
      372036854775807n,
      '3.14',
      '2014-01-17 00:17:13.123456',
      '2014-01-17',
      Buffer.from('binary value'),
      '[1.41,2.71,3.14]',
      '{"s":"string value","n":314159265359}',
    ]);
    expect(databricksRow(rows[1]!, converted)).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('databricksColumns', () => {
  it('orders columns by position and finds names that collide', () => {
    const columns = databricksColumns({ columns: [columnDesc('id', 'INT', 2), columnDesc('id', 'STRING', 1)] });
    expect(columns.columns.map((column) => column.type)).toEqual(['STRING', 'INT']);
    expect(duplicateColumnNames(columns)).toEqual(['id']);
  });

  it('has no columns for a statement without a result set', () => {
    expect(databricksColumns(null)).toEqual({ columns: [], keys: [], converters: [] });
  });

  it('agrees with the driver\'s TTypeId enum', () => {
    for (const [name, id] of Object.entries(thriftTypes.TTypeId)) {
      if (typeof id !== 'number') continue;
      const expected = name.replace(/_TYPE$/, '').replace('NULL', 'VOID').replace('INTERVAL_YEAR_MONTH', 'INTERVAL YEAR TO MONTH').replace('INTERVAL_DAY_TIME', 'INTERVAL DAY TO SECOND');
      expect(databricksTypes[id]?.name, name).toBe(expected.replace('USER_DEFINED', 'USER_DEFINED'));
    }
  });
});

describe('nestedText', () => {
  it('writes nested values as JSON without losing digits', () => {
    expect(nestedText({ big: 9007199254740993n, when: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 600)), raw: Buffer.from('hi'), list: [1, '2', null, true] })).toBe(
      '{"big":9007199254740993,"when":"2024-01-02 03:04:05.6","raw":"aGk=","list":[1,"2",null,true]}',
    );
  });
});

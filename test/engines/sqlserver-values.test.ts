import { describe, expect, it } from 'vitest';
import { sqlServerConnectionSchema } from '../../src/config/schema.js';
import { SqlServerEngine } from '../../src/engines/sqlserver/sqlserver-engine.js';
import { sqlServerColumns, sqlServerFamilies } from '../../src/engines/sqlserver/sqlserver-values.js';
import { toDecimalText } from '../../src/engines/value-text.js';
import { FakeMssqlDriver } from './support/mssql-fake.js';
import { plpValue, tdsColumn as col, tdsValue as val, type TediousMetadata } from './support/tds.js';

/**
 * Values and column metadata as tedious' parsers produce them from TDS bytes (support/tds.ts:
 * tedious/lib/metadata-parser.js readMetadata, tedious/lib/value-parser.js readValue), carried
 * through the real mssql Request (lib/tedious/request.js: createColumns, arrayRowMode rows)
 * by a fake connection (support/mssql-fake.ts), then converted by the engine.
 */

const config = sqlServerConnectionSchema.parse({
  kind: 'sqlserver',
  server: 'legacy-sql.example.com',
  database: 'Analytics',
  user: 'reader',
  password: 'not-used-here',
});

async function roundTrip(columns: TediousMetadata[], rows: unknown[][]) {
  const driver = new FakeMssqlDriver(() => ({ columns, rows }));
  const engine = new SqlServerEngine('legacy', config, {}, driver);
  try {
    return await engine.query('SELECT * FROM dbo.AllTypes');
  } finally {
    await engine.close();
  }
}

describe('SQL Server values, from tedious through mssql to lakeshift', () => {
  it('converts each type family', async () => {
    const c = {
      tiny: col.tinyint('tiny'),
      small: col.smallint('small'),
      int: col.int('int'),
      intNotNull: col.intNotNull('int_not_null'),
      big: col.bigint('big'),
      bit: col.bit('bit'),
      float: col.float('float'),
      real: col.real('real'),
      dec: col.decimal('dec', 10, 2),
      num: col.numeric('num', 18, 4),
      money: col.money('money'),
      smallmoney: col.smallmoney('smallmoney'),
      date: col.date('date'),
      time: col.time('time', 7),
      time3: col.time('time3', 3),
      dt2: col.datetime2('dt2', 7),
      dt2s0: col.datetime2('dt2_0', 0),
      dto: col.datetimeoffset('dto', 7),
      dt: col.datetime('dt'),
      sdt: col.smalldatetime('sdt'),
      guid: col.uniqueidentifier('guid'),
      nv: col.nvarchar('nv', 50),
      nvmax: col.nvarchar('nv_max', 'max'),
      nc: col.nchar('nc', 3),
      vc: col.varchar('vc', 20),
      vb: col.varbinary('vb', 16),
      vbmax: col.varbinary('vb_max', 'max'),
      xml: col.xml('x'),
      variantInt: col.variant('variant_int'),
      variantText: col.variant('variant_text'),
    };
    const columns = Object.values(c);
    const row = [
      val.int(c.tiny, 255),
      val.int(c.small, -32768),
      val.int(c.int, 2147483647),
      val.int(c.intNotNull, -7),
      val.int(c.big, 9223372036854775807n),
      val.bit(c.bit, true),
      val.float(c.float, 0.1),
      val.float(c.real, 0.1),
      val.decimal(c.dec, '12345678.90'),
      val.decimal(c.num, '-0.0001'),
      val.money(c.money, '-1234.5678'),
      val.money(c.smallmoney, '214748.3647'),
      val.date(c.date, 2024, 2, 29),
      val.time(c.time, '23:59:59.1234567'),
      val.time(c.time3, '08:00:00.5'),
      val.datetime2(c.dt2, '0001-01-01 13:45:30.0000001'),
      val.datetime2(c.dt2s0, '9999-12-31 23:59:59'),
      val.datetime2(c.dto, '2024-03-15 11:45:30.1234567', 120),
      val.datetime(c.dt, '2024-03-15 13:45:30.997'),
      val.datetime(c.sdt, '2024-03-15 13:46:00'),
      val.uniqueidentifier(c.guid, '6F9619FF-8B86-D011-B42D-00C04FC964FF'),
      val.nvarchar(c.nv, 'Zürich ✓'),
      plpValue.xml('long text '.repeat(3)),
      val.nvarchar(c.nc, 'ab '),
      val.varchar(c.vc, 'café'),
      val.varbinary(c.vb, 'deadbeef'),
      plpValue.varbinaryMax('00ff'),
      plpValue.xml('<a b="1">x</a>'),
      val.variantInt(c.variantInt, 42),
      val.variantNVarChar(c.variantText, 'hello'),
    ];

    // What tedious gives, before lakeshift: the shapes the conversion has to handle.
    expect(row[4]).toBe('9223372036854775807');
    expect(row[8]).toBe(12345678.9);
    expect(row[13]).toBeInstanceOf(Date);
    expect((row[13] as Date & { nanosecondsDelta: number }).nanosecondsDelta).toBeCloseTo(0.0004567, 10);
    expect(row[20]).toBe('6F9619FF-8B86-D011-B42D-00C04FC964FF');

    const result = await roundTrip(columns, [row]);
    expect(result.columns.map((column) => [column.name, column.type, column.family])).toEqual([
      ['tiny', 'tinyint', 'integer'],
      ['small', 'smallint', 'integer'],
      ['int', 'int', 'integer'],
      ['int_not_null', 'int', 'integer'],
      ['big', 'bigint', 'integer'],
      ['bit', 'bit', 'boolean'],
      ['float', 'float', 'float'],
      ['real', 'real', 'float'],
      ['dec', 'decimal(10,2)', 'decimal'],
      ['num', 'numeric(18,4)', 'decimal'],
      ['money', 'money', 'decimal'],
      ['smallmoney', 'smallmoney', 'decimal'],
      ['date', 'date', 'date'],
      ['time', 'time(7)', 'time'],
      ['time3', 'time(3)', 'time'],
      ['dt2', 'datetime2(7)', 'timestamp'],
      ['dt2_0', 'datetime2(0)', 'timestamp'],
      ['dto', 'datetimeoffset(7)', 'timestamptz'],
      ['dt', 'datetime', 'timestamp'],
      ['sdt', 'smalldatetime', 'timestamp'],
      ['guid', 'uniqueidentifier', 'uuid'],
      ['nv', 'nvarchar(50)', 'string'],
      ['nv_max', 'nvarchar(max)', 'string'],
      ['nc', 'nchar(3)', 'string'],
      ['vc', 'varchar(20)', 'string'],
      ['vb', 'varbinary(16)', 'binary'],
      ['vb_max', 'varbinary(max)', 'binary'],
      ['x', 'xml', 'string'],
      ['variant_int', 'sql_variant', 'other'],
      ['variant_text', 'sql_variant', 'other'],
    ]);
    expect(result.rows[0]).toEqual([
      255,
      -32768,
      2147483647,
      -7,
      9223372036854775807n,
      true,
      0.1,
      0.10000000149011612,
      '12345678.90',
      '-0.0001',
      '-1234.5678',
      '214748.3647',
      '2024-02-29',
      '23:59:59.1234567',
      '08:00:00.5',
      '0001-01-01 13:45:30.0000001',
      '9999-12-31 23:59:59',
      '2024-03-15 11:45:30.1234567+00:00',
      '2024-03-15 13:45:30.997',
      '2024-03-15 13:46:00',
      '6f9619ff-8b86-d011-b42d-00c04fc964ff',
      'Zürich ✓',
      'long text long text long text ',
      'ab ',
      'café',
      Buffer.from('deadbeef', 'hex'),
      Buffer.from('00ff', 'hex'),
      '<a b="1">x</a>',
      42,
      'hello',
    ]);
  });

  it('keeps NULL as null for every type', async () => {
    const columns = [col.int('a'), col.bigint('b'), col.decimal('c', 10, 2), col.datetime2('d', 7), col.nvarchar('e', 10), col.varbinary('f', 4), col.uniqueidentifier('g'), col.bit('h'), col.date('i'), col.variant('j')];
    const row = columns.map((column) => val.null(column));
    expect(row.every((value) => value === null)).toBe(true);
    const result = await roundTrip(columns, [row]);
    expect(result.rows[0]).toEqual(columns.map(() => null));
  });

  it('writes datetime at its 1/300 s precision and rounds it as SQL Server does', async () => {
    const dt = col.datetime('dt');
    const result = await roundTrip([dt], [[val.datetime(dt, '2024-01-01 00:00:00.003')], [val.datetime(dt, '2024-01-01 00:00:00.000')]]);
    expect(result.rows).toEqual([['2024-01-01 00:00:00.003'], ['2024-01-01 00:00:00']]);
  });

  it('documents the decimal loss: tedious hands over a float, exact up to 15 significant digits only', async () => {
    const exact = col.decimal('exact', 15, 5);
    const wide = col.decimal('wide', 38, 10);
    const tedious = [val.decimal(exact, '1234567890.12345'), val.decimal(wide, '12345678901234567890.1234567890')];
    expect(typeof tedious[1]).toBe('number');
    const result = await roundTrip([exact, wide], [tedious]);
    expect(result.rows[0]![0]).toBe('1234567890.12345');
    // The float tedious computed, not the server's digits: parity CASTs such columns to text in SQL.
    expect(result.rows[0]![1]).not.toBe('12345678901234567890.1234567890');
    expect(result.rows[0]![1]).toMatch(/^12345678901234567\d{3}\.\d{10}$/);
  });
});

describe('sqlServerColumns', () => {
  it('accepts mssql column metadata keyed by name (without arrayRowMode), in index order', () => {
    const columns = sqlServerColumns({
      b: { index: 1, name: 'b', type: { declaration: 'int' } },
      a: { index: 0, name: 'a', type: { declaration: 'nvarchar' }, length: 20 },
    });
    expect(columns.columns).toEqual([
      { name: 'a', type: 'nvarchar(10)', family: 'string' },
      { name: 'b', type: 'int', family: 'integer' },
    ]);
  });

  it('names CLR types by their UDT name', () => {
    const { columns, converters } = sqlServerColumns([{ index: 0, name: 'node', type: { declaration: 'udt' }, udt: { name: 'hierarchyid' } }]);
    expect(columns[0]).toEqual({ name: 'node', type: 'hierarchyid', family: 'other' });
    expect(converters[0]!(Buffer.from([0x58]))).toEqual(Buffer.from([0x58]));
  });

  it('maps every mssql type declaration to a family', async () => {
    const mssql = (await import('mssql')).default;
    const declarations = Object.values(mssql.TYPES as Record<string, { declaration: string }>).map((type) => type.declaration);
    const unmapped = declarations.filter((declaration) => !(declaration in sqlServerFamilies));
    expect(unmapped).toEqual(['tvp']);
  });
});

describe('toDecimalText', () => {
  it.each([
    [12.5, 2, '12.50'],
    [-0, 2, '0.00'],
    [-0.0001, 4, '-0.0001'],
    [1e21, 0, '1000000000000000000000'],
    ['1.10', 2, '1.10'],
    [5n, 2, '5.00'],
  ] as const)('writes %s at scale %i as %s', (value, scale, text) => {
    expect(toDecimalText(value, scale)).toBe(text);
  });
});

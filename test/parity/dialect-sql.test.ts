import { describe, expect, it } from 'vitest';
import type { Column, Engine } from '../../src/engines/engine.js';
import { DuckDbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { parityDialect } from '../../src/parity/dialects/index.js';
import { canonicalField, floatExponent, floatMantissa, normaliseAs } from '../../src/parity/expressions.js';
import { pairColumns, type PlanColumn, type SidePlan, type TablePlan } from '../../src/parity/plan.js';
import { profileSql } from '../../src/parity/profile.js';
import { joinSql } from '../../src/parity/strategies/join.js';
import { multisetSql } from '../../src/parity/strategies/multiset.js';
import { bucketSql, fetchSql, hashedSql, leafSql } from '../../src/parity/strategies/segments.js';
import { splitTableName } from '../../src/parity/table-name.js';
import type { EngineKind } from '../../src/config/schema.js';
import type { TypeFamily } from '../../src/engines/engine.js';
import { exactStrings, type ColumnRule } from '../../src/parity/rules.js';

/**
 * SQL Server and Databricks cannot run here: their parity SQL is checked as text. Every name
 * from config must be quoted; the expression shapes are those the dialect modules document.
 */

const column = (name: string, type: string, family: TypeFamily): Column => ({ name, type, family });

function side(kind: EngineKind, role: 'legacy' | 'new', table: string, columns: Column[], where?: string): SidePlan {
  const dialect = parityDialect(kind);
  return {
    role,
    connection: role,
    engine: {} as Engine,
    dialect,
    table,
    from: splitTableName(table).map(dialect.quoteIdentifier).join('.'),
    where,
    columns,
  };
}

/** Awkward names: a reserved word, a space, a closing bracket, a backtick, a quote. */
const legacyColumns = (kind: EngineKind): Column[] => {
  const t = (sqlserver: string, databricks: string) => (kind === 'sqlserver' ? sqlserver : databricks);
  return [
    column('Order Id', t('int', 'INT'), 'integer'),
    column('select', t('nvarchar(20)', 'STRING'), 'string'),
    column('amount]x', t('decimal(10,2)', 'DECIMAL(10,2)'), 'decimal'),
    column('ratio`q', t('float', 'DOUBLE'), 'float'),
    column("at'ts", t('datetime', 'TIMESTAMP'), 'timestamp'),
    column('flag', t('bit', 'BOOLEAN'), 'boolean'),
    column('d"day', t('date', 'DATE'), 'date'),
  ];
};

function plan(kind: EngineKind, keyed = true): TablePlan {
  const columns = legacyColumns(kind);
  return pairColumns(
    {
      name: 't',
      legacy: 'x',
      new: 'y',
      ...(keyed ? { keys: ['Order Id', 'select'] } : {}),
      strings: { trim: 'right', case: 'insensitive', emptyIsNull: true },
      timestampPrecision: 'ms',
      tolerance: { columns: { 'ratio`q': { rel: 1e-9 } } },
    },
    side(kind, 'legacy', kind === 'sqlserver' ? '[dbo].[Order Lines]' : 'main.`legacy.dw`.orders', columns, "region = 'EU'"),
    side(kind, 'new', kind === 'sqlserver' ? 'dbo.orders_new' : 'main.gold.orders', columns),
  );
}

/** The SQL with quoted identifiers and string literals removed: no config name may remain. */
function unquoted(kind: EngineKind, sql: string): string {
  const identifiers = kind === 'sqlserver' ? /\[(?:[^\]]|\]\])*\]/g : /`(?:[^`]|``)*`/g;
  return sql.replace(/N?'(?:[^'\\]|''|\\.)*'/g, "''").replace(identifiers, '<id>');
}

const configNames = ['Order Id', 'Order', 'select', 'amount]x', 'amount', 'ratio`q', 'ratio', "at'ts", 'd"day', 'Lines', 'legacy.dw', 'orders_new'];

describe.each(['sqlserver', 'databricks'] as const)('%s parity SQL', (kind) => {
  const keyed = plan(kind);
  const keyless = plan(kind, false);
  const statements: Array<[string, string]> = [
    ['join', joinSql(keyed, 20, false)],
    ['join without duplicate keys', joinSql(keyed, 20, true)],
    ['multiset', multisetSql(keyless, 20)],
    ['hashed rows', hashedSql(keyed.legacy, keyed)],
    ['segments', bucketSql(keyed.new, keyed, 3, ['ab', 'cd'], '')],
    ['leaves', leafSql(keyed.legacy, keyed, 4, ['abcd'])],
    ['keyless leaves', leafSql(keyless.legacy, keyless, 4, ['abcd'])],
    ['fetch', fetchSql(keyed.legacy, keyed, ['0123456789abcdef0123456789abcdef'])],
    ['profile', profileSql(keyed.legacy, [...keyed.keys, ...keyed.values])],
  ];

  it.each(statements)('quotes every name from config in the %s query', (_name, sql) => {
    const bare = unquoted(kind, sql);
    for (const name of configNames) expect(bare).not.toContain(name);
    if (sql.includes(kind === 'sqlserver' ? '[Order Lines]' : '`legacy.dw`')) expect(sql).toContain("(region = 'EU')");
  });

  it('splits and quotes table names', () => {
    expect(keyed.legacy.from).toBe(kind === 'sqlserver' ? '[dbo].[Order Lines]' : '`main`.`legacy.dw`.`orders`');
  });

  if (kind === 'sqlserver') {
    it('uses forms every supported SQL Server runs', () => {
      const [, join] = statements[0]!;
      expect(join).not.toContain('IS NOT DISTINCT FROM');
      expect(join).not.toContain('FILTER (WHERE');
      // NULL-safe keys as an equi-join: NULL flags, stand-ins, and lengths for padded strings.
      expect(join).toContain('(CASE WHEN l.k0 IS NULL THEN 1 ELSE 0 END) = (CASE WHEN n.k0 IS NULL THEN 1 ELSE 0 END) AND COALESCE(l.k0, 0) = COALESCE(n.k0, 0)');
      expect(join).toContain("COALESCE((LEN(l.k1 + N'.') - 1), -1) = COALESCE((LEN(n.k1 + N'.') - 1), -1)");
      // Strings: trimmed right, lower-cased, empty as NULL, compared under a binary collation.
      expect(join).toContain("CASE WHEN DATALENGTH(LOWER(RTRIM([select]))) = 0 THEN NULL ELSE LOWER(RTRIM([select])) END COLLATE Latin1_General_100_BIN2");
      // datetime at its millisecond value, truncated without DATETRUNC.
      expect(join).toContain(
        "DATEADD(millisecond, DATEPART(millisecond, CAST(CAST([at'ts] AS datetime2(3)) AS datetime2(7))), DATEADD(second, DATEDIFF(second, CAST(CAST(CAST(CAST([at'ts] AS datetime2(3)) AS datetime2(7)) AS date) AS datetime2(7)), CAST(CAST([at'ts] AS datetime2(3)) AS datetime2(7))), CAST(CAST(CAST(CAST([at'ts] AS datetime2(3)) AS datetime2(7)) AS date) AS datetime2(7))))",
      );
      expect(join).toContain('ABS(lc1 - nc1) <= 1e-9 * CASE WHEN ABS(lc1) >= ABS(nc1) THEN ABS(lc1) ELSE ABS(nc1) END');
      expect(statements[4]![1]).toContain(
        'SUM(CAST(SUBSTRING(rh, 1, 4) AS bigint)) AS s0, SUM(CAST(SUBSTRING(rh, 5, 4) AS bigint)) AS s1',
      );
      const hashed = statements[3]![1];
      expect(hashed).toContain("HASHBYTES('MD5', CAST(CAST(rt AS nvarchar(max)) COLLATE Latin1_General_100_BIN2_UTF8 AS varchar(max))) AS rh");
      expect(hashed).toContain('LOWER(CONVERT(char(32), kr, 2)) AS kh');
      expect(hashed).toContain("CONVERT(nvarchar(50), CAST(v2 AS decimal(38,2)))");
      expect(hashed).toContain('CONVERT(nvarchar(27), CAST(v4 AS datetime2(7)), 121)');
      expect(hashed).toContain('FLOOR(LOG(ABS(v3), 2))');
      expect(statements[8]![1]).toContain('min(CAST([flag] AS int))');
      expect(statements[8]![1]).toContain('CONVERT(varchar(50), min([amount]]x]))');
    });
  } else {
    it('uses Databricks SQL functions', () => {
      const [, join] = statements[0]!;
      expect(join).toContain('l.k0 IS NOT DISTINCT FROM n.k0');
      expect(join).toContain("date_trunc('MILLISECOND', `at'ts`)");
      const hashed = statements[3]![1];
      expect(hashed).toContain("replace(format_number(CAST(v2 AS DECIMAL(38,2)), 2), ',', '')");
      expect(hashed).toContain("concat(date_format(v4, 'yyyy-MM-dd HH:mm:ss.SSSSSS'), '0')");
      expect(hashed).toContain('md5(rt) AS rh');
      expect(hashed).toContain('floor(log2(abs(v3)))');
      expect(statements[4]![1]).toContain('SUM(CAST(conv(substr(rh, 1, 8), 16, 10) AS BIGINT)) AS s0');
      expect(statements[7]![1]).toContain("date_format(`at'ts`, 'yyyy-MM-dd HH:mm:ss.SSSSSS') AS r4");
    });
  }
});

describe('canonical texts', () => {
  const rule: ColumnRule = { strings: exactStrings };
  const planColumn = (family: PlanColumn['family'], scale = 0, extra: Partial<ColumnRule> = {}): PlanColumn => ({
    name: 'v',
    newName: 'v',
    legacy: column('v', 'X', 'other'),
    new: column('v', 'X', 'other'),
    family,
    scale,
    key: false,
    rule: { ...rule, ...extra },
  });

  it('golden: per type on each dialect', () => {
    const golden: Record<EngineKind, Record<string, string>> = {
      duckdb: {
        decimal: "CASE WHEN v IS NULL THEN 'N' ELSE CAST(CAST(v AS DECIMAL(38,4)) AS VARCHAR) END",
        string: "CASE WHEN v IS NULL THEN 'N' ELSE CAST(strlen(v) AS VARCHAR) || ':' || v END",
        timestamp: "CASE WHEN v IS NULL THEN 'N' ELSE (strftime(CAST(v AS TIMESTAMP), '%Y-%m-%d %H:%M:%S.%f') || '0') END",
      },
      databricks: {
        decimal: "CASE WHEN v IS NULL THEN 'N' ELSE replace(format_number(CAST(v AS DECIMAL(38,4)), 4), ',', '') END",
        string: "CASE WHEN v IS NULL THEN 'N' ELSE concat(CAST(octet_length(v) AS STRING), ':', v) END",
        timestamp: "CASE WHEN v IS NULL THEN 'N' ELSE concat(date_format(v, 'yyyy-MM-dd HH:mm:ss.SSSSSS'), '0') END",
      },
      sqlserver: {
        decimal: "CASE WHEN v IS NULL THEN 'N' ELSE CONVERT(nvarchar(50), CAST(v AS decimal(38,4))) END",
        string:
          "CASE WHEN v IS NULL THEN 'N' ELSE CAST(CONVERT(nvarchar(40), DATALENGTH(CAST(CAST(v AS nvarchar(max)) COLLATE Latin1_General_100_BIN2_UTF8 AS varchar(max)))) AS nvarchar(max)) + ':' + v END",
        timestamp: "CASE WHEN v IS NULL THEN 'N' ELSE CONVERT(nvarchar(27), CAST(v AS datetime2(7)), 121) END",
      },
    };
    for (const kind of ['duckdb', 'databricks', 'sqlserver'] as const) {
      const dialect = parityDialect(kind);
      expect(canonicalField(dialect, 'v', planColumn('decimal', 4), 0)).toBe(golden[kind].decimal);
      expect(canonicalField(dialect, 'v', planColumn('string'), 0)).toBe(golden[kind].string);
      expect(canonicalField(dialect, 'v', planColumn('timestamp'), 0)).toBe(golden[kind].timestamp);
    }
  });

  it('are the documented strings on DuckDB', async () => {
    const engine = new DuckDbEngine('t', { kind: 'duckdb', path: ':memory:', readOnly: false }, { baseDir: '.' });
    const dialect = parityDialect('duckdb');
    const text = async (family: PlanColumn['family'], literal: string, scale = 0, extra: Partial<ColumnRule> = {}) => {
      const target = planColumn(family, scale, extra);
      const source = column('v', 'DOUBLE', family === 'float' ? 'float' : 'other');
      const value = family === 'float' ? normaliseAs(dialect, literal, 'float', target.rule, source) : literal;
      const sql =
        family === 'float'
          ? `SELECT ${canonicalField(dialect, 'v0', target, 0)} FROM (SELECT s1.*, ${floatMantissa(dialect, 'v0', 'e0')} AS m0 FROM ` +
            `(SELECT s0.*, ${floatExponent(dialect, 'v0')} AS e0 FROM (SELECT ${value} AS v0) AS s0) AS s1) AS s2`
          : `SELECT ${canonicalField(dialect, 'v0', target, 0)} FROM (SELECT ${value} AS v0) AS s0`;
      return (await engine.query(sql)).rows[0]?.[0];
    };
    expect(await text('decimal', 'CAST(1.5 AS DECIMAL(10,2))', 4)).toBe('1.5000');
    expect(await text('decimal', 'CAST(-0.5 AS DECIMAL(10,1))', 2)).toBe('-0.50');
    expect(await text('decimal', 'CAST(7 AS INTEGER)', 2)).toBe('7.00');
    expect(await text('string', "'héllo'")).toBe('6:héllo');
    expect(await text('string', 'CAST(NULL AS VARCHAR)')).toBe('N');
    expect(await text('string', "'N'")).toBe('1:N');
    expect(await text('timestamp', "TIMESTAMP '2024-02-29 23:59:59.123456'")).toBe('2024-02-29 23:59:59.1234560');
    expect(await text('date', "DATE '0999-01-02'")).toBe('0999-01-02');
    expect(await text('boolean', 'true')).toBe('1');
    expect(await text('uuid', "UUID 'A0000000-0000-0000-0000-00000000000A'")).toBe('a0000000-0000-0000-0000-00000000000a');
    // 0.1 = 0x3FB999999999999A: mantissa 0x1999999999999A, binary exponent -4.
    expect(await text('float', '0.1')).toBe('7205759403792794p-4');
    expect(await text('float', '-8.0')).toBe('-4503599627370496p3');
    expect(await text('float', '-0.0')).toBe('0');
    expect(await text('float', "CAST('NaN' AS DOUBLE)")).toBe('NaN');
    expect(await text('float', '5e-324')).toBe('4503599627370496p-1074');
    expect(await text('float', '1e308')).toBe('5010420900022432p1023');
    expect(await text('float', '0.1', 0, { tolerance: { abs: 0.01 } })).toBe('q10');
    await engine.close();
  });
});

describe('table names', () => {
  it.each([
    ['t', ['t']],
    ['dbo.orders', ['dbo', 'orders']],
    ['main.gold.orders', ['main', 'gold', 'orders']],
    ['[dbo].[Order Lines]', ['dbo', 'Order Lines']],
    ['"my.schema".t', ['my.schema', 't']],
    ['`cat`.`sch.x`.`t``q`', ['cat', 'sch.x', 't`q']],
    ['[a]]b].c', ['a]b', 'c']],
  ])('%s', (name, parts) => {
    expect(splitTableName(name)).toEqual(parts);
  });

  it.each(['a..b', '[open', 'a.b.c.d', ''])('refuses %j', (name) => {
    expect(() => splitTableName(name)).toThrow(/table name/);
  });
});

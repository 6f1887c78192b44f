import { describe, expect, it } from 'vitest';
import type { TranslateOptions } from '../../src/translate/context.js';
import { codes, toDatabricks, toDuckDb } from './support.js';

/**
 * String comparisons under translate.collation 'case-insensitive' (the default): written so that
 * the target compares as SQL Server's default collations do, ignoring case and trailing spaces.
 * Databricks gives the first operand the UTF8_LCASE_RTRIM collation; DuckDB folds both sides
 * with lower(rtrim()), string literals folded where they are written.
 */
const customers = (table: string) =>
  table === 'dw.customers'
    ? new Map([
        ['id', 'int'],
        ['name', 'nvarchar(50)'],
        ['city', 'varchar(30)'],
        ['code', 'char(2)'],
        ['since', 'date'],
        ['status', 'varchar(10)'],
        ['ref', 'uniqueidentifier'],
      ])
    : table === 'dw.stores'
      ? new Map([
          ['id', 'int'],
          ['city', 'varchar(30)'],
        ])
      : undefined;

const withTypes: Partial<TranslateOptions> = { columnTypes: customers };

/** The WHERE clause of `SELECT c.id FROM dw.customers AS c WHERE <condition>` in both targets, and the codes of each. */
function where(condition: string, options: Partial<TranslateOptions> = withTypes) {
  const tsql = `SELECT c.id FROM dw.customers AS c WHERE ${condition}`;
  const clause = (text: string) => text.trim().replace(/;$/, '').replace(/^[\s\S]* WHERE /, '');
  const databricks = toDatabricks(tsql, options);
  const duckdb = toDuckDb(tsql, options);
  return { databricks: clause(databricks.text), duckdb: clause(duckdb.text), codes: [...new Set([...codes(databricks.diagnostics), ...codes(duckdb.diagnostics)])] };
}

type Case = readonly [tsql: string, databricks: string, duckdb: string];

const CASES: readonly Case[] = [
  ["c.city = 'Boston'", "c.city COLLATE UTF8_LCASE_RTRIM = 'Boston'", "lower(rtrim(c.city)) = 'boston'"],
  ["c.status <> 'Closed '", "c.status COLLATE UTF8_LCASE_RTRIM <> 'Closed '", "lower(rtrim(c.status)) <> 'closed'"],
  ["c.status != N'Closed'", "c.status COLLATE UTF8_LCASE_RTRIM <> 'Closed'", "lower(rtrim(c.status)) <> 'closed'"],
  ["c.name < 'M'", "c.name COLLATE UTF8_LCASE_RTRIM < 'M'", "lower(rtrim(c.name)) < 'm'"],
  ["c.name >= c.city", 'c.name COLLATE UTF8_LCASE_RTRIM >= c.city', 'lower(rtrim(c.name)) >= lower(rtrim(c.city))'],
  ["'Boston' = c.city", "'Boston' COLLATE UTF8_LCASE_RTRIM = c.city", "'boston' = lower(rtrim(c.city))"],
  ["c.city IN ('Boston', 'Salem')", "c.city COLLATE UTF8_LCASE_RTRIM IN ('Boston', 'Salem')", "lower(rtrim(c.city)) IN ('boston', 'salem')"],
  ["c.city NOT IN ('Boston', NULL)", "c.city COLLATE UTF8_LCASE_RTRIM NOT IN ('Boston', NULL)", "lower(rtrim(c.city)) NOT IN ('boston', NULL)"],
  ["c.name BETWEEN 'a' AND 'M'", "c.name COLLATE UTF8_LCASE_RTRIM BETWEEN 'a' AND 'M'", "lower(rtrim(c.name)) BETWEEN 'a' AND 'm'"],
  ["c.city + 'x' = 'BOSTONX'", "(c.city || 'x') COLLATE UTF8_LCASE_RTRIM = 'BOSTONX'", "lower(rtrim(c.city || 'x')) = 'bostonx'"],
  ["UPPER(c.city) = 'boston'", "upper(c.city) COLLATE UTF8_LCASE_RTRIM = 'boston'", "lower(rtrim(upper(c.city))) = 'boston'"],
  ["c.city LIKE 'bos%'", "rtrim(c.city) ILIKE 'bos%'", "rtrim(c.city) ILIKE 'bos%'"],
  ["c.city NOT LIKE 'bos%'", "rtrim(c.city) NOT ILIKE 'bos%'", "rtrim(c.city) NOT ILIKE 'bos%'"],
  ["c.city LIKE 'B!_%' ESCAPE '!'", "rtrim(c.city) ILIKE 'B!_%' ESCAPE '!'", "rtrim(c.city) ILIKE 'B!_%' ESCAPE '!'"],
  ["c.code LIKE '[a-c]%'", "rtrim(c.code) RLIKE '(?iu)^[a-c]'", "regexp_matches(rtrim(c.code), '(?i)^[a-c]')"],
  ["CASE c.status WHEN 'Closed' THEN 1 ELSE 0 END = 1", "CASE c.status COLLATE UTF8_LCASE_RTRIM WHEN 'Closed' THEN 1 ELSE 0 END = 1", "CASE lower(rtrim(c.status)) WHEN 'closed' THEN 1 ELSE 0 END = 1"],
];

describe('string comparisons under a case-insensitive collation (the default)', () => {
  for (const [tsql, databricks, duckdb] of CASES) {
    it(tsql, () => {
      const result = where(tsql);
      expect(result.databricks).toBe(databricks);
      expect(result.duckdb).toBe(duckdb);
      expect(result.codes).toEqual([]);
    });
  }

  it('compare joined and merged strings the same way', () => {
    const join = toDuckDb('SELECT c.id FROM dw.customers AS c INNER JOIN dw.stores AS s ON s.city = c.city', withTypes);
    expect(join.text).toContain('ON lower(rtrim(s.city)) = lower(rtrim(c.city))');
    const merge = toDatabricks(
      'MERGE dw.stores AS t USING dw.customers AS s ON t.city = s.city WHEN MATCHED THEN UPDATE SET t.id = s.id;',
      withTypes,
    );
    expect(merge.text).toContain('ON t.city COLLATE UTF8_LCASE_RTRIM = s.city');
  });

  it('leave alone what case cannot change: numbers, dates, NULL, unknown types, and numbers or dates in text against a value of unknown type', () => {
    expect(where("c.id = 5 AND c.since >= '2024-01-01' AND c.city LIKE '0%'").duckdb).toBe("c.id = 5 AND c.since >= DATE '2024-01-01' AND c.city LIKE '0%'");
    // The value may be a number or a date: a collation would make it text.
    expect(where("c.code = '07' AND c.since = '2024-01-01'", {}).duckdb).toBe("c.code = '07' AND c.since = '2024-01-01'");
    expect(where("c.since = 'Jan 5 2024' AND c.amount = '$3.50' AND c.rate = '-.5'", {}).duckdb).toBe("c.since = 'Jan 5 2024' AND c.amount = '$3.50' AND c.rate = '-.5'");
    // Text that starts with letters is no number and no date, digits in it or not: compared as text.
    expect(where("c.segment = 'Top 100 stores' AND c.layer = 'BL_3NF'", {}).duckdb).toBe("lower(rtrim(c.segment)) = 'top 100 stores' AND lower(rtrim(c.layer)) = 'bl_3nf'");
    expect(where('c.city = NULL').duckdb).toBe('c.city = NULL');
    // 'true' against a column of unknown type is most likely a bit, which SQL Server converts the text to.
    expect(where("c.flag = 'true'", {}).duckdb).toBe("c.flag = 'true'");
    // Two values of unknown types: left as they are, and the object says once that they may be strings.
    expect(where('x = y', {})).toMatchObject({ databricks: 'x = y', duckdb: 'x = y', codes: ['TR_CASE_INSENSITIVE'] });
    expect(where('x = y', { collation: 'binary' }).codes).toEqual([]);
    // A uniqueidentifier compares its 16 bytes: as text, a GUID may be in either case, so it is
    // compared ignoring case, with another stored GUID too.
    expect(where("c.ref = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'")).toMatchObject({
      databricks: "c.ref COLLATE UTF8_LCASE_RTRIM = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'",
      duckdb: "lower(rtrim(c.ref)) = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
    });
    const guids = new Map([['ref', 'uniqueidentifier'], ['parent_ref', 'uniqueidentifier']]);
    // With a subquery the target's comparison stays: the object says so, for GUIDs too.
    expect(where('c.ref IN (SELECT r.ref FROM dw.refs AS r)', { columnTypes: (table) => (table === 'dw.customers' ? guids : undefined) }).codes).toEqual(['TR_CASE_INSENSITIVE']);
    expect(where('c.ref = c.parent_ref', { columnTypes: (table) => (table === 'dw.customers' ? guids : undefined) }).duckdb).toBe('lower(rtrim(c.ref)) = lower(rtrim(c.parent_ref))');
  });

  it('keep the trailing-space rule for text without letters: a blank value equals \'\', \'07 \' equals \'07\'', () => {
    expect(where("c.code = '07'").duckdb).toBe("lower(rtrim(c.code)) = '07'");
    expect(where("ISNULL(c.city, '') = '' OR c.code <> '-'", {})).toMatchObject({
      databricks: "coalesce(c.city, '') COLLATE UTF8_LCASE_RTRIM = '' OR c.code COLLATE UTF8_LCASE_RTRIM <> '-'",
      duckdb: "lower(rtrim(coalesce(c.city, ''))) = '' OR lower(rtrim(c.code)) <> '-'",
    });
  });

  it('follow an explicit COLLATE: a case-sensitive one compares case apart, the database default as every other comparison', () => {
    expect(where("c.city COLLATE Latin1_General_CS_AS = 'Boston'")).toEqual({ databricks: "c.city = 'Boston'", duckdb: "c.city = 'Boston'", codes: ['TR_SEMANTIC'] });
    expect(where("c.code = d.code COLLATE Latin1_General_BIN2", {}).duckdb).toBe('c.code = d.code');
    // COLLATE takes text only: the other side, of unknown type, is compared as text.
    expect(where('x.code = d.code COLLATE DATABASE_DEFAULT', {})).toEqual({
      databricks: 'x.code = d.code COLLATE UTF8_LCASE_RTRIM',
      duckdb: 'lower(rtrim(CAST(x.code AS VARCHAR))) = lower(rtrim(d.code))',
      codes: ['TR_HINT_DROPPED'],
    });
  });

  it('give the collation to the side known to be text when the other side\'s type is unknown', () => {
    // d.date_key may be an INT: COLLATE on it would not analyse.
    expect(where("d.date_key = CONVERT(varchar(8), c.since, 112)").databricks).toBe("d.date_key = date_format(c.since, 'yyyyMMdd') COLLATE UTF8_LCASE_RTRIM");
    // The same in IN lists, BETWEEN and CASE x WHEN: each computed string carries it.
    expect(where("d.date_key IN (CONVERT(varchar(8), c.since, 112), LEFT(c.code, 8))").databricks).toBe(
      "d.date_key IN (date_format(c.since, 'yyyyMMdd') COLLATE UTF8_LCASE_RTRIM, left(c.code, 8) COLLATE UTF8_LCASE_RTRIM)",
    );
    expect(where("d.date_key BETWEEN CONVERT(varchar(8), c.since, 112) AND LEFT(c.code, 8)").databricks).toBe(
      "d.date_key BETWEEN date_format(c.since, 'yyyyMMdd') COLLATE UTF8_LCASE_RTRIM AND left(c.code, 8) COLLATE UTF8_LCASE_RTRIM",
    );
    expect(where("CASE d.date_key WHEN LEFT(c.code, 8) THEN 1 ELSE 0 END = 1").databricks).toBe(
      "CASE d.date_key WHEN left(c.code, 8) COLLATE UTF8_LCASE_RTRIM THEN 1 ELSE 0 END = 1",
    );
    // A string literal makes the subject text: the subject carries it, once.
    expect(where("d.region IN ('North', 'South')").databricks).toBe("d.region COLLATE UTF8_LCASE_RTRIM IN ('North', 'South')");
  });

  it('warn once an object that sorts strings (ORDER BY, a window ORDER BY, MIN/MAX), which the targets sort by code point', () => {
    const sorted = (tsql: string) => codes(toDatabricks(tsql, withTypes).diagnostics);
    expect(sorted('SELECT TOP (1) c.name FROM dw.customers AS c ORDER BY c.name')).toEqual(['TR_CASE_SENSITIVE_ORDER']);
    expect(sorted('SELECT ROW_NUMBER() OVER (ORDER BY c.city) AS n, MAX(c.name) OVER () AS m FROM dw.customers AS c')).toEqual(['TR_CASE_SENSITIVE_ORDER']);
    expect(sorted('SELECT MIN(c.name) AS first_name FROM dw.customers AS c')).toEqual(['TR_CASE_SENSITIVE_ORDER']);
    expect(sorted('SELECT c.id FROM dw.customers AS c ORDER BY c.id')).toEqual([]);
  });

  it('warn where a string comparison is not rewritten: IN (subquery)', () => {
    const result = where('c.city IN (SELECT s.city FROM dw.stores AS s)');
    expect(result.duckdb).toBe('c.city IN (SELECT s.city FROM dw.stores AS s)');
    expect(result.codes).toEqual(['TR_CASE_INSENSITIVE']);
  });

  it('follow the types of #temp tables made by SELECT INTO and of their * columns', () => {
    const result = toDuckDb("SELECT c.* INTO #c FROM dw.customers AS c; WITH a AS (SELECT t.* FROM #c AS t) SELECT id FROM a WHERE status = 'Closed'", withTypes);
    expect(result.text).toContain("WHERE lower(rtrim(status)) = 'closed'");
  });

  it('warn once an object that GROUP BY, DISTINCT, PARTITION BY and UNION still group case-sensitively', () => {
    const grouped = (tsql: string) => codes(toDatabricks(tsql, withTypes).diagnostics);
    expect(grouped('SELECT c.city, COUNT(*) AS n FROM dw.customers AS c GROUP BY c.city')).toEqual(['TR_CASE_SENSITIVE_GROUPING']);
    expect(grouped('SELECT DISTINCT c.city FROM dw.customers AS c')).toEqual(['TR_CASE_SENSITIVE_GROUPING']);
    expect(grouped('SELECT ROW_NUMBER() OVER (PARTITION BY c.city ORDER BY c.id) AS n FROM dw.customers AS c')).toEqual(['TR_CASE_SENSITIVE_GROUPING']);
    expect(grouped('SELECT c.city FROM dw.customers AS c UNION SELECT s.city FROM dw.stores AS s')).toEqual(['TR_CASE_SENSITIVE_GROUPING']);
    expect(grouped('SELECT COUNT(DISTINCT c.city) AS n FROM dw.customers AS c')).toEqual(['TR_CASE_SENSITIVE_GROUPING']);
    expect(grouped('SELECT c.city FROM dw.customers AS c UNION ALL SELECT s.city FROM dw.stores AS s')).toEqual([]);
    expect(grouped('SELECT c.id, COUNT(*) AS n FROM dw.customers AS c GROUP BY c.id')).toEqual([]);
    expect(grouped('SELECT c.city FROM dw.customers AS c GROUP BY c.city; SELECT DISTINCT c.name FROM dw.customers AS c')).toEqual(['TR_CASE_SENSITIVE_GROUPING']);
  });
});

describe("translate.collation 'binary'", () => {
  const binary: Partial<TranslateOptions> = { columnTypes: customers, collation: 'binary' };

  it('keeps plain comparisons, with the warnings that say what SQL Server does differently', () => {
    const result = where("c.city = 'Boston' AND c.code = 'AB ' AND c.name LIKE 'bos%'", binary);
    expect(result.databricks).toBe("c.city = 'Boston' AND c.code = 'AB ' AND c.name LIKE 'bos%'");
    expect(result.duckdb).toBe("c.city = 'Boston' AND c.code = 'AB ' AND c.name LIKE 'bos%'");
    expect(result.codes.sort()).toEqual(['TR_CASE_INSENSITIVE', 'TR_TRAILING_SPACES']);
    expect(codes(toDatabricks('SELECT c.city FROM dw.customers AS c GROUP BY c.city', binary).diagnostics)).toEqual([]);
  });
});

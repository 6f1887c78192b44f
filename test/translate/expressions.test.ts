import { describe, expect, it } from 'vitest';
import { parseTsql, type Expression } from '../../src/tsql/index.js';
import { TranslationContext, type TranslateOptions } from '../../src/translate/context.js';
import { expression, expressionAs } from '../../src/translate/generate/expressions.js';
import { decimalResult } from '../../src/translate/generate/value-types.js';
import { codes, toDatabricks, toDuckDb } from './support.js';

/** The Databricks text of one SELECT's only column, and the diagnostics of the translation. */
function select(column: string, options: Partial<TranslateOptions> = {}, from = '') {
  const result = toDatabricks(`SELECT ${column} AS v${from}`, options);
  const text = result.text.trim().replace(/;$/, '');
  return { text: text.replace(/^SELECT /, '').replace(/ AS v( FROM [\s\S]*)?$/, ''), diagnostics: result.diagnostics, codes: codes(result.diagnostics) };
}

/** A context and the parsed first column of `SELECT <column>`, for calling the generators directly. */
function parsedColumn(column: string, options: Partial<TranslateOptions> = {}): { ctx: TranslationContext; node: Expression } {
  const source = `SELECT ${column}`;
  const parsed = parseTsql(source);
  const statement = parsed.script.batches[0]!.statements[0]!;
  if (statement.kind !== 'select-statement' || statement.query.body.kind !== 'select') throw new Error('not a select');
  const item = statement.query.body.columns[0]!;
  if (item.kind !== 'select-column') throw new Error('not a column');
  return { ctx: new TranslationContext({ target: 'databricks', ...options }, source, parsed.lineIndex), node: item.expression };
}

const customers = (table: string) =>
  table === 'dw.customers'
    ? new Map([
        ['id', 'int'],
        ['name', 'nvarchar(50)'],
        ['city', 'varchar(30)'],
        ['code', 'char(2)'],
        ['active', 'bit'],
        ['since', 'date'],
        ['points', 'int'],
      ])
    : undefined;

describe('untranslated expressions', () => {
  it('keep the T-SQL between markers with an error diagnostic', () => {
    const result = select('SOME_VENDOR_FUNCTION(1, 2)');
    expect(result.text).toBe('/*[TR_UNSUPPORTED_FUNCTION]*/ SOME_VENDOR_FUNCTION(1, 2) /*[/TR_UNSUPPORTED_FUNCTION]*/');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'TR_UNSUPPORTED_FUNCTION', severity: 'error', line: 1, column: 8 })]);
  });

  it('say why a known function has no equivalent', () => {
    expect(select('SCOPE_IDENTITY()').diagnostics[0]!.message).toMatch(/identity value of an INSERT lakeshift does not see/);
    expect(select("SERVERPROPERTY('Edition')").diagnostics[0]!.message).toMatch(/server properties/);
  });

  it('do not report the arguments of a function that reads its call itself', () => {
    expect(codes(toDatabricks('CREATE PROCEDURE dw.p AS SELECT OBJECT_NAME(@@PROCID);').diagnostics)).toEqual([]);
    expect(select('OBJECT_NAME(@@PROCID)').codes).toEqual(['TR_UNSUPPORTED_FUNCTION']);
  });

  it('keep comment closers inside a marker harmless', () => {
    expect(select('PARSE(\'1\' /* x */ AS int)').text).toContain('* /');
  });
});

describe('the 1900-01-01 truncation idiom with an offset', () => {
  it('is the start of the period, moved by whole periods', () => {
    expect(select("DATEADD(QUARTER, DATEDIFF(QUARTER, 0, d) + 1, 0)", {}, ' FROM dw.t').text).toBe("timestampadd(QUARTER, 1, date_trunc('QUARTER', d))");
    expect(select("DATEADD(month, DATEDIFF(month, 0, d) - 1, 0)", {}, ' FROM dw.t').text).toBe("timestampadd(MONTH, -1, date_trunc('MONTH', d))");
  });
});

describe('nvarchar results of string functions', () => {
  it('are hashed and measured as UTF-16, as SQL Server stores them (CONCAT with an nvarchar, UPPER/LEFT of one, FORMAT)', () => {
    const columnTypes = (table: string) => (table === 'dw.t' ? new Map([['a', 'varchar(10)'], ['b', 'nvarchar(10)'], ['g', 'int']]) : undefined);
    const text = toDatabricks("SELECT HASHBYTES('SHA2_256', CONCAT(a, '|', b)) AS h1, HASHBYTES('MD5', UPPER(b)) AS h2, HASHBYTES('MD5', CONCAT(a, '|')) AS h3, HASHBYTES('MD5', FORMAT(g, 'N0')) AS h4, DATALENGTH(LEFT(b, 3)) AS l FROM dw.t", { columnTypes }).text;
    expect(text).toContain("unhex(sha2(encode(concat_ws('', a, '|', b), 'UTF-16LE'), 256)) AS h1");
    expect(text).toContain("unhex(md5(encode(upper(b), 'UTF-16LE'))) AS h2");
    expect(text).toContain("unhex(md5(concat_ws('', a, '|'))) AS h3");
    expect(text).toMatch(/unhex\(md5\(encode\(format_number\(.*'UTF-16LE'\)\)\) AS h4/);
    expect(text).toContain('2 * length(left(b, 3)) AS l');
  });
});

describe('LIKE patterns with a backslash', () => {
  it('double it for Databricks, whose LIKE escapes with a backslash by default; T-SQL reads it as itself', () => {
    const binary = { collation: 'binary' } as const;
    expect(toDatabricks("SELECT 1 FROM dw.t WHERE p LIKE '_:\\%' OR p LIKE 'a\\b' ESCAPE '!'", binary).text).toContain("p LIKE '_:\\\\\\\\%' OR p LIKE 'a\\\\b' ESCAPE '!'");
    expect(toDuckDb("SELECT 1 FROM dw.t WHERE p LIKE '_:\\%'", binary).text).toContain("p LIKE '_:\\%'");
    const dynamic = toDatabricks("SELECT 1 FROM dw.t WHERE p LIKE @pattern", binary).diagnostics.map((diagnostic) => diagnostic.message);
    expect(dynamic.some((message) => message.includes('a backslash escapes the character after it'))).toBe(true);
  });
});

describe('string comparisons and case (translate.collation binary)', () => {
  const binary = { collation: 'binary' } as const;

  it('are reported once an object', () => {
    const result = toDatabricks("SELECT 1 FROM dw.t WHERE a = N'x' AND b = 'Y' AND c LIKE 'z%'", binary);
    expect(result.text).toContain("a = 'x' AND b = 'Y' AND c LIKE 'z%'");
    expect(codes(result.diagnostics)).toEqual(['TR_CASE_INSENSITIVE']);
  });

  it('are not reported where no letter is compared', () => {
    expect(select("CASE WHEN a = '007' OR b = '' OR c LIKE '1%' THEN 1 END", {}, ' FROM dw.t').codes).toEqual([]);
  });

  it('are not reported when the other side is a number or a date', () => {
    expect(select("CASE WHEN c.id = '5' AND c.since >= '2024-01-01' THEN 1 END", { columnTypes: customers }, ' FROM dw.customers AS c').codes).toEqual([]);
  });

  it('are reported for searching functions: CHARINDEX, REPLACE, NULLIF', () => {
    expect(select("CHARINDEX('a', x)", binary, ' FROM dw.t').codes).toEqual(['TR_CASE_INSENSITIVE']);
    // Under the default collation, CHARINDEX and PATINDEX search ignoring case.
    expect(select("CHARINDEX('a', x)", {}, ' FROM dw.t')).toMatchObject({ text: "locate('a' COLLATE UTF8_LCASE, x)", codes: [] });
    expect(select("PATINDEX('%a[0-9]%', x)", {}, ' FROM dw.t')).toMatchObject({ text: "regexp_instr(x, '(?iu)a[0-9]')", codes: [] });
    expect(select("REPLACE(x, 'Ltd', '')", binary, ' FROM dw.t').codes).toEqual(['TR_CASE_INSENSITIVE']);
    expect(select("REPLACE(x, @find, '')", {}, ' FROM dw.t').codes).toEqual(['TR_CASE_INSENSITIVE']);
    // Under the default collation a literal to find becomes a case-insensitive pattern.
    expect(select("REPLACE(x, 'Ltd.', '')", {}, ' FROM dw.t')).toMatchObject({ text: "regexp_replace(x, '(?iu)Ltd\\\\.', '')", codes: [] });
    expect(select("NULLIF(x, 'none')", binary, ' FROM dw.t').codes).toEqual(['TR_CASE_INSENSITIVE']);
    // Under the default collation, NULLIF compares as = does.
    expect(select("NULLIF(x, 'none')", {}, ' FROM dw.t')).toMatchObject({ text: "CASE WHEN x COLLATE UTF8_LCASE_RTRIM = 'none' THEN NULL ELSE x END", codes: [] });
    expect(select("CHARINDEX('-', x)", {}, ' FROM dw.t').codes).toEqual([]);
  });

  it('report trailing spaces for char columns and padded literals', () => {
    expect(select("CASE WHEN c.code = c.name THEN 1 END", { columnTypes: customers, ...binary }, ' FROM dw.customers AS c').codes).toContain('TR_TRAILING_SPACES');
    expect(select("CASE WHEN x = 'ab ' THEN 1 END", binary, ' FROM dw.t').codes).toContain('TR_TRAILING_SPACES');
  });

  it('warn about a compact date text compared with a column of unknown type', () => {
    const result = select("CASE WHEN d >= '20240101' THEN 1 END", {}, ' FROM dw.t');
    expect(result.codes).toEqual(['TR_SEMANTIC']);
    expect(result.diagnostics[0]!.message).toContain("'2024-01-01'");
  });
});

describe('`+`', () => {
  it('concatenates when one side is a string, from literals, casts, variables or the inventory', () => {
    expect(select("'a' + x", {}, ' FROM dw.t').text).toBe("'a' || x");
    expect(select('c.name + c.city', { columnTypes: customers }, ' FROM dw.customers AS c')).toMatchObject({ text: 'c.name || c.city', codes: [] });
    expect(select('name + city', { columnTypes: customers }, ' FROM dw.customers')).toMatchObject({ text: 'name || city', codes: [] });
    expect(select('CAST(x AS varchar(10)) + y', {}, ' FROM dw.t').text).toBe('left(CAST(x AS STRING), 10) || y');
  });

  it('adds numbers and warns when neither type is known', () => {
    expect(select('c.id + c.points', { columnTypes: customers }, ' FROM dw.customers AS c')).toMatchObject({ text: 'c.id + c.points', codes: [] });
    expect(select('a + b', {}, ' FROM dw.t').codes).toEqual(['TR_STRING_CONCAT_UNTYPED']);
    // A number on one side is an addition whatever the other side is: no warning.
    expect(select('a + 1, SUM(a) + SUM(b), a * b + c, COUNT(*) + x', {}, ' FROM dw.t').codes).toEqual([]);
  });

  it('adds days to a datetime', () => {
    expect(select('GETDATE() + 1').text).toBe('timestampadd(DAY, 1, current_timestamp())');
  });

  it('takes column types through derived tables and CTEs', () => {
    const result = toDatabricks("WITH n AS (SELECT c.name FROM dw.customers AS c) SELECT x.name + '!' AS v, x.n + 1 AS w FROM (SELECT name, COUNT(*) AS n FROM n GROUP BY name) AS x", { columnTypes: customers });
    expect(result.text).toContain("x.name || '!'");
    expect(codes(result.diagnostics)).toEqual(['TR_CASE_SENSITIVE_GROUPING']);
  });
});

describe('numbers', () => {
  it('divides integers with div (DuckDB: //), and warns when only one side is known to be an integer', () => {
    expect(select('c.points / 2', { columnTypes: customers }, ' FROM dw.customers AS c').text).toBe('c.points div 2');
    expect(toDuckDb('SELECT 7 / 2 AS v').text).toContain('7 // 2');
    expect(select('x / 2', {}, ' FROM dw.t').codes).toEqual(['TR_SEMANTIC']);
    expect(select('7 / 2.0').text).toBe('7 / 2.0');
  });

  it('divides decimals exactly on DuckDB, on HUGEINTs truncated at the scale SQL Server gives the quotient', () => {
    const duckdb = (column: string) => toDuckDb(`SELECT ${column} AS v`).text.trim().replace(/^SELECT /, '').replace(/ AS v;$/, '');
    // decimal(12,2) / decimal(2,0): max(6, 2 + 2 + 1) = 6 decimals.
    expect(duckdb('CAST(1433.65 AS DECIMAL(12,2)) / 10')).toBe('CAST(CAST(CAST(1433.65 AS DECIMAL(12,2)) * 1000000 AS HUGEINT) // 10 AS DECIMAL(38,0)) * 0.000001');
    // decimal(10,2) / decimal(5,2): 8 decimals; the divisor is scaled to an integer too.
    expect(duckdb('CAST(1 AS DECIMAL(10,2)) / CAST(3 AS DECIMAL(5,2))')).toBe(
      'CAST(CAST(CAST(1 AS DECIMAL(10,2)) * 10000000000 AS HUGEINT) // CAST(CAST(3 AS DECIMAL(5,2)) * 100 AS HUGEINT) AS DECIMAL(38,0)) * 0.00000001',
    );
    expect(duckdb('1 / 3.0')).toBe('CAST(CAST(1 AS HUGEINT) * 10000000 // CAST(3.0 * 10 AS HUGEINT) AS DECIMAL(38,0)) * 0.000001');
    // An int expression is decimal(10,0): 2 + 10 + 1 = 13 decimals; the divisor keeps its parentheses.
    expect(duckdb('CAST(5 AS DECIMAL(9,2)) / (CAST(2 AS int) + 1)')).toBe('CAST(CAST(CAST(5 AS DECIMAL(9,2)) * 10000000000000 AS HUGEINT) // (CAST(2 AS INT) + 1) AS DECIMAL(38,0)) * 0.0000000000001');
    // money / int is money: truncated at 4 decimals (the money suite in execute-expressions runs it).
    expect(duckdb('CAST(5 AS money) / 3')).toBe('CAST(CAST(CAST(CAST(5 AS DECIMAL(19,4)) * 10000 AS HUGEINT) // 3 AS DECIMAL(38,0)) * 0.0001 AS DECIMAL(19,4))');
    expect(select('CAST(5 AS money) / 3').text).toBe('CAST(CAST(CAST(CAST(5 AS DECIMAL(19,4)) / 3 * 10000 AS BIGINT) AS DECIMAL(19,0)) / 10000 AS DECIMAL(19,4))');
    // Databricks divides decimals as decimals already.
    expect(select('CAST(1433.65 AS DECIMAL(12,2)) / 10').text).toBe('CAST(1433.65 AS DECIMAL(12,2)) / 10');
  });

  it('types decimal arithmetic as SQL Server does, capping at precision 38', () => {
    expect(decimalResult('/', { precision: 14, scale: 2 }, { precision: 10, scale: 0 })).toEqual({ precision: 25, scale: 13 });
    expect(decimalResult('/', { precision: 38, scale: 10 }, { precision: 38, scale: 10 })).toEqual({ precision: 38, scale: 6 });
    expect(decimalResult('/', { precision: 38, scale: 2 }, { precision: 10, scale: 0 })).toEqual({ precision: 38, scale: 6 });
    expect(decimalResult('/', { precision: 19, scale: 3 }, { precision: 38, scale: 2 })).toEqual({ precision: 38, scale: 20 });
    expect(decimalResult('*', { precision: 10, scale: 0 }, { precision: 19, scale: 4 })).toEqual({ precision: 30, scale: 4 });
    expect(decimalResult('*', { precision: 38, scale: 4 }, { precision: 38, scale: 4 })).toEqual({ precision: 38, scale: 6 });
    expect(decimalResult('+', { precision: 14, scale: 2 }, { precision: 10, scale: 4 })).toEqual({ precision: 17, scale: 4 });
    expect(decimalResult('+', { precision: 38, scale: 10 }, { precision: 38, scale: 10 })).toEqual({ precision: 38, scale: 10 });
  });

  it('keeps integer division inside a wider expression parenthesised', () => {
    expect(select('1 + c.points / 2 * 3', { columnTypes: customers }, ' FROM dw.customers AS c').text).toBe('1 + c.points div 2 * 3');
  });

  it('truncates AVG of an integer column known from the inventory', () => {
    expect(select('AVG(c.points)', { columnTypes: customers }, ' FROM dw.customers AS c').text).toBe('CAST(avg(c.points) AS INT)');
    expect(select('AVG(c.points) OVER (PARTITION BY c.city)', { columnTypes: customers }, ' FROM dw.customers AS c').text).toBe('CAST(avg(c.points) OVER (PARTITION BY c.city) AS INT)');
    expect(select('AVG(x)', {}, ' FROM dw.t').text).toBe('avg(x)');
  });
});

describe('bit and date values', () => {
  it('compares a bit with true and false', () => {
    expect(select('CASE WHEN c.active = 1 THEN 1 END', { columnTypes: customers }, ' FROM dw.customers AS c').text).toBe('CASE WHEN c.active = true THEN 1 END');
  });

  it('gives the statement writer values converted to the slot they are stored in', () => {
    const bit = parsedColumn('1');
    expect(expressionAs(bit.node, { kind: 'data-type', name: { kind: 'object-name', parts: ['bit'], start: bit.node.start, end: bit.node.end }, args: [], start: bit.node.start, end: bit.node.end }, bit.ctx)).toBe('true');
    const date = parsedColumn("'20240131'");
    expect(expressionAs(date.node, { kind: 'data-type', name: { kind: 'object-name', parts: ['date'], start: date.node.start, end: date.node.end }, args: [], start: date.node.start, end: date.node.end }, date.ctx)).toBe("DATE '2024-01-31'");
    const text = parsedColumn("'abcdef'");
    expect(expressionAs(text.node, { kind: 'data-type', name: { kind: 'object-name', parts: ['varchar'], start: text.node.start, end: text.node.end }, args: ['3'], start: text.node.start, end: text.node.end }, text.ctx)).toBe("'abc'");
  });

  it('reads date texts as SQL Server does, and says when it assumed month/day/year', () => {
    expect(select("DATEADD(day, 1, '20240131')").text).toBe("timestampadd(DAY, 1, TIMESTAMP '2024-01-31 00:00:00')");
    // 1/31 can only be January 31st; 3/4 could be April 3rd read day first.
    const us = select("DATEADD(day, 1, '1/31/2024')");
    expect(us.text).toBe("timestampadd(DAY, 1, TIMESTAMP '2024-01-31 00:00:00')");
    expect(us.codes).toEqual([]);
    const ambiguous = select("DATEADD(day, 1, '3/4/2024')");
    expect(ambiguous.text).toBe("timestampadd(DAY, 1, TIMESTAMP '2024-03-04 00:00:00')");
    expect(ambiguous.codes).toEqual(['TR_SEMANTIC']);
    const unknown = select("DATEADD(day, 1, '31 janvier 2024')");
    expect(unknown.text).toBe("timestampadd(DAY, 1, CAST('31 janvier 2024' AS TIMESTAMP))");
    expect(unknown.codes).toEqual(['TR_SEMANTIC']);
  });
});

describe('date parts', () => {
  it('reports a part the targets cannot compute', () => {
    expect(select('DATEPART(tzoffset, SYSDATETIMEOFFSET())').codes).toContain('TR_UNSUPPORTED_FUNCTION');
  });

  it('reports GETDATE once an object: the SQL Server local time becomes the session time zone', () => {
    expect(select('DATEDIFF(day, GETDATE(), GETDATE())').codes).toEqual(['TR_SEMANTIC']);
  });
});

describe('system variables', () => {
  it('read the row count where the statement writer keeps one', () => {
    const { ctx, node } = parsedColumn('@@ROWCOUNT');
    expect(expression(node, ctx)).toContain('TR_UNSUPPORTED_EXPRESSION');
    ctx.rowCountVariable = 'lakeshift_rowcount';
    expect(expression(node, ctx)).toBe('lakeshift_rowcount');
  });

  it('@@ERROR is 0 outside a CATCH and NULL inside one', () => {
    const { ctx, node } = parsedColumn('@@ERROR');
    expect(expression(node, ctx)).toBe('0');
    expect(ctx.collectErrorItems(() => expression(node, ctx)).value).toBe('NULL');
    expect(codes(ctx.diagnostics)).toEqual(['TR_SEMANTIC', 'TR_ERROR_FUNCTION']);
  });

  it('OBJECT_NAME(@@PROCID) is the name the statement writer says is being translated', () => {
    const { ctx, node } = parsedColumn('OBJECT_NAME(@@PROCID)');
    ctx.currentObject = { kind: 'object-name', parts: ['etl', 'load_orders'], start: node.start, end: node.end };
    expect(expression(node, ctx)).toBe("'load_orders'");
  });
});

describe('conversions', () => {
  it('cuts strings to the length of the target type, 30 when none is given', () => {
    expect(select("CAST(c.name AS varchar(10))", { columnTypes: customers }, ' FROM dw.customers AS c').text).toBe('left(c.name, 10)');
    expect(select("CAST(c.city AS varchar(50))", { columnTypes: customers }, ' FROM dw.customers AS c').text).toBe('c.city');
    expect(select("CAST(c.name AS varchar)", { columnTypes: customers }, ' FROM dw.customers AS c').text).toBe('left(c.name, 30)');
    expect(select('CAST(c.id AS varchar)', { columnTypes: customers }, ' FROM dw.customers AS c').text).toBe('CAST(c.id AS STRING)');
  });

  it('reports a style whose meaning depends on a source type it does not know', () => {
    expect(select('CONVERT(varchar(10), x, 1)', {}, ' FROM dw.t').codes).toEqual(['TR_SEMANTIC']);
  });

  it('warns where text made at run time becomes a date by the target\'s ISO-only rules, and not for a literal or a style it reads', () => {
    // A short expression is read in each form SQL Server reads (m/d/yyyy here); a long one, or one with a query or a random value, is cast with a warning.
    const monthFirst = select("CAST(CAST(c.id AS varchar(2)) + '/1/2024' AS date)", { columnTypes: customers }, ' FROM dw.customers AS c');
    expect(monthFirst.text).toContain("try_to_timestamp(CAST(c.id AS STRING) || '/1/2024', 'M/d/yyyy')");
    const queried = select("CAST((SELECT MAX(name) FROM dw.customers) + '/1/2024' AS date)", { columnTypes: customers });
    expect(queried.codes).toContain('TR_SEMANTIC');
    expect(queried.diagnostics.map((diagnostic) => diagnostic.message).join('\n')).toMatch(/read yyyy-MM-dd\[ HH:mm:ss\] forms only: SQL Server \(us_english\) also read yyyymmdd, m\/d\/yyyy/);
    expect(select("CAST('2024-03-01' AS date)").codes).toEqual([]);
    expect(select('CONVERT(date, c.name, 112)', { columnTypes: customers }, ' FROM dw.customers AS c')).toMatchObject({ text: "CAST(to_timestamp(c.name, 'yyyyMMdd') AS DATE)", codes: [] });
  });

  it('casts non-integers to integers by truncation in DuckDB', () => {
    expect(toDuckDb('SELECT CAST(2.5 AS int) AS v').text).toContain('CAST(trunc(2.5) AS INT)');
  });

  it('keeps FORMAT with a pattern it cannot read marked', () => {
    expect(select("FORMAT(x, 'yyyy-MM-dd zzz')", {}, ' FROM dw.t').codes).toEqual(['TR_UNSUPPORTED_FUNCTION']);
    expect(select('FORMAT(x, @pattern)', {}, ' FROM dw.t').codes).toEqual(['TR_UNSUPPORTED_FUNCTION']);
  });
});

describe('STRING_AGG', () => {
  it('sorts by columns it does not aggregate through collected pairs, NULL keys where T-SQL puts them', () => {
    expect(select("STRING_AGG(name, ',') WITHIN GROUP (ORDER BY id)", {}, ' FROM dw.t').text).toBe(
      "CASE WHEN count(name) = 0 THEN NULL ELSE array_join(transform(array_sort(collect_list(named_struct('k0', id, 'v', name)), (l, r) -> CASE WHEN l.k0 IS NULL AND r.k0 IS NOT NULL THEN -1 WHEN l.k0 IS NOT NULL AND r.k0 IS NULL THEN 1 WHEN l.k0 < r.k0 THEN -1 WHEN l.k0 > r.k0 THEN 1 ELSE 0 END), p -> p.v), ',') END",
    );
    const mixed = select("STRING_AGG(name, ',') WITHIN GROUP (ORDER BY id, name DESC)", {}, ' FROM dw.t');
    expect(mixed.codes).toEqual([]);
    expect(mixed.text).toContain('WHEN r.k1 < l.k1 THEN -1');
  });

  it('keeps the native clause when the keys are columns the aggregate uses', () => {
    expect(select("STRING_AGG(name, ',') WITHIN GROUP (ORDER BY name DESC)", {}, ' FROM dw.t').text).toBe("string_agg(name, ',') WITHIN GROUP (ORDER BY name DESC)");
  });
});

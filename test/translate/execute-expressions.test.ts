import { describe, expect, it } from 'vitest';
import { runOnDuckDb, valueOnDuckDb, valueTable, type ValueCase } from './support.js';

/**
 * T-SQL expressions translated to DuckDB and run there: each result is the value SQL Server
 * returns, as its documentation states it (learn.microsoft.com/sql/t-sql/functions/...), or as
 * its documented rule gives it. Timestamps carry microseconds in both targets, so the
 * documentation's 7-digit fractions are cut to 6 here.
 */
const value = valueOnDuckDb;
const table = valueTable;
type Case = ValueCase;

// DATEDIFF counts boundaries: "Each statement returns 1" for these adjacent values (datediff-transact-sql, "datepart boundaries").
const EDGE = "'2005-12-31 23:59:59.999999', '2006-01-01 00:00:00.000000'";
table('DATEDIFF counts the boundaries crossed', [
  ...['year', 'quarter', 'month', 'dayofyear', 'day', 'week', 'hour', 'minute', 'second', 'millisecond', 'microsecond'].map((part): Case => [`DATEDIFF(${part}, ${EDGE})`, '1']),
  // datediff-transact-sql: "SELECT DATEDIFF(day, '2036-03-01', '2036-02-28'); returns -2"
  ["DATEDIFF(day, '2036-03-01', '2036-02-28')", '-2'],
  // Example A and E: one day apart, whatever the time of day.
  ["DATEDIFF(day, '2007-05-06 12:10:09', '2007-05-07 12:10:09')", '1'],
  ["DATEDIFF(day, '2007-05-07 09:53:01.037663', '2007-05-08 09:53:01.037663')", '1'],
  // Month boundaries, not elapsed months.
  ["DATEDIFF(month, '2024-01-31', '2024-02-01')", '1'],
  ["DATEDIFF(month, '2024-01-01', '2024-01-31')", '0'],
  ["DATEDIFF(year, '2024-12-31', '2025-01-01')", '1'],
  ["DATEDIFF(quarter, '2024-03-31', '2024-04-01')", '1'],
  ["DATEDIFF(hour, '2024-01-01 03:59', '2024-01-01 04:01')", '1'],
  ["DATEDIFF(minute, '2024-01-01 03:59:59', '2024-01-01 04:00:00')", '1'],
  // Weeks begin on Sunday whatever DATEFIRST says: Saturday -> Sunday crosses one, Sunday -> Monday none
  // ("If startdate and enddate have different year values, but they have the same calendar week values, DATEDIFF will return 0").
  ["DATEDIFF(week, '2006-12-31', '2007-01-01')", '0'],
  ["DATEDIFF(week, '2024-01-06', '2024-01-07')", '1'],
  ["DATEDIFF(week, '2024-01-07', '2024-01-13')", '0'],
  ["DATEDIFF(week, '2024-01-13', '2024-01-01')", '-1'],
  ['DATEDIFF(day, 0, 1)', '1'],
]);

table('DATEADD', [
  // dateadd-transact-sql: "both return 2006-09-30 00:00:00.000"
  ["DATEADD(month, 1, '20060830')", '2006-09-30 00:00:00'],
  ["DATEADD(month, 1, '20060831')", '2006-09-30 00:00:00'],
  ["DATEADD(month, 1, '2024-01-31')", '2024-02-29 00:00:00'],
  ["DATEADD(month, 1, CAST('2024-01-31' AS date))", '2024-02-29'],
  // An integer where the date goes counts days after 1900-01-01.
  ["DATEADD(dd, 0, DATEDIFF(dd, 0, CAST('2024-03-05 10:30' AS datetime)))", '2024-03-05 00:00:00'],
  ["DATEADD(month, 1, DATEDIFF(dd, 0, CAST('2024-03-05 10:30' AS datetime)))", '2024-04-05 00:00:00'],
  ["DATEADD(day, 1, CAST('2024-02-28' AS date))", '2024-02-29'],
  ["DATEADD(year, 1, CAST('2024-02-29' AS date))", '2025-02-28'],
  ["DATEADD(quarter, 1, '2024-11-30')", '2025-02-28 00:00:00'],
  ["DATEADD(week, -1, '2024-01-07')", '2023-12-31 00:00:00'],
  ["DATEADD(hour, 25, '2024-01-01')", '2024-01-02 01:00:00'],
  ["DATEADD(minute, -1, '2024-01-01')", '2023-12-31 23:59:00'],
  ["DATEADD(millisecond, 123, '2006-08-30')", '2006-08-30 00:00:00.123'],
  // The 1900-01-01 integer idioms: midnight of a day, first of its month, last day of the month before.
  ["DATEADD(day, DATEDIFF(day, 0, '2024-05-17 13:45'), 0)", '2024-05-17 00:00:00'],
  ["DATEADD(month, DATEDIFF(month, 0, '2024-05-17 13:45'), 0)", '2024-05-01 00:00:00'],
  ["DATEADD(month, DATEDIFF(month, 0, '2024-05-17'), -1)", '2024-04-30 00:00:00'],
  ["DATEADD(week, DATEDIFF(week, 0, '2024-05-17'), 0)", '2024-05-13 00:00:00'],
  // ... + n: the start of the nth period after; minus a day, the last day of a period.
  ["DATEADD(QUARTER, DATEDIFF(QUARTER, 0, '2024-05-17 13:45') + 1, 0) - 1", '2024-06-30 00:00:00'],
  ["DATEADD(d, -1, DATEADD(mm, DATEDIFF(mm, 0, '2024-02-10') + 1, 0))", '2024-02-29 00:00:00'],
  ["DATEADD(yy, DATEDIFF(yy, 0, '2024-05-17') - 1, 0)", '2023-01-01 00:00:00'],
  ["CAST(FLOOR(CAST(CAST('2024-05-17 13:45' AS datetime) AS float)) AS datetime)", '2024-05-17 00:00:00'],
  ['CAST(0 AS datetime)', '1900-01-01 00:00:00'],
  ["CAST('2024-05-17 18:00' AS datetime) + 1", '2024-05-18 18:00:00'],
  ["CAST('2024-05-17 18:00' AS datetime) - 1.5", '2024-05-16 06:00:00'],
  // datetime + string: the string converts to a datetime (a time alone is on day 0, 1900-01-01) and is added.
  ["CAST('2024-05-17' AS datetime) + ' 23:59'", '2024-05-17 23:59:00'],
  ["CAST('2024-05-17' AS datetime) + '11:30:15.5 PM'", '2024-05-17 23:30:15.5'],
  ["'1900-01-03 06:00' + CAST('2024-05-17' AS datetime)", '2024-05-19 06:00:00'],
]);

// datepart-transact-sql: the table for '2007-10-30 12:15:32.1234567', and week/weekday of '2007-04-21' with DATEFIRST 7.
table('DATEPART, DATENAME, YEAR/MONTH/DAY', [
  ["DATEPART(year, '2007-10-30 12:15:32.123456')", '2007'],
  ["DATEPART(quarter, '2007-10-30 12:15:32.123456')", '4'],
  ["DATEPART(month, '2007-10-30 12:15:32.123456')", '10'],
  ["DATEPART(dayofyear, '2007-10-30 12:15:32.123456')", '303'],
  ["DATEPART(day, '2007-10-30 12:15:32.123456')", '30'],
  ["DATEPART(week, '2007-10-30 12:15:32.123456')", '44'],
  ["DATEPART(weekday, '2007-10-30 12:15:32.123456')", '3'],
  ["DATEPART(hour, '2007-10-30 12:15:32.123456')", '12'],
  ["DATEPART(minute, '2007-10-30 12:15:32.123456')", '15'],
  ["DATEPART(second, '2007-10-30 12:15:32.123456')", '32'],
  ["DATEPART(millisecond, '2007-10-30 12:15:32.123456')", '123'],
  ["DATEPART(microsecond, '2007-10-30 12:15:32.123456')", '123456'],
  ["DATEPART(nanosecond, '2007-10-30 12:15:32.123456')", '123456000'],
  ["DATEPART(iso_week, '2007-10-30 12:15:32.123456')", '44'],
  ["DATEPART(week, '2007-04-21')", '16'],
  ["DATEPART(weekday, '2007-04-21')", '7'],
  // "DATEPART (wk, 'Jan 1, xxxx') = 1"
  ["DATEPART(wk, '2022-01-01')", '1'],
  ["DATEPART(wk, '2023-01-01')", '1'],
  ['DATEPART(year, 0)', '1900'],
  ['DATEPART(month, 0)', '1'],
  ["DATEPART(day, '12/20/1974')", '20'],
  ["YEAR('2024-02-29')", '2024'],
  ["MONTH('2024-02-29')", '2'],
  ["DAY('2024-02-29')", '29'],
  ["DATENAME(month, '2024-02-29')", 'February'],
  ["DATENAME(weekday, '2007-04-21')", 'Saturday'],
  ["DATENAME(year, '2024-02-29')", '2024'],
]);

table('EOMONTH, DATEFROMPARTS, DATETRUNC', [
  // eomonth-transact-sql: DECLARE @date DATETIME = '12/1/2011'; SELECT EOMONTH(@date) -> 2011-12-31
  ["EOMONTH('12/1/2011')", '2011-12-31'],
  ["EOMONTH('2024-02-10')", '2024-02-29'],
  ["EOMONTH('2024-01-31', 1)", '2024-02-29'],
  ["EOMONTH('2024-03-15', -1)", '2024-02-29'],
  ['DATEFROMPARTS(2024, 2, 29)', '2024-02-29'],
  ['DATETIMEFROMPARTS(2024, 2, 29, 13, 5, 7, 250)', '2024-02-29 13:05:07.25'],
  ["DATETRUNC(month, CAST('2024-05-17 13:45' AS datetime))", '2024-05-01 00:00:00'],
  ["DATETRUNC(week, CAST('2024-05-17 13:45' AS datetime))", '2024-05-12 00:00:00'],
]);

table('strings', [
  // LEN excludes trailing spaces, counts leading ones.
  ["LEN('abc   ')", '3'],
  ["LEN('   abc')", '6'],
  ['LEN(12345)', '5'],
  ["DATALENGTH(N'abc')", '6'],
  ["DATALENGTH('abc  ')", '5'],
  // + on strings concatenates and NULL makes it NULL; CONCAT reads NULL as ''.
  ["'a' + 'b'", 'ab'],
  ["'a' + NULL", null],
  ["CONCAT('a', NULL, 'b', 1)", 'ab1'],
  ["CONCAT_WS('-', 'a', NULL, 'b')", 'a-b'],
  ["ISNULL(NULL, 'x')", 'x'],
  ["ISNULL(CAST(NULL AS char(2)), 'N/A')", 'N/'],
  ["ISNULL(CAST(NULL AS int), '')", '0'],
  // Date text against a date in ISNULL/COALESCE is read as SQL Server reads it.
  ["COALESCE(CAST(NULL AS datetime), '19000101')", '1900-01-01 00:00:00'],
  ["ISNULL(CAST(NULL AS date), '20240131')", '2024-01-31'],
  // ISNULL returns the type of its first argument (isnull-transact-sql): the replacement is converted to it.
  ["ISNULL(CAST(NULL AS date), CAST('2024-02-03 10:00' AS datetime))", '2024-02-03'],
  ["ISNULL(CAST('007' AS varchar(10)), 0)", '007'],
  ["ISNULL(CAST(NULL AS varchar(10)), 7) + 'x'", '7x'],
  ["ISNULL(CAST(NULL AS int), CAST(2.7 AS decimal(5,1)))", '2'],
  ["COALESCE(NULL, NULL, 'c')", 'c'],
  ["IIF(1 > 2, 'yes', 'no')", 'no'],
  ["CHOOSE(2, 'a', 'b', 'c')", 'b'],
  ["CHOOSE(4, 'a', 'b', 'c')", null],
  ["CHARINDEX('b', 'abcb')", '2'],
  ["CHARINDEX('b', 'abcb', 3)", '4'],
  ["CHARINDEX('b', 'abcb', 0)", '2'],
  ["CHARINDEX('z', 'abc')", '0'],
  ["PATINDEX('%[0-9]%', 'ab12')", '3'],
  ["PATINDEX('%ter%', 'interesting')", '3'],
  ["PATINDEX('ab%', 'abc')", '1'],
  ["PATINDEX('%[^a-z]%', 'abc')", '0'],
  // STUFF: stuff-transact-sql example, 'abcdef' with 3 characters from 2 replaced by 'ijklmn'.
  ["STUFF('abcdef', 2, 3, 'ijklmn')", 'aijklmnef'],
  ["STUFF(',a,b', 1, 1, '')", 'a,b'],
  ["REPLICATE('ab', 3)", 'ababab'],
  // NULL for a start below 1 or beyond the end, or a negative length or count.
  ["STUFF('abc', 5, 1, 'x')", null],
  ["STUFF('abc', CHARINDEX(',', 'abc'), 1, '')", null],
  ["STUFF('abc', 2, -1, 'x')", null],
  ["STUFF('abc', 3, 5, 'x')", 'abx'],
  ["REPLICATE('ab', 2 - 3)", null],
  ["SPACE(3) + 'x'", '   x'],
  ["SUBSTRING('abcdef', 2, 3)", 'bcd'],
  ["SUBSTRING('abc', 0, 2)", 'a'],
  ["SUBSTRING('abc', -1, 3)", 'a'],
  ["LEFT('abcdef', 2) + RIGHT('abcdef', 2)", 'abef'],
  ["LTRIM('  a ') + '|'", 'a |'],
  ["RTRIM(' a  ') + '|'", ' a|'],
  ["TRIM('  a  ') + '|'", 'a|'],
  ["REPLACE('a-b-c', '-', '+')", 'a+b+c'],
  ["REVERSE('abc')", 'cba'],
  ["UPPER('abc') + LOWER('DEF')", 'ABCdef'],
  ["QUOTENAME('a]b')", '[a]]b]'],
  ["QUOTENAME('o''k', '''')", "'o''k'"],
  // string-escape-transact-sql: quotes, backslashes, slashes and control characters are escaped.
  ["STRING_ESCAPE('\\\"a/b\"', 'json')", '\\\\\\"a\\/b\\"'],
  ["STRING_ESCAPE('x' + CHAR(10) + 'y' + CHAR(9) + CHAR(1), 'json')", 'x\\ny\\t\\u0001'],
  ["STRING_ESCAPE(N'é', 'json')", 'é'],
  ["STRING_ESCAPE(NULL, 'json')", null],
  // Implicit conversion to text, as CAST gives it (cast-and-convert-transact-sql): a bit is 1/0,
  // a datetime style 0, money two decimals.
  ["CONCAT('v', CAST(1 AS bit), CAST(0 AS bit))", 'v10'],
  ["CAST(CAST(1 AS bit) AS varchar(5)) + '|'", '1|'],
  ["CONCAT('x', CAST('2024-02-03 10:00' AS datetime))", 'xFeb  3 2024 10:00AM'],
  ["LEFT(CAST('2024-02-03 22:05' AS datetime), 11)", 'Feb  3 2024'],
  ["CONCAT('m', CAST(2.5 AS money))", 'm2.50'],
  ["CONCAT('d', CAST('2024-02-03' AS date))", 'd2024-02-03'],
  // datetime2(n) as text keeps all n fractional digits; SYSDATETIME() is datetime2(7), not style 0.
  ["CAST(CAST('2024-02-03 10:00' AS datetime2) AS varchar(40))", '2024-02-03 10:00:00.0000000'],
  ["CAST(CAST('2024-02-03 10:00:01.5' AS datetime2(3)) AS varchar(30))", '2024-02-03 10:00:01.500'],
  ["CAST(CAST('2024-02-03 10:00:01' AS datetime2(0)) AS varchar(30))", '2024-02-03 10:00:01'],
  ['LEN(CAST(SYSDATETIME() AS varchar(40)))', '27'],
  // REPLACE finds text as the default collation compares: ignoring case.
  ["REPLACE('ACME Ltd. (LTD.)', 'ltd.', '')", 'ACME  ()'],
  ["REPLACE('Path C:\\x', 'c:\\', 'D:\\$1')", 'Path D:\\$1x'],
  ["REPLACE('a.b.c', '.', '')", 'abc'],
  // CHARINDEX and PATINDEX search as the default collation compares: ignoring case.
  ["CHARINDEX('FROM', 'select a from t')", '10'],
  ["CHARINDEX('A', 'xaxa', 3)", '4'],
  ["PATINDEX('%FROM%', 'select a from t')", '10'],
  // NULLIF compares as = does: blanks equal '', case ignored (the default collation).
  ["NULLIF(CAST('   ' AS varchar(5)), '')", null],
  ["NULLIF(CAST('abc' AS varchar(5)), 'ABC')", null],
  ["NULLIF(CAST('abc' AS varchar(5)), 'x')", 'abc'],
  ["PARSENAME('srv.db.[dbo].tbl', 2)", 'dbo'],
  ["PARSENAME('db.dbo.tbl', 4)", null],
  ['CHAR(65) + NCHAR(66)', 'AB'],
  ["ASCII('A')", '65'],
  ["STR(123.45, 8, 1)", '   123.5'],
  ["STR(123456, 3)", '***'],
  ["TRANSLATE('2*[3+4]/{7-2}', '[]{}', '()()')", '2*(3+4)/(7-2)'],
]);

table('numbers', [
  // Integer division truncates towards zero when both sides are integers.
  ['7 / 2', '3'],
  ['-7 / 2', '-3'],
  // 7 is decimal(1,0) and 2.0 decimal(2,1): the quotient has max(6, 0 + 2 + 1) = 6 decimals.
  ['7 / 2.0', '3.500000'],
  ['7 % 3', '1'],
  ['-7 % 3', '-1'],
  // ROUND rounds half away from zero (round-transact-sql: ROUND(123.4545, 2) = 123.4500, ROUND(748.58, -1) = 750.00;
  // SQL Server keeps the scale of its argument, DuckDB shows the value without the trailing zeros).
  ['ROUND(2.5, 0)', '3'],
  ['ROUND(-2.5, 0)', '-3'],
  ['ROUND(123.4545, 2)', '123.45'],
  ['ROUND(748.58, -1)', '750'],
  ['CEILING(1.2)', '2'],
  ['FLOOR(-1.2)', '-2'],
  ['POWER(2, 10)', '1024'],
  ['POWER(2, -1)', '0'],
  ['ABS(-3)', '3'],
  ['SIGN(-3)', '-1'],
  // cast-and-convert: numeric to int truncates.
  ['CAST(10.6496 AS int)', '10'],
  ['CAST(-10.6496 AS int)', '-10'],
  ["CAST('7' AS int) + 1", '8'],
  ["TRY_CAST('x' AS int)", null],
  ["TRY_CONVERT(int, '12')", '12'],
  ["ISNUMERIC('12.5')", '1'],
  ["ISNUMERIC('abc')", '0'],
]);

// precision-scale-and-length-transact-sql: e1 / e2 has scale max(6, s1 + p2 + 1) (an int is
// decimal(10,0), a constant has just its digits: 10 is decimal(2,0)), and the quotient is
// truncated at that scale, not rounded. CAST to a smaller scale then rounds half away from zero.
table('decimal division is exact, truncated at the scale SQL Server gives it', [
  ['CAST(1433.65 AS DECIMAL(12,2)) / 10', '143.365000'],
  ['CAST(CAST(1433.65 AS DECIMAL(12,2)) / 10 AS DECIMAL(12,2))', '143.37'],
  ['CAST(-1433.65 AS DECIMAL(12,2)) / 10', '-143.365000'],
  ['CAST(CAST(-1433.65 AS DECIMAL(12,2)) / 10 AS DECIMAL(12,2))', '-143.37'],
  ['1 / 3.0', '0.333333'],
  ['2.0 / 3', '0.666666'],
  ['-2.0 / 3', '-0.666666'],
  ['CAST(1 AS DECIMAL(10,2)) / CAST(3 AS int)', '0.3333333333333'],
  ['CAST(10 AS DECIMAL(5,2)) / CAST(4 AS DECIMAL(5,2))', '2.50000000'],
  ['100.0 * 3 / 7', '42.857142'],
  // decimal(38,10) / decimal(38,10) is decimal(38,6): the documented 0.000167 (not 0.000168).
  ['CAST(1.67574 AS DECIMAL(38,10)) / CAST(10000 AS DECIMAL(38,10))', '0.000167'],
  ['CAST(NULL AS DECIMAL(10,2)) / 3', null],
  // SQL Server raises error 8134; the rehearsal gives NULL, as it does for an integer division by zero.
  ['CAST(1 AS DECIMAL(10,2)) / 0', null],
]);

// money with money or an integer stays money: a quotient truncated at 4 decimals, a product
// rounded to 4 (adamhutson.com, "Money vs DECIMAL data types in SQL Server": $1 / $3 * $3 is
// 0.9999; c-sharpcorner.com, "Money precision issues": 1 / 18.4172 is 0.0542, 18.4172 * 1.1562
// is 21.2940).
table('money arithmetic keeps 4 decimals', [
  ['CAST(1 AS money) / CAST(3 AS money) * CAST(3 AS money)', '0.9999'],
  ['CAST(1 AS money) / CAST(18.4172 AS money)', '0.0542'],
  ['CAST(-1 AS money) / CAST(18.4172 AS money)', '-0.0542'],
  ['CAST(18.4172 AS money) * CAST(1.1562 AS money)', '21.2940'],
  ['CAST(10 AS money) / 3', '3.3333'],
]);

describe('decimal division in queries on DuckDB', () => {
  const setup = `
    CREATE SCHEMA dbo;
    CREATE TABLE dbo.orders (store_id INTEGER, amount DECIMAL(14,2));
    INSERT INTO dbo.orders SELECT 1, 100.10 FROM range(9);
    INSERT INTO dbo.orders VALUES (1, 100.15), (2, -0.05), (2, 0.00), (3, 10.00), (3, 10.00), (3, 10.01);`;
  const columnTypes = (table: string) => (table === 'dbo.orders' ? new Map([['store_id', 'int'], ['amount', 'decimal(14,2)']]) : undefined);

  it('SUM(decimal) / COUNT(*) is the exact average, rounded half away from zero by the CAST', async () => {
    // 1001.05 / 10 = 100.105 exactly: SQL Server stores 100.11 (a DOUBLE quotient, 100.10499..., gives 100.10).
    // SUM of a decimal(14,2) is decimal(38,2); divided by an int, decimal(49,13) is over 38
    // digits with 36 of them integral, so the quotient keeps 6 decimals.
    const result = await runOnDuckDb('SELECT store_id, CAST(SUM(amount) / COUNT(*) AS DECIMAL(12,2)) AS avg_value, SUM(amount) / COUNT(*) AS quotient FROM dbo.orders GROUP BY store_id ORDER BY store_id', setup, { columnTypes });
    expect(result.map((row) => [String(row['avg_value']), String(row['quotient'])])).toEqual([
      ['100.11', '100.105000'],
      ['-0.03', '-0.025000'],
      ['10.00', '10.003333'],
    ]);
    // A decimal(14,2) divided by an int keeps 13 decimals.
    const narrow = await runOnDuckDb('SELECT CAST(SUM(amount) AS DECIMAL(14,2)) / COUNT(*) AS quotient FROM dbo.orders WHERE store_id = 3', setup, { columnTypes });
    expect(String(narrow[0]!['quotient'])).toBe('10.0033333333333');
  });
});

// Latin1_General_100_CI_AS and SQL_Latin1_General_CP1_CI_AS ignore case, and compare as if the
// shorter value were padded with spaces (so trailing spaces do not count); LIKE ignores the
// trailing spaces of the value matched, not of the pattern.
table('strings compare as under a case-insensitive collation', [
  ["IIF('Boston' = 'BOSTON ', 1, 0)", '1'],
  ["IIF('Boston' <> 'boston', 1, 0)", '0'],
  ["IIF('a' < 'B', 1, 0)", '1'],
  ["IIF('Boston' LIKE 'bos%', 1, 0)", '1'],
  ["IIF('Boston  ' LIKE 'boston', 1, 0)", '1'],
  ["IIF('Boston' LIKE 'boston ', 1, 0)", '0'],
  ["IIF('b' IN ('A', 'B'), 1, 0)", '1'],
  ["IIF('Bob' BETWEEN 'alice' AND 'CAROL', 1, 0)", '1'],
  ["CASE 'closed ' WHEN 'Closed' THEN 'yes' ELSE 'no' END", 'yes'],
  ["IIF('Boston' LIKE '[a-c]%', 1, 0)", '1'],
]);

describe('string comparisons in queries on DuckDB', () => {
  const setup = `
    CREATE SCHEMA dbo;
    CREATE TABLE dbo.customers (id INTEGER, city VARCHAR, status VARCHAR);
    INSERT INTO dbo.customers VALUES (1, 'Boston', 'Closed'), (2, 'BOSTON', 'closed '), (3, 'boston ', 'CLOSED'), (4, 'Salem', 'Active'), (5, NULL, NULL);
    CREATE TABLE dbo.stores (store VARCHAR, city VARCHAR);
    INSERT INTO dbo.stores VALUES ('SC101', 'BOSTON'), ('SC201', 'salem  ');`;
  const columnTypes = (table: string) =>
    table === 'dbo.customers' ? new Map([['id', 'int'], ['city', 'varchar(30)'], ['status', 'varchar(10)']]) : table === 'dbo.stores' ? new Map([['store', 'char(5)'], ['city', 'varchar(30)']]) : undefined;
  const ids = async (tsql: string, collation?: 'binary') => (await runOnDuckDb(tsql, setup, { columnTypes, ...(collation === undefined ? {} : { collation }) })).map((row) => Number(row['id']));

  it("status = 'Closed' finds every spelling, as SQL Server does", async () => {
    expect(await ids("SELECT id FROM dbo.customers WHERE status = 'Closed' ORDER BY id")).toEqual([1, 2, 3]);
    expect(await ids("SELECT id FROM dbo.customers WHERE status <> 'closed' ORDER BY id")).toEqual([4]);
    expect(await ids("SELECT id FROM dbo.customers WHERE city LIKE 'bos%' ORDER BY id")).toEqual([1, 2, 3]);
    expect(await ids("SELECT id FROM dbo.customers WHERE city IN ('SALEM', 'nowhere') ORDER BY id")).toEqual([4]);
  });

  it('joins on strings that differ only in case and trailing spaces', async () => {
    const result = await runOnDuckDb('SELECT c.id, s.store FROM dbo.customers AS c INNER JOIN dbo.stores AS s ON s.city = c.city ORDER BY c.id', setup, { columnTypes });
    expect(result.map((row) => `${String(row['id'])}:${String(row['store'])}`)).toEqual(['1:SC101', '2:SC101', '3:SC101', '4:SC201']);
  });

  it("compares byte for byte under translate.collation 'binary'", async () => {
    expect(await ids("SELECT id FROM dbo.customers WHERE status = 'Closed' ORDER BY id", 'binary')).toEqual([1]);
  });
});

table('conversion styles and FORMAT', [
  // A style with separators reads one-digit months and days and a time after the day, as SQL Server does.
  ["CONVERT(datetime, '1/31/2018 22:56', 101)", '2018-01-31 22:56:00'],
  ["CONVERT(date, '5/1/2018', 103)", '2018-01-05'],
  // Text built at run time is read as SQL Server (us_english) reads it: m/d/yyyy and yyyymmdd too.
  ["CAST(CAST(3 AS varchar(2)) + '/1/' + CAST(2024 AS varchar(4)) AS date)", '2024-03-01'],
  ["CAST(CAST(2024 AS varchar(4)) + '0105' AS date)", '2024-01-05'],
  ["CONVERT(varchar(10), CAST('2024-05-07 13:04:05' AS datetime), 120)", '2024-05-07'],
  ["CONVERT(varchar(19), CAST('2024-05-07 13:04:05' AS datetime), 120)", '2024-05-07 13:04:05'],
  ["CONVERT(varchar(8), CAST('2024-05-07' AS datetime), 112)", '20240507'],
  ["CONVERT(varchar(10), CAST('2024-05-07' AS datetime), 103)", '07/05/2024'],
  ["CONVERT(varchar(10), CAST('2024-05-07' AS datetime), 101)", '05/07/2024'],
  ["CONVERT(varchar(8), CAST('2024-05-07' AS datetime), 1)", '05/07/24'],
  ["CONVERT(varchar(11), CAST('2024-05-07' AS datetime), 106)", '07 May 2024'],
  ["CONVERT(varchar(8), CAST('2024-05-07 13:04:05' AS datetime), 108)", '13:04:05'],
  ["CONVERT(varchar(23), CAST('2024-05-07 13:04:05.123' AS datetime), 121)", '2024-05-07 13:04:05.123'],
  ["CONVERT(varchar(23), CAST('2024-05-07 13:04:05.123' AS datetime), 126)", '2024-05-07T13:04:05.123'],
  // cast-and-convert example G: CAST(GETDATE() AS nvarchar(30)) -> 'Apr 18 2006  9:58AM' (style 0).
  ["CAST(CAST('2006-04-18 09:58:04.570' AS datetime) AS nvarchar(30))", 'Apr 18 2006  9:58AM'],
  ["CONVERT(varchar(30), CAST('2006-04-18 21:58:04.570' AS datetime), 100)", 'Apr 18 2006  9:58PM'],
  ["CONVERT(datetime, '07/05/2024', 103)", '2024-05-07 00:00:00'],
  ["CONVERT(date, '20240507', 112)", '2024-05-07'],
  ["CAST('abcdef' AS varchar(3))", 'abc'],
  ["CAST('ab' AS char(4)) + '|'", 'ab  |'],
  ['CAST(CAST(1234.5678 AS money) AS varchar(20))', '1234.57'],
  ['CONVERT(varchar(20), CAST(1234567.891 AS money), 1)', '1,234,567.89'],
  ["FORMAT(CAST('2024-05-07 13:04:05' AS datetime), 'yyyy-MM-dd HH:mm')", '2024-05-07 13:04'],
  ["FORMAT(CAST('2024-05-07' AS date), 'dd/MM/yyyy')", '07/05/2024'],
  ["FORMAT(CAST('2016-07-31' AS datetime), 'd')", '7/31/2016'],
  ["FORMAT(CAST('2016-07-31' AS datetime), 'D')", 'Sunday, July 31, 2016'],
  ["FORMAT(CAST('2016-07-31' AS datetime), 'dddd, MMMM dd, yyyy hh:mm:ss tt')", 'Sunday, July 31, 2016 12:00:00 AM'],
  ["FORMAT(1234567.891, 'N2')", '1,234,567.89'],
  ["FORMAT(1234.5, 'F3')", '1234.500'],
  ["FORMAT(123.456, 'C')", '$123.46'],
  ["FORMAT(-123.456, 'C3')", '($123.456)'],
  ["FORMAT(-1234, 'D6')", '-001234'],
  ["FORMAT(1234.5, '#,##0.00')", '1,234.50'],
  // .NET rounds a half away from zero: 2.13, where format_number and fmt alone give 2.12.
  ["FORMAT(2.125, 'N2')", '2.13'],
  ["FORMAT(2.125, 'C')", '$2.13'],
  ["FORMAT(-2.125, 'F2')", '-2.13'],
  ["CONVERT(varchar(20), CAST(1234.125 AS money), 1)", '1,234.13'],
  // Integers: DuckDB's fmt and printf refuse a precision for one.
  ["FORMAT(1234567, 'N0')", '1,234,567'],
  ["FORMAT(42, 'N2')", '42.00'],
  ["FORMAT(CAST(42 AS bigint), 'F2')", '42.00'],
  ["FORMAT(-5, 'C')", '($5.00)'],
  ["FORMAT(7, 'P')", '700.00 %'],
  // Custom patterns round a half away from zero too ("00" makes 34.5 35).
  ["FORMAT(0.125, '0.00')", '0.13'],
  ["FORMAT(2.5, '00000')", '00003'],
  ["FORMAT(-2.5, '0')", '-3'],
  ["FORMAT(CAST(0.125 AS float), '0.00')", '0.13'],
  ["FORMAT(1234.5, '#,##0')", '1,235'],
  ["FORMAT(42, '0.00')", '42.00'],
]);

// ---------------------------------------------------------------------------------------------
// queries

const SCORES = `
CREATE SCHEMA dbo;
CREATE TABLE dbo.scores (name VARCHAR, team VARCHAR, points INTEGER, ts TIMESTAMP);
INSERT INTO dbo.scores VALUES
  ('ann', 'red', 10, TIMESTAMP '2024-01-01 10:00:00'), ('bob', 'red', 7, TIMESTAMP '2024-01-02 10:00:00'),
  ('cid', 'blue', 10, TIMESTAMP '2024-01-03 10:00:00'), ('dee', 'blue', 5, TIMESTAMP '2024-01-04 10:00:00'),
  ('eve', 'blue', 7, TIMESTAMP '2024-01-05 10:00:00'), ('fay', 'green', NULL, TIMESTAMP '2024-01-06 10:00:00'),
  ('gus', 'green', 3, TIMESTAMP '2024-01-07 10:00:00'), ('hal', 'red', 7, TIMESTAMP '2024-01-08 10:00:00'),
  ('ivy', 'green', 1, TIMESTAMP '2024-01-09 10:00:00'), ('jon', 'blue', 2, TIMESTAMP '2024-01-10 10:00:00');
`;

async function rows(tsql: string, setup = SCORES): Promise<Array<Record<string, string | null>>> {
  const result = await runOnDuckDb(tsql, setup);
  return result.map((row) => Object.fromEntries(Object.entries(row).map(([key, v]) => [key, v === null ? null : String(v)])));
}

describe('queries on DuckDB', () => {
  it('TOP n WITH TIES keeps the rows that tie with the last one', async () => {
    const result = await rows('SELECT TOP 3 WITH TIES name, points FROM dbo.scores ORDER BY points DESC');
    expect(result.map((row) => row['name'])).toEqual(['ann', 'cid', 'bob', 'eve', 'hal']);
  });

  it('TOP n WITH TIES orders by a select alias', async () => {
    const result = await rows('SELECT TOP 1 WITH TIES team, SUM(points) AS total FROM dbo.scores GROUP BY team ORDER BY total DESC');
    expect(result.map((row) => row['team']).sort()).toEqual(['blue', 'red']);
  });

  it('TOP 1 WITH TIES ordered by ROW_NUMBER() keeps the first row of each group', async () => {
    const result = await rows('SELECT TOP 1 WITH TIES team, name FROM dbo.scores ORDER BY ROW_NUMBER() OVER (PARTITION BY team ORDER BY ts DESC)');
    expect(result.map((row) => `${row['team']}:${row['name']}`).sort()).toEqual(['blue:jon', 'green:ivy', 'red:hal']);
  });

  it('DISTINCT TOP n WITH TIES and PERCENT count the distinct rows', async () => {
    // Three distinct teams (blue has four rows): ranked after DISTINCT, not before.
    expect((await rows('SELECT DISTINCT TOP 2 WITH TIES team FROM dbo.scores ORDER BY team')).map((row) => row['team'])).toEqual(['blue', 'green']);
    expect((await rows('SELECT DISTINCT TOP 40 PERCENT team FROM dbo.scores ORDER BY team')).map((row) => row['team'])).toEqual(['blue', 'green']);
  });

  it('TOP n PERCENT rounds the row count up', async () => {
    // 25 percent of 10 rows is 2.5: SQL Server returns 3.
    const result = await rows('SELECT TOP 25 PERCENT name FROM dbo.scores ORDER BY ts');
    expect(result.map((row) => row['name'])).toEqual(['ann', 'bob', 'cid']);
  });

  it('TOP n PERCENT WITH TIES', async () => {
    const result = await rows('SELECT TOP 20 PERCENT WITH TIES name FROM dbo.scores ORDER BY points DESC');
    expect(result.map((row) => row['name']).sort()).toEqual(['ann', 'cid']);
  });

  it('TOP in the first SELECT of a UNION applies to that SELECT only', async () => {
    const result = await rows("SELECT TOP 2 name FROM dbo.scores UNION ALL SELECT 'zed'");
    expect(result).toHaveLength(3);
    expect(result.map((row) => row['name'])).toContain('zed');
  });

  it('OFFSET ... FETCH pages', async () => {
    const result = await rows('SELECT name FROM dbo.scores ORDER BY ts OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY');
    expect(result.map((row) => row['name'])).toEqual(['cid', 'dee', 'eve']);
  });

  it('AVG of an integer column truncates, when the inventory says it is an integer', async () => {
    // 10 + 7 + 10 + 5 + 7 + 3 + 7 + 1 + 2 = 52 over 9 rows (NULL left out): 5.78, 5 in SQL Server.
    const columnTypes = (table: string) => (table === 'dbo.scores' ? new Map([['points', 'int'], ['name', 'varchar(10)']]) : undefined);
    const typed = await runOnDuckDb('SELECT AVG(points) AS a, AVG(points * 1.0) AS f FROM dbo.scores', SCORES, { columnTypes });
    expect(String(typed[0]!['a'])).toBe('5');
    expect(Number(typed[0]!['f'])).toBeCloseTo(5.777, 2);
  });

  it('STRING_AGG ... WITHIN GROUP orders the values', async () => {
    const result = await rows("SELECT team, STRING_AGG(name, ',') WITHIN GROUP (ORDER BY ts DESC) AS names FROM dbo.scores GROUP BY team ORDER BY team");
    expect(result).toEqual([
      { team: 'blue', names: 'jon,eve,dee,cid' },
      { team: 'green', names: 'ivy,gus,fay' },
      { team: 'red', names: 'hal,bob,ann' },
    ]);
  });

  it("the FOR XML PATH('') idiom with STUFF concatenates in order", async () => {
    const result = await rows(
      "SELECT t.team, STUFF((SELECT ',' + s.name FROM dbo.scores s WHERE s.team = t.team ORDER BY s.name FOR XML PATH('')), 1, 1, '') AS names FROM (SELECT DISTINCT team FROM dbo.scores) t ORDER BY t.team",
    );
    expect(result).toEqual([
      { team: 'blue', names: 'cid,dee,eve,jon' },
      { team: 'green', names: 'fay,gus,ivy' },
      { team: 'red', names: 'ann,bob,hal' },
    ]);
  });

  it("FOR XML PATH(''), TYPE).value('.', ...) with DISTINCT", async () => {
    const result = await rows(
      "SELECT STUFF((SELECT DISTINCT ', ' + team FROM dbo.scores ORDER BY ', ' + team FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)'), 1, 2, '') AS teams",
    );
    expect(result).toEqual([{ teams: 'blue, green, red' }]);
  });

  it('PIVOT turns values into columns, grouping by the other columns', async () => {
    const result = await rows("SELECT * FROM (SELECT team, name, points FROM dbo.scores) AS src PIVOT (SUM(points) FOR team IN ([red], [blue])) AS p WHERE name IN ('ann', 'cid') ORDER BY name");
    expect(result).toEqual([
      { name: 'ann', red: '10', blue: null },
      { name: 'cid', red: null, blue: '10' },
    ]);
  });

  it('UNPIVOT turns columns into rows and leaves out NULLs', async () => {
    const setup = 'CREATE SCHEMA dbo; CREATE TABLE dbo.q (y INTEGER, q1 INTEGER, q2 INTEGER); INSERT INTO dbo.q VALUES (2023, 5, NULL), (2024, 7, 8);';
    const result = await rows('SELECT y, quarter, amount FROM dbo.q UNPIVOT (amount FOR quarter IN (q1, q2)) AS u ORDER BY y, quarter', setup);
    expect(result).toEqual([
      { y: '2023', quarter: 'q1', amount: '5' },
      { y: '2024', quarter: 'q1', amount: '7' },
      { y: '2024', quarter: 'q2', amount: '8' },
    ]);
  });

  it('CROSS APPLY STRING_SPLIT yields one row per piece; OUTER APPLY keeps rows without any', async () => {
    const setup = "CREATE SCHEMA dbo; CREATE TABLE dbo.tags (id INTEGER, tags VARCHAR); INSERT INTO dbo.tags VALUES (1, 'a,b'), (2, NULL);";
    expect(await rows('SELECT t.id, s.value FROM dbo.tags t CROSS APPLY STRING_SPLIT(t.tags, \',\') s ORDER BY t.id, s.value', setup)).toEqual([
      { id: '1', value: 'a' },
      { id: '1', value: 'b' },
    ]);
    expect(await rows('SELECT t.id, s.value FROM dbo.tags t OUTER APPLY STRING_SPLIT(t.tags, \',\') s ORDER BY t.id, s.value', setup)).toEqual([
      { id: '1', value: 'a' },
      { id: '1', value: 'b' },
      { id: '2', value: null },
    ]);
  });

  it('STRING_SPLIT with an ordinal', async () => {
    expect(await rows("SELECT value, ordinal FROM STRING_SPLIT('x|y|z', '|', 1) ORDER BY ordinal")).toEqual([
      { value: 'x', ordinal: '1' },
      { value: 'y', ordinal: '2' },
      { value: 'z', ordinal: '3' },
    ]);
  });

  it('OPENJSON ... WITH reads the objects of an array at their paths', async () => {
    const json = `N'{"Recordings":[{"properties":{"rego":"AB-1","temp":3.25}},{"properties":{"rego":"CD-2"}}]}'`;
    expect(await rows(`SELECT j.rego, j.temp FROM OPENJSON(${json}, N'$.Recordings') WITH (rego nvarchar(40) N'$.properties.rego', temp decimal(18,2) N'$.properties.temp') AS j ORDER BY j.rego`)).toEqual([
      { rego: 'AB-1', temp: '3.25' },
      { rego: 'CD-2', temp: null },
    ]);
  });

  it('a recursive CTE', async () => {
    const result = await rows('WITH n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT SUM(i) AS total FROM n');
    expect(result).toEqual([{ total: '15' }]);
  });

  it('CROSS APPLY a correlated TOP 1 is a lateral join', async () => {
    const result = await rows(
      'SELECT t.team, last.name FROM (SELECT DISTINCT team FROM dbo.scores) t CROSS APPLY (SELECT TOP 1 s.name FROM dbo.scores s WHERE s.team = t.team ORDER BY s.ts DESC) AS last ORDER BY t.team',
    );
    expect(result).toEqual([
      { team: 'blue', name: 'jon' },
      { team: 'green', name: 'ivy' },
      { team: 'red', name: 'hal' },
    ]);
  });

  it('LIKE with character classes', async () => {
    const result = await rows("SELECT name FROM dbo.scores WHERE name LIKE '[a-c]%' AND name NOT LIKE '_[^o]_' ORDER BY name");
    expect(result.map((row) => row['name'])).toEqual(['bob']);
  });

  it('GENERATE_SERIES includes its end', async () => {
    expect(await rows('SELECT value FROM GENERATE_SERIES(1, 3) ORDER BY value')).toEqual([{ value: '1' }, { value: '2' }, { value: '3' }]);
  });

  it('PERCENTILE_CONT and PERCENTILE_DISC, as aggregates and over windows, in both directions', async () => {
    const setup = 'CREATE SCHEMA dbo; CREATE TABLE dbo.v (g INTEGER, x INTEGER); INSERT INTO dbo.v VALUES (1, 1), (1, 2), (1, 3), (1, 4), (1, 10);';
    // Over 1, 2, 3, 4, 10: the interpolated median is 3; the discrete 90th percentile is 10 ascending, 1 descending.
    expect(
      await rows(
        'SELECT TOP 1 PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x) OVER (PARTITION BY g) AS m, PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY x) OVER (PARTITION BY g) AS up, PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY x DESC) OVER (PARTITION BY g) AS down FROM dbo.v',
        setup,
      ),
    ).toEqual([{ m: '3', up: '10', down: '1' }]);
  });

  it('FOR JSON PATH nests dotted names and keeps the ORDER BY; no rows give NULL', async () => {
    expect(await rows("SELECT name AS [who.name], points FROM dbo.scores WHERE team = 'red' ORDER BY name DESC FOR JSON PATH")).toEqual([
      { json: '[{"who":{"name":"hal"},"points":7},{"who":{"name":"bob"},"points":7},{"who":{"name":"ann"},"points":10}]' },
    ]);
    expect(await rows("SELECT name FROM dbo.scores WHERE team = 'none' FOR JSON PATH")).toEqual([{ json: null }]);
  });
});

describe('multi-statement table functions folded into one query, on DuckDB', () => {
  it('returns the rows each INSERT added, in the table\'s column types, with the variables as they were at each INSERT', async () => {
    const setup = `CREATE SCHEMA dw; CREATE TABLE dw.dim_date (calendar_date DATE); INSERT INTO dw.dim_date VALUES ('2024-01-01'), ('2024-05-01'), ('2024-09-01');`;
    const rows = await runOnDuckDb(
      `CREATE FUNCTION dw.fn_fiscal (@date datetime)
       RETURNS @fiscal TABLE (fiscal_year smallint NOT NULL, quarter_of_year tinyint, label varchar(4))
       AS
       BEGIN
         DECLARE @year smallint = YEAR(@date);
         IF MONTH(@date) >= 7 SET @year = @year + 1;
         INSERT INTO @fiscal VALUES (@year, (MONTH(@date) + 5) % 12 / 3 + 1, 'FY' + CAST(@year AS varchar(4)));
         SET @year = @year - 1;
         INSERT INTO @fiscal (fiscal_year, quarter_of_year, label) SELECT DISTINCT @year, NULL, 'before' FROM dw.dim_date WHERE calendar_date < @date;
         RETURN;
       END
       GO
       -- DuckDB macros take untyped arguments: the date is typed here, as the Databricks function's parameter types it.
       SELECT * FROM dw.fn_fiscal(CAST('2024-08-15' AS datetime)) ORDER BY fiscal_year DESC;`,
      setup,
    );
    // FY2025 (July starts it), its first quarter; then the year before, once (DISTINCT), label cut to varchar(4).
    expect(rows.map((row) => ({ ...row }))).toEqual([
      { fiscal_year: 2025, quarter_of_year: 1, label: 'FY20' },
      { fiscal_year: 2024, quarter_of_year: null, label: 'befo' },
    ]);
  });
});

describe('NULLs in sorts, on DuckDB', () => {
  it('come first ascending and last descending, as in SQL Server and Databricks: TOP and ROW_NUMBER pick the same rows', async () => {
    const setup = 'CREATE SCHEMA dbo; CREATE TABLE dbo.t (id INT, v INT); INSERT INTO dbo.t VALUES (1, 5), (2, NULL), (3, 7);';
    expect(await runOnDuckDb('SELECT TOP 1 id FROM dbo.t ORDER BY v', setup)).toEqual([{ id: 2 }]);
    expect(await runOnDuckDb('SELECT TOP 1 id FROM dbo.t ORDER BY v DESC', setup)).toEqual([{ id: 3 }]);
    expect(await runOnDuckDb('SELECT id, ROW_NUMBER() OVER (ORDER BY v) AS rn FROM dbo.t ORDER BY id', setup)).toEqual([
      { id: 1, rn: 2n },
      { id: 2, rn: 1n },
      { id: 3, rn: 3n },
    ]);
  });
});

describe('scalar functions returning varchar(n), on DuckDB', () => {
  it('cut the value to n, as SQL Server converts it to the declared return type', async () => {
    const rows = await runOnDuckDb(
      `CREATE FUNCTION dbo.code3 (@s varchar(10)) RETURNS varchar(3) AS BEGIN RETURN UPPER(@s); END
       GO
       SELECT dbo.code3('abcdef') AS v;`,
      'CREATE SCHEMA dbo;',
    );
    expect(rows).toEqual([{ v: 'ABC' }]);
  });
});

describe('a column of unknown type compared with computed text, on DuckDB', () => {
  it('is compared as text, so that an INT column binds (rtrim takes text only)', async () => {
    const setup = 'CREATE SCHEMA dbo; CREATE TABLE dbo.facts (date_key INT, n INT); INSERT INTO dbo.facts VALUES (20240105, 1), (20240106, 2);';
    expect(await runOnDuckDb("SELECT n FROM dbo.facts WHERE date_key = CONVERT(varchar(8), CAST('2024-01-05' AS date), 112)", setup)).toEqual([{ n: 1 }]);
    expect(await runOnDuckDb("SELECT n FROM dbo.facts WHERE date_key IN (CONVERT(varchar(8), CAST('2024-01-06' AS date), 112)) ORDER BY n", setup)).toEqual([{ n: 2 }]);
    expect(await runOnDuckDb("SELECT CASE date_key WHEN CONVERT(varchar(8), CAST('2024-01-06' AS date), 112) THEN 'hit' ELSE 'miss' END AS v FROM dbo.facts ORDER BY n", setup)).toEqual([
      { v: 'miss' },
      { v: 'hit' },
    ]);
  });
});

describe('GUIDs as text, on DuckDB', () => {
  const columnTypes = (table: string) => (table === 'dbo.customer' ? new Map([['customer_id', 'uniqueidentifier'], ['name', 'varchar(20)']]) : table === 'stg.customer' ? new Map([['customer_id', 'varchar(40)'], ['name', 'varchar(20)']]) : undefined);
  const setup = `CREATE SCHEMA dbo; CREATE SCHEMA stg;
    CREATE TABLE dbo.customer (customer_id VARCHAR, name VARCHAR); INSERT INTO dbo.customer VALUES ('6f9619ff-8b86-d011-b42d-00c04fc964ff', 'migrated');
    CREATE TABLE stg.customer (customer_id VARCHAR, name VARCHAR); INSERT INTO stg.customer VALUES ('6F9619FF-8B86-D011-B42D-00C04FC964FF', 'same'), ('0E984725-C51C-4BF4-9960-E1C80E27ABA0', 'new');`;

  it('matches a GUID whatever the case its text is in, and writes text made a GUID in lower case', async () => {
    const unmatched = await runOnDuckDb(
      'SELECT LOWER(CAST(s.customer_id AS uniqueidentifier)) = CAST(s.customer_id AS uniqueidentifier) AS lowered, s.name FROM stg.customer s WHERE NOT EXISTS (SELECT 1 FROM dbo.customer c WHERE c.customer_id = CAST(s.customer_id AS uniqueidentifier)) ORDER BY s.name',
      setup,
      { columnTypes },
    );
    expect(unmatched).toEqual([{ lowered: true, name: 'new' }]);
    expect(await runOnDuckDb("SELECT name FROM dbo.customer WHERE customer_id = '6F9619FF-8B86-D011-B42D-00C04FC964FF'", setup, { columnTypes })).toEqual([{ name: 'migrated' }]);
    // As text, SQL Server writes a GUID in upper case.
    expect(await runOnDuckDb('SELECT CONVERT(varchar(36), customer_id) AS id FROM dbo.customer', setup, { columnTypes })).toEqual([{ id: '6F9619FF-8B86-D011-B42D-00C04FC964FF' }]);
    const [made] = await runOnDuckDb("SELECT CONCAT('id-', NEWID()) AS g", '');
    expect(made?.['g']).toMatch(/^id-[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it('joins stored GUIDs whatever case each table holds them in', async () => {
    const guids = (table: string) => (table === 'dbo.a' || table === 'dbo.b' ? new Map([['id', 'uniqueidentifier']]) : undefined);
    const stored = "CREATE SCHEMA dbo; CREATE TABLE dbo.a (id VARCHAR); CREATE TABLE dbo.b (id VARCHAR); INSERT INTO dbo.a VALUES ('0e984725-c51c-4bf4-9960-e1c80e27aba0'); INSERT INTO dbo.b VALUES ('0E984725-C51C-4BF4-9960-E1C80E27ABA0');";
    expect(await runOnDuckDb('SELECT COUNT(*) AS n FROM dbo.a JOIN dbo.b ON a.id = b.id', stored, { columnTypes: guids })).toEqual([{ n: 1n }]);
  });
});

describe('LEFT and RIGHT with a length below zero, on DuckDB', () => {
  it('give the empty string, as Databricks does (SQL Server stops with an error), and NULL for a NULL length', async () => {
    const rows = await runOnDuckDb("SELECT LEFT(s, CHARINDEX(',', s) - 1) AS head, RIGHT(s, LEN(s) - CHARINDEX(',', s) - 10) AS tail, LEFT(s, NULL) AS none FROM (SELECT 'abcdef' AS s) AS t", '');
    expect(rows).toEqual([{ head: '', tail: '', none: null }]);
  });
});

describe('columns inside derived tables on DuckDB (tables without an inventory)', () => {
  const setup = `
    CREATE SCHEMA dbo;
    CREATE TABLE dbo.sales (amount DECIMAL(10,2), total DECIMAL(10,2), tx_date TIMESTAMP);
    INSERT INTO dbo.sales VALUES (7.50, 1.50, TIMESTAMP '2024-01-05 10:30:00'), (9.99, NULL, TIMESTAMP '2024-12-31 00:00:00');`;

  it('binds a column to the derived table\'s own FROM clause, not to its output column of the same name', async () => {
    // SQL Server: CONVERT(varchar(8), datetime, 112) is 'yyyymmdd'; decimal(10,2) / 2 is a decimal division.
    const rows = await runOnDuckDb(
      'SELECT d.tx_date, d.half, d.total FROM (SELECT CONVERT(varchar(8), tx_date, 112) AS tx_date, CAST(amount AS int) AS amount, amount / 2 AS half, CAST(ISNULL(total, 0) AS varchar(10)) AS total FROM dbo.sales) AS d ORDER BY d.tx_date',
      setup,
    );
    expect(rows.map((row) => [row['tx_date'], Number(row['half']), row['total']])).toEqual([
      ['20240105', 3.75, '1.50'],
      ['20241231', 4.995, '0.00'],
    ]);
  });

  it('does not type a column of a UNION branch by the derived table\'s output', async () => {
    const rows = await runOnDuckDb('SELECT d.amount FROM (SELECT 0 AS amount UNION ALL SELECT amount / 2 FROM dbo.sales) AS d ORDER BY d.amount', setup);
    expect(rows.map((row) => Number(row['amount']))).toEqual([0, 3.75, 4.995]);
  });
});

describe('integer division on DuckDB truncates as Databricks div does, whatever DuckDB types the operands', () => {
  const setup = `
    CREATE SCHEMA dbo;
    CREATE TABLE dbo.counts (i INTEGER, amount DECIMAL(10,2));
    INSERT INTO dbo.counts VALUES (7, 7.50), (-7, -7.50);`;

  it('FLOOR(int) / 2 is 3 (DuckDB floor of an INTEGER is a DOUBLE)', async () => {
    const columnTypes = (table: string) => (table === 'dbo.counts' ? new Map([['i', 'int'], ['amount', 'decimal(10,2)']]) : undefined);
    const rows = await runOnDuckDb('SELECT FLOOR(i) / 2 AS half, ABS(i) / 2 AS abs_half, i / 2 AS plain FROM dbo.counts ORDER BY i DESC', setup, { columnTypes });
    expect(rows.map((row) => [Number(row['half']), Number(row['abs_half']), Number(row['plain'])])).toEqual([
      [3, 3, 3],
      [-3, 3, -3],
    ]);
  });

  it('a column the inventory calls int but DuckDB holds as a decimal is truncated, as on Databricks', async () => {
    const columnTypes = (table: string) => (table === 'dbo.counts' ? new Map([['i', 'int'], ['amount', 'int']]) : undefined);
    const rows = await runOnDuckDb('SELECT amount / 2 AS half FROM dbo.counts ORDER BY i DESC', setup, { columnTypes });
    expect(rows.map((row) => Number(row['half']))).toEqual([3, -3]);
  });
});

describe('blank text to an integer or float on DuckDB', () => {
  const setup = `
    CREATE SCHEMA dbo;
    CREATE TABLE dbo.raw_rows (id INTEGER, qty VARCHAR);
    INSERT INTO dbo.raw_rows VALUES (1, ''), (2, '  '), (3, '12'), (4, 'x'), (5, NULL);`;
  const columnTypes = (table: string) => (table === 'dbo.raw_rows' ? new Map([['id', 'int'], ['qty', 'varchar(10)']]) : undefined);

  it("reads '' and spaces as 0, as SQL Server does (CAST('' AS int) is 0); decimal refuses it", async () => {
    const rows = await runOnDuckDb(
      'SELECT id, TRY_CAST(qty AS int) AS i, TRY_CONVERT(bigint, qty) AS b, TRY_CAST(qty AS float) AS f, TRY_CAST(qty AS decimal(10,2)) AS d, TRY_CAST(RTRIM(qty) AS int) AS r FROM dbo.raw_rows ORDER BY id',
      setup,
      { columnTypes },
    );
    const value = (v: unknown) => (v === null ? null : Number(v));
    expect(rows.map((row) => [row['id'], value(row['i']), value(row['b']), value(row['f']), value(row['d']), value(row['r'])])).toEqual([
      [1, 0, 0, 0, null, 0],
      [2, 0, 0, 0, null, 0],
      [3, 12, 12, 12, 12, 12],
      [4, null, null, null, null, null],
      [5, null, null, null, null, null],
    ]);
  });
});

table('blank text literals to numbers', [
  ["TRY_CAST('' AS int)", '0'],
  ["TRY_CAST(' ' AS smallint)", '0'],
  ["CAST('' AS int)", '0'],
  ["TRY_CAST('' AS decimal(10,2))", null],
]);

describe('an explicit case-sensitive COLLATE, on DuckDB', () => {
  it('makes LIKE, CHARINDEX and REPLACE tell case apart, as SQL Server does under it', async () => {
    const setup = "CREATE SCHEMA dbo; CREATE TABLE dbo.t (id INT, name VARCHAR); INSERT INTO dbo.t VALUES (1, 'abc'), (2, 'Abc');";
    const columnTypes = (table: string) => (table === 'dbo.t' ? new Map([['id', 'int'], ['name', 'varchar(20)']]) : undefined);
    const rows = await runOnDuckDb(
      "SELECT id, CASE WHEN name COLLATE Latin1_General_CS_AS LIKE 'A%' THEN 1 ELSE 0 END AS upper_a, CHARINDEX('B', name COLLATE Latin1_General_CS_AS) AS b, REPLACE(name COLLATE Latin1_General_BIN2, 'a', 'x') AS replaced FROM dbo.t ORDER BY id",
      setup,
      { columnTypes },
    );
    expect(rows).toEqual([
      { id: 1, upper_a: 0, b: 0n, replaced: 'xbc' },
      { id: 2, upper_a: 1, b: 0n, replaced: 'Abc' },
    ]);
  });
});

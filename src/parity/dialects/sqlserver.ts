import type { TimestampPrecision } from '../rules.js';
import type { ParityDialect } from './dialect.js';

/** Code-point comparison; `=` still ignores trailing spaces under it (see padsTrailingSpaces). */
const BINARY = 'Latin1_General_100_BIN2';
/**
 * Text is hashed as UTF-8, like DuckDB and Databricks: built as nvarchar (UTF-16) and converted
 * to varchar under a UTF-8 collation (SQL Server 2019 and later) just before HASHBYTES, so the
 * md5 is taken over the same bytes on every engine.
 */
const UTF8 = 'Latin1_General_100_BIN2_UTF8';
const utf8 = (expr: string) => `CAST(CAST(${expr} AS nvarchar(max)) COLLATE ${UTF8} AS varchar(max))`;

const units: Readonly<Record<Exclude<TimestampPrecision, 's'>, string>> = { ms: 'millisecond', us: 'microsecond' };

/** Midnight of the value's day as datetime2(7). */
const midnight = (expr: string) => `CAST(CAST(${expr} AS date) AS datetime2(7))`;

/**
 * Truncation to the second without DATETRUNC (SQL Server 2022 only) and without overflowing
 * DATEADD's int: DATEDIFF counts the second boundaries since midnight, which floors.
 */
const truncateToSecond = (expr: string) => `DATEADD(second, DATEDIFF(second, ${midnight(expr)}, ${expr}), ${midnight(expr)})`;

/**
 * SQL Server (2019 or later for the cross-engine hashes, which need a UTF-8 collation).
 * Semantics the text below relies on:
 * - string `=` and GROUP BY follow the column's collation (usually case-insensitive) and ignore
 *   trailing spaces: values are compared under a binary collation and by length as well;
 * - no IS NOT DISTINCT FROM before 2022: the long form, and equi-joins on keys that hash;
 * - `datetime` keeps 1/300 s: it is taken at its millisecond value (as SSMS shows it) by
 *   converting to datetime2(3), which rounds .9966667 to .997;
 * - tedious turns decimals into floats and loses sub-millisecond time: fetched as text.
 */
export const sqlserverDialect: ParityDialect = {
  kind: 'sqlserver',
  limitStyle: 'top',
  padsTrailingSpaces: true,
  nullSafeOperator: false,
  aggregateFilter: false,
  types: { string: 'nvarchar(max)', double: 'float', bigint: 'bigint', timestamp: 'datetime2(7)' },

  quoteIdentifier: (name) => `[${name.replaceAll(']', ']]')}]`,
  quoteLiteral: (text) => `N'${text.replaceAll("'", "''")}'`,

  trim: (expr, mode) => (mode === 'left' ? `LTRIM(${expr})` : mode === 'right' ? `RTRIM(${expr})` : `LTRIM(RTRIM(${expr}))`),
  lower: (expr) => `LOWER(${expr})`,
  isEmpty: (expr) => `DATALENGTH(${expr}) = 0`,
  exactString: (expr) => `${expr} COLLATE ${BINARY}`,
  charLength: (expr) => `(LEN(${expr} + N'.') - 1)`,
  timestampValue: (expr, sourceType) => {
    const type = sourceType.trim().toLowerCase();
    if (type === 'datetime' || type === 'smalldatetime') return `CAST(CAST(${expr} AS datetime2(3)) AS datetime2(7))`;
    if (type.startsWith('datetimeoffset')) return `CAST(SWITCHOFFSET(${expr}, '+00:00') AS datetime2(7))`;
    return `CAST(${expr} AS datetime2(7))`;
  },
  truncateTimestamp: (expr, precision) =>
    precision === 's' ? truncateToSecond(expr) : `DATEADD(${units[precision]}, DATEPART(${units[precision]}, ${expr}), ${truncateToSecond(expr)})`,
  truncateTime: (expr, precision) => {
    const zero = `CAST('00:00:00' AS time(7))`;
    const seconds = `DATEADD(second, DATEDIFF(second, ${zero}, ${expr}), ${zero})`;
    return precision === 's' ? seconds : `DATEADD(${units[precision]}, DATEPART(${units[precision]}, ${expr}), ${seconds})`;
  },
  absolute: (expr) => `ABS(${expr})`,
  greatest: (a, b) => `CASE WHEN ${a} >= ${b} THEN ${a} ELSE ${b} END`,

  concat: (parts) => parts.map((part, index) => (index === 0 ? `CAST(${part} AS nvarchar(max))` : part)).join(' + '),
  byteLength: (expr) => `DATALENGTH(${utf8(expr)})`,
  integerText: (expr) => `CONVERT(nvarchar(40), ${expr})`,
  decimalText: (expr, scale) => `CONVERT(nvarchar(50), CAST(${expr} AS decimal(38,${scale})))`,
  booleanText: (expr) => `CASE WHEN ${expr} = 1 THEN N'1' ELSE N'0' END`,
  dateText: (expr) => `CONVERT(nvarchar(10), CAST(${expr} AS date), 23)`,
  timeText: (expr) => `CONVERT(nvarchar(16), CAST(${expr} AS time(7)))`,
  timestampText: (expr) => `CONVERT(nvarchar(27), CAST(${expr} AS datetime2(7)), 121)`,
  uuidText: (expr) => `LOWER(CONVERT(nvarchar(36), ${expr}))`,
  binaryHex: (expr) => `LOWER(CONVERT(nvarchar(max), ${expr}, 2))`,
  anyText: (expr) => `CONVERT(nvarchar(max), ${expr})`,
  floorLog2: (expr) => `FLOOR(LOG(${expr}, 2))`,
  powerOfTwo: (expr) => `POWER(CAST(2 AS float), ${expr})`,
  bigintText: (expr) => `CONVERT(nvarchar(20), CAST(${expr} AS bigint))`,
  roundedText: (expr) => `CONVERT(nvarchar(40), CAST(ROUND(${expr}, 0) AS decimal(38,0)))`,
  specialFloats: undefined,

  md5: (text) => `HASHBYTES('MD5', ${utf8(text)})`,
  hashHex: (hash) => `LOWER(CONVERT(char(32), ${hash}, 2))`,
  // binary(4) -> bigint reads the four bytes as a big-endian number padded on the left with zeros.
  hashInt: (hash, part) => `CAST(SUBSTRING(${hash}, ${1 + 4 * part}, 4) AS bigint)`,
  substring: (expr, start, length) => `SUBSTRING(${expr}, ${start}, ${length})`,

  orderable: (expr, family) => (family === 'boolean' ? `CAST(${expr} AS int)` : expr),
  exactSum: (expr, family) => (family === 'integer' ? `SUM(CAST(${expr} AS decimal(38,0)))` : `SUM(${expr})`),
  fetchValue: (expr, family) =>
    family === 'decimal'
      ? `CONVERT(varchar(50), ${expr})`
      : family === 'timestamp'
        ? `CONVERT(varchar(27), ${expr}, 121)`
        : family === 'time'
          ? `CONVERT(varchar(16), ${expr})`
          : expr,
};

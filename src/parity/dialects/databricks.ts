import type { TimestampPrecision } from '../rules.js';
import type { ParityDialect } from './dialect.js';

const units: Readonly<Record<TimestampPrecision, string>> = { s: 'SECOND', ms: 'MILLISECOND', us: 'MICROSECOND' };

/**
 * Databricks SQL. Notes on its semantics that the text below relies on:
 * - string literals treat backslashes as escapes (unless spark.sql.parser.escapedStringLiterals):
 *   both quotes and backslashes are escaped;
 * - the default collation (UTF8_BINARY) compares code points, and trim/ltrim/rtrim remove spaces
 *   only, like DuckDB and SQL Server;
 * - CAST(decimal AS STRING) uses scientific notation outside ANSI mode ("0E-7"), so decimal
 *   text goes through format_number, which formats the exact BigDecimal with a US-locale
 *   pattern of `scale` zeros (grouping commas removed);
 * - date_format and date_trunc on TIMESTAMP use the session time zone: the canonical text
 *   assumes UTC, the Databricks SQL default;
 * - the driver loses microseconds of fetched TIMESTAMPs, so they are fetched as text.
 */
export const databricksDialect: ParityDialect = {
  kind: 'databricks',
  limitStyle: 'limit',
  padsTrailingSpaces: false,
  nullSafeOperator: true,
  aggregateFilter: true,
  types: { string: 'STRING', double: 'DOUBLE', bigint: 'BIGINT', timestamp: 'TIMESTAMP' },

  quoteIdentifier: (name) => `\`${name.replaceAll('`', '``')}\``,
  quoteLiteral: (text) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`,

  trim: (expr, mode) => `${mode === 'left' ? 'ltrim' : mode === 'right' ? 'rtrim' : 'trim'}(${expr})`,
  lower: (expr) => `lower(${expr})`,
  isEmpty: (expr) => `${expr} = ''`,
  exactString: (expr) => expr,
  charLength: (expr) => `char_length(${expr})`,
  timestampValue: (expr, sourceType) => (/^TIMESTAMP/i.test(sourceType.trim()) ? expr : `CAST(${expr} AS TIMESTAMP)`),
  truncateTimestamp: (expr, precision) => `date_trunc('${units[precision]}', ${expr})`,
  truncateTime: (expr) => expr,
  absolute: (expr) => `abs(${expr})`,
  greatest: (a, b) => `greatest(${a}, ${b})`,

  concat: (parts) => `concat(${parts.join(', ')})`,
  byteLength: (expr) => `octet_length(${expr})`,
  integerText: (expr) => `CAST(${expr} AS STRING)`,
  decimalText: (expr, scale) => `replace(format_number(CAST(${expr} AS DECIMAL(38,${scale})), ${scale}), ',', '')`,
  booleanText: (expr) => `CASE WHEN ${expr} THEN '1' ELSE '0' END`,
  dateText: (expr) => `date_format(${expr}, 'yyyy-MM-dd')`,
  timeText: (expr) => `concat(date_format(${expr}, 'HH:mm:ss.SSSSSS'), '0')`,
  timestampText: (expr) => `concat(date_format(${expr}, 'yyyy-MM-dd HH:mm:ss.SSSSSS'), '0')`,
  uuidText: (expr) => `lower(CAST(${expr} AS STRING))`,
  binaryHex: (expr) => `lower(hex(${expr}))`,
  anyText: (expr) => `CAST(${expr} AS STRING)`,
  floorLog2: (expr) => `floor(log2(${expr}))`,
  powerOfTwo: (expr) => `power(CAST(2 AS DOUBLE), ${expr})`,
  bigintText: (expr) => `CAST(CAST(${expr} AS BIGINT) AS STRING)`,
  roundedText: (expr) => `CAST(CAST(round(${expr}) AS DECIMAL(38,0)) AS STRING)`,
  specialFloats: { isNaN: (expr) => `isnan(${expr})`, isInfinite: (expr) => `abs(${expr}) = CAST('Infinity' AS DOUBLE)` },

  md5: (text) => `md5(${text})`,
  hashHex: (hash) => hash,
  hashInt: (hash, part) => `CAST(conv(substr(${hash}, ${1 + 8 * part}, 8), 16, 10) AS BIGINT)`,
  substring: (expr, start, length) => `substr(${expr}, ${start}, ${length})`,

  orderable: (expr) => expr,
  exactSum: (expr) => `sum(${expr})`,
  fetchValue: (expr, family) => (family === 'timestamp' ? `date_format(${expr}, 'yyyy-MM-dd HH:mm:ss.SSSSSS')` : expr),
};

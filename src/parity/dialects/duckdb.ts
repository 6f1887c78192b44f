import type { TimestampPrecision } from '../rules.js';
import type { ParityDialect } from './dialect.js';

const units: Readonly<Record<TimestampPrecision, string>> = { s: 'second', ms: 'millisecond', us: 'microsecond' };

/**
 * DuckDB. Strings compare by code point; DECIMAL, DATE and TIMESTAMP text is already exact;
 * timestamps keep microseconds, so the canonical 7th fraction digit is always 0.
 */
export const duckdbDialect: ParityDialect = {
  kind: 'duckdb',
  limitStyle: 'limit',
  padsTrailingSpaces: false,
  nullSafeOperator: true,
  aggregateFilter: true,
  types: { string: 'VARCHAR', double: 'DOUBLE', bigint: 'BIGINT', timestamp: 'TIMESTAMP' },

  quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
  quoteLiteral: (text) => `'${text.replaceAll("'", "''")}'`,

  trim: (expr, mode) => `${mode === 'left' ? 'ltrim' : mode === 'right' ? 'rtrim' : 'trim'}(${expr})`,
  lower: (expr) => `lower(${expr})`,
  isEmpty: (expr) => `${expr} = ''`,
  exactString: (expr) => expr,
  charLength: (expr) => `length(${expr})`,
  // TIMESTAMP_NS keeps nanoseconds, which the canonical text (7 digits) cannot: it is compared at microseconds.
  timestampValue: (expr, sourceType) => (/^TIMESTAMP$/i.test(sourceType.trim()) ? expr : `CAST(${expr} AS TIMESTAMP)`),
  truncateTimestamp: (expr, precision) => `date_trunc('${units[precision]}', ${expr})`,
  truncateTime: (expr, precision) => `CAST(date_trunc('${units[precision]}', DATE '2000-01-01' + ${expr}) AS TIME)`,
  absolute: (expr) => `abs(${expr})`,
  greatest: (a, b) => `greatest(${a}, ${b})`,

  concat: (parts) => parts.join(' || '),
  byteLength: (expr) => `strlen(${expr})`,
  integerText: (expr) => `CAST(${expr} AS VARCHAR)`,
  decimalText: (expr, scale) => `CAST(CAST(${expr} AS DECIMAL(38,${scale})) AS VARCHAR)`,
  booleanText: (expr) => `CASE WHEN ${expr} THEN '1' ELSE '0' END`,
  dateText: (expr) => `strftime(CAST(${expr} AS DATE), '%Y-%m-%d')`,
  timeText: (expr) => `(strftime(DATE '2000-01-01' + CAST(${expr} AS TIME), '%H:%M:%S.%f') || '0')`,
  timestampText: (expr) => `(strftime(CAST(${expr} AS TIMESTAMP), '%Y-%m-%d %H:%M:%S.%f') || '0')`,
  uuidText: (expr) => `lower(CAST(${expr} AS VARCHAR))`,
  binaryHex: (expr) => `lower(hex(${expr}))`,
  anyText: (expr) => `CAST(${expr} AS VARCHAR)`,
  floorLog2: (expr) => `floor(log2(${expr}))`,
  powerOfTwo: (expr) => `pow(CAST(2 AS DOUBLE), ${expr})`,
  bigintText: (expr) => `CAST(CAST(${expr} AS BIGINT) AS VARCHAR)`,
  roundedText: (expr) => `CAST(CAST(round(${expr}) AS DECIMAL(38,0)) AS VARCHAR)`,
  specialFloats: { isNaN: (expr) => `isnan(${expr})`, isInfinite: (expr) => `isinf(${expr})` },

  md5: (text) => `md5(${text})`,
  hashHex: (hash) => hash,
  hashInt: (hash, part) => `CAST('0x' || substr(${hash}, ${1 + 8 * part}, 8) AS BIGINT)`,
  substring: (expr, start, length) => `substr(${expr}, ${start}, ${length})`,

  sampleAggregate: {
    topN: (value, order, n) => `arg_min(${value}, ${order}, ${n})`,
    record: (fields) => `struct_pack(${fields.map(([name, expr]) => `${name} := ${expr}`).join(', ')})`,
    // A NULL element keeps one row when every list is empty (an aggregate without input is NULL).
    rows: (lists) => `unnest(list_concat(${[...lists, '[NULL]'].join(', ')}), recursive := true)`,
  },

  orderable: (expr) => expr,
  exactSum: (expr) => `sum(${expr})`,
  fetchValue: (expr) => expr,
};

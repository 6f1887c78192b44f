import type { Column } from '../engines/engine.js';
import type { ParityDialect } from './dialects/dialect.js';
import { nullSafeEqual } from './dialects/dialect.js';
import type { PlanColumn } from './plan.js';
import { hasTolerance, numberLiteral, type ColumnRule, type CompareFamily } from './rules.js';

/**
 * SQL expressions for one column pair, built from a dialect's pieces: the normalised value that
 * same-engine comparisons join and group on, the predicate that says two normalised values
 * differ, and the canonical text that cross-engine hashes read.
 */

/**
 * The value of a column after the table's rules, in the pair's comparison family:
 * strings trimmed, lower-cased, empty strings made NULL (in that order); timestamps in UTC and
 * truncated; numbers as they are (SQL compares DECIMAL(10,2) 1.50 and DECIMAL(12,4) 1.5000 and
 * INTEGER 1 by value), except that a number compared with a float becomes a double.
 */
export function normalisedValue(dialect: ParityDialect, expr: string, column: PlanColumn, source: Column): string {
  return normaliseAs(dialect, expr, column.family, column.rule, source);
}

export function normaliseAs(dialect: ParityDialect, expr: string, family: CompareFamily, rule: ColumnRule, source: Column): string {
  switch (family) {
    case 'string':
    case 'text': {
      let value = family === 'text' || source.family !== 'string' ? `CAST(${expr} AS ${dialect.types.string})` : expr;
      if (rule.strings.trim !== 'none') value = dialect.trim(value, rule.strings.trim);
      if (rule.strings.case === 'insensitive') value = dialect.lower(value);
      if (rule.strings.emptyIsNull) value = `CASE WHEN ${dialect.isEmpty(value)} THEN NULL ELSE ${value} END`;
      return dialect.exactString(value);
    }
    case 'uuid':
      return source.family === 'uuid' && dialect.kind === 'duckdb' ? expr : dialect.exactString(dialect.uuidText(expr));
    case 'float':
      return source.family === 'float' ? expr : `CAST(${expr} AS ${dialect.types.double})`;
    case 'timestamp': {
      const value = dialect.timestampValue(expr, source.family === 'date' ? 'date' : source.type);
      return rule.timestampPrecision === undefined ? value : dialect.truncateTimestamp(value, rule.timestampPrecision);
    }
    case 'time':
      return rule.timestampPrecision === undefined ? expr : dialect.truncateTime(expr, rule.timestampPrecision);
    case 'boolean':
    case 'integer':
    case 'decimal':
    case 'date':
    case 'binary':
      return expr;
    default: {
      const never: never = family;
      return never;
    }
  }
}

/**
 * True when two normalised values differ under the rules: NULL equals NULL and nothing else;
 * with a tolerance, |a - b| <= abs or |a - b| <= rel * max(|a|, |b|) (an exact match first, so
 * that equal infinities and NaNs stay equal).
 */
export function differs(dialect: ParityDialect, a: string, b: string, column: PlanColumn): string {
  const tolerance = column.rule.tolerance;
  if (hasTolerance(tolerance)) {
    const difference = dialect.absolute(`${a} - ${b}`);
    const within: string[] = [`${a} = ${b}`];
    if ((tolerance.abs ?? 0) > 0) within.push(`${difference} <= ${numberLiteral(tolerance.abs!)}`);
    if ((tolerance.rel ?? 0) > 0) {
      within.push(`${difference} <= ${numberLiteral(tolerance.rel!)} * ${dialect.greatest(dialect.absolute(a), dialect.absolute(b))}`);
    }
    return `(CASE WHEN ${a} IS NULL AND ${b} IS NULL THEN 0 WHEN ${a} IS NULL OR ${b} IS NULL THEN 1 WHEN ${within.join(' OR ')} THEN 0 ELSE 1 END) = 1`;
  }
  if (dialect.padsTrailingSpaces && isStringLike(column.family)) {
    return `NOT (${nullSafeEqual(dialect, a, b)} AND ${nullSafeEqual(dialect, dialect.charLength(a), dialect.charLength(b))})`;
  }
  return dialect.nullSafeOperator ? `${a} IS DISTINCT FROM ${b}` : `NOT ${nullSafeEqual(dialect, a, b)}`;
}

/**
 * The join condition on one key. NULL keys match NULL keys. Where the engine has no hashable
 * NULL-safe operator, the key is joined on (is it NULL, its value or a stand-in) so that the
 * join stays an equi-join.
 */
export function keyMatches(dialect: ParityDialect, a: string, b: string, family: CompareFamily): string {
  const parts: string[] = [];
  if (dialect.nullSafeOperator) parts.push(`${a} IS NOT DISTINCT FROM ${b}`);
  else {
    const standIn = standIns[family];
    parts.push(`(CASE WHEN ${a} IS NULL THEN 1 ELSE 0 END) = (CASE WHEN ${b} IS NULL THEN 1 ELSE 0 END)`);
    parts.push(`COALESCE(${a}, ${standIn}) = COALESCE(${b}, ${standIn})`);
  }
  if (dialect.padsTrailingSpaces && isStringLike(family)) {
    parts.push(`COALESCE(${dialect.charLength(a)}, -1) = COALESCE(${dialect.charLength(b)}, -1)`);
  }
  return parts.join(' AND ');
}

/** Grouping expressions for a normalised value (with its length where `=` ignores trailing spaces). */
export function groupingOf(dialect: ParityDialect, value: string, family: CompareFamily): string[] {
  return dialect.padsTrailingSpaces && isStringLike(family) ? [value, dialect.charLength(value)] : [value];
}

const standIns: Readonly<Record<CompareFamily, string>> = {
  boolean: '0',
  integer: '0',
  decimal: '0',
  float: '0',
  string: "N''",
  uuid: "N''",
  text: "N''",
  date: "CAST('1900-01-01' AS date)",
  time: "CAST('00:00:00' AS time(7))",
  timestamp: "CAST('1900-01-01' AS datetime2(7))",
  binary: '0x',
};

function isStringLike(family: CompareFamily): boolean {
  return family === 'string' || family === 'text' || family === 'uuid';
}

// ---------------------------------------------------------------------------------------------
// canonical text (cross engine)

/** The marker of a NULL field. Every non-NULL text differs from it: see canonicalField. */
export const NULL_MARKER = 'N';
/** Between the fields of a row: never inside a field, since strings are length-prefixed. */
export const FIELD_SEPARATOR = '|';

const TWO_52 = '4503599627370496';
const TWO_53 = '9007199254740992';

/**
 * Column names of the derived values a float needs before its text can be written (see
 * floatText): its binary exponent estimate and its mantissa at that exponent.
 */
export const floatHelpers = (index: number) => ({ exponent: `e${index}`, mantissa: `m${index}` });

/** Whether the canonical text of a column is exact binary float text (needs the helper layers). */
export function needsFloatHelpers(column: PlanColumn): boolean {
  return column.family === 'float' && !((column.rule.tolerance?.abs ?? 0) > 0);
}

/** floor(log2(|v|)), 0 for 0 and the special values (layer 1). */
export function floatExponent(dialect: ParityDialect, value: string): string {
  const special = dialect.specialFloats === undefined ? '' : ` OR ${dialect.specialFloats.isNaN(value)} OR ${dialect.specialFloats.isInfinite(value)}`;
  return `CASE WHEN ${value} IS NULL OR ${value} = 0${special} THEN 0 ELSE ${dialect.floorLog2(dialect.absolute(value))} END`;
}

/**
 * |v| * 2^(52 - e) (layer 2), an integer in [2^52, 2^53) when e is right, computed as two
 * powers of two so that neither overflows nor underflows: multiplying by a power of two is
 * exact in binary floating point, on every engine.
 */
export function floatMantissa(dialect: ParityDialect, value: string, exponent: string): string {
  const shift = `(52 - ${exponent})`;
  const half = `FLOOR(${shift} / 2.0)`;
  const special = dialect.specialFloats === undefined ? '' : ` OR ${dialect.specialFloats.isNaN(value)} OR ${dialect.specialFloats.isInfinite(value)}`;
  return `CASE WHEN ${value} IS NULL OR ${value} = 0${special} THEN 0 ELSE ${dialect.absolute(value)} * ${dialect.powerOfTwo(half)} * ${dialect.powerOfTwo(`${shift} - ${half}`)} END`;
}

/**
 * The canonical text of one field (layer 3), never NULL:
 * - NULL: "N";
 * - strings (after trim, case and emptyIsNull), and anything compared as text: "<UTF-8 byte
 *   length>:<text>", so that no value can be confused with "N" or run into the next field;
 * - booleans "1"/"0"; integers their digits; decimals their plain text at the pair's scale
 *   ("-0.5000": 1.5 and 1.50 write the same);
 * - dates "YYYY-MM-DD"; times "HH:MM:SS.fffffff" and timestamps "YYYY-MM-DD HH:MM:SS.fffffff"
 *   (always 7 digits, after truncation; UTC); uuids lower case; binary lower-case hex;
 * - floats: see floatText.
 */
export function canonicalField(dialect: ParityDialect, value: string, column: PlanColumn, index: number): string {
  const text = canonicalText(dialect, value, column, index);
  return `CASE WHEN ${value} IS NULL THEN '${NULL_MARKER}' ELSE ${text} END`;
}

function canonicalText(dialect: ParityDialect, value: string, column: PlanColumn, index: number): string {
  switch (column.family) {
    case 'string':
    case 'text':
      return dialect.concat([dialect.integerText(dialect.byteLength(value)), "':'", value]);
    case 'uuid':
      return dialect.uuidText(value);
    case 'boolean':
      return dialect.booleanText(value);
    case 'integer':
      return dialect.integerText(value);
    case 'decimal':
      return dialect.decimalText(value, column.scale);
    case 'float':
      return floatText(dialect, value, column, index);
    case 'date':
      return dialect.dateText(value);
    case 'time':
      return dialect.timeText(value);
    case 'timestamp':
      return dialect.timestampText(value);
    case 'binary':
      return dialect.binaryHex(value);
    default: {
      const never: never = column.family;
      return never;
    }
  }
}

/**
 * A float's text, identical on every engine for the same double:
 * - exact (no tolerance): "<sign><m>p<e>" with m the 53-bit integer mantissa and e the binary
 *   exponent, so v = m * 2^(e-52): no decimal formatting, whose digits differ between engines;
 *   the exponent estimate from log2 is corrected by one when the mantissa falls outside
 *   [2^52, 2^53);
 * - with an absolute tolerance t: "q<round(v / t)>": values in one quantum are within t of each
 *   other, so equal texts never hide a difference beyond the tolerance (values on either side of
 *   a quantum boundary get different texts: their rows are fetched and compared exactly);
 * - with only a relative tolerance r: the mantissa rounded to b bits, 2^-b <= r, for the same
 *   reason.
 * "NaN", "+Inf", "-Inf" and "0" (also for -0) are written as such.
 */
export function floatText(dialect: ParityDialect, value: string, column: PlanColumn, index: number): string {
  const tolerance = column.rule.tolerance;
  const absTolerance = tolerance?.abs ?? 0;
  if (absTolerance > 0) {
    return dialect.concat([`'q'`, dialect.roundedText(`${value} / ${numberLiteral(absTolerance)}`)]);
  }
  const relTolerance = tolerance?.rel ?? 0;
  const bits = relTolerance > 0 ? Math.max(1, Math.min(52, Math.floor(-Math.log2(relTolerance)))) : 52;
  const { exponent, mantissa } = floatHelpers(index);
  const sign = `CASE WHEN ${value} < 0 THEN '-' ELSE '' END`;
  const fixedMantissa = `CASE WHEN ${mantissa} >= ${TWO_53} THEN ${mantissa} / 2 WHEN ${mantissa} < ${TWO_52} THEN ${mantissa} * 2 ELSE ${mantissa} END`;
  const fixedExponent = `CASE WHEN ${mantissa} >= ${TWO_53} THEN ${exponent} + 1 WHEN ${mantissa} < ${TWO_52} THEN ${exponent} - 1 ELSE ${exponent} END`;
  const mantissaText =
    bits >= 52 ? dialect.bigintText(fixedMantissa) : dialect.roundedText(`(${fixedMantissa}) / ${dialect.powerOfTwo(String(52 - bits))}`);
  const regular = dialect.concat([sign, mantissaText, "'p'", dialect.bigintText(fixedExponent)]);
  const cases: string[] = [];
  if (dialect.specialFloats !== undefined) {
    cases.push(`WHEN ${dialect.specialFloats.isNaN(value)} THEN 'NaN'`);
    cases.push(`WHEN ${dialect.specialFloats.isInfinite(value)} THEN CASE WHEN ${value} > 0 THEN '+Inf' ELSE '-Inf' END`);
  }
  cases.push(`WHEN ${value} = 0 THEN '0'`);
  return `CASE ${cases.join(' ')} ELSE ${regular} END`;
}

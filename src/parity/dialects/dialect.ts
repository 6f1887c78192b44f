import type { EngineKind } from '../../config/schema.js';
import type { TimestampPrecision } from '../rules.js';

/**
 * What parity needs from an engine's SQL: quoting, normalisation, the canonical text of each
 * type for cross-engine hashing, and md5. Each engine kind has one (dialects/index.ts); the
 * strategies compose these pieces and never ask which engine they talk to.
 *
 * Conventions: every function takes SQL expressions (already quoted) and returns one; text
 * functions assume a non-NULL input (the caller handles NULL with its own marker).
 */
export interface ParityDialect {
  readonly kind: EngineKind;
  /** `SELECT ... LIMIT n` or `SELECT TOP (n) ...`. */
  readonly limitStyle: 'limit' | 'top';
  /**
   * True when `=` on strings ignores trailing spaces (SQL Server pads the shorter operand, even
   * under a binary collation): equality and grouping then also compare the length.
   */
  readonly padsTrailingSpaces: boolean;
  /** Has `IS NOT DISTINCT FROM` and hash-joins on it. */
  readonly nullSafeOperator: boolean;
  /** Has `count(*) FILTER (WHERE ...)`; otherwise `SUM(CASE ...)`. */
  readonly aggregateFilter: boolean;
  readonly types: { readonly string: string; readonly double: string; readonly bigint: string; readonly timestamp: string };

  quoteIdentifier(name: string): string;
  quoteLiteral(text: string): string;

  // -- normalisation (same-engine comparisons and the input of canonical texts)
  trim(expr: string, mode: 'left' | 'right' | 'both'): string;
  lower(expr: string): string;
  /** A predicate: the string is empty (never true for a string of spaces). */
  isEmpty(expr: string): string;
  /** Strings compared by their code points, not by a collation. */
  exactString(expr: string): string;
  /** Length in characters, trailing spaces included (only used where padsTrailingSpaces). */
  charLength(expr: string): string;
  /** A timestamp value ready to compare: types with a time zone in UTC, legacy types made exact. */
  timestampValue(expr: string, sourceType: string): string;
  /** Truncates (never rounds) a timestamp to the unit. */
  truncateTimestamp(expr: string, precision: TimestampPrecision): string;
  truncateTime(expr: string, precision: TimestampPrecision): string;
  absolute(expr: string): string;
  greatest(a: string, b: string): string;

  // -- canonical text (cross-engine): byte-identical on every dialect for equal values
  concat(parts: readonly string[]): string;
  /** UTF-8 byte length of a text. */
  byteLength(expr: string): string;
  integerText(expr: string): string;
  /** Plain decimal text with exactly `scale` fraction digits: "-0.5000", "15". */
  decimalText(expr: string, scale: number): string;
  booleanText(expr: string): string;
  /** "YYYY-MM-DD". */
  dateText(expr: string): string;
  /** "HH:MM:SS.fffffff" (7 fraction digits). */
  timeText(expr: string): string;
  /** "YYYY-MM-DD HH:MM:SS.fffffff" (7 fraction digits). */
  timestampText(expr: string): string;
  uuidText(expr: string): string;
  /** Lower-case hex. */
  binaryHex(expr: string): string;
  /** Any value as text (for the 'text' family). */
  anyText(expr: string): string;
  /** floor(log2(x)) as a double, for x > 0 (may be off by one: callers correct it). */
  floorLog2(expr: string): string;
  /** 2^n as a double, for an integer-valued n between -1100 and 1100. */
  powerOfTwo(expr: string): string;
  /** An integer-valued double below 2^63 as integer text. */
  bigintText(expr: string): string;
  /** A double rounded to an integer, as integer text up to 38 digits. */
  roundedText(expr: string): string;
  /** Predicates for NaN and infinities, where the engine's floats have them. */
  readonly specialFloats: { isNaN(expr: string): string; isInfinite(expr: string): string } | undefined;

  // -- hashing
  /** md5 of a text (over its UTF-8 bytes), in whatever form hashHex and hashInt read. */
  md5(text: string): string;
  /** 32 lower-case hex digits of a value made by md5(). */
  hashHex(hash: string): string;
  /** The unsigned 32-bit integer in bytes 4*part .. 4*part+3 of a value made by md5(). */
  hashInt(hash: string, part: 0 | 1): string;
  substring(expr: string, start: number, length: number): string;

  /**
   * Bounded samples inside an aggregate, where the engine can: with them the keyed diff is one
   * aggregate pass over the join (counts and samples together); without them, a window pass over
   * the differing rows.
   */
  readonly sampleAggregate?: {
    /** The n values with the smallest `order`, as a list. */
    topN(value: string, order: string, n: number): string;
    /** A record of named fields. */
    record(fields: ReadonlyArray<readonly [string, string]>): string;
    /** Lists concatenated and expanded to one row per element, the record's fields as columns. */
    rows(lists: readonly string[]): string;
  };

  // -- profiles and fetched values
  /** A value for min()/max() (SQL Server refuses them on bit). */
  orderable(expr: string, family: string): string;
  /** sum() that cannot overflow for integers. */
  exactSum(expr: string, family: 'integer' | 'decimal' | 'float'): string;
  /** An exact value to fetch: decimals and timestamps as text where the driver would lose digits. */
  fetchValue(expr: string, family: string, sourceType: string): string;
}

/** A query limited to n rows in the dialect's style. */
export function limited(dialect: ParityDialect, select: string, n: number): string {
  if (!/^SELECT\s/i.test(select)) throw new Error('limited() takes a SELECT');
  return dialect.limitStyle === 'top' ? select.replace(/^SELECT\s/i, `SELECT TOP (${n}) `) : `${select} LIMIT ${n}`;
}

/** NULL-safe equality in the dialect: IS NOT DISTINCT FROM, or its long form. */
export function nullSafeEqual(dialect: ParityDialect, a: string, b: string): string {
  return dialect.nullSafeOperator ? `${a} IS NOT DISTINCT FROM ${b}` : `(${a} = ${b} OR (${a} IS NULL AND ${b} IS NULL))`;
}

/** Counts rows where a predicate holds, as one aggregate. */
export function countWhere(dialect: ParityDialect, predicate: string): string {
  return dialect.aggregateFilter ? `count(*) FILTER (WHERE ${predicate})` : `SUM(CASE WHEN ${predicate} THEN 1 ELSE 0 END)`;
}

/** The scale of a decimal type name: "DECIMAL(12,4)" -> 4, "money" -> 4, anything else 0. */
export function typeScale(type: string): number {
  const match = /\(\s*\d+\s*,\s*(\d+)\s*\)/.exec(type);
  if (match !== null) return Number(match[1]);
  return /^(small)?money$/i.test(type.trim()) ? 4 : 0;
}

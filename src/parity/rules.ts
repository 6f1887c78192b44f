/**
 * The comparison rules of a table, as the config gives them and as they apply to each column.
 * Exact by default: a missed difference is a wrong number in production.
 */

/** How a pair of columns is compared, whatever each engine calls its types. */
export type CompareFamily =
  | 'boolean'
  | 'integer'
  | 'decimal'
  | 'float'
  | 'string'
  | 'uuid'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'binary'
  /** Anything else (intervals, nested types, sql_variant): compared as its text. */
  | 'text';

export type TimestampPrecision = 's' | 'ms' | 'us';

/** Equal when |a - b| <= abs, or |a - b| <= rel * max(|a|, |b|). */
export interface Tolerance {
  readonly abs?: number;
  readonly rel?: number;
}

export interface StringRules {
  readonly trim: 'none' | 'left' | 'right' | 'both';
  readonly case: 'sensitive' | 'insensitive';
  readonly emptyIsNull: boolean;
}

export const exactStrings: StringRules = { trim: 'none', case: 'sensitive', emptyIsNull: false };

/** The rules that apply to one column pair. */
export interface ColumnRule {
  /** Numeric columns only; undefined means exact. */
  readonly tolerance?: Tolerance;
  /** String and uuid columns. */
  readonly strings: StringRules;
  /** Timestamp and time columns; undefined means full precision. */
  readonly timestampPrecision?: TimestampPrecision;
}

export function hasTolerance(tolerance: Tolerance | undefined): tolerance is Tolerance {
  return tolerance !== undefined && ((tolerance.abs ?? 0) > 0 || (tolerance.rel ?? 0) > 0);
}

export function isNumeric(family: CompareFamily): boolean {
  return family === 'integer' || family === 'decimal' || family === 'float';
}

/** A number from lakeshift.yaml as SQL literal text: "0.01", "1e-9" (valid in all three dialects). */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}

import type { Value } from '../engines/engine.js';
import type { PlanColumn } from './plan.js';
import type { ColumnRule, CompareFamily, TimestampPrecision } from './rules.js';

/**
 * The in-memory twin of the SQL comparisons in expressions.ts, for rows fetched by the
 * cross-engine strategy: the same normalisation and the same equality, in TypeScript, over the
 * values as engines return them (decimals and timestamps as exact text, see engine.ts).
 */

export type Normalised = null | boolean | number | string;

/** A value after the column's rules, in a form that compares with `equalNormalised`. */
export function normaliseValue(value: Value, family: CompareFamily, rule: ColumnRule): Normalised {
  if (value === null) return null;
  switch (family) {
    case 'string':
    case 'text': {
      let text = value instanceof Uint8Array ? Buffer.from(value).toString('hex') : String(value);
      if (rule.strings.trim === 'left' || rule.strings.trim === 'both') text = text.replace(/^ +/, '');
      if (rule.strings.trim === 'right' || rule.strings.trim === 'both') text = text.replace(/ +$/, '');
      if (rule.strings.case === 'insensitive') text = text.toLowerCase();
      return rule.strings.emptyIsNull && text === '' ? null : text;
    }
    case 'uuid':
      return String(value).toLowerCase();
    case 'boolean':
      return value === true || value === 1 || value === 'true' || value === '1';
    case 'integer':
    case 'decimal':
      return decimalText(value);
    case 'float':
      return typeof value === 'number' ? value : Number(value);
    case 'date':
      return String(value).slice(0, 10);
    case 'time':
      return timeText(String(value), rule.timestampPrecision);
    case 'timestamp':
      return timestampText(String(value), rule.timestampPrecision);
    case 'binary':
      return value instanceof Uint8Array ? Buffer.from(value).toString('hex') : String(value).toLowerCase();
    default: {
      const never: never = family;
      return never;
    }
  }
}

/** Equality of two normalised values under the column's rules (NULL equals NULL only). */
export function equalNormalised(a: Normalised, b: Normalised, family: CompareFamily, rule: ColumnRule): boolean {
  if (a === null || b === null) return a === null && b === null;
  const tolerance = rule.tolerance;
  const absTolerance = tolerance?.abs ?? 0;
  const relTolerance = tolerance?.rel ?? 0;
  if (family === 'float') {
    const x = a as number;
    const y = b as number;
    if (x === y || (Number.isNaN(x) && Number.isNaN(y))) return true;
    const difference = Math.abs(x - y);
    return (absTolerance > 0 && difference <= absTolerance) || (relTolerance > 0 && difference <= relTolerance * Math.max(Math.abs(x), Math.abs(y)));
  }
  if (family === 'integer' || family === 'decimal') {
    if (a === b) return true;
    if (absTolerance > 0 && compareDecimal(absDifference(a as string, b as string), decimalText(String(absTolerance))) <= 0) return true;
    if (relTolerance > 0) {
      const x = Number(a);
      const y = Number(b);
      return Math.abs(x - y) <= relTolerance * Math.max(Math.abs(x), Math.abs(y));
    }
    return false;
  }
  return a === b;
}

/** Compares one column of two fetched rows. */
export function equalValues(legacy: Value, fresh: Value, column: Pick<PlanColumn, 'family' | 'rule'>): boolean {
  return equalNormalised(normaliseValue(legacy, column.family, column.rule), normaliseValue(fresh, column.family, column.rule), column.family, column.rule);
}

// ---------------------------------------------------------------------------------------------
// exact decimals as text: "-12.5", "0", no trailing zeros, no exponent

export function decimalText(value: Value): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return decimalFromString(numberToPlain(value));
  return decimalFromString(String(value).trim());
}

function numberToPlain(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, exponentText] = text.toLowerCase().split('e') as [string, string];
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.') as [string, string?];
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const plain = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + plain;
}

function decimalFromString(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (match === null) return text;
  const negative = match[1] === '-';
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const body = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && body !== '0' ? `-${body}` : body;
}

function toScaled(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.') as [string, string?];
  const digits = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -digits : digits;
}

function scaleOf(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

function absDifference(a: string, b: string): string {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  let difference = toScaled(a, scale) - toScaled(b, scale);
  if (difference < 0n) difference = -difference;
  const digits = difference.toString().padStart(scale + 1, '0');
  return decimalFromString(scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`);
}

function compareDecimal(a: string, b: string): number {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const x = toScaled(a, scale);
  const y = toScaled(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// times and timestamps: "YYYY-MM-DD HH:MM:SS.fffffff", truncated to the precision

const precisionDigits: Readonly<Record<TimestampPrecision, number>> = { s: 0, ms: 3, us: 6 };

function fractionDigits(fraction: string, precision: TimestampPrecision | undefined): string {
  const kept = precision === undefined ? fraction : fraction.slice(0, precisionDigits[precision]);
  return kept.padEnd(7, '0').slice(0, 7);
}

export function timestampText(text: string, precision: TimestampPrecision | undefined): string {
  const match = /^(\d{4,}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(text.trim());
  if (match === null) return text;
  let date = match[1]!;
  let time = match[2] ?? '00:00:00';
  const fraction = match[3] ?? '';
  const offset = match[4];
  if (offset !== undefined && offset !== 'Z' && !/^[+-]00(:?00)?$/.test(offset)) {
    // A value with an offset: the same instant in UTC (the sub-second digits are unaffected).
    const instant = new Date(`${date}T${time}${offset.length === 3 ? `${offset}:00` : offset}`);
    if (!Number.isNaN(instant.getTime())) {
      const iso = instant.toISOString();
      date = iso.slice(0, 10);
      time = iso.slice(11, 19);
    }
  }
  return `${date} ${time}.${fractionDigits(fraction, precision)}`;
}

export function timeText(text: string, precision: TimestampPrecision | undefined): string {
  const match = /^(\d{2}:\d{2}:\d{2})(?:\.(\d+))?$/.exec(text.trim());
  if (match === null) return text;
  return `${match[1]}.${fractionDigits(match[2] ?? '', precision)}`;
}

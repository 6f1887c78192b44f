/**
 * Text forms of decimals, dates and timestamps shared by the engines whose drivers hand back
 * JS numbers and Dates (see the `Value` comment in engine.ts for the canonical forms).
 */

/**
 * A decimal as its text at the column's scale. Exact when the driver sent text or a bigint. A JS
 * number holds every decimal of up to 15 significant digits closely enough that rounding it
 * back to `scale` places gives the original digits; beyond that the digits are the driver's
 * float, not the server's value.
 */
export function toDecimalText(value: unknown, scale: number): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return scale > 0 ? `${value}.${'0'.repeat(scale)}` : String(value);
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return String(number);
  // toFixed switches to exponent notation from 1e21 on; spell such (already inexact) values out.
  if (Math.abs(number) >= 1e21) return `${BigInt(Math.round(number))}${scale > 0 ? `.${'0'.repeat(scale)}` : ''}`;
  const text = number.toFixed(scale);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

// Dates and times: drivers' Dates are UTC instants (tedious with useUTC: true, @databricks/sql).

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

export function utcDateText(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function utcTimeText(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${fraction(date)}`;
}

export function utcTimestampText(date: Date): string {
  return `${utcDateText(date)} ${utcTimeText(date)}`;
}

/**
 * The fraction of a second, in up to 7 digits (SQL Server's 100 ns), trailing zeros dropped
 * (as DuckDB writes them). tedious keeps the part below the millisecond in
 * `nanosecondsDelta`, in seconds (lib/value-parser.js, readTime); other drivers' Dates stop
 * at the millisecond.
 */
function fraction(date: Date): string {
  const delta = (date as Date & { nanosecondsDelta?: unknown }).nanosecondsDelta;
  const hundredNanos = typeof delta === 'number' && Number.isFinite(delta) ? Math.round(delta * 1e7) : 0;
  const ticks = date.getUTCMilliseconds() * 10_000 + Math.min(Math.max(hundredNanos, 0), 9_999);
  if (ticks === 0) return '';
  return `.${pad(ticks, 7).replace(/0+$/, '')}`;
}

import type { JsonValue } from '../parity/json-value.js';

/**
 * How lakeshift reports write numbers, rates, times and values. The HTML, Markdown and JUnit
 * renderers all go through these, so that a number reads the same in every format.
 */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234567 -> "1,234,567"; null (not measured) -> "—". */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return grouped.format(value);
}

/**
 * A rate in [0, 1] as a percentage that never rounds a difference away: 0 is "0%", 1 is "100%",
 * anything else shows enough digits to be neither ("0.00002%", "0.33%", "99.99%").
 */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  if (!Number.isFinite(rate)) return String(rate);
  if (rate === 0) return '0%';
  if (rate === 1) return '100%';
  const percent = rate * 100;
  if (percent < 0.01) return `${trimZeros(percent.toPrecision(2))}%`;
  let decimals = percent >= 10 ? 1 : 2;
  let text = percent.toFixed(decimals);
  // Rounding must not make a rate look like 0% or 100%.
  while ((Number(text) === 0 || Number(text) === 100) && decimals < 12) {
    decimals += 1;
    text = percent.toFixed(decimals);
  }
  if (Number(text) === 100) text = (100 - 10 ** -decimals).toFixed(decimals);
  return `${trimZeros(text)}%`;
}

function trimZeros(text: string): string {
  if (!text.includes('.') || text.includes('e')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

/** A CSS width for a share in [0, 1]: "37.5%"; a non-zero share is drawn at least 1% wide. */
export function barWidth(share: number): string {
  if (!(share > 0)) return '0%';
  const clamped = Math.min(1, Math.max(0.01, share));
  return `${trimZeros((clamped * 100).toFixed(1))}%`;
}

/** 250 -> "250 ms", 1234 -> "1.2 s", 125000 -> "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${rest} s`;
}

/** "2026-11-23T09:12:03.000Z" -> "2026-11-23 09:12:03 UTC". */
export function formatInstant(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

/** A commit as people quote it. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}

export interface DisplayValue {
  readonly text: string;
  /** null, empty (the empty string), or value: lets a view style NULL apart from "". */
  readonly kind: 'null' | 'empty' | 'value';
}

/** Longer values are cut (the result file keeps them whole). */
export const MAX_VALUE_CHARS = 80;

/** A sampled or profiled value for display: NULL, "" and the JSON-safe wrappers spelled out. */
export function displayValue(value: JsonValue | undefined): DisplayValue {
  if (value === null || value === undefined) return { text: 'NULL', kind: 'null' };
  if (typeof value === 'string') {
    if (value === '') return { text: "''", kind: 'empty' };
    // Leading or trailing blanks (a classic SQL Server char(n) difference) would be invisible: quote them.
    if (/^\s|\s$/.test(value)) return { text: cut(JSON.stringify(value)), kind: 'value' };
    return { text: cut(value), kind: 'value' };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), kind: 'value' };
  if ('bigint' in value) return { text: value.bigint, kind: 'value' };
  if ('bytes' in value) return { text: cut(`0x${value.bytes}`), kind: 'value' };
  return { text: value.float, kind: 'value' };
}

function cut(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_VALUE_CHARS ? text : `${chars.slice(0, MAX_VALUE_CHARS - 1).join('')}…`;
}

/** A tolerance as a reader says it: "exact", "±0.01", "rel 1e-6", "±0.01 or rel 1e-6". */
export function formatTolerance(tolerance: { abs?: number | undefined; rel?: number | undefined } | null | undefined): string {
  if (tolerance === null || tolerance === undefined) return 'exact';
  const parts: string[] = [];
  if (tolerance.abs !== undefined && tolerance.abs !== 0) parts.push(`±${tolerance.abs}`);
  if (tolerance.rel !== undefined && tolerance.rel !== 0) parts.push(`rel ${tolerance.rel}`);
  return parts.length === 0 ? 'exact' : parts.join(' or ');
}

/** Text that stays inside one Markdown table cell: no pipes, no line breaks. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");
}

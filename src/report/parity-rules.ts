import type { ParityTableResult } from '../parity/results.js';
import { formatPercent, formatTolerance } from './format.js';

/**
 * The effective rules of a table (result.tables[].rules) in words, as the reports show them:
 * a sign-off reader must see what "equal" meant.
 */
export interface RuleLine {
  readonly label: string;
  readonly value: string;
}

type Rules = NonNullable<ParityTableResult['rules']>;

export function keysText(rules: Rules): string {
  return rules.keys.length === 0 ? 'none: rows compared as a multiset' : rules.keys.join(', ');
}

export function toleranceText(rules: Rules): string {
  const columns = Object.entries(rules.tolerance.columns).map(([column, tolerance]) => `${column} ${formatTolerance(tolerance)}`);
  const fallback = formatTolerance(rules.tolerance.default);
  if (columns.length === 0) return fallback;
  return `${columns.join('; ')}; other columns ${fallback}`;
}

export function timestampText(rules: Rules): string {
  return rules.timestampPrecision === null ? 'full precision' : `truncated to ${rules.timestampPrecision}`;
}

export function stringsText(rules: Rules): string {
  const parts: string[] = [];
  if (rules.strings.trim !== 'none') parts.push(`trim ${rules.strings.trim}`);
  if (rules.strings.case === 'insensitive') parts.push('case-insensitive');
  if (rules.strings.emptyIsNull) parts.push("'' is NULL");
  return parts.length === 0 ? 'exact' : parts.join(', ');
}

export function thresholdText(rules: Rules): string {
  const parts: string[] = [];
  if (rules.threshold.mismatchedRows !== null) parts.push(`at most ${rules.threshold.mismatchedRows} mismatched rows`);
  if (rules.threshold.mismatchRate !== null) parts.push(`mismatch rate at most ${formatPercent(rules.threshold.mismatchRate)}`);
  return parts.length === 0 ? 'none' : parts.join(' and ');
}

function whereText(rules: Rules): string | null {
  const { legacy, new: rebuilt } = rules.where;
  if (legacy === null && rebuilt === null) return null;
  if (legacy === rebuilt) return legacy;
  return `legacy: ${legacy ?? '(none)'}; new: ${rebuilt ?? '(none)'}`;
}

/** Every rule of a table, one line each; an errored table that never got a plan has none. */
export function ruleLines(rules: Rules | null): RuleLine[] {
  if (rules === null) return [];
  const map = Object.entries(rules.map).map(([from, to]) => `${from} → ${to}`);
  const where = whereText(rules);
  return [
    { label: 'Keys', value: keysText(rules) },
    { label: 'Ignored columns', value: rules.ignore.length === 0 ? 'none' : rules.ignore.join(', ') },
    ...(map.length === 0 ? [] : [{ label: 'Column map', value: map.join(', ') }]),
    ...(where === null ? [] : [{ label: 'Filter', value: where }]),
    { label: 'Numeric tolerance', value: toleranceText(rules) },
    { label: 'Timestamps', value: timestampText(rules) },
    { label: 'Strings', value: stringsText(rules) },
    { label: 'Threshold', value: thresholdText(rules) },
    ...rules.notes.map((note) => ({ label: 'Note', value: note })),
  ];
}

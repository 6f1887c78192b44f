import { countWhere, type ParityDialect } from '../dialects/dialect.js';
import { groupingOf, keyMatches, normalisedValue } from '../expressions.js';
import type { PlanColumn, SidePlan } from '../plan.js';

/** `FROM <table> [WHERE (<user filter>)]` of one side. */
export function fromWhere(side: SidePlan): string {
  return `FROM ${side.from}${side.where === undefined ? '' : ` WHERE (${side.where})`}`;
}

export function columnOf(side: SidePlan, column: PlanColumn): { expr: string; source: PlanColumn['legacy'] } {
  const source = side.role === 'legacy' ? column.legacy : column.new;
  return { expr: side.dialect.quoteIdentifier(source.name), source };
}

/** The normalised value of a column on a side. */
export function sideValue(side: SidePlan, column: PlanColumn): string {
  const { expr, source } = columnOf(side, column);
  return normalisedValue(side.dialect, expr, column, source);
}

/** The raw value of a column on a side, as exact as the driver allows (see fetchValue). */
export function sideRaw(side: SidePlan, column: PlanColumn): string {
  const { expr, source } = columnOf(side, column);
  return side.dialect.fetchValue(expr, source.family, source.type);
}

/**
 * Counts the keys found more than once on a side, after normalisation, and the rows under
 * them. Case-insensitive string keys are lower-cased first, so "ABC" and "abc" on one side are
 * one key found twice.
 */
export function duplicateKeysSql(side: SidePlan, keys: readonly PlanColumn[]): string {
  const dialect = side.dialect;
  const grouping = keys.flatMap((key) => groupingOf(dialect, sideValue(side, key), key.family));
  return (
    `SELECT count(*) AS dup_keys, COALESCE(SUM(c), 0) AS dup_rows FROM (` +
    `SELECT count(*) AS c ${fromWhere(side)} GROUP BY ${grouping.join(', ')} HAVING count(*) > 1) AS d`
  );
}

/** A join condition on every key between two relations whose key columns are named k0, k1... */
export function keysJoin(dialect: ParityDialect, keys: readonly PlanColumn[], left: string, right: string): string {
  return keys.map((key, index) => keyMatches(dialect, `${left}.k${index}`, `${right}.k${index}`, key.family)).join(' AND ');
}

export { countWhere };

import { toNumber, type Value } from '../engines/engine.js';
import { toJsonValue } from './json-value.js';
import type { PlanColumn, SidePlan } from './plan.js';
import type { ColumnProfile } from './results.js';
import { fromWhere } from './strategies/side-sql.js';

export interface SideProfile {
  readonly rows: number;
  /** By legacy column name. */
  readonly columns: ReadonlyMap<string, ColumnProfile>;
}

/**
 * Row count and, per compared column, non-NULL count, NULLs, min, max and (numbers) sum of one
 * side, after its filter: one aggregate query that returns one row.
 */
export function profileSql(side: SidePlan, columns: readonly PlanColumn[]): string {
  const dialect = side.dialect;
  const list = ['count(*) AS n'];
  columns.forEach((column, index) => {
    const source = side.role === 'legacy' ? column.legacy : column.new;
    const expr = dialect.quoteIdentifier(source.name);
    list.push(`count(${expr}) AS n${index}`);
    if (source.family !== 'binary' && source.family !== 'other') {
      const orderable = dialect.orderable(expr, source.family);
      list.push(`${dialect.fetchValue(`min(${orderable})`, source.family, source.type)} AS min${index}`);
      list.push(`${dialect.fetchValue(`max(${orderable})`, source.family, source.type)} AS max${index}`);
    }
    if (source.family === 'integer' || source.family === 'decimal' || source.family === 'float') {
      list.push(`${dialect.fetchValue(dialect.exactSum(expr, source.family), source.family === 'integer' ? 'decimal' : source.family, source.type)} AS sum${index}`);
    }
  });
  return `SELECT ${list.join(', ')} ${fromWhere(side)}`;
}

export async function profileSide(side: SidePlan, columns: readonly PlanColumn[], signal?: AbortSignal): Promise<SideProfile> {
  const result = await side.engine.query(profileSql(side, columns), signal === undefined ? {} : { signal });
  const names = result.columns.map((column) => column.name);
  const row = result.rows[0] ?? [];
  const get = (name: string): Value => {
    const index = names.indexOf(name);
    return index < 0 ? null : (row[index] ?? null);
  };
  const rows = toNumber(get('n') ?? 0);
  const profiles = new Map<string, ColumnProfile>();
  columns.forEach((column, index) => {
    const count = toNumber(get(`n${index}`) ?? 0);
    const sumValue = get(`sum${index}`);
    profiles.set(column.name, {
      count,
      nulls: rows - count,
      min: toJsonValue(get(`min${index}`)),
      max: toJsonValue(get(`max${index}`)),
      sum: toJsonValue(sumValue),
    });
  });
  return { rows, columns: profiles };
}

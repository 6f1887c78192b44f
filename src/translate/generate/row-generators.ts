import type { AstNode, Expression, Query, Select, Span, TableSource } from '../../tsql/index.js';
import { forEachChild } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import { expression } from './expressions.js';

/**
 * The numbers-table idiom: T-SQL code that needs N numbered rows (a date dimension's days, a
 * tally) takes them from whatever large catalog view it has at hand, cross-joined with itself:
 *
 *   SELECT TOP (@days) n = ROW_NUMBER() OVER (ORDER BY s1.object_id)
 *   FROM sys.all_objects AS s1 CROSS JOIN sys.all_objects AS s2
 *
 * The catalog's rows matter only for their number: no column is read except to order
 * ROW_NUMBER(). Such a query becomes a generator of TOP's count of rows; anything else that
 * reads these views stays a TR_SYSTEM_OBJECT error.
 */
const ROW_SOURCES = new Set(['sys.all_objects', 'sys.objects', 'sys.all_columns', 'sys.columns', 'sys.system_columns', 'sys.system_objects', 'dbo.sysobjects', 'dbo.syscolumns', 'dbo.spt_values']);

/** The catalog views of the idiom, by alias, with the columns the query names for ordering. */
export interface RowGenerator {
  readonly sources: ReadonlyArray<{ readonly alias: string; readonly name: string; readonly columns: readonly string[] }>;
}

/** The idiom in a SELECT with TOP n (and the ORDER BY of its query), or undefined. */
export function rowGenerator(node: Select, owner: Query): RowGenerator | undefined {
  if (node.where !== undefined || node.groupBy !== undefined || node.having !== undefined || node.quantifier === 'DISTINCT' || node.from.length === 0) return undefined;
  const tables: Array<{ alias: string; name: string; columns: Set<string> }> = [];
  const collect = (source: TableSource): boolean => {
    if (source.kind === 'join') return source.type === 'CROSS' && collect(source.left) && collect(source.right);
    if (source.kind !== 'table-ref') return false;
    const parts = source.name.parts;
    const key = `${(parts.length >= 2 ? parts[parts.length - 2] : '') || 'dbo'}.${parts[parts.length - 1]}`.toLowerCase();
    if (!ROW_SOURCES.has(key)) return false;
    tables.push({ alias: (source.alias ?? parts[parts.length - 1]!).toLowerCase(), name: parts.join('.'), columns: new Set() });
    return true;
  };
  if (!node.from.every(collect)) return undefined;

  // Every column of the views may be named only to order rows: in a window's ORDER BY, or in
  // the query's own ORDER BY. Anything else reads the catalog.
  let reads = false;
  const check = (item: AstNode, ordering: boolean): void => {
    if (reads) return;
    if (item.kind === 'column-ref') {
      const qualifier = item.parts.length >= 2 ? item.parts[item.parts.length - 2]!.toLowerCase() : undefined;
      const table = qualifier === undefined ? tables[0] : tables.find((candidate) => candidate.alias === qualifier);
      if (table === undefined) return;
      if (!ordering) reads = true;
      else table.columns.add(item.parts[item.parts.length - 1]!);
      return;
    }
    // A subquery outside ordering may read the views; ORDER BY (SELECT NULL) only orders.
    if (!ordering && (item.kind === 'subquery' || item.kind === 'exists' || (item.kind === 'in' && item.query !== undefined))) {
      reads = true;
      return;
    }
    if (item.kind === 'window') {
      for (const partition of item.partitionBy) check(partition, false);
      for (const order of item.orderBy) check(order, true);
      return;
    }
    forEachChild(item, (child) => check(child, ordering));
  };
  for (const column of node.columns) check(column, false);
  for (const order of owner.orderBy) check(order, true);
  if (reads) return undefined;
  return { sources: tables.map((table) => ({ alias: table.alias, name: table.name, columns: [...table.columns] })) };
}

/**
 * The FROM of the idiom: the first view becomes `count` generated rows, the others one row
 * each, every one exposing the columns the query orders by (all holding the row's number).
 */
export function generatedRows(generator: RowGenerator, count: Expression, at: Span, ctx: TranslationContext): string {
  const first = generator.sources[0]!;
  ctx.report(
    'TR_SEMANTIC',
    at,
    `${generator.sources.map((source) => source.name).join(' x ')} only numbered rows here: ${first.name} became ${ctx.target === 'databricks' ? 'sequence()' : 'generate_series()'} rows, as many as TOP asks for (in SQL Server the catalog's size also capped them)`,
  );
  const n = `greatest(CAST(${expression(count, ctx)} AS INT), 1)`;
  const numbers = ctx.target === 'databricks' ? `explode(sequence(1, ${n}))` : `unnest(generate_series(1, ${n}))`;
  return generator.sources
    .map((source, index) => {
      const columns = source.columns.length === 0 ? ['n'] : source.columns;
      const alias = ctx.dialect.identifier(source.alias);
      if (index > 0) return `(SELECT ${columns.map((column) => `1 AS ${ctx.dialect.identifier(column)}`).join(', ')}) AS ${alias}`;
      const [head, ...rest] = columns;
      const inner = `SELECT ${numbers} AS ${ctx.dialect.identifier(head!)}`;
      return rest.length === 0
        ? `(${inner}) AS ${alias}`
        : `(SELECT ${[head!, ...rest].map((column) => `${ctx.dialect.identifier(head!)} AS ${ctx.dialect.identifier(column)}`).join(', ')} FROM (${inner})) AS ${alias}`;
    })
    .join(' CROSS JOIN ');
}

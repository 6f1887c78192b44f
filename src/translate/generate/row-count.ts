import { isStatement, walkAst, type Expression, type FunctionCall, type MergeStatement, type Query, type Select, type Span, type Statement, type TableSource } from '../../tsql/index.js';
import type { ScriptStatement } from '../rewrites/index.js';
import { query } from './queries.js';

/**
 * @@ROWCOUNT after a statement. Where the statement right after a data change reads
 * @@ROWCOUNT, the count is taken by a query run just before the change: the rows an UPDATE or
 * DELETE matches (each target row once, as SQL Server counts them), the rows an INSERT or
 * SELECT INTO writes, the rows a SELECT returns or reads into variables. That runs on DuckDB
 * (the rehearsal) and on any Databricks runtime; recent Databricks SQL scripting also has
 * GET DIAGNOSTICS v = ROW_COUNT, which the statement writer uses where no count can be taken
 * before (dynamic SQL, procedure calls). The variable's name cannot be a translated T-SQL
 * variable's, which all start with v_ or p_ (a user's @RowCount is v_RowCount).
 */
export const ROW_COUNT_VARIABLE = 'lakeshift_rowcount';

/** Whether a statement reads @@ROWCOUNT itself (not in the statements nested in it). */
export function readsRowCount(statement: ScriptStatement | undefined): boolean {
  if (statement === undefined) return false;
  let found = false;
  walkAst(statement as Statement, (node) => {
    if (found) return false;
    if (node !== statement && isStatement(node)) return false;
    if (node.kind === 'system-variable' && node.name.toUpperCase() === '@@ROWCOUNT') found = true;
    return !found;
  });
  return found;
}

function countStar(span: Span): FunctionCall {
  return { kind: 'function-call', name: { kind: 'object-name', parts: ['COUNT'], start: span.start, end: span.end }, args: [{ kind: 'star', qualifier: [], start: span.start, end: span.end }], niladic: false, withinGroup: [], start: span.start, end: span.end };
}

function countQuery(from: readonly TableSource[], where: Expression | undefined, span: Span, with_?: Query['with']): Query {
  const select: Select = { kind: 'select', columns: [{ kind: 'select-column', expression: countStar(span), start: span.start, end: span.end }], from, ...(where === undefined ? {} : { where }), windows: [], start: span.start, end: span.end };
  return { kind: 'query', ...(with_ === undefined ? {} : { with: with_ }), body: select, orderBy: [], options: [], start: span.start, end: span.end };
}

/** The rows of a query, counted. */
function countRows(source: Query, span: Span, with_?: Query['with']): Query {
  return countQuery([{ kind: 'derived-table', query: source, alias: 'counted', columns: [], start: span.start, end: span.end }], undefined, span, with_);
}

/**
 * The text of a query counting the rows `statement` will change or return, or undefined when
 * that count cannot be known before it runs (MERGE, EXEC, an UPDATE ... FROM with a LEFT JOIN).
 * `matchQuery` gives the target-row filter of UPDATE / DELETE ... FROM as the translation
 * understands it.
 */
export function rowCountQuery(
  statement: ScriptStatement,
  ctx: Parameters<typeof query>[1],
  matchQuery: (statement: Extract<Statement, { kind: 'update' | 'delete' }>) => Query | undefined,
): string | undefined {
  switch (statement.kind) {
    case 'update':
    case 'delete': {
      if (statement.top !== undefined) return undefined;
      const count = matchQuery(statement);
      return count === undefined ? undefined : query(count, ctx);
    }
    case 'insert': {
      if (statement.top !== undefined) return undefined;
      const source = statement.source;
      if (source.kind === 'values') return String(source.rows.length);
      if (source.kind === 'query') return ctx.withCtes(statement.with?.ctes.map((cte) => cte.name) ?? [], () => query(countRows(source, statement, statement.with), ctx));
      return undefined;
    }
    case 'select-statement': {
      const body = statement.query.body;
      if (body.kind === 'select' && body.columns.some((item) => item.kind === 'select-assignment')) {
        if (body.from.length === 0 && body.where === undefined) return '1';
        const columns = body.columns.map((item) => (item.kind === 'select-assignment' ? { kind: 'select-column' as const, expression: item.expression, start: item.start, end: item.end } : item));
        return query(countRows({ ...statement.query, with: undefined, body: { ...body, columns } } as Query, statement, statement.query.with), ctx);
      }
      const source: Query = body.kind === 'select' && body.into !== undefined ? { ...statement.query, with: undefined, body: { ...body, into: undefined } as Select } : { ...statement.query, with: undefined };
      return query(countRows(source, statement, statement.query.with), ctx);
    }
    case 'merge': {
      if (statement.top !== undefined) return undefined;
      return ctx.withCtes(statement.with?.ctes.map((cte) => cte.name) ?? [], () => query(mergeRowsQuery(statement), ctx));
    }
    case 'set-variable':
      return '1';
    default:
      return undefined;
  }
}

/**
 * The rows a MERGE changes, counted before it runs: target rows matched by the source that
 * some WHEN MATCHED clause takes, source rows without a match that some WHEN NOT MATCHED clause
 * inserts, target rows without a match that some WHEN NOT MATCHED BY SOURCE clause takes (a
 * clause without a condition takes all of its kind). A MERGE matches each target row to one
 * source row at most (it fails otherwise), so the join counts target rows.
 */
function mergeRowsQuery(node: MergeStatement): Query {
  const span = node;
  const kinds = [
    node.clauses.filter((clause) => clause.match === 'MATCHED'),
    node.clauses.filter((clause) => clause.match === 'NOT MATCHED BY TARGET'),
    node.clauses.filter((clause) => clause.match === 'NOT MATCHED BY SOURCE'),
  ] as const;
  const anyOf = (clauses: readonly MergeStatement['clauses'][number][]): Expression | undefined =>
    clauses.some((clause) => clause.condition === undefined)
      ? undefined
      : clauses.map((clause) => clause.condition!).reduce((left, right) => ({ kind: 'binary', operator: 'OR', left, right, start: span.start, end: span.end }));
  const notExists = (from: TableSource): Expression => ({
    kind: 'unary',
    operator: 'NOT',
    start: span.start,
    end: span.end,
    operand: { kind: 'exists', start: span.start, end: span.end, query: { kind: 'query', body: { kind: 'select', columns: [{ kind: 'select-column', expression: { kind: 'literal', type: 'integer', text: '1', value: '1', start: span.start, end: span.end }, start: span.start, end: span.end }], from: [from], where: node.on, windows: [], start: span.start, end: span.end }, orderBy: [], options: [], start: span.start, end: span.end } },
  });
  const both = (a: Expression, b: Expression | undefined): Expression => (b === undefined ? a : { kind: 'binary', operator: 'AND', left: a, right: b, start: span.start, end: span.end });
  const terms: Expression[] = [];
  if (kinds[0].length > 0) terms.push({ kind: 'subquery', start: span.start, end: span.end, query: countQuery([{ kind: 'join', type: 'INNER', left: node.target, right: node.source, on: node.on, start: span.start, end: span.end }], anyOf(kinds[0]), span) });
  if (kinds[1].length > 0) terms.push({ kind: 'subquery', start: span.start, end: span.end, query: countQuery([node.source], both(notExists(node.target), anyOf(kinds[1])), span) });
  if (kinds[2].length > 0) terms.push({ kind: 'subquery', start: span.start, end: span.end, query: countQuery([node.target], both(notExists(node.source), anyOf(kinds[2])), span) });
  const total = terms.length === 0 ? ({ kind: 'literal', type: 'integer', text: '0', value: '0', start: span.start, end: span.end } as Expression) : terms.reduce((left, right) => ({ kind: 'binary', operator: '+', left, right, start: span.start, end: span.end }));
  const select: Select = { kind: 'select', columns: [{ kind: 'select-column', expression: total, start: span.start, end: span.end }], from: [], windows: [], start: span.start, end: span.end };
  return { kind: 'query', ...(node.with === undefined ? {} : { with: node.with }), body: select, orderBy: [], options: [], start: span.start, end: span.end };
}

export { countQuery, countRows };

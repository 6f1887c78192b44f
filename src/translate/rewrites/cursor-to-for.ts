import type { DeclareCursorStatement, Expression, FetchStatement, OrderByItem, Query, Select, SelectColumn, Statement, VariableRef } from '../../tsql/index.js';
import type { CursorLoopStatement, ScriptStatement, StatementRewrite } from './rewritten-statements.js';
import { rewriteNestedLists, statementsOf, walkStatements } from './statement-lists.js';

/**
 * The read-only cursor loop, in its two common spellings:
 *
 *   DECLARE c CURSOR [LOCAL FAST_FORWARD ...] FOR query;
 *   OPEN c;
 *   FETCH NEXT FROM c INTO @a, @b;
 *   WHILE @@FETCH_STATUS = 0 BEGIN ... FETCH NEXT FROM c INTO @a, @b; END;
 *   CLOSE c; DEALLOCATE c;
 *
 *   OPEN c; WHILE 1 = 1 BEGIN FETCH NEXT FROM c INTO @a, @b; IF @@FETCH_STATUS <> 0 BREAK; ... END;
 *
 * Both visit every row of the query once, in order, with the row in the variables: a FOR loop
 * over the query (FOR row AS query DO SET a = row.x ... END FOR). The OPEN ... DEALLOCATE may sit
 * in a block nested below the DECLARE (a TRY, an IF). Any other use of the cursor (SCROLL,
 * FETCH PRIOR, WHERE CURRENT OF, a FETCH elsewhere) leaves it unconverted, with the reason.
 */
export const cursorToFor: StatementRewrite = {
  name: 'cursor-to-for',
  purpose: 'read-only cursor loops become FOR loops over the cursor query',
  apply: convertCursors,
};

function convertCursors(statements: readonly ScriptStatement[]): readonly ScriptStatement[] {
  if (!statements.some((statement) => statement.kind === 'declare-cursor')) return statements;
  const result: ScriptStatement[] = [];
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index]!;
    if (statement.kind !== 'declare-cursor') {
      result.push(statement);
      continue;
    }
    const following = statements.slice(index + 1);
    const converted = convertCursor(statement, following);
    if (typeof converted === 'string') {
      result.push({ kind: 'unconverted-cursor', start: statement.start, end: statement.end, declaration: statement, reason: converted });
      continue;
    }
    // The declaration is absorbed into the loops; the rest of the list continues rewritten.
    return [...result, ...convertCursors(converted)];
  }
  return result;
}

const UNSUPPORTED_OPTIONS = new Set(['SCROLL']);

/** The statements after the DECLARE with the cursor's loops replaced, or why that is not possible. */
function convertCursor(declaration: DeclareCursorStatement, following: readonly ScriptStatement[]): readonly ScriptStatement[] | string {
  const name = declaration.name.toLowerCase();
  const option = declaration.cursor.options.find((item) => UNSUPPORTED_OPTIONS.has(item.toUpperCase()));
  if (option !== undefined) return `a ${option} cursor moves back and forth; a FOR loop reads forward only`;
  if (declaration.cursor.updateColumns !== undefined) return 'a FOR UPDATE cursor changes the rows it reads; a FOR loop reads a snapshot: rewrite as UPDATE or MERGE';
  const body = declaration.cursor.query.body;
  const select = leftmostSelect(body);
  if (select === undefined) return 'the cursor query has no select list to take column names from';
  const problem = selectsStar(select) ? positionalProblem(declaration.cursor.query) : undefined;
  if (problem !== undefined) return problem;
  let loops = 0;
  const replace = (list: readonly ScriptStatement[]): readonly ScriptStatement[] => {
    const out: ScriptStatement[] = [];
    for (let index = 0; index < list.length; ) {
      const loop = matchLoop(declaration, list, index);
      if (loop !== undefined) {
        loops += 1;
        out.push(loop.node);
        index += loop.length;
        continue;
      }
      const statement = list[index]!;
      index += 1;
      // CLOSE and DEALLOCATE of a cursor that became FOR loops have nothing left to do.
      if (statement.kind === 'cursor-statement' && statement.cursor.toLowerCase() === name && statement.action !== 'OPEN') continue;
      out.push(rewriteNestedLists(statement, replace));
    }
    // The list itself where nothing in it changed: rewriteNestedLists() then keeps what holds it.
    return out.length === list.length && out.every((statement, index) => statement === list[index]) ? list : out;
  };
  const replaced = replace(following);
  if (loops === 0) return 'no OPEN, FETCH and WHILE @@FETCH_STATUS = 0 loop over it was found after the DECLARE';
  const leftover = firstUse(replaced, name);
  if (leftover !== undefined) return `the cursor is also used outside its FETCH loop (${leftover}); a FOR loop cannot do that`;
  return replaced;
}

function leftmostSelect(body: DeclareCursorStatement['cursor']['query']['body']): Extract<typeof body, { kind: 'select' }> | undefined {
  switch (body.kind) {
    case 'select':
      return body;
    case 'set-operation':
      return leftmostSelect(body.left);
    case 'query':
      return leftmostSelect(body.body);
    default:
      return undefined;
  }
}

function selectsStar(select: Select): boolean {
  return select.columns.some((item) => item.kind === 'select-column' && item.expression.kind === 'star');
}

const CURSOR_ROWS = 'lakeshift_cursor';

/** Why positionalQuery() cannot take a cursor query that selects *, if it cannot. */
function positionalProblem(query: Query): string | undefined {
  const list = 'list its columns so that they can be matched to the FETCH variables';
  if (query.offset !== undefined || query.fetch !== undefined || query.forClause !== undefined) return `the cursor query selects * with OFFSET, FETCH or FOR: ${list}`;
  if (query.orderBy.length > 0 && (query.body.kind !== 'select' || query.body.quantifier === 'DISTINCT')) {
    return `the cursor query selects * from a UNION or with DISTINCT and orders its rows: ${list}`;
  }
  return undefined;
}
const ROW_ORDER = 'lakeshift_order';

/**
 * A cursor query that selects * has columns lakeshift may not know, and FETCH takes them by
 * position. The query goes into a derived table whose column list names them by position,
 * column_1 ... column_n, for the n FETCH variables:
 *
 *   SELECT lakeshift_cursor.column_1, ... FROM (query) AS lakeshift_cursor (column_1, ...)
 *
 * An ORDER BY stays with the query as a row number in a last column, which the outer query
 * orders by. Databricks refuses a column list whose length differs from the query's, as
 * T-SQL refuses a FETCH into the wrong number of variables.
 */
function positionalQuery(query: Query, count: number): Query {
  const span = { start: query.start, end: query.end };
  const names = Array.from({ length: count }, (_, index) => `column_${index + 1}`);
  const column = (name: string) => ({ kind: 'column-ref', parts: [CURSOR_ROWS, name], ...span }) as const;
  let inner: Query = { ...query, with: undefined };
  let orderBy: readonly OrderByItem[] = [];
  if (query.orderBy.length > 0 && query.body.kind === 'select') {
    const rowNumber: SelectColumn = {
      kind: 'select-column',
      alias: ROW_ORDER,
      ...span,
      expression: {
        kind: 'function-call',
        name: { kind: 'object-name', parts: ['ROW_NUMBER'], ...span },
        args: [],
        niladic: false,
        withinGroup: [],
        over: { kind: 'window', partitionBy: [], orderBy: query.orderBy, ...span },
        ...span,
      },
    };
    inner = { ...inner, body: { ...query.body, columns: [...query.body.columns, rowNumber] }, orderBy: [] };
    names.push(ROW_ORDER);
    orderBy = [{ kind: 'order-by-item', expression: column(ROW_ORDER), ...span }];
  }
  const body: Select = {
    kind: 'select',
    columns: names.slice(0, count).map((name) => ({ kind: 'select-column', expression: column(name), ...span })),
    from: [{ kind: 'derived-table', query: inner, alias: CURSOR_ROWS, columns: names, ...span }],
    windows: [],
    ...span,
  };
  return { kind: 'query', ...(query.with === undefined ? {} : { with: query.with }), body, orderBy, options: [], ...span };
}

interface LoopMatch {
  readonly node: CursorLoopStatement;
  /** How many statements of the list it replaces. */
  readonly length: number;
}

function matchLoop(declaration: DeclareCursorStatement, list: readonly ScriptStatement[], index: number): LoopMatch | undefined {
  const name = declaration.name.toLowerCase();
  const open = list[index];
  if (open?.kind !== 'cursor-statement' || open.action !== 'OPEN' || open.cursor.toLowerCase() !== name) return undefined;
  const second = list[index + 1];
  // OPEN c; FETCH c INTO ...; WHILE @@FETCH_STATUS = 0 BEGIN ... FETCH c INTO ... END
  if (second !== undefined && isFetchNext(second, name)) {
    const loop = list[index + 2];
    if (loop?.kind !== 'while' || !isFetchSucceeded(loop.condition)) return undefined;
    const body = statementsOf(loop.body);
    const last = body[body.length - 1];
    if (last === undefined || !isFetchNext(last, name) || !sameVariables(last.into, second.into)) return undefined;
    const inner = body.slice(0, -1);
    if (inner.some((statement) => usesCursor(statement, name))) return undefined;
    return {
      node: loopNode(declaration, [open, second, loop, last], second.into, inner),
      length: 3,
    };
  }
  // OPEN c; WHILE 1 = 1 BEGIN FETCH c INTO ...; IF @@FETCH_STATUS <> 0 BREAK; ... END
  if (second?.kind === 'while' && isAlwaysTrue(second.condition)) {
    const body = statementsOf(second.body);
    const [fetch, check, ...inner] = body;
    if (fetch === undefined || !isFetchNext(fetch, name) || check === undefined || !isBreakOnFetchFailure(check)) return undefined;
    if (inner.some((statement) => usesCursor(statement, name))) return undefined;
    return { node: loopNode(declaration, [open, fetch, second, check], fetch.into, inner), length: 2 };
  }
  return undefined;
}

function loopNode(
  declaration: DeclareCursorStatement,
  [open, fetch, loop, last]: readonly [Statement, FetchStatement, Statement, Statement],
  variables: readonly VariableRef[],
  body: readonly Statement[],
): CursorLoopStatement {
  const query = declaration.cursor.query;
  const select = leftmostSelect(query.body);
  return {
    kind: 'cursor-loop',
    start: open.start,
    end: loop.end,
    cursor: declaration.name,
    declaration,
    query: select !== undefined && selectsStar(select) ? positionalQuery(query, variables.length) : query,
    variables,
    body,
    absorbed: [open, fetch, last],
  };
}

function isFetchNext(statement: ScriptStatement, name: string): statement is FetchStatement {
  return statement.kind === 'fetch' && statement.cursor.toLowerCase() === name && (statement.orientation === undefined || statement.orientation === 'NEXT') && statement.into.length > 0;
}

function sameVariables(a: readonly VariableRef[], b: readonly VariableRef[]): boolean {
  return a.length === b.length && a.every((variable, index) => variable.name.toLowerCase() === b[index]!.name.toLowerCase());
}

function isFetchStatus(node: Expression): boolean {
  return node.kind === 'system-variable' && node.name.toUpperCase() === '@@FETCH_STATUS';
}

function integerValue(node: Expression): number | undefined {
  if (node.kind === 'literal' && node.type === 'integer') return Number(node.value);
  if (node.kind === 'unary' && node.operator === '-') {
    const inner = integerValue(node.operand);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

/** @@FETCH_STATUS = 0, or <> -1 (-2, a row deleted since OPEN, cannot happen to a FOR loop's snapshot). */
function isFetchSucceeded(condition: Expression): boolean {
  if (condition.kind !== 'binary') return false;
  const [status, value] = isFetchStatus(condition.left) ? [condition.left, condition.right] : [condition.right, condition.left];
  if (!isFetchStatus(status)) return false;
  const number = integerValue(value);
  return (condition.operator === '=' && number === 0) || ((condition.operator === '<>' || condition.operator === '!=') && number === -1);
}

function isAlwaysTrue(condition: Expression): boolean {
  if (condition.kind !== 'binary' || condition.operator !== '=') return false;
  const left = integerValue(condition.left);
  return left !== undefined && left === integerValue(condition.right);
}

/** IF @@FETCH_STATUS <> 0 BREAK (or = -1, or a BEGIN BREAK END). */
function isBreakOnFetchFailure(statement: Statement): boolean {
  if (statement.kind !== 'if' || statement.else !== undefined) return false;
  const then = statementsOf(statement.then);
  if (then.length !== 1 || then[0]!.kind !== 'break') return false;
  const condition = statement.condition;
  if (condition.kind !== 'binary') return false;
  const [status, value] = isFetchStatus(condition.left) ? [condition.left, condition.right] : [condition.right, condition.left];
  if (!isFetchStatus(status)) return false;
  const number = integerValue(value);
  return ((condition.operator === '<>' || condition.operator === '!=') && number === 0) || (condition.operator === '=' && number === -1);
}

function usesCursor(statement: ScriptStatement, name: string): boolean {
  return firstUse([statement], name) !== undefined;
}

/** The first statement that still uses the cursor, described for a message. */
function firstUse(statements: readonly ScriptStatement[], name: string): string | undefined {
  let found: string | undefined;
  // Cursors are used by statements, and statements only hold statements directly.
  walkStatements(statements, (node) => {
    if (found !== undefined) return false;
    // A converted loop (of this cursor or another) is looked into for its body only.
    if (node.kind === 'cursor-loop') {
      found = firstUse(node.body, name);
      return false;
    }
    if (node.kind === 'cursor-statement' && node.cursor.toLowerCase() === name) found = `${node.action} ${node.cursor}`;
    else if (node.kind === 'fetch' && node.cursor.toLowerCase() === name) found = `FETCH ${node.orientation ?? ''} ${node.cursor}`.replace(/\s+/g, ' ');
    else if ((node.kind === 'update' || node.kind === 'delete') && node.currentOf?.toLowerCase() === name) found = `${node.kind.toUpperCase()} ... WHERE CURRENT OF ${node.currentOf}`;
    return found === undefined;
  });
  return found;
}

import type {
  Assignment,
  BulkInsertStatement,
  CopyIntoStatement,
  DeleteStatement,
  DmlTarget,
  Expression,
  InsertStatement,
  MergeStatement,
  MergeWhen,
  ObjectName,
  OptionItem,
  OutputClause,
  SetItem,
  TableFunction,
  TableRef,
  TableSource,
  TableVariable,
  Top,
  TruncateStatement,
  UpdateStatement,
  WithClause,
} from '../ast.js';
import { acceptAssignmentOperator, parseExpression, parseExpressionList, parseFunctionCallRest, queryAhead } from './expressions.js';
import { isIdentifier, parseNameList, parseNameParts, parseObjectName, parseOptionList, skipBalanced } from './names.js';
import { parseExecuteStatement } from './procedural.js';
import { parseFromList, parseQuery, parseSelectList, parseTableAlias, parseTableSource, parseTop, parseValues } from './queries.js';
import type { TokenStream } from './token-stream.js';

function parseOptionClause(p: TokenStream): OptionItem[] {
  if (p.is('OPTION') && p.peekIsP(1, '(')) {
    p.pos++;
    return parseOptionList(p);
  }
  return [];
}

function parseDmlTop(p: TokenStream): Top | undefined {
  return p.is('TOP') ? parseTop(p) : undefined;
}

/**
 * The table an INSERT, UPDATE, DELETE or MERGE writes: a name, a table variable or a rowset
 * function (OPENQUERY), with optional WITH (hints). `allowAlias` is for MERGE, the only one
 * whose target takes an alias.
 */
function parseDmlTarget(p: TokenStream, allowAlias: boolean): DmlTarget {
  const start = p.start;
  const token = p.cur;
  if (token.kind === 'variable') {
    p.pos++;
    const alias = allowAlias ? parseTableAlias(p) : undefined;
    const target: TableVariable = { kind: 'table-variable', name: token.text, alias, start, end: p.endFrom(start) };
    return target;
  }
  if (token.kind === 'word' && (token.keyword === 'OPENQUERY' || token.keyword === 'OPENROWSET' || token.keyword === 'OPENDATASOURCE') && p.peekIsP(1, '(')) {
    p.pos++;
    const name: ObjectName = { kind: 'object-name', parts: [token.text], start, end: token.end };
    const call = parseFunctionCallRest(p, name, start);
    const target: TableFunction = { kind: 'table-function', call, columns: [], schema: [], start, end: p.endFrom(start) };
    return target;
  }
  const name = parseObjectName(p, 'a table name');
  let hints: string[] = [];
  let alias: string | undefined;
  if (allowAlias && !(p.is('WITH') && p.peekIsP(1, '('))) alias = parseTableAlias(p);
  if (p.is('WITH') && p.peekIsP(1, '(')) {
    p.pos++;
    hints = parseHintTexts(p);
  }
  if (allowAlias && alias === undefined) alias = parseTableAlias(p);
  const target: TableRef = { kind: 'table-ref', name, alias, hints, legacyHints: false, start, end: p.endFrom(start) };
  return target;
}

function parseHintTexts(p: TokenStream): string[] {
  p.expectP('(');
  const hints: string[] = [];
  while (!p.isP(')')) {
    const start = p.start;
    const token = p.cur;
    if (token.kind !== 'word') p.fail('expected a table hint');
    p.pos++;
    if (p.isP('(')) skipBalanced(p);
    else if (p.acceptP('=')) p.next();
    hints.push(token.keyword + p.textOf(start, p.lastEnd).slice(token.text.length).replace(/\s+/g, ' '));
    p.acceptP(',');
    if (p.atEnd) p.fail("expected ')'");
  }
  p.expectP(')');
  return hints;
}

/** OUTPUT items [INTO target [(columns)]], possibly twice (one INTO, one to the client). */
function parseOutputClauses(p: TokenStream): OutputClause[] {
  const clauses: OutputClause[] = [];
  while (p.is('OUTPUT')) {
    const start = p.start;
    p.pos++;
    const columns = parseSelectList(p);
    if (p.accept('INTO')) {
      const intoStart = p.start;
      let into: TableRef | TableVariable;
      const token = p.cur;
      if (token.kind === 'variable') {
        p.pos++;
        into = { kind: 'table-variable', name: token.text, start: intoStart, end: p.endFrom(intoStart) };
      } else {
        const name = parseObjectName(p, 'a table name');
        into = { kind: 'table-ref', name, hints: [], legacyHints: false, start: intoStart, end: p.endFrom(intoStart) };
      }
      const intoColumns = p.isP('(') ? parseNameList(p) : [];
      clauses.push({ kind: 'output', columns, into, intoColumns, start, end: p.endFrom(start) });
    } else {
      clauses.push({ kind: 'output', columns, intoColumns: [], start, end: p.endFrom(start) });
    }
  }
  return clauses;
}

export function parseInsert(p: TokenStream, start: number, withClause?: WithClause): InsertStatement {
  p.expect('INSERT');
  const top = parseDmlTop(p);
  p.accept('INTO');
  const target = parseDmlTarget(p, false);
  let columns: string[] = [];
  if (p.isP('(') && !queryAhead(p, true)) columns = parseNameList(p);
  const output = parseOutputClauses(p);
  let source: InsertStatement['source'];
  if (p.is('VALUES')) {
    source = parseValues(p);
  } else if (p.is('DEFAULT') && p.peekKw() === 'VALUES') {
    const sourceStart = p.start;
    p.pos += 2;
    source = { kind: 'default-values', start: sourceStart, end: p.endFrom(sourceStart) };
  } else if (p.is('EXEC') || p.is('EXECUTE')) {
    const execute = parseExecuteStatement(p, p.start);
    if (execute.kind === 'execute-as') p.fail('expected a procedure call');
    source = execute;
  } else {
    source = parseQuery(p);
  }
  const options = parseOptionClause(p);
  return {
    kind: 'insert',
    with: withClause,
    top,
    target,
    columns,
    output,
    source,
    options,
    start, end: p.endFrom(start),
  };
}

/** c = v, c += v, @v = v, @v = c = v, c.WRITE(...), t.c = v */
export function parseSetList(p: TokenStream): SetItem[] {
  const items: SetItem[] = [];
  do {
    items.push(parseSetItem(p));
  } while (p.acceptP(','));
  return items;
}

function parseSetItem(p: TokenStream): SetItem {
  const start = p.start;
  const token = p.cur;
  if (token.kind === 'variable') {
    p.pos++;
    const variable = { kind: 'variable' as const, name: token.text, start: token.start, end: token.end };
    const operator = acceptAssignmentOperator(p);
    if (operator === undefined) p.fail('expected =');
    // @v = column = value sets the variable and the column to the same value.
    const column = p.speculate(() => {
      const columnStart = p.start;
      const parts = parseNameParts(p, 'a column name');
      if (!p.isP('=')) p.fail('expected =');
      p.pos++;
      return { kind: 'column-ref' as const, parts, start: columnStart, end: p.endFrom(columnStart) };
    });
    const value = parseExpression(p);
    const assignment: Assignment = { kind: 'assignment', target: variable, column, operator, value, start, end: p.endFrom(start) };
    return assignment;
  }
  const parts = parseNameParts(p, 'a column name');
  if (p.isP('(') && parts.length >= 2) {
    // column.WRITE(expr, offset, length) or a CLR mutator: column.Method(args)
    const method = parts[parts.length - 1] ?? '';
    const targetParts = parts.slice(0, -1);
    const target = { kind: 'column-ref' as const, parts: targetParts, start, end: p.endFrom(start) };
    p.expectP('(');
    const args = p.isP(')') ? [] : parseExpressionList(p);
    p.expectP(')');
    return { kind: 'mutator-call', call: { kind: 'method-call', target, method, args, start, end: p.endFrom(start) }, start, end: p.endFrom(start) };
  }
  const column = { kind: 'column-ref' as const, parts, start, end: p.endFrom(start) };
  const operator = acceptAssignmentOperator(p);
  if (operator === undefined) p.fail('expected =');
  const value = parseExpression(p);
  return { kind: 'assignment', target: column, operator, value, start, end: p.endFrom(start) };
}

/** WHERE condition | WHERE CURRENT OF [GLOBAL] cursor */
function parseDmlWhere(p: TokenStream): { where?: Expression; currentOf?: string } {
  if (!p.accept('WHERE')) return {};
  if (p.is('CURRENT') && p.peekKw() === 'OF') {
    p.pos += 2;
    p.accept('GLOBAL');
    const token = p.next();
    if (!isIdentifier(token) && token.kind !== 'variable') p.fail('expected a cursor name');
    return { currentOf: token.text };
  }
  return { where: parseExpression(p) };
}

export function parseUpdate(p: TokenStream, start: number, withClause?: WithClause): UpdateStatement {
  p.expect('UPDATE');
  const top = parseDmlTop(p);
  const target = parseDmlTarget(p, false);
  p.expect('SET');
  const set = parseSetList(p);
  const output = parseOutputClauses(p);
  let from: TableSource[] = [];
  if (p.accept('FROM')) from = parseFromList(p);
  const { where, currentOf } = parseDmlWhere(p);
  const options = parseOptionClause(p);
  return {
    kind: 'update',
    with: withClause,
    top,
    target,
    set,
    output,
    from,
    where,
    currentOf,
    options,
    start, end: p.endFrom(start),
  };
}

export function parseDelete(p: TokenStream, start: number, withClause?: WithClause): DeleteStatement {
  p.expect('DELETE');
  const top = parseDmlTop(p);
  p.accept('FROM');
  const target = parseDmlTarget(p, false);
  const output = parseOutputClauses(p);
  let from: TableSource[] = [];
  if (p.accept('FROM')) from = parseFromList(p);
  const { where, currentOf } = parseDmlWhere(p);
  const options = parseOptionClause(p);
  return {
    kind: 'delete',
    with: withClause,
    top,
    target,
    output,
    from,
    where,
    currentOf,
    options,
    start, end: p.endFrom(start),
  };
}

export function parseMerge(p: TokenStream, start: number, withClause?: WithClause): MergeStatement {
  p.expect('MERGE');
  const top = parseDmlTop(p);
  p.accept('INTO');
  const target = parseDmlTarget(p, true);
  p.expect('USING');
  const source = parseTableSource(p);
  p.expect('ON');
  const on = parseExpression(p);
  const clauses: MergeWhen[] = [];
  while (p.is('WHEN')) clauses.push(parseMergeWhen(p));
  if (clauses.length === 0) p.fail('expected WHEN');
  const output = parseOutputClauses(p);
  const options = parseOptionClause(p);
  return {
    kind: 'merge',
    with: withClause,
    top,
    target,
    source,
    on,
    clauses,
    output,
    options,
    start, end: p.endFrom(start),
  };
}

function parseMergeWhen(p: TokenStream): MergeWhen {
  const start = p.start;
  p.expect('WHEN');
  let match: MergeWhen['match'];
  if (p.accept('MATCHED')) {
    match = 'MATCHED';
  } else {
    p.expect('NOT');
    p.expect('MATCHED');
    if (p.accept('BY')) {
      if (p.accept('SOURCE')) match = 'NOT MATCHED BY SOURCE';
      else {
        p.expect('TARGET');
        match = 'NOT MATCHED BY TARGET';
      }
    } else {
      match = 'NOT MATCHED BY TARGET';
    }
  }
  let condition: Expression | undefined;
  if (p.accept('AND')) condition = parseExpression(p);
  p.expect('THEN');
  const actionStart = p.start;
  let action: MergeWhen['action'];
  if (p.accept('UPDATE')) {
    p.expect('SET');
    action = { kind: 'merge-update', set: parseSetList(p), start: actionStart, end: p.endFrom(actionStart) };
  } else if (p.accept('DELETE')) {
    action = { kind: 'merge-delete', start: actionStart, end: p.endFrom(actionStart) };
  } else {
    p.expect('INSERT');
    const columns = p.isP('(') ? parseNameList(p) : [];
    if (p.acceptSeq('DEFAULT', 'VALUES')) {
      action = { kind: 'merge-insert', columns, values: [], defaultValues: true, start: actionStart, end: p.endFrom(actionStart) };
    } else {
      p.expect('VALUES');
      p.expectP('(');
      const values = parseExpressionList(p);
      p.expectP(')');
      action = { kind: 'merge-insert', columns, values, defaultValues: false, start: actionStart, end: p.endFrom(actionStart) };
    }
  }
  return { kind: 'merge-when', match, condition, action, start, end: p.endFrom(start) };
}

export function parseTruncate(p: TokenStream, start: number): TruncateStatement {
  p.expect('TRUNCATE');
  p.expect('TABLE');
  const table = parseObjectName(p, 'a table name');
  if (p.is('WITH') && p.peekIsP(1, '(')) {
    p.pos++;
    skipBalanced(p);
  }
  return { kind: 'truncate-table', table, start, end: p.endFrom(start) };
}

export function parseBulkInsert(p: TokenStream, start: number): BulkInsertStatement {
  p.expect('BULK');
  p.expect('INSERT');
  const table = parseObjectName(p, 'a table name');
  p.expect('FROM');
  const file = parseExpression(p);
  let options: OptionItem[] = [];
  if (p.is('WITH') && p.peekIsP(1, '(')) {
    p.pos++;
    options = parseOptionList(p);
  }
  return { kind: 'bulk-insert', table, file, options, start, end: p.endFrom(start) };
}

export function parseCopyInto(p: TokenStream, start: number): CopyIntoStatement {
  p.expect('COPY');
  p.expect('INTO');
  const table = parseObjectName(p, 'a table name');
  // Column lists may carry defaults and field numbers: (a DEFAULT 0 1, b 2); kept as names.
  const columns: string[] = [];
  if (p.isP('(')) {
    p.pos++;
    do {
      columns.push(parseIdentifierName(p));
      while (!p.isP(',') && !p.isP(')') && !p.atEnd) p.pos++;
    } while (p.acceptP(','));
    p.expectP(')');
  }
  p.expect('FROM');
  const sources = parseExpressionList(p);
  let options: OptionItem[] = [];
  if (p.is('WITH') && p.peekIsP(1, '(')) {
    p.pos++;
    options = parseOptionList(p);
  }
  return { kind: 'copy-into', table, columns, sources, options, start, end: p.endFrom(start) };
}

function parseIdentifierName(p: TokenStream): string {
  const parts = parseNameParts(p, 'a column name', 1);
  return parts[0] ?? '';
}

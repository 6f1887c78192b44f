import type {
  CommonTableExpression,
  DerivedTable,
  Expression,
  ForClause,
  ForOption,
  FunctionCall,
  GroupBy,
  GroupingElement,
  GroupingSet,
  MethodCall,
  NamedWindow,
  ObjectName,
  OptionItem,
  OrderByItem,
  Query,
  QueryBody,
  SchemaColumn,
  Select,
  SelectItem,
  SystemTime,
  TableFunction,
  TableRef,
  TableSource,
  Top,
  Values,
  ValuesRow,
  WithClause,
  XmlNamespace,
} from '../ast.js';
import {
  acceptAssignmentOperator,
  isAssignmentOperator,
  isAssignmentOperatorAt,
  parseCallArguments,
  parseExpression,
  parseExpressionList,
  parseFunctionCallRest,
  parseOperand,
  parseOrderByList,
  parseWindowBody,
  queryAhead,
} from './expressions.js';
import { NOT_COLUMN_ALIASES, NOT_TABLE_ALIASES, RESERVED_KEYWORDS, XML_METHODS } from './keywords.js';
import {
  identifierValue,
  identifierValueAt,
  isIdentifier,
  isIdentifierAt,
  isStringToken,
  parseDataType,
  parseIdentifier,
  parseIdentifierOrString,
  parseNameList,
  parseNameParts,
  parseObjectName,
  parseOptionList,
  skipBalanced,
  statementAhead,
  stringTokenValue,
  stringValue,
} from './names.js';
import type { TokenStream } from './token-stream.js';
import { fitted } from './fitted.js';

/**
 * A query expression: [WITH ...] body [ORDER BY ...] [OFFSET ... FETCH ...] [FOR XML|JSON ...]
 * [OPTION (...)].
 */
export function parseQuery(p: TokenStream): Query {
  const start = p.start;
  p.enter();
  let withClause: WithClause | undefined;
  if (p.is('WITH')) withClause = parseWithClause(p);
  const body = parseQueryBody(p);
  const query = parseQueryTail(p, start, body, withClause);
  p.leave();
  return query;
}

/** The clauses that apply to a whole query expression, after its body. */
export function parseQueryTail(p: TokenStream, start: number, body: QueryBody, withClause?: WithClause): Query {
  let orderBy: OrderByItem[] = [];
  let offset: Expression | undefined;
  let fetch: Expression | undefined;
  if (p.is('ORDER') && p.peekKw() === 'BY') {
    p.pos += 2;
    orderBy = parseOrderByList(p);
    if (p.is('OFFSET')) {
      p.pos++;
      offset = parseExpression(p);
      if (!p.accept('ROWS')) p.expect('ROW');
      if (p.accept('FETCH')) {
        if (!p.accept('NEXT')) p.expect('FIRST');
        fetch = parseExpression(p);
        if (!p.accept('ROWS')) p.expect('ROW');
        p.expect('ONLY');
      }
    }
  }
  let options: OptionItem[] = [];
  // COMPUTE agg(x) [BY ...]: extra summary result sets, removed in SQL Server 2012; kept as text.
  while (p.is('COMPUTE')) {
    const computeStart = p.start;
    p.pos++;
    const valueStart = p.start;
    parseExpressionList(p);
    if (p.accept('BY')) parseExpressionList(p);
    options = [...options, { kind: 'option', name: 'COMPUTE', value: p.textOf(valueStart, p.lastEnd), start: computeStart, end: p.endFrom(computeStart) }];
  }
  let forClause: ForClause | undefined;
  if (p.is('FOR') && (p.peekKw() === 'XML' || p.peekKw() === 'JSON' || p.peekKw() === 'BROWSE')) {
    forClause = parseForClause(p);
  }
  if (p.is('OPTION') && p.peekIsP(1, '(')) {
    p.pos++;
    options = [...options, ...parseOptionList(p)];
  }
  return {
    kind: 'query',
    with: withClause,
    body,
    orderBy,
    offset,
    fetch,
    forClause,
    options,
    start, end: p.endFrom(start),
  };
}

/** UNION [ALL] and EXCEPT, left-associative, over INTERSECT, which binds tighter. */
export function parseQueryBody(p: TokenStream): QueryBody {
  const start = p.start;
  let left = parseIntersection(p);
  for (;;) {
    let operator: 'UNION' | 'UNION ALL' | 'EXCEPT';
    if (p.is('UNION')) {
      p.pos++;
      operator = p.accept('ALL') ? 'UNION ALL' : 'UNION';
    } else if (p.is('EXCEPT')) {
      p.pos++;
      operator = 'EXCEPT';
    } else {
      return left;
    }
    const right = parseIntersection(p);
    left = { kind: 'set-operation', operator, left, right, start, end: p.endFrom(start) };
  }
}

function parseIntersection(p: TokenStream): QueryBody {
  const start = p.start;
  let left = parseQueryPrimary(p);
  while (p.is('INTERSECT')) {
    p.pos++;
    const right = parseQueryPrimary(p);
    left = { kind: 'set-operation', operator: 'INTERSECT', left, right, start, end: p.endFrom(start) };
  }
  return left;
}

function parseQueryPrimary(p: TokenStream): QueryBody {
  if (p.isP('(')) {
    p.pos++;
    const query = parseQuery(p);
    p.expectP(')');
    return query;
  }
  if (p.is('SELECT')) return parseSelect(p);
  if (p.is('VALUES')) return parseValues(p);
  return p.fail('expected SELECT');
}

export function parseValues(p: TokenStream): Values {
  const start = p.start;
  p.expect('VALUES');
  const rows: ValuesRow[] = [];
  do {
    const rowStart = p.start;
    p.expectP('(');
    const values = p.isP(')') ? [] : parseExpressionList(p);
    p.expectP(')');
    rows.push({ kind: 'values-row', values, start: rowStart, end: p.endFrom(rowStart) });
  } while (p.acceptP(','));
  return { kind: 'values', rows: fitted(rows), start, end: p.endFrom(start) };
}

export function parseWithClause(p: TokenStream): WithClause {
  const start = p.start;
  p.expect('WITH');
  const xmlNamespaces: XmlNamespace[] = [];
  const ctes: CommonTableExpression[] = [];
  do {
    if (p.is('XMLNAMESPACES') && p.peekIsP(1, '(')) {
      p.pos += 2;
      do {
        const nsStart = p.start;
        if (p.accept('DEFAULT')) {
          const uri = parseExpression(p);
          xmlNamespaces.push({ kind: 'xml-namespace', uri, start: nsStart, end: p.endFrom(nsStart) });
        } else {
          const uri = parseExpression(p);
          p.expect('AS');
          const prefix = parseIdentifier(p, 'a namespace prefix');
          xmlNamespaces.push({ kind: 'xml-namespace', uri, prefix, start: nsStart, end: p.endFrom(nsStart) });
        }
      } while (p.acceptP(','));
      p.expectP(')');
      continue;
    }
    const cteStart = p.start;
    const name = parseIdentifier(p, 'a common table expression name');
    const columns = p.isP('(') ? parseNameList(p) : [];
    p.expect('AS');
    p.expectP('(');
    const query = parseQuery(p);
    p.expectP(')');
    ctes.push({ kind: 'cte', name, columns, query, start: cteStart, end: p.endFrom(cteStart) });
  } while (p.acceptP(','));
  return { kind: 'with', xmlNamespaces, ctes, start, end: p.endFrom(start) };
}

/** TOP n | TOP (expr) [PERCENT] [WITH TIES] */
export function parseTop(p: TokenStream): Top {
  const start = p.start;
  p.expect('TOP');
  let count: Expression;
  if (p.isP('(')) {
    p.pos++;
    count = parseExpression(p);
    p.expectP(')');
  } else {
    // Without parentheses TOP takes a single constant (kept for backward compatibility), so in
    // `SELECT TOP 10 * FROM t` the * is the select list, not a multiplication.
    const token = p.cur;
    if (token.kind === 'number') {
      p.pos++;
      count = { kind: 'literal', type: token.text.includes('.') || /e/i.test(token.text) ? 'decimal' : 'integer', text: token.text, value: token.text, start: token.start, end: token.end };
    } else if (token.kind === 'variable') {
      p.pos++;
      count = { kind: 'variable', name: token.text, start: token.start, end: token.end };
    } else {
      p.fail('expected a number after TOP');
    }
  }
  const percent = p.accept('PERCENT');
  const withTies = p.acceptSeq('WITH', 'TIES');
  return { kind: 'top', count, percent, withTies, start, end: p.endFrom(start) };
}

export function parseSelect(p: TokenStream): Select {
  const start = p.start;
  p.expect('SELECT');
  let quantifier: 'DISTINCT' | 'ALL' | undefined;
  if (p.is('DISTINCT') || p.is('ALL')) quantifier = p.next().keyword as 'DISTINCT' | 'ALL';
  let top: Top | undefined;
  if (p.is('TOP')) top = parseTop(p);
  const columns = parseSelectList(p);
  let into: ObjectName | undefined;
  if (p.is('INTO')) {
    p.pos++;
    into = parseObjectName(p, 'a table name');
  }
  let from: TableSource[] = [];
  if (p.accept('FROM')) from = parseFromList(p);
  let where: Expression | undefined;
  if (p.accept('WHERE')) where = parseExpression(p);
  let groupBy: GroupBy | undefined;
  if (p.is('GROUP') && p.peekKw() === 'BY') groupBy = parseGroupBy(p);
  let having: Expression | undefined;
  if (p.accept('HAVING')) having = parseExpression(p);
  const windows: NamedWindow[] = [];
  if (p.is('WINDOW') && isIdentifier(p.peek()) && p.peekKw(2) === 'AS') {
    p.pos++;
    do {
      const windowStart = p.start;
      const name = parseIdentifier(p, 'a window name');
      p.expect('AS');
      const bodyStart = p.start;
      p.expectP('(');
      const body = parseWindowBody(p);
      p.expectP(')');
      windows.push({ kind: 'named-window', name, window: { kind: 'window', ...body, start: bodyStart, end: p.endFrom(bodyStart) }, start: windowStart, end: p.endFrom(windowStart) });
    } while (p.acceptP(','));
  }
  return {
    kind: 'select',
    quantifier,
    top,
    columns,
    into,
    from,
    where,
    groupBy,
    having,
    windows,
    start, end: p.endFrom(start),
  };
}

export function parseSelectList(p: TokenStream): SelectItem[] {
  const items: SelectItem[] = [];
  do {
    items.push(parseSelectItem(p));
  } while (p.acceptP(','));
  return fitted(items);
}

/** Whether the token can be an alias written without AS. */
function isBareAlias(p: TokenStream, excluded: ReadonlySet<string>): boolean {
  const token = p.cur;
  if (token.kind === 'word') return !RESERVED_KEYWORDS.has(token.keyword) && !excluded.has(token.keyword) && !statementAhead(p);
  return token.kind === 'bracket-identifier' || token.kind === 'quoted-identifier';
}

export function parseSelectItem(p: TokenStream): SelectItem {
  const start = p.start;
  // The first token is read from the table: no token object for each item.
  const tokens = p.tokens;
  const index = p.pos;
  const kind = p.curKind;
  // SELECT @x = expr assigns to the variable instead of returning a column.
  if (kind === 'variable' && isAssignmentOperatorAt(tokens, index + 1)) {
    p.pos++;
    const variable = { kind: 'variable' as const, name: tokens.text(index), start: tokens.start(index), end: tokens.end(index) };
    const operator = acceptAssignmentOperator(p) ?? '=';
    const expression = parseExpression(p);
    return { kind: 'select-assignment', variable, operator, expression, start, end: p.endFrom(start) };
  }
  // SELECT alias = expr
  const isString = kind === 'string' || kind === 'unicode-string';
  if ((isString || isIdentifierAt(tokens, index)) && p.peekIsP(1, '=') && !p.peekIsP(2, '=')) {
    const alias = isString ? stringTokenValue(tokens.text(index), kind === 'unicode-string', tokens.unterminated(index)) : identifierValueAt(tokens, index);
    p.pos += 2;
    const expression = parseExpression(p);
    return { kind: 'select-column', expression, alias, start, end: p.endFrom(start) };
  }
  const expression = parseExpression(p);
  const alias = parseColumnAlias(p);
  return alias === undefined
    ? { kind: 'select-column', expression, start, end: p.endFrom(start) }
    : { kind: 'select-column', expression, alias, start, end: p.endFrom(start) };
}

function parseColumnAlias(p: TokenStream): string | undefined {
  if (p.accept('AS')) return parseIdentifierOrString(p, 'an alias');
  if (isStringToken(p.cur)) return stringValue(p.next());
  if (isBareAlias(p, NOT_COLUMN_ALIASES)) return identifierValue(p.next());
  return undefined;
}

export function parseTableAlias(p: TokenStream): string | undefined {
  if (p.accept('AS')) return parseIdentifier(p, 'an alias');
  if (isBareAlias(p, NOT_TABLE_ALIASES)) return identifierValue(p.next());
  return undefined;
}

export function parseFromList(p: TokenStream): TableSource[] {
  const sources: TableSource[] = [];
  do {
    sources.push(parseTableSource(p));
  } while (p.acceptP(','));
  return fitted(sources);
}

/** A table source with its joins and APPLYs. */
export function parseTableSource(p: TokenStream): TableSource {
  const start = p.start;
  p.enter();
  const source = parseJoins(p, parseTablePrimary(p), start, false);
  p.leave();
  return source;
}

const JOIN_HINTS: ReadonlySet<string> = new Set(['LOOP', 'HASH', 'MERGE', 'REMOTE']);

/**
 * Reads the join keywords at the cursor. Returns undefined (consuming nothing) when no join
 * follows.
 */
function acceptJoinType(p: TokenStream): { type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | 'CROSS APPLY' | 'OUTER APPLY'; hint?: string } | undefined {
  const kw = p.kw;
  const save = p.pos;
  let type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | 'CROSS APPLY' | 'OUTER APPLY';
  if (kw === 'JOIN') {
    p.pos++;
    return { type: 'INNER' };
  }
  if (kw === 'CROSS') {
    if (p.peekKw() === 'JOIN') {
      p.pos += 2;
      return { type: 'CROSS' };
    }
    if (p.peekKw() === 'APPLY') {
      p.pos += 2;
      return { type: 'CROSS APPLY' };
    }
    return undefined;
  }
  if (kw === 'OUTER' && p.peekKw() === 'APPLY') {
    p.pos += 2;
    return { type: 'OUTER APPLY' };
  }
  if (kw === 'INNER') type = 'INNER';
  else if (kw === 'LEFT') type = 'LEFT';
  else if (kw === 'RIGHT') type = 'RIGHT';
  else if (kw === 'FULL') type = 'FULL';
  else return undefined;
  p.pos++;
  if (type !== 'INNER') p.accept('OUTER');
  let hint: string | undefined;
  if (JOIN_HINTS.has(p.kw) && p.peekKw() === 'JOIN') hint = p.next().keyword;
  if (!p.accept('JOIN')) {
    p.pos = save;
    return undefined;
  }
  return hint === undefined ? { type } : { type, hint };
}

function parseJoins(p: TokenStream, first: TableSource, start: number, nested: boolean): TableSource {
  let left = first;
  for (;;) {
    if (nested && p.is('ON')) return left;
    const join = acceptJoinType(p);
    if (join === undefined) return left;
    const rightStart = p.start;
    let right = parseTablePrimary(p);
    if (join.type === 'CROSS' || join.type === 'CROSS APPLY' || join.type === 'OUTER APPLY') {
      left = { kind: 'join', type: join.type, hint: join.hint, left, right, start, end: p.endFrom(start) };
      continue;
    }
    // a JOIN b JOIN c ON b.x = c.x ON a.y = b.y: the right side is itself a join.
    if (!p.is('ON')) {
      p.enter();
      right = parseJoins(p, right, rightStart, true);
      p.leave();
    }
    p.expect('ON');
    const on = parseExpression(p);
    left = { kind: 'join', type: join.type, hint: join.hint, left, right, on, start, end: p.endFrom(start) };
  }
}

/** Functions that return rows and are built in, so are never user objects. */
const ROWSET_FUNCTIONS: ReadonlySet<string> = new Set(['OPENJSON', 'OPENXML', 'OPENROWSET', 'OPENQUERY', 'OPENDATASOURCE', 'CHANGETABLE']);

const TABLE_HINTS: ReadonlySet<string> = new Set([
  'NOLOCK', 'READUNCOMMITTED', 'UPDLOCK', 'HOLDLOCK', 'ROWLOCK', 'PAGLOCK', 'TABLOCK', 'TABLOCKX', 'XLOCK',
  'READPAST', 'READCOMMITTED', 'READCOMMITTEDLOCK', 'REPEATABLEREAD', 'SERIALIZABLE', 'SNAPSHOT', 'NOWAIT',
  'NOEXPAND', 'INDEX', 'FORCESEEK', 'FORCESCAN', 'KEEPIDENTITY', 'KEEPDEFAULTS', 'IGNORE_CONSTRAINTS',
  'IGNORE_TRIGGERS', 'FASTFIRSTROW', 'SPATIAL_WINDOW_MAX_CELLS',
]);

/** Whether `( hint, ... )` follows: the pre-2005 way of writing table hints without WITH. */
function legacyHintsAhead(p: TokenStream): boolean {
  return p.isP('(') && p.peek().kind === 'word' && TABLE_HINTS.has(p.peekKw()) && (p.peekIsP(2, ')') || p.peekIsP(2, ',') || p.peekIsP(2, '(') || p.peekIsP(2, '=') || p.peek(2).kind === 'word');
}

/** ( hint [, hint ...] ): commas between hints are optional. */
function parseTableHints(p: TokenStream): string[] {
  p.expectP('(');
  const hints: string[] = [];
  while (!p.isP(')')) {
    const start = p.start;
    const token = p.cur;
    if (token.kind !== 'word') p.fail('expected a table hint');
    p.pos++;
    if (p.isP('(')) skipBalanced(p);
    else if (p.acceptP('=')) p.next();
    const text = p.textOf(start, p.lastEnd).replace(/\s+/g, ' ');
    hints.push(token.keyword + text.slice(token.text.length));
    p.acceptP(',');
    if (p.atEnd) p.fail("expected ')'");
  }
  p.expectP(')');
  return hints;
}

function parseSystemTime(p: TokenStream): SystemTime {
  const start = p.start;
  p.expect('FOR');
  p.expect('SYSTEM_TIME');
  if (p.acceptSeq('AS', 'OF')) {
    const from = parsePrimaryValue(p);
    return { kind: 'system-time', type: 'AS OF', from, start, end: p.endFrom(start) };
  }
  if (p.accept('FROM')) {
    const from = parsePrimaryValue(p);
    p.expect('TO');
    const to = parsePrimaryValue(p);
    return { kind: 'system-time', type: 'FROM', from, to, start, end: p.endFrom(start) };
  }
  if (p.accept('BETWEEN')) {
    const from = parsePrimaryValue(p);
    p.expect('AND');
    const to = parsePrimaryValue(p);
    return { kind: 'system-time', type: 'BETWEEN', from, to, start, end: p.endFrom(start) };
  }
  if (p.acceptSeq('CONTAINED', 'IN')) {
    p.expectP('(');
    const from = parseExpression(p);
    p.expectP(',');
    const to = parseExpression(p);
    p.expectP(')');
    return { kind: 'system-time', type: 'CONTAINED IN', from, to, start, end: p.endFrom(start) };
  }
  p.expect('ALL');
  return { kind: 'system-time', type: 'ALL', start, end: p.endFrom(start) };
}

/** A point in time in FOR SYSTEM_TIME, where BETWEEN x AND y must not read `x AND y` as one condition. */
function parsePrimaryValue(p: TokenStream): Expression {
  return parseOperand(p);
}

function parseTablePrimary(p: TokenStream): TableSource {
  const start = p.start;
  const token = p.cur;
  let source: TableSource;
  if (token.kind === 'punctuation' && token.text === '(') {
    source = parseParenthesisedSource(p);
  } else if (token.kind === 'variable') {
    if (p.peekIsP(1, '.')) {
      // @xml.nodes('/a/b') AS t(c)
      const call = parseExpression(p);
      if (call.kind !== 'method-call') p.fail('expected a table');
      source = finishTableFunction(p, call, start);
    } else {
      p.pos++;
      const alias = parseTableAlias(p);
      source = { kind: 'table-variable', name: token.text, alias, start, end: p.endFrom(start) };
    }
  } else if (token.kind === 'word' && (ROWSET_FUNCTIONS.has(token.keyword) || token.keyword === 'CONTAINSTABLE' || token.keyword === 'FREETEXTTABLE') && p.peekIsP(1, '(')) {
    p.pos++;
    const name: ObjectName = { kind: 'object-name', parts: [token.text], start, end: token.end };
    const call = parseFunctionCallRest(p, name, start);
    if (token.keyword === 'OPENDATASOURCE' && p.isP('.')) {
      // OPENDATASOURCE(provider, connection).database.schema.table: the call stands in for a
      // server name, so it becomes the first part of a four-part table name.
      const parts = [p.textOf(start, p.lastEnd)];
      while (p.acceptP('.')) parts.push(p.isP('.') ? '' : parseIdentifier(p, 'a name', true));
      source = finishNamedSource(p, { kind: 'object-name', parts, start, end: p.endFrom(start) }, start);
    } else {
      source = finishTableFunction(p, call, start);
    }
  } else {
    source = parseNamedSource(p);
  }
  for (;;) {
    if (p.is('PIVOT')) source = parsePivot(p, source, start);
    else if (p.is('UNPIVOT')) source = parseUnpivot(p, source, start);
    else return source;
  }
}

function parseParenthesisedSource(p: TokenStream): TableSource {
  const start = p.start;
  if (queryAhead(p, true, true)) {
    const derived = p.speculate((): DerivedTable => {
      p.pos++;
      const query = parseQuery(p);
      p.expectP(')');
      const alias = parseTableAlias(p);
      const columns = alias !== undefined && p.isP('(') ? parseNameList(p) : [];
      return { kind: 'derived-table', query, alias, columns, start, end: p.endFrom(start) };
    });
    if (derived !== undefined) return derived;
  }
  p.expectP('(');
  const inner = parseTableSource(p);
  p.expectP(')');
  return inner;
}

function parseNamedSource(p: TokenStream): TableSource {
  const start = p.start;
  const parts = parseNameParts(p, 'a table name');
  if (p.isP('(') && !legacyHintsAhead(p)) {
    const last = parts[parts.length - 1] ?? '';
    let call: FunctionCall | MethodCall;
    if (parts.length >= 2 && XML_METHODS.has(last)) {
      const target: Expression = { kind: 'column-ref', parts: parts.slice(0, -1), start, end: p.endFrom(start) };
      const args = parseCallArguments(p);
      call = { kind: 'method-call', target, method: last, args, start, end: p.endFrom(start) };
    } else {
      const name: ObjectName = { kind: 'object-name', parts, start, end: p.endFrom(start) };
      call = parseFunctionCallRest(p, name, start);
    }
    return finishTableFunction(p, call, start);
  }
  return finishNamedSource(p, { kind: 'object-name', parts, start, end: p.endFrom(start) }, start);
}

/** FOR SYSTEM_TIME, alias, TABLESAMPLE and hints after a table name. */
function finishNamedSource(p: TokenStream, name: ObjectName, start: number): TableRef {
  let systemTime: SystemTime | undefined;
  if (p.is('FOR') && p.peekKw() === 'SYSTEM_TIME') systemTime = parseSystemTime(p);
  let hints: string[] = [];
  let legacyHints = false;
  // Hints may come before the alias in old code: FROM t (NOLOCK) a
  if (legacyHintsAhead(p)) {
    hints = parseTableHints(p);
    legacyHints = true;
  }
  const alias = parseTableAlias(p);
  let tablesample: string | undefined;
  if (p.is('TABLESAMPLE')) {
    const sampleStart = p.start;
    p.pos++;
    p.accept('SYSTEM');
    skipBalanced(p);
    if (p.accept('REPEATABLE')) skipBalanced(p);
    tablesample = p.textOf(sampleStart, p.lastEnd);
  }
  if (p.is('WITH') && p.peekIsP(1, '(')) {
    p.pos++;
    hints = [...hints, ...parseTableHints(p)];
  } else if (legacyHintsAhead(p)) {
    hints = [...hints, ...parseTableHints(p)];
    legacyHints = true;
  }
  const ref: TableRef = {
    kind: 'table-ref',
    name,
    alias,
    systemTime,
    hints,
    legacyHints,
    tablesample,
    start, end: p.endFrom(start),
  };
  return ref;
}

/** [WITH (schema)] [AS] alias [(columns)] after a table-valued call. */
function finishTableFunction(p: TokenStream, call: FunctionCall | MethodCall, start: number): TableFunction {
  let schema: SchemaColumn[] = [];
  if (p.is('WITH') && p.peekIsP(1, '(')) {
    p.pos++;
    schema = parseSchemaColumns(p);
  }
  const alias = parseTableAlias(p);
  const columns = p.isP('(') && !legacyHintsAhead(p) ? parseNameList(p) : [];
  if (p.is('WITH') && p.peekIsP(1, '(')) {
    p.pos++;
    parseTableHints(p);
  }
  return { kind: 'table-function', call, alias, columns, schema, start, end: p.endFrom(start) };
}

/** OPENJSON ... WITH (name type ['$.path'] [AS JSON], ...) and OPENXML ... WITH (...). */
function parseSchemaColumns(p: TokenStream): SchemaColumn[] {
  p.expectP('(');
  const columns: SchemaColumn[] = [];
  do {
    const start = p.start;
    const name = parseIdentifier(p, 'a column name');
    const type = parseDataType(p);
    let path: string | undefined;
    if (isStringToken(p.cur)) path = stringValue(p.next());
    const asJson = p.acceptSeq('AS', 'JSON');
    columns.push({ kind: 'schema-column', name, type, path, asJson, start, end: p.endFrom(start) });
  } while (p.acceptP(','));
  p.expectP(')');
  return columns;
}

function parsePivot(p: TokenStream, source: TableSource, start: number): TableSource {
  p.expect('PIVOT');
  p.expectP('(');
  const aggregate = parseExpression(p);
  if (aggregate.kind !== 'function-call') p.fail('expected an aggregate function');
  p.expect('FOR');
  const columnStart = p.start;
  const column = { kind: 'column-ref' as const, parts: parseNameParts(p, 'a column name'), start: columnStart, end: p.endFrom(columnStart) };
  p.expect('IN');
  const values = parsePivotValues(p);
  p.expectP(')');
  const alias = parseTableAlias(p);
  return { kind: 'pivot', source, aggregate, column, values, alias, start, end: p.endFrom(start) };
}

function parsePivotValues(p: TokenStream): string[] {
  p.expectP('(');
  const values: string[] = [];
  do {
    const token = p.cur;
    if (isStringToken(token)) values.push(stringValue(p.next()));
    else if (token.kind === 'number') values.push(p.next().text);
    else values.push(parseIdentifier(p, 'a pivot value'));
  } while (p.acceptP(','));
  p.expectP(')');
  return values;
}

function parseUnpivot(p: TokenStream, source: TableSource, start: number): TableSource {
  p.expect('UNPIVOT');
  p.expectP('(');
  const valueColumn = parseIdentifier(p, 'a value column');
  p.expect('FOR');
  const pivotColumn = parseIdentifier(p, 'a pivot column');
  p.expect('IN');
  const columns = parsePivotValues(p);
  p.expectP(')');
  const alias = parseTableAlias(p);
  return { kind: 'unpivot', source, valueColumn, pivotColumn, columns, alias, start, end: p.endFrom(start) };
}

function parseGroupBy(p: TokenStream): GroupBy {
  const start = p.start;
  p.expect('GROUP');
  p.expect('BY');
  const all = p.accept('ALL');
  const items: GroupingElement[] = [];
  do {
    items.push(parseGroupingElement(p));
  } while (p.acceptP(','));
  let withOption: 'ROLLUP' | 'CUBE' | undefined;
  if (p.is('WITH') && (p.peekKw() === 'ROLLUP' || p.peekKw() === 'CUBE')) {
    p.pos++;
    withOption = p.next().keyword as 'ROLLUP' | 'CUBE';
  }
  return { kind: 'group-by', all, items, withOption, start, end: p.endFrom(start) };
}

function parseGroupingElement(p: TokenStream): GroupingElement {
  const start = p.start;
  if ((p.is('ROLLUP') || p.is('CUBE')) && p.peekIsP(1, '(')) {
    const type = p.next().keyword as 'ROLLUP' | 'CUBE';
    const items = parseGroupingList(p);
    return { kind: 'grouping-set', type, items, start, end: p.endFrom(start) };
  }
  if (p.is('GROUPING') && p.peekKw() === 'SETS') {
    p.pos += 2;
    const items = parseGroupingList(p);
    return { kind: 'grouping-set', type: 'GROUPING SETS', items, start, end: p.endFrom(start) };
  }
  if (p.isP('(')) {
    // (a + b) * 2 is an expression; (a, b) and () are composite grouping elements.
    const expression = p.speculate(() => parseExpression(p));
    if (expression !== undefined) return expression;
    const items = parseGroupingList(p);
    const set: GroupingSet = { kind: 'grouping-set', type: 'LIST', items, start, end: p.endFrom(start) };
    return set;
  }
  return parseExpression(p);
}

function parseGroupingList(p: TokenStream): GroupingElement[] {
  p.expectP('(');
  const items: GroupingElement[] = [];
  if (!p.isP(')')) {
    do {
      items.push(parseGroupingElement(p));
    } while (p.acceptP(','));
  }
  p.expectP(')');
  return items;
}

const FOR_OPTIONS: ReadonlySet<string> = new Set([
  'PATH', 'RAW', 'AUTO', 'EXPLICIT', 'TYPE', 'ROOT', 'ELEMENTS', 'BINARY', 'XMLDATA', 'XMLSCHEMA',
  'INCLUDE_NULL_VALUES', 'WITHOUT_ARRAY_WRAPPER',
]);

function parseForClause(p: TokenStream): ForClause {
  const start = p.start;
  p.expect('FOR');
  const mode = p.next().keyword as 'XML' | 'JSON' | 'BROWSE';
  const options: ForOption[] = [];
  if (mode !== 'BROWSE') {
    let first = true;
    while (first || p.isP(',')) {
      if (!first) p.pos++;
      first = false;
      const optionStart = p.start;
      if (!FOR_OPTIONS.has(p.kw)) p.fail(`expected a FOR ${mode} option`);
      let name = p.next().keyword;
      if (name === 'ELEMENTS' && (p.is('XSINIL') || p.is('ABSENT'))) name += ` ${p.next().keyword}`;
      if (name === 'BINARY' && p.is('BASE64')) name += ` ${p.next().keyword}`;
      let argument: string | undefined;
      if (p.isP('(')) {
        p.pos++;
        if (isStringToken(p.cur)) argument = stringValue(p.next());
        p.expectP(')');
      }
      options.push({ kind: 'for-option', name, argument, start: optionStart, end: p.endFrom(optionStart) });
    }
  }
  return { kind: 'for-clause', mode, options, start, end: p.endFrom(start) };
}

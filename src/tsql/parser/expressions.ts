import type {
  AssignmentOperator,
  CaseWhen,
  ComparisonOperator,
  Expression,
  FrameBound,
  FunctionCall,
  Literal,
  LiteralType,
  ObjectName,
  OrderByItem,
  Query,
  WindowFrame,
  WindowSpec,
} from '../ast.js';
import type { Token } from '../token.js';
import type { TokenTable } from '../token-table.js';
import { unreachableTokenKind } from '../token.js';
import { isClrMethodName, NILADIC_FUNCTIONS, RESERVED_FUNCTION_NAMES, RESERVED_KEYWORDS, XML_METHODS } from './keywords.js';
import {
  identifierValue,
  identifierValueAt,
  isIdentifier,
  isIdentifierAt,
  parseDataType,
  parseIdentifier,
  parseObjectName,
  stringTokenValue,
  stringValue,
} from './names.js';
import { parseQuery } from './queries.js';
import type { TokenStream } from './token-stream.js';
import { fitted } from './fitted.js';

/** A full expression, search conditions (AND/OR/NOT, predicates) included. */
export function parseExpression(p: TokenStream): Expression {
  p.enter();
  const expression = parseOr(p);
  p.leave();
  return expression;
}

function parseOr(p: TokenStream): Expression {
  const start = p.start;
  let left = parseAnd(p);
  while (p.is('OR')) {
    p.pos++;
    const right = parseAnd(p);
    left = { kind: 'binary', operator: 'OR', left, right, start, end: p.endFrom(start) };
  }
  return left;
}

function parseAnd(p: TokenStream): Expression {
  const start = p.start;
  let left = parseNot(p);
  while (p.is('AND')) {
    p.pos++;
    const right = parseNot(p);
    left = { kind: 'binary', operator: 'AND', left, right, start, end: p.endFrom(start) };
  }
  return left;
}

function parseNot(p: TokenStream): Expression {
  if (p.is('NOT')) {
    const start = p.start;
    p.pos++;
    p.enter();
    const operand = parseNot(p);
    p.leave();
    return { kind: 'unary', operator: 'NOT', operand, start, end: p.endFrom(start) };
  }
  return parsePredicate(p);
}

const COMPARISON: ReadonlySet<string> = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '!<', '!>']);

/**
 * Reads a comparison operator. SQL Server also accepts the two characters of `>=`, `<=`, `<>`
 * and `!=` separated by blanks, which the tokenizer sees as two operators.
 */
function acceptComparison(p: TokenStream): ComparisonOperator | undefined {
  const first = p.op;
  if (!COMPARISON.has(first)) return undefined;
  p.pos++;
  const next = p.op;
  if (next !== '' && (first === '<' || first === '>' || first === '!')) {
    const combined = first + next;
    if (COMPARISON.has(combined)) {
      p.pos++;
      return combined as ComparisonOperator;
    }
  }
  return first as ComparisonOperator;
}

/** Comparisons and the predicates IS NULL, IN, BETWEEN, LIKE, which bind tighter than NOT. */
function parsePredicate(p: TokenStream): Expression {
  const start = p.start;
  let left = parseAdditive(p);
  for (;;) {
    const operator = acceptComparison(p);
    if (operator !== undefined) {
      const quantifier = p.kw;
      if ((quantifier === 'ALL' || quantifier === 'ANY' || quantifier === 'SOME') && p.peekIsP(1, '(')) {
        p.pos += 2;
        const query = parseQuery(p);
        p.expectP(')');
        left = { kind: 'quantified-comparison', left, operator, quantifier, query, start, end: p.endFrom(start) };
        continue;
      }
      const right = parseAdditive(p);
      left = { kind: 'binary', operator, left, right, start, end: p.endFrom(start) };
      continue;
    }
    if (p.is('IS')) {
      p.pos++;
      const not = p.accept('NOT');
      p.expect('NULL');
      left = { kind: 'is-null', expression: left, not, start, end: p.endFrom(start) };
      continue;
    }
    let not = false;
    if (p.is('NOT') && (p.peekKw() === 'IN' || p.peekKw() === 'LIKE' || p.peekKw() === 'BETWEEN')) {
      p.pos++;
      not = true;
    }
    if (p.is('IN')) {
      p.pos++;
      p.expectP('(');
      if (p.is('SELECT') || p.is('WITH') || (p.isP('(') && queryAhead(p))) {
        const query = parseQuery(p);
        p.expectP(')');
        left = { kind: 'in', expression: left, not, values: [], query, start, end: p.endFrom(start) };
      } else {
        const values = parseExpressionList(p);
        p.expectP(')');
        left = { kind: 'in', expression: left, not, values, start, end: p.endFrom(start) };
      }
      continue;
    }
    if (p.is('BETWEEN')) {
      p.pos++;
      const low = parseAdditive(p);
      p.expect('AND');
      const high = parseAdditive(p);
      left = { kind: 'between', expression: left, not, low, high, start, end: p.endFrom(start) };
      continue;
    }
    if (p.is('LIKE')) {
      p.pos++;
      const pattern = parseAdditive(p);
      if (p.accept('ESCAPE')) {
        const escape = parseAdditive(p);
        left = { kind: 'like', expression: left, not, pattern, escape, start, end: p.endFrom(start) };
      } else {
        left = { kind: 'like', expression: left, not, pattern, start, end: p.endFrom(start) };
      }
      continue;
    }
    if (not) p.fail('expected IN, LIKE or BETWEEN');
    return left;
  }
}

/**
 * An operand without predicates or boolean operators, for places where AND or a comparison
 * would end it: BETWEEN bounds, FOR SYSTEM_TIME points, window frame offsets.
 */
export function parseOperand(p: TokenStream): Expression {
  p.enter();
  const expression = parseAdditive(p);
  p.leave();
  return expression;
}

/** + - and the bitwise & | ^, which T-SQL ranks with addition. */
function parseAdditive(p: TokenStream): Expression {
  const start = p.start;
  let left = parseMultiplicative(p);
  for (;;) {
    const op = p.op;
    if (op !== '+' && op !== '-' && op !== '&' && op !== '|' && op !== '^') return left;
    p.pos++;
    const right = parseMultiplicative(p);
    left = { kind: 'binary', operator: op, left, right, start, end: p.endFrom(start) };
  }
}

function parseMultiplicative(p: TokenStream): Expression {
  const start = p.start;
  let left = parseUnary(p);
  for (;;) {
    const op = p.op;
    if (op !== '*' && op !== '/' && op !== '%') return left;
    p.pos++;
    const right = parseUnary(p);
    left = { kind: 'binary', operator: op, left, right, start, end: p.endFrom(start) };
  }
}

function parseUnary(p: TokenStream): Expression {
  const op = p.op;
  if (op === '-' || op === '+' || op === '~') {
    const start = p.start;
    p.pos++;
    p.enter();
    const operand = parseUnary(p);
    p.leave();
    return { kind: 'unary', operator: op, operand, start, end: p.endFrom(start) };
  }
  return parsePostfix(p);
}

/** Method calls on values (@x.value(...)), properties, COLLATE and AT TIME ZONE. */
function parsePostfix(p: TokenStream): Expression {
  const start = p.start;
  let expression = parsePrimary(p);
  for (;;) {
    if (p.isP('.') && isIdentifierAt(p.tokens, p.pos + 1, true)) {
      p.pos++;
      const name = identifierValueAt(p.tokens, p.pos++);
      if (p.isP('(')) {
        const args = parseCallArguments(p);
        expression = { kind: 'method-call', target: expression, method: name, args, start, end: p.endFrom(start) };
      } else {
        expression = { kind: 'property', target: expression, name, start, end: p.endFrom(start) };
      }
      continue;
    }
    if (p.is('COLLATE')) {
      p.pos++;
      const collation = parseIdentifier(p, 'a collation name');
      expression = { kind: 'collate', expression, collation, start, end: p.endFrom(start) };
      continue;
    }
    if (p.is('AT') && p.peekKw(1) === 'TIME' && p.peekKw(2) === 'ZONE') {
      p.pos += 3;
      const timeZone = parsePostfix(p);
      expression = { kind: 'at-time-zone', expression, timeZone, start, end: p.endFrom(start) };
      continue;
    }
    return expression;
  }
}

function literalFrom(token: Token, type: LiteralType): Literal {
  const value = type === 'string' || type === 'unicode-string' ? stringValue(token) : token.text;
  return { kind: 'literal', type, text: token.text, value, start: token.start, end: token.end };
}

/** literalFrom() of token `index` of the table. */
function literalAt(tokens: TokenTable, index: number, type: LiteralType): Literal {
  const text = tokens.text(index);
  const value = type === 'string' || type === 'unicode-string' ? stringTokenValue(text, type === 'unicode-string', tokens.unterminated(index)) : text;
  return { kind: 'literal', type, text, value, start: tokens.start(index), end: tokens.end(index) };
}

function numberType(text: string): LiteralType {
  if (/[eE]/.test(text)) return 'float';
  if (text.includes('.')) return 'decimal';
  return 'integer';
}

/**
 * Whether a query starts at the cursor, looking through any number of opening parentheses
 * (bounded, so that pathological nesting stays linear).
 */
export function queryAhead(p: TokenStream, allowWith = false, allowValues = false, offset = 0): boolean {
  for (let i = offset; i < offset + 300; i++) {
    const token = p.peek(i);
    if (token.kind === 'punctuation' && token.text === '(') continue;
    const kw = token.keyword;
    return kw === 'SELECT' || (allowWith && kw === 'WITH') || (allowValues && kw === 'VALUES');
  }
  return false;
}

function parsePrimary(p: TokenStream): Expression {
  // Tokens are read from the token table itself: no token object is needed to make the nodes.
  const index = p.pos;
  const tokens = p.tokens;
  const kind = p.curKind;
  switch (kind) {
    case 'string':
    case 'unicode-string':
    case 'money':
    case 'binary':
      p.pos++;
      return literalAt(tokens, index, kind);
    case 'number':
      p.pos++;
      return literalAt(tokens, index, numberType(tokens.text(index)));
    case 'variable':
    case 'system-variable':
      p.pos++;
      return { kind, name: tokens.text(index), start: tokens.start(index), end: tokens.end(index) };
    case 'bracket-identifier':
    case 'quoted-identifier':
    case 'temp-name':
    case 'sqlcmd-variable':
      return parseNameExpression(p);
    case 'word':
      return parseWordExpression(p);
    case 'punctuation':
      if (p.isP('(')) return parseParenthesised(p);
      if (p.isP('{')) return parseOdbcEscape(p);
      if (p.isP('.')) return parseNameExpression(p);
      break;
    case 'operator':
      if (p.isP('*')) {
        p.pos++;
        return { kind: 'star', qualifier: [], start: tokens.start(index), end: tokens.end(index) };
      }
      break;
    case 'whitespace':
    case 'line-comment':
    case 'block-comment':
    case 'sqlcmd-command':
    case 'label':
    case 'unknown':
      break;
    default:
      return unreachableTokenKind(kind);
  }
  return p.fail('expected an expression');
}

function parseParenthesised(p: TokenStream): Expression {
  const start = p.start;
  p.enter();
  if (queryAhead(p)) {
    const query = p.speculate(() => {
      p.pos++;
      const q = parseQuery(p);
      p.expectP(')');
      return q;
    });
    if (query !== undefined) {
      p.leave();
      return { kind: 'subquery', query, start, end: p.endFrom(start) };
    }
  }
  p.expectP('(');
  const inner = parseExpression(p);
  p.expectP(')');
  p.leave();
  return inner;
}

function parseWordExpression(p: TokenStream): Expression {
  // The word at the cursor is read from the table: no object for it.
  const index = p.pos;
  const start = p.tokens.start(index);
  const end = p.tokens.end(index);
  const kw = p.kw;
  const nextIsParen = p.peekIsP(1, '(');
  switch (kw) {
    case 'NULL':
      p.pos++;
      return { kind: 'literal', type: 'null', text: p.tokens.text(index), value: 'NULL', start, end };
    case 'DEFAULT':
      p.pos++;
      return { kind: 'default', start, end };
    case 'CASE':
      return parseCase(p);
    case 'EXISTS': {
      p.pos++;
      p.expectP('(');
      const query = parseQuery(p);
      p.expectP(')');
      return { kind: 'exists', query, start, end: p.endFrom(start) };
    }
    case 'CAST':
    case 'TRY_CAST':
      if (nextIsParen) {
        p.pos += 2;
        const expression = parseExpression(p);
        p.expect('AS');
        const type = parseDataType(p);
        p.expectP(')');
        return { kind: 'cast', try: kw === 'TRY_CAST', expression, type, start, end: p.endFrom(start) };
      }
      break;
    case 'CONVERT':
    case 'TRY_CONVERT':
      if (nextIsParen) {
        p.pos += 2;
        const type = parseDataType(p);
        p.expectP(',');
        const expression = parseExpression(p);
        let style: Expression | undefined;
        if (p.acceptP(',')) style = parseExpression(p);
        p.expectP(')');
        return style === undefined
          ? { kind: 'convert', try: kw === 'TRY_CONVERT', type, expression, start, end: p.endFrom(start) }
          : { kind: 'convert', try: kw === 'TRY_CONVERT', type, expression, style, start, end: p.endFrom(start) };
      }
      break;
    case 'PARSE':
    case 'TRY_PARSE':
      if (nextIsParen) {
        p.pos += 2;
        const expression = parseExpression(p);
        p.expect('AS');
        const type = parseDataType(p);
        let culture: Expression | undefined;
        if (p.accept('USING')) culture = parseExpression(p);
        p.expectP(')');
        return culture === undefined
          ? { kind: 'parse', try: kw === 'TRY_PARSE', expression, type, start, end: p.endFrom(start) }
          : { kind: 'parse', try: kw === 'TRY_PARSE', expression, type, culture, start, end: p.endFrom(start) };
      }
      break;
    case 'NEXT':
      if (p.peekKw(1) === 'VALUE' && p.peekKw(2) === 'FOR') {
        p.pos += 3;
        const sequence = parseObjectName(p, 'a sequence name');
        if (p.is('OVER')) {
          const over = parseOver(p);
          return { kind: 'next-value-for', sequence, over, start, end: p.endFrom(start) };
        }
        return { kind: 'next-value-for', sequence, start, end: p.endFrom(start) };
      }
      break;
    default:
      break;
  }
  if (NILADIC_FUNCTIONS.has(kw) && !nextIsParen) {
    p.pos++;
    const name: ObjectName = { kind: 'object-name', parts: [p.tokens.text(index)], start, end };
    return { kind: 'function-call', name, args: [], niladic: true, withinGroup: [], start, end };
  }
  if (RESERVED_KEYWORDS.has(kw)) {
    if (RESERVED_FUNCTION_NAMES.has(kw) && nextIsParen) {
      p.pos++;
      const name: ObjectName = { kind: 'object-name', parts: [p.tokens.text(index)], start, end };
      return parseFunctionCallRest(p, name, start);
    }
    return p.fail('expected an expression');
  }
  return parseNameExpression(p);
}

/** A dotted name: a column, `t.*`, a function call, an xml method call, or type::Method(). */
function parseNameExpression(p: TokenStream): Expression {
  const start = p.start;
  let parts: string[] = [];
  if (p.isP('.')) parts.push('');
  else parts.push(parseIdentifier(p, 'a name'));
  while (p.isP('.')) {
    const after = p.pos + 1;
    if (p.tokens.kind(after) === 'operator' && p.tokens.isSymbol(after, '*')) {
      p.pos += 2;
      return { kind: 'star', qualifier: fitted(parts), start, end: p.endFrom(start) };
    }
    if (p.tokens.kind(after) === 'punctuation' && p.tokens.isSymbol(after, '.')) {
      p.pos++;
      parts.push('');
      continue;
    }
    if (!isIdentifierAt(p.tokens, after, true)) break;
    // Beyond four parts a dot can only start a method or property of the value so far.
    if (parts.length >= 4) break;
    p.pos += 2;
    parts.push(identifierValueAt(p.tokens, after));
  }
  parts = fitted(parts);
  if (p.isP('(')) {
    const last = parts[parts.length - 1] ?? '';
    if (parts.length >= 2 && (XML_METHODS.has(last) || isClrMethodName(last))) {
      const targetParts = parts.slice(0, -1);
      const target: Expression = { kind: 'column-ref', parts: targetParts, start, end: p.endFrom(start) };
      const args = parseCallArguments(p);
      return { kind: 'method-call', target, method: last, args, start, end: p.endFrom(start) };
    }
    const name: ObjectName = { kind: 'object-name', parts, start, end: p.endFrom(start) };
    return parseFunctionCallRest(p, name, start);
  }
  if (p.isP('::')) {
    const type: ObjectName = { kind: 'object-name', parts, start, end: p.endFrom(start) };
    p.pos++;
    const method = parseIdentifier(p, 'a method name', true);
    const args = p.isP('(') ? parseCallArguments(p) : [];
    return { kind: 'static-method-call', type, method, args, start, end: p.endFrom(start) };
  }
  return { kind: 'column-ref', parts, start, end: p.endFrom(start) };
}

/** ( [expr [, expr ...]] ) */
export function parseCallArguments(p: TokenStream): Expression[] {
  p.expectP('(');
  if (p.acceptP(')')) return [];
  const args = parseExpressionList(p);
  p.expectP(')');
  return args;
}

export function parseExpressionList(p: TokenStream): Expression[] {
  const list: Expression[] = [parseExpression(p)];
  while (p.acceptP(',')) list.push(parseExpression(p));
  return fitted(list);
}

/** The argument list and trailing WITHIN GROUP / OVER of a function call. */
export function parseFunctionCallRest(p: TokenStream, name: ObjectName, start: number): FunctionCall {
  p.expectP('(');
  let quantifier: 'DISTINCT' | 'ALL' | undefined;
  let args: Expression[] = [];
  const modifiers: string[] = [];
  if (!p.isP(')')) {
    if (p.is('DISTINCT') || (p.is('ALL') && !p.peekIsP(1, ')'))) {
      quantifier = p.kw as 'DISTINCT' | 'ALL';
      p.pos++;
    }
    args = parseFunctionArguments(p, name, modifiers);
  }
  p.expectP(')');
  let withinGroup: OrderByItem[] = [];
  if (p.is('WITHIN') && p.peekKw() === 'GROUP') {
    p.pos += 2;
    p.expectP('(');
    p.expect('ORDER');
    p.expect('BY');
    withinGroup = parseOrderByList(p);
    p.expectP(')');
  }
  // FIRST_VALUE(x) IGNORE NULLS OVER (...) (SQL Server 2022)
  if ((p.is('IGNORE') || p.is('RESPECT')) && p.peekKw() === 'NULLS') {
    modifiers.push(`${p.kw} NULLS`);
    p.pos += 2;
  }
  let over: WindowSpec | undefined;
  if (p.is('OVER')) over = parseOver(p);
  return {
    kind: 'function-call',
    name,
    args,
    quantifier,
    modifiers: modifiers.length === 0 ? undefined : modifiers,
    niladic: false,
    withinGroup,
    over,
    start, end: p.endFrom(start),
  };
}

/**
 * Arguments of a call. A few built-ins take keywords where an expression would be: TRIM's
 * `[BOTH] chars FROM string`, JSON_OBJECT's `key : value` and `NULL ON NULL`, OPENROWSET's
 * `BULK`, CHANGETABLE's `CHANGES`. Their expressions stay in order as arguments and the keywords become modifiers
 * (FROM and `:` are implied by the function).
 */
function parseFunctionArguments(p: TokenStream, name: ObjectName, modifiers: string[]): Expression[] {
  const fn = (name.parts[name.parts.length - 1] ?? '').toUpperCase();
  const args: Expression[] = [];
  for (;;) {
    if (fn === 'TRIM' && (p.is('LEADING') || p.is('TRAILING') || p.is('BOTH'))) modifiers.push(p.next().keyword);
    if (fn === 'OPENROWSET' && p.is('BULK')) modifiers.push(p.next().keyword);
    // CHANGETABLE(CHANGES table, @version) and CHANGETABLE(VERSION table, (key), (value))
    if (fn === 'CHANGETABLE' && (p.is('CHANGES') || p.is('VERSION')) && args.length === 0) modifiers.push(p.next().keyword);
    if (p.cur.kind === 'label') {
      // JSON_OBJECT(name: value) where the key is a bare name: the tokenizer read `name:`.
      const token = p.next();
      const key = token.text.slice(0, -1);
      args.push({ kind: 'column-ref', parts: [key], start: token.start, end: token.end - 1 });
    } else {
      args.push(parseExpression(p));
    }
    if ((fn === 'JSON_OBJECT' || fn === 'JSON_ARRAY' || fn === 'JSON_OBJECTAGG' || fn === 'JSON_ARRAYAGG') && (p.is('NULL') || p.is('ABSENT')) && p.peekKw() === 'ON') {
      modifiers.push(`${p.kw} ON NULL`);
      p.pos += 3;
    }
    if (fn === 'TRIM' && p.accept('FROM')) continue;
    if (p.isP(':') && (fn === 'JSON_OBJECT' || fn === 'JSON_OBJECTAGG')) {
      p.pos++;
      continue;
    }
    if (p.acceptP(',')) continue;
    return fitted(args);
  }
}

export function parseOver(p: TokenStream): WindowSpec {
  const start = p.start;
  p.expect('OVER');
  if (!p.isP('(')) {
    const name = parseIdentifier(p, 'a window name');
    return { kind: 'window', name, partitionBy: [], orderBy: [], start, end: p.endFrom(start) };
  }
  p.pos++;
  const body = parseWindowBody(p);
  p.expectP(')');
  return { kind: 'window', ...body, start, end: p.endFrom(start) };
}

export interface WindowBody {
  readonly name: string | undefined;
  readonly partitionBy: Expression[];
  readonly orderBy: OrderByItem[];
  readonly frame: WindowFrame | undefined;
}

/** [window_name] [PARTITION BY ...] [ORDER BY ...] [ROWS|RANGE ...] */
export function parseWindowBody(p: TokenStream): WindowBody {
  let name: string | undefined;
  if (isIdentifier(p.cur) && !p.is('PARTITION') && !p.is('ROWS') && !p.is('RANGE')) {
    name = parseIdentifier(p);
  }
  let partitionBy: Expression[] = [];
  if (p.is('PARTITION')) {
    p.pos++;
    p.expect('BY');
    partitionBy = parseExpressionList(p);
  }
  let orderBy: OrderByItem[] = [];
  if (p.is('ORDER')) {
    p.pos++;
    p.expect('BY');
    orderBy = parseOrderByList(p);
  }
  let frame: WindowFrame | undefined;
  if (p.is('ROWS') || p.is('RANGE')) {
    const frameStart = p.start;
    const unit = p.next().keyword as 'ROWS' | 'RANGE';
    if (p.accept('BETWEEN')) {
      const low = parseFrameBound(p);
      p.expect('AND');
      const high = parseFrameBound(p);
      frame = { kind: 'window-frame', unit, startBound: low, endBound: high, start: frameStart, end: p.endFrom(frameStart) };
    } else {
      frame = { kind: 'window-frame', unit, startBound: parseFrameBound(p), start: frameStart, end: p.endFrom(frameStart) };
    }
  }
  return { name, partitionBy, orderBy, frame };
}

function parseFrameBound(p: TokenStream): FrameBound {
  const start = p.start;
  if (p.acceptSeq('UNBOUNDED', 'PRECEDING')) return { kind: 'frame-bound', type: 'UNBOUNDED PRECEDING', start, end: p.endFrom(start) };
  if (p.acceptSeq('UNBOUNDED', 'FOLLOWING')) return { kind: 'frame-bound', type: 'UNBOUNDED FOLLOWING', start, end: p.endFrom(start) };
  if (p.acceptSeq('CURRENT', 'ROW')) return { kind: 'frame-bound', type: 'CURRENT ROW', start, end: p.endFrom(start) };
  const offset = parseAdditive(p);
  if (p.accept('PRECEDING')) return { kind: 'frame-bound', type: 'PRECEDING', offset, start, end: p.endFrom(start) };
  p.expect('FOLLOWING');
  return { kind: 'frame-bound', type: 'FOLLOWING', offset, start, end: p.endFrom(start) };
}

export function parseOrderByList(p: TokenStream): OrderByItem[] {
  const items: OrderByItem[] = [];
  do {
    const start = p.start;
    const expression = parseExpression(p);
    if (p.is('ASC') || p.is('DESC')) {
      const direction = p.next().keyword as 'ASC' | 'DESC';
      items.push({ kind: 'order-by-item', expression, direction, start, end: p.endFrom(start) });
    } else {
      items.push({ kind: 'order-by-item', expression, start, end: p.endFrom(start) });
    }
  } while (p.acceptP(','));
  return items;
}

function parseCase(p: TokenStream): Expression {
  const start = p.start;
  p.expect('CASE');
  p.enter();
  let operand: Expression | undefined;
  if (!p.is('WHEN')) operand = parseExpression(p);
  const whens: CaseWhen[] = [];
  while (p.is('WHEN')) {
    const whenStart = p.start;
    p.pos++;
    const when = parseExpression(p);
    p.expect('THEN');
    const then = parseExpression(p);
    whens.push({ kind: 'case-when', when, then, start: whenStart, end: p.endFrom(whenStart) });
  }
  if (whens.length === 0) p.fail('expected WHEN');
  let elseValue: Expression | undefined;
  if (p.accept('ELSE')) elseValue = parseExpression(p);
  p.expect('END');
  p.leave();
  return {
    kind: 'case',
    operand,
    whens: fitted(whens),
    else: elseValue,
    start, end: p.endFrom(start),
  };
}

/** {fn ...}, {d '...'}, {t '...'}, {ts '...'} */
function parseOdbcEscape(p: TokenStream): Expression {
  const start = p.start;
  p.expectP('{');
  const token = p.cur;
  if (token.kind !== 'word') p.fail('expected an ODBC escape keyword');
  p.pos++;
  const body = parseExpression(p);
  p.expectP('}');
  return { kind: 'odbc-escape', escape: token.text.toLowerCase(), body, start, end: p.endFrom(start) };
}

const ASSIGNMENT_OPERATORS: ReadonlySet<string> = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=']);

export function acceptAssignmentOperator(p: TokenStream): AssignmentOperator | undefined {
  // p.op is '' where the token is no operator, and '' is no assignment operator.
  const operator = p.op;
  if (!ASSIGNMENT_OPERATORS.has(operator)) return undefined;
  p.pos++;
  return operator as AssignmentOperator;
}

export function isAssignmentOperator(token: Token): boolean {
  return token.kind === 'operator' && ASSIGNMENT_OPERATORS.has(token.text);
}

/** isAssignmentOperator() of token `index` of the table. */
export function isAssignmentOperatorAt(tokens: TokenTable, index: number): boolean {
  return tokens.kind(index) === 'operator' && ASSIGNMENT_OPERATORS.has(tokens.text(index));
}

/** Parses a sub-query in parentheses: ( query ). */
export function parseParenthesisedQuery(p: TokenStream): Query {
  p.expectP('(');
  const query = parseQuery(p);
  p.expectP(')');
  return query;
}

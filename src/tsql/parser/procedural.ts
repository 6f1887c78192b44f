import type {
  Argument,
  BlockStatement,
  CursorDefinition,
  CursorStatement,
  DeclareCursorStatement,
  DeclareStatement,
  ExecuteAsStatement,
  ExecuteStatement,
  ExecuteStringStatement,
  Expression,
  FetchStatement,
  IfStatement,
  ObjectName,
  OptionItem,
  RaiserrorStatement,
  ReturnStatement,
  SetMutatorStatement,
  SetOptionStatement,
  SetVariableStatement,
  Statement,
  TableVariableDeclaration,
  ThrowStatement,
  TransactionStatement,
  TryCatchStatement,
  VariableDeclaration,
  VariableRef,
  WaitforStatement,
  WhileStatement,
} from '../ast.js';
import { unreachableTokenKind } from '../token.js';
import { parseTableElements } from './ddl.js';
import { acceptAssignmentOperator, parseExpression, parseExpressionList } from './expressions.js';
import { RESERVED_KEYWORDS } from './keywords.js';
import {
  identifierValue,
  isIdentifier,
  statementAhead,
  parseDataType,
  parseIdentifier,
  parseObjectName,
  parseOptionList,
  skipBalanced,
} from './names.js';
import { parseQuery } from './queries.js';
import { parseStatementList, parseStatementWithRecovery } from './statements.js';
import type { TokenStream } from './token-stream.js';
import { fitted } from './fitted.js';

function variableAt(p: TokenStream): VariableRef {
  const index = p.pos;
  if (p.curKind !== 'variable') p.fail('expected a variable');
  p.pos++;
  return { kind: 'variable', name: p.tokens.text(index), start: p.tokens.start(index), end: p.tokens.end(index) };
}

/** Whether an expression can start at the cursor (and not a new statement). */
function expressionAhead(p: TokenStream): boolean {
  const token = p.cur;
  switch (token.kind) {
    case 'string':
    case 'unicode-string':
    case 'number':
    case 'money':
    case 'binary':
    case 'variable':
    case 'system-variable':
    case 'bracket-identifier':
    case 'quoted-identifier':
    case 'temp-name':
    case 'sqlcmd-variable':
      return true;
    case 'punctuation':
      return token.text === '(' || token.text === '{';
    case 'operator':
      return token.text === '-' || token.text === '+' || token.text === '~';
    case 'word':
      if (statementAhead(p)) return false;
      if (RESERVED_KEYWORDS.has(token.keyword)) {
        return ['NULL', 'CASE', 'CONVERT', 'COALESCE', 'NULLIF', 'LEFT', 'RIGHT', 'EXISTS', 'NOT', 'DEFAULT', 'CURRENT_TIMESTAMP', 'CURRENT_USER', 'SESSION_USER', 'SYSTEM_USER', 'USER', 'TRY_CONVERT'].includes(token.keyword);
      }
      return true;
    case 'whitespace':
    case 'line-comment':
    case 'block-comment':
    case 'sqlcmd-command':
    case 'label':
    case 'unknown':
      return false;
    default:
      return unreachableTokenKind(token.kind);
  }
}

// ---------------------------------------------------------------------------------------------
// DECLARE and SET
// ---------------------------------------------------------------------------------------------

export function parseDeclare(p: TokenStream, start: number): DeclareStatement | DeclareCursorStatement {
  p.expect('DECLARE');
  // DECLARE name [INSENSITIVE] [SCROLL] CURSOR ... FOR select
  if (p.cur.kind !== 'variable') {
    const name = parseIdentifier(p, 'a variable or cursor name');
    const cursor = parseCursorDefinition(p);
    return { kind: 'declare-cursor', name, cursor, start, end: p.endFrom(start) };
  }
  const variables: (VariableDeclaration | TableVariableDeclaration)[] = [];
  do {
    const itemStart = p.start;
    const name = variableAt(p).name;
    p.accept('AS');
    if (p.is('TABLE')) {
      p.pos++;
      const elements = parseTableElements(p);
      variables.push({ kind: 'table-variable-declaration', name, elements, start: itemStart, end: p.endFrom(itemStart) });
      continue;
    }
    const type = parseDataType(p);
    if (p.acceptP('=')) {
      const value = parseExpression(p);
      variables.push({ kind: 'variable-declaration', name, type, value, start: itemStart, end: p.endFrom(itemStart) });
    } else {
      variables.push({ kind: 'variable-declaration', name, type, start: itemStart, end: p.endFrom(itemStart) });
    }
  } while (p.acceptP(','));
  return { kind: 'declare', variables: fitted(variables), start, end: p.endFrom(start) };
}

/** [INSENSITIVE] [SCROLL] CURSOR [options] FOR query [FOR READ ONLY | FOR UPDATE [OF cols]] */
function parseCursorDefinition(p: TokenStream): CursorDefinition {
  const start = p.start;
  const options: string[] = [];
  while (p.is('INSENSITIVE') || p.is('SCROLL')) options.push(p.next().keyword);
  p.expect('CURSOR');
  while (!p.is('FOR') && p.cur.kind === 'word' && !p.atEnd) options.push(p.next().keyword);
  p.expect('FOR');
  const query = parseQuery(p);
  let readOnly = false;
  let updateColumns: string[] | undefined;
  if (p.is('FOR')) {
    if (p.peekKw() === 'READ' && p.peekKw(2) === 'ONLY') {
      p.pos += 3;
      readOnly = true;
    } else if (p.peekKw() === 'UPDATE') {
      p.pos += 2;
      updateColumns = [];
      if (p.accept('OF')) {
        do {
          updateColumns.push(parseIdentifier(p, 'a column name'));
        } while (p.acceptP(','));
      }
    }
  }
  return { kind: 'cursor-definition', options, query, readOnly, updateColumns, start, end: p.endFrom(start) };
}

const ISOLATION_LEVELS: readonly string[][] = [
  ['READ', 'UNCOMMITTED'],
  ['READ', 'COMMITTED'],
  ['REPEATABLE', 'READ'],
  ['SNAPSHOT'],
  ['SERIALIZABLE'],
];

export function parseSet(p: TokenStream, start: number): SetVariableStatement | SetMutatorStatement | SetOptionStatement {
  p.expect('SET');
  if (p.curKind === 'variable') {
    if (p.peekIsP(1, '.')) {
      // SET @x.modify('...'), SET @point.STBuffer(...)
      const call = parseExpression(p);
      if (call.kind !== 'method-call') p.fail('expected a method call');
      return { kind: 'set-mutator', call, start, end: p.endFrom(start) };
    }
    const variable = variableAt(p);
    const operator = acceptAssignmentOperator(p);
    if (operator === undefined) p.fail('expected =');
    if (p.is('CURSOR') || ((p.is('INSENSITIVE') || p.is('SCROLL')) && operator === '=')) {
      const cursor = parseCursorDefinition(p);
      return { kind: 'set-variable', variable, operator, value: cursor, start, end: p.endFrom(start) };
    }
    const value = parseExpression(p);
    return { kind: 'set-variable', variable, operator, value, start, end: p.endFrom(start) };
  }

  if (p.isSeq('TRANSACTION', 'ISOLATION', 'LEVEL')) {
    p.pos += 3;
    for (const level of ISOLATION_LEVELS) {
      if (p.acceptSeq(...level)) {
        return { kind: 'set-option', options: ['TRANSACTION ISOLATION LEVEL'], value: level.join(' '), start, end: p.endFrom(start) };
      }
    }
    p.fail('expected an isolation level');
  }
  if (p.is('IDENTITY_INSERT')) {
    p.pos++;
    const table = parseObjectName(p, 'a table name');
    const value = p.cur.keyword;
    if (value !== 'ON' && value !== 'OFF') p.fail('expected ON or OFF');
    p.pos++;
    return { kind: 'set-option', options: ['IDENTITY_INSERT'], value, table, start, end: p.endFrom(start) };
  }

  const options: string[] = [];
  do {
    const token = p.cur;
    if (token.kind !== 'word') p.fail('expected a SET option');
    p.pos++;
    let name = token.keyword;
    // SET STATISTICS IO ON, SET STATISTICS TIME, XML ON ...
    if ((name === 'STATISTICS' || name === 'OFFSETS') && p.cur.kind === 'word' && p.kw !== 'ON' && p.kw !== 'OFF') {
      name += ` ${p.next().keyword}`;
    }
    options.push(name);
  } while (p.acceptP(','));
  if (p.is('ON') || p.is('OFF')) {
    const value = p.next().keyword;
    return { kind: 'set-option', options, value, start, end: p.endFrom(start) };
  }
  // SET DATEFORMAT dmy, SET LANGUAGE us_english, SET DEADLOCK_PRIORITY LOW, SET ROWCOUNT @n
  const valueStart = p.start;
  if (p.cur.kind === 'word' && !statementAhead(p)) {
    const value = p.next().text;
    return { kind: 'set-option', options, value: value.toUpperCase(), start, end: p.endFrom(start) };
  }
  const valueExpression = parseExpression(p);
  return { kind: 'set-option', options, value: p.textOf(valueStart, p.lastEnd), valueExpression, start, end: p.endFrom(start) };
}

// ---------------------------------------------------------------------------------------------
// Control flow
// ---------------------------------------------------------------------------------------------

export function parseIf(p: TokenStream, start: number): IfStatement {
  p.expect('IF');
  const condition = parseExpression(p);
  const then = parseStatementWithTerminator(p);
  if (p.accept('ELSE')) {
    const elseStatement = parseStatementWithTerminator(p);
    return { kind: 'if', condition, then, else: elseStatement, start, end: p.endFrom(start) };
  }
  return { kind: 'if', condition, then, start, end: p.endFrom(start) };
}

/** The single statement of an IF/ELSE/WHILE branch, with its optional `;`. */
function parseStatementWithTerminator(p: TokenStream): Statement {
  const statement = parseStatementWithRecovery(p);
  p.acceptP(';');
  return statement;
}

export function parseWhile(p: TokenStream, start: number): WhileStatement {
  p.expect('WHILE');
  const condition = parseExpression(p);
  const body = parseStatementWithTerminator(p);
  return { kind: 'while', condition, body, start, end: p.endFrom(start) };
}

export function parseBlock(p: TokenStream, start: number): BlockStatement {
  p.expect('BEGIN');
  let atomicOptions: OptionItem[] | undefined;
  // BEGIN ATOMIC WITH (TRANSACTION ISOLATION LEVEL = SNAPSHOT, LANGUAGE = N'English')
  if (p.is('ATOMIC')) {
    p.pos++;
    atomicOptions = [];
    if (p.accept('WITH')) atomicOptions = parseOptionList(p);
  }
  const statements = parseStatementList(p, 'END');
  p.expect('END');
  return { kind: 'block', atomicOptions, statements, start, end: p.endFrom(start) };
}

export function parseTryCatch(p: TokenStream, start: number): TryCatchStatement {
  p.expect('BEGIN');
  p.expect('TRY');
  const tryStatements = parseStatementList(p, 'END TRY');
  p.expect('END');
  p.expect('TRY');
  p.acceptP(';');
  p.expect('BEGIN');
  p.expect('CATCH');
  const catchStatements = parseStatementList(p, 'END CATCH');
  p.expect('END');
  p.expect('CATCH');
  return { kind: 'try-catch', try: tryStatements, catch: catchStatements, start, end: p.endFrom(start) };
}

export function parseReturn(p: TokenStream, start: number): ReturnStatement {
  p.expect('RETURN');
  if (expressionAhead(p)) {
    const value = parseExpression(p);
    return { kind: 'return', value, start, end: p.endFrom(start) };
  }
  return { kind: 'return', start, end: p.endFrom(start) };
}

// ---------------------------------------------------------------------------------------------
// EXECUTE
// ---------------------------------------------------------------------------------------------

/** Whether an EXEC argument starts here: constants, variables, DEFAULT, and bare words. */
function argumentAhead(p: TokenStream): boolean {
  const kind = p.curKind;
  if (kind === 'word') {
    const keyword = p.kw;
    if (keyword === 'DEFAULT' || keyword === 'NULL') return true;
    return !RESERVED_KEYWORDS.has(keyword) && !statementAhead(p);
  }
  return expressionAhead(p) && !(kind === 'punctuation' && p.isP('{'));
}

export function parseExecuteStatement(p: TokenStream, start: number): ExecuteStatement | ExecuteStringStatement | ExecuteAsStatement {
  if (!p.accept('EXEC')) p.expect('EXECUTE');
  if (p.is('AS')) return parseExecuteAs(p, start);
  if (p.isP('(')) return parseExecuteString(p, start);
  let returnVariable: VariableRef | undefined;
  if (p.curKind === 'variable' && p.peekIsP(1, '=')) {
    returnVariable = variableAt(p);
    p.pos++;
  }
  let procedure: ObjectName | VariableRef;
  if (p.curKind === 'variable') procedure = variableAt(p);
  else {
    procedure = parseObjectName(p, 'a procedure name');
    // numbered procedures: EXEC dbo.p;2
    if (p.isP(';') && p.peek().kind === 'number') p.pos += 2;
  }
  return parseExecuteRest(p, start, procedure, returnVariable);
}

/** A procedure call without EXEC, allowed as the first statement of a batch. */
export function parseImplicitExecute(p: TokenStream, start: number): ExecuteStatement {
  const procedure = parseObjectName(p, 'a procedure name');
  return parseExecuteRest(p, start, procedure, undefined);
}

function parseExecuteRest(p: TokenStream, start: number, procedure: ObjectName | VariableRef, returnVariable: VariableRef | undefined): ExecuteStatement {
  const args: Argument[] = [];
  if (argumentAhead(p)) {
    do {
      const argStart = p.start;
      let name: string | undefined;
      if (p.curKind === 'variable' && p.peekIsP(1, '=')) {
        name = p.tokens.text(p.pos);
        p.pos += 2;
      }
      const value = parseExpression(p);
      const output = p.accept('OUTPUT') || p.accept('OUT');
      args.push({ kind: 'argument', name, value, output, start: argStart, end: p.endFrom(argStart) });
    } while (p.acceptP(','));
  }
  const options: string[] = [];
  if (p.is('WITH') && (p.peekKw() === 'RECOMPILE' || p.peekKw() === 'RESULT')) {
    p.pos++;
    do {
      const optionStart = p.start;
      if (p.accept('RECOMPILE')) {
        options.push('RECOMPILE');
        continue;
      }
      p.expect('RESULT');
      if (p.accept('SETS')) {
        if (p.is('UNDEFINED') || p.is('NONE')) p.pos++;
        else skipBalanced(p);
      }
      options.push(p.textOf(optionStart, p.lastEnd).replace(/\s+/g, ' '));
    } while (p.acceptP(','));
  }
  return {
    kind: 'execute',
    returnVariable,
    procedure,
    arguments: fitted(args),
    options,
    start, end: p.endFrom(start),
  };
}

/** EXEC ('...' + @sql [, args]) [AS {LOGIN|USER} = 'name'] [AT linked_server | AT DATA_SOURCE name] */
function parseExecuteString(p: TokenStream, start: number): ExecuteStringStatement {
  p.expectP('(');
  const parts = parseExpressionList(p);
  p.expectP(')');
  let as: string | undefined;
  let at: string | undefined;
  for (;;) {
    if (p.is('AS') && (p.peekKw() === 'LOGIN' || p.peekKw() === 'USER')) {
      const asStart = p.start;
      p.pos += 2;
      p.expectP('=');
      p.next();
      as = p.textOf(asStart, p.lastEnd);
      continue;
    }
    if (p.is('AT')) {
      p.pos++;
      p.accept('DATA_SOURCE');
      at = parseIdentifier(p, 'a linked server name');
      continue;
    }
    break;
  }
  return { kind: 'execute-string', parts, as, at, start, end: p.endFrom(start) };
}

/** EXECUTE AS {CALLER | SELF | OWNER | USER = 'name' | LOGIN = 'name'} [WITH NO REVERT | COOKIE INTO @c] */
function parseExecuteAs(p: TokenStream, start: number): ExecuteAsStatement {
  p.expect('AS');
  const kw = p.kw;
  if (kw !== 'CALLER' && kw !== 'SELF' && kw !== 'OWNER' && kw !== 'USER' && kw !== 'LOGIN') p.fail('expected CALLER, SELF, OWNER, USER or LOGIN');
  p.pos++;
  let principal: Expression | undefined;
  if ((kw === 'USER' || kw === 'LOGIN') && p.acceptP('=')) principal = parseExpression(p);
  const options: string[] = [];
  if (p.is('WITH')) {
    p.pos++;
    do {
      const optionStart = p.start;
      if (p.acceptSeq('NO', 'REVERT')) options.push('NO REVERT');
      else {
        p.expect('COOKIE');
        p.expect('INTO');
        variableAt(p);
        options.push(p.textOf(optionStart, p.lastEnd));
      }
    } while (p.acceptP(','));
  }
  return { kind: 'execute-as', principalType: kw, principal, options, start, end: p.endFrom(start) };
}

// ---------------------------------------------------------------------------------------------
// Transactions, errors, messages
// ---------------------------------------------------------------------------------------------

function parseTransactionName(p: TokenStream): string | undefined {
  const token = p.cur;
  if (token.kind === 'variable') return p.next().text;
  if (isIdentifier(token) && !statementAhead(p)) return identifierValue(p.next());
  return undefined;
}

export function parseTransaction(p: TokenStream, start: number): TransactionStatement {
  const kw = p.next().keyword;
  let action: TransactionStatement['action'];
  const options: OptionItem[] = [];
  if (kw === 'BEGIN') {
    action = p.accept('DISTRIBUTED') ? 'BEGIN DISTRIBUTED' : 'BEGIN';
    if (!p.accept('TRAN')) p.expect('TRANSACTION');
  } else if (kw === 'SAVE') {
    action = 'SAVE';
    if (!p.accept('TRAN')) p.expect('TRANSACTION');
  } else {
    action = kw === 'COMMIT' ? 'COMMIT' : 'ROLLBACK';
    if (!p.accept('TRAN') && !p.accept('TRANSACTION')) p.accept('WORK');
  }
  const name = parseTransactionName(p);
  if (action === 'BEGIN' && name !== undefined && p.is('WITH') && p.peekKw() === 'MARK') {
    const optionStart = p.start;
    p.pos += 2;
    const description = p.cur.kind === 'string' || p.cur.kind === 'unicode-string' ? p.next().text : undefined;
    options.push({ kind: 'option', name: 'MARK', value: description, start: optionStart, end: p.endFrom(optionStart) });
  }
  if (action === 'COMMIT' && p.is('WITH') && p.peekIsP(1, '(')) {
    p.pos++;
    options.push(...parseOptionList(p));
  }
  return { kind: 'transaction', action, name, options, start, end: p.endFrom(start) };
}

export function parseRaiserror(p: TokenStream, start: number): RaiserrorStatement {
  p.expect('RAISERROR');
  let message: Expression;
  let severity: Expression | undefined;
  let state: Expression | undefined;
  const args: Expression[] = [];
  if (p.isP('(')) {
    p.pos++;
    message = parseExpression(p);
    p.expectP(',');
    severity = parseExpression(p);
    p.expectP(',');
    state = parseExpression(p);
    while (p.acceptP(',')) args.push(parseExpression(p));
    p.expectP(')');
  } else {
    // RAISERROR 50001 'text': the pre-2012 form, message number then text.
    const number = parseExpression(p);
    message = parseExpression(p);
    args.push(number);
  }
  const options: string[] = [];
  if (p.accept('WITH')) {
    do {
      const token = p.cur;
      if (token.kind !== 'word') p.fail('expected LOG, NOWAIT or SETERROR');
      options.push(p.next().keyword);
    } while (p.acceptP(','));
  }
  return {
    kind: 'raiserror',
    message,
    severity,
    state,
    arguments: args,
    options,
    start, end: p.endFrom(start),
  };
}

export function parseThrow(p: TokenStream, start: number): ThrowStatement {
  p.expect('THROW');
  if (!expressionAhead(p)) return { kind: 'throw', start, end: p.endFrom(start) };
  const number = parseExpression(p);
  p.expectP(',');
  const message = parseExpression(p);
  p.expectP(',');
  const state = parseExpression(p);
  return { kind: 'throw', number, message, state, start, end: p.endFrom(start) };
}

export function parseWaitfor(p: TokenStream, start: number): WaitforStatement {
  p.expect('WAITFOR');
  let mode: 'DELAY' | 'TIME';
  if (p.accept('DELAY')) mode = 'DELAY';
  else {
    p.expect('TIME');
    mode = 'TIME';
  }
  const value = parseExpression(p);
  return { kind: 'waitfor', mode, value, start, end: p.endFrom(start) };
}

// ---------------------------------------------------------------------------------------------
// Cursors
// ---------------------------------------------------------------------------------------------

function parseCursorName(p: TokenStream): string {
  const token = p.cur;
  if (token.kind === 'variable') return p.next().text;
  return parseIdentifier(p, 'a cursor name');
}

export function parseCursorStatement(p: TokenStream, start: number): CursorStatement {
  const action = p.next().keyword as 'OPEN' | 'CLOSE' | 'DEALLOCATE';
  const global = p.is('GLOBAL') && (isIdentifier(p.peek()) || p.peek().kind === 'variable') ? (p.pos++, true) : false;
  const cursor = parseCursorName(p);
  return { kind: 'cursor-statement', action, cursor, global, start, end: p.endFrom(start) };
}

const FETCH_ORIENTATIONS: ReadonlySet<string> = new Set(['NEXT', 'PRIOR', 'FIRST', 'LAST', 'ABSOLUTE', 'RELATIVE']);

export function parseFetch(p: TokenStream, start: number): FetchStatement {
  p.expect('FETCH');
  let orientation: string | undefined;
  let offset: Expression | undefined;
  if (FETCH_ORIENTATIONS.has(p.kw) && !(p.peekKw() === 'INTO')) {
    orientation = p.next().keyword;
    if (orientation === 'ABSOLUTE' || orientation === 'RELATIVE') offset = parseExpression(p);
    p.expect('FROM');
  } else {
    p.accept('FROM');
  }
  const global = p.is('GLOBAL') && (isIdentifier(p.peek()) || p.peek().kind === 'variable') ? (p.pos++, true) : false;
  const cursor = parseCursorName(p);
  const into: VariableRef[] = [];
  if (p.accept('INTO')) {
    do {
      into.push(variableAt(p));
    } while (p.acceptP(','));
  }
  return {
    kind: 'fetch',
    orientation,
    offset,
    cursor,
    global,
    into,
    start, end: p.endFrom(start),
  };
}

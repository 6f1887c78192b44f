import type { Query, RawStatement, Statement, UtilityStatement, WithClause } from '../ast.js';
import { TsqlDiagnosticCode } from '../diagnostics.js';
import type { Token } from '../token.js';
import { parseCreateOrAlter, parseDrop, parsePermission, parseUpdateStatistics } from './ddl.js';
import { parseBulkInsert, parseCopyInto, parseDelete, parseInsert, parseMerge, parseTruncate, parseUpdate } from './dml.js';
import { parseExpression, queryAhead } from './expressions.js';
import { isIdentifierAt, isStatementStart, parseIdentifier, skipBalanced, skipStatementRest, statementAhead } from './names.js';
import {
  parseBlock,
  parseCursorStatement,
  parseDeclare,
  parseExecuteStatement,
  parseFetch,
  parseIf,
  parseImplicitExecute,
  parseRaiserror,
  parseReturn,
  parseSet,
  parseThrow,
  parseTransaction,
  parseTryCatch,
  parseWaitfor,
  parseWhile,
} from './procedural.js';
import { parseQuery, parseQueryBody, parseQueryTail, parseWithClause } from './queries.js';
import { ParseError } from './token-stream.js';
import type { TokenStream } from './token-stream.js';
import { fitted } from './fitted.js';

/** Where a statement list stops: the end of the batch, or the END of a block. */
export type StatementListEnd = 'EOF' | 'END' | 'END TRY' | 'END CATCH';

/**
 * Statements up to `until` (not consumed). Statements that do not parse become raw statements
 * and the list carries on, so one bad statement never hides the rest of a procedure.
 */
export function parseStatementList(p: TokenStream, until: StatementListEnd): Statement[] {
  const statements: Statement[] = [];
  for (;;) {
    while (p.acceptP(';')) {
      // empty statements
    }
    if (p.atEnd) {
      if (until !== 'EOF') p.fail(`expected ${until}`);
      return fitted(statements);
    }
    if (p.is('END') && until !== 'EOF') {
      const next = p.peekKw();
      if (until === 'END' && next !== 'CONVERSATION') return fitted(statements);
      if (until === 'END TRY' && next === 'TRY') return fitted(statements);
      if (until === 'END CATCH' && next === 'CATCH') return fitted(statements);
    }
    statements.push(parseStatementWithRecovery(p));
  }
}

/**
 * One statement; never throws. A statement that fails to parse becomes a raw statement holding
 * its text, with a diagnostic at the offending token, and parsing resumes where the next
 * statement plausibly begins.
 */
export function parseStatementWithRecovery(p: TokenStream): Statement {
  const startPos = p.pos;
  const depth = p.depth;
  try {
    return parseStatement(p);
  } catch (error) {
    p.depth = depth;
    let index: number;
    let code: TsqlDiagnosticCode = TsqlDiagnosticCode.syntaxError;
    let message: string;
    let token: Token;
    if (error instanceof ParseError) {
      index = error.index;
      code = error.code;
      message = error.message;
      token = error.token;
    } else {
      // A parser bug or an exhausted stack: still never let it escape the library.
      index = p.pos;
      token = p.cur;
      message = `internal parser error (${error instanceof Error ? error.message : String(error)})`;
    }
    const resume = findResumePoint(p, startPos, Math.max(index, startPos + 1));
    const first = p.tokens.token(startPos) ?? p.eof;
    const last = p.tokens.token(resume.end - 1) ?? first;
    const start = first.start;
    const end = Math.max(first.start, last.end);
    const what = isStatementStart(first) && first.kind === 'word' ? `${first.keyword} statement` : `statement starting with '${first.text.slice(0, 30)}'`;
    p.diagnostics.push({
      code,
      severity: 'error',
      message: `Could not parse this ${what}: ${message}. It is kept as raw text.`,
      span: { start: token.start, end: token.end },
    });
    p.pos = resume.next;
    const raw: RawStatement = { kind: 'raw', text: p.textOf(start, end), start, end };
    return raw;
  }
}

/**
 * Where to resume after a failed statement: the first `;` or statement keyword after the error
 * that is outside the statement's parentheses and CASE expressions; failing that (unbalanced
 * parentheses), the first one after the error at all; failing that, the end of the batch.
 * `end` is where the raw statement stops, `next` where parsing continues (after a `;`).
 */
function findResumePoint(p: TokenStream, startPos: number, from: number): { end: number; next: number } {
  const index = p.recoveryIndex();
  let point = index.firstAtOrBelow(from, index.nestingBefore(startPos));
  if (point < 0) point = index.first(from);
  if (point < 0) return { end: p.tokens.length, next: p.tokens.length };
  const at = index.tokenIndex(point);
  return index.isSemicolon(point) ? { end: at, next: at + 1 } : { end: at, next: at };
}

export function parseStatement(p: TokenStream): Statement {
  p.enter();
  const statement = dispatch(p);
  p.leave();
  return statement;
}

function utility(p: TokenStream, start: number, words: number): UtilityStatement {
  const first = p.pos;
  p.pos += words;
  const parts: string[] = [];
  for (let index = first; index < Math.min(p.pos, p.tokens.length); index++) parts.push(p.tokens.keyword(index) || p.tokens.text(index));
  const command = parts.join(' ');
  skipStatementRest(p);
  return { kind: 'utility', command, start, end: p.endFrom(start) };
}

function dispatch(p: TokenStream): Statement {
  // The first token is read from the table: no token object for each statement.
  const index = p.pos;
  const kind = p.curKind;
  const start = p.start;
  if (kind === 'sqlcmd-command') return parseSqlcmdCommand(p);
  if (kind === 'label') {
    p.pos++;
    return { kind: 'label', name: p.tokens.text(index).slice(0, -1), start, end: p.endFrom(start) };
  }
  // (SELECT ...) UNION (SELECT ...): a query expression may open with a parenthesis.
  if (kind === 'punctuation' && p.isP('(') && queryAhead(p)) {
    return { kind: 'select-statement', query: parseQuery(p), start, end: p.endFrom(start) };
  }
  if (kind !== 'word') return p.fail('expected a statement');
  const next = p.peekKw();
  switch (p.kw) {
    case 'SELECT':
      return { kind: 'select-statement', query: parseQuery(p), start, end: p.endFrom(start) };
    case 'WITH':
      return parseWithStatement(p, start);
    case 'INSERT':
      return parseInsert(p, start);
    case 'UPDATE':
      if (next === 'STATISTICS') return parseUpdateStatistics(p, start);
      return parseUpdate(p, start);
    case 'DELETE':
      return parseDelete(p, start);
    case 'MERGE':
      return parseMerge(p, start);
    case 'TRUNCATE':
      return parseTruncate(p, start);
    case 'BULK':
      if (next === 'INSERT') return parseBulkInsert(p, start);
      break;
    case 'CREATE':
    case 'ALTER':
      return parseCreateOrAlter(p, start);
    case 'DROP':
      return parseDrop(p, start);
    case 'DECLARE':
      return parseDeclare(p, start);
    case 'SET':
      return parseSet(p, start);
    case 'IF':
      return parseIf(p, start);
    case 'WHILE':
      return parseWhile(p, start);
    case 'BEGIN':
      if (next === 'TRAN' || next === 'TRANSACTION' || next === 'DISTRIBUTED') return parseTransaction(p, start);
      if (next === 'TRY') return parseTryCatch(p, start);
      if (next === 'DIALOG' || next === 'CONVERSATION') return utility(p, start, 2);
      return parseBlock(p, start);
    case 'BREAK':
      p.pos++;
      return { kind: 'break', start, end: p.endFrom(start) };
    case 'CONTINUE':
      p.pos++;
      return { kind: 'continue', start, end: p.endFrom(start) };
    case 'RETURN':
      return parseReturn(p, start);
    case 'GOTO': {
      p.pos++;
      const label = parseIdentifier(p, 'a label');
      return { kind: 'goto', label, start, end: p.endFrom(start) };
    }
    case 'EXEC':
    case 'EXECUTE':
      return parseExecuteStatement(p, start);
    case 'COMMIT':
    case 'ROLLBACK':
    case 'SAVE':
      return parseTransaction(p, start);
    case 'RAISERROR':
      return parseRaiserror(p, start);
    case 'THROW':
      return parseThrow(p, start);
    case 'PRINT': {
      p.pos++;
      const value = parseExpression(p);
      return { kind: 'print', value, start, end: p.endFrom(start) };
    }
    case 'WAITFOR':
      if (p.peekIsP(1, '(')) {
        // WAITFOR (RECEIVE ...), TIMEOUT n: Service Broker
        p.pos++;
        skipBalanced(p);
        skipStatementRest(p);
        return { kind: 'utility', command: 'WAITFOR RECEIVE', start, end: p.endFrom(start) };
      }
      return parseWaitfor(p, start);
    case 'OPEN':
    case 'CLOSE':
    case 'DEALLOCATE':
      return parseCursorStatement(p, start);
    case 'FETCH':
      return parseFetch(p, start);
    case 'USE': {
      p.pos++;
      const database = parseIdentifier(p, 'a database name');
      return { kind: 'use', database, start, end: p.endFrom(start) };
    }
    case 'GRANT':
    case 'DENY':
    case 'REVOKE':
      return parsePermission(p, start);
    case 'REVERT':
      p.pos++;
      if (p.is('WITH') && p.peekKw() === 'COOKIE') {
        p.pos += 3;
        p.next();
      }
      return { kind: 'revert', start, end: p.endFrom(start) };
    case 'DBCC':
    case 'BACKUP':
    case 'RESTORE':
      return utility(p, start, p.peek().kind === 'word' ? 2 : 1);
    case 'CHECKPOINT':
    case 'KILL':
    case 'RECONFIGURE':
    case 'SHUTDOWN':
    case 'SETUSER':
    case 'READTEXT':
    case 'WRITETEXT':
    case 'UPDATETEXT':
      return utility(p, start, 1);
    case 'ENABLE':
    case 'DISABLE':
      if (next === 'TRIGGER') return utility(p, start, 2);
      break;
    case 'END':
      if (next === 'CONVERSATION') return utility(p, start, 2);
      break;
    case 'SEND':
      if (next === 'ON') return utility(p, start, 1);
      break;
    case 'RECEIVE':
      return utility(p, start, 1);
    case 'GET':
    case 'MOVE':
      if (next === 'CONVERSATION') return utility(p, start, 2);
      break;
    case 'COPY':
      if (next === 'INTO') return parseCopyInto(p, start);
      break;
    case 'RENAME':
      if (next === 'OBJECT' || next === 'DATABASE') return utility(p, start, 2);
      break;
    default:
      break;
  }
  // A procedure call without EXEC is allowed as the first statement of a batch.
  if (p.pos === 0 && isIdentifierAt(p.tokens, index) && !statementAhead(p)) return parseImplicitExecute(p, start);
  return p.fail('expected a statement');
}

/** WITH cte AS (...) followed by SELECT, INSERT, UPDATE, DELETE or MERGE. */
function parseWithStatement(p: TokenStream, start: number): Statement {
  const withClause: WithClause = parseWithClause(p);
  switch (p.kw) {
    case 'INSERT':
      return parseInsert(p, start, withClause);
    case 'UPDATE':
      return parseUpdate(p, start, withClause);
    case 'DELETE':
      return parseDelete(p, start, withClause);
    case 'MERGE':
      return parseMerge(p, start, withClause);
    default: {
      const body = parseQueryBody(p);
      const query: Query = parseQueryTail(p, start, body, withClause);
      return { kind: 'select-statement', query, start, end: p.endFrom(start) };
    }
  }
}

function parseSqlcmdCommand(p: TokenStream): Statement {
  const token = p.next();
  const match = /^:(\S+)\s*(.*)$/s.exec(token.text);
  const command = (match?.[1] ?? '').toLowerCase();
  const argument = (match?.[2] ?? '').trim();
  const what =
    command === 'r'
      ? 'the included file is not part of this analysis; analyse it on its own'
      : command === 'setvar'
        ? '$(variables) are not substituted; their values are only known at deployment'
        : 'sqlcmd directives are not T-SQL and are not translated';
  p.diagnostics.push({
    code: TsqlDiagnosticCode.sqlcmdDirective,
    severity: 'info',
    message: `sqlcmd directive :${command}: ${what}.`,
    span: { start: token.start, end: token.end },
  });
  return { kind: 'sqlcmd-command', command, argument, start: token.start, end: token.end };
}

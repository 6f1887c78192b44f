import { EngineError } from '../../errors.js';
import { abbreviateSql } from '../engine.js';

/**
 * Words that make a T-SQL batch do more than read. T-SQL needs no ";" between statements
 * (`SELECT 1 DROP TABLE t` is two statements), so these are refused wherever they stand as a
 * word, not only at the start. Most are reserved words, which T-SQL accepts as identifiers
 * only in [brackets] or "quotes", and those are skipped; the few that are not reserved
 * (ENABLE, DISABLE, SEND, RECEIVE) are rare as names and can be bracketed.
 */
export const WRITE_KEYWORDS: ReadonlySet<string> = new Set([
  // data changes; SELECT ... INTO creates and fills a table
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'INTO', 'TRUNCATE', 'UPDATETEXT', 'WRITETEXT', 'BULK',
  // schema and security changes
  'CREATE', 'ALTER', 'DROP', 'ADD', 'GRANT', 'REVOKE', 'DENY', 'ENABLE', 'DISABLE', 'SETUSER',
  // running other code, here or on a linked server
  'EXEC', 'EXECUTE', 'OPENROWSET', 'OPENQUERY', 'OPENDATASOURCE',
  // session, transaction and server state
  'USE', 'DECLARE', 'SET', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SAVE', 'CHECKPOINT', 'WAITFOR',
  'BACKUP', 'RESTORE', 'DBCC', 'KILL', 'SHUTDOWN', 'RECONFIGURE',
  // Service Broker: RECEIVE removes the messages it reads
  'SEND', 'RECEIVE',
]);

/** Words a read may start with. */
const READ_STARTS: ReadonlySet<string> = new Set(['SELECT', 'WITH']);

export interface ReadOnlyViolation {
  /** The word that was refused, upper case; absent when the problem is not a word. */
  readonly keyword?: string;
  /** 1-based line and column of the offending word or character. */
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

/**
 * Checks that a T-SQL text is one read: its first word is SELECT or WITH, it holds no second
 * statement and no word from WRITE_KEYWORDS. Comments (nested block comments too, as SQL
 * Server nests them), string literals and [bracketed] or "quoted" identifiers are skipped, so
 * `SELECT 'DROP'`, `SELECT [Update]` and `-- delete` pass. A word after a "." is a member
 * name (`t.[key]`, `x.value(...)`), and @variables and #temp names are names, so they pass too.
 * Returns undefined when the text is a read.
 */
export function checkReadOnly(sql: string): ReadOnlyViolation | undefined {
  const scanner = new Scanner(sql);
  let first: Token | undefined;
  let previousSignificant = '';
  let statementEnd: Token | undefined;
  for (let token = scanner.next(); token !== undefined; token = scanner.next()) {
    if (token.kind === 'unterminated') {
      return { line: token.line, column: token.column, reason: `${token.text} is not terminated, so the statement cannot be checked` };
    }
    if (token.kind === 'skip') continue;
    if (statementEnd !== undefined && !(token.kind === 'symbol' && token.text === ';')) {
      return {
        ...(token.kind === 'word' ? { keyword: token.text.toUpperCase() } : {}),
        line: token.line,
        column: token.column,
        reason: `a second statement follows the ";" at ${statementEnd.line}:${statementEnd.column}; send one statement at a time`,
      };
    }
    if (token.kind === 'symbol') {
      if (token.text === ';') statementEnd ??= token;
      previousSignificant = token.text;
      continue;
    }
    if (token.kind === 'word') {
      const word = token.text.toUpperCase();
      if (first === undefined) {
        first = token;
        if (!READ_STARTS.has(word)) {
          return { keyword: word, line: token.line, column: token.column, reason: 'a read starts with SELECT or WITH' };
        }
      } else if (previousSignificant !== '.' && WRITE_KEYWORDS.has(word)) {
        return { keyword: word, line: token.line, column: token.column, reason: describe(word) };
      }
    } else if (first === undefined) {
      // A name, number or string before any keyword: not a query.
      return { line: token.line, column: token.column, reason: 'a read starts with SELECT or WITH' };
    }
    previousSignificant = token.kind === 'word' ? 'word' : token.kind;
  }
  if (first === undefined) return { line: 1, column: 1, reason: 'the statement is empty' };
  return undefined;
}

/**
 * Throws READ_ONLY_VIOLATION unless `sql` is one read. The message names the connection, the
 * refused word and its line:column in the statement.
 */
export function assertReadOnly(sql: string, connection: string): void {
  const violation = checkReadOnly(sql);
  if (violation === undefined) return;
  const what = violation.keyword ?? 'the statement';
  throw new EngineError(
    'READ_ONLY_VIOLATION',
    connection,
    `${connection}: refused ${what} at ${violation.line}:${violation.column}: ${violation.reason}`,
    {
      hint: 'lakeshift only reads from SQL Server: send a single SELECT or WITH ... SELECT. Put a name that is also a keyword in [brackets].',
      details: {
        ...(violation.keyword === undefined ? {} : { keyword: violation.keyword }),
        line: violation.line,
        column: violation.column,
        statement: abbreviateSql(sql),
      },
    },
  );
}

/** Why a word is refused, said to someone who wrote it. */
function describe(word: string): string {
  switch (word) {
    case 'INTO':
      return 'it writes a table (SELECT ... INTO, INSERT INTO, MERGE INTO)';
    case 'EXEC':
    case 'EXECUTE':
      return 'it runs other code';
    case 'OPENROWSET':
    case 'OPENQUERY':
    case 'OPENDATASOURCE':
      return 'it runs a statement elsewhere, which may write';
    case 'USE':
    case 'DECLARE':
    case 'SET':
      return 'it changes the session or starts a batch of statements';
    case 'WAITFOR':
      return 'it holds the connection';
    default:
      return 'it changes data, schema, security or server state';
  }
}

/**
 * The end of a numeric literal (12, 1.5, 1.5e-3, 0x1F). It stops where SQL Server's lexer
 * does, so that in `SELECT 1.DROP TABLE t` the DROP is seen as the word it is to the server.
 */
function readNumber(sql: string, start: number): number {
  if (sql[start] === '0' && (sql[start + 1] === 'x' || sql[start + 1] === 'X')) {
    let end = start + 2;
    while (end < sql.length && /[0-9A-Fa-f]/.test(sql[end]!)) end += 1;
    return end;
  }
  let end = start;
  while (end < sql.length && /[0-9]/.test(sql[end]!)) end += 1;
  if (sql[end] === '.') {
    end += 1;
    while (end < sql.length && /[0-9]/.test(sql[end]!)) end += 1;
  }
  const exponent = /^[eE][+-]?[0-9]+/.exec(sql.slice(end, end + 32));
  if (exponent !== null) end += exponent[0].length;
  return end;
}

// ---------------------------------------------------------------------------------------------
// A minimal T-SQL scanner: just enough to tell words apart from text that must be skipped.

interface Token {
  readonly kind: 'word' | 'symbol' | 'string' | 'identifier' | 'number' | 'skip' | 'unterminated';
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_@#$]/u;
const NAME_START = /[@#]/;

class Scanner {
  readonly #sql: string;
  #index = 0;
  #line = 1;
  #column = 1;

  constructor(sql: string) {
    this.#sql = sql;
  }

  next(): Token | undefined {
    const sql = this.#sql;
    if (this.#index >= sql.length) return undefined;
    const line = this.#line;
    const column = this.#column;
    const start = this.#index;
    const char = sql[start]!;
    const nextChar = sql[start + 1];
    const token = (kind: Token['kind'], text = sql.slice(start, this.#index)): Token => ({ kind, text, line, column });

    if (/\s/u.test(char)) {
      while (this.#index < sql.length && /\s/u.test(sql[this.#index]!)) this.#advance(1);
      return token('skip');
    }
    if (char === '-' && nextChar === '-') {
      while (this.#index < sql.length && sql[this.#index] !== '\n') this.#advance(1);
      return token('skip');
    }
    if (char === '/' && nextChar === '*') {
      let depth = 0;
      while (this.#index < sql.length) {
        if (sql.startsWith('/*', this.#index)) {
          depth += 1;
          this.#advance(2);
        } else if (sql.startsWith('*/', this.#index)) {
          depth -= 1;
          this.#advance(2);
          if (depth === 0) return token('skip');
        } else {
          this.#advance(1);
        }
      }
      return token('unterminated', 'a /* comment */');
    }
    if (char === "'" || ((char === 'N' || char === 'n') && nextChar === "'")) {
      if (char !== "'") this.#advance(1);
      return this.#quoted("'", "'", 'string', line, column, start) ?? token('unterminated', "a 'string'");
    }
    if (char === '[') return this.#quoted('[', ']', 'identifier', line, column, start) ?? token('unterminated', 'a [name]');
    if (char === '"') return this.#quoted('"', '"', 'identifier', line, column, start) ?? token('unterminated', 'a "name"');
    if (NAME_START.test(char)) {
      // @variable, @@function, #temp, ##global: names, never keywords.
      this.#advance(1);
      while (this.#index < sql.length && WORD_PART.test(sql[this.#index]!)) this.#advance(1);
      return token('identifier');
    }
    if (WORD_START.test(char)) {
      while (this.#index < sql.length && WORD_PART.test(sql[this.#index]!)) this.#advance(1);
      return token('word');
    }
    if (/[0-9]/.test(char)) {
      this.#advance(readNumber(sql, start) - start);
      return token('number');
    }
    this.#advance(1);
    return token('symbol');
  }

  /** Reads a delimited run where a doubled closing delimiter stands for itself. */
  #quoted(open: string, close: string, kind: Token['kind'], line: number, column: number, start: number): Token | undefined {
    const sql = this.#sql;
    if (sql[this.#index] !== open) return undefined;
    this.#advance(1);
    while (this.#index < sql.length) {
      if (sql[this.#index] === close) {
        if (sql[this.#index + 1] === close) {
          this.#advance(2);
          continue;
        }
        this.#advance(1);
        return { kind, text: sql.slice(start, this.#index), line, column };
      }
      this.#advance(1);
    }
    return undefined;
  }

  #advance(count: number): void {
    for (let i = 0; i < count && this.#index < this.#sql.length; i++) {
      if (this.#sql[this.#index] === '\n') {
        this.#line += 1;
        this.#column = 1;
      } else {
        this.#column += 1;
      }
      this.#index += 1;
    }
  }
}

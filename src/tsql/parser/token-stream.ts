import type { Span } from '../line-index.js';
import type { Token, TokenKind } from '../token.js';
import type { TokenTable } from '../token-table.js';
import { TsqlDiagnosticCode } from '../diagnostics.js';
import type { TsqlSeverity } from '../diagnostics.js';
import { RecoveryIndex } from './recovery-index.js';

/** A diagnostic before its line and column are known. */
export interface PendingDiagnostic {
  readonly code: TsqlDiagnosticCode;
  readonly severity: TsqlSeverity;
  readonly message: string;
  readonly span: Span;
}

/**
 * Nesting the parser follows before giving up on a statement, counted in parser levels (a
 * parenthesis is two, a sub-query three). SQL Server has its own, lower, limits on nested
 * sub-queries and CASE expressions; 256 levels leave room for deep generated expressions while
 * staying well under Node's default stack, which the worst case (nested sub-queries) exhausts
 * somewhere between 600 and 1,200 levels in our measurements.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * Thrown inside the parser and always caught by statement-level recovery (or by a speculative
 * parse); never escapes the library. A plain object, not an Error: recovery and speculation
 * throw routinely and capturing stack traces would dominate the parse time.
 */
export class ParseError {
  constructor(
    readonly code: TsqlDiagnosticCode,
    readonly token: Token,
    /** Index of the offending token in the stream. */
    readonly index: number,
    readonly message: string,
  ) {}
}

/**
 * A cursor over the significant tokens (no whitespace or comments) of one batch. The tokens are
 * a TokenTable: keywords, symbols and offsets are read from it directly, and a Token object is
 * made only where the parser asks for one (cur, peek, next), the last one kept for the next ask.
 */
export class TokenStream {
  pos = 0;
  depth = 0;
  private readonly eofToken: Token;
  private recovery: RecoveryIndex | undefined;
  private madeIndex = -1;
  private made: Token | undefined;

  constructor(
    readonly text: string,
    readonly tokens: TokenTable,
    endOffset: number,
    /** Where the parse's diagnostics go: those of the whole script, when the caller keeps one list. */
    readonly diagnostics: PendingDiagnostic[] = [],
  ) {
    this.eofToken = { kind: 'punctuation', start: endOffset, end: endOffset, text: '', keyword: '', unterminated: false };
  }

  /** Resume points for error recovery, built on the first failure in the batch. */
  recoveryIndex(): RecoveryIndex {
    this.recovery ??= new RecoveryIndex(this.tokens);
    return this.recovery;
  }

  get atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  /** The token at `index` as an object; the end-of-batch token outside the batch. */
  tokenAt(index: number): Token {
    if (index === this.madeIndex) return this.made as Token;
    const token = this.tokens.token(index);
    if (token === undefined) return this.eofToken;
    this.madeIndex = index;
    this.made = token;
    return token;
  }

  get cur(): Token {
    return this.tokenAt(this.pos);
  }

  peek(offset = 1): Token {
    return this.tokenAt(this.pos + offset);
  }

  get eof(): Token {
    return this.eofToken;
  }

  /** The upper-cased keyword at the cursor ('' when it is not an unquoted word). */
  get kw(): string {
    return this.tokens.keyword(this.pos);
  }

  peekKw(offset = 1): string {
    return this.tokens.keyword(this.pos + offset);
  }

  is(keyword: string): boolean {
    return this.tokens.keyword(this.pos) === keyword;
  }

  isSeq(...keywords: string[]): boolean {
    for (let i = 0; i < keywords.length; i++) {
      if (this.tokens.keyword(this.pos + i) !== keywords[i]) return false;
    }
    return true;
  }

  accept(keyword: string): boolean {
    if (this.tokens.keyword(this.pos) !== keyword) return false;
    this.pos++;
    return true;
  }

  acceptSeq(...keywords: string[]): boolean {
    if (!this.isSeq(...keywords)) return false;
    this.pos += keywords.length;
    return true;
  }

  expect(keyword: string): void {
    if (this.tokens.keyword(this.pos) !== keyword) this.fail(`expected ${keyword}`);
    this.pos++;
  }

  /** The kind of token at the cursor (the end of the batch reads as punctuation). */
  get curKind(): TokenKind {
    return this.pos >= 0 && this.pos < this.tokens.length ? this.tokens.kind(this.pos) : this.eofToken.kind;
  }

  /** The operator at the cursor ('' when the token is not an operator). */
  get op(): string {
    return this.tokens.kind(this.pos) === 'operator' ? this.tokens.text(this.pos) : '';
  }

  /** Punctuation or operator with exactly this text. */
  isP(text: string): boolean {
    return this.tokens.isSymbol(this.pos, text);
  }

  peekIsP(offset: number, text: string): boolean {
    return this.tokens.isSymbol(this.pos + offset, text);
  }

  acceptP(text: string): boolean {
    if (!this.tokens.isSymbol(this.pos, text)) return false;
    this.pos++;
    return true;
  }

  expectP(text: string): void {
    if (!this.tokens.isSymbol(this.pos, text)) this.fail(`expected '${text}'`);
    this.pos++;
  }

  next(): Token {
    const token = this.cur;
    if (this.pos < this.tokens.length) this.pos++;
    return token;
  }

  /** Offset where the token at the cursor starts. */
  get start(): number {
    const pos = this.pos;
    return pos >= 0 && pos < this.tokens.length ? this.tokens.start(pos) : this.eofToken.start;
  }

  /** Offset where the last consumed token ends. */
  get lastEnd(): number {
    const last = this.pos - 1;
    return last >= 0 && last < this.tokens.length ? this.tokens.end(last) : this.start;
  }

  /** Where a node that starts at `start` ends: after the last consumed token (an empty node ends where it starts). */
  endFrom(start: number): number {
    return Math.max(start, this.lastEnd);
  }

  textOf(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  fail(message: string, code: TsqlDiagnosticCode = TsqlDiagnosticCode.syntaxError): never {
    const token = this.cur;
    const near = token.text === '' ? 'at the end of the batch' : `near '${token.text.length > 40 ? `${token.text.slice(0, 40)}...` : token.text}'`;
    throw new ParseError(code, token, this.pos, `${message} ${near}`);
  }

  /** Enters one level of nesting (parentheses, subqueries, nested statements). */
  enter(): void {
    if (++this.depth > MAX_NESTING_DEPTH) {
      this.fail(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, TsqlDiagnosticCode.nestingTooDeep);
    }
  }

  leave(): void {
    this.depth--;
  }

  /**
   * Tries one reading of an ambiguous construct; on a syntax error restores the cursor and
   * returns undefined so that the caller can try the other reading. Nesting errors are not
   * retried: the other reading would go just as deep.
   */
  speculate<T>(parse: () => T): T | undefined {
    const pos = this.pos;
    const depth = this.depth;
    try {
      return parse();
    } catch (error) {
      if (error instanceof ParseError && error.code !== TsqlDiagnosticCode.nestingTooDeep) {
        this.pos = pos;
        this.depth = depth;
        return undefined;
      }
      throw error;
    }
  }
}

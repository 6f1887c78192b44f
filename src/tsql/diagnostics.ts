import type { Span } from './line-index.js';

export type TsqlSeverity = 'error' | 'warning' | 'info';

/**
 * Stable diagnostic codes of the T-SQL front end. Codes never change meaning; new problems get
 * new codes.
 */
export const TsqlDiagnosticCode = {
  /** A string literal has no closing quote; it swallows the rest of the file. */
  unterminatedString: 'TSQL_UNTERMINATED_STRING',
  /** A [bracketed] or "quoted" identifier has no closing delimiter. */
  unterminatedIdentifier: 'TSQL_UNTERMINATED_IDENTIFIER',
  /** A block comment has no closing marker (they nest, so every opener needs a closer). */
  unterminatedComment: 'TSQL_UNTERMINATED_COMMENT',
  /** Characters that T-SQL does not use outside strings and comments. */
  unexpectedCharacter: 'TSQL_UNEXPECTED_CHARACTER',
  /** A statement the parser could not read; it is kept as raw text. */
  syntaxError: 'TSQL_SYNTAX_ERROR',
  /** Nesting deeper than the parser follows; the statement is kept as raw text. */
  nestingTooDeep: 'TSQL_NESTING_TOO_DEEP',
  /** `GO n` repeats the batch n times. */
  repeatedBatch: 'TSQL_REPEATED_BATCH',
  /** A sqlcmd directive (:r, :setvar, ...): included files and variables are not expanded. */
  sqlcmdDirective: 'TSQL_SQLCMD_DIRECTIVE',
  /** The bytes are not valid in the detected encoding; replacement characters were used. */
  invalidEncoding: 'TSQL_INVALID_ENCODING',
  /** The encoding was guessed (no byte-order mark, not valid UTF-8). */
  guessedEncoding: 'TSQL_GUESSED_ENCODING',
  /** The input contains NUL or other control bytes: probably not a text file. */
  binaryInput: 'TSQL_BINARY_INPUT',
  /** A file could not be read. */
  unreadableFile: 'TSQL_UNREADABLE_FILE',
} as const;

export type TsqlDiagnosticCode = (typeof TsqlDiagnosticCode)[keyof typeof TsqlDiagnosticCode];

export interface TsqlDiagnostic {
  readonly code: TsqlDiagnosticCode;
  readonly severity: TsqlSeverity;
  readonly message: string;
  readonly span: Span;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units of the decoded text. */
  readonly column: number;
}

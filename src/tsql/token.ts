/**
 * Lexical classes of T-SQL. Every character of a source belongs to exactly one token, so
 * whitespace and comments are tokens too.
 */
export type TokenKind =
  | 'whitespace'
  | 'line-comment' // -- up to (not including) the line break
  | 'block-comment' // /* ... */, nesting allowed
  | 'word' // unquoted identifier or keyword; also $action, $IDENTITY, $PARTITION
  | 'bracket-identifier' // [name], ]] escapes a ]
  | 'quoted-identifier' // "name", "" escapes a " (a string literal when QUOTED_IDENTIFIER is OFF)
  | 'variable' // @name
  | 'system-variable' // @@name
  | 'temp-name' // #name (local temporary) or ##name (global temporary)
  | 'string' // 'text', '' escapes a '
  | 'unicode-string' // N'text'
  | 'number' // 12, 1.5, .5, 1e5
  | 'money' // $12.50
  | 'binary' // 0x1F
  | 'sqlcmd-variable' // $(Name)
  | 'sqlcmd-command' // :setvar, :r, :on error ... the rest of the line
  | 'label' // name: (a GOTO target, colon included)
  | 'operator'
  | 'punctuation' // ( ) , ; . { } :
  | 'unknown'; // characters T-SQL has no use for, kept so that nothing is lost

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Upper-cased text of a `word`, used for keyword matching; '' for every other kind. */
  readonly keyword: string;
  /** A string, quoted identifier or block comment that runs to the end of the input. */
  readonly unterminated: boolean;
}

/** For exhaustive switches: a new token kind makes every switch that misses it fail to compile. */
export function unreachableTokenKind(kind: never): never {
  throw new Error(`unhandled token kind ${String(kind)}`);
}

/** Tokens that carry no meaning for the grammar. */
export function isTrivia(token: Token): boolean {
  return isTriviaKind(token.kind);
}

/** Whitespace and comments: the tokens the grammar skips. */
export function isTriviaKind(kind: TokenKind): boolean {
  return kind === 'whitespace' || kind === 'line-comment' || kind === 'block-comment';
}

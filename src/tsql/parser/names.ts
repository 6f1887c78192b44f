import type { DataType, ObjectName, OptionItem } from '../ast.js';
import type { Token } from '../token.js';
import type { TokenTable } from '../token-table.js';
import { RESERVED_KEYWORDS, STATEMENT_KEYWORDS } from './keywords.js';
import type { TokenStream } from './token-stream.js';
import { fitted } from './fitted.js';

/** The name a delimited or plain identifier token stands for: [a]]b] -> a]b, "a""b" -> a"b. */
export function identifierValue(token: Token): string {
  if (token.kind === 'bracket-identifier') return unescaped(token.text.slice(1, token.unterminated ? undefined : -1), ']]', ']');
  if (token.kind === 'quoted-identifier') return unescaped(token.text.slice(1, token.unterminated ? undefined : -1), '""', '"');
  return token.text;
}

/** identifierValue() of token `index` of the table, with no token object. */
export function identifierValueAt(tokens: TokenTable, index: number): string {
  const kind = tokens.kind(index);
  if (kind !== 'bracket-identifier' && kind !== 'quoted-identifier') return tokens.text(index);
  const inner = tokens.source.slice(tokens.start(index) + 1, tokens.unterminated(index) ? tokens.end(index) : tokens.end(index) - 1);
  return kind === 'bracket-identifier' ? unescaped(inner, ']]', ']') : unescaped(inner, '""', '"');
}

/** `text` with each `escape` replaced by `character`; replaceAll is far slower than a search when there is none. */
function unescaped(text: string, escape: string, character: string): string {
  return text.includes(escape) ? text.replaceAll(escape, character) : text;
}

/** The value of a string literal token: quotes removed, '' unescaped. */
export function stringValue(token: Token): string {
  return stringTokenValue(token.text, token.kind === 'unicode-string', token.unterminated);
}

/** stringValue() of a string token's text. */
export function stringTokenValue(text: string, unicode: boolean, unterminated: boolean): string {
  const body = unicode ? text.slice(1) : text;
  // "text" is a string where QUOTED_IDENTIFIER is OFF (see quoted-identifier.ts); "" escapes a ".
  const quote = body.charAt(0) === '"' ? '"' : "'";
  return unescaped(body.slice(1, unterminated ? undefined : -1), quote + quote, quote);
}

/**
 * Whether a token can be a name. Reserved keywords cannot unless delimited; after a dot
 * (`t.[Key]`, `sys.key_constraints`) the server is lenient and so are we.
 */
export function isIdentifier(token: Token, allowReserved = false): boolean {
  const kind = token.kind;
  if (kind === 'word') return allowReserved || !RESERVED_KEYWORDS.has(token.keyword);
  return kind === 'bracket-identifier' || kind === 'quoted-identifier' || kind === 'temp-name' || kind === 'sqlcmd-variable';
}

/** isIdentifier() of token `index` of the table (out of range: false), with no token object. */
export function isIdentifierAt(tokens: TokenTable, index: number, allowReserved = false): boolean {
  const kind = tokens.kind(index);
  if (kind === 'word') return allowReserved || !RESERVED_KEYWORDS.has(tokens.keyword(index));
  return kind === 'bracket-identifier' || kind === 'quoted-identifier' || kind === 'temp-name' || kind === 'sqlcmd-variable';
}

export function isStringToken(token: Token): boolean {
  return token.kind === 'string' || token.kind === 'unicode-string';
}

/** Whether the token begins a new statement (so cannot continue the current one). */
export function isStatementStart(token: Token): boolean {
  return (token.kind === 'word' && STATEMENT_KEYWORDS.has(token.keyword)) || token.kind === 'label' || token.kind === 'sqlcmd-command';
}

/**
 * Statements that open with a word that is not reserved, recognised by their second word:
 * without it, `FROM t` followed by `DISABLE TRIGGER ...` would read DISABLE as an alias.
 */
const TWO_WORD_STARTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['ENABLE', new Set(['TRIGGER'])],
  ['DISABLE', new Set(['TRIGGER'])],
  ['SEND', new Set(['ON'])],
  ['GET', new Set(['CONVERSATION'])],
  ['MOVE', new Set(['CONVERSATION'])],
  ['RENAME', new Set(['OBJECT', 'DATABASE'])],
  ['COPY', new Set(['INTO'])],
]);

/** Whether a statement begins at token `index`, two-word openings included. */
export function statementStartsAt(tokens: TokenTable, index: number): boolean {
  if (index < 0 || index >= tokens.length) return false;
  const keyword = tokens.keyword(index);
  if (tokens.isWord(index)) {
    if (STATEMENT_KEYWORDS.has(keyword)) return true;
  } else {
    const kind = tokens.kind(index);
    if (kind === 'label' || kind === 'sqlcmd-command') return true;
  }
  const second = TWO_WORD_STARTS.get(keyword);
  return second !== undefined && second.has(tokens.keyword(index + 1));
}

/** Whether a statement begins at the cursor. */
export function statementAhead(p: TokenStream): boolean {
  return statementStartsAt(p.tokens, p.pos);
}

export function parseIdentifier(p: TokenStream, what = 'a name', allowReserved = false): string {
  const index = p.pos;
  if (!isIdentifierAt(p.tokens, index, allowReserved)) p.fail(`expected ${what}`);
  p.pos++;
  return identifierValueAt(p.tokens, index);
}

/** A name or a string literal (aliases may be written 'like this'). */
export function parseIdentifierOrString(p: TokenStream, what = 'a name'): string {
  const token = p.cur;
  if (isStringToken(token)) {
    p.pos++;
    return stringValue(token);
  }
  return parseIdentifier(p, what);
}

/** Reads the dotted parts of a name; `db..t` gives an empty middle part. */
export function parseNameParts(p: TokenStream, what = 'a name', maxParts = 4): string[] {
  const parts: string[] = [];
  if (p.isP('.')) {
    // `.dbo.t` or `..t`: leading parts omitted
    parts.push('');
  } else {
    parts.push(parseIdentifier(p, what));
  }
  while (p.isP('.') && parts.length < maxParts) {
    p.pos++;
    if (p.isP('.')) {
      parts.push('');
      continue;
    }
    parts.push(parseIdentifier(p, what, true));
  }
  return fitted(parts);
}

export function parseObjectName(p: TokenStream, what = 'an object name'): ObjectName {
  const start = p.start;
  const parts = parseNameParts(p, what);
  return { kind: 'object-name', parts, start, end: p.endFrom(start) };
}

export function objectNameFrom(parts: readonly string[], start: number, p: TokenStream): ObjectName {
  return { kind: 'object-name', parts, start, end: p.endFrom(start) };
}

/** A parenthesised list of names: (a, [b], c) */
export function parseNameList(p: TokenStream): string[] {
  p.expectP('(');
  const names: string[] = [];
  if (!p.isP(')')) {
    do {
      names.push(parseIdentifier(p, 'a column name'));
    } while (p.acceptP(','));
  }
  p.expectP(')');
  return fitted(names);
}

const MULTI_WORD_TYPES: readonly (readonly string[])[] = [
  ['DOUBLE', 'PRECISION'],
  ['NATIONAL', 'CHARACTER', 'VARYING'],
  ['NATIONAL', 'CHAR', 'VARYING'],
  ['NATIONAL', 'CHARACTER'],
  ['NATIONAL', 'CHAR'],
  ['NATIONAL', 'TEXT'],
  ['CHARACTER', 'VARYING'],
  ['CHAR', 'VARYING'],
  ['BINARY', 'VARYING'],
];
/** The words a multi-word type begins with: most types are one word, and need not be matched against each. */
const MULTI_WORD_STARTS: ReadonlySet<string> = new Set(MULTI_WORD_TYPES.map((words) => words[0]!));

export function parseDataType(p: TokenStream): DataType {
  const start = p.start;
  let parts: string[] | undefined;
  if (MULTI_WORD_STARTS.has(p.kw)) {
    for (const words of MULTI_WORD_TYPES) {
      if (p.isSeq(...words)) {
        const first = p.cur;
        p.pos += words.length;
        parts = [p.textOf(first.start, p.lastEnd).replace(/\s+/g, ' ')];
        break;
      }
    }
  }
  if (parts === undefined) {
    // Type names are not reserved words, except CURSOR (variables and OUTPUT parameters).
    if (p.is('CURSOR')) {
      parts = [p.tokens.text(p.pos++)];
    } else if (isIdentifierAt(p.tokens, p.pos)) {
      parts = parseNameParts(p, 'a data type', 3);
    } else {
      p.fail('expected a data type');
    }
  }
  const name: ObjectName = { kind: 'object-name', parts, start, end: p.endFrom(start) };
  const args: string[] = [];
  if (p.isP('(')) {
    p.pos++;
    let argStart = p.start;
    let depth = 0;
    for (;;) {
      if (p.atEnd) p.fail("expected ')'");
      if (p.isP('(')) depth++;
      else if (p.isP(')')) {
        if (depth === 0) break;
        depth--;
      } else if (p.isP(',') && depth === 0) {
        args.push(p.textOf(argStart, p.lastEnd).trim());
        p.pos++;
        argStart = p.start;
        continue;
      }
      p.pos++;
    }
    args.push(p.textOf(argStart, p.lastEnd).trim());
    p.expectP(')');
  }
  return { kind: 'data-type', name, args: fitted(args), start, end: p.endFrom(start) };
}

/**
 * A parenthesised list of options, kept as text: WITH (DATA_COMPRESSION = PAGE, ONLINE = ON),
 * OPTION (RECOMPILE, MAXDOP 1). Each item's name is its leading keywords, upper-cased.
 */
export function parseOptionList(p: TokenStream): OptionItem[] {
  p.expectP('(');
  const items: OptionItem[] = [];
  if (p.acceptP(')')) return items;
  for (;;) {
    items.push(parseOptionItem(p));
    if (p.acceptP(',')) continue;
    p.expectP(')');
    return items;
  }
}

/**
 * One option: words up to `=` or a value, then the value's text. Inside parentheses the value
 * runs to the next `,` or `)`; outside them (the old `WITH FILLFACTOR = 80` form) it is one
 * token or one parenthesised group.
 */
export function parseOptionItem(p: TokenStream, parenthesised = true): OptionItem {
  const start = p.start;
  const words: string[] = [];
  while (p.cur.kind === 'word' && !p.isP('=') && (parenthesised || words.length === 0 || !isStatementStart(p.cur))) {
    words.push(p.kw);
    p.pos++;
  }
  if (words.length === 0) {
    // `(col1, col2)` style items or a bare value
    words.push(p.cur.text.toUpperCase());
    if (p.isP('(')) {
      skipBalanced(p);
    } else {
      p.next();
    }
  }
  const hasEquals = p.acceptP('=');
  const valueStart = p.start;
  if (parenthesised) {
    let depth = 0;
    while (!p.atEnd && !p.isP(';')) {
      if (p.isP('(')) depth++;
      else if (p.isP(')')) {
        if (depth === 0) break;
        depth--;
      } else if (p.isP(',') && depth === 0) break;
      p.pos++;
    }
  } else if (hasEquals) {
    if (p.isP('(')) skipBalanced(p);
    else p.next();
  }
  const value = p.lastEnd > valueStart ? p.textOf(valueStart, p.lastEnd).trim() : undefined;
  const item: OptionItem =
    value === undefined || value === ''
      ? { kind: 'option', name: words.join(' '), start, end: p.endFrom(start) }
      : { kind: 'option', name: words.join(' '), value, start, end: p.endFrom(start) };
  return item;
}

/** Skips a parenthesised group, nested parentheses included. */
export function skipBalanced(p: TokenStream): void {
  p.expectP('(');
  let depth = 1;
  while (depth > 0) {
    if (p.atEnd) p.fail("expected ')'");
    if (p.isP('(')) depth++;
    else if (p.isP(')')) depth--;
    p.pos++;
  }
}

/**
 * Skips the rest of a statement whose details lakeshift does not model: up to a `;` (left for
 * the caller), the end of the batch, or a word that starts another statement at parenthesis
 * depth 0, except the words listed in `continuing` (e.g. SET inside ALTER DATABASE ... SET).
 */
export function skipStatementRest(p: TokenStream, continuing: ReadonlySet<string> = EMPTY): void {
  let depth = 0;
  let caseDepth = 0;
  while (!p.atEnd) {
    const token = p.cur;
    if (token.kind === 'punctuation') {
      if (token.text === '(') depth++;
      else if (token.text === ')') {
        if (depth === 0) return;
        depth--;
      } else if (token.text === ';' && depth === 0) return;
    } else if (depth === 0 && token.kind === 'word') {
      if (token.keyword === 'CASE') caseDepth++;
      else if (token.keyword === 'END' && caseDepth > 0) caseDepth--;
      else if (statementStartsAt(p.tokens, p.pos) && !continuing.has(token.keyword) && !continuesStatement(p.peek(-1))) return;
    } else if (depth === 0 && (token.kind === 'label' || token.kind === 'sqlcmd-command')) {
      return;
    }
    p.pos++;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Whether the token before a statement keyword shows that the keyword is an operand instead:
 * nothing starts a statement right after a comma, and DDL names DML events (AFTER UPDATE,
 * BEFORE DELETE in security policies; FOR INSERT, UPDATE in triggers).
 */
function continuesStatement(previous: Token): boolean {
  if (previous.kind === 'punctuation' && previous.text === ',') return true;
  return previous.keyword === 'AFTER' || previous.keyword === 'BEFORE';
}

import type { Token, TokenKind } from './token.js';
import { KIND_CODES, KINDS, TokenTable, upperCased, wordHash } from './token-table.js';

// Character classes for the ASCII range; anything above is classified by Unicode category.
const IDENT_START = 1;
const IDENT_PART = 2;
const DIGIT = 4;
const SPACE = 8;
const HEX = 16;

const ascii = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) ascii[c] = (ascii[c] ?? 0) | IDENT_START | IDENT_PART;
  if (/[0-9]/.test(ch)) ascii[c] = (ascii[c] ?? 0) | IDENT_PART | DIGIT;
  // T-SQL lets @, # and $ appear after the first character of a regular identifier.
  if (ch === '@' || ch === '#' || ch === '$') ascii[c] = (ascii[c] ?? 0) | IDENT_PART;
  if (/[0-9A-Fa-f]/.test(ch)) ascii[c] = (ascii[c] ?? 0) | HEX;
  if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') {
    ascii[c] = (ascii[c] ?? 0) | SPACE;
  }
}

const UNICODE_LETTER = /[\p{L}\p{Nl}]/u;
const UNICODE_PART = /[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]/u;

/** Whether the tokenizer reads the character as whitespace. */
export function isSpace(c: number): boolean {
  if (c < 128) return ((ascii[c] ?? 0) & SPACE) !== 0;
  // No-break and typographic spaces pasted from documents, and a stray byte-order mark where
  // files were concatenated: SQL Server's lexer skips these like blanks.
  return c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x85;
}

function isIdentStart(text: string, i: number, c: number): boolean {
  if (c < 128) return ((ascii[c] ?? 0) & IDENT_START) !== 0;
  if (c >= 0xd800 && c <= 0xdfff) return true; // astral letters arrive as surrogate pairs
  return !isSpace(c) && UNICODE_LETTER.test(text[i] ?? '');
}

function isIdentPart(text: string, i: number, c: number): boolean {
  if (c < 128) return ((ascii[c] ?? 0) & IDENT_PART) !== 0;
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return !isSpace(c) && UNICODE_PART.test(text[i] ?? '');
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return c < 128 && ((ascii[c] ?? 0) & HEX) !== 0;
}

/** Two-character operators, keyed by first * 128 + second character code. */
const TWO_CHAR_OPERATORS = new Uint8Array(128 * 128);
for (const op of ['<=', '>=', '<>', '!=', '!<', '!>', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '::']) TWO_CHAR_OPERATORS[op.charCodeAt(0) * 128 + op.charCodeAt(1)] = 1;
const ONE_CHAR_OPERATORS = '+-*/%&|^~=<>!';
const PUNCTUATION = '(),;.{}:';
const OPERATOR = 1;
const PUNCT = 2;
const SYMBOL = new Uint8Array(128);
for (const ch of ONE_CHAR_OPERATORS) SYMBOL[ch.charCodeAt(0)] = OPERATOR;
for (const ch of PUNCTUATION) SYMBOL[ch.charCodeAt(0)] = PUNCT;

/**
 * Splits T-SQL into tokens without losing a character: `tokens.map(t => t.text).join('')`
 * is the input. Runs in one linear pass and never throws; malformed input (an unterminated
 * string or comment, characters T-SQL does not use) yields flagged or `unknown` tokens.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scan(text, true, tokenObjects(text, tokens));
  return tokens;
}

/**
 * The tokens the grammar reads: those of tokenize() without whitespace and comments, except a
 * block comment that runs to the end of the input (it is reported). `lossless`: the tokens,
 * skipped ones included, tiled the text, each starting where the one before it ended.
 */
export function significantTokens(text: string): { readonly tokens: Token[]; readonly lossless: boolean } {
  const tokens: Token[] = [];
  const lossless = scan(text, false, tokenObjects(text, tokens));
  return { tokens, lossless };
}

/**
 * significantTokens() as a table (token-table.ts), for the parse a translation makes: no
 * object or string per token outlives the scan. Release the table when the parse is done.
 */
export function significantTokenTable(text: string): { readonly table: TokenTable; readonly lossless: boolean } {
  // About one significant token in eight characters of T-SQL, one in four where it is dense
  // (VALUES lists of numbers): room for that, growing beyond it.
  const table = TokenTable.forScan(text, (text.length >> 2) + 16);
  const lossless = scan(text, false, {
    token: (kind, start, end, unterminated) =>
      kind === K.variable || kind === K['system-variable'] ? table.pushVariable(kind, start, end, wordHash(text, start, end)) : table.push(kind, start, end, '', unterminated),
    word: (start, end) => table.pushWord(start, end, wordHash(text, start, end)),
  });
  return { table, lossless };
}

/** A sink that makes Token objects: words get their upper-cased keyword, one string per distinct spelling. */
function tokenObjects(text: string, tokens: Token[]): TokenSink {
  const keywords = new Map<string, string>();
  return {
    token: (kind, start, end, unterminated) => {
      tokens.push({ kind: KINDS[kind] as TokenKind, start, end, text: text.slice(start, end), keyword: '', unterminated });
    },
    word: (start, end) => {
      const spelling = text.slice(start, end);
      let keyword = keywords.get(spelling);
      if (keyword === undefined) {
        keyword = upperCased(spelling);
        if (keywords.size < 50_000) keywords.set(spelling, keyword);
      }
      tokens.push({ kind: 'word', start, end, text: spelling, keyword, unterminated: false });
    },
  };
}

/** Receives each token of a scan in order: words, and the others with their kind as a code (KIND_CODES). */
interface TokenSink {
  token(kind: number, start: number, end: number, unterminated: boolean): void;
  word(start: number, end: number): void;
}

/** Token kind codes, by kind. */
const K = KIND_CODES;

/**
 * The tokenizer: passes each token to `emit` (whitespace and comments only with `trivia`, or
 * when unterminated, to be reported) and says whether the tokens, skipped ones included, tiled
 * the text, each starting where the one before it ended.
 */
function scan(text: string, trivia: boolean, emit: TokenSink): boolean {
  const n = text.length;
  let i = 0;
  // sqlcmd directives (:setvar, :r) are only recognised as the first thing on a line.
  let atLineStart = true;
  // Where the last token (kept or skipped) ended, and whether each began there.
  let covered = 0;
  let lossless = true;

  const push = (kind: number, start: number, end: number, unterminated = false): void => {
    if (start !== covered) lossless = false;
    covered = end;
    emit.token(kind, start, end, unterminated);
  };
  const skip = (kind: number, start: number, end: number, unterminated = false): void => {
    if (trivia || unterminated) {
      push(kind, start, end, unterminated);
      return;
    }
    if (start !== covered) lossless = false;
    covered = end;
  };
  const pushWord = (start: number, end: number): void => {
    if (start !== covered) lossless = false;
    covered = end;
    emit.word(start, end);
  };

  while (i < n) {
    const start = i;
    const c = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;

    if (isSpace(c)) {
      let sawBreak = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (!isSpace(d)) break;
        if (d === 10 || d === 13) sawBreak = true;
        i++;
      }
      skip(K.whitespace, start, i);
      if (sawBreak) atLineStart = true;
      continue;
    }

    const lineStart = atLineStart;
    atLineStart = false;

    // -- comment
    if (c === 45 /* - */ && next === 45) {
      i += 2;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 10 || d === 13) break;
        i++;
      }
      skip(K['line-comment'], start, i);
      continue;
    }

    // /* comment */ - T-SQL block comments nest, and nothing (strings included) is lexed inside.
    if (c === 47 /* / */ && next === 42 /* * */) {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        const d = text.charCodeAt(i);
        if (d === 47 && text.charCodeAt(i + 1) === 42) {
          depth++;
          i += 2;
        } else if (d === 42 && text.charCodeAt(i + 1) === 47) {
          depth--;
          i += 2;
        } else {
          i++;
        }
      }
      skip(K['block-comment'], start, i, depth > 0);
      continue;
    }

    // N'unicode string'
    if ((c === 78 || c === 110) /* N n */ && next === 39) {
      i = scanQuoted(text, i + 1, 39);
      push(K['unicode-string'], start, i < 0 ? n : i, i < 0);
      if (i < 0) i = n;
      continue;
    }

    if (c === 39 /* ' */) {
      i = scanQuoted(text, i, 39);
      push(K.string, start, i < 0 ? n : i, i < 0);
      if (i < 0) i = n;
      continue;
    }

    if (c === 91 /* [ */) {
      i = scanQuoted(text, i, 93);
      push(K['bracket-identifier'], start, i < 0 ? n : i, i < 0);
      if (i < 0) i = n;
      continue;
    }

    if (c === 34 /* " */) {
      i = scanQuoted(text, i, 34);
      push(K['quoted-identifier'], start, i < 0 ? n : i, i < 0);
      if (i < 0) i = n;
      continue;
    }

    // 0x binary constant (0x alone is an empty binary value)
    if (c === 48 && (next === 120 || next === 88)) {
      i += 2;
      while (i < n && isHex(text.charCodeAt(i))) i++;
      push(K.binary, start, i);
      continue;
    }

    if (isDigit(c) || (c === 46 /* . */ && isDigit(next))) {
      i = scanNumber(text, i);
      push(K.number, start, i);
      continue;
    }

    if (c === 64 /* @ */) {
      const system = next === 64;
      let j = i + (system ? 2 : 1);
      while (j < n && isIdentPart(text, j, text.charCodeAt(j))) j++;
      if (j > i + (system ? 2 : 1)) {
        i = j;
        push(system ? K['system-variable'] : K.variable, start, i);
        continue;
      }
    }

    if (c === 35 /* # */) {
      let j = i + (next === 35 ? 2 : 1);
      while (j < n && isIdentPart(text, j, text.charCodeAt(j))) j++;
      i = j;
      push(K['temp-name'], start, i);
      continue;
    }

    if (c === 36 /* $ */) {
      // $(name): a sqlcmd scripting variable, substituted before the server sees the text.
      if (next === 40 /* ( */) {
        let j = i + 2;
        while (j < n && text.charCodeAt(j) !== 41 && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
        if (j < n && text.charCodeAt(j) === 41) {
          i = j + 1;
          push(K['sqlcmd-variable'], start, i);
          continue;
        }
      }
      // $12.50: a money constant
      if (isDigit(next) || (next === 46 && isDigit(i + 2 < n ? text.charCodeAt(i + 2) : -1))) {
        i = scanNumber(text, i + 1);
        push(K.money, start, i);
        continue;
      }
      // $action, $IDENTITY, $ROWGUID, $PARTITION: pseudo-columns and functions
      if (next >= 0 && isIdentStart(text, i + 1, next)) {
        i += 1;
        while (i < n && isIdentPart(text, i, text.charCodeAt(i))) i++;
        pushWord(start, i);
        continue;
      }
    }

    if (isIdentStart(text, i, c)) {
      i++;
      while (i < n && isIdentPart(text, i, text.charCodeAt(i))) i++;
      // name: (but not name::) is a label, the target of GOTO
      if (i < n && text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) !== 58) {
        i++;
        push(K.label, start, i);
        continue;
      }
      pushWord(start, i);
      continue;
    }

    // :setvar Name "value", :r file.sql, :on error exit ... a sqlcmd directive line
    if (c === 58 /* : */ && lineStart && next >= 0 && next < 128 && ((ascii[next] ?? 0) & IDENT_START) !== 0) {
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 10 || d === 13) break;
        i++;
      }
      push(K['sqlcmd-command'], start, i);
      continue;
    }

    if (c < 128) {
      const cls = SYMBOL[c] ?? 0;
      if (cls !== 0) {
        if (next >= 0 && next < 128 && TWO_CHAR_OPERATORS[c * 128 + next] === 1) {
          i += 2;
          push(K.operator, start, i);
          continue;
        }
        i++;
        push(cls === OPERATOR ? K.operator : K.punctuation, start, i);
        continue;
      }
    }

    // Anything else (control characters, stray symbols, binary garbage): one token per run.
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isSpace(d) || isKnownStart(text, i, d)) break;
      i++;
    }
    push(K.unknown, start, i);
  }
  return lossless && covered === n;
}

const KNOWN_START = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (((ascii[c] ?? 0) & (IDENT_START | DIGIT)) !== 0 || `'["@#$.${ONE_CHAR_OPERATORS}${PUNCTUATION}`.includes(ch)) KNOWN_START[c] = 1;
}

/** Whether a character can begin a token other than `unknown`. */
function isKnownStart(text: string, i: number, c: number): boolean {
  if (c < 128) return KNOWN_START[c] === 1;
  return isIdentStart(text, i, c);
}

/**
 * Scans a token delimited by `close` where a doubled closing character is an escape
 * ('' in strings, ]] in brackets, "" in quoted identifiers). `i` is at the opening
 * character. Returns the offset after the closing character, or -1 when unterminated.
 */
function scanQuoted(text: string, i: number, close: number): number {
  const n = text.length;
  const closeChar = String.fromCharCode(close);
  let j = i + 1;
  for (;;) {
    const k = text.indexOf(closeChar, j);
    if (k < 0) return -1;
    if (text.charCodeAt(k + 1) === close) {
      j = k + 2;
      if (j > n) return -1;
      continue;
    }
    return k + 1;
  }
}

function scanNumber(text: string, i: number): number {
  const n = text.length;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i < n && text.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(text.charCodeAt(j))) {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i;
}

import type { Span } from './line-index.js';
import type { Token, TokenKind } from './token.js';
import { isSpace, tokenize } from './tokenize.js';

/** The `GO [count]` line that ends a batch. */
export interface BatchSeparator {
  readonly span: Span;
  /** `GO 5` runs the preceding batch five times; plain `GO` is 1. */
  readonly count: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/**
 * A batch: the text sent to the server in one request. The batches and their separators
 * tile the source: batch, separator, batch, separator, ..., batch.
 */
export interface Batch {
  readonly span: Span;
  /** Half-open range of indexes into the token array. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly separator?: BatchSeparator;
}

/**
 * Splits a script into batches at `GO` lines. GO is not T-SQL: sqlcmd and SSMS recognise it
 * only as the first word on a line (case-insensitive), optionally followed by a repeat count
 * and a `--` comment, and never inside a comment or a string, which the tokens already rule
 * out. Pass the tokens when they are at hand to avoid tokenizing twice: those of tokenize(), or
 * the significant ones only (significantTokens()), since the blanks and comments around GO are
 * read from the text; token ranges index into the tokens given.
 */
export function splitBatches(text: string, tokens: readonly Token[] = tokenize(text)): Batch[] {
  return splitTokenBatches(text, {
    length: tokens.length,
    kind: (index) => (tokens[index] as Token).kind,
    start: (index) => (tokens[index] as Token).start,
    end: (index) => (tokens[index] as Token).end,
    keyword: (index) => (tokens[index] as Token).keyword,
    text: (index) => (tokens[index] as Token).text,
  });
}

/** What splitting reads of the tokens, by index: a TokenTable, or a list of tokens. */
export interface BatchTokens {
  readonly length: number;
  kind(index: number): TokenKind;
  start(index: number): number;
  end(index: number): number;
  keyword(index: number): string;
  text(index: number): string;
}

/** splitBatches() over tokens read by index (the parser's TokenTable). */
export function splitTokenBatches(text: string, tokens: BatchTokens): Batch[] {
  const batches: Batch[] = [];
  let batchStart = 0;
  let batchTokenStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.keyword(i) !== 'GO') continue;
    const goStart = tokens.start(i);
    if (!startsLine(text, goStart)) continue;
    const line = goLineEnd(text, tokens, i);
    if (line === undefined) continue;
    // The separator's tokens: all up to the end of the GO line (its comment included).
    let last = i;
    while (last + 1 < tokens.length && tokens.end(last + 1) <= line.end) last++;
    batches.push({
      span: { start: batchStart, end: goStart },
      tokenStart: batchTokenStart,
      tokenEnd: i,
      separator: { span: { start: goStart, end: line.end }, count: line.count, tokenStart: i, tokenEnd: last + 1 },
    });
    batchStart = line.end;
    batchTokenStart = last + 1;
    i = last;
  }
  batches.push({ span: { start: batchStart, end: text.length }, tokenStart: batchTokenStart, tokenEnd: tokens.length });
  return batches;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/**
 * Whether only blanks stand between the start of its line (or of the text) and `offset`. A
 * token other than whitespace never ends in a blank unless a line break follows it (a `--`
 * comment), so looking back over blanks finds the line break or the token before.
 */
function startsLine(text: string, offset: number): boolean {
  for (let j = offset - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (isLineBreak(c)) return true;
    if (!isSpace(c)) return false;
  }
  return true;
}

/**
 * Where the GO line starting at token `go` ends (after its count or `--` comment) and its
 * count, or undefined when the line holds anything else after GO.
 */
function goLineEnd(text: string, tokens: BatchTokens, go: number): { end: number; count: number } | undefined {
  const n = text.length;
  let end = tokens.end(go);
  let count = 1;
  let sawCount = false;
  let next = go + 1;
  for (let position = end; ; ) {
    while (position < n && isSpace(text.charCodeAt(position)) && !isLineBreak(text.charCodeAt(position))) position++;
    if (position >= n || isLineBreak(text.charCodeAt(position))) return { end, count };
    if (text.charCodeAt(position) === 45 && text.charCodeAt(position + 1) === 45) {
      let k = position + 2;
      while (k < n && !isLineBreak(text.charCodeAt(k))) k++;
      return { end: k, count };
    }
    // Anything else must be the count, the token that starts here (blanks are skipped over).
    while (next < tokens.length && tokens.end(next) <= position) next++;
    if (sawCount || next >= tokens.length || tokens.start(next) !== position || tokens.kind(next) !== 'number') return undefined;
    const digits = tokens.text(next);
    if (!/^\d+$/.test(digits)) return undefined;
    sawCount = true;
    count = Number(digits);
    end = tokens.end(next);
    position = end;
    next++;
  }
}

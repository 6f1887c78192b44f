import type { Span } from './line-index.js';
import type { Token } from './token.js';
import { tokenize } from './tokenize.js';

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

function hasLineBreak(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * Splits a script into batches at `GO` lines. GO is not T-SQL: sqlcmd and SSMS recognise it
 * only as the first word on a line (case-insensitive), optionally followed by a repeat count
 * and a `--` comment, and never inside a comment or a string, which the tokens already rule
 * out. Pass the tokens when they are at hand to avoid tokenizing twice.
 */
export function splitBatches(text: string, tokens: readonly Token[] = tokenize(text)): Batch[] {
  const batches: Batch[] = [];
  let batchStart = 0;
  let batchTokenStart = 0;
  let atLineStart = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'whitespace') {
      if (hasLineBreak(token.text)) atLineStart = true;
      continue;
    }
    const lineStart = atLineStart;
    atLineStart = false;
    if (!lineStart || token.keyword !== 'GO') continue;

    const separatorEnd = goLineEnd(tokens, i);
    if (separatorEnd === undefined) continue;
    const { last, count } = separatorEnd;
    const lastToken = tokens[last] as Token;
    batches.push({
      span: { start: batchStart, end: token.start },
      tokenStart: batchTokenStart,
      tokenEnd: i,
      separator: { span: { start: token.start, end: lastToken.end }, count, tokenStart: i, tokenEnd: last + 1 },
    });
    batchStart = lastToken.end;
    batchTokenStart = last + 1;
    i = last;
  }
  batches.push({ span: { start: batchStart, end: text.length }, tokenStart: batchTokenStart, tokenEnd: tokens.length });
  return batches;
}

/** Where the GO line starting at token `go` ends, or undefined when the line is not a GO line. */
function goLineEnd(tokens: readonly Token[], go: number): { last: number; count: number } | undefined {
  let last = go;
  let count = 1;
  let sawCount = false;
  for (let j = go + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.kind === 'whitespace') {
      if (hasLineBreak(t.text)) break;
      continue;
    }
    if (t.kind === 'number' && !sawCount && /^\d+$/.test(t.text)) {
      sawCount = true;
      count = Number(t.text);
      last = j;
      continue;
    }
    if (t.kind === 'line-comment') {
      last = j;
      break;
    }
    return undefined;
  }
  return { last, count };
}

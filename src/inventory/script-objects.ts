import { isTrivia, splitBatches, tokenize, type Token } from '../tsql/index.js';
import type { LegacyObjectKind } from './legacy-object.js';

export type ScriptObjectKind = Extract<LegacyObjectKind, 'procedure' | 'view' | 'function' | 'trigger' | 'table' | 'synonym'>;

export interface ScriptObjectHeader {
  readonly kind: ScriptObjectKind;
  /** The name as written, delimiters removed: ['dbo', 'usp_load'] or ['usp_load']. */
  readonly parts: readonly string[];
  readonly functionType?: 'scalar' | 'inline-table' | 'multi-statement-table';
}

/** A piece of a script: one object with what belongs to it, or text that defines no object. */
export interface ScriptUnit {
  readonly header?: ScriptObjectHeader;
  readonly text: string;
  /** Offset and 1-based line of the unit in the script. */
  readonly start: number;
  readonly line: number;
}

const OBJECT_WORDS: Readonly<Record<string, ScriptObjectKind>> = {
  PROCEDURE: 'procedure',
  PROC: 'procedure',
  VIEW: 'view',
  FUNCTION: 'function',
  TRIGGER: 'trigger',
  TABLE: 'table',
  SYNONYM: 'synonym',
};

/** Batches that set the scene for the next object (SSMS writes them before each one). */
const PREAMBLE_WORDS: ReadonlySet<string> = new Set(['SET', 'USE', 'PRINT', 'IF', 'DROP', 'DECLARE']);

/**
 * Splits a script into objects, as exported by SSDT (one object per file), sqlpackage's Flat
 * layout or SSMS "Generate Scripts" (many objects per file, separated by GO). An object starts
 * at a batch that CREATEs (or ALTERs) a procedure, view, function, trigger, synonym, or CREATEs
 * a table. Scene-setting batches before it (SET options, USE, IF EXISTS ... DROP, comment-only
 * batches) belong to it; batches after it that are not scene-setting (indexes, constraints,
 * grants, extended properties) belong to it as well. The units tile the script: joined, they
 * are the script, so nothing is lost.
 */
export function splitScriptObjects(script: string): ScriptUnit[] {
  const tokens = tokenize(script);
  const batches = splitBatches(script, tokens);
  type Piece = { start: number; end: number; header?: ScriptObjectHeader; preamble: boolean };
  let previousEnd = 0;
  const pieces: Piece[] = batches.map((batch) => {
    // The line break that ends a GO line belongs to it, so each object starts on its own line.
    const separatorEnd = batch.separator?.span.end ?? batch.span.end;
    const lineBreak = /^[ \t]*\r?\n/.exec(script.slice(separatorEnd, separatorEnd + 200));
    const end = batch.separator === undefined ? batch.span.end : separatorEnd + (lineBreak?.[0].length ?? 0);
    const start = previousEnd;
    previousEnd = end;
    const significant = tokens.slice(batch.tokenStart, batch.tokenEnd).filter((token) => !isTrivia(token));
    const header = objectHeader(significant);
    const first = significant[0]?.keyword ?? '';
    return {
      start,
      end,
      ...(header === undefined ? {} : { header }),
      preamble: significant.length === 0 || PREAMBLE_WORDS.has(first),
    };
  });

  // Attach each piece to an object: headers start one; trailing pieces join the current object
  // unless they are scene-setting for the next one.
  const groups: Array<{ start: number; end: number; header?: ScriptObjectHeader }> = [];
  let pending: { start: number; end: number } | undefined;
  for (const piece of pieces) {
    const current = groups[groups.length - 1];
    if (piece.header !== undefined) {
      groups.push({ start: pending?.start ?? piece.start, end: piece.end, header: piece.header });
      pending = undefined;
    } else if (current?.header !== undefined && !piece.preamble && pending === undefined) {
      current.end = piece.end;
    } else {
      pending = { start: pending?.start ?? piece.start, end: piece.end };
    }
  }
  if (pending !== undefined) {
    const last = groups[groups.length - 1];
    if (last?.header !== undefined && (pending.end - pending.start === 0 || onlyPreamble(pieces, pending))) last.end = pending.end;
    else groups.push(pending);
  }
  if (groups.length === 0) groups.push({ start: 0, end: script.length });

  const lineStarts = lineStartOffsets(script);
  return groups
    .filter((group) => group.end > group.start || groups.length === 1)
    .map((group) => ({
      ...(group.header === undefined ? {} : { header: group.header }),
      text: script.slice(group.start, group.end),
      start: group.start,
      line: lineOf(lineStarts, group.start),
    }));
}

/** Trailing scene-setting batches after the last object (a final SET or GO) stay with it. */
function onlyPreamble(pieces: ReadonlyArray<{ start: number; end: number; preamble: boolean }>, range: { start: number; end: number }): boolean {
  return pieces.filter((piece) => piece.start >= range.start && piece.end <= range.end).every((piece) => piece.preamble);
}

function objectHeader(tokens: readonly Token[]): ScriptObjectHeader | undefined {
  let index = 0;
  const word = () => tokens[index]?.keyword ?? '';
  const verb = word();
  if (verb !== 'CREATE' && verb !== 'ALTER') return undefined;
  index += 1;
  if (verb === 'CREATE' && word() === 'OR' && tokens[index + 1]?.keyword === 'ALTER') index += 2;
  const kind = OBJECT_WORDS[word()];
  if (kind === undefined || (kind === 'table' && verb === 'ALTER')) return undefined;
  index += 1;
  const parts: string[] = [];
  for (;;) {
    const token = tokens[index];
    if (token === undefined) break;
    if (token.kind === 'word' || token.kind === 'bracket-identifier' || token.kind === 'quoted-identifier') {
      parts.push(unquote(token));
      index += 1;
      if (tokens[index]?.text !== '.') break;
      index += 1;
      // `db..name` leaves the schema out.
      while (tokens[index]?.text === '.') {
        parts.push('');
        index += 1;
      }
      continue;
    }
    break;
  }
  if (parts.length === 0) return undefined;
  return kind === 'function' ? { kind, parts, functionType: functionType(tokens.slice(index)) } : { kind, parts };
}

/** RETURNS TABLE: inline; RETURNS @t TABLE: multi-statement; anything else: scalar. */
function functionType(rest: readonly Token[]): ScriptObjectHeader['functionType'] {
  const returns = rest.findIndex((token) => token.keyword === 'RETURNS');
  if (returns < 0) return 'scalar';
  const next = rest[returns + 1];
  if (next?.keyword === 'TABLE') return 'inline-table';
  if (next?.kind === 'variable' && rest[returns + 2]?.keyword === 'TABLE') return 'multi-statement-table';
  return 'scalar';
}

export function unquote(token: Pick<Token, 'kind' | 'text'>): string {
  if (token.kind === 'bracket-identifier') return token.text.slice(1, -1).replaceAll(']]', ']');
  if (token.kind === 'quoted-identifier') return token.text.slice(1, -1).replaceAll('""', '"');
  return token.text;
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

import type { BatchNode, GoSeparator, Script, Statement } from '../ast.js';
import type { Batch } from '../split-batches.js';
import { splitTokenBatches } from '../split-batches.js';
import { TsqlDiagnosticCode } from '../diagnostics.js';
import type { TsqlDiagnostic } from '../diagnostics.js';
import { LineIndex } from '../line-index.js';
import { isTriviaKind, type Token, type TokenKind } from '../token.js';
import { KIND_CODES, TokenTable } from '../token-table.js';
import { significantTokenTable, tokenize } from '../tokenize.js';
import { applyQuotedIdentifierOff } from './quoted-identifier.js';
import { parseStatementList } from './statements.js';
import { TokenStream } from './token-stream.js';
import type { PendingDiagnostic } from './token-stream.js';

export interface TsqlParseResult {
  readonly script: Script;
  /** Every token of the text, whitespace and comments included: joined, they are the text. */
  readonly tokens: readonly Token[];
  readonly batches: readonly Batch[];
  /** Sorted by position. */
  readonly diagnostics: readonly TsqlDiagnostic[];
  /** Lines and columns of any offset, e.g. of a node's span. */
  readonly lineIndex: LineIndex;
}

/** More diagnostics of one code than this in a file are summarised (binary garbage, mostly). */
const MAX_DIAGNOSTICS_PER_CODE = 200;

/**
 * Parses a T-SQL script: tokens, GO batches, statements. Never throws and never hangs: input
 * that does not parse yields raw statements and error diagnostics.
 */
export function parseTsql(text: string): TsqlParseResult {
  const tokens = tokenize(text);
  const parsed = parseTokens(text, TokenTable.of(text, tokens));
  return {
    script: parsed.script,
    tokens,
    batches: parsed.batches,
    diagnostics: parsed.diagnostics,
    get lineIndex(): LineIndex {
      return parsed.lineIndex();
    },
  };
}

/** What a translation needs of a parse: parseTsql() without the tokens. */
export interface TsqlStatementsParse {
  readonly script: Script;
  /** Sorted by position. */
  readonly diagnostics: readonly TsqlDiagnostic[];
  readonly lineIndex: LineIndex;
  /** Whether the tokens tiled the text, each starting where the one before it ended. */
  readonly lossless: boolean;
}

/**
 * The same statements and diagnostics as parseTsql(), read from the significant tokens only:
 * no whitespace or comment token is made, and there are no tokens to keep.
 */
export function parseTsqlStatements(text: string): TsqlStatementsParse {
  const { table, lossless } = significantTokenTable(text);
  let parsed: ReturnType<typeof parseTokens>;
  try {
    parsed = parseTokens(text, table);
  } finally {
    // Nothing the parse made refers to the tokens: their storage goes to the next scan.
    table.release();
  }
  return {
    script: parsed.script,
    diagnostics: parsed.diagnostics,
    lossless,
    get lineIndex(): LineIndex {
      return parsed.lineIndex();
    },
  };
}

/** Batches and statements from tokens, all of them or the significant ones. */
function parseTokens(
  text: string,
  tokens: TokenTable,
): { readonly script: Script; readonly batches: readonly Batch[]; readonly diagnostics: readonly TsqlDiagnostic[]; readonly lineIndex: () => LineIndex } {
  const batches = splitTokenBatches(text, tokens);
  applyQuotedIdentifierOff(tokens, batches);
  // Lines are only needed for diagnostics and for callers that ask: built on first use.
  let lines: LineIndex | undefined;
  const lineIndex = (): LineIndex => (lines ??= new LineIndex(text));
  let script: Script;
  let pending: PendingDiagnostic[];
  try {
    pending = lexicalDiagnostics(tokens);
    const found = pending;
    const batchNodes: BatchNode[] = batches.map((batch) => parseBatch(text, tokens, batch, found));
    script = { kind: 'script', batches: batchNodes, start: 0, end: text.length };
  } catch (error) {
    // Statement recovery makes this unreachable; it is here so that a parser bug can never
    // become an exception in a caller that was promised none.
    const span = { start: 0, end: text.length };
    const raw: Statement = { kind: 'raw', text, ...span };
    script = { kind: 'script', batches: [{ kind: 'batch', statements: [raw], ...span }], ...span };
    const message = `Internal parser error (${error instanceof Error ? error.message : String(error)}); the file is kept as raw text. Please report it.`;
    pending = [{ code: TsqlDiagnosticCode.syntaxError, severity: 'error', message, span }];
  }
  const diagnostics = pending.length === 0 ? [] : finishDiagnostics(pending, lineIndex());
  return { script, batches, diagnostics, lineIndex };
}

function parseBatch(text: string, tokens: TokenTable, batch: Batch, pending: PendingDiagnostic[]): BatchNode {
  let trivia = 0;
  for (let i = batch.tokenStart; i < batch.tokenEnd; i++) if (isTriviaKind(tokens.kind(i))) trivia++;
  // From significantTokenTable() there is nothing to leave out: the batch's tokens as they are.
  let significant: TokenTable;
  if (trivia === 0) {
    significant = batch.tokenStart === 0 && batch.tokenEnd === tokens.length ? tokens : tokens.range(batch.tokenStart, batch.tokenEnd);
  } else {
    significant = new TokenTable(text, Math.max(16, batch.tokenEnd - batch.tokenStart - trivia));
    for (let i = batch.tokenStart; i < batch.tokenEnd; i++) {
      const kind = tokens.kind(i);
      if (!isTriviaKind(kind)) significant.push(KIND_CODES[kind], tokens.start(i), tokens.end(i), tokens.keyword(i), tokens.unterminated(i));
    }
  }
  // The batch's diagnostics go straight into the script's list. Copying them over afterwards
  // (for-of and push) deoptimized parseBatch about twice a pass over the corpus, for as long as
  // it ran (--trace-deopt): the list is an empty array of small-integer kind in most batches.
  const p = new TokenStream(text, significant, batch.span.end, pending);
  let statements: Statement[];
  try {
    statements = parseStatementList(p, 'EOF');
  } catch {
    // parseStatementList at batch level recovers from every error; this is a last line of defence.
    const start = significant.length > 0 ? significant.start(0) : batch.span.start;
    statements = [{ kind: 'raw', text: text.slice(start, batch.span.end), start, end: batch.span.end }];
    p.diagnostics.push({
      code: TsqlDiagnosticCode.syntaxError,
      severity: 'error',
      message: 'Could not parse this batch; it is kept as raw text.',
      span: { start, end: batch.span.end },
    });
  }
  const separator = batch.separator;
  let go: GoSeparator | undefined;
  if (separator !== undefined) {
    go = { kind: 'go', count: separator.count, start: separator.span.start, end: separator.span.end };
    if (separator.count > 1) {
      pending.push({
        code: TsqlDiagnosticCode.repeatedBatch,
        severity: 'warning',
        message: `GO ${separator.count} runs the batch above ${separator.count} times; a translation must repeat it explicitly.`,
        span: separator.span,
      });
    }
  }
  return { kind: 'batch', statements, go, start: batch.span.start, end: batch.span.end };
}

function lexicalDiagnostics(tokens: TokenTable): PendingDiagnostic[] {
  const out: PendingDiagnostic[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens.kind(i);
    const unterminated = tokens.unterminated(i);
    if (!unterminated && kind !== 'unknown') continue;
    const span = { start: tokens.start(i), end: tokens.end(i) };
    if (unterminated) {
      if (kind === 'block-comment') {
        out.push({ code: TsqlDiagnosticCode.unterminatedComment, severity: 'error', message: 'This comment has no closing */ (block comments nest, so each /* needs its own */); it runs to the end of the file.', span });
      } else if (kind === 'string' || kind === 'unicode-string') {
        out.push({ code: TsqlDiagnosticCode.unterminatedString, severity: 'error', message: 'This string has no closing quote; it runs to the end of the file.', span });
      } else {
        out.push({ code: TsqlDiagnosticCode.unterminatedIdentifier, severity: 'error', message: 'This delimited identifier has no closing delimiter; it runs to the end of the file.', span });
      }
    } else if (kind === 'unknown') {
      const text = tokens.text(i);
      const shown = text.length > 20 ? `${text.slice(0, 20)}...` : text;
      out.push({ code: TsqlDiagnosticCode.unexpectedCharacter, severity: 'error', message: `Unexpected character(s) ${JSON.stringify(shown)} outside strings and comments.`, span });
    }
  }
  return out;
}

function finishDiagnostics(pending: readonly PendingDiagnostic[], lineIndex: LineIndex): TsqlDiagnostic[] {
  const sorted = [...pending].sort((a, b) => a.span.start - b.span.start);
  const perCode = new Map<string, number>();
  const out: TsqlDiagnostic[] = [];
  const dropped = new Map<string, PendingDiagnostic & { count: number }>();
  for (const d of sorted) {
    const seen = (perCode.get(d.code) ?? 0) + 1;
    perCode.set(d.code, seen);
    if (seen > MAX_DIAGNOSTICS_PER_CODE) {
      const entry = dropped.get(d.code);
      if (entry === undefined) dropped.set(d.code, { ...d, count: 1 });
      else entry.count++;
      continue;
    }
    const { line, column } = lineIndex.position(d.span.start);
    out.push({ code: d.code, severity: d.severity, message: d.message, span: d.span, line, column });
  }
  for (const entry of dropped.values()) {
    const { line, column } = lineIndex.position(entry.span.start);
    out.push({
      code: entry.code,
      severity: entry.severity,
      message: `${entry.count} more ${entry.code} diagnostics like the ones above (from here on) are not listed.`,
      span: entry.span,
      line,
      column,
    });
  }
  return out;
}

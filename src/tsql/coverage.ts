import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isStatement } from './ast.js';
import type { AstNode } from './ast.js';
import { decodeSqlText } from './decode-sql-text.js';
import type { SqlTextEncoding } from './decode-sql-text.js';
import { TsqlDiagnosticCode } from './diagnostics.js';
import type { TsqlSeverity } from './diagnostics.js';
import { parseTsql } from './parser/parse-tsql.js';

export interface CoverageDiagnostic {
  readonly code: string;
  readonly severity: TsqlSeverity;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * Statement counts. Every statement node counts once wherever it is: a CREATE PROCEDURE is one
 * statement and each statement of its body (inside BEGIN/END, IF, WHILE, TRY/CATCH) is another,
 * so a procedure of 200 statements with one unparseable line reports 201 total and 1 raw rather
 * than hiding the line inside one "parsed" procedure. BEGIN...END blocks and labels are
 * statements of the grammar and count too; sqlcmd directives (:r, :setvar) count as parsed.
 * A raw statement counts once, whatever it contains.
 */
export interface StatementCounts {
  readonly total: number;
  /** Parsed into syntax-tree nodes, i.e. available to translation (total - raw). */
  readonly translated: number;
  /** Kept as raw text because they could not be parsed. */
  readonly raw: number;
}

export interface TsqlFileCoverage {
  /** The path as given, for files read by analyzeTsqlFiles. */
  readonly path?: string;
  readonly encoding: SqlTextEncoding;
  readonly bom: boolean;
  /** Whether the decoded text re-encodes to the file's exact bytes. */
  readonly bytesRoundTrip: boolean;
  /** UTF-16 code units of the decoded text. */
  readonly characters: number;
  /**
   * Whether the tokens joined give back the decoded text exactly. Measured on the decoded text
   * (BOM removed): `bytesRoundTrip` says whether that text also reproduces the bytes.
   */
  readonly lossless: boolean;
  readonly batches: number;
  readonly statements: StatementCounts;
  readonly diagnostics: readonly CoverageDiagnostic[];
}

export interface TsqlCoverageReport {
  readonly version: 1;
  readonly files: readonly TsqlFileCoverage[];
  readonly totals: {
    readonly files: number;
    readonly losslessFiles: number;
    readonly statements: StatementCounts;
    readonly diagnosticsByCode: Readonly<Record<string, number>>;
  };
}

export function countStatements(root: AstNode): StatementCounts {
  let total = 0;
  let raw = 0;
  // A statement holds the statements nested in it directly (a body, a branch, the EXEC of
  // INSERT ... EXEC), never below an expression or a query: below a statement only its
  // statement children are followed, which leaves out most of the tree.
  const stack: AstNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AstNode;
    const statement = isStatement(node);
    if (statement) {
      total++;
      if (node.kind === 'raw') raw++;
    }
    for (const key in node) {
      if (key === 'kind' || key === 'start' || key === 'end') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item) && (!statement || isStatement(item))) stack.push(item);
      } else if (isNode(value) && (!statement || isStatement(value))) {
        stack.push(value);
      }
    }
  }
  return { total, translated: total - raw, raw };
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/**
 * Coverage of one file's content: bytes are decoded with decodeSqlText; text that is already
 * decoded is taken as is (and reported as UTF-8 without BOM that round-trips).
 */
export function analyzeTsqlFile(content: string | Uint8Array, filePath?: string): TsqlFileCoverage {
  const decoded =
    typeof content === 'string'
      ? { text: content, encoding: 'utf-8' as const, bom: false, bytesRoundTrip: true, diagnostics: [] }
      : decodeSqlText(content);
  const result = parseTsql(decoded.text);
  let joined = '';
  for (const token of result.tokens) joined += token.text;
  const diagnostics: CoverageDiagnostic[] = [...decoded.diagnostics, ...result.diagnostics].map((d) => ({
    code: d.code,
    severity: d.severity,
    line: d.line,
    column: d.column,
    message: d.message,
  }));
  return {
    ...(filePath === undefined ? {} : { path: filePath }),
    encoding: decoded.encoding,
    bom: decoded.bom,
    bytesRoundTrip: decoded.bytesRoundTrip,
    characters: decoded.text.length,
    lossless: joined === decoded.text,
    batches: result.script.batches.length,
    statements: countStatements(result.script),
    diagnostics,
  };
}

async function collectSqlFiles(input: string, out: string[]): Promise<boolean> {
  let info;
  try {
    info = await stat(input);
  } catch {
    return false;
  }
  if (info.isDirectory()) {
    const entries = await readdir(input, { withFileTypes: true });
    const names = entries.map((e) => e.name).sort();
    for (const name of names) {
      const full = path.join(input, name);
      const entry = entries.find((e) => e.name === name);
      if (entry?.isDirectory()) await collectSqlFiles(full, out);
      else if (name.toLowerCase().endsWith('.sql')) out.push(full);
    }
    return true;
  }
  out.push(input);
  return true;
}

function unreadable(filePath: string, reason: string): TsqlFileCoverage {
  return {
    path: filePath,
    encoding: 'utf-8',
    bom: false,
    bytesRoundTrip: false,
    characters: 0,
    lossless: false,
    batches: 0,
    statements: { total: 0, translated: 0, raw: 0 },
    diagnostics: [{ code: TsqlDiagnosticCode.unreadableFile, severity: 'error', line: 1, column: 1, message: `Could not read ${filePath}: ${reason}` }],
  };
}

/**
 * Coverage of files and folders (folders are searched for *.sql, in name order). A path that
 * cannot be read gets an entry with a TSQL_UNREADABLE_FILE diagnostic instead of an exception.
 */
export async function analyzeTsqlFiles(paths: readonly string[]): Promise<TsqlCoverageReport> {
  const files: TsqlFileCoverage[] = [];
  for (const input of paths) {
    const found: string[] = [];
    let exists: boolean;
    try {
      exists = await collectSqlFiles(input, found);
    } catch (error) {
      files.push(unreadable(input, error instanceof Error ? error.message : String(error)));
      continue;
    }
    if (!exists) {
      files.push(unreadable(input, 'no such file or folder'));
      continue;
    }
    for (const file of found) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        files.push(unreadable(file, error instanceof Error ? error.message : String(error)));
        continue;
      }
      files.push(analyzeTsqlFile(bytes, file));
    }
  }
  let total = 0;
  let raw = 0;
  let losslessFiles = 0;
  const diagnosticsByCode: Record<string, number> = {};
  for (const file of files) {
    total += file.statements.total;
    raw += file.statements.raw;
    if (file.lossless) losslessFiles++;
    for (const d of file.diagnostics) diagnosticsByCode[d.code] = (diagnosticsByCode[d.code] ?? 0) + 1;
  }
  return {
    version: 1,
    files,
    totals: { files: files.length, losslessFiles, statements: { total, translated: total - raw, raw }, diagnosticsByCode },
  };
}

import type { TsqlDiagnostic } from '../tsql/index.js';
import type { TranslateTarget } from './dialects/dialect.js';
import type { TranslationDiagnostic } from './diagnostics.js';

export type { TranslateTarget };

export interface StatementCounts {
  readonly total: number;
  /** Statements translated (for a dry run: parsed into nodes). */
  readonly translated: number;
  /** Statements the T-SQL front end could not read. */
  readonly raw: number;
}

/** A diagnostic as the JSON result and the reports show it. */
export interface FileDiagnostic {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * translated: nothing to check; review: translated, with warnings to read; manual: parts were
 * not translated (error diagnostics); unreadable: the file could not be read as T-SQL.
 */
export type FileStatus = 'translated' | 'review' | 'manual' | 'unreadable';

export interface TranslatedFile {
  readonly input: string;
  /** Where the translation was written; null for a dry run or an unreadable file. */
  readonly output: string | null;
  /** The snapshot object, when translating the snapshot. */
  readonly id?: string;
  readonly status: FileStatus;
  readonly lossless: boolean;
  readonly statements: StatementCounts;
  readonly diagnostics: readonly FileDiagnostic[];
  /** Translated in an earlier run and unchanged since (by hash): not translated again. */
  readonly unchanged?: boolean;
}

export interface TranslateResult {
  readonly target: TranslateTarget;
  readonly dryRun: boolean;
  /** The output folder (absent for a dry run). */
  readonly out?: string;
  readonly files: readonly TranslatedFile[];
  /** Outputs of objects gone from the snapshot since the last run, removed by this one. */
  readonly removed?: readonly string[];
  readonly totals: {
    readonly files: number;
    readonly losslessFiles: number;
    /** Files translated this run; the others were unchanged since the last run. */
    readonly translatedThisRun: number;
    readonly byStatus: Readonly<Record<FileStatus, number>>;
    readonly statements: StatementCounts;
    readonly diagnostics: { readonly error: number; readonly warning: number; readonly info: number };
    readonly diagnosticsByCode: Readonly<Record<string, number>>;
  };
  readonly reports: { readonly markdown: string; readonly html: string } | null;
}

export function fileStatus(lossless: boolean, diagnostics: readonly FileDiagnostic[]): FileStatus {
  if (!lossless) return 'unreadable';
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return 'manual';
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'warning')) return 'review';
  return 'translated';
}

export function toFileDiagnostic(diagnostic: TranslationDiagnostic | TsqlDiagnostic): FileDiagnostic {
  return { code: diagnostic.code, severity: diagnostic.severity, line: diagnostic.line, column: diagnostic.column, message: diagnostic.message };
}

export function totalsOf(files: readonly TranslatedFile[]): TranslateResult['totals'] {
  const byStatus: Record<FileStatus, number> = { translated: 0, review: 0, manual: 0, unreadable: 0 };
  const diagnostics = { error: 0, warning: 0, info: 0 };
  const byCode: Record<string, number> = {};
  const statements = { total: 0, translated: 0, raw: 0 };
  for (const file of files) {
    byStatus[file.status] += 1;
    statements.total += file.statements.total;
    statements.translated += file.statements.translated;
    statements.raw += file.statements.raw;
    for (const diagnostic of file.diagnostics) {
      diagnostics[diagnostic.severity] += 1;
      byCode[diagnostic.code] = (byCode[diagnostic.code] ?? 0) + 1;
    }
  }
  return {
    files: files.length,
    losslessFiles: files.filter((file) => file.lossless).length,
    translatedThisRun: files.filter((file) => file.unchanged !== true).length,
    byStatus,
    statements,
    diagnostics,
    diagnosticsByCode: Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => a.localeCompare(b))),
  };
}

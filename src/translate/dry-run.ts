import { existsSync } from 'node:fs';
import { LakeshiftError } from '../errors.js';
import { analyzeTsqlFiles, type CoverageDiagnostic, type StatementCounts } from '../tsql/index.js';

export type TranslateTarget = 'databricks' | 'duckdb';

export interface TranslatedFile {
  readonly input: string;
  /** Where the translation was written; null for a dry run. */
  readonly output: string | null;
  readonly lossless: boolean;
  /** For a dry run, `translated` counts statements parsed into nodes (see src/tsql/coverage.ts). */
  readonly statements: StatementCounts;
  readonly diagnostics: readonly CoverageDiagnostic[];
}

export interface TranslateResult {
  readonly target: TranslateTarget;
  readonly dryRun: boolean;
  readonly files: readonly TranslatedFile[];
  readonly totals: {
    readonly files: number;
    readonly losslessFiles: number;
    readonly statements: StatementCounts;
    readonly diagnostics: { readonly error: number; readonly warning: number; readonly info: number };
    readonly diagnosticsByCode: Readonly<Record<string, number>>;
  };
}

/**
 * `translate --dry-run`: reads and parses every .sql file of the given files and folders and
 * says how much of each the T-SQL front end understands, writing nothing. Needs no config.
 */
export async function translateDryRun(paths: readonly string[], target: TranslateTarget): Promise<TranslateResult> {
  const missing = paths.filter((input) => !existsSync(input));
  if (missing.length > 0) {
    throw new LakeshiftError('INPUT_NOT_FOUND', `no such file or folder: ${missing.join(', ')}`, {
      hint: 'Give .sql files or folders that hold them.',
    });
  }
  const report = await analyzeTsqlFiles(paths);
  const files = report.files.map((file) => ({
    input: file.path ?? '',
    output: null,
    lossless: file.lossless,
    statements: file.statements,
    diagnostics: file.diagnostics,
  }));
  const severities = { error: 0, warning: 0, info: 0 };
  for (const file of files) for (const diagnostic of file.diagnostics) severities[diagnostic.severity] += 1;
  return {
    target,
    dryRun: true,
    files,
    totals: {
      files: report.totals.files,
      losslessFiles: report.totals.losslessFiles,
      statements: report.totals.statements,
      diagnostics: severities,
      diagnosticsByCode: report.totals.diagnosticsByCode,
    },
  };
}

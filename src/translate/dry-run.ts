import { existsSync } from 'node:fs';
import { LakeshiftError } from '../errors.js';
import { analyzeTsqlFiles } from '../tsql/index.js';
import { fileStatus, totalsOf, type TranslateResult, type TranslateTarget, type TranslatedFile } from './results.js';

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
  const files: TranslatedFile[] = report.files.map((file) => ({
    input: file.path ?? '',
    output: null,
    status: fileStatus(file.lossless, file.diagnostics),
    lossless: file.lossless,
    statements: file.statements,
    diagnostics: file.diagnostics,
  }));
  return { target, dryRun: true, files, totals: totalsOf(files), reports: null };
}

import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { displayPath } from './_base/display-path.js';
import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { textTable } from './_base/table.js';
import { findConfigFile, type LoadedConfig } from '../src/config/load.js';
import { ExitCode } from '../src/errors.js';
import { translateDryRun } from '../src/translate/dry-run.js';
import type { TranslateResult, TranslateTarget } from '../src/translate/results.js';
import { runTranslate } from '../src/translate/translate-run.js';

export default class Translate extends LakeshiftCommand<typeof Translate> {
  static override summary = 'Translate T-SQL to Databricks SQL (or DuckDB, for local rehearsal).';
  static override description =
    'Without PATHS, translates every T-SQL object of the snapshot into translate.out, one file per object with a ' +
    'header listing its diagnostics, keeps an index of them (translation.json in the output folder) and writes a ' +
    'Markdown and HTML report under reports.dir/translate/; objects unchanged since the last run are not translated ' +
    'again unless --all, and the translations of objects gone from the snapshot are removed. With PATHS, translates ' +
    'those files and folders (no lakeshift.yaml needed; --all changes nothing there). --dry-run only reads and ' +
    'parses, and reports how much of each file lakeshift understands. Exit codes: 0 done; 1 with --strict while an ' +
    'error diagnostic remains; 2 bad input (a file that cannot be read, no .sql files, a bad flag or config).';
  static override strict = false;
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --target duckdb',
    '<%= config.bin %> <%= command.id %> exports/procs --out /tmp/translated --strict',
    '<%= config.bin %> <%= command.id %> --dry-run --json procs/usp_load.sql',
  ];
  static override args = {
    paths: Args.string({ description: 'T-SQL files or folders (default: the snapshot of lakeshift.yaml).' }),
  };
  static override flags = {
    target: Flags.string({ summary: 'Target dialect (default: translate.target, else databricks).', options: ['databricks', 'duckdb'] }),
    out: Flags.string({ char: 'o', summary: 'Output folder (default: translate.out; <translate.out>-<target> for the target translate.target does not name).' }),
    'dry-run': Flags.boolean({ summary: 'Read and parse only; write nothing.', default: false }),
    strict: Flags.boolean({ summary: 'Exit 1 when any error diagnostic remains.', default: false }),
    all: Flags.boolean({ summary: 'Translate every object, not only those changed since the last run.', default: false }),
  };

  async run(): Promise<TranslateResult> {
    const { argv } = await this.parse(Translate);
    const paths = (argv as string[]).map((input) => path.resolve(input));
    // With explicit files no lakeshift.yaml is needed; one nearby still supplies names and options.
    const loaded: LoadedConfig | undefined = paths.length > 0 && findConfigFile(process.cwd(), this.flags.config) === undefined ? undefined : await this.loadConfig({ withoutConnections: true });
    const target = (this.flags.target ?? loaded?.config.translate.target ?? 'databricks') as TranslateTarget;
    const result = this.flags['dry-run']
      ? await translateDryRun(paths.length > 0 ? paths : [path.resolve(loaded!.dir, loaded!.config.snapshot.dir)], target)
      : await runTranslate({ target, paths, all: this.flags.all, reporter: this.reporter, signal: this.signal, ...(loaded === undefined ? {} : { loaded }), ...(this.flags.out === undefined ? {} : { out: this.flags.out }) });
    this.log(render(result));
    if (this.flags.strict && result.totals.diagnostics.error > 0) this.setExitCode(ExitCode.checkFailed);
    // A file that could not be read (binary, undecodable) is bad input: the others are translated all the same.
    if (!result.dryRun && result.files.some((file) => file.output === null)) this.setExitCode(ExitCode.badInput);
    return result;
  }
}

function render(result: TranslateResult): string {
  const worst = result.files.filter((file) => file.status === 'manual' || file.status === 'unreadable' || !file.lossless);
  const rows = (result.dryRun ? result.files : worst.slice(0, 40)).map((file) => [
    file.status,
    `${file.statements.translated}/${file.statements.total}`,
    `${file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length} errors`,
    displayPath(file.output ?? file.input),
  ]);
  const { totals } = result;
  const share = totals.statements.total === 0 ? 100 : (100 * totals.statements.translated) / totals.statements.total;
  const verb = result.dryRun ? 'parsed' : 'translated';
  const lines = rows.length > 0 ? [textTable(rows), ''] : [];
  if (!result.dryRun && worst.length > 40) lines.push(`... and ${worst.length - 40} more that need a human (see the report)`, '');
  lines.push(
    `${totals.files} files (${totals.losslessFiles} read losslessly): ${totals.byStatus.translated} ${verb}, ${totals.byStatus.review} to review, ${totals.byStatus.manual} need a human, ${totals.byStatus.unreadable} unreadable.`,
    `${totals.statements.total} statements, ${totals.statements.translated} ${verb} (${share.toFixed(2)}%), ${totals.statements.raw} unreadable; ${totals.diagnostics.error} errors, ${totals.diagnostics.warning} warnings.`,
  );
  if (result.out !== undefined) lines.push(`Output: ${displayPath(result.out)}`);
  if (result.reports !== null) lines.push(`Report: ${displayPath(result.reports.html)}`);
  return lines.join('\n');
}

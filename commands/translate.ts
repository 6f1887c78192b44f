import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { displayPath } from './_base/display-path.js';
import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { textTable } from './_base/table.js';
import { LakeshiftError } from '../src/errors.js';
import { translateDryRun, type TranslateResult } from '../src/translate/dry-run.js';

export default class Translate extends LakeshiftCommand<typeof Translate> {
  static override summary = 'Translate T-SQL to Databricks SQL; with --dry-run, report how much of each file lakeshift reads.';
  static override description =
    'With --dry-run, every .sql file of the given files and folders is read and parsed, and the command reports per ' +
    'file whether the reading was lossless, how many statements were parsed and which were kept as raw text, with ' +
    'diagnostics (code, line, column). It needs no lakeshift.yaml and writes nothing.';
  static override strict = false;
  static override examples = [
    '<%= config.bin %> <%= command.id %> --dry-run exports/warehouse',
    '<%= config.bin %> <%= command.id %> --dry-run --json procs/usp_load.sql procs/usp_merge.sql',
  ];
  static override args = {
    paths: Args.string({ description: 'T-SQL files or folders (default: the snapshot folder of lakeshift.yaml).' }),
  };
  static override flags = {
    'dry-run': Flags.boolean({ summary: 'Parse and report only; write nothing.', default: false }),
    target: Flags.string({ summary: 'Target dialect.', options: ['databricks', 'duckdb'], default: 'databricks' }),
  };

  async run(): Promise<TranslateResult> {
    const { argv } = await this.parse(Translate);
    if (!this.flags['dry-run']) {
      throw new LakeshiftError('INPUT_INVALID', 'this lakeshift translates with --dry-run only: writing Databricks SQL is not built yet', {
        hint: 'Run lakeshift translate --dry-run PATHS to see how much of your T-SQL lakeshift reads.',
      });
    }
    let paths = (argv as string[]).map((input) => path.resolve(input));
    if (paths.length === 0) {
      const loaded = await this.loadConfig();
      paths = [path.resolve(loaded.dir, loaded.config.snapshot.dir)];
    }
    const result = await translateDryRun(paths, this.flags.target as 'databricks' | 'duckdb');
    this.log(render(result));
    return result;
  }
}

function render(result: TranslateResult): string {
  const rows = result.files.map((file) => [
    file.lossless ? 'lossless' : 'NOT LOSSLESS',
    `${file.statements.translated}/${file.statements.total} parsed`,
    file.statements.raw === 0 ? '' : `${file.statements.raw} raw`,
    displayPath(file.input),
  ]);
  const lines = [textTable(rows), ''];
  for (const file of result.files) {
    for (const diagnostic of file.diagnostics.filter((item) => item.severity !== 'info')) {
      lines.push(`${displayPath(file.input)}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`);
    }
  }
  const { totals } = result;
  const share = totals.statements.total === 0 ? 100 : (100 * totals.statements.translated) / totals.statements.total;
  lines.push(
    `${totals.files} files, ${totals.losslessFiles} lossless; ${totals.statements.total} statements, ${totals.statements.translated} parsed (${share.toFixed(2)}%), ${totals.statements.raw} raw; ` +
      `${totals.diagnostics.error} errors, ${totals.diagnostics.warning} warnings.`,
  );
  return lines.join('\n');
}

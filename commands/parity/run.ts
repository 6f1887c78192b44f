import path from 'node:path';
import { Flags } from '@oclif/core';
import { LakeshiftCommand } from '../_base/lakeshift-command.js';
import { displayPath } from '../_base/display-path.js';
import { textTable } from '../_base/table.js';
import { DEFAULT_SAMPLE, runParity } from '../../src/parity/run-parity.js';
import type { ParityRunResult } from '../../src/parity/results.js';
import { parityFailureLines, paritySummaryRows } from '../../src/parity/summary-text.js';

export default class ParityRun extends LakeshiftCommand<typeof ParityRun> {
  static override summary = 'Compare the legacy and rebuilt tables of a table set.';
  static override description =
    'Diffs each table pair of the set, pushed down to the engines, and writes reports/parity/<set>/<run-id>/result.json. ' +
    'Exit 0 when every table passes, 1 when one fails its threshold, 3 when one errors on a connection or query, 2 on bad input, 130 on Ctrl-C.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> --set finance',
    '<%= config.bin %> <%= command.id %> --set finance --table sales_summary --sample 500',
    '<%= config.bin %> <%= command.id %> --set finance --concurrency 8 --json',
  ];
  static override flags = {
    set: Flags.string({ char: 's', summary: 'The table set (parity.sets.<name>).', required: true }),
    table: Flags.string({ char: 't', summary: 'Only this table of the set (repeatable).', multiple: true }),
    concurrency: Flags.integer({ summary: 'Tables compared at once (default: parity.concurrency).', min: 1, max: 64 }),
    sample: Flags.integer({ summary: `Rows kept per category (missing, extra, changed) in the result (default ${DEFAULT_SAMPLE}).`, min: 0, max: 100_000 }),
  };

  async run(): Promise<ParityRunResult> {
    const loaded = await this.loadConfig();
    const run = await runParity({
      loaded,
      set: this.flags.set,
      reporter: this.reporter,
      signal: this.signal,
      ...(this.flags.table === undefined ? {} : { tables: this.flags.table }),
      ...(this.flags.concurrency === undefined ? {} : { concurrency: this.flags.concurrency }),
      ...(this.flags.sample === undefined ? {} : { sample: this.flags.sample }),
    });
    const { result } = run;
    const reports = result.reports;
    const footer =
      run.file === undefined
        ? []
        : ['', `result: ${displayPath(run.file)}`, ...(reports.html === undefined ? [] : [`report: ${displayPath(path.resolve(loaded.dir, reports.html))}`])];
    const lines = [`parity ${result.set}: ${result.status}${result.interrupted ? ' (interrupted)' : ''}`, '', textTable(paritySummaryRows(result))];
    const failures = parityFailureLines(result);
    this.log([...lines, ...(failures.length === 0 ? [] : ['', ...failures.map((line) => `  ${line}`)]), ...footer].join('\n'));
    this.setExitCode(run.exitCode);
    return result;
  }
}

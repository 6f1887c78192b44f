import path from 'node:path';
import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { displayPath } from './_base/display-path.js';
import { textTable } from './_base/table.js';
import { rebuildReports, type ReportResult } from '../src/report/rebuild-reports.js';

export default class Report extends LakeshiftCommand<typeof Report> {
  static override summary = 'Rebuild the parity reports and the index of all runs from the stored results.';
  static override description =
    'Renders report.html, junit.xml and summary.md of every run under reports/parity/ again from its result.json, then ' +
    'reports/index.html (every set, its latest run and its pass/fail trend) and reports/parity/<set>/index.html. ' +
    'A result file that cannot be read is a warning.';
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json'];

  async run(): Promise<ReportResult> {
    const loaded = await this.loadConfig();
    const result = await rebuildReports({ loaded, reporter: this.reporter });
    const rows = result.sets.map((set) => [
      set.set,
      `${set.runs} run${set.runs === 1 ? '' : 's'}`,
      set.latest?.runId ?? '(never run)',
      set.latest?.status ?? '',
      set.latest === null ? '' : set.latest.signed ? 'signed off' : 'not signed off',
    ]);
    if (rows.length > 0) this.log(textTable([['set', 'runs', 'latest run', 'status', 'sign-off'], ...rows]));
    this.log(`\nRebuilt the reports of ${result.rebuilt} run${result.rebuilt === 1 ? '' : 's'}.`);
    this.log(`Index: ${displayPath(path.join(loaded.dir, result.index))}`);
    return result;
  }
}

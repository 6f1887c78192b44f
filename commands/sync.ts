import { Flags } from '@oclif/core';
import { displayPath } from './_base/display-path.js';
import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { textTable } from './_base/table.js';
import { runSync, type SyncResult } from '../src/snapshot/sync.js';

export default class Sync extends LakeshiftCommand<typeof Sync> {
  static override summary = 'Inventory the legacy estate, snapshot it into git, and report what changed.';
  static override description =
    'Writes one file per object into the snapshot folder (snapshot.dir), commits it when something changed, and ' +
    'writes a change report (Markdown and HTML under reports/sync/) naming the table sets and translations each ' +
    'change touches. The snapshot is left as it was if any source cannot be read.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --no-commit',
    '<%= config.bin %> <%= command.id %> --json',
  ];
  static override flags = {
    'no-commit': Flags.boolean({ summary: 'Write the snapshot but do not commit it.', default: false }),
    force: Flags.boolean({ summary: 'Run even when the snapshot folder has uncommitted changes (they are overwritten).', default: false }),
  };

  async run(): Promise<SyncResult> {
    const loaded = await this.loadConfig();
    const result = await runSync({
      loaded,
      commit: !this.flags['no-commit'],
      force: this.flags.force,
      reporter: this.reporter,
      signal: this.signal,
    });
    const { added, changed, removed } = result.changes;
    this.log(`${result.objects} objects in ${displayPath(result.snapshot)}: +${added.length} ~${changed.length} -${removed.length}`);
    this.log(result.commit === null ? (added.length + changed.length + removed.length === 0 ? 'Nothing changed: no commit.' : 'Not committed (--no-commit).') : `Committed ${result.commit.slice(0, 7)}.`);
    const rows = [
      ...changed.map((id) => ['~', id]),
      ...added.map((id) => ['+', id]),
      ...removed.map((id) => ['-', id]),
    ];
    if (rows.length > 0 && rows.length <= 50) this.log(`\n${textTable(rows)}`);
    const touched = [...new Set(result.impact.flatMap((impact) => impact.tables))].sort();
    if (touched.length > 0) this.log(`\nTable sets touched: ${touched.join(', ')}`);
    if (result.reports !== null) this.log(`\nChange report: ${displayPath(result.reports.html)}\n               ${displayPath(result.reports.markdown)}`);
    return result;
  }
}

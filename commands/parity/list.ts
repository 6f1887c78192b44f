import { LakeshiftCommand } from '../_base/lakeshift-command.js';
import { textTable } from '../_base/table.js';
import { listParity, type ParityListResult } from '../../src/parity/list-parity.js';

export default class ParityList extends LakeshiftCommand<typeof ParityList> {
  static override summary = 'List the table sets and their latest parity run.';
  static override description = 'Reads the stored results under reports/parity/; a file that cannot be read is a warning.';
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json'];

  async run(): Promise<ParityListResult> {
    const loaded = await this.loadConfig();
    const result = await listParity({ loaded, reporter: this.reporter });
    const rows = result.sets.map((set) => {
      const latest = set.latest;
      const totals = latest === null ? '' : `${latest.totals.passed} passed, ${latest.totals.failed} failed, ${latest.totals.errored} errored`;
      return [set.name, `${set.tables} table${set.tables === 1 ? '' : 's'}`, latest?.runId ?? '(never run)', latest?.status ?? '', latest?.finishedAt ?? '', totals];
    });
    this.log(result.sets.length === 0 ? 'No table sets: add one under parity.sets in lakeshift.yaml.' : textTable([['set', 'tables', 'latest run', 'status', 'finished', 'result'], ...rows]));
    return result;
  }
}

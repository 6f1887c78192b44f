import { Args } from '@oclif/core';
import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { displayPath } from './_base/display-path.js';
import { textTable } from './_base/table.js';
import { runDemo, type DemoResult } from '../src/demo/demo.js';

export default class Demo extends LakeshiftCommand<typeof Demo> {
  static override summary = 'Run the week on the bundled ShellCorp example estate, offline, on the embedded DuckDB.';
  static override description =
    'Creates a workspace (a git repository) from examples/shellcorp, checks its lakeshift.yaml and connections, ' +
    'syncs the legacy estate into a git snapshot with a change report, and loads the legacy base and derived ' +
    'tables into a local DuckDB. Running it again replaces a previous demo ' +
    'workspace; any other non-empty folder is refused.';
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> /tmp/shellcorp-week --json'];
  static override args = {
    dir: Args.string({ description: 'Workspace folder.', default: 'lakeshift-demo' }),
  };

  async run(): Promise<DemoResult> {
    const result = await runDemo({ dir: this.args.dir, reporter: this.reporter, signal: this.signal });
    this.log(`\nShellCorp demo workspace: ${displayPath(result.workspace)}`);
    this.log(textTable(result.steps.map((step, index) => [`${index + 1}.`, step.name, `${step.elapsedMs} ms`])));
    if (result.sync.report !== null) this.log(`\nChange report: ${displayPath(result.sync.report)}`);
    this.log(`\nLegacy tables in ${displayPath(result.database)}:`);
    this.log(textTable(result.tables.map((table) => [table.target, table.role, `${table.rows.toLocaleString('en-US')} rows`])));
    this.log(`\nTry: cd ${displayPath(result.workspace)} && node ${process.argv[1]} doctor`);
    return result;
  }
}

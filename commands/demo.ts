import { Args } from '@oclif/core';
import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { displayPath } from './_base/display-path.js';
import { textTable } from './_base/table.js';
import { runDemo, type DemoResult } from '../src/demo/demo.js';

export default class Demo extends LakeshiftCommand<typeof Demo> {
  static override summary = 'Run a migration week on the bundled ShellCorp example estate, offline, on the embedded DuckDB.';
  static override description =
    'Creates a workspace (a git repository) from examples/shellcorp and runs, in order, what a team would run by hand: ' +
    'check lakeshift.yaml and the connections; sync the legacy estate into a git snapshot with a change report; ' +
    'translate the T-SQL to Databricks SQL and to DuckDB; load the legacy base and derived tables into a local DuckDB; ' +
    'rehearse the nightly job (its procedures, translated, rebuild the derived tables in the gold schema); ' +
    'compare every table set (one passes, one fails on a real difference the report explains); sign off the set that passed ' +
    'and render its cutover checklist; then the next week: two procedures change, the sync names the table set they reach ' +
    'and the checklist reopens. Needs no network and no database server. Running it again replaces a previous demo ' +
    'workspace; any other non-empty folder is refused.';
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> /tmp/shellcorp-week --json'];
  static override args = {
    dir: Args.string({ description: 'Workspace folder.', default: 'lakeshift-demo' }),
  };

  async run(): Promise<DemoResult> {
    const result = await runDemo({ dir: this.args.dir, reporter: this.reporter, signal: this.signal });
    const total = result.steps.reduce((sum, step) => sum + step.elapsedMs, 0);
    const lines = [
      '',
      `ShellCorp demo workspace: ${displayPath(result.workspace)} (${(total / 1000).toFixed(1)} s)`,
      textTable(result.steps.map((step, index) => [`${index + 1}.`, step.name, `${step.elapsedMs} ms`])),
      '',
      'Parity:',
      ...result.parity.flatMap((run) => [`  ${run.set}: ${run.status.toUpperCase()}`, ...run.failures.map((failure) => `    ${failure}`)]),
      '',
      'Open in a browser:',
      textTable(
        reportPaths(result)
          .filter((row): row is [string, string] => row[1] !== null)
          .map(([what, file]) => [`  ${what}`, displayPath(file)]),
      ),
    ];
    if (result.nextWeek.reopened.length > 0) lines.push('', `Week 2 reopened on the ${result.signoff?.set ?? ''} checklist: ${result.nextWeek.reopened.join('; ')}`);
    const cli = `node ${process.argv[1] ?? 'bin/run.js'}`;
    lines.push('', `Next: cd ${displayPath(result.workspace)} && ${cli} parity list   (or: cutover --set ${result.signoff?.set ?? 'sales'}, rehearse --help)`);
    this.log(lines.join('\n'));
    return result;
  }
}

/** The reports the demo wrote, in the order of the week; null where a step wrote none. */
function reportPaths(result: DemoResult): Array<[string, string | null]> {
  return [
    ['reports index', result.index],
    ['change report, week 1', result.sync.report],
    ...result.translation.map((translation): [string, string | null] => [`translation to ${translation.target}`, translation.report]),
    ...result.parity.map((run): [string, string | null] => [`parity ${run.set}`, run.report]),
    ['cutover checklist, week 1', result.signoff?.checklist ?? null],
    ['change report, week 2', result.nextWeek.sync.report],
    ['cutover checklist, week 2', result.nextWeek.checklist],
  ];
}

import path from 'node:path';
import { Flags } from '@oclif/core';
import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { displayPath } from './_base/display-path.js';
import { runCutover, type CutoverResult } from '../src/cutover/cutover.js';

export default class Cutover extends LakeshiftCommand<typeof Cutover> {
  static override summary = 'Render the cutover checklist of a table set; tick its manual steps.';
  static override description =
    'Each item done or open with its evidence: legacy objects inventoried, no legacy change since the last passing run, ' +
    'everything translated with no error diagnostic, latest parity run passed and signed off, and the manual steps of the set. ' +
    'Writes reports/cutover/<set>.html (or .md). Exit 0 whether items are open or not; 2 on bad input.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> --set sales',
    '<%= config.bin %> <%= command.id %> --set sales --format md',
    '<%= config.bin %> <%= command.id %> --set sales --tick bi-reports-switched --by "Sam Okafor" --note "Power BI finance pack repointed"',
  ];
  static override flags = {
    set: Flags.string({ char: 's', summary: 'The table set (parity.sets.<name>).', required: true }),
    format: Flags.string({ summary: 'Output format.', options: ['html', 'md'], default: 'html' }),
    out: Flags.string({ char: 'o', summary: 'Where to write the checklist (default: reports/cutover/<set>.html or .md).' }),
    tick: Flags.string({ summary: 'Record that this manual step is done (needs --by).', dependsOn: ['by'] }),
    by: Flags.string({ summary: 'Who did the step ticked.', dependsOn: ['tick'] }),
    note: Flags.string({ summary: 'A note on the step ticked.', dependsOn: ['tick'] }),
  };

  async run(): Promise<CutoverResult> {
    const loaded = await this.loadConfig();
    const { flags } = this;
    const result = await runCutover({
      loaded,
      set: flags.set,
      format: flags.format as 'html' | 'md',
      reporter: this.reporter,
      ...(flags.out === undefined ? {} : { out: path.resolve(flags.out) }),
      ...(flags.tick === undefined || flags.by === undefined ? {} : { tick: { step: flags.tick, by: flags.by, ...(flags.note === undefined ? {} : { note: flags.note }) } }),
    });
    const { checklist } = result;
    if (result.ticked !== null) this.log(`Ticked ${result.ticked.tick.step} by ${result.ticked.tick.by}${result.ticked.commit === null ? '' : ` (committed ${result.ticked.commit.slice(0, 7)})`}.`);
    for (const item of checklist.items) this.log(`  ${item.status === 'done' ? '[x]' : '[ ]'} ${item.title}${item.status === 'open' && item.todo !== null ? `\n        ${item.todo}` : ''}`);
    this.log(`\n${checklist.ready ? 'Ready for cutover.' : `${checklist.counts.open} of ${checklist.counts.items} items open.`} Checklist: ${displayPath(path.join(loaded.dir, result.file))}`);
    return result;
  }
}

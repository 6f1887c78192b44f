import path from 'node:path';
import { Flags } from '@oclif/core';
import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { displayPath } from './_base/display-path.js';
import { signoffRun, type SignoffResult } from '../src/cutover/signoff.js';

export default class Signoff extends LakeshiftCommand<typeof Signoff> {
  static override summary = 'Record who signed off a parity run of a table set.';
  static override description =
    'Appends the run id, the sha256 of its result.json, its status, who and when to signoffs/<set>.yaml and commits that file ' +
    'when lakeshift.yaml is in a git repository. Signs the latest run unless --run names another. A failed or errored run ' +
    'needs --accept-failures and a --note saying why (exit 2 otherwise).';
  static override examples = [
    '<%= config.bin %> <%= command.id %> --set sales --by "Dana Whitfield (Finance)"',
    '<%= config.bin %> <%= command.id %> --set customers --by "Dana Whitfield" --run 2026-11-23T09-12-03Z-ab12 --accept-failures --note "FIN-2291: corrected by hand in legacy"',
  ];
  static override flags = {
    set: Flags.string({ char: 's', summary: 'The table set (parity.sets.<name>).', required: true }),
    by: Flags.string({ summary: 'Who signs off.', required: true }),
    run: Flags.string({ summary: 'The run to sign (default: the latest run of the set).' }),
    note: Flags.string({ summary: 'Why, or what was checked; required with --accept-failures.' }),
    'accept-failures': Flags.boolean({ summary: 'Sign a run with failed or errored tables (needs --note).', default: false }),
  };

  async run(): Promise<SignoffResult> {
    const loaded = await this.loadConfig();
    const result = await signoffRun({
      loaded,
      set: this.flags.set,
      by: this.flags.by,
      acceptFailures: this.flags['accept-failures'],
      reporter: this.reporter,
      ...(this.flags.run === undefined ? {} : { run: this.flags.run }),
      ...(this.flags.note === undefined ? {} : { note: this.flags.note }),
    });
    const { signoff } = result;
    this.log(`Signed off run ${signoff.run} of ${result.set} (${signoff.status}${signoff.acceptedFailures ? ', failures accepted' : ''}) by ${signoff.by}.`);
    this.log(`Record: ${displayPath(path.join(loaded.dir, result.record))}${result.commit === null ? ' (not committed: not in a git repository)' : `, committed ${result.commit.slice(0, 7)}`}`);
    return result;
  }
}

import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { displayPath } from './_base/display-path.js';
import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { initProject, type InitResult } from '../src/init/init-project.js';

export default class Init extends LakeshiftCommand<typeof Init> {
  static override summary = 'Scaffold a migration repo: a commented lakeshift.yaml, working folders, .gitignore, git init.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> shellcorp-migration',
    '<%= config.bin %> <%= command.id %> . --project finance-migration',
  ];
  static override args = {
    dir: Args.string({ description: 'Folder of the new migration repo (created when missing).', default: '.' }),
  };
  static override flags = {
    project: Flags.string({ summary: 'Project name (default: the folder name).' }),
    'no-git': Flags.boolean({ summary: 'Do not run git init.', default: false }),
  };

  async run(): Promise<InitResult> {
    const result = await initProject({
      dir: this.args.dir,
      git: !this.flags['no-git'],
      reporter: this.reporter,
      ...(this.flags.project === undefined ? {} : { project: this.flags.project }),
    });
    const shown = displayPath(result.dir);
    for (const file of result.created) this.log(`  created ${path.join(shown, file)}`);
    for (const file of result.kept) this.log(`  kept    ${path.join(shown, file)} (already there)`);
    if (result.git === 'initialized') this.log(`  git init ${shown}`);
    this.log(`\nNext: edit ${path.join(shown, 'lakeshift.yaml')} (connections, legacy sources, table sets), then run \`lakeshift doctor\`.`);
    return result;
  }
}

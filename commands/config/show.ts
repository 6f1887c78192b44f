import { LakeshiftCommand } from '../_base/lakeshift-command.js';
import { stringify } from 'yaml';
import type { LakeshiftConfig } from '../../src/config/schema.js';

export interface ConfigShowResult {
  readonly file: string;
  readonly config: LakeshiftConfig;
}

export default class ConfigShow extends LakeshiftCommand<typeof ConfigShow> {
  static override summary = 'Print lakeshift.yaml as lakeshift reads it: validated, defaults filled in, secrets hidden.';
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --config ../other/lakeshift.yaml --json'];

  async run(): Promise<ConfigShowResult> {
    const loaded = await this.loadConfig();
    // Round-trip through JSON so that secrets print as their redacted form.
    const config = JSON.parse(JSON.stringify(loaded.config)) as LakeshiftConfig;
    if (!this.jsonEnabled()) this.log(`# ${loaded.file}\n${stringify(config)}`);
    return { file: loaded.file, config };
  }
}

import { LakeshiftCommand } from '../_base/lakeshift-command.js';
import { configJsonSchema } from '../../src/config/json-schema.js';

export default class ConfigSchema extends LakeshiftCommand<typeof ConfigSchema> {
  static override summary = 'Print the JSON Schema of lakeshift.yaml.';
  static override description =
    'Editors with a YAML language server complete and check lakeshift.yaml with it. Save it beside the file and ' +
    'point the first line of lakeshift.yaml at it: "# yaml-language-server: $schema=./lakeshift.schema.json".';
  static override examples = [
    '<%= config.bin %> <%= command.id %> > lakeshift.schema.json',
  ];

  async run(): Promise<Record<string, unknown>> {
    const schema = configJsonSchema();
    if (!this.jsonEnabled()) this.log(JSON.stringify(schema, null, 2));
    return schema;
  }
}

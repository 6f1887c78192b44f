import { LakeshiftCommand } from './_base/lakeshift-command.js';
import { textTable } from './_base/table.js';
import { runInventory, type InventoryResult } from '../src/inventory/inventory.js';

export default class Inventory extends LakeshiftCommand<typeof Inventory> {
  static override summary = 'Scan every legacy source and count what it holds; writes nothing.';
  static override description =
    'Reads the catalogs (live SQL Server or scripted exports), the analysts\' repos and their generators as ' +
    'lakeshift.yaml configures them, and prints the objects found by kind and by source, with any warnings.';
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json'];

  async run(): Promise<InventoryResult> {
    const loaded = await this.loadConfig();
    const result = await runInventory({ loaded, reporter: this.reporter, signal: this.signal });
    this.log(`${result.objects} objects\n`);
    this.log(textTable(Object.entries(result.byKind).map(([kind, count]) => [kind, String(count)])));
    this.log('');
    this.log(textTable(result.sources.map((source) => [`${source.type} ${source.name}`, source.status, `${source.objects} objects`, source.commit?.slice(0, 7) ?? ''])));
    if (result.warnings.length > 0) this.log(`\n${result.warnings.length} warning(s): see above.`);
    return result;
  }
}

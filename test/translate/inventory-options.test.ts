import { describe, expect, it } from 'vitest';
import { inventoryOptions, type InventoryEntry } from '../../src/translate/inventory-options.js';

function table(name: string, columns: Array<Record<string, unknown>>): InventoryEntry {
  return { kind: 'table', name, details: { columns } };
}

describe('inventoryOptions', () => {
  const entries: InventoryEntry[] = [
    table('sales.Orders', [
      { name: 'OrderID', type: 'int', nullable: false, default: '(NEXT VALUE FOR [Sequences].[OrderID])' },
      { name: 'CustomerID', type: 'int', nullable: false },
    ]),
    // As an SSDT script's parse records it: the expression without the catalog's parentheses.
    table('sales.Invoices', [{ name: 'InvoiceID', type: 'int', nullable: false, default: 'NEXT VALUE FOR Sequences.InvoiceID' }]),
    table('etl.run_log', [
      { name: 'run_log_id', type: 'int', nullable: false, identity: true },
      { name: 'batch', type: 'int', nullable: false, default: '(NEXT VALUE FOR [Sequences].[Batch])' },
    ]),
    table('dw.notes', [{ name: 'note', type: 'nvarchar(100)', nullable: true, default: "(N'NEXT VALUE FOR')" }]),
  ];
  const options = inventoryOptions(entries);

  it('finds the column numbered by a sequence default, by lower-cased schema.table', () => {
    expect(options.sequenceColumn?.('sales.orders')).toBe('OrderID');
    expect(options.sequenceColumn?.('sales.invoices')).toBe('InvoiceID');
    expect(options.identityColumn?.('sales.orders')).toBeUndefined();
  });

  it('keeps the IDENTITY column of a table that has one, and a string default that merely mentions a sequence is not one', () => {
    expect(options.identityColumn?.('etl.run_log')).toBe('run_log_id');
    expect(options.sequenceColumn?.('etl.run_log')).toBeUndefined();
    expect(options.sequenceColumn?.('dw.notes')).toBeUndefined();
  });

  it('changes its digest when a sequence default appears, so translations made without it are redone', () => {
    const without = inventoryOptions([table('sales.Orders', [{ name: 'OrderID', type: 'int', nullable: false }, { name: 'CustomerID', type: 'int', nullable: false }])]);
    const withSequence = inventoryOptions(entries.slice(0, 1));
    expect(withSequence.digest).not.toBe(without.digest);
  });

  it('reads the primary key the catalog scripted, by lower-cased schema.table, and its digest follows it', () => {
    const columns = [{ name: 'CustomerId', type: 'int', nullable: false }, { name: 'BusinessKey', type: 'nvarchar(20)', nullable: false }];
    const keyed = inventoryOptions([{ kind: 'table', name: 'stage.Customer', details: { columns, primaryKey: ['CustomerId'] } }]);
    const unkeyed = inventoryOptions([table('stage.Customer', columns)]);
    expect(keyed.primaryKey?.('stage.customer')).toEqual(['CustomerId']);
    expect(unkeyed.primaryKey?.('stage.customer')).toBeUndefined();
    expect(keyed.digest).not.toBe(unkeyed.digest);
  });
});

import { createHash } from 'node:crypto';
import type { ManifestEntry } from '../snapshot/manifest.js';
import type { TranslateOptions } from './context.js';

/** What the translation reads from the inventory: the legacy tables' column types, identity columns and primary keys. */
export interface InventoryOptions extends Pick<TranslateOptions, 'columnTypes' | 'identityColumn' | 'sequenceColumn' | 'primaryKey'> {
  /**
   * A digest of that information: a translation made with other column facts may differ, so
   * the incremental translate compares it as well as each object's own text.
   */
  readonly digest: string;
}

/** What the translation reads of a snapshot's object. */
export type InventoryEntry = Pick<ManifestEntry, 'kind' | 'name' | 'details'>;

interface ColumnFact {
  readonly name: string;
  readonly type: string;
  readonly identity: boolean;
  /** Numbered by a sequence: its default is NEXT VALUE FOR one. */
  readonly sequenced: boolean;
}

/** `NEXT VALUE FOR s`, in the parentheses SQL Server's catalog puts around defaults or not. */
const SEQUENCE_DEFAULT = /^[\s(]*NEXT\s+VALUE\s+FOR\b/i;

/** The primary key the snapshot records for a table (manifest details), if it is a list of names. */
function primaryKeyOf(entry: InventoryEntry): readonly string[] | undefined {
  const key = entry.details['primaryKey'];
  if (!Array.isArray(key) || key.length === 0 || !key.every((column): column is string => typeof column === 'string')) return undefined;
  return key;
}

/** The columns the snapshot records for a table (manifest details), skipping what is malformed. */
function columnsOf(entry: InventoryEntry): ColumnFact[] {
  const columns = entry.details['columns'];
  if (!Array.isArray(columns)) return [];
  return columns.flatMap((column: unknown) => {
    if (column === null || typeof column !== 'object') return [];
    const { name, type, identity, default: defaultValue } = column as Record<string, unknown>;
    if (typeof name !== 'string' || typeof type !== 'string' || type === 'computed') return [];
    return [{ name, type, identity: identity === true, sequenced: typeof defaultValue === 'string' && SEQUENCE_DEFAULT.test(defaultValue) }];
  });
}

/**
 * Column types, identity columns, primary keys and sequence-numbered columns of the snapshot's tables (a
 * table without an identity column whose column defaults to NEXT VALUE FOR a sequence gets
 * that column as its identity column in the translation), keyed as the translator looks
 * them up: `schema.table` and column names in lower case. Where two catalogs hold a table of
 * the same schema and name, the first one the manifest lists is taken.
 */
export function inventoryOptions(entries: readonly InventoryEntry[]): InventoryOptions {
  const types = new Map<string, Map<string, string>>();
  const identities = new Map<string, string>();
  const sequenced = new Map<string, string>();
  const keys = new Map<string, readonly string[]>();
  for (const entry of entries) {
    if (entry.kind !== 'table') continue;
    const key = entry.name.toLowerCase();
    if (types.has(key)) continue;
    const columns = columnsOf(entry);
    if (columns.length === 0) continue;
    types.set(key, new Map(columns.map((column) => [column.name.toLowerCase(), column.type])));
    const identity = columns.find((column) => column.identity);
    if (identity !== undefined) identities.set(key, identity.name);
    const numbered = columns.find((column) => column.sequenced);
    if (identity === undefined && numbered !== undefined) sequenced.set(key, numbered.name);
    const primaryKey = primaryKeyOf(entry);
    if (primaryKey !== undefined) keys.set(key, primaryKey);
  }
  const digest = createHash('sha256')
    .update(JSON.stringify([...types].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([table, columns]) => [table, [...columns], identities.get(table) ?? null, sequenced.get(table) ?? null, keys.get(table) ?? null])))
    .digest('hex');
  return {
    columnTypes: (table) => types.get(table.toLowerCase()),
    identityColumn: (table) => identities.get(table.toLowerCase()),
    sequenceColumn: (table) => sequenced.get(table.toLowerCase()),
    primaryKey: (table) => keys.get(table.toLowerCase()),
    digest,
  };
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LakeshiftConfig } from '../config/schema.js';
import type { ManifestEntry } from './manifest.js';

export interface ObjectImpact {
  readonly id: string;
  /** Parity table sets with a legacy table downstream of the object: `set` or `set/table`. */
  readonly sets: readonly string[];
  /** Parity tables affected, as `set/table`. */
  readonly tables: readonly string[];
  /** Translated files (relative to translate.out) of the object and of what depends on it. */
  readonly translated: readonly string[];
  /** Ids of the objects downstream of it (not counting itself). */
  readonly dependents: readonly string[];
}

/**
 * Lineage over the inventory's references. A change to X reaches: objects that read, call or
 * execute X; tables X writes (their content comes from X), and in turn whatever reads those.
 * Names are matched the way SQL Server resolves them in one database: `schema.name`,
 * case-insensitively, a one-part name in dbo, the database part ignored.
 */
export class LineageGraph {
  readonly #entries = new Map<string, ManifestEntry>();
  /** node -> nodes that depend on it. Nodes are object ids or `name:<schema.name>`. */
  readonly #dependents = new Map<string, Set<string>>();
  readonly #byName = new Map<string, string[]>();

  constructor(entries: Iterable<ManifestEntry>) {
    for (const entry of entries) {
      this.#entries.set(entry.id, entry);
      if (isNamedObject(entry)) this.#index(normaliseName(entry.name), entry.id);
    }
    for (const entry of this.#entries.values()) {
      // A named object and its name are one node as far as lineage goes.
      if (isNamedObject(entry)) this.#edge(nameNode(entry.name), entry.id);
      for (const reference of entry.references) {
        const targets = this.#resolve(reference.name);
        for (const target of targets) {
          if (target === entry.id) continue;
          if (reference.use === 'writes') this.#edge(entry.id, target);
          else this.#edge(target, entry.id);
        }
      }
    }
  }

  /** Everything downstream of an object, the object excluded. */
  downstream(id: string): Set<string> {
    const seen = new Set<string>([id]);
    const queue = [id];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const next of this.#dependents.get(node) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    seen.delete(id);
    return seen;
  }

  /**
   * Everything a table's content depends on: the objects that write it, what those read, call
   * and execute, and so on up to the base tables. Object ids only (names not in the inventory
   * are left out).
   */
  upstream(name: string): Set<string> {
    const reverse = this.#reverse();
    const seen = new Set<string>(this.nodesOf(name));
    const queue = [...seen];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const previous of reverse.get(node) ?? []) {
        if (seen.has(previous)) continue;
        seen.add(previous);
        queue.push(previous);
      }
    }
    return new Set([...seen].filter((node) => !node.startsWith('name:')));
  }

  #reversed: Map<string, Set<string>> | undefined;

  #reverse(): Map<string, Set<string>> {
    if (this.#reversed !== undefined) return this.#reversed;
    const reversed = new Map<string, Set<string>>();
    for (const [from, targets] of this.#dependents) {
      for (const to of targets) {
        const set = reversed.get(to) ?? new Set<string>();
        set.add(from);
        reversed.set(to, set);
      }
    }
    this.#reversed = reversed;
    return reversed;
  }

  entry(id: string): ManifestEntry | undefined {
    return this.#entries.get(id);
  }

  /** The nodes a table name stands for: the catalog objects of that name, and the name itself. */
  nodesOf(name: string): string[] {
    return this.#resolve(name);
  }

  #resolve(name: string): string[] {
    const key = normaliseName(name);
    return [nameNode(key), ...(this.#byName.get(key) ?? [])];
  }

  #index(key: string, id: string): void {
    const ids = this.#byName.get(key) ?? [];
    ids.push(id);
    this.#byName.set(key, ids);
  }

  #edge(from: string, to: string): void {
    const set = this.#dependents.get(from) ?? new Set<string>();
    set.add(to);
    this.#dependents.set(from, set);
  }
}

/**
 * For each changed (added, changed or removed) object: the parity sets and tables it feeds and
 * the translated files that may need another look.
 */
export function analyseImpact(
  changedIds: readonly string[],
  graph: LineageGraph,
  config: LakeshiftConfig,
  translatedDir: string,
): ObjectImpact[] {
  const paritySources = parityTables(config);
  // Many changed objects reach the same objects: each one's translated file is looked for
  // once, and none is while nothing has been translated.
  const anyTranslated = existsSync(translatedDir);
  const translatedFiles = new Map<string, string | undefined>();
  const translatedFile = (node: string): string | undefined => {
    if (translatedFiles.has(node)) return translatedFiles.get(node);
    const entry = graph.entry(node);
    const relative = entry === undefined ? undefined : translatedPath(entry.path);
    const found = relative !== undefined && existsSync(path.join(translatedDir, relative)) ? relative : undefined;
    translatedFiles.set(node, found);
    return found;
  };
  return changedIds.map((id) => {
    const downstream = graph.downstream(id);
    const reached = new Set([id, ...downstream]);
    const tables = paritySources
      .filter((table) => graph.nodesOf(table.catalogTable).some((node) => reached.has(node)))
      .map((table) => `${table.set}/${table.table}`);
    const translated = anyTranslated
      ? [...reached].map(translatedFile).filter((relative): relative is string => relative !== undefined).sort()
      : [];
    return {
      id,
      sets: [...new Set(tables.map((table) => table.split('/')[0]!))].sort(),
      tables: tables.sort(),
      translated,
      dependents: [...downstream].filter((node) => !node.startsWith('name:')).sort(),
    };
  });
}

/** translate.out mirrors the snapshot layout, every file a .sql. */
export function translatedPath(snapshotPath: string): string {
  return snapshotPath.replace(/\.(sql|py|yaml|ipynb\.py)$/i, '') + '.sql';
}

/** Each parity table with the legacy catalog table it compares (`catalogTable`, else its legacy table). */
function parityTables(config: LakeshiftConfig): Array<{ set: string; table: string; catalogTable: string }> {
  return Object.entries(config.parity.sets).flatMap(([set, definition]) =>
    definition.tables.map((table) => ({
      set,
      table: table.name,
      catalogTable: table.catalogTable ?? (typeof table.legacy === 'string' ? table.legacy : table.legacy.table),
    })),
  );
}

function isNamedObject(entry: ManifestEntry): boolean {
  return entry.origin.type === 'catalog' && ['procedure', 'view', 'function', 'trigger', 'table', 'synonym'].includes(entry.kind);
}

function nameNode(name: string): string {
  return `name:${normaliseName(name)}`;
}

/** `[ShellCorp].[dw].[x]`, `dw.X`, `x` -> `dw.x` (a one-part name in dbo). */
export function normaliseName(name: string): string {
  const parts = name
    .split('.')
    .map((part) => part.replace(/^\[(.*)\]$/, '$1').replace(/^"(.*)"$/, '$1').toLowerCase());
  const object = parts[parts.length - 1] ?? '';
  const schema = parts.length >= 2 ? parts[parts.length - 2] || 'dbo' : 'dbo';
  return `${schema}.${object}`;
}

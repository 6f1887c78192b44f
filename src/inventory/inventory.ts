import path from 'node:path';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import { EnginePool } from '../engines/registry.js';
import { isLakeshiftError, LakeshiftError, describeError } from '../errors.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { GeneratorSource } from './generator-source.js';
import type { InventorySource, InventoryWarning, LegacyObject, LegacyObjectKind, ObjectOrigin, SourceContext, UnreadScope } from './legacy-object.js';
import { RepoSource } from './repo-source.js';
import { ScriptedCatalogSource } from './scripted-catalog.js';
import { SqlServerCatalogSource } from './sqlserver-catalog.js';

export interface SourceSummary {
  readonly type: ObjectOrigin['type'];
  readonly name: string;
  readonly status: 'ok' | 'failed';
  readonly objects: number;
  /** The commit read, for a repo that is a git repository. */
  readonly commit?: string;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface InventoryResult {
  readonly objects: number;
  readonly byKind: Partial<Record<LegacyObjectKind, number>>;
  readonly sources: readonly SourceSummary[];
  readonly warnings: readonly InventoryWarning[];
}

export interface InventoryOptions {
  readonly loaded: LoadedConfig;
  readonly reporter?: Reporter;
  readonly signal?: AbortSignal;
  /** Engines for live catalogs; one is opened (and closed) when absent. */
  readonly engines?: EnginePool;
}

/** Every source lakeshift.yaml configures: catalogs, repos, and the generators of each repo. */
export function configuredSources(loaded: LoadedConfig, engines: EnginePool): InventorySource[] {
  const sources: InventorySource[] = [];
  for (const catalog of loaded.config.legacy.catalogs) {
    sources.push(
      catalog.scripts !== undefined
        ? new ScriptedCatalogSource(catalog, resolveConfigPath(loaded, catalog.scripts))
        : new SqlServerCatalogSource(catalog, engines.get(catalog.connection!)),
    );
  }
  const scratch = path.join(loaded.dir, '.lakeshift', 'tmp', 'generators');
  for (const repo of loaded.config.legacy.repos) {
    const source = new RepoSource(repo, loaded.dir);
    sources.push(source);
    for (const generator of repo.generators) {
      sources.push(new GeneratorSource(generator, () => source.prepare({ warn: () => {} }), scratch));
    }
  }
  return sources;
}

export interface SourceRun {
  readonly summaries: readonly SourceSummary[];
  readonly warnings: readonly InventoryWarning[];
  /** Origins whose objects could not be read this time (their previous snapshot stays). */
  readonly failed: ReadonlySet<string>;
  /** Parts of sources that could not be read this time (their previous snapshot stays too). */
  readonly unread: ReadonlyArray<{ readonly origin: ObjectOrigin } & UnreadScope>;
}

/**
 * Reads every source, handing each object to `onObject` as it comes. A generator that fails
 * or times out is a warning (its previous output stays in the snapshot); any other source that
 * cannot be read stops the run with its error, before anything has been written.
 */
export async function readSources(
  sources: readonly InventorySource[],
  options: { readonly reporter: Reporter; readonly signal?: AbortSignal; readonly reuse?: SourceContext['reuse'] },
  onObject: (object: LegacyObject) => Promise<void> | void,
): Promise<SourceRun> {
  const warnings: InventoryWarning[] = [];
  const summaries: SourceSummary[] = [];
  const failed = new Set<string>();
  const unread: Array<{ origin: ObjectOrigin } & UnreadScope> = [];
  const warn = (warning: InventoryWarning) => {
    warnings.push(warning);
    options.reporter.warn(warning.message);
  };

  for (const source of sources) {
    const context: SourceContext = {
      warn,
      keepPrevious: (scope) => unread.push({ origin: source.origin, ...scope }),
      ...(options.reuse === undefined ? {} : { reuse: options.reuse }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    };
    options.signal?.throwIfAborted();
    const label = `${source.origin.type} ${source.origin.name}`;
    let objects = 0;
    try {
      for await (const object of source.read(context)) {
        await onObject(object);
        objects += 1;
        if (objects % 200 === 0) options.reporter.progress(`reading ${label}`, objects);
      }
      const commit = source instanceof RepoSource ? source.commit : undefined;
      summaries.push({ ...source.origin, status: 'ok', objects, ...(commit === undefined ? {} : { commit }) });
      options.reporter.info(`${label}: ${objects} objects`);
    } catch (error) {
      if (options.signal?.aborted === true) throw new LakeshiftError('INTERRUPTED', 'interrupted by Ctrl-C; nothing was changed');
      if (source.origin.type !== 'generator' || !isLakeshiftError(error) || error.code !== 'PROCESS_FAILED') throw error;
      failed.add(originKey(source.origin));
      const warning: InventoryWarning = { code: 'GENERATOR_FAILED', message: describeError(error), origin: source.origin };
      warnings.push(warning);
      options.reporter.warn(`${warning.message}\n  its previous output is kept`);
      summaries.push({ ...source.origin, status: 'failed', objects: 0, error: { code: error.code, message: error.message } });
    }
  }
  return { summaries, warnings, failed, unread };
}

export function originKey(origin: ObjectOrigin): string {
  return `${origin.type}:${origin.name}`;
}

/** `lakeshift inventory`: scans every source and counts; writes nothing. */
export async function runInventory(options: InventoryOptions): Promise<InventoryResult> {
  const reporter = options.reporter ?? silentReporter;
  const engines = options.engines ?? new EnginePool(options.loaded.config.connections, { baseDir: options.loaded.dir, reporter });
  const byKind: Partial<Record<LegacyObjectKind, number>> = {};
  let objects = 0;
  try {
    const run = await readSources(configuredSources(options.loaded, engines), { reporter, ...(options.signal === undefined ? {} : { signal: options.signal }) }, (object) => {
      byKind[object.kind] = (byKind[object.kind] ?? 0) + 1;
      objects += 1;
    });
    return { objects, byKind: sortedCounts(byKind), sources: run.summaries, warnings: run.warnings };
  } finally {
    if (options.engines === undefined) await engines.closeAll();
  }
}

export function sortedCounts<K extends string>(counts: Partial<Record<K, number>>): Partial<Record<K, number>> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))) as Partial<Record<K, number>>;
}

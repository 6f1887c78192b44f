import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import { EnginePool } from '../engines/registry.js';
import { LakeshiftError } from '../errors.js';
import { configuredSources, originKey, readSources, sortedCounts, type SourceSummary } from '../inventory/inventory.js';
import type { InventorySource, InventoryWarning, LegacyObject, LegacyObjectKind } from '../inventory/legacy-object.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { changeSet, type ChangeSet } from './changes.js';
import { GitRepository } from './git-repository.js';
import { acquireSyncLock } from './sync-lock.js';
import { analyseImpact, LineageGraph, type ObjectImpact } from './impact.js';
import { snapshotPath } from './layout.js';
import { ANALYSIS_VERSION, assertInside, MANIFEST_VERSION, readManifest, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { Staging } from './staging.js';
import { writeSyncReports, type ChangedObject } from '../report/sync-report.js';

export interface SyncOptions {
  readonly loaded: LoadedConfig;
  /** Commit the snapshot when it changed (default true). */
  readonly commit?: boolean;
  /** Run even when the snapshot folder has uncommitted changes. */
  readonly force?: boolean;
  readonly reporter?: Reporter;
  readonly signal?: AbortSignal;
  readonly engines?: EnginePool;
  /** The sources to read, instead of those lakeshift.yaml configures. */
  readonly sources?: readonly InventorySource[];
  /** The clock, for the commit message and the report folder. */
  readonly now?: Date;
}

export interface SyncResult {
  /** The commit made, or null when nothing changed or --no-commit. */
  readonly commit: string | null;
  readonly objects: number;
  readonly byKind: Partial<Record<LegacyObjectKind, number>>;
  readonly changes: { readonly added: readonly string[]; readonly changed: readonly string[]; readonly removed: readonly string[] };
  /** For each added, changed or removed object: the table sets and translated files it touches. */
  readonly impact: readonly ObjectImpact[];
  readonly sources: readonly SourceSummary[];
  readonly snapshot: string;
  readonly reports: { readonly markdown: string; readonly html: string } | null;
  /** Procedures a live catalog has statistics for, and those with no recorded execution. */
  readonly activity: ProcedureActivity;
  readonly warnings: readonly InventoryWarning[];
}

export interface ProcedureActivity {
  readonly procedures: number;
  /** Procedures whose execution statistics the catalog gave (live catalogs with VIEW SERVER STATE). */
  readonly withStatistics: number;
  /** Ids of procedures with statistics and no execution since the server last cached their plan. */
  readonly notExecuted: string[];
}

function recordActivity(activity: { procedures: number; withStatistics: number; notExecuted: string[] }, object: LegacyObject): void {
  if (object.kind !== 'procedure') return;
  activity.procedures += 1;
  if (object.details.executionCount === undefined) return;
  activity.withStatistics += 1;
  if (object.details.executionCount === 0) activity.notExecuted.push(object.id);
}

/**
 * The weekly legacy sync (DESIGN.md section 6): inventory every source, write the snapshot,
 * commit it, report what changed and what it touches.
 *
 * Nothing in the snapshot folder changes until every source has been read: new and changed
 * files are staged under .lakeshift/ first, then moved into place together, so a source that
 * fails, a lost connection or Ctrl-C leaves the previous snapshot as it was. Only files the
 * previous manifest owned are ever removed.
 */
export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const { loaded } = options;
  const reporter = options.reporter ?? silentReporter;
  const commit = options.commit ?? true;
  const now = options.now ?? new Date();
  const snapshotDir = resolveConfigPath(loaded, loaded.config.snapshot.dir);

  const repository = await GitRepository.open(snapshotDir);
  if (commit && repository === undefined) {
    throw new LakeshiftError('GIT_FAILED', `${snapshotDir} is not inside a git repository, so the snapshot cannot be committed`, {
      hint: 'Run `git init` in the migration repository (or `lakeshift init`), or sync with --no-commit.',
    });
  }
  if (repository !== undefined && options.force !== true) {
    const dirty = await repository.uncommitted(snapshotDir);
    if (dirty.length > 0) {
      throw new LakeshiftError('SNAPSHOT_DIRTY', `the snapshot folder has uncommitted changes: ${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ` and ${dirty.length - 5} more` : ''}`, {
        hint: 'Commit or discard them (git checkout -- the folder) first, or run with --force to overwrite them.',
        details: { paths: dirty.slice(0, 50) },
      });
    }
  }
  if (commit && repository !== undefined && !(await repository.hasIdentity())) {
    throw new LakeshiftError('GIT_FAILED', 'git does not know who commits here (user.name and user.email are not set)', {
      hint: 'Run `git config user.name "..."` and `git config user.email "..."` in the migration repository, or sync with --no-commit.',
    });
  }

  const release = acquireSyncLock(loaded.dir);
  try {
    return await syncLocked(options, snapshotDir, repository, reporter, commit, now);
  } finally {
    release();
  }
}

async function syncLocked(
  options: SyncOptions,
  snapshotDir: string,
  repository: GitRepository | undefined,
  reporter: Reporter,
  commit: boolean,
  now: Date,
): Promise<SyncResult> {
  const { loaded } = options;
  const phases = phaseTimer(reporter);
  const previous = await readManifest(snapshotDir);
  const previousById = new Map(previous.objects.map((entry) => [entry.id, entry]));
  const reusable = previous.analysis === ANALYSIS_VERSION;
  const staging = await Staging.create(loaded.dir);
  const engines = options.engines ?? new EnginePool(loaded.config.connections, { baseDir: loaded.dir, reporter });

  try {
    const entries = new Map<string, ManifestEntry>();
    const usedPaths = new Map<string, string>();
    /** New and changed objects, whose texts are staged. */
    const staged: ManifestEntry[] = [];
    const warnings: InventoryWarning[] = [];
    const reuse = (id: string, definition: string) => {
      const before = previousById.get(id);
      if (!reusable || before === undefined || before.sha256 !== sha256(definition)) return undefined;
      return { references: before.references, details: before.details as LegacyObject['details'] };
    };

    const activity = { procedures: 0, withStatistics: 0, notExecuted: [] as string[] };
    const run = await readSources(options.sources ?? configuredSources(loaded, engines), { reporter, reuse, ...(options.signal === undefined ? {} : { signal: options.signal }) }, async (object) => {
      recordActivity(activity, object);
      const entry = toEntry(object, loaded.dir, uniqueId(object.id, entries, warnings), usedPaths);
      entries.set(entry.id, entry);
      const before = previousById.get(entry.id);
      const unchanged =
        before !== undefined &&
        before.sha256 === entry.sha256 &&
        before.path === entry.path &&
        // Without --force the folder is known to match its commit; with it, hand edits are undone.
        (options.force === true ? fileSha256(path.join(snapshotDir, entry.path)) === entry.sha256 : existsSync(path.join(snapshotDir, entry.path)));
      if (unchanged) return;
      staged.push(entry);
      await staging.hold(entry.path, object.definition);
    });
    warnings.push(...run.warnings);
    phases.done(`read ${entries.size} objects, staged ${staged.length}`);

    // Sources, or parts of them, that could not be read this time keep what the previous
    // snapshot had from them rather than losing it as "removed".
    const unreadable = (entry: ManifestEntry) =>
      run.failed.has(originKey(entry.origin)) ||
      run.unread.some(
        (scope) =>
          originKey(scope.origin) === originKey(entry.origin) &&
          entry.name.toLowerCase().startsWith(scope.namePrefix.toLowerCase()) &&
          (scope.kinds === undefined || scope.kinds.includes(entry.kind)),
      );
    for (const entry of previous.objects) {
      if (!entries.has(entry.id) && unreadable(entry)) entries.set(entry.id, entry);
    }

    const next: Manifest = { version: MANIFEST_VERSION, analysis: ANALYSIS_VERSION, objects: [...entries.values()] };
    const changes = changeSet(previous, next);
    phases.done('compared with the previous snapshot');

    // Impact needs no snapshot file: it runs while the worker is still writing staged texts.
    const changedIds = [...changes.added, ...changes.changed, ...changes.removed];
    const impact =
      changedIds.length === 0
        ? []
        : analyseImpact(
            changedIds,
            new LineageGraph([...entries.values(), ...changes.removed.map((id) => previousById.get(id)!)]),
            loaded.config,
            resolveConfigPath(loaded, loaded.config.translate.out),
          );
    phases.done('impact analysis');

    await staging.flush();
    phases.done('staged texts written');
    options.signal?.throwIfAborted();
    const changed: ChangedObject[] = describeChanges(changes, previousById, entries, staged, staging, snapshotDir);
    await applyToSnapshot(snapshotDir, previous.objects, entries, staged, staging);
    const manifestChanged = await writeManifest(snapshotDir, next);
    phases.done('applied to the snapshot folder');

    const total = changes.added.length + changes.changed.length + changes.removed.length;
    let sha: string | null = null;
    // A manifest can change with no object changing (a newer lakeshift reads more references):
    // it is committed too, so the folder is never left with uncommitted changes.
    if (commit && repository !== undefined && (total > 0 || manifestChanged)) {
      const hidden = await repository.ignored(snapshotDir);
      if (hidden.files.length > 0) {
        const warning = ignoredWarning(hidden);
        warnings.push(warning);
        reporter.warn(warning.message);
      }
      const message = total > 0 ? commitMessage(now, changes) : `${commitMessage(now, changes)} (object metadata)`;
      sha = await repository.commitFolder(snapshotDir, message);
      reporter.info(`committed ${sha.slice(0, 7)}: ${message}`);
      phases.done('git commit');
    }

    const byKind = sortedCounts(countKinds(entries.values()));
    const reports =
      total > 0 || manifestChanged || previous.objects.length === 0
        ? await writeSyncReports({
            dir: path.join(resolveConfigPath(loaded, loaded.config.reports.dir), 'sync', stamp(now)),
            project: loaded.config.project,
            when: now,
            commit: sha,
            snapshot: snapshotDir,
            objects: entries.size,
            byKind,
            changed,
            impact,
            sources: run.summaries,
            activity,
            warnings,
          })
        : null;

    phases.done('reports');
    return {
      commit: sha,
      objects: entries.size,
      byKind,
      changes: { added: changes.added, changed: changes.changed, removed: changes.removed },
      impact,
      sources: run.summaries,
      snapshot: snapshotDir,
      reports,
      activity: { ...activity, notExecuted: activity.notExecuted.sort() },
      warnings,
    };
  } finally {
    await staging.dispose();
    if (options.engines === undefined) await engines.closeAll();
  }
}

/** Logs how long each phase took, for --verbose. */
function phaseTimer(reporter: Reporter): { done(phase: string): void } {
  let last = performance.now();
  return {
    done(phase: string) {
      const now = performance.now();
      reporter.debug(`sync: ${phase} (${((now - last) / 1000).toFixed(2)} s)`);
      last = now;
    },
  };
}

function toEntry(object: LegacyObject, configDir: string, id: string, usedPaths: Map<string, string>): ManifestEntry {
  let relative = snapshotPath({ ...object, id });
  // Two objects whose names differ only in case, or in characters the file system cannot hold,
  // would share a file: the later one gets a numbered name.
  for (let copy = 2; usedPaths.has(relative.toLowerCase()) && usedPaths.get(relative.toLowerCase()) !== id; copy += 1) {
    relative = snapshotPath({ ...object, id }).replace(/(\.[^./]+)?$/, `~${copy}$1`);
  }
  usedPaths.set(relative.toLowerCase(), id);
  const bytes = Buffer.byteLength(object.definition);
  return {
    id,
    kind: object.kind,
    origin: { ...object.origin },
    name: object.name,
    path: relative,
    sha256: sha256(object.definition),
    bytes,
    references: object.references.map((reference) => ({ ...reference })),
    details: stableDetails(object.details),
    ...(object.source === undefined
      ? {}
      : { source: { file: relativeSource(configDir, object.source.file), line: object.source.line } }),
  };
}

/**
 * What the catalog says about an object, minus what moves every week by itself (execution
 * statistics): those would make every sync a change. They are reported, not snapshotted.
 */
const VOLATILE_DETAILS: ReadonlySet<string> = new Set(['executionCount', 'lastExecution']);

function stableDetails(details: LegacyObject['details']): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(details)) as Record<string, unknown>;
  for (const key of VOLATILE_DETAILS) delete copy[key];
  return copy;
}

function fileSha256(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

/** Snapshot files an ignore rule keeps out of git: they would never be committed, so never compared. */
function ignoredWarning(hidden: { files: readonly string[]; rule?: string }): InventoryWarning {
  const count = hidden.files.length;
  const rule = hidden.rule === undefined ? 'an ignore rule' : `the ignore rule ${hidden.rule}`;
  return {
    code: 'SNAPSHOT_IGNORED',
    message: `${count} snapshot file${count === 1 ? ' is' : 's are'} hidden by ${rule} and never committed (${hidden.files.slice(0, 3).join(', ')}${count > 3 ? ', ...' : ''}): anchor the rule to the repository root (a leading /) or add an exception for the snapshot folder`,
  };
}

function uniqueId(id: string, entries: ReadonlyMap<string, ManifestEntry>, warnings: InventoryWarning[]): string {
  if (!entries.has(id)) return id;
  let copy = 2;
  while (entries.has(`${id}~${copy}`)) copy += 1;
  warnings.push({ code: 'DUPLICATE_OBJECT', message: `${id} was read twice; the second copy is kept as ${id}~${copy}` });
  return `${id}~${copy}`;
}

function relativeSource(configDir: string, file: string): string {
  if (!path.isAbsolute(file)) return file;
  return path.relative(configDir, file).split(path.sep).join('/');
}

function describeChanges(
  changes: ChangeSet,
  previous: ReadonlyMap<string, ManifestEntry>,
  next: ReadonlyMap<string, ManifestEntry>,
  staged: readonly ManifestEntry[],
  staging: Staging,
  snapshotDir: string,
): ChangedObject[] {
  const stagedIds = new Set(staged.map((entry) => entry.id));
  const described: ChangedObject[] = [];
  // Only changed objects show a diff, so only their texts are read.
  for (const id of changes.changed) {
    const entry = next.get(id)!;
    const before = previous.get(id)!;
    described.push({
      change: 'changed',
      entry,
      previousPath: before.path,
      before: readIfExists(path.join(snapshotDir, before.path)),
      after: stagedIds.has(id) ? staging.read(entry.path) : '',
    });
  }
  for (const id of changes.added) described.push({ change: 'added', entry: next.get(id)!, before: '', after: '' });
  for (const id of changes.removed) described.push({ change: 'removed', entry: previous.get(id)!, before: '', after: '' });
  return described;
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Moves staged files into place and removes files of objects that are gone, nothing else. */
async function applyToSnapshot(
  snapshotDir: string,
  previous: readonly ManifestEntry[],
  next: ReadonlyMap<string, ManifestEntry>,
  staged: readonly ManifestEntry[],
  staging: Staging,
): Promise<void> {
  await mkdir(snapshotDir, { recursive: true });
  const manifestFile = path.join(snapshotDir, 'manifest.json');
  const nextPaths = new Set([...next.values()].map((entry) => entry.path));
  for (const entry of previous) {
    if (nextPaths.has(entry.path)) continue;
    const file = assertInside(snapshotDir, entry.path, manifestFile);
    await rm(file, { force: true });
    await removeEmptyParents(path.dirname(file), snapshotDir);
  }
  for (const entry of staged) assertInside(snapshotDir, entry.path, manifestFile);
  staging.moveInto(snapshotDir, staged.map((entry) => entry.path));
}

async function removeEmptyParents(dir: string, stopAt: string): Promise<void> {
  for (let current = dir; current.startsWith(stopAt + path.sep); current = path.dirname(current)) {
    const entries = await readdir(current).catch(() => undefined);
    if (entries === undefined || entries.length > 0) return;
    await rmdir(current).catch(() => {});
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function countKinds(entries: Iterable<ManifestEntry>): Partial<Record<LegacyObjectKind, number>> {
  const counts: Partial<Record<LegacyObjectKind, number>> = {};
  for (const entry of entries) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
  return counts;
}

export function commitMessage(now: Date, changes: ChangeSet): string {
  const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `legacy sync ${date}: +${changes.added.length} ~${changes.changed.length} -${changes.removed.length}`;
}

/** 2026-11-23T09-12-03Z: sortable and safe in a file name. */
export function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
}

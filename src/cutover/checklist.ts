import path from 'node:path';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import type { CutoverStepConfig, ParitySetConfig, ParityTableConfig } from '../config/schema.js';
import { describeError, isLakeshiftError } from '../errors.js';
import type { LegacyObjectKind } from '../inventory/legacy-object.js';
import type { ParityStatus } from '../parity/results.js';
import { formatInstant, shortCommit } from '../report/format.js';
import { readParityRuns, type StoredParityRun } from '../report/parity-runs.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { LineageGraph, normaliseName } from '../snapshot/impact.js';
import { readManifest, type ManifestEntry } from '../snapshot/manifest.js';
import { readTranslationIndex, TRANSLATION_INDEX_FILE, type TranslationIndex } from '../translate/translation-index.js';
import { legacyChangesSince, type LegacyChangesOutcome } from './legacy-changes.js';
import { readSignoffRecord, signoffRecordFile, signoffsOfRun, type SignoffRecord } from './signoff-record.js';
import { requireSet } from './signoff.js';

/**
 * The cutover checklist of a table set (DESIGN.md section 9): each item done or open, with the
 * evidence it was judged on and, when open, what to do. Four items come from artefacts (the
 * inventory, the snapshot's git history, the translation index, the parity runs and their
 * sign-offs); the rest are the manual steps configured for the set, done when ticked.
 */

export const CUTOVER_CHECKLIST_VERSION = 1;

/** Legacy objects that are code a translation must cover (tables, jobs and Python are not). */
export const CODE_KINDS: readonly LegacyObjectKind[] = ['procedure', 'view', 'function', 'trigger', 'sql-file', 'embedded-sql', 'generated-sql'];

/** The manual steps of a set that configures none. */
export const DEFAULT_CUTOVER_STEPS: readonly CutoverStepConfig[] = [
  {
    id: 'consumers-repointed',
    title: 'Consumers repointed',
    description: 'Every job, extract and application that reads the legacy tables of the set reads the lakehouse tables instead.',
  },
  { id: 'bi-reports-switched', title: 'BI reports switched', description: 'Dashboards and reports built on these tables read the lakehouse.' },
  {
    id: 'legacy-job-disabled',
    title: 'Legacy job disabled',
    description: 'The SQL Agent jobs that build the legacy tables are disabled (not deleted, until the rollback window closes).',
  },
  { id: 'rollback-plan', title: 'Rollback plan agreed', description: 'How consumers switch back to the legacy tables, who decides, and until when.' },
];

export type CutoverItemStatus = 'done' | 'open';

export interface CutoverItem {
  /** inventoried, no-legacy-change, translated, parity-signed-off, or a manual step id. */
  readonly id: string;
  readonly kind: 'evidence' | 'manual';
  readonly title: string;
  /** What the item checks or asks. */
  readonly description: string;
  readonly status: CutoverItemStatus;
  /** What the status was judged on, one fact a line. */
  readonly evidence: readonly string[];
  /** When open: what to do. */
  readonly todo: string | null;
  /** Legacy object ids the item names: behind the set (inventoried), changed (no-legacy-change, parity-signed-off), not ready (translated). */
  readonly objects: readonly string[];
  /** Manual steps: who ticked it and when (null otherwise). */
  readonly tickedBy: string | null;
  readonly tickedAt: string | null;
}

export interface CutoverChecklist {
  readonly version: typeof CUTOVER_CHECKLIST_VERSION;
  readonly kind: 'cutover-checklist';
  readonly set: string;
  readonly description: string | null;
  readonly project: string;
  readonly generatedAt: string;
  /** Every item done. */
  readonly ready: boolean;
  readonly counts: { readonly items: number; readonly done: number; readonly open: number };
  /** The latest run of every table of the set (runs of some tables only are not counted). */
  readonly latestRun: {
    readonly runId: string;
    readonly status: ParityStatus;
    readonly finishedAt: string;
    /** result.json, relative to the project folder. */
    readonly file: string;
    readonly signed: boolean;
  } | null;
  readonly items: readonly CutoverItem[];
  /** Result files skipped, ticks of steps no longer configured. */
  readonly warnings: readonly string[];
}

export interface ChecklistOptions {
  readonly loaded: LoadedConfig;
  readonly set: string;
  readonly reporter?: Reporter;
  readonly now?: Date;
}

/** The manual steps of a set: its configured ones, or the defaults. */
export function cutoverSteps(set: ParitySetConfig): readonly CutoverStepConfig[] {
  return set.cutover?.steps ?? DEFAULT_CUTOVER_STEPS;
}

interface TableLineage {
  readonly name: string;
  /** The table as the legacy catalog names it. */
  readonly catalogName: string;
  readonly writers: readonly string[];
  readonly behind: readonly string[];
}

export async function buildCutoverChecklist(options: ChecklistOptions): Promise<CutoverChecklist> {
  const { loaded } = options;
  const reporter = options.reporter ?? silentReporter;
  requireSet(loaded, options.set);
  const set = loaded.config.parity.sets[options.set]!;
  const snapshotDir = resolveConfigPath(loaded, loaded.config.snapshot.dir);
  const manifest = await readManifest(snapshotDir);
  const graph = new LineageGraph(manifest.objects);
  const tables = set.tables.map((table) => tableLineage(table, graph, manifest.objects));
  const behindNow = new Set(tables.flatMap((table) => table.behind));

  const warnings: string[] = [];
  const runs = await readParityRuns({ loaded, set: options.set, reporter, warnings });
  const record = await readSignoffRecord(signoffRecordFile(loaded, options.set), options.set);
  const relative = (file: string) => path.relative(loaded.dir, file).split(path.sep).join('/');

  const changes = new Map<string, Promise<LegacyChangesOutcome>>();
  const changesSince = (commit: string): Promise<LegacyChangesOutcome> => {
    const cached = changes.get(commit);
    if (cached !== undefined) return cached;
    const outcome = legacyChangesSince({ projectDir: loaded.dir, snapshotDir, commit, current: manifest.objects });
    changes.set(commit, outcome);
    return outcome;
  };
  /** Changed objects that are, or were at the commit, behind the set; with what happened to them. */
  const changedBehind = async (commit: string): Promise<{ ok: true; hits: string[]; lines: string[]; files: number } | { ok: false; reason: string }> => {
    const outcome = await changesSince(commit);
    if (!outcome.ok) return outcome;
    const before = new LineageGraph(outcome.changes.before);
    const behindThen = new Set(set.tables.flatMap((table) => [...before.upstream(catalogName(table))]));
    const hits = outcome.changes.objects.filter((entry) => behindNow.has(entry.id) || behindThen.has(entry.id));
    const nowIds = new Set(manifest.objects.map((entry) => entry.id));
    const thenIds = new Set(outcome.changes.before.map((entry) => entry.id));
    const unique = [...new Map(hits.map((entry) => [entry.id, entry])).values()].sort((a, b) => a.id.localeCompare(b.id));
    return {
      ok: true,
      hits: unique.map((entry) => entry.id),
      lines: unique.map((entry) => {
        const what = !nowIds.has(entry.id) ? 'removed' : !thenIds.has(entry.id) ? 'added' : 'changed';
        return `${what}: ${entry.id} (${entry.kind}, ${loaded.config.snapshot.dir}/${entry.path})`;
      }),
      files: outcome.changes.paths.length,
    };
  };

  // A run of only some tables (--table) says nothing about the set as a whole.
  const tableNames = set.tables.map((table) => table.name);
  const complete = runs.filter((run) => run.result.options.tables === null || tableNames.every((name) => run.result.options.tables!.includes(name)));
  const acceptedInSignoff = (run: StoredParityRun) => signoffsOfRun(record, run.runId, run.sha256).valid.some((signoff) => signoff.acceptedFailures);
  const lastAccepted = [...complete].reverse().find((run) => run.result.status === 'pass' || acceptedInSignoff(run));
  const latest = complete.at(-1);
  const partialSince = runs.filter((run) => !complete.includes(run) && (latest === undefined || run.runId > latest.runId)).map((run) => run.runId);

  const items: CutoverItem[] = [
    inventoryItem(tables, manifest.objects.length, loaded.config.snapshot.dir),
    await legacyChangeItem(options.set, complete, lastAccepted, record, changedBehind, manifest.objects.length, loaded.config.snapshot.dir),
    await translationItem(loaded, [...behindNow].map((id) => graph.entry(id)).filter((entry): entry is ManifestEntry => entry !== undefined), manifest.objects.length),
    await signoffItem(options.set, latest, partialSince, record, relative, changedBehind),
    ...manualItems(options.set, cutoverSteps(set), record, tables, manifest.objects, warnings),
  ];
  const done = items.filter((item) => item.status === 'done').length;
  return {
    version: CUTOVER_CHECKLIST_VERSION,
    kind: 'cutover-checklist',
    set: options.set,
    description: set.description ?? null,
    project: loaded.config.project,
    generatedAt: (options.now ?? new Date()).toISOString(),
    ready: done === items.length,
    counts: { items: items.length, done, open: items.length - done },
    latestRun:
      latest === undefined
        ? null
        : {
            runId: latest.runId,
            status: latest.result.status,
            finishedAt: latest.result.finishedAt,
            file: relative(latest.file),
            signed: signoffsOfRun(record, latest.runId, latest.sha256).valid.length > 0,
          },
    items,
    warnings,
  };
}

function catalogName(table: ParityTableConfig): string {
  return table.catalogTable ?? (typeof table.legacy === 'string' ? table.legacy : table.legacy.table);
}

function tableLineage(table: ParityTableConfig, graph: LineageGraph, entries: readonly ManifestEntry[]): TableLineage {
  const name = catalogName(table);
  const key = normaliseName(name);
  // A view (or function, synonym) of that name defines the content itself; otherwise the objects that write it do.
  const writers = entries
    .filter(
      (entry) =>
        entry.references.some((reference) => reference.use === 'writes' && normaliseName(reference.name) === key) ||
        (entry.origin.type === 'catalog' && ['view', 'function', 'synonym'].includes(entry.kind) && normaliseName(entry.name) === key),
    )
    .map((entry) => entry.id)
    .sort();
  return { name: table.name, catalogName: name, writers, behind: [...graph.upstream(name)].sort() };
}

const item = (fields: Omit<CutoverItem, 'tickedBy' | 'tickedAt' | 'kind'> & Partial<Pick<CutoverItem, 'tickedBy' | 'tickedAt' | 'kind'>>): CutoverItem => ({
  kind: 'evidence',
  tickedBy: null,
  tickedAt: null,
  ...fields,
});

function inventoryItem(tables: readonly TableLineage[], objects: number, snapshotDir: string): CutoverItem {
  const base = {
    id: 'inventoried',
    title: 'Every legacy object behind the set inventoried',
    description: 'Each table of the set has the legacy code that writes it, and everything that code reads, in the snapshot.',
  };
  if (objects === 0) {
    return item({
      ...base,
      status: 'open',
      evidence: [`the snapshot (${snapshotDir}/) holds no inventory yet`],
      todo: 'Run lakeshift sync to inventory the legacy estate.',
      objects: [],
    });
  }
  const orphans = tables.filter((table) => table.writers.length === 0);
  return item({
    ...base,
    status: orphans.length === 0 ? 'done' : 'open',
    evidence: tables.map((table) =>
      table.writers.length === 0
        ? `${table.name} (${table.catalogName}): no object in the inventory writes it`
        : `${table.name} (${table.catalogName}): written by ${table.writers.join(', ')}; ${table.behind.length} objects behind it: ${table.behind.join(', ')}`,
    ),
    todo:
      orphans.length === 0
        ? null
        : `Inventory the code that builds ${orphans.map((table) => table.catalogName).join(', ')}: add its catalog or repository to legacy: in lakeshift.yaml and run lakeshift sync. When "legacy" reads a copy of a table, name the catalog table with catalogTable.`,
    objects: [...new Set(tables.flatMap((table) => table.behind))].sort(),
  });
}

type ChangedBehind = (commit: string) => Promise<{ ok: true; hits: string[]; lines: string[]; files: number } | { ok: false; reason: string }>;

function runLine(run: StoredParityRun, accepted: boolean): string {
  const git = run.result.git;
  const at = git === null ? 'no git commit recorded' : `commit ${shortCommit(git.commit)}${git.dirty ? ' with uncommitted changes' : ''}`;
  const which = accepted ? 'last accepted run (its failures accepted in a sign-off)' : 'last passing run';
  return `${which}: ${run.runId} (${run.result.status}), finished ${formatInstant(run.result.finishedAt)} at ${at}`;
}

async function legacyChangeItem(
  set: string,
  runs: readonly StoredParityRun[],
  lastAccepted: StoredParityRun | undefined,
  record: SignoffRecord,
  changedBehind: ChangedBehind,
  objects: number,
  snapshotDir: string,
): Promise<CutoverItem> {
  const base = {
    id: 'no-legacy-change',
    title: 'No legacy change since the last passing run',
    description: 'No object behind the set changed in the snapshot after the last run that passed (or whose failures were accepted in a sign-off).',
  };
  if (objects === 0) {
    return item({ ...base, status: 'open', evidence: [`the snapshot (${snapshotDir}/) holds no inventory yet, so there is nothing to compare`], todo: 'Run lakeshift sync.', objects: [] });
  }
  if (lastAccepted === undefined) {
    return item({
      ...base,
      status: 'open',
      evidence: [runs.length === 0 ? 'no parity run of the whole set yet' : `none of the ${runs.length} runs of the whole set passed or had its failures accepted in a sign-off`],
      todo: `Run lakeshift parity run --set ${set} until it passes, or sign its failures off with lakeshift signoff --accept-failures --note "why".`,
      objects: [],
    });
  }
  const accepted = lastAccepted.result.status !== 'pass' && signoffsOfRun(record, lastAccepted.runId, lastAccepted.sha256).valid.length > 0;
  const first = runLine(lastAccepted, accepted);
  const git = lastAccepted.result.git;
  if (git === null) {
    return item({
      ...base,
      status: 'open',
      evidence: [first, 'the run recorded no git commit (lakeshift.yaml was not in a git repository), so changes since it cannot be told'],
      todo: `Run the set again from the migration's git repository: lakeshift parity run --set ${set}.`,
      objects: [],
    });
  }
  const found = await changedBehind(git.commit);
  if (!found.ok) {
    return item({ ...base, status: 'open', evidence: [first, found.reason], todo: `Run the set again: lakeshift parity run --set ${set}.`, objects: [] });
  }
  if (found.hits.length === 0) {
    return item({
      ...base,
      status: 'done',
      evidence: [
        first,
        found.files === 0 ? 'the snapshot has not changed since that commit' : `${found.files} snapshot file${found.files === 1 ? '' : 's'} changed since that commit; none holds an object behind the set`,
      ],
      todo: null,
      objects: [],
    });
  }
  return item({
    ...base,
    status: 'open',
    evidence: [first, `${found.hits.length} object${found.hits.length === 1 ? '' : 's'} behind the set changed since:`, ...found.lines],
    todo: `Review the change (the change report of lakeshift sync), carry it into the translation and the rebuilt tables, then run lakeshift parity run --set ${set} and sign the new run.`,
    objects: found.hits,
  });
}

async function translationItem(loaded: LoadedConfig, behind: readonly ManifestEntry[], objects: number): Promise<CutoverItem> {
  const base = {
    id: 'translated',
    title: 'Every object translated with no error diagnostic',
    description: 'The code behind the set (procedures, views, functions, triggers, scripts) is translated from its current version, with no error diagnostic left.',
  };
  const out = loaded.config.translate.out;
  if (objects === 0) {
    return item({ ...base, status: 'open', evidence: ['no inventory yet, so nothing to check the translation against'], todo: 'Run lakeshift sync, then lakeshift translate.', objects: [] });
  }
  let index: TranslationIndex | undefined;
  try {
    index = await readTranslationIndex(resolveConfigPath(loaded, out));
  } catch (error) {
    if (!isLakeshiftError(error)) throw error;
    return item({ ...base, status: 'open', evidence: [describeError(error)], todo: 'Run lakeshift translate to rebuild the translation index.', objects: [] });
  }
  if (index === undefined) {
    return item({
      ...base,
      status: 'open',
      evidence: [`not translated yet: ${out}/${TRANSLATION_INDEX_FILE} does not exist`],
      todo: 'Run lakeshift translate.',
      objects: [],
    });
  }
  const code = behind.filter((entry) => CODE_KINDS.includes(entry.kind)).sort((a, b) => a.id.localeCompare(b.id));
  if (code.length === 0) {
    return item({ ...base, status: 'done', evidence: ['no code object behind the set: nothing to translate'], todo: null, objects: [] });
  }
  const translated = new Map(index.objects.map((entry) => [entry.id, entry]));
  const problems: Array<{ id: string; line: string }> = [];
  let warnings = 0;
  for (const entry of code) {
    const translation = translated.get(entry.id);
    if (translation === undefined) problems.push({ id: entry.id, line: `${entry.id}: not translated` });
    else if (translation.sha256 !== entry.sha256) problems.push({ id: entry.id, line: `${entry.id}: translation is out of date (the legacy object changed after it was translated)` });
    else if (translation.diagnostics.error > 0) {
      const count = translation.diagnostics.error;
      problems.push({ id: entry.id, line: `${entry.id}: ${count} error diagnostic${count === 1 ? '' : 's'} in ${out}/${translation.output}` });
    } else warnings += translation.diagnostics.warning;
  }
  const good = code.length - problems.length;
  return item({
    ...base,
    status: problems.length === 0 ? 'done' : 'open',
    evidence: [
      `${code.length} code object${code.length === 1 ? '' : 's'} behind the set; ${good} translated from the current version with no error diagnostic${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'} to review)` : ''}`,
      ...problems.map((problem) => problem.line),
    ],
    todo: problems.length === 0 ? null : 'Run lakeshift translate, and rewrite by hand what its error diagnostics name (each translated file lists them in its header).',
    objects: problems.map((problem) => problem.id),
  });
}

async function signoffItem(
  set: string,
  latest: StoredParityRun | undefined,
  partialSince: readonly string[],
  record: SignoffRecord,
  relative: (file: string) => string,
  changedBehind: ChangedBehind,
): Promise<CutoverItem> {
  const base = {
    id: 'parity-signed-off',
    title: 'Latest parity run passed and signed off',
    description: 'The latest run of the set passed (or its failures were accepted), its result is signed as it stands, and no legacy code behind the set changed after it.',
  };
  const partial = partialSince.length === 0 ? [] : [`not counted: ${partialSince.length === 1 ? 'a later run' : 'later runs'} of only some tables (${partialSince.join(', ')})`];
  if (latest === undefined) {
    return item({
      ...base,
      status: 'open',
      evidence: ['no parity run of the whole set yet', ...partial],
      todo: `Run lakeshift parity run --set ${set} (every table), then sign it with lakeshift signoff --set ${set} --by WHO.`,
      objects: [],
    });
  }
  const { passed, failed, errored } = latest.result.totals;
  const status = latest.result.status;
  const evidence = [`latest run ${latest.runId}: ${status} (${passed} passed, ${failed} failed, ${errored} errored), finished ${formatInstant(latest.result.finishedAt)}`, ...partial];
  const { valid, stale } = signoffsOfRun(record, latest.runId, latest.sha256);
  for (const signoff of valid) {
    const note = signoff.note === null ? '' : `: ${signoff.note}`;
    evidence.push(`signed off by ${signoff.by} at ${formatInstant(signoff.at)}${signoff.acceptedFailures ? `, failures accepted${note}` : note}`);
  }
  for (const signoff of stale) {
    evidence.push(`the sign-off by ${signoff.by} at ${formatInstant(signoff.at)} no longer counts: ${relative(latest.file)} changed after it was signed`);
  }
  const signed = status === 'pass' ? valid.length > 0 : valid.some((signoff) => signoff.acceptedFailures);
  if (valid.length === 0 && stale.length === 0) evidence.push('not signed off');

  let changed: string[] = [];
  if (latest.result.git !== null) {
    const found = await changedBehind(latest.result.git.commit);
    if (found.ok && found.hits.length > 0) {
      changed = found.hits;
      evidence.push(`legacy code behind the set changed after this run: ${found.hits.join(', ')}`);
    } else if (!found.ok) {
      evidence.push(`whether legacy code changed after this run cannot be told: ${found.reason}`);
    }
  }
  const todo =
    changed.length > 0
      ? `Run the set again (lakeshift parity run --set ${set}) on the changed legacy code and sign the new run.`
      : signed
        ? null
        : status === 'pass'
          ? `Sign it: lakeshift signoff --set ${set} --by WHO.`
          : `Fix the differences and run the set again, or sign the run knowingly: lakeshift signoff --set ${set} --by WHO --accept-failures --note "why".`;
  return item({ ...base, status: signed && changed.length === 0 ? 'done' : 'open', evidence, todo, objects: changed });
}

function manualItems(
  set: string,
  steps: readonly CutoverStepConfig[],
  record: SignoffRecord,
  tables: readonly TableLineage[],
  entries: readonly ManifestEntry[],
  warnings: string[],
): CutoverItem[] {
  const known = new Set(steps.map((step) => step.id));
  for (const tick of record.ticks) {
    if (!known.has(tick.step)) {
      const warning = `signoffs/${set}.yaml ticks step "${tick.step}", which the set no longer has`;
      if (!warnings.includes(warning)) warnings.push(warning);
    }
  }
  return steps.map((step) => {
    const tick = record.ticks.filter((candidate) => candidate.step === step.id).at(-1);
    const hints = step.id === 'legacy-job-disabled' ? jobHints(tables, entries) : [];
    return item({
      id: step.id,
      kind: 'manual',
      title: step.title,
      description: step.description ?? '',
      status: tick === undefined ? 'open' : 'done',
      evidence: [
        ...(tick === undefined ? ['not ticked yet'] : [`ticked by ${tick.by} at ${formatInstant(tick.at)}${tick.note === null ? '' : `: ${tick.note}`}`]),
        ...hints,
      ],
      todo: tick === undefined ? `When it is done: lakeshift cutover --set ${set} --tick ${step.id} --by WHO [--note "..."]` : null,
      objects: [],
      tickedBy: tick?.by ?? null,
      tickedAt: tick?.at ?? null,
    });
  });
}

/**
 * The legacy jobs that run the code writing the set's tables, directly or through the
 * procedures they call: what "legacy job disabled" is about.
 */
function jobHints(tables: readonly TableLineage[], entries: readonly ManifestEntry[]): string[] {
  const writers = new Set(tables.flatMap((table) => table.writers));
  const byName = new Map<string, ManifestEntry[]>();
  for (const entry of entries) {
    if (entry.origin.type !== 'catalog') continue;
    const key = normaliseName(entry.name);
    byName.set(key, [...(byName.get(key) ?? []), entry]);
  }
  const runsWriter = (start: ManifestEntry): boolean => {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      const entry = queue.shift()!;
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      if (writers.has(entry.id)) return true;
      for (const reference of entry.references) {
        if (reference.use !== 'executes' && reference.use !== 'calls') continue;
        queue.push(...(byName.get(normaliseName(reference.name)) ?? []));
      }
    }
    return false;
  };
  const jobs = entries.filter((entry) => entry.kind === 'job' && runsWriter(entry)).map((entry) => entry.id).sort();
  return jobs.length === 0 ? [] : [`legacy jobs that run the code behind the set: ${jobs.join(', ')}`];
}

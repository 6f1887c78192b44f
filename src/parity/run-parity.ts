import { userInfo } from 'node:os';
import path from 'node:path';
import pMap from 'p-map';
import { simpleGit } from 'simple-git';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import type { ConnectionConfig, ParityTableConfig } from '../config/schema.js';
import type { Engine, EngineContext, ResourceBudget } from '../engines/engine.js';
import { EnginePool } from '../engines/registry.js';
import { relativeReportPaths, writeReportsAfterRun } from '../report/parity-run-reports.js';

import { describeError, ExitCode, isLakeshiftError, LakeshiftError } from '../errors.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { planTable, tableSide, type PlanColumn, type TablePlan } from './plan.js';
import { profileSide } from './profile.js';
import { newRunId, writeParityResult, type ParityRunResult, type ParityStatus, type ParityTableResult } from './results.js';
import { joinDiff } from './strategies/join.js';
import { multisetDiff } from './strategies/multiset.js';
import type { DiffOutcome, StrategyContext } from './strategies/outcome.js';
import { segmentsDiff, type SegmentOptions } from './strategies/segments.js';

/**
 * What an in-process engine (DuckDB) may use for a parity run when its connection sets
 * nothing: the diff runs inside lakeshift, and the CLI stays under 300 MB whatever the table
 * size (DuckDB spills to disk beyond its limit; measured in bench/parity-memory.ts). A
 * connection's own memoryLimit and threads win.
 */
export const PARITY_BUDGET: ResourceBudget = { memoryLimit: '100MB', threads: 1 };

export const DEFAULT_SAMPLE = 100;

export interface ParityRunOptions {
  readonly loaded: LoadedConfig;
  /** The set to run (parity.sets.<name>). */
  readonly set: string;
  /** Only these tables of the set (default: all). */
  readonly tables?: readonly string[];
  /** Tables compared at once (default: parity.concurrency). */
  readonly concurrency?: number;
  /** Rows kept per sample category: missing, extra, changed (default 100). */
  readonly sample?: number;
  readonly reporter?: Reporter;
  /** Ctrl-C: cancels running queries; the run is written with what finished. */
  readonly signal?: AbortSignal;
  /** Write reports/parity/<set>/<run-id>/result.json and, beside it, report.html, junit.xml and summary.md (default true). */
  readonly write?: boolean;
  /** Tuning of the cross-engine strategy (tests, benchmarks). */
  readonly segments?: SegmentOptions;
  /** Same-engine keyed diff: the one-pass aggregate where the dialect has it (default true; tests turn it off). */
  readonly joinAggregate?: boolean;
  /** Builds engines; tests inject drivers through it. */
  readonly createEngine?: (name: string, config: ConnectionConfig, context: EngineContext) => Engine;
  readonly now?: () => Date;
}

export interface ParityRun {
  readonly result: ParityRunResult;
  /** The result file (absolute), or undefined when not written. */
  readonly file: string | undefined;
  /** 0 every table passed; 1 one failed its threshold; 3 one errored on a connection, query or timeout; 2 on bad input; 130 Ctrl-C. */
  readonly exitCode: ExitCode;
}

/**
 * Runs one table set: plans each table, profiles both sides, diffs them with the strategy the
 * plan chose, and judges each table against its threshold. Tables run concurrently; a table
 * that fails with an error is reported as such and the others finish. The result is written
 * atomically to reports/parity/<set>/<run-id>/result.json.
 */
export async function runParity(options: ParityRunOptions): Promise<ParityRun> {
  const { loaded } = options;
  const reporter = options.reporter ?? silentReporter;
  const now = options.now ?? (() => new Date());
  const set = loaded.config.parity.sets[options.set];
  if (set === undefined) {
    const known = Object.keys(loaded.config.parity.sets);
    throw new LakeshiftError('INPUT_INVALID', `no parity set named "${options.set}" in ${loaded.file}`, {
      hint: known.length > 0 ? `Sets: ${known.join(', ')}.` : 'Define one under parity.sets in lakeshift.yaml.',
    });
  }
  const unknown = (options.tables ?? []).filter((name) => !set.tables.some((table) => table.name === name));
  if (unknown.length > 0) {
    throw new LakeshiftError('INPUT_INVALID', `set ${options.set} has no table named ${unknown.map((name) => `"${name}"`).join(', ')}`, {
      hint: `Tables of ${options.set}: ${set.tables.map((table) => table.name).join(', ')}.`,
    });
  }
  const sample = options.sample ?? DEFAULT_SAMPLE;
  const concurrency = options.concurrency ?? loaded.config.parity.concurrency;
  const tables = options.tables === undefined ? set.tables : set.tables.filter((table) => options.tables!.includes(table.name));

  const startedAt = now();
  const runId = newRunId(startedAt);
  const pool = new EnginePool(loaded.config.connections, { baseDir: loaded.dir, reporter, budget: PARITY_BUDGET });
  const engine: ((name: string) => Engine) & { closeAll?: () => Promise<void> } =
    options.createEngine === undefined ? (name: string) => pool.get(name) : customEngines(loaded, reporter, options.createEngine);
  let done = 0;
  reporter.info(`parity ${options.set}: ${tables.length} table${tables.length === 1 ? '' : 's'}, ${Math.min(concurrency, tables.length)} at a time`);

  let results: ParityTableResult[];
  try {
    results = await pMap(
      tables,
      async (table) => {
        const result = await runTable(table, { ...options, sample, engine });
        done += 1;
        reporter.info(`  ${table.name}: ${describeTable(result)}`);
        reporter.progress(`parity ${options.set}`, done, tables.length);
        return result;
      },
      { concurrency },
    );
  } finally {
    await pool.closeAll();
    await engine.closeAll?.();
  }

  const finishedAt = now();
  const interrupted = options.signal?.aborted === true;
  const count = (status: ParityStatus) => results.filter((table) => table.status === status).length;
  const totals = { tables: results.length, passed: count('pass'), failed: count('fail'), errored: count('error') };
  const reportsDir = resolveConfigPath(loaded, loaded.config.reports.dir);
  const file = path.join(reportsDir, 'parity', options.set, runId, 'result.json');
  const relative = (target: string) => path.relative(loaded.dir, target).split(path.sep).join('/');
  const result: ParityRunResult = {
    version: 1,
    kind: 'parity-run',
    runId,
    set: options.set,
    description: set.description ?? null,
    project: loaded.config.project,
    status: totals.errored > 0 ? 'error' : totals.failed > 0 ? 'fail' : 'pass',
    interrupted,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    ...(await provenance(loaded.dir)),
    config: relative(loaded.file),
    options: { concurrency, sample, tables: options.tables === undefined ? null : [...options.tables] },
    totals,
    tables: results,
    reports: options.write === false ? {} : { ...relativeReportPaths(loaded.dir, path.dirname(file)) },
  };
  if (options.write !== false) {
    await writeParityResult(file, result);
    // report.html, junit.xml and summary.md beside result.json, then the index of all runs.
    await writeReportsAfterRun(loaded, result, path.dirname(file), reporter);
  }
  return { result, file: options.write === false ? undefined : file, exitCode: parityExitCode(result) };
}

/** The exit code of a run (see ParityRun.exitCode). */
export function parityExitCode(result: ParityRunResult): ExitCode {
  if (result.interrupted) return ExitCode.interrupted;
  const errors = result.tables.flatMap((table) => (table.error === null ? [] : [table.error.code]));
  const exits = errors.map((code) => new LakeshiftError(code as never, '').exitCode);
  if (exits.includes(ExitCode.environment)) return ExitCode.environment;
  if (exits.includes(ExitCode.badInput)) return ExitCode.badInput;
  if (exits.length > 0) return exits[0] ?? ExitCode.internal;
  return result.tables.some((table) => table.status === 'fail') ? ExitCode.checkFailed : ExitCode.ok;
}

interface TableRunOptions extends ParityRunOptions {
  readonly sample: number;
  readonly engine: ((name: string) => Engine) & { closeAll?: () => Promise<void> };
}

async function runTable(table: ParityTableConfig, options: TableRunOptions): Promise<ParityTableResult> {
  const started = performance.now();
  const set = options.loaded.config.parity.sets[options.set]!;
  const sides = (['legacy', 'new'] as const).map((role) => {
    try {
      return tableSide(set, table, role);
    } catch {
      return { connection: '', table: '' };
    }
  });
  const base = {
    name: table.name,
    legacy: sides[0]!,
    new: sides[1]!,
  };
  let plan: TablePlan | undefined;
  try {
    if (options.signal?.aborted === true) throw new LakeshiftError('INTERRUPTED', 'not run: interrupted by Ctrl-C');
    plan = await planTable(table, { loaded: options.loaded, set, engine: options.engine, ...(options.signal === undefined ? {} : { signal: options.signal }) });
    const compared = [...plan.keys, ...plan.values];
    const [legacyProfile, newProfile] = await Promise.all([
      profileSide(plan.legacy, compared, options.signal),
      profileSide(plan.new, compared, options.signal),
    ]);
    const context: StrategyContext = {
      plan,
      rows: { legacy: legacyProfile.rows, new: newProfile.rows },
      sample: options.sample,
      reporter: options.reporter ?? silentReporter,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.joinAggregate === undefined ? {} : { joinAggregate: options.joinAggregate }),
    };
    const outcome = await diff(context, options.segments);
    return judge(plan, base, context.rows, outcome, { legacy: legacyProfile.columns, new: newProfile.columns }, started);
  } catch (error) {
    const interrupted = options.signal?.aborted === true;
    const code = interrupted ? 'INTERRUPTED' : isLakeshiftError(error) ? error.code : 'INTERNAL';
    const message = interrupted && !(isLakeshiftError(error) && error.code === 'INTERRUPTED') ? `interrupted by Ctrl-C: ${describeError(error)}` : describeError(error);
    return {
      ...base,
      status: 'error',
      strategy: plan?.strategy ?? null,
      rules: plan === undefined ? null : { ...plan.rules, keys: [...plan.rules.keys], ignore: [...plan.rules.ignore], notes: [...plan.rules.notes] },
      rows: null,
      diff: null,
      mismatchedRows: null,
      mismatchRate: null,
      columns: plan === undefined ? [] : columnResults(plan, null),
      schema: plan === undefined ? null : copySchema(plan),
      profiles: [],
      samples: { missing: [], extra: [], changed: [] },
      failures: [],
      error: { code, message, hint: isLakeshiftError(error) ? (error.hint ?? null) : null },
      durationMs: Math.round(performance.now() - started),
    };
  }
}

function diff(context: StrategyContext, segments: SegmentOptions | undefined): Promise<DiffOutcome> {
  switch (context.plan.strategy) {
    case 'join':
      return joinDiff(context);
    case 'multiset':
      return multisetDiff(context);
    case 'segments':
      return segmentsDiff(context, segments);
    default: {
      const never: never = context.plan.strategy;
      return never;
    }
  }
}

function judge(
  plan: TablePlan,
  base: Pick<ParityTableResult, 'name' | 'legacy' | 'new'>,
  rows: { legacy: number; new: number },
  outcome: DiffOutcome,
  profiles: { legacy: ReadonlyMap<string, ParityTableResult['profiles'][number]['legacy']>; new: ReadonlyMap<string, ParityTableResult['profiles'][number]['new']> },
  started: number,
): ParityTableResult {
  const duplicates = outcome.duplicateKeys;
  const mismatchedRows = outcome.missing + outcome.extra + outcome.changed + (duplicates === undefined ? 0 : duplicates.legacyRows + duplicates.newRows);
  const largest = Math.max(rows.legacy, rows.new);
  const mismatchRate = largest === 0 ? 0 : mismatchedRows / largest;
  const threshold = plan.rules.threshold;
  const failures: string[] = [];
  if (threshold.mismatchedRows !== null && mismatchedRows > threshold.mismatchedRows) {
    failures.push(`${mismatchedRows} mismatched row${mismatchedRows === 1 ? '' : 's'}, more than the threshold of ${threshold.mismatchedRows}`);
  }
  if (threshold.mismatchRate !== null && mismatchRate > threshold.mismatchRate) {
    failures.push(`mismatch rate ${mismatchRate.toPrecision(3)}, above the threshold of ${threshold.mismatchRate}`);
  }
  if (duplicates !== undefined) {
    failures.push(`duplicate keys: ${duplicates.legacyKeys} on the legacy side, ${duplicates.newKeys} on the new side (their rows are set aside)`);
  }
  if (plan.schema.missingColumns.length > 0) failures.push(`columns missing from the new table: ${plan.schema.missingColumns.join(', ')}`);
  const compared = [...plan.keys, ...plan.values];
  return {
    ...base,
    status: failures.length === 0 ? 'pass' : 'fail',
    strategy: plan.strategy,
    rules: { ...plan.rules, keys: [...plan.rules.keys], ignore: [...plan.rules.ignore], notes: [...plan.rules.notes] },
    rows,
    diff: {
      matched: outcome.matched,
      missing: outcome.missing,
      extra: outcome.extra,
      changed: outcome.changed,
      ...(duplicates === undefined ? {} : { duplicateKeys: duplicates }),
    },
    mismatchedRows,
    mismatchRate,
    columns: columnResults(plan, outcome.columnMismatches),
    schema: copySchema(plan),
    profiles: compared.map((column) => ({ column: column.name, legacy: profiles.legacy.get(column.name) ?? null, new: profiles.new.get(column.name) ?? null })),
    samples: outcome.samples,
    failures,
    error: null,
    durationMs: Math.round(performance.now() - started),
    ...(outcome.transfer === undefined ? {} : { transfer: outcome.transfer }),
  };
}

function columnResults(plan: TablePlan, mismatches: ReadonlyMap<string, number> | null): ParityTableResult['columns'] {
  const compared = new Map<string, PlanColumn>([...plan.keys, ...plan.values].map((column) => [column.name, column]));
  return plan.legacy.columns.map((column) => {
    const pair = compared.get(column.name);
    if (pair !== undefined) {
      return {
        name: pair.name,
        newName: pair.newName,
        family: pair.family,
        legacyType: pair.legacy.type,
        newType: pair.new.type,
        key: pair.key,
        mismatches: pair.key || mismatches === null ? null : (mismatches.get(pair.name) ?? 0),
        compared: true,
      };
    }
    const mappedName = Object.entries(plan.rules.map).find(([from]) => from.toLowerCase() === column.name.toLowerCase())?.[1] ?? column.name;
    const partner = plan.new.columns.find((candidate) => candidate.name.toLowerCase() === mappedName.toLowerCase());
    return {
      name: column.name,
      newName: partner?.name ?? mappedName,
      family: column.family,
      legacyType: column.type,
      newType: partner?.type ?? '',
      key: false,
      mismatches: null,
      compared: false,
    };
  });
}

function copySchema(plan: TablePlan): NonNullable<ParityTableResult['schema']> {
  return {
    missingColumns: [...plan.schema.missingColumns],
    extraColumns: [...plan.schema.extraColumns],
    typeMismatches: plan.schema.typeMismatches.map((mismatch) => ({ ...mismatch })),
  };
}

function describeTable(table: ParityTableResult): string {
  const seconds = `${(table.durationMs / 1000).toFixed(1)} s`;
  if (table.status === 'error') return `error ${table.error?.code}: ${table.error?.message.split('\n')[0]} (${seconds})`;
  return `${table.status} — ${table.rows?.legacy ?? 0} legacy rows, ${table.mismatchedRows ?? 0} mismatched (${table.strategy}, ${seconds})`;
}

/** Who ran it and on which commit of the repository that holds lakeshift.yaml. */
async function provenance(dir: string): Promise<{ ranBy: string; git: { commit: string; dirty: boolean } | null }> {
  const fallbackUser = () => {
    try {
      return userInfo().username;
    } catch {
      return process.env['USER'] ?? 'unknown';
    }
  };
  try {
    const git = simpleGit(dir);
    if (!(await git.checkIsRepo())) return { ranBy: fallbackUser(), git: null };
    const name = (await git.getConfig('user.name')).value;
    let commit: { commit: string; dirty: boolean } | null = null;
    try {
      const head = (await git.revparse(['HEAD'])).trim();
      const status = await git.status();
      commit = { commit: head, dirty: !status.isClean() };
    } catch {
      commit = null;
    }
    return { ranBy: name !== null && name.trim() !== '' ? name.trim() : fallbackUser(), git: commit };
  } catch {
    return { ranBy: fallbackUser(), git: null };
  }
}

/** Engines from an injected factory, created once per connection and closed at the end. */
function customEngines(
  loaded: LoadedConfig,
  reporter: Reporter,
  create: NonNullable<ParityRunOptions['createEngine']>,
): ((name: string) => Engine) & { closeAll: () => Promise<void> } {
  const engines = new Map<string, Engine>();
  const get = (name: string) => {
    const existing = engines.get(name);
    if (existing !== undefined) return existing;
    const config = loaded.config.connections[name];
    if (config === undefined) throw new LakeshiftError('CONFIG_UNKNOWN_CONNECTION', `no connection named "${name}"`);
    const engine = create(name, config, { baseDir: loaded.dir, reporter, budget: PARITY_BUDGET });
    engines.set(name, engine);
    return engine;
  };
  return Object.assign(get, {
    closeAll: async () => {
      await Promise.allSettled([...engines.values()].map((engine) => engine.close()));
    },
  });
}

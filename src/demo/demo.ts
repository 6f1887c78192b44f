import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { runDoctor } from '../doctor/doctor.js';
import { connectionTarget } from '../engines/describe.js';
import { EnginePool } from '../engines/registry.js';
import { describeError, LakeshiftError } from '../errors.js';
import { examplesDir, packageVersion } from '../paths.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { runCutover } from '../cutover/cutover.js';
import { signoffRun } from '../cutover/signoff.js';
import { runParity } from '../parity/run-parity.js';
import type { ParityStatus } from '../parity/results.js';
import { runRehearse, type RehearseResult } from '../rehearse/rehearse.js';
import { rebuildReports } from '../report/rebuild-reports.js';
import { runSync, type SyncResult } from '../snapshot/sync.js';
import { runTranslate } from '../translate/translate-run.js';
import { loadSeeds, type LoadedSeed } from './seeds.js';

export const DEMO_ESTATE = 'shellcorp';
const MARKER = path.join('.lakeshift', 'demo.json');

export interface DemoOptions {
  /** The workspace folder; a previous demo workspace there is replaced, anything else is refused. */
  readonly dir: string;
  readonly reporter?: Reporter;
  readonly signal?: AbortSignal;
}

export interface DemoStep {
  readonly name: string;
  readonly summary: string;
  readonly elapsedMs: number;
}

export interface DemoSync {
  readonly commit: string | null;
  readonly objects: number;
  /** The change report (HTML). */
  readonly report: string | null;
  /** Objects added, changed or removed, with the table sets each reaches. */
  readonly changes: ReadonlyArray<{ readonly id: string; readonly sets: readonly string[] }>;
}

export interface DemoResult {
  readonly workspace: string;
  readonly config: string;
  /** The embedded database the demo loaded. */
  readonly database: string;
  readonly commit: string;
  readonly steps: readonly DemoStep[];
  /** The first week's legacy sync. */
  readonly sync: DemoSync;
  readonly tables: readonly LoadedSeed[];
  readonly translation: ReadonlyArray<{ readonly target: string; readonly out: string; readonly files: number; readonly withErrors: number; readonly report: string | null }>;
  readonly rehearsal: Pick<RehearseResult, 'status' | 'tablesCreated' | 'warnings'> & { readonly procedures: number; readonly statements: number };
  readonly parity: ReadonlyArray<{ readonly set: string; readonly status: ParityStatus; readonly report: string; readonly failures: readonly string[] }>;
  /** The set signed off (the one that passed), its record and checklist. */
  readonly signoff: { readonly set: string; readonly record: string; readonly checklist: string; readonly open: number } | null;
  /** reports/index.html. */
  readonly index: string;
  /** The next week: two procedures changed, synced again, the signed set's checklist reopened. */
  readonly nextWeek: { readonly changed: readonly string[]; readonly sync: DemoSync; readonly checklist: string | null; readonly reopened: readonly string[] };
}

/** Who signs in the demo. */
const DEMO_SIGNER = 'Dana Whitfield (ShellCorp finance, demo)';

/**
 * The next week's changes to the estate: what the analysts would push. One changes how a table
 * of the sales set is built; the other a procedure no table set depends on.
 */
const NEXT_WEEK: ReadonlyArray<{ readonly file: string; readonly id: string; readonly from: string; readonly to: string }> = [
  {
    file: 'warehouse/etl/Stored Procedures/etl.usp_build_daily_sales_summary.sql',
    id: 'catalog:warehouse/etl.usp_build_daily_sales_summary',
    from: "          AND  o.order_status <> 'Cancelled'\n",
    to: "          AND  o.order_status NOT IN ('Cancelled', 'Voided')   -- FIN-2304: voided tickets are not sales\n",
  },
  {
    file: 'warehouse/etl/Stored Procedures/etl.usp_build_top_products_per_store.sql',
    id: 'catalog:warehouse/etl.usp_build_top_products_per_store',
    from: '    @days   INT              = 28,\n',
    to: '    @days   INT              = 35,   -- five weeks since the merchandising review\n',
  },
];

/**
 * The week on the bundled example estate, offline, on the embedded DuckDB. Each step is what
 * a user would run by hand; the demo runs them in order and says what each did.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const reporter = options.reporter ?? silentReporter;
  const steps: DemoStep[] = [];
  const step = async <T>(name: string, work: () => Promise<{ value: T; summary: string }>): Promise<T> => {
    options.signal?.throwIfAborted();
    reporter.info(`» ${name}`);
    const started = performance.now();
    const { value, summary } = await work();
    steps.push({ name, summary, elapsedMs: Math.round(performance.now() - started) });
    reporter.info(`  ${summary}`);
    return value;
  };

  const workspace = path.resolve(options.dir);
  const commit = await step('create the workspace', async () => {
    await prepareWorkspace(workspace);
    const sha = await commitEstate(workspace);
    return { value: sha, summary: `copied the ${DEMO_ESTATE} estate into ${workspace} and committed it (${sha.slice(0, 7)})` };
  });

  const loaded = await step('check lakeshift.yaml and the connections', async () => {
    const config = await loadConfig({ cwd: workspace, env: process.env });
    const doctor = await runDoctor({ loaded: config, timeoutMs: 10_000, reporter, ...(options.signal === undefined ? {} : { signal: options.signal }) });
    const failed = doctor.connections.filter((check) => check.status === 'failed');
    if (failed.length > 0) {
      throw new LakeshiftError('CONNECTION_FAILED', `the demo's connection ${failed[0]!.name} failed: ${failed[0]!.error?.message ?? ''}`);
    }
    return { value: config, summary: `${path.relative(workspace, config.file)} is valid; ${doctor.connections.map((check) => `${check.name} (${check.product} ${check.version})`).join(', ')} ok` };
  });

  const sync = await step('sync the legacy estate into a git snapshot', async () => {
    const result = await runSync({ loaded, reporter, ...(options.signal === undefined ? {} : { signal: options.signal }) });
    const kinds = Object.entries(result.byKind).map(([kind, count]) => `${count} ${kind}`).join(', ');
    return {
      value: demoSync(result),
      summary: `${result.objects} objects (${kinds}) snapshotted in ${path.relative(workspace, result.snapshot)}/ and committed (${result.commit?.slice(0, 7) ?? 'no change'})`,
    };
  });

  const { name: connection, database } = embeddedConnection(loaded);
  const pool = new EnginePool(loaded.config.connections, { baseDir: loaded.dir, reporter });
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  try {
    const tables = await step('load the legacy tables into the local DuckDB', async () => {
      const seeds = await loadSeeds(pool.get(connection), path.join(workspace, 'data'), { reporter, ...signal });
      const base = seeds.filter((seed) => seed.role === 'base');
      const derived = seeds.filter((seed) => seed.role === 'derived');
      const rows = seeds.reduce((sum, seed) => sum + seed.rows, 0);
      return {
        value: seeds,
        summary: `${base.length} base and ${derived.length} legacy derived tables, ${rows.toLocaleString('en-US')} rows, in ${path.relative(workspace, database)}`,
      };
    });

    const translation = await step('translate the T-SQL to Databricks SQL, and to DuckDB for the rehearsal', async () => {
      const results = [];
      for (const target of ['databricks', 'duckdb'] as const) {
        const result = await runTranslate({ loaded, target, reporter, ...signal });
        results.push({
          target,
          out: result.out ?? '',
          files: result.totals.files,
          withErrors: result.files.filter((file) => file.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).length,
          report: result.reports?.html ?? null,
        });
      }
      const databricks = results[0]!;
      return {
        value: results,
        summary: `${databricks.files} files to ${path.relative(workspace, databricks.out)}/ (${databricks.withErrors} with parts that need a human) and to ${path.relative(workspace, results[1]!.out)}/`,
      };
    });

    // The rehearsal and the parity runs open the database themselves.
    await pool.closeAll();

    const rehearsal = await step('rehearse: run the nightly job\'s procedures on DuckDB to rebuild the derived tables in gold', async () => {
      const result = await runRehearse({ loaded, reporter, ...signal });
      if (result.status !== 'ok') {
        const failed = result.steps.find((candidate) => candidate.status === 'failed');
        throw new LakeshiftError('CHECK_FAILED', `the rehearsal failed: ${failed?.error?.message ?? 'a step did not run'}`, {
          hint: 'Run `lakeshift rehearse --verbose` in the workspace to see each statement.',
        });
      }
      const procedures = new Set(result.steps.flatMap((candidate) => candidate.procedures)).size;
      const statements = result.steps.reduce((sum, candidate) => sum + candidate.statements, 0);
      return {
        value: { status: result.status, tablesCreated: result.tablesCreated, warnings: result.warnings, procedures, statements },
        summary: `${result.steps.map((candidate) => candidate.step).join('; ')}: ${procedures} procedures, ${statements.toLocaleString('en-US')} statements; ${result.tablesCreated.length} gold tables created`,
      };
    });

    const parity = await step('compare every table set: legacy derived tables against the rehearsed gold ones', async () => {
      const runs = [];
      for (const set of Object.keys(loaded.config.parity.sets)) {
        const run = await runParity({ loaded, set, reporter, ...signal });
        const failures = run.result.tables.filter((table) => table.status !== 'pass').map((table) => `${table.name}: ${table.status}${table.mismatchedRows === undefined ? '' : `, ${table.mismatchedRows} rows differ`}`);
        runs.push({ set, status: run.result.status, report: path.resolve(loaded.dir, run.result.reports['html'] ?? run.result.reports['json'] ?? ''), failures });
      }
      return { value: runs, summary: runs.map((run) => `${run.set}: ${run.status}`).join(', ') };
    });

    const signoff = await step('sign off the set that passed and render its cutover checklist', async () => {
      const passing = parity.find((run) => run.status === 'pass');
      if (passing === undefined) return { value: null, summary: 'no set passed: nothing to sign' };
      const signed = await signoffRun({ loaded, set: passing.set, by: DEMO_SIGNER, note: 'Signed by the lakeshift demo.', reporter });
      // Week 1's checklist keeps a name of its own: the next week's replaces the usual one.
      const cutover = await runCutover({ loaded, set: passing.set, out: path.join(loaded.config.reports.dir, 'cutover', `${passing.set}-week-1.html`), reporter });
      const open = cutover.checklist.counts.open;
      return {
        value: { set: passing.set, record: path.resolve(loaded.dir, signed.record), checklist: path.resolve(loaded.dir, cutover.file), open },
        summary: `${passing.set} signed by ${DEMO_SIGNER}; its checklist has ${cutover.checklist.counts.done} of ${cutover.checklist.counts.items} items done (the open ones are the manual cutover steps)`,
      };
    });

    const nextWeek = await step('the next week: the analysts change two procedures; sync and translate again', async () => {
      const changed = await changeProcedures(workspace);
      const result = await runSync({ loaded, reporter, ...signal });
      const translated = await runTranslate({ loaded, target: 'databricks', reporter, ...signal });
      const checklist = signoff === null ? null : await runCutover({ loaded, set: signoff.set, reporter });
      const reopened = checklist === null ? [] : checklist.checklist.items.filter((item) => item.kind === 'evidence' && item.status === 'open').map((item) => item.title);
      const sets = [...new Set(result.impact.flatMap((impact) => impact.sets.map((set) => set.split('/')[0]!)))];
      return {
        value: { changed, sync: demoSync(result), checklist: checklist === null ? null : path.resolve(loaded.dir, checklist.file), reopened },
        summary:
          `${changed.length} procedures changed and committed; the sync reports ${result.changes.changed.length} changed objects reaching ${sets.length === 0 ? 'no table set' : `table set ${sets.join(', ')}`}; ` +
          `${translated.totals.translatedThisRun} translated again` +
          (checklist === null ? '' : `; the ${signoff!.set} checklist reopened ${reopened.length} items`),
      };
    });

    const index = await step('render the index of every report', async () => {
      const reports = await rebuildReports({ loaded, reporter });
      return { value: path.resolve(loaded.dir, reports.index), summary: `${reports.sets.length} table sets, ${reports.rebuilt} reports rendered` };
    });

    return { workspace, config: loaded.file, database, commit, steps, sync, tables, translation, rehearsal, parity, signoff, index, nextWeek };
  } finally {
    await pool.closeAll();
  }
}

function demoSync(result: SyncResult): DemoSync {
  return {
    commit: result.commit,
    objects: result.objects,
    report: result.reports?.html ?? null,
    changes: result.impact.map((impact) => ({ id: impact.id, sets: [...new Set(impact.sets.map((set) => set.split('/')[0]!))] })),
  };
}

/** Makes the next week's changes in the workspace and commits them, as the analysts would. */
async function changeProcedures(workspace: string): Promise<string[]> {
  for (const change of NEXT_WEEK) {
    const file = path.join(workspace, change.file);
    const text = await readFile(file, 'utf8');
    if (!text.includes(change.from)) {
      throw new LakeshiftError('INPUT_INVALID', `the demo cannot make its change to ${file}: the line it edits is not there`, {
        hint: 'Restore the example estate (git checkout examples/).',
        location: { file },
      });
    }
    await writeFile(file, text.replace(change.from, change.to));
  }
  const git = simpleGit(workspace);
  await git.add(NEXT_WEEK.map((change) => change.file));
  await git.commit(`${DEMO_ESTATE}: week 2: exclude voided tickets from sales (FIN-2304); top products over five weeks`);
  return NEXT_WEEK.map((change) => change.id);
}

async function prepareWorkspace(workspace: string): Promise<void> {
  const source = path.join(examplesDir(), DEMO_ESTATE);
  if (!existsSync(path.join(source, 'lakeshift.yaml'))) {
    throw new LakeshiftError('INPUT_NOT_FOUND', `the example estate is missing from ${source}`, {
      hint: 'Reinstall lakeshift, or restore examples/ with git checkout.',
    });
  }
  if (existsSync(workspace)) {
    const entries = await readdir(workspace);
    if (entries.length > 0 && !(await isDemoWorkspace(workspace))) {
      throw new LakeshiftError('TARGET_NOT_EMPTY', `${workspace} exists and is not a lakeshift demo workspace`, {
        hint: 'Give the demo an empty or new folder: lakeshift demo DIR.',
      });
    }
    // Only a folder the demo made itself is ever removed.
    await rm(workspace, { recursive: true, force: true });
  }
  await cp(source, workspace, {
    recursive: true,
    filter: (file) => !file.split(path.sep).includes('.lakeshift') && !file.split(path.sep).includes('node_modules'),
  });
  await mkdir(path.join(workspace, '.lakeshift'), { recursive: true });
  await writeFile(path.join(workspace, MARKER), `${JSON.stringify({ createdBy: 'lakeshift demo', version: packageVersion(), estate: DEMO_ESTATE }, null, 2)}\n`);
  const gitignore = path.join(workspace, '.gitignore');
  if (!existsSync(gitignore)) await writeFile(gitignore, '# lakeshift local state: the embedded database, caches\n.lakeshift/\n');
}

async function isDemoWorkspace(workspace: string): Promise<boolean> {
  try {
    const marker = JSON.parse(await readFile(path.join(workspace, MARKER), 'utf8')) as { createdBy?: string };
    return marker.createdBy === 'lakeshift demo';
  } catch {
    return false;
  }
}

async function commitEstate(workspace: string): Promise<string> {
  try {
    const git = simpleGit(workspace);
    await git.init();
    // The demo commits as itself, so that it works on a machine without a git identity.
    await git.addConfig('user.name', 'lakeshift demo', false, 'local');
    await git.addConfig('user.email', 'demo@lakeshift.invalid', false, 'local');
    await git.add('.');
    const result = await git.commit(`${DEMO_ESTATE}: the legacy estate, week 1`);
    return result.commit === '' ? await git.revparse(['HEAD']) : await git.revparse([result.commit]);
  } catch (error) {
    throw new LakeshiftError('GIT_FAILED', `git failed in ${workspace}: ${describeError(error)}`, {
      hint: 'Check that git is installed and on the PATH (`git --version`).',
      cause: error,
    });
  }
}

function embeddedConnection(loaded: LoadedConfig): { name: string; database: string } {
  const entry = Object.entries(loaded.config.connections).find(([, config]) => config.kind === 'duckdb');
  if (entry === undefined) {
    throw new LakeshiftError('CONFIG_INVALID', `${loaded.file} has no duckdb connection for the demo to load`, { location: { file: loaded.file } });
  }
  return { name: entry[0], database: connectionTarget(entry[1], loaded.dir) };
}

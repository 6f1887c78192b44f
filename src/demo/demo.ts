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
import { runSync } from '../snapshot/sync.js';
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

export interface DemoResult {
  readonly workspace: string;
  readonly config: string;
  /** The embedded database the demo loaded. */
  readonly database: string;
  readonly commit: string;
  readonly steps: readonly DemoStep[];
  /** The legacy sync: the snapshot's commit, its object count and the change report. */
  readonly sync: { readonly commit: string | null; readonly objects: number; readonly report: string | null };
  readonly tables: readonly LoadedSeed[];
}

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
      value: { commit: result.commit, objects: result.objects, report: result.reports?.html ?? null },
      summary: `${result.objects} objects (${kinds}) snapshotted in ${path.relative(workspace, result.snapshot)}/ and committed (${result.commit?.slice(0, 7) ?? 'no change'})`,
    };
  });

  const { name: connection, database } = embeddedConnection(loaded);
  const pool = new EnginePool(loaded.config.connections, { baseDir: loaded.dir, reporter });
  try {
    const tables = await step('load the legacy tables into the local DuckDB', async () => {
      const seeds = await loadSeeds(pool.get(connection), path.join(workspace, 'data'), {
        reporter,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      const base = seeds.filter((seed) => seed.role === 'base');
      const derived = seeds.filter((seed) => seed.role === 'derived');
      const rows = seeds.reduce((sum, seed) => sum + seed.rows, 0);
      return {
        value: seeds,
        summary: `${base.length} base and ${derived.length} legacy derived tables, ${rows.toLocaleString('en-US')} rows, in ${path.relative(workspace, database)}`,
      };
    });
    return { workspace, config: loaded.file, database, commit, steps, sync, tables };
  } finally {
    await pool.closeAll();
  }
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

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import { describeError } from '../errors.js';
import { readParityResult, type ParityRunResult } from '../parity/results.js';
import type { Reporter } from '../reporter.js';

/**
 * The stored parity runs of a set: reports/parity/<set>/<run-id>/result.json, each validated
 * on load. A file that cannot be read or validated is a warning and is left out, never a crash.
 */
export interface StoredParityRun {
  readonly runId: string;
  /** The run's folder (absolute). */
  readonly dir: string;
  /** Its result.json (absolute). */
  readonly file: string;
  /** sha256 of result.json's bytes: what a sign-off names. */
  readonly sha256: string;
  readonly result: ParityRunResult;
}

/** reports/parity (absolute). */
export function parityReportsDir(loaded: Pick<LoadedConfig, 'dir' | 'config'>): string {
  return path.join(resolveConfigPath(loaded, loaded.config.reports.dir), 'parity');
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Sets with a folder under reports/parity, and the configured ones, in config order first. */
export async function paritySetNames(loaded: Pick<LoadedConfig, 'dir' | 'config'>): Promise<string[]> {
  const root = parityReportsDir(loaded);
  const configured = Object.keys(loaded.config.parity.sets);
  const stored = existsSync(root) ? (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort() : [];
  return [...configured, ...stored.filter((name) => !configured.includes(name))];
}

export interface ReadRunsOptions {
  readonly loaded: Pick<LoadedConfig, 'dir' | 'config'>;
  readonly set: string;
  readonly reporter: Reporter;
  /** Receives the warnings as well (for results that list them). */
  readonly warnings?: string[];
}

/**
 * Visits every valid stored run of a set, oldest first (run ids sort by time), one at a time so
 * that a long history never sits in memory at once.
 */
export async function forEachParityRun(options: ReadRunsOptions, visit: (run: StoredParityRun) => Promise<void> | void): Promise<void> {
  const setDir = path.join(parityReportsDir(options.loaded), options.set);
  if (!existsSync(setDir)) return;
  const warn = (message: string) => {
    options.warnings?.push(message);
    options.reporter.warn(message);
  };
  const relative = (file: string) => path.relative(options.loaded.dir, file).split(path.sep).join('/');
  const folders = (await readdir(setDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  for (const folder of folders) {
    const dir = path.join(setDir, folder);
    const file = path.join(dir, 'result.json');
    if (!existsSync(file)) continue;
    let run: StoredParityRun;
    try {
      const bytes = await readFile(file);
      const result = await readParityResult(file);
      if (result.set !== options.set) {
        warn(`skipped ${relative(file)}: it is a run of set "${result.set}", not "${options.set}"`);
        continue;
      }
      run = { runId: result.runId, dir, file, sha256: sha256Hex(bytes), result };
    } catch (error) {
      warn(`skipped ${relative(file)}: ${describeError(error)}`);
      continue;
    }
    await visit(run);
  }
}

/** The run folders of a set that hold a result.json, valid or not, oldest first. */
export async function parityRunFolders(loaded: Pick<LoadedConfig, 'dir' | 'config'>, set: string): Promise<string[]> {
  const setDir = path.join(parityReportsDir(loaded), set);
  if (!existsSync(setDir)) return [];
  return (await readdir(setDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && existsSync(path.join(setDir, entry.name, 'result.json')))
    .map((entry) => entry.name)
    .sort();
}

/** Every valid stored run of a set, oldest first. */
export async function readParityRuns(options: ReadRunsOptions): Promise<StoredParityRun[]> {
  const runs: StoredParityRun[] = [];
  await forEachParityRun(options, (run) => {
    runs.push(run);
  });
  return runs.sort((a, b) => (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0));
}

/** What the index pages need of a run: its result without the tables. */
export interface ParityRunSummary {
  readonly runId: string;
  readonly dir: string;
  readonly file: string;
  readonly sha256: string;
  readonly status: ParityRunResult['status'];
  readonly interrupted: boolean;
  readonly finishedAt: string;
  readonly ranBy: string;
  readonly git: ParityRunResult['git'];
  readonly totals: ParityRunResult['totals'];
  readonly mismatchedRows: number;
}

export function summariseRun(run: StoredParityRun): ParityRunSummary {
  return {
    runId: run.runId,
    dir: run.dir,
    file: run.file,
    sha256: run.sha256,
    status: run.result.status,
    interrupted: run.result.interrupted,
    finishedAt: run.result.finishedAt,
    ranBy: run.result.ranBy,
    git: run.result.git,
    totals: run.result.totals,
    mismatchedRows: run.result.tables.reduce((sum, table) => sum + (table.mismatchedRows ?? 0), 0),
  };
}

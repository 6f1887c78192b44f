import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { LakeshiftError } from '../errors.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { parityRunFolders, readParityRuns, type StoredParityRun } from '../report/parity-runs.js';
import { writeReportIndex } from '../report/report-index.js';
import { recordCommitter } from './record-git.js';
import { readSignoffRecord, signoffRecordFile, writeSignoffRecord, type Signoff } from './signoff-record.js';

export interface SignoffOptions {
  readonly loaded: LoadedConfig;
  readonly set: string;
  /** Who signs: a name as people know it. */
  readonly by: string;
  /** The run to sign (default: the latest run of the set). */
  readonly run?: string;
  readonly note?: string;
  /** Sign a failed or errored run; needs a note saying why. */
  readonly acceptFailures?: boolean;
  /** Commit the record when lakeshift.yaml is in a git repository (default true). */
  readonly commit?: boolean;
  readonly now?: Date;
  readonly reporter?: Reporter;
}

export interface SignoffResult {
  readonly set: string;
  readonly signoff: Signoff;
  /** The signed run's result.json, relative to the project folder. */
  readonly result: string;
  /** The run's totals, as the signer saw them. */
  readonly totals: { readonly tables: number; readonly passed: number; readonly failed: number; readonly errored: number };
  /** signoffs/<set>.yaml, relative to the project folder. */
  readonly record: string;
  /** The commit that holds the record, or null outside git. */
  readonly commit: string | null;
  readonly warnings: readonly string[];
}

/**
 * Records who signed which parity run of a set (`lakeshift signoff`): the run id, the sha256 of
 * its result.json and its status, in signoffs/<set>.yaml, committed with git. A run with failed
 * or errored tables is signed only when the signer accepts its failures and says why.
 */
export async function signoffRun(options: SignoffOptions): Promise<SignoffResult> {
  const { loaded } = options;
  const reporter = options.reporter ?? silentReporter;
  requireSet(loaded, options.set);
  const by = options.by.trim();
  if (by === '') throw new LakeshiftError('INPUT_INVALID', '--by is empty: say who signs', { hint: 'Give a name, e.g. --by "Dana Whitfield (Finance)".' });
  const note = options.note?.trim() === '' ? undefined : options.note?.trim();

  const warnings: string[] = [];
  const runs = await readParityRuns({ loaded, set: options.set, reporter, warnings });
  const run = pickRun(runs, options.set, options.run);
  const newest = (await parityRunFolders(loaded, options.set)).at(-1);
  if (options.run === undefined && newest !== undefined && newest > run.runId) {
    // Signing is deliberate: never fall back to an older run because the latest cannot be read.
    throw new LakeshiftError('INPUT_INVALID', `the latest run of set ${options.set}, ${newest}, cannot be read (${warnings.join('; ')})`, {
      hint: `Run the set again, or name the run to sign with --run (the latest readable one is ${run.runId}).`,
    });
  }
  const status = run.result.status;
  if (status !== 'pass' && options.acceptFailures !== true) {
    throw new LakeshiftError('INPUT_INVALID', `run ${run.runId} of set ${options.set} did not pass (${describeTotals(run)}): it cannot be signed as it is`, {
      hint: 'Fix the differences and run the set again, or sign it knowingly with --accept-failures --note "why these differences are accepted".',
      details: { run: run.runId, status },
    });
  }
  if (status !== 'pass' && note === undefined) {
    throw new LakeshiftError('INPUT_INVALID', `--accept-failures needs a --note saying why the failures of run ${run.runId} are accepted`, {
      hint: 'e.g. --note "FIN-2291: the four churn rows were corrected by hand in legacy; the rebuild is right".',
    });
  }

  const file = signoffRecordFile(loaded, options.set);
  const record = await readSignoffRecord(file, options.set);
  const committer = await recordCommitter(loaded.dir, options.commit ?? true);
  const signoff: Signoff = {
    run: run.runId,
    resultSha256: run.sha256,
    status,
    by,
    at: (options.now ?? new Date()).toISOString(),
    note: note ?? null,
    acceptedFailures: status !== 'pass',
  };
  await writeSignoffRecord(file, { ...record, signoffs: [...record.signoffs, signoff] });
  const commit = await committer.commit(file, `signoff ${options.set}: run ${run.runId} by ${by}${status === 'pass' ? '' : ` (${status}, failures accepted)`}`);
  reporter.info(`signed run ${run.runId} of ${options.set} (${status}) by ${by}`);
  // The index shows who signed what; a rebuild problem there is lakeshift report's to tell.
  await writeReportIndex({ loaded, reporter: silentReporter });
  const relative = (target: string) => path.relative(loaded.dir, target).split(path.sep).join('/');
  return {
    set: options.set,
    signoff,
    result: relative(run.file),
    totals: run.result.totals,
    record: relative(file),
    commit,
    warnings,
  };
}

export function requireSet(loaded: LoadedConfig, set: string): void {
  if (loaded.config.parity.sets[set] !== undefined) return;
  const known = Object.keys(loaded.config.parity.sets);
  throw new LakeshiftError('INPUT_INVALID', `no parity set named "${set}" in ${loaded.file}`, {
    hint: known.length > 0 ? `Sets: ${known.join(', ')}.` : 'Define one under parity.sets in lakeshift.yaml.',
  });
}

function pickRun(runs: readonly StoredParityRun[], set: string, wanted: string | undefined): StoredParityRun {
  if (runs.length === 0) {
    throw new LakeshiftError('INPUT_INVALID', `set ${set} has no parity run to sign`, { hint: `Run it first: lakeshift parity run --set ${set}.` });
  }
  if (wanted === undefined) return runs[runs.length - 1]!;
  const run = runs.find((candidate) => candidate.runId === wanted);
  if (run !== undefined) return run;
  const ids = runs.map((candidate) => candidate.runId).reverse();
  const listed = ids.slice(0, 10).join(', ') + (ids.length > 10 ? ` and ${ids.length - 10} older` : '');
  throw new LakeshiftError('INPUT_INVALID', `set ${set} has no run ${wanted}`, {
    hint: `Runs of ${set}, latest first: ${listed}.`,
    details: { runs: ids },
  });
}

export function describeTotals(run: StoredParityRun): string {
  const { passed, failed, errored } = run.result.totals;
  return `${run.result.status}: ${passed} passed, ${failed} failed, ${errored} errored`;
}

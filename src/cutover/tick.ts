import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { LakeshiftError } from '../errors.js';
import { cutoverSteps } from './checklist.js';
import { recordCommitter } from './record-git.js';
import { readSignoffRecord, signoffRecordFile, writeSignoffRecord, type CutoverTick } from './signoff-record.js';
import { requireSet } from './signoff.js';

export interface TickOptions {
  readonly loaded: LoadedConfig;
  readonly set: string;
  /** A manual step id of the set. */
  readonly step: string;
  readonly by: string;
  readonly note?: string;
  /** Commit the record when lakeshift.yaml is in a git repository (default true). */
  readonly commit?: boolean;
  readonly now?: Date;
}

export interface TickResult {
  readonly set: string;
  readonly tick: CutoverTick;
  /** signoffs/<set>.yaml, relative to the project folder. */
  readonly record: string;
  readonly commit: string | null;
}

/** Records that a manual cutover step is done (`lakeshift cutover --tick STEP --by WHO`), committed like a sign-off. */
export async function tickCutoverStep(options: TickOptions): Promise<TickResult> {
  const { loaded } = options;
  requireSet(loaded, options.set);
  const steps = cutoverSteps(loaded.config.parity.sets[options.set]!);
  if (!steps.some((step) => step.id === options.step)) {
    throw new LakeshiftError('INPUT_INVALID', `set ${options.set} has no cutover step "${options.step}"`, {
      hint: `Steps of ${options.set}: ${steps.map((step) => step.id).join(', ')}.`,
      details: { steps: steps.map((step) => step.id) },
    });
  }
  const by = options.by.trim();
  if (by === '') throw new LakeshiftError('INPUT_INVALID', '--by is empty: say who did the step', { hint: 'e.g. --by "Sam Okafor (BI)".' });
  const note = options.note?.trim();
  const file = signoffRecordFile(loaded, options.set);
  const record = await readSignoffRecord(file, options.set);
  const committer = await recordCommitter(loaded.dir, options.commit ?? true);
  const tick: CutoverTick = { step: options.step, by, at: (options.now ?? new Date()).toISOString(), note: note === undefined || note === '' ? null : note };
  await writeSignoffRecord(file, { ...record, ticks: [...record.ticks, tick] });
  const commit = await committer.commit(file, `cutover ${options.set}: ${options.step} ticked by ${by}`);
  return { set: options.set, tick, record: path.relative(loaded.dir, file).split(path.sep).join('/'), commit };
}

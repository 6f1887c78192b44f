import type { Reporter } from '../../reporter.js';
import type { ChangedSample, ParityTransfer, SampleRow } from '../results.js';
import type { TablePlan } from '../plan.js';

/** What a strategy found, before the table's verdict. */
export interface DiffOutcome {
  readonly matched: number;
  readonly missing: number;
  readonly extra: number;
  readonly changed: number;
  readonly duplicateKeys?: { readonly legacyKeys: number; readonly newKeys: number; readonly legacyRows: number; readonly newRows: number };
  /** Legacy column name -> rows that differ in it; null for keyless tables. */
  readonly columnMismatches: ReadonlyMap<string, number> | null;
  readonly samples: { readonly missing: SampleRow[]; readonly extra: SampleRow[]; readonly changed: ChangedSample[] };
  readonly transfer?: ParityTransfer;
}

export interface StrategyContext {
  readonly plan: TablePlan;
  /** Row counts of both sides after their filters (from the profiles). */
  readonly rows: { readonly legacy: number; readonly new: number };
  /** Rows kept per sample category. */
  readonly sample: number;
  readonly signal?: AbortSignal;
  readonly reporter: Reporter;
  /** Same-engine keyed diff: use the one-pass aggregate where the dialect has it (default true). */
  readonly joinAggregate?: boolean;
}

export function queryOptions(context: Pick<StrategyContext, 'signal'>): { signal?: AbortSignal } {
  return context.signal === undefined ? {} : { signal: context.signal };
}

import path from 'node:path';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import { renderCutoverHtml, renderCutoverMarkdown } from '../report/cutover-report.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { writeFileAtomic } from '../snapshot/atomic-write.js';
import { buildCutoverChecklist, type CutoverChecklist } from './checklist.js';
import { requireSet } from './signoff.js';
import { tickCutoverStep, type TickResult } from './tick.js';

export type CutoverFormat = 'html' | 'md';

export interface CutoverOptions {
  readonly loaded: LoadedConfig;
  readonly set: string;
  /** html (default) or md. */
  readonly format?: CutoverFormat;
  /** Where to write the checklist: absolute, or relative to the project folder (default reports/cutover/<set>.html or .md). */
  readonly out?: string;
  /** Tick a manual step first (recorded and committed in signoffs/<set>.yaml). */
  readonly tick?: { readonly step: string; readonly by: string; readonly note?: string };
  /** Commit the tick when lakeshift.yaml is in a git repository (default true). */
  readonly commit?: boolean;
  readonly now?: Date;
  readonly reporter?: Reporter;
}

export interface CutoverResult {
  readonly checklist: CutoverChecklist;
  readonly format: CutoverFormat;
  /** The checklist file written, relative to the project folder. */
  readonly file: string;
  /** The step ticked by this call, or null. */
  readonly ticked: TickResult | null;
}

/**
 * `lakeshift cutover`: optionally ticks a manual step, then computes the set's checklist from
 * the artefacts and writes it as HTML or Markdown. Open items are the report's content, not a
 * failure.
 */
export async function runCutover(options: CutoverOptions): Promise<CutoverResult> {
  const { loaded } = options;
  const reporter = options.reporter ?? silentReporter;
  const format = options.format ?? 'html';
  requireSet(loaded, options.set);
  const now = options.now ?? new Date();
  const ticked =
    options.tick === undefined
      ? null
      : await tickCutoverStep({
          loaded,
          set: options.set,
          step: options.tick.step,
          by: options.tick.by,
          now,
          ...(options.tick.note === undefined ? {} : { note: options.tick.note }),
          ...(options.commit === undefined ? {} : { commit: options.commit }),
        });
  if (ticked !== null) reporter.info(`ticked ${ticked.tick.step} of ${options.set} by ${ticked.tick.by}`);
  const checklist = await buildCutoverChecklist({ loaded, set: options.set, reporter, now });
  const file =
    options.out === undefined
      ? path.join(resolveConfigPath(loaded, loaded.config.reports.dir), 'cutover', `${options.set}.${format}`)
      : path.resolve(loaded.dir, options.out);
  await writeFileAtomic(file, format === 'html' ? await renderCutoverHtml(checklist) : await renderCutoverMarkdown(checklist));
  return { checklist, format, file: path.relative(loaded.dir, file).split(path.sep).join('/'), ticked };
}

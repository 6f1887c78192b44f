import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { writeParityRunReports } from './parity-run-reports.js';
import { forEachParityRun, paritySetNames, summariseRun, type ParityRunSummary } from './parity-runs.js';
import { writeReportIndex, type ReportIndexSet } from './report-index.js';

export interface ReportOptions {
  readonly loaded: LoadedConfig;
  readonly reporter?: Reporter;
  readonly now?: Date;
}

export interface ReportResult {
  /** reports/index.html, relative to the project folder. */
  readonly index: string;
  readonly sets: readonly ReportIndexSet[];
  /** Runs whose report.html, junit.xml and summary.md were written again. */
  readonly rebuilt: number;
  /** Result files that could not be read or validated, and records that could not be shown. */
  readonly warnings: readonly string[];
}

/**
 * `lakeshift report`: renders every stored run's report.html, junit.xml and summary.md again
 * from its result.json (validated on load; a corrupt one is a warning), then the indexes.
 * Run it after upgrading lakeshift, or when report files were deleted.
 */
export async function rebuildReports(options: ReportOptions): Promise<ReportResult> {
  const { loaded } = options;
  const reporter = options.reporter ?? silentReporter;
  const now = options.now ?? new Date();
  const warnings: string[] = [];
  const runs = new Map<string, ParityRunSummary[]>();
  let rebuilt = 0;
  for (const set of await paritySetNames(loaded)) {
    const summaries: ParityRunSummary[] = [];
    await forEachParityRun({ loaded, set, reporter, warnings }, async (run) => {
      await writeParityRunReports(run.result, run.dir, loaded.dir, now);
      summaries.push(summariseRun(run));
      rebuilt += 1;
      reporter.progress('rebuilding parity reports', rebuilt);
      reporter.debug(`rebuilt ${path.relative(loaded.dir, run.dir)}`);
    });
    runs.set(set, summaries);
  }
  const index = await writeReportIndex({ loaded, reporter, now, runs });
  return { index: index.index, sets: index.sets, rebuilt, warnings: [...warnings, ...index.warnings] };
}

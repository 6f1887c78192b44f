import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { describeError } from '../errors.js';
import type { ParityRunResult } from '../parity/results.js';
import type { Reporter } from '../reporter.js';
import { writeFileAtomic } from '../snapshot/atomic-write.js';
import { renderParityJunit } from './junit.js';
import { renderParityMarkdown, type ParityReportFiles } from './parity-markdown.js';
import { renderParityHtml } from './parity-report.js';
import { writeReportIndex } from './report-index.js';

/** The files of a run beside its result.json. */
export const PARITY_REPORT_FILE_NAMES = { json: 'result.json', html: 'report.html', junit: 'junit.xml', markdown: 'summary.md' } as const;

/** The report files of a run folder (absolute). */
export function parityReportPaths(runDir: string): ParityReportFiles {
  return {
    json: path.join(runDir, PARITY_REPORT_FILE_NAMES.json),
    html: path.join(runDir, PARITY_REPORT_FILE_NAMES.html),
    junit: path.join(runDir, PARITY_REPORT_FILE_NAMES.junit),
    markdown: path.join(runDir, PARITY_REPORT_FILE_NAMES.markdown),
  };
}

/** The same, relative to the project folder with "/" separators (as results and --json show paths). */
export function relativeReportPaths(projectDir: string, runDir: string): ParityReportFiles {
  const absolute = parityReportPaths(runDir);
  const relative = (file: string) => path.relative(projectDir, file).split(path.sep).join('/');
  return { json: relative(absolute.json), html: relative(absolute.html), junit: relative(absolute.junit), markdown: relative(absolute.markdown) };
}

/**
 * Renders report.html, junit.xml and summary.md of a run from its result, beside result.json
 * (which is never rewritten: sign-offs name its bytes).
 */
export async function writeParityRunReports(result: ParityRunResult, runDir: string, projectDir: string, generatedAt: Date): Promise<ParityReportFiles> {
  const files = parityReportPaths(runDir);
  const [html, markdown] = await Promise.all([
    renderParityHtml(result, { generatedAt }),
    renderParityMarkdown(result, relativeReportPaths(projectDir, runDir)),
  ]);
  await writeFileAtomic(files.html, html);
  await writeFileAtomic(files.junit, renderParityJunit(result));
  await writeFileAtomic(files.markdown, markdown);
  return files;
}

/**
 * What `lakeshift parity run` does once result.json is written: the run's reports, then the
 * index of all runs. A failure here is a warning (result.json is safe; `lakeshift report`
 * rebuilds the rest), never a lost run.
 */
export async function writeReportsAfterRun(loaded: LoadedConfig, result: ParityRunResult, runDir: string, reporter: Reporter): Promise<void> {
  try {
    await writeParityRunReports(result, runDir, loaded.dir, new Date(result.finishedAt));
    await writeReportIndex({ loaded, reporter, now: new Date(result.finishedAt) });
  } catch (error) {
    reporter.warn(`the reports of run ${result.runId} could not be written: ${describeError(error)} (run lakeshift report to rebuild them)`);
  }
}

import type { ParityRunResult, ParityStatus } from '../parity/results.js';
import { formatCount, formatDuration, formatInstant, markdownCell, shortCommit } from './format.js';
import { renderText } from './html.js';
import { tableCounts, totalMismatchedRows, type TableCounts } from './parity-report.js';

/**
 * The Markdown summary of a parity run, written as summary.md for a pull-request comment:
 * the totals, the tables that need a look first, and where the full report is.
 */

/** Table rows in the comment; the rest are counted (a PR comment has a size limit). */
export const MAX_MARKDOWN_ROWS = 100;

export const STATUS_MARK: Record<ParityStatus, string> = { pass: '✅ pass', fail: '❌ fail', error: '⚠️ error' };

export interface ParityMarkdownView {
  readonly heading: string;
  readonly provenance: string;
  readonly totals: { readonly tables: string; readonly passed: string; readonly failed: string; readonly errored: string; readonly mismatchedRows: string };
  readonly rows: ReadonlyArray<TableCounts & { readonly name: string; readonly status: string; readonly strategy: string }>;
  readonly omitted: string;
  readonly problems: readonly string[];
  readonly files: ReadonlyArray<{ readonly label: string; readonly path: string }>;
}

export interface ParityReportFiles {
  readonly json: string;
  readonly html: string;
  readonly junit: string;
  readonly markdown: string;
}

const ORDER: Record<ParityStatus, number> = { error: 0, fail: 1, pass: 2 };

export function parityMarkdownView(result: ParityRunResult, files: ParityReportFiles | null): ParityMarkdownView {
  const sorted = result.tables
    .map((table, index) => ({ table, index }))
    .sort((a, b) => ORDER[a.table.status] - ORDER[b.table.status] || a.index - b.index)
    .map(({ table }) => table);
  const shown = sorted.slice(0, MAX_MARKDOWN_ROWS);
  const hidden = sorted.slice(MAX_MARKDOWN_ROWS);
  const commit = result.git === null ? 'not in a git repository' : `on commit \`${shortCommit(result.git.commit)}\`${result.git.dirty ? ' (with uncommitted changes)' : ''}`;
  const hiddenPassed = hidden.filter((table) => table.status === 'pass').length;
  return {
    heading: `${STATUS_MARK[result.status]}: parity of \`${result.set}\`${result.interrupted ? ' (interrupted)' : ''}`,
    provenance: `${markdownCell(result.project)} · run \`${result.runId}\` by ${markdownCell(result.ranBy)}, ${commit}, finished ${formatInstant(result.finishedAt)} in ${formatDuration(result.durationMs)}.`,
    totals: {
      tables: formatCount(result.totals.tables),
      passed: formatCount(result.totals.passed),
      failed: formatCount(result.totals.failed),
      errored: formatCount(result.totals.errored),
      mismatchedRows: formatCount(totalMismatchedRows(result)),
    },
    rows: shown.map((table) => ({
      name: markdownCell(table.name),
      status: STATUS_MARK[table.status],
      strategy: table.strategy ?? '—',
      ...tableCounts(table),
    })),
    omitted:
      hidden.length === 0
        ? ''
        : `${formatCount(hidden.length)} more table${hidden.length === 1 ? '' : 's'} (${formatCount(hiddenPassed)} passed) are in the HTML report.`,
    problems: shown.flatMap((table) => [
      ...table.failures.map((failure) => `**${markdownCell(table.name)}**: ${markdownCell(failure)}`),
      ...(table.error === null ? [] : [`**${markdownCell(table.name)}**: ${markdownCell(`${table.error.code}: ${table.error.message.split('\n')[0] ?? ''}`)}`]),
    ]),
    files:
      files === null
        ? []
        : [
            { label: 'HTML report', path: files.html },
            { label: 'JUnit', path: files.junit },
            { label: 'JSON', path: files.json },
          ],
  };
}

export async function renderParityMarkdown(result: ParityRunResult, files: ParityReportFiles | null): Promise<string> {
  return renderText('parity/summary.md.hbs', parityMarkdownView(result, files));
}

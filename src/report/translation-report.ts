import path from 'node:path';
import { writeFileAtomic } from '../snapshot/atomic-write.js';
import { DIAGNOSTICS, type DiagnosticCode } from '../translate/diagnostics.js';
import type { TranslateResult, TranslatedFile } from '../translate/results.js';
import { renderHtmlPage, renderText } from './html.js';

/** Files that need a human are listed one by one up to this many, worst first. */
const MAX_LISTED = 500;

/** Writes translation.md and translation.html into `dir`; returns their paths. */
export async function writeTranslationReports(result: TranslateResult, dir: string, project: string, when: Date): Promise<{ markdown: string; html: string }> {
  const view = translationReportView(result, project, when);
  const markdown = path.join(dir, 'translation.md');
  const html = path.join(dir, 'translation.html');
  await writeFileAtomic(markdown, await renderText('translate/translation-report.md.hbs', view));
  await writeFileAtomic(html, await renderHtmlPage({ title: `Translation: ${project}`, subtitle: view.subtitle, template: 'translate/translation-report.html.hbs', view, generatedAt: when }));
  return { markdown, html };
}

export function translationReportView(result: TranslateResult, project: string, when: Date) {
  const { totals } = result;
  const worst = [...result.files]
    .filter((file) => file.status === 'manual' || file.status === 'unreadable' || file.status === 'review')
    .sort((a, b) => severityScore(b) - severityScore(a) || a.input.localeCompare(b.input));
  const label = (file: TranslatedFile) => (result.out === undefined || file.output === null ? file.input : path.relative(result.out, file.output));
  const percent = (part: number, whole: number) => (whole === 0 ? '100.0' : ((100 * part) / whole).toFixed(1));
  return {
    project,
    subtitle: `${result.target} · ${when.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')} · ${totals.files} files, ${totals.byStatus.manual} need a human`,
    target: result.target,
    out: result.out ?? '',
    totals,
    statementsPercent: percent(totals.statements.translated, totals.statements.total),
    cleanPercent: percent(totals.byStatus.translated + totals.byStatus.review, totals.files),
    byCode: Object.entries(totals.diagnosticsByCode)
      .map(([code, count]) => {
        const definition = DIAGNOSTICS[code as DiagnosticCode] as (typeof DIAGNOSTICS)[DiagnosticCode] | undefined;
        return { code, count, severity: definition?.severity ?? 'error', title: definition?.title ?? code };
      })
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.count - a.count),
    needsHuman: worst.slice(0, MAX_LISTED).map((file) => ({
      name: label(file),
      status: file.status,
      errors: file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
      warnings: file.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
      diagnostics: file.diagnostics
        .filter((diagnostic) => diagnostic.severity !== 'info')
        .map((diagnostic) => ({ where: `${diagnostic.line}:${diagnostic.column}`, severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message })),
    })),
    unlisted: Math.max(0, worst.length - MAX_LISTED),
    removed: (result.removed ?? []).map((file) => (result.out === undefined ? file : path.relative(result.out, file))),
  };
}

function severityRank(severity: string): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}

function severityScore(file: TranslatedFile): number {
  const errors = file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = file.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  return (file.status === 'unreadable' ? 1e9 : 0) + errors * 1000 + warnings;
}

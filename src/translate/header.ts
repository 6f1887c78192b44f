import type { FileDiagnostic, StatementCounts, TranslateTarget } from './results.js';

const TARGET_NAMES: Readonly<Record<TranslateTarget, string>> = {
  databricks: 'Databricks SQL',
  duckdb: 'DuckDB (a script for lakeshift rehearse)',
};

/**
 * The comment at the top of every translated file: where it came from, how much was translated,
 * and every diagnostic with its line and column in the original, worst first.
 */
export function renderHeader(file: { readonly input: string; readonly target: TranslateTarget; readonly statements: StatementCounts; readonly diagnostics: readonly FileDiagnostic[] }): string {
  const { statements, diagnostics } = file;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...diagnostics].sort((a, b) => order[a.severity] - order[b.severity] || a.line - b.line || a.column - b.column);
  const counts = (['error', 'warning', 'info'] as const).map((severity) => `${diagnostics.filter((diagnostic) => diagnostic.severity === severity).length} ${severity}${severity === 'info' ? '' : 's'}`).join(', ');
  const lines = [
    `-- Translated by lakeshift from ${file.input} to ${TARGET_NAMES[file.target]}.`,
    `-- T-SQL statements: ${statements.total}, translated ${statements.translated}${statements.total > statements.translated ? `, kept as comments for a human: ${statements.total - statements.translated}` : ''}.`,
    `-- Diagnostics: ${counts}${diagnostics.length > 0 ? ' (line:column in the original):' : '.'}`,
    ...sorted.map((diagnostic) => `--   ${diagnostic.severity.padEnd(7)} ${diagnostic.code} ${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`.replace(/\n/g, ' ')),
  ];
  return `${lines.join('\n')}\n`;
}

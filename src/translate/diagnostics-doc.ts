import { DIAGNOSTICS, type DiagnosticCode } from './diagnostics.js';

/**
 * docs/translation-diagnostics.md, written from the catalogue in diagnostics.ts so that the two
 * never disagree (test/translate/diagnostics-doc.test.ts checks it; UPDATE_DOCS=1 rewrites it).
 */
export function renderDiagnosticsCatalogue(): string {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const codes = (Object.keys(DIAGNOSTICS) as DiagnosticCode[]).sort((a, b) => order[DIAGNOSTICS[a].severity] - order[DIAGNOSTICS[b].severity] || a.localeCompare(b));
  const lines = [
    '# Translation diagnostics',
    '',
    'Every translated file starts with a header that lists its diagnostics, each with a stable code,',
    'a severity, and a line and column in the original T-SQL. `lakeshift translate --strict` exits 1',
    'while any error remains.',
    '',
    '- **error**: the output does not do what the T-SQL did. The part is kept as written, commented',
    '  out or between `/*[CODE]*/ ... /*[/CODE]*/` markers, for a human to translate.',
    '- **warning**: translated, but the semantics may differ: a human must check.',
    '- **info**: dropped or changed on purpose, with nothing to check.',
    '',
    '| code | severity | what |',
    '|---|---|---|',
    ...codes.map((code) => `| [${code}](#${code.toLowerCase()}) | ${DIAGNOSTICS[code].severity} | ${DIAGNOSTICS[code].title} |`),
    '',
  ];
  for (const code of codes) {
    const definition = DIAGNOSTICS[code];
    const setting = 'setting' in definition ? definition.setting : undefined;
    const example = setting === undefined ? 'Example:' : `Example, with \`${setting.yaml}\` in lakeshift.yaml:`;
    lines.push(`## ${code}`, '', `**${definition.severity}**: ${definition.title}.`, '', `What to do: ${definition.check}`, '', example, '', '```sql', definition.example, '```', '');
  }
  return lines.join('\n');
}

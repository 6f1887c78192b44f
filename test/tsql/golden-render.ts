import { collectReferences, dumpAst, parseTsql } from '../../src/tsql/index.js';
import type { ObjectReference, TsqlReferences } from '../../src/tsql/index.js';

function names(list: readonly ObjectReference[]): string {
  return list.map((r) => r.text).join(', ');
}

function describeReferences(refs: TsqlReferences): string {
  const parts: string[] = [];
  if (refs.reads.length > 0) parts.push(`reads ${names(refs.reads)}`);
  if (refs.writes.length > 0) parts.push(`writes ${names(refs.writes)}`);
  if (refs.executes.length > 0) parts.push(`executes ${names(refs.executes)}`);
  if (refs.calls.length > 0) parts.push(`calls ${names(refs.calls)}`);
  if (refs.defines.length > 0) parts.push(`defines ${names(refs.defines)}`);
  if (refs.drops.length > 0) parts.push(`drops ${names(refs.drops)}`);
  if (refs.temporaryTables.length > 0) parts.push(`temporary ${refs.temporaryTables.map((t) => `${t.name}(${t.access.join('+')})`).join(', ')}`);
  if (refs.dynamicSql) parts.push('dynamic SQL');
  return parts.join('; ');
}

/**
 * The golden rendering of a fixture: the syntax tree without spans, then the diagnostics, then
 * the references of each top-level statement that has any.
 */
export function renderGolden(text: string): string {
  const result = parseTsql(text);
  const out: string[] = [dumpAst(result.script), '', 'diagnostics:'];
  if (result.diagnostics.length === 0) out.push('  (none)');
  for (const d of result.diagnostics) out.push(`  ${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
  out.push('', 'references:');
  let n = 0;
  for (const batch of result.script.batches) {
    for (const statement of batch.statements) {
      n++;
      const line = describeReferences(collectReferences(statement));
      if (line !== '') out.push(`  #${n} ${statement.kind} (line ${result.lineIndex.position(statement.start).line}): ${line}`);
    }
  }
  return `${out.join('\n')}\n`;
}

import { collectReferences, parseTsql, type TsqlReferences } from '../tsql/index.js';
import type { LegacyObject, ObjectReference, SourceContext } from './legacy-object.js';

/** Line endings as LF, so that a snapshot diff shows real changes only. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * What a piece of T-SQL reads, writes, executes and calls, from the T-SQL front end. Temp
 * tables, table variables and CTEs are not objects and are left out; the names objects define
 * (a CREATE's own name) are not references either.
 */
export function sqlReferences(text: string): ObjectReference[] {
  return fromTsqlReferences(collectReferences(parseTsql(text).script));
}

export function fromTsqlReferences(found: TsqlReferences): ObjectReference[] {
  const references: ObjectReference[] = [];
  const seen = new Set<string>();
  const add = (use: ObjectReference['use'], names: TsqlReferences['reads']) => {
    for (const reference of names) {
      const key = `${use}:${reference.text.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      references.push({ name: reference.text, use });
    }
  };
  add('reads', found.reads);
  add('writes', found.writes);
  add('executes', found.executes);
  add('calls', found.calls);
  return references.sort((a, b) => a.use.localeCompare(b.use) || a.name.localeCompare(b.name));
}

const DYNAMIC = '__lakeshift_dynamic__';

/**
 * References of SQL embedded in a host language. Driver placeholders (`?`, `%s`, `%(name)s`,
 * `:name`) become T-SQL variables so that the statement parses; parts built at run time
 * (`{table}` in an f-string) are unknown, and names containing them are not references.
 */
export function embeddedSqlReferences(text: string): ObjectReference[] {
  const analysable = text
    .replace(/\{[^{}\n]*\}/g, DYNAMIC)
    .replace(/%\(\w+\)s|%s|\?/g, '@p')
    .replace(/(^|[^:\w]):(\w+)/g, '$1@$2');
  return sqlReferences(analysable).filter((reference) => !reference.name.includes(DYNAMIC));
}

/**
 * References and details of an object: from the previous snapshot when its text is the same
 * (parsing is most of an inventory's work), else from `analyse`.
 */
export function analysed(
  context: Pick<SourceContext, 'reuse'>,
  id: string,
  definition: string,
  analyse: () => Pick<LegacyObject, 'references' | 'details'>,
): Pick<LegacyObject, 'references' | 'details'> {
  return context.reuse?.(id, definition) ?? analyse();
}

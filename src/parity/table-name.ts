import { LakeshiftError } from '../errors.js';

/**
 * Splits a table name from lakeshift.yaml ("table", "schema.table", "catalog.schema.table",
 * "db.schema.table") into its parts on the dots that are outside quotes and brackets, so that
 * `"my.schema".t` and `[dbo].[Order Lines]` keep their dots and spaces. Quotes and brackets
 * are removed (doubled quotes and `]]` unescaped): each part is quoted again by the dialect of
 * the engine that runs the query, so a name from config is never spliced into SQL as it is.
 */
export function splitTableName(name: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let index = 0;
  const fail = (why: string): never => {
    throw new LakeshiftError('INPUT_INVALID', `table name ${JSON.stringify(name)}: ${why}`, {
      hint: 'Write schema.table; quote a part with "..." or [...] when it holds a dot or a space.',
    });
  };
  while (index < name.length) {
    const char = name[index]!;
    if (char === '"' || char === '`' || char === '[') {
      const close = char === '[' ? ']' : char;
      let end = index + 1;
      let text = '';
      for (;;) {
        if (end >= name.length) fail(`unclosed ${char}`);
        const next = name[end]!;
        if (next === close) {
          if (name[end + 1] === close) {
            text += close;
            end += 2;
            continue;
          }
          break;
        }
        text += next;
        end += 1;
      }
      current += text;
      quoted = true;
      index = end + 1;
      continue;
    }
    if (char === '.') {
      if (current.trim() === '' && !quoted) fail('an empty part');
      parts.push(quoted ? current : current.trim());
      current = '';
      quoted = false;
      index += 1;
      continue;
    }
    current += char;
    index += 1;
  }
  if (current.trim() === '' && !quoted) fail('an empty part');
  parts.push(quoted ? current : current.trim());
  if (parts.length > 3) fail('more than three parts (catalog.schema.table)');
  return parts;
}

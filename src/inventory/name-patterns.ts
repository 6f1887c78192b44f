/**
 * include/exclude patterns for catalog objects, written against `schema.name` (or
 * `database.schema.name`): `*` matches any run of characters, `?` one character. Matching is
 * case-insensitive, as SQL Server's default collations compare names.
 */
export interface NameFilter {
  matches(name: string): boolean;
}

export function nameFilter(include: readonly string[] | undefined, exclude: readonly string[] | undefined): NameFilter {
  const included = (include ?? []).map(patternToRegExp);
  const excluded = (exclude ?? []).map(patternToRegExp);
  return {
    matches(name: string): boolean {
      if (included.length > 0 && !included.some((pattern) => pattern.test(name))) return false;
      return !excluded.some((pattern) => pattern.test(name));
    },
  };
}

function patternToRegExp(pattern: string): RegExp {
  const body = [...pattern]
    .map((character) => (character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}

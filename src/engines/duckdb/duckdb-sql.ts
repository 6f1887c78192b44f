/** DuckDB SQL text: identifiers and literals are always quoted, never spliced in raw. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteQualified(...parts: readonly string[]): string {
  return parts.map(quoteIdentifier).join('.');
}

export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

import type { Span } from '../../tsql/index.js';
import type { StatementWriter } from './statements.js';

/**
 * The table property a table needs when a column name has a character Parquet cannot hold
 * (a space, `,;{}()=`, a tab or newline): Delta column mapping by name, or the CREATE fails
 * (DELTA_INVALID_CHARACTERS_IN_COLUMN_NAMES). `columns`: the names, each with where it is written.
 */
export function columnMapping(columns: readonly (Span & { readonly name: string })[], w: StatementWriter): string[] {
  const characters = w.ctx.dialect.columnMappingCharacters;
  const named = characters === undefined ? [] : columns.filter((column) => characters.test(column.name));
  if (named.length === 0) return [];
  w.ctx.report(
    'TR_SEMANTIC',
    named[0]!,
    `${named.map((column) => column.name).join(', ')}: Delta holds a column name with a space or one of ,;{}()= only with column mapping, so the table sets delta.columnMapping.mode = 'name'. That upgrades its protocol (readers need Databricks Runtime 10.2 or above), and streaming reads and change data feed of the table have limits with it (Databricks, "Rename and drop columns with Delta Lake column mapping")`,
  );
  return ["'delta.columnMapping.mode' = 'name'"];
}

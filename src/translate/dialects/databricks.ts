import type { DataType } from '../../tsql/index.js';
import { isPlainIdentifier, type TargetDialect } from './dialect.js';
import { mapDataType } from './types.js';

/** Databricks SQL: backtick identifiers, local script variables by name, session temporary tables. */
export const databricksDialect: TargetDialect = {
  target: 'databricks',
  identifier: (name) => (isPlainIdentifier(name) ? name : `\`${name.replaceAll('`', '``')}\``),
  // Unity Catalog object names cannot contain a period, a space, a forward slash, an ASCII
  // control character or DELETE, backquoted or not (SQL reference, "Names").
  objectNameForbidden: /[ ./\x00-\x1f\x7f]/g,
  // Parquet cannot name a column with any of these; Delta can, with column mapping (Delta docs,
  // "Delta column mapping"), and fails with DELTA_INVALID_CHARACTERS_IN_COLUMN_NAMES otherwise.
  columnMappingCharacters: /[ ,;{}()\n\t=]/,
  // Databricks string literals treat backslash as an escape character: double it.
  // (replaceAll is much slower than a search when there is nothing to replace, as in most literals.)
  stringLiteral: (value) => (value.includes('\\') || value.includes("'") ? `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'` : `'${value}'`),
  dataType: (type: DataType) => mapDataType('databricks', type),
  variable: (name) => name,
  temporaryTableName: (name) => name,
  createTemporaryTable: 'CREATE TEMPORARY TABLE',
  // No exactDivision: `/` of two decimals (an integer taking part as a DECIMAL) is a DECIMAL of
  // SQL Server's scale, max(6, s1 + p2 + 1) (Databricks SQL reference, "/ operator"; Spark's
  // decimal precision rules), rounded at its last digit where SQL Server truncates.
  // UTF8_LCASE compares lower-cased text, RTRIM ignores trailing spaces (Databricks Runtime 16.1
  // and above; SQL reference, "Collation").
  caseInsensitiveStrings: { kind: 'collate', collation: 'UTF8_LCASE_RTRIM' },
  // One atomic Delta commit; the query reads the table as it was before it. BY NAME matches the
  // query's columns to the table's by name (Databricks Runtime 13.3 and above; SQL reference,
  // "INSERT"), a column the query lacks taking its DEFAULT.
  replaceRows: (table, columns, rows) => [`INSERT OVERWRITE ${table} ${columns === undefined ? 'BY NAME' : `(${columns})`}\n${rows}`],
  // SQL reference, "* (star) clause": EXCEPT in Databricks Runtime 11.3 LTS and above.
  allColumnsExcept: (columns) => `* EXCEPT (${columns})`,
};

import type { DataType } from '../../tsql/index.js';
import { isPlainIdentifier, type ExactDivision, type TargetDialect } from './dialect.js';
import { mapDataType } from './types.js';

/**
 * DuckDB, for local rehearsal: double-quoted identifiers, variables through getvariable() in
 * the written script (the rehearsal substitutes values itself), temporary tables.
 */
export const duckdbDialect: TargetDialect = {
  target: 'duckdb',
  identifier: (name) => (isPlainIdentifier(name) ? name : `"${name.replaceAll('"', '""')}"`),
  stringLiteral: (value) => (value.includes("'") ? `'${value.replaceAll("'", "''")}'` : `'${value}'`),
  dataType: (type: DataType) => mapDataType('duckdb', type),
  variable: (name) => `getvariable('${name}')`,
  temporaryTableName: (name) => name,
  createTemporaryTable: 'CREATE TEMPORARY TABLE',
  exactDivision,
  // rtrim() removes spaces only, as SQL Server's padding rule ignores only spaces.
  caseInsensitiveStrings: { kind: 'fold', fold: (operand) => `lower(rtrim(${operand}))` },
  // DuckDB has no INSERT OVERWRITE: the rows are kept aside, then put back.
  replaceRows: (table, columns, rows) => [
    `CREATE OR REPLACE TEMPORARY TABLE lakeshift_kept_rows AS\n${rows}`,
    `DELETE FROM ${table}`,
    `INSERT INTO ${table} ${columns === undefined ? 'BY NAME' : `(${columns})`}\nSELECT * FROM lakeshift_kept_rows`,
    'DROP TABLE lakeshift_kept_rows',
  ],
  allColumnsExcept: (columns) => `* EXCLUDE (${columns})`,
};

/**
 * DuckDB divides a DECIMAL by a DECIMAL or an integer into a DOUBLE: 1001.05 / 10 is then
 * 100.10499..., which casts to DECIMAL(12,2) as 100.10 where SQL Server gives 100.11. The
 * quotient is computed on HUGEINTs instead: the dividend scaled to an integer number of units of
 * the result (10^-scale), integer-divided by the divisor scaled to an integer (`//` truncates
 * toward zero, as SQL Server truncates the quotient), and turned back into DECIMAL(38, scale) by
 * an exact product. A zero divisor gives NULL, as `//` of two integers does in this translation
 * (SQL Server raises error 8134). A scaled dividend beyond 38 digits fails with an overflow
 * error rather than a wrong value.
 */
function exactDivision(division: ExactDivision): string {
  const shift = division.scale + division.divisorScale;
  const units =
    division.dividendScale === 0
      ? `CAST(${division.dividend} AS HUGEINT) * ${powerOfTen(shift)}`
      : shift >= division.dividendScale
        ? `CAST(${division.dividend} * ${powerOfTen(shift)} AS HUGEINT)`
        : `CAST(trunc(${division.dividend} * ${powerOfTen(shift)}) AS HUGEINT)`;
  const divisor = division.divisorScale === 0 ? division.divisor : `CAST(${division.divisor} * ${powerOfTen(division.divisorScale)} AS HUGEINT)`;
  return `CAST(${units} // ${divisor} AS DECIMAL(38,0)) * 0.${'0'.repeat(division.scale - 1)}1`;
}

function powerOfTen(exponent: number): string {
  return `1${'0'.repeat(exponent)}`;
}

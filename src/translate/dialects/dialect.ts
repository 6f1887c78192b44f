import type { DataType } from '../../tsql/index.js';

export type TranslateTarget = 'databricks' | 'duckdb';

/** A target type for a T-SQL type, and what to tell the reader when it is not exact. */
export interface MappedType {
  readonly text: string;
  /** Set when the target type loses something (time zones, spatial, XML ...). */
  readonly approximation?: string;
}

/** A division of exact numerics, one at least a decimal, as SQL Server computes it. */
export interface ExactDivision {
  /** The dividend in the target, ready to be the left operand of `*`. */
  readonly dividend: string;
  /** Its scale as SQL Server types it (0 for an integer). */
  readonly dividendScale: number;
  /** The divisor in the target, ready to be the right operand of `/`. */
  readonly divisor: string;
  readonly divisorScale: number;
  /** The scale of SQL Server's quotient, at which it truncates (max(6, s1 + p2 + 1), or less beyond precision 38). */
  readonly scale: number;
}

/**
 * How a string comparison ignores case and trailing spaces, as SQL Server's default collations
 * do: by folding both sides (a function of each operand; string literals are folded where they
 * are written), or by a collation given to the first operand, which the comparison then uses.
 */
export type CaseInsensitiveStrings =
  | { readonly kind: 'fold'; readonly fold: (operand: string) => string }
  | { readonly kind: 'collate'; readonly collation: string };

/**
 * What differs between target SQL dialects, as data and small functions. The generators ask
 * the dialect; they never test which target they write for.
 */
export interface TargetDialect {
  readonly target: TranslateTarget;
  /** An identifier, quoted only when it has to be (not a plain name, or a reserved word). */
  identifier(name: string): string;
  /**
   * The characters (a global pattern) an object name (catalog, schema, table, view, routine)
   * cannot hold even quoted; each becomes `_` (objectNamePart). Undefined: any name is kept.
   */
  readonly objectNameForbidden?: RegExp;
  /**
   * The characters a table column name can hold only with Delta column mapping
   * (delta.columnMapping.mode = 'name'). Undefined: any column name is kept as it is.
   */
  readonly columnMappingCharacters?: RegExp;
  stringLiteral(value: string): string;
  /** A T-SQL data type in this dialect. */
  dataType(type: DataType): MappedType;
  /** The text that reads a script variable in an expression (`v_total`, `getvariable('v_total')`). */
  variable(name: string): string;
  /** Session temporary table DDL: the name as queries write it. */
  temporaryTableName(name: string): string;
  readonly createTemporaryTable: string;
  /**
   * T-SQL's decimal division, the quotient truncated at its scale. Undefined where `/` of two
   * decimals is already a decimal of that scale in the target.
   */
  readonly exactDivision?: (division: ExactDivision) => string;
  /** String comparisons under translate.collation: case-insensitive. */
  readonly caseInsensitiveStrings: CaseInsensitiveStrings;
  /**
   * The statements that replace every row of `table` by the rows of the query `rows` (which
   * may read the table), giving its `columns` (a list, as written in INSERT), or, when
   * undefined, the columns of `rows` by name.
   */
  replaceRows(table: string, columns: string | undefined, rows: string): readonly string[];
  /** A select list item for every column of the FROM clause but `columns` (a list). */
  allColumnsExcept(columns: string): string;
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reserved words of both targets that a T-SQL name may well be (a column named `order`, `date`). */
export const RESERVED: ReadonlySet<string> = new Set(
  (
    'ALL AND ANY ARRAY AS ASC AUTHORIZATION BETWEEN BOTH BY CASE CAST CHECK COLLATE COLUMN CONSTRAINT CREATE CROSS ' +
    'CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER DEFAULT DELETE DESC DISTINCT DO ELSE END ' +
    'EXCEPT EXISTS FALSE FETCH FILTER FOR FOREIGN FROM FULL FUNCTION GRANT GROUP HAVING IN INNER INSERT INTERSECT ' +
    'INTERVAL INTO IS JOIN LATERAL LEADING LEFT LIKE LIMIT NATURAL NOT NULL OF OFFSET ON ONLY OR ORDER OUTER ' +
    'OVERLAPS PIVOT PRIMARY QUALIFY REFERENCES RETURNING RIGHT SELECT SESSION_USER SET SOME TABLE THEN TO TRAILING ' +
    'TRUE UNION UNIQUE UNPIVOT UPDATE USER USING VALUES WHEN WHERE WINDOW WITH'
  ).split(' '),
);

/** Answers of isPlainIdentifier() by name: the same column and table names come back all through an object. */
const plainNames = new Map<string, boolean>();

export function isPlainIdentifier(name: string): boolean {
  let plain = plainNames.get(name);
  if (plain === undefined) {
    plain = PLAIN.test(name) && !RESERVED.has(name.toUpperCase());
    // Bounded: a long run over many estates must not keep every name it saw.
    if (plainNames.size >= 50_000) plainNames.clear();
    plainNames.set(name, plain);
  }
  return plain;
}

/**
 * An object name part as the dialect can hold it: each forbidden character replaced by `_`. A
 * pure function of the name, so that every object translated on its own names the same object
 * the same way.
 */
export function objectNamePart(dialect: TargetDialect, name: string): string {
  const forbidden = dialect.objectNameForbidden;
  return forbidden === undefined ? name : name.replace(forbidden, '_');
}

/** T-SQL type name, lower case, and its numeric arguments. */
export function typeParts(type: DataType): { name: string; args: readonly string[] } {
  return { name: (type.name.parts[type.name.parts.length - 1] ?? '').toLowerCase(), args: type.args };
}

import type { DataType } from '../../tsql/index.js';
import { typeParts, type MappedType, type TranslateTarget } from './dialect.js';

/**
 * SQL Server types in each target. A table of data; arguments (precision, scale, length) are
 * carried where the target has them. Strings become STRING/VARCHAR whatever their length:
 * neither target enforces a declared length the way SQL Server does.
 */
type TypeRule = (args: readonly string[]) => MappedType;

const exact = (text: string): TypeRule => () => ({ text });
const approximate = (text: string, approximation: string): TypeRule => () => ({ text, approximation });
const decimal: TypeRule = (args) => ({ text: args.length === 0 ? 'DECIMAL(18,0)' : `DECIMAL(${args.map((arg) => arg.trim()).join(',')})` });
/** float(n): n <= 24 is a 4-byte real, otherwise an 8-byte double. */
const float =
  (single: string, double: string): TypeRule =>
  (args) => ({ text: args.length > 0 && Number(args[0]) <= 24 ? single : double });

const shared: Record<string, TypeRule> = {
  bigint: exact('BIGINT'),
  int: exact('INT'),
  integer: exact('INT'),
  smallint: exact('SMALLINT'),
  bit: exact('BOOLEAN'),
  decimal,
  numeric: decimal,
  dec: decimal,
  money: exact('DECIMAL(19,4)'),
  smallmoney: exact('DECIMAL(10,4)'),
  date: exact('DATE'),
};

const ROWVERSION = 'rowversion is not generated: rows written here leave it NULL; compare versions with Delta row tracking (_metadata.row_commit_version) or a column the load sets';

const databricks: Record<string, TypeRule> = {
  ...shared,
  // tinyint is 0..255 in SQL Server; Databricks TINYINT is signed (-128..127).
  tinyint: exact('SMALLINT'),
  float: float('FLOAT', 'DOUBLE'),
  real: exact('FLOAT'),
  datetime: exact('TIMESTAMP'),
  datetime2: exact('TIMESTAMP'),
  smalldatetime: exact('TIMESTAMP'),
  datetimeoffset: approximate('TIMESTAMP', 'datetimeoffset keeps its offset; TIMESTAMP keeps the instant only'),
  time: approximate('STRING', 'Databricks has no time-of-day type; the value is kept as text HH:MM:SS'),
  char: exact('STRING'),
  varchar: exact('STRING'),
  nchar: exact('STRING'),
  nvarchar: exact('STRING'),
  text: exact('STRING'),
  ntext: exact('STRING'),
  sysname: exact('STRING'),
  uniqueidentifier: exact('STRING'),
  binary: exact('BINARY'),
  varbinary: exact('BINARY'),
  image: exact('BINARY'),
  rowversion: approximate('BINARY', ROWVERSION),
  timestamp: approximate('BINARY', ROWVERSION),
  xml: approximate('STRING', 'XML is kept as text; xml methods need rewriting'),
  sql_variant: approximate('STRING', 'sql_variant values are kept as text'),
  hierarchyid: approximate('STRING', 'hierarchyid is kept as its text form'),
  geography: approximate('STRING', 'spatial values are kept as text (WKT); use H3 or ST functions'),
  geometry: approximate('STRING', 'spatial values are kept as text (WKT); use H3 or ST functions'),
};

const duckdb: Record<string, TypeRule> = {
  ...shared,
  tinyint: exact('UTINYINT'),
  float: float('FLOAT', 'DOUBLE'),
  real: exact('FLOAT'),
  datetime: exact('TIMESTAMP'),
  datetime2: exact('TIMESTAMP'),
  smalldatetime: exact('TIMESTAMP'),
  datetimeoffset: exact('TIMESTAMPTZ'),
  time: exact('TIME'),
  char: exact('VARCHAR'),
  varchar: exact('VARCHAR'),
  nchar: exact('VARCHAR'),
  nvarchar: exact('VARCHAR'),
  text: exact('VARCHAR'),
  ntext: exact('VARCHAR'),
  sysname: exact('VARCHAR'),
  uniqueidentifier: exact('VARCHAR'),
  binary: exact('BLOB'),
  varbinary: exact('BLOB'),
  image: exact('BLOB'),
  rowversion: approximate('BLOB', ROWVERSION),
  timestamp: approximate('BLOB', ROWVERSION),
  xml: approximate('VARCHAR', 'XML is kept as text'),
  sql_variant: approximate('VARCHAR', 'sql_variant values are kept as text'),
  hierarchyid: approximate('VARCHAR', 'hierarchyid is kept as its text form'),
  geography: approximate('VARCHAR', 'spatial values are kept as text'),
  geometry: approximate('VARCHAR', 'spatial values are kept as text'),
};

const tables: Readonly<Record<TranslateTarget, Record<string, TypeRule>>> = { databricks, duckdb };

/** The target type of a T-SQL type; an unknown (user-defined) type is kept with an approximation note. */
export function mapDataType(target: TranslateTarget, type: DataType): MappedType {
  const { name, args } = typeParts(type);
  const rule = tables[target][name];
  if (rule !== undefined) return rule(args);
  return {
    text: target === 'databricks' ? 'STRING' : 'VARCHAR',
    approximation: `${type.name.parts.join('.')} is a user-defined or unknown type; it became text`,
  };
}

/** The T-SQL type family, for deciding what `+` means and how to compare. */
export function typeFamily(typeName: string): 'string' | 'number' | 'date' | 'binary' | 'other' {
  const name = typeName.toLowerCase().replace(/\(.*$/, '').trim();
  if (['char', 'varchar', 'nchar', 'nvarchar', 'text', 'ntext', 'sysname', 'uniqueidentifier', 'xml'].includes(name)) return 'string';
  if (['bigint', 'int', 'integer', 'smallint', 'tinyint', 'bit', 'decimal', 'numeric', 'dec', 'money', 'smallmoney', 'float', 'real'].includes(name)) return 'number';
  if (['date', 'datetime', 'datetime2', 'smalldatetime', 'datetimeoffset', 'time'].includes(name)) return 'date';
  if (['binary', 'varbinary', 'image', 'rowversion', 'timestamp'].includes(name)) return 'binary';
  return 'other';
}

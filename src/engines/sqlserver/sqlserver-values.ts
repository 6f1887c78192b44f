import type { Column, TypeFamily, Value } from '../engine.js';
import { toDecimalText, utcDateText, utcTimeText, utcTimestampText } from '../value-text.js';

/**
 * What mssql (lib/tedious/request.js, createColumns) emits per column with the 'recordset'
 * event: `type` is one of mssql's type functions (lib/datatypes.js), whose `declaration` is
 * the lower-case SQL Server type name; `length` is tedious' dataLength, in bytes (so twice the
 * characters for nchar/nvarchar, 65535 for "max"); `udt` is set for CLR types.
 */
export interface SqlServerColumnMetadata {
  readonly index: number;
  readonly name: string;
  readonly length?: number;
  readonly type?: { readonly declaration?: string } | ((...args: never[]) => unknown);
  readonly scale?: number;
  readonly precision?: number;
  readonly nullable?: boolean;
  readonly udt?: { readonly name?: string };
}

/** mssql's 'recordset' payload: an array with arrayRowMode, else an object keyed by name. */
export type SqlServerRecordsetColumns = readonly SqlServerColumnMetadata[] | Readonly<Record<string, SqlServerColumnMetadata>>;

/** SQL Server type name (mssql's `declaration`) to lakeshift's type family. */
export const sqlServerFamilies: Readonly<Record<string, TypeFamily>> = {
  bit: 'boolean',
  tinyint: 'integer',
  smallint: 'integer',
  int: 'integer',
  bigint: 'integer',
  decimal: 'decimal',
  numeric: 'decimal',
  money: 'decimal',
  smallmoney: 'decimal',
  float: 'float',
  real: 'float',
  char: 'string',
  varchar: 'string',
  text: 'string',
  nchar: 'string',
  nvarchar: 'string',
  ntext: 'string',
  xml: 'string',
  date: 'date',
  time: 'time',
  smalldatetime: 'timestamp',
  datetime: 'timestamp',
  datetime2: 'timestamp',
  datetimeoffset: 'timestamptz',
  binary: 'binary',
  varbinary: 'binary',
  image: 'binary',
  uniqueidentifier: 'uuid',
  variant: 'other',
  udt: 'other',
  geography: 'other',
  geometry: 'other',
};

/** Types whose SQL name differs from mssql's declaration. */
const typeNames: Readonly<Record<string, string>> = { variant: 'sql_variant' };

/** money and smallmoney have a fixed scale that the column metadata does not carry. */
const fixedScales: Readonly<Record<string, number>> = { money: 4, smallmoney: 4 };

const MAX_LENGTH = 65_535;

/** How one column's values become lakeshift Values. */
export type SqlServerConverter = (value: unknown) => Value;

export interface SqlServerColumns {
  readonly columns: readonly Column[];
  readonly converters: readonly SqlServerConverter[];
}

/** Columns and their converters from mssql's 'recordset' metadata, in column order. */
export function sqlServerColumns(metadata: SqlServerRecordsetColumns): SqlServerColumns {
  const list = Array.isArray(metadata)
    ? (metadata as readonly SqlServerColumnMetadata[])
    : Object.values(metadata as Readonly<Record<string, SqlServerColumnMetadata>>).sort((a, b) => a.index - b.index);
  const columns = list.map(sqlServerColumn);
  const converters = list.map((column, index) => sqlServerConverter(declarationOf(column), columns[index]!.family, scaleOf(column)));
  return { columns, converters };
}

export function sqlServerColumn(metadata: SqlServerColumnMetadata): Column {
  const declaration = declarationOf(metadata);
  return { name: metadata.name, type: typeText(declaration, metadata), family: sqlServerFamilies[declaration] ?? 'other' };
}

/**
 * Picks the conversion for a column. What tedious returns (lib/value-parser.js, with
 * useUTC: true) and what lakeshift makes of it:
 * - tinyint/smallint/int: number; bigint: a decimal string, made a bigint;
 * - decimal/numeric/money/smallmoney: a JS number (tedious divides the unscaled integer by
 *   10^scale in floating point), written out at the column's scale. That text is exact up to
 *   15 significant digits and may be wrong beyond: parity CASTs such columns to text in SQL;
 * - bit: boolean; float/real: number;
 * - date/time/datetime/datetime2/smalldatetime/datetimeoffset: a Date in UTC; time, datetime2
 *   and datetimeoffset add a `nanosecondsDelta` (seconds below the millisecond), kept here.
 *   datetimeoffset arrives as its UTC instant (tedious drops the offset), so it reads +00:00;
 * - uniqueidentifier: an upper-case string, made lower case;
 * - binary/varbinary/image and CLR types (hierarchyid): a Buffer;
 * - char/varchar/text/nchar/nvarchar/ntext/xml: a string;
 * - sql_variant: whatever its base type gives; geography/geometry: mssql's parsed object.
 */
export function sqlServerConverter(declaration: string, family: TypeFamily, scale: number | undefined): SqlServerConverter {
  switch (family) {
    case 'integer':
      return declaration === 'bigint' ? nullOr(toBigInt) : nullOr(toInteger);
    case 'decimal':
      return nullOr((value) => toDecimalText(value, scale ?? 0));
    case 'float':
      return nullOr((value) => (typeof value === 'number' ? value : Number(value)));
    case 'boolean':
      return nullOr((value) => (typeof value === 'boolean' ? value : Boolean(value)));
    case 'string':
      return nullOr(String);
    case 'date':
      return nullOr((value) => (value instanceof Date ? utcDateText(value) : String(value)));
    case 'time':
      return nullOr((value) => (value instanceof Date ? utcTimeText(value) : String(value)));
    case 'timestamp':
      return nullOr((value) => (value instanceof Date ? utcTimestampText(value) : String(value)));
    case 'timestamptz':
      return nullOr((value) => (value instanceof Date ? `${utcTimestampText(value)}+00:00` : String(value)));
    case 'binary':
      return nullOr(toBytes);
    case 'uuid':
      return nullOr((value) => String(value).toLowerCase());
    case 'other':
      return nullOr(otherValue);
    default:
      return assertNever(family);
  }
}

function nullOr(convert: (value: unknown) => Value): SqlServerConverter {
  return (value) => (value === null || value === undefined ? null : convert(value));
}

function toInteger(value: unknown): Value {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return value;
  return Number(value);
}

function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  return BigInt(String(value));
}

function toBytes(value: unknown): Value {
  if (value instanceof Uint8Array) return value;
  return new TextEncoder().encode(String(value));
}

function otherValue(value: unknown): Value {
  if (value instanceof Date) return utcTimestampText(value);
  if (value instanceof Uint8Array) return value;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return value;
    default:
      return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
  }
}

// ---------------------------------------------------------------------------------------------
// type names

function declarationOf(metadata: SqlServerColumnMetadata): string {
  const type = metadata.type as { declaration?: unknown } | undefined;
  const declaration = typeof type?.declaration === 'string' ? type.declaration : undefined;
  if (declaration === 'udt' && metadata.udt?.name !== undefined) {
    const udt = metadata.udt.name.toLowerCase();
    return udt in sqlServerFamilies ? udt : 'udt';
  }
  return declaration ?? 'unknown';
}

function scaleOf(metadata: SqlServerColumnMetadata): number | undefined {
  return fixedScales[declarationOf(metadata)] ?? metadata.scale;
}

/** "decimal(10,2)", "nvarchar(50)", "varbinary(max)", "datetime2(7)", "hierarchyid". */
function typeText(declaration: string, metadata: SqlServerColumnMetadata): string {
  const name = declaration === 'udt' ? (metadata.udt?.name ?? 'udt') : (typeNames[declaration] ?? declaration);
  switch (declaration) {
    case 'decimal':
    case 'numeric':
      return metadata.precision === undefined ? name : `${name}(${metadata.precision},${metadata.scale ?? 0})`;
    case 'time':
    case 'datetime2':
    case 'datetimeoffset':
      return metadata.scale === undefined ? name : `${name}(${metadata.scale})`;
    case 'char':
    case 'varchar':
    case 'binary':
    case 'varbinary':
      return metadata.length === undefined ? name : `${name}(${metadata.length === MAX_LENGTH ? 'max' : metadata.length})`;
    case 'nchar':
    case 'nvarchar':
      return metadata.length === undefined ? name : `${name}(${metadata.length === MAX_LENGTH ? 'max' : metadata.length / 2})`;
    default:
      return name;
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled type family: ${String(value)}`);
}

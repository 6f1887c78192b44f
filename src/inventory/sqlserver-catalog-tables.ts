import type { TableColumn } from './legacy-object.js';
import { quoteName } from './sqlserver-catalog-queries.js';

/**
 * A table of the live catalog, rebuilt as a CREATE TABLE text from sys.columns and the key
 * constraints. SQL Server keeps no text for a table, so this text is lakeshift's: the same
 * catalog gives the same text byte for byte, and only a change to the table changes it.
 * Names SQL Server made up (DF__Orders__Amount__3B75D760, PK__Orders__C3905BAF...) are left
 * out: they differ between servers and after every rebuild, and say nothing about the table.
 */

/** A column as sys.columns, sys.types and their companions describe it. */
export interface CatalogColumn {
  readonly name: string;
  readonly typeName: string;
  readonly typeSchema: string;
  /** An alias type (CREATE TYPE ... FROM ...) or a user CLR type: spelled schema-qualified. */
  readonly userDefinedType: boolean;
  /** Bytes; -1 for (max). */
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
  readonly nullable: boolean;
  readonly identity?: { readonly seed: string; readonly increment: string };
  readonly computed?: { readonly definition: string; readonly persisted: boolean };
  readonly default?: { readonly definition: string; readonly name?: string };
}

export interface CatalogKey {
  readonly type: 'PRIMARY KEY' | 'UNIQUE';
  /** Absent when SQL Server named the constraint itself. */
  readonly name?: string;
  readonly clustered: boolean;
  readonly columns: ReadonlyArray<{ readonly name: string; readonly descending: boolean }>;
}

/** How each system type takes its length, precision or scale in a declaration. */
type TypeShape = 'plain' | 'bytes' | 'characters' | 'precision-scale' | 'scale';

const TYPE_SHAPES: Readonly<Record<string, TypeShape>> = {
  char: 'bytes',
  varchar: 'bytes',
  binary: 'bytes',
  varbinary: 'bytes',
  // nchar/nvarchar: max_length is in bytes, two per character
  nchar: 'characters',
  nvarchar: 'characters',
  decimal: 'precision-scale',
  numeric: 'precision-scale',
  // time, datetime2 and datetimeoffset carry their fractional-second digits as scale
  time: 'scale',
  datetime2: 'scale',
  datetimeoffset: 'scale',
};

/**
 * A column's type as SQL Server spells it in a script: `decimal(12,2)`, `nvarchar(50)`,
 * `nvarchar(max)`, `datetime2(3)`, `int`; an alias type as `schema.name`.
 */
export function sqlServerTypeText(column: Pick<CatalogColumn, 'typeName' | 'typeSchema' | 'userDefinedType' | 'maxLength' | 'precision' | 'scale'>): string {
  if (column.userDefinedType) return `${column.typeSchema}.${column.typeName}`;
  const shape = TYPE_SHAPES[column.typeName.toLowerCase()] ?? 'plain';
  switch (shape) {
    case 'plain':
      return column.typeName;
    case 'bytes':
      return `${column.typeName}(${column.maxLength === -1 ? 'max' : column.maxLength})`;
    case 'characters':
      return `${column.typeName}(${column.maxLength === -1 ? 'max' : column.maxLength / 2})`;
    case 'precision-scale':
      return `${column.typeName}(${column.precision},${column.scale})`;
    case 'scale':
      return `${column.typeName}(${column.scale})`;
    default:
      return assertNever(shape);
  }
}

/** The column as the inventory's object model holds it. */
export function tableColumn(column: CatalogColumn): TableColumn {
  return {
    name: column.name,
    type: sqlServerTypeText(column),
    nullable: column.nullable,
    ...(column.identity === undefined ? {} : { identity: true }),
    ...(column.computed === undefined ? {} : { computed: column.computed.definition }),
    ...(column.default === undefined ? {} : { default: column.default.definition }),
  };
}

/** `CREATE TABLE [schema].[name] (...);` with columns in column_id order, then the keys. */
export function createTableText(schema: string, name: string, columns: readonly CatalogColumn[], keys: readonly CatalogKey[]): string {
  const lines = columns.map(columnText);
  for (const key of keys) lines.push(keyText(key));
  const body = lines.length === 0 ? '' : `\n${lines.map((line) => `    ${line}`).join(',\n')}\n`;
  return `CREATE TABLE ${quoteName(schema)}.${quoteName(name)} (${body});`;
}

function columnText(column: CatalogColumn): string {
  const name = quoteName(column.name);
  if (column.computed !== undefined) {
    // A computed column's type follows from its expression; only PERSISTED ones can be NOT NULL.
    const persisted = column.computed.persisted ? ` PERSISTED${column.nullable ? '' : ' NOT NULL'}` : '';
    return `${name} AS ${column.computed.definition}${persisted}`;
  }
  const type = column.userDefinedType ? `${quoteName(column.typeSchema)}.${quoteName(column.typeName)}` : sqlServerTypeText(column);
  const identity = column.identity === undefined ? '' : ` IDENTITY(${column.identity.seed},${column.identity.increment})`;
  const nullability = column.nullable ? ' NULL' : ' NOT NULL';
  const defaultName = column.default?.name === undefined ? '' : ` CONSTRAINT ${quoteName(column.default.name)}`;
  const defaultText = column.default === undefined ? '' : `${defaultName} DEFAULT ${column.default.definition}`;
  return `${name} ${type}${identity}${nullability}${defaultText}`;
}

function keyText(key: CatalogKey): string {
  const name = key.name === undefined ? '' : `CONSTRAINT ${quoteName(key.name)} `;
  const columns = key.columns.map((column) => `${quoteName(column.name)} ${column.descending ? 'DESC' : 'ASC'}`).join(', ');
  return `${name}${key.type} ${key.clustered ? 'CLUSTERED' : 'NONCLUSTERED'} (${columns})`;
}

function assertNever(value: never): never {
  throw new Error(`unhandled type shape: ${String(value)}`);
}

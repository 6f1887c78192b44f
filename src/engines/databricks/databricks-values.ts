import type { Column, Row, TypeFamily, Value } from '../engine.js';
import { toDecimalText, utcDateText, utcTimestampText } from '../value-text.js';

/**
 * The result schema @databricks/sql's `operation.getSchema()` returns: thrift's TTableSchema
 * (node_modules/@databricks/sql/thrift/TCLIService_types.d.ts). Databricks reports every
 * column, complex ones included, as a primitiveEntry whose `type` is a TTypeId; CHAR, VARCHAR
 * and intervals come as STRING_TYPE; a DECIMAL carries precision and scale in typeQualifiers.
 */
export interface DatabricksTableSchema {
  readonly columns: readonly DatabricksColumnDesc[];
}

export interface DatabricksColumnDesc {
  readonly columnName: string;
  readonly position: number;
  readonly typeDesc: {
    readonly types: ReadonlyArray<{
      readonly primitiveEntry?: {
        readonly type: number;
        readonly typeQualifiers?: {
          readonly qualifiers: Readonly<Record<string, { readonly i32Value?: number; readonly stringValue?: string }>>;
        };
      };
    }>;
  };
}

/**
 * TTypeId (thrift/TCLIService_types.d.ts) to the SQL name and lakeshift's family. The ids are
 * the wire values; a test checks them against the driver's enum.
 */
export const databricksTypes: Readonly<Record<number, { readonly name: string; readonly family: TypeFamily }>> = {
  0: { name: 'BOOLEAN', family: 'boolean' },
  1: { name: 'TINYINT', family: 'integer' },
  2: { name: 'SMALLINT', family: 'integer' },
  3: { name: 'INT', family: 'integer' },
  4: { name: 'BIGINT', family: 'integer' },
  5: { name: 'FLOAT', family: 'float' },
  6: { name: 'DOUBLE', family: 'float' },
  7: { name: 'STRING', family: 'string' },
  8: { name: 'TIMESTAMP', family: 'timestamp' },
  9: { name: 'BINARY', family: 'binary' },
  10: { name: 'ARRAY', family: 'other' },
  11: { name: 'MAP', family: 'other' },
  12: { name: 'STRUCT', family: 'other' },
  13: { name: 'UNION', family: 'other' },
  14: { name: 'USER_DEFINED', family: 'other' },
  15: { name: 'DECIMAL', family: 'decimal' },
  16: { name: 'VOID', family: 'other' },
  17: { name: 'DATE', family: 'date' },
  18: { name: 'VARCHAR', family: 'string' },
  19: { name: 'CHAR', family: 'string' },
  20: { name: 'INTERVAL YEAR TO MONTH', family: 'other' },
  21: { name: 'INTERVAL DAY TO SECOND', family: 'other' },
};

const BIGINT_TYPE = 4;

export type DatabricksConverter = (value: unknown) => Value;

export interface DatabricksColumns {
  readonly columns: readonly Column[];
  /** The keys of the row objects fetchChunk returns, in column order. */
  readonly keys: readonly string[];
  readonly converters: readonly DatabricksConverter[];
}

/** Columns, row keys and converters from getSchema()'s result, in column order. */
export function databricksColumns(schema: DatabricksTableSchema | null | undefined): DatabricksColumns {
  const descs = [...(schema?.columns ?? [])].sort((a, b) => a.position - b.position);
  const columns = descs.map(databricksColumn);
  const converters = descs.map((desc, index) => databricksConverter(typeIdOf(desc), columns[index]!.family, qualifier(desc, 'scale')));
  return { columns, keys: descs.map((desc) => desc.columnName), converters };
}

export function databricksColumn(desc: DatabricksColumnDesc): Column {
  const typeId = typeIdOf(desc);
  const known = typeId === undefined ? undefined : databricksTypes[typeId];
  const name = known?.name ?? (typeId === undefined ? 'UNKNOWN' : `TYPE_${typeId}`);
  const precision = qualifier(desc, 'precision');
  const scale = qualifier(desc, 'scale');
  const type = known?.family === 'decimal' && precision !== undefined ? `${name}(${precision},${scale ?? 0})` : name;
  return { name: desc.columnName, type, family: known?.family ?? 'other' };
}

/** Column names that occur more than once: fetchChunk keys rows by name, so they collide. */
export function duplicateColumnNames(columns: DatabricksColumns): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const key of columns.keys) {
    if (seen.has(key)) duplicates.add(key);
    seen.add(key);
  }
  return [...duplicates];
}

/** One row object from fetchChunk, as a Row in column order. */
export function databricksRow(record: object, columns: DatabricksColumns): Row {
  const values = record as Record<string, unknown>;
  return columns.keys.map((key, index) => columns.converters[index]!(values[key]));
}

/**
 * Picks the conversion for a column. What @databricks/sql 2.0.0 returns with its defaults
 * (Arrow results with native types: dist/result/ArrowResultConverter.js, then
 * dist/result/utils.js convertThriftValue) and preserveBigNumericPrecision: true, which the
 * engine sets:
 * - BIGINT: a bigint (without the option: a number, rounded beyond 2^53);
 * - DECIMAL: its exact text, e.g. "12345.67890" (without the option: a number);
 * - TIMESTAMP: a Date, so whole milliseconds: the microseconds Databricks keeps are lost on
 *   the way (Arrow's microsecond value becomes a fractional millisecond that Date truncates);
 *   parity CASTs timestamps to text in SQL where that matters;
 * - DATE: a Date at UTC midnight; BINARY: a Buffer;
 * - ARRAY/STRUCT/MAP: JS arrays and objects (the thrift column path: parsed JSON);
 * - intervals: strings ("1-2", "1 02:03:04.000000000"); the rest as their JS type.
 * The thrift column path (dist/result/JsonResultHandler.js, used when Arrow is off) gives
 * strings for DECIMAL, TIMESTAMP and DATE and a number for BIGINT; those are handled too.
 */
export function databricksConverter(typeId: number | undefined, family: TypeFamily, scale: number | undefined): DatabricksConverter {
  switch (family) {
    case 'integer':
      return typeId === BIGINT_TYPE ? nullOr(toBigInt) : nullOr(toNumber);
    case 'decimal':
      return nullOr((value) => toDecimalText(value, scale ?? 0));
    case 'float':
      return nullOr(toNumber);
    case 'boolean':
      return nullOr((value) => (typeof value === 'boolean' ? value : value === 'true' || value === 1));
    case 'string':
      return nullOr((value) => (typeof value === 'string' ? value : nestedText(value)));
    case 'date':
      return nullOr((value) => (value instanceof Date ? utcDateText(value) : String(value)));
    case 'timestamp':
    case 'timestamptz':
      return nullOr((value) => (value instanceof Date ? utcTimestampText(value) : String(value)));
    case 'time':
      return nullOr(String);
    case 'binary':
      return nullOr((value) => (value instanceof Uint8Array ? value : new TextEncoder().encode(String(value))));
    case 'uuid':
      return nullOr((value) => String(value).toLowerCase());
    case 'other':
      return nullOr((value) => (typeof value === 'string' ? value : nestedText(value)));
    default:
      return assertNever(family);
  }
}

function nullOr(convert: (value: unknown) => Value): DatabricksConverter {
  return (value) => (value === null || value === undefined ? null : convert(value));
}

function toNumber(value: unknown): Value {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return Number(String(value));
}

function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  // node-int64 (thrift i64Val) prints its decimal value.
  return BigInt(String(value));
}

/**
 * Nested values (ARRAY, STRUCT, MAP) as JSON text: bigints keep every digit, timestamps and
 * dates are written as timestamp text, binary as base64, decimals (text already) as strings.
 */
export function nestedText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(utcTimestampText(value));
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (Array.isArray(value)) return `[${value.map(nestedText).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${JSON.stringify(key)}:${nestedText(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(String(value));
}

function typeIdOf(desc: DatabricksColumnDesc): number | undefined {
  return desc.typeDesc.types[0]?.primitiveEntry?.type;
}

function qualifier(desc: DatabricksColumnDesc, name: 'precision' | 'scale'): number | undefined {
  return desc.typeDesc.types[0]?.primitiveEntry?.typeQualifiers?.qualifiers[name]?.i32Value;
}

function assertNever(value: never): never {
  throw new Error(`unhandled type family: ${String(value)}`);
}

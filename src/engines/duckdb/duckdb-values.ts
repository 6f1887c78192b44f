import { DuckDBBlobValue, DuckDBTypeId, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { Column, TypeFamily, Value } from '../engine.js';

const families: Partial<Record<DuckDBTypeId, TypeFamily>> = {
  [DuckDBTypeId.BOOLEAN]: 'boolean',
  [DuckDBTypeId.TINYINT]: 'integer',
  [DuckDBTypeId.SMALLINT]: 'integer',
  [DuckDBTypeId.INTEGER]: 'integer',
  [DuckDBTypeId.BIGINT]: 'integer',
  [DuckDBTypeId.HUGEINT]: 'integer',
  [DuckDBTypeId.UTINYINT]: 'integer',
  [DuckDBTypeId.USMALLINT]: 'integer',
  [DuckDBTypeId.UINTEGER]: 'integer',
  [DuckDBTypeId.UBIGINT]: 'integer',
  [DuckDBTypeId.UHUGEINT]: 'integer',
  [DuckDBTypeId.DECIMAL]: 'decimal',
  [DuckDBTypeId.FLOAT]: 'float',
  [DuckDBTypeId.DOUBLE]: 'float',
  [DuckDBTypeId.VARCHAR]: 'string',
  [DuckDBTypeId.ENUM]: 'string',
  [DuckDBTypeId.DATE]: 'date',
  [DuckDBTypeId.TIME]: 'time',
  [DuckDBTypeId.TIME_NS]: 'time',
  [DuckDBTypeId.TIMESTAMP]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_S]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_MS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_NS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'timestamptz',
  [DuckDBTypeId.BLOB]: 'binary',
  [DuckDBTypeId.UUID]: 'uuid',
};

export function duckdbColumn(name: string, type: DuckDBType): Column {
  return { name, type: type.toString(), family: families[type.typeId] ?? 'other' };
}

/**
 * DuckDB's own text for decimals, dates, times and timestamps is already the exact canonical
 * form (full scale, microseconds when present), so those values keep their text.
 */
export function duckdbValue(value: DuckDBValue, family: TypeFamily): Value {
  if (value === null) return null;
  switch (typeof value) {
    case 'boolean':
    case 'number':
    case 'bigint':
    case 'string':
      return value;
    default:
      break;
  }
  if (value instanceof DuckDBBlobValue) return value.bytes;
  const text = value.toString();
  return family === 'uuid' ? text.toLowerCase() : text;
}

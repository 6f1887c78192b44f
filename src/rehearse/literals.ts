import type { Value } from '../engines/engine.js';

/**
 * A DuckDB literal for a value read back from DuckDB, typed by the column type it came with so
 * that substituting it into the next statement keeps its type (a DATE stays a DATE, a
 * DECIMAL(12,2) keeps its scale).
 */
export function sqlLiteral(value: Value, type?: string): string {
  if (value === null) return type === undefined ? 'NULL' : `CAST(NULL AS ${type})`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `'${value}'::DOUBLE`;
  if (value instanceof Uint8Array) return `from_hex('${Buffer.from(value).toString('hex')}')`;
  const quoted = `'${value.replaceAll("'", "''")}'`;
  const family = (type ?? '').toUpperCase();
  if (family === 'DATE') return `DATE ${quoted}`;
  if (family.startsWith('TIMESTAMP WITH TIME ZONE') || family === 'TIMESTAMPTZ') return `TIMESTAMPTZ ${quoted}`;
  if (family.startsWith('TIMESTAMP')) return `TIMESTAMP ${quoted}`;
  if (family.startsWith('TIME')) return `TIME ${quoted}`;
  if (family.startsWith('DECIMAL') || family.startsWith('NUMERIC')) return `CAST(${quoted} AS ${type})`;
  if (family === 'UUID') return `CAST(${quoted} AS UUID)`;
  return quoted;
}

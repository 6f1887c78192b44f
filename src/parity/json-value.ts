import { z } from 'zod';
import type { Value } from '../engines/engine.js';

/**
 * A lakeshift Value in JSON, stable and lossless: null, booleans, finite numbers and strings as
 * themselves; 64/128-bit integers as { "bigint": "<digits>" } (JSON numbers lose digits beyond
 * 2^53); bytes as { "bytes": "<lower-case hex>" }; NaN and infinities as { "float": "NaN" |
 * "Infinity" | "-Infinity" }.
 */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | { readonly bigint: string }
  | { readonly bytes: string }
  | { readonly float: 'NaN' | 'Infinity' | '-Infinity' };

export const jsonValueSchema: z.ZodType<JsonValue> = z.union([
  z.null(),
  z.boolean(),
  z.number(),
  z.string(),
  z.strictObject({ bigint: z.string().regex(/^-?\d+$/) }),
  z.strictObject({ bytes: z.string().regex(/^[0-9a-f]*$/) }),
  z.strictObject({ float: z.enum(['NaN', 'Infinity', '-Infinity']) }),
]);

export function toJsonValue(value: Value): JsonValue {
  if (typeof value === 'bigint') return { bigint: value.toString() };
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('hex') };
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { float: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' };
  }
  return value;
}

export function fromJsonValue(value: JsonValue): Value {
  if (value === null || typeof value !== 'object') return value;
  if ('bigint' in value) return BigInt(value.bigint);
  if ('bytes' in value) return Uint8Array.from(Buffer.from(value.bytes, 'hex'));
  return Number(value.float);
}

/** An estimate of the bytes a value takes on the wire (for transfer accounting). */
export function valueBytes(value: Value): number {
  if (value === null) return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (value instanceof Uint8Array) return value.byteLength;
  if (typeof value === 'boolean') return 1;
  return 8;
}

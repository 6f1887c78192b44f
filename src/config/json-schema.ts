import { z } from 'zod';
import { configSchema } from './schema.js';

export const CONFIG_SCHEMA_ID = 'https://lakeshift.dev/schema/lakeshift-1.json';

let cached: Record<string, unknown> | undefined;

/**
 * The JSON Schema of lakeshift.yaml as a user writes it (the input side: secrets are plain
 * strings, defaults are optional). Editors with the YAML language server complete and check
 * the file with it.
 */
export function configJsonSchema(): Record<string, unknown> {
  cached ??= { ...z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }), $id: CONFIG_SCHEMA_ID };
  return cached;
}

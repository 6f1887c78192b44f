import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readJsonDocument } from '../json-document.js';
import { jsonValueSchema } from './json-value.js';

/**
 * The result of `lakeshift parity run`: one versioned JSON document per run, written to
 * reports/parity/<set>/<run-id>/result.json and printed by --json (DESIGN.md section 8). The
 * HTML and JUnit reports are views of this model. Validated on load; older versions are
 * upgraded by `upgradeParityResult` (there is only version 1 so far).
 */

export const PARITY_RESULT_VERSION = 1;

const tolerance = z.strictObject({ abs: z.number().optional(), rel: z.number().optional() });
const status = z.enum(['pass', 'fail', 'error']);
const errorInfo = z.strictObject({ code: z.string(), message: z.string(), hint: z.string().nullable() });

const profile = z.strictObject({
  /** Non-NULL values. */
  count: z.number(),
  nulls: z.number(),
  min: jsonValueSchema,
  max: jsonValueSchema,
  /** Numbers only; null otherwise. */
  sum: jsonValueSchema,
});

const sampleRow = z.strictObject({
  /** Key columns (legacy names) and their values; null for a keyless table. */
  key: z.record(z.string(), jsonValueSchema).nullable(),
  /** Every compared column (legacy names), as the side that has the row returned it. */
  values: z.record(z.string(), jsonValueSchema),
  /** Keyless tables: how many more copies one side has. */
  copies: z.number().optional(),
});

const changedSample = z.strictObject({
  key: z.record(z.string(), jsonValueSchema),
  /** Only the columns that differ, both raw values side by side. */
  columns: z.array(z.strictObject({ name: z.string(), newName: z.string(), legacy: jsonValueSchema, new: jsonValueSchema })),
});

export const parityTableResultSchema = z.strictObject({
  name: z.string(),
  status,
  strategy: z.enum(['join', 'multiset', 'segments']).nullable(),
  legacy: z.strictObject({ connection: z.string(), table: z.string() }),
  new: z.strictObject({ connection: z.string(), table: z.string() }),
  rules: z
    .strictObject({
      keys: z.array(z.string()),
      ignore: z.array(z.string()),
      map: z.record(z.string(), z.string()),
      where: z.strictObject({ legacy: z.string().nullable(), new: z.string().nullable() }),
      tolerance: z.strictObject({ default: tolerance.nullable(), columns: z.record(z.string(), tolerance) }),
      timestampPrecision: z.enum(['s', 'ms', 'us']).nullable(),
      strings: z.strictObject({
        trim: z.enum(['none', 'left', 'right', 'both']),
        case: z.enum(['sensitive', 'insensitive']),
        emptyIsNull: z.boolean(),
      }),
      threshold: z.strictObject({ mismatchedRows: z.number().nullable(), mismatchRate: z.number().nullable() }),
      notes: z.array(z.string()),
    })
    .nullable(),
  rows: z.strictObject({ legacy: z.number(), new: z.number() }).nullable(),
  diff: z
    .strictObject({
      matched: z.number(),
      missing: z.number(),
      extra: z.number(),
      changed: z.number(),
      /** Keyed tables: keys found more than once on a side (after normalisation); their rows are set aside and counted as mismatched. */
      duplicateKeys: z
        .strictObject({ legacyKeys: z.number(), newKeys: z.number(), legacyRows: z.number(), newRows: z.number() })
        .optional(),
    })
    .nullable(),
  /** missing + extra + changed + rows set aside for duplicate keys. */
  mismatchedRows: z.number().nullable(),
  /** mismatchedRows / max(legacy rows, new rows), 0 for two empty tables. */
  mismatchRate: z.number().nullable(),
  columns: z.array(
    z.strictObject({
      name: z.string(),
      newName: z.string(),
      /** Comparison family, e.g. decimal, timestamp. */
      family: z.string(),
      legacyType: z.string(),
      newType: z.string(),
      key: z.boolean(),
      /** Rows whose values differ in this column; null where it does not apply (keys, keyless tables). */
      mismatches: z.number().nullable(),
      compared: z.boolean(),
    }),
  ),
  schema: z
    .strictObject({
      missingColumns: z.array(z.string()),
      extraColumns: z.array(z.string()),
      typeMismatches: z.array(z.strictObject({ column: z.string(), legacy: z.string(), new: z.string() })),
    })
    .nullable(),
  profiles: z.array(z.strictObject({ column: z.string(), legacy: profile.nullable(), new: profile.nullable() })),
  samples: z.strictObject({ missing: z.array(sampleRow), extra: z.array(sampleRow), changed: z.array(changedSample) }),
  /** Why the table failed, in words; empty when it passed. */
  failures: z.array(z.string()),
  error: errorInfo.nullable(),
  durationMs: z.number(),
  transfer: z
    .strictObject({
      checksumQueries: z.number(),
      fetchQueries: z.number(),
      rowsFetched: z.number(),
      /** Estimated bytes of every result the CLI received for the row-level diff. */
      bytesFetched: z.number(),
      /** Estimated bytes of the larger table: rows x average row bytes of a sample. */
      tableBytes: z.number(),
      ratio: z.number(),
    })
    .optional(),
});

export const parityResultSchema = z.strictObject({
  version: z.literal(PARITY_RESULT_VERSION),
  kind: z.literal('parity-run'),
  runId: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-[0-9a-f]{4}$/),
  set: z.string(),
  description: z.string().nullable(),
  project: z.string(),
  status,
  /** Ctrl-C stopped the run: unfinished tables are errors with code INTERRUPTED. */
  interrupted: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  ranBy: z.string(),
  git: z.strictObject({ commit: z.string(), dirty: z.boolean() }).nullable(),
  /** lakeshift.yaml, relative to the project folder (the folder that holds it). */
  config: z.string(),
  options: z.strictObject({ concurrency: z.number(), sample: z.number(), tables: z.array(z.string()).nullable() }),
  totals: z.strictObject({ tables: z.number(), passed: z.number(), failed: z.number(), errored: z.number() }),
  tables: z.array(parityTableResultSchema),
  /** Report files, relative to the project folder. */
  reports: z.record(z.string(), z.string()),
});

export type ParityRunResult = z.output<typeof parityResultSchema>;
export type ParityTableResult = z.output<typeof parityTableResultSchema>;
export type ParityStatus = z.output<typeof status>;
export type ColumnProfile = z.output<typeof profile>;
export type SampleRow = z.output<typeof sampleRow>;
export type ChangedSample = z.output<typeof changedSample>;
export type ParityTransfer = NonNullable<ParityTableResult['transfer']>;

/** A sortable run id: UTC time to the second and a short random suffix, e.g. 2026-11-23T09-12-03Z-ab12. */
export function newRunId(now: Date = new Date(), suffix: string = randomBytes(2).toString('hex')): string {
  return `${now.toISOString().slice(0, 19).replaceAll(':', '-')}Z-${suffix}`;
}

/** Upgrades an older result document to the current version (none exist yet). */
export function upgradeParityResult(raw: unknown): unknown {
  return raw;
}

/** Reads and validates a result file; throws INPUT_INVALID naming the file and the problem. */
export async function readParityResult(file: string): Promise<ParityRunResult> {
  return readJsonDocument(file, parityResultSchema, {
    what: 'a lakeshift parity result',
    hint: 'The file is not a lakeshift parity result of a version this lakeshift reads; run the set again.',
    upgrade: upgradeParityResult,
  });
}

/** Writes a result atomically: a temporary file in the same folder, then a rename. */
export async function writeParityResult(file: string, result: ParityRunResult): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(result, null, 2)}\n`, 'utf8');
  await rename(temporary, file);
}

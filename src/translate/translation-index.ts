import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJsonDocument } from '../json-document.js';
import { writeFileAtomic } from '../snapshot/atomic-write.js';

/**
 * translation.json, in the translate output folder: what `lakeshift translate` made of each
 * snapshot object, for the cutover checklist ("every object translated with no error") and for
 * retranslating only what changed (the input's sha256).
 */
export const TRANSLATION_INDEX_FILE = 'translation.json';

const indexSchema = z.object({
  version: z.literal(1),
  target: z.enum(['databricks', 'duckdb']),
  /**
   * A digest of what else shapes a translation: the lakeshift version, translate options and
   * the inventory's column facts. When it differs, every object is translated again.
   */
  context: z.string().optional(),
  objects: z.array(
    z.object({
      /** The snapshot object's id (manifest.json). */
      id: z.string(),
      /** Relative to the snapshot folder. */
      input: z.string(),
      /** Relative to the translate output folder. */
      output: z.string(),
      /** sha256 of the input text that was translated. */
      sha256: z.string(),
      diagnostics: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
      /** The diagnostics themselves, so that an unchanged object need not be translated again to report them. */
      details: z
        .array(
          z.object({
            code: z.string(),
            severity: z.enum(['error', 'warning', 'info']),
            line: z.number().int(),
            column: z.number().int(),
            message: z.string(),
          }),
        )
        .optional(),
      statements: z.object({ total: z.number().int(), translated: z.number().int(), raw: z.number().int() }).optional(),
      lossless: z.boolean().optional(),
    }),
  ),
});

export type TranslationIndex = z.output<typeof indexSchema>;
export type TranslationIndexEntry = TranslationIndex['objects'][number];

/** The index of a translate output folder, or undefined when nothing has been translated there. */
export async function readTranslationIndex(outDir: string): Promise<TranslationIndex | undefined> {
  const file = path.join(outDir, TRANSLATION_INDEX_FILE);
  if (!existsSync(file)) return undefined;
  return readJsonDocument(file, indexSchema, { what: 'a lakeshift translation index', hint: 'Run lakeshift translate again to rebuild it.' });
}

export async function writeTranslationIndex(outDir: string, index: TranslationIndex): Promise<void> {
  const objects = [...index.objects].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await writeFileAtomic(path.join(outDir, TRANSLATION_INDEX_FILE), `${JSON.stringify({ ...index, objects }, null, 2)}\n`);
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LakeshiftError } from '../errors.js';
import { readJsonDocument } from '../json-document.js';
import { LEGACY_OBJECT_KINDS } from '../inventory/legacy-object.js';
import { writeFileAtomic } from './atomic-write.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1 as const;
/**
 * Which analysis produced the references and details in a manifest. When a lakeshift release
 * reads T-SQL, Python or notebooks differently, this number goes up and the next sync analyses
 * every object again instead of reusing what the manifest says.
 */
export const ANALYSIS_VERSION = 1;

const entrySchema = z.object({
  id: z.string().min(1),
  kind: z.enum(LEGACY_OBJECT_KINDS),
  origin: z.object({ type: z.enum(['catalog', 'repo', 'generator']), name: z.string() }),
  name: z.string(),
  /** Relative to the snapshot folder, with "/" separators. */
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  references: z.array(z.object({ name: z.string(), use: z.enum(['reads', 'writes', 'executes', 'calls']) })),
  details: z.record(z.string(), z.unknown()),
  /** Where the object was read, relative to lakeshift.yaml's folder. */
  source: z.object({ file: z.string(), line: z.number().int() }).optional(),
});

const manifestSchema = z.object({
  version: z.literal(MANIFEST_VERSION),
  analysis: z.number().int().optional(),
  objects: z.array(entrySchema),
});

export type ManifestEntry = z.output<typeof entrySchema>;
export type Manifest = z.output<typeof manifestSchema>;

export const emptyManifest = (): Manifest => ({ version: MANIFEST_VERSION, analysis: ANALYSIS_VERSION, objects: [] });

/**
 * Brings a manifest written by an earlier lakeshift to the current version. There is one
 * version so far; a newer one than this lakeshift knows is refused rather than misread.
 */
export function upgradeManifest(raw: unknown, file: string): unknown {
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > MANIFEST_VERSION) {
    throw new LakeshiftError('INPUT_INVALID', `${file} has version ${version}, newer than this lakeshift reads (${MANIFEST_VERSION})`, {
      location: { file },
      hint: 'Upgrade lakeshift to the version that wrote this snapshot.',
    });
  }
  return raw;
}

/** The manifest of a snapshot folder; an empty one when the folder has none yet. */
export async function readManifest(snapshotDir: string): Promise<Manifest> {
  const file = path.join(snapshotDir, MANIFEST_FILE);
  if (!existsSync(file)) return emptyManifest();
  const manifest = await readJsonDocument(file, manifestSchema, {
    what: 'a lakeshift manifest',
    hint: 'Restore it from git (git checkout -- the snapshot folder) and sync again.',
    upgrade: (raw) => upgradeManifest(raw, file),
  });
  for (const entry of manifest.objects) assertInside(snapshotDir, entry.path, file);
  return manifest;
}

/** Sorted by id, one entry per object, with a trailing newline: stable bytes for git. */
export function serialiseManifest(manifest: Manifest): string {
  const objects = [...manifest.objects].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `${JSON.stringify({ version: manifest.version, analysis: manifest.analysis ?? ANALYSIS_VERSION, objects }, null, 2)}\n`;
}

/** Writes the manifest; true when its bytes changed. */
export async function writeManifest(snapshotDir: string, manifest: Manifest): Promise<boolean> {
  const file = path.join(snapshotDir, MANIFEST_FILE);
  const text = serialiseManifest(manifest);
  const before = existsSync(file) ? await readFile(file, 'utf8') : undefined;
  if (before === text) return false;
  await writeFileAtomic(file, text);
  return true;
}

/** A manifest path must stay inside the snapshot folder: sync deletes what the manifest owns. */
export function assertInside(snapshotDir: string, relative: string, file: string): string {
  const absolute = path.resolve(snapshotDir, relative);
  if (path.isAbsolute(relative) || !absolute.startsWith(path.resolve(snapshotDir) + path.sep) || relative === MANIFEST_FILE) {
    throw new LakeshiftError('INPUT_INVALID', `${file} names a path outside the snapshot folder: ${relative}`, {
      location: { file },
      hint: 'The manifest has been edited by hand; restore it from git.',
    });
  }
  return absolute;
}

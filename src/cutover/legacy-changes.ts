import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { z } from 'zod';
import { describeError } from '../errors.js';
import { MANIFEST_FILE, type ManifestEntry } from '../snapshot/manifest.js';

/**
 * What changed in the legacy snapshot since a commit: the snapshot files that differ between
 * that commit and the working tree (committed since, staged, unstaged or untracked), mapped to
 * the objects of the current manifest, and of the manifest as it was at that commit for
 * objects removed since. The cutover checklist intersects them with the objects behind a set.
 */
export interface LegacyChanges {
  readonly commit: string;
  /** Changed snapshot files, relative to the snapshot folder (manifest.json left out). */
  readonly paths: readonly string[];
  /** The objects those files hold, now or at the commit. */
  readonly objects: readonly ManifestEntry[];
  /** The snapshot's manifest at the commit (empty when the snapshot did not exist then). */
  readonly before: readonly ManifestEntry[];
}

export type LegacyChangesOutcome = { readonly ok: true; readonly changes: LegacyChanges } | { readonly ok: false; readonly reason: string };

// Only what lineage needs; the manifest at an old commit is read as it was written then.
const pastManifestSchema = z.object({
  objects: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.string(),
      origin: z.object({ type: z.string(), name: z.string() }),
      name: z.string(),
      path: z.string(),
      references: z.array(z.object({ name: z.string(), use: z.string() })),
    }),
  ),
});

export async function legacyChangesSince(options: {
  readonly projectDir: string;
  readonly snapshotDir: string;
  readonly commit: string;
  readonly current: readonly ManifestEntry[];
}): Promise<LegacyChangesOutcome> {
  let git: SimpleGit;
  let root: string;
  try {
    git = simpleGit(options.projectDir);
    root = (await git.revparse(['--show-toplevel'])).trim();
  } catch {
    return { ok: false, reason: `${options.projectDir} is not in a git repository, so changes since the run cannot be told` };
  }
  try {
    await git.raw(['cat-file', '-e', `${options.commit}^{commit}`]);
  } catch {
    return { ok: false, reason: `commit ${options.commit.slice(0, 7)} of the run is not in this repository (history rewritten, or another clone)` };
  }
  const real = (dir: string) => (existsSync(dir) ? realpathSync(dir) : path.resolve(dir));
  const relativeDir = path.relative(real(root), real(options.snapshotDir)).split(path.sep).join('/');
  if (relativeDir.startsWith('..')) return { ok: false, reason: `the snapshot folder ${options.snapshotDir} is outside the git repository ${root}` };
  const pathspec = relativeDir === '' ? '.' : relativeDir;
  const prefix = relativeDir === '' ? '' : `${relativeDir}/`;
  try {
    const cwd = simpleGit(root);
    const changed = await cwd.raw(['diff', '--name-only', '--no-renames', '-z', options.commit, '--', pathspec]);
    const untracked = await cwd.raw(['ls-files', '--others', '--exclude-standard', '-z', '--', pathspec]);
    const paths = [...new Set([...changed.split('\0'), ...untracked.split('\0')])]
      .filter((file) => file !== '' && file.startsWith(prefix))
      .map((file) => file.slice(prefix.length))
      .filter((file) => file !== MANIFEST_FILE)
      .sort();
    const before = await pastManifest(cwd, options.commit, `${prefix}${MANIFEST_FILE}`);
    const byPath = new Map<string, ManifestEntry>();
    for (const entry of before) byPath.set(entry.path, entry);
    for (const entry of options.current) byPath.set(entry.path, entry);
    const objects = paths.map((file) => byPath.get(file)).filter((entry): entry is ManifestEntry => entry !== undefined);
    return { ok: true, changes: { commit: options.commit, paths, objects, before } };
  } catch (error) {
    return { ok: false, reason: `git could not compare the snapshot with commit ${options.commit.slice(0, 7)}: ${describeError(error)}` };
  }
}

async function pastManifest(git: SimpleGit, commit: string, file: string): Promise<ManifestEntry[]> {
  let text: string;
  try {
    text = await git.show([`${commit}:${file}`]);
  } catch {
    return [];
  }
  try {
    const parsed = pastManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data.objects as unknown as ManifestEntry[]) : [];
  } catch {
    return [];
  }
}

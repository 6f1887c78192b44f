import { copyFileSync, cpSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { BackgroundFileWriter } from './background-file-writer.js';

/**
 * Holds the new and changed texts of a sync until every source has been read: nothing in the
 * snapshot folder changes before that. Each text is written as soon as it is known, by a
 * worker thread, into a folder under .lakeshift/ laid out like the snapshot folder, so the
 * writing overlaps with reading the sources and memory stays bounded however large the
 * week's changes. When the sync applies, the files are moved into place by rename.
 */
export class Staging {
  /** Characters of text on their way to the staging folder at any one time. */
  static readonly MEMORY_BUDGET = 16 * 1024 * 1024;
  readonly dir: string;
  readonly #writer = new BackgroundFileWriter(Staging.MEMORY_BUDGET);

  private constructor(dir: string) {
    this.dir = dir;
  }

  /** A new, empty staging folder under `<configDir>/.lakeshift/tmp/`. */
  static async create(configDir: string): Promise<Staging> {
    const parent = path.join(configDir, '.lakeshift', 'tmp');
    await mkdir(parent, { recursive: true });
    return new Staging(await mkdtemp(path.join(parent, 'sync-')));
  }

  /** Stages the text of the snapshot file at `relative` (a manifest path, "/" separated). */
  hold(relative: string, text: string): Promise<void> {
    return this.#writer.write(this.#file(relative), text);
  }

  /** Resolves once every text held so far is on disk; rejects with the first write error. */
  flush(): Promise<void> {
    return this.#writer.flush();
  }

  /** The staged text of `relative`, once flushed. */
  read(relative: string): string {
    return readFileSync(this.#file(relative), 'utf8');
  }

  /**
   * Moves the flushed files into `target`, each to its own relative path. A folder that does
   * not exist in `target` yet moves whole, in one rename: a first sync is a handful of renames.
   * Into a folder that exists, each file moves on its own and replaces any file there in one
   * rename, so that its old content is never lost to a half-written new one.
   */
  moveInto(target: string, relatives: Iterable<string>): void {
    const moved = new Set<string>();
    const existing = new Map<string, boolean>();
    const exists = (folder: string) => {
      let known = existing.get(folder);
      if (known === undefined) {
        known = existsSync(path.join(target, folder));
        existing.set(folder, known);
      }
      return known;
    };
    for (const relative of relatives) {
      const parts = relative.split('/');
      let placed = false;
      for (let depth = 1; depth < parts.length && !placed; depth += 1) {
        const folder = parts.slice(0, depth).join('/');
        if (moved.has(folder)) {
          placed = true;
        } else if (!exists(folder)) {
          moveFolder(this.#file(folder), path.join(target, folder));
          moved.add(folder);
          placed = true;
        }
      }
      if (!placed) moveFile(this.#file(relative), path.join(target, relative));
    }
  }

  /** Stops the writer and removes the staging folder with whatever was not moved. */
  async dispose(): Promise<void> {
    await this.#writer.close();
    await rm(this.dir, { recursive: true, force: true });
  }

  #file(relative: string): string {
    const file = path.resolve(this.dir, relative);
    if (!file.startsWith(this.dir + path.sep)) throw new Error(`staging: ${relative} is not a relative path inside the staging folder`);
    return file;
  }
}

/** A staging folder and the snapshot folder on different file systems cannot rename: copy. */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true, errorOnExist: true, force: false });
  }
}

function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const temporary = path.join(path.dirname(to), '.lakeshift-sync.tmp');
    copyFileSync(from, temporary);
    renameSync(temporary, to);
  }
}

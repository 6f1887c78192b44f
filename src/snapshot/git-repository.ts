import { existsSync } from 'node:fs';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { describeError, LakeshiftError } from '../errors.js';

/**
 * The migration repository, as the snapshot needs it: where it is, whether a folder in it has
 * uncommitted changes, and a commit of that folder alone.
 */
export class GitRepository {
  readonly root: string;
  readonly #git: SimpleGit;

  private constructor(root: string) {
    this.root = root;
    this.#git = simpleGit(root);
  }

  /** The repository holding `dir` (or its nearest existing parent), if any. */
  static async open(dir: string): Promise<GitRepository | undefined> {
    let existing = path.resolve(dir);
    while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
    try {
      const root = (await simpleGit(existing).revparse(['--show-toplevel'])).trim();
      return new GitRepository(root);
    } catch {
      return undefined;
    }
  }

  /** Changed, staged or untracked paths under `folder`, relative to the repository root. */
  async uncommitted(folder: string): Promise<string[]> {
    const status = await this.#run('git status', () => this.#git.raw(['status', '--porcelain', '--untracked-files=all', '--', this.#relative(folder)]));
    return status
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.slice(3));
  }

  /**
   * Files under `folder` that an ignore rule (.gitignore, .git/info/exclude, core.excludesFile)
   * keeps out of commits, relative to the repository root, with the rule that hides the first.
   */
  async ignored(folder: string): Promise<{ files: string[]; rule?: string }> {
    const listed = await this.#run('git ls-files', () => this.#git.raw(['ls-files', '--others', '--ignored', '--exclude-standard', '-z', '--', this.#relative(folder)]));
    const files = listed.split('\0').filter((file) => file !== '');
    if (files.length === 0) return { files };
    try {
      // source:line:pattern<TAB>path
      const verbose = (await this.#git.raw(['check-ignore', '--verbose', '--', files[0]!])).split('\t')[0]?.trim();
      return verbose === undefined || verbose === '' ? { files } : { files, rule: verbose };
    } catch {
      return { files };
    }
  }

  /** Whether git knows who commits (user.name and user.email, or the GIT_* variables). */
  async hasIdentity(): Promise<boolean> {
    try {
      await this.#git.raw(['var', 'GIT_COMMITTER_IDENT']);
      return true;
    } catch {
      return false;
    }
  }

  /** Commits everything under `folder` (and nothing else the user may have staged). */
  async commitFolder(folder: string, message: string): Promise<string> {
    const relative = this.#relative(folder);
    await this.#run('git add', () => this.#git.raw(['add', '--all', '--', relative]));
    // `git commit -- <folder>` builds a second index from HEAD and hashes every file of the
    // folder again. When the index holds nothing else, committing it is the same commit.
    const pathspec = (await this.#indexIsFolderOnly(relative)) ? [] : ['--', relative];
    await this.#run('git commit', () => this.#git.raw(['commit', '--quiet', '--no-verify', '-m', message, ...pathspec]));
    return this.head() as Promise<string>;
  }

  /**
   * Whether committing the index commits exactly what `git commit -- <relative>` would: nothing
   * outside the folder is staged, and no merge or cherry-pick is under way (git refuses a
   * partial commit then, where a plain commit would conclude the merge or cherry-pick).
   */
  async #indexIsFolderOnly(relative: string): Promise<boolean> {
    try {
      const underway = (await this.#git.raw(['rev-parse', '--git-path', 'MERGE_HEAD', '--git-path', 'CHERRY_PICK_HEAD'])).split('\n').filter((line) => line !== '');
      if (underway.some((file) => existsSync(path.resolve(this.root, file)))) return false;
      const outside = await this.#git.raw(['diff', '--cached', '--name-only', '-z', '--', `:(exclude)${relative}`]);
      return outside === '';
    } catch {
      return false;
    }
  }

  async head(): Promise<string | undefined> {
    try {
      return (await this.#git.revparse(['HEAD'])).trim();
    } catch {
      return undefined;
    }
  }

  async userName(): Promise<string | undefined> {
    try {
      const name = (await this.#git.raw(['config', 'user.name'])).trim();
      return name === '' ? undefined : name;
    } catch {
      return undefined;
    }
  }

  #relative(folder: string): string {
    const relative = path.relative(this.root, folder);
    return relative === '' ? '.' : relative.split(path.sep).join('/');
  }

  async #run<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new LakeshiftError('GIT_FAILED', `${what} failed in ${this.root}: ${describeError(error)}`, {
        hint: 'Run the same git command by hand in that folder to see why.',
        cause: error,
      });
    }
  }
}

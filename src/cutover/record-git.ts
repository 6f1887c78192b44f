import { LakeshiftError } from '../errors.js';
import { GitRepository } from '../snapshot/git-repository.js';

/**
 * Sign-off records are committed as soon as they are written, one commit per entry and only
 * the record file in it, so that the history of who signed what is git's history.
 */
export interface RecordCommitter {
  /** Commits the record file alone; returns the commit, or null outside git or when committing is off. */
  commit(file: string, message: string): Promise<string | null>;
}

/**
 * Checks, before anything is written, that the record can be committed: outside a git
 * repository nothing is committed; inside one, git must know who commits.
 */
export async function recordCommitter(projectDir: string, enabled: boolean): Promise<RecordCommitter> {
  const repository = enabled ? await GitRepository.open(projectDir) : undefined;
  if (repository !== undefined && !(await repository.hasIdentity())) {
    throw new LakeshiftError('GIT_FAILED', `git does not know who commits in ${repository.root} (user.name and user.email are not set), so the record cannot be committed`, {
      hint: 'Run `git config user.name "..."` and `git config user.email "..."` in the migration repository, then run the command again. Nothing was written.',
    });
  }
  return {
    commit: async (file, message) => (repository === undefined ? null : repository.commitFolder(file, message)),
  };
}

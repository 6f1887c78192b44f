import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LakeshiftError } from '../errors.js';

/**
 * One sync at a time per migration repo: two at once would interleave their writes into the
 * same snapshot. The lock is a file holding the owner's process id; a lock left by a process
 * that no longer runs (killed, machine restarted) is taken over.
 */
export function acquireSyncLock(configDir: string): () => void {
  const file = path.join(configDir, '.lakeshift', 'sync.lock');
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new LakeshiftError('LOCKED', `another lakeshift sync (process ${owner}) is running on this repository`, {
          hint: `Wait for it to finish. If no sync is running, delete ${file}.`,
          location: { file },
        });
      }
      rmSync(file, { force: true });
    }
  }
  throw new LakeshiftError('LOCKED', `cannot take the sync lock ${file}`, { hint: `Delete ${file} if no sync is running.` });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

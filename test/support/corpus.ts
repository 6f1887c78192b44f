import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The shared real-world T-SQL corpus lives beside the repository (../shared/corpus), never
 * inside it. LAKESHIFT_CORPUS overrides the place; undefined when it cannot be found.
 */
export function findCorpus(): string | undefined {
  const candidates = [
    process.env['LAKESHIFT_CORPUS'],
    path.resolve(repoRoot, '..', 'shared', 'corpus'),
    '/work/shared/corpus',
  ];
  return candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate));
}

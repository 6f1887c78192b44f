import { rm } from 'node:fs/promises';

/**
 * Vitest global setup: removes the run's temporary folder (made in vitest.config.ts, and the
 * TMPDIR of every test) when the run ends.
 */
export default function setup(): () => Promise<void> {
  const root = process.env['LAKESHIFT_TEST_RUN_TMP'];
  return async () => {
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  };
}

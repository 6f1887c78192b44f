import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// One temporary folder per test run: the workspaces, snapshots and DuckDB files the suites
// create under os.tmpdir() live there, and test/support/temporary-root.ts removes it when the
// run ends instead of leaving them to pile up in /tmp.
const runTemp = mkdtempSync(path.join(tmpdir(), 'lakeshift-test-run-'));
process.env['LAKESHIFT_TEST_RUN_TMP'] = runTemp;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // DuckDB and git are real in the integration tiers; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { TMPDIR: runTemp },
    globalSetup: ['test/support/temporary-root.ts'],
  },
});

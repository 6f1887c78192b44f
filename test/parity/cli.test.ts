import { execa } from 'execa';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/corpus.js';
import { scenarioProject } from './support/scenarios.js';

/** End to end: the built CLI (npm run build), as a user runs it. */
const bin = path.join(repoRoot, 'bin', 'run.js');

async function lakeshift(args: readonly string[], cwd: string) {
  const result = await execa('node', [bin, ...args], { cwd, env: { NO_COLOR: '1' }, reject: false, timeout: 120_000 });
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

describe('lakeshift parity (built CLI)', () => {
  it('exits 0, 1, 3 and 2 and prints the result as JSON', async () => {
    const project = await scenarioProject('same');

    const pass = await lakeshift(['parity', 'run', '--set', 'scenarios', '--table', 'identical', '--json'], project.dir);
    expect(pass.code).toBe(0);
    const passed = JSON.parse(pass.stdout) as { status: string; tables: Array<{ name: string; diff: unknown }>; reports: { json: string } };
    expect(passed.status).toBe('pass');
    expect(passed.tables[0]?.diff).toEqual({ matched: 3000, missing: 0, extra: 0, changed: 0 });
    expect(passed.reports.json).toMatch(/^out\/reports\/parity\/scenarios\/[^/]+\/result\.json$/);
    expect(pass.stderr).toContain('identical: pass');

    const fail = await lakeshift(['parity', 'run', '--set', 'scenarios', '--table', 'everything', '--table', 'exact'], project.dir);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/^parity scenarios: fail/);
    expect(fail.stdout).toMatch(/everything\s+FAIL\s+join\s+19\s+19\s+7\s+1\s+1\s+11\s+note \(3\), qty \(2\), amount \(1\)/);
    expect(fail.stdout).toMatch(/result: out\/reports\/parity\/scenarios\/.+\/result\.json/);

    const broken = await lakeshift(['parity', 'run', '--set', 'scenarios', '--table', 'missing_table', '--json'], project.dir);
    expect(broken.code).toBe(3);
    expect(JSON.parse(broken.stdout)).toMatchObject({ status: 'error', tables: [{ name: 'missing_table', error: { code: 'QUERY_FAILED' } }] });

    const unknown = await lakeshift(['parity', 'run', '--set', 'nope', '--json'], project.dir);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ error: { code: 'INPUT_INVALID', hint: 'Sets: scenarios.' } });

    const list = await lakeshift(['parity', 'list', '--json'], project.dir);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ sets: [{ name: 'scenarios', tables: 9, runs: 3, latest: { status: 'error' } }] });
    const text = await lakeshift(['parity', 'list'], project.dir);
    expect(text.stdout).toMatch(/scenarios\s+9 tables\s+\S+\s+error/);
  });

  it('gives help with examples', async () => {
    for (const command of [['parity', 'run'], ['parity', 'list']]) {
      const { code, stdout } = await lakeshift([...command, '--help'], repoRoot);
      expect(code).toBe(0);
      expect(stdout).toContain('EXAMPLES');
      expect(stdout).toContain(`$ lakeshift ${command.join(' ')}`);
    }
  });
});

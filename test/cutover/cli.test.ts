import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/corpus.js';
import { scenarioGitProject } from './support/projects.js';

/** End to end: the built CLI (npm run build, or npx tsc -p .), as a user runs it. */
const bin = path.join(repoRoot, 'bin', 'run.js');

async function lakeshift(args: readonly string[], cwd: string) {
  const result = await execa('node', [bin, ...args], { cwd, env: { NO_COLOR: '1' }, reject: false, timeout: 120_000 });
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

const json = (stdout: string) => JSON.parse(stdout) as Record<string, any>;

describe('lakeshift report, signoff and cutover (built CLI)', () => {
  it('runs the week-end: parity run, report, sign-off refused and accepted, checklist, tick', async () => {
    const project = await scenarioGitProject();
    const passed = await lakeshift(['parity', 'run', '--set', 'scenarios', '--table', 'identical', '--json'], project.dir);
    expect(passed.code).toBe(0);
    const passRun = json(passed.stdout);
    expect(Object.keys(passRun['reports']).sort()).toEqual(['html', 'json', 'junit', 'markdown']);
    expect(passRun['reports'].html).toBe(`out/reports/parity/scenarios/${passRun['runId']}/report.html`);

    const report = await lakeshift(['report', '--json'], project.dir);
    expect(report.code).toBe(0);
    expect(json(report.stdout)).toMatchObject({ index: 'out/reports/index.html', rebuilt: 1, sets: [{ set: 'scenarios', runs: 1, latest: { runId: passRun['runId'], status: 'pass', signed: false } }, { set: 'clean', runs: 0, latest: null }], warnings: [] });
    const text = await lakeshift(['report'], project.dir);
    expect(text.stdout).toMatch(/scenarios\s+1 run\s+\S+\s+pass\s+not signed off/);
    expect(text.stdout).toContain('Index: out/reports/index.html');

    const signed = await lakeshift(['signoff', '--set', 'scenarios', '--by', 'Dana Whitfield', '--json'], project.dir);
    expect(signed.code).toBe(0);
    expect(json(signed.stdout)).toMatchObject({ signoff: { run: passRun['runId'], status: 'pass', by: 'Dana Whitfield', acceptedFailures: false }, record: 'signoffs/scenarios.yaml', commit: expect.stringMatching(/^[0-9a-f]{40}$/) });

    const failed = await lakeshift(['parity', 'run', '--set', 'scenarios', '--table', 'exact', '--json'], project.dir);
    expect(failed.code).toBe(1);
    const failRun = json(failed.stdout);
    const refused = await lakeshift(['signoff', '--set', 'scenarios', '--by', 'Dana', '--json'], project.dir);
    expect(refused.code).toBe(2);
    expect(json(refused.stdout)).toMatchObject({ error: { code: 'INPUT_INVALID', exitCode: 2, message: expect.stringContaining('did not pass'), hint: expect.stringContaining('--accept-failures') } });
    const noNote = await lakeshift(['signoff', '--set', 'scenarios', '--by', 'Dana', '--accept-failures'], project.dir);
    expect(noNote.code).toBe(2);
    expect(noNote.stderr).toContain('--accept-failures needs a --note');
    const accepted = await lakeshift(['signoff', '--set', 'scenarios', '--by', 'Dana', '--accept-failures', '--note', 'float noise, accepted'], project.dir);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain(`Signed off run ${failRun['runId']} of scenarios (fail, failures accepted) by Dana.`);
    const unknown = await lakeshift(['signoff', '--set', 'scenarios', '--by', 'Dana', '--run', 'nope', '--json'], project.dir);
    expect(unknown.code).toBe(2);
    expect(json(unknown.stdout)['error'].hint).toBe(`Runs of scenarios, latest first: ${failRun['runId']}, ${passRun['runId']}.`);

    // The whole of set "clean" passes; signed, its checklist item is done.
    const clean = await lakeshift(['parity', 'run', '--set', 'clean', '--json'], project.dir);
    expect(clean.code).toBe(0);
    expect((await lakeshift(['signoff', '--set', 'clean', '--by', 'Dana'], project.dir)).code).toBe(0);
    const cutover = await lakeshift(['cutover', '--set', 'clean', '--json'], project.dir);
    expect(cutover.code).toBe(0);
    const result = json(cutover.stdout);
    expect(result).toMatchObject({ format: 'html', file: 'out/reports/cutover/clean.html', ticked: null, checklist: { kind: 'cutover-checklist', set: 'clean', ready: false } });
    expect(result['checklist'].latestRun).toMatchObject({ runId: json(clean.stdout)['runId'], status: 'pass', signed: true });
    expect(result['checklist'].items.find((item: { id: string }) => item.id === 'parity-signed-off')).toMatchObject({ status: 'done' });
    expect(await readFile(path.join(project.dir, 'out', 'reports', 'cutover', 'clean.html'), 'utf8')).toContain('Cutover checklist: clean');

    const tick = await lakeshift(['cutover', '--set', 'scenarios', '--tick', 'bi-reports-switched', '--by', 'Sam', '--note', 'Power BI repointed', '--format', 'md'], project.dir);
    expect(tick.code).toBe(0);
    expect(tick.stdout).toContain('Ticked bi-reports-switched by Sam (committed ');
    expect(tick.stdout).toContain('  [x] BI reports switched');
    expect(tick.stdout).toContain('Checklist: out/reports/cutover/scenarios.md');
    expect(await readFile(path.join(project.dir, 'out', 'reports', 'cutover', 'scenarios.md'), 'utf8')).toContain('- [x] **6. BI reports switched** (done, manual step)\n  - ticked by Sam at ');

    for (const args of [
      ['cutover', '--set', 'scenarios', '--tick', 'rollback-plan'],
      ['cutover', '--set', 'scenarios', '--by', 'Sam'],
      ['cutover', '--set', 'scenarios', '--format', 'pdf'],
      ['cutover', '--set', 'scenarios', '--tick', 'nope', '--by', 'Sam'],
      ['cutover', '--set', 'nope'],
      ['signoff', '--set', 'scenarios'],
    ]) {
      const bad = await lakeshift([...args, '--json'], project.dir);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(json(bad.stdout)['error'].code).toBe('INPUT_INVALID');
    }
  });

  it('gives help with examples', async () => {
    for (const command of [['report'], ['signoff'], ['cutover']]) {
      const { code, stdout } = await lakeshift([...command, '--help'], repoRoot);
      expect(code).toBe(0);
      expect(stdout).toContain('EXAMPLES');
      expect(stdout).toContain(`$ lakeshift ${command.join(' ')}`);
    }
  });
});

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCutoverChecklist } from '../../src/cutover/checklist.js';
import { readSignoffRecord, signoffRecordFile } from '../../src/cutover/signoff-record.js';
import { signoffRun } from '../../src/cutover/signoff.js';
import { runParity } from '../../src/parity/run-parity.js';
import { sha256Hex } from '../../src/report/parity-runs.js';
import { writeReportIndex } from '../../src/report/report-index.js';
import { scenarioProject } from '../parity/support/scenarios.js';
import { scenarioGitProject } from './support/projects.js';

const clock = () => {
  let seconds = 0;
  return () => new Date(Date.UTC(2026, 10, 23, 9, 0, seconds++));
};

describe('lakeshift signoff', () => {
  it('signs a passing run, records the hash of its result and commits only the record', async () => {
    const project = await scenarioGitProject();
    const run = await runParity({ loaded: project.loaded, set: 'scenarios', tables: ['identical'], now: clock() });
    const git = simpleGit(project.dir);
    await writeFile(path.join(project.dir, 'notes.txt'), 'staged, not signed\n');
    await git.add('notes.txt');

    const signed = await signoffRun({ loaded: project.loaded, set: 'scenarios', by: '  Dana Whitfield ', note: 'checked the totals', now: new Date('2026-11-23T10:00:00Z') });
    expect(signed).toMatchObject({
      set: 'scenarios',
      record: 'signoffs/scenarios.yaml',
      result: `out/reports/parity/scenarios/${run.result.runId}/result.json`,
      totals: { tables: 1, passed: 1, failed: 0, errored: 0 },
      signoff: { run: run.result.runId, status: 'pass', by: 'Dana Whitfield', at: '2026-11-23T10:00:00.000Z', note: 'checked the totals', acceptedFailures: false },
    });
    expect(signed.signoff.resultSha256).toBe(sha256Hex(await readFile(run.file!)));
    expect(signed.commit).toBe((await git.revparse(['HEAD'])).trim());
    const log = await git.log({ maxCount: 1 });
    expect(log.latest?.message).toBe(`signoff scenarios: run ${run.result.runId} by Dana Whitfield`);
    expect((await git.raw(['show', '--name-only', '--format=', 'HEAD'])).trim()).toBe('signoffs/scenarios.yaml');
    expect((await git.raw(['diff', '--cached', '--name-only'])).trim()).toBe('notes.txt');

    const record = await readSignoffRecord(signoffRecordFile(project.loaded, 'scenarios'), 'scenarios');
    expect(record.signoffs).toEqual([signed.signoff]);
  });

  it('refuses a failed run without --accept-failures and a note, and records it with them', async () => {
    const project = await scenarioGitProject();
    const now = clock();
    const passed = await runParity({ loaded: project.loaded, set: 'scenarios', tables: ['identical'], now });
    const failed = await runParity({ loaded: project.loaded, set: 'scenarios', tables: ['exact'], now });
    const git = simpleGit(project.dir);
    const head = (await git.revparse(['HEAD'])).trim();
    const file = signoffRecordFile(project.loaded, 'scenarios');

    await expect(signoffRun({ loaded: project.loaded, set: 'scenarios', by: 'Dana' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      exitCode: 2,
      message: `run ${failed.result.runId} of set scenarios did not pass (fail: 0 passed, 1 failed, 0 errored): it cannot be signed as it is`,
      hint: expect.stringContaining('--accept-failures --note'),
    });
    await expect(signoffRun({ loaded: project.loaded, set: 'scenarios', by: 'Dana', acceptFailures: true, note: '  ' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('--accept-failures needs a --note'),
    });
    expect(existsSync(file)).toBe(false);
    expect((await git.revparse(['HEAD'])).trim()).toBe(head);

    const accepted = await signoffRun({ loaded: project.loaded, set: 'scenarios', by: 'Dana', acceptFailures: true, note: 'float noise accepted by finance' });
    expect(accepted.signoff).toMatchObject({ run: failed.result.runId, status: 'fail', acceptedFailures: true, note: 'float noise accepted by finance' });
    expect((await git.log({ maxCount: 1 })).latest?.message).toBe(`signoff scenarios: run ${failed.result.runId} by Dana (fail, failures accepted)`);

    const earlier = await signoffRun({ loaded: project.loaded, set: 'scenarios', by: 'Sam', run: passed.result.runId });
    expect(earlier.signoff).toMatchObject({ run: passed.result.runId, status: 'pass', acceptedFailures: false });
    await expect(signoffRun({ loaded: project.loaded, set: 'scenarios', by: 'Sam', run: '2026-01-01T00-00-00Z-0000' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: 'set scenarios has no run 2026-01-01T00-00-00Z-0000',
      hint: `Runs of scenarios, latest first: ${failed.result.runId}, ${passed.result.runId}.`,
    });
    await expect(signoffRun({ loaded: project.loaded, set: 'nope', by: 'Sam' })).rejects.toMatchObject({ code: 'INPUT_INVALID', hint: 'Sets: scenarios, clean.' });
    const record = await readSignoffRecord(file, 'scenarios');
    expect(record.signoffs.map((signoff) => [signoff.by, signoff.status])).toEqual([
      ['Dana', 'fail'],
      ['Sam', 'pass'],
    ]);
  });

  it('does not fall back to an older run when the latest cannot be read', async () => {
    const project = await scenarioGitProject();
    const run = await runParity({ loaded: project.loaded, set: 'clean', now: clock() });
    const broken = path.join(project.dir, 'out', 'reports', 'parity', 'clean', '2099-01-01T00-00-00Z-ffff');
    await mkdir(broken, { recursive: true });
    await writeFile(path.join(broken, 'result.json'), '{"version": 1');
    await expect(signoffRun({ loaded: project.loaded, set: 'clean', by: 'Dana' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringMatching(/^the latest run of set clean, 2099-01-01T00-00-00Z-ffff, cannot be read \(skipped out\/reports/),
      hint: `Run the set again, or name the run to sign with --run (the latest readable one is ${run.result.runId}).`,
    });
    const signed = await signoffRun({ loaded: project.loaded, set: 'clean', by: 'Dana', run: run.result.runId });
    expect(signed.signoff.run).toBe(run.result.runId);
    expect(signed.warnings).toHaveLength(1);
  });

  it('a result changed after signing is no longer signed', async () => {
    const project = await scenarioGitProject();
    const run = await runParity({ loaded: project.loaded, set: 'clean', now: clock() });
    await signoffRun({ loaded: project.loaded, set: 'clean', by: 'Dana' });
    const signedItem = async () => (await buildCutoverChecklist({ loaded: project.loaded, set: 'clean' })).items.find((item) => item.id === 'parity-signed-off')!;
    expect((await signedItem()).status).toBe('done');

    const text = await readFile(run.file!, 'utf8');
    await writeFile(run.file!, text.replace('"ranBy": "', '"ranBy": "x'));
    const item = await signedItem();
    expect(item.status).toBe('open');
    expect(item.evidence.some((line) => line.includes('no longer counts') && line.includes('changed after it was signed'))).toBe(true);
    const index = await readFile(path.join(project.dir, 'out', 'reports', 'index.html'), 'utf8');
    expect(index).toContain('signed by Dana');
    await writeReportIndex({ loaded: project.loaded });
    expect(await readFile(path.join(project.dir, 'out', 'reports', 'index.html'), 'utf8')).toContain('signature of Dana no longer matches result.json');
  });

  it('outside git the record is written and not committed', async () => {
    const project = await scenarioProject('same');
    await runParity({ loaded: project.loaded, set: 'scenarios', tables: ['identical'] });
    const signed = await signoffRun({ loaded: project.loaded, set: 'scenarios', by: 'Dana' });
    expect(signed.commit).toBeNull();
    expect(existsSync(path.join(project.dir, 'signoffs', 'scenarios.yaml'))).toBe(true);
  });

  describe('without a git identity', () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    });

    it('refuses before writing anything', async () => {
      const project = await scenarioProject('same');
      await runParity({ loaded: project.loaded, set: 'scenarios', tables: ['identical'] });
      const git = simpleGit(project.dir);
      await git.init();
      await git.addConfig('user.useConfigOnly', 'true', false, 'local');
      for (const key of Object.keys(process.env)) if (/^GIT_(AUTHOR|COMMITTER)_/.test(key) || key === 'EMAIL') delete process.env[key];
      process.env['HOME'] = await mkdtemp(path.join(tmpdir(), 'lakeshift-home-'));
      process.env['XDG_CONFIG_HOME'] = process.env['HOME'];
      process.env['GIT_CONFIG_NOSYSTEM'] = '1';
      await expect(signoffRun({ loaded: project.loaded, set: 'scenarios', by: 'Dana' })).rejects.toMatchObject({
        code: 'GIT_FAILED',
        exitCode: 3,
        message: expect.stringContaining('git does not know who commits'),
      });
      expect(existsSync(path.join(project.dir, 'signoffs', 'scenarios.yaml'))).toBe(false);
    });
  });
});

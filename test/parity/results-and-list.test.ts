import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { listParity } from '../../src/parity/list-parity.js';
import { newRunId, parityResultSchema, readParityResult } from '../../src/parity/results.js';
import { runParity } from '../../src/parity/run-parity.js';
import { RecordingReporter } from '../../src/reporter.js';
import { expectQuietLibrary } from '../support/quiet.js';
import { scenarioProject } from './support/scenarios.js';

describe('parity results on disk', () => {
  it('names runs so that they sort by time', () => {
    expect(newRunId(new Date('2026-11-23T09:12:03.456Z'), 'ab12')).toBe('2026-11-23T09-12-03Z-ab12');
    expect(newRunId(new Date('2026-11-23T09:12:03Z'))).toMatch(/^2026-11-23T09-12-03Z-[0-9a-f]{4}$/);
  });

  it('writes the result atomically, re-reads it through the schema, and lists the latest run', async () => {
    const project = await scenarioProject('same');
    const times = [new Date('2026-11-23T09:00:00Z'), new Date('2026-11-23T09:00:05Z'), new Date('2026-11-23T10:00:00Z'), new Date('2026-11-23T10:00:01Z')];
    const first = await runParity({ loaded: project.loaded, set: 'scenarios', tables: ['identical'], now: () => times.shift()! });
    const second = await runParity({ loaded: project.loaded, set: 'scenarios', tables: ['identical', 'exact'], now: () => times.shift()! });
    expect(first.file).toBe(path.join(project.dir, 'out', 'reports', 'parity', 'scenarios', first.result.runId, 'result.json'));
    const runDir = `out/reports/parity/scenarios/${first.result.runId}`;
    expect(first.result.reports).toEqual({ json: `${runDir}/result.json`, html: `${runDir}/report.html`, junit: `${runDir}/junit.xml`, markdown: `${runDir}/summary.md` });
    expect(first.exitCode).toBe(0);
    expect(second.exitCode).toBe(1);

    const reread = await readParityResult(second.file!);
    expect(reread).toEqual(JSON.parse(JSON.stringify(second.result)));
    expect(parityResultSchema.safeParse(JSON.parse(await readFile(second.file!, 'utf8'))).success).toBe(true);
    expect(reread).toMatchObject({ version: 1, set: 'scenarios', status: 'fail', config: 'lakeshift.yaml', durationMs: 1000, git: null });
    expect(reread.ranBy.length).toBeGreaterThan(0);

    // A corrupt result beside them is a warning, never a crash.
    const corrupt = path.join(project.dir, 'out', 'reports', 'parity', 'scenarios', '2026-11-23T11-00-00Z-ffff');
    await mkdir(corrupt, { recursive: true });
    await writeFile(path.join(corrupt, 'result.json'), '{"version": 1, "set": ');
    const reporter = new RecordingReporter();
    const listed = await listParity({ loaded: project.loaded, reporter });
    expect(listed.sets).toEqual([
      {
        name: 'scenarios',
        description: 'every kind of difference',
        tables: 9,
        runs: 2,
        latest: {
          runId: second.result.runId,
          status: 'fail',
          finishedAt: '2026-11-23T10:00:01.000Z',
          totals: { tables: 2, passed: 1, failed: 1, errored: 0 },
          file: `out/reports/parity/scenarios/${second.result.runId}/result.json`,
        },
      },
    ]);
    expect(listed.warnings).toHaveLength(1);
    expect(reporter.messages('warn')[0]).toContain('2026-11-23T11-00-00Z-ffff');
  });

  it('refuses an unknown set or table, naming those that exist', async () => {
    const project = await scenarioProject('same');
    await expect(runParity({ loaded: project.loaded, set: 'nope' })).rejects.toMatchObject({ code: 'INPUT_INVALID', hint: 'Sets: scenarios.' });
    await expect(runParity({ loaded: project.loaded, set: 'scenarios', tables: ['identical', 'nope'] })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: 'set scenarios has no table named "nope"',
    });
  });

  it('stops on Ctrl-C, writes what finished and exits 130', async () => {
    const project = await scenarioProject('same');
    const controller = new AbortController();
    const reporter = new RecordingReporter();
    const progress = vi.fn(() => controller.abort());
    const run = await runParity({
      loaded: project.loaded,
      set: 'scenarios',
      concurrency: 1,
      signal: controller.signal,
      reporter: { ...reporter, info: (message: string) => (message.startsWith('  ') ? progress() : undefined), warn() {}, debug() {}, progress() {} },
    });
    expect(run.exitCode).toBe(130);
    expect(run.result.interrupted).toBe(true);
    expect(run.result.status).toBe('error');
    const finished = run.result.tables.filter((table) => table.error === null);
    expect(finished.length).toBeGreaterThanOrEqual(1);
    expect(run.result.tables.filter((table) => table.error?.code === 'INTERRUPTED').length).toBe(9 - finished.length);
    expect((await readParityResult(run.file!)).interrupted).toBe(true);
  });
});

describe('the parity library is quiet', () => {
  expectQuietLibrary();

  it('while running and listing sets, good tables and failing ones', async () => {
    const project = await scenarioProject('cross');
    await runParity({ loaded: project.loaded, set: 'scenarios', reporter: new RecordingReporter() });
    await listParity({ loaded: project.loaded });
  });
});

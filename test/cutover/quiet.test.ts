import { describe, expect, it } from 'vitest';
import { runCutover } from '../../src/cutover/cutover.js';
import { signoffRun } from '../../src/cutover/signoff.js';
import { runParity } from '../../src/parity/run-parity.js';
import { rebuildReports } from '../../src/report/rebuild-reports.js';
import { RecordingReporter } from '../../src/reporter.js';
import { expectQuietLibrary } from '../support/quiet.js';
import { scenarioGitProject } from './support/projects.js';

/** Reports, sign-offs and checklists are library code: they never print nor exit, on good paths and bad. */
describe('report, signoff and cutover are quiet', () => {
  expectQuietLibrary();

  it('while running, rebuilding, signing, refusing and checking', async () => {
    const project = await scenarioGitProject();
    const reporter = new RecordingReporter();
    await runParity({ loaded: project.loaded, set: 'clean', reporter });
    await runParity({ loaded: project.loaded, set: 'scenarios', tables: ['exact'], reporter });
    await rebuildReports({ loaded: project.loaded, reporter });
    await signoffRun({ loaded: project.loaded, set: 'clean', by: 'Dana', reporter });
    await expect(signoffRun({ loaded: project.loaded, set: 'scenarios', by: 'Dana', reporter })).rejects.toThrow(/did not pass/);
    await runCutover({ loaded: project.loaded, set: 'clean', reporter, tick: { step: 'rollback-plan', by: 'Kim' } });
    await runCutover({ loaded: project.loaded, set: 'clean', format: 'md', reporter });
    await expect(runCutover({ loaded: project.loaded, set: 'clean', tick: { step: 'nope', by: 'Kim' } })).rejects.toThrow(/no cutover step/);
    expect(reporter.messages('warn')).toEqual([]);
  });
});

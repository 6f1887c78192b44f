import { stringify } from 'yaml';
import type { ObjectDetails } from './legacy-object.js';

type Job = NonNullable<ObjectDetails['job']>;

/**
 * The snapshot text of a SQL Agent job: YAML with its steps (commands verbatim) and schedules,
 * in a fixed key order so that a diff shows what changed in the job and nothing else. Live
 * catalogs (msdb) and scripted ones (sp_add_job scripts) both render through here.
 */
export function renderJobDefinition(name: string, job: Job): string {
  const document = {
    job: name,
    enabled: job.enabled,
    ...(job.description === undefined || job.description === '' ? {} : { description: job.description }),
    steps: job.steps.map((step) => ({
      id: step.id,
      name: step.name,
      subsystem: step.subsystem,
      ...(step.database === undefined ? {} : { database: step.database }),
      executes: [...step.executes],
      command: step.command,
    })),
    schedules: job.schedules.map((schedule) => ({ name: schedule.name, enabled: schedule.enabled, when: schedule.description })),
  };
  return stringify(document, { lineWidth: 0, blockQuote: 'literal' });
}

import { parseTsql, walkAst, type ExecuteStatement, type Expression } from '../tsql/index.js';
import { describeAgentSchedule, type AgentScheduleFields } from './agent-schedule.js';
import { renderJobDefinition } from './job-definition.js';
import type { InventoryWarning, JobSchedule, JobStep, LegacyObject } from './legacy-object.js';
import { sqlReferences } from './sql-text.js';

/** A job read from a script, before the catalog gives it an id and origin. */
export type ScriptedJob = Omit<LegacyObject, 'id' | 'origin'>;

/** Scripts that SSMS's "Script Job as > CREATE To" writes call msdb's sp_add_job. */
export function isJobScript(text: string): boolean {
  return /\bsp_add_job\b/i.test(text);
}

/**
 * Reads SQL Agent jobs from the script SSMS writes for them: sp_add_job, then sp_add_jobstep
 * and sp_add_jobschedule (or sp_add_schedule + sp_attach_schedule) for the job added last.
 * Arguments are read by name, as SSMS writes them; values built at run time are reported.
 */
export function readJobScript(text: string, file: string): { jobs: ScriptedJob[]; warnings: InventoryWarning[] } {
  const parsed = parseTsql(text);
  const warnings: InventoryWarning[] = [];
  type Draft = { name: string; enabled: boolean; description?: string; steps: JobStep[]; schedules: JobSchedule[]; line: number };
  const jobs: Draft[] = [];
  const sharedSchedules = new Map<string, JobSchedule>();
  let lastShared: JobSchedule | undefined;

  walkAst(parsed.script, (node) => {
    if (node.kind !== 'execute' || node.procedure.kind !== 'object-name') return;
    const procedure = (node.procedure.parts[node.procedure.parts.length - 1] ?? '').toLowerCase();
    const args = namedArguments(node);
    const current = jobs[jobs.length - 1];
    const line = parsed.lineIndex.position(node.start).line;
    switch (procedure) {
      case 'sp_add_job': {
        const name = args.get('job_name');
        if (name === undefined) {
          warnings.push({ code: 'PARSE_PROBLEM', message: `${file}:${line}: sp_add_job without a literal @job_name: job left out`, file, line });
          return;
        }
        const description = args.get('description');
        jobs.push({ name, enabled: args.get('enabled') !== '0', ...(description === undefined ? {} : { description }), steps: [], schedules: [], line });
        return;
      }
      case 'sp_add_jobstep': {
        if (current === undefined) return;
        const command = args.get('command') ?? '';
        const subsystem = (args.get('subsystem') ?? 'TSQL').toUpperCase();
        const database = args.get('database_name');
        current.steps.push({
          id: Number(args.get('step_id') ?? current.steps.length + 1),
          name: args.get('step_name') ?? `step ${current.steps.length + 1}`,
          subsystem,
          ...(database === undefined ? {} : { database }),
          command,
          executes: subsystem === 'TSQL' ? sqlReferences(command).filter((reference) => reference.use === 'executes').map((reference) => reference.name) : [],
        });
        return;
      }
      case 'sp_add_jobschedule':
      case 'sp_add_schedule': {
        const schedule: JobSchedule = {
          name: args.get('name') ?? args.get('schedule_name') ?? 'schedule',
          enabled: args.get('enabled') !== '0',
          description: describeAgentSchedule(scheduleFields(args)),
        };
        if (procedure === 'sp_add_schedule') {
          sharedSchedules.set(schedule.name.toLowerCase(), schedule);
          lastShared = schedule;
        } else {
          current?.schedules.push(schedule);
        }
        return;
      }
      case 'sp_attach_schedule': {
        // SSMS attaches the schedule it just added through its @schedule_id variable.
        const named = args.get('schedule_name');
        const schedule = named === undefined ? lastShared : sharedSchedules.get(named.toLowerCase());
        const job = jobs.find((candidate) => candidate.name === args.get('job_name')) ?? current;
        if (schedule !== undefined) job?.schedules.push(schedule);
        return;
      }
      default:
        return;
    }
  });

  return {
    jobs: jobs.map((job) => {
      const details = {
        job: {
          enabled: job.enabled,
          ...(job.description === undefined ? {} : { description: job.description }),
          steps: job.steps.sort((a, b) => a.id - b.id),
          schedules: job.schedules,
        },
      };
      const executes = [...new Set(job.steps.flatMap((step) => step.executes))];
      return {
        kind: 'job' as const,
        name: job.name,
        definition: renderJobDefinition(job.name, details.job),
        references: executes.map((name) => ({ name, use: 'executes' as const })),
        details,
        source: { file, line: job.line },
      };
    }),
    warnings,
  };
}

/** `@name = value` arguments whose value is known without running anything. */
function namedArguments(statement: ExecuteStatement): Map<string, string> {
  const values = new Map<string, string>();
  for (const argument of statement.arguments) {
    if (argument.name === undefined) continue;
    const value = constantText(argument.value);
    if (value !== undefined) values.set(argument.name.replace(/^@/, '').toLowerCase(), value);
  }
  return values;
}

/** A literal, a negated number, or a concatenation of literals (N'a' + N'b'). */
function constantText(expression: Expression): string | undefined {
  switch (expression.kind) {
    case 'literal':
      return expression.type === 'null' ? undefined : expression.value;
    case 'unary':
      return expression.operator === '-' ? ((inner) => (inner === undefined ? undefined : `-${inner}`))(constantText(expression.operand)) : undefined;
    case 'binary': {
      if (expression.operator !== '+') return undefined;
      const left = constantText(expression.left);
      const right = constantText(expression.right);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    default:
      return undefined;
  }
}

function scheduleFields(args: ReadonlyMap<string, string>): AgentScheduleFields {
  const number = (key: string) => (args.get(key) === undefined ? undefined : Number(args.get(key)));
  return {
    freqType: number('freq_type') ?? 1,
    ...optional('freqInterval', number('freq_interval')),
    ...optional('freqSubdayType', number('freq_subday_type')),
    ...optional('freqSubdayInterval', number('freq_subday_interval')),
    ...optional('freqRelativeInterval', number('freq_relative_interval')),
    ...optional('freqRecurrenceFactor', number('freq_recurrence_factor')),
    ...optional('activeStartTime', number('active_start_time')),
    ...optional('activeEndTime', number('active_end_time')),
    ...optional('activeStartDate', number('active_start_date')),
  };
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined || Number.isNaN(value) ? {} : ({ [key]: value } as Record<K, number>);
}

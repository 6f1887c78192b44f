/**
 * SQL Agent schedules as msdb.dbo.sysschedules stores them (and as sp_add_schedule /
 * sp_add_jobschedule take them), described in words for the snapshot and the reports.
 */
export interface AgentScheduleFields {
  /** 1 once, 4 daily, 8 weekly, 16 monthly, 32 monthly relative, 64 when Agent starts, 128 when idle. */
  readonly freqType: number;
  readonly freqInterval?: number;
  /** 1 at the start time, 2 seconds, 4 minutes, 8 hours. */
  readonly freqSubdayType?: number;
  readonly freqSubdayInterval?: number;
  /** 1 first, 2 second, 4 third, 8 fourth, 16 last. */
  readonly freqRelativeInterval?: number;
  /** Weeks or months between runs, for weekly and monthly schedules. */
  readonly freqRecurrenceFactor?: number;
  /** HHMMSS as an integer: 23000 is 02:30:00. */
  readonly activeStartTime?: number;
  readonly activeEndTime?: number;
  /** YYYYMMDD as an integer. */
  readonly activeStartDate?: number;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const RELATIVE_DAYS = [...WEEKDAYS, 'day', 'weekday', 'weekend day'] as const;
const RELATIVE_WEEKS: Readonly<Record<number, string>> = { 1: 'first', 2: 'second', 4: 'third', 8: 'fourth', 16: 'last' };
const SUBDAY_UNITS: Readonly<Record<number, string>> = { 2: 'second', 4: 'minute', 8: 'hour' };

export function describeAgentSchedule(schedule: AgentScheduleFields): string {
  const interval = schedule.freqInterval ?? 0;
  const every = Math.max(1, schedule.freqRecurrenceFactor ?? 1);
  const time = timeOfDay(schedule);
  switch (schedule.freqType) {
    case 1:
      return `once on ${dateText(schedule.activeStartDate)}${time}`;
    case 4:
      return `${interval > 1 ? `every ${interval} days` : 'daily'}${time}`;
    case 8: {
      const days = WEEKDAYS.filter((_, index) => (interval & (1 << index)) !== 0);
      return `${every > 1 ? `every ${every} weeks` : 'weekly'} on ${days.length > 0 ? days.join(', ') : '(no day)'}${time}`;
    }
    case 16:
      return `${every > 1 ? `every ${every} months` : 'monthly'} on day ${interval}${time}`;
    case 32: {
      const week = RELATIVE_WEEKS[schedule.freqRelativeInterval ?? 0] ?? `(relative ${schedule.freqRelativeInterval ?? 0})`;
      const day = RELATIVE_DAYS[interval - 1] ?? `(day ${interval})`;
      return `${every > 1 ? `every ${every} months` : 'monthly'} on the ${week} ${day}${time}`;
    }
    case 64:
      return 'when SQL Server Agent starts';
    case 128:
      return 'when the computer is idle';
    default:
      return `unknown schedule (freq_type ${schedule.freqType})`;
  }
}

function timeOfDay(schedule: AgentScheduleFields): string {
  const start = clock(schedule.activeStartTime ?? 0);
  const unit = SUBDAY_UNITS[schedule.freqSubdayType ?? 1];
  if (unit === undefined) return ` at ${start}`;
  const count = schedule.freqSubdayInterval ?? 1;
  const end = clock(schedule.activeEndTime ?? 235959);
  return `, every ${count === 1 ? unit : `${count} ${unit}s`} between ${start} and ${end}`;
}

/** 23000 -> "02:30", 143005 -> "14:30:05". */
function clock(hhmmss: number): string {
  const hours = Math.floor(hhmmss / 10000);
  const minutes = Math.floor(hhmmss / 100) % 100;
  const seconds = hhmmss % 100;
  const hm = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return seconds === 0 ? hm : `${hm}:${String(seconds).padStart(2, '0')}`;
}

function dateText(yyyymmdd: number | undefined): string {
  if (yyyymmdd === undefined || yyyymmdd <= 0) return '(no date)';
  const text = String(yyyymmdd).padStart(8, '0');
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

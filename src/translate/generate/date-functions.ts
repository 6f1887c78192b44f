import type { Expression, FunctionCall } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import type { TranslateTarget } from '../dialects/dialect.js';
import { integerLiteral } from './ast-tools.js';
import { textAsDate } from './convert-styles.js';
import { untranslated } from './markers.js';
import { functionName, type FunctionCallSite, type FunctionTable } from './function-rule.js';
import { valueType } from './value-types.js';

/**
 * T-SQL date and time functions. SQL Server's DATEDIFF counts the boundaries of its date part
 * that lie between two values (DATEDIFF(month, '2024-01-31', '2024-02-01') = 1), where
 * Databricks' datediff/timestampdiff count whole elapsed units (0 there): every boundary count
 * here is an elapsed count between values truncated to the part, which is the same number.
 * Sources: learn.microsoft.com/sql/t-sql/functions/datediff-transact-sql ("datepart
 * boundaries"; DATEFIRST has no effect, weeks start on Sunday) and the Databricks SQL reference
 * (timestampdiff: "counts whole elapsed units"; datediff(end, start): days between dates).
 */

export type DatePart =
  | 'year' | 'quarter' | 'month' | 'dayofyear' | 'day' | 'week' | 'weekday' | 'hour' | 'minute' | 'second'
  | 'millisecond' | 'microsecond' | 'nanosecond' | 'tzoffset' | 'iso_week';

/** Every spelling of a date part T-SQL accepts. */
export const DATE_PART_NAMES: Readonly<Record<string, DatePart>> = {
  year: 'year', yy: 'year', yyyy: 'year',
  quarter: 'quarter', qq: 'quarter', q: 'quarter',
  month: 'month', mm: 'month', m: 'month',
  dayofyear: 'dayofyear', dy: 'dayofyear', y: 'dayofyear',
  day: 'day', dd: 'day', d: 'day',
  week: 'week', wk: 'week', ww: 'week',
  weekday: 'weekday', dw: 'weekday', w: 'weekday',
  hour: 'hour', hh: 'hour',
  minute: 'minute', mi: 'minute', n: 'minute',
  second: 'second', ss: 'second', s: 'second',
  millisecond: 'millisecond', ms: 'millisecond',
  microsecond: 'microsecond', mcs: 'microsecond',
  nanosecond: 'nanosecond', ns: 'nanosecond',
  tzoffset: 'tzoffset', tz: 'tzoffset',
  iso_week: 'iso_week', isowk: 'iso_week', isoww: 'iso_week',
};

type Unit = 'YEAR' | 'QUARTER' | 'MONTH' | 'WEEK' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND' | 'MILLISECOND' | 'MICROSECOND';
type Extractor = (d: string) => string;

interface PartRule {
  /** The unit of timestampadd, date_trunc and INTERVAL for DATEADD; none for tzoffset/iso_week. */
  readonly addUnit?: Unit;
  /** How DATEADD steps a DATE in Databricks, where the result must stay a DATE. */
  readonly dateStep?: { readonly months: number } | { readonly days: number };
  /** DATEDIFF: elapsed units between values truncated to `unit`, days between dates, or Sunday-based weeks. */
  readonly diff?: { readonly truncate: Unit } | 'days' | 'sunday-weeks' | 'nanoseconds';
  /** DATEPART, per target. */
  readonly part?: { readonly [T in TranslateTarget]: Extractor };
}

const same = (extract: Extractor): { readonly [T in TranslateTarget]: Extractor } => ({ databricks: extract, duckdb: extract });

/**
 * DATEPART(week) with DATEFIRST 7: week 1 holds January 1st and weeks begin on Sunday, so a
 * day's week is its day of the year shifted by the weekday of January 1st (Sunday = 1).
 * DATEPART(weekday) is 1 on Sunday: Databricks dayofweek() is the same, DuckDB's is 0-based.
 */
const PARTS: Readonly<Record<DatePart, PartRule>> = {
  year: { addUnit: 'YEAR', dateStep: { months: 12 }, diff: { truncate: 'YEAR' }, part: same((d) => `year(${d})`) },
  quarter: { addUnit: 'QUARTER', dateStep: { months: 3 }, diff: { truncate: 'QUARTER' }, part: same((d) => `quarter(${d})`) },
  month: { addUnit: 'MONTH', dateStep: { months: 1 }, diff: { truncate: 'MONTH' }, part: same((d) => `month(${d})`) },
  dayofyear: { addUnit: 'DAY', dateStep: { days: 1 }, diff: 'days', part: same((d) => `dayofyear(${d})`) },
  day: { addUnit: 'DAY', dateStep: { days: 1 }, diff: 'days', part: same((d) => `day(${d})`) },
  week: {
    addUnit: 'WEEK',
    dateStep: { days: 7 },
    diff: 'sunday-weeks',
    part: {
      databricks: (d) => `(dayofyear(${d}) + dayofweek(trunc(${d}, 'YEAR')) - 2) div 7 + 1`,
      duckdb: (d) => `(dayofyear(${d}) + dayofweek(date_trunc('year', ${d})) - 1) // 7 + 1`,
    },
  },
  weekday: { addUnit: 'DAY', dateStep: { days: 1 }, diff: 'days', part: { databricks: (d) => `dayofweek(${d})`, duckdb: (d) => `dayofweek(${d}) + 1` } },
  hour: { addUnit: 'HOUR', diff: { truncate: 'HOUR' }, part: same((d) => `hour(${d})`) },
  minute: { addUnit: 'MINUTE', diff: { truncate: 'MINUTE' }, part: same((d) => `minute(${d})`) },
  second: { addUnit: 'SECOND', diff: { truncate: 'SECOND' }, part: same((d) => `second(${d})`) },
  millisecond: {
    addUnit: 'MILLISECOND',
    diff: { truncate: 'MILLISECOND' },
    part: { databricks: (d) => `CAST(date_format(${d}, 'SSS') AS INT)`, duckdb: (d) => `millisecond(${d}) % 1000` },
  },
  microsecond: {
    addUnit: 'MICROSECOND',
    diff: { truncate: 'MICROSECOND' },
    part: { databricks: (d) => `CAST(date_format(${d}, 'SSSSSS') AS INT)`, duckdb: (d) => `microsecond(${d}) % 1000000` },
  },
  // Both targets keep microseconds: nanoseconds are microseconds times 1000.
  nanosecond: {
    diff: 'nanoseconds',
    part: { databricks: (d) => `CAST(date_format(${d}, 'SSSSSS') AS INT) * 1000`, duckdb: (d) => `microsecond(${d}) % 1000000 * 1000` },
  },
  tzoffset: {},
  iso_week: { part: same((d) => `weekofyear(${d})`) },
};

/** The date part named by the first argument of DATEADD, DATEDIFF, DATEPART, DATENAME, DATETRUNC. */
export function datePartOf(node: Expression | undefined): DatePart | undefined {
  if (node === undefined) return undefined;
  const name = node.kind === 'column-ref' && node.parts.length === 1 ? node.parts[0]! : node.kind === 'literal' && node.type === 'string' ? node.value : undefined;
  return name === undefined ? undefined : DATE_PART_NAMES[name.toLowerCase()];
}

// ---------------------------------------------------------------------------------------------
// date values: T-SQL reads string literals with its own rules and integers as days after
// 1900-01-01 (SELECT DATEADD(day, DATEDIFF(day, 0, @d), 0) truncates @d to midnight).

const EPOCH_1900 = Date.UTC(1900, 0, 1);

const TIME_PATTERN = '(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.:](\\d{1,7}))?)?\\s*([AaPp][Mm])?)?';
const ISO_DATE = new RegExp(`^(\\d{4})-?(\\d{2})-?(\\d{2})${TIME_PATTERN}$`);
const YMD_DATE = new RegExp(`^(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})${TIME_PATTERN}$`);
const US_DATE = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${TIME_PATTERN}$`);

/**
 * A date or datetime text in the forms SQL Server reads whatever its language setting
 * (yyyymmdd, yyyy-mm-dd, yyyy-mm-ddThh:mi:ss[.fff]) and the us_english m/d/yyyy, as ISO text.
 */
export function isoDateText(text: string): { readonly date: string; readonly time?: string; readonly monthFirst: boolean } | undefined {
  const value = text.trim();
  // Every form starts with a digit: most strings compared in T-SQL are not dates at all.
  const first = value.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return undefined;
  const iso = ISO_DATE.exec(value) ?? YMD_DATE.exec(value);
  const us = iso === null ? US_DATE.exec(value) : null;
  const match = iso ?? us;
  if (match === null) return undefined;
  const [year, month, day] = iso !== null ? [match[1]!, match[2]!, match[3]!] : [match[3]!, match[1]!, match[2]!];
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  const date = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (match[4] === undefined) return { date, monthFirst: us !== null };
  let hour = Number(match[4]);
  const meridiem = match[8]?.toUpperCase();
  if (meridiem === 'PM' && hour < 12) hour += 12;
  if (meridiem === 'AM' && hour === 12) hour = 0;
  const fraction = match[7] === undefined ? '' : `.${match[7].slice(0, 6)}`;
  return { date, time: `${String(hour).padStart(2, '0')}:${match[5]}:${match[6] ?? '00'}${fraction}`, monthFirst: us !== null };
}

/** The day `days` after 1900-01-01, as ISO text: SQL Server's reading of an integer as a datetime. */
export function dayAfter1900(days: number): string {
  return new Date(EPOCH_1900 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A date value for a date function: a string literal becomes a typed literal (T-SQL reads it
 * as a datetime), an integer literal the day that many days after 1900-01-01, anything else
 * its translation.
 */
export function dateValue(node: Expression, ctx: TranslationContext, translate: (node: Expression) => string, as: 'timestamp' | 'date' = 'timestamp'): string {
  const days = integerLiteral(node);
  if (days !== undefined) return as === 'date' ? `DATE '${dayAfter1900(days)}'` : `TIMESTAMP '${dayAfter1900(days)} 00:00:00'`;
  if (node.kind === 'literal' && (node.type === 'string' || node.type === 'unicode-string')) {
    return dateLiteral(node, ctx, as) ?? `CAST(${ctx.dialect.stringLiteral(node.value)} AS ${as === 'date' ? 'DATE' : 'TIMESTAMP'})`;
  }
  // An integer where a date goes (DATEADD(dd, 0, DATEDIFF(dd, 0, d))) counts days after 1900-01-01, as a literal does.
  if (valueType(node, ctx).family === 'integer') {
    const days = translate(node);
    const base = `TIMESTAMP '${dayAfter1900(0)} 00:00:00'`;
    const timestamp = ctx.target === 'databricks' ? `timestampadd(DAY, ${days}, ${base})` : `${base} + INTERVAL (${days}) DAY`;
    return as === 'date' ? `CAST(${timestamp} AS DATE)` : timestamp;
  }
  // Text where a date goes: SQL Server converts it.
  return textAsDate(node, as === 'date' ? 'date' : 'datetime', ctx, translate) ?? translate(node);
}

/** '' (or blanks) where SQL Server reads a date: day 0, 1900-01-01 midnight. */
export function blankDate(as: 'timestamp' | 'date'): string {
  return as === 'date' ? `DATE '${dayAfter1900(0)}'` : `TIMESTAMP '${dayAfter1900(0)} 00:00:00'`;
}

/**
 * A string literal as a typed DATE or TIMESTAMP literal, or undefined when its format is not one
 * SQL Server reads the same everywhere. Read as a datetime (`sqlType`), the time is rounded as
 * SQL Server stores it: to 1/300 of a second (.997, and .999 is the next second), and a
 * smalldatetime to the minute.
 */
export function dateLiteral(node: Extract<Expression, { kind: 'literal' }>, ctx: TranslationContext, as: 'timestamp' | 'date', sqlType?: string): string | undefined {
  const parsed = isoDateText(node.value);
  if (parsed === undefined) {
    ctx.reportOnce(`date-text:${node.value}`, 'TR_SEMANTIC', node, `'${node.value}' is read as a date by the target's own rules: write it as yyyy-mm-dd`);
    return undefined;
  }
  // Read day first, the same text is another date only where both numbers could be months and differ (3/4, not 1/1 or 12/31).
  const [month, day] = parsed.date.slice(5).split('-').map(Number);
  const ambiguous = month !== day && month! <= 12 && day! <= 12;
  if (parsed.monthFirst && ambiguous) ctx.reportOnce(`date-mdy:${node.value}`, 'TR_SEMANTIC', node, `'${node.value}' was read as month/day/year (SET LANGUAGE us_english); check the date`);
  if (as === 'date') return `DATE '${parsed.date}'`;
  const time = parsed.time ?? '00:00:00';
  const rounded = sqlType === 'datetime' || sqlType === 'smalldatetime' ? roundedDatetime(parsed.date, time, sqlType) : undefined;
  return `TIMESTAMP '${rounded ?? `${parsed.date} ${time}`}'`;
}

/** `date time` rounded as a datetime (1/300 s, written .000/.003/.007) or smalldatetime (minute) holds it; undefined when nothing changes. */
function roundedDatetime(date: string, time: string, type: 'datetime' | 'smalldatetime'): string | undefined {
  const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(time);
  if (match === null) return undefined;
  const micros = Number(((match[4] ?? '') + '000000').slice(0, 6));
  if (type === 'datetime' && micros === 0) return undefined;
  const start = Date.parse(`${date}T${match[1]}:${match[2]}:${match[3]}Z`);
  let ms: number;
  if (type === 'datetime') {
    const ticks = Math.round((micros / 1_000_000) * 300);
    // A tick is 3.33 ms; SQL Server writes it rounded to the millisecond (.003, .007).
    ms = Math.round((ticks * 1000) / 300);
  } else {
    // 29.998 seconds and less round down; 29.999 and more round up.
    const seconds = Number(match[3]) + micros / 1_000_000;
    ms = (seconds >= 29.999 ? 60 : 0) * 1000 - Number(match[3]) * 1000;
  }
  const value = new Date(start + ms).toISOString();
  const fraction = type === 'datetime' ? value.slice(19, 23).replace(/\.?0+$/, '') : '';
  return `${value.slice(0, 10)} ${value.slice(11, 19)}${fraction}`;
}

// ---------------------------------------------------------------------------------------------
// rules

function parenthesised(text: string, node: Expression): string {
  return node.kind === 'literal' || node.kind === 'column-ref' || node.kind === 'variable' || node.kind === 'function-call' ? text : `(${text})`;
}

function scaled(text: string, node: Expression, factor: number): string {
  if (factor === 1) return text;
  const literal = integerLiteral(node);
  return literal === undefined ? `${parenthesised(text, node)} * ${factor}` : String(literal * factor);
}

function unsupportedPart(site: FunctionCallSite, what: string): string {
  return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', what);
}

/** The date part of a call, or a marker when T-SQL wrote one lakeshift does not know. */
function partOf(site: FunctionCallSite): DatePart | undefined {
  return datePartOf(site.call.args[0]);
}

/**
 * DATEADD(part, n, d): a DATE stays a DATE (add_months, date_add), anything else is a TIMESTAMP.
 * Adding months clamps to the month's last day in SQL Server and in both targets:
 * DATEADD(month, 1, '2024-01-31') = 2024-02-29.
 */
function dateAdd(site: FunctionCallSite): string {
  const part = partOf(site);
  const [, amountNode, dateNode] = site.call.args;
  if (part === undefined || amountNode === undefined || dateNode === undefined) return unsupportedPart(site, 'DATEADD with a date part lakeshift does not know');
  const idiom = truncationIdiom(site.call, site.ctx, site.expression) ?? dayTruncationIdiom(site.call, site.ctx, site.expression);
  if (idiom !== undefined) return idiom;
  const rule = PARTS[part];
  const amount = site.args[1]!;
  const isDate = valueType(dateNode, site.ctx).family === 'date';
  const date = dateValue(dateNode, site.ctx, site.expression);
  const step = part === 'nanosecond' ? { unit: 'MICROSECOND' as Unit, amount: `${parenthesised(amount, amountNode)} div 1000` } : rule.addUnit === undefined ? undefined : { unit: rule.addUnit, amount };
  if (step === undefined) return unsupportedPart(site, `DATEADD(${part}) has no equivalent`);
  if (site.ctx.target === 'databricks') {
    if (isDate && rule.dateStep !== undefined) {
      return 'months' in rule.dateStep
        ? `add_months(${date}, ${scaled(amount, amountNode, rule.dateStep.months)})`
        : `date_add(${date}, ${scaled(amount, amountNode, rule.dateStep.days)})`;
    }
    return `timestampadd(${step.unit}, ${step.amount}, ${date})`;
  }
  const duckAmount = part === 'nanosecond' ? `(${parenthesised(amount, amountNode)} // 1000)` : integerLiteral(amountNode) !== undefined && integerLiteral(amountNode)! >= 0 ? amount : `(${amount})`;
  const sum = `${parenthesised(date, dateNode)} + INTERVAL ${duckAmount} ${step.unit}`;
  return isDate && rule.dateStep !== undefined ? `CAST(${sum} AS DATE)` : sum;
}

/** DATEADD(dd, 0, DATEDIFF(dd, 0, d)): the day count read back as a date, midnight of d's day. */
function dayTruncationIdiom(node: FunctionCall, ctx: TranslationContext, translate: (node: Expression) => string): string | undefined {
  const [partNode, zero, diff] = node.args;
  if (datePartOf(partNode) !== 'day' || zero === undefined || integerLiteral(zero) !== 0) return undefined;
  if (diff?.kind !== 'function-call' || functionName(diff) !== 'DATEDIFF' || diff.name.parts.length > 1) return undefined;
  const [diffPart, diffStart, diffEnd] = diff.args;
  if (diffPart === undefined || diffStart === undefined || diffEnd === undefined || datePartOf(diffPart) !== 'day' || !isDay1900(diffStart)) return undefined;
  return `date_trunc('${ctx.target === 'duckdb' ? 'day' : 'DAY'}', ${dateValue(diffEnd, ctx, translate)})`;
}

/**
 * DATEADD(part, DATEDIFF(part, 0, d), 0): the pre-2022 way to truncate a datetime to its year,
 * quarter, month, day, hour or minute (0 is 1900-01-01 00:00, the start of all of them), and with
 * DATEDIFF(...) + n the start of the nth period after it. Weeks are left to the general rules:
 * 1900-01-01 is a Monday, not a week start.
 */
function truncationIdiom(node: FunctionCall, ctx: TranslationContext, translate: (node: Expression) => string): string | undefined {
  const [partNode, count, base] = node.args;
  const part = datePartOf(partNode);
  const units: Partial<Record<DatePart, string>> = { year: 'YEAR', quarter: 'QUARTER', month: 'MONTH', day: 'DAY', dayofyear: 'DAY', hour: 'HOUR', minute: 'MINUTE' };
  if (part === undefined || units[part] === undefined || base === undefined || !isDay1900(base)) return undefined;
  // DATEDIFF(...) + n: the start of the nth period after d's (+ 1: the next month's first day).
  const shifted = count?.kind === 'binary' && (count.operator === '+' || count.operator === '-') ? integerLiteral(count.right) : undefined;
  const diff = shifted !== undefined && count?.kind === 'binary' ? count.left : count;
  const offset = shifted === undefined ? 0 : count?.kind === 'binary' && count.operator === '-' ? -shifted : shifted;
  if (diff?.kind !== 'function-call' || functionName(diff) !== 'DATEDIFF' || diff.name.parts.length > 1) return undefined;
  const [diffPart, diffStart, diffEnd] = diff.args;
  if (diffPart === undefined || diffStart === undefined || diffEnd === undefined || datePartOf(diffPart) !== part || !isDay1900(diffStart)) return undefined;
  const unit = units[part]!;
  const start = `date_trunc('${ctx.target === 'duckdb' ? unit.toLowerCase() : unit}', ${dateValue(diffEnd, ctx, translate)})`;
  if (offset === 0) return start;
  return ctx.target === 'databricks' ? `timestampadd(${unit}, ${offset}, ${start})` : `${start} + INTERVAL (${offset}) ${unit}`;
}

function isDay1900(node: Expression): boolean {
  if (integerLiteral(node) === 0) return true;
  return node.kind === 'literal' && (node.type === 'string' || node.type === 'unicode-string') && isoDateText(node.value)?.date === '1900-01-01' && /^(00:00:00(\.0*)?)?$/.test(isoDateText(node.value)?.time ?? '');
}

/** DATEDIFF(part, start, end): boundaries of `part` crossed from start to end. */
function dateDiff(site: FunctionCallSite): string {
  const part = partOf(site);
  const [, startNode, endNode] = site.call.args;
  if (part === undefined || startNode === undefined || endNode === undefined) return unsupportedPart(site, 'DATEDIFF with a date part lakeshift does not know');
  const diff = PARTS[part].diff;
  if (diff === undefined) return unsupportedPart(site, `DATEDIFF(${part}) has no equivalent`);
  const start = dateValue(startNode, site.ctx, site.expression);
  const end = dateValue(endNode, site.ctx, site.expression);
  const databricks = site.ctx.target === 'databricks';
  const truncatedDiff = (unit: Unit) =>
    databricks
      ? `timestampdiff(${unit}, date_trunc('${unit}', ${start}), date_trunc('${unit}', ${end}))`
      : `date_diff('${unit.toLowerCase()}', date_trunc('${unit.toLowerCase()}', ${start}), date_trunc('${unit.toLowerCase()}', ${end}))`;
  const days = databricks ? `datediff(${end}, ${start})` : `date_diff('day', CAST(${start} AS DATE), CAST(${end} AS DATE))`;
  if (diff === 'days') return days;
  if (diff === 'nanoseconds') return `${truncatedDiff('MICROSECOND')} * 1000`;
  if (diff === 'sunday-weeks') {
    // Sundays crossed: the days between, moved back to the Sunday on or before each value
    // (dayofweek counts from Sunday in both targets), make whole weeks.
    return `(${days} + dayofweek(${start}) - dayofweek(${end})) ${databricks ? 'div' : '//'} 7`;
  }
  return truncatedDiff(diff.truncate);
}

function datePart(site: FunctionCallSite): string {
  const part = partOf(site);
  const dateNode = site.call.args[1];
  if (part === undefined || dateNode === undefined) return unsupportedPart(site, 'DATEPART with a date part lakeshift does not know');
  const extract = PARTS[part].part;
  if (extract === undefined) return unsupportedPart(site, `DATEPART(${part}) has no equivalent: the targets keep no time zone offset`);
  return extract[site.ctx.target](dateValue(dateNode, site.ctx, site.expression));
}

/** YEAR(d), MONTH(d), DAY(d) are DATEPART of that part. */
const partFunction =
  (part: DatePart) =>
  (site: FunctionCallSite): string => {
    const dateNode = site.call.args[0];
    if (dateNode === undefined) return unsupportedPart(site, `${functionName(site.call)}() needs an argument`);
    return PARTS[part].part![site.ctx.target](dateValue(dateNode, site.ctx, site.expression));
  };

/** DATENAME: the month and weekday in English (SET LANGUAGE us_english), other parts as DATEPART text. */
function dateName(site: FunctionCallSite): string {
  const part = partOf(site);
  const dateNode = site.call.args[1];
  if (part === undefined || dateNode === undefined) return unsupportedPart(site, 'DATENAME with a date part lakeshift does not know');
  const date = dateValue(dateNode, site.ctx, site.expression);
  const databricks = site.ctx.target === 'databricks';
  if (part === 'month') return databricks ? `date_format(${date}, 'MMMM')` : `monthname(${date})`;
  if (part === 'weekday') return databricks ? `date_format(${date}, 'EEEE')` : `dayname(${date})`;
  const extract = PARTS[part].part;
  if (extract === undefined) return unsupportedPart(site, `DATENAME(${part}) has no equivalent`);
  return `CAST(${extract[site.ctx.target](date)} AS ${databricks ? 'STRING' : 'VARCHAR'})`;
}

/** EOMONTH(d [, months]): the last day of the month, a DATE. */
function endOfMonth(site: FunctionCallSite): string {
  const [dateNode, monthsNode] = site.call.args;
  if (dateNode === undefined) return unsupportedPart(site, 'EOMONTH() needs a date');
  const date = dateValue(dateNode, site.ctx, site.expression, 'date');
  if (monthsNode === undefined) return `last_day(${date})`;
  const months = site.args[1]!;
  return site.ctx.target === 'databricks' ? `last_day(add_months(${date}, ${months}))` : `last_day(CAST(${parenthesised(date, dateNode)} + INTERVAL (${months}) MONTH AS DATE))`;
}

/** DATETRUNC(part, d) (SQL Server 2022): weeks start on Sunday (DATEFIRST 7), iso_week on Monday. */
function dateTrunc(site: FunctionCallSite): string {
  const part = partOf(site);
  const dateNode = site.call.args[1];
  if (part === undefined || dateNode === undefined) return unsupportedPart(site, 'DATETRUNC with a date part lakeshift does not know');
  const date = dateValue(dateNode, site.ctx, site.expression);
  const databricks = site.ctx.target === 'databricks';
  const isDate = valueType(dateNode, site.ctx).family === 'date';
  const unit: Partial<Record<DatePart, string>> = {
    year: 'YEAR', quarter: 'QUARTER', month: 'MONTH', dayofyear: 'DAY', day: 'DAY', hour: 'HOUR', minute: 'MINUTE', second: 'SECOND',
    millisecond: 'MILLISECOND', microsecond: 'MICROSECOND', iso_week: 'WEEK',
  };
  let text: string;
  if (part === 'week') {
    text = databricks ? `timestampadd(DAY, 1 - dayofweek(${date}), date_trunc('DAY', ${date}))` : `date_trunc('day', ${date}) - INTERVAL (dayofweek(${date})) DAY`;
  } else if (unit[part] !== undefined) {
    text = `date_trunc('${databricks ? unit[part] : unit[part]!.toLowerCase()}', ${date})`;
  } else {
    return unsupportedPart(site, `DATETRUNC(${part}) has no equivalent`);
  }
  return isDate ? `CAST(${text} AS DATE)` : text;
}

/** DATETIMEFROMPARTS and friends: seconds carry the fraction in make_timestamp. */
function timestampFromParts(site: FunctionCallSite): string {
  const name = functionName(site.call);
  const [year, month, day, hour, minute, second, fraction, precision] = site.args;
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) return unsupportedPart(site, `${name}() with too few arguments`);
  let seconds = second ?? '0';
  if (name === 'DATETIMEFROMPARTS' && fraction !== undefined) seconds = `${seconds} + ${fraction} / 1000.0`;
  if (name === 'DATETIME2FROMPARTS' && fraction !== undefined && precision !== undefined) seconds = `${seconds} + ${fraction} / power(10, ${precision})`;
  return `make_timestamp(${year}, ${month}, ${day}, ${hour}, ${minute}, ${seconds})`;
}

/**
 * GETDATE() is the SQL Server machine's local time; current_timestamp() is shown in the
 * session time zone (UTC on a SQL warehouse unless spark.sql.session.timeZone says otherwise).
 */
function now(site: FunctionCallSite): string {
  site.ctx.reportOnce(
    'local-time',
    'TR_SEMANTIC',
    site.call,
    `${functionName(site.call)}() was the SQL Server's local time; current_timestamp() is in the session time zone (UTC on SQL warehouses by default): check day boundaries`,
  );
  return site.ctx.target === 'databricks' ? 'current_timestamp()' : 'localtimestamp';
}

function utcNow(site: FunctionCallSite): string {
  return site.ctx.target === 'databricks' ? 'to_utc_timestamp(current_timestamp(), current_timezone())' : "timezone('UTC', current_timestamp)";
}

/** ISDATE accepts what SQL Server can read as a datetime; try_cast accepts the target's formats. */
function isDate(site: FunctionCallSite): string {
  site.ctx.report('TR_SEMANTIC', site.call, 'ISDATE() became try_cast(... AS TIMESTAMP): the date formats each engine accepts differ');
  return `CASE WHEN try_cast(${site.args[0]} AS TIMESTAMP) IS NULL THEN 0 ELSE 1 END`;
}

export const DATE_FUNCTIONS: FunctionTable = {
  DATEADD: dateAdd,
  DATEDIFF: dateDiff,
  DATEDIFF_BIG: dateDiff,
  DATEPART: datePart,
  DATENAME: dateName,
  DATETRUNC: dateTrunc,
  YEAR: partFunction('year'),
  MONTH: partFunction('month'),
  DAY: partFunction('day'),
  EOMONTH: endOfMonth,
  DATEFROMPARTS: 'make_date',
  DATETIMEFROMPARTS: timestampFromParts,
  DATETIME2FROMPARTS: timestampFromParts,
  SMALLDATETIMEFROMPARTS: timestampFromParts,
  GETDATE: now,
  SYSDATETIME: now,
  CURRENT_TIMESTAMP: now,
  CURRENT_DATE: { databricks: () => 'current_date()', duckdb: () => 'current_date' },
  GETUTCDATE: utcNow,
  SYSUTCDATETIME: utcNow,
  SYSDATETIMEOFFSET: (site) => {
    site.ctx.report('TR_TYPE_APPROXIMATED', site.call, 'SYSDATETIMEOFFSET() keeps its offset; current_timestamp() keeps the instant only');
    return site.ctx.target === 'databricks' ? 'current_timestamp()' : 'current_timestamp';
  },
  ISDATE: isDate,
};

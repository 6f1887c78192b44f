import { walkAst, type CastExpression, type ConvertExpression, type DataType, type Expression, type Span } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import { dateLiteral, dateValue, dayAfter1900 } from './date-functions.js';
import { functionName, isSimple, type FunctionCallSite, type FunctionTable } from './function-rule.js';
import { castNode, dataTypeNode, hasSubquery } from './ast-tools.js';
import { untranslated } from './markers.js';
import { isNumeric, typeFromDataType, valueType, type ValueType } from './value-types.js';

/**
 * Conversions: CAST, CONVERT with its style codes, TRY_CAST/TRY_CONVERT, FORMAT and STR.
 * Source: learn.microsoft.com/sql/t-sql/functions/cast-and-convert-transact-sql (the style
 * tables, "Truncating and rounding results") and .NET's standard and custom format strings
 * (FORMAT runs them with the en-US culture unless told otherwise).
 */

// ---------------------------------------------------------------------------------------------
// date patterns, written in .NET notation and turned into each target's pattern language

/** A date pattern token: a .NET specifier, or literal text. */
type Token = { readonly spec: string } | { readonly text: string };

/** Specifiers, longest first, and their width in the output where it is fixed. */
const SPECIFIERS: readonly string[] = [
  'dddd', 'ddd', 'dd', 'd_', 'd', 'MMMM', 'MMM', 'MM', 'M', 'yyyy', 'yyy', 'yy', 'HH', 'H', 'hh', 'h_', 'h', 'mm', 'm', 'ss', 's',
  'ffffff', 'fffff', 'ffff', 'fff', 'ff', 'f', 'tt',
];
const WIDTHS: Readonly<Record<string, number>> = { dd: 2, d_: 2, MMM: 3, MM: 2, yyyy: 4, yy: 2, HH: 2, hh: 2, h_: 2, mm: 2, ss: 2, fff: 3, ffffff: 6, tt: 2 };

/** Spark/Java datetime pattern letters and DuckDB strftime codes for each specifier. */
const PATTERN: Readonly<Record<string, { readonly java: string; readonly strftime?: string }>> = {
  dddd: { java: 'EEEE', strftime: '%A' }, ddd: { java: 'EEE', strftime: '%a' }, dd: { java: 'dd', strftime: '%d' }, d: { java: 'd', strftime: '%-d' },
  MMMM: { java: 'MMMM', strftime: '%B' }, MMM: { java: 'MMM', strftime: '%b' }, MM: { java: 'MM', strftime: '%m' }, M: { java: 'M', strftime: '%-m' },
  yyyy: { java: 'yyyy', strftime: '%Y' }, yyy: { java: 'yyyy', strftime: '%Y' }, yy: { java: 'yy', strftime: '%y' },
  HH: { java: 'HH', strftime: '%H' }, H: { java: 'H', strftime: '%-H' }, hh: { java: 'hh', strftime: '%I' }, h: { java: 'h', strftime: '%-I' },
  mm: { java: 'mm', strftime: '%M' }, m: { java: 'm', strftime: '%-M' }, ss: { java: 'ss', strftime: '%S' }, s: { java: 's', strftime: '%-S' },
  fff: { java: 'SSS', strftime: '%g' }, ffffff: { java: 'SSSSSS', strftime: '%f' }, ff: { java: 'SS' }, f: { java: 'S' }, ffff: { java: 'SSSS' }, fffff: { java: 'SSSSS' },
  tt: { java: 'a', strftime: '%p' },
};

/** Tokens of a pattern in the notation of the style table (no quoting: every letter run is a specifier). */
function tokens(pattern: string): Token[] {
  const out: Token[] = [];
  for (let index = 0; index < pattern.length; ) {
    const spec = SPECIFIERS.find((candidate) => pattern.startsWith(candidate, index));
    if (spec === undefined) {
      out.push({ text: pattern[index]! });
      index += 1;
    } else {
      out.push({ spec });
      index += spec.length;
    }
  }
  return out;
}

/**
 * CONVERT(char, date, style) output formats. `d_` and `h_` are the day and 12-hour hour padded
 * with a space to two characters ('Apr 18 2006  9:58AM', style 0, the default for datetime).
 * Styles below 100 write two-digit years. 126 and 127 leave out a zero millisecond part in
 * SQL Server; here it is always written.
 */
const DATE_STYLES: Readonly<Record<number, string>> = {
  0: 'MMM d_ yyyy h_:mmtt', 100: 'MMM d_ yyyy h_:mmtt',
  1: 'MM/dd/yy', 101: 'MM/dd/yyyy',
  2: 'yy.MM.dd', 102: 'yyyy.MM.dd',
  3: 'dd/MM/yy', 103: 'dd/MM/yyyy',
  4: 'dd.MM.yy', 104: 'dd.MM.yyyy',
  5: 'dd-MM-yy', 105: 'dd-MM-yyyy',
  6: 'dd MMM yy', 106: 'dd MMM yyyy',
  7: 'MMM dd, yy', 107: 'MMM dd, yyyy',
  8: 'HH:mm:ss', 24: 'HH:mm:ss', 108: 'HH:mm:ss',
  9: 'MMM d_ yyyy h_:mm:ss:ffftt', 109: 'MMM d_ yyyy h_:mm:ss:ffftt',
  10: 'MM-dd-yy', 110: 'MM-dd-yyyy',
  11: 'yy/MM/dd', 111: 'yyyy/MM/dd',
  12: 'yyMMdd', 112: 'yyyyMMdd',
  13: 'dd MMM yyyy HH:mm:ss:fff', 113: 'dd MMM yyyy HH:mm:ss:fff',
  14: 'HH:mm:ss:fff', 114: 'HH:mm:ss:fff',
  20: 'yyyy-MM-dd HH:mm:ss', 120: 'yyyy-MM-dd HH:mm:ss',
  21: 'yyyy-MM-dd HH:mm:ss.fff', 25: 'yyyy-MM-dd HH:mm:ss.fff', 121: 'yyyy-MM-dd HH:mm:ss.fff',
  22: 'MM/dd/yy hh:mm:ss tt',
  23: 'yyyy-MM-dd',
  126: 'yyyy-MM-ddTHH:mm:ss.fff',
  127: 'yyyy-MM-ddTHH:mm:ss.fffZ',
};

/** Styles whose text the targets' CAST already reads (ISO forms). */
const ISO_INPUT_STYLES: ReadonlySet<number> = new Set([20, 21, 23, 25, 120, 121, 126, 127]);

function javaPattern(items: readonly Token[]): string {
  let out = '';
  let quoted = '';
  const flush = () => {
    if (quoted !== '') out += `'${quoted}'`;
    quoted = '';
  };
  for (const item of items) {
    if ('text' in item && /[A-Za-z]/.test(item.text)) {
      // Letters are pattern letters in Java: literal ones go between quotes.
      quoted += item.text;
      continue;
    }
    flush();
    out += 'spec' in item ? PATTERN[item.spec]!.java : item.text === "'" ? "''" : item.text;
  }
  flush();
  return out;
}

function strftimePattern(items: readonly Token[]): string | undefined {
  const parts = items.map((item) => ('spec' in item ? PATTERN[item.spec]!.strftime : item.text === '%' ? '%%' : item.text));
  return parts.some((part) => part === undefined) ? undefined : parts.join('');
}

/** Text of a date in a tokenised pattern; space-padded parts are built with lpad. */
function formatDate(date: string, items: readonly Token[], ctx: TranslationContext): string | undefined {
  const databricks = ctx.target === 'databricks';
  const segments: string[] = [];
  let run: Token[] = [];
  const flush = (): boolean => {
    if (run.length === 0) return true;
    const pattern = databricks ? javaPattern(run) : strftimePattern(run);
    if (pattern === undefined) return false;
    segments.push(`${databricks ? 'date_format' : 'strftime'}(${date}, ${ctx.dialect.stringLiteral(pattern)})`);
    run = [];
    return true;
  };
  for (const item of items) {
    if ('spec' in item && (item.spec === 'd_' || item.spec === 'h_')) {
      if (!flush()) return undefined;
      const value = item.spec === 'd_' ? `day(${date})` : databricks ? `date_format(${date}, 'h')` : `strftime(${date}, '%-I')`;
      segments.push(`lpad(${item.spec === 'd_' ? `CAST(${value} AS ${databricks ? 'STRING' : 'VARCHAR'})` : value}, 2, ' ')`);
    } else {
      run.push(item);
    }
  }
  if (!flush()) return undefined;
  return segments.join(' || ');
}

function patternWidth(items: readonly Token[]): number | undefined {
  let total = 0;
  for (const item of items) {
    if ('text' in item) total += 1;
    else if (WIDTHS[item.spec] !== undefined) total += WIDTHS[item.spec]!;
    else return undefined;
  }
  return total;
}

/** The leading tokens that fill exactly `length` characters, when the cut falls between tokens. */
function cutTokens(items: readonly Token[], length: number): Token[] | undefined {
  const out: Token[] = [];
  let total = 0;
  for (const item of items) {
    if (total === length) return out;
    const width = 'text' in item ? 1 : WIDTHS[item.spec];
    if (width === undefined || total + width > length) return undefined;
    out.push(item);
    total += width;
  }
  return total === length ? out : undefined;
}

// ---------------------------------------------------------------------------------------------
// CAST and CONVERT

const STRING_TYPES: ReadonlySet<string> = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'text', 'ntext', 'sysname']);

/** The length a CAST or CONVERT to a string type truncates to: as declared, 30 when not given, none for max. */
function castLength(type: DataType): number | undefined {
  const name = (type.name.parts[type.name.parts.length - 1] ?? '').toLowerCase();
  if (!['char', 'varchar', 'nchar', 'nvarchar'].includes(name)) return undefined;
  const declared = type.args[0]?.trim().toLowerCase();
  if (declared === 'max') return undefined;
  return declared === undefined ? 30 : Number(declared);
}

function typeName(type: DataType): string {
  return (type.name.parts[type.name.parts.length - 1] ?? '').toLowerCase();
}

function isStringLiteral(node: Expression): node is Extract<Expression, { kind: 'literal' }> {
  return node.kind === 'literal' && (node.type === 'string' || node.type === 'unicode-string');
}

function stringKeyword(ctx: TranslationContext): string {
  return ctx.target === 'databricks' ? 'STRING' : 'VARCHAR';
}

/**
 * CAST(x AS type) and CONVERT(type, x [, style]) with SQL Server's results: strings cut to the
 * target length (30 when none is given) and char padded, integers from decimals truncated,
 * money to int rounded, datetimes written in style 0 and dates read from text as SQL Server
 * reads them, integers as days after 1900-01-01.
 */
export function castExpression(node: CastExpression | ConvertExpression, ctx: TranslationContext, translate: (node: Expression) => string): string {
  const mapped = ctx.dialect.dataType(node.type);
  if (mapped.approximation !== undefined) ctx.report('TR_TYPE_APPROXIMATED', node.type, mapped.approximation);
  const target = typeFromDataType(node.type);
  const source = valueType(node.expression, ctx);
  const cast = (value: string, typeText = mapped.text) => `${node.try ? 'try_cast' : 'CAST'}(${value} AS ${typeText})`;
  const style = node.kind === 'convert' && node.style !== undefined ? styleNumber(node.style) : undefined;
  if (node.kind === 'convert' && node.style !== undefined && style === undefined) {
    return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', 'CONVERT with a style that is not a number literal');
  }
  const value = node.expression;

  switch (target.family) {
    case 'bit': {
      const literal = booleanLiteral(value);
      if (literal !== undefined) return literal;
      return cast(translate(value));
    }
    case 'date':
    case 'datetime': {
      const as = target.family === 'date' ? 'date' : 'timestamp';
      if (value.kind === 'literal' && value.type === 'integer') return dateValue(value, ctx, translate, as);
      // The text is read back the way it was written: without a style (us_english reads m/d/y
      // and the ISO forms) or with the same style.
      const day = style === undefined || (value.kind === 'convert' && value.style !== undefined && styleNumber(value.style) === style) ? roundTripDay(value, ctx) : undefined;
      if (day !== undefined) return as === 'date' ? `CAST(${translate(day)} AS DATE)` : `CAST(CAST(${translate(day)} AS DATE) AS TIMESTAMP)`;
      if (isStringLiteral(value) && (style === undefined || ISO_INPUT_STYLES.has(style))) return dateLiteral(value, ctx, as) ?? cast(translate(value));
      if (isStringLiteral(value) || source.family === 'string' || (source.family === 'unknown' && style !== undefined && style !== 0 && style !== 100)) {
        if (!isStringLiteral(value) && source.family === 'string' && (style === undefined || ISO_INPUT_STYLES.has(style))) {
          // Text in a column or variable, or built by a short expression that reads no clock or
          // random value (it is written once for each form tried).
          const text = translate(value);
          if (!node.try && (isSimple(value) || (text.length <= SHORT_TEXT && !readsVolatile(value) && !hasSubquery(value)))) return textToDate(text, target.family, ctx, node);
          ctx.report(
            'TR_SEMANTIC',
            node,
            `text made at run time became a ${as.toUpperCase()} by the target's rules, which read yyyy-MM-dd[ HH:mm:ss] forms only: SQL Server (us_english) also read yyyymmdd, m/d/yyyy and month names. Check the form of the text, or build the value with make_date / make_timestamp`,
          );
        }
        return parseDate(node, translate(value), style, target.family, ctx) ?? cast(translate(value));
      }
      if (isNumeric(source)) return daysToTimestamp(value, source, ctx, translate, target.family);
      return cast(translate(value));
    }
    case 'integer':
    case 'decimal':
    case 'float':
      return castToNumber(node, value, source, target, ctx, translate, cast);
    case 'string':
      return castToString(node, value, source, style, ctx, translate, cast);
    case 'binary':
      if (style !== undefined && style !== 0 && source.family === 'string') {
        const text = translate(value);
        return style === 1 ? `unhex(substring(${text}, 3))` : `unhex(${text})`;
      }
      return cast(translate(value));
    case 'time':
      if (ctx.target === 'databricks' && (source.family === 'datetime' || source.family === 'date')) return `date_format(${translate(value)}, 'HH:mm:ss')`;
      return cast(translate(value));
    default:
      return cast(translate(value));
  }
}

/**
 * A string value (not a literal) where SQL Server converts text to a date implicitly: stored
 * into a date variable or column, compared with a date, given to a date function. It is read as
 * CAST reads it (castExpression: yyyymmdd and m/d/yyyy tried first for a column or variable,
 * else a warning; the round trip through text that strips the time of day becomes the day
 * itself). Undefined when the value is no such text.
 */
export function textAsDate(node: Expression, family: 'date' | 'datetime', ctx: TranslationContext, translate: (node: Expression) => string): string | undefined {
  const cast = implicitDateCast(node, family, ctx);
  return cast === undefined ? undefined : castExpression(cast, ctx, translate);
}

/** The CAST SQL Server applies implicitly to text (not a literal) where a date goes; undefined for other values. */
export function implicitDateCast(node: Expression, family: 'date' | 'datetime', ctx: TranslationContext, type?: DataType): CastExpression | undefined {
  if (node.kind === 'literal' || valueType(node, ctx).family !== 'string') return undefined;
  return castNode(node, type ?? dataTypeNode(family, node));
}

/**
 * A number, bit, date or GUID where SQL Server reads text (a string function's argument, a string
 * variable or column it is stored into): converted as CAST to `type` (nvarchar(max) unless
 * given) converts it: a datetime in style 0 (Jan  5 2024 10:30AM), money with two decimals, a
 * bit as 1 or 0, a uniqueidentifier in upper case. Undefined for values that are text
 * already, or of unknown type.
 */
export function implicitText(node: Expression, ctx: TranslationContext, translate: (node: Expression) => string, type?: DataType): string | undefined {
  const source = valueType(node, ctx);
  if (node.kind === 'literal' || !(isNumeric(source) || source.family === 'date' || source.family === 'datetime' || source.name === 'uniqueidentifier')) return undefined;
  return castExpression(castNode(node, type ?? dataTypeNode('nvarchar', node, ['max'])), ctx, translate);
}

/** How long an expression building date text may be to be written once for each form tried. */
const SHORT_TEXT = 160;

/**
 * Whether an expression calls a function whose value may differ between two evaluations in one
 * statement. The clock does not: the targets read it once a query.
 */
function readsVolatile(node: Expression): boolean {
  let found = false;
  walkAst(node, (child) => {
    if (child.kind === 'function-call' && ['NEWID', 'RAND', 'CRYPT_GEN_RANDOM'].includes(functionName(child))) found = true;
    return !found;
  });
  return found;
}

/** Styles whose text holds the day and nothing else, which SQL Server (us_english) reads back as the same day. */
const DAY_STYLES: ReadonlySet<number> = new Set([101, 102, 110, 111, 112, 23]);
/** Styles whose text starts with yyyy-mm-dd: cut to 10 characters, the day. */
const ISO_DAY_PREFIX_STYLES: ReadonlySet<number> = new Set([20, 21, 25, 120, 121, 126, 127]);

/**
 * The date value whose day `node` writes as text, when it is CONVERT(varchar(n), d, style) of a
 * day-only form: the old idiom that strips the time of day by a round trip through text
 * (CONVERT(datetime, CONVERT(varchar(10), d, 101)), or the text stored into a datetime).
 */
function roundTripDay(node: Expression, ctx: TranslationContext): Expression | undefined {
  if (node.kind !== 'convert' || node.style === undefined) return undefined;
  const style = styleNumber(node.style);
  const target = typeFromDataType(node.type);
  const source = valueType(node.expression, ctx);
  if (style === undefined || target.family !== 'string' || (source.family !== 'date' && source.family !== 'datetime')) return undefined;
  // CONVERT to a string type without a length makes 30 characters.
  const length = target.length ?? (node.type.args.length === 0 ? 30 : undefined);
  if (length === undefined) return undefined;
  if (DAY_STYLES.has(style) && length >= (DATE_STYLES[style] ?? '').length) return node.expression;
  if (ISO_DAY_PREFIX_STYLES.has(style) && length === 10) return node.expression;
  return undefined;
}

/**
 * A datetime2(n) as text: yyyy-mm-dd hh:mi:ss followed by all n fractional digits (zeros too),
 * as SQL Server writes it; the targets keep microseconds, so a seventh digit is 0.
 */
function datetime2Text(text: string, scale: number, ctx: TranslationContext): string {
  const digits = Math.min(scale, 6);
  const seconds =
    ctx.target === 'databricks'
      ? `date_format(${text}, 'yyyy-MM-dd HH:mm:ss${digits > 0 ? `.${'S'.repeat(digits)}` : ''}')`
      : digits === 6
        ? `strftime(${text}, '%Y-%m-%d %H:%M:%S.%f')`
        : `left(strftime(${text}, '%Y-%m-%d %H:%M:%S.%f'), ${digits === 0 ? 19 : 20 + digits})`;
  return scale > 6 ? `${seconds} || '${'0'.repeat(scale - 6)}'` : seconds;
}

function styleNumber(node: Expression): number | undefined {
  if (node.kind === 'literal' && node.type === 'integer') return Number(node.value);
  return undefined;
}

/** 0/1 and 'true'/'false' cast to bit: the boolean literal. */
function booleanLiteral(node: Expression): string | undefined {
  if (node.kind === 'literal' && (node.type === 'integer' || node.type === 'decimal')) return Number(node.value) === 0 ? 'false' : 'true';
  if (isStringLiteral(node)) {
    const text = node.value.trim().toLowerCase();
    if (text === 'true' || text === '1') return 'true';
    if (text === 'false' || text === '0') return 'false';
  }
  return undefined;
}

/** Text read as a date with a CONVERT style: to_timestamp / strptime with the style's pattern. */
/**
 * Text in a column or variable cast to a date or datetime: SQL Server (us_english) reads
 * yyyymmdd and m/d/yyyy besides the ISO forms the targets read. Those two are tried first, then
 * the cast, which still fails on text that is no date, as SQL Server's does. Month names are not
 * read: a warning says so.
 */
function textToDate(text: string, family: 'date' | 'datetime', ctx: TranslationContext, at: Span): string {
  ctx.report('TR_SEMANTIC', at, 'text cast to a date is read as yyyymmdd, m/d/yyyy[ h:mm[:ss]] or an ISO form; SQL Server (us_english) also read month names (Jan 5 2024), which fail here');
  const typeText = family === 'date' ? 'DATE' : 'TIMESTAMP';
  const forms =
    ctx.target === 'databricks'
      ? [`try_to_timestamp(${text}, 'yyyyMMdd')`, `try_to_timestamp(${text}, 'M/d/yyyy')`, `try_to_timestamp(${text}, 'M/d/yyyy H:mm[:ss]')`]
      : [`try_strptime(${text}, '%Y%m%d')`, `try_strptime(${text}, '%m/%d/%Y')`, `try_strptime(${text}, '%m/%d/%Y %H:%M:%S')`, `try_strptime(${text}, '%m/%d/%Y %H:%M')`];
  const read = `coalesce(${forms.join(', ')}, CAST(${text} AS TIMESTAMP))`;
  return family === 'date' ? `CAST(${read} AS DATE)` : read;
}

function parseDate(node: CastExpression | ConvertExpression, text: string, style: number | undefined, family: 'date' | 'datetime', ctx: TranslationContext): string | undefined {
  const typeText = family === 'date' ? 'DATE' : 'TIMESTAMP';
  if (style === undefined || ISO_INPUT_STYLES.has(style)) return undefined;
  const pattern = DATE_STYLES[style];
  if (pattern === undefined || pattern.includes('_')) {
    ctx.report('TR_SEMANTIC', node, `CONVERT style ${style} is not read with a pattern: the text is cast with the target's own date rules`);
    return undefined;
  }
  if (style < 100 && pattern.includes('yy')) {
    ctx.report('TR_SEMANTIC', node, `style ${style} reads two-digit years: SQL Server puts 50-99 in the 1900s (cutoff 2049), the target reads every yy as 20yy`);
  }
  const items = tokens(pattern);
  // A day written with separators is read leniently, as SQL Server reads it: one-digit months
  // and days, and a time of day after it (1/31/2018 22:56 in style 101).
  const lenient = /^[yMd]+[/.-][yMd]+[/.-][yMd]+$/.test(pattern) && !pattern.includes('MMM');
  let parsed: string;
  if (ctx.target === 'databricks') {
    const java = javaPattern(items);
    const read = lenient ? `${java.replace('MM', 'M').replace('dd', 'd')}[ H:mm[:ss[.SSS]]]` : java;
    parsed = `${node.try ? 'try_to_timestamp' : 'to_timestamp'}(${text}, ${ctx.dialect.stringLiteral(read)})`;
  } else {
    const strftime = strftimePattern(items);
    if (strftime === undefined) return undefined;
    const formats = lenient ? `[${[strftime, `${strftime} %H:%M`, `${strftime} %H:%M:%S`, `${strftime} %H:%M:%S.%f`].map((format) => ctx.dialect.stringLiteral(format)).join(', ')}]` : ctx.dialect.stringLiteral(strftime);
    parsed = `${node.try ? 'try_strptime' : 'strptime'}(${text}, ${formats})`;
  }
  return family === 'date' ? `CAST(${parsed} AS ${typeText})` : parsed;
}

/**
 * A number cast to datetime counts days after 1900-01-01 00:00 (fractions are times of day);
 * CAST(FLOOR(CAST(d AS float)) AS datetime) is the old way to drop the time of day.
 */
function daysToTimestamp(value: Expression, source: ValueType, ctx: TranslationContext, translate: (node: Expression) => string, family: 'date' | 'datetime'): string {
  const inner = floorOfDays(value, ctx);
  if (inner !== undefined) {
    const truncated = `date_trunc('${ctx.target === 'databricks' ? 'DAY' : 'day'}', ${translate(inner)})`;
    return family === 'date' ? `CAST(${truncated} AS DATE)` : truncated;
  }
  const days = translate(value);
  const base = `TIMESTAMP '${dayAfter1900(0)} 00:00:00'`;
  let text: string;
  if (source.family === 'integer' || source.family === 'bit') {
    text = ctx.target === 'databricks' ? `timestampadd(DAY, ${days}, ${base})` : `${base} + INTERVAL (${days}) DAY`;
  } else {
    // float to datetime rounds to the nearest 1/300 second in SQL Server; here to the microsecond.
    const micros = `CAST(round((${days}) * 86400000000) AS BIGINT)`;
    text = ctx.target === 'databricks' ? `timestampadd(MICROSECOND, ${micros}, ${base})` : `${base} + INTERVAL (${micros}) MICROSECOND`;
  }
  return family === 'date' ? `CAST(${text} AS DATE)` : text;
}

/**
 * FLOOR(CAST(d AS float)) of a datetime d: returns d. Of a value whose type is not known it is
 * still the idiom (nobody floors a float of days to cast it back), so d is taken for a
 * datetime, with a warning: were it a number, date_trunc refuses it rather than computing
 * something else.
 */
function floorOfDays(node: Expression, ctx: TranslationContext): Expression | undefined {
  if (node.kind !== 'function-call' || functionName(node) !== 'FLOOR' || node.args.length !== 1) return undefined;
  const arg = node.args[0]!;
  if ((arg.kind !== 'cast' && arg.kind !== 'convert') || !['float', 'real'].includes(typeName(arg.type))) return undefined;
  const family = valueType(arg.expression, ctx).family;
  if (family === 'unknown') {
    ctx.report('TR_SEMANTIC', node, 'CAST(FLOOR(CAST(x AS float)) AS datetime) of a value whose type lakeshift does not know: taken as the idiom that drops the time of day of a datetime (date_trunc)');
    return arg.expression;
  }
  return family === 'datetime' || family === 'date' ? arg.expression : undefined;
}

function castToNumber(
  node: CastExpression | ConvertExpression,
  value: Expression,
  source: ValueType,
  target: ValueType,
  ctx: TranslationContext,
  translate: (node: Expression) => string,
  cast: (value: string, typeText?: string) => string,
): string {
  const text = translate(value);
  if (source.family === 'datetime') {
    // A datetime as a number is days after 1900-01-01, the time of day as a fraction; to an
    // integer it rounds to the nearest day.
    const days = `(unix_micros(${text}) - unix_micros(TIMESTAMP '1900-01-01 00:00:00')) / 86400000000.0`;
    const duckdb = `epoch_us(${text} - TIMESTAMP '1900-01-01 00:00:00') / 86400000000.0`;
    const fraction = ctx.target === 'databricks' ? days : duckdb;
    return target.family === 'integer' ? cast(`round(${fraction})`) : cast(fraction);
  }
  if (target.family === 'integer' && source.name === 'money' && ctx.target === 'databricks') return cast(`round(${text})`);
  // numeric and float to int truncate in SQL Server; DuckDB's CAST rounds.
  if (target.family === 'integer' && ctx.target === 'duckdb' && (source.family === 'decimal' || source.family === 'float') && source.name !== 'money') return cast(`trunc(${text})`);
  if (node.kind === 'convert' && node.style !== undefined) ctx.report('TR_SEMANTIC', node, 'a CONVERT style to a number type has no effect here');
  // SQL Server reads '' (or spaces) as 0 into an integer or float type: CAST('' AS int) and
  // TRY_CAST('' AS int) are 0 (decimal refuses it). The targets refuse it: CAST raises, try_cast
  // gives NULL. Only text that can be blank is guarded: a column, a variable, a trim or cut of
  // one (not a date written as text, nor text with '01' appended).
  if ((target.family === 'integer' || target.family === 'float') && source.family === 'string') {
    if (isStringLiteral(value)) return /^ *$/.test(value.value) ? cast('0') : cast(text);
    if (mayBeBlank(value)) {
      // Spaces trimmed on either side are ''.
      const trimmed = value.kind === 'function-call' && ['LTRIM', 'RTRIM', 'TRIM'].includes(functionName(value)) && value.args.length === 1;
      if (isSimple(value) || (text.length <= SHORT_TEXT && !readsVolatile(value) && !hasSubquery(value))) return `CASE WHEN ${trimmed ? text : `trim(${text})`} = '' THEN 0 ELSE ${cast(text)} END`;
      ctx.report('TR_SEMANTIC', node, `SQL Server makes '' (or spaces) 0 here, where the target ${node.try ? 'gives NULL' : 'raises an error'}: turn blank text into '0' first if it can occur`);
    }
  }
  return cast(text);
}

/** String functions whose result is blank where their text is. */
const BLANK_KEEPING: ReadonlySet<string> = new Set(['LTRIM', 'RTRIM', 'TRIM', 'SUBSTRING', 'LEFT', 'RIGHT', 'REPLACE', 'UPPER', 'LOWER', 'ISNULL', 'COALESCE', 'NULLIF']);

/** Whether text may be '' or spaces: a column or variable, or one trimmed, cut or defaulted. */
function mayBeBlank(node: Expression): boolean {
  if (node.kind === 'column-ref' || node.kind === 'variable') return true;
  return node.kind === 'function-call' && node.name.parts.length === 1 && BLANK_KEEPING.has(functionName(node)) && node.args[0] !== undefined && mayBeBlank(node.args[0]);
}

function castToString(
  node: CastExpression | ConvertExpression,
  value: Expression,
  source: ValueType,
  style: number | undefined,
  ctx: TranslationContext,
  translate: (node: Expression) => string,
  cast: (value: string, typeText?: string) => string,
): string {
  const length = castLength(node.type);
  const fixed = ['char', 'nchar'].includes(typeName(node.type));
  const fit = (text: string, width: number | undefined) => {
    if (length === undefined || (width !== undefined && (width === length || (width < length && !fixed)))) return text;
    if (fixed) return `rpad(${text}, ${length}, ' ')`;
    return `left(${text}, ${length})`;
  };
  const explicitLength = node.type.args.length > 0;

  // GUIDs: text made a uniqueidentifier is written in lower case, as uuid() writes them and the
  // data copy stores them; a uniqueidentifier as text is upper case, as SQL Server writes it.
  const guidTarget = typeName(node.type) === 'uniqueidentifier';
  if (guidTarget !== (source.name === 'uniqueidentifier')) {
    if (guidTarget && isStringLiteral(value)) return ctx.dialect.stringLiteral(value.value.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase());
    if (guidTarget && (source.family === 'string' || source.family === 'unknown')) return `lower(${cast(translate(value))})`;
    // GUIDs are text in the targets already.
    if (!guidTarget && STRING_TYPES.has(typeName(node.type))) return fit(`upper(${translate(value)})`, 36);
  }

  if (isStringLiteral(value)) {
    const cut = length === undefined ? value.value : value.value.slice(0, length);
    return ctx.dialect.stringLiteral(fixed && length !== undefined ? cut.padEnd(length, ' ') : cut);
  }
  if (source.family === 'string') {
    if (!STRING_TYPES.has(typeName(node.type))) return cast(translate(value));
    return fit(translate(value), source.fixed ? undefined : source.length);
  }

  const ambiguous = source.family === 'unknown' && style !== undefined && style >= 1 && style <= 3;
  if (ambiguous) {
    ctx.report('TR_SEMANTIC', node, `CONVERT style ${style} means a date, float or money format depending on the source type, which is not known: read as a date style`);
  }
  const dateSource = source.family === 'datetime' || source.family === 'date' || (source.family === 'unknown' && style !== undefined && style !== 0 && DATE_STYLES[style] !== undefined);
  if (dateSource) {
    // datetime and smalldatetime are written in style 0 by default; date, time, datetime2 in 121
    // (which for a date is its ISO text, as CAST gives in both targets).
    const effective = style ?? (source.family === 'datetime' && (source.name === 'datetime' || source.name === 'smalldatetime' || source.name === undefined) ? 0 : undefined);
    if (effective === undefined && source.name === 'datetime2') {
      const scale = source.scale ?? 7;
      return fit(datetime2Text(translate(value), scale, ctx), scale === 0 ? 19 : 20 + scale);
    }
    if (effective === undefined) return fit(cast(translate(value), stringKeyword(ctx)), source.family === 'date' ? 10 : undefined);
    const pattern = DATE_STYLES[effective];
    if (pattern === undefined) return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', `CONVERT style ${effective} for dates has no equivalent`);
    if (effective === 126 || effective === 127) {
      ctx.reportOnce('style-126', 'TR_SEMANTIC', node, `style ${effective} leaves out zero milliseconds in SQL Server; here they are always written`);
    }
    const date = dateValue(value, ctx, translate);
    let items = tokens(pattern);
    const width = patternWidth(items);
    if (length !== undefined && width !== undefined && length < width) {
      const cut = cutTokens(items, length);
      if (cut !== undefined) items = cut;
    }
    const text = formatDate(date, items, ctx);
    if (text === undefined) return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', `CONVERT style ${effective} has no ${ctx.target} pattern`);
    return fit(text, patternWidth(items));
  }

  if (source.family === 'binary' && style !== undefined && style !== 0) {
    return fit(style === 1 ? `'0x' || hex(${translate(value)})` : `hex(${translate(value)})`, undefined);
  }
  // A bit is written 1 or 0; the targets' BOOLEAN would be written true or false.
  if (source.family === 'bit') return fit(cast(cast(translate(value), 'INT'), stringKeyword(ctx)), 1);
  if (source.name === 'money' || source.name === 'smallmoney') {
    // money as text: style 0 two decimals, 1 with thousands separators, 2 four decimals.
    const text = translate(value);
    const databricks = ctx.target === 'databricks';
    // Rounded first: format_number and fmt round a half to even, SQL Server away from zero.
    if (style === 1) return databricks ? `format_number(round(${text}, 2), 2)` : `format('{:,.2f}', round(${text}, 2))`;
    const scale = style === 2 || style === 126 ? 4 : 2;
    return cast(`CAST(${text} AS DECIMAL(38,${scale}))`, stringKeyword(ctx));
  }
  if (source.family === 'float') {
    ctx.reportOnce('float-text', 'TR_SEMANTIC', node, 'a float as text: SQL Server writes at most 6 significant digits (1.23457e+006) by default; the target writes them all');
  }
  // A number too long for the length is an error in SQL Server (or '*'), never cut. A value of
  // unknown type may be text: an explicit length cuts it.
  const text = cast(translate(value), stringKeyword(ctx));
  if (fixed && length !== undefined) return `rpad(${text}, ${length}, ' ')`;
  return source.family === 'unknown' && explicitLength && length !== undefined ? `left(${text}, ${length})` : text;
}

// ---------------------------------------------------------------------------------------------
// FORMAT(value, format [, culture]) with .NET format strings, en-US

/** .NET standard date formats, en-US. */
const STANDARD_DATE_FORMATS: Readonly<Record<string, string>> = {
  d: 'M/d/yyyy', D: 'dddd, MMMM d, yyyy', f: 'dddd, MMMM d, yyyy h:mm tt', F: 'dddd, MMMM d, yyyy h:mm:ss tt', g: 'M/d/yyyy h:mm tt',
  G: 'M/d/yyyy h:mm:ss tt', M: 'MMMM d', m: 'MMMM d', s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss", t: 'h:mm tt', T: 'h:mm:ss tt', Y: 'MMMM yyyy', y: 'MMMM yyyy',
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
};

/** Tokens of a .NET custom date format: letter runs are specifiers, quotes and \ give literal text. */
function netDateTokens(format: string): Token[] | undefined {
  const out: Token[] = [];
  for (let index = 0; index < format.length; ) {
    const char = format[index]!;
    if (char === "'" || char === '"') {
      const end = format.indexOf(char, index + 1);
      if (end < 0) return undefined;
      for (const text of format.slice(index + 1, end)) out.push({ text });
      index = end + 1;
    } else if (char === '\\') {
      if (index + 1 < format.length) out.push({ text: format[index + 1]! });
      index += 2;
    } else if (char === '%' && index + 1 < format.length) {
      index += 1;
    } else if (/[dMyHhmsft]/.test(char)) {
      let end = index;
      while (format[end] === char) end += 1;
      const spec = format.slice(index, end);
      // 'y' alone (year without century, unpadded) and fraction widths have no fixed spelling.
      if (!(spec in PATTERN) || spec === 'y' || spec === 't') return undefined;
      out.push({ spec });
      index = end;
    } else if (/[A-Za-z]/.test(char)) {
      // z (offset), K (kind), g (era), F (optional fraction): no equivalent kept.
      if (/[zKgF]/.test(char)) return undefined;
      out.push({ text: char });
      index += 1;
    } else {
      out.push({ text: char });
      index += 1;
    }
  }
  return out;
}

function format(site: FunctionCallSite): string {
  const [valueNode, formatNode, cultureNode] = site.call.args;
  const ctx = site.ctx;
  if (valueNode === undefined || formatNode === undefined || !isStringLiteral(formatNode)) {
    return untranslated(site.call, ctx, 'TR_UNSUPPORTED_FUNCTION', 'FORMAT with a format that is not a literal: write the pattern for date_format or format_number');
  }
  if (cultureNode !== undefined && !(isStringLiteral(cultureNode) && /^(en-us|)$/i.test(cultureNode.value.trim()))) {
    ctx.report('TR_SEMANTIC', cultureNode, 'FORMAT with a culture other than en-US: names of months and days, separators and currency are written the en-US way');
  }
  const pattern = formatNode.value;
  const type = valueType(valueNode, ctx);
  // The value's type decides; unknown, the pattern does: standard number formats (N2, C, D8 ...)
  // and patterns without date letters are numeric.
  const numberPattern = /^[CcDdEeFfGgNnPpRrXx]\d{0,2}$/.test(pattern) && (/\d/.test(pattern) || /^[CcEeNnPpXx]$/.test(pattern));
  const datePattern = STANDARD_DATE_FORMATS[pattern] !== undefined || (pattern.length > 1 && /[dMyHhmsf]/.test(pattern.replace(/'[^']*'|"[^"]*"|\\./g, '')));
  const isDate = type.family === 'date' || type.family === 'datetime' || type.family === 'time' || (!isNumeric(type) && !numberPattern && datePattern);
  return isDate ? formatDateValue(site, valueNode, pattern) : formatNumber(site, pattern);
}

function formatDateValue(site: FunctionCallSite, valueNode: Expression, pattern: string): string {
  const standard = STANDARD_DATE_FORMATS[pattern];
  const items = netDateTokens(standard ?? pattern);
  const text = items === undefined ? undefined : formatDate(dateValue(valueNode, site.ctx, site.expression), items, site.ctx);
  if (text === undefined) return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', `FORMAT pattern '${pattern}' has no ${site.ctx.target} equivalent`);
  return text;
}

/**
 * Numbers: N (thousands separators), F (fixed), D (zero-padded integer), C (en-US currency,
 * negative in parentheses), P (percent, "12.50 %" in .NET Framework en-US), X (hex) and
 * custom patterns of 0, #, ',' and '.'.
 */
function formatNumber(site: FunctionCallSite, pattern: string): string {
  const ctx = site.ctx;
  const value = site.args[0]!;
  const databricks = ctx.target === 'databricks';
  // .NET rounds a half away from zero, in standard and custom formats alike ("00" makes 34.5
  // 35), where format_number (Java's DecimalFormat) and fmt round it to even (2.125 is 2.13,
  // not 2.12): the value is rounded first, by round(), which rounds halves up in both. DuckDB's
  // fmt and printf refuse a precision for an integer: the rounded value is made a DECIMAL there.
  const rounded = (x: string, decimals: number) => (databricks ? `round(${x}, ${decimals})` : `CAST(round(${x}, ${decimals}) AS DECIMAL(38,${decimals}))`);
  const grouped = (x: string, decimals: number) => (databricks ? `format_number(${rounded(x, decimals)}, ${decimals})` : `format('{:,.${decimals}f}', ${rounded(x, decimals)})`);
  const fixed = (x: string, decimals: number) =>
    databricks ? `format_number(${rounded(x, decimals)}, '${decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`}')` : `printf('%.${decimals}f', ${rounded(x, decimals)})`;
  const standard = /^([CcDdFfNnPpXx])(\d{0,2})$/.exec(pattern);
  if (standard !== null) {
    const letter = standard[1]!.toUpperCase();
    const digits = standard[2] === '' ? undefined : Number(standard[2]);
    switch (letter) {
      case 'N':
        return grouped(value, digits ?? 2);
      case 'F':
        return fixed(value, digits ?? 2);
      case 'D':
        if (digits === undefined) return `CAST(${value} AS ${stringKeyword(ctx)})`;
        return databricks ? `format_number(${value}, '${'0'.repeat(digits)}')` : `printf('%s%0${digits}d', CASE WHEN ${value} < 0 THEN '-' ELSE '' END, abs(${value}))`;
      case 'C': {
        const decimals = digits ?? 2;
        return `CASE WHEN ${value} < 0 THEN '($' || ${grouped(`-(${value})`, decimals)} || ')' ELSE '$' || ${grouped(value, decimals)} END`;
      }
      case 'P':
        return `${grouped(`${value} * 100`, digits ?? 2)} || ' %'`;
      case 'X': {
        const hex = databricks ? `hex(${value})` : `upper(format('{:x}', ${value}))`;
        return digits === undefined ? (standard[1] === 'x' ? `lower(${hex})` : hex) : `lpad(${standard[1] === 'x' ? `lower(${hex})` : hex}, ${digits}, '0')`;
      }
      default:
        break;
    }
  }
  const custom = /^([#,0]*)(?:\.(0+|#+))?$/.exec(pattern);
  if (custom !== null && /0|#/.test(pattern)) {
    const integer = custom[1]!;
    const decimals = custom[2]?.length ?? 0;
    if (databricks) return `format_number(${rounded(value, decimals)}, ${ctx.dialect.stringLiteral(pattern)})`;
    const zeros = integer.match(/0/g)?.length ?? 0;
    if (custom[2]?.startsWith('#') || (zeros > 1 && integer.includes(','))) {
      return untranslated(site.call, ctx, 'TR_UNSUPPORTED_FUNCTION', `FORMAT pattern '${pattern}' has no DuckDB equivalent`);
    }
    // Zero padding counts the whole width: the integer digits, the point and the decimals.
    const pad = zeros > 1 ? `0${zeros + (decimals > 0 ? decimals + 1 : 0)}` : '';
    return `format('{:${pad}${integer.includes(',') ? ',' : ''}.${decimals}f}', ${rounded(value, decimals)})`;
  }
  return untranslated(site.call, ctx, 'TR_UNSUPPORTED_FUNCTION', `FORMAT pattern '${pattern}' has no equivalent known to lakeshift`);
}

/**
 * STR(float [, length [, decimals]]): the number rounded to `decimals` (default 0) places,
 * right-aligned in `length` (default 10) characters; '*' filled when it does not fit.
 */
function str(site: FunctionCallSite): string {
  const [value, lengthText, decimalsText] = site.args;
  const length = site.call.args[1]?.kind === 'literal' ? Number(lengthText) : undefined;
  const decimals = site.call.args[2]?.kind === 'literal' ? Number(decimalsText) : decimalsText === undefined ? 0 : undefined;
  if (value === undefined || (lengthText !== undefined && length === undefined) || decimals === undefined) {
    return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'STR with a length or decimals that are not literals');
  }
  const width = length ?? 10;
  const places = Math.min(decimals, 16);
  const text = `${site.ctx.target === 'databricks' ? 'format_string' : 'printf'}('%.${places}f', CAST(${value} AS DOUBLE))`;
  return `CASE WHEN length(${text}) > ${width} THEN repeat('*', ${width}) ELSE lpad(${text}, ${width}, ' ') END`;
}

export const CONVERSION_FUNCTIONS: FunctionTable = {
  FORMAT: format,
  STR: str,
};

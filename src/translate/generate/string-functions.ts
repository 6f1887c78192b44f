import type { Expression } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import { call, isSimple, sortedValues, type FunctionCallSite, type FunctionTable } from './function-rule.js';
import { caseSensitiveCollated, comparesCaseInsensitively, hasCasedLetters, ignoreCaseFlag, isStringLiteral } from './collation.js';
import { implicitText } from './convert-styles.js';
import { expression } from './expressions.js';
import { untranslated } from './markers.js';
import { isNumeric, isTemporal, valueType } from './value-types.js';

/**
 * T-SQL string functions with SQL Server's results: LEN ignores trailing spaces, CONCAT reads
 * NULL as '', CHARINDEX/PATINDEX/REPLACE compare like the database collation (case-insensitive
 * by default: reported once an object), positions below 1 in SUBSTRING count as characters
 * before the string. Source: learn.microsoft.com/sql/t-sql/functions/string-functions-transact-sql.
 */

function stringType(ctx: TranslationContext): string {
  return ctx.target === 'databricks' ? 'STRING' : 'VARCHAR';
}

/** An argument as text: numbers and dates are converted as T-SQL converts them implicitly. */
export function asText(node: Expression, text: string, ctx: TranslationContext): string {
  const type = valueType(node, ctx);
  if (!(isNumeric(type) || isTemporal(type) || type.name === 'uniqueidentifier')) return text;
  // As SQL Server converts it: a datetime in style 0, a bit as 1 or 0, money with two decimals, a GUID in upper case.
  return implicitText(node, ctx, (inner) => (inner === node ? text : expression(inner, ctx))) ?? `CAST(${text} AS ${stringType(ctx)})`;
}

/** A literal without letters whose case could matter (CHARINDEX(',', x)): nothing to rewrite. */
function caseFreeNeedle(node: Expression | undefined): boolean {
  return node !== undefined && isStringLiteral(node) && !hasCasedLetters(node.value);
}

/**
 * Functions that search text compare with the collation of the database, which ignores case
 * by default; the targets do not. Said once an object, unless what is searched for has no
 * letters whose case could matter.
 */
export function reportCaseInsensitiveSearch(site: FunctionCallSite, needle: Expression | undefined, what: string): void {
  if (caseFreeNeedle(needle)) return;
  if (needle !== undefined && isNumeric(valueType(needle, site.ctx))) return;
  site.ctx.reportOnce(
    'case-insensitive',
    'TR_CASE_INSENSITIVE',
    site.call,
    `this object compares strings (${what}); SQL Server ignores case and trailing spaces in comparisons by default, Databricks does not`,
  );
}

function positiveIntegerLiteral(node: Expression | undefined): number | undefined {
  if (node?.kind !== 'literal' || node.type !== 'integer') return undefined;
  const value = Number(node.value);
  return value >= 1 ? value : undefined;
}

function parenthesised(text: string, node: Expression): string {
  return isSimple(node) || node.kind === 'function-call' ? text : `(${text})`;
}

// ---------------------------------------------------------------------------------------------
// LIKE patterns as regular expressions (Java for Databricks, RE2 for DuckDB: the same syntax here)

/**
 * A T-SQL LIKE pattern as a regular expression matching the whole string: % any text, _ one
 * character, [abc], [a-z] and [^a] character classes, `escape` making the next character
 * literal. Undefined when the pattern cannot be read (an unclosed [).
 */
export function likeToRegex(pattern: string, escape?: string): { readonly regex: string; readonly anchoredStart: boolean; readonly anchoredEnd: boolean } | undefined {
  let out = '';
  const special = /[.\\+*?^$(){}|[\]/]/;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (escape !== undefined && char === escape) {
      const next = pattern[index + 1];
      if (next === undefined) return undefined;
      out += special.test(next) ? `\\${next}` : next;
      index += 1;
    } else if (char === '%') {
      out += '.*';
    } else if (char === '_') {
      out += '.';
    } else if (char === '[') {
      const end = pattern.indexOf(']', index + 2);
      if (end < 0) return undefined;
      let body = pattern.slice(index + 1, end);
      const negated = body.startsWith('^');
      if (negated) body = body.slice(1);
      const members = [...body].map((member) => (member === '\\' || member === '[' || member === ']' || member === '^' ? `\\${member}` : member)).join('');
      out += `[${negated ? '^' : ''}${members}]`;
      index = end;
    } else {
      out += special.test(char) ? `\\${char}` : char;
    }
  }
  let regex = out;
  const anchoredStart = !regex.startsWith('.*');
  const anchoredEnd = !regex.endsWith('.*');
  if (!anchoredStart) regex = regex.slice(2);
  if (!anchoredEnd) regex = regex.slice(0, -2);
  return { regex, anchoredStart, anchoredEnd };
}

/** The full-match form: ^...$, with (?s) so that % and _ cross line breaks as they do in T-SQL. */
export function fullMatchRegex(parsed: NonNullable<ReturnType<typeof likeToRegex>>): string {
  const body = `${parsed.anchoredStart ? '^' : ''}${parsed.regex}${parsed.anchoredEnd ? '$' : ''}`;
  return parsed.regex.includes('.') ? `(?s)${body}` : body;
}

// ---------------------------------------------------------------------------------------------
// rules

/** LEN counts characters without trailing spaces (leading ones count). */
function len(site: FunctionCallSite): string {
  const node = site.call.args[0]!;
  return `length(rtrim(${asText(node, site.args[0]!, site.ctx)}))`;
}

/** Bytes of each fixed-size type, as DATALENGTH returns them. */
const FIXED_SIZES: Readonly<Record<string, number>> = {
  bigint: 8, int: 4, integer: 4, smallint: 2, tinyint: 1, bit: 1, float: 8, real: 4, money: 8, smallmoney: 4,
  datetime: 8, smalldatetime: 4, date: 3, uniqueidentifier: 16,
};

/**
 * DATALENGTH is the bytes of a value in SQL Server's storage: two a character for nchar and
 * nvarchar, one for varchar (its code page), and the fixed size of the other types.
 */
function dataLength(site: FunctionCallSite): string {
  const node = site.call.args[0]!;
  const value = site.args[0]!;
  const type = valueType(node, site.ctx);
  const size = type.name === undefined ? undefined : FIXED_SIZES[type.name];
  if (size !== undefined) return `CASE WHEN ${value} IS NULL THEN NULL ELSE ${size} END`;
  const bytes = site.ctx.target === 'databricks' ? `octet_length(${value})` : type.family === 'binary' ? `octet_length(${value})` : `strlen(${value})`;
  if (type.family === 'string' && type.unicode) return `2 * length(${value})`;
  if (type.family === 'string' || type.family === 'binary') {
    if (type.family === 'string') {
      site.ctx.reportOnce('datalength-bytes', 'TR_SEMANTIC', site.call, 'DATALENGTH of varchar counts UTF-8 bytes here: characters outside ASCII take more bytes than in a SQL Server code page');
    }
    return bytes;
  }
  site.ctx.report('TR_SEMANTIC', site.call, 'DATALENGTH of a value whose type is not known counts UTF-8 bytes: nvarchar values take two bytes a character in SQL Server');
  return bytes;
}

/**
 * CHARINDEX(find, in [, start]) is 1-based and 0 when absent, like locate and strpos; a start
 * below 1 searches from the beginning, where locate() returns 0.
 */
function charIndex(site: FunctionCallSite): string {
  const [findNode, inNode, startNode] = site.call.args;
  // Under a case-insensitive collation the search ignores case, as SQL Server's does: a
  // collation on what is looked for (Databricks' locate follows it), lower case on DuckDB.
  const caseSensitive = caseSensitiveCollated(...site.call.args);
  const ignoreCase = !caseSensitive && comparesCaseInsensitively(site.ctx) && !caseFreeNeedle(findNode);
  if (!ignoreCase && !caseSensitive) reportCaseInsensitiveSearch(site, findNode, 'CHARINDEX');
  let find = asText(findNode!, site.args[0]!, site.ctx);
  let text = asText(inNode!, site.args[1]!, site.ctx);
  if (ignoreCase && site.ctx.target === 'databricks') find = `${isSimple(findNode!) ? find : `(${find})`} COLLATE UTF8_LCASE`;
  if (ignoreCase && site.ctx.target === 'duckdb') [find, text] = [`lower(${find})`, `lower(${text})`];
  if (startNode === undefined) return site.ctx.target === 'databricks' ? `locate(${find}, ${text})` : `strpos(${text}, ${find})`;
  const start = positiveIntegerLiteral(startNode) !== undefined ? site.args[2]! : `greatest(${site.args[2]!}, 1)`;
  if (site.ctx.target === 'databricks') return `locate(${find}, ${text}, ${start})`;
  const found = `strpos(substring(${text}, ${start}), ${find})`;
  return `CASE WHEN ${found} = 0 THEN 0 ELSE ${found} + ${start} - 1 END`;
}

/** PATINDEX('%pattern%', s): the position where the LIKE pattern first matches, 0 when it does not. */
function patIndex(site: FunctionCallSite): string {
  const [patternNode] = site.call.args;
  if (patternNode?.kind !== 'literal' || (patternNode.type !== 'string' && patternNode.type !== 'unicode-string')) {
    return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'PATINDEX with a pattern that is not a literal: write it with regexp_instr');
  }
  const parsed = likeToRegex(patternNode.value);
  if (parsed === undefined) return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'PATINDEX with a pattern lakeshift cannot read');
  const caseSensitive = caseSensitiveCollated(...site.call.args);
  const ignoreCase = !caseSensitive && comparesCaseInsensitively(site.ctx) && !caseFreeNeedle(patternNode);
  if (!ignoreCase && !caseSensitive) reportCaseInsensitiveSearch(site, patternNode, 'PATINDEX');
  const regex = site.ctx.dialect.stringLiteral(`${ignoreCase ? ignoreCaseFlag(site.ctx) : ''}${parsed.anchoredStart ? '^' : ''}${parsed.regex}${parsed.anchoredEnd ? '$' : ''}`);
  const text = asText(site.call.args[1]!, site.args[1]!, site.ctx);
  if (site.ctx.target === 'databricks') return `regexp_instr(${text}, ${regex})`;
  // DuckDB has no regexp_instr: the first match's text is found again with strpos (or, for a
  // pattern that must end the string, counted back from the end).
  const match = `regexp_extract(${text}, ${regex})`;
  const position = parsed.anchoredEnd ? `length(${text}) - length(${match}) + 1` : `strpos(${text}, ${match})`;
  return `CASE WHEN ${text} IS NULL THEN NULL WHEN regexp_matches(${text}, ${regex}) THEN ${position} ELSE 0 END`;
}

/**
 * STUFF(s, start, length, insert): s with `length` characters from `start` replaced; a NULL
 * insert deletes. STUFF(x, 1, 1, '') (the FOR XML PATH idiom) is substring(x, 2). SQL Server
 * returns NULL for a start below 1 or beyond the end of s and for a negative length, which a
 * CASE keeps where the arguments are not literals that rule it out (a start of 1 is taken to be
 * within s: only '' has no first character, and STUFF('', 1, ...) is NULL where this gives '').
 */
function stuff(site: FunctionCallSite): string {
  const [textNode, startNode, lengthNode, insertNode] = site.call.args;
  if (textNode === undefined || startNode === undefined || lengthNode === undefined || insertNode === undefined) {
    return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'STUFF needs four arguments');
  }
  const [text, start, length, insert] = site.args as [string, string, string, string];
  const emptyInsert = insertNode.kind === 'literal' && (insertNode.type === 'string' || insertNode.type === 'unicode-string') && insertNode.value === '';
  const inserted = insertNode.kind === 'literal' ? insert : `coalesce(${insert}, '')`;
  const startLiteral = positiveIntegerLiteral(startNode);
  const lengthLiteral = lengthNode.kind === 'literal' && lengthNode.type === 'integer' ? Number(lengthNode.value) : undefined;
  const rest = startLiteral !== undefined && lengthLiteral !== undefined ? `substring(${text}, ${startLiteral + lengthLiteral})` : `substring(${text}, ${parenthesised(start, startNode)} + ${parenthesised(length, lengthNode)})`;
  const head = startLiteral === 1 ? undefined : `left(${text}, ${startLiteral !== undefined ? startLiteral - 1 : `${parenthesised(start, startNode)} - 1`})`;
  const stuffed = [head, emptyInsert ? undefined : inserted, rest].filter((part): part is string => part !== undefined).join(' || ');
  const outside = [
    ...(startLiteral === undefined ? [`${parenthesised(start, startNode)} < 1`] : []),
    ...(startLiteral === 1 ? [] : [`${parenthesised(start, startNode)} > length(${text})`]),
    ...(lengthLiteral === undefined ? [`${parenthesised(length, lengthNode)} < 0`] : lengthLiteral < 0 ? ['TRUE'] : []),
  ];
  return outside.length === 0 ? stuffed : `CASE WHEN ${outside.join(' OR ')} THEN NULL ELSE ${stuffed} END`;
}

/**
 * SUBSTRING(s, start, length) takes the characters at positions start .. start + length - 1,
 * positions below 1 being empty: SUBSTRING('abc', 0, 2) = 'a'. Databricks reads a start of 0
 * as 1 and a negative one from the end, so a start that is not a positive literal is clamped.
 */
function substring(site: FunctionCallSite): string {
  const [textNode, startNode, lengthNode] = site.call.args;
  const text = asText(textNode!, site.args[0]!, site.ctx);
  if (lengthNode === undefined || positiveIntegerLiteral(startNode) !== undefined) return `substring(${[text, ...site.args.slice(1)].join(', ')})`;
  const start = site.args[1]!;
  const length = site.args[2]!;
  return `substring(${text}, greatest(${start}, 1), ${parenthesised(length, lengthNode)} + least(${start}, 1) - 1)`;
}

/** QUOTENAME(s [, q]): s between the delimiters, the closing one doubled inside. */
function quoteName(site: FunctionCallSite): string {
  const [, quoteNode] = site.call.args;
  const quote = quoteNode === undefined ? '[' : quoteNode.kind === 'literal' && (quoteNode.type === 'string' || quoteNode.type === 'unicode-string') ? quoteNode.value : undefined;
  const pairs: Readonly<Record<string, string>> = { '[': ']', ']': ']', "'": "'", '"': '"', '(': ')', ')': ')', '<': '>', '>': '>', '{': '}', '}': '}', '`': '`' };
  const close = quote === undefined ? undefined : pairs[quote];
  if (quote === undefined || close === undefined) return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'QUOTENAME with a delimiter that is not a literal');
  const open = quote === ']' ? '[' : quote === ')' ? '(' : quote === '>' ? '<' : quote === '}' ? '{' : quote;
  const literal = (value: string) => site.ctx.dialect.stringLiteral(value);
  return `${literal(open)} || replace(${site.args[0]}, ${literal(close)}, ${literal(close + close)}) || ${literal(close)}`;
}

/**
 * PARSENAME('db.schema.table', n): the n-th part from the right, without its brackets. Names
 * with dots inside brackets are split at those dots here.
 */
function parseName(site: FunctionCallSite): string {
  const [name, part] = site.args as [string, string];
  site.ctx.reportOnce('parsename', 'TR_SEMANTIC', site.call, 'PARSENAME became a split at dots: a bracketed name holding a dot ([a.b]) is split here, and more than four parts give a part instead of NULL');
  if (site.ctx.target === 'databricks') return `regexp_replace(try_element_at(reverse(split(${name}, '[.]')), ${part}), '^\\\\[(.*)\\\\]$', '$1')`;
  return `regexp_replace(list_reverse(string_split(${name}, '.'))[${part}], '^\\[(.*)\\]$', '\\1')`;
}

/** CONCAT reads NULL as ''; Databricks concat() returns NULL, concat_ws skips NULLs. */
function concat(site: FunctionCallSite): string {
  const args = site.call.args.map((node, index) => asText(node, site.args[index]!, site.ctx));
  return site.ctx.target === 'databricks' ? `concat_ws('', ${args.join(', ')})` : `concat(${args.join(', ')})`;
}

function concatWs(site: FunctionCallSite): string {
  return `concat_ws(${site.call.args.map((node, index) => asText(node, site.args[index]!, site.ctx)).join(', ')})`;
}

/**
 * STRING_AGG(x, sep) WITHIN GROUP (ORDER BY k): Databricks string_agg takes the same clause,
 * but its sort keys may only name columns that x uses; other orders sort collected (key, x)
 * pairs. DuckDB writes the order inside the call.
 */
function stringAgg(site: FunctionCallSite): string {
  const [valueNode] = site.call.args;
  const value = asText(valueNode!, site.args[0]!, site.ctx);
  const separator = site.args[1] ?? "''";
  const order = site.call.withinGroup;
  if (order.length === 0) return `string_agg(${value}, ${separator})`;
  const keys = order.map((item) => `${site.expression(item.expression)}${item.direction === undefined ? '' : ` ${item.direction}`}`);
  if (site.ctx.target === 'duckdb') return `string_agg(${value}, ${separator} ORDER BY ${keys.join(', ')})`;
  const used = new Set(columnNames(valueNode!));
  if (order.every((item) => columnNames(item.expression).every((name) => used.has(name)))) {
    return `string_agg(${value}, ${separator}) WITHIN GROUP (ORDER BY ${keys.join(', ')})`;
  }
  // Pairs sorted by their keys, NULL keys first ascending and last descending, as in T-SQL. An
  // aggregate of no values (or only NULLs) is NULL, where array_join gives ''.
  const fields = order.map((item, index) => `'k${index}', ${site.expression(item.expression)}`);
  const joined = `array_join(${sortedValues(`collect_list(named_struct(${[...fields, `'v', ${value}`].join(', ')}))`, order.map((item) => item.direction))}, ${separator})`;
  return `CASE WHEN count(${value}) = 0 THEN NULL ELSE ${joined} END`;
}

function columnNames(node: Expression): string[] {
  const names: string[] = [];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    const record = value as { kind?: string; parts?: readonly string[] };
    if (record.kind === 'column-ref' && record.parts !== undefined) names.push(record.parts.map((part) => part.toLowerCase()).join('.'));
    for (const [key, child] of Object.entries(record)) if (key !== 'start' && key !== 'end') visit(child);
  };
  visit(node);
  return names;
}

/** TRIM([LEADING|TRAILING|BOTH] [chars FROM] s): chars is a set of characters, as in both targets. */
function trim(site: FunctionCallSite): string {
  const where = site.call.modifiers?.find((modifier) => ['LEADING', 'TRAILING', 'BOTH'].includes(modifier)) ?? 'BOTH';
  const [charsOrText, text] = site.args.length === 2 ? [site.args[0], site.args[1]] : [undefined, site.args[0]];
  if (site.ctx.target === 'databricks') return charsOrText === undefined && where === 'BOTH' ? `trim(${text})` : `trim(${where} ${charsOrText ?? "' '"} FROM ${text})`;
  const fn = where === 'LEADING' ? 'ltrim' : where === 'TRAILING' ? 'rtrim' : 'trim';
  return charsOrText === undefined ? `${fn}(${text})` : `${fn}(${text}, ${charsOrText})`;
}

/** LTRIM/RTRIM(s [, chars]) (the characters argument is SQL Server 2022). */
const sideTrim =
  (side: 'LEADING' | 'TRAILING') =>
  (site: FunctionCallSite): string => {
    const text = asText(site.call.args[0]!, site.args[0]!, site.ctx);
    const chars = site.args[1];
    const fn = side === 'LEADING' ? 'ltrim' : 'rtrim';
    if (chars === undefined) return `${fn}(${text})`;
    return site.ctx.target === 'databricks' ? `trim(${side} ${chars} FROM ${text})` : `${fn}(${text}, ${chars})`;
  };

/**
 * REPLACE finds what it replaces as the collation compares: ignoring case by default. A literal
 * with letters to find, replaced by a literal, becomes a case-insensitive regular expression
 * (its metacharacters escaped, and those of the replacement text); anything else is warned.
 */
function replace(site: FunctionCallSite): string {
  const [, findNode, withNode] = site.call.args;
  const text = asText(site.call.args[0]!, site.args[0]!, site.ctx);
  const literal = (node: Expression | undefined) => (node !== undefined && isStringLiteral(node) ? node.value : undefined);
  const find = literal(findNode);
  const replacement = literal(withNode);
  const caseSensitive = caseSensitiveCollated(...site.call.args);
  if (!caseSensitive && comparesCaseInsensitively(site.ctx) && find !== undefined && find !== '' && hasCasedLetters(find) && replacement !== undefined) {
    const pattern = site.ctx.dialect.stringLiteral(`${ignoreCaseFlag(site.ctx)}${find.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')}`);
    // Java's replacement text gives $ and \ a meaning, RE2's \ only.
    const escaped = site.ctx.target === 'databricks' ? replacement.replace(/[\\$]/g, '\\$&') : replacement.replace(/\\/g, '\\\\');
    const replacementText = site.ctx.dialect.stringLiteral(escaped);
    return site.ctx.target === 'databricks' ? `regexp_replace(${text}, ${pattern}, ${replacementText})` : `regexp_replace(${text}, ${pattern}, ${replacementText}, 'g')`;
  }
  if (!caseSensitive) reportCaseInsensitiveSearch(site, findNode, 'REPLACE');
  return `replace(${text}, ${site.args.slice(1).join(', ')})`;
}

/** A string function of its first argument: numbers and dates are converted to text first. */
const textFunction =
  (name: string) =>
  (site: FunctionCallSite): string =>
    `${name}(${[asText(site.call.args[0]!, site.args[0]!, site.ctx), ...site.args.slice(1)].join(', ')})`;

/** NCHAR(n) is the character with code point n; Databricks char() takes n modulo 256. */
function nchar(site: FunctionCallSite): string {
  const node = site.call.args[0];
  if (site.ctx.target === 'duckdb') return `chr(${site.args[0]})`;
  if (node?.kind === 'literal' && node.type === 'integer' && Number(node.value) < 256) return `char(${site.args[0]})`;
  site.ctx.report('TR_SEMANTIC', site.call, 'NCHAR() became char(), which takes the code modulo 256: characters above U+00FF come out wrong');
  return `char(${site.args[0]})`;
}

/**
 * STRING_ESCAPE(s, 'json'): to_json writes a string escaped as JSON wants (quote, backslash,
 * \b \f \n \r \t, other control characters as \u00XX), here inside a one-element array
 * whose brackets and quotes are cut off; SQL Server also escapes '/'. NULL stays NULL.
 */
function stringEscape(site: FunctionCallSite): string {
  const type = site.call.args[1];
  if (type === undefined || !isStringLiteral(type) || type.value.toLowerCase() !== 'json') {
    return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', "STRING_ESCAPE with a type other than 'json'");
  }
  const { dialect } = site.ctx;
  const text = asText(site.call.args[0]!, site.args[0]!, site.ctx);
  const json = `to_json(${site.ctx.target === 'databricks' ? `array(${text})` : `[${text}]`})`;
  const escaped = `replace(regexp_extract(${json}, ${dialect.stringLiteral('(?s)^\\["(.*)"\\]$')}, 1), '/', ${dialect.stringLiteral('\\/')})`;
  return `CASE WHEN ${text} IS NULL THEN NULL ELSE ${escaped} END`;
}

/** FORMATMESSAGE('text %s %d', ...) is printf-like, as format_string and printf are (%i is %d). */
function formatMessage(site: FunctionCallSite): string {
  const [messageNode] = site.call.args;
  const message = messageNode?.kind === 'literal' && (messageNode.type === 'string' || messageNode.type === 'unicode-string') ? site.ctx.dialect.stringLiteral(messageNode.value.replace(/%(-?\d*)i/g, '%$1d')) : site.args[0];
  return `${site.ctx.target === 'databricks' ? 'format_string' : 'printf'}(${[message, ...site.args.slice(1)].join(', ')})`;
}

/**
 * LEFT and RIGHT. A negative length (LEFT(s, CHARINDEX(',', s) - 1) without a comma) is an
 * error in SQL Server and '' in Databricks; DuckDB would keep all but that many characters, so
 * the rehearsal takes it as 0, as Databricks does.
 */
function sideText(name: 'left' | 'right') {
  return (site: FunctionCallSite): string => {
    const length = site.call.args[1];
    if (length === undefined) return `${name}(${site.args.join(', ')})`;
    const counted = site.ctx.target === 'duckdb' && !(length.kind === 'literal' && length.type === 'integer');
    // Not greatest(n, 0): DuckDB's greatest skips a NULL, where LEFT(s, NULL) is NULL.
    const count = counted ? `CASE WHEN ${site.args[1]} < 0 THEN 0 ELSE ${site.args[1]} END` : site.args[1];
    return `${name}(${asText(site.call.args[0]!, site.args[0]!, site.ctx)}, ${count})`;
  };
}

export const STRING_FUNCTIONS: FunctionTable = {
  LEN: len,
  DATALENGTH: dataLength,
  CHARINDEX: charIndex,
  PATINDEX: patIndex,
  STUFF: stuff,
  SUBSTRING: substring,
  LEFT: sideText('left'),
  RIGHT: sideText('right'),
  UPPER: textFunction('upper'),
  LOWER: textFunction('lower'),
  REVERSE: textFunction('reverse'),
  LTRIM: sideTrim('LEADING'),
  RTRIM: sideTrim('TRAILING'),
  TRIM: trim,
  REPLACE: replace,
  // REPLICATE with a negative count is NULL in SQL Server, where repeat() gives ''.
  REPLICATE: (site) => {
    const count = site.call.args[1];
    const repeated = textFunction('repeat')(site);
    return count?.kind === 'literal' && count.type === 'integer' ? repeated : `CASE WHEN ${site.args[1]} < 0 THEN NULL ELSE ${repeated} END`;
  },
  SPACE: (site) => `repeat(' ', ${site.args[0]})`,
  TRANSLATE: call('translate'),
  CONCAT: concat,
  CONCAT_WS: concatWs,
  STRING_AGG: stringAgg,
  QUOTENAME: quoteName,
  PARSENAME: parseName,
  ASCII: call('ascii'),
  CHAR: { databricks: call('char'), duckdb: call('chr') },
  NCHAR: nchar,
  UNICODE: { databricks: call('ascii'), duckdb: call('unicode') },
  SOUNDEX: {
    databricks: call('soundex'),
    duckdb: (site) => untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'SOUNDEX has no DuckDB equivalent'),
  },
  FORMATMESSAGE: formatMessage,
  STRING_ESCAPE: stringEscape,
};

import type { Expression, Span } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import { isoDateText } from './date-functions.js';
import { holdsPlaceholder } from './dynamic-sql.js';
import { isNumeric, isTemporal, valueType, type ValueType } from './value-types.js';

/**
 * String comparisons under translate.collation. SQL Server estates nearly always run a
 * case-insensitive default collation (SQL_Latin1_General_CP1_CI_AS, Latin1_General_100_CI_AS):
 * 'Closed' = 'CLOSED ' is true there, since case is ignored and the shorter value is padded with
 * spaces. With 'case-insensitive' (the default) comparisons of strings are written so that the
 * target compares the same way, as the dialect says (fold both sides, or a collation); with
 * 'binary' they compare as the target does, and the object gets a warning.
 */
export function comparesCaseInsensitively(ctx: TranslationContext): boolean {
  return (ctx.options.collation ?? 'case-insensitive') === 'case-insensitive';
}

/** Whether two values compare as strings: a string on one side, and no number or date on either. */
export function stringComparison(left: ValueType, right: ValueType): boolean {
  return (left.family === 'string' || right.family === 'string') && !isNumeric(left) && !isNumeric(right) && !isTemporal(left) && !isTemporal(right);
}

/**
 * Types that lakeshift counts as strings but that compare without a collation. A uniqueidentifier
 * is not one: SQL Server compares its 16 bytes, and as text a GUID may be written in either case
 * (by the tool that copied the table, by code that wrote text into it), so it compares ignoring case.
 */
const UNCOLLATED: ReadonlySet<string> = new Set(['xml', 'hierarchyid']);

function collatable(type: ValueType): boolean {
  return type.name === undefined || !UNCOLLATED.has(type.name);
}

type StringLiteral = Extract<Expression, { kind: 'literal' }> & { readonly type: 'string' | 'unicode-string' };

export function isStringLiteral(node: Expression): node is StringLiteral {
  return node.kind === 'literal' && (node.type === 'string' || node.type === 'unicode-string');
}

function isNullLiteral(node: Expression): boolean {
  return node.kind === 'literal' && node.type === 'null';
}

/**
 * Text SQL Server may read as a number or a date when the other side is one: it starts with a
 * digit (after a sign, a point or a currency sign: '42', '-1.5', '$3', '2024-01-31', '1 Jan
 * 2024'), or with a month's name and a number ('Jan 5 2024'), or holds a value spliced into
 * dynamic SQL. 'Top 100 stores' and 'BL_3NF' are neither: only a string compares with them.
 */
function mayBeNumberOrDate(value: string): boolean {
  if (holdsPlaceholder(value)) return true;
  return /^\s*[-+$]?\s*\.?\d/.test(value) || /^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i.test(value);
}

/** Text with a letter that has an upper and a lower case ('abc', 'é'; not '123', not '東'). */
export function hasCasedLetters(value: string): boolean {
  return value.toLowerCase() !== value.toUpperCase();
}

/**
 * Text whose case cannot matter: no letters ('123', '2024-01-01'), or a date or time
 * ('2024-01-01 10:00 PM' is compared as a date with a date column).
 */
export function caseFreeText(value: string): boolean {
  return !hasCasedLetters(value) || isoDateText(value) !== undefined;
}

/**
 * Whether `left` compared with `right` is written to ignore case and trailing spaces: strings
 * are compared, the collation option asks for it, neither side is NULL, and neither is a
 * literal that may stand for a number or a date compared with a value of unknown type (a
 * collation would make that value text, where it may be a number or a date). Against a known
 * string, every literal is compared so: trailing spaces matter to '' and '001' too.
 */
export function collatedComparison(left: Expression, right: Expression, ctx: TranslationContext, types?: readonly [ValueType, ValueType]): boolean {
  if (!comparesCaseInsensitively(ctx) || isNullLiteral(left) || isNullLiteral(right)) return false;
  if (caseSensitiveCollated(left, right)) return false;
  const leftType = types?.[0] ?? valueType(left, ctx);
  const rightType = types?.[1] ?? valueType(right, ctx);
  if (!stringComparison(leftType, rightType)) return false;
  if (!collatable(leftType) || !collatable(rightType)) return false;
  const literalCompared = (literal: Expression, other: ValueType) =>
    // 'true' against a value of unknown type is most likely a bit: SQL Server converts the text.
    isStringLiteral(literal) && other.family === 'unknown' && (mayBeNumberOrDate(literal.value) || /^\s*(?:true|false)\s*$/i.test(literal.value));
  return !literalCompared(left, rightType) && !literalCompared(right, leftType);
}

/** A collation that tells upper from lower case: SQL Server's _CS_ and binary (_BIN, _BIN2) ones. */
export function caseSensitiveCollation(collation: string): boolean {
  return /_CS(?:_|$)|_BIN2?(?:_|$)/i.test(collation);
}

/**
 * A collation that compares as the translation does by default (ignoring case, not accents):
 * the database's own (DATABASE_DEFAULT, CATALOG_DEFAULT) and the _CI_AS ones.
 */
export function defaultCollation(collation: string): boolean {
  return /^(?:DATABASE_DEFAULT|CATALOG_DEFAULT)$/i.test(collation) || /_CI_AS(?:_|$)/i.test(collation);
}

/** Whether one of `nodes` carries a case-sensitive COLLATE: the comparison or search they are in tells case apart. */
export function caseSensitiveCollated(...nodes: ReadonlyArray<Expression | undefined>): boolean {
  return nodes.some((node) => node?.kind === 'collate' && caseSensitiveCollation(node.collation));
}

/** Whether a value matched by LIKE is written to ignore case and trailing spaces: a string that is not a number or a date. */
export function collatedSubject(type: ValueType, ctx: TranslationContext): boolean {
  return comparesCaseInsensitively(ctx) && !isNumeric(type) && !isTemporal(type) && collatable(type);
}

/**
 * One operand of a comparison that ignores case and trailing spaces, given its target text.
 * Folding dialects fold every operand (a string literal where it is written: 'Closed ' becomes
 * 'closed'); collating dialects give the collation to the first operand only, which the
 * comparison then takes for both.
 */
export function collatedOperand(node: Expression, text: string, first: boolean, ctx: TranslationContext): string {
  const strategy = ctx.dialect.caseInsensitiveStrings;
  if (isNullLiteral(node)) return text;
  if (strategy.kind === 'collate') return first ? `${isPrimary(text) ? text : `(${text})`} COLLATE ${strategy.collation}` : text;
  if (isStringLiteral(node)) return ctx.dialect.stringLiteral(node.value.replace(/ +$/, '').toLowerCase());
  return strategy.fold(text);
}

/** A name, a literal, or one call or parenthesised whole: what COLLATE can follow without parentheses. */
function isPrimary(text: string): boolean {
  if (/^[\w.$`"]+$/.test(text) || /^'(?:[^'\\]|''|\\.)*'$/.test(text)) return true;
  const open = text.indexOf('(');
  if (open < 0 || !text.endsWith(')') || !/^[\w.$`"]*\s*$/.test(text.slice(0, open))) return false;
  // The parenthesis the name opens must be the one that closes the text.
  let depth = 0;
  let quote: string | undefined;
  for (let index = open; index < text.length; index++) {
    const char = text[index]!;
    if (quote !== undefined) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0 && index !== text.length - 1) return false;
    }
  }
  return depth === 0;
}

/**
 * GROUP BY, DISTINCT, PARTITION BY, UNION and COUNT(DISTINCT) of strings: SQL Server makes one
 * group of 'Boston' and 'BOSTON ', the targets two. Which spelling a group shows is not defined
 * in SQL Server either, so grouping is not rewritten: the object gets a warning, once.
 */
export function noteStringGrouping(at: Span, what: string, items: readonly Expression[], ctx: TranslationContext): void {
  if (!comparesCaseInsensitively(ctx) || !items.map((item) => valueType(item, ctx)).some((type) => type.family === 'string' && collatable(type))) return;
  ctx.reportOnce(
    'case-sensitive-grouping',
    'TR_CASE_SENSITIVE_GROUPING',
    at,
    `this object groups strings (${what}): SQL Server puts values that differ only in case or trailing spaces in one group, the target does not`,
  );
}

/**
 * ORDER BY (of a query, a window, STRING_AGG) and MIN/MAX of strings: SQL Server's default
 * collation sorts them without regard to case ('apple' before 'Banana'), the targets by code
 * point ('Banana' first), so TOP, ROW_NUMBER() = 1 and MIN/MAX can pick other rows. Not
 * rewritten (a collation on every sort key); the object gets a warning, once.
 */
export function noteStringOrder(at: Span, what: string, items: readonly Expression[], ctx: TranslationContext): void {
  if (!comparesCaseInsensitively(ctx) || !items.map((item) => valueType(item, ctx)).some((type) => type.family === 'string' && collatable(type))) return;
  ctx.reportOnce(
    'case-sensitive-order',
    'TR_CASE_SENSITIVE_ORDER',
    at,
    `this object sorts strings (${what}): SQL Server sorts them without regard to case ('apple' before 'Banana'), the target by code point ('Banana' first), so TOP, ROW_NUMBER() and MIN/MAX can pick other rows`,
  );
}

/**
 * The flag that makes a regular expression ignore case for every letter, as the collation
 * does: Java's (Databricks) needs u for letters beyond ASCII (é and É); RE2's (DuckDB) i does it.
 */
export function ignoreCaseFlag(ctx: TranslationContext): string {
  return ctx.target === 'databricks' ? '(?iu)' : '(?i)';
}

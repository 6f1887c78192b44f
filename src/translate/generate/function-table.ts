import type { Expression } from '../../tsql/index.js';
import type { ErrorItem } from '../context.js';
import { castNode, dataTypeNode } from './ast-tools.js';
import { castExpression, CONVERSION_FUNCTIONS, implicitText } from './convert-styles.js';
import { blankDate, DATE_FUNCTIONS, dateLiteral } from './date-functions.js';
import { call, functionName, type FunctionCallSite, type FunctionRule, type FunctionTable, type WrappedCall } from './function-rule.js';
import { untranslated } from './markers.js';
import { collatedComparison, isStringLiteral, noteStringOrder } from './collation.js';
import { ERROR_VARIABLES } from './procedural.js';
import { reportCaseInsensitiveSearch, STRING_FUNCTIONS } from './string-functions.js';
import { SYSTEM_FUNCTIONS } from './system-functions.js';
import { inRowScope, isNumeric, valueType, type ValueType } from './value-types.js';

export { emitterFor, type FunctionCallSite, type FunctionEmitter, type FunctionRule, type WrappedCall } from './function-rule.js';

/**
 * ISNULL(a, b) has the type of a: b is converted to it, so ISNULL(char2col, 'N/A') is 'N/' and
 * ISNULL(intvar, '') is 0. coalesce() takes the wider type; the conversion is done here where
 * the type of a is known.
 */
function isNull(site: FunctionCallSite): string {
  const [firstNode, secondNode] = site.call.args;
  const [first, second] = site.args;
  if (firstNode === undefined || secondNode === undefined) return `coalesce(${site.args.join(', ')})`;
  return `coalesce(${first}, ${convertedTo(valueType(firstNode, site.ctx), secondNode, second!, site)})`;
}

/**
 * COALESCE takes the type of highest precedence among its arguments: with a bit and an int
 * (COALESCE(flag, 1)) that is int, so the bits become numbers, which BOOLEAN is not in the targets.
 */
function coalesce(site: FunctionCallSite): string {
  const types = site.call.args.map((argument) => valueType(argument, site.ctx));
  // Text literals take the type of the other arguments: COALESCE(amount, '') is COALESCE(amount, 0).
  const typed = types.find((type) => type.family !== 'string' && type.family !== 'unknown');
  if (typed !== undefined && site.call.args.some(isStringLiteral)) {
    const args = site.call.args.map((argument, index) => (argument.kind === 'literal' ? convertedTo(typed, argument, site.args[index]!, site) : site.args[index]!));
    return `coalesce(${args.join(', ')})`;
  }
  const numbers = types.some((type) => isNumeric(type) && type.family !== 'bit');
  if (!numbers || !types.some((type) => type.family === 'bit')) return `coalesce(${site.args.join(', ')})`;
  return `coalesce(${site.args.map((text, index) => (types[index]!.family === 'bit' ? `CAST(${text} AS INT)` : text)).join(', ')})`;
}

function convertedTo(type: ValueType, node: Expression, text: string, site: FunctionCallSite): string {
  // A number literal where text goes is its digits: ISNULL(code, 0) is '0'.
  if (type.family === 'string' && node.kind === 'literal' && (node.type === 'integer' || node.type === 'decimal')) {
    return site.ctx.dialect.stringLiteral(type.length === undefined ? node.value : node.value.slice(0, type.length));
  }
  const literal = node.kind === 'literal' && (node.type === 'string' || node.type === 'unicode-string') ? node.value : undefined;
  if (type.family === 'string' && type.length !== undefined) {
    if (literal !== undefined) {
      const cut = literal.slice(0, type.length);
      return site.ctx.dialect.stringLiteral(type.fixed ? cut.padEnd(type.length, ' ') : cut);
    }
    const other = valueType(node, site.ctx);
    if (other.family === 'string' && other.length !== undefined && other.length <= type.length && !type.fixed) return text;
    if (other.family === 'unknown' || other.family === 'string') return `${type.fixed ? 'rpad' : 'left'}(${text}, ${type.length}${type.fixed ? ", ' '" : ''})`;
    return implicitText(node, site.ctx, () => text) ?? text;
  }
  if (node.kind !== 'literal') {
    // ISNULL gives the first argument's type: the replacement is converted to it as CAST
    // converts, not the other way round as coalesce() would (a date with GETDATE() stays a
    // date, text with 0 text, an int with a decimal an int).
    const other = valueType(node, site.ctx);
    const converted =
      (type.family === 'date' && other.family === 'datetime') ||
      (type.family === 'string' && (isNumeric(other) || other.family === 'date' || other.family === 'datetime')) ||
      (type.family === 'integer' && (other.family === 'decimal' || other.family === 'float'));
    if (converted) return castExpression(castNode(node, dataTypeNode(type.family === 'string' ? 'nvarchar' : (type.name ?? type.family), node, type.family === 'string' ? ['max'] : [])), site.ctx, () => text);
  }
  // '' converts to 0 in SQL Server (to 1900-01-01 for a date); a decimal literal is truncated.
  const number = literal !== undefined && /^\s*[-+]?\d*\s*$/.test(literal) ? Number(/\d/.test(literal) ? literal : 0) : undefined;
  if (type.family === 'bit') {
    if (node.kind === 'literal' && node.type === 'integer') return node.value === '0' ? 'false' : 'true';
    if (number !== undefined) return number === 0 ? 'false' : 'true';
  }
  if (type.family === 'integer') {
    if (number !== undefined) return String(number);
    if (node.kind === 'literal' && node.type === 'decimal') return String(Math.trunc(Number(node.value)));
  }
  if ((type.family === 'decimal' || type.family === 'float') && number !== undefined) return String(number);
  if ((type.family === 'date' || type.family === 'datetime') && literal !== undefined) {
    const as = type.family === 'date' ? 'date' : 'timestamp';
    if (literal.trim() === '') return blankDate(as);
    // Text read as a date as SQL Server reads it ('19000101' too), typed for the target.
    return dateLiteral(node as Extract<Expression, { kind: 'literal' }>, site.ctx, as, type.name) ?? text;
  }
  return text;
}

/** MIN and MAX of strings pick by SQL Server's case-blind order there, by code point here. */
const extreme =
  (name: 'min' | 'max') =>
  (site: FunctionCallSite): string => {
    noteStringOrder(site.call, name.toUpperCase(), site.call.args, site.ctx);
    return `${name}(${site.args.join(', ')})`;
  };

/** AVG of integers is an integer in SQL Server (the average truncated); avg() returns a double. */
function average(site: FunctionCallSite): string | WrappedCall {
  const arg = site.call.args[0];
  const type = arg === undefined ? undefined : valueType(arg, site.ctx);
  const core = `avg(${site.args.join(', ')})`;
  if (type?.family !== 'integer') return core;
  // CAST truncates in Databricks; DuckDB's CAST rounds, so it truncates first.
  const integer = type.name === 'bigint' ? 'BIGINT' : 'INT';
  return { core, wrap: (text) => (site.ctx.target === 'databricks' ? `CAST(${text} AS ${integer})` : `CAST(trunc(${text}) AS ${integer})`) };
}

/** POWER has the type of its first argument: POWER(2, -1) is 0 for an integer 2. */
function power(site: FunctionCallSite): string {
  const type = valueType(site.call.args[0]!, site.ctx);
  const text = `power(${site.args.join(', ')})`;
  if (type.family !== 'integer') return text;
  return site.ctx.target === 'databricks' ? `CAST(${text} AS BIGINT)` : `CAST(trunc(${text}) AS BIGINT)`;
}

/** ROUND rounds half away from zero in SQL Server and in both targets; a third argument truncates. */
function round(site: FunctionCallSite): string {
  const mode = site.call.args[2];
  if (mode !== undefined && !(mode.kind === 'literal' && Number(mode.value) === 0)) {
    return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', 'ROUND with a truncation flag: write it with floor/ceil of the scaled value');
  }
  return `round(${site.args.slice(0, 2).join(', ')})`;
}

/** PERCENTILE_CONT(p) WITHIN GROUP (ORDER BY x [DESC]): the same clause in Databricks; DuckDB's quantiles take x and p. */
const percentile =
  (kind: 'cont' | 'disc') =>
  (site: FunctionCallSite): string | WrappedCall => {
    const [key] = site.call.withinGroup;
    if (key === undefined || site.call.withinGroup.length > 1) return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', `PERCENTILE_${kind.toUpperCase()} needs one WITHIN GROUP key`);
    // Databricks orders by a number only (a date or a string key is refused there); SQL Server takes any sortable key.
    const keyType = valueType(key.expression, site.ctx);
    if (site.ctx.target === 'databricks' && kind === 'disc' && !isNumeric(keyType) && keyType.family !== 'unknown') {
      return untranslated(site.call, site.ctx, 'TR_UNSUPPORTED_FUNCTION', `PERCENTILE_DISC over a ${keyType.family} key: Databricks computes it over numbers only; number the rows (row_number() against count(*)) and take the key of the row at the percentile`);
    }
    const value = site.expression(key.expression);
    const ordered = `percentile_${kind}(${site.args[0]}) WITHIN GROUP (ORDER BY ${value}${key.direction === undefined ? '' : ` ${key.direction}`})`;
    // DuckDB takes the ordered-set form as an aggregate only; as a window function, quantile_*
    // with the descending order turned around: 1 - p for the interpolated percentile, the
    // negated values for the discrete one.
    if (site.ctx.target === 'databricks' || site.call.over === undefined) return ordered;
    if (key.direction !== 'DESC') return `quantile_${kind}(${value}, ${site.args[0]})`;
    return kind === 'cont' ? `quantile_cont(${value}, 1 - ${site.args[0]})` : { core: `quantile_disc(-(${value}), ${site.args[0]})`, wrap: (text) => `-${text}` };
  };

function errorItem(site: FunctionCallSite, item: ErrorItem, variable: string): string {
  if (!site.ctx.useErrorItem(item)) return outsideCatch(site, site.call.name.parts.join('.'));
  return site.ctx.dialect.variable(variable);
}

/**
 * An error function outside a CATCH block. In a procedure without a CATCH block of its own it
 * reads the error of the CATCH block that called it (an error-logging or rethrow procedure),
 * which a Databricks procedure cannot see: an error, for a human to pass the error in as
 * arguments. Elsewhere it is NULL.
 */
function outsideCatch(site: FunctionCallSite, name: string): string {
  // A procedure with TRY/CATCH of its own reads NULL after its END CATCH, as in T-SQL.
  if (site.ctx.currentObject !== undefined && !site.ctx.mentions('CATCH')) {
    return untranslated(
      site.call,
      site.ctx,
      'TR_UNSUPPORTED_FUNCTION',
      `${name}() outside a CATCH block reads the error of the CATCH block that called this procedure; a Databricks procedure cannot see its caller's error: add a parameter for it, which the caller's handler passes`,
    );
  }
  site.ctx.report('TR_ERROR_FUNCTION', site.call, `${name}() outside a CATCH block is always NULL`);
  return 'NULL';
}

/**
 * ERROR_SEVERITY() and ERROR_STATE() in a CATCH block: a Databricks handler has neither, but
 * their values there are bounded. A CATCH block only catches errors of severity 11 or more, and
 * the common rethrow, RAISERROR(@message, @severity, @state), must raise again: 16 (the severity
 * of most user errors) and state 1 keep it doing so, where NULL made its IF @severity >= 11
 * false and swallowed the error. Outside a CATCH block both are NULL, as in T-SQL.
 */
function severityOrState(site: FunctionCallSite, name: string, value: string, why: string): string {
  if (!site.ctx.inCatch) return outsideCatch(site, name);
  site.ctx.report('TR_ERROR_FUNCTION', site.call, `${name}() became ${value}: a Databricks handler has no ${why}; code that logs it records ${value}, code that re-raises with it raises again`);
  return value;
}

function noErrorEquivalent(site: FunctionCallSite, name: string): string {
  if (!site.ctx.inCatch) return outsideCatch(site, name);
  site.ctx.report('TR_ERROR_FUNCTION', site.call, `${name}() has no equivalent in a Databricks handler: NULL stands in`);
  return 'NULL';
}

const CORE_FUNCTIONS: FunctionTable = {
  // NULL handling and logic
  ISNULL: isNull,
  COALESCE: coalesce,
  NULLIF: (site) => {
    const [first, second] = site.call.args;
    if (first !== undefined && second !== undefined && collatedComparison(first, second, site.ctx)) {
      // Strings are equal as the comparison = finds them: case and trailing spaces ignored ('  ' is '').
      const equal = site.expression({ kind: 'binary', operator: '=', left: first, right: second, start: site.call.start, end: site.call.end });
      return `CASE WHEN ${equal} THEN NULL ELSE ${site.args[0]} END`;
    }
    if (first !== undefined && second !== undefined && (valueType(first, site.ctx).family === 'string' || valueType(second, site.ctx).family === 'string')) {
      reportCaseInsensitiveSearch(site, second.kind === 'literal' ? second : first, 'NULLIF');
    }
    return `nullif(${site.args.join(', ')})`;
  },
  // IIF is a CASE (its results typed the same way: text beside a date is a date).
  IIF: (site) => {
    const [condition, whenTrue, whenFalse] = site.call.args;
    if (condition === undefined || whenTrue === undefined || whenFalse === undefined) return `CASE WHEN ${site.args[0]} THEN ${site.args[1]} ELSE ${site.args[2]} END`;
    const at = { start: site.call.start, end: site.call.end };
    return site.expression({ kind: 'case', whens: [{ kind: 'case-when', when: condition, then: whenTrue, ...at }], else: whenFalse, ...at });
  },
  CHOOSE: (site) => `CASE ${site.args[0]} ${site.args.slice(1).map((value, index) => `WHEN ${index + 1} THEN ${value}`).join(' ')} END`,

  // numbers
  ABS: call('abs'),
  CEILING: call('ceil'),
  FLOOR: call('floor'),
  ROUND: round,
  POWER: power,
  SQRT: call('sqrt'),
  SQUARE: (site) => `power(${site.args[0]}, 2)`,
  SIGN: call('sign'),
  EXP: call('exp'),
  // LOG(x) is the natural log; LOG(x, base) puts the base second, where log(base, x) puts it first.
  LOG: (site) => (site.args.length === 1 ? `ln(${site.args[0]})` : `log(${site.args[1]}, ${site.args[0]})`),
  LOG10: call('log10'),
  PI: call('pi'),
  SIN: call('sin'),
  COS: call('cos'),
  TAN: call('tan'),
  COT: call('cot'),
  ASIN: call('asin'),
  ACOS: call('acos'),
  ATAN: call('atan'),
  ATN2: call('atan2'),
  DEGREES: call('degrees'),
  RADIANS: call('radians'),
  RAND: {
    databricks: (site) => {
      randPerRow(site);
      return call('rand')(site);
    },
    duckdb: (site) => {
      randPerRow(site);
      if (site.args.length > 0) site.ctx.report('TR_SEMANTIC', site.call, 'RAND(seed): DuckDB random() takes no seed; use setseed() before the query');
      return 'random()';
    },
  },

  // inside CATCH: the handler's GET DIAGNOSTICS fills these variables (statements.ts, tryCatch)
  ERROR_MESSAGE: (site) => errorItem(site, 'MESSAGE_TEXT', ERROR_VARIABLES.MESSAGE_TEXT),
  ERROR_STATE: (site) => severityOrState(site, 'ERROR_STATE', '1', 'state number (its errors carry a SQLSTATE string)'),
  ERROR_LINE: (site) => errorItem(site, 'LINE_NUMBER', ERROR_VARIABLES.LINE_NUMBER),
  ERROR_NUMBER: (site) => noErrorEquivalent(site, 'ERROR_NUMBER'),
  ERROR_SEVERITY: (site) => severityOrState(site, 'ERROR_SEVERITY', '16', 'severity (a CATCH block only sees severities of 11 or more)'),
  ERROR_PROCEDURE: (site) => noErrorEquivalent(site, 'ERROR_PROCEDURE'),

  // aggregates and windows
  COUNT: call('count'),
  COUNT_BIG: call('count'),
  SUM: call('sum'),
  MIN: extreme('min'),
  MAX: extreme('max'),
  AVG: average,
  STDEV: call('stddev_samp'),
  STDEVP: call('stddev_pop'),
  VAR: call('var_samp'),
  VARP: call('var_pop'),
  APPROX_COUNT_DISTINCT: call('approx_count_distinct'),
  GROUPING: call('grouping'),
  GROUPING_ID: call('grouping_id'),
  PERCENTILE_CONT: percentile('cont'),
  PERCENTILE_DISC: percentile('disc'),
  ROW_NUMBER: call('row_number'),
  RANK: call('rank'),
  DENSE_RANK: call('dense_rank'),
  NTILE: call('ntile'),
  LAG: call('lag'),
  LEAD: call('lead'),
  FIRST_VALUE: call('first_value'),
  LAST_VALUE: call('last_value'),
  PERCENT_RANK: call('percent_rank'),
  CUME_DIST: call('cume_dist'),
};

/**
 * T-SQL built-in functions, as a table: a rename or a rule per target. Semantics that differ
 * are written out in the rule with the reason; a function not listed is reported as
 * TR_UNSUPPORTED_FUNCTION (built-ins) or passed on as a user function (schema-qualified).
 */
export const FUNCTIONS: Readonly<Record<string, FunctionRule>> = {
  ...CORE_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...SYSTEM_FUNCTIONS,
};

/** Functions whose rules read their own WITHIN GROUP clause. */
export const WITHIN_GROUP_FUNCTIONS: ReadonlySet<string> = new Set(['STRING_AGG', 'PERCENTILE_CONT', 'PERCENTILE_DISC']);

export { functionName };

/**
 * RAND() in a query over rows: T-SQL draws one value for the whole statement (every row gets
 * the same), the targets draw one per row.
 */
function randPerRow(site: FunctionCallSite): void {
  if (!inRowScope(site.ctx)) return;
  site.ctx.report('TR_SEMANTIC', site.call, 'RAND() is drawn once per statement in T-SQL, so every row got the same value; here each row draws its own: draw it into a variable before the statement where that matters');
}

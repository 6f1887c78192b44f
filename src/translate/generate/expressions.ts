import type { CastExpression, DataType, Expression, FunctionCall, OrderByItem, Query, Span, WindowFrame, WindowSpec } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import { castNode, dataTypeNode } from './ast-tools.js';
import { caseFreeText, caseSensitiveCollated, caseSensitiveCollation, collatedComparison, comparesCaseInsensitively, defaultCollation, collatedOperand, collatedSubject, ignoreCaseFlag, isStringLiteral, noteStringGrouping, noteStringOrder, stringComparison } from './collation.js';
import { castExpression, implicitDateCast, implicitText, textAsDate } from './convert-styles.js';
import { blankDate, dateLiteral, dateValue, isoDateText } from './date-functions.js';
import { emitterFor, FUNCTIONS, WITHIN_GROUP_FUNCTIONS, type FunctionCallSite } from './function-table.js';
import { functionName } from './function-rule.js';
import { untranslated } from './markers.js';
import { catalogExistence, isObjectIdCall, objectExistence } from './object-existence.js';
import { forXmlConcatenation, query } from './queries.js';
import { fullMatchRegex, likeToRegex } from './string-functions.js';
import { noEquivalentReason, systemVariable } from './system-functions.js';
import { nextValue, takenValue } from './sequences.js';
import { systemObjectProblem } from './system-objects.js';
import { decimalResult, declaredType, exactShape, isMoney, isNumeric, valueType, type ValueType } from './value-types.js';

export { untranslated } from './markers.js';
export { isStringValued } from './value-types.js';

type ExpressionHandlers = {
  readonly [K in Expression['kind']]: (node: Extract<Expression, { kind: K }>, ctx: TranslationContext) => string;
};

/** An expression in the target dialect. */
export function expression(node: Expression, ctx: TranslationContext): string {
  const handler = handlers[node.kind] as (node: Expression, ctx: TranslationContext) => string;
  return handler(node, ctx);
}

/**
 * A value stored into a slot of a known T-SQL type (a variable, a column, a parameter default),
 * converted as SQL Server converts it on assignment: bit slots take true/false where T-SQL
 * writes 1/0 (bit became BOOLEAN), date slots a typed literal where T-SQL writes text
 * ('20240131' is not a date to the targets), string slots a literal cut to their length.
 * For the statement writer: DECLARE ... = value, SET, INSERT ... VALUES, parameter defaults.
 */
export function expressionAs(node: Expression, type: DataType | ValueType | undefined, ctx: TranslationContext): string {
  if (type === undefined) return expression(node, ctx);
  const slot = 'kind' in type ? declaredType(type, ctx) : type;
  if (slot.family === 'bit') {
    const literal = bitLiteral(node);
    if (literal !== undefined) return literal;
    // Each result of a CASE goes into the bit itself: CASE WHEN ... THEN 1 ELSE 0 END gives booleans.
    if (node.kind === 'case') return caseExpression(node, ctx, (result) => expressionAs(result, slot, ctx));
    // A number stored into a bit is 1 unless it is 0 (NULL stays NULL); the targets store no number in a BOOLEAN.
    const source = valueType(node, ctx);
    if (isNumeric(source) && source.family !== 'bit') return `${parenthesize(node, expression(node, ctx), '<>', false)} <> 0`;
  }
  // Each result of a CASE goes into the date itself: its text results are dates, literals folded.
  if ((slot.family === 'date' || slot.family === 'datetime') && node.kind === 'case') return caseExpression(node, ctx, (result) => expressionAs(result, type, ctx));
  if ((slot.family === 'date' || slot.family === 'datetime') && node.kind === 'literal') {
    if (node.type === 'string' || node.type === 'unicode-string') return dateLiteral(node, ctx, slot.family === 'date' ? 'date' : 'timestamp', slot.name) ?? expression(node, ctx);
    if (node.type === 'integer') return dateValue(node, ctx, (inner) => expression(inner, ctx), slot.family === 'date' ? 'date' : 'timestamp');
  }
  if (slot.family === 'string' && (slot.name === undefined || slot.name.endsWith('char'))) {
    // A number, bit or date stored into text: SQL Server converts it as CAST does.
    const text = implicitText(node, ctx, (inner) => expression(inner, ctx), 'kind' in type ? type : undefined);
    if (text !== undefined) return text;
    // Text stored into a variable of a declared length is cut to it (char(n) padded), as CAST does.
    if ('kind' in type && slot.length !== undefined) {
      const cast = variableText(node, type, ctx);
      if (cast !== undefined) return castExpression(cast, ctx, (inner) => expression(inner, ctx));
    }
  }
  if (slot.family === 'date' || slot.family === 'datetime') {
    // Text stored into a date: SQL Server converts it.
    const date = textAsDate(node, slot.family, ctx, (inner) => expression(inner, ctx));
    if (date !== undefined) return date;
  }
  if (
    slot.family === 'string' &&
    slot.length !== undefined &&
    isStringLiteral(node) &&
    (node.value.length > slot.length || (slot.fixed === true && node.value.length < slot.length))
  ) {
    const cut = node.value.slice(0, slot.length);
    return ctx.dialect.stringLiteral(slot.fixed ? cut.padEnd(slot.length, ' ') : cut);
  }
  if (slot.family === 'integer' && ctx.target === 'duckdb') {
    // A decimal or float stored into an integer is truncated by SQL Server and Databricks (2.7
    // is 2), rounded by DuckDB; money is rounded by SQL Server too.
    const source = valueType(node, ctx);
    if ((source.family === 'decimal' && !isMoney(source)) || source.family === 'float') return `trunc(${expression(node, ctx)})`;
  }
  return expression(node, ctx);
}

/**
 * The CAST SQL Server applies to a value (not a literal) stored into a string variable of
 * declared type `type`: a number, bit or date becomes text as CAST writes it; text is cut to a
 * varchar(n)'s n characters, a char(n) padded to n, silently (into a column, too long a value is
 * an error instead). Undefined where nothing changes.
 */
export function variableText(node: Expression, type: DataType, ctx: TranslationContext): CastExpression | undefined {
  const slot = declaredType(type, ctx);
  if (slot.family !== 'string' || node.kind === 'literal') return undefined;
  const source = valueType(node, ctx);
  const cast = castNode(node, type);
  // A number, bit or date is written as CAST writes it (a bit as 1 or 0, a datetime in style 0).
  if (isNumeric(source) || source.family === 'date' || source.family === 'datetime') return cast;
  if (source.family !== 'string' || slot.length === undefined) return undefined;
  const fits = source.length !== undefined && (slot.fixed === true ? source.fixed === true && source.length === slot.length : source.length <= slot.length);
  return fits ? undefined : cast;
}

/** The date family of a CASE whose results mix dates with text, or undefined. */
function dateResult(node: Extract<Expression, { kind: 'case' }>, ctx: TranslationContext): 'date' | 'datetime' | undefined {
  const results = [...node.whens.map((when) => when.then), ...(node.else === undefined ? [] : [node.else])];
  const families = results.map((result) => valueType(result, ctx).family);
  if (!families.includes('string')) return undefined;
  return families.includes('datetime') ? 'datetime' : families.includes('date') ? 'date' : undefined;
}

/** Text where SQL Server converts it to a date implicitly: CAST as it converts it (a literal folds into a date literal). */
export function asDate(node: Expression, family: 'date' | 'datetime', ctx: TranslationContext): Expression {
  if (isStringLiteral(node)) return castNode(node, dataTypeNode(family, node));
  return implicitDateCast(node, family, ctx) ?? node;
}

/** A CASE, its results written by `result` (converted to a slot's type, for one). */
function caseExpression(node: Extract<Expression, { kind: 'case' }>, ctx: TranslationContext, result: (value: Expression) => string): string {
  const operandNode = node.operand;
  const operandType = operandNode === undefined ? undefined : valueType(operandNode, ctx);
  const collated = operandNode !== undefined && node.whens.some((when) => collatedComparison(operandNode, when.when, ctx));
  if (operandNode !== undefined && !collated) node.whens.forEach((when) => checkComparison(when, operandNode, when.when, ctx));
  const onValues = operandType !== undefined && valuesTakeCollation(operandType, node.whens.map((when) => when.when));
  const operand =
    operandNode === undefined || operandType === undefined
      ? ''
      : ` ${collated ? collatedOperand(operandNode, asTextWhereUnknown(operandNode, expression(operandNode, ctx), operandType, !onValues, ctx), !onValues, ctx) : expression(operandNode, ctx)}`;
  const whenText = (value: Expression) =>
    operandNode === undefined || operandType === undefined ? expression(value, ctx) : listOperand(operandNode, value, comparand(value, operandType, ctx), collated, onValues, ctx);
  const whens = node.whens.map((when) => ` WHEN ${whenText(when.when)} THEN ${result(when.then)}`).join('');
  const otherwise = node.else === undefined ? '' : ` ELSE ${result(node.else)}`;
  return `CASE${operand}${whens}${otherwise} END`;
}

const COMPARISONS: Readonly<Record<string, string>> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '>': '>', '<=': '<=', '>=': '>=', '!<': '>=', '!>': '<=' };

const handlers: ExpressionHandlers = {
  literal(node, ctx) {
    switch (node.type) {
      case 'string':
      case 'unicode-string':
        return ctx.dialect.stringLiteral(node.value);
      case 'integer':
      case 'decimal':
      case 'float':
        return node.text;
      case 'money':
        return node.text.replace(/^\$/, '');
      case 'binary':
        return `unhex('${node.text.slice(2)}')`;
      case 'null':
        return 'NULL';
      default: {
        const unknown: never = node.type;
        return String(unknown);
      }
    }
  },

  variable(node, ctx) {
    return ctx.dialect.variable(ctx.variableName(node.name));
  },

  'system-variable'(node, ctx) {
    return systemVariable(node, ctx);
  },

  'column-ref'(node, ctx) {
    return qualifiedParts(node.parts, ctx);
  },

  star(node, ctx) {
    return qualifiedParts([...node.qualifier, '*'], ctx);
  },

  unary(node, ctx) {
    const inner = expression(node.operand, ctx);
    const wrapped = node.operand.kind === 'binary' ? `(${inner})` : inner;
    if (node.operator === 'NOT') return `NOT ${wrapped}`;
    if (node.operator === '+') return wrapped;
    return `${node.operator}${wrapped}`;
  },

  binary(node, ctx) {
    if (COMPARISONS[node.operator] !== undefined) return comparison(node, ctx);
    switch (node.operator) {
      case '+':
        return plus(node, ctx);
      case '-':
        return minus(node, ctx);
      case '/':
        return divide(node, ctx);
      case '*': {
        const [left, right] = operands(node, ctx);
        // money times money (or an integer) is money: SQL Server rounds the product to 4 decimals.
        return isMoney(valueType(node, ctx)) ? `CAST(${left} * ${right} AS ${ctx.dialect.dataType(MONEY).text})` : `${left} * ${right}`;
      }
      case '^': {
        const [left, right] = operands(node, ctx);
        return ctx.target === 'duckdb' ? `xor(${left}, ${right})` : `${left} ^ ${right}`;
      }
      default: {
        const [left, right] = operands(node, ctx);
        return `${left} ${node.operator} ${right}`;
      }
    }
  },

  'is-null'(node, ctx) {
    // OBJECT_ID(name) IS [NOT] NULL asks whether an object exists: the targets' catalogs say.
    if (isObjectIdCall(node.expression)) return objectExistence(node, node.expression, node.not, ctx);
    return `${wrapComparand(node.expression, ctx)} IS ${node.not ? 'NOT ' : ''}NULL`;
  },

  in(node, ctx) {
    if (node.query === undefined) {
      const type = valueType(node.expression, ctx);
      const collated = node.values.some((value) => collatedComparison(node.expression, value, ctx));
      if (!collated) node.values.forEach((value) => checkComparison(node, node.expression, value, ctx));
      const onValues = valuesTakeCollation(type, node.values);
      const list = node.values.map((value) => listOperand(node.expression, value, comparand(value, type, ctx), collated, onValues, ctx)).join(', ');
      const subject = collated ? collatedOperand(node.expression, asTextWhereUnknown(node.expression, wrapComparand(node.expression, ctx), type, !onValues, ctx), !onValues, ctx) : wrapComparand(node.expression, ctx);
      return `${subject} ${node.not ? 'NOT ' : ''}IN (${list})`;
    }
    noteSubqueryComparison(node, node.expression, ctx);
    return `${wrapComparand(node.expression, ctx)} ${node.not ? 'NOT ' : ''}IN (${query(node.query, ctx)})`;
  },

  between(node, ctx) {
    const type = valueType(node.expression, ctx);
    const collated = collatedComparison(node.expression, node.low, ctx) || collatedComparison(node.expression, node.high, ctx);
    if (!collated) checkComparison(node, node.expression, node.low, ctx);
    const onValues = valuesTakeCollation(type, [node.low, node.high]);
    const bound = (value: Expression) => listOperand(node.expression, value, comparand(value, type, ctx), collated, onValues, ctx);
    const subject = collated ? collatedOperand(node.expression, asTextWhereUnknown(node.expression, wrapComparand(node.expression, ctx), type, !onValues, ctx), !onValues, ctx) : wrapComparand(node.expression, ctx);
    return `${subject} ${node.not ? 'NOT ' : ''}BETWEEN ${bound(node.low)} AND ${bound(node.high)}`;
  },

  /**
   * LIKE. Under a case-insensitive collation SQL Server matches regardless of case and ignores
   * trailing spaces of the matched value (not of the pattern): rtrim(x) ILIKE pattern, in both
   * targets (Databricks' LIKE keeps trailing spaces significant even under an RTRIM collation).
   */
  like(node, ctx) {
    // A case-sensitive COLLATE on either side: matched telling case apart, trailing spaces still ignored.
    const caseSensitive = caseSensitiveCollated(node.expression, node.pattern);
    const pattern = node.pattern.kind === 'collate' ? node.pattern.expression : node.pattern;
    const literal = isStringLiteral(pattern) ? pattern : undefined;
    const subjectType = valueType(node.expression, ctx);
    const collated = !caseSensitive && collatedSubject(subjectType, ctx) && (literal === undefined || !caseFreeText(literal.value));
    const subject = collated || caseSensitive ? `rtrim(${expression(node.expression, ctx)})` : wrapComparand(node.expression, ctx);
    if (!collated && !caseSensitive && (literal === undefined || !caseFreeText(literal.value))) {
      ctx.reportOnce('case-insensitive', 'TR_CASE_INSENSITIVE', node, 'this object compares strings (LIKE); SQL Server ignores case and trailing spaces in comparisons by default, Databricks does not');
    }
    if (literal === undefined) {
      ctx.reportOnce(
        'like-dynamic',
        'TR_SEMANTIC',
        pattern,
        `this object builds LIKE patterns at run time: [...] character classes in them are literal text in the target${ctx.target === 'databricks' && node.escape === undefined ? ", and a backslash escapes the character after it (T-SQL's LIKE has no escape character unless ESCAPE names one)" : ''}`,
      );
    } else if (/\[[^\]]+\]/.test(literal.value)) {
      // [a-z] character classes are T-SQL only: the pattern becomes a regular expression.
      const escape = node.escape?.kind === 'literal' ? node.escape.value : undefined;
      if (node.escape !== undefined && escape === undefined) return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', 'a LIKE pattern with [...] classes and an ESCAPE that is not a literal');
      const parsed = likeToRegex(literal.value, escape);
      if (parsed === undefined) return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', 'a LIKE pattern with an unclosed [ character class');
      const regex = ctx.dialect.stringLiteral(`${collated ? ignoreCaseFlag(ctx) : ''}${fullMatchRegex(parsed)}`);
      const match = ctx.target === 'databricks' ? `${subject} RLIKE ${regex}` : `regexp_matches(${subject}, ${regex})`;
      return node.not ? `NOT (${match})` : match;
    }
    const escape = node.escape === undefined ? '' : ` ESCAPE ${expression(node.escape, ctx)}`;
    // Databricks' LIKE escapes with a backslash by default; in T-SQL it is an ordinary character.
    const patternText =
      literal !== undefined && node.escape === undefined && ctx.target === 'databricks' && literal.value.includes('\\')
        ? ctx.dialect.stringLiteral(literal.value.replace(/\\/g, '\\\\'))
        : expression(pattern, ctx);
    return `${subject} ${node.not ? 'NOT ' : ''}${collated ? 'ILIKE' : 'LIKE'} ${patternText}${escape}`;
  },

  exists(node, ctx) {
    // EXISTS (SELECT 1 FROM sys.tables WHERE name = ...): whether an object exists, asked of the target's catalog.
    return catalogExistence(node.query, ctx) ?? `EXISTS (${query(existenceQuery(node.query), ctx)})`;
  },

  /** = ANY (subquery) is IN, <> ALL is NOT IN, with the same NULL rules; other forms stay. */
  'quantified-comparison'(node, ctx) {
    const operator = COMPARISONS[node.operator];
    noteSubqueryComparison(node, node.left, ctx);
    if (operator === '=' && node.quantifier !== 'ALL') return `${wrapComparand(node.left, ctx)} IN (${query(node.query, ctx)})`;
    if (operator === '<>' && node.quantifier === 'ALL') return `${wrapComparand(node.left, ctx)} NOT IN (${query(node.query, ctx)})`;
    return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', `${node.operator} ${node.quantifier} (subquery) comparisons: rewrite with EXISTS or an aggregate`);
  },

  subquery(node, ctx) {
    return forXmlConcatenation(node.query, false, ctx) ?? `(${query(node.query, ctx)})`;
  },

  case(node, ctx) {
    // CASE takes the type of highest precedence among its results: text beside a date is read
    // as a date ('19000101', '1/1/1900'), which the targets refuse to cast by themselves.
    const family = dateResult(node, ctx);
    return caseExpression(node, ctx, (result) => expression(family === undefined ? result : asDate(result, family, ctx), ctx));
  },

  cast(node, ctx) {
    return castExpression(node, ctx, (inner) => expression(inner, ctx));
  },

  convert(node, ctx) {
    return castExpression(node, ctx, (inner) => expression(inner, ctx));
  },

  parse(node, ctx) {
    return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', 'PARSE uses .NET culture rules: rewrite with to_date, to_timestamp or a cast');
  },

  collate(node, ctx) {
    if (caseSensitiveCollation(node.collation)) {
      ctx.report('TR_SEMANTIC', node, `COLLATE ${node.collation}: case is told apart, as the collation asks; in a comparison (=, <>, IN) trailing spaces now count, which SQL Server ignored`);
    } else if (defaultCollation(node.collation) && comparesCaseInsensitively(ctx)) {
      ctx.report('TR_HINT_DROPPED', node, `COLLATE ${node.collation} dropped: the comparison ignores case and trailing spaces, as the translation's other string comparisons do`);
    } else {
      ctx.report('TR_SEMANTIC', node, `COLLATE ${node.collation} was dropped: check the comparison's case and accent rules`);
    }
    return expression(node.expression, ctx);
  },

  'at-time-zone'(node, ctx) {
    return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', 'AT TIME ZONE uses Windows time zone names: rewrite with from_utc_timestamp / to_utc_timestamp');
  },

  'function-call'(node, ctx) {
    return functionCall(node, ctx);
  },

  'method-call'(node, ctx) {
    // (SELECT ... FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)'): the concatenation idiom, unescaped.
    if (node.target.kind === 'subquery' && node.method.toLowerCase() === 'value' && node.args[0]?.kind === 'literal' && node.args[0].value === '.') {
      const concatenated = forXmlConcatenation(node.target.query, true, ctx);
      if (concatenated !== undefined) return concatenated;
    }
    return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', `the .${node.method}() method of an xml or CLR value has no equivalent`);
  },

  property(node, ctx) {
    return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', `the .${node.name} property of a CLR value has no equivalent`);
  },

  'static-method-call'(node, ctx) {
    return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', `${node.type.parts.join('.')}::${node.method}() has no equivalent`);
  },

  'next-value-for'(node, ctx) {
    if (ctx.target === 'duckdb') return nextValue(node.sequence, ctx);
    const taken = takenValue(node, ctx);
    if (taken !== undefined) return taken;
    return untranslated(
      node,
      ctx,
      'TR_UNSUPPORTED_EXPRESSION',
      node.over === undefined
        ? 'NEXT VALUE FOR that takes a value for each row (of a query, an UPDATE or a column default): Databricks has no sequences, and lakeshift takes values ahead of SET, DECLARE, SELECT @v =, INSERT ... VALUES and INSERT ... SELECT only; take the values in one of those'
        : 'NEXT VALUE FOR ... OVER (ORDER BY ...): Databricks has no sequences; number the rows with row_number() and take a block of values first',
    );
  },

  'odbc-escape'(node, ctx) {
    switch (node.escape) {
      case 'd':
        return `DATE ${expression(node.body, ctx)}`;
      case 'ts':
        return `TIMESTAMP ${expression(node.body, ctx)}`;
      case 'fn':
        return expression(node.body, ctx);
      default:
        return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', `the ODBC escape {${node.escape} ...} has no equivalent`);
    }
  },

  default() {
    return 'DEFAULT';
  },
};

// ---------------------------------------------------------------------------------------------
// operators

/**
 * Precedence of binary operators (higher binds tighter). The syntax tree keeps no parentheses,
 * so they are written back wherever the tree's shape needs them: a child that binds less
 * tightly than its parent, or as tightly on the right (operators group left to right). Bitwise
 * operators always get them, since the targets rank &, ^ and | differently from T-SQL.
 */
const PRECEDENCE: Readonly<Record<string, number>> = {
  OR: 1,
  AND: 2,
  '=': 4, '<>': 4, '!=': 4, '<': 4, '>': 4, '<=': 4, '>=': 4, '!<': 4, '!>': 4,
  '&': 5, '^': 5, '|': 5,
  '+': 6, '-': 6,
  '*': 7, '/': 7, '%': 7,
};

function parenthesize(child: Expression, text: string, parentOperator: string, right: boolean): string {
  if (child.kind !== 'binary') {
    // IS NULL, IN, BETWEEN and LIKE bind like comparisons.
    const comparisonLike = child.kind === 'is-null' || child.kind === 'in' || child.kind === 'between' || child.kind === 'like';
    return comparisonLike && (PRECEDENCE[parentOperator] ?? 0) >= 4 ? `(${text})` : text;
  }
  const inner = PRECEDENCE[child.operator] ?? 0;
  const outer = PRECEDENCE[parentOperator] ?? 0;
  const bitwise = inner === 5 || outer === 5;
  // A translated child may no longer be the operator it was (a division became `div`, a date
  // sum a function call): parenthesise whenever its text is not a plain call or name.
  return inner < outer || (inner === outer && right) || (bitwise && inner !== outer) || (outer > inner && /\sdiv\s|\/\//.test(text)) ? `(${text})` : text;
}

function operands(node: Extract<Expression, { kind: 'binary' }>, ctx: TranslationContext, operator: string = node.operator): [string, string] {
  // Left first: the diagnostics come in the order of the text.
  const left = parenthesize(node.left, arithmeticOperand(node.left, ctx), operator, false);
  const right = parenthesize(node.right, arithmeticOperand(node.right, ctx), operator, true);
  return [left, node.operator === '/' && dividesToNull(node.right, ctx) ? `nullif(${right}, 0)` : right];
}

/**
 * After SET ANSI_WARNINGS OFF (ctx.nullOnDivideByZero) a division by zero is NULL in SQL
 * Server, where Databricks raises: the divisor becomes NULL where it is zero. DuckDB's division
 * by zero is NULL already; a non-zero literal divisor needs nothing.
 */
function dividesToNull(divisor: Expression, ctx: TranslationContext): boolean {
  if (!ctx.nullOnDivideByZero || ctx.target !== 'databricks') return false;
  return !(divisor.kind === 'literal' && (divisor.type === 'integer' || divisor.type === 'decimal') && Number(divisor.value) !== 0);
}

/**
 * An operand of arithmetic. A bit is a number in T-SQL (flag + 0, 1 - flag, flag * amount) and
 * a BOOLEAN in the targets, which do no arithmetic on it: it is cast to INT, as T-SQL's result
 * (int, by type precedence) is.
 */
function arithmeticOperand(node: Expression, ctx: TranslationContext): string {
  const text = expression(node, ctx);
  return valueType(node, ctx).family === 'bit' ? `CAST(${text} AS INT)` : text;
}

/**
 * `+` adds numbers and concatenates strings in T-SQL. `||` concatenates in both targets and,
 * like T-SQL's `+` with CONCAT_NULL_YIELDS_NULL on, gives NULL when either side is NULL. A
 * datetime plus a number adds days. A string and a number add: T-SQL converts the string.
 */
function plus(node: Extract<Expression, { kind: 'binary' }>, ctx: TranslationContext): string {
  const left = valueType(node.left, ctx);
  const right = valueType(node.right, ctx);
  if (left.family === 'datetime' && isNumeric(right)) return addDays(node.left, node.right, false, ctx);
  if (right.family === 'datetime' && isNumeric(left)) return addDays(node.right, node.left, false, ctx);
  if (left.family === 'datetime' && right.family === 'string') return addDatetimeText(node, node.left, node.right, ctx);
  if (right.family === 'datetime' && left.family === 'string') return addDatetimeText(node, node.right, node.left, ctx);
  const [leftText, rightText] = operands(node, ctx);
  const stringSide = left.family === 'string' || right.family === 'string';
  if (stringSide && (isNumeric(left) || isNumeric(right))) {
    const stringNode = left.family === 'string' ? node.left : node.right;
    const which = stringNode.kind === 'literal' ? ` '${stringNode.value}'` : '';
    ctx.report('TR_SEMANTIC', node, `\`+\` of a string and a number is an addition in T-SQL: the string${which} is converted to a number (an error if it is not one)`);
    const numberType = isNumeric(left) ? left : right;
    const target = numberType.family === 'integer' || numberType.family === 'bit' ? 'BIGINT' : numberType.family === 'float' ? 'DOUBLE' : 'DECIMAL(38,10)';
    return left.family === 'string' ? `CAST(${leftText} AS ${target}) + ${rightText}` : `${leftText} + CAST(${rightText} AS ${target})`;
  }
  if (stringSide) return `${leftText} || ${rightText}`;
  // A number on one side makes it an addition whatever the other is (T-SQL converts text to the number).
  const numberSide = isNumeric(left) || isNumeric(right) || numberByForm(node.left) || numberByForm(node.right);
  if (!numberSide) ctx.report('TR_STRING_CONCAT_UNTYPED', node, 'the types of this `+` are not known: it was kept as addition; if it joins strings, use ||');
  return `${leftText} + ${rightText}`;
}

/** Whether a value is a number whatever the types of what it reads: SUM(...), COUNT(*), a - b, a * b, a / b. */
function numberByForm(node: Expression): boolean {
  if (node.kind === 'binary') return ['-', '*', '/', '%'].includes(node.operator);
  if (node.kind === 'unary') return node.operator === '-';
  return node.kind === 'function-call' && node.over === undefined && node.name.parts.length === 1 && ['SUM', 'AVG', 'COUNT', 'COUNT_BIG', 'STDEV', 'STDEVP', 'VAR', 'VARP'].includes(node.name.parts[0]!.toUpperCase());
}

function minus(node: Extract<Expression, { kind: 'binary' }>, ctx: TranslationContext): string {
  const left = valueType(node.left, ctx);
  const right = valueType(node.right, ctx);
  if (left.family === 'datetime' && isNumeric(right)) return addDays(node.left, node.right, true, ctx);
  if (left.family === 'datetime' && (right.family === 'datetime' || right.family === 'date')) {
    ctx.report('TR_SEMANTIC', node, 'a datetime minus a datetime is a datetime after 1900-01-01 in T-SQL, an interval here: use DATEDIFF');
  }
  const [leftText, rightText] = operands(node, ctx);
  return `${leftText} - ${rightText}`;
}

/**
 * datetime + 'text': T-SQL converts the text to a datetime (a time alone is that time on
 * 1900-01-01, day 0) and adds it, so `@end + ' 23:59'` is 23:59 on @end's day. A literal is
 * converted here, to the microseconds it adds; text known only at run time is not translated.
 */
function addDatetimeText(node: Expression, date: Expression, text: Expression, ctx: TranslationContext): string {
  const micros = text.kind === 'literal' ? datetimeLiteralMicros(text.value) : undefined;
  if (micros === undefined) {
    const what = text.kind === 'literal' ? `'${text.value}' is not a date or time lakeshift can read` : 'the text is known only at run time';
    return untranslated(node, ctx, 'TR_UNSUPPORTED_EXPRESSION', `a datetime plus a string adds the string read as a datetime (days and time since 1900-01-01) in T-SQL; ${what}: add an INTERVAL instead`);
  }
  const dateText = dateValue(date, ctx, (inner) => expression(inner, ctx));
  return ctx.target === 'databricks' ? `timestampadd(MICROSECOND, ${micros}, ${dateText})` : `${dateText} + INTERVAL (${micros}) MICROSECOND`;
}

/** Microseconds since 1900-01-01 of a datetime literal as T-SQL reads one: a date, a time or both (ISO, yyyymmdd, AM/PM). */
function datetimeLiteralMicros(text: string): bigint | undefined {
  const match = /^\s*(?:(\d{4})-?(\d{2})-?(\d{2}))?(?:(?:\s+|T|^)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(AM|PM)?)?\s*$/i.exec(text);
  if (match === null || (match[1] === undefined && match[4] === undefined)) return undefined;
  const [, year, month, day, hourText, minute, second, fraction, meridiem] = match;
  let days = 0n;
  if (year !== undefined) {
    const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
    const check = new Date(time);
    if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return undefined;
    days = BigInt(Math.round((time - Date.UTC(1900, 0, 1)) / 86_400_000));
  }
  let hour = hourText === undefined ? 0 : Number(hourText);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
  }
  if (hour > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) return undefined;
  const millis = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  const seconds = BigInt(hour * 3600 + Number(minute ?? 0) * 60 + Number(second ?? 0));
  return (days * 86_400n + seconds) * 1_000_000n + BigInt(millis) * 1000n;
}

/** datetime + n is n days later (fractions are parts of a day) in T-SQL. */
function addDays(date: Expression, days: Expression, subtract: boolean, ctx: TranslationContext): string {
  const dateText = dateValue(date, ctx, (inner) => expression(inner, ctx));
  const dayType = valueType(days, ctx);
  let amount = expression(days, ctx);
  if (days.kind === 'binary' || days.kind === 'unary') amount = `(${amount})`;
  if (subtract) amount = `-${amount}`;
  if (dayType.family === 'integer' || dayType.family === 'bit') {
    return ctx.target === 'databricks' ? `timestampadd(DAY, ${amount}, ${dateText})` : `${dateText} + INTERVAL (${amount}) DAY`;
  }
  const micros = `CAST(round(${amount} * 86400000000) AS BIGINT)`;
  return ctx.target === 'databricks' ? `timestampadd(MICROSECOND, ${micros}, ${dateText})` : `${dateText} + INTERVAL (${micros}) MICROSECOND`;
}

/**
 * `/` of two integers is integer division in T-SQL (7 / 2 = 3, truncated towards zero); in
 * Databricks `/` always returns a fraction and `div` truncates, to a BIGINT, whatever its
 * operands are (-5.9 div 1 is -5). DuckDB's `//` truncates only integers: of a DECIMAL or a
 * DOUBLE it is `/` (7.5 // 2 is 3.75). So the rehearsal truncates too, unless both operands are
 * integers there whatever lakeshift inferred: where it took a decimal column for an int,
 * Databricks truncates, and so must the rehearsal.
 */
function divide(node: Extract<Expression, { kind: 'binary' }>, ctx: TranslationContext): string {
  const left = valueType(node.left, ctx);
  const right = valueType(node.right, ctx);
  const integer = (type: ValueType) => type.family === 'integer' || type.family === 'bit';
  if (integer(left) && integer(right)) {
    const [leftText, rightText] = operands(node, ctx);
    if (ctx.target === 'databricks') return `${leftText} div ${rightText}`;
    return surelyInteger(node.left) && surelyInteger(node.right) ? `${leftText} // ${rightText}` : `CAST(trunc(${leftText} // ${rightText}) AS BIGINT)`;
  }
  if (isMoney(valueType(node, ctx))) return moneyQuotient(node, left, right, ctx);
  const exact = exactDecimalDivision(node, left, right, ctx);
  if (exact !== undefined) return exact;
  if ((integer(left) && right.family === 'unknown') || (integer(right) && left.family === 'unknown')) {
    ctx.reportOnce(
      `integer-division:${node.start}`,
      'TR_SEMANTIC',
      node,
      'a division by or of an integer whose other side has an unknown type: if both are integers, T-SQL truncates the result (7 / 2 = 3) and `/` here does not; use div',
    );
  }
  const [leftText, rightText] = operands(node, ctx);
  return `${leftText} / ${rightText}`;
}

/** Built-ins whose DuckDB translation is an integer whatever their arguments. */
const INTEGER_BUILT_INS: ReadonlySet<string> = new Set(['COUNT', 'COUNT_BIG', 'LEN', 'DATALENGTH', 'CHARINDEX', 'ROW_NUMBER', 'RANK', 'DENSE_RANK', 'NTILE', 'DATEPART', 'DATEDIFF', 'DATEDIFF_BIG', 'YEAR', 'MONTH', 'DAY']);

/**
 * Whether an integer-typed operand is an integer on DuckDB by its form, not by a type lakeshift
 * inferred (a column's type comes from an inventory that may be wrong; FLOOR of an int is a
 * DOUBLE there): a literal, a CAST to an integer type, a built-in counting something, and
 * arithmetic of these.
 */
function surelyInteger(node: Expression): boolean {
  switch (node.kind) {
    case 'literal':
      return node.type === 'integer';
    case 'cast':
    case 'convert':
      return ['int', 'integer', 'bigint', 'smallint', 'tinyint'].includes((node.type.name.parts.at(-1) ?? '').toLowerCase());
    case 'unary':
      return node.operator === '-' && surelyInteger(node.operand);
    case 'binary':
      return ['+', '-', '*', '/', '%'].includes(node.operator) && surelyInteger(node.left) && surelyInteger(node.right);
    case 'function-call':
      return node.name.parts.length === 1 && INTEGER_BUILT_INS.has(functionName(node));
    default:
      return false;
  }
}

const MONEY: DataType = dataTypeNode('money', { start: 0, end: 0 });

/**
 * money divided by money or an integer is money, the quotient truncated at 4 decimals
 * ($1 / $3 * $3 = 0.9999). DuckDB divides exactly at that scale; Databricks counts the
 * quotient in ten-thousandths, which casting to BIGINT truncates (money is a 64-bit count of
 * ten-thousandths, so it fits).
 */
function moneyQuotient(node: Extract<Expression, { kind: 'binary' }>, left: ValueType, right: ValueType, ctx: TranslationContext): string {
  const [dividend, divisor] = operands(node, ctx);
  const money = ctx.dialect.dataType(MONEY).text;
  const divideExactly = ctx.dialect.exactDivision;
  const dividendShape = exactShape(left);
  const divisorShape = exactShape(right);
  if (divideExactly !== undefined && dividendShape !== undefined && divisorShape !== undefined) {
    return `CAST(${divideExactly({ dividend, dividendScale: dividendShape.scale, divisor, divisorScale: divisorShape.scale, scale: 4 })} AS ${money})`;
  }
  return `CAST(CAST(CAST(${dividend} / ${divisor} * 10000 AS BIGINT) AS DECIMAL(19,0)) / 10000 AS ${money})`;
}

/**
 * A decimal divided by a decimal or an integer (which takes part as decimal(p,0)) is exact in
 * SQL Server: the quotient truncated at max(6, s1 + p2 + 1) decimals (fewer beyond precision
 * 38). The dialect divides so where its `/` would not; money with money or an integer is money,
 * and an operand whose precision is not known keeps the plain `/`.
 */
function exactDecimalDivision(node: Extract<Expression, { kind: 'binary' }>, left: ValueType, right: ValueType, ctx: TranslationContext): string | undefined {
  const divideExactly = ctx.dialect.exactDivision;
  if (divideExactly === undefined) return undefined;
  const exact = (type: ValueType) => type.family === 'integer' || type.family === 'decimal';
  if (!exact(left) || !exact(right) || isMoney(valueType(node, ctx))) return undefined;
  const dividend = exactShape(left);
  const divisor = exactShape(right);
  if (dividend === undefined || divisor === undefined) return undefined;
  const [dividendText, divisorText] = operands(node, ctx);
  const { scale } = decimalResult('/', dividend, divisor);
  return divideExactly({ dividend: dividendText, dividendScale: dividend.scale, divisor: divisorText, divisorScale: divisor.scale, scale });
}

// ---------------------------------------------------------------------------------------------
// comparisons

/**
 * A comparison. Of strings under a case-insensitive collation (translate.collation), both sides
 * compare as SQL Server's collation compares them: case and trailing spaces ignored.
 */
function comparison(node: Extract<Expression, { kind: 'binary' }>, ctx: TranslationContext): string {
  const operator = COMPARISONS[node.operator]!;
  // Both sides' types are read once here, for each of the checks below.
  const leftType = valueType(node.left, ctx);
  const rightType = valueType(node.right, ctx);
  const types = [leftType, rightType] as const;
  const collated = collatedComparison(node.left, node.right, ctx, types);
  if (!collated) checkComparison(node, node.left, node.right, ctx, types);
  let leftText = comparand(node.left, rightType, ctx);
  let rightText = comparand(node.right, leftType, ctx);
  if (collated) {
    // A collation makes its operand text: it goes to a side known to be a string rather than
    // to one of unknown type compared with a computed string (a DateKey column compared with
    // CONVERT(varchar(8), d, 112) may be an INT). Against a literal with letters, the other
    // side is text anyway.
    const leftFirst = leftType.family !== 'unknown' || rightType.family === 'unknown' || isStringLiteral(node.right);
    leftText = collatedOperand(node.left, asTextWhereUnknown(node.left, leftText, leftType, isStringLiteral(node.right), ctx), leftFirst, ctx);
    rightText = collatedOperand(node.right, asTextWhereUnknown(node.right, rightText, rightType, isStringLiteral(node.left), ctx), !leftFirst, ctx);
  }
  return `${parenthesize(node.left, leftText, node.operator, false)} ${operator} ${parenthesize(node.right, rightText, node.operator, true)}`;
}

/**
 * A value of unknown type compared with a computed string, where the dialect folds both sides
 * (DuckDB's lower(rtrim(...))): it is made text first, since it may be a number, which
 * rtrim() does not take. Against a string literal with letters it is text already.
 */
function asTextWhereUnknown(node: Expression, text: string, type: ValueType, againstLiteral: boolean, ctx: TranslationContext): string {
  if (type.family !== 'unknown' || againstLiteral || ctx.dialect.caseInsensitiveStrings.kind !== 'fold') return text;
  return `CAST(${text} AS ${ctx.dialect.dataType(dataTypeNode('varchar', node, ['max'])).text})`;
}

/** IN (subquery) and = ANY (subquery) of strings keep the target's comparison: the object gets a warning. */
function noteSubqueryComparison(at: Span, subject: Expression, ctx: TranslationContext): void {
  const type = valueType(subject, ctx);
  if (type.family !== 'string' || !collatedSubject(type, ctx)) return;
  ctx.reportOnce(
    'case-insensitive',
    'TR_CASE_INSENSITIVE',
    at,
    "this object compares strings with a subquery (IN, ANY, ALL), which keeps the target's case-sensitive comparison: SQL Server ignores case and trailing spaces; compare lower(rtrim()) of both sides where that matters",
  );
}

/**
 * A value an IN list, BETWEEN or simple CASE compares `subject` with, when the comparison ignores
 * case (`collated`): string literals and strings compared as strings take part; a value of
 * another type in the same list stays as it is.
 */
function listOperand(subject: Expression, value: Expression, text: string, collated: boolean, onValues: boolean, ctx: TranslationContext): string {
  return collated && (isStringLiteral(value) || collatedComparison(subject, value, ctx)) ? collatedOperand(value, text, onValues, ctx) : text;
}

/**
 * Whether the values a subject is compared with (IN, BETWEEN, CASE x WHEN) carry the collation
 * rather than the subject, as comparison() decides for two sides: when the subject's type is
 * unknown and no string literal makes it text, since a collation would make text of a subject
 * that may be a number (a DateKey INT compared with CONVERT(varchar(8), d, 112)).
 */
function valuesTakeCollation(subjectType: ValueType, values: readonly Expression[]): boolean {
  return subjectType.family === 'unknown' && !values.some(isStringLiteral);
}

/**
 * One side of a comparison, converted as SQL Server converts it to the other side's type: 1/0
 * against a bit is true/false (bit became BOOLEAN), text against a date a typed date literal.
 */
function comparand(node: Expression, other: ValueType, ctx: TranslationContext): string {
  if (other.family === 'bit') {
    const literal = bitLiteral(node);
    if (literal !== undefined) return literal;
  }
  if ((other.family === 'date' || other.family === 'datetime') && node.kind === 'literal' && (node.type === 'string' || node.type === 'unicode-string')) {
    // '' is 1900-01-01 to SQL Server; the targets cannot read it as a date.
    if (node.value.trim() === '') return blankDate(other.family === 'date' ? 'date' : 'timestamp');
    return dateLiteral(node, ctx, other.family === 'date' ? 'date' : 'timestamp', other.name) ?? expression(node, ctx);
  }
  // Text compared with a date: SQL Server converts the text.
  if (other.family === 'date' || other.family === 'datetime') return textAsDate(node, other.family, ctx, (inner) => expression(inner, ctx)) ?? expression(node, ctx);
  // '' compared with a number is 0 to SQL Server; the targets fail to read it as one.
  if (isNumeric(other) && other.family !== 'bit' && isStringLiteral(node) && node.value.trim() === '') return '0';
  return expression(node, ctx);
}

function wrapComparand(node: Expression, ctx: TranslationContext): string {
  const text = expression(node, ctx);
  return node.kind === 'binary' && (PRECEDENCE[node.operator] ?? 0) <= 4 ? `(${text})` : text;
}

function bitLiteral(node: Expression): string | undefined {
  if (node.kind === 'literal' && node.type === 'integer' && (node.value === '0' || node.value === '1')) return node.value === '1' ? 'true' : 'false';
  return undefined;
}

/**
 * Reports what SQL Server's default collation does to a string comparison that the targets do
 * not: ignore case (once an object, and only when letters are compared) and trailing spaces.
 * For the comparisons that are not written to compare that way (translate.collation binary).
 */
function checkComparison(
  at: Span,
  left: Expression,
  right: Expression,
  ctx: TranslationContext,
  types?: readonly [ValueType, ValueType],
): void {
  if ((left.kind === 'literal' && left.type === 'null') || (right.kind === 'literal' && right.type === 'null')) return;
  // Compared with a case-sensitive COLLATE, as the code asks (the collate handler says so).
  if (caseSensitiveCollated(left, right)) return;
  const leftType = types?.[0] ?? valueType(left, ctx);
  const rightType = types?.[1] ?? valueType(right, ctx);
  if (leftType.family === 'unknown' && rightType.family === 'unknown' && comparesCaseInsensitively(ctx)) {
    ctx.reportOnce(
      'case-insensitive-unknown',
      'TR_CASE_INSENSITIVE',
      at,
      'this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters',
    );
    return;
  }
  if (!stringComparison(leftType, rightType)) return;
  const literals = [left, right].filter(isStringLiteral);
  if (literals.some((literal) => / +$/.test(literal.value)) || leftType.fixed === true || rightType.fixed === true) {
    ctx.reportOnce('trailing-spaces', 'TR_TRAILING_SPACES', at, 'this object compares char values or text with trailing spaces: SQL Server ignores trailing spaces in comparisons, Databricks does not');
  }
  // Text that reads as a date is a date comparison, where case does not matter; compared with
  // a value of unknown type, the compact yyyymmdd form is no date to the targets.
  const dateText = literals.length === 1 ? isoDateText(literals[0]!.value) : undefined;
  if (dateText !== undefined) {
    const otherType = literals[0] === left ? rightType : leftType;
    if (otherType.family === 'unknown' && /^\d{8}/.test(literals[0]!.value.trim())) {
      ctx.reportOnce(`compact-date:${literals[0]!.value}`, 'TR_SEMANTIC', literals[0]!, `'${literals[0]!.value}' is compared with a value of unknown type: if that is a date, the target does not read this text as one; write '${dateText.date}'`);
    }
    return;
  }
  if (literals.length > 0 && literals.every((literal) => literal.value.toLowerCase() === literal.value.toUpperCase())) return;
  ctx.reportOnce('case-insensitive', 'TR_CASE_INSENSITIVE', at, 'this object compares strings; SQL Server ignores case and trailing spaces in comparisons by default, Databricks does not');
}

// ---------------------------------------------------------------------------------------------
// function calls and windows

const IGNORE_NULLS_FUNCTIONS: ReadonlySet<string> = new Set(['FIRST_VALUE', 'LAST_VALUE', 'LAG', 'LEAD']);

function functionCall(node: FunctionCall, ctx: TranslationContext): string {
  const parts = node.name.parts;
  const name = functionName(node);
  const over = node.over === undefined ? '' : ` OVER (${windowSpec(node.over, ctx)})`;
  if (parts.length > 1) {
    const system = systemObjectProblem(node.name);
    if (system !== undefined) return untranslated(node, ctx, 'TR_SYSTEM_OBJECT', system);
    // A schema-qualified name is a user-defined function: it keeps its (mapped) name.
    ctx.report('TR_USER_FUNCTION', node, `${parts.join('.')} is a user-defined function: translate and create it too`);
    return `${ctx.objectName(node.name)}(${node.args.map((arg) => expression(arg, ctx)).join(', ')})${over}`;
  }
  const rule = FUNCTIONS[name];
  if (rule === undefined) {
    const reason = noEquivalentReason(name);
    return untranslated(node, ctx, 'TR_UNSUPPORTED_FUNCTION', reason === undefined ? `${name}() has no translation known to lakeshift` : `${name}(): ${reason}`);
  }
  if (node.withinGroup.length > 0 && !WITHIN_GROUP_FUNCTIONS.has(name)) {
    return untranslated(node, ctx, 'TR_UNSUPPORTED_FUNCTION', `${name}() ... WITHIN GROUP has no translation known to lakeshift`);
  }
  const modifiers = node.modifiers;
  const ignoreNulls = modifiers !== undefined && modifiers.includes('IGNORE NULLS');
  if (modifiers !== undefined && modifiers.some((modifier) => modifier !== 'IGNORE NULLS' && modifier !== 'RESPECT NULLS' && !['LEADING', 'TRAILING', 'BOTH'].includes(modifier))) {
    return untranslated(node, ctx, 'TR_UNSUPPORTED_FUNCTION', `${name}() with ${modifiers.join(', ')} has no translation known to lakeshift`);
  }
  const emitter = emitterFor(rule, ctx.target);
  const emitted = typeof emitter === 'string' ? `${emitter}(${node.args.map((arg) => expression(arg, ctx)).join(', ')})` : emitter(new CallSite(node, ctx));
  const core = typeof emitted === 'string' ? emitted : emitted.core;
  let text = core;
  if (node.quantifier === 'DISTINCT') {
    noteStringGrouping(node, `${name}(DISTINCT)`, node.args, ctx);
    text = text.replace(/^(\w+)\(/, '$1(DISTINCT ');
  }
  if (ignoreNulls && IGNORE_NULLS_FUNCTIONS.has(name)) {
    text = ctx.target === 'databricks' ? `${text} IGNORE NULLS` : text.replace(/\)$/, ' IGNORE NULLS)');
  }
  text = `${text}${over}`;
  return typeof emitted === 'string' ? text : emitted.wrap(text);
}

/**
 * What a function rule reads of a call. Arguments are translated when a rule reads them: a rule
 * that reads the call itself (OBJECT_NAME(@@PROCID)) does not report diagnostics for arguments
 * it does not translate.
 */
class CallSite implements FunctionCallSite {
  #args: readonly string[] | undefined;
  readonly expression = (arg: Expression): string => expression(arg, this.ctx);

  constructor(
    readonly call: FunctionCall,
    readonly ctx: TranslationContext,
  ) {}

  get args(): readonly string[] {
    this.#args ??= this.call.args.map((arg) => expression(arg, this.ctx));
    return this.#args;
  }
}

export function windowSpec(spec: WindowSpec, ctx: TranslationContext): string {
  const parts: string[] = [];
  if (spec.name !== undefined) parts.push(ctx.dialect.identifier(spec.name));
  if (spec.partitionBy.length > 0) {
    noteStringGrouping(spec.partitionBy[0]!, 'PARTITION BY', spec.partitionBy, ctx);
    parts.push(`PARTITION BY ${spec.partitionBy.map((item) => expression(item, ctx)).join(', ')}`);
  }
  if (spec.orderBy.length > 0) parts.push(`ORDER BY ${orderBy(spec.orderBy, ctx, true)}`);
  if (spec.frame !== undefined) parts.push(frame(spec.frame, ctx));
  return parts.join(' ');
}

/**
 * An ORDER BY list. SQL Server sorts NULLs first ascending and last descending, as both
 * targets do by default. In a window, ORDER BY (SELECT NULL) — "any order", the usual way to
 * number rows without one — is ORDER BY NULL: the targets take no subquery there.
 */
export function orderBy(items: readonly OrderByItem[], ctx: TranslationContext, inWindow = false): string {
  if (items.length > 0) noteStringOrder(items[0]!, inWindow ? 'a window ORDER BY' : 'ORDER BY', items.map((item) => item.expression), ctx);
  return items
    .map((item) => {
      const constant = inWindow && isConstantSubquery(item.expression);
      return `${constant ? 'NULL' : expression(item.expression, ctx)}${item.direction === undefined || constant ? '' : ` ${item.direction}`}`;
    })
    .join(', ');
}

function isConstantSubquery(node: Expression): boolean {
  if (node.kind !== 'subquery' || node.query.body.kind !== 'select') return false;
  const body = node.query.body;
  const only = body.columns.length === 1 ? body.columns[0] : undefined;
  return body.from.length === 0 && only?.kind === 'select-column' && only.expression.kind === 'literal';
}

function frame(node: WindowFrame, ctx: TranslationContext): string {
  const bound = (value: WindowFrame['startBound']) => (value.offset === undefined ? value.type : `${expression(value.offset, ctx)} ${value.type}`);
  return node.endBound === undefined ? `${node.unit} ${bound(node.startBound)}` : `${node.unit} BETWEEN ${bound(node.startBound)} AND ${bound(node.endBound)}`;
}


/**
 * A column (or star) with its qualifier: a temporary table's name as qualifier (`#m.col`)
 * follows the table's new name, as the FROM clause does (`tt_m.col`).
 */
function qualifiedParts(parts: readonly string[], ctx: TranslationContext): string {
  // Most columns are written without a qualifier: no list to map and join.
  if (parts.length === 1 && parts[0] !== '*') return ctx.dialect.identifier(parts[0]!);
  return parts
    .map((part, index) => {
      if (part === '*' && index === parts.length - 1) return '*';
      if (index === parts.length - 2 && part.startsWith('#')) return ctx.temporaryTable(part).split('.').pop()!;
      return ctx.dialect.identifier(part);
    })
    .join('.');
}

/**
 * The query of EXISTS (...) without what cannot change whether it returns a row: TOP n (n at
 * least 1) and ORDER BY. T-SQL code writes EXISTS (SELECT TOP 1 ...) out of habit; Databricks
 * refuses LIMIT in a correlated EXISTS subquery.
 */
function existenceQuery(node: Query): Query {
  const body = node.body;
  if (body.kind !== 'select' || node.offset !== undefined || node.fetch !== undefined) return node;
  const top = body.top;
  const keepsARow = top === undefined || (!top.withTies && top.count.kind === 'literal' && Number(top.count.value) > 0);
  if (!keepsARow || (top === undefined && node.orderBy.length === 0)) return node;
  const { top: _dropped, ...rest } = body;
  return { ...node, body: rest, orderBy: [] };
}

/**
 * `x += v` and the other compound assignments as `x op (v)`. `+=` of strings appends (T-SQL's
 * `+` joins strings), which the targets write `||`: `+` would add.
 */
export function compoundAssignment(current: string, operator: string, value: string, [type, node]: readonly [DataType | ValueType | undefined, Expression], ctx: TranslationContext): string {
  const slot = type === undefined ? undefined : 'kind' in type ? declaredType(type, ctx) : type;
  const joins = operator === '+=' && (slot?.family === 'string' || valueType(node, ctx).family === 'string');
  return `${current} ${joins ? '||' : operator.slice(0, -1)} (${value})`;
}

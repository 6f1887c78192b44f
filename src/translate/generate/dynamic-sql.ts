import { tokenize, walkAst, type Expression, type Span } from '../../tsql/index.js';
import type { ScriptStatement } from '../rewrites/rewritten-statements.js';
import { translateSql } from '../translate-sql.js';
import { expression } from './expressions.js';
import { functionName, isQuoteName, quoteNameArgument } from './function-rule.js';
import { hasSubquery } from './ast-tools.js';
import type { StatementWriter } from './statements.js';
import { typeFromDataType, valueType } from './value-types.js';

/**
 * Dynamic SQL whose text is known when it is translated: string literals joined with `+` to
 * "holes", expressions whose values are spliced into the text at run time (@table,
 * QUOTENAME(@schema), CONVERT(varchar(10), @day, 120)). The text is translated with a
 * placeholder name in each hole, and the values are spliced back into the translation.
 */
export type DynamicPiece = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'hole'; readonly expression: Expression };

/** A hole's value takes the place of a placeholder that parses where it stands: a name, or the inside of a string literal. */
const PLACEHOLDER = 'lakeshift_hole_';

/** Whether a string literal of dynamic SQL holds a hole's placeholder: it stands for a value of any type. */
export function holdsPlaceholder(text: string): boolean {
  return text.includes(PLACEHOLDER);
}

/** The pieces of a string expression; undefined when it is not a string or reads tables. */
export function dynamicPieces(node: Expression, w: StatementWriter): DynamicPiece[] | undefined {
  if (node.kind === 'literal') return node.type === 'string' || node.type === 'unicode-string' ? [{ kind: 'text', text: node.value }] : undefined;
  if (node.kind === 'binary' && node.operator === '+' && valueType(node, w.ctx).family === 'string') {
    const left = dynamicPieces(node.left, w);
    const right = dynamicPieces(node.right, w);
    return left === undefined || right === undefined ? undefined : [...left, ...right];
  }
  // A value read when the text is built: a query could read something else at EXEC.
  if (hasSubquery(node) || mentionsSystemVariable(node)) return undefined;
  return [{ kind: 'hole', expression: node }];
}

/**
 * The text a variable holds where statement `index` of `list` runs: the pieces of its last
 * assignment earlier in the same list (SET, DECLARE with a value, SELECT without FROM), with
 * the appends after it (`SET @sql = @sql + ...`, `SET @sql += ...`). Undefined where anything
 * else between could have changed it or the variables its holes read, where a label lets a
 * GOTO jump in between, or where T-SQL would truncate the text to the variable's length.
 */
export function assignedPieces(list: readonly ScriptStatement[], index: number, name: string, w: StatementWriter): DynamicPiece[] | undefined {
  let suffix: DynamicPiece[] = [];
  for (let at = index - 1; at >= 0; at--) {
    const statement = list[at]!;
    const assignment = assignmentOf(statement, name);
    if (assignment === undefined) {
      if (statement.kind === 'label' || mightAssign(statement, name, w)) return undefined;
      continue;
    }
    if (assignment === 'other') return undefined;
    const pieces = dynamicPieces(assignment.value, w);
    if (pieces === undefined) return undefined;
    // The holes are read at the assignment and spliced in at EXEC: nothing between may change them.
    const between = list.slice(at + 1, index);
    for (const variable of holeVariables(pieces)) {
      if (variable === name.toLowerCase()) continue;
      if (between.some((other) => other.kind === 'label' || mightAssign(other, variable, w))) return undefined;
    }
    const appends = assignment.operator === '+=' || (pieces[0]?.kind === 'hole' && isVariable(pieces[0].expression, name));
    const own = appends && assignment.operator === '=' ? pieces.slice(1) : pieces;
    if (own.some((piece) => piece.kind === 'hole' && holeVariables([piece]).has(name.toLowerCase()))) return undefined;
    suffix = [...own, ...suffix];
    if (!appends) return fitsVariable(suffix, name, w) ? suffix : undefined;
  }
  return undefined;
}

type Assignment = { readonly operator: '=' | '+='; readonly value: Expression };

/** How `statement` assigns the variable: a form read here, 'other', or undefined when it does not assign it itself. */
function assignmentOf(statement: ScriptStatement, name: string): Assignment | 'other' | undefined {
  const same = (written: string) => written.toLowerCase() === name.toLowerCase();
  switch (statement.kind) {
    case 'set-variable':
      if (!same(statement.variable.name)) return undefined;
      if (statement.value.kind === 'cursor-definition' || (statement.operator !== '=' && statement.operator !== '+=')) return 'other';
      return { operator: statement.operator, value: statement.value };
    case 'declare': {
      const declared = statement.variables.find((variable) => same(variable.name));
      if (declared === undefined) return undefined;
      // Without a value the variable is NULL here.
      return declared.kind === 'variable-declaration' && declared.value !== undefined ? { operator: '=', value: declared.value } : 'other';
    }
    case 'select-statement': {
      const body = statement.query.body;
      if (body.kind !== 'select' || !body.columns.some((item) => item.kind === 'select-assignment' && same(item.variable.name))) return undefined;
      const [only] = body.columns;
      const plain = body.columns.length === 1 && body.from.length === 0 && body.where === undefined && body.top === undefined && statement.query.with === undefined;
      if (!plain || only?.kind !== 'select-assignment' || (only.operator !== '=' && only.operator !== '+=')) return 'other';
      return { operator: only.operator, value: only.expression };
    }
    default:
      return undefined;
  }
}

/**
 * Whether a statement could assign the variable: it names it before `=`, `+=` ... (SET, SELECT
 * @v = ..., UPDATE ... SET @v = ..., EXEC @v = proc) or OUTPUT, or in a FETCH. A comparison
 * `@v = x` counts too: this errs on the side of not resolving.
 */
function mightAssign(statement: ScriptStatement, variable: string, w: StatementWriter): boolean {
  if (!w.ctx.mentions(variable.toUpperCase(), statement)) return false;
  const text = w.ctx.source.slice(statement.start, statement.end);
  const tokens = tokenize(text);
  const fetches = tokens.some((token) => token.kind === 'word' && token.keyword === 'FETCH');
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind !== 'variable' || token.text.toLowerCase() !== variable.toLowerCase()) continue;
    if (fetches) return true;
    let next = index + 1;
    while (next < tokens.length && ['whitespace', 'line-comment', 'block-comment'].includes(tokens[next]!.kind)) next++;
    const following = tokens[next];
    if (following === undefined) continue;
    if (following.kind === 'operator' && /^[-+*/%&|^]?=$/.test(following.text)) return true;
    if (following.kind === 'operator' && /^[-+*/%&|^]$/.test(following.text) && tokens[next + 1]?.text === '=') return true;
    if (following.kind === 'word' && (following.keyword === 'OUTPUT' || following.keyword === 'OUT')) return true;
  }
  return false;
}

function isVariable(node: Expression, name: string): boolean {
  return node.kind === 'variable' && node.name.toLowerCase() === name.toLowerCase();
}

function mentionsSystemVariable(node: Expression): boolean {
  let found = false;
  walkAst(node, (child) => {
    if (child.kind === 'system-variable') found = true;
    return !found;
  });
  return found;
}

/** The variables the holes read, lower-cased. */
function holeVariables(pieces: readonly DynamicPiece[]): Set<string> {
  const names = new Set<string>();
  for (const piece of pieces) {
    if (piece.kind !== 'hole') continue;
    walkAst(piece.expression, (child) => {
      if (child.kind === 'variable') names.add(child.name.toLowerCase());
    });
  }
  return names;
}

/**
 * T-SQL cuts a text longer than the variable's declared length (nvarchar(1000)): the text is
 * resolved only where it fits, the holes at their longest.
 */
function fitsVariable(pieces: readonly DynamicPiece[], name: string, w: StatementWriter): boolean {
  const declared = w.ctx.variable(name)?.type;
  if (declared === undefined) return false;
  const type = typeFromDataType(declared);
  if (type.family !== 'string') return false;
  if (declared.args[0]?.toLowerCase() === 'max') return true;
  if (type.length === undefined) return false;
  let length = 0;
  for (const piece of pieces) {
    if (piece.kind === 'text') {
      length += piece.text.length;
      continue;
    }
    const hole = valueType(piece.expression, w.ctx);
    if (hole.length === undefined) return false;
    length += hole.length;
  }
  return length <= type.length;
}

// -----------------------------------------------------------------------------------------------
// translating the text

/** Where a hole stands in the text: a name, a name in quotes (QUOTENAME, [..]), or inside a string literal. */
type HolePlace = 'name' | 'quoted-name' | 'string';

interface Hole {
  readonly expression: Expression;
  readonly place: HolePlace;
  /** Inside a string literal: the value must be escaped for a Databricks literal (\ and ' are escapes there). */
  readonly escape: boolean;
}

export interface TranslatedDynamicSql {
  /** The Databricks expression that builds the translated text. */
  readonly sql: string;
  /** What the diagnostic says of the holes: `@table (a name)`. */
  readonly holes: readonly string[];
}

/**
 * Translates the text of dynamic SQL for Databricks, or undefined where it stays T-SQL: the
 * text is not known, it is not one statement that translates without errors, or a
 * placeholder did not come through unchanged, once, in a place of the same kind.
 * `parameters` (sp_executesql's definitions, `@a int, @d date`) become named markers `:a`.
 */
export function translateDynamicSql(pieces: readonly DynamicPiece[], at: Span, w: StatementWriter, parameters?: string): TranslatedDynamicSql | undefined {
  if (w.ctx.target !== 'databricks' || !pieces.some((piece) => piece.kind === 'text' && piece.text.trim() !== '')) return undefined;
  if (pieces.some((piece) => piece.kind === 'text' && piece.text.toLowerCase().includes(PLACEHOLDER))) return undefined;
  const holeExpressions: Expression[] = [];
  const tsql = pieces.map((piece) => (piece.kind === 'text' ? piece.text : `${PLACEHOLDER}${holeExpressions.push(piece.expression)}`)).join('');
  const holes = tsqlHoles(tsql, holeExpressions, w);
  if (holes === undefined) return undefined;

  // The parameters are declared with their types ahead of the text (so that `+` and comparisons
  // know them) and read as named markers.
  const definitions = parameters?.replace(/\b(OUTPUT|OUT|READONLY)\b/gi, '').trim() ?? '';
  const markers = new Map<string, string>();
  for (const match of definitions.matchAll(/@(\w+)/g)) markers.set(`v_${match[1]!}`.toLowerCase(), `:${match[1]!}`);
  let strayVariable = false;
  const translated = translateSql(`${definitions === '' ? '' : `DECLARE ${definitions};\n`}${tsql}`, {
    ...w.ctx.options,
    variableReference: (name) => {
      const marker = markers.get(name.toLowerCase());
      if (marker === undefined) strayVariable = true;
      return marker ?? name;
    },
  });
  const [object, ...others] = translated.objects;
  if (strayVariable || others.length > 0 || object?.kind !== 'statements' || translated.statements.translated !== translated.statements.total) return undefined;
  if (translated.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return undefined;
  if (object.declarations.some((declaration) => !markers.has(declaration.name.toLowerCase()))) return undefined;
  const [statement, ...more] = object.body;
  if (statement?.kind !== 'sql' || more.length > 0) return undefined;

  const built = spliceHoles(statement.sql, holes, w);
  if (built === undefined) return undefined;
  const sources = holeExpressions.map((hole) => w.ctx.source.slice(hole.start, hole.end));
  const named = (text: string) => text.replace(new RegExp(`${PLACEHOLDER}(\\d+)`, 'g'), (_, number: string) => sources[Number(number) - 1]!);
  for (const diagnostic of translated.diagnostics) {
    if (definitions !== '' && diagnostic.line === 1) continue;
    // A placeholder is no name to map: TR_DYNAMIC_SQL_TRANSLATED says that a hole's name is spliced in as it is.
    if (diagnostic.code === 'TR_NAME_NOT_MAPPED' && diagnostic.message.includes(PLACEHOLDER)) continue;
    w.ctx.report(diagnostic.code, at, `in the dynamic SQL: ${named(diagnostic.message)}`);
  }
  const places: Readonly<Record<HolePlace, string>> = { name: 'as a name or SQL text', 'quoted-name': 'as a quoted name', string: 'inside a string literal' };
  return { sql: built, holes: holes.map((hole, index) => `${sources[index]} (${places[hole.place]}${hole.escape ? ", its \\ and ' escaped" : ''})`) };
}

/** Where each placeholder stands in the T-SQL text; undefined where one is not a whole name or inside a string. */
function tsqlHoles(tsql: string, expressions: readonly Expression[], w: StatementWriter): Hole[] | undefined {
  const tokens = tokenize(tsql);
  const holes: Hole[] = [];
  for (const [index, node] of expressions.entries()) {
    const placeholder = `${PLACEHOLDER}${index + 1}`;
    const found = tokens.filter((token) => new RegExp(`${placeholder}(?!\\d)`).test(token.text));
    if (found.length !== 1 || countOf(found[0]!.text, placeholder) !== 1) return undefined;
    const token = found[0]!;
    const quoted = quoteNameArgument(node);
    if (token.kind === 'word' && token.text === placeholder) {
      holes.push(quoted === undefined ? { expression: node, place: 'name', escape: false } : { expression: quoted, place: 'quoted-name', escape: false });
    } else if (token.kind === 'bracket-identifier' && token.text === `[${placeholder}]` && !isQuoteName(node)) {
      holes.push({ expression: node, place: 'quoted-name', escape: false });
    } else if ((token.kind === 'string' || token.kind === 'unicode-string') && !isQuoteName(node)) {
      holes.push(stringHole(node, w));
    } else {
      return undefined;
    }
  }
  return holes;
}

function countOf(text: string, placeholder: string): number {
  return text.match(new RegExp(`${placeholder}(?!\\d)`, 'g'))?.length ?? 0;
}

/**
 * A hole inside a string literal of the text: T-SQL reads its value as it is (a quote in it
 * must have been doubled, with REPLACE(x, '''', '''''')); Databricks reads \ and ' as escapes,
 * so the value is escaped, except a number or date turned into text, which has neither.
 */
function stringHole(node: Expression, w: StatementWriter): Hole {
  if (node.kind === 'function-call' && functionName(node) === 'REPLACE' && node.args.length === 3) {
    const [value, from, to] = node.args;
    const literal = (item: Expression | undefined, text: string) => item?.kind === 'literal' && (item.type === 'string' || item.type === 'unicode-string') && item.value === text;
    if (literal(from, "'") && literal(to, "''")) return { expression: value!, place: 'string', escape: true };
  }
  const converted = node.kind === 'cast' || node.kind === 'convert' ? valueType(node.expression, w.ctx).family : valueType(node, w.ctx).family;
  const plain = converted !== 'string' && converted !== 'unknown' && converted !== 'binary';
  return { expression: node, place: 'string', escape: !plain };
}

/**
 * The translated statement as a Databricks expression: the text in string literals, each
 * placeholder replaced by its hole's value. Whitespace outside literals is folded onto one
 * line (the statement is written on one). Undefined where a placeholder is missing, repeated,
 * in a comment, or in a place of another kind than in the T-SQL.
 */
function spliceHoles(sql: string, holes: readonly Hole[], w: StatementWriter): string | undefined {
  const dialect = w.ctx.dialect;
  const parts: Array<{ readonly text: string } | { readonly expression: string }> = [];
  let text = '';
  const seen = new Set<number>();
  const splice = (number: number, place: HolePlace): boolean => {
    const hole = holes[number - 1];
    if (hole === undefined || seen.has(number)) return false;
    seen.add(number);
    if (hole.place === 'string' ? place !== 'string' : place === 'string' || (hole.place === 'name' && place !== 'name')) return false;
    const value = expression(hole.expression, w.ctx);
    if (hole.place === 'quoted-name') {
      text += '`';
      parts.push({ text }, { expression: `replace(${value}, '\`', '\`\`')` });
      text = '`';
      return true;
    }
    parts.push({ text });
    text = '';
    const escaped = hole.escape ? `replace(replace(${value}, ${dialect.stringLiteral('\\')}, ${dialect.stringLiteral('\\\\')}), ${dialect.stringLiteral("'")}, ${dialect.stringLiteral("\\'")})` : value;
    parts.push({ expression: isOperand(escaped) ? escaped : `(${escaped})` });
    return true;
  };
  const placeholder = new RegExp(`${PLACEHOLDER}(\\d+)`, 'g');
  sql = sql.trim();
  let index = 0;
  while (index < sql.length) {
    const char = sql[index]!;
    if (char === "'" || char === '"') {
      // A string literal: backslash escapes the next character.
      let end = index + 1;
      while (end < sql.length && sql[end] !== char) end += sql[end] === '\\' ? 2 : 1;
      const literal = sql.slice(index, end + 1);
      let last = 0;
      for (const match of literal.matchAll(placeholder)) {
        text += literal.slice(last, match.index);
        if (char !== "'" || !splice(Number(match[1]), 'string')) return undefined;
        last = match.index + match[0].length;
      }
      text += literal.slice(last);
      index = end + 1;
    } else if (char === '`') {
      const end = sql.indexOf('`', index + 1);
      if (end < 0) return undefined;
      const name = sql.slice(index + 1, end);
      const match = new RegExp(`^${PLACEHOLDER}(\\d+)$`).exec(name);
      if (match !== null) {
        if (!splice(Number(match[1]), 'quoted-name')) return undefined;
      } else {
        if (name.includes(PLACEHOLDER)) return undefined;
        text += sql.slice(index, end + 1);
      }
      index = end + 1;
    } else if (sql.startsWith('--', index) || sql.startsWith('/*', index)) {
      // Comments are not written on one line; a translation that has them stays T-SQL.
      return undefined;
    } else if (/\s/.test(char)) {
      while (index < sql.length && /\s/.test(sql[index]!)) index++;
      text += ' ';
    } else if (/\w/.test(char)) {
      let end = index;
      while (end < sql.length && /\w/.test(sql[end]!)) end++;
      const word = sql.slice(index, end);
      const match = new RegExp(`^${PLACEHOLDER}(\\d+)$`).exec(word);
      if (match !== null) {
        if (!splice(Number(match[1]), 'name')) return undefined;
      } else {
        if (word.includes(PLACEHOLDER)) return undefined;
        text += word;
      }
      index = end;
    } else {
      text += char;
      index++;
    }
  }
  if (seen.size !== holes.length) return undefined;
  parts.push({ text });
  const literal = (value: string) => dialect.stringLiteral(value).replaceAll('\n', '\\n').replaceAll('\r', '\\r');
  const rendered = parts.filter((part) => !('text' in part) || part.text !== '').map((part) => ('text' in part ? literal(part.text) : part.expression));
  return rendered.length === 0 ? "''" : rendered.join(' || ');
}

/** Whether the text is one call `f(...)` (or a name), which `||` needs no parentheses around. */
function isOperand(text: string): boolean {
  if (/^[\w.]+$/.test(text)) return true;
  const open = /^\w+\(/.exec(text);
  if (open === null) return false;
  let depth = 0;
  for (let index = open[0].length - 1; index < text.length; index++) {
    const char = text[index]!;
    if (char === "'") {
      index++;
      while (index < text.length && text[index] !== "'") index += text[index] === '\\' ? 2 : 1;
    } else if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth--;
      if (depth === 0) return index === text.length - 1;
    }
  }
  return false;
}

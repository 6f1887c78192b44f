import { walkAst, type AstNode, type CreateSequenceStatement, type Expression, type ObjectName, type Query, type Statement } from '../../tsql/index.js';
import { TranslationContext } from '../context.js';
import type { ScriptNode } from '../script-ir.js';
import type { StatementWriter } from './statements.js';

/**
 * Sequences. DuckDB has them: CREATE SEQUENCE and nextval(). Databricks has none, so a
 * sequence becomes a one-row table holding its next value, increment and limits, and
 * NEXT VALUE FOR takes values from it ahead of the statement that uses them:
 *
 *   read next_value into v; UPDATE ... SET next_value = next_value + increment WHERE next_value = v
 *
 * repeated until the UPDATE changed the row (GET DIAGNOSTICS ROW_COUNT, DBR 16.3+). The WHERE
 * makes it a compare-and-swap: a session that read a value another session has since taken
 * changes nothing and reads again, so no value is handed out twice. Two sessions whose UPDATEs
 * overlap in time conflict in Delta instead, and one of them fails; that is reported.
 *
 * Values are taken ahead where T-SQL evaluates NEXT VALUE FOR once per statement (SET,
 * DECLARE, SELECT @v = without FROM, INSERT ... VALUES of one row) and, as a block counted
 * first, for the rows of INSERT ... SELECT. Elsewhere (a SELECT returning rows, UPDATE SET) it
 * stays flagged.
 */

/** The table columns a sequence becomes in Databricks. */
const SEQUENCE_COLUMNS = 'next_value, increment, minimum, maximum';
/** GET DIAGNOSTICS target of the compare-and-swap (not lakeshift_rowcount, which @@ROWCOUNT may be using). */
const SWAPPED_ROWS = 'lakeshift_sequence_rows';

const INTEGER_RANGES: Readonly<Record<string, readonly [string, string]>> = {
  TINYINT: ['0', '255'],
  SMALLINT: ['-32768', '32767'],
  INT: ['-2147483648', '2147483647'],
  BIGINT: ['-9223372036854775808', '9223372036854775807'],
};

interface SequenceDefinition {
  readonly start: string;
  readonly increment: string;
  readonly minimum: string;
  readonly maximum: string;
  /** DECIMAL(p, 0) for a decimal sequence, else BIGINT (every integer type fits). */
  readonly valueType: string;
  readonly cycle: boolean;
}

/**
 * A sequence's settings with SQL Server's defaults: the type BIGINT, the limits those of the
 * type, START WITH the lower limit (the upper one when counting down), INCREMENT BY 1.
 */
function sequenceDefinition(node: CreateSequenceStatement): SequenceDefinition | string {
  const typeName = (node.type?.name.parts[node.type.name.parts.length - 1] ?? 'BIGINT').toUpperCase();
  let range = INTEGER_RANGES[typeName];
  let valueType = 'BIGINT';
  if (range === undefined) {
    if (typeName !== 'DECIMAL' && typeName !== 'NUMERIC') return `a sequence of type ${typeName}`;
    const precision = Number(node.type?.args[0] ?? '18');
    const largest = '9'.repeat(precision);
    range = [`-${largest}`, largest];
    valueType = `DECIMAL(${precision}, 0)`;
  }
  const settings = new Map<string, string | undefined>();
  for (const option of node.options) {
    if (option.value !== undefined && !/^[+-]?\s*\d+$/.test(option.value)) return `${option.name} ${option.value}, which is not a number`;
    settings.set(option.name, option.value?.replace(/\s+/g, ''));
  }
  const increment = settings.get('INCREMENT BY') ?? '1';
  const minimum = settings.get('MINVALUE') ?? range[0];
  const maximum = settings.get('MAXVALUE') ?? range[1];
  const start = settings.get('START WITH') ?? (increment.startsWith('-') ? maximum : minimum);
  return { start, increment, minimum, maximum, valueType, cycle: settings.has('CYCLE') };
}

/** CREATE SEQUENCE: a sequence (DuckDB) or its one-row table (Databricks). ALTER SEQUENCE stays flagged. */
export function createSequence(node: CreateSequenceStatement, w: StatementWriter): ScriptNode[] {
  const name = w.ctx.objectName(node.name);
  const sequence = node.name.parts.join('.');
  if (node.mode !== 'CREATE') {
    return w.keep(node, 'TR_UNTRANSLATED_OBJECT', `ALTER SEQUENCE is not translated: ${w.ctx.target === 'databricks' ? `change the row of the table ${name} that stands for the sequence` : 'drop and create the sequence again'}`);
  }
  const definition = sequenceDefinition(node);
  if (typeof definition === 'string') return w.keep(node, 'TR_UNTRANSLATED_OBJECT', `${definition} is not translated: write the sequence by hand`);
  if (node.options.some((option) => option.name === 'CACHE' || option.name === 'NO CACHE')) {
    w.ctx.report('TR_HINT_DROPPED', node, `the CACHE setting of the sequence ${sequence} was dropped`);
  }
  if (w.ctx.target === 'duckdb') {
    const { start, increment, minimum, maximum, cycle } = definition;
    return [w.sql(node, `CREATE SEQUENCE ${name} START WITH ${start} INCREMENT BY ${increment} MINVALUE ${minimum} MAXVALUE ${maximum}${cycle ? ' CYCLE' : ''}`)];
  }
  w.ctx.report(
    'TR_SEQUENCE',
    node,
    `the sequence ${sequence} became the one-row table ${name}, from which NEXT VALUE FOR takes values${definition.cycle ? '; CYCLE is not kept: taking a value past the limit raises an error' : ''}; a column that defaulted to the sequence became an identity column, which does not share its numbers`,
  );
  const type = definition.valueType;
  return [
    w.sql(node, `CREATE TABLE ${name} (next_value ${type} NOT NULL, increment ${type} NOT NULL, minimum ${type} NOT NULL, maximum ${type} NOT NULL)`),
    w.sql(node, `INSERT INTO ${name} (${SEQUENCE_COLUMNS})\nVALUES (${definition.start}, ${definition.increment}, ${definition.minimum}, ${definition.maximum})`),
  ];
}

/** DuckDB: NEXT VALUE FOR s is nextval('s'). */
export function nextValue(sequence: ObjectName, ctx: TranslationContext): string {
  return `nextval(${ctx.dialect.stringLiteral(ctx.objectName(sequence))})`;
}

/** The value of a NEXT VALUE FOR taken ahead of the statement being translated, if it was. */
export function takenValue(node: Extract<Expression, { kind: 'next-value-for' }>, ctx: TranslationContext): string | undefined {
  return node.over === undefined ? ctx.sequenceValues?.get(TranslationContext.tableKey(node.sequence)) : undefined;
}

/** The NEXT VALUE FOR expressions of a node that are not inside a query of their own, by sequence. */
function nextValuesOutsideQueries(root: AstNode): Map<string, Extract<Expression, { kind: 'next-value-for' }>> {
  const found = new Map<string, Extract<Expression, { kind: 'next-value-for' }>>();
  walkAst(root, (node) => {
    if (node.kind === 'query' && node !== root) return false;
    if (node.kind === 'next-value-for' && node.over === undefined) {
      const key = TranslationContext.tableKey(node.sequence);
      if (!found.has(key)) found.set(key, node);
    }
    return true;
  });
  return found;
}

/** The statements of the kinds in which T-SQL evaluates NEXT VALUE FOR once: what is evaluated there. */
function evaluatedOnce(statement: Statement): AstNode | undefined {
  switch (statement.kind) {
    case 'set-variable':
      return statement;
    case 'declare':
      // A table variable's column default is evaluated per row, not once.
      return statement.variables.some((variable) => variable.kind === 'table-variable-declaration') ? undefined : statement;
    case 'select-statement': {
      const body = statement.query.body;
      return body.kind === 'select' && body.from.length === 0 ? body : undefined;
    }
    case 'insert':
      return statement.source.kind === 'values' && statement.source.rows.length === 1 ? statement.source : undefined;
    default:
      return undefined;
  }
}

/**
 * Databricks: the values NEXT VALUE FOR takes in a statement that evaluates it once, taken
 * ahead of it into variables; `ctx.sequenceValues` names them while the statement is
 * translated. Undefined where the statement takes no such value.
 */
export function takeValuesAhead(statement: Statement, w: StatementWriter): { readonly before: ScriptNode[]; readonly values: ReadonlyMap<string, string> } | undefined {
  if (w.ctx.target !== 'databricks' || !w.ctx.mentions('NEXT', statement)) return undefined;
  const evaluated = evaluatedOnce(statement);
  if (evaluated === undefined) return undefined;
  const found = nextValuesOutsideQueries(evaluated);
  if (found.size === 0) return undefined;
  const before: ScriptNode[] = [];
  const values = new Map<string, string>();
  for (const [key, node] of found) {
    const variable = w.ctx.label('lakeshift_next_value');
    w.declare(variable, 'BIGINT');
    before.push(...takeValues(node.sequence, variable, '1', w, node));
    values.set(key, w.ctx.dialect.variable(variable));
    reportTaken(node, w);
  }
  return { before, values };
}

/**
 * Databricks INSERT ... SELECT with NEXT VALUE FOR among the columns: the rows are counted,
 * a block of that many values is taken from the sequence, and the rows get the block's values
 * in the order they come in (T-SQL's order is unspecified without OVER):
 * first + (row_number() OVER (ORDER BY monotonically_increasing_id()) - 1) * increment. Gives
 * the statements to run first and the query's text; undefined where the select is not of that
 * shape.
 */
export function numberRowsAhead(source: Query, w: StatementWriter, translateQuery: () => string): { readonly before: ScriptNode[]; readonly text: string } | undefined {
  if (w.ctx.target !== 'databricks' || !w.ctx.mentions('NEXT', source)) return undefined;
  const body = source.body;
  // The numbering window cannot sit in a grouped select (its ORDER BY would be ungrouped).
  if (body.kind !== 'select' || body.quantifier === 'DISTINCT' || body.top !== undefined || body.groupBy !== undefined || body.having !== undefined) return undefined;
  const found = new Map<string, Extract<Expression, { kind: 'next-value-for' }>>();
  for (const item of body.columns) {
    if (item.kind === 'select-column' && item.expression.kind === 'next-value-for' && item.expression.over === undefined) {
      found.set(TranslationContext.tableKey(item.expression.sequence), item.expression);
    }
  }
  if (found.size === 0) return undefined;
  const count = w.ctx.label('lakeshift_rows');
  w.declare(count, 'BIGINT');
  const before: ScriptNode[] = [];
  const values = new Map<string, string>();
  for (const [key, node] of found) {
    const first = w.ctx.label('lakeshift_first_value');
    const step = `${first}_increment`;
    w.declare(first, 'BIGINT');
    w.declare(step, 'BIGINT');
    values.set(key, `${w.ctx.dialect.variable(first)} + (row_number() OVER (ORDER BY monotonically_increasing_id()) - 1) * ${w.ctx.dialect.variable(step)}`);
    before.push(...takeValues(node.sequence, first, w.ctx.dialect.variable(count), w, node));
    before.push({ kind: 'set', targets: [step], value: `(SELECT increment FROM ${w.ctx.objectName(node.sequence)})`, fromQuery: false, line: w.line(node) });
    w.ctx.report(
      'TR_SEQUENCE',
      node,
      `NEXT VALUE FOR ${node.sequence.parts.join('.')} in INSERT ... SELECT: the rows are counted first and a block of that many values is taken from the sequence's table with a compare-and-swap UPDATE, so the query must return the same rows both times (no RAND() or NEWID() filters, nothing changing what it reads meanwhile)`,
    );
  }
  const text = withSequenceValues(w.ctx, values, translateQuery);
  return { before: [{ kind: 'set', targets: [count], value: `(SELECT count(*) FROM (\n${text}\n))`, fromQuery: false, line: w.line(source) }, ...before], text };
}

/** Runs `work` with NEXT VALUE FOR of the given sequences translated as the given expressions. */
export function withSequenceValues<T>(ctx: TranslationContext, values: ReadonlyMap<string, string>, work: () => T): T {
  const previous = ctx.sequenceValues;
  ctx.sequenceValues = values;
  try {
    return work();
  } finally {
    ctx.sequenceValues = previous;
  }
}

/** The compare-and-swap loop that takes `count` values from the sequence into `variable` (the first of them). */
function takeValues(sequence: ObjectName, variable: string, count: string, w: StatementWriter, at: AstNode): ScriptNode[] {
  const table = w.ctx.objectName(sequence);
  const label = w.ctx.label('take_next_value');
  const line = w.line(at);
  const value = w.ctx.dialect.variable(variable);
  const passed = w.ctx.dialect.stringLiteral(`NEXT VALUE FOR ${sequence.parts.join('.')}: the sequence has passed its limit, or its table ${table} has no row`);
  w.declare(SWAPPED_ROWS, 'BIGINT');
  const increment = count === '1' ? 'increment' : `increment * ${count}`;
  return [
    {
      kind: 'while',
      label,
      condition: 'TRUE',
      line,
      body: [
        { kind: 'set', targets: [variable], value: `coalesce((SELECT max(next_value) FROM ${table} WHERE next_value BETWEEN minimum AND maximum), raise_error(${passed}))`, fromQuery: false, line },
        { kind: 'sql', sql: `UPDATE ${table} SET next_value = next_value + ${increment} WHERE next_value = ${value}`, line },
        { kind: 'sql', sql: `GET DIAGNOSTICS ${SWAPPED_ROWS} = ROW_COUNT`, line },
        { kind: 'if', branches: [{ condition: `${w.ctx.dialect.variable(SWAPPED_ROWS)} = 1`, body: [{ kind: 'leave', label, line }] }], line },
      ],
    },
  ];
}

function reportTaken(node: Extract<Expression, { kind: 'next-value-for' }>, w: StatementWriter): void {
  w.ctx.report(
    'TR_SEQUENCE',
    node,
    `NEXT VALUE FOR ${node.sequence.parts.join('.')} takes its value from the sequence's table before the statement, with a compare-and-swap UPDATE: no value is handed out twice, but two sessions taking values at the same moment can make one fail with a Delta concurrent-update error`,
  );
}

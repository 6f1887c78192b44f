import {
  walkAst,
  type AstNode,
  type ColumnRef,
  type DataType,
  type DeleteStatement,
  type DmlTarget,
  type Expression,
  type InsertStatement,
  type Join,
  type MergeStatement,
  type OptionItem,
  type OutputClause,
  type Query,
  type Select,
  type SelectAssignment,
  type SelectStatement,
  type SetItem,
  type Span,
  type TableSource,
  type Top,
  type UpdateStatement,
  type WithClause,
} from '../../tsql/index.js';
import type { ScriptNode } from '../script-ir.js';
import { castNode, columnRef, columnRefs, conjunction, conjuncts, dataTypeNode, hasSubquery, mapAst, nullLiteral, qualifierOf, qualifiersOf, refersTo } from './ast-tools.js';
import { typeFamily } from '../dialects/types.js';
import { asDate, compoundAssignment, expression, expressionAs, isStringValued, variableText } from './expressions.js';
import { isStringLiteral } from './collation.js';
import { changedRowsOutput, identityAssumption, insertOutput, mergeOutput, targetKey, type OutputPlan } from './output-clause.js';
import { dynamicInsert } from './procedural.js';
import { aggregatesToOneRow, hasRecursiveCte, query, tableSource } from './queries.js';
import { sourceText } from './source-text.js';
import type { StatementWriter } from './statements.js';
import { columnMapping } from './column-mapping.js';
import { countQuery, countRows } from './row-count.js';
import { noteSelectInto, tableColumnNames, tableColumnType, typeFromDataType, valueType, withTableScope } from './value-types.js';
import { implicitDateCast } from './convert-styles.js';
import { TranslationContext, type IdentityColumn } from '../context.js';
import { createTemporaryAs, describeMode, dropTemporary, globalTemporaryNote, isTemporaryName, tempTableMode } from './temp-tables.js';
import { changeThroughCte, joinsCteByKey, type CteChange } from './updatable-cte.js';
import { numberRowsAhead } from './sequences.js';

// -----------------------------------------------------------------------------------------------
// SELECT

export function selectStatement(node: SelectStatement, w: StatementWriter): ScriptNode[] {
  const body = node.query.body;
  if (body.kind === 'select' && body.columns.some((item) => item.kind === 'select-assignment')) return selectAssignment(node, body, w);
  if (body.kind === 'select' && body.into !== undefined) return selectInto(node, node.query, body, w);
  // A SELECT that returns rows: in a procedure, a result set for the caller.
  return [w.sql(node, query(node.query, w.ctx), true)];
}

/**
 * SELECT @a = x, @b = y [FROM ...]: without FROM, plain assignments. With FROM, one assignment
 * from a query: SET (a, b) = (query). In T-SQL the last row wins and no row leaves the variables
 * as they were; SET (...) = (query) needs one row and sets NULL on none.
 */
function selectAssignment(node: SelectStatement, body: Select, w: StatementWriter): ScriptNode[] {
  const items = body.columns.filter((item) => item.kind === 'select-assignment');
  if (items.length !== body.columns.length) return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'a SELECT that both assigns variables and returns columns');
  const targets = items.map((item) => w.ctx.variableName(item.variable.name));
  if (body.from.length === 0 && body.where === undefined && node.query.with === undefined) {
    return items.map((item, index) => {
      const value = item.operator === '=' ? expressionAs(item.expression, w.ctx.variable(item.variable.name)?.type, w.ctx) : expression(item.expression, w.ctx);
      const target = targets[index]!;
      const combined = item.operator === '=' ? value : compoundAssignment(w.ctx.dialect.variable(target), item.operator, value, [w.ctx.variable(item.variable.name)?.type, item.expression], w.ctx);
      return { kind: 'set', targets: [target], value: combined, fromQuery: false, line: w.line(node) };
    });
  }
  const accumulations = items.map((item) => accumulated(item));
  if (accumulations.some((item) => item !== undefined)) return accumulate(node, body, items, accumulations, w);
  if (items.some((item) => item.operator !== '=')) {
    return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `SELECT @v ${items.find((item) => item.operator !== '=')!.operator} ... FROM applies the operator once per row: rewrite it with an aggregate`);
  }
  // An aggregate over the rows (SELECT @n = COUNT(*) FROM t) gives one row, as SET needs.
  if (!aggregatesToOneRow(node.query)) w.ctx.reportOnce('select-assignment', 'TR_SEMANTIC', node, 'SELECT @v = ... FROM became SET v = (query): it must return one row (T-SQL takes the last of several, and keeps the old value when there is none)');
  // Text assigned to a date variable, or to a string variable of a declared length, is converted as SQL Server converts it.
  const stored = (item: SelectAssignment): Expression => {
    const type = w.ctx.variable(item.variable.name)?.type;
    const family = type === undefined ? undefined : typeFromDataType(type).family;
    if (type === undefined) return item.expression;
    // The value's type is read with the query's tables in scope.
    return withTableScope(w.ctx, body.from, () => (family === 'date' || family === 'datetime' ? implicitDateCast(item.expression, family, w.ctx, type) : variableText(item.expression, type, w.ctx))) ?? item.expression;
  };
  const fromQuery = query({ ...node.query, body: { ...body, columns: items.map((item, index) => ({ kind: 'select-column', expression: stored(item), start: item.start, end: item.end, alias: `c${index}` })) } }, w.ctx);
  return [{ kind: 'set', targets, value: fromQuery, fromQuery: true, line: w.line(node) }];
}

/** The value a `SELECT @v += x` or `SELECT @v = @v + x` appends per row (x), if the item is one. */
function accumulated(item: SelectAssignment): Expression | undefined {
  if (item.operator === '+=') return item.expression;
  return item.operator === '=' ? withoutLeading(item.expression, item.variable.name.toLowerCase()) : undefined;
}

/** `@v + a + b` (a left-deep chain of +) without its leading @v: `a + b`. */
function withoutLeading(value: Expression, variable: string): Expression | undefined {
  if (value.kind !== 'binary' || value.operator !== '+') return undefined;
  if (value.left.kind === 'variable' && value.left.name.toLowerCase() === variable) return value.right;
  const left = withoutLeading(value.left, variable);
  return left === undefined ? undefined : { ...value, left };
}

/**
 * SELECT @list = @list + name + ',' FROM t ORDER BY name (or @total += amount): T-SQL runs the
 * assignment once per row, which builds a string (or a sum) over the rows. That is an
 * aggregate: SET v = v + (SELECT coalesce(STRING_AGG(x, '') WITHIN GROUP (ORDER BY ...), '')
 * FROM ...) for strings, SUM for numbers; with no row v is unchanged, as in T-SQL. One NULL x
 * makes v NULL in T-SQL (NULL + anything is NULL, and stays so), where the aggregates skip
 * NULLs: a CASE on COUNT(*) > COUNT(x) gives NULL then.
 */
function accumulate(node: SelectStatement, body: Select, items: readonly SelectAssignment[], values: readonly (Expression | undefined)[], w: StatementWriter): ScriptNode[] {
  const owner = node.query;
  if (body.groupBy !== undefined || body.having !== undefined || body.quantifier === 'DISTINCT' || body.top !== undefined || owner.offset !== undefined) {
    return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'SELECT @v += ... over grouped, distinct or limited rows: rewrite it as SET v = v + (aggregate over a subquery)');
  }
  if (values.some((value) => value === undefined)) {
    return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'a SELECT that both accumulates a variable over the rows and assigns another one: split it');
  }
  const nodes: ScriptNode[] = [];
  for (const [index, item] of items.entries()) {
    const value = values[index]!;
    const type = w.ctx.variable(item.variable.name)?.type;
    const family = type === undefined ? (isStringValued(value, w.ctx) ? 'string' : 'other') : typeFamily(type.name.parts[type.name.parts.length - 1] ?? '');
    if (family !== 'string' && family !== 'number') {
      return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `SELECT ${item.variable.name} += ... FROM: the type of ${item.variable.name} is not known, so neither STRING_AGG nor SUM can be chosen`);
    }
    const span = item;
    const name = (text: string) => ({ kind: 'object-name' as const, parts: [text], start: span.start, end: span.end });
    const aggregate: Expression =
      family === 'string'
        ? {
            kind: 'function-call',
            name: name('STRING_AGG'),
            args: [{ kind: 'cast', try: false, expression: value, type: { kind: 'data-type', name: name('nvarchar'), args: ['max'], start: span.start, end: span.end }, start: span.start, end: span.end }, { kind: 'literal', type: 'string', text: "''", value: '', start: span.start, end: span.end }],
            niladic: false,
            withinGroup: owner.orderBy,
            start: span.start,
            end: span.end,
          }
        : { kind: 'function-call', name: name('SUM'), args: [value], niladic: false, withinGroup: [], start: span.start, end: span.end };
    const at = { start: span.start, end: span.end };
    const empty: Expression = family === 'string' ? { kind: 'literal', type: 'string', text: "''", value: '', ...at } : { kind: 'literal', type: 'integer', text: '0', value: '0', ...at };
    const count = (argument: Expression): Expression => ({ kind: 'function-call', name: name('COUNT'), args: [argument], niladic: false, withinGroup: [], ...at });
    const accumulated: Expression = {
      kind: 'case',
      whens: [
        {
          kind: 'case-when',
          when: { kind: 'binary', operator: '>', left: count({ kind: 'star', qualifier: [], ...at } as Expression), right: count(value), ...at },
          then: { kind: 'literal', type: 'null', text: 'NULL', value: 'NULL', ...at },
          ...at,
        },
      ],
      else: { kind: 'function-call', name: name('COALESCE'), args: [aggregate, empty], niladic: false, withinGroup: [], ...at },
      ...at,
    };
    const select: Select = { ...body, columns: [{ kind: 'select-column', expression: accumulated, ...at }], into: undefined } as Select;
    const subquery: Expression = { kind: 'subquery', query: { ...owner, body: select, orderBy: [] }, ...at };
    const total: Expression = { kind: 'binary', operator: '+', left: item.variable, right: subquery, ...at };
    nodes.push({ kind: 'set', targets: [w.ctx.variableName(item.variable.name)], value: expression(total, w.ctx), fromQuery: false, line: w.line(node) });
  }
  return nodes;
}

/** SELECT ... INTO t creates t from the query: CREATE TABLE AS (for #t, per translate.tempTables). */
function selectInto(node: SelectStatement, owner: Query, body: Select, w: StatementWriter): ScriptNode[] {
  const into = body.into!;
  const withoutInto: Query = { ...owner, body: { ...body, into: undefined } as Select };
  const text = query(withoutInto, w.ctx);
  noteSelectInto(w.ctx, TranslationContext.tableKey(into), withoutInto);
  // The new table is made where CREATE TABLE makes it: a one-part name in dbo, even in a module.
  const target = w.ctx.objectName(into, true);
  if (isTemporaryName(into)) {
    w.ctx.report('TR_TEMP_TABLE', node, `SELECT INTO ${into.parts[0]} became ${describeMode(w.ctx)} ${target}`);
    const global = globalTemporaryNote(into.parts[0]!);
    if (global !== undefined) w.ctx.report('TR_SEMANTIC', node, global);
    if (tempTableMode(w.ctx) === 'view') {
      w.temporaryBecameView(target);
      w.ctx.report('TR_SEMANTIC', node, `${target} is a temporary view: its query runs again each time it is read, so later changes to its tables show through`);
    }
    return [w.sql(node, dropTemporary(w.ctx, target)), w.sql(node, createTemporaryAs(w.ctx, target, text))];
  }
  // The columns the query names (a * names none that can be read here).
  const named = body.columns.flatMap((column) => {
    if (column.kind !== 'select-column') return [];
    const name = column.alias ?? (column.expression.kind === 'column-ref' ? column.expression.parts[column.expression.parts.length - 1] : undefined);
    return name === undefined ? [] : [{ name, start: column.start, end: column.end }];
  });
  const properties = columnMapping(named, w);
  return [w.sql(node, `CREATE TABLE ${target}${properties.length === 0 ? '' : ` TBLPROPERTIES (${properties.join(', ')})`} AS\n${text}`)];
}

// -----------------------------------------------------------------------------------------------
// shared pieces

/**
 * Markers that keep the T-SQL of a dropped TOP or OUTPUT clause in the statement, with its
 * error; `outputProblem` says why the OUTPUT clause could not become a query.
 */
function droppedClauses(node: { readonly top?: Top; readonly output: readonly OutputClause[] }, w: StatementWriter, outputProblem?: string): { top: string; output: string } {
  const marker = (code: string, at: Span) => `/*[${code}] ${sourceText(w.ctx, at).replaceAll('*/', '* /')} */`;
  let top = '';
  let output = '';
  if (node.top !== undefined) {
    w.ctx.report('TR_UNSUPPORTED_EXPRESSION', node.top, 'TOP in a data change statement changes an arbitrary subset of rows: it was dropped, so the statement changes every matching row; limit the rows in the WHERE clause');
    top = ` ${marker('TR_UNSUPPORTED_EXPRESSION', node.top)}`;
  }
  if (node.output.length > 0) {
    w.ctx.report('TR_OUTPUT_CLAUSE', node.output[0]!, `the OUTPUT clause was dropped: ${outputProblem === undefined ? '' : `${outputProblem}; `}query the changed rows before or after the statement by hand`);
    output = node.output.map((clause) => `\n${marker('TR_OUTPUT_CLAUSE', clause)}`).join('');
  }
  return { top, output };
}

/** The markers of the TOP and OUTPUT clauses left in the statement: OUTPUT only when it did not become queries. */
function remainingClauses(node: { readonly top?: Top; readonly output: readonly OutputClause[] }, plan: OutputPlan | undefined, w: StatementWriter): { top: string; output: string } {
  if (plan !== undefined && 'before' in plan) return droppedClauses({ ...node, output: [] }, w);
  return droppedClauses(node, w, plan?.problem);
}

/**
 * A statement with its OUTPUT clause as queries of their own (output-clause.ts): the rows read
 * before it, and those read back after it, with the warning that says what that assumes.
 */
function withOutput(
  node: { readonly kind: string; readonly output: readonly OutputClause[]; readonly target: DmlTarget; readonly start: number; readonly end: number },
  plan: OutputPlan | undefined,
  statement: ScriptNode[],
  w: StatementWriter,
  targetSource: TableSource = node.target,
): ScriptNode[] {
  if (plan === undefined || 'problem' in plan) return statement;
  const verb = node.kind.toUpperCase();
  const table = targetSource.kind === 'table-ref' ? targetSource.name.parts.join('.') : targetSource.kind === 'table-variable' ? targetSource.name : 'its target';
  const into = node.output.map((clause) => (clause.into === undefined ? 'a result set' : `INTO ${sourceText(w.ctx, clause.into)}`)).join(' and ');
  if (plan.after.length > 0) {
    w.ctx.report('TR_IDENTITY_READBACK', node.output[0]!, `OUTPUT (${into}) reads the new rows back after the ${verb}, as those whose identity is beyond the one before it: ${identityAssumption(table, verb)}`);
  } else if (node.kind !== 'insert') {
    w.ctx.report('TR_OUTPUT_BEFORE', node.output[0]!, `OUTPUT (${into}) became a query of the rows the ${verb} changes, run just before it: another session writing ${table} between the two would make them differ`);
  } else if (hasSubquery((node as InsertStatement).source)) {
    // VALUES of constants and variables give the same rows twice; a query may not.
    w.ctx.report('TR_OUTPUT_BEFORE', node.output[0]!, `OUTPUT (${into}) became a query of the rows the INSERT inserts, run just before it: another session writing the tables it reads between the two would make them differ`);
  }
  return [...plan.before, ...statement, ...plan.after];
}

/** The OUTPUT of an UPDATE or DELETE as queries of the rows it changes, or why not. */
function changedOutput(node: UpdateStatement | DeleteStatement, p: DmlPlan, w: StatementWriter): OutputPlan | undefined {
  if (node.output.length === 0) return undefined;
  if (node.top !== undefined) return { problem: `${node.kind.toUpperCase()} TOP changes an arbitrary subset of the rows` };
  const rows = changedRowsQuery(node, w);
  if (rows === undefined || rows.body.kind !== 'select') return { problem: 'the rows it changes cannot be selected before it runs' };
  return changedRowsOutput(node, rows, { qualifier: leafOf(p.targetSource).canonical, set: p.set, otherQualifiers: p.restLeaves.flatMap((leaf) => leaf.qualifiers) }, w);
}

/**
 * The WITH clause in front of a data change, with the MAXRECURSION among `options` (the
 * statement's OPTION clause, or its SELECT's). Databricks runs a recursive CTE in front of an
 * INSERT, not in front of UPDATE, DELETE or MERGE (`changes`).
 */
function withPrefix(node: { readonly with?: WithClause }, w: StatementWriter, options: readonly OptionItem[] = [], changes?: 'UPDATE' | 'DELETE' | 'MERGE'): string {
  if (node.with === undefined) return '';
  const span = { start: node.with.start, end: node.with.end };
  const recursion = options.filter((option) => option.name === 'MAXRECURSION');
  const text = query({ kind: 'query', with: node.with, body: { kind: 'select', columns: [], from: [], windows: [], ...span }, orderBy: [], options: recursion, ...span }, w.ctx);
  if (changes !== undefined && w.ctx.target === 'databricks' && hasRecursiveCte(node.with)) {
    w.ctx.report('TR_UNSUPPORTED_STATEMENT', node.with, `a recursive CTE in front of ${changes}: Databricks runs recursive CTEs in queries and INSERT only; load its rows into a temporary table first and ${changes === 'DELETE' ? 'delete' : changes === 'UPDATE' ? 'update' : 'merge'} from that`);
  }
  return `${text.replace(/ SELECT\s*$/, '')}\n`;
}

/** OPTION (...) of a data change, dropped with an info, except the MAXRECURSION its WITH clause takes (withPrefix). */
function reportDroppedOptions(node: { readonly with?: WithClause; readonly options: readonly OptionItem[] }, w: StatementWriter): void {
  const dropped = node.options.filter((option) => option.name !== 'MAXRECURSION' || node.with === undefined);
  if (dropped.length > 0) w.ctx.report('TR_HINT_DROPPED', node as never, `OPTION (${dropped.map((option) => option.name).join(', ')}) dropped`);
}

/** Runs `work` with the statement's CTE names in scope (they are not mapped as table names). */
function withCtes<T>(node: { readonly with?: WithClause }, w: StatementWriter, work: () => T): T {
  return w.ctx.withCtes(node.with?.ctes.map((cte) => cte.name) ?? [], work);
}

/** The target name of a DML target, for checking writes to temporary views. */
function writtenName(target: DmlTarget, w: StatementWriter): string | undefined {
  if (target.kind === 'table-variable') return w.ctx.tableVariable(target.name, target);
  if (target.kind === 'table-ref' && isTemporaryName(target.name)) return w.ctx.objectName(target.name);
  return undefined;
}

/** `c = v` items of SET. The target column is unqualified (UPDATE and MERGE SET take column names; DuckDB rejects qualified ones). */
function assignments(items: readonly SetItem[], w: StatementWriter, targetQualifier?: string): string | { problem: string } {
  const parts: string[] = [];
  for (const item of items) {
    if (item.kind === 'mutator-call') return { problem: `the mutator ${sourceText(w.ctx, item)} (.WRITE, a CLR method) has no equivalent` };
    if (item.target.kind === 'variable' || item.column !== undefined) {
      return { problem: `SET ${sourceText(w.ctx, item)} assigns a variable while updating: read the value with a query before or after` };
    }
    const column = w.ctx.dialect.identifier(item.target.parts[item.target.parts.length - 1]!);
    // A column of a known type takes the value as SQL Server converts it (1 into a bit is TRUE).
    const value = item.operator === '=' ? expressionAs(item.value, typed(valueType(item.target, w.ctx)), w.ctx) : expression(item.value, w.ctx);
    const current = targetQualifier === undefined ? column : `${targetQualifier}.${column}`;
    parts.push(`${column} = ${item.operator === '=' ? value : compoundAssignment(current, item.operator, value, [valueType(item.target, w.ctx), item.value], w.ctx)}`);
  }
  return parts.join(', ');
}

function typed<T extends { readonly family: string }>(type: T): T | undefined {
  return type.family === 'unknown' ? undefined : type;
}

function parenthesized(node: Expression, w: StatementWriter): string {
  const text = expression(node, w.ctx);
  return node.kind === 'binary' && (node.operator === 'AND' || node.operator === 'OR') ? `(${text})` : text;
}

function conditionText(items: readonly Expression[], w: StatementWriter): string {
  return items.map((item) => (items.length > 1 ? parenthesized(item, w) : expression(item, w.ctx))).join(' AND ');
}

// -----------------------------------------------------------------------------------------------
// INSERT

export function insert(node: InsertStatement, w: StatementWriter): ScriptNode[] {
  const listed = identityLeftOut(node, w);
  if (listed !== node) return insert(listed, w);
  if (node.target.kind === 'table-function') {
    // INSERT INTO OPENQUERY(server, ...) writes to the linked server; remote_query only reads.
    return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `INSERT into ${sourceText(w.ctx, node.target.call).split('(')[0]!.trim()}(...) writes through a table function (to a linked server, for OPENQUERY): Databricks table functions and remote_query are read-only; land the rows in a table the other system reads`);
  }
  const translated = withCtes(node, w, () => {
    const written = writtenName(node.target, w);
    if (written !== undefined) w.checkWritable(node, written);
    const source = node.source;
    if (source.kind === 'execute' || source.kind === 'execute-string') {
      // The T-SQL INSERT, as written, goes in front of the dynamic text (which stays T-SQL).
      const columns = node.columns.length === 0 ? '' : ` (${node.columns.map((column) => `[${column.replaceAll(']', ']]')}]`).join(', ')})`;
      const dynamic = node.output.length > 0 || node.top !== undefined ? undefined : dynamicInsert(source, `INSERT INTO ${sourceText(w.ctx, node.target)}${columns} `, w);
      return dynamic ?? w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'INSERT ... EXEC of a procedure has no equivalent: have the procedure write the table, or turn it into a query or a SQL table function');
    }
    const identity = identityOf(node.target, w);
    const plan = node.output.length === 0 ? undefined : insertOutput(node, identity?.identity, w);
    const { top, output } = remainingClauses(node, plan, w);
    const target = tableSource(node.target, w.ctx);
    reportDroppedOptions(node, w);
    const columns = node.columns.length === 0 ? '' : ` (${node.columns.map((column) => w.ctx.dialect.identifier(column)).join(', ')})`;
    let statement: ScriptNode[];
    switch (source.kind) {
      case 'values': {
        // Each value converted to its column's type where that is known (1 into a bit is TRUE).
        const key = targetKey(node.target);
        const names = node.columns.length > 0 ? node.columns : key === undefined ? undefined : tableColumnNames(key, w.ctx);
        const slot = (index: number) => {
          const column = names?.[index];
          return key === undefined || column === undefined ? undefined : tableColumnType(key, column, w.ctx);
        };
        const rows = source.rows.map((row) => `(${row.values.map((value, index) => expressionAs(value, slot(index), w.ctx)).join(', ')})`).join(', ');
        statement = [w.sql(node, `${withPrefix(node, w, node.options)}INSERT INTO${top} ${target}${columns}\nVALUES ${rows}${output}`)];
        break;
      }
      case 'query': {
        if (identity !== undefined && identity.identity.fromSequence !== true && source.orderBy.length > 0 && !node.columns.some((column) => column.toLowerCase() === identity.identity.column.toLowerCase())) {
          w.ctx.report(
            'TR_SEMANTIC',
            node,
            `INSERT ... SELECT ... ORDER BY numbered the identity column ${identity.identity.column} in that order in SQL Server (1, 2, 3 ... into a new table); here its values are unique but follow no order. Where the code relies on the numbering, write the column: row_number() OVER (ORDER BY ...)`,
          );
        }
        const typed = convertedForColumns(node, source, w);
        // NEXT VALUE FOR among the columns: a block of values is taken first (sequences.ts).
        const rows = () => `${withPrefix(node, w, [...node.options, ...source.options])}${query(typed, w.ctx)}`;
        const numbered = numberRowsAhead(source, w, rows);
        statement = [...(numbered?.before ?? []), w.sql(node, `INSERT INTO${top} ${target}${columns}\n${numbered?.text ?? rows()}${output}`)];
        break;
      }
      case 'default-values': {
        // Every column takes its default: name one column and give it DEFAULT.
        const first = firstColumn(node.target, w);
        if (first === undefined) return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'INSERT ... DEFAULT VALUES: Databricks needs a column list; write INSERT INTO t (column) VALUES (DEFAULT)');
        statement = [w.sql(node, `INSERT INTO${top} ${target} (${w.ctx.dialect.identifier(first)})\nVALUES (DEFAULT)${output}`)];
        break;
      }
      default: {
        const unknown: never = source;
        return String(unknown) as never;
      }
    }
    return withOutput(node, plan, statement, w);
  });
  noteInsert(node.target, w);
  return translated;
}

/**
 * INSERT ... SELECT into columns the inventory (or the text) knows, converted as T-SQL converts
 * what it stores: numbers into bit columns (0 is 0, others 1; the targets store no number in a
 * BOOLEAN) become CAST(... AS bit); text into date and datetime columns ('20200101',
 * '12/31/9999', a varchar staging column) is read as CAST reads it, where the targets would
 * refuse all but ISO forms.
 */
function convertedForColumns(node: InsertStatement, source: Query, w: StatementWriter): Query {
  const body = source.body;
  const key = targetKey(node.target);
  if (body.kind !== 'select' || key === undefined) return source;
  const names = node.columns.length > 0 ? node.columns : tableColumnNames(key, w.ctx);
  // A * stands for columns of its own: the items no longer line up with the columns by position.
  if (names === undefined || body.columns.some((item) => item.kind === 'select-column' && item.expression.kind === 'star')) return source;
  let changed = false;
  const columns = withTableScope(w.ctx, body.from, () =>
    body.columns.map((item, index) => {
      const column = names[index];
      const family = column === undefined ? undefined : tableColumnType(key, column, w.ctx)?.family;
      if (item.kind !== 'select-column' || family === undefined) return item;
      if (family === 'date' || family === 'datetime') {
        const type = valueType(item.expression, w.ctx).family;
        if (type !== 'string' && !isStringLiteral(item.expression)) return item;
        changed = true;
        return { ...item, expression: asDate(item.expression, family, w.ctx) };
      }
      // A value of unknown type too: CAST to BOOLEAN leaves a bit as it is.
      if (family !== 'bit' || valueType(item.expression, w.ctx).family === 'bit') return item;
      changed = true;
      return { ...item, expression: castNode(item.expression, dataTypeNode('bit', item.expression)) };
    }),
  );
  return changed ? { ...source, body: { ...body, columns } } : source;
}

/**
 * INSERT without a column list into a table with an identity column: SQL Server fills the
 * other columns in order and numbers the identity; Databricks wants a value for every column
 * of the table. The column list is written out without the identity column, where the
 * table's columns are known.
 */
function identityLeftOut(node: InsertStatement, w: StatementWriter): InsertStatement {
  if (node.columns.length > 0 || node.source.kind === 'default-values') return node;
  const key = targetKey(node.target);
  const identity = identityOf(node.target, w)?.identity;
  const names = key === undefined ? undefined : tableColumnNames(key, w.ctx);
  if (key !== undefined && names === undefined && node.target.kind === 'table-ref' && !isTemporaryName(node.target.name)) {
    const table = node.target.name.parts.join('.');
    if (identity !== undefined && identity.fromSequence !== true) {
      w.ctx.report('TR_SEMANTIC', node, `INSERT into ${table} without a column list: it has the identity column ${identity.column}, which SQL Server filled and Databricks wants a value for, and lakeshift does not know its other columns: list them`);
    } else {
      w.ctx.reportOnce(`unlisted:${key}`, 'TR_INSERT_UNLISTED', node, `INSERT into ${table} without a column list, and lakeshift does not know its columns: if it has an identity column, list the columns (Databricks wants a value for it)`);
    }
  }
  if (key === undefined || identity === undefined || identity.fromSequence === true || names === undefined) return node;
  // SQL Server fills no rowversion column either (a computed one the inventory leaves out).
  const filled = names.filter((name) => name.toLowerCase() !== identity.column.toLowerCase() && !['timestamp', 'rowversion'].includes(tableColumnType(key, name, w.ctx)?.name ?? ''));
  return { ...node, columns: filled };
}

/** A DML target's identity column, where the inventory or an earlier CREATE TABLE / DECLARE knows it, with the table's target name. */
function identityOf(target: DmlTarget, w: StatementWriter): { identity: IdentityColumn; table: string } | undefined {
  const key = targetKey(target);
  const identity = key === undefined ? undefined : w.ctx.identityColumn(key);
  if (identity === undefined) return undefined;
  const table = target.kind === 'table-ref' ? w.ctx.objectName(target.name) : w.ctx.tableVariable((target as Extract<DmlTarget, { kind: 'table-variable' }>).name, target);
  return { identity, table };
}

/** The table SCOPE_IDENTITY() reads from now on: the one this INSERT (or MERGE) wrote. */
function noteInsert(target: DmlTarget, w: StatementWriter): void {
  const found = identityOf(target, w);
  // SCOPE_IDENTITY() reads identity columns only: a sequence default never set it.
  const identity = found?.identity.fromSequence === true ? undefined : found;
  const tsqlName = target.kind === 'table-ref' ? target.name.parts.join('.') : target.kind === 'table-variable' ? target.name : 'a table function';
  w.ctx.lastInsert =
    identity !== undefined
      ? { kind: 'known', table: identity.table, tsqlName, identity: identity.identity }
      : {
          kind: 'unknown',
          tsqlName,
          ...(found === undefined ? {} : { sequenceKey: found.identity.column }),
          ...(target.kind === 'table-ref' ? { table: { key: TranslationContext.tableKey(target.name), name: w.ctx.objectName(target.name) } } : {}),
        };
}

/** The first column of a table whose columns the inventory (or the text's own definition) holds. */
function firstColumn(target: DmlTarget, w: StatementWriter): string | undefined {
  const key = targetKey(target);
  return key === undefined ? undefined : tableColumnNames(key, w.ctx)?.[0];
}

// -----------------------------------------------------------------------------------------------
// UPDATE / DELETE ... FROM

/** An UPDATE or DELETE through a CTE as the statement against its base table (updatable-cte.ts) with its notes reported, or why it cannot be; others as they are. */
function throughCte<T extends UpdateStatement | DeleteStatement>(node: T, w: StatementWriter): T | string | ScriptNode[] {
  const change = changeThroughCte(node, w.ctx);
  if (change === undefined) return node;
  if (change.kind === 'problem') return change.problem;
  for (const note of change.notes) w.ctx.report(note.code, node, note.message);
  if (change.kind === 'rewritten') return change.statement as T;
  if (change.kind === 'recompute') {
    const prefix = withCtes(change, w, () => withPrefix(change, w));
    return withCtes(change, w, () => w.ctx.dialect.replaceRows(tableSource(change.table, w.ctx), undefined, `${prefix}${recomputedRows(change, w)}`).map((text) => w.sql(node, text)));
  }
  const rows = `${query(change.all, w.ctx)}\nEXCEPT ALL\n${query(change.removed, w.ctx)}`;
  const prefix = withCtes(change, w, () => withPrefix(change, w));
  const columns = change.columns.map((column) => w.ctx.dialect.identifier(column)).join(', ');
  return withCtes(change, w, () => w.ctx.dialect.replaceRows(tableSource(change.table, w.ctx), columns, `${prefix}${rows}`).map((text) => w.sql(node, text)));
}

/**
 * The rows of a table an UPDATE through a CTE rewrites whole (updatable-cte.ts): its columns by
 * name, those the UPDATE sets by CASE, each value converted to its column's type as SQL Server
 * stores it (1 into a bit is TRUE).
 */
function recomputedRows(change: Extract<CteChange, { kind: 'recompute' }>, w: StatementWriter): string {
  const dialect = w.ctx.dialect;
  const table = change.table;
  const key = table.kind === 'table-ref' ? TranslationContext.tableKey(table.name) : table.name;
  const excluded = [...change.set.map((item) => item.column), ...change.hidden].map((column) => dialect.identifier(column)).join(', ');
  return withTableScope(w.ctx, [change.source], () => {
    const condition = change.condition === undefined ? undefined : expression(change.condition, w.ctx);
    // A DELETE keeps the rows its condition does not hold for (NULL included, as in T-SQL).
    if (change.remove) return `SELECT ${dialect.allColumnsExcept(excluded)}\nFROM ${tableSource(change.source, w.ctx)}\nWHERE ${condition === undefined ? 'FALSE' : `NOT coalesce(${condition}, FALSE)`}`;
    const columns = change.set.map(({ column, value }) => {
      const stored = expressionAs(value, tableColumnType(key, column, w.ctx), w.ctx);
      const current = expression(columnRef([change.source.alias!, column], change.source), w.ctx);
      return `${condition === undefined ? stored : `CASE WHEN ${condition} THEN ${stored} ELSE ${current} END`} AS ${dialect.identifier(column)}`;
    });
    return `SELECT ${dialect.allColumnsExcept(excluded)}, ${columns.join(', ')}\nFROM ${tableSource(change.source, w.ctx)}`;
  });
}

/** A table of the FROM clause and the names columns use to refer to it. */
interface Leaf {
  readonly source: TableSource;
  /** Lower-cased qualifiers that name it: its alias, or the tails of its name. */
  readonly qualifiers: readonly string[];
  /** The qualifier the translation writes for it. */
  readonly canonical: string;
}

function leavesOf(source: TableSource): TableSource[] {
  if (source.kind === 'join') return [...leavesOf(source.left), ...leavesOf(source.right)];
  if (source.kind === 'pivot' || source.kind === 'unpivot') return [source];
  return [source];
}

function leafOf(source: TableSource): Leaf {
  switch (source.kind) {
    case 'table-ref': {
      const qualifiers = qualifiersOf(source.name, source.alias);
      return { source, qualifiers, canonical: source.alias ?? source.name.parts[source.name.parts.length - 1]! };
    }
    case 'table-variable':
      return { source, qualifiers: [(source.alias ?? source.name).toLowerCase()], canonical: source.alias ?? source.name };
    default: {
      const alias = 'alias' in source ? source.alias : undefined;
      return { source, qualifiers: alias === undefined ? [] : [alias.toLowerCase()], canonical: alias ?? '' };
    }
  }
}

/**
 * Column references written with a longer qualifier than the translation uses (dbo.T.c where the
 * table is written T, a mapped catalog.schema.T) are rewritten to the short one.
 */
function normalizeQualifiers<T>(node: T, leaves: readonly Leaf[]): T {
  return mapAst(node, (child) => {
    if (child.kind !== 'column-ref' || child.parts.length < 3) return undefined;
    const qualifier = qualifierOf(child)!;
    const leaf = leaves.find((candidate) => candidate.qualifiers.includes(qualifier));
    return leaf === undefined || leaf.canonical === '' ? undefined : columnRef([leaf.canonical, child.parts[child.parts.length - 1]!], child);
  });
}

/** Which FROM table is the UPDATE/DELETE target: by alias, or by name when nothing has that alias. */
function findTarget(target: DmlTarget, leaves: readonly TableSource[]): TableSource | string | undefined {
  const byAlias = (name: string) => leaves.filter((leaf) => 'alias' in leaf && leaf.alias?.toLowerCase() === name);
  if (target.kind === 'table-variable') {
    const name = target.name.toLowerCase();
    const matches = [...byAlias(name), ...leaves.filter((leaf) => leaf.kind === 'table-variable' && leaf.name.toLowerCase() === name)];
    return matches[0];
  }
  if (target.kind !== 'table-ref') return 'the target is a table-valued function';
  const parts = target.name.parts.map((part) => part.toLowerCase());
  if (parts.length === 1) {
    const aliased = byAlias(parts[0]!);
    if (aliased.length > 1) return `${target.name.parts[0]} names several tables of the FROM clause`;
    if (aliased.length === 1) {
      const leaf = aliased[0]!;
      if (leaf.kind !== 'table-ref' && leaf.kind !== 'table-variable') return `the target ${target.name.parts[0]} is a derived table or function of the FROM clause: write the change against its base table`;
      return leaf;
    }
  }
  const tail = parts.slice(-2).join('.');
  const named = leaves.filter((leaf) => leaf.kind === 'table-ref' && leaf.name.parts.slice(-2).map((part) => part.toLowerCase()).join('.').endsWith(tail) && (parts.length > 1 || leaf.name.parts[leaf.name.parts.length - 1]!.toLowerCase() === parts[0]));
  if (named.length > 1) return `${target.name.parts.join('.')} appears more than once in the FROM clause: give the target an alias`;
  return named[0];
}

interface Detached {
  /** The FROM clause without the target; undefined when the target was all of it. */
  readonly rest?: TableSource;
  /** Join conditions between the target and the rest. */
  readonly on: readonly Expression[];
  /** Target rows without a match in the rest are still changed (a LEFT JOIN from the target). */
  readonly preserved: boolean;
}

type JoinSide = 'inner' | 'outer';

/**
 * The FROM clause with the target taken out. Inner joins of the target give their conditions
 * to the match; a LEFT JOIN from the target (or RIGHT JOIN to it, FULL JOIN, OUTER APPLY) keeps
 * target rows without a match, which MERGE expresses with WHEN NOT MATCHED BY SOURCE; an outer
 * join that the target is on the optional side of matches like an inner join, since only rows
 * with a target row are changed.
 */
function detach(node: TableSource, target: TableSource): Detached | string | undefined {
  if (node === target) return { on: [], preserved: false };
  if (node.kind !== 'join') return undefined;
  const left = detach(node.left, target);
  const right = left === undefined ? detach(node.right, target) : undefined;
  const inner = left ?? right;
  if (inner === undefined) return undefined;
  if (typeof inner === 'string') return inner;
  const targetOnLeft = left !== undefined;
  const other = targetOnLeft ? node.right : node.left;
  const side = sideOf(node.type, targetOnLeft);
  if (typeof side === 'object') return side.problem;
  const targetQualifiers = leafOf(target).qualifiers;
  const onRefersToTarget = node.on !== undefined && (refersTo(node.on, targetQualifiers) || unqualified(node.on));
  if (side === 'inner') {
    if (inner.preserved) return 'a join after the LEFT JOIN from the target: rewrite the statement as MERGE by hand';
    if (inner.rest === undefined) return { rest: other, on: [...inner.on, ...(node.on === undefined ? [] : [node.on])], preserved: false };
    const type = node.type === 'CROSS APPLY' ? 'CROSS APPLY' : onRefersToTarget || node.on === undefined ? 'CROSS' : 'INNER';
    const joined: Join = { ...node, type, left: targetOnLeft ? inner.rest : other, right: targetOnLeft ? other : inner.rest, ...(type === 'INNER' ? {} : { on: undefined }) };
    return { rest: joined, on: [...inner.on, ...(onRefersToTarget && node.on !== undefined ? [node.on] : [])], preserved: false };
  }
  if (inner.rest === undefined) return { rest: other, on: node.on === undefined ? [] : [node.on], preserved: true };
  if (onRefersToTarget) return 'an outer join whose condition uses the target after other joins: rewrite the statement as MERGE by hand';
  // (t ⟕ a) ⟕ b  =  t ⟕ (a ⟕ b) when b's condition needs a: b hangs off the rest.
  return { rest: { ...node, left: targetOnLeft ? inner.rest : other, right: targetOnLeft ? other : inner.rest }, on: inner.on, preserved: inner.preserved };
}

function sideOf(type: Join['type'], targetOnLeft: boolean): JoinSide | { problem: string } {
  switch (type) {
    case 'INNER':
    case 'CROSS':
      return 'inner';
    case 'CROSS APPLY':
      return targetOnLeft ? 'inner' : { problem: 'the target is applied to another table' };
    case 'OUTER APPLY':
      return targetOnLeft ? 'outer' : { problem: 'the target is applied to another table' };
    case 'LEFT':
      return targetOnLeft ? 'outer' : 'inner';
    case 'RIGHT':
      return targetOnLeft ? 'inner' : 'outer';
    case 'FULL':
      return 'outer';
    default: {
      const unknown: never = type;
      return { problem: String(unknown) };
    }
  }
}

function unqualified(node: Expression | undefined): boolean {
  return columnRefs(node).some((ref) => ref.parts.length === 1);
}

/** The FROM list as one table source: a comma list is a cross join. */
function fromTree(from: readonly TableSource[]): TableSource | undefined {
  return from.reduce<TableSource | undefined>((left, right) => (left === undefined ? right : ({ kind: 'join', type: 'CROSS', left, right, start: right.start, end: right.end } as Join)), undefined);
}

interface DmlPlan {
  /** The target's table in the FROM clause (or the statement's target when the FROM clause does not name it). */
  readonly targetSource: TableSource;
  /** The target as the statement writes it: its name, and its alias when it has one. */
  readonly targetText: string;
  /** The qualifier columns of the target are written with (its alias, or its last name part). */
  readonly targetQualifier: string;
  readonly targetQualifiers: readonly string[];
  readonly rest?: TableSource;
  readonly restLeaves: readonly Leaf[];
  readonly on: readonly Expression[];
  readonly where: readonly Expression[];
  readonly preserved: boolean;
  readonly set: readonly SetItem[];
}

/** Understands UPDATE/DELETE ... FROM: the target, the rest of the FROM clause and the conditions. */
function plan(node: UpdateStatement | DeleteStatement, w: StatementWriter): DmlPlan | string {
  const isCte = (source: TableSource): boolean =>
    source.kind === 'table-ref' && source.name.parts.length === 1 && node.with?.ctes.some((cte) => cte.name.toLowerCase() === source.name.parts[0]!.toLowerCase()) === true;
  const cteProblem = (source: TableSource) =>
    `the target ${(source as Extract<TableSource, { kind: 'table-ref' }>).name.parts[0]} is a common table expression (an updatable CTE): write the change against its base table`;
  if (isCte(node.target)) return cteProblem(node.target);
  const tree = fromTree(node.from);
  const leafSources = tree === undefined ? [] : leavesOf(tree);
  const found = findTarget(node.target, leafSources);
  if (typeof found === 'string') return found;
  const targetSource: TableSource = found ?? node.target;
  // UPDATE x ... FROM cte AS x: the alias names the CTE, which T-SQL updates through.
  if (isCte(targetSource)) return cteProblem(targetSource);
  const targetLeaf = leafOf(targetSource);
  const leaves = [targetLeaf, ...leafSources.filter((leaf) => leaf !== found).map(leafOf)];
  // Qualifiers longer than the written names (dbo.T.c) are shortened everywhere first.
  const normalize = <T>(value: T): T => normalizeQualifiers(value, leaves);
  const normalizedTree = tree === undefined ? undefined : normalize(tree);
  const normalizedTarget = found === undefined ? targetSource : leavesOf(normalizedTree!)[leafSources.indexOf(found)]!;
  let detached: Detached | string | undefined = normalizedTree === undefined ? undefined : detach(normalizedTree, normalizedTarget);
  if (typeof detached === 'string') return detached;
  // The target is not in the FROM clause: it is joined to all of it through the WHERE clause.
  if (detached === undefined) detached = { ...(normalizedTree === undefined ? {} : { rest: normalizedTree }), on: [], preserved: false };
  const restLeaves = detached.rest === undefined ? [] : leavesOf(detached.rest).map(leafOf);
  const restQualifiers = restLeaves.flatMap((leaf) => leaf.qualifiers);
  if (detached.rest !== undefined && refersTo(detached.rest, targetLeaf.qualifiers)) {
    return 'a table of the FROM clause refers to the target inside its own join (APPLY, a derived table): rewrite the statement as MERGE by hand';
  }
  if (restQualifiers.some((qualifier) => targetLeaf.qualifiers.includes(qualifier))) return 'the target and another table of the FROM clause have the same name: give them aliases';
  const targetText = tableSource(normalizedTarget, w.ctx);
  return {
    targetSource: normalizedTarget,
    targetText,
    targetQualifier: w.ctx.dialect.identifier(targetLeaf.canonical),
    targetQualifiers: targetLeaf.qualifiers,
    ...(detached.rest === undefined ? {} : { rest: detached.rest }),
    restLeaves,
    on: detached.on.flatMap(conjuncts),
    where: conjuncts(node.where === undefined ? undefined : normalize(node.where)),
    preserved: detached.preserved,
    set: node.kind === 'update' ? normalize(node.set) : [],
  };
}

/** A condition that reads only the target (or no table): it can stay outside a subquery on the rest. */
function targetOnly(condition: Expression, p: DmlPlan): boolean {
  const restQualifiers = p.restLeaves.flatMap((leaf) => leaf.qualifiers);
  return !refersTo(condition, restQualifiers) && !unqualified(condition);
}

/** Whether the rest of the FROM clause and the conditions on it can sit in WHERE EXISTS (...) (Databricks refuses nested subqueries there). */
function fitsExists(p: DmlPlan, inside: readonly Expression[]): boolean {
  return p.rest !== undefined && !hasSubquery(p.rest) && !inside.some((condition) => hasSubquery(condition));
}

/** References to the rest's columns replaced by NULL: the values a target row without a match sees. */
function withoutMatch<T>(node: T, p: DmlPlan): T {
  const qualifiers = p.restLeaves.flatMap((leaf) => leaf.qualifiers);
  return mapAst(node, (child) => (child.kind === 'column-ref' && child.parts.length >= 2 && qualifiers.includes(qualifierOf(child)!) ? nullLiteral(child) : undefined));
}

/**
 * A LEFT JOIN from the target, seen from the WHERE clause: whether a target row with a match
 * can pass it (not when it requires `other.column IS NULL` of a column the join condition
 * compares with =, the anti-join), and what a target row without a match must pass: the WHERE
 * with the other tables' columns NULL, `NULL IS NULL` dropped, or 'never' when a conjunct is
 * `NULL IS NOT NULL`.
 */
function splitPreserved(p: DmlPlan): { matched: boolean; unmatched: Expression[] | 'never' } {
  const restQualifiers = p.restLeaves.flatMap((leaf) => leaf.qualifiers);
  const compared = new Set(
    p.on.flatMap((condition) =>
      conjuncts(condition).flatMap((item) => (item.kind === 'binary' && item.operator === '=' ? [item.left, item.right] : [])).filter((side): side is ColumnRef => side.kind === 'column-ref' && side.parts.length >= 2 && restQualifiers.includes(qualifierOf(side)!)).map((side) => side.parts.join('.').toLowerCase()),
    ),
  );
  const matched = !p.where.some((condition) => condition.kind === 'is-null' && !condition.not && condition.expression.kind === 'column-ref' && compared.has(condition.expression.parts.join('.').toLowerCase()));
  const unmatched: Expression[] = [];
  for (const condition of p.where.map((item) => withoutMatch(item, p))) {
    if (condition.kind === 'is-null' && condition.expression.kind === 'literal' && condition.expression.type === 'null') {
      if (condition.not) return { matched, unmatched: 'never' };
      continue;
    }
    unmatched.push(condition);
  }
  return { matched, unmatched };
}

/**
 * The USING source of a MERGE: the rest itself when it is one table, else a derived table
 * joining its tables, with each column the statement reads projected under a unique name and
 * the references rewritten to it (src.a__id for a.id).
 */
function usingSource<T>(p: DmlPlan, w: StatementWriter, parts: T): { text: string; parts: T } {
  const rest = p.rest!;
  if (rest.kind !== 'join') return { text: mergeSource(rest, w), parts };
  const qualifiers = new Map(p.restLeaves.flatMap((leaf) => leaf.qualifiers.map((qualifier) => [qualifier, leaf] as const)));
  const projected = new Map<string, ColumnRef>();
  const rewritten = mapAst(parts, (child) => {
    if (child.kind !== 'column-ref' || child.parts.length < 2) return undefined;
    const leaf = qualifiers.get(qualifierOf(child)!);
    if (leaf === undefined) return undefined;
    const column = child.parts[child.parts.length - 1]!;
    const name = `${leaf.canonical}__${column}`.replace(/\W/g, '_');
    projected.set(name.toLowerCase(), columnRef([leaf.canonical, column], child));
    return columnRef(['src', name], child);
  });
  const columns = [...projected.entries()].map(([, ref]) => `${expression(ref, w.ctx)} AS ${w.ctx.dialect.identifier(`${ref.parts[0]}__${ref.parts[1]}`.replace(/\W/g, '_'))}`);
  const select = columns.length === 0 ? '*' : columns.join(', ');
  return { text: `(SELECT ${select} FROM ${tableSource(rest, w.ctx)}) AS src`, parts: rewritten };
}

/**
 * A MERGE source: a table, view or derived table as it is; a table-valued function (or PIVOT)
 * inside a derived table of its own, since MERGE ... USING takes a table reference or a query.
 */
function mergeSource(source: TableSource, w: StatementWriter): string {
  if (source.kind !== 'table-function' && source.kind !== 'pivot' && source.kind !== 'unpivot') return tableSource(source, w.ctx);
  const alias = 'alias' in source && source.alias !== undefined ? w.ctx.dialect.identifier(source.alias) : 'src';
  return `(SELECT * FROM ${tableSource(source, w.ctx)}) AS ${alias}`;
}

/** Unqualified columns of a multi-table UPDATE/DELETE, resolved through the inventory's column types where it can. */
function qualifyUnqualified<T>(node: T, p: DmlPlan, w: StatementWriter, at: { readonly start: number }): T {
  if (p.rest === undefined || p.rest.kind !== 'join') return node;
  const columnTypes = w.ctx.options.columnTypes;
  const tableOf = (leaf: Leaf) => (leaf.source.kind === 'table-ref' ? `${leaf.source.name.parts[leaf.source.name.parts.length - 2] || 'dbo'}.${leaf.source.name.parts[leaf.source.name.parts.length - 1]}`.toLowerCase() : undefined);
  const unresolved = new Set<string>();
  const result = mapAst(node, (child) => {
    if (child.kind !== 'column-ref' || child.parts.length !== 1) return undefined;
    const column = child.parts[0]!.toLowerCase();
    const owners = columnTypes === undefined ? [] : p.restLeaves.filter((leaf) => {
      const table = tableOf(leaf);
      return table !== undefined && columnTypes(table)?.has(column) === true;
    });
    if (owners.length === 1) return columnRef([owners[0]!.canonical, child.parts[0]!], child);
    unresolved.add(child.parts[0]!);
    return undefined;
  });
  if (unresolved.size > 0) {
    w.ctx.report('TR_SEMANTIC', at as never, `unqualified column${unresolved.size > 1 ? 's' : ''} ${[...unresolved].join(', ')} read as the target's: qualify ${unresolved.size > 1 ? 'them' : 'it'} if ${unresolved.size > 1 ? 'they belong' : 'it belongs'} to a joined table`);
  }
  return result;
}

/**
 * UPDATE ... FROM: the rows to change come from a join, which Databricks UPDATE cannot say.
 *
 * - The FROM clause is only the target: UPDATE ... WHERE.
 * - The new values read only the target: UPDATE target SET ... WHERE EXISTS (SELECT 1 FROM the
 *   other tables WHERE the join conditions), exactly T-SQL's semantics (each row once).
 * - Otherwise MERGE INTO target USING the other tables ON the join conditions WHEN MATCHED THEN
 *   UPDATE; a LEFT JOIN from the target adds WHEN NOT MATCHED BY SOURCE THEN UPDATE with the
 *   other tables' columns NULL, as the LEFT JOIN gave them. MERGE fails when several source rows
 *   match one target row, where SQL Server silently takes one of them.
 */
export function update(written: UpdateStatement, w: StatementWriter): ScriptNode[] {
  const node = throughCte(written, w);
  if (typeof node === 'string') return w.keep(written, 'TR_UNSUPPORTED_STATEMENT', `UPDATE not translated: ${node}`);
  if (Array.isArray(node)) return node;
  return withCtes(node, w, () =>
    // The target's and the FROM tables' columns have their types (SET 1 into a bit is TRUE).
    withTableScope(w.ctx, [node.target, ...node.from], () => {
      if (node.currentOf !== undefined) return w.keep(node, 'TR_CURSOR_UNSUPPORTED', `UPDATE ... WHERE CURRENT OF ${node.currentOf}: rewrite the cursor loop as one UPDATE or MERGE`);
      const written = writtenName(node.target, w);
      if (written !== undefined) w.checkWritable(node, written);
      reportDroppedOptions(node, w);
      const p = plan(node, w);
      if (typeof p === 'string') {
        const looked = lookupsAsSubqueries(node);
        if (looked === undefined) return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `UPDATE ... FROM not translated: ${p}`);
        w.ctx.report(
          'TR_SEMANTIC',
          node,
          'UPDATE ... FROM with several LEFT JOINs from the target: each column of a joined table is read with a correlated subquery on its join condition (MERGE takes one source); such a subquery fails when it finds several rows, where SQL Server silently took one of them. Correlated subqueries in UPDATE ... SET are not verified on Databricks (open-source Delta refuses them): where it refuses, load the joined rows into a temporary table with the target key and MERGE from it',
        );
        return update(looked, w);
      }
      const check = assignments(p.set, w);
      if (typeof check !== 'string') return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', check.problem);
      const outputPlan = changedOutput(node, p, w);
      const { top, output } = remainingClauses(node, outputPlan, w);
      return withOutput(node, outputPlan, updateText(node, p, check, top, output, w), w, p.targetSource);
    }),
  );
}

/**
 * `UPDATE t SET ... FROM t LEFT JOIN a ON ... LEFT JOIN b ON ...`, each table looked up by a
 * condition on the target and itself alone: the statement with only the target in its FROM
 * clause and each column read from a looked-up table as a subquery on that table's join
 * condition, NULL where it finds no row, as the LEFT JOIN gave. Undefined for any other FROM
 * clause, and where a looked-up column is read inside a subquery already.
 */
function lookupsAsSubqueries(node: UpdateStatement): UpdateStatement | undefined {
  const tree = fromTree(node.from);
  const lookups: Array<{ readonly leaf: Leaf; readonly on: Expression }> = [];
  let leftmost = tree;
  while (leftmost?.kind === 'join') {
    if (leftmost.type !== 'LEFT' || leftmost.on === undefined || leftmost.right.kind === 'join') return undefined;
    lookups.unshift({ leaf: leafOf(leftmost.right), on: leftmost.on });
    leftmost = leftmost.left;
  }
  if (tree === undefined || leftmost === undefined || lookups.length < 2 || findTarget(node.target, leavesOf(tree)) !== leftmost) return undefined;
  const targetQualifiers = leafOf(leftmost).qualifiers;
  const leaves = [leafOf(leftmost), ...lookups.map((lookup) => lookup.leaf)];
  const lookupQualifiers = lookups.flatMap((lookup) => lookup.leaf.qualifiers);
  const ownOnly = lookups.every(({ leaf, on }) => {
    const own = [...targetQualifiers, ...leaf.qualifiers];
    return leaf.qualifiers.length > 0 && !hasSubquery(leaf.source) && !refersTo(leaf.source, targetQualifiers) && !hasSubquery(on) && columnRefs(on).every((ref) => ref.parts.length >= 2 && own.includes(qualifierOf(ref)!));
  });
  const parts = normalizeQualifiers({ set: node.set, where: node.where }, leaves);
  const read = [...parts.set.map((item) => (item.kind === 'assignment' ? item.value : item)), parts.where];
  if (!ownOnly || unqualifiedOutsideSubqueries(read) || readInSubquery(read, lookupQualifiers)) return undefined;
  const looked = mapAst(parts, (child) => {
    if (child.kind !== 'column-ref' || child.parts.length < 2) return undefined;
    const lookup = lookups.find(({ leaf }) => leaf.qualifiers.includes(qualifierOf(child)!));
    if (lookup === undefined) return undefined;
    const span = { start: child.start, end: child.end };
    const select: Select = { kind: 'select', columns: [{ kind: 'select-column', expression: child, ...span }], from: [lookup.leaf.source], where: lookup.on, windows: [], ...span };
    const subquery: Query = { kind: 'query', body: select, orderBy: [], options: [], ...span };
    return { kind: 'subquery', query: subquery, ...span };
  });
  return { ...node, from: [leftmost], set: looked.set, ...(looked.where === undefined ? {} : { where: looked.where }) };
}

/** Whether `node` reads a column without a qualifier (which table it belongs to is not known), subqueries left out. */
function unqualifiedOutsideSubqueries(nodes: ReadonlyArray<AstNode | undefined>): boolean {
  return nodes.some((node) => outsideSubqueries(node, (child) => child.kind === 'column-ref' && child.parts.length === 1));
}

/** Whether a subquery in `nodes` reads a column of one of the tables `qualifiers` name. */
function readInSubquery(nodes: ReadonlyArray<AstNode | undefined>, qualifiers: readonly string[]): boolean {
  return nodes.some((node) => outsideSubqueries(node, (child) => child.kind === 'query' && refersTo(child, qualifiers)));
}

/** Whether `test` holds for a node of `node`, not looking inside subqueries (a subquery itself is tested). */
function outsideSubqueries(node: AstNode | undefined, test: (child: AstNode) => boolean): boolean {
  let found = false;
  if (node === undefined) return false;
  walkAst(node, (child) => {
    if (test(child)) found = true;
    return !found && child.kind !== 'query';
  });
  return found;
}

function updateText(node: UpdateStatement, p: DmlPlan, check: string, top: string, output: string, w: StatementWriter): ScriptNode[] {
  {
    const prefix = withPrefix(node, w, node.options, 'UPDATE');
    const conditions = [...p.on, ...p.where];

    if (p.rest === undefined) {
      const where = conditions.length === 0 ? '' : `\nWHERE ${conditionText(conditions, w)}`;
      return [w.sql(node, `${prefix}UPDATE${top} ${p.targetText}\nSET ${check}${where}${output}`)];
    }
    const setReadsRest = p.set.some((item) => item.kind === 'assignment' && (refersTo(item.value, p.restLeaves.flatMap((leaf) => leaf.qualifiers)) || (p.rest?.kind === 'join' && unqualified(item.value))));
    if (!p.preserved && !setReadsRest) {
      const outside = conditions.filter((condition) => targetOnly(condition, p));
      const inside = conditions.filter((condition) => !targetOnly(condition, p));
      if (fitsExists(p, inside)) {
        const exists = `EXISTS (SELECT 1 FROM ${tableSource(p.rest, w.ctx)}${inside.length === 0 ? '' : ` WHERE ${conditionText(inside, w)}`})`;
        return [w.sql(node, `${prefix}UPDATE${top} ${p.targetText}\nSET ${check}\nWHERE ${[...outside.map((condition) => parenthesized(condition, w)), exists].join(' AND ')}${output}`)];
      }
    }
    if (p.preserved && !setReadsRest && p.where.every((condition) => targetOnly(condition, p))) {
      // Every target row is in a LEFT JOIN from it: the join changes nothing.
      const where = p.where.length === 0 ? '' : `\nWHERE ${conditionText(p.where, w)}`;
      return [w.sql(node, `${prefix}UPDATE${top} ${p.targetText}\nSET ${check}${where}${output}`)];
    }
    const antiJoin = p.preserved && !setReadsRest ? notExists(p, w) : undefined;
    if (antiJoin !== undefined) return [w.sql(node, `${prefix}UPDATE${top} ${p.targetText}\nSET ${check}\nWHERE ${antiJoin}${output}`)];
    return mergeFromPlan(node, p, w, prefix, top, output);
  }
}

/** The anti-join `LEFT JOIN other ... WHERE other.key IS NULL` as `NOT EXISTS (...)`, where it is one. */
function notExists(p: DmlPlan, w: StatementWriter): string | undefined {
  const { matched, unmatched } = splitPreserved(p);
  if (matched || unmatched === 'never' || !fitsExists(p, p.on)) return undefined;
  const exists = `NOT EXISTS (SELECT 1 FROM ${tableSource(p.rest!, w.ctx)}${p.on.length === 0 ? '' : ` WHERE ${conditionText(p.on, w)}`})`;
  return [...unmatched.map((condition) => parenthesized(condition, w)), exists].join(' AND ');
}

function mergeFromPlan(node: UpdateStatement | DeleteStatement, p: DmlPlan, w: StatementWriter, prefix: string, top: string, output: string): ScriptNode[] {
  const qualified = qualifyUnqualified({ set: p.set, on: p.on, where: p.where }, p, w, node);
  const split = p.preserved ? splitPreserved({ ...p, on: qualified.on, where: qualified.where }) : { matched: true, unmatched: [] as Expression[] };
  const matched = p.preserved ? qualified.where : [];
  const unmatched = split.unmatched === 'never' ? [] : split.unmatched;
  const unmatchedSet = p.preserved ? qualified.set.map((item) => withoutMatch(item, p)) : [];
  const { text: using, parts } = usingSource(p, w, { set: qualified.set, on: p.preserved ? qualified.on : [...qualified.on, ...qualified.where], matched });
  const setText = assignments(parts.set, w, p.targetQualifier);
  if (typeof setText !== 'string') return w.keep(node as UpdateStatement, 'TR_UNSUPPORTED_STATEMENT', setText.problem);
  const on = parts.on.length === 0 ? 'TRUE' : conditionText(parts.on, w);
  const and = (items: readonly Expression[]) => (items.length === 0 ? '' : ` AND ${items.length === 1 ? parenthesized(items[0]!, w) : `(${conditionText(items, w)})`}`);
  const target = p.targetText.includes(' AS ') ? p.targetText : `${p.targetText} AS ${p.targetQualifier}`;
  const clauses: string[] = [];
  const whenUnmatched = p.preserved && split.unmatched !== 'never';
  if (node.kind === 'update') {
    if (split.matched) clauses.push(`WHEN MATCHED${and(parts.matched)} THEN UPDATE SET ${setText}`);
    if (whenUnmatched) {
      const unmatchedText = assignments(unmatchedSet, w, p.targetQualifier);
      clauses.push(`WHEN NOT MATCHED BY SOURCE${and(unmatched)} THEN UPDATE SET ${typeof unmatchedText === 'string' ? unmatchedText : ''}`);
    }
    // Joined back to its own table by key, the CTE's note says what several matches would mean.
    if (!joinsCteByKey(node)) w.ctx.report('TR_SEMANTIC', node, 'UPDATE ... FROM became MERGE INTO: MERGE fails when several source rows match one target row, where SQL Server silently takes one of them');
  } else {
    if (split.matched) clauses.push(`WHEN MATCHED${and(parts.matched)} THEN DELETE`);
    if (whenUnmatched) clauses.push(`WHEN NOT MATCHED BY SOURCE${and(unmatched)} THEN DELETE`);
    if (split.matched && parts.matched.length > 0) w.ctx.report('TR_SEMANTIC', node, 'DELETE ... FROM became MERGE INTO with a condition on matched rows: MERGE fails when several source rows match one target row');
  }
  if (clauses.length === 0) {
    w.ctx.report('TR_SEMANTIC', node, 'the WHERE clause excludes every row of the join: the statement changes nothing and was left out');
    return [{ kind: 'comment', text: sourceText(w.ctx, node), line: w.line(node) }];
  }
  return [w.sql(node, `${prefix}MERGE INTO${top} ${target}\nUSING ${using}\nON ${on}\n${clauses.join('\n')}${output}`)];
}

/**
 * DELETE ... FROM: like UPDATE ... FROM, as DELETE ... WHERE EXISTS (SELECT 1 FROM the other
 * tables WHERE the join conditions) where Databricks allows the subquery (no subquery inside it),
 * else MERGE ... WHEN MATCHED THEN DELETE, which allows several matches per target row. A LEFT
 * JOIN from the target (the anti-join `WHERE other.key IS NULL`) adds WHEN NOT MATCHED BY SOURCE
 * THEN DELETE for the rows without a match.
 */
export function deleteStatement(written: DeleteStatement, w: StatementWriter): ScriptNode[] {
  const node = throughCte(written, w);
  if (typeof node === 'string') return w.keep(written, 'TR_UNSUPPORTED_STATEMENT', `DELETE not translated: ${node}`);
  if (Array.isArray(node)) return node;
  return withCtes(node, w, () =>
    withTableScope(w.ctx, [node.target, ...node.from], () => {
      if (node.currentOf !== undefined) return w.keep(node, 'TR_CURSOR_UNSUPPORTED', `DELETE ... WHERE CURRENT OF ${node.currentOf}: rewrite the cursor loop as one DELETE or MERGE`);
      const written = writtenName(node.target, w);
      if (written !== undefined) w.checkWritable(node, written);
      reportDroppedOptions(node, w);
      const p = plan(node, w);
      if (typeof p === 'string') return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `DELETE ... FROM not translated: ${p}`);
      const outputPlan = changedOutput(node, p, w);
      const { top, output } = remainingClauses(node, outputPlan, w);
      return withOutput(node, outputPlan, deleteStatementText(node, p, w, top, output), w, p.targetSource);
    }),
  );
}

function deleteStatementText(node: DeleteStatement, p: DmlPlan, w: StatementWriter, top: string, output: string): ScriptNode[] {
  const prefix = withPrefix(node, w, node.options, 'DELETE');
  const conditions = [...p.on, ...p.where];
  if (p.rest === undefined) {
    const where = conditions.length === 0 ? '' : `\nWHERE ${conditionText(conditions, w)}`;
    return [w.sql(node, `${prefix}DELETE${top} FROM ${p.targetText}${where}${output}`)];
  }
  if (!p.preserved) {
    const outside = conditions.filter((condition) => targetOnly(condition, p));
    const inside = conditions.filter((condition) => !targetOnly(condition, p));
    if (fitsExists(p, inside)) {
      const exists = `EXISTS (SELECT 1 FROM ${tableSource(p.rest, w.ctx)}${inside.length === 0 ? '' : ` WHERE ${conditionText(inside, w)}`})`;
      return [w.sql(node, `${prefix}DELETE${top} FROM ${p.targetText}\nWHERE ${[...outside.map((condition) => parenthesized(condition, w)), exists].join(' AND ')}${output}`)];
    }
  } else if (p.where.every((condition) => targetOnly(condition, p))) {
    const where = p.where.length === 0 ? '' : `\nWHERE ${conditionText(p.where, w)}`;
    return [w.sql(node, `${prefix}DELETE${top} FROM ${p.targetText}${where}${output}`)];
  } else {
    const antiJoin = notExists(p, w);
    if (antiJoin !== undefined) return [w.sql(node, `${prefix}DELETE${top} FROM ${p.targetText}\nWHERE ${antiJoin}${output}`)];
  }
  return mergeFromPlan(node, p, w, prefix, top, output);
}

/**
 * The target rows an UPDATE or DELETE changes, as a query counting them (for @@ROWCOUNT): the
 * target filtered by its own conditions and EXISTS over the other tables, each row once.
 */
export function changedRowsQuery(written: UpdateStatement | DeleteStatement, w: StatementWriter): Query | undefined {
  const change = changeThroughCte(written, w.ctx);
  if (change?.kind === 'problem') return undefined;
  // The table rewritten without the rows: those rows, counted.
  if (change?.kind === 'overwrite') return countRows(change.removed, written, change.with);
  if (change?.kind === 'recompute') return countRows(change.changed, written, change.with);
  const node = change?.kind === 'rewritten' ? change.statement : written;
  if (node.currentOf !== undefined) return undefined;
  const p = plan(node, w);
  if (typeof p === 'string') return undefined;
  const conditions = [...p.on, ...p.where];
  let filter: readonly Expression[];
  if (p.rest === undefined) filter = conditions;
  else if (p.preserved) {
    if (!p.where.every((condition) => targetOnly(condition, p))) return undefined;
    filter = p.where;
  } else {
    const inside = conditions.filter((condition) => !targetOnly(condition, p));
    const where = conjunction(inside);
    const one: Select = { kind: 'select', columns: [{ kind: 'select-column', expression: { kind: 'literal', type: 'integer', text: '1', value: '1', start: node.start, end: node.end }, start: node.start, end: node.end }], from: [p.rest], ...(where === undefined ? {} : { where }), windows: [], start: node.start, end: node.end };
    const exists: Expression = { kind: 'exists', start: node.start, end: node.end, query: { kind: 'query', body: one, orderBy: [], options: [], start: node.start, end: node.end } };
    filter = [...conditions.filter((condition) => targetOnly(condition, p)), exists];
  }
  return countQuery([p.targetSource], conjunction(filter), node, node.with);
}

// -----------------------------------------------------------------------------------------------
// MERGE

/**
 * MERGE: Databricks MERGE INTO has T-SQL's clauses: WHEN MATCHED [AND ...] THEN UPDATE/DELETE
 * (first matching clause wins, as in T-SQL), WHEN NOT MATCHED [BY TARGET] THEN INSERT, WHEN
 * NOT MATCHED BY SOURCE THEN UPDATE/DELETE. INSERT needs its column list there; INSERT DEFAULT
 * VALUES becomes INSERT (column) VALUES (DEFAULT) when a column is known. OUTPUT (with
 * $action) becomes a query of the rows the MERGE will change, run before it (output-clause.ts).
 */
export function merge(node: MergeStatement, w: StatementWriter): ScriptNode[] {
  const translated = withCtes(node, w, () => withTableScope(w.ctx, [node.target, node.source], () => mergeStatement(node, w)));
  if (node.clauses.some((clause) => clause.action.kind === 'merge-insert')) noteInsert(node.target, w);
  return translated;
}

function mergeStatement(node: MergeStatement, w: StatementWriter): ScriptNode[] {
  {
    const into = node.target;
    if (into.kind === 'table-ref' && into.name.parts.length === 1 && node.with?.ctes.some((cte) => cte.name.toLowerCase() === into.name.parts[0]!.toLowerCase()) === true) {
      // Neither target merges into a CTE; its rows and its WHERE would shape the clauses (NOT MATCHED BY SOURCE).
      return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `MERGE into the common table expression ${into.name.parts[0]}: write the MERGE against its base table, with the CTE's conditions in ON and in the WHEN NOT MATCHED BY SOURCE clauses`);
    }
    const written = writtenName(node.target, w);
    if (written !== undefined) w.checkWritable(node, written);
    reportDroppedOptions(node, w);
    const outputPlan = node.output.length === 0 ? undefined : mergeOutput(node, w);
    const { top, output } = remainingClauses(node, outputPlan, w);
    const key = targetKey(node.target);
    const targetLeaf = leafOf(node.target);
    const leaves = [targetLeaf, ...leavesOf(node.source).map(leafOf)];
    const normalized = normalizeQualifiers({ on: node.on, clauses: node.clauses }, leaves);
    const targetQualifier = w.ctx.dialect.identifier(targetLeaf.canonical);
    const targetText = tableSource(node.target, w.ctx);
    const target = node.target.kind === 'table-ref' && node.target.alias === undefined ? `${targetText} AS ${targetQualifier}` : targetText;
    const clauses: string[] = [];
    for (const clause of normalized.clauses) {
      const match = clause.match === 'NOT MATCHED BY TARGET' ? 'NOT MATCHED' : clause.match;
      const condition = clause.condition === undefined ? '' : ` AND ${parenthesized(clause.condition, w)}`;
      const action = clause.action;
      switch (action.kind) {
        case 'merge-update': {
          const set = assignments(action.set, w, targetQualifier);
          if (typeof set !== 'string') return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', set.problem);
          clauses.push(`WHEN ${match}${condition} THEN UPDATE SET ${set}`);
          break;
        }
        case 'merge-delete':
          clauses.push(`WHEN ${match}${condition} THEN DELETE`);
          break;
        case 'merge-insert': {
          let columns = action.columns;
          const names = columns.length > 0 ? columns : key === undefined ? undefined : tableColumnNames(key, w.ctx);
          let values = action.values.map((value, index) => {
            const column = names?.[index];
            return expressionAs(value, key === undefined || column === undefined ? undefined : tableColumnType(key, column, w.ctx), w.ctx);
          });
          if (action.defaultValues) {
            const first = firstColumn(node.target, w);
            if (w.ctx.target === 'duckdb') {
              clauses.push(`WHEN ${match}${condition} THEN INSERT DEFAULT VALUES`);
              break;
            }
            if (first === undefined) {
              w.ctx.report('TR_UNSUPPORTED_EXPRESSION', action, 'INSERT DEFAULT VALUES in MERGE: Databricks needs a column list; write INSERT (column) VALUES (DEFAULT)');
              clauses.push(`WHEN ${match}${condition} THEN INSERT /*[TR_UNSUPPORTED_EXPRESSION]*/ DEFAULT VALUES /*[/TR_UNSUPPORTED_EXPRESSION]*/`);
              break;
            }
            columns = [first];
            values = ['DEFAULT'];
          }
          if (columns.length === 0 && w.ctx.target === 'databricks') {
            w.ctx.report('TR_UNSUPPORTED_EXPRESSION', action, "MERGE ... INSERT without a column list: Databricks needs the target's columns listed");
            clauses.push(`WHEN ${match}${condition} THEN INSERT /*[TR_UNSUPPORTED_EXPRESSION]*/ VALUES /*[/TR_UNSUPPORTED_EXPRESSION]*/ (${values.join(', ')})`);
            break;
          }
          const list = columns.length === 0 ? '' : ` (${columns.map((column) => w.ctx.dialect.identifier(column)).join(', ')})`;
          clauses.push(`WHEN ${match}${condition} THEN INSERT${list} VALUES (${values.join(', ')})`);
          break;
        }
        default: {
          const unknown: never = action;
          return String(unknown) as never;
        }
      }
    }
    return withOutput(node, outputPlan, [w.sql(node, `${withPrefix(node, w, node.options, 'MERGE')}MERGE INTO${top} ${target}\nUSING ${mergeSource(node.source, w)}\nON ${expression(normalized.on, w.ctx)}\n${clauses.join('\n')}${output}`)], w);
  }
}


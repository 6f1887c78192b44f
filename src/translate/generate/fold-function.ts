import type { AstNode, CaseExpression, ColumnDefinition, CreateFunctionStatement, DataType, Expression, InsertStatement, Query, QueryBody, Select, Statement } from '../../tsql/index.js';
import { walkAst } from '../../tsql/index.js';
import { typeFamily } from '../dialects/types.js';
import { castNode, columnRef, mapAst, nullLiteral } from './ast-tools.js';
import { aggregatesToOneRow } from './queries.js';
import type { StatementWriter } from './statements.js';

/**
 * Folds the body of a T-SQL scalar function into one expression, for a SQL function
 * (RETURNS type RETURN expression). The body is evaluated symbolically: each variable holds the
 * expression of its current value, and reading a variable substitutes that expression.
 *
 * - DECLARE @x type [= v] and SET @x = v (and SELECT @x = v without FROM) assign. A value
 *   assigned to a numeric or date variable is cast to its type, as T-SQL converts on assignment.
 * - SELECT @x = v FROM ... becomes a scalar subquery (one row expected: T-SQL would take the
 *   last of several rows).
 * - IF c ... ELSE ...: variables assigned in either branch become CASE WHEN c THEN .. ELSE .. END
 *   (IF treats an unknown condition as false, as CASE does); a RETURN inside a branch makes the
 *   rest of the body the other branch.
 * - RETURN v ends it.
 *
 * Loops, table access other than SELECT assignments, EXEC and the like cannot be folded: the
 * reason is returned.
 */
export function foldScalarFunction(node: CreateFunctionStatement, w: StatementWriter): Expression | string {
  const types = new Map<string, DataType>();
  const result = foldList(flatten(node.body), new Map(), types, w);
  if (typeof result === 'string') return result;
  if (result.returns === undefined) return 'the body does not end with RETURN';
  if (size(result.returns) > 4000) return 'the folded expression is too large';
  return result.returns;
}

/**
 * Folds the body of a multi-statement table-valued function that fills its table with INSERTs
 * into one query, for a SQL table function (RETURNS TABLE (...) RETURN query). Assignments fold
 * as in a scalar function; the rows of each INSERT, read with the variables' values where it
 * runs, are converted to the table's column types, and the INSERTs are joined in order by
 * UNION ALL. RETURN ends the body. An INSERT inside IF, a loop, a statement that reads or
 * changes the table, an INSERT of some columns only, or an identity or computed column cannot
 * be folded: the reason is returned.
 */
export function foldTableFunction(node: CreateFunctionStatement, w: StatementWriter): Query | string {
  const returns = node.returns;
  if (returns.kind !== 'returns-table-variable') throw new TypeError(`${node.name.parts.join('.')} is not a multi-statement table-valued function`);
  const columns = returns.elements.filter((element): element is ColumnDefinition => element.kind === 'column-definition');
  const special = columns.find((column) => column.identity !== undefined || column.computed !== undefined || column.type === undefined);
  if (special !== undefined) return `its table's column ${special.name} is ${special.identity !== undefined ? 'an identity' : 'computed'}`;
  // The table is only filled: a statement that reads it (SELECT @n = COUNT(*) FROM @t) needs the rows so far.
  const reads = node.body.some((statement) => {
    let found = false;
    walkAst(statement, (child, parent) => {
      if (child.kind === 'table-variable' && key(child.name) === key(returns.variable) && !(parent?.kind === 'insert' && parent.target === child)) found = true;
      return !found;
    });
    return found;
  });
  if (reads) return `a statement reads ${returns.variable}`;
  const rows: Rows = { table: returns.variable, columns: columns.map((column) => column.name), queries: [] };
  const result = foldList(flatten(node.body), new Map(), new Map(), w, rows);
  if (typeof result === 'string') return result;
  if (rows.queries.length === 0) return 'no INSERT fills its table';
  const bodies = rows.queries.map((query) => convertedRows(query, columns));
  const body = bodies.reduce((left, right): QueryBody => ({ kind: 'set-operation', operator: 'UNION ALL', left, right, start: left.start, end: right.end }));
  const combined: Query = { kind: 'query', body, orderBy: [], options: [], start: node.start, end: node.end };
  if (size(combined) > 20_000) return 'the folded query is too large';
  return combined;
}

/** What a table function's body put in its table so far: one query per INSERT. */
interface Rows {
  readonly table: string;
  readonly columns: readonly string[];
  readonly queries: Query[];
}

/** The query of an INSERT into the function's table, or why it cannot be folded. */
function insertedRows(statement: InsertStatement, rows: Rows, env: Env): Query | string {
  const source = statement.source;
  if (source.kind !== 'query' && source.kind !== 'values') return `an INSERT of ${source.kind === 'default-values' ? 'DEFAULT VALUES' : 'EXEC'}`;
  if (statement.top !== undefined || statement.output.length > 0) return 'an INSERT with TOP or OUTPUT';
  const listed = statement.columns.map((column) => column.toLowerCase());
  if (listed.length > 0 && listed.join(',') !== rows.columns.map((column) => column.toLowerCase()).join(',')) {
    return 'an INSERT that names some of the columns, or names them in another order';
  }
  const query: Query = source.kind === 'values' ? { kind: 'query', body: source, orderBy: [], options: [], start: source.start, end: source.end } : source;
  if (statement.with !== undefined && query.with !== undefined) return 'an INSERT with two WITH clauses';
  // An INSERT that reads the table itself was refused before folding (foldTableFunction).
  return substitute(statement.with === undefined ? query : { ...query, with: statement.with }, env);
}

/**
 * The rows of one INSERT converted to the table's column types, as T-SQL converts inserted
 * values: a plain SELECT casts its items; anything else is read from a derived table.
 */
function convertedRows(query: Query, columns: readonly ColumnDefinition[]): QueryBody {
  const cast = (expression: Expression, column: ColumnDefinition): Expression =>
    expression.kind === 'cast' && !expression.try && sameType(expression.type, column.type!) ? expression : castNode(expression, column.type!);
  const body = query.body;
  const plain =
    body.kind === 'select' &&
    query.with === undefined &&
    query.orderBy.length === 0 &&
    body.quantifier !== 'DISTINCT' &&
    body.top === undefined &&
    body.columns.length === columns.length &&
    body.columns.every((item) => item.kind === 'select-column' && item.expression.kind !== 'star');
  const alias = 'lakeshift_rows';
  const named = (rows: Query, typed: boolean): QueryBody => ({
    kind: 'select',
    columns: columns.map((column) => {
      const read = columnRef([alias, column.name], rows);
      return { kind: 'select-column', expression: typed ? read : cast(read, column), alias: column.name, start: rows.start, end: rows.end };
    }),
    from: [{ kind: 'derived-table', query: rows, alias, columns: columns.map((column) => column.name), start: rows.start, end: rows.end }],
    windows: [],
    start: rows.start,
    end: rows.end,
  });
  if (body.kind === 'values' && query.with === undefined && query.orderBy.length === 0 && body.rows.every((row) => row.values.length === columns.length)) {
    // Each value converted where it is written (a date in text becomes a typed date), then named.
    const typedRows: QueryBody = { ...body, rows: body.rows.map((row) => ({ ...row, values: row.values.map((value, index) => cast(value, columns[index]!)) })) };
    return named({ ...query, body: typedRows }, true);
  }
  if (plain) {
    return { ...body, columns: body.columns.map((item, index) => ({ kind: 'select-column', expression: cast((item as Extract<typeof item, { kind: 'select-column' }>).expression, columns[index]!), alias: columns[index]!.name, start: item.start, end: item.end })) };
  }
  return named(query, false);
}

function sameType(a: DataType, b: DataType): boolean {
  const text = (type: DataType) => `${type.name.parts.join('.')}(${type.args.join(',')})`.toLowerCase();
  return text(a) === text(b);
}

type Env = Map<string, Expression>;
type Folded = { returns?: Expression; env: Env } | string;

function flatten(statements: readonly Statement[]): Statement[] {
  return statements.flatMap((statement) => (statement.kind === 'block' ? flatten(statement.statements) : [statement]));
}

function key(name: string): string {
  return name.replace(/^@+/, '').toLowerCase();
}

/** `node` with each variable that has a value in `env` replaced by that value. */
function substitute<T extends AstNode>(node: T, env: Env): T {
  return mapAst(node, (child) => (child.kind === 'variable' ? env.get(key(child.name)) : undefined));
}

function assign(env: Env, types: Map<string, DataType>, name: string, value: Expression): void {
  const type = types.get(key(name));
  const family = type === undefined ? 'other' : typeFamily(type.name.parts[type.name.parts.length - 1] ?? '');
  const needsCast = type !== undefined && (family === 'number' || family === 'date') && !(value.kind === 'literal' && value.type === 'null');
  env.set(key(name), needsCast ? { kind: 'cast', try: false, expression: value, type, start: value.start, end: value.end } : value);
}

function caseOf(condition: Expression, then: Expression, otherwise: Expression): CaseExpression {
  return { kind: 'case', whens: [{ kind: 'case-when', when: condition, then, start: condition.start, end: condition.end }], else: otherwise, start: condition.start, end: condition.end };
}

/** Folds `statements`; `rows` collects the INSERTs of a table function's body (not inside IF). */
function foldList(statements: readonly Statement[], env: Env, types: Map<string, DataType>, w: StatementWriter, rows?: Rows): Folded {
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index]!;
    switch (statement.kind) {
      case 'declare':
        for (const variable of statement.variables) {
          if (variable.kind !== 'variable-declaration') return `table variable ${variable.name}`;
          types.set(key(variable.name), variable.type);
          // An undeclared value is NULL until assigned.
          assign(env, types, variable.name, variable.value === undefined ? nullLiteral(variable) : substitute(variable.value, env));
        }
        break;
      case 'set-variable': {
        if (statement.value.kind === 'cursor-definition') return 'a cursor';
        const value = substitute(statement.value, env);
        const current = env.get(key(statement.variable.name)) ?? nullLiteral(statement);
        assign(env, types, statement.variable.name, statement.operator === '=' ? value : { kind: 'binary', operator: statement.operator.slice(0, -1) as '+', left: current, right: value, start: statement.start, end: statement.end });
        break;
      }
      case 'select-statement': {
        const body = statement.query.body;
        if (body.kind !== 'select' || body.columns.some((item) => item.kind !== 'select-assignment')) return 'a query that returns rows';
        const noTable = body.from.length === 0 && body.where === undefined && statement.query.with === undefined;
        if (!noTable && !aggregatesToOneRow(statement.query)) w.ctx.reportOnce('fold-select', 'TR_SEMANTIC', statement, 'SELECT @v = ... FROM in a function became a scalar subquery: it must return one row (T-SQL takes the last of several)');
        for (const item of body.columns) {
          if (item.kind !== 'select-assignment') continue;
          const value = substitute(item.expression, env);
          const read: Expression = noTable
            ? value
            : {
                kind: 'subquery',
                start: item.start, end: item.end,
                query: substitute({ ...statement.query, body: { ...body, columns: [{ kind: 'select-column', expression: item.expression, start: item.start, end: item.end }] } } as Query, env),
              };
          const current = env.get(key(item.variable.name)) ?? nullLiteral(item);
          assign(env, types, item.variable.name, item.operator === '=' ? read : { kind: 'binary', operator: item.operator.slice(0, -1) as '+', left: current, right: read, start: item.start, end: item.end });
        }
        break;
      }
      case 'insert': {
        if (rows === undefined || statement.target.kind !== 'table-variable' || key(statement.target.name) !== key(rows.table)) return `it holds ${describe(statement)}`;
        const inserted = insertedRows(statement, rows, env);
        if (typeof inserted === 'string') return inserted;
        rows.queries.push(inserted);
        break;
      }
      case 'return':
        if (statement.value === undefined) return rows === undefined ? 'RETURN without a value' : { env };
        return { returns: substitute(statement.value, env), env };
      case 'if': {
        const condition = substitute(statement.condition, env);
        const thenResult = foldList(flatten([statement.then]), new Map(env), types, w);
        const elseResult = foldList(statement.else === undefined ? [] : flatten([statement.else]), new Map(env), types, w);
        if (typeof thenResult === 'string') return thenResult;
        if (typeof elseResult === 'string') return elseResult;
        const rest = statements.slice(index + 1);
        if (thenResult.returns !== undefined && elseResult.returns !== undefined) return { returns: caseOf(condition, thenResult.returns, elseResult.returns), env };
        if (thenResult.returns !== undefined || elseResult.returns !== undefined) {
          // One branch returns: the rest of the body runs after the other one.
          const continued = foldList(rest, thenResult.returns === undefined ? thenResult.env : elseResult.env, types, w);
          if (typeof continued === 'string') return continued;
          if (continued.returns === undefined) return 'the body does not end with RETURN';
          return thenResult.returns !== undefined
            ? { returns: caseOf(condition, thenResult.returns, continued.returns), env }
            : { returns: caseOf(condition, continued.returns, elseResult.returns!), env };
        }
        for (const name of new Set([...thenResult.env.keys(), ...elseResult.env.keys()])) {
          const a = thenResult.env.get(name) ?? nullLiteral(statement);
          const b = elseResult.env.get(name) ?? nullLiteral(statement);
          env.set(name, a === b ? a : caseOf(condition, a, b));
        }
        break;
      }
      case 'set-option':
        break;
      default:
        return `it holds ${describe(statement)}`;
    }
  }
  return { env };
}

function describe(statement: Statement): string {
  switch (statement.kind) {
    case 'while':
      return 'a WHILE loop';
    case 'execute':
    case 'execute-string':
      return 'EXEC';
    case 'try-catch':
      return 'TRY/CATCH';
    default:
      return `a ${statement.kind.replace(/-/g, ' ')} statement`;
  }
}

function size(node: AstNode): number {
  let count = 0;
  walkAst(node, () => {
    count += 1;
  });
  return count;
}

/**
 * The columns and target types of an inline table function's result, when every column's type
 * is known (a CAST or CONVERT, a literal, a typed variable or parameter, a column of a table
 * whose types the inventory holds); undefined otherwise.
 */
export function resultColumnTypes(node: Query, w: StatementWriter): Array<{ name: string; type: string }> | undefined {
  let body = node.body;
  while (body.kind === 'query' || body.kind === 'set-operation') body = body.kind === 'query' ? body.body : body.left;
  if (body.kind !== 'select') return undefined;
  const select: Select = body;
  const tables = new Map<string, string>();
  for (const source of select.from) {
    walkAst(source, (child) => {
      if (child.kind === 'table-ref') {
        const parts = child.name.parts;
        const table = `${parts[parts.length - 2] || 'dbo'}.${parts[parts.length - 1]}`.toLowerCase();
        tables.set((child.alias ?? parts[parts.length - 1]!).toLowerCase(), table);
      }
    });
  }
  const columns: Array<{ name: string; type: string }> = [];
  for (const item of select.columns) {
    if (item.kind !== 'select-column') return undefined;
    const expressionNode = item.expression;
    const name = item.alias ?? (expressionNode.kind === 'column-ref' ? expressionNode.parts[expressionNode.parts.length - 1] : undefined);
    if (name === undefined) return undefined;
    const type = typeOf(expressionNode, w, tables, select);
    if (type === undefined) return undefined;
    columns.push({ name, type });
  }
  return columns;
}

function typeOf(node: Expression, w: StatementWriter, tables: ReadonlyMap<string, string>, select: Select): string | undefined {
  switch (node.kind) {
    case 'cast':
    case 'convert':
      return w.ctx.dialect.dataType(node.type).text;
    case 'variable': {
      const type = w.ctx.variable(node.name)?.type;
      return type === undefined ? undefined : w.ctx.dialect.dataType(type).text;
    }
    case 'literal':
      if (node.type === 'string' || node.type === 'unicode-string') return w.ctx.target === 'databricks' ? 'STRING' : 'VARCHAR';
      if (node.type === 'integer') return 'INT';
      return undefined;
    case 'column-ref': {
      const columnTypes = w.ctx.options.columnTypes;
      if (columnTypes === undefined) return undefined;
      const column = node.parts[node.parts.length - 1]!.toLowerCase();
      const candidates = node.parts.length >= 2 ? [tables.get(node.parts[node.parts.length - 2]!.toLowerCase())] : select.from.length === 1 ? [...tables.values()] : [];
      for (const table of candidates) {
        if (table === undefined) continue;
        const type = columnTypes(table)?.get(column);
        if (type !== undefined) {
          const match = /^(\w+)\s*(?:\(([^)]*)\))?/.exec(type);
          if (match === null) return undefined;
          const args = match[2] === undefined ? [] : match[2].split(',').map((arg) => arg.trim());
          return w.ctx.dialect.dataType({ kind: 'data-type', name: { kind: 'object-name', parts: [match[1]!], start: node.start, end: node.end }, args, start: node.start, end: node.end }).text;
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

import {
  walkAst,
  type Expression,
  type FunctionCall,
  type GroupingElement,
  type OrderByItem,
  type Pivot,
  type Query,
  type QueryBody,
  type Select,
  type SelectColumn,
  type TableFunction,
  type TableSource,
  type Top,
  type Unpivot,
  type WithClause,
} from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import { isAggregateCall } from './ast-tools.js';
import { noteStringGrouping } from './collation.js';
import { expression, orderBy, windowSpec } from './expressions.js';
import { functionName, sortedValues } from './function-rule.js';
import { untranslated } from './markers.js';
import { generatedRows, rowGenerator } from './row-generators.js';
import { sourceText } from './source-text.js';
import { systemObjectProblem } from './system-objects.js';
import { columnOwner, valueType, withCteTypes, withDerivedTableScope, withTableScope } from './value-types.js';

/** A query in the target dialect. */
export function query(node: Query, ctx: TranslationContext): string {
  const ctes = node.with?.ctes ?? [];
  return ctx.withCtes(
    ctes.map((cte) => cte.name),
    () => withCteTypes(ctx, ctes, () => {
      const parts: string[] = [];
      const options = node.options.filter((option) => option.name !== 'MAXRECURSION');
      if (node.with !== undefined) parts.push(withClause(node, ctx));
      const json = node.forClause?.mode === 'JSON' ? forJson(node, ctx) : undefined;
      if (typeof json === 'string') {
        parts.push(json);
        if (options.length > 0) ctx.report('TR_HINT_DROPPED', options[0]!, `OPTION (${options.map((option) => option.name).join(', ')}) was dropped`);
        return parts.join(' ');
      }
      const top = topOf(node.body);
      const scope = node.body.kind === 'select' ? node.body.from : [];
      withTableScope(ctx, scope, () => {
        parts.push(queryBody(node.body, ctx, top === undefined ? undefined : { top, query: node }));
        // The first row of each group (WITH TIES on a ranking of 1s) comes in no order.
        const firstRows = top !== undefined && node.body.kind === 'select' && firstOfEachGroup(top, node, node.body) !== undefined;
        if (node.orderBy.length > 0 && !firstRows) parts.push(`ORDER BY ${orderBy(node.orderBy, ctx)}`);
      });
      if (top !== undefined && !top.percent && !top.withTies) parts.push(`LIMIT ${expression(top.count, ctx)}`);
      if (node.fetch !== undefined) parts.push(`LIMIT ${expression(node.fetch, ctx)}`);
      if (node.offset !== undefined) parts.push(`OFFSET ${expression(node.offset, ctx)}`);
      if (node.forClause !== undefined) {
        const problem = typeof json === 'object' ? json.problem : `FOR ${node.forClause.mode} has no equivalent: build the text with to_json, to_xml or string_agg`;
        ctx.report('TR_UNSUPPORTED_EXPRESSION', node.forClause, problem);
        parts.push(`/*[TR_UNSUPPORTED_EXPRESSION]*/ /* ${sourceText(ctx, node.forClause).replaceAll('*/', '* /')} */`);
      }
      if (options.length > 0) {
        ctx.report('TR_HINT_DROPPED', options[0]!, `OPTION (${options.map((option) => option.name).join(', ')}) was dropped`);
      }
      return parts.join(' ');
    }),
  );
}

/** MAXRECURSION 0: SQL Server sets no limit; MAX RECURSION LEVEL takes an INTEGER literal above 0. */
const UNLIMITED_LEVEL = 2147483647;

/**
 * WITH: a CTE that names itself is recursive (Databricks SQL and Runtime 17.0 and above, with
 * WITH RECURSIVE; DuckDB too). T-SQL stops at OPTION (MAXRECURSION n), 100 by default, as
 * Databricks does at MAX RECURSION LEVEL n (default 100; it also stops at 1,000,000 rows).
 * Source: Databricks SQL reference, "Common table expression (CTE)".
 */
function withClause(node: Query, ctx: TranslationContext): string {
  const clause = node.with!;
  if (clause.xmlNamespaces.length > 0) ctx.report('TR_UNSUPPORTED_EXPRESSION', clause, 'WITH XMLNAMESPACES has no equivalent');
  const recursive = recursiveCtes(clause);
  const limitOption = node.options.find((option) => option.name === 'MAXRECURSION');
  const limit = limitOption?.value === undefined ? undefined : Number(limitOption.value.trim());
  if (limitOption !== undefined && recursive.length === 0) ctx.report('TR_HINT_DROPPED', limitOption, 'OPTION (MAXRECURSION) on a query without a recursive CTE was dropped');
  if (limit === 0 && recursive.length > 0 && ctx.target === 'databricks') {
    ctx.report(
      'TR_SEMANTIC',
      limitOption!,
      `MAXRECURSION 0 (no limit) became MAX RECURSION LEVEL ${UNLIMITED_LEVEL}, the largest INTEGER; Databricks still stops a recursive CTE at 1,000,000 rows`,
    );
  }
  const definitions = clause.ctes.map((cte) => {
    const columns = cte.columns.length === 0 ? '' : ` (${cte.columns.map((column) => ctx.dialect.identifier(column)).join(', ')})`;
    const level = limit === 0 ? UNLIMITED_LEVEL : limit;
    const maxLevel = recursive.includes(cte) && level !== undefined && level > 0 && ctx.target === 'databricks' ? ` MAX RECURSION LEVEL ${level}` : '';
    return `${ctx.dialect.identifier(cte.name)}${columns}${maxLevel} AS (${query(cte.query, ctx)})`;
  });
  return `WITH ${recursive.length > 0 ? 'RECURSIVE ' : ''}${definitions.join(', ')}`;
}

function topOf(body: QueryBody): Top | undefined {
  return body.kind === 'select' ? body.top : undefined;
}

function queryBody(body: QueryBody, ctx: TranslationContext, top?: { top: Top; query: Query }): string {
  switch (body.kind) {
    case 'select':
      return select(body, ctx, top);
    case 'set-operation':
      if (body.operator !== 'UNION ALL') noteSetOperationStrings(body, ctx);
      return `${setOperand(body.left, ctx)} ${body.operator} ${setOperand(body.right, ctx)}`;
    case 'query':
      return `(${query(body, ctx)})`;
    case 'values':
      return `VALUES ${body.rows.map((row) => `(${row.values.map((value) => expression(value, ctx)).join(', ')})`).join(', ')}`;
    default: {
      const unknown: never = body;
      return String(unknown);
    }
  }
}

/** UNION, EXCEPT and INTERSECT compare rows: of strings, case-sensitively in the targets. */
function noteSetOperationStrings(body: Extract<QueryBody, { kind: 'set-operation' }>, ctx: TranslationContext): void {
  let first: QueryBody = body;
  while (first.kind === 'set-operation' || first.kind === 'query') first = first.kind === 'query' ? first.body : first.left;
  if (first.kind !== 'select') return;
  const select = first;
  const columns = select.columns.flatMap((item) => (item.kind === 'select-column' ? [item.expression] : []));
  withTableScope(ctx, select.from, () => noteStringGrouping(body, body.operator, columns, ctx));
}

/**
 * A SELECT inside UNION/EXCEPT/INTERSECT keeps its own TOP: T-SQL applies it to that SELECT
 * only, so it becomes a parenthesised query with its own LIMIT.
 */
function setOperand(body: QueryBody, ctx: TranslationContext): string {
  if (body.kind === 'select' && body.top !== undefined) {
    const own: Query = { kind: 'query', body, orderBy: [], options: [], start: body.start, end: body.end };
    return `(${query(own, ctx)})`;
  }
  return queryBody(body, ctx);
}

/** The SELECT of a query; `top` carries the TOP with its query's ORDER BY (WITH TIES, PERCENT need it). */
export function select(node: Select, ctx: TranslationContext, top?: { top: Top; query: Query }, selectList?: () => string): string {
  return withTableScope(ctx, node.from, () => {
    const columns = selectList !== undefined ? [selectList()] : node.columns.map((item) => {
      if (item.kind === 'select-assignment') {
        return untranslated(item.expression, ctx, 'TR_UNSUPPORTED_EXPRESSION', 'a variable assignment inside a query that also returns rows');
      }
      const alias = item.alias === undefined ? '' : ` AS ${ctx.dialect.identifier(item.alias)}`;
      return `${expression(item.expression, ctx)}${alias}`;
    });
    if (node.quantifier === 'DISTINCT') noteStringGrouping(node, 'DISTINCT', node.columns.flatMap((item) => (item.kind === 'select-column' ? [item.expression] : [])), ctx);
    // TOP ... WITH TIES or PERCENT counts the distinct rows, after DISTINCT; QUALIFY runs before
    // DISTINCT but after GROUP BY: grouping by every column makes the rows distinct first.
    const selected = node.columns.filter((item): item is SelectColumn => item.kind === 'select-column');
    const distinctTop =
      node.quantifier === 'DISTINCT' &&
      top !== undefined &&
      (top.top.withTies || top.top.percent) &&
      !everyRow(top.top) &&
      node.groupBy === undefined &&
      !usesAggregate(selected) &&
      selected.length === node.columns.length &&
      selected.every((item) => item.expression.kind !== 'star');
    const parts = [`SELECT ${node.quantifier === 'DISTINCT' && !distinctTop ? 'DISTINCT ' : ''}${columns.join(', ')}`];
    const generator = top !== undefined && !top.top.percent && !top.top.withTies ? rowGenerator(node, top.query) : undefined;
    if (generator !== undefined) parts.push(`FROM ${generatedRows(generator, top!.top.count, node, ctx)}`);
    else if (node.from.length > 0) parts.push(`FROM ${node.from.map((source) => tableSource(source, ctx)).join(', ')}`);
    if (node.where !== undefined) parts.push(`WHERE ${expression(node.where, ctx)}`);
    if (distinctTop) parts.push(`GROUP BY ${selected.map((_, index) => index + 1).join(', ')}`);
    if (node.groupBy !== undefined) {
      if (node.groupBy.all) ctx.report('TR_SEMANTIC', node.groupBy, 'GROUP BY ALL (deprecated) also returned the groups the WHERE clause removed, with NULL aggregates; here they are left out');
      noteStringGrouping(node.groupBy, 'GROUP BY', groupedExpressions(node.groupBy.items), ctx);
      const items = node.groupBy.items.map((item) => groupingElement(item, ctx)).join(', ');
      parts.push(node.groupBy.withOption === undefined ? `GROUP BY ${items}` : `GROUP BY ${node.groupBy.withOption}(${items})`);
    }
    if (node.having !== undefined) parts.push(`HAVING ${expression(node.having, ctx)}`);
    if (node.windows.length > 0) parts.push(`WINDOW ${node.windows.map((window) => `${ctx.dialect.identifier(window.name)} AS (${windowSpec(window.window, ctx)})`).join(', ')}`);
    if (top !== undefined && (top.top.withTies || top.top.percent) && !everyRow(top.top)) parts.push(qualifyForTop(top.top, top.query, node, ctx));
    return parts.join(' ');
  });
}

/** TOP 100 PERCENT (the old way to put ORDER BY in a view): every row, nothing to rank. */
function everyRow(top: Top): boolean {
  return top.percent && !top.withTies && top.count.kind === 'literal' && Number(top.count.value) >= 100;
}

/**
 * TOP n WITH TIES keeps every row that ties with the n-th in the ORDER BY: rank() <= n. TOP n
 * PERCENT keeps ceiling(n% of the rows): row_number() against count(*) over the whole result
 * (rank() again WITH TIES). The window orders by the ORDER BY's expressions, select aliases
 * and ordinals replaced by what they name.
 */
function qualifyForTop(top: Top, owner: Query, body: Select, ctx: TranslationContext): string {
  const count = expression(top.count, ctx);
  const items = owner.orderBy.map((item) => resolveOrderItem(item, body));
  if (items.some((item) => hasWindowFunction(item.expression))) {
    const first = firstOfEachGroup(top, owner, body);
    if (first !== undefined) return `QUALIFY ${expression(first, ctx)} = 1`;
    // Ranking by it would nest a window function in another.
    return `QUALIFY ${untranslated(top, ctx, 'TR_UNSUPPORTED_EXPRESSION', 'TOP ... PERCENT or WITH TIES ordered by a window function: compute the window function in a derived table and order by its column')}`;
  }
  const order = items.length === 0 ? 'ORDER BY NULL' : `ORDER BY ${orderBy(items, ctx)}`;
  if (owner.orderBy.length === 0) ctx.report('TR_SEMANTIC', top, 'TOP ... PERCENT or WITH TIES without ORDER BY: which rows are kept is arbitrary, in SQL Server too');
  const ranking = top.withTies ? 'rank()' : 'row_number()';
  if (top.percent) return `QUALIFY ${ranking} OVER (${order}) <= ceil(${count} * count(*) OVER () / 100.0)`;
  return `QUALIFY ${ranking} OVER (${order}) <= ${count}`;
}

/**
 * TOP 1 WITH TIES ... ORDER BY ROW_NUMBER() OVER (PARTITION BY g ORDER BY d DESC), the idiom
 * for the first row of each group: every row numbered 1 ties for first. The ranking function,
 * or undefined for any other TOP.
 */
function firstOfEachGroup(top: Top, owner: Query, body: Select): Expression | undefined {
  if (!top.withTies || top.percent || top.count.kind !== 'literal' || top.count.value !== '1' || owner.orderBy.length !== 1) return undefined;
  const item = resolveOrderItem(owner.orderBy[0]!, body);
  const ranking = item.expression.kind === 'function-call' && item.expression.over !== undefined && ['ROW_NUMBER', 'RANK', 'DENSE_RANK'].includes(functionName(item.expression));
  return ranking && item.direction !== 'DESC' ? item.expression : undefined;
}

function hasWindowFunction(node: Expression): boolean {
  let found = false;
  walkAst(node, (child) => {
    if (child.kind === 'function-call' && child.over !== undefined) found = true;
    return !found && child.kind !== 'subquery';
  });
  return found;
}

function resolveOrderItem(item: OrderByItem, body: Select): OrderByItem {
  const columns = body.columns.filter((column): column is SelectColumn => column.kind === 'select-column');
  const target = item.expression;
  if (target.kind === 'literal' && target.type === 'integer') {
    const column = columns[Number(target.value) - 1];
    if (column !== undefined) return { ...item, expression: column.expression };
  }
  if (target.kind === 'column-ref' && target.parts.length === 1) {
    const column = columns.find((candidate) => candidate.alias?.toLowerCase() === target.parts[0]!.toLowerCase());
    if (column !== undefined) return { ...item, expression: column.expression };
  }
  return item;
}

function groupedExpressions(items: readonly GroupingElement[]): Expression[] {
  return items.flatMap((item) => (item.kind === 'grouping-set' ? groupedExpressions(item.items) : [item]));
}

function groupingElement(item: GroupingElement, ctx: TranslationContext): string {
  if (item.kind !== 'grouping-set') return expression(item, ctx);
  const inner = item.items.map((element) => groupingElement(element, ctx)).join(', ');
  return item.type === 'LIST' ? `(${inner})` : `${item.type} (${inner})`;
}

function aliasText(name: string | undefined, columns: readonly string[], ctx: TranslationContext): string {
  return name === undefined ? '' : ` AS ${ctx.dialect.identifier(name)}${columns.length === 0 ? '' : ` (${columns.map((column) => ctx.dialect.identifier(column)).join(', ')})`}`;
}

export function tableSource(node: TableSource, ctx: TranslationContext): string {
  switch (node.kind) {
    case 'table-ref':
      return tableReference(node, ctx);
    case 'derived-table':
      return `(${withDerivedTableScope(ctx, node, () => query(node.query, ctx))})${aliasText(node.alias, node.columns, ctx)}`;
    case 'table-function':
      return tableFunction(node, 'plain', ctx);
    case 'table-variable':
      return `${ctx.tableVariable(node.name, node)}${aliasText(node.alias, [], ctx)}`;
    case 'join':
      return join(node, ctx);
    case 'pivot':
      return pivot(node, ctx);
    case 'unpivot':
      return unpivot(node, ctx);
    default: {
      const unknown: never = node;
      return String(unknown);
    }
  }
}

/**
 * A table. Hints are dropped (the engines plan on their own). FOR SYSTEM_TIME AS OF reads a
 * temporal table as it was: Delta time travel (TIMESTAMP AS OF) reads the table's own history.
 */
function tableReference(node: Extract<TableSource, { kind: 'table-ref' }>, ctx: TranslationContext): string {
  if (node.hints.length > 0) ctx.report('TR_HINT_DROPPED', node, `table hint${node.hints.length > 1 ? 's' : ''} ${node.hints.join(', ')} dropped`);
  if (node.tablesample !== undefined) ctx.report('TR_SEMANTIC', node, 'TABLESAMPLE was dropped: sampling differs between engines');
  let timeTravel = '';
  if (node.systemTime !== undefined) {
    const time = node.systemTime;
    if (time.type !== 'AS OF' || time.from === undefined) {
      ctx.report('TR_UNSUPPORTED_EXPRESSION', time, `FOR SYSTEM_TIME ${time.type}: the history of all row versions has no equivalent; use Delta change data feed (table_changes) by hand`);
      timeTravel = ` /*[TR_UNSUPPORTED_EXPRESSION]*/ /* ${sourceText(ctx, time).replaceAll('*/', '* /')} */`;
    } else if (ctx.target === 'databricks') {
      ctx.report('TR_SEMANTIC', time, 'FOR SYSTEM_TIME AS OF became Delta time travel: it reads the table as it was in the lakehouse (history kept for delta.logRetentionDuration, none before the migration); SQL Server system times are UTC');
      timeTravel = ` TIMESTAMP AS OF ${expression(time.from, ctx)}`;
    } else {
      ctx.report('TR_SEMANTIC', time, 'FOR SYSTEM_TIME AS OF: DuckDB has no time travel, the rehearsal reads the current rows');
    }
  }
  const system = systemObjectProblem(node.name);
  const name = system === undefined ? ctx.objectName(node.name) : untranslated(node.name, ctx, 'TR_SYSTEM_OBJECT', system);
  return `${name}${timeTravel}${aliasText(node.alias, [], ctx)}`;
}

function join(node: Extract<TableSource, { kind: 'join' }>, ctx: TranslationContext): string {
  const left = tableSource(node.left, ctx);
  // A join on the right (A LEFT JOIN (B JOIN C ON ...) ON ..., or the designer's A JOIN B JOIN C
  // ON ... ON ...) keeps its parentheses: the targets read a nested join only inside them.
  const rightSource = () => (node.right.kind === 'join' ? `(${tableSource(node.right, ctx)})` : tableSource(node.right, ctx));
  if (node.hint !== undefined) ctx.report('TR_HINT_DROPPED', node, `join hint ${node.hint} dropped`);
  switch (node.type) {
    case 'CROSS':
      return `${left} CROSS JOIN ${rightSource()}`;
    // APPLY runs its right side once per left row: a LATERAL join.
    case 'CROSS APPLY':
    case 'OUTER APPLY': {
      const outer = node.type === 'OUTER APPLY';
      if (node.right.kind === 'table-function') {
        const right = tableFunction(node.right, outer ? 'outer' : 'cross', ctx);
        // In Databricks a generator (explode_outer, inline_outer) keeps a row for an empty
        // result by itself; DuckDB's subquery needs the outer join.
        return ctx.target === 'databricks' || !outer ? `${left} CROSS JOIN LATERAL ${right}` : `${left} LEFT JOIN LATERAL ${right} ON true`;
      }
      const right = rightSource();
      // A table or view (no correlation possible) is applied as a plain join: LATERAL takes a
      // subquery or a function only.
      const lateral = node.right.kind === 'table-ref' || node.right.kind === 'table-variable' ? '' : 'LATERAL ';
      return outer ? `${left} LEFT JOIN ${lateral}${right} ON true` : `${left} CROSS JOIN ${lateral}${right}`;
    }
    default:
      return `${left} ${node.type} JOIN ${rightSource()}${node.on === undefined ? '' : ` ON ${expression(node.on, ctx)}`}`;
  }
}

// ---------------------------------------------------------------------------------------------
// table-valued built-ins: STRING_SPLIT, OPENJSON ... WITH, GENERATE_SERIES

type ApplyMode = 'plain' | 'cross' | 'outer';

function tableFunction(node: TableFunction, mode: ApplyMode, ctx: TranslationContext): string {
  const call = node.call;
  if (call.kind === 'function-call' && call.name.parts.length > 1) {
    const system = systemObjectProblem(call.name);
    if (system !== undefined) return `${untranslated(call, ctx, 'TR_SYSTEM_OBJECT', system)}${aliasText(node.alias, node.columns, ctx)}`;
    ctx.report('TR_USER_FUNCTION', call, `${call.name.parts.join('.')} is a user-defined table function: translate and create it too`);
    return `${ctx.objectName(call.name)}(${call.args.map((arg) => expression(arg, ctx)).join(', ')})${aliasText(node.alias, node.columns, ctx)}`;
  }
  const name = call.kind === 'function-call' ? functionName(call) : undefined;
  const rules: Readonly<Record<string, (call: FunctionCall, node: TableFunction, mode: ApplyMode, ctx: TranslationContext) => string | undefined>> = {
    STRING_SPLIT: stringSplit,
    OPENJSON: openJson,
    GENERATE_SERIES: generateSeries,
    OPENQUERY: openQuery,
  };
  const rule = name === undefined ? undefined : rules[name];
  const text = rule === undefined || call.kind !== 'function-call' ? undefined : rule(call, node, mode, ctx);
  if (text !== undefined) return text;
  ctx.report('TR_UNSUPPORTED_EXPRESSION', node, `${name ?? 'this'} table-valued function has no equivalent known to lakeshift`);
  return `/*[TR_UNSUPPORTED_EXPRESSION]*/ ${sourceText(ctx, node).replaceAll('*/', '* /')} /*[/TR_UNSUPPORTED_EXPRESSION]*/`;
}

/**
 * OPENQUERY(server, 'query') runs the query on the linked server, in that server's own SQL:
 * Databricks' remote_query runs a query through a Unity Catalog connection the same way
 * (Public Preview). The connection is named after the linked server; creating it is the
 * migration's step, which the warning names. DuckDB cannot reach the server.
 */
function openQuery(call: FunctionCall, node: TableFunction, _mode: ApplyMode, ctx: TranslationContext): string | undefined {
  const [serverNode, queryNode] = call.args;
  if (ctx.target !== 'databricks' || call.args.length !== 2 || serverNode?.kind !== 'column-ref' || serverNode.parts.length !== 1) return undefined;
  if (queryNode?.kind !== 'literal' || (queryNode.type !== 'string' && queryNode.type !== 'unicode-string')) return undefined;
  const server = serverNode.parts[0]!;
  const connection = server.toLowerCase().replace(/\W+/g, '_');
  ctx.report(
    'TR_REMOTE_QUERY',
    node,
    `OPENQUERY(${server}, ...) became remote_query('${connection}', query => ...): create a Unity Catalog connection named ${connection} to that server (remote_query is in Public Preview); the query text runs there as it is`,
  );
  return `remote_query(${ctx.dialect.stringLiteral(connection)}, query => ${ctx.dialect.stringLiteral(queryNode.value)})${aliasText(node.alias, node.columns, ctx)}`;
}

/** A literal separator as a regular expression matching it (Databricks split() takes a regex). */
function separatorRegex(node: Expression, text: string, ctx: TranslationContext): string {
  if (node.kind === 'literal' && (node.type === 'string' || node.type === 'unicode-string')) {
    return ctx.dialect.stringLiteral(node.value.replace(/[.\\+*?^$(){}|[\]]/g, '\\$&'));
  }
  // \Q...\E quotes a run of text in a Java regular expression.
  return `concat(${ctx.dialect.stringLiteral('\\Q')}, ${text}, ${ctx.dialect.stringLiteral('\\E')})`;
}

/**
 * STRING_SPLIT(s, sep [, 1]) yields one row per piece in a column `value` (and `ordinal`, from
 * 1); NULL yields no row, '' one empty piece, as split/explode and string_split/unnest do.
 */
function stringSplit(call: FunctionCall, node: TableFunction, mode: ApplyMode, ctx: TranslationContext): string | undefined {
  const [textNode, separatorNode, ordinalNode] = call.args;
  if (textNode === undefined || separatorNode === undefined) return undefined;
  const withOrdinal = ordinalNode !== undefined && !(ordinalNode.kind === 'literal' && Number(ordinalNode.value) === 0);
  if (ordinalNode !== undefined && ordinalNode.kind !== 'literal') return undefined;
  const text = expression(textNode, ctx);
  const separator = expression(separatorNode, ctx);
  const alias = ctx.dialect.identifier(node.alias ?? 'string_split');
  const names = node.columns.length > 0 ? node.columns : withOrdinal ? ['value', 'ordinal'] : ['value'];
  const columnList = names.map((name) => ctx.dialect.identifier(name)).join(', ');
  if (ctx.target === 'databricks') {
    const pieces = `split(${text}, ${separatorRegex(separatorNode, separator, ctx)})`;
    if (!withOrdinal) return `${mode === 'outer' ? 'explode_outer' : 'explode'}(${pieces}) AS ${alias}(${columnList})`;
    // posexplode numbers from 0 and yields (pos, col).
    const [value, ordinal] = names.map((name) => ctx.dialect.identifier(name));
    return `(SELECT col AS ${value}, pos + 1 AS ${ordinal} FROM ${mode === 'outer' ? 'posexplode_outer' : 'posexplode'}(${pieces})) AS ${alias}`;
  }
  const [value, ordinal] = names.map((name) => ctx.dialect.identifier(name));
  const list = `string_split(${text}, ${separator})`;
  const body = withOrdinal
    ? `SELECT unnest(pieces) AS ${value}, generate_subscripts(pieces, 1) AS ${ordinal} FROM (SELECT ${list} AS pieces)`
    : `SELECT unnest(${list}) AS ${value}`;
  return `(${body}) AS ${alias}`;
}

/**
 * OPENJSON(json [, path]) WITH (column type 'path' [AS JSON], ...): one row per element of a
 * JSON array (or one row for a single object), each column read at its path (lax: missing is
 * NULL) and converted to its type. Databricks: the elements as JSON texts (from_json to
 * array<string> keeps an object element as its text), each turned into a struct that inline()
 * makes into columns. DuckDB: the elements unnested and read with json_extract_string.
 * Without WITH, one row per member or element: see openJsonMembers().
 */
function openJson(call: FunctionCall, node: TableFunction, mode: ApplyMode, ctx: TranslationContext): string | undefined {
  const [jsonNode, pathNode] = call.args;
  if (jsonNode === undefined) return undefined;
  let json = expression(jsonNode, ctx);
  if (pathNode !== undefined) {
    if (pathNode.kind !== 'literal') return undefined;
    const path = ctx.dialect.stringLiteral(pathNode.value.replace(/^(lax|strict)\s+/i, ''));
    json = ctx.target === 'databricks' ? `get_json_object(${json}, ${path})` : `CAST(json_extract(${json}, ${path}) AS VARCHAR)`;
  }
  if (node.schema.length === 0) return openJsonMembers(json, node, mode, ctx);
  const columns = node.schema.map((column) => {
    const raw = (column.path ?? `$.${column.name}`).trim();
    if (/^strict\s/i.test(raw)) ctx.reportOnce(`openjson-strict:${node.start}`, 'TR_SEMANTIC', column, 'a strict OPENJSON path: a missing value is NULL here, not an error');
    const path = raw.replace(/^(lax|strict)\s+/i, '').replace(/\."([^"]*)"/g, "['$1']");
    return { name: ctx.dialect.identifier(column.name), path, type: ctx.dialect.dataType(column.type).text, asJson: column.asJson };
  });
  const alias = ctx.dialect.identifier(node.alias ?? 'openjson');
  if (ctx.target === 'databricks') {
    const elements = `CASE WHEN startswith(ltrim(${json}), '[') THEN from_json(${json}, 'array<string>') ELSE array(${json}) END`;
    const fields = columns.map((column) => {
      const value = column.path === '$' ? 'e' : `get_json_object(e, ${ctx.dialect.stringLiteral(column.path)})`;
      return `${ctx.dialect.stringLiteral(column.name.replaceAll('`', ''))}, ${column.asJson || column.type === 'STRING' ? value : `CAST(${value} AS ${column.type})`}`;
    });
    return `${mode === 'outer' ? 'inline_outer' : 'inline'}(transform(${elements}, e -> named_struct(${fields.join(', ')}))) AS ${alias}(${columns.map((column) => column.name).join(', ')})`;
  }
  const elements = `CASE WHEN json_type(${json}) = 'ARRAY' THEN CAST(json_extract(${json}, '$[*]') AS VARCHAR[]) ELSE [${json}] END`;
  const values = columns.map((column) => {
    const value = column.asJson ? `CAST(json_extract(e, ${ctx.dialect.stringLiteral(column.path)}) AS VARCHAR)` : `json_extract_string(e, ${ctx.dialect.stringLiteral(column.path)})`;
    return `${column.asJson || column.type === 'VARCHAR' ? value : `CAST(${value} AS ${column.type})`} AS ${column.name}`;
  });
  return `(SELECT ${values.join(', ')} FROM (SELECT unnest(${elements}) AS e)) AS ${alias}`;
}

/**
 * OPENJSON(json [, path]) without WITH: a row per member of an object (key: its name) or per
 * element of an array (key: its index from 0), with `value` the text of a string, the JSON of
 * anything else, NULL for null, and `type` 0 null, 1 string, 2 number, 3 true/false, 4 array,
 * 5 object (SQL Server's OPENJSON reference). Databricks reads the document as a VARIANT
 * (parse_json, DBR 15.3+) cast to an array or a map of VARIANTs; schema_of_variant names each
 * value's type. A VARIANT object keeps its members sorted by name, not in the document's order,
 * which a warning says. DuckDB's json_each gives the members in order.
 */
function openJsonMembers(json: string, node: TableFunction, mode: ApplyMode, ctx: TranslationContext): string {
  const names = ['key', 'value', 'type'].map((name, index) => ctx.dialect.identifier(node.columns[index] ?? name));
  const alias = ctx.dialect.identifier(node.alias ?? 'openjson');
  if (ctx.target === 'databricks') {
    ctx.reportOnce(
      `openjson-members:${node.start}`,
      'TR_SEMANTIC',
      node,
      "OPENJSON without WITH reads the document as a VARIANT: an object's members come sorted by name, not in the document's order, and a nested object or array comes back as JSON text without its original spacing",
    );
    const elements =
      `CASE WHEN startswith(ltrim(${json}), '[') ` +
      `THEN transform(CAST(parse_json(${json}) AS ARRAY<VARIANT>), (v, i) -> named_struct('k', CAST(i AS STRING), 'v', v)) ` +
      `ELSE transform(map_entries(CAST(parse_json(${json}) AS MAP<STRING, VARIANT>)), m -> named_struct('k', m.key, 'v', m.value)) END`;
    const kind = 'schema_of_variant(e.v)';
    const value = `CASE WHEN is_variant_null(e.v) THEN NULL WHEN ${kind} = 'STRING' THEN CAST(e.v AS STRING) ELSE to_json(e.v) END`;
    const type = `CASE WHEN is_variant_null(e.v) THEN 0 WHEN ${kind} = 'STRING' THEN 1 WHEN ${kind} = 'BOOLEAN' THEN 3 WHEN ${kind} LIKE 'ARRAY%' THEN 4 WHEN ${kind} LIKE 'OBJECT%' THEN 5 ELSE 2 END`;
    return `${mode === 'outer' ? 'inline_outer' : 'inline'}(transform(${elements}, e -> named_struct('k', e.k, 'value', ${value}, 'type', ${type}))) AS ${alias}(${names.join(', ')})`;
  }
  const value = "CASE WHEN type = 'NULL' THEN NULL WHEN type = 'VARCHAR' THEN json_extract_string(value, '$') ELSE CAST(value AS VARCHAR) END";
  const type = "CASE type WHEN 'NULL' THEN 0 WHEN 'VARCHAR' THEN 1 WHEN 'BOOLEAN' THEN 3 WHEN 'ARRAY' THEN 4 WHEN 'OBJECT' THEN 5 ELSE 2 END";
  return `(SELECT key AS ${names[0]}, ${value} AS ${names[1]}, ${type} AS ${names[2]} FROM json_each(${json})) AS ${alias}`;
}

/** GENERATE_SERIES(start, stop [, step]) includes stop; range() in Databricks stops before its end. */
function generateSeries(call: FunctionCall, node: TableFunction, _mode: ApplyMode, ctx: TranslationContext): string | undefined {
  const [startNode, stopNode, stepNode] = call.args;
  if (startNode === undefined || stopNode === undefined) return undefined;
  const [start, stop] = [expression(startNode, ctx), expression(stopNode, ctx)];
  const step = stepNode === undefined ? undefined : expression(stepNode, ctx);
  const alias = `${ctx.dialect.identifier(node.alias ?? 'generate_series')}(${ctx.dialect.identifier(node.columns[0] ?? 'value')})`;
  if (ctx.target === 'duckdb') return `generate_series(${[start, stop, ...(step === undefined ? [] : [step])].join(', ')}) AS ${alias}`;
  const end = step === undefined ? `${stop} + 1` : `${stop} + sign(${step})`;
  return `range(${[start, end, ...(step === undefined ? [] : [step])].join(', ')}) AS ${alias}`;
}

// ---------------------------------------------------------------------------------------------
// PIVOT and UNPIVOT

/**
 * PIVOT (agg(x) FOR c IN ([v1], [v2])) AS p: both targets have the clause, with the values as
 * literals (T-SQL writes them as names) and the column names as aliases. The other columns of
 * the source group the rows, as in T-SQL. Wrapped in a derived table to carry the alias.
 */
function pivot(node: Pivot, ctx: TranslationContext): string {
  const source = tableSource(node.source, ctx);
  const columnType = withTableScope(ctx, [node.source], () => valueType(node.column, ctx));
  const values = node.values.map((value) => {
    const numeric = /^-?\d+(\.\d+)?$/.test(value) && columnType.family !== 'string';
    return `${numeric ? value : ctx.dialect.stringLiteral(value)} AS ${ctx.dialect.identifier(value)}`;
  });
  if (node.values.some((value) => value.toLowerCase() !== value.toUpperCase()) && columnType.family !== 'integer' && columnType.family !== 'decimal') {
    ctx.reportOnce('case-insensitive', 'TR_CASE_INSENSITIVE', node, 'this object compares strings (PIVOT values); SQL Server ignores case and trailing spaces in comparisons by default, Databricks does not');
  }
  const aggregate = withTableScope(ctx, [node.source], () => expression(node.aggregate, ctx));
  const column = expression(node.column, ctx);
  const pivoted = `SELECT * FROM ${source} PIVOT (${aggregate} FOR ${column} IN (${values.join(', ')}))`;
  // A COUNT with no row to count is 0 in SQL Server; Spark's PIVOT gives NULL there (SPARK-57715).
  // The pivot columns come last, so EXCEPT and the columns appended keep their order.
  if (ctx.target === 'databricks' && ['COUNT', 'COUNT_BIG'].includes(functionName(node.aggregate))) {
    const names = node.values.map((value) => ctx.dialect.identifier(value));
    const counted = names.map((name) => `coalesce(${name}, 0) AS ${name}`).join(', ');
    return `(SELECT * EXCEPT (${names.join(', ')}), ${counted} FROM (${pivoted}) AS counted)${aliasText(node.alias ?? 'pivoted', [], ctx)}`;
  }
  return `(${pivoted})${aliasText(node.alias ?? 'pivoted', [], ctx)}`;
}

/** UNPIVOT (v FOR name IN (c1, c2)): the same clause; both leave out NULL values, as T-SQL does. */
function unpivot(node: Unpivot, ctx: TranslationContext): string {
  const source = tableSource(node.source, ctx);
  const columns = node.columns.map((column) => ctx.dialect.identifier(column)).join(', ');
  const clause = `UNPIVOT (${ctx.dialect.identifier(node.valueColumn)} FOR ${ctx.dialect.identifier(node.pivotColumn)} IN (${columns}))`;
  return `(SELECT * FROM ${source} ${clause})${aliasText(node.alias ?? 'unpivoted', [], ctx)}`;
}

// ---------------------------------------------------------------------------------------------
// FOR XML PATH('') concatenation

/**
 * (SELECT ',' + name FROM t ORDER BY name FOR XML PATH('')): the pre-2017 way to join strings,
 * usually inside STUFF(..., 1, 1, ''). Unnamed columns become text without tags, NULLs add
 * nothing, no row gives NULL: an ordered string_agg with an empty separator does the same.
 * Without TYPE ... .value('.', ...), SQL Server also escapes &, < and > (&amp; &lt; &gt;).
 * Undefined when the query is not this idiom (named columns build real XML).
 */
export function forXmlConcatenation(node: Query, unescaped: boolean, ctx: TranslationContext): string | undefined {
  const clause = node.forClause;
  if (clause?.mode !== 'XML' || node.body.kind !== 'select' || (node.with?.xmlNamespaces.length ?? 0) > 0) return undefined;
  const path = clause.options.find((option) => option.name === 'PATH');
  if (path === undefined || (path.argument ?? '') !== '' || clause.options.some((option) => option.name !== 'PATH' && option.name !== 'TYPE')) return undefined;
  const body = node.body;
  const columns: SelectColumn[] = [];
  for (const item of body.columns) {
    if (item.kind !== 'select-column') return undefined;
    const unnamed = item.alias === undefined ? item.expression.kind !== 'column-ref' && item.expression.kind !== 'star' : item.alias.toLowerCase() === 'text()';
    if (!unnamed) return undefined;
    columns.push(item);
  }
  if (columns.length === 0) return undefined;
  if (!unescaped) {
    ctx.report('TR_SEMANTIC', clause, "FOR XML PATH('') concatenation became string_agg: SQL Server writes &, < and > in the values as &amp;, &lt; and &gt;, string_agg keeps them as they are");
  }
  const span = node;
  const empty: Expression = { kind: 'literal', type: 'string', text: "''", value: '', start: span.start, end: span.end };
  const value: Expression = columns.length === 1 ? columns[0]!.expression : { kind: 'function-call', name: { kind: 'object-name', parts: ['CONCAT'], start: span.start, end: span.end }, args: columns.map((column) => column.expression), niladic: false, withinGroup: [], start: span.start, end: span.end };
  const aggregateOf = (input: Expression, order: readonly OrderByItem[]): SelectColumn => ({
    kind: 'select-column',
    expression: { kind: 'function-call', name: { kind: 'object-name', parts: ['STRING_AGG'], start: span.start, end: span.end }, args: [input, empty], niladic: false, withinGroup: order, start: span.start, end: span.end },
    start: span.start,
    end: span.end,
  });
  const simple = body.groupBy === undefined && body.quantifier !== 'DISTINCT' && body.top === undefined && node.offset === undefined && body.having === undefined && !usesAggregate(columns);
  if (simple) {
    const rewritten: Query = { ...node, body: { ...body, columns: [aggregateOf(value, node.orderBy)] }, orderBy: [], forClause: undefined, options: [] };
    return `(${query(rewritten, ctx)})`;
  }
  // Grouped, distinct or limited rows: concatenate the rows of the original query, keyed by its ORDER BY.
  const keys = node.orderBy.map((item, index): SelectColumn => ({ kind: 'select-column', expression: resolveOrderItem(item, body).expression, alias: `k${index}`, start: span.start, end: span.end }));
  const inner: Query = { ...node, body: { ...body, columns: [{ kind: 'select-column', expression: value, alias: 'v', start: span.start, end: span.end }, ...keys] }, forClause: undefined, options: [] };
  const column = (name: string): Expression => ({ kind: 'column-ref', parts: ['x', name], start: span.start, end: span.end });
  const order = node.orderBy.map((item, index): OrderByItem => ({ kind: 'order-by-item', expression: column(`k${index}`), ...(item.direction === undefined ? {} : { direction: item.direction }), start: span.start, end: span.end }));
  const outer: Query = {
    kind: 'query',
    body: { kind: 'select', columns: [aggregateOf(column('v'), order)], from: [{ kind: 'derived-table', query: inner, alias: 'x', columns: [], start: span.start, end: span.end }], windows: [], start: span.start, end: span.end },
    orderBy: [],
    options: [],
    start: span.start,
    end: span.end,
  };
  return `(${query(outer, ctx)})`;
}

/**
 * Whether a query gives exactly one row because each of its values aggregates its rows
 * (SELECT @n = COUNT(*), @d = MAX(d) + 1 FROM t): no GROUP BY, HAVING, TOP or OFFSET, and no
 * column read outside an aggregate.
 */
export function aggregatesToOneRow(node: Query): boolean {
  const body = node.body;
  if (body.kind !== 'select' || body.groupBy !== undefined || body.having !== undefined || body.top !== undefined || node.offset !== undefined) return false;
  return body.columns.every((item) => aggregatesOnly(item.expression));
}

function aggregatesOnly(value: Expression): boolean {
  let aggregated = false;
  let bare = false;
  walkAst(value, (child) => {
    if (isAggregateCall(child)) {
      aggregated = true;
      return false;
    }
    if (child.kind === 'column-ref' || child.kind === 'star') bare = true;
    return !bare && child.kind !== 'subquery';
  });
  return aggregated && !bare;
}

function usesAggregate(columns: readonly SelectColumn[]): boolean {
  let found = false;
  for (const column of columns) {
    walkAst(column.expression, (child) => {
      if (isAggregateCall(child)) found = true;
      return !found && child.kind !== 'subquery';
    });
  }
  return found;
}

/** Whether a WITH clause defines a CTE that refers to itself. */
export function hasRecursiveCte(clause: WithClause): boolean {
  return recursiveCtes(clause).length > 0;
}

function recursiveCtes(clause: WithClause): WithClause['ctes'] {
  return clause.ctes.filter((cte) => references(cte.query, cte.name));
}

/** Whether a query names a table (a CTE refers to itself: a recursive CTE). */
function references(node: Query, name: string): boolean {
  let found = false;
  walkAst(node, (child) => {
    if (child.kind === 'table-ref' && child.name.parts.length === 1 && child.name.parts[0]!.toLowerCase() === name.toLowerCase()) found = true;
    return !found;
  });
  return found;
}

// ---------------------------------------------------------------------------------------------
// FOR JSON

/** A JSON object's members: a column, or a nested object (PATH aliases with dots: [a.b]). */
type JsonMember = { readonly key: string; readonly column: number } | { readonly key: string; readonly members: JsonMember[] };

/**
 * SELECT ... FOR JSON PATH [, ROOT('r')] [, INCLUDE_NULL_VALUES] [, WITHOUT_ARRAY_WRAPPER]: the
 * rows as a JSON array of objects, dotted column names as nested objects, NULLs left out unless
 * INCLUDE_NULL_VALUES, no row giving NULL. The original query (its TOP, ORDER BY, GROUP BY
 * kept) runs in a derived table with its columns numbered; the outer query builds one struct a
 * row and writes the collected structs with to_json, which leaves NULL fields out by default.
 * Columns holding JSON (a nested FOR JSON, JSON_QUERY) are embedded with parse_json, as SQL
 * Server embeds them. FOR JSON AUTO is the same for one table; over joins it nests by table
 * (forJsonAutoNested). Dates are written in the target's JSON format, not SQL Server's.
 */
function forJson(node: Query, ctx: TranslationContext): string | { readonly problem: string } | undefined {
  const clause = node.forClause!;
  const option = (name: string) => clause.options.find((item) => item.name === name);
  const auto = option('AUTO') !== undefined;
  const body = node.body;
  if (body.kind !== 'select' || clause.options.some((item) => !['PATH', 'AUTO', 'ROOT', 'INCLUDE_NULL_VALUES', 'WITHOUT_ARRAY_WRAPPER'].includes(item.name))) return undefined;
  const columns: SelectColumn[] = [];
  const names: string[] = [];
  for (const item of body.columns) {
    if (item.kind !== 'select-column') return undefined;
    const name = item.alias ?? (item.expression.kind === 'column-ref' ? item.expression.parts[item.expression.parts.length - 1] : undefined);
    if (name === undefined) return undefined;
    columns.push(item);
    names.push(name);
  }
  const joined = body.from.length > 1 || body.from.some((source) => source.kind === 'join');
  const nesting = auto && joined ? autoNesting(body, columns, names, ctx) : undefined;
  if (nesting !== undefined && 'problem' in nesting) return nesting;
  const members: JsonMember[] = [];
  for (const [index, name] of names.entries()) {
    const path = auto ? [name] : name.split('.');
    let level = members;
    for (const key of path.slice(0, -1)) {
      let nested = level.find((member): member is Extract<JsonMember, { members: JsonMember[] }> => member.key === key && 'members' in member);
      if (nested === undefined) {
        nested = { key, members: [] };
        level.push(nested);
      }
      level = nested.members;
    }
    level.push({ key: path[path.length - 1]!, column: index });
  }
  ctx.reportOnce('for-json-dates', 'TR_SEMANTIC', clause, "FOR JSON became to_json: dates, times and binary values are written in the target's JSON format, not SQL Server's");
  const databricks = ctx.target === 'databricks';
  const includeNulls = option('INCLUDE_NULL_VALUES') !== undefined;
  for (const index of nesting?.computed ?? []) {
    ctx.reportOnce(
      'for-json-auto-computed',
      'TR_SEMANTIC',
      columns[index]!,
      `FOR JSON AUTO: SQL Server documents where a column of no table goes for FOR XML AUTO only (with the deepest table named before it, or the first table when none is); "${names[index]}" was put there`,
    );
  }
  if (nesting !== undefined && nesting.levels.length > 1) return forJsonAutoNested(node, ctx, columns, names, nesting.levels);
  if (!databricks && !includeNulls) ctx.reportOnce('for-json-nulls', 'TR_SEMANTIC', clause, 'DuckDB writes NULL members of FOR JSON objects, which SQL Server leaves out');
  const isJson = (expression: Expression) =>
    (expression.kind === 'subquery' && expression.query.forClause?.mode === 'JSON') || (expression.kind === 'function-call' && functionName(expression) === 'JSON_QUERY');
  const object = (level: readonly JsonMember[], value: (index: number) => string): string => {
    const member = (item: JsonMember) => ('column' in item ? (isJson(columns[item.column]!.expression) ? (databricks ? `parse_json(${value(item.column)})` : `CAST(${value(item.column)} AS JSON)`) : value(item.column)) : object(item.members, value));
    return databricks
      ? `named_struct(${level.map((item) => `${ctx.dialect.stringLiteral(item.key)}, ${member(item)}`).join(', ')})`
      : `{${level.map((item) => `${ctx.dialect.stringLiteral(item.key)}: ${member(item)}`).join(', ')}}`;
  };
  const toJson = (text: string) => (databricks && includeNulls ? `to_json(${text}, map('ignoreNullFields', 'false'))` : `to_json(${text})`);
  const root = option('ROOT');
  const withRoot = (array: string) => (root === undefined ? array : databricks ? `named_struct(${ctx.dialect.stringLiteral(root.argument ?? 'root')}, ${array})` : `{${ctx.dialect.stringLiteral(root.argument ?? 'root')}: ${array}}`);
  const unwrapped = option('WITHOUT_ARRAY_WRAPPER') !== undefined;

  /** The JSON of the rows: `row` is one row's struct, `keys` the ORDER BY values of a row. */
  const aggregate = (row: string, keys: readonly string[]): string => {
    const order = node.orderBy.map((item, index) => `${keys[index]}${item.direction === undefined ? '' : ` ${item.direction}`}`).join(', ');
    const sorted = (element: string) =>
      keys.length === 0
        ? `collect_list(${element})`
        : sortedValues(`collect_list(named_struct(${keys.map((key, index) => `'k${index}', ${key}`).join(', ')}, 'v', ${element}))`, node.orderBy.map((item) => item.direction));
    if (unwrapped) return databricks ? `array_join(${sorted(toJson(row))}, ',')` : `string_agg(${toJson(row)}, ','${order === '' ? '' : ` ORDER BY ${order}`})`;
    return toJson(withRoot(databricks ? sorted(row) : `list(${row}${order === '' ? '' : ` ORDER BY ${order}`})`));
  };

  const needsRows = body.top !== undefined || body.groupBy !== undefined || body.quantifier === 'DISTINCT' || body.having !== undefined || node.offset !== undefined || usesAggregate(columns);
  if (body.from.length === 0 && !needsRows) {
    // SELECT ... FOR JSON without FROM is one row: one object, no aggregation.
    return select(body, ctx, undefined, () => {
      const row = object(members, (index) => expression(columns[index]!.expression, ctx));
      return `${unwrapped ? toJson(row) : toJson(withRoot(`array(${row})`))} AS json`;
    });
  }
  if (!needsRows) {
    // The rows of the query itself, aggregated where they are (correlated references stay valid).
    return select(body, ctx, undefined, () => {
      const row = object(members, (index) => expression(columns[index]!.expression, ctx));
      const keys = node.orderBy.map((item) => expression(resolveOrderItem(item, body).expression, ctx));
      return `CASE WHEN count(*) = 0 THEN NULL ELSE ${aggregate(row, keys)} END AS json`;
    });
  }
  // TOP, GROUP BY, DISTINCT: the original query runs in a derived table with its columns numbered.
  const span = node;
  const keyColumns = node.orderBy.map((item, index): SelectColumn => ({ kind: 'select-column', expression: resolveOrderItem(item, body).expression, alias: `k${index}`, start: span.start, end: span.end }));
  const numbered = columns.map((column, index): SelectColumn => ({ ...column, alias: `c${index}` }));
  const inner: Query = { ...node, with: undefined, body: { ...body, columns: [...numbered, ...keyColumns] }, forClause: undefined, options: [] };
  const text = aggregate(object(members, (index) => `x.c${index}`), node.orderBy.map((_, index) => `x.k${index}`));
  return `SELECT CASE WHEN count(*) = 0 THEN NULL ELSE ${text} END AS json FROM (${query(inner, ctx)}) AS x`;
}

/** One level of FOR JSON AUTO's nesting: a table of the FROM clause and its columns in the SELECT list. */
interface AutoLevel {
  /** The key of the array the level's objects are in: the table's alias, or its one-part name. */
  readonly key: string | undefined;
  readonly columns: readonly number[];
}

/**
 * FOR JSON AUTO over joins: the tables the SELECT list names, in the order it first names them,
 * each nested as an array in an object of the one before. "The format of the JSON output is
 * automatically determined based on the order of columns in the SELECT list and their source
 * tables", "the table name or alias of the second table ... is used as the name of the nested
 * array" (learn.microsoft.com/sql/relational-databases/json/format-json-output-automatically-
 * with-auto-mode-sql-server). A column of a table already named joins that table's object, not
 * a new level; a column of no table (an expression) goes with the deepest table named before
 * it, or the first table when it comes first: both rules are FOR XML AUTO's as documented
 * (learn.microsoft.com/sql/relational-databases/xml/use-auto-mode-with-for-xml), which the JSON
 * page does not restate. Not translated where a column's table is not known (an unqualified
 * column no definition in view places), or a nested level is not a table with an alias or a
 * one-part name (the key its array would have is not documented).
 */
function autoNesting(
  body: Select,
  columns: readonly SelectColumn[],
  names: readonly string[],
  ctx: TranslationContext,
): { readonly levels: AutoLevel[]; readonly computed: number[] } | { readonly problem: string } {
  // The sources by the name columns qualify them with; the key of a nested level's array.
  const sources = new Map<string, { readonly key: string | undefined; readonly table: boolean }>();
  const addSource = (source: TableSource): void => {
    if (source.kind === 'join') {
      addSource(source.left);
      addSource(source.right);
    } else if (source.kind === 'table-ref') {
      const parts = source.name.parts;
      sources.set((source.alias ?? parts[parts.length - 1]!).toLowerCase(), { key: source.alias ?? (parts.length === 1 ? parts[0] : undefined), table: true });
    } else if ('alias' in source && source.alias !== undefined) {
      sources.set(source.alias.toLowerCase(), { key: source.alias, table: false });
    }
  };
  const unsupported = (why: string) => ({ problem: `FOR JSON AUTO over joins was not translated: ${why}; FOR JSON PATH with a nested FOR JSON PATH subquery for each joined table can build such a document` });
  body.from.forEach(addSource);
  return withTableScope(ctx, body.from, () => {
    const tables: string[] = [];
    const byTable = new Map<string, number[]>();
    const computed: number[] = [];
    const leading: number[] = [];
    for (const [index, column] of columns.entries()) {
      const expression = column.expression;
      if (expression.kind !== 'column-ref') {
        computed.push(index);
        if (tables.length === 0) leading.push(index);
        else byTable.get(tables[tables.length - 1]!)!.push(index);
        continue;
      }
      const parts = expression.parts;
      const table = parts.length >= 2 ? parts[parts.length - 2]!.toLowerCase() : columnOwner(parts[0]!, ctx);
      if (table === undefined || !sources.has(table)) return unsupported(`the table of "${names[index]}" is not known (qualify it with its table's alias)`);
      if (!byTable.has(table)) {
        tables.push(table);
        byTable.set(table, tables.length === 1 ? [...leading] : []);
      }
      byTable.get(table)!.push(index);
    }
    if (tables.length === 0) return unsupported('no column of the SELECT list names a table');
    for (const table of tables.slice(1)) {
      const source = sources.get(table)!;
      if (!source.table) return unsupported(`${source.key} is a derived table, table variable or function, whose nesting SQL Server does not document`);
      if (source.key === undefined) return unsupported(`${table} has a schema-qualified name and no alias: give it an alias, which names its array`);
    }
    return { levels: tables.map((table): AutoLevel => ({ key: sources.get(table)!.key, columns: byTable.get(table)! })), computed };
  });
}

/**
 * SELECT ... FROM a JOIN b ... FOR JSON AUTO: each level's object holds its columns, then the
 * array of the next level's objects under that table's alias. SQL Server builds the objects as
 * the rows come: a row whose values for a level and the levels above it are those of the row
 * before adds to that row's object instead of starting a new one ("AUTO mode heuristics compare
 * column values in adjacent rows", learn.microsoft.com/sql/relational-databases/xml/auto-mode-
 * heuristics-in-shaping-returned-xml; the JSON page's RIGHT JOIN example merges two students of
 * one class, learn.microsoft.com/sql/relational-databases/json/format-query-results-as-json-
 * with-for-json-sql-server). Each row still gives one object of the last level, and an outer
 * join's row with no match an object with no members ("b":[{}]). Here the rows are numbered in
 * the query's ORDER BY, ties (and a query without ORDER BY) by the upper levels' values so that
 * equal parents come together; a run of rows with the same upper values is a group (its row
 * number less its number among the rows with those values is constant), and the levels are
 * aggregated from the last one up, each array in row order. DuckDB strips the NULL members of
 * each object with json_merge_patch (RFC 7396 drops members whose patch value is null), as
 * to_json on Databricks leaves them out.
 */
function forJsonAutoNested(node: Query, ctx: TranslationContext, columns: readonly SelectColumn[], names: readonly string[], levels: readonly AutoLevel[]): string {
  const clause = node.forClause!;
  const body = node.body as Select;
  const option = (name: string) => clause.options.find((item) => item.name === name);
  const databricks = ctx.target === 'databricks';
  const includeNulls = option('INCLUDE_NULL_VALUES') !== undefined;
  const root = option('ROOT');
  const unwrapped = option('WITHOUT_ARRAY_WRAPPER') !== undefined;
  if (node.orderBy.length === 0) {
    ctx.reportOnce(
      'for-json-auto-order',
      'TR_SEMANTIC',
      clause,
      'FOR JSON AUTO without ORDER BY: SQL Server puts rows in one parent object only when they come one after the other, in an order it does not define; here rows with equal parent values always share one',
    );
  }
  const literal = (text: string) => ctx.dialect.stringLiteral(text);
  const isJson = (expression: Expression) =>
    (expression.kind === 'subquery' && expression.query.forClause?.mode === 'JSON') || (expression.kind === 'function-call' && functionName(expression) === 'JSON_QUERY');
  const value = (alias: string, index: number) => {
    const text = `${alias}.c${index}`;
    return isJson(columns[index]!.expression) ? (databricks ? `parse_json(${text})` : `CAST(${text} AS JSON)`) : text;
  };
  /** One object: a struct on Databricks (to_json at the end), JSON text without its NULL members on DuckDB. */
  const object = (members: ReadonlyArray<readonly [string, string]>): string => {
    if (databricks) return `named_struct(${members.map(([key, text]) => `${literal(key)}, ${text}`).join(', ')})`;
    const json = `to_json({${members.map(([key, text]) => `${literal(key)}: ${text}`).join(', ')}})`;
    return includeNulls ? json : `json_merge_patch('{}', ${json})`;
  };
  const collect = (element: string, order: string) =>
    databricks ? sortedValues(`collect_list(named_struct('k0', ${order}, 'v', ${element}))`, [undefined]) : `list(${element} ORDER BY ${order})`;
  const levelMembers = (level: AutoLevel, alias: string) => level.columns.map((index) => [names[index]!, value(alias, index)] as const);
  const upper = (depth: number) => levels.slice(0, depth + 1).flatMap((level) => level.columns);

  // The query itself, its columns numbered c0, c1 ... and its ORDER BY values k0, k1 ...
  const span = node;
  const keyColumns = node.orderBy.map((item, index): SelectColumn => ({ kind: 'select-column', expression: resolveOrderItem(item, body).expression, alias: `k${index}`, start: span.start, end: span.end }));
  const numbered = columns.map((column, index): SelectColumn => ({ ...column, alias: `c${index}` }));
  // The ORDER BY stays inside only where TOP, OFFSET or FETCH needs it to choose the rows.
  const limited = body.top !== undefined || node.offset !== undefined || node.fetch !== undefined;
  const inner: Query = { ...node, with: undefined, body: { ...body, columns: [...numbered, ...keyColumns] }, orderBy: limited ? node.orderBy : [], forClause: undefined, options: [] };
  const last = levels.length - 1;
  const rowOrder = [
    ...node.orderBy.map((item, index) => `x.k${index} ${item.direction === 'DESC' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`),
    ...upper(last - 1).map((index) => `x.c${index} ASC NULLS FIRST`),
  ];
  const rows = `SELECT x.*, row_number() OVER (ORDER BY ${rowOrder.join(', ')}) AS rn FROM (${query(inner, ctx)}) AS x`;
  const groups = levels
    .slice(0, last)
    .map((_, depth) => `y.rn - row_number() OVER (PARTITION BY ${upper(depth).map((index) => `y.c${index}`).join(', ')} ORDER BY y.rn) AS g${depth}`);
  let source = `SELECT y.*, ${groups.join(', ')} FROM (${rows}) AS y`;
  let alias = 'w';
  for (let depth = last - 1; depth >= 0; depth--) {
    const child = depth === last - 1 ? object(levelMembers(levels[last]!, alias)) : `${alias}.o`;
    const members = [...levelMembers(levels[depth]!, alias), [levels[depth + 1]!.key!, collect(child, `${alias}.rn`)] as const];
    const carried = [...levels.slice(0, depth).map((_, index) => `${alias}.g${index}`), ...upper(depth - 1).map((index) => `${alias}.c${index}`)];
    const grouped = [...levels.slice(0, depth + 1).map((_, index) => `${alias}.g${index}`), ...upper(depth).map((index) => `${alias}.c${index}`)];
    source = `SELECT ${[...carried, `min(${alias}.rn) AS rn`, `${object(members)} AS o`].join(', ')} FROM (${source}) AS ${alias} GROUP BY ${grouped.join(', ')}`;
    alias = `l${depth}`;
  }
  const toJson = (text: string) => (includeNulls ? `to_json(${text}, map('ignoreNullFields', 'false'))` : `to_json(${text})`);
  const withRoot = (array: string) => (root === undefined ? array : databricks ? `named_struct(${literal(root.argument ?? 'root')}, ${array})` : `{${literal(root.argument ?? 'root')}: ${array}}`);
  const text = unwrapped
    ? databricks
      ? `array_join(${collect(toJson('l0.o'), 'l0.rn')}, ',')`
      : `string_agg(CAST(l0.o AS VARCHAR), ',' ORDER BY l0.rn)`
    : databricks
      ? toJson(withRoot(collect('l0.o', 'l0.rn')))
      : `to_json(${withRoot(collect('l0.o', 'l0.rn'))})`;
  return `SELECT CASE WHEN count(*) = 0 THEN NULL ELSE ${text} END AS json FROM (${source}) AS l0`;
}

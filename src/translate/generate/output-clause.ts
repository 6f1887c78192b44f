import { walkAst, type ColumnRef, type DmlTarget, type Expression, type InsertStatement, type MergeStatement, type MergeWhen, type OutputClause, type Query, type QueryBody, type Select, type SelectColumn, type SetItem, type Span, type TableSource } from '../../tsql/index.js';
import { TranslationContext, type IdentityColumn } from '../context.js';
import type { ScriptNode } from '../script-ir.js';
import { columnRef, conjunction, mapAst, nullLiteral, qualifierOf, qualifiersOf } from './ast-tools.js';
import { query, tableSource } from './queries.js';
import { sourceText } from './source-text.js';
import type { StatementWriter } from './statements.js';
import { tableColumnNames } from './value-types.js';

/**
 * OUTPUT clauses. Databricks has none, but what most of them return is known before the
 * statement runs: the rows an UPDATE, DELETE or MERGE will change are the rows its own filter
 * selects just before it, their deleted.* values are the old ones, their inserted.* values
 * what SET computes from them, and a MERGE's $action follows from which clause takes each row
 * (first matching clause of its kind wins). So the OUTPUT becomes a query of those rows run
 * just before the statement: an INSERT into the OUTPUT ... INTO table, or a result set. An
 * INSERT's inserted.* values are the values it inserts, unless the table makes them (identity,
 * defaults): those are read back after it where the identity column is known. The rest stays
 * untranslated, with the reason.
 */
export type OutputPlan = { readonly before: ScriptNode[]; readonly after: ScriptNode[] } | { readonly problem: string };

/** What reading an identity value back from the table assumes, for TR_IDENTITY_READBACK. */
export function identityAssumption(table: string, verb = 'INSERT'): string {
  if (table.startsWith('#') || table.startsWith('@')) {
    return `${table} is a temporary table only this session writes, so this holds unless an explicit identity value beyond the generated ones was inserted`;
  }
  return `this assumes no other session inserts into ${table} meanwhile (Databricks runs no concurrent transactions on a table with an identity column, but the ${verb} and the read are two statements)`;
}

/** How the values of one kind of changed row are computed: inserted.c, deleted.c, $action, other columns. */
interface RowValues {
  readonly inserted: (column: string) => Expression | string;
  readonly deleted: (column: string) => Expression | string;
  readonly action?: Expression;
  /** A column reference other than inserted/deleted: kept (undefined), replaced, or a problem. */
  readonly other: (ref: ColumnRef) => Expression | string | undefined;
}

/** Built-ins whose every call gives another value: a value computed twice differs. */
const RANDOM = new Set(['NEWID', 'NEWSEQUENTIALID', 'RAND', 'CRYPT_GEN_RANDOM']);

function isRandom(node: Expression): boolean {
  let found = false;
  walkAst(node, (child) => {
    if (child.kind === 'function-call' && child.name.parts.length === 1 && RANDOM.has(child.name.parts[0]!.toUpperCase())) found = true;
    return !found;
  });
  return found;
}

function literal(value: string, span: Span): Expression {
  return { kind: 'literal', type: 'string', text: `'${value}'`, value, start: span.start, end: span.end };
}

function pseudoTable(ref: ColumnRef): 'inserted' | 'deleted' | undefined {
  if (ref.parts.length !== 2) return undefined;
  const qualifier = ref.parts[0]!.toLowerCase();
  return qualifier === 'inserted' || qualifier === 'deleted' ? qualifier : undefined;
}

function isAction(node: Expression): boolean {
  return node.kind === 'column-ref' && node.parts.length === 1 && node.parts[0]!.toLowerCase() === '$action';
}

/** The name T-SQL gives an OUTPUT column without an alias: the column's, or $action. */
function outputName(item: SelectColumn): string | undefined {
  if (item.alias !== undefined) return item.alias;
  if (isAction(item.expression)) return '$action';
  return item.expression.kind === 'column-ref' ? item.expression.parts[item.expression.parts.length - 1] : undefined;
}

/**
 * The OUTPUT items with inserted.* and deleted.* written out column by column where the
 * table's columns are known; else `whole` may stand for the star (deleted.* of an UPDATE or
 * DELETE is all of the target row: target.*).
 */
function expandStars(clause: OutputClause, columns: readonly string[] | undefined, whole?: (pseudo: 'inserted' | 'deleted', span: Span) => SelectColumn | undefined): SelectColumn[] | string {
  const items: SelectColumn[] = [];
  for (const item of clause.columns) {
    if (item.kind !== 'select-column') return 'an OUTPUT item assigns a variable';
    const star = item.expression;
    if (star.kind !== 'star') {
      items.push(item);
      continue;
    }
    const qualifier = star.qualifier.map((part) => part.toLowerCase()).join('.');
    if (qualifier !== 'inserted' && qualifier !== 'deleted') return `OUTPUT ${[...star.qualifier, '*'].join('.')} names the columns of another table`;
    if (columns === undefined) {
      const replacement = whole?.(qualifier, star);
      if (replacement === undefined) return `the columns of ${qualifier}.* are not known (no inventory column list)`;
      items.push(replacement);
      continue;
    }
    for (const column of columns) items.push({ kind: 'select-column', expression: columnRef([qualifier, column], star), alias: column, start: star.start, end: star.end });
  }
  return items;
}

/** One OUTPUT expression with inserted, deleted, $action and other columns replaced for one kind of row. */
function rowValue(node: Expression, values: RowValues): Expression | string {
  let problem: string | undefined;
  const mapped = mapAst(node, (child) => {
    if (problem !== undefined) return undefined;
    if (child.kind !== 'column-ref') return undefined;
    if (isAction(child)) {
      if (values.action === undefined) problem = '$action belongs to MERGE';
      return values.action;
    }
    const pseudo = pseudoTable(child);
    const value = pseudo === undefined ? values.other(child) : values[pseudo](child.parts[1]!);
    if (typeof value === 'string') problem = value;
    return typeof value === 'string' ? undefined : value;
  });
  return problem ?? mapped;
}

function selectOf(columns: readonly SelectColumn[], from: readonly TableSource[], where: Expression | undefined, span: Span): Select {
  return { kind: 'select', columns, from, ...(where === undefined ? {} : { where }), windows: [], start: span.start, end: span.end };
}

function queryOf(body: QueryBody, span: Span, with_?: Query['with']): Query {
  return { kind: 'query', ...(with_ === undefined ? {} : { with: with_ }), body, orderBy: [], options: [], start: span.start, end: span.end };
}

/** The nodes that write one OUTPUT clause's rows: INSERT INTO its table, or a result set. */
function writeRows(clause: OutputClause, rows: Query, w: StatementWriter, ctes: readonly string[]): ScriptNode {
  const text = w.ctx.withCtes(ctes, () => query(rows, w.ctx));
  if (clause.into === undefined) return w.sql(clause, text, true);
  const columns = clause.intoColumns.length === 0 ? '' : ` (${clause.intoColumns.map((column) => w.ctx.dialect.identifier(column)).join(', ')})`;
  return w.sql(clause, `INSERT INTO ${tableSource(clause.into, w.ctx)}${columns}\n${text}`);
}

/** The select list of one kind of row, or the first problem. */
function selectList(items: readonly SelectColumn[], values: RowValues, named: boolean): SelectColumn[] | string {
  const columns: SelectColumn[] = [];
  for (const item of items) {
    const value = rowValue(item.expression, values);
    if (typeof value === 'string') return value;
    const name = named ? outputName(item) : item.alias;
    columns.push({ kind: 'select-column', expression: value, ...(name === undefined ? {} : { alias: name }), start: item.start, end: item.end });
  }
  return columns;
}

// -----------------------------------------------------------------------------------------------
// UPDATE and DELETE

/**
 * UPDATE / DELETE ... OUTPUT: the rows of `rows` (the target filtered as the statement filters
 * it, each row once), deleted.c as the row's c, inserted.c as SET computes it from the row (or
 * the row's c where SET leaves it). Only the target's columns: a value read from another table
 * of the FROM clause would need the join, whose rows are not the target's.
 */
export function changedRowsOutput(
  node: { readonly kind: 'update' | 'delete'; readonly output: readonly OutputClause[]; readonly with?: Query['with']; readonly target: DmlTarget },
  rows: Query,
  target: { readonly qualifier: string; readonly set: readonly SetItem[]; readonly otherQualifiers: readonly string[] },
  w: StatementWriter,
): OutputPlan {
  const key = targetKey(node.target);
  const tableColumns = key === undefined ? undefined : tableColumnNames(key, w.ctx);
  const own = (column: string, span: Span) => columnRef([target.qualifier, column], span);
  const values: RowValues = {
    deleted: (column) => own(column, node.target),
    inserted: (column) => {
      if (node.kind === 'delete') return 'inserted.* of a DELETE';
      const item = setItemFor(target.set, column);
      if (item === undefined) return own(column, node.target);
      if (typeof item === 'string') return item;
      if (isRandom(item.value)) return `inserted.${column} is a random value (${sourceText(w.ctx, item.value)}) the UPDATE makes`;
      if (target.otherQualifiers.length > 0 && refersToAny(item.value, target.otherQualifiers)) return `inserted.${column} is computed from another table of the FROM clause`;
      return assignedValue(item, own(column, item));
    },
    other: (ref) => `${ref.parts.join('.')} is not a column of deleted or inserted`,
  };
  const nodes: ScriptNode[] = [];
  const wholeRow = (pseudo: 'inserted' | 'deleted', span: Span): SelectColumn | undefined =>
    pseudo === 'deleted' || target.set.length === 0 ? { kind: 'select-column', expression: { kind: 'star', qualifier: [target.qualifier], start: span.start, end: span.end }, start: span.start, end: span.end } : undefined;
  for (const clause of node.output) {
    const items = expandStars(clause, tableColumns, wholeRow);
    if (typeof items === 'string') return { problem: items };
    const columns = selectList(items, values, clause.into === undefined);
    if (typeof columns === 'string') return { problem: columns };
    const body = rows.body as Select;
    nodes.push(writeRows(clause, { ...rows, body: { ...body, columns } }, w, node.with?.ctes.map((cte) => cte.name) ?? []));
  }
  return { before: nodes, after: [] };
}

type Assignment = Extract<SetItem, { kind: 'assignment' }>;

/** The SET item that assigns a column, a problem when it is not a plain assignment, or undefined. */
function setItemFor(set: readonly SetItem[], column: string): Assignment | string | undefined {
  for (const item of set) {
    if (item.kind !== 'assignment') return 'a mutator method in SET';
    if (item.target.kind !== 'column-ref') continue;
    if (item.target.parts[item.target.parts.length - 1]!.toLowerCase() === column.toLowerCase()) return item;
  }
  return undefined;
}

/** The value a SET item stores: `c = v` stores v, `c += v` stores c + v. */
function assignedValue(item: Assignment, current: Expression): Expression {
  if (item.operator === '=') return item.value;
  return { kind: 'binary', operator: item.operator.slice(0, -1) as Extract<Expression, { kind: 'binary' }>['operator'], left: current, right: item.value, start: item.start, end: item.end };
}

function refersToAny(node: Expression, qualifiers: readonly string[]): boolean {
  let found = false;
  walkAst(node, (child) => {
    if (child.kind === 'column-ref') {
      const qualifier = qualifierOf(child);
      if (qualifier !== undefined && qualifiers.includes(qualifier)) found = true;
    }
    return !found;
  });
  return found;
}

/** The key a DML target's table goes by (TranslationContext.tableKey), for its columns and identity column. */
export function targetKey(target: DmlTarget): string | undefined {
  if (target.kind === 'table-variable') return target.name.toLowerCase();
  return target.kind === 'table-ref' ? TranslationContext.tableKey(target.name) : undefined;
}

// -----------------------------------------------------------------------------------------------
// MERGE

type MergeKind = MergeWhen['match'];

/**
 * MERGE ... OUTPUT: one query per kind of row, joined with UNION ALL. Matched rows (target
 * joined to source on the ON condition) that some WHEN MATCHED clause takes; source rows
 * without a match that some WHEN NOT MATCHED clause inserts; target rows without a match that
 * some WHEN NOT MATCHED BY SOURCE clause takes. In each, the values follow the clause that
 * takes the row: the first of its kind whose condition holds, a CASE over the conditions.
 */
export function mergeOutput(node: MergeStatement, w: StatementWriter): OutputPlan {
  if (node.top !== undefined) return { problem: 'MERGE TOP changes an arbitrary subset of the rows' };
  const span = node;
  const target = node.target;
  const targetQualifier = target.kind === 'table-ref' ? (target.alias ?? target.name.parts[target.name.parts.length - 1]!) : target.kind === 'table-variable' ? (target.alias ?? target.name) : target.alias;
  if (targetQualifier === undefined) return { problem: 'the MERGE target is a table-valued function' };
  const targetQualifiers = target.kind === 'table-ref' ? qualifiersOf(target.name, target.alias) : [targetQualifier.toLowerCase()];
  const source = node.source;
  const sourceQualifiers = source.kind === 'table-ref' ? qualifiersOf(source.name, source.alias) : 'alias' in source && source.alias !== undefined ? [source.alias.toLowerCase()] : [];
  const key = targetKey(target);
  const tableColumns = key === undefined ? undefined : tableColumnNames(key, w.ctx);
  const ownColumn = (column: string) => columnRef([targetQualifier, column], span);

  const valuesFor = (clause: MergeWhen): RowValues => {
    const action = clause.action;
    const kind: MergeKind = clause.match;
    return {
      action: literal(action.kind === 'merge-insert' ? 'INSERT' : action.kind === 'merge-update' ? 'UPDATE' : 'DELETE', clause),
      deleted: (column) => (action.kind === 'merge-insert' ? nullLiteral(clause) : ownColumn(column)),
      inserted: (column) => {
        switch (action.kind) {
          case 'merge-delete':
            return nullLiteral(clause);
          case 'merge-update': {
            const item = setItemFor(action.set, column);
            if (item === undefined) return ownColumn(column);
            if (typeof item === 'string') return item;
            if (isRandom(item.value)) return `inserted.${column} is a random value the MERGE makes`;
            return assignedValue(item, ownColumn(column));
          }
          case 'merge-insert': {
            const columns = action.columns.length > 0 ? action.columns.map((name) => name.toLowerCase()) : (tableColumns ?? []);
            const index = columns.indexOf(column.toLowerCase());
            const value = action.defaultValues || index < 0 ? undefined : action.values[index];
            if (value === undefined || value.kind === 'default') return `inserted.${column} takes a value the table makes, an identity or a default`;
            if (isRandom(value)) return `inserted.${column} is a random value the MERGE makes`;
            return value;
          }
          default: {
            const unknown: never = action;
            return String(unknown);
          }
        }
      },
      other: (ref) => {
        const qualifier = qualifierOf(ref);
        if (qualifier !== undefined && sourceQualifiers.includes(qualifier)) return kind === 'NOT MATCHED BY SOURCE' ? nullLiteral(ref) : undefined;
        if (qualifier !== undefined && targetQualifiers.includes(qualifier)) return `${ref.parts.join('.')} reads the target: use inserted. or deleted.`;
        return `${ref.parts.join('.')} is not a column of the source, inserted or deleted`;
      },
      };
  };

  const matchOn = (inner: TableSource): Expression => ({
    kind: 'unary',
    operator: 'NOT',
    start: span.start,
    end: span.end,
    operand: { kind: 'exists', start: span.start, end: span.end, query: queryOf(selectOf([{ kind: 'select-column', expression: { kind: 'literal', type: 'integer', text: '1', value: '1', start: span.start, end: span.end }, start: span.start, end: span.end }], [inner], node.on, span), span) },
  });
  const parts: Array<{ kind: MergeKind; from: TableSource[]; condition?: Expression }> = [
    { kind: 'MATCHED', from: [{ kind: 'join', type: 'INNER', left: target, right: source, on: node.on, start: span.start, end: span.end }] },
    { kind: 'NOT MATCHED BY TARGET', from: [source], condition: matchOn(target) },
    { kind: 'NOT MATCHED BY SOURCE', from: [target], condition: matchOn(source) },
  ];

  const nodes: ScriptNode[] = [];
  for (const clause of node.output) {
    const items = expandStars(clause, tableColumns);
    if (typeof items === 'string') return { problem: items };
    const selects: Select[] = [];
    for (const part of parts) {
      const clauses = node.clauses.filter((candidate) => candidate.match === part.kind);
      if (clauses.length === 0) continue;
      const lists: SelectColumn[][] = [];
      for (const taken of clauses) {
        const list = selectList(items, valuesFor(taken), clause.into === undefined);
        if (typeof list === 'string') return { problem: list };
        lists.push(list);
      }
      // The rows some clause of this kind takes; CASE picks the first whose condition holds,
      // and a row that reaches the last branch satisfies its condition (the WHERE says one does).
      const anyTaken = clauses.some((candidate) => candidate.condition === undefined) ? undefined : clauses.map((candidate) => candidate.condition!).reduce((left, right) => ({ kind: 'binary', operator: 'OR', left, right, start: span.start, end: span.end }));
      const columns = lists[0]!.map((column, index): SelectColumn => {
        if (lists.length === 1) return column;
        const whens = clauses.slice(0, -1).map((candidate, position) => ({ kind: 'case-when' as const, when: candidate.condition!, then: lists[position]![index]!.expression, start: span.start, end: span.end }));
        return { ...column, expression: { kind: 'case', whens, else: lists[lists.length - 1]![index]!.expression, start: span.start, end: span.end } };
      });
      selects.push(selectOf(columns, part.from, conjunction([...(part.condition === undefined ? [] : [part.condition]), ...(anyTaken === undefined ? [] : [anyTaken])]), span));
    }
    if (selects.length === 0) return { problem: 'the MERGE has no WHEN clause' };
    const body = selects.slice(1).reduce<QueryBody>((left, right) => ({ kind: 'set-operation', operator: 'UNION ALL', left, right, start: span.start, end: span.end }), selects[0]!);
    nodes.push(writeRows(clause, queryOf(body, span, node.with), w, []));
  }
  return { before: nodes, after: [] };
}

// -----------------------------------------------------------------------------------------------
// INSERT

/**
 * INSERT ... OUTPUT: inserted.c is the value the INSERT gives column c, read from its VALUES or
 * query (as a derived table whose columns are the inserted ones) before it runs. A column the
 * statement does not give a value takes one the table makes (an identity, a default): where the
 * table's identity column is known, the new rows are read back after the INSERT instead, as
 * the rows whose identity is beyond the largest before it.
 */
export function insertOutput(node: InsertStatement, identity: IdentityColumn | undefined, w: StatementWriter): OutputPlan {
  if (node.top !== undefined) return { problem: 'INSERT TOP inserts an arbitrary subset of the rows' };
  const key = targetKey(node.target);
  const tableColumns = key === undefined ? undefined : tableColumnNames(key, w.ctx);
  const given = node.columns.length > 0 ? node.columns.map((column) => column.toLowerCase()) : tableColumns;
  const explicit = fromValues(node, given, tableColumns, w);
  if (typeof explicit !== 'string') return explicit;
  if (identity === undefined || node.target.kind !== 'table-ref') return { problem: explicit };
  return readBack(node, identity, tableColumns, w);
}

/** The OUTPUT rows from the inserted values themselves, or why not. */
function fromValues(node: InsertStatement, given: readonly string[] | undefined, tableColumns: readonly string[] | undefined, w: StatementWriter): OutputPlan | string {
  const source = node.source;
  if (given === undefined) return 'the INSERT names no columns and the table\'s columns are not known';
  if (source.kind !== 'values' && source.kind !== 'query') return 'inserted.* of INSERT ... DEFAULT VALUES are values the table makes';
  const span = node;
  const alias = 'lakeshift_inserted';
  let rows: Query;
  if (source.kind === 'values') {
    if (source.rows.some((row) => row.values.some((value) => value.kind === 'default' || isRandom(value)))) return 'a VALUES row holds DEFAULT or a random value';
    rows = queryOf(source, span);
  } else {
    let random = false;
    walkAst(source, (child) => {
      if (child.kind === 'function-call' && isRandom(child)) random = true;
      return !random;
    });
    if (random) return 'the inserted query makes random values, which a second run would not repeat';
    rows = source;
  }
  const values: RowValues = {
    inserted: (column) => (given.includes(column.toLowerCase()) ? columnRef([alias, column.toLowerCase()], span) : `inserted.${column} takes a value the table makes, an identity or a default`),
    deleted: () => 'deleted.* of an INSERT',
    other: (ref) => `${ref.parts.join('.')} is not a column of inserted`,
  };
  const from: TableSource = { kind: 'derived-table', query: rows, alias, columns: given, start: span.start, end: span.end };
  const nodes: ScriptNode[] = [];
  for (const clause of node.output) {
    const items = expandStars(clause, tableColumns);
    if (typeof items === 'string') return items;
    const columns = selectList(items, values, clause.into === undefined);
    if (typeof columns === 'string') return columns;
    nodes.push(writeRows(clause, queryOf(selectOf(columns, [from], undefined, span), span, node.with), w, []));
  }
  return { before: nodes, after: [] };
}

/**
 * The OUTPUT rows read back after the INSERT: the largest identity value is kept before it
 * (the smallest for a negative increment), and the new rows are those beyond it.
 */
function readBack(node: InsertStatement, identity: IdentityColumn, tableColumns: readonly string[] | undefined, w: StatementWriter): OutputPlan {
  const span = node;
  const target = node.target as Extract<DmlTarget, { kind: 'table-ref' }>;
  const qualifier = target.alias ?? target.name.parts[target.name.parts.length - 1]!;
  const values: RowValues = {
    inserted: (column) => columnRef([qualifier, column], span),
    deleted: () => 'deleted.* of an INSERT',
    other: (ref) => `${ref.parts.join('.')} is not a column of inserted`,
  };
  // A variable of the script, declared as T-SQL would have declared it, so that queries read it.
  const marker = `@${w.ctx.label('identity_before')}`;
  const info = w.ctx.declareVariable(marker, 'variable', { kind: 'data-type', name: { kind: 'object-name', parts: ['bigint'], start: span.start, end: span.end }, args: [], start: span.start, end: span.end });
  w.declare(info.name, 'BIGINT');
  const variable: Expression = { kind: 'variable', name: marker, start: span.start, end: span.end };
  const beyond: Expression = {
    kind: 'binary',
    operator: 'OR',
    left: { kind: 'is-null', expression: variable, not: false, start: span.start, end: span.end },
    right: { kind: 'binary', operator: identity.descending ? '<' : '>', left: columnRef([qualifier, identity.column], span), right: variable, start: span.start, end: span.end },
    start: span.start,
    end: span.end,
  };
  const table = tableSource(target, w.ctx);
  const before: ScriptNode = {
    kind: 'set',
    targets: [info.name],
    value: `SELECT ${identity.descending ? 'min' : 'max'}(${w.ctx.dialect.identifier(identity.column)}) FROM ${table}`,
    fromQuery: true,
    line: w.line(node),
  };
  const after: ScriptNode[] = [];
  for (const clause of node.output) {
    const items = expandStars(clause, tableColumns);
    if (typeof items === 'string') return { problem: items };
    const columns = selectList(items, values, clause.into === undefined);
    if (typeof columns === 'string') return { problem: columns };
    after.push(writeRows(clause, queryOf(selectOf(columns, [target], beyond, span), span), w, []));
  }
  return { before: [before], after };
}

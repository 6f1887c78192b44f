import {
  walkAst,
  type AstNode,
  type BinaryOperator,
  type ColumnRef,
  type CommonTableExpression,
  type DeleteStatement,
  type DerivedTable,
  type Expression,
  type Query,
  type Select,
  type SelectColumn,
  type SetItem,
  type TableRef,
  type TableSource,
  type TableVariable,
  type UpdateStatement,
  type WithClause,
} from '../../tsql/index.js';
import { TranslationContext } from '../context.js';
import { columnRef, conjunction, hasSubquery, isAggregateCall, mapAst, qualifierOf, qualifiersOf } from './ast-tools.js';
import { tableColumnNames } from './value-types.js';

/**
 * UPDATE and DELETE through a common table expression (an "updatable CTE"):
 *
 *   WITH d AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY t DESC) AS rn FROM stage.c)
 *   DELETE FROM d WHERE rn > 1;
 *
 * SQL Server changes the rows of the CTE's one base table (Microsoft Learn, "Modify data through
 * a view": one base table, modified columns must be plain columns of it, no GROUP BY, HAVING,
 * DISTINCT or aggregates). Neither target can change a CTE, so the statement is rewritten against
 * the base table, as T-SQL for the rest of the DML translation to read:
 *
 * - a CTE that only picks columns and rows of its table is inlined: its columns become their
 *   expressions and its WHERE joins the statement's;
 * - a CTE whose rows depend on other rows (window functions, TOP) must be computed first: it
 *   becomes a derived table joined back to the base table on the table's key, a join the DML
 *   translation turns into MERGE or WHERE EXISTS. Without a known key, a DELETE rewrites the
 *   table without the rows it removes, and an UPDATE rewrites every row of the table once, the
 *   columns it sets computed by CASE.
 */

type ChangeStatement = UpdateStatement | DeleteStatement;

export interface CteNote {
  readonly code: 'TR_UPDATABLE_CTE';
  readonly message: string;
}

export type CteChange =
  /** The statement written against the base table, with what to tell the reader. */
  | { readonly kind: 'rewritten'; readonly statement: ChangeStatement; readonly notes: readonly CteNote[] }
  /**
   * A DELETE through a CTE of a table without a known key: the table's rows replaced by `all`
   * EXCEPT ALL `removed` (the rows the DELETE removes, as many times as they occur).
   */
  | {
      readonly kind: 'overwrite';
      readonly table: TableRef | TableVariable;
      readonly columns: readonly string[];
      readonly all: Query;
      readonly removed: Query;
      readonly with?: WithClause;
      readonly notes: readonly CteNote[];
    }
  /**
   * An UPDATE (or DELETE) through such a CTE of a table without a known key: every row of `source` (the
   * table's rows, each once, with the CTE's computed columns) written back as the table's,
   * without the `hidden` columns, each column of `set` as `CASE WHEN condition THEN value ELSE
   * column END` (the value alone when there is no condition).
   */
  | {
      readonly kind: 'recompute';
      readonly table: TableRef | TableVariable;
      readonly source: DerivedTable;
      /** The columns of `source` that are not the table's. */
      readonly hidden: readonly string[];
      /** The rows the UPDATE changes (the DELETE removes), over `source`; undefined when it changes every row. */
      readonly condition?: Expression;
      readonly set: readonly RecomputedColumn[];
      /** A DELETE: the rows of `condition` are left out instead of changed. */
      readonly remove?: boolean;
      /** Those rows, for @@ROWCOUNT. */
      readonly changed: Query;
      readonly with?: WithClause;
      readonly notes: readonly CteNote[];
    }
  /** Why it cannot be. */
  | { readonly kind: 'problem'; readonly problem: string };

export interface RecomputedColumn {
  /** The table's column. */
  readonly column: string;
  /** Its new value, over `source`, before conversion to the column's type. */
  readonly value: Expression;
}

/** Statements made here that join the CTE back by key: MERGE's many-matches caveat is about the key, said once by the note. */
const keyed = new WeakSet<ChangeStatement>();

export function joinsCteByKey(node: ChangeStatement): boolean {
  return keyed.has(node);
}

/** The statement rewritten against the CTE's base table, why it cannot be, or undefined when its target is not a CTE. */
export function changeThroughCte(node: ChangeStatement, ctx: TranslationContext): CteChange | undefined {
  const target = cteTarget(node);
  if (target === undefined) return undefined;
  const verb = node.kind.toUpperCase();
  const shape = analyse(target.cte, node.with?.ctes ?? []);
  if (typeof shape === 'string') return { kind: 'problem', problem: `the target ${target.cte.name} is a common table expression that ${shape}` };
  if (node.output.length > 0) return { kind: 'problem', problem: `${verb} through the common table expression ${target.cte.name} with an OUTPUT clause: write the change and its OUTPUT against ${baseName(shape.base)}` };
  if (shape.computed !== undefined && keyOf(shape.base, ctx) === undefined) {
    // A DELETE with the table's columns known takes the removed rows out with EXCEPT ALL; without
    // them, the kept rows are written back by name.
    const overwrite = node.kind === 'delete' && tableColumnsKnown(shape, ctx) ? withoutRemoved(node, target, shape, ctx) : recomputed(node, target, shape);
    return typeof overwrite === 'string' ? { kind: 'problem', problem: overwrite } : overwrite;
  }
  const rewritten = shape.computed === undefined ? inlined(node, target, shape) : joinedByKey(node, target, shape, ctx);
  if (typeof rewritten === 'string') return { kind: 'problem', problem: rewritten };
  return { kind: 'rewritten', ...rewritten };
}

// -----------------------------------------------------------------------------------------------
// which CTE the statement changes

interface CteTarget {
  readonly cte: CommonTableExpression;
  /** The CTE's reference in the statement's FROM clause, when it is there. */
  readonly leaf?: TableRef;
  /** The name the statement gives the CTE's rows: the alias of that reference, or the CTE's name. */
  readonly qualifier: string;
}

function leavesOf(source: TableSource): TableSource[] {
  return source.kind === 'join' ? [...leavesOf(source.left), ...leavesOf(source.right)] : [source];
}

/** `UPDATE d ...` or `UPDATE x ... FROM d AS x` where d is a CTE of the statement. */
function cteTarget(node: ChangeStatement): CteTarget | undefined {
  const ctes = node.with?.ctes ?? [];
  if (ctes.length === 0 || node.target.kind !== 'table-ref' || node.target.name.parts.length !== 1) return undefined;
  const name = node.target.name.parts[0]!.toLowerCase();
  const leaves = node.from.flatMap(leavesOf);
  const aliased = leaves.filter((leaf) => 'alias' in leaf && leaf.alias?.toLowerCase() === name);
  if (aliased.length > 1) return undefined;
  const leaf =
    aliased.length === 1
      ? aliased[0]
      : leaves.find((candidate) => candidate.kind === 'table-ref' && candidate.alias === undefined && candidate.name.parts.length === 1 && candidate.name.parts[0]!.toLowerCase() === name);
  if (leaf !== undefined && (leaf.kind !== 'table-ref' || leaf.name.parts.length !== 1)) return undefined;
  const cteName = (leaf?.name.parts[0] ?? node.target.name.parts[0]!).toLowerCase();
  const cte = ctes.find((candidate) => candidate.name.toLowerCase() === cteName);
  if (cte === undefined) return undefined;
  return { cte, ...(leaf === undefined ? {} : { leaf }), qualifier: leaf?.alias ?? cte.name };
}

// -----------------------------------------------------------------------------------------------
// what the CTE is

interface CteColumn {
  /** Its name in the CTE. */
  readonly name: string;
  readonly expression: Expression;
}

interface CteShape {
  readonly cte: CommonTableExpression;
  readonly select: Select;
  readonly base: TableRef | TableVariable;
  /** The names the CTE's query gives its table, lower-cased. */
  readonly baseQualifiers: readonly string[];
  /** The named columns of its select list, in order. */
  readonly columns: readonly CteColumn[];
  /** It selects * (or t.*): every column of the table is a column of the CTE. */
  readonly star: boolean;
  /** What makes its rows depend on other rows (window functions, TOP), if anything. */
  readonly computed?: string;
}

/** The shape of an updatable CTE, or why SQL Server could not change rows through it either (or lakeshift cannot). */
function analyse(cte: CommonTableExpression, ctes: readonly CommonTableExpression[]): CteShape | string {
  const query = cte.query;
  const select = query.body;
  if (select.kind !== 'select') return 'combines queries (UNION, EXCEPT, INTERSECT, VALUES): it is not updatable; write the change against the base table';
  if (query.forClause !== undefined) return `ends in FOR ${query.forClause.mode}: write the change against the base table`;
  if (select.groupBy !== undefined || select.having !== undefined) return 'groups its rows (GROUP BY, HAVING): it is not updatable; write the change against the base table';
  if (select.quantifier === 'DISTINCT') return 'selects DISTINCT rows: it is not updatable; write the change against the base table';
  if (select.from.length !== 1 || (select.from[0]!.kind !== 'table-ref' && select.from[0]!.kind !== 'table-variable')) {
    return 'reads several tables, a derived table or a function: lakeshift rewrites changes through a CTE of one table only; write the change against the base table';
  }
  const base = select.from[0] as TableRef | TableVariable;
  if (base.kind === 'table-ref') {
    if (base.name.parts.length === 1 && ctes.some((other) => other.name.toLowerCase() === base.name.parts[0]!.toLowerCase())) {
      return `reads the common table expression ${base.name.parts[0]}: write the change against the base table`;
    }
    if (base.systemTime !== undefined || base.tablesample !== undefined) return 'reads its table FOR SYSTEM_TIME or TABLESAMPLE: write the change against the base table';
  }
  const baseQualifiers = base.kind === 'table-ref' ? qualifiersOf(base.name, base.alias) : [(base.alias ?? base.name).toLowerCase()];
  const columns: CteColumn[] = [];
  let star = false;
  let window: string | undefined;
  for (const [index, item] of select.columns.entries()) {
    if (item.kind !== 'select-column') return 'assigns variables';
    const expression = item.expression;
    if (expression.kind === 'star') {
      if (expression.qualifier.length > 0 && !baseQualifiers.includes(expression.qualifier.join('.').toLowerCase())) return 'selects the columns of another table';
      if (cte.columns.length > 0) return 'both lists its column names and selects *: list the columns in its query';
      star = true;
      continue;
    }
    const name = cte.columns[index] ?? item.alias ?? (expression.kind === 'column-ref' ? expression.parts[expression.parts.length - 1] : undefined);
    if (name === undefined) return 'has a column without a name';
    walkAst(expression, (child) => {
      if (child.kind === 'query') return false;
      if (child.kind === 'function-call' && child.over !== undefined) window ??= child.name.parts[child.name.parts.length - 1]!.toUpperCase();
      return true;
    });
    if (aggregates(expression)) return 'computes aggregates: it is not updatable; write the change against the base table';
    columns.push({ name, expression });
  }
  const computed =
    window !== undefined ? `computes window functions (${window})` : select.top !== undefined ? 'takes the TOP rows' : query.offset !== undefined ? 'takes rows by OFFSET' : undefined;
  return { cte, select, base, baseQualifiers, columns, star, ...(computed === undefined ? {} : { computed }) };
}

function aggregates(expression: Expression): boolean {
  let found = false;
  walkAst(expression, (child) => {
    if (child.kind === 'query') return false;
    if (isAggregateCall(child)) found = true;
    return !found;
  });
  return found;
}

function baseName(base: TableRef | TableVariable): string {
  return base.kind === 'table-ref' ? base.name.parts.join('.') : base.name;
}

/** The CTE column of that name (case-insensitive). */
function columnNamed(shape: CteShape, name: string): CteColumn | undefined {
  const lower = name.toLowerCase();
  return shape.columns.find((column) => column.name.toLowerCase() === lower);
}

/** The base table's column a CTE column passes through unchanged, if it does. */
function baseColumnOf(shape: CteShape, column: CteColumn): string | undefined {
  const expression = column.expression;
  if (expression.kind !== 'column-ref') return undefined;
  const qualifier = qualifierOf(expression);
  return qualifier === undefined || shape.baseQualifiers.includes(qualifier) ? expression.parts[expression.parts.length - 1] : undefined;
}

/** The base table column a statement's column of the CTE names (to SET it): a passed-through column, or one of the `*`. */
function settableColumn(shape: CteShape, name: string): string | undefined {
  const column = columnNamed(shape, name);
  if (column !== undefined) return baseColumnOf(shape, column);
  return shape.star ? name : undefined;
}

// -----------------------------------------------------------------------------------------------
// column references of the statement

/**
 * The statement's references to the CTE's columns replaced by `resolve`: those qualified by the
 * statement's name for the CTE, and unqualified ones outside subqueries (inside, an unqualified
 * name is the subquery's own table's first). `resolve` gives undefined to keep a reference.
 */
function mapCteColumns<T>(node: T, qualifier: string, resolve: (column: string, ref: ColumnRef) => Expression | undefined): T {
  const lower = qualifier.toLowerCase();
  const visit = (nested: boolean) => (child: AstNode): AstNode | undefined => {
    if (child.kind === 'query' && !nested) return mapAst(child, visit(true));
    if (child.kind !== 'column-ref') return undefined;
    const refQualifier = qualifierOf(child);
    if (refQualifier === lower || (refQualifier === undefined && !nested)) return resolve(child.parts[child.parts.length - 1]!, child);
    return undefined;
  };
  return mapAst(node, visit(false));
}

/** Unqualified column references outside subqueries qualified with `qualifier`; references through `from` (the CTE's own names for its table) renamed to it. */
function requalify<T>(node: T, from: readonly string[], qualifier: string): T {
  const visit = (nested: boolean) => (child: AstNode): AstNode | undefined => {
    if (child.kind === 'query' && !nested) return mapAst(child, visit(true));
    if (child.kind !== 'column-ref') return undefined;
    const refQualifier = qualifierOf(child);
    const column = child.parts[child.parts.length - 1]!;
    if ((refQualifier === undefined && !nested) || (refQualifier !== undefined && from.includes(refQualifier))) return columnRef([qualifier, column], child);
    return undefined;
  };
  return mapAst(node, visit(false));
}

/**
 * SET items with their target columns of the CTE turned into the base table's, as
 * `qualifier.column` (or unqualified), and their values mapped by `values`.
 */
function baseSetItems(items: readonly SetItem[], shape: CteShape, statementQualifier: string, baseQualifier: string | undefined, values: <T>(node: T) => T): readonly SetItem[] | string {
  const result: SetItem[] = [];
  for (const item of items) {
    if (item.kind !== 'assignment' || item.target.kind !== 'column-ref') {
      result.push(values(item));
      continue;
    }
    const target = item.target;
    const qualifier = qualifierOf(target);
    const name = target.parts[target.parts.length - 1]!;
    if (qualifier !== undefined && qualifier !== statementQualifier.toLowerCase()) return `SET ${target.parts.join('.')}: only columns of ${shape.cte.name} can be set`;
    const column = settableColumn(shape, name);
    if (column === undefined) return `SET ${name}: the column ${name} of ${shape.cte.name} is computed, not a column of ${baseName(shape.base)} (SQL Server refuses it too)`;
    result.push({ ...item, target: columnRef(baseQualifier === undefined ? [column] : [baseQualifier, column], target), value: values(item.value) });
  }
  return result;
}

/** The base table as a DML target (or FROM table) named `alias`, or by its own name when undefined. */
function baseSource(base: TableRef | TableVariable, alias: string | undefined): TableRef | TableVariable {
  const { alias: _ignored, ...rest } = base;
  return (alias === undefined ? rest : { ...rest, alias }) as TableRef | TableVariable;
}

/** The statement's FROM clause with the CTE's reference replaced (or, when it is not there, `replacement` first). */
function replacedFrom(from: readonly TableSource[], target: CteTarget, replacement: TableSource): readonly TableSource[] {
  if (target.leaf === undefined) return [replacement, ...from];
  const leaf = target.leaf;
  return mapAst(from, (child) => (child === leaf ? replacement : undefined));
}

/** The WITH clause without the CTE, unless the rewritten statement (`parts`) or another CTE still reads it. */
function remainingWith(node: ChangeStatement, cte: CommonTableExpression, parts: readonly unknown[]): ChangeStatement['with'] {
  const withClause = node.with!;
  const others = withClause.ctes.filter((other) => other !== cte);
  const name = cte.name.toLowerCase();
  let read = false;
  const look = (value: unknown): void => {
    if (read || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) return value.forEach(look);
    walkAst(value as AstNode, (child) => {
      if (child.kind === 'table-ref' && child.name.parts.length === 1 && child.name.parts[0]!.toLowerCase() === name) read = true;
      return !read;
    });
  };
  look([...parts, others]);
  if (read) return withClause;
  return others.length === 0 && withClause.xmlNamespaces.length === 0 ? undefined : { ...withClause, ctes: others };
}

function statementWith(node: ChangeStatement, changes: Partial<UpdateStatement> & Partial<DeleteStatement>): ChangeStatement {
  const next = { ...node, ...changes } as ChangeStatement;
  if (next.with === undefined) delete (next as { with?: unknown }).with;
  if (next.where === undefined) delete (next as { where?: unknown }).where;
  return next;
}

// -----------------------------------------------------------------------------------------------
// a CTE of plain columns and rows: inlined

function inlined(node: ChangeStatement, target: CteTarget, shape: CteShape): { statement: ChangeStatement; notes: CteNote[] } | string {
  const alone = node.from.length === 0 || (node.from.length === 1 && node.from[0] === target.leaf);
  // Alone, the statement reads the table under the CTE's own names for it; with other tables,
  // under the statement's name for the CTE, which no other table of the statement has.
  const qualifier = alone ? undefined : target.qualifier;
  const exposed = (expression: Expression): Expression => (qualifier === undefined ? expression : requalify(expression, shape.baseQualifiers, qualifier));
  let problem: string | undefined;
  const resolve = (name: string, ref: ColumnRef): Expression | undefined => {
    const column = columnNamed(shape, name);
    if (column !== undefined) return exposed(column.expression);
    // Unqualified among other tables: another table's, or left for the DML translation to resolve.
    if (ref.parts.length === 1 && !alone) return undefined;
    if (!shape.star) {
      problem ??= `${name} is not a column of ${shape.cte.name}`;
      return undefined;
    }
    // A column of the *: the table's column of that name.
    if (ref.parts.length === 1 || qualifier !== undefined) return undefined;
    return columnRef(shape.base.alias === undefined ? [name] : [shape.base.alias, name], ref);
  };
  const values = <T>(node: T): T => mapCteColumns(node, target.qualifier, resolve);
  const where = values(node.where);
  const set = node.kind === 'update' ? baseSetItems(node.set, shape, target.qualifier, qualifier, values) : [];
  if (typeof set === 'string') return set;
  const from = alone ? [] : replacedFrom(values(node.from), target, baseSource(shape.base, qualifier));
  if (problem !== undefined) return problem;
  const condition = conjunction([...(shape.select.where === undefined ? [] : [exposed(shape.select.where)]), ...(where === undefined ? [] : [where])]);
  const written: TableRef | TableVariable = alone ? shape.base : baseSource(shape.base, qualifier);
  // A target written by its alias names the FROM table of that alias, as T-SQL's UPDATE a ... FROM t AS a.
  const dmlTarget = alone || qualifier === undefined ? written : ({ kind: 'table-ref', name: { kind: 'object-name', parts: [qualifier], start: node.target.start, end: node.target.end }, hints: [], legacyHints: false, start: node.target.start, end: node.target.end } as TableRef);
  const statement = statementWith(node, {
    with: remainingWith(node, shape.cte, [where, set, from]),
    target: dmlTarget,
    from,
    where: condition,
    ...(node.kind === 'update' ? { set: set as readonly SetItem[] } : {}),
  });
  return { statement, notes: [] };
}

// -----------------------------------------------------------------------------------------------
// a CTE whose rows depend on other rows: computed, then joined back by key

function joinedByKey(node: ChangeStatement, target: CteTarget, shape: CteShape, ctx: TranslationContext): { statement: ChangeStatement; notes: CteNote[] } | string {
  const table = baseName(shape.base);
  const key = keyOf(shape.base, ctx);
  // Without a key the table is rewritten instead (changeThroughCte).
  if (key === undefined) return `no primary key or identity column of ${table} is known`;
  const derivedName = target.qualifier;
  // The table's own name for itself, unless the statement already uses that name for something else.
  const taken = new Set([derivedName.toLowerCase(), ...node.from.flatMap(leavesOf).filter((leaf) => leaf !== target.leaf).flatMap(qualifiersOfSource)]);
  // A temporary table or table variable is written by an alias of its own (`work` for @work or
  // #work), since the translation renames the table.
  const spelled = shape.base.alias ?? (shape.base.kind === 'table-ref' ? shape.base.name.parts[shape.base.name.parts.length - 1]! : shape.base.name);
  const own = spelled.replace(/^[#@]+/, '');
  const baseQualifier = taken.has(own.toLowerCase()) ? freshName(['t', 'base'], taken) : own;
  const targetAlias = shape.base.alias !== undefined || baseQualifier !== spelled ? baseQualifier : undefined;

  // The CTE's query as a derived table, named as the statement names the CTE, its columns named
  // as the CTE names them, with the key columns added where it does not select them.
  const columns: SelectColumn[] = shape.select.columns.map((item, index) => {
    const column = item as SelectColumn;
    const name = shape.cte.columns[index];
    return name === undefined ? column : { ...column, alias: name };
  });
  const names = new Set(shape.columns.map((column) => column.name.toLowerCase()));
  const keyNames: string[] = [];
  for (const keyColumn of key.columns) {
    const passed = shape.columns.find((column) => baseColumnOf(shape, column)?.toLowerCase() === keyColumn.toLowerCase());
    if (passed !== undefined) keyNames.push(passed.name);
    else if (shape.star && !names.has(keyColumn.toLowerCase())) keyNames.push(keyColumn);
    else {
      const name = freshName([keyColumn, `${keyColumn}_key`, `${keyColumn}_key2`], names);
      names.add(name.toLowerCase());
      columns.push({ kind: 'select-column', expression: columnRef([keyColumn], shape.select), ...(name === keyColumn ? {} : { alias: name }), start: shape.select.start, end: shape.select.end });
      keyNames.push(name);
    }
  }
  const derived: DerivedTable = {
    kind: 'derived-table',
    query: { ...shape.cte.query, body: { ...shape.select, columns } } as Query,
    alias: derivedName,
    columns: [],
    start: shape.cte.start, end: shape.cte.end,
  };

  // Every unqualified column of a statement that reads only the CTE is the CTE's; with other
  // tables, those the CTE names (the rest stay for the DML translation to resolve).
  const alone = node.from.length === 0 || (node.from.length === 1 && node.from[0] === target.leaf);
  const resolve = (name: string, ref: ColumnRef): Expression | undefined => {
    if (ref.parts.length > 1) return undefined;
    return alone || columnNamed(shape, name) !== undefined ? columnRef([derivedName, name], ref) : undefined;
  };
  const values = <T>(node: T): T => mapCteColumns(node, derivedName, resolve);
  const set = node.kind === 'update' ? baseSetItems(node.set, shape, derivedName, baseQualifier, values) : [];
  if (typeof set === 'string') return set;
  const where = values(node.where);
  const from = replacedFrom(values(node.from), target, derived);
  const span = node.target;
  const match = key.columns.map((column, index): Expression => ({ kind: 'binary', operator: '=', left: columnRef([baseQualifier, column], span), right: columnRef([derivedName, keyNames[index]!], span), start: span.start, end: span.end }));
  const written = baseSource({ ...shape.base, ...(shape.base.kind === 'table-ref' ? { hints: [], legacyHints: false } : {}), start: span.start, end: span.end } as TableRef | TableVariable, targetAlias);
  const statement = statementWith(node, {
    with: remainingWith(node, shape.cte, [where, set, from]),
    target: written,
    from,
    where: conjunction([...match, ...(where === undefined ? [] : [where])]),
    ...(node.kind === 'update' ? { set: set as readonly SetItem[] } : {}),
  });
  // With other tables in the statement, several matches may come from them: MERGE's own caveat stays.
  if (alone) keyed.add(statement);
  const by = key.kind === 'primary key' ? `its primary key (${key.columns.join(', ')})` : `its identity column ${key.columns[0]}`;
  const unenforced =
    key.kind === 'primary key' ? 'Databricks does not enforce primary keys' : 'Identity values are unique only while nobody inserts explicit ones (SET IDENTITY_INSERT, GENERATED BY DEFAULT)';
  const shared = node.kind === 'delete' ? 'rows sharing a key value are deleted together' : 'an UPDATE of rows sharing a key value fails (MERGE refuses several matches for one row)';
  return {
    statement,
    notes: [{ code: 'TR_UPDATABLE_CTE', message: `${node.kind.toUpperCase()} through ${shape.cte.name}, which ${shape.computed}: the CTE is computed as a derived table and its rows matched back to ${table} by ${by}. ${unenforced}: check the key is unique, else ${shared}` }],
  };
}

interface TableKey {
  readonly kind: 'primary key' | 'identity column';
  readonly columns: readonly string[];
}

/** The columns that tell the base table's rows apart: its primary key, else its identity column. */
function keyOf(base: TableRef | TableVariable, ctx: TranslationContext): TableKey | undefined {
  const table = base.kind === 'table-ref' ? TranslationContext.tableKey(base.name) : base.name;
  const primary = ctx.primaryKey(table);
  if (primary !== undefined) return { kind: 'primary key', columns: primary };
  const identity = ctx.identityColumn(table);
  return identity === undefined ? undefined : { kind: 'identity column', columns: [identity.column] };
}

function qualifiersOfSource(source: TableSource): string[] {
  if (source.kind === 'table-ref') return qualifiersOf(source.name, source.alias);
  if (source.kind === 'table-variable') return [(source.alias ?? source.name).toLowerCase()];
  return 'alias' in source && source.alias !== undefined ? [source.alias.toLowerCase()] : [];
}

function freshName(candidates: readonly string[], taken: ReadonlySet<string>): string {
  for (const candidate of candidates) if (!taken.has(candidate.toLowerCase())) return candidate;
  for (let index = 2; ; index++) if (!taken.has(`${candidates[0]}${index}`.toLowerCase())) return `${candidates[0]}${index}`;
}

// -----------------------------------------------------------------------------------------------
// a DELETE through such a CTE of a table without a key: the table rewritten without the rows

/**
 * The rows to keep are all the table's rows but those the DELETE removes, counted: `all EXCEPT
 * ALL removed` takes one row out per removed row, so of three identical rows numbered 1, 2 and 3
 * by ROW_NUMBER, `rn > 1` removes two and keeps one, as the DELETE does. The removed rows are
 * the CTE's rows that pass the WHERE, whatever the CTE's own WHERE or TOP, and a WHERE that is
 * NULL removes nothing, as in T-SQL. It needs every column of the table.
 */
/** Whether the columns of the CTE's base table are known (the inventory, or its definition in the text). */
function tableColumnsKnown(shape: CteShape, ctx: TranslationContext): boolean {
  const columns = tableColumnNames(shape.base.kind === 'table-ref' ? TranslationContext.tableKey(shape.base.name) : shape.base.name, ctx);
  return columns !== undefined && columns.length > 0;
}

function withoutRemoved(node: DeleteStatement, target: CteTarget, shape: CteShape, ctx: TranslationContext): CteChange | string {
  const table = baseName(shape.base);
  const noKey = `the target ${shape.cte.name} is a common table expression that ${shape.computed}, and no primary key or identity column of ${table} is known to match its rows back by`;
  const columns = tableColumnNames(shape.base.kind === 'table-ref' ? TranslationContext.tableKey(shape.base.name) : shape.base.name, ctx);
  if (columns === undefined || columns.length === 0) return `${noKey}, nor are its columns (to rewrite the table without the rows): write the DELETE against ${table} by hand, or sync the table's definition into the inventory`;
  const alone = node.from.length === 0 || (node.from.length === 1 && node.from[0] === target.leaf);
  if (!alone) return `${noKey}, and the DELETE joins other tables: write it against ${table} by hand`;
  if (node.top !== undefined) return `${noKey}, and DELETE TOP removes an arbitrary subset of the rows: write it against ${table} by hand`;
  const known = new Set(columns.map((column) => column.toLowerCase()));
  // The CTE's rows with every column of the table (*) and the columns the CTE computes or renames.
  const extra: SelectColumn[] = [];
  for (const [index, item] of shape.select.columns.entries()) {
    const column = item as SelectColumn;
    if (column.expression.kind === 'star') continue;
    const name = shape.cte.columns[index] ?? column.alias ?? (column.expression.kind === 'column-ref' ? column.expression.parts[column.expression.parts.length - 1]! : '');
    const passed = baseColumnOf(shape, { name, expression: column.expression });
    if (passed !== undefined && passed.toLowerCase() === name.toLowerCase()) continue;
    if (known.has(name.toLowerCase())) return `${noKey}, and its column ${name} hides the column of ${table} of that name: write the DELETE against ${table} by hand`;
    extra.push({ ...column, alias: name });
  }
  const span = shape.select;
  const star: SelectColumn = { kind: 'select-column', expression: { kind: 'star', qualifier: [], start: span.start, end: span.end }, start: span.start, end: span.end };
  const derivedName = target.qualifier;
  const derived: DerivedTable = { kind: 'derived-table', query: { ...shape.cte.query, body: { ...shape.select, columns: [star, ...extra] } } as Query, alias: derivedName, columns: [], start: shape.cte.start, end: shape.cte.end };
  let problem: string | undefined;
  const where = mapCteColumns(node.where, derivedName, (name, ref) => {
    const column = columnNamed(shape, name);
    const passed = column === undefined ? undefined : baseColumnOf(shape, column);
    if (column === undefined && !shape.star) problem ??= `${name} is not a column of ${shape.cte.name}`;
    return columnRef([derivedName, passed ?? column?.name ?? name], ref);
  });
  if (problem !== undefined) return problem;
  const selectOf = (qualifier: string | undefined, from: TableSource, condition: Expression | undefined): Query => ({
    kind: 'query',
    body: {
      kind: 'select',
      columns: columns.map((column): SelectColumn => ({ kind: 'select-column', expression: columnRef(qualifier === undefined ? [column] : [qualifier, column], span), start: span.start, end: span.end })),
      from: [from],
      ...(condition === undefined ? {} : { where: condition }),
      windows: [],
      start: span.start,
      end: span.end,
    },
    orderBy: [],
    options: [],
    start: span.start,
    end: span.end,
  });
  const plainBase = baseSource({ ...shape.base, ...(shape.base.kind === 'table-ref' ? { hints: [], legacyHints: false } : {}), start: span.start, end: span.end } as TableRef | TableVariable, undefined);
  const remaining = remainingWith(node, shape.cte, [where]);
  return {
    kind: 'overwrite',
    table: plainBase,
    columns,
    all: selectOf(undefined, plainBase, undefined),
    removed: selectOf(derivedName, derived, where),
    ...(remaining === undefined ? {} : { with: remaining }),
    notes: [
      {
        code: 'TR_UPDATABLE_CTE',
        message: `DELETE through ${shape.cte.name}, which ${shape.computed}, of ${table}, whose key is not known: the table is rewritten with all its rows except those the DELETE removes (EXCEPT ALL), with the columns known of it (${columns.join(', ')}). Check that these are all of its columns, and that nothing else writes the table meanwhile; a known primary key (inventory, or its definition) gives a MERGE instead`,
      },
    ],
  };
}


// -----------------------------------------------------------------------------------------------
// an UPDATE through such a CTE of a table without a key: every row rewritten, the set columns by CASE

/** The column of the rewrite's rows that says a row is one of the CTE's (its WHERE is true), 1 or 0. */
const IN_CTE = 'lakeshift_in_cte';

/**
 * Without a key the CTE's rows cannot be matched back to the table's, so the CTE is computed
 * over every row of the table instead and the table written back whole, each row once:
 *
 *   SELECT * EXCEPT (set columns, computed columns),
 *          CASE WHEN <the row is the CTE's> AND <the UPDATE's WHERE> THEN <value> ELSE <column> END AS <column>
 *   FROM (SELECT *, <the CTE's computed columns>, CASE WHEN <the CTE's WHERE> THEN 1 ELSE 0 END AS lakeshift_in_cte FROM t) AS d
 *
 * Its window functions are partitioned first by whether the row is one of the CTE's, so that
 * they number (sum, rank ...) the CTE's rows among themselves as they do in the CTE. A CASE
 * condition that is NULL takes the ELSE branch, as a row whose WHERE is NULL is not updated in
 * T-SQL; every value is computed from the row as it was, as T-SQL's SET reads it. The table's
 * columns need not be known: the rows are written back by name. The CTE's other computed
 * columns are computed for every row of the table, not only the CTE's.
 */
function recomputed(node: ChangeStatement, target: CteTarget, shape: CteShape): CteChange | string {
  const table = baseName(shape.base);
  const verb = node.kind.toUpperCase();
  const noKey = `the target ${shape.cte.name} is a common table expression that ${shape.computed}, and no primary key or identity column of ${table} is known to match its rows back by`;
  const byHand = `write the ${verb} against ${table} by hand, or sync the table's definition into the inventory`;
  const alone = node.from.length === 0 || (node.from.length === 1 && node.from[0] === target.leaf);
  if (!alone) return `${noKey}, and the ${verb} joins other tables: ${byHand}`;
  if (node.top !== undefined) return `${noKey}, and ${verb} TOP changes an arbitrary subset of the rows: ${byHand}`;
  if (shape.select.top !== undefined || shape.cte.query.offset !== undefined) {
    return `${noKey}, and the rows it keeps (TOP, OFFSET) cannot be told apart from the rows it leaves without one: ${byHand}`;
  }
  if (shape.select.windows.length > 0) return `${noKey}, and it names its windows (WINDOW): ${byHand}`;
  // Both would be computed for every row of the table in a select list, not in a WHERE clause.
  if (hasSubquery(shape.select.where)) return `${noKey}, and its WHERE clause has a subquery: ${byHand}`;
  if (hasSubquery(node.where) || (node.kind === 'update' && node.set.some((item) => hasSubquery(item)))) return `${noKey}, and the ${verb} reads other tables through a subquery: ${byHand}`;

  const span = shape.select;
  const derivedName = target.qualifier;
  const filter = shape.select.where;
  const one = integer('1', span);
  const inCte: Expression | undefined =
    filter === undefined ? undefined : { kind: 'case', whens: [{ kind: 'case-when', when: filter, then: one, start: span.start, end: span.end }], else: integer('0', span), start: span.start, end: span.end };

  // The CTE's computed columns, under names of their own (a name of the CTE may be a column of
  // the table, which * brings too).
  const hidden = new Map<string, string>();
  const extra: SelectColumn[] = [];
  let named = false;
  for (const column of shape.columns) {
    if (baseColumnOf(shape, column) !== undefined) continue;
    const name = `lakeshift_${column.name}`;
    hidden.set(column.name.toLowerCase(), name);
    const expression = mapAst(column.expression, (child) => {
      if (child.kind === 'query') return child;
      if ((child.kind !== 'function-call' && child.kind !== 'next-value-for') || child.over === undefined) return undefined;
      if (child.over.name !== undefined) named = true;
      if (inCte === undefined) return undefined;
      return { ...child, over: { ...child.over, partitionBy: [inCte, ...child.over.partitionBy] } };
    });
    extra.push({ kind: 'select-column', expression, alias: name, start: span.start, end: span.end });
  }
  if (named) return `${noKey}, and it names its windows (OVER w): ${byHand}`;
  if (inCte !== undefined) extra.push({ kind: 'select-column', expression: inCte, alias: IN_CTE, start: span.start, end: span.end });
  const star: SelectColumn = { kind: 'select-column', expression: { kind: 'star', qualifier: [], start: span.start, end: span.end }, start: span.start, end: span.end };
  const { where: _where, ...unfiltered } = shape.select;
  const source: DerivedTable = {
    kind: 'derived-table',
    query: { ...shape.cte.query, body: { ...unfiltered, columns: [star, ...extra] } } as Query,
    alias: derivedName,
    columns: [],
    start: shape.cte.start,
    end: shape.cte.end,
  };

  let problem: string | undefined;
  const resolve = (name: string, ref: ColumnRef): Expression | undefined => {
    const column = columnNamed(shape, name);
    if (column !== undefined) return columnRef([derivedName, baseColumnOf(shape, column) ?? hidden.get(column.name.toLowerCase())!], ref);
    if (!shape.star) problem ??= `${name} is not a column of ${shape.cte.name}`;
    return columnRef([derivedName, name], ref);
  };
  const values = <T>(node: T): T => mapCteColumns(node, derivedName, resolve);

  const set: RecomputedColumn[] = [];
  for (const item of node.kind === 'update' ? node.set : []) {
    if (item.kind === 'mutator-call') return `${noKey}, and the mutator ${item.call.method} (.WRITE, a CLR method) has no equivalent`;
    if (item.target.kind === 'variable' || item.column !== undefined) return `${noKey}, and the UPDATE assigns a variable: read the value with a query before or after`;
    const targetRef = item.target;
    const qualifier = qualifierOf(targetRef);
    const name = targetRef.parts[targetRef.parts.length - 1]!;
    if (qualifier !== undefined && qualifier !== derivedName.toLowerCase()) return `SET ${targetRef.parts.join('.')}: only columns of ${shape.cte.name} can be set`;
    const column = settableColumn(shape, name);
    if (column === undefined) return `SET ${name}: the column ${name} of ${shape.cte.name} is computed, not a column of ${table} (SQL Server refuses it too)`;
    if (set.some((other) => other.column.toLowerCase() === column.toLowerCase())) return `SET ${name}: the column is set twice (SQL Server refuses it too)`;
    // DEFAULT is a value only where a column is written, not in the CASE that computes it.
    if (item.value.kind === 'default') return `${noKey}, and SET ${name} = DEFAULT cannot be computed in the query that rewrites the table: ${byHand}`;
    const value = values(item.value);
    const current = columnRef([derivedName, column], targetRef);
    set.push({
      column,
      value: item.operator === '=' ? value : { kind: 'binary', operator: item.operator.slice(0, -1) as BinaryOperator, left: current, right: value, start: item.start, end: item.end },
    });
  }
  const where = values(node.where);
  if (problem !== undefined) return problem;
  const inCteRef = columnRef([derivedName, IN_CTE], span);
  const condition = conjunction([
    ...(inCte === undefined ? [] : [{ kind: 'binary', operator: '=', left: inCteRef, right: one, start: span.start, end: span.end } as Expression]),
    ...(where === undefined ? [] : [where]),
  ]);
  const changed: Query = {
    kind: 'query',
    body: { kind: 'select', columns: [{ kind: 'select-column', expression: one, start: span.start, end: span.end }], from: [source], ...(condition === undefined ? {} : { where: condition }), windows: [], start: span.start, end: span.end },
    orderBy: [],
    options: [],
    start: span.start,
    end: span.end,
  };
  const plainBase = baseSource({ ...shape.base, ...(shape.base.kind === 'table-ref' ? { hints: [], legacyHints: false } : {}), start: span.start, end: span.end } as TableRef | TableVariable, undefined);
  const remaining = remainingWith(node, shape.cte, [where, set.map((item) => item.value), source]);
  const columns = set.map((item) => item.column).join(', ');
  return {
    kind: 'recompute',
    table: plainBase,
    source,
    hidden: [...hidden.values(), ...(inCte === undefined ? [] : [IN_CTE])],
    ...(condition === undefined ? {} : { condition }),
    set,
    changed,
    ...(remaining === undefined ? {} : { with: remaining }),
    ...(node.kind === 'delete' ? { remove: true } : {}),
    notes: [
      {
        code: 'TR_UPDATABLE_CTE',
        message:
          node.kind === 'delete'
            ? `DELETE through ${shape.cte.name}, which ${shape.computed}, of ${table}, whose key and columns are not known: the table is rewritten whole by column name, with the rows the DELETE removes left out. Check that nothing else writes the table meanwhile, and that it has no generated columns (Databricks refuses to write them); a known primary key (inventory, or its definition) gives a MERGE instead`
            : `UPDATE through ${shape.cte.name}, which ${shape.computed}, of ${table}, whose key is not known: the table is rewritten whole, every row once and by column name, with ${columns} computed by CASE for the rows the UPDATE changes. Check that nothing else writes the table meanwhile, and that it has no generated columns (Databricks refuses to write them); a known primary key (inventory, or its definition) gives a MERGE instead`,
      },
    ],
  };
}

function integer(text: string, span: { readonly start: number; readonly end: number }): Expression {
  return { kind: 'literal', type: 'integer', text, value: text, start: span.start, end: span.end } as Expression;
}

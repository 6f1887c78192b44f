import { walkAst, type AstNode, type CastExpression, type ColumnRef, type DataType, type DmlTarget, type Expression, type Literal, type ObjectName, type Span } from '../../tsql/index.js';

/**
 * Small pure helpers over the T-SQL syntax tree for statement rewrites: they build new nodes
 * and never change the ones they are given.
 */

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/**
 * A copy of `node` in which every node for which `replace` returns a value is replaced by it
 * (its children are not visited then); nodes that contain no replacement are shared. Nothing
 * is copied until a replacement is found below: statements are mapped whole for the few
 * column references that change.
 */
export function mapAst<T>(node: T, replace: (node: AstNode) => AstNode | undefined): T {
  if (Array.isArray(node)) return mapItems(node, replace) as T;
  if (typeof node !== 'object' || node === null) return node;
  if (isNode(node)) {
    const replaced = replace(node);
    if (replaced !== undefined) return replaced as T;
    return mapFields(node as unknown as Record<string, unknown>, replace, true) as T;
  }
  // Plain records of nodes are mapped field by field.
  if (Object.getPrototypeOf(node) === Object.prototype) return mapFields(node as Record<string, unknown>, replace, false) as T;
  return node;
}

function mapItems(items: readonly unknown[], replace: (node: AstNode) => AstNode | undefined): readonly unknown[] {
  let copy: unknown[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const mapped = mapAst(item, replace);
    if (mapped !== item && copy === undefined) copy = items.slice(0, index);
    copy?.push(mapped);
  }
  return copy ?? items;
}

/**
 * The fields of a node (`isNode`: its kind, start and end as they are, other values that are
 * neither nodes nor lists kept too) or of a plain record (every value mapped), copied only if
 * one changes.
 */
function mapFields(record: Record<string, unknown>, replace: (node: AstNode) => AstNode | undefined, isNodeRecord: boolean): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    const value = record[key];
    let mapped = value;
    if (!isNodeRecord) mapped = mapAst(value, replace);
    else if (key !== 'kind' && key !== 'start' && key !== 'end') {
      if (Array.isArray(value)) mapped = mapItems(value, replace);
      else if (isNode(value)) mapped = mapAst(value, replace);
    }
    if (mapped !== value && copy === undefined) {
      copy = {};
      for (const earlier in record) {
        if (earlier === key) break;
        copy[earlier] = record[earlier];
      }
    }
    if (copy !== undefined) copy[key] = mapped;
  }
  return copy ?? record;
}

/** The operands of a chain of ANDs: `a AND (b AND c)` gives a, b, c. */
export function conjuncts(node: Expression | undefined): Expression[] {
  if (node === undefined) return [];
  if (node.kind === 'binary' && node.operator === 'AND') return [...conjuncts(node.left), ...conjuncts(node.right)];
  return [node];
}

/** The conjunction of conditions, or undefined for none. */
export function conjunction(items: readonly Expression[]): Expression | undefined {
  if (items.length === 0) return undefined;
  return items.reduce((left, right) => ({ kind: 'binary', operator: 'AND', left, right, start: Math.min(left.start, right.start), end: Math.max(left.end, right.end) }));
}


export function nullLiteral(span: Span): Literal {
  return { kind: 'literal', type: 'null', text: 'NULL', value: 'NULL', start: span.start, end: span.end };
}

export function columnRef(parts: readonly string[], span: Span): ColumnRef {
  return { kind: 'column-ref', parts, start: span.start, end: span.end };
}

/** The qualifier of a column reference (`s.t` of `s.t.c`), lower-cased; undefined when unqualified. */
export function qualifierOf(ref: ColumnRef): string | undefined {
  return ref.parts.length < 2 ? undefined : ref.parts.slice(0, -1).join('.').toLowerCase();
}

/** The column references under a node, subqueries included. */
export function columnRefs(node: AstNode | undefined): ColumnRef[] {
  const refs: ColumnRef[] = [];
  if (node === undefined) return refs;
  walkAst(node, (child) => {
    if (child.kind === 'column-ref') refs.push(child);
  });
  return refs;
}

/** Whether a node holds a subquery or a derived table (a query inside it). */
export function hasSubquery(node: AstNode | undefined): boolean {
  if (node === undefined) return false;
  let found = false;
  walkAst(node, (child) => {
    if (child.kind === 'query') found = true;
    return !found;
  });
  return found;
}

/**
 * The names a table is known by in column qualifiers: its alias, or else the tails of its name
 * (`t`, `dbo.t`, `db.dbo.t`), lower-cased.
 */
export function qualifiersOf(name: ObjectName | undefined, alias: string | undefined): string[] {
  if (alias !== undefined) return [alias.toLowerCase()];
  if (name === undefined) return [];
  const parts = name.parts.filter((part) => part !== '').map((part) => part.toLowerCase());
  return parts.map((_, index) => parts.slice(index).join('.')).reverse();
}

/**
 * Whether a node refers to a column through one of the qualifiers. A subquery whose own FROM
 * clause defines one of those names shadows it, so references inside it do not count.
 */
export function refersTo(node: AstNode | undefined, qualifiers: readonly string[]): boolean {
  if (node === undefined) return false;
  let found = false;
  walkAst(node, (child) => {
    if (found) return false;
    if (child.kind === 'select' && child !== node && child.from.some((source) => definesAny(source, qualifiers))) return false;
    if (child.kind === 'column-ref') {
      const qualifier = qualifierOf(child);
      if (qualifier !== undefined && qualifiers.includes(qualifier)) found = true;
    }
    return !found;
  });
  return found;
}

function definesAny(source: AstNode, qualifiers: readonly string[]): boolean {
  let defines = false;
  walkAst(source, (child) => {
    if (defines || child.kind === 'query') return false;
    if (child.kind === 'table-ref') defines = qualifiersOf(child.name, child.alias).some((qualifier) => qualifiers.includes(qualifier));
    else if ((child.kind === 'derived-table' || child.kind === 'table-function' || child.kind === 'table-variable') && child.alias !== undefined) defines = qualifiers.includes(child.alias.toLowerCase());
    return !defines;
  });
  return defines;
}

/** The value of an integer literal, negated ones too (-5); undefined for anything else. */
export function integerLiteral(node: Expression | undefined): number | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'literal' && node.type === 'integer') return Number(node.value);
  if (node.kind === 'unary' && node.operator === '-') {
    const inner = integerLiteral(node.operand);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

/** A T-SQL type written as `name(args)`, placed at `at`: for conversions a rule adds. */
export function dataTypeNode(name: string, at: Span, args: readonly string[] = []): DataType {
  return { kind: 'data-type', name: { kind: 'object-name', parts: [name], start: at.start, end: at.end }, args, start: at.start, end: at.end };
}

/** CAST(expression AS type), placed where the expression is: a conversion T-SQL makes implicitly. */
export function castNode(expression: Expression, type: DataType): CastExpression {
  return { kind: 'cast', try: false, expression, type, start: expression.start, end: expression.end };
}

/**
 * The first table an INSERT, UPDATE, DELETE or MERGE among `nodes` (or nested in them) writes
 * that `test` accepts. Rewritten statements (cursor loops) hold T-SQL nodes too: the walk reads
 * any node's fields.
 */
export function firstWrittenTarget(nodes: readonly object[], test: (target: DmlTarget) => boolean): DmlTarget | undefined {
  let found: DmlTarget | undefined;
  for (const node of nodes) {
    walkAst(node as AstNode, (child) => {
      if ((child.kind === 'insert' || child.kind === 'update' || child.kind === 'delete' || child.kind === 'merge') && test(child.target)) found = child.target;
      return found === undefined;
    });
    if (found !== undefined) return found;
  }
  return undefined;
}

const AGGREGATES: ReadonlySet<string> = new Set(['COUNT', 'COUNT_BIG', 'SUM', 'AVG', 'MIN', 'MAX', 'STRING_AGG', 'STDEV', 'STDEVP', 'VAR', 'VARP', 'GROUPING', 'GROUPING_ID', 'CHECKSUM_AGG', 'APPROX_COUNT_DISTINCT']);

/** Whether a node is a call of an aggregate function over a query's rows (not a window function). */
export function isAggregateCall(node: AstNode): boolean {
  return node.kind === 'function-call' && node.over === undefined && node.name.parts.length === 1 && AGGREGATES.has(node.name.parts[0]!.toUpperCase());
}

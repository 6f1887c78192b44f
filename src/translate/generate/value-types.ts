import type { CommonTableExpression, DataType, Expression, Query, TableSource } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import { functionName } from './function-rule.js';

/**
 * What lakeshift knows of the T-SQL type of an expression: enough to decide what `+` and `/`
 * mean, whether a comparison compares strings, and where SQL Server would truncate or pad.
 * Types come from literals, casts, declared variables, built-in functions and, for columns,
 * the inventory (translate options `columnTypes`) through the tables in scope.
 */
export type ValueFamily = 'string' | 'integer' | 'decimal' | 'float' | 'bit' | 'date' | 'datetime' | 'time' | 'binary' | 'unknown';

export interface ValueType {
  readonly family: ValueFamily;
  /** The T-SQL type name, lower case, when known (money, nvarchar, datetime2 ...). */
  readonly name?: string;
  /** Declared length of a string or binary type; undefined for max or unknown. */
  readonly length?: number;
  /** char and nchar are padded with spaces to their length. */
  readonly fixed?: boolean;
  /** nchar, nvarchar, ntext: two bytes a character in DATALENGTH and HASHBYTES. */
  readonly unicode?: boolean;
  /**
   * Precision and scale of a decimal (money is decimal(19,4)), or the digits of an integer
   * literal: SQL Server types the constant 250 as decimal(3,0) where it meets a decimal.
   */
  readonly precision?: number;
  readonly scale?: number;
}

export const UNKNOWN: ValueType = { family: 'unknown' };

/** T-SQL type names by family. */
const TYPE_FAMILIES: Readonly<Record<string, ValueFamily>> = {
  char: 'string', varchar: 'string', nchar: 'string', nvarchar: 'string', text: 'string', ntext: 'string', sysname: 'string',
  uniqueidentifier: 'string', xml: 'string', sql_variant: 'unknown', hierarchyid: 'string',
  bigint: 'integer', int: 'integer', integer: 'integer', smallint: 'integer', tinyint: 'integer',
  bit: 'bit',
  decimal: 'decimal', numeric: 'decimal', dec: 'decimal', money: 'decimal', smallmoney: 'decimal',
  float: 'float', real: 'float',
  date: 'date',
  datetime: 'datetime', datetime2: 'datetime', smalldatetime: 'datetime', datetimeoffset: 'datetime',
  time: 'time',
  binary: 'binary', varbinary: 'binary', image: 'binary', rowversion: 'binary', timestamp: 'binary',
};

/** A T-SQL type written as text (`nvarchar(50)`, `decimal(18, 2)`, from the inventory). */
export function typeFromName(text: string): ValueType {
  const match = /^\s*(?:\[?\w+\]?\.)?\[?(\w+)\]?\s*(?:\(\s*([^)]*)\))?/.exec(text);
  if (match === null) return UNKNOWN;
  return typeFromParts(match[1]!.toLowerCase(), match[2] === undefined ? [] : match[2].split(','));
}

export function typeFromDataType(type: DataType): ValueType {
  return typeFromParts((type.name.parts[type.name.parts.length - 1] ?? '').toLowerCase(), type.args);
}

function typeFromParts(name: string, args: readonly string[]): ValueType {
  const family = TYPE_FAMILIES[name] ?? 'unknown';
  if (family === 'decimal') return { family, name, ...decimalArguments(name, args) };
  // datetime2(n), datetimeoffset(n), time(n): n digits of fractional seconds, 7 by default.
  if (name === 'datetime2' || name === 'datetimeoffset' || name === 'time') {
    const scale = args[0] === undefined ? 7 : Number(args[0].trim());
    return Number.isInteger(scale) ? { family, name, scale } : { family, name };
  }
  if (family !== 'string' && family !== 'binary') return { family, name };
  const declared = args[0]?.trim().toLowerCase();
  // char/varchar/binary without a length are one character long in a declaration (CAST and
  // CONVERT make it 30: castLength() in convert-styles.ts).
  const length = declared === undefined ? (['char', 'varchar', 'nchar', 'nvarchar', 'binary', 'varbinary'].includes(name) ? 1 : undefined) : declared === 'max' ? undefined : Number(declared);
  return {
    family,
    name,
    ...(length === undefined || Number.isNaN(length) ? {} : { length }),
    ...(name === 'char' || name === 'nchar' ? { fixed: true } : {}),
    ...(name.startsWith('n') && family === 'string' ? { unicode: true } : {}),
  };
}

/** decimal(p[, s]) with SQL Server's defaults (decimal is decimal(18,0)); money is decimal(19,4). */
function decimalArguments(name: string, args: readonly string[]): { precision?: number; scale?: number } {
  if (name === 'money') return { precision: 19, scale: 4 };
  if (name === 'smallmoney') return { precision: 10, scale: 4 };
  const precision = args[0] === undefined ? 18 : Number(args[0].trim());
  const scale = args[1] === undefined ? 0 : Number(args[1].trim());
  return Number.isInteger(precision) && Number.isInteger(scale) ? { precision, scale } : {};
}

export function isNumeric(type: ValueType): boolean {
  return type.family === 'integer' || type.family === 'decimal' || type.family === 'float' || type.family === 'bit';
}

export function isTemporal(type: ValueType): boolean {
  return type.family === 'date' || type.family === 'datetime' || type.family === 'time';
}

// ---------------------------------------------------------------------------------------------
// Exact numerics: the precision and scale SQL Server gives the result of an operator ("Precision,
// scale, and length (Transact-SQL)"). Integers take part as decimal(p,0): int as decimal(10,0),
// an integer constant with just enough digits (250 is decimal(3,0)) in code that is not
// autoparameterized, as procedures never are.

export interface DecimalShape {
  readonly precision: number;
  readonly scale: number;
}

const INTEGER_PRECISION: Readonly<Record<string, number>> = { tinyint: 3, smallint: 5, int: 10, integer: 10, bigint: 19 };

/** money and smallmoney: decimal family, but an operator of two of them (or with an integer) stays money. */
export function isMoney(type: ValueType): boolean {
  return type.family === 'decimal' && (type.name === 'money' || type.name === 'smallmoney');
}

/** The precision and scale of an exact numeric as an operand of a decimal operator, when known. */
export function exactShape(type: ValueType): DecimalShape | undefined {
  if (type.family === 'bit') return { precision: 1, scale: 0 };
  if (type.family === 'integer') return { precision: type.precision ?? INTEGER_PRECISION[type.name ?? 'int'] ?? 10, scale: 0 };
  if (type.family === 'decimal' && type.precision !== undefined) return { precision: type.precision, scale: type.scale ?? 0 };
  return undefined;
}

export type DecimalOperator = '+' | '-' | '*' | '/' | '%' | 'union';

/**
 * The decimal(p, s) of `a operator b` ('union': the type CASE, COALESCE and UNION give two
 * decimals). Beyond precision 38 the scale gives way so that the integral part keeps its
 * digits: in a product or quotient down to 6 decimals (to fewer only when it had fewer), in a
 * sum to what the integral part leaves.
 */
export function decimalResult(operator: DecimalOperator, a: DecimalShape, b: DecimalShape): DecimalShape {
  const integralA = a.precision - a.scale;
  const integralB = b.precision - b.scale;
  let precision: number;
  let scale: number;
  switch (operator) {
    case '+':
    case '-':
      scale = Math.max(a.scale, b.scale);
      precision = scale + Math.max(integralA, integralB) + 1;
      break;
    case '*':
      scale = a.scale + b.scale;
      precision = a.precision + b.precision + 1;
      break;
    case '/':
      scale = Math.max(6, a.scale + b.precision + 1);
      precision = integralA + b.scale + scale;
      break;
    case '%':
      scale = Math.max(a.scale, b.scale);
      precision = Math.min(integralA, integralB) + scale;
      break;
    case 'union':
      scale = Math.max(a.scale, b.scale);
      precision = scale + Math.max(integralA, integralB);
      break;
    default: {
      const unknown: never = operator;
      return unknown;
    }
  }
  if (precision <= 38) return { precision, scale };
  if (operator === '*' || operator === '/') {
    const integral = precision - scale;
    return { precision: 38, scale: integral < 32 ? Math.min(scale, 38 - integral) : Math.min(scale, 6) };
  }
  return { precision: 38, scale: Math.max(0, Math.min(scale, 38 - Math.max(integralA, integralB))) };
}

/** An integer constant's own precision does not outlive it: what is computed from it is an int. */
function asComputed(type: ValueType): ValueType {
  return type.family === 'integer' && type.precision !== undefined ? { family: 'integer', name: type.name ?? 'int' } : type;
}

function leadingZeros(digits: string): number {
  let count = 0;
  while (digits.charCodeAt(count) === 48) count++;
  return count;
}

/** The type of a decimal constant: digits as written, leading zeros left out (0.50 is decimal(2,2)). */
function decimalLiteralType(text: string): ValueType {
  const [whole = '', fraction = ''] = text.split('.');
  const digits = whole.replace(/^0+/, '').length + fraction.length;
  return { family: 'decimal', name: 'numeric', precision: Math.max(1, digits, fraction.length), scale: fraction.length };
}

// ---------------------------------------------------------------------------------------------
// Tables in scope, for the types of columns. A query pushes its FROM clause; a column resolves
// through its qualifier (alias or table name) or, unqualified, through the one source in the
// innermost scope that has it, and only where no source there can have it, in the scopes
// outside (a correlated reference). Tables take their column types from the text's own
// definitions or the inventory; derived tables and CTEs from their select lists.

/** The output columns of a derived table or CTE; not `complete` where `*` stands for columns not known. */
interface ColumnSet {
  readonly types: ReadonlyMap<string, ValueType>;
  readonly complete: boolean;
}

const NO_COLUMNS: ColumnSet = { types: new Map(), complete: false };

/**
 * A table in scope (`table` undefined: a table function, whose columns are not known), or a
 * derived table or CTE. A derived table's query sees the scopes `outer` to the FROM clause it
 * stands in (and under APPLY the sources to its left), not its own alias or its siblings.
 */
type ScopeEntry =
  | { readonly table: string | undefined }
  | { readonly columns: () => ColumnSet; readonly source?: TableSource; readonly outer?: readonly Scope[] };

interface Scope {
  /** The FROM clause the scope was made from: query() and select() both enter the same one. */
  readonly from: readonly TableSource[];
  readonly entries: ReadonlyMap<string, ScopeEntry>;
}

/** What the types of one translation are read from, beside the context itself. */
interface TypeState {
  /** Tables in scope, innermost last. */
  readonly scopes: Scope[];
  /** CTEs in scope by lower-cased name, innermost last. */
  readonly cteScopes: Array<ReadonlyMap<string, () => ColumnSet>>;
  /** Tables made by SELECT ... INTO earlier in the text, by tableKey(): their columns' types. */
  readonly selectIntoTables: Map<string, ColumnSet>;
  /** The current scope state's number (see `types`), and the last number given out. */
  scope: number;
  lastScope: number;
  /**
   * Types already worked out, by expression node. The generator asks for the type of the same
   * node again and again (each `+` of a long concatenation asks for the type of everything to
   * its left), so a type is remembered with the state it was read in: the scopes (each scope
   * entered gets a fresh number, restored on leaving it) and the context's typeRevision. A
   * Map, not a WeakMap: the state lives only as long as its context, and weak tables cost the
   * garbage collector far more.
   */
  readonly types: Map<Expression, { readonly scope: number; readonly revision: number; readonly type: ValueType }>;
  /** The types of declared data types, by node (a variable's type is read at each use). */
  readonly declaredTypes: Map<DataType, ValueType>;
  /** tableColumnType() answers by table and column as asked (null: not known), at columnTypesRevision. */
  readonly columnTypes: Map<string, Map<string, ValueType | null>>;
  columnTypesRevision: number;
}

const typeStates = new WeakMap<TranslationContext, TypeState>();

function typeState(ctx: TranslationContext): TypeState {
  let state = typeStates.get(ctx);
  if (state === undefined) {
    state = { scopes: [], cteScopes: [], selectIntoTables: new Map(), scope: 0, lastScope: 0, types: new Map(), declaredTypes: new Map(), columnTypes: new Map(), columnTypesRevision: -1 };
    typeStates.set(ctx, state);
  }
  return state;
}

/** Runs `work` in a new scope state: types remembered outside it do not hold inside, nor the other way. */
function inNewScope<T>(state: TypeState, work: () => T): T {
  const outer = state.scope;
  state.scope = ++state.lastScope;
  try {
    return work();
  } finally {
    state.scope = outer;
  }
}

/** Runs `work` with `scopes` (and nothing else) in scope. */
function inScopes<T>(state: TypeState, scopes: readonly Scope[], work: () => T): T {
  const saved = state.scopes.splice(0, state.scopes.length, ...scopes);
  try {
    return inNewScope(state, work);
  } finally {
    state.scopes.splice(0, state.scopes.length, ...saved);
  }
}

/** Runs `work` with the CTEs of a WITH clause known by name, for the types of their columns. */
export function withCteTypes<T>(ctx: TranslationContext, ctes: readonly CommonTableExpression[], work: () => T): T {
  if (ctes.length === 0) return work();
  const state = typeState(ctx);
  const stack = state.cteScopes;
  // A CTE's columns are read in the scopes of its WITH clause, wherever it is used.
  const outer = [...state.scopes];
  stack.push(new Map(ctes.map((cte) => [cte.name.toLowerCase(), memo(() => inScopes(state, outer, () => queryColumns(cte.query, cte.columns, ctx)))])));
  try {
    return inNewScope(state, work);
  } finally {
    stack.pop();
  }
}

/** Runs `work` with the tables of `from` in scope for column types. */
export function withTableScope<T>(ctx: TranslationContext, from: readonly TableSource[], work: () => T): T {
  const state = typeState(ctx);
  const stack = state.scopes;
  const innermost = stack.at(-1);
  let scope: Scope;
  if (innermost !== undefined && innermost.from === from) {
    scope = innermost;
  } else {
    const outer = [...stack];
    const entries = new Map<string, ScopeEntry>();
    for (const source of from) addSources(source, entries, outer, ctx);
    scope = { from, entries };
  }
  stack.push(scope);
  try {
    return inNewScope(state, work);
  } finally {
    stack.pop();
  }
}

/**
 * Runs `work`, the translation of a derived table's query, in the scopes that query sees: those
 * outside the FROM clause it stands in (T-SQL binds its columns to its own FROM clause, then to
 * an outer query's), not the derived table's own output nor its siblings.
 */
export function withDerivedTableScope<T>(ctx: TranslationContext, node: TableSource, work: () => T): T {
  const state = typeState(ctx);
  for (let index = state.scopes.length - 1; index >= 0; index--) {
    for (const entry of state.scopes[index]!.entries.values()) {
      if ('columns' in entry && entry.source === node && entry.outer !== undefined) return inScopes(state, entry.outer, work);
    }
  }
  return work();
}

/** The columns of a derived table or CTE, computed once; while being computed (a recursive CTE) not known. */
function memo(compute: () => ColumnSet): () => ColumnSet {
  let value: ColumnSet | undefined;
  let computing = false;
  return () => {
    if (value !== undefined) return value;
    if (computing) return NO_COLUMNS;
    computing = true;
    try {
      value = compute();
    } finally {
      computing = false;
    }
    return value;
  };
}

function cteColumns(name: string, ctx: TranslationContext): (() => ColumnSet) | undefined {
  const stack = typeState(ctx).cteScopes;
  for (let index = stack.length - 1; index >= 0; index--) {
    const found = stack[index]!.get(name.toLowerCase());
    if (found !== undefined) return found;
  }
  return undefined;
}

function addSources(source: TableSource, scope: Map<string, ScopeEntry>, outer: readonly Scope[], ctx: TranslationContext): void {
  switch (source.kind) {
    case 'table-ref': {
      const parts = source.name.parts;
      const table = parts[parts.length - 1] ?? '';
      const cte = parts.length === 1 ? cteColumns(table, ctx) : undefined;
      if (cte !== undefined) {
        scope.set((source.alias ?? table).toLowerCase(), { columns: cte });
        return;
      }
      const key = table.startsWith('#') && parts.length === 1 ? table.toLowerCase() : `${(parts.length >= 2 ? parts[parts.length - 2] : '') || 'dbo'}.${table}`.toLowerCase();
      scope.set((source.alias ?? table).toLowerCase(), { table: key });
      return;
    }
    case 'join':
      addSources(source.left, scope, outer, ctx);
      // The right side of APPLY also sees the sources to its left.
      addSources(source.right, scope, source.type === 'CROSS APPLY' || source.type === 'OUTER APPLY' ? [...outer, { from: [], entries: new Map(scope) }] : outer, ctx);
      return;
    case 'pivot':
    case 'unpivot':
      addSources(source.source, scope, outer, ctx);
      return;
    case 'derived-table': {
      const query = source.query;
      const state = typeState(ctx);
      const columns = memo(() => inScopes(state, outer, () => queryColumns(query, source.columns, ctx)));
      if (source.alias !== undefined) scope.set(source.alias.toLowerCase(), { columns, source, outer });
      return;
    }
    case 'table-variable':
      scope.set((source.alias ?? source.name).toLowerCase(), { table: source.name.toLowerCase() });
      return;
    case 'table-function':
      // Without an alias too: its columns (STRING_SPLIT's value) are in scope, unqualified.
      scope.set(source.alias?.toLowerCase() ?? `#function:${scope.size}`, { table: undefined });
      return;
    default: {
      const unknown: never = source;
      return unknown;
    }
  }
}

/** The types of a query's output columns by name (the first SELECT of a set operation names them). */
function queryColumns(query: Query, names: readonly string[], ctx: TranslationContext): ColumnSet {
  let body = query.body;
  while (body.kind !== 'select') {
    if (body.kind === 'set-operation') body = body.left;
    else if (body.kind === 'query') body = body.body;
    else return names.length === 0 ? NO_COLUMNS : { types: new Map(names.map((name) => [name.toLowerCase(), UNKNOWN])), complete: true };
  }
  const select = body;
  return withTableScope(ctx, select.from, () => {
    const columns = new Map<string, ValueType>();
    let complete = true;
    let index = 0;
    for (const item of select.columns) {
      if (item.kind !== 'select-column') continue;
      if (item.expression.kind === 'star') {
        const star = starColumns(item.expression.qualifier, ctx);
        for (const [column, type] of star.types) columns.set((names[index++] ?? column).toLowerCase(), type);
        complete &&= star.complete;
        continue;
      }
      const name = names[index++] ?? item.alias ?? (item.expression.kind === 'column-ref' ? item.expression.parts[item.expression.parts.length - 1] : undefined);
      if (name !== undefined) columns.set(name.toLowerCase(), asComputed(valueType(item.expression, ctx)));
    }
    if (complete || names.length === 0) return { types: columns, complete };
    // Named columns after a `*` of unknown width: the names are known, not which type is whose.
    return { types: new Map(names.map((name) => [name.toLowerCase(), UNKNOWN])), complete: true };
  });
}

/** The columns `*` or `t.*` stands for in the innermost scope, where their tables are known. */
function starColumns(qualifier: readonly string[], ctx: TranslationContext): ColumnSet {
  const scope = typeState(ctx).scopes.at(-1);
  if (scope === undefined) return NO_COLUMNS;
  const alias = qualifier.at(-1)?.toLowerCase();
  const entries = alias === undefined ? [...scope.entries.values()] : [scope.entries.get(alias)];
  const columns = new Map<string, ValueType>();
  let complete = true;
  for (const entry of entries) {
    const known = entryColumns(entry, ctx) ?? NO_COLUMNS;
    complete &&= known.complete;
    for (const [column, type] of known.types) if (!columns.has(column)) columns.set(column, type);
  }
  return { types: columns, complete };
}

/** Every column of a scope entry with its type, in table order, where the entry's columns are known. */
function entryColumns(entry: ScopeEntry | undefined, ctx: TranslationContext): ColumnSet | undefined {
  if (entry === undefined) return undefined;
  if ('columns' in entry) return entry.columns();
  if (entry.table === undefined) return undefined;
  const defined = ctx.definedColumns(entry.table);
  if (defined !== undefined) return { types: new Map([...defined].map(([column, type]) => [column, typeFromDataType(type)])), complete: true };
  const selected = typeState(ctx).selectIntoTables.get(entry.table);
  if (selected !== undefined) return selected;
  const inventory = ctx.options.columnTypes?.(entry.table);
  return inventory === undefined ? undefined : { types: new Map([...inventory].map(([column, type]) => [column, typeFromName(type)])), complete: true };
}

/** Whether all the columns of a scope entry are known: a column none of them is cannot be its. */
function knowsColumns(entry: ScopeEntry, ctx: TranslationContext): boolean {
  if ('columns' in entry) return entry.columns().complete;
  const table = entry.table;
  if (table === undefined) return false;
  if (ctx.definedColumns(table) !== undefined) return true;
  const selected = typeState(ctx).selectIntoTables.get(table);
  if (selected !== undefined) return selected.complete;
  return ctx.options.columnTypes?.(table) !== undefined;
}

/**
 * SELECT ... INTO `table` creates the table with the query's column types: later statements
 * read them (a #temp table's decimal columns decide what a division of them is).
 */
export function noteSelectInto(ctx: TranslationContext, table: string, query: Query): void {
  // The context knows the table was made here too: one-part names in a module look for it in dbo.
  ctx.noteSelectedInto(table);
  const columns = withCteTypes(ctx, query.with?.ctes ?? [], () => queryColumns(query, [], ctx));
  typeState(ctx).selectIntoTables.set(table.toLowerCase(), columns);
  ctx.typesChanged();
}

function entryType(entry: ScopeEntry | undefined, column: string, ctx: TranslationContext): ValueType | undefined {
  if (entry === undefined) return undefined;
  if ('columns' in entry) return entry.columns().types.get(column);
  return tableEntryType(entry.table, column, ctx);
}

function tableEntryType(table: string | undefined, column: string, ctx: TranslationContext): ValueType | undefined {
  if (table === undefined) return undefined;
  // A table the text itself defines (CREATE TABLE, DECLARE @t TABLE, SELECT INTO) before the inventory's.
  const defined = ctx.definedColumns(table);
  if (defined !== undefined) {
    const type = defined.get(column);
    return type === undefined ? undefined : declaredType(type, ctx);
  }
  const selected = typeState(ctx).selectIntoTables.get(table);
  if (selected !== undefined) return selected.types.get(column);
  const found = ctx.options.columnTypes?.(table)?.get(column);
  return found === undefined ? undefined : typeFromName(found);
}

/** typeFromDataType() of a type written in the text, worked out once per node. */
export function declaredType(type: DataType, ctx: TranslationContext): ValueType {
  const known = typeState(ctx).declaredTypes;
  let value = known.get(type);
  if (value === undefined) {
    value = typeFromDataType(type);
    known.set(type, value);
  }
  return value;
}

/** The type of a column of a table (tableKey() form), from the text's own definition or the inventory. */
export function tableColumnType(table: string, column: string, ctx: TranslationContext): ValueType | undefined {
  // Asked once a value of every row of an INSERT ... VALUES: remembered by the names as given,
  // for as long as nothing the types are read from changes.
  const state = typeState(ctx);
  if (state.columnTypesRevision !== ctx.typeRevision) {
    state.columnTypes.clear();
    state.columnTypesRevision = ctx.typeRevision;
  }
  let columns = state.columnTypes.get(table);
  if (columns === undefined) {
    columns = new Map();
    state.columnTypes.set(table, columns);
  }
  let type = columns.get(column);
  if (type === undefined) {
    type = tableEntryType(table.toLowerCase(), column.toLowerCase(), ctx) ?? null;
    columns.set(column, type);
  }
  return type ?? undefined;
}

/** The columns of a table in table order (lower-cased), where its definition or the inventory knows them. */
export function tableColumnNames(table: string, ctx: TranslationContext): readonly string[] | undefined {
  const defined = ctx.definedColumns(table);
  if (defined !== undefined) return [...defined.keys()];
  const inventory = ctx.options.columnTypes?.(table.toLowerCase());
  return inventory === undefined ? undefined : [...inventory.keys()];
}

/**
 * The name (lower case, alias or table) under which the innermost scope holds the one table
 * that has an unqualified `column`; undefined where none or several do, or their columns are
 * not known.
 */
export function columnOwner(column: string, ctx: TranslationContext): string | undefined {
  const scope = typeState(ctx).scopes.at(-1);
  if (scope === undefined) return undefined;
  const owners = [...scope.entries].filter(([, entry]) => entryType(entry, column.toLowerCase(), ctx) !== undefined);
  return owners.length === 1 ? owners[0]![0] : undefined;
}

function columnType(parts: readonly string[], ctx: TranslationContext): ValueType {
  const column = parts[parts.length - 1]!.toLowerCase();
  const stack = typeState(ctx).scopes;
  if (parts.length >= 2) {
    const qualifier = parts[parts.length - 2]!.toLowerCase();
    for (let index = stack.length - 1; index >= 0; index--) {
      const entry = stack[index]!.entries.get(qualifier);
      if (entry !== undefined) return entryType(entry, column, ctx) ?? UNKNOWN;
    }
    const table = parts.length >= 3 ? `${parts[parts.length - 3]}.${parts[parts.length - 2]}` : `dbo.${parts[parts.length - 2]}`;
    return tableEntryType(table.toLowerCase(), column, ctx) ?? UNKNOWN;
  }
  // Unqualified: the one table of the innermost scope that has it (several: unknown). Where
  // none has it, the scopes outside, but only if every table here is known not to have it:
  // T-SQL binds to a table of the query's own FROM clause first. (One table known to have it
  // beside others of unknown columns: in code that runs, it is not ambiguous.)
  for (let index = stack.length - 1; index >= 0; index--) {
    let match: ValueType | undefined;
    let matches = 0;
    let open = false;
    for (const entry of stack[index]!.entries.values()) {
      const type = entryType(entry, column, ctx);
      if (type !== undefined) {
        match = type;
        matches += 1;
      } else if (!open && !knowsColumns(entry, ctx)) {
        open = true;
      }
    }
    if (matches === 1) return match!;
    if (matches > 1 || open) return UNKNOWN;
  }
  return UNKNOWN;
}

// ---------------------------------------------------------------------------------------------
// expressions

/** What built-ins return: a family, or the type of one of their arguments. */
const RETURNS: Readonly<Record<string, ValueFamily | { readonly arg: number }>> = {
  ...Object.fromEntries(
    (
      'LEFT RIGHT SUBSTRING UPPER LOWER LTRIM RTRIM TRIM REPLACE REPLICATE REVERSE CONCAT CONCAT_WS CHAR NCHAR SPACE STUFF ' +
      'FORMAT DATENAME STRING_AGG QUOTENAME TRANSLATE STR PARSENAME SOUNDEX JSON_VALUE JSON_QUERY JSON_MODIFY OBJECT_NAME ' +
      'OBJECT_SCHEMA_NAME DB_NAME SCHEMA_NAME SUSER_SNAME SUSER_NAME USER_NAME HOST_NAME APP_NAME ERROR_MESSAGE ' +
      'ERROR_PROCEDURE NEWID NEWSEQUENTIALID FORMATMESSAGE STRING_ESCAPE CURRENT_USER SESSION_USER SYSTEM_USER USER ORIGINAL_LOGIN'
    )
      .split(' ')
      .map((name) => [name, 'string' as const]),
  ),
  ...Object.fromEntries(
    (
      'LEN DATALENGTH CHARINDEX PATINDEX COUNT COUNT_BIG ROW_NUMBER RANK DENSE_RANK NTILE DATEPART DATEDIFF DATEDIFF_BIG YEAR ' +
      'MONTH DAY ASCII UNICODE ISNUMERIC ISDATE ISJSON OBJECT_ID DB_ID ERROR_NUMBER ERROR_LINE ERROR_SEVERITY ERROR_STATE ' +
      'CHECKSUM BINARY_CHECKSUM GROUPING GROUPING_ID SCOPE_IDENTITY XACT_STATE ROWCOUNT_BIG'
    )
      .split(' ')
      .map((name) => [name, 'integer' as const]),
  ),
  ...Object.fromEntries(
    'RAND PI SQRT SQUARE EXP LOG LOG10 POWER SIN COS TAN ASIN ACOS ATAN ATN2 COT DEGREES RADIANS STDEV STDEVP VAR VARP PERCENT_RANK CUME_DIST PERCENTILE_CONT'
      .split(' ')
      .map((name) => [name, 'float' as const]),
  ),
  ...Object.fromEntries(
    'GETDATE SYSDATETIME CURRENT_TIMESTAMP GETUTCDATE SYSUTCDATETIME SYSDATETIMEOFFSET DATETIMEFROMPARTS DATETIME2FROMPARTS SMALLDATETIMEFROMPARTS'
      .split(' ')
      .map((name) => [name, 'datetime' as const]),
  ),
  EOMONTH: 'date',
  DATEFROMPARTS: 'date',
  CURRENT_DATE: 'date',
  HASHBYTES: 'binary',
  ABS: { arg: 0 },
  CEILING: { arg: 0 },
  FLOOR: { arg: 0 },
  ROUND: { arg: 0 },
  SIGN: { arg: 0 },
  SUM: { arg: 0 },
  AVG: { arg: 0 },
  MIN: { arg: 0 },
  MAX: { arg: 0 },
  ISNULL: { arg: 0 },
  NULLIF: { arg: 0 },
  LAG: { arg: 0 },
  LEAD: { arg: 0 },
  FIRST_VALUE: { arg: 0 },
  LAST_VALUE: { arg: 0 },
  PERCENTILE_DISC: { arg: 0 },
  DATEADD: { arg: 2 },
  DATETRUNC: { arg: 1 },
};

/** String functions that return nvarchar whatever their arguments. */
const UNICODE_RESULT: ReadonlySet<string> = new Set([
  'FORMAT', 'NCHAR', 'QUOTENAME', 'DATENAME', 'OBJECT_NAME', 'OBJECT_SCHEMA_NAME', 'DB_NAME', 'SCHEMA_NAME', 'SUSER_SNAME', 'SUSER_NAME', 'USER_NAME',
  'HOST_NAME', 'APP_NAME', 'ERROR_PROCEDURE', 'FORMATMESSAGE', 'CURRENT_USER', 'SESSION_USER', 'SYSTEM_USER', 'USER', 'ORIGINAL_LOGIN', 'JSON_VALUE', 'JSON_QUERY', 'JSON_MODIFY',
]);
/** String functions that return nvarchar when any of their arguments is (CONCAT: "unless one of the parameters is an nvarchar"). */
const UNICODE_IF_ANY: ReadonlySet<string> = new Set(['CONCAT', 'CONCAT_WS', 'REPLACE', 'STUFF']);
/** String functions that return the type of their first argument. */
const UNICODE_IF_FIRST: ReadonlySet<string> = new Set(['LEFT', 'RIGHT', 'SUBSTRING', 'REPLICATE', 'STRING_AGG', 'STRING_ESCAPE', 'TRANSLATE']);

/**
 * Whether a string function's result is nvarchar: HASHBYTES and DATALENGTH read its bytes as
 * UTF-16 (learn.microsoft.com, the functions' "Return types").
 */
function unicodeResult(name: string, node: Extract<Expression, { kind: 'function-call' }>, ctx: TranslationContext): boolean {
  if (UNICODE_RESULT.has(name)) return true;
  const unicode = (arg: Expression | undefined) => arg !== undefined && valueType(arg, ctx).unicode === true;
  if (UNICODE_IF_ANY.has(name)) return node.args.some(unicode);
  if (UNICODE_IF_FIRST.has(name)) return unicode(node.args[0]);
  return false;
}

/** String functions whose result is no longer than their text argument. */
const SAME_LENGTH: ReadonlySet<string> = new Set(['UPPER', 'LOWER', 'LTRIM', 'RTRIM', 'TRIM', 'REVERSE']);

/** The family a built-in returns whatever its arguments (DATEDIFF: integer), or undefined. */
export function fixedResultFamily(name: string): ValueFamily | undefined {
  const rule = RETURNS[name.toUpperCase()];
  return typeof rule === 'string' ? rule : undefined;
}

/**
 * T-SQL data type precedence, highest first: an operator or CASE with operands of several
 * types converts them to the one that comes first here (so 'a' + 1 is an int, and an error).
 */
const PRECEDENCE: readonly ValueFamily[] = ['datetime', 'date', 'time', 'float', 'decimal', 'integer', 'bit', 'string', 'binary'];

function higher(a: ValueType, b: ValueType): ValueType {
  if (a.family === 'unknown') return asComputed(b);
  if (b.family === 'unknown') return asComputed(a);
  if (a.family === 'decimal' || b.family === 'decimal') {
    const combined = decimalOperation('union', asComputed(a), asComputed(b));
    if (combined !== undefined) return combined;
  }
  return asComputed(PRECEDENCE.indexOf(a.family) <= PRECEDENCE.indexOf(b.family) ? a : b);
}

/**
 * Two exact numerics, one a decimal, combined by `operator`: decimal(p, s) by SQL Server's
 * rules; money with money or an integer stays money. Undefined for other pairs.
 */
function decimalOperation(operator: DecimalOperator, a: ValueType, b: ValueType): ValueType | undefined {
  const exact = (type: ValueType) => type.family === 'decimal' || type.family === 'integer' || type.family === 'bit';
  if (!exact(a) || !exact(b) || (a.family !== 'decimal' && b.family !== 'decimal')) return undefined;
  const decimal = (type: ValueType) => type.family === 'decimal' && !isMoney(type);
  if (!decimal(a) && !decimal(b)) return { family: 'decimal', name: 'money', precision: 19, scale: 4 };
  const left = exactShape(a);
  const right = exactShape(b);
  if (left === undefined || right === undefined) return { family: 'decimal', name: 'decimal' };
  return { family: 'decimal', name: 'decimal', ...decimalResult(operator, left, right) };
}

const INTEGER_RANK: Readonly<Record<string, number>> = { tinyint: 0, smallint: 1, int: 2, integer: 2, bigint: 3 };
const INTEGER_NAMES: readonly string[] = ['tinyint', 'smallint', 'int', 'bigint'];

/** Arithmetic on two numbers: the wider of the two, with bit as an integer; decimals by their rules. */
function arithmetic(a: ValueType, b: ValueType, operator: DecimalOperator): ValueType {
  if (!isNumeric(a) || !isNumeric(b)) return UNKNOWN;
  if (a.family === 'float' || b.family === 'float') return a.family === 'float' ? a : b;
  const decimal = decimalOperation(operator, a, b);
  if (decimal !== undefined) return decimal;
  const rank = (type: ValueType) => (type.family === 'bit' ? 2 : (INTEGER_RANK[type.name ?? 'int'] ?? 2));
  return { family: 'integer', name: INTEGER_NAMES[Math.max(rank(a), rank(b))]! };
}

export function valueType(node: Expression, ctx: TranslationContext): ValueType {
  // Literals and variables are typed at once: remembering them would cost more than it saves.
  if (node.kind === 'literal' || node.kind === 'variable') return computeValueType(node, ctx);
  const state = typeState(ctx);
  const known = state.types.get(node);
  if (known !== undefined && known.scope === state.scope && known.revision === ctx.typeRevision) return known.type;
  const scope = state.scope;
  const revision = ctx.typeRevision;
  const type = computeValueType(node, ctx);
  // Only a type read in one unchanged state is kept.
  if (state.scope === scope && ctx.typeRevision === revision) state.types.set(node, { scope, revision, type });
  return type;
}

// The types of literals, made once (types are never changed once made): a literal is typed
// anew each time it is asked about, and most are short strings and small integers.
const VARCHAR_LITERALS: ValueType[] = [];
const NVARCHAR_LITERALS: ValueType[] = [];
const INTEGER_LITERALS: ValueType[] = [];
const MONEY_LITERAL: ValueType = { family: 'decimal', name: 'money', precision: 19, scale: 4 };
const FLOAT_LITERAL: ValueType = { family: 'float', name: 'float' };
const BINARY_LITERAL: ValueType = { family: 'binary', name: 'varbinary' };
const varcharLiteral = (length: number): ValueType => ({ family: 'string', name: 'varchar', length });
const nvarcharLiteral = (length: number): ValueType => ({ family: 'string', name: 'nvarchar', length, unicode: true });
const integerLiteral = (precision: number): ValueType => ({ family: 'integer', name: 'int', precision });

/** The type `make(size)` gives, kept in `made` for sizes up to 256. */
function literalType(made: ValueType[], size: number, make: (size: number) => ValueType): ValueType {
  if (size > 256) return make(size);
  let type = made[size];
  if (type === undefined) {
    type = make(size);
    made[size] = type;
  }
  return type;
}

function computeValueType(node: Expression, ctx: TranslationContext): ValueType {
  switch (node.kind) {
    case 'literal':
      switch (node.type) {
        case 'string':
          return literalType(VARCHAR_LITERALS, node.value.length, varcharLiteral);
        case 'unicode-string':
          return literalType(NVARCHAR_LITERALS, node.value.length, nvarcharLiteral);
        case 'integer':
          return literalType(INTEGER_LITERALS, Math.max(1, node.value.length - leadingZeros(node.value)), integerLiteral);
        case 'decimal':
          return decimalLiteralType(node.value);
        case 'money':
          return MONEY_LITERAL;
        case 'float':
          return FLOAT_LITERAL;
        case 'binary':
          return BINARY_LITERAL;
        case 'null':
          return UNKNOWN;
        default:
          return UNKNOWN;
      }
    case 'cast':
    case 'convert':
    case 'parse':
      return declaredType(node.type, ctx);
    case 'variable': {
      const type = ctx.variable(node.name)?.type;
      return type === undefined ? UNKNOWN : declaredType(type, ctx);
    }
    case 'column-ref':
      return columnType(node.parts, ctx);
    case 'system-variable':
      return node.name.toUpperCase() === '@@ROWCOUNT' ? { family: 'integer', name: 'int' } : UNKNOWN;
    case 'collate': {
      // Only character data takes a collation.
      const type = valueType(node.expression, ctx);
      return type.family === 'unknown' ? { family: 'string' } : type;
    }
    case 'at-time-zone':
      return { family: 'datetime', name: 'datetimeoffset' };
    case 'unary':
      return node.operator === '~' ? { family: 'integer', name: 'int' } : node.operator === 'NOT' ? UNKNOWN : valueType(node.operand, ctx);
    case 'binary':
      return binaryType(node, ctx);
    case 'case': {
      const branches = [...node.whens.map((when) => when.then), ...(node.else === undefined ? [] : [node.else])];
      return branches.map((branch) => valueType(branch, ctx)).reduce(higher, UNKNOWN);
    }
    case 'subquery':
      return queryType(node.query, ctx);
    case 'function-call':
      return functionType(node, ctx);
    default:
      return UNKNOWN;
  }
}

function binaryType(node: Extract<Expression, { kind: 'binary' }>, ctx: TranslationContext): ValueType {
  const left = valueType(node.left, ctx);
  const right = valueType(node.right, ctx);
  switch (node.operator) {
    case '+':
      if (left.family === 'string' && right.family === 'string') {
        const length = left.length !== undefined && right.length !== undefined ? left.length + right.length : undefined;
        return { family: 'string', ...(length === undefined ? {} : { length }), ...(left.unicode || right.unicode ? { unicode: true } : {}) };
      }
      // A string and a value of unknown type: T-SQL code that runs concatenates.
      if ((left.family === 'string' && right.family === 'unknown') || (right.family === 'string' && left.family === 'unknown')) return { family: 'string' };
      if (left.family === 'datetime' || right.family === 'datetime') return { family: 'datetime', name: 'datetime' };
      return arithmetic(left, right, '+').family === 'unknown' ? higher(left, right) : arithmetic(left, right, '+');
    case '-':
      if (left.family === 'datetime' && isNumeric(right)) return left;
      return arithmetic(left, right, '-');
    case '*':
    case '/':
    case '%':
      return arithmetic(left, right, node.operator);
    case '&':
    case '|':
    case '^':
      return { family: 'integer', name: 'int' };
    default:
      return UNKNOWN;
  }
}

function functionType(node: Extract<Expression, { kind: 'function-call' }>, ctx: TranslationContext): ValueType {
  if (node.name.parts.length > 1) return UNKNOWN;
  const name = functionName(node);
  const rule = RETURNS[name];
  if (name === 'NEWID' || name === 'NEWSEQUENTIALID') return { family: 'string', name: 'uniqueidentifier' };
  if (rule === undefined) {
    if (name === 'COALESCE' || name === 'IIF' || name === 'CHOOSE') {
      const values = name === 'COALESCE' ? node.args : node.args.slice(1);
      return values.map((arg) => valueType(arg, ctx)).reduce(higher, UNKNOWN);
    }
    return UNKNOWN;
  }
  if (name === 'COUNT_BIG' || name === 'DATEDIFF_BIG' || name === 'ROWCOUNT_BIG') return { family: 'integer', name: 'bigint' };
  // POWER of an integer is an int (of a bigint a bigint): POWER(7, 2) / 2 is 24.
  if (name === 'POWER') {
    const base = node.args[0] === undefined ? UNKNOWN : valueType(node.args[0], ctx);
    if (base.family === 'integer') return { family: 'integer', name: base.name === 'bigint' ? 'bigint' : 'int' };
  }
  // SYSDATETIME() is datetime2(7), where GETDATE() is datetime.
  if (name === 'SYSDATETIME' || name === 'SYSUTCDATETIME') return { family: 'datetime', name: 'datetime2', scale: 7 };
  // ERROR_MESSAGE() is nvarchar(4000); case changes and trims keep the length of their text.
  if (name === 'ERROR_MESSAGE') return { family: 'string', name: 'nvarchar', length: 4000, unicode: true };
  if (SAME_LENGTH.has(name)) {
    const text = node.args[0] === undefined ? UNKNOWN : valueType(node.args[0], ctx);
    const unicode = text.unicode === true ? { unicode: true } : {};
    return text.family === 'string' && text.length !== undefined ? { family: 'string', length: text.length, ...unicode } : { family: 'string', ...unicode };
  }
  if (rule === 'string') return unicodeResult(name, node, ctx) ? { family: 'string', unicode: true } : { family: 'string' };
  if (typeof rule === 'string') return { family: rule };
  const arg = node.args[rule.arg];
  if (arg === undefined) return UNKNOWN;
  const type = asComputed(valueType(arg, ctx));
  // DATEADD and DATETRUNC of a string literal work on a datetime.
  if ((name === 'DATEADD' || name === 'DATETRUNC') && type.family !== 'date' && type.family !== 'datetime') return { family: 'datetime', name: 'datetime' };
  if (name === 'SUM' || name === 'AVG') return aggregateType(name, type);
  // CEILING and FLOOR of decimal(p, s) are decimal(p, 0).
  if ((name === 'CEILING' || name === 'FLOOR') && type.family === 'decimal' && !isMoney(type) && type.precision !== undefined) return { ...type, scale: 0 };
  return type;
}

/**
 * SUM and AVG of an integer are int (bigint of a bigint: AVG truncates); of decimal(p, s) they
 * are decimal(38, s), AVG with at least 6 decimals; money stays money.
 */
function aggregateType(name: 'SUM' | 'AVG', type: ValueType): ValueType {
  if (type.family === 'integer' || type.family === 'bit') return { family: 'integer', name: type.name === 'bigint' ? 'bigint' : 'int' };
  if (type.family !== 'decimal' || isMoney(type) || type.precision === undefined) return type;
  return { family: 'decimal', name: 'decimal', precision: 38, scale: name === 'AVG' ? Math.max(6, type.scale ?? 0) : type.scale ?? 0 };
}

/** The type of a one-column query (a scalar subquery). */
function queryType(node: Query, ctx: TranslationContext): ValueType {
  if (node.body.kind !== 'select') return UNKNOWN;
  const body = node.body;
  const only = body.columns.length === 1 ? body.columns[0] : undefined;
  if (only === undefined || only.kind !== 'select-column') return UNKNOWN;
  return withTableScope(ctx, body.from, () => asComputed(valueType(only.expression, ctx)));
}

export function isStringValued(node: Expression, ctx: TranslationContext): boolean {
  return valueType(node, ctx).family === 'string';
}

/** Whether the expression being translated sits in a query over tables (a FROM clause in scope): it runs once per row. */
export function inRowScope(ctx: TranslationContext): boolean {
  return typeState(ctx).scopes.some((scope) => scope.entries.size > 0);
}

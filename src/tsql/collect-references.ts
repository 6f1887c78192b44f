import type { AstKind, AstNode, CommonTableExpression, DmlTarget, ObjectName, Statement, TableSource, WithClause } from './ast.js';
import type { Span } from './line-index.js';
import { walkAst } from './walk-ast.js';

/** A table, view, procedure, function or sequence named in the source. */
export interface ObjectReference {
  /** The parts as written with delimiters removed, e.g. ['Sales', 'Orders']; '' for an omitted part. */
  readonly parts: readonly string[];
  readonly server?: string;
  readonly database?: string;
  readonly schema?: string;
  readonly name: string;
  /** The parts joined with dots: `Sales.Orders`, `Warehouse..StockItems`. */
  readonly text: string;
  /** The first place it is named. */
  readonly span: Span;
}

export type TemporaryTableAccess = 'read' | 'write' | 'define' | 'drop';

/** A #local or ##global temporary table and what the code does with it. */
export interface TemporaryTableReference {
  readonly name: string;
  readonly access: readonly TemporaryTableAccess[];
  readonly span: Span;
}

/**
 * What a statement or object depends on, for inventory and impact analysis. Names are kept as
 * written (brackets removed, case kept), de-duplicated case-insensitively as SQL Server compares
 * them. CTE names, table variables, aliases and the trigger pseudo-tables inserted/deleted are
 * not objects and are left out; temporary tables are listed apart.
 */
export interface TsqlReferences {
  /** Tables and views read (FROM, JOIN, subqueries, MERGE USING), sequences used by NEXT VALUE FOR, tables a FOREIGN KEY checks, synonym targets, the tables of triggers. */
  readonly reads: readonly ObjectReference[];
  /** Tables written: INSERT/UPDATE/DELETE/MERGE targets, SELECT INTO, OUTPUT INTO, TRUNCATE, BULK INSERT, COPY INTO. */
  readonly writes: readonly ObjectReference[];
  /** Procedures run by EXEC. */
  readonly executes: readonly ObjectReference[];
  /** User-defined functions called (schema-qualified scalar calls, table-valued functions). */
  readonly calls: readonly ObjectReference[];
  /** Objects created or altered, and tables whose indexes, statistics or definition change. */
  readonly defines: readonly ObjectReference[];
  readonly drops: readonly ObjectReference[];
  readonly temporaryTables: readonly TemporaryTableReference[];
  /** EXEC (@sql), EXEC @procVariable or sp_executesql: the objects of the dynamic SQL are not listed. */
  readonly dynamicSql: boolean;
}

type ReferenceHandlers = { readonly [K in AstKind]?: (node: Extract<AstNode, { kind: K }>) => void };

/** Built-in table-valued functions, which are not user objects even without a schema. */
const BUILTIN_TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  'OPENJSON', 'OPENXML', 'OPENROWSET', 'OPENQUERY', 'OPENDATASOURCE', 'STRING_SPLIT', 'GENERATE_SERIES',
  'CONTAINSTABLE', 'FREETEXTTABLE', 'CHANGETABLE', 'PREDICT', 'SEMANTICKEYPHRASETABLE',
  'SEMANTICSIMILARITYTABLE', 'SEMANTICSIMILARITYDETAILSTABLE',
]);

/** The rows of a trigger's statement (and of OUTPUT): not tables. */
const PSEUDO_TABLES: ReadonlySet<string> = new Set(['inserted', 'deleted']);

class ReferenceList {
  private readonly seen = new Map<string, ObjectReference>();

  add(name: ObjectName): void {
    const text = name.parts.join('.');
    const key = text.toLowerCase();
    if (this.seen.has(key)) return;
    const parts = name.parts;
    const n = parts.length;
    const pick = (index: number): string | undefined => {
      const value = index >= 0 ? parts[index] : undefined;
      return value === undefined || value === '' ? undefined : value;
    };
    const server = pick(n - 4);
    const database = pick(n - 3);
    const schema = pick(n - 2);
    this.seen.set(key, {
      parts,
      ...(server === undefined ? {} : { server }),
      ...(database === undefined ? {} : { database }),
      ...(schema === undefined ? {} : { schema }),
      name: parts[n - 1] ?? '',
      text,
      span: { start: name.start, end: name.end },
    });
  }

  list(): ObjectReference[] {
    return [...this.seen.values()];
  }
}

function isTemporary(name: ObjectName): boolean {
  return (name.parts[name.parts.length - 1] ?? '').startsWith('#');
}

function cteScope(withClause: WithClause | undefined): Map<string, CommonTableExpression> | undefined {
  if (withClause === undefined || withClause.ctes.length === 0) return undefined;
  return new Map(withClause.ctes.map((cte) => [cte.name.toLowerCase(), cte]));
}

/** Table sources of a FROM list, joins flattened. */
function flattenSources(sources: readonly TableSource[]): TableSource[] {
  const out: TableSource[] = [];
  const stack = [...sources].reverse();
  while (stack.length > 0) {
    const source = stack.pop() as TableSource;
    if (source.kind === 'join') stack.push(source.right, source.left);
    else if (source.kind === 'pivot' || source.kind === 'unpivot') stack.push(source.source);
    else out.push(source);
  }
  return out;
}

export function collectReferences(root: AstNode): TsqlReferences {
  const reads = new ReferenceList();
  const writes = new ReferenceList();
  const executes = new ReferenceList();
  const calls = new ReferenceList();
  const defines = new ReferenceList();
  const drops = new ReferenceList();
  const temporary = new Map<string, { name: string; access: Set<TemporaryTableAccess>; span: Span }>();
  let dynamicSql = false;
  const scopes: Map<string, CommonTableExpression>[] = [];
  // Table references that an UPDATE/DELETE/MERGE/INSERT writes rather than reads.
  const written = new Set<AstNode>();

  const cteOf = (name: ObjectName): CommonTableExpression | undefined => {
    if (name.parts.length !== 1) return undefined;
    const key = (name.parts[0] ?? '').toLowerCase();
    for (let i = scopes.length - 1; i >= 0; i--) {
      const cte = scopes[i]?.get(key);
      if (cte !== undefined) return cte;
    }
    return undefined;
  };
  const isCte = (name: ObjectName): boolean => cteOf(name) !== undefined;

  /**
   * The table written through an updatable CTE: SQL Server lets a modification through a CTE
   * touch one base table, which is unambiguous when the CTE reads exactly one.
   */
  const cteBaseTable = (cte: CommonTableExpression, seen: Set<CommonTableExpression>): ObjectName | undefined => {
    if (seen.has(cte)) return undefined;
    seen.add(cte);
    const body = cte.query.body;
    if (body.kind !== 'select') return undefined;
    const tables = flattenSources(body.from);
    const only = tables.length === 1 ? tables[0] : undefined;
    if (only?.kind !== 'table-ref') return undefined;
    const inner = cteOf(only.name);
    return inner === undefined ? only.name : cteBaseTable(inner, seen);
  };

  /** Records a write to `name`, following a CTE to its base table. */
  const writeTo = (name: ObjectName): void => {
    const cte = cteOf(name);
    if (cte === undefined) {
      table(name, writes, 'write');
      return;
    }
    const base = cteBaseTable(cte, new Set());
    if (base !== undefined) table(base, writes, 'write');
  };

  const touchTemporary = (name: ObjectName, access: TemporaryTableAccess): void => {
    const text = name.parts[name.parts.length - 1] ?? '';
    const key = text.toLowerCase();
    const entry = temporary.get(key);
    if (entry === undefined) temporary.set(key, { name: text, access: new Set([access]), span: { start: name.start, end: name.end } });
    else entry.access.add(access);
  };

  /** Adds a table name to `list`, or to the temporary tables, unless it is a CTE or pseudo-table. */
  const table = (name: ObjectName, list: ReferenceList, access: TemporaryTableAccess): void => {
    if (isTemporary(name)) {
      touchTemporary(name, access);
      return;
    }
    if (isCte(name)) return;
    if (name.parts.length === 1 && PSEUDO_TABLES.has((name.parts[0] ?? '').toLowerCase())) return;
    list.add(name);
  };

  /**
   * The object an UPDATE or DELETE writes. `UPDATE c SET ... FROM Dimension.City AS c` names
   * the alias: the write goes to the aliased table, which is then not also counted as read.
   */
  const resolveTarget = (target: DmlTarget, from: readonly TableSource[]): void => {
    if (target.kind !== 'table-ref') return;
    const name = target.name;
    const sources = flattenSources(from);
    if (name.parts.length === 1) {
      const alias = (name.parts[0] ?? '').toLowerCase();
      const aliased = sources.find((s) => 'alias' in s && s.alias !== undefined && s.alias.toLowerCase() === alias);
      if (aliased !== undefined) {
        written.add(target);
        if (aliased.kind === 'table-ref') {
          written.add(aliased);
          writeTo(aliased.name);
        }
        return;
      }
    }
    const key = name.parts.join('.').toLowerCase();
    for (const source of sources) {
      if (source.kind === 'table-ref' && source.alias === undefined && source.name.parts.join('.').toLowerCase() === key) written.add(source);
    }
    written.add(target);
    writeTo(name);
  };

  const enterScope = (withClause: WithClause | undefined): void => {
    const scope = cteScope(withClause);
    if (scope !== undefined) scopes.push(scope);
  };
  const leaveScope = (withClause: WithClause | undefined): void => {
    if (cteScope(withClause) !== undefined) scopes.pop();
  };
  const writeDmlTarget = (target: DmlTarget): void => {
    if (target.kind !== 'table-ref') return;
    written.add(target);
    writeTo(target.name);
  };
  const defineTable = (name: ObjectName): void => {
    if (isTemporary(name)) touchTemporary(name, 'define');
    else defines.add(name);
  };

  // What each kind of node contributes; kinds without an entry contribute only through their children.
  const handlers: ReferenceHandlers = {
    query: (node) => enterScope(node.with),
    insert: (node) => {
      enterScope(node.with);
      writeDmlTarget(node.target);
    },
    merge: (node) => {
      enterScope(node.with);
      writeDmlTarget(node.target);
    },
    update: (node) => {
      enterScope(node.with);
      resolveTarget(node.target, node.from);
    },
    delete: (node) => {
      enterScope(node.with);
      resolveTarget(node.target, node.from);
    },
    output: (node) => {
      if (node.into?.kind === 'table-ref') {
        written.add(node.into);
        table(node.into.name, writes, 'write');
      }
    },
    'table-ref': (node) => {
      if (!written.has(node)) table(node.name, reads, 'read');
    },
    // SELECT INTO creates the table and fills it.
    select: (node) => {
      if (node.into === undefined) return;
      if (isTemporary(node.into)) touchTemporary(node.into, 'define');
      table(node.into, writes, 'write');
    },
    'table-function': (node) => {
      const call = node.call;
      // CHANGETABLE(CHANGES table, @version) reads the change tracking data of `table`.
      const first = call.args[0];
      if (call.kind === 'function-call' && (call.name.parts[0] ?? '').toUpperCase() === 'CHANGETABLE' && first?.kind === 'column-ref') {
        table({ kind: 'object-name', parts: first.parts, start: first.start, end: first.end }, reads, 'read');
      }
      if (call.kind === 'function-call' && call.name.parts.length === 1 && !BUILTIN_TABLE_FUNCTIONS.has((call.name.parts[0] ?? '').toUpperCase())) {
        calls.add(call.name);
      }
    },
    // Scalar user functions must be called with their schema, so a one-part name is a built-in.
    'function-call': (node) => {
      const parts = node.name.parts;
      if (parts.length >= 2 && !(parts[0] ?? '').startsWith('$')) calls.add(node.name);
    },
    'next-value-for': (node) => reads.add(node.sequence),
    execute: (node) => {
      if (node.procedure.kind === 'variable') {
        dynamicSql = true;
        return;
      }
      executes.add(node.procedure);
      if ((node.procedure.parts[node.procedure.parts.length - 1] ?? '').toLowerCase() === 'sp_executesql') dynamicSql = true;
    },
    'execute-string': () => {
      dynamicSql = true;
    },
    'truncate-table': (node) => table(node.table, writes, 'write'),
    'bulk-insert': (node) => table(node.table, writes, 'write'),
    'copy-into': (node) => table(node.table, writes, 'write'),
    'create-table': (node) => defineTable(node.name),
    'alter-table': (node) => defineTable(node.table),
    // A FOREIGN KEY reads the referenced table on every write to check the key exists.
    constraint: (node) => {
      if (node.references !== undefined) table(node.references, reads, 'read');
    },
    'create-view': (node) => defines.add(node.name),
    'create-procedure': (node) => defines.add(node.name),
    'create-function': (node) => defines.add(node.name),
    'create-type': (node) => defines.add(node.name),
    'create-sequence': (node) => defines.add(node.name),
    'create-synonym': (node) => {
      defines.add(node.name);
      reads.add(node.target);
    },
    'create-trigger': (node) => {
      defines.add(node.name);
      if (node.table !== undefined) reads.add(node.table);
    },
    'create-index': (node) => defineTable(node.table),
    'alter-index': (node) => defineTable(node.table),
    statistics: (node) => defineTable(node.table),
    drop: (node) => {
      // DROP INDEX/STATISTICS change a table; the names are not objects of their own.
      if (node.objectType === 'INDEX' || node.objectType === 'STATISTICS') {
        if (node.on !== undefined) defineTable(node.on);
        return;
      }
      for (const name of node.names) {
        if (isTemporary(name) && node.objectType === 'TABLE') touchTemporary(name, 'drop');
        else drops.add(name);
      }
    },
  };

  const leaveHandlers: ReferenceHandlers = {
    query: (node) => leaveScope(node.with),
    insert: (node) => leaveScope(node.with),
    update: (node) => leaveScope(node.with),
    delete: (node) => leaveScope(node.with),
    merge: (node) => leaveScope(node.with),
  };

  walkAst(
    root,
    (node) => {
      (handlers[node.kind] as ((n: AstNode) => void) | undefined)?.(node);
    },
    (node) => {
      (leaveHandlers[node.kind] as ((n: AstNode) => void) | undefined)?.(node);
    },
  );

  return {
    reads: reads.list(),
    writes: writes.list(),
    executes: executes.list(),
    calls: calls.list(),
    defines: defines.list(),
    drops: drops.list(),
    temporaryTables: [...temporary.values()].map((t) => ({ name: t.name, access: [...t.access], span: t.span })),
    dynamicSql,
  };
}

/** References of each top-level statement of a script, in order. */
export function statementReferences(statements: readonly Statement[]): { statement: Statement; references: TsqlReferences }[] {
  return statements.map((statement) => ({ statement, references: collectReferences(statement) }));
}

import type { DataType, LineIndex, ObjectName, Script, Span } from '../tsql/index.js';
import { objectNamePart, type TargetDialect, type TranslateTarget } from './dialects/dialect.js';
import { databricksDialect } from './dialects/databricks.js';
import { duckdbDialect } from './dialects/duckdb.js';
import { DIAGNOSTICS, type DiagnosticCode, type TranslationDiagnostic } from './diagnostics.js';

export interface TranslateOptions {
  readonly target: TranslateTarget;
  /** database.schema (or schema) -> catalog.schema, from translate.names; matched case-insensitively. */
  readonly names?: Readonly<Record<string, string>>;
  /** The database two-part names live in, for looking them up in `names`. */
  readonly defaultDatabase?: string;
  /** What #temp tables and table variables become (translate.tempTables). */
  readonly tempTables?: 'temporary' | 'view' | 'schema';
  readonly scratchSchema?: string;
  /**
   * Where files read by BULK INSERT live in the lakehouse (translate.files): a path prefix on
   * the SQL Server, or an external DATA_SOURCE name, to a volume or cloud storage location.
   */
  readonly files?: Readonly<Record<string, string>>;
  /**
   * How string comparisons translate (translate.collation). 'case-insensitive' (the default):
   * as SQL Server's default collations compare, ignoring case and trailing spaces; 'binary':
   * as the target compares, with a warning where that may differ.
   */
  readonly collation?: 'case-insensitive' | 'binary';
  /** Column types of legacy tables (from the inventory), by lower-cased schema.table. */
  readonly columnTypes?: (table: string) => ReadonlyMap<string, string> | undefined;
  /** The identity column of a legacy table (from the inventory), by lower-cased schema.table. */
  readonly identityColumn?: (table: string) => string | undefined;
  /**
   * The column of a legacy table whose default is NEXT VALUE FOR a sequence (from the
   * inventory): the translated table makes it its identity column.
   */
  readonly sequenceColumn?: (table: string) => string | undefined;
  /** The primary key columns of a legacy table (from the inventory), by lower-cased schema.table. */
  readonly primaryKey?: (table: string) => readonly string[] | undefined;
  /** How a script variable is read in target SQL; the DuckDB rehearsal substitutes values. */
  readonly variableReference?: (name: string) => string;
}

const dialects: Readonly<Record<TranslateTarget, TargetDialect>> = { databricks: databricksDialect, duckdb: duckdbDialect };

export type ErrorItem = 'MESSAGE_TEXT' | 'RETURNED_SQLSTATE' | 'LINE_NUMBER';

/** A table's identity column, and whether its values go down (a negative increment). */
export interface IdentityColumn {
  readonly column: string;
  readonly descending: boolean;
  /**
   * A sequence default in T-SQL, an identity only in the translation: OUTPUT can read its
   * values back, but SCOPE_IDENTITY() never saw them.
   */
  readonly fromSequence?: boolean;
}

/** The last INSERT before the statement being translated, for SCOPE_IDENTITY() and @@IDENTITY. */
export type LastInsert =
  | { readonly kind: 'known'; readonly table: string; readonly tsqlName: string; readonly identity: IdentityColumn }
  | {
      readonly kind: 'unknown';
      readonly tsqlName: string;
      readonly sequenceKey?: string;
      /** A table's tableKey() and target name (not for a table variable or table function). */
      readonly table?: { readonly key: string; readonly name: string };
    };

export interface VariableInfo {
  /** The name in the target script. */
  readonly name: string;
  readonly type?: DataType;
  readonly kind: 'variable' | 'parameter' | 'table-variable';
}

/**
 * Everything generators share while translating one object: the target dialect, the names,
 * what is in scope, and the diagnostics, placed by line and column in the original T-SQL.
 */
export class TranslationContext {
  readonly options: TranslateOptions;
  #dialect: TargetDialect;
  /** The T-SQL being translated: spans index into it. */
  readonly source: string;
  readonly diagnostics: TranslationDiagnostic[] = [];
  /**
   * The procedure, function or trigger being translated, as T-SQL names it: OBJECT_NAME(@@PROCID)
   * is its name. The statement writer sets it while it translates the object.
   */
  currentObject: ObjectName | undefined;
  /**
   * The variable that holds @@ROWCOUNT where the statement writer keeps one (counted before the
   * statement, or read with GET DIAGNOSTICS v = ROW_COUNT after it); while undefined,
   * @@ROWCOUNT is not translated.
   */
  rowCountVariable: string | undefined;
  /**
   * After SET ANSI_WARNINGS OFF (ARITHABORT not set ON): a division by zero gives NULL in SQL
   * Server, where Databricks raises; divisions are written to give NULL too.
   */
  nullOnDivideByZero = false;
  /**
   * The INSERT (or MERGE that inserts) last translated, in the order of the code: the table
   * SCOPE_IDENTITY() and @@IDENTITY read. Undefined before any.
   */
  lastInsert: LastInsert | undefined;
  /**
   * While a statement is translated whose NEXT VALUE FOR values were taken ahead of it
   * (sequences.ts): the expression of each sequence's value, by tableKey() of its name.
   */
  sequenceValues: ReadonlyMap<string, string> | undefined;
  readonly #identities = new Map<string, IdentityColumn>();
  readonly #primaryKeys = new Map<string, readonly string[]>();
  readonly #tableColumns = new Map<string, ReadonlyMap<string, DataType>>();
  /** Tables the text makes with SELECT INTO, by tableKey(). */
  readonly #selectedInto = new Set<string>();
  readonly #lineIndex: LineIndex;
  readonly #variables = new Map<string, VariableInfo>();
  /** variable()'s answers by the name as written (undefined: not declared); emptied when a variable is declared. */
  readonly #variablesAsWritten = new Map<string, VariableInfo | undefined>();
  readonly #tempTables = new Map<string, string>();
  readonly #ctes: string[][] = [];
  readonly #once = new Set<string>();
  /** The diagnostics reported so far, by the offset they were reported at. */
  readonly #reported = new Map<number, TranslationDiagnostic[]>();
  readonly #kept = new Set<number>();
  #labels = 0;
  #typeRevision = 0;
  /** Where each word asked about by mentions() starts in the text, in order. */
  readonly #mentions = new Map<string, readonly number[]>();
  #errorItems: Set<ErrorItem> | undefined;
  /** The database a USE named; undefined before any (translate's default database). */
  #database: string | undefined;
  /** The schema of the module being translated, for its one-part names. */
  #moduleSchema: string | undefined;

  /** What the parser could not read, and where: a statement kept raw reports its reason. */
  parseProblems: ReadonlyArray<{ readonly span: Span; readonly message: string }> = [];

  /** The parse of the source, for generators that look beyond the statement they translate. */
  readonly script: Script | undefined;

  constructor(options: TranslateOptions, source: string, lineIndex: LineIndex, script?: Script) {
    this.options = options;
    this.source = source;
    this.script = script;
    const base = dialects[options.target];
    this.#dialect = options.variableReference === undefined ? base : { ...base, variable: options.variableReference };
    this.#lineIndex = lineIndex;
  }

  get dialect(): TargetDialect {
    return this.#dialect;
  }

  /**
   * Runs `work` with script variables read as `reference(name)`: inside a DuckDB macro, the
   * parameters are plain names, not session variables.
   */
  withVariableReference<T>(reference: (name: string) => string, work: () => T): T {
    const outer = this.#dialect;
    this.#dialect = { ...outer, variable: reference };
    try {
      return work();
    } finally {
      this.#dialect = outer;
    }
  }

  get target(): TranslateTarget {
    return this.options.target;
  }

  /**
   * Whether the T-SQL text contains `word` (upper case) anywhere, ignoring case as keyword
   * matching does: a cheap test that rules out something rare (GOTO, @@ROWCOUNT) before
   * walking syntax trees for it; `within`, only inside that span. The trees translated are
   * always parsed from `source`, and a node parsed from it lies inside the span of each node
   * above it.
   */
  mentions(word: string, within?: Span): boolean {
    let found = this.#mentions.get(word);
    if (found === undefined) {
      // Offsets into the text itself (upper-casing it first would move them: ß becomes SS).
      const pattern = new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
      const starts: number[] = [];
      for (let match = pattern.exec(this.source); match !== null; match = pattern.exec(this.source)) {
        starts.push(match.index);
        pattern.lastIndex = match.index + 1;
      }
      found = starts;
      this.#mentions.set(word, found);
    }
    if (within === undefined) return found.length > 0;
    // The first mention at or after the span's start, by binary search.
    let low = 0;
    let high = found.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (found[middle]! < within.start) low = middle + 1;
      else high = middle;
    }
    return low < found.length && found[low]! < within.end;
  }

  /** Records a diagnostic at the start of `at` in the original text (once: the same code and message at the same place is not repeated). */
  report(code: DiagnosticCode, at: Span, message: string): void {
    const offset = at.start;
    // By offset, not by a key of code, place and message: most reports are at a place of their
    // own, and a key string per report (messages are long) was a cost of its own.
    let here = this.#reported.get(offset);
    if (here === undefined) {
      here = [];
      this.#reported.set(offset, here);
    } else if (here.some((earlier) => earlier.code === code && earlier.message === message)) {
      return;
    }
    const { line, column } = this.#lineIndex.position(offset);
    const diagnostic: TranslationDiagnostic = { code, severity: DIAGNOSTICS[code].severity, line, column, message };
    here.push(diagnostic);
    this.diagnostics.push(diagnostic);
  }

  /** Where error diagnostics were reported (offsets in the source), for counting the statements that hold one. */
  errorOffsets(): number[] {
    const offsets: number[] = [];
    for (const [offset, diagnostics] of this.#reported) if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) offsets.push(offset);
    return offsets;
  }

  /** A statement kept as written, commented out, with an error: its statements count as untranslated already. */
  noteKept(at: Span): void {
    this.#kept.add(at.start);
  }

  wasKept(at: Span): boolean {
    return this.#kept.has(at.start);
  }

  /** Records a diagnostic only the first time `key` is seen in this object. */
  reportOnce(key: string, code: DiagnosticCode, at: Span, message: string): void {
    if (this.#once.has(key)) return;
    this.#once.add(key);
    this.report(code, at, message);
  }

  line(offset: number): number {
    return this.#lineIndex.line(offset);
  }

  position(offset: number): { line: number; column: number } {
    const { line, column } = this.#lineIndex.position(offset);
    return { line, column };
  }

  // -------------------------------------------------------------------------------------------
  // variables: @name in T-SQL, v_name (locals) and p_name (parameters) in the target, so that a
  // variable never shadows a column of the same name (Databricks resolves columns first).

  /**
   * Changes whenever something the types of expressions are read from changes (a variable is
   * declared, a table defined): types remembered under an older revision are stale.
   */
  get typeRevision(): number {
    return this.#typeRevision;
  }

  /** Something the types of expressions are read from changed (see typeRevision). */
  typesChanged(): void {
    this.#typeRevision += 1;
  }

  declareVariable(tsqlName: string, kind: VariableInfo['kind'], type?: DataType): VariableInfo {
    this.#typeRevision += 1;
    const bare = tsqlName.replace(/^@+/, '');
    const info: VariableInfo = { name: `${kind === 'parameter' ? 'p' : 'v'}_${bare}`, kind, ...(type === undefined ? {} : { type }) };
    this.#variables.set(bare.toLowerCase(), info);
    this.#variablesAsWritten.clear();
    return info;
  }

  variable(tsqlName: string): VariableInfo | undefined {
    // Each reference to a variable asks for it several times (its type, its name): answers are
    // kept by the name as written, which spares a lower-cased copy of it for each ask.
    const known = this.#variablesAsWritten.get(tsqlName);
    if (known !== undefined || this.#variablesAsWritten.has(tsqlName)) return known;
    const info = this.#variables.get(tsqlName.replace(/^@+/, '').toLowerCase());
    this.#variablesAsWritten.set(tsqlName, info);
    return info;
  }

  /** A variable's target name, declaring it on the fly when the T-SQL never declared it. */
  variableName(tsqlName: string): string {
    return (this.variable(tsqlName) ?? this.declareVariable(tsqlName, 'variable')).name;
  }

  // -------------------------------------------------------------------------------------------
  // temporary tables: #t, ##t and @t become session temporary tables named after them.

  /** The T-SQL names (#t, @t) of the temporary tables met so far. */
  temporaryTableNames(): string[] {
    return [...this.#tempTables.keys()];
  }

  /** Whether `#t` or `@t` already names a temporary table here (a table variable's DECLARE was seen). */
  isTemporaryTable(tsqlName: string): boolean {
    return this.#tempTables.has(tsqlName.toLowerCase());
  }

  /**
   * The temporary table a table variable read or written at `at` became. A variable declared
   * with a user-defined table type (DECLARE @t dbo.some_table_type) was taken for a scalar,
   * since the type's columns are not known: no table is created for it, which is an error.
   */
  tableVariable(tsqlName: string, at: Span): string {
    const scalar = this.variable(tsqlName);
    if (scalar !== undefined && !this.isTemporaryTable(tsqlName)) {
      const type = scalar.type?.name.parts.join('.') ?? 'a scalar type';
      this.reportOnce(
        `table-type:${tsqlName.toLowerCase()}`,
        'TR_UNSUPPORTED_EXPRESSION',
        at,
        `${tsqlName} is used as a table, but its type ${type} is a table type whose columns lakeshift does not know: declare it with its columns (DECLARE ${tsqlName} TABLE (...)) so that it becomes a temporary table`,
      );
    }
    return this.temporaryTable(tsqlName);
  }

  temporaryTable(tsqlName: string): string {
    const key = tsqlName.toLowerCase();
    const existing = this.#tempTables.get(key);
    if (existing !== undefined) return existing;
    const bare = tsqlName.replace(/^[#@]+/, '');
    const name = tsqlName.startsWith('@') ? `tv_${bare}` : tsqlName.startsWith('##') ? `gtt_${bare}` : `tt_${bare}`;
    const target = this.options.tempTables === 'schema' && this.options.scratchSchema !== undefined ? `${this.options.scratchSchema}.${name}` : name;
    this.#tempTables.set(key, target);
    return target;
  }

  // -------------------------------------------------------------------------------------------
  // CTE names are in scope for the query they belong to and are never mapped as table names.

  withCtes<T>(names: readonly string[], work: () => T): T {
    // Most queries have no WITH: an empty scope would change nothing that isCte() answers.
    if (names.length === 0) return work();
    this.#ctes.push(names.map((name) => name.toLowerCase()));
    try {
      return work();
    } finally {
      this.#ctes.pop();
    }
  }

  isCte(name: string): boolean {
    if (this.#ctes.length === 0) return false;
    const key = name.toLowerCase();
    return this.#ctes.some((scope) => scope.includes(key));
  }

  /**
   * Runs `work` (the statements of a CATCH) and says which diagnostics items its error
   * functions read: the handler fetches those with GET DIAGNOSTICS.
   */
  collectErrorItems<T>(work: () => T): { value: T; used: ReadonlySet<ErrorItem> } {
    const outer = this.#errorItems;
    const used = new Set<ErrorItem>();
    this.#errorItems = used;
    try {
      return { value: work(), used };
    } finally {
      this.#errorItems = outer;
    }
  }

  /** Whether the statements being translated are those of a CATCH block. */
  get inCatch(): boolean {
    return this.#errorItems !== undefined;
  }

  /** An error function read an item; false outside a CATCH (where it has no value). */
  useErrorItem(item: ErrorItem): boolean {
    if (this.#errorItems === undefined) return false;
    this.#errorItems.add(item);
    return true;
  }

  /** A fresh loop or block label. */
  label(prefix: string): string {
    this.#labels += 1;
    return `${prefix}_${this.#labels}`;
  }

  // -------------------------------------------------------------------------------------------
  // tables defined in the text being translated (CREATE TABLE, DECLARE @t TABLE): their column
  // types, by tableKey() (`@t` for a table variable), for what the inventory cannot know.

  noteTableColumns(key: string, columns: ReadonlyMap<string, DataType>): void {
    this.#typeRevision += 1;
    this.#tableColumns.set(key.toLowerCase(), columns);
  }

  /** A table SELECT INTO makes, by tableKey(): made by the text, as a CREATE TABLE's is. */
  noteSelectedInto(key: string): void {
    this.#selectedInto.add(key.toLowerCase());
  }

  /** Column types (by lower-cased name, in table order) of a table defined earlier in the text. */
  definedColumns(key: string): ReadonlyMap<string, DataType> | undefined {
    return this.#tableColumns.get(key.toLowerCase());
  }

  // -------------------------------------------------------------------------------------------
  // identity columns: from the inventory, or from a CREATE TABLE earlier in the same text.

  /** The key tables go by: `schema.table` (dbo when not written), or `#t`, lower-cased. */
  static tableKey(name: ObjectName): string {
    const parts = name.parts;
    const table = parts[parts.length - 1] ?? '';
    if (parts.length === 1 && table.startsWith('#')) return table.toLowerCase();
    return `${(parts.length >= 2 ? parts[parts.length - 2] : '') || 'dbo'}.${table}`.toLowerCase();
  }

  /** A table defined in the text has an identity column; `key` as tableKey() makes it. */
  noteIdentityColumn(key: string, identity: IdentityColumn): void {
    this.#identities.set(key.toLowerCase(), identity);
  }

  /** A table defined in the text has a primary key; `key` as tableKey() makes it. */
  notePrimaryKey(key: string, columns: readonly string[]): void {
    this.#primaryKeys.set(key.toLowerCase(), columns);
  }

  /** The primary key columns of a table, by tableKey(): from its definition in the text, else the inventory. */
  primaryKey(key: string): readonly string[] | undefined {
    key = key.toLowerCase();
    const local = this.#primaryKeys.get(key);
    if (local !== undefined) return local;
    if (key.startsWith('#') || key.startsWith('@')) return undefined;
    const columns = this.options.primaryKey?.(key);
    return columns === undefined || columns.length === 0 ? undefined : columns;
  }

  /** The identity column of a table, by tableKey() (`@t` for a table variable). */
  identityColumn(key: string): IdentityColumn | undefined {
    key = key.toLowerCase();
    const local = this.#identities.get(key);
    if (local !== undefined) return local;
    if (key.startsWith('#') || key.startsWith('@')) return undefined;
    const column = this.options.identityColumn?.(key);
    if (column !== undefined) return { column, descending: false };
    const sequenced = this.options.sequenceColumn?.(key);
    return sequenced === undefined ? undefined : { column: sequenced, descending: false, fromSequence: true };
  }

  // -------------------------------------------------------------------------------------------
  // object names

  /**
   * The database the names of the text are in, for looking them up in translate.names: the one
   * a USE set, else translate's default database.
   */
  get database(): string | undefined {
    return this.#database ?? this.options.defaultDatabase;
  }

  /** USE db: the names after it are db's, as SQL Server reads them. */
  useDatabase(database: string): void {
    this.#database = database;
  }

  /** Whether a procedure, function or view body is being translated. */
  get withinModule(): boolean {
    return this.#moduleSchema !== undefined;
  }

  /**
   * Runs `work` (the body of a procedure, function or view) with one-part names resolved in the
   * module's schema, as SQL Server resolves the names a module's statements use.
   */
  inModule<T>(name: ObjectName, work: () => T): T {
    const outer = this.#moduleSchema;
    this.#moduleSchema = name.parts.length >= 2 ? name.parts[name.parts.length - 2] || 'dbo' : 'dbo';
    try {
      return work();
    } finally {
      this.#moduleSchema = outer;
    }
  }

  /**
   * A table, view or procedure name in the target: database.schema mapped to catalog.schema
   * through translate.names; parts quoted as the dialect needs. `ddl`: the name is the object of
   * a CREATE, ALTER, DROP or TRUNCATE, where a one-part name is the caller's default schema's
   * even inside a module.
   */
  objectName(name: ObjectName, ddl = false): string {
    if (name.parts.length === 1) {
      const only = name.parts[0]!;
      if (only.startsWith('#')) return this.temporaryTable(only);
      if (this.isCte(only)) return this.dialect.identifier(only);
    }
    const parts = this.targetNameParts(name, ddl);
    let text = this.dialect.identifier(parts[0]!);
    for (let index = 1; index < parts.length; index++) text += `.${this.dialect.identifier(parts[index]!)}`;
    return text;
  }

  /**
   * A schema as CREATE SCHEMA or DROP SCHEMA names it: mapped through translate.names as the
   * schema of the current database, else kept; in a form the target can hold.
   */
  schemaName(schema: string, at: Span): string {
    const mapped = this.#mapSchema(undefined, schema, at);
    const parts = this.#legalParts(mapped ?? [schema], mapped === undefined ? schema : `${schema} (${mapped.join('.')})`, at);
    return parts.map((part) => this.dialect.identifier(part)).join('.');
  }

  /**
   * The parts of a table, view or routine name in the target, unquoted: catalog, schema and
   * name, or fewer when the T-SQL wrote fewer and translate.names does not map them. Each part
   * in a form the target can hold (objectNamePart).
   */
  targetNameParts(name: ObjectName, ddl = false): string[] {
    const parts = this.#mappedNameParts(name, ddl);
    return this.#legalParts(parts, name.parts.join('.'), name);
  }

  #legalParts(parts: string[], written: string, at: Span): string[] {
    if (this.dialect.objectNameForbidden === undefined) return parts;
    const legal = parts.map((part) => objectNamePart(this.dialect, part));
    if (legal.some((part, index) => part !== parts[index])) {
      this.reportOnce(
        `name-changed:${legal.join('.').toLowerCase()}`,
        'TR_NAME_CHANGED',
        at,
        `${written} became ${legal.join('.')}: Unity Catalog object names cannot hold a space, a period or a slash, so each became _; every reference to it is translated the same way, but code outside the translation (reports, dynamic SQL, other tools) must use the new name`,
      );
    }
    return legal;
  }

  #mappedNameParts(name: ObjectName, ddl: boolean): string[] {
    if (name.parts.length === 4 && name.parts[0] !== '') {
      const server = name.parts[0]!;
      // A linked server's schema mapped to a catalog the workspace reaches it by (a foreign catalog of Lakehouse Federation).
      const linked = this.#mappedLinkedSchema(name.parts);
      if (linked !== undefined) {
        this.reportOnce(
          `linked-mapped:${name.parts.join('.').toLowerCase()}`,
          'TR_SEMANTIC',
          name,
          `${name.parts.join('.')} on the linked server ${server} became ${[...linked, name.parts[3]!].join('.')} (translate.names): a foreign catalog of Lakehouse Federation is read-only, so a statement that writes it fails`,
        );
        return [...linked, name.parts[3]!];
      }
      this.reportOnce(
        `linked:${name.parts.join('.').toLowerCase()}`,
        'TR_LINKED_SERVER',
        name,
        `${name.parts.join('.')} is on the linked server ${server}: the name was kept without the server, so it names a table of this workspace; reach ${server} through Lakehouse Federation (a foreign catalog) and map ${name.parts.slice(0, 3).join('.')} to it in translate.names`,
      );
    }
    // The parts without the server's (a four-part name's first), read from the end.
    const parts = name.parts;
    const count = parts.length === 4 ? 3 : parts.length;
    const objectPart = parts[parts.length - 1] ?? '';
    if (count === 1) {
      // A one-part name is in the schema SQL Server resolves it in; it stays one part where
      // translate.names does not map that schema.
      const schema = this.#onePartSchema(objectPart, ddl);
      const mapped = this.#mapSchema(undefined, schema.name, name, { object: objectPart, why: schema.why });
      return mapped === undefined ? [objectPart] : [...mapped, objectPart];
    }
    const schema = parts[parts.length - 2] || 'dbo';
    const database = count >= 3 ? parts[parts.length - 3] || undefined : undefined;
    const mapped = this.#mapSchema(database, schema, name);
    if (mapped !== undefined) return [...mapped, objectPart];
    const target: string[] = [];
    if (database !== undefined) target.push(database);
    target.push(schema);
    target.push(objectPart);
    return target;
  }

  /**
   * The schema SQL Server resolves a one-part name in. Inside a module (procedure, function,
   * view), a statement's names resolve in the module's schema, then dbo; DDL, and statements
   * outside modules, in the caller's default schema, then dbo (Microsoft, "Qualifying Names
   * Inside Stored Procedures"). The caller's default schema is not known here: dbo, the
   * default schema of a user given none. Where the text (a CREATE TABLE or SELECT INTO of the
   * module, which made it in dbo) or the inventory knows the table in dbo and not in the
   * module's schema, dbo.
   */
  #onePartSchema(object: string, ddl: boolean): { name: string; why: string } {
    const module = this.#moduleSchema;
    if (module === undefined || ddl || module.toLowerCase() === 'dbo') return { name: 'dbo', why: 'dbo, the default schema' };
    const known = (schema: string) => {
      const key = `${schema}.${object}`.toLowerCase();
      return this.#tableColumns.has(key) || this.#selectedInto.has(key) || this.options.columnTypes?.(key) !== undefined;
    };
    if (!known(module) && known('dbo')) return { name: 'dbo', why: `dbo, where the inventory has it, not ${module}, the module's schema` };
    return { name: module, why: `${module}, the schema of the module it is in` };
  }

  #mappedLinkedSchema(parts: readonly string[]): string[] | undefined {
    const names = this.options.names;
    if (names === undefined) return undefined;
    const wanted = `${parts[0]}.${parts[1] || this.options.defaultDatabase || ''}.${parts[2] || 'dbo'}`.toLowerCase();
    for (const key of Object.keys(names)) {
      if (key.toLowerCase() === wanted) return names[key]!.split('.');
    }
    return undefined;
  }

  /**
   * catalog.schema for a schema of a database (the current one when the name gives none)
   * through translate.names. An exact database.schema key wins over a bare schema key, whatever
   * their order; a bare schema key maps only the default database's schema (or any schema named
   * without a database, when no default database is configured), since the same schema name in
   * another database is another schema.
   */
  #mapSchema(database: string | undefined, schema: string, at: Span, onePart?: { readonly object: string; readonly why: string }): string[] | undefined {
    const names = this.options.names;
    if (names === undefined || Object.keys(names).length === 0) return undefined;
    if (schema.toLowerCase() === 'information_schema') {
      // Each Databricks catalog has one: the name stays, and what it holds is worth a word.
      this.reportOnce(
        'information-schema',
        'TR_SEMANTIC',
        at,
        'INFORMATION_SCHEMA is the target\'s own (the current catalog\'s): the schema and table names it lists are the translated ones (translate.names maps them), not the legacy ones a query may compare with, and DATA_TYPE names differ (STRING, not nvarchar)',
      );
      return undefined;
    }
    const db = database ?? this.database;
    const find = (wanted: string) => Object.keys(names).find((key) => key.toLowerCase() === wanted.toLowerCase());
    const exact = db === undefined ? undefined : find(`${db}.${schema}`);
    if (exact !== undefined) return names[exact]!.split('.');
    const bare = find(schema);
    const defaultDatabase = this.options.defaultDatabase;
    const isDefault = db === undefined || (defaultDatabase !== undefined && db.toLowerCase() === defaultDatabase.toLowerCase());
    if (bare !== undefined && isDefault) return names[bare]!.split('.');
    const qualified = `${db === undefined ? '' : `${db}.`}${schema}`;
    const bareNote =
      bare === undefined
        ? ''
        : defaultDatabase === undefined
          ? ` (the key ${bare} maps only names that name no database, as no default database is configured)`
          : ` (the key ${bare} maps ${schema} of the default database ${defaultDatabase} only)`;
    // One warning for the schema's one-part names (the first one named), one for its others.
    const subject = onePart === undefined ? qualified : `one-part names such as ${onePart.object} are read as ${qualified}.${onePart.object} (${onePart.why}), and ${qualified}`;
    this.reportOnce(
      `name:${qualified.toLowerCase()}${onePart === undefined ? '' : ':one-part'}`,
      'TR_NAME_NOT_MAPPED',
      at,
      `${subject} has no entry in translate.names${bareNote}; the name is kept as it is`,
    );
    return undefined;
  }
}

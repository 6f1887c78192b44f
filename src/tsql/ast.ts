import type { Span } from './line-index.js';

/**
 * The T-SQL syntax tree. Every node is a readonly object tagged by `kind` with the span of the
 * source it was read from. Names keep the spelling of the source with their delimiters removed
 * ([Order Lines] -> `Order Lines`, ]] -> ]); keywords that select a variant are upper-cased.
 * Optional fields are left out when the source does not have the clause, and lists are empty.
 *
 * A node is its own Span: `start` and `end` are fields of the node rather than of a span object
 * of its own, which was every other object of a tree (measured on the corpus: 8 of 36 MB).
 */
interface NodeBase extends Span {
  readonly start: number;
  readonly end: number;
}

// ---------------------------------------------------------------------------------------------
// Names and types
// ---------------------------------------------------------------------------------------------

/**
 * A multi-part object name as written: up to server.database.schema.object. `parts` are aligned
 * to the right; an omitted middle part (`db..table`) is ''.
 */
export interface ObjectName extends NodeBase {
  readonly kind: 'object-name';
  readonly parts: readonly string[];
}

/** A data type: `nvarchar(max)`, `decimal(18, 2)`, `dbo.OrderList`, `xml(CONTENT dbo.Schema)`. */
export interface DataType extends NodeBase {
  readonly kind: 'data-type';
  readonly name: ObjectName;
  /** Arguments as written: '18', '2', 'max', 'CONTENT dbo.Schema'. */
  readonly args: readonly string[];
}

/** `name = value` or `NAME value` inside a WITH (...) or OPTION (...) list, kept as text. */
export interface OptionItem extends NodeBase {
  readonly kind: 'option';
  /** Upper-cased leading keywords: 'DATA_COMPRESSION', 'MAXDOP', 'CLUSTERED COLUMNSTORE INDEX'. */
  readonly name: string;
  readonly value?: string;
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

export type LiteralType = 'string' | 'unicode-string' | 'integer' | 'decimal' | 'float' | 'money' | 'binary' | 'null';

export interface Literal extends NodeBase {
  readonly kind: 'literal';
  readonly type: LiteralType;
  /** Source text, quotes and prefixes included: N'abc', 0x1F, $12.50, 1e5. */
  readonly text: string;
  /** For strings: the value with quotes removed and '' unescaped. Otherwise the text. */
  readonly value: string;
}

export interface VariableRef extends NodeBase {
  readonly kind: 'variable';
  readonly name: string;
}

/** @@ROWCOUNT, @@ERROR, @@TRANCOUNT ... (functions that look like variables). */
export interface SystemVariableRef extends NodeBase {
  readonly kind: 'system-variable';
  readonly name: string;
}

/** A column (or, before binding, any dotted name in an expression): c, t.c, s.t.c. */
export interface ColumnRef extends NodeBase {
  readonly kind: 'column-ref';
  readonly parts: readonly string[];
}

/** `*` or `t.*` in a select list, and the `*` of COUNT(*). */
export interface Star extends NodeBase {
  readonly kind: 'star';
  readonly qualifier: readonly string[];
}

export type UnaryOperator = '-' | '+' | '~' | 'NOT';

export interface UnaryExpression extends NodeBase {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: Expression;
}

export type ComparisonOperator = '=' | '<>' | '!=' | '<' | '>' | '<=' | '>=' | '!<' | '!>';
export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | ComparisonOperator | 'AND' | 'OR';

export interface BinaryExpression extends NodeBase {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface IsNullExpression extends NodeBase {
  readonly kind: 'is-null';
  readonly expression: Expression;
  readonly not: boolean;
}

export interface InExpression extends NodeBase {
  readonly kind: 'in';
  readonly expression: Expression;
  readonly not: boolean;
  /** IN (1, 2, 3) */
  readonly values: readonly Expression[];
  /** IN (SELECT ...) */
  readonly query?: Query;
}

export interface BetweenExpression extends NodeBase {
  readonly kind: 'between';
  readonly expression: Expression;
  readonly not: boolean;
  readonly low: Expression;
  readonly high: Expression;
}

export interface LikeExpression extends NodeBase {
  readonly kind: 'like';
  readonly expression: Expression;
  readonly not: boolean;
  readonly pattern: Expression;
  readonly escape?: Expression;
}

export interface ExistsExpression extends NodeBase {
  readonly kind: 'exists';
  readonly query: Query;
}

/** x > ALL (SELECT ...), x = ANY (...), x = SOME (...) */
export interface QuantifiedComparison extends NodeBase {
  readonly kind: 'quantified-comparison';
  readonly left: Expression;
  readonly operator: ComparisonOperator;
  readonly quantifier: 'ALL' | 'ANY' | 'SOME';
  readonly query: Query;
}

export interface SubqueryExpression extends NodeBase {
  readonly kind: 'subquery';
  readonly query: Query;
}

export interface CaseWhen extends NodeBase {
  readonly kind: 'case-when';
  readonly when: Expression;
  readonly then: Expression;
}

/** Simple CASE (with an operand) or searched CASE (without). */
export interface CaseExpression extends NodeBase {
  readonly kind: 'case';
  readonly operand?: Expression;
  readonly whens: readonly CaseWhen[];
  readonly else?: Expression;
}

/** CAST(x AS type) and TRY_CAST. */
export interface CastExpression extends NodeBase {
  readonly kind: 'cast';
  readonly try: boolean;
  readonly expression: Expression;
  readonly type: DataType;
}

/** CONVERT(type, x [, style]) and TRY_CONVERT. */
export interface ConvertExpression extends NodeBase {
  readonly kind: 'convert';
  readonly try: boolean;
  readonly type: DataType;
  readonly expression: Expression;
  readonly style?: Expression;
}

/** PARSE(x AS type [USING culture]) and TRY_PARSE. */
export interface ParseExpression extends NodeBase {
  readonly kind: 'parse';
  readonly try: boolean;
  readonly expression: Expression;
  readonly type: DataType;
  readonly culture?: Expression;
}

export interface CollateExpression extends NodeBase {
  readonly kind: 'collate';
  readonly expression: Expression;
  readonly collation: string;
}

/** x AT TIME ZONE 'UTC' */
export interface AtTimeZoneExpression extends NodeBase {
  readonly kind: 'at-time-zone';
  readonly expression: Expression;
  readonly timeZone: Expression;
}

export interface FrameBound extends NodeBase {
  readonly kind: 'frame-bound';
  readonly type: 'UNBOUNDED PRECEDING' | 'UNBOUNDED FOLLOWING' | 'CURRENT ROW' | 'PRECEDING' | 'FOLLOWING';
  /** The n of `n PRECEDING` / `n FOLLOWING`. */
  readonly offset?: Expression;
}

export interface WindowFrame extends NodeBase {
  readonly kind: 'window-frame';
  readonly unit: 'ROWS' | 'RANGE';
  readonly startBound: FrameBound;
  /** Present for BETWEEN start AND end. */
  readonly endBound?: FrameBound;
}

/** OVER (...) or OVER name, and the definitions of a WINDOW clause. */
export interface WindowSpec extends NodeBase {
  readonly kind: 'window';
  /** A named window this one refers to or refines. */
  readonly name?: string;
  readonly partitionBy: readonly Expression[];
  readonly orderBy: readonly OrderByItem[];
  readonly frame?: WindowFrame;
}

export interface FunctionCall extends NodeBase {
  readonly kind: 'function-call';
  readonly name: ObjectName;
  readonly args: readonly Expression[];
  /** COUNT(DISTINCT x), SUM(ALL x) */
  readonly quantifier?: 'DISTINCT' | 'ALL';
  /**
   * Keywords that change what a built-in does without being arguments: TRIM's LEADING,
   * TRAILING or BOTH; JSON_OBJECT's ABSENT ON NULL; OPENROWSET's BULK; IGNORE NULLS.
   */
  readonly modifiers?: readonly string[];
  /** CURRENT_TIMESTAMP, SYSTEM_USER ...: functions called without parentheses. */
  readonly niladic: boolean;
  /** STRING_AGG(...) WITHIN GROUP (ORDER BY ...), PERCENTILE_CONT(...) WITHIN GROUP (...) */
  readonly withinGroup: readonly OrderByItem[];
  readonly over?: WindowSpec;
}

/** A method of an xml, geography or hierarchyid value: x.value('...', 'int'), @x.nodes('/a'). */
export interface MethodCall extends NodeBase {
  readonly kind: 'method-call';
  readonly target: Expression;
  readonly method: string;
  readonly args: readonly Expression[];
}

/** A property of a CLR-typed value: @point.Lat */
export interface PropertyAccess extends NodeBase {
  readonly kind: 'property';
  readonly target: Expression;
  readonly name: string;
}

/** type::Method(...): geography::Point(...), hierarchyid::GetRoot() */
export interface StaticMethodCall extends NodeBase {
  readonly kind: 'static-method-call';
  readonly type: ObjectName;
  readonly method: string;
  readonly args: readonly Expression[];
}

export interface NextValueFor extends NodeBase {
  readonly kind: 'next-value-for';
  readonly sequence: ObjectName;
  readonly over?: WindowSpec;
}

/** ODBC escapes: {fn UCASE(x)}, {d '2020-01-31'}, {ts '...'}. */
export interface OdbcEscape extends NodeBase {
  readonly kind: 'odbc-escape';
  /** Lower-cased escape keyword: fn, d, t, ts, guid, interval, oj, call ... */
  readonly escape: string;
  readonly body: Expression;
}

/** DEFAULT as a value (VALUES (DEFAULT), SET c = DEFAULT, EXEC p DEFAULT). */
export interface DefaultValue extends NodeBase {
  readonly kind: 'default';
}

export type Expression =
  | Literal
  | VariableRef
  | SystemVariableRef
  | ColumnRef
  | Star
  | UnaryExpression
  | BinaryExpression
  | IsNullExpression
  | InExpression
  | BetweenExpression
  | LikeExpression
  | ExistsExpression
  | QuantifiedComparison
  | SubqueryExpression
  | CaseExpression
  | CastExpression
  | ConvertExpression
  | ParseExpression
  | CollateExpression
  | AtTimeZoneExpression
  | FunctionCall
  | MethodCall
  | PropertyAccess
  | StaticMethodCall
  | NextValueFor
  | OdbcEscape
  | DefaultValue;

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

export interface CommonTableExpression extends NodeBase {
  readonly kind: 'cte';
  readonly name: string;
  readonly columns: readonly string[];
  readonly query: Query;
}

export interface XmlNamespace extends NodeBase {
  readonly kind: 'xml-namespace';
  readonly uri: Expression;
  /** undefined for DEFAULT 'uri' */
  readonly prefix?: string;
}

/** WITH [XMLNAMESPACES (...),] cte AS (...), ... */
export interface WithClause extends NodeBase {
  readonly kind: 'with';
  readonly xmlNamespaces: readonly XmlNamespace[];
  readonly ctes: readonly CommonTableExpression[];
}

export interface Top extends NodeBase {
  readonly kind: 'top';
  readonly count: Expression;
  readonly percent: boolean;
  readonly withTies: boolean;
}

export interface SelectColumn extends NodeBase {
  readonly kind: 'select-column';
  readonly expression: Expression;
  readonly alias?: string;
}

export type AssignmentOperator = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=';

/** SELECT @x = expr: assigns instead of returning a column. */
export interface SelectAssignment extends NodeBase {
  readonly kind: 'select-assignment';
  readonly variable: VariableRef;
  readonly operator: AssignmentOperator;
  readonly expression: Expression;
}

export type SelectItem = SelectColumn | SelectAssignment;

export interface OrderByItem extends NodeBase {
  readonly kind: 'order-by-item';
  readonly expression: Expression;
  readonly direction?: 'ASC' | 'DESC';
}

/** ROLLUP (...), CUBE (...), GROUPING SETS (...), and a parenthesised column list (a, b) or (). */
export interface GroupingSet extends NodeBase {
  readonly kind: 'grouping-set';
  readonly type: 'ROLLUP' | 'CUBE' | 'GROUPING SETS' | 'LIST';
  readonly items: readonly GroupingElement[];
}

export type GroupingElement = Expression | GroupingSet;

export interface GroupBy extends NodeBase {
  readonly kind: 'group-by';
  /** GROUP BY ALL (deprecated) */
  readonly all: boolean;
  readonly items: readonly GroupingElement[];
  /** WITH ROLLUP / WITH CUBE (the pre-2008 spelling) */
  readonly withOption?: 'ROLLUP' | 'CUBE';
}

export interface NamedWindow extends NodeBase {
  readonly kind: 'named-window';
  readonly name: string;
  readonly window: WindowSpec;
}

/** A query specification: SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ... */
export interface Select extends NodeBase {
  readonly kind: 'select';
  readonly quantifier?: 'DISTINCT' | 'ALL';
  readonly top?: Top;
  readonly columns: readonly SelectItem[];
  /** SELECT ... INTO target: creates and fills a new table. */
  readonly into?: ObjectName;
  readonly from: readonly TableSource[];
  readonly where?: Expression;
  readonly groupBy?: GroupBy;
  readonly having?: Expression;
  readonly windows: readonly NamedWindow[];
}

export interface SetOperation extends NodeBase {
  readonly kind: 'set-operation';
  readonly operator: 'UNION' | 'UNION ALL' | 'EXCEPT' | 'INTERSECT';
  readonly left: QueryBody;
  readonly right: QueryBody;
}

export interface ValuesRow extends NodeBase {
  readonly kind: 'values-row';
  readonly values: readonly Expression[];
}

/** VALUES (...), (...): in INSERT, MERGE sources and derived tables. */
export interface Values extends NodeBase {
  readonly kind: 'values';
  readonly rows: readonly ValuesRow[];
}

export type QueryBody = Select | SetOperation | Query | Values;

export interface ForOption extends NodeBase {
  readonly kind: 'for-option';
  /** PATH, RAW, AUTO, EXPLICIT, TYPE, ROOT, ELEMENTS, XSINIL, ABSENT, BINARY BASE64, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES ... */
  readonly name: string;
  readonly argument?: string;
}

export interface ForClause extends NodeBase {
  readonly kind: 'for-clause';
  readonly mode: 'XML' | 'JSON' | 'BROWSE';
  readonly options: readonly ForOption[];
}

/**
 * A query expression with everything that applies to it as a whole: the WITH clause, ORDER BY,
 * OFFSET/FETCH, FOR XML/JSON and OPTION hints. Also used for a parenthesised query inside a
 * set operation.
 */
export interface Query extends NodeBase {
  readonly kind: 'query';
  readonly with?: WithClause;
  readonly body: QueryBody;
  readonly orderBy: readonly OrderByItem[];
  readonly offset?: Expression;
  readonly fetch?: Expression;
  readonly forClause?: ForClause;
  /** OPTION (...) query hints; a COMPUTE clause (removed in SQL Server 2012) is kept here as an option named COMPUTE. */
  readonly options: readonly OptionItem[];
}

// ---------------------------------------------------------------------------------------------
// Table sources
// ---------------------------------------------------------------------------------------------

/** FOR SYSTEM_TIME on a temporal table. */
export interface SystemTime extends NodeBase {
  readonly kind: 'system-time';
  readonly type: 'AS OF' | 'FROM' | 'BETWEEN' | 'CONTAINED IN' | 'ALL';
  readonly from?: Expression;
  readonly to?: Expression;
}

export interface TableRef extends NodeBase {
  readonly kind: 'table-ref';
  readonly name: ObjectName;
  readonly alias?: string;
  readonly systemTime?: SystemTime;
  /** Table hints, normalised: NOLOCK, INDEX(IX_Name), FORCESEEK ... */
  readonly hints: readonly string[];
  /** Hints written the pre-2005 way, `t (NOLOCK)`, without WITH. */
  readonly legacyHints: boolean;
  readonly tablesample?: string;
}

export interface DerivedTable extends NodeBase {
  readonly kind: 'derived-table';
  readonly query: Query;
  readonly alias?: string;
  readonly columns: readonly string[];
}

/** A column of OPENJSON ... WITH (...) or OPENXML ... WITH (...). */
export interface SchemaColumn extends NodeBase {
  readonly kind: 'schema-column';
  readonly name: string;
  readonly type: DataType;
  readonly path?: string;
  readonly asJson: boolean;
}

/** A table-valued function, OPENJSON/OPENROWSET/..., or an xml .nodes() call in FROM. */
export interface TableFunction extends NodeBase {
  readonly kind: 'table-function';
  readonly call: FunctionCall | MethodCall;
  readonly alias?: string;
  readonly columns: readonly string[];
  readonly schema: readonly SchemaColumn[];
}

/** FROM @tableVariable */
export interface TableVariable extends NodeBase {
  readonly kind: 'table-variable';
  readonly name: string;
  readonly alias?: string;
}

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | 'CROSS APPLY' | 'OUTER APPLY';

export interface Join extends NodeBase {
  readonly kind: 'join';
  readonly type: JoinType;
  /** LOOP, HASH, MERGE, REMOTE */
  readonly hint?: string;
  readonly left: TableSource;
  readonly right: TableSource;
  readonly on?: Expression;
}

export interface Pivot extends NodeBase {
  readonly kind: 'pivot';
  readonly source: TableSource;
  readonly aggregate: FunctionCall;
  readonly column: ColumnRef;
  readonly values: readonly string[];
  readonly alias?: string;
}

export interface Unpivot extends NodeBase {
  readonly kind: 'unpivot';
  readonly source: TableSource;
  readonly valueColumn: string;
  readonly pivotColumn: string;
  readonly columns: readonly string[];
  readonly alias?: string;
}

export type TableSource = TableRef | DerivedTable | TableFunction | TableVariable | Join | Pivot | Unpivot;

// ---------------------------------------------------------------------------------------------
// DML
// ---------------------------------------------------------------------------------------------

/** OUTPUT inserted.x, deleted.y, $action [INTO target (cols)] */
export interface OutputClause extends NodeBase {
  readonly kind: 'output';
  readonly columns: readonly SelectItem[];
  readonly into?: TableRef | TableVariable;
  readonly intoColumns: readonly string[];
}

/** `c = v`, `c += v`, `@v = v`, `@v = c = v` in SET lists (UPDATE, MERGE). */
export interface Assignment extends NodeBase {
  readonly kind: 'assignment';
  readonly target: ColumnRef | VariableRef;
  /** For `@v = column = value`, which sets both. */
  readonly column?: ColumnRef;
  readonly operator: AssignmentOperator;
  readonly value: Expression;
}

/** SET c.WRITE(...), SET c.Method(...): a mutator of a large-value or CLR column. */
export interface MutatorCall extends NodeBase {
  readonly kind: 'mutator-call';
  readonly call: MethodCall;
}

export type SetItem = Assignment | MutatorCall;

export type DmlTarget = TableRef | TableVariable | TableFunction;

export interface DefaultValues extends NodeBase {
  readonly kind: 'default-values';
}

export interface InsertStatement extends NodeBase {
  readonly kind: 'insert';
  readonly with?: WithClause;
  readonly top?: Top;
  readonly target: DmlTarget;
  readonly columns: readonly string[];
  readonly output: readonly OutputClause[];
  readonly source: Values | Query | ExecuteStatement | ExecuteStringStatement | DefaultValues;
  readonly options: readonly OptionItem[];
}

export interface UpdateStatement extends NodeBase {
  readonly kind: 'update';
  readonly with?: WithClause;
  readonly top?: Top;
  readonly target: DmlTarget;
  readonly set: readonly SetItem[];
  readonly output: readonly OutputClause[];
  readonly from: readonly TableSource[];
  readonly where?: Expression;
  /** WHERE CURRENT OF cursor */
  readonly currentOf?: string;
  readonly options: readonly OptionItem[];
}

export interface DeleteStatement extends NodeBase {
  readonly kind: 'delete';
  readonly with?: WithClause;
  readonly top?: Top;
  readonly target: DmlTarget;
  readonly output: readonly OutputClause[];
  readonly from: readonly TableSource[];
  readonly where?: Expression;
  readonly currentOf?: string;
  readonly options: readonly OptionItem[];
}

export interface MergeUpdate extends NodeBase {
  readonly kind: 'merge-update';
  readonly set: readonly SetItem[];
}

export interface MergeDelete extends NodeBase {
  readonly kind: 'merge-delete';
}

export interface MergeInsert extends NodeBase {
  readonly kind: 'merge-insert';
  readonly columns: readonly string[];
  /** Empty with `defaultValues`. */
  readonly values: readonly Expression[];
  readonly defaultValues: boolean;
}

export interface MergeWhen extends NodeBase {
  readonly kind: 'merge-when';
  readonly match: 'MATCHED' | 'NOT MATCHED BY TARGET' | 'NOT MATCHED BY SOURCE';
  readonly condition?: Expression;
  readonly action: MergeUpdate | MergeDelete | MergeInsert;
}

export interface MergeStatement extends NodeBase {
  readonly kind: 'merge';
  readonly with?: WithClause;
  readonly top?: Top;
  readonly target: DmlTarget;
  readonly source: TableSource;
  readonly on: Expression;
  readonly clauses: readonly MergeWhen[];
  readonly output: readonly OutputClause[];
  readonly options: readonly OptionItem[];
}

export interface TruncateStatement extends NodeBase {
  readonly kind: 'truncate-table';
  readonly table: ObjectName;
}

export interface BulkInsertStatement extends NodeBase {
  readonly kind: 'bulk-insert';
  readonly table: ObjectName;
  readonly file: Expression;
  readonly options: readonly OptionItem[];
}

/** COPY INTO table [(columns)] FROM 'location' [, ...] WITH (...): Azure Synapse / Fabric loading. */
export interface CopyIntoStatement extends NodeBase {
  readonly kind: 'copy-into';
  readonly table: ObjectName;
  readonly columns: readonly string[];
  readonly sources: readonly Expression[];
  readonly options: readonly OptionItem[];
}

export interface SelectStatement extends NodeBase {
  readonly kind: 'select-statement';
  readonly query: Query;
}

// ---------------------------------------------------------------------------------------------
// DDL
// ---------------------------------------------------------------------------------------------

/** CREATE, ALTER, CREATE OR ALTER (2016 SP1+). */
export type CreateMode = 'CREATE' | 'ALTER' | 'CREATE OR ALTER';

export interface IndexColumn extends NodeBase {
  readonly kind: 'index-column';
  readonly name: string;
  readonly direction?: 'ASC' | 'DESC';
}

export interface IdentitySpec extends NodeBase {
  readonly kind: 'identity';
  readonly seed?: Expression;
  readonly increment?: Expression;
}

export type ConstraintType = 'PRIMARY KEY' | 'UNIQUE' | 'FOREIGN KEY' | 'CHECK' | 'DEFAULT';

export interface Constraint extends NodeBase {
  readonly kind: 'constraint';
  readonly name?: string;
  readonly type: ConstraintType;
  readonly clustered?: 'CLUSTERED' | 'NONCLUSTERED';
  readonly columns: readonly IndexColumn[];
  readonly references?: ObjectName;
  readonly referencedColumns: readonly string[];
  /** ON DELETE / ON UPDATE actions: CASCADE, SET NULL, SET DEFAULT, NO ACTION. */
  readonly onDelete?: string;
  readonly onUpdate?: string;
  /** The condition of CHECK, the value of DEFAULT. */
  readonly expression?: Expression;
  /** ALTER TABLE ... ADD DEFAULT x FOR column */
  readonly forColumn?: string;
  readonly options: readonly OptionItem[];
  /** ON filegroup / partition scheme */
  readonly on?: string;
  /** NOT FOR REPLICATION: replication agents' writes skip the check. */
  readonly notForReplication: boolean;
}

export interface ColumnDefinition extends NodeBase {
  readonly kind: 'column-definition';
  readonly name: string;
  /** Absent for computed columns. */
  readonly type?: DataType;
  /** `name AS expression`: a computed column. */
  readonly computed?: Expression;
  readonly persisted: boolean;
  readonly collation?: string;
  /** true for NULL, false for NOT NULL, undefined when not written (the session default applies). */
  readonly nullable?: boolean;
  readonly identity?: IdentitySpec;
  readonly default?: Constraint;
  readonly constraints: readonly Constraint[];
  /** ROWGUIDCOL, SPARSE, FILESTREAM, NOT FOR REPLICATION, HIDDEN, GENERATED ALWAYS AS ROW START, MASKED WITH (...) ... */
  readonly attributes: readonly string[];
}

/** INDEX name [CLUSTERED|NONCLUSTERED] (cols) inside a table definition. */
export interface TableIndex extends NodeBase {
  readonly kind: 'table-index';
  readonly name: string;
  readonly unique: boolean;
  readonly clustered?: 'CLUSTERED' | 'NONCLUSTERED';
  readonly columnstore: boolean;
  readonly columns: readonly IndexColumn[];
  readonly include: readonly string[];
  readonly where?: Expression;
  readonly options: readonly OptionItem[];
}

/** PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo) of a temporal table. */
export interface PeriodForSystemTime extends NodeBase {
  readonly kind: 'period-for-system-time';
  readonly startColumn: string;
  readonly endColumn: string;
}

export type TableElement = ColumnDefinition | Constraint | TableIndex | PeriodForSystemTime;

export interface CreateTableStatement extends NodeBase {
  readonly kind: 'create-table';
  /** CREATE EXTERNAL TABLE (PolyBase / Synapse). */
  readonly external: boolean;
  readonly name: ObjectName;
  readonly elements: readonly TableElement[];
  /** ON [PRIMARY], ON ps(col) */
  readonly on?: string;
  readonly textImageOn?: string;
  readonly options: readonly OptionItem[];
  /** CREATE TABLE ... AS SELECT (Synapse CTAS) */
  readonly asSelect?: Query;
  /** AS NODE / AS EDGE (graph tables) */
  readonly graphType?: 'NODE' | 'EDGE';
}

export interface AddTableElements extends NodeBase {
  readonly kind: 'add-elements';
  /** WITH CHECK / WITH NOCHECK: whether existing rows are validated against new constraints. */
  readonly check?: 'CHECK' | 'NOCHECK';
  readonly elements: readonly TableElement[];
}

export interface AlterColumn extends NodeBase {
  readonly kind: 'alter-column';
  readonly column: ColumnDefinition;
}

export interface DropTableElement extends NodeBase {
  readonly kind: 'drop-element';
  readonly type: 'COLUMN' | 'CONSTRAINT' | 'INDEX' | 'PERIOD FOR SYSTEM_TIME';
  readonly ifExists: boolean;
  readonly name: string;
}

export interface DropTableElements extends NodeBase {
  readonly kind: 'drop-elements';
  readonly items: readonly DropTableElement[];
}

/** [WITH CHECK|NOCHECK] CHECK|NOCHECK CONSTRAINT {ALL | names} */
export interface CheckConstraints extends NodeBase {
  readonly kind: 'check-constraints';
  readonly enable: boolean;
  /** Empty for ALL. */
  readonly names: readonly string[];
}

/** ENABLE|DISABLE TRIGGER {ALL | names} */
export interface ToggleTriggers extends NodeBase {
  readonly kind: 'toggle-triggers';
  readonly enable: boolean;
  readonly names: readonly string[];
}

export interface SetTableOptions extends NodeBase {
  readonly kind: 'set-table-options';
  readonly options: readonly OptionItem[];
}

/** SWITCH, REBUILD and the rarer ALTER TABLE actions, kept as text. */
export interface OtherTableAction extends NodeBase {
  readonly kind: 'other-table-action';
  readonly action: string;
  readonly text: string;
}

export type AlterTableAction =
  | AddTableElements
  | AlterColumn
  | DropTableElements
  | CheckConstraints
  | ToggleTriggers
  | SetTableOptions
  | OtherTableAction;

export interface AlterTableStatement extends NodeBase {
  readonly kind: 'alter-table';
  readonly table: ObjectName;
  readonly action: AlterTableAction;
}

export interface CreateViewStatement extends NodeBase {
  readonly kind: 'create-view';
  readonly mode: CreateMode;
  readonly name: ObjectName;
  readonly columns: readonly string[];
  /** SCHEMABINDING, ENCRYPTION, VIEW_METADATA */
  readonly options: readonly string[];
  readonly query: Query;
  readonly checkOption: boolean;
}

export interface Parameter extends NodeBase {
  readonly kind: 'parameter';
  readonly name: string;
  readonly type: DataType;
  /** CURSOR VARYING output parameters */
  readonly varying: boolean;
  readonly nullable?: boolean;
  readonly default?: Expression;
  readonly output: boolean;
  /** Table-valued parameters must be READONLY. */
  readonly readonly: boolean;
}

export interface CreateProcedureStatement extends NodeBase {
  readonly kind: 'create-procedure';
  readonly mode: CreateMode;
  readonly name: ObjectName;
  /** The ;n of numbered procedures (deprecated). */
  readonly number?: string;
  readonly parameters: readonly Parameter[];
  /** RECOMPILE, ENCRYPTION, EXECUTE AS OWNER, NATIVE_COMPILATION, SCHEMABINDING */
  readonly options: readonly string[];
  readonly forReplication: boolean;
  /** The body runs to the end of the batch, whether or not it is wrapped in BEGIN ... END. */
  readonly body: readonly Statement[];
  /** EXTERNAL NAME assembly.class.method for CLR procedures */
  readonly externalName?: string;
}

export interface ReturnsScalar extends NodeBase {
  readonly kind: 'returns-scalar';
  readonly type: DataType;
}

/** RETURNS TABLE: an inline table-valued function whose body is one RETURN (SELECT ...). */
export interface ReturnsTable extends NodeBase {
  readonly kind: 'returns-table';
}

/** RETURNS @t TABLE (...): a multi-statement table-valued function. */
export interface ReturnsTableVariable extends NodeBase {
  readonly kind: 'returns-table-variable';
  readonly variable: string;
  readonly elements: readonly TableElement[];
}

export interface CreateFunctionStatement extends NodeBase {
  readonly kind: 'create-function';
  readonly mode: CreateMode;
  readonly name: ObjectName;
  readonly parameters: readonly Parameter[];
  readonly returns: ReturnsScalar | ReturnsTable | ReturnsTableVariable;
  /** SCHEMABINDING, RETURNS NULL ON NULL INPUT, EXECUTE AS CALLER, INLINE = ON ... */
  readonly options: readonly string[];
  readonly body: readonly Statement[];
  readonly externalName?: string;
}

export interface CreateTriggerStatement extends NodeBase {
  readonly kind: 'create-trigger';
  readonly mode: CreateMode;
  readonly name: ObjectName;
  /** The table or view of a DML trigger. */
  readonly table?: ObjectName;
  /** DDL triggers: DATABASE or ALL SERVER. */
  readonly scope?: 'DATABASE' | 'ALL SERVER';
  readonly timing: 'FOR' | 'AFTER' | 'INSTEAD OF';
  /** INSERT, UPDATE, DELETE, or DDL event names. */
  readonly events: readonly string[];
  readonly options: readonly string[];
  readonly body: readonly Statement[];
}

export interface CreateIndexStatement extends NodeBase {
  readonly kind: 'create-index';
  readonly mode: 'CREATE' | 'ALTER';
  readonly name: string;
  readonly table: ObjectName;
  readonly unique: boolean;
  readonly clustered?: 'CLUSTERED' | 'NONCLUSTERED';
  /** COLUMNSTORE, XML, PRIMARY XML, SPATIAL */
  readonly indexType?: string;
  readonly columns: readonly IndexColumn[];
  readonly include: readonly string[];
  readonly where?: Expression;
  readonly options: readonly OptionItem[];
  readonly on?: string;
}

/** ALTER INDEX {name | ALL} ON table REBUILD | REORGANIZE | DISABLE | SET (...) */
export interface AlterIndexStatement extends NodeBase {
  readonly kind: 'alter-index';
  /** undefined for ALL */
  readonly name?: string;
  readonly table: ObjectName;
  readonly action: string;
  readonly options: readonly OptionItem[];
}

export interface CreateSchemaStatement extends NodeBase {
  readonly kind: 'create-schema';
  readonly name: string;
  readonly authorization?: string;
}

export interface CreateSynonymStatement extends NodeBase {
  readonly kind: 'create-synonym';
  readonly name: ObjectName;
  readonly target: ObjectName;
}

/** CREATE TYPE name FROM base_type | AS TABLE (...) */
export interface CreateTypeStatement extends NodeBase {
  readonly kind: 'create-type';
  readonly name: ObjectName;
  readonly baseType?: DataType;
  readonly nullable?: boolean;
  readonly elements: readonly TableElement[];
  readonly options: readonly OptionItem[];
}

export interface CreateSequenceStatement extends NodeBase {
  readonly kind: 'create-sequence';
  readonly mode: 'CREATE' | 'ALTER';
  readonly name: ObjectName;
  readonly type?: DataType;
  /** START WITH, INCREMENT BY, MINVALUE, MAXVALUE, CYCLE, CACHE ... as options. */
  readonly options: readonly OptionItem[];
}

/** CREATE/UPDATE STATISTICS */
export interface StatisticsStatement extends NodeBase {
  readonly kind: 'statistics';
  readonly action: 'CREATE' | 'UPDATE' | 'DROP';
  readonly table: ObjectName;
  readonly name?: string;
  readonly columns: readonly string[];
  readonly options: readonly OptionItem[];
}

export interface DropStatement extends NodeBase {
  readonly kind: 'drop';
  /** TABLE, VIEW, PROCEDURE, FUNCTION, TRIGGER, INDEX, SCHEMA, SYNONYM, SEQUENCE, TYPE, ... */
  readonly objectType: string;
  readonly ifExists: boolean;
  readonly names: readonly ObjectName[];
  /** DROP INDEX ix ON table; DROP TRIGGER t ON DATABASE uses the name DATABASE. */
  readonly on?: ObjectName;
}

/**
 * DDL that lakeshift records but never translates (logins, users, roles, partition functions,
 * credentials, external data sources, ALTER DATABASE, ...): the kind of object and its name.
 */
export interface OtherDdlStatement extends NodeBase {
  readonly kind: 'other-ddl';
  readonly action: 'CREATE' | 'ALTER' | 'DROP' | 'CREATE OR ALTER';
  /** Upper-cased object type: SEQUENCE, ROLE, LOGIN, USER, PARTITION FUNCTION, EXTERNAL DATA SOURCE ... */
  readonly objectType: string;
  readonly name?: ObjectName;
}

/** GRANT, DENY, REVOKE */
export interface PermissionStatement extends NodeBase {
  readonly kind: 'permission';
  readonly action: 'GRANT' | 'DENY' | 'REVOKE';
  /** Upper-cased: SELECT, EXECUTE, VIEW DEFINITION, ... */
  readonly permissions: readonly string[];
  /** OBJECT, SCHEMA, DATABASE ... for `ON class::name`. */
  readonly securableClass?: string;
  readonly securable?: ObjectName;
  readonly principals: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Procedural statements
// ---------------------------------------------------------------------------------------------

export interface VariableDeclaration extends NodeBase {
  readonly kind: 'variable-declaration';
  readonly name: string;
  readonly type: DataType;
  readonly value?: Expression;
}

export interface TableVariableDeclaration extends NodeBase {
  readonly kind: 'table-variable-declaration';
  readonly name: string;
  readonly elements: readonly TableElement[];
}

export interface DeclareStatement extends NodeBase {
  readonly kind: 'declare';
  readonly variables: readonly (VariableDeclaration | TableVariableDeclaration)[];
}

export interface CursorDefinition extends NodeBase {
  readonly kind: 'cursor-definition';
  /** LOCAL, GLOBAL, FORWARD_ONLY, SCROLL, STATIC, KEYSET, DYNAMIC, FAST_FORWARD, READ_ONLY, INSENSITIVE ... */
  readonly options: readonly string[];
  readonly query: Query;
  /** FOR READ ONLY */
  readonly readOnly: boolean;
  /** FOR UPDATE [OF columns]: undefined without FOR UPDATE, empty for all columns. */
  readonly updateColumns?: readonly string[];
}

export interface DeclareCursorStatement extends NodeBase {
  readonly kind: 'declare-cursor';
  readonly name: string;
  readonly cursor: CursorDefinition;
}

export interface SetVariableStatement extends NodeBase {
  readonly kind: 'set-variable';
  readonly variable: VariableRef;
  readonly operator: AssignmentOperator;
  /** SET @c = CURSOR FOR ... assigns a cursor definition. */
  readonly value: Expression | CursorDefinition;
}

/** SET @x.modify('...'): a mutator method on a variable. */
export interface SetMutatorStatement extends NodeBase {
  readonly kind: 'set-mutator';
  readonly call: MethodCall;
}

/**
 * SET NOCOUNT ON, SET ANSI_NULLS, QUOTED_IDENTIFIER ON, SET TRANSACTION ISOLATION LEVEL ...,
 * SET IDENTITY_INSERT t ON, SET DATEFIRST 1, SET ROWCOUNT @n.
 */
export interface SetOptionStatement extends NodeBase {
  readonly kind: 'set-option';
  /** Upper-cased option names: NOCOUNT, TRANSACTION ISOLATION LEVEL, STATISTICS IO ... */
  readonly options: readonly string[];
  /** ON, OFF, READ UNCOMMITTED, LOW ... upper-cased; or the text of a value expression. */
  readonly value: string;
  readonly valueExpression?: Expression;
  /** SET IDENTITY_INSERT table ON */
  readonly table?: ObjectName;
}

export interface IfStatement extends NodeBase {
  readonly kind: 'if';
  readonly condition: Expression;
  readonly then: Statement;
  readonly else?: Statement;
}

export interface WhileStatement extends NodeBase {
  readonly kind: 'while';
  readonly condition: Expression;
  readonly body: Statement;
}

/** BEGIN ... END (and BEGIN ATOMIC WITH (...) ... END in natively compiled modules). */
export interface BlockStatement extends NodeBase {
  readonly kind: 'block';
  readonly atomicOptions?: readonly OptionItem[];
  readonly statements: readonly Statement[];
}

export interface TryCatchStatement extends NodeBase {
  readonly kind: 'try-catch';
  readonly try: readonly Statement[];
  readonly catch: readonly Statement[];
}

export interface BreakStatement extends NodeBase {
  readonly kind: 'break';
}

export interface ContinueStatement extends NodeBase {
  readonly kind: 'continue';
}

export interface ReturnStatement extends NodeBase {
  readonly kind: 'return';
  /** A status code in procedures, the value of scalar functions, the query of inline functions. */
  readonly value?: Expression;
}

export interface GotoStatement extends NodeBase {
  readonly kind: 'goto';
  readonly label: string;
}

export interface LabelStatement extends NodeBase {
  readonly kind: 'label';
  readonly name: string;
}

export interface Argument extends NodeBase {
  readonly kind: 'argument';
  /** @param = value */
  readonly name?: string;
  readonly value: Expression;
  readonly output: boolean;
}

/** EXEC [@rc =] procedure args: also sp_executesql, whose first argument is dynamic SQL. */
export interface ExecuteStatement extends NodeBase {
  readonly kind: 'execute';
  readonly returnVariable?: VariableRef;
  /** A variable holds the name of the procedure to run. */
  readonly procedure: ObjectName | VariableRef;
  readonly arguments: readonly Argument[];
  /** RECOMPILE, RESULT SETS (...) */
  readonly options: readonly string[];
}

/** EXEC (@sql), EXEC ('...' + @x) [AS USER = '...'] [AT linked_server]: dynamic SQL. */
export interface ExecuteStringStatement extends NodeBase {
  readonly kind: 'execute-string';
  readonly parts: readonly Expression[];
  readonly as?: string;
  readonly at?: string;
}

/** EXECUTE AS USER = 'x' (a context switch until REVERT). */
export interface ExecuteAsStatement extends NodeBase {
  readonly kind: 'execute-as';
  readonly principalType: 'USER' | 'LOGIN' | 'CALLER' | 'OWNER' | 'SELF';
  readonly principal?: Expression;
  readonly options: readonly string[];
}

export interface RevertStatement extends NodeBase {
  readonly kind: 'revert';
}

export interface TransactionStatement extends NodeBase {
  readonly kind: 'transaction';
  readonly action: 'BEGIN' | 'BEGIN DISTRIBUTED' | 'COMMIT' | 'ROLLBACK' | 'SAVE';
  /** Transaction or savepoint name, or the variable that holds it. */
  readonly name?: string;
  readonly options: readonly OptionItem[];
}

/**
 * RAISERROR (message, severity, state [, args]) [WITH ...]. In the pre-2012 form
 * `RAISERROR 50001 'text'` the message is the text, severity and state are absent, and the
 * error number is the only argument.
 */
export interface RaiserrorStatement extends NodeBase {
  readonly kind: 'raiserror';
  /** A message id, a message string or a variable. */
  readonly message: Expression;
  readonly severity?: Expression;
  readonly state?: Expression;
  readonly arguments: readonly Expression[];
  /** NOWAIT, LOG, SETERROR */
  readonly options: readonly string[];
}

export interface ThrowStatement extends NodeBase {
  readonly kind: 'throw';
  /** All three or none: THROW alone re-raises the caught error. */
  readonly number?: Expression;
  readonly message?: Expression;
  readonly state?: Expression;
}

export interface PrintStatement extends NodeBase {
  readonly kind: 'print';
  readonly value: Expression;
}

export interface WaitforStatement extends NodeBase {
  readonly kind: 'waitfor';
  readonly mode: 'DELAY' | 'TIME';
  readonly value: Expression;
}

export interface CursorStatement extends NodeBase {
  readonly kind: 'cursor-statement';
  readonly action: 'OPEN' | 'CLOSE' | 'DEALLOCATE';
  /** A cursor name or a cursor variable (@c). */
  readonly cursor: string;
  readonly global: boolean;
}

export interface FetchStatement extends NodeBase {
  readonly kind: 'fetch';
  /** NEXT, PRIOR, FIRST, LAST, ABSOLUTE, RELATIVE */
  readonly orientation?: string;
  readonly offset?: Expression;
  readonly cursor: string;
  readonly global: boolean;
  readonly into: readonly VariableRef[];
}

export interface UseStatement extends NodeBase {
  readonly kind: 'use';
  readonly database: string;
}

/**
 * Statements outside the data language that lakeshift records but never translates: DBCC,
 * BACKUP, RESTORE, CHECKPOINT, KILL, RECONFIGURE, SHUTDOWN, BEGIN DIALOG, SEND, RECEIVE ...
 */
export interface UtilityStatement extends NodeBase {
  readonly kind: 'utility';
  /** Upper-cased leading keywords: DBCC CHECKDB, BACKUP DATABASE, RECONFIGURE ... */
  readonly command: string;
}

/** A sqlcmd directive line (:setvar, :r, :on error ...), not T-SQL. */
export interface SqlcmdCommandStatement extends NodeBase {
  readonly kind: 'sqlcmd-command';
  /** Lower-cased directive: setvar, r, on ... */
  readonly command: string;
  readonly argument: string;
}

/** A statement that could not be parsed, kept verbatim. A diagnostic says why. */
export interface RawStatement extends NodeBase {
  readonly kind: 'raw';
  readonly text: string;
}

export type Statement =
  | SelectStatement
  | InsertStatement
  | UpdateStatement
  | DeleteStatement
  | MergeStatement
  | TruncateStatement
  | BulkInsertStatement
  | CopyIntoStatement
  | CreateTableStatement
  | AlterTableStatement
  | CreateViewStatement
  | CreateProcedureStatement
  | CreateFunctionStatement
  | CreateTriggerStatement
  | CreateIndexStatement
  | AlterIndexStatement
  | CreateSchemaStatement
  | CreateSynonymStatement
  | CreateTypeStatement
  | CreateSequenceStatement
  | StatisticsStatement
  | DropStatement
  | OtherDdlStatement
  | PermissionStatement
  | DeclareStatement
  | DeclareCursorStatement
  | SetVariableStatement
  | SetMutatorStatement
  | SetOptionStatement
  | IfStatement
  | WhileStatement
  | BlockStatement
  | TryCatchStatement
  | BreakStatement
  | ContinueStatement
  | ReturnStatement
  | GotoStatement
  | LabelStatement
  | ExecuteStatement
  | ExecuteStringStatement
  | ExecuteAsStatement
  | RevertStatement
  | TransactionStatement
  | RaiserrorStatement
  | ThrowStatement
  | PrintStatement
  | WaitforStatement
  | CursorStatement
  | FetchStatement
  | UseStatement
  | UtilityStatement
  | SqlcmdCommandStatement
  | RawStatement;

/**
 * Every statement kind, so that code which must treat all of them (coverage counting, the
 * dumper) fails to compile when a kind is added without being listed.
 */
export const STATEMENT_KINDS: { readonly [K in Statement['kind']]: true } = {
  'select-statement': true,
  insert: true,
  update: true,
  delete: true,
  merge: true,
  'truncate-table': true,
  'bulk-insert': true,
  'copy-into': true,
  'create-table': true,
  'alter-table': true,
  'create-view': true,
  'create-procedure': true,
  'create-function': true,
  'create-trigger': true,
  'create-index': true,
  'alter-index': true,
  'create-schema': true,
  'create-synonym': true,
  'create-type': true,
  'create-sequence': true,
  statistics: true,
  drop: true,
  'other-ddl': true,
  permission: true,
  declare: true,
  'declare-cursor': true,
  'set-variable': true,
  'set-mutator': true,
  'set-option': true,
  if: true,
  while: true,
  block: true,
  'try-catch': true,
  break: true,
  continue: true,
  return: true,
  goto: true,
  label: true,
  execute: true,
  'execute-string': true,
  'execute-as': true,
  revert: true,
  transaction: true,
  raiserror: true,
  throw: true,
  print: true,
  waitfor: true,
  'cursor-statement': true,
  fetch: true,
  use: true,
  utility: true,
  'sqlcmd-command': true,
  raw: true,
};

const STATEMENT_KIND_SET: ReadonlySet<string> = new Set(Object.keys(STATEMENT_KINDS));

export function isStatement(node: AstNode): node is Statement {
  return STATEMENT_KIND_SET.has(node.kind);
}

// ---------------------------------------------------------------------------------------------
// Script
// ---------------------------------------------------------------------------------------------

export interface GoSeparator extends NodeBase {
  readonly kind: 'go';
  readonly count: number;
}

export interface BatchNode extends NodeBase {
  readonly kind: 'batch';
  readonly statements: readonly Statement[];
  /** The GO line that ends the batch; absent for the last batch of a file without one. */
  readonly go?: GoSeparator;
}

export interface Script extends NodeBase {
  readonly kind: 'script';
  readonly batches: readonly BatchNode[];
}

export type AstNode =
  | Script
  | BatchNode
  | GoSeparator
  | Statement
  | Expression
  | ObjectName
  | DataType
  | OptionItem
  | CaseWhen
  | FrameBound
  | WindowFrame
  | WindowSpec
  | CommonTableExpression
  | XmlNamespace
  | WithClause
  | Top
  | SelectColumn
  | SelectAssignment
  | OrderByItem
  | GroupingSet
  | GroupBy
  | NamedWindow
  | Select
  | SetOperation
  | ValuesRow
  | Values
  | ForOption
  | ForClause
  | Query
  | SystemTime
  | TableRef
  | DerivedTable
  | SchemaColumn
  | TableFunction
  | TableVariable
  | Join
  | Pivot
  | Unpivot
  | OutputClause
  | Assignment
  | MutatorCall
  | DefaultValues
  | MergeUpdate
  | MergeDelete
  | MergeInsert
  | MergeWhen
  | IndexColumn
  | IdentitySpec
  | Constraint
  | ColumnDefinition
  | TableIndex
  | PeriodForSystemTime
  | AddTableElements
  | AlterColumn
  | DropTableElement
  | DropTableElements
  | CheckConstraints
  | ToggleTriggers
  | SetTableOptions
  | OtherTableAction
  | Parameter
  | ReturnsScalar
  | ReturnsTable
  | ReturnsTableVariable
  | VariableDeclaration
  | TableVariableDeclaration
  | CursorDefinition
  | Argument;

export type AstKind = AstNode['kind'];

/**
 * The inventory's object model (DESIGN.md section 6): every piece of the legacy estate, from a
 * stored procedure in a live catalog to a SQL string inside a Python script, as one shape.
 */

export const LEGACY_OBJECT_KINDS = [
  'procedure',
  'view',
  'function',
  'trigger',
  'table',
  'synonym',
  'job',
  'sql-file',
  'embedded-sql',
  'pandas-script',
  'python-script',
  'notebook',
  'generated-sql',
] as const;

export type LegacyObjectKind = (typeof LEGACY_OBJECT_KINDS)[number];

/** Where an object came from: a catalog (live or scripted), a repo, or a generator. */
export interface ObjectOrigin {
  readonly type: 'catalog' | 'repo' | 'generator';
  /** The catalog's, repo's or generator's name in lakeshift.yaml. */
  readonly name: string;
}

export type ReferenceUse = 'reads' | 'writes' | 'executes' | 'calls';

/**
 * A name the object uses, as written, brackets removed: `dw.daily_sales_summary`,
 * `ShellCorp.sales.orders`, `etl.usp_write_run_log`. Resolution to other objects happens later,
 * with the whole inventory at hand.
 */
export interface ObjectReference {
  readonly name: string;
  readonly use: ReferenceUse;
}

/** Where in a source file the object's text starts (1-based), for messages. */
export interface SourceFile {
  readonly file: string;
  readonly line: number;
}

export interface TableColumn {
  readonly name: string;
  /** As SQL Server spells it: `decimal(12,2)`, `nvarchar(50)`, `int`. */
  readonly type: string;
  readonly nullable: boolean;
  readonly identity?: boolean;
  readonly computed?: string;
  readonly default?: string;
}

export interface JobStep {
  readonly id: number;
  readonly name: string;
  readonly subsystem: string;
  readonly database?: string;
  readonly command: string;
  /** Procedures the step's command runs. */
  readonly executes: readonly string[];
}

export interface JobSchedule {
  readonly name: string;
  readonly enabled: boolean;
  /** A readable description: "daily at 02:00", "weekly on Sunday at 06:30". */
  readonly description: string;
}

/** What a source knows besides the text; each field only where it applies. */
export interface ObjectDetails {
  /** For functions: scalar, inline or multi-statement table-valued. */
  readonly functionType?: 'scalar' | 'inline-table' | 'multi-statement-table' | 'clr';
  readonly columns?: readonly TableColumn[];
  readonly primaryKey?: readonly string[];
  /** Live catalog facts. */
  readonly created?: string;
  readonly modified?: string;
  readonly encrypted?: boolean;
  /** From sys.dm_exec_procedure_stats: since the plan was cached, so "0" means "not seen". */
  readonly executionCount?: number;
  readonly lastExecution?: string;
  readonly synonymFor?: string;
  readonly job?: {
    readonly enabled: boolean;
    readonly description?: string;
    readonly steps: readonly JobStep[];
    readonly schedules: readonly JobSchedule[];
  };
  /** Embedded SQL: where it sits in the host file, and whether it is built at run time. */
  readonly host?: { readonly file: string; readonly line: number; readonly call?: string };
  readonly dynamic?: boolean;
  /** pandas scripts: what they read and write besides SQL tables (files). */
  readonly readsFiles?: readonly string[];
  readonly writesFiles?: readonly string[];
}

export interface LegacyObject {
  /**
   * Stable from run to run and readable: the origin and the qualified name or path, e.g.
   * `catalog:warehouse/etl.usp_build_customer_churn`, `repo:analysts/sql/adhoc/top.sql`,
   * `embedded:analysts/python/reports/churn.py#2`, `job:warehouse/ShellCorp - Nightly ETL`,
   * `generated:dynamic-sql/kpi_basket_size.sql`.
   */
  readonly id: string;
  readonly kind: LegacyObjectKind;
  readonly origin: ObjectOrigin;
  /** `schema.name` (or `database.schema.name` in a catalog of several databases), or a path. */
  readonly name: string;
  /** Normalised text: UTF-8 with LF line endings. */
  readonly definition: string;
  readonly references: readonly ObjectReference[];
  readonly details: ObjectDetails;
  readonly source?: SourceFile;
}

/** A problem with one input that did not stop the inventory. */
export interface InventoryWarning {
  readonly code:
    | 'SOURCE_FAILED'
    | 'NOT_A_GIT_REPOSITORY'
    | 'FILE_UNREADABLE'
    | 'FILE_BINARY'
    | 'ENCODING_GUESSED'
    | 'DUPLICATE_OBJECT'
    | 'ENCRYPTED_MODULE'
    | 'GENERATOR_FAILED'
    | 'PARSE_PROBLEM'
    | 'SNAPSHOT_IGNORED';
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** The source (catalog, repo or generator) it concerns. */
  readonly origin?: ObjectOrigin;
}

/**
 * One configured source. It yields objects one by one so that a large estate never sits in
 * memory as a whole; a source that cannot be read at all throws (and the sync keeps what the
 * previous snapshot had from it).
 */
export interface InventorySource {
  readonly origin: ObjectOrigin;
  read(context: SourceContext): AsyncIterable<LegacyObject>;
}

export interface SourceContext {
  readonly warn: (warning: InventoryWarning) => void;
  /**
   * Says that part of the source could not be read this time (a database offline, msdb out
   * of reach): the sync keeps the previous snapshot's objects of this source whose name starts
   * with `namePrefix` ('' for all) and, when given, whose kind is one of `kinds`, instead of
   * taking them for deleted.
   */
  readonly keepPrevious?: (scope: UnreadScope) => void;
  /**
   * What the previous snapshot learnt about this object when its text has not changed since:
   * sources skip parsing it again. Undefined when there is nothing to reuse.
   */
  readonly reuse?: (id: string, definition: string) => Pick<LegacyObject, 'references' | 'details'> | undefined;
  readonly signal?: AbortSignal;
}

export interface UnreadScope {
  readonly namePrefix: string;
  readonly kinds?: readonly LegacyObjectKind[];
}

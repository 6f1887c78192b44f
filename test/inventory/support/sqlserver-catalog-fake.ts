import { FakeMssqlDriver, type FakeAnswer, type ServerError } from '../../engines/support/mssql-fake.js';
import { tdsColumn as col, tdsValue as val, type TediousMetadata } from '../../engines/support/tds.js';

/**
 * A SQL Server as the live catalog source sees it: databases with their sys.objects,
 * sys.sql_modules, columns, keys and dependencies, procedure stats and msdb's SQL Agent tables.
 * It answers each catalog query (told apart by its `/* lakeshift:catalog-... *\/` marker, the
 * database by its `[name].sys.` prefix) with column metadata and values made by tedious' own
 * parsers from TDS bytes (../../engines/support/tds.ts), carried through the real mssql Request
 * (../../engines/support/mssql-fake.ts): the rows reach the catalog through the real
 * SqlServerEngine, exactly as a server's would. Rows come in the order the query's ORDER BY
 * asks for, as a server sends them.
 */

export interface FakeObject {
  readonly objectId: number;
  readonly schema: string;
  readonly name: string;
  /** sys.objects.type, without the trailing blank char(2) gives (the query RTRIMs it). */
  readonly type: string;
  readonly created?: string;
  readonly modified?: string;
  /** sys.sql_modules.definition; null for a module whose text the server does not give out. */
  readonly definition?: string | null;
  /** sys.syscomments.encrypted. */
  readonly encrypted?: boolean;
  /** sys.sql_modules.uses_ansi_nulls and uses_quoted_identifier: the settings at CREATE (ON unless given). */
  readonly ansiNulls?: boolean;
  readonly quotedIdentifier?: boolean;
  readonly baseObjectName?: string;
  readonly assembly?: { readonly name: string; readonly className: string; readonly method: string };
}

export interface FakeColumn {
  readonly objectId: number;
  readonly columnId: number;
  readonly name: string;
  readonly typeName: string;
  readonly typeSchema?: string;
  readonly userDefined?: boolean;
  /** Bytes, -1 for max (sys.columns.max_length). */
  readonly maxLength: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly nullable: boolean;
  readonly identity?: { readonly seed: string; readonly increment: string };
  readonly computed?: { readonly definition: string; readonly persisted: boolean };
  readonly default?: { readonly name: string; readonly definition: string; readonly systemNamed: boolean };
}

export interface FakeKeyColumn {
  readonly objectId: number;
  readonly constraint: string;
  readonly type: 'PK' | 'UQ';
  readonly systemNamed?: boolean;
  readonly clustered: boolean;
  readonly column: string;
  readonly ordinal: number;
  readonly descending?: boolean;
}

export interface FakeDependency {
  readonly referencingId: number;
  readonly server?: string;
  readonly database?: string;
  readonly schema?: string;
  readonly entity: string;
  readonly referencedId?: number;
  /** The referenced object's sys.objects.type, when SQL Server resolved it in this database. */
  readonly referencedType?: string;
}

export type CatalogMarker =
  | 'catalog-databases'
  | 'catalog-activity'
  | 'catalog-columns'
  | 'catalog-keys'
  | 'catalog-dependencies'
  | 'catalog-modules'
  | 'catalog-jobs'
  | 'catalog-job-steps'
  | 'catalog-job-schedules';

export interface FakeDatabase {
  readonly name: string;
  readonly id: number;
  readonly state?: string;
  /** HAS_DBACCESS; null when SQL Server cannot tell. */
  readonly access?: boolean | null;
  readonly current?: boolean;
  /** Not listed in sys.databases (the login lacks VIEW ANY DATABASE), though it can be read. */
  readonly hidden?: boolean;
  readonly objects?: readonly FakeObject[];
  readonly columns?: readonly FakeColumn[];
  readonly keys?: readonly FakeKeyColumn[];
  readonly dependencies?: readonly FakeDependency[];
  /** What the server answers instead of rows, per query. */
  readonly errors?: Partial<Record<CatalogMarker, FakeAnswer>>;
}

export interface FakeJobStep {
  readonly id: number;
  readonly name: string;
  readonly subsystem: string;
  readonly database?: string;
  readonly command: string;
}

export interface FakeSchedule {
  readonly id: number;
  readonly name: string;
  readonly enabled: boolean;
  readonly freqType: number;
  readonly freqInterval: number;
  readonly freqSubdayType: number;
  readonly freqSubdayInterval: number;
  readonly freqRelativeInterval?: number;
  readonly freqRecurrenceFactor?: number;
  readonly activeStartDate?: number;
  readonly activeEndDate?: number;
  readonly activeStartTime: number;
  readonly activeEndTime?: number;
}

export interface FakeJob {
  readonly jobId: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly description?: string;
  readonly created?: string;
  readonly modified?: string;
  readonly steps: readonly FakeJobStep[];
  readonly schedules: readonly FakeSchedule[];
}

export interface FakeProcedureStats {
  readonly databaseId: number;
  readonly objectId: number;
  readonly executionCount: bigint;
  readonly lastExecution: string;
}

export interface FakeCatalogServer {
  readonly databases: readonly FakeDatabase[];
  /** Rows of sys.dm_exec_procedure_stats, already grouped per procedure. */
  readonly activity?: readonly FakeProcedureStats[];
  readonly jobs?: readonly FakeJob[];
  /** What the server answers instead of rows, for server-level queries. */
  readonly errors?: Partial<Record<CatalogMarker, FakeAnswer>>;
}

/** SQL Server's errors as tedious reports them (number, class, message of sys.messages). */
export const serverErrors = {
  viewServerState: (): ServerError => ({
    number: 300,
    class: 14,
    message: "VIEW SERVER STATE permission was denied on object 'server', database 'master'.",
  }),
  noPermission: (): ServerError => ({ number: 297, class: 16, message: 'The user does not have permission to perform this action.' }),
  selectDenied: (object: string, database: string): ServerError => ({
    number: 229,
    class: 14,
    message: `The SELECT permission was denied on the object '${object}', database '${database}', schema 'dbo'.`,
  }),
  cannotAccess: (login: string, database: string): ServerError => ({
    number: 916,
    class: 14,
    message: `The server principal "${login}" is not able to access the database "${database}" under the current security context.`,
  }),
  offline: (database: string): ServerError => ({ number: 942, class: 14, message: `Database '${database}' cannot be opened because it is offline.` }),
  invalidObject: (name: string): ServerError => ({ number: 208, class: 16, message: `Invalid object name '${name}'.` }),
};

/** Code-point order, as ORDER BY ... COLLATE Latin1_General_BIN2 sorts nvarchar. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const MARKER = /\/\* lakeshift:(catalog-[a-z-]+) \*\//;
const DATABASE_PREFIX = /\[((?:[^\]]|\]\])+)\]\.sys\./;

export function catalogMarker(sql: string): CatalogMarker | undefined {
  return MARKER.exec(sql)?.[1] as CatalogMarker | undefined;
}

/** The database a per-database query reads, from its `[name].sys.` prefix. */
export function queriedDatabase(sql: string): string | undefined {
  const match = DATABASE_PREFIX.exec(sql);
  return match === null ? undefined : match[1]!.replace(/]]/g, ']');
}

/** A driver whose server is `model`; its FakeServer records every statement sent. */
export function fakeCatalogDriver(model: FakeCatalogServer): FakeMssqlDriver {
  return new FakeMssqlDriver((sql) => answer(model, sql));
}

function answer(model: FakeCatalogServer, sql: string): FakeAnswer {
  const marker = catalogMarker(sql);
  if (marker === undefined) return { errors: [{ number: 102, class: 15, message: 'Incorrect syntax (the fake catalog server knows only catalog queries).' }] };
  const serverError = model.errors?.[marker];
  if (serverError !== undefined) return serverError;
  switch (marker) {
    case 'catalog-databases':
      return databases(model);
    case 'catalog-activity':
      return activity(model, sql);
    case 'catalog-jobs':
      return jobs(model);
    case 'catalog-job-steps':
      return jobSteps(model);
    case 'catalog-job-schedules':
      return jobSchedules(model);
    default: {
      const name = queriedDatabase(sql);
      const database = model.databases.find((candidate) => candidate.name.toLowerCase() === name?.toLowerCase());
      if (database === undefined) return { errors: [serverErrors.invalidObject(`${name ?? '?'}.sys.objects`)] };
      const rows = databaseAnswer(database, marker);
      const databaseError = database.errors?.[marker];
      if (databaseError === undefined) return rows;
      // An error after some rows: the rows first, then the error, as a server sends them.
      return databaseError.errorAfterRows === undefined ? databaseError : { ...rows, ...databaseError };
    }
  }
}

function databaseAnswer(database: FakeDatabase, marker: CatalogMarker): FakeAnswer {
  switch (marker) {
    case 'catalog-columns':
      return columns(database);
    case 'catalog-keys':
      return keys(database);
    case 'catalog-dependencies':
      return dependencies(database);
    case 'catalog-modules':
      return modules(database);
    default:
      throw new Error(`unexpected marker ${marker}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Cells: a value as tedious' readValue makes it from the column's TDS bytes.

type Cell = string | number | bigint | boolean | null | undefined;

function cell(metadata: TediousMetadata, value: Cell): unknown {
  const type = metadata.type.name;
  // (max) types come as PLP streams, which tedious' row parser decodes to a string (tds.ts, plpValue).
  if (metadata.dataLength === 0xffff && type === 'NVarChar') return value === null || value === undefined ? null : Buffer.from(String(value), 'ucs2').toString('ucs2');
  if (value === null || value === undefined) return val.null(metadata);
  switch (type) {
    case 'Int':
    case 'IntN':
      return val.int(metadata, value as number | bigint);
    case 'BitN':
      return val.bit(metadata, Boolean(value));
    case 'NVarChar':
      return val.nvarchar(metadata, String(value));
    case 'VarChar':
      return val.varchar(metadata, String(value));
    case 'DateTimeN':
      return val.datetime(metadata, String(value));
    case 'UniqueIdentifier':
      return val.uniqueidentifier(metadata, String(value));
    default:
      throw new Error(`no cell for ${type}`);
  }
}

function table(columns: readonly TediousMetadata[], rows: ReadonlyArray<readonly Cell[]>): FakeAnswer {
  return { columns, rows: rows.map((row) => row.map((value, index) => cell(columns[index]!, value))), rowsPerPacket: 3 };
}

const sysname = (name: string) => col.nvarchar(name, 128);

// ---------------------------------------------------------------------------------------------

function databases(model: FakeCatalogServer): FakeAnswer {
  const columns = [sysname('name'), col.intNotNull('database_id'), col.nvarchar('state_desc', 60), col.int('has_access'), col.bit('is_current')];
  const visible = model.databases.filter((database) => database.hidden !== true).sort((a, b) => a.id - b.id);
  return table(
    columns,
    visible.map((database) => [
      database.name,
      database.id,
      database.state ?? 'ONLINE',
      database.access === null ? null : database.access === false ? 0 : 1,
      database.current === true,
    ]),
  );
}

function activity(model: FakeCatalogServer, sql: string): FakeAnswer {
  const ids = new Set((/IN \(([\d, ]+)\)/.exec(sql)?.[1] ?? '').split(',').map((id) => Number(id.trim())));
  const columns = [col.intNotNull('database_id'), col.intNotNull('object_id'), col.bigint('execution_count'), col.datetime('last_execution_time')];
  return table(
    columns,
    (model.activity ?? []).filter((stats) => ids.has(stats.databaseId)).map((stats) => [stats.databaseId, stats.objectId, stats.executionCount, stats.lastExecution]),
  );
}

function columns(database: FakeDatabase): FakeAnswer {
  const metadata = [
    col.intNotNull('object_id'),
    col.intNotNull('column_id'),
    sysname('column_name'),
    sysname('type_name'),
    sysname('type_schema'),
    col.bit('is_user_defined'),
    col.smallint('max_length'),
    col.tinyint('precision'),
    col.tinyint('scale'),
    col.bit('is_nullable'),
    col.bit('is_identity'),
    col.nvarchar('identity_seed', 40),
    col.nvarchar('identity_increment', 40),
    col.nvarchar('computed_definition', 'max'),
    col.bit('is_persisted'),
    sysname('default_name'),
    col.nvarchar('default_definition', 'max'),
    col.bit('default_is_system_named'),
  ];
  const rows = [...(database.columns ?? [])]
    .sort((a, b) => a.objectId - b.objectId || a.columnId - b.columnId)
    .map((column) => [
      column.objectId,
      column.columnId,
      column.name,
      column.typeName,
      column.typeSchema ?? 'sys',
      column.userDefined === true,
      column.maxLength,
      column.precision ?? 0,
      column.scale ?? 0,
      column.nullable,
      column.identity !== undefined,
      column.identity?.seed ?? null,
      column.identity?.increment ?? null,
      column.computed?.definition ?? null,
      column.computed === undefined ? null : column.computed.persisted,
      column.default?.name ?? null,
      column.default?.definition ?? null,
      column.default === undefined ? null : column.default.systemNamed,
    ]);
  return table(metadata, rows);
}

function keys(database: FakeDatabase): FakeAnswer {
  const metadata = [
    col.intNotNull('object_id'),
    sysname('constraint_name'),
    col.varchar('constraint_type', 2),
    col.bit('is_system_named'),
    col.nvarchar('index_type', 60),
    sysname('column_name'),
    col.tinyint('key_ordinal'),
    col.bit('is_descending_key'),
  ];
  const rows = [...(database.keys ?? [])]
    .sort((a, b) => a.objectId - b.objectId || byCodePoint(a.constraint, b.constraint) || a.ordinal - b.ordinal)
    .map((key) => [key.objectId, key.constraint, key.type, key.systemNamed === true, key.clustered ? 'CLUSTERED' : 'NONCLUSTERED', key.column, key.ordinal, key.descending === true]);
  return table(metadata, rows);
}

function dependencies(database: FakeDatabase): FakeAnswer {
  const metadata = [
    col.intNotNull('referencing_id'),
    sysname('referenced_server_name'),
    sysname('referenced_database_name'),
    sysname('referenced_schema_name'),
    sysname('referenced_entity_name'),
    col.int('referenced_id'),
    col.varchar('referenced_type', 2),
  ];
  const rows = [...(database.dependencies ?? [])]
    .sort((a, b) => a.referencingId - b.referencingId)
    .map((dependency) => [
      dependency.referencingId,
      dependency.server ?? null,
      dependency.database ?? null,
      dependency.schema ?? null,
      dependency.entity,
      dependency.referencedId ?? null,
      dependency.referencedType ?? null,
    ]);
  return table(metadata, rows);
}

const MODULE_TYPES = new Set(['P', 'V', 'FN', 'IF', 'TF', 'TR']);

function modules(database: FakeDatabase): FakeAnswer {
  const metadata = [
    sysname('schema_name'),
    sysname('object_name'),
    col.intNotNull('object_id'),
    col.varchar('object_type', 2),
    col.datetime('create_date'),
    col.datetime('modify_date'),
    col.nvarchar('definition', 'max'),
    col.bit('uses_ansi_nulls'),
    col.bit('uses_quoted_identifier'),
    col.bit('is_encrypted'),
    col.nvarchar('base_object_name', 1035),
    sysname('assembly_name'),
    sysname('assembly_class'),
    sysname('assembly_method'),
  ];
  const rows = [...(database.objects ?? [])]
    .sort((a, b) => byCodePoint(a.schema, b.schema) || byCodePoint(a.name, b.name))
    .map((object) => {
      const module = MODULE_TYPES.has(object.type);
      const definition = module ? (object.definition ?? null) : null;
      return [
        object.schema,
        object.name,
        object.objectId,
        object.type,
        object.created ?? '2020-01-01 00:00:00',
        object.modified ?? object.created ?? '2020-01-01 00:00:00',
        definition,
        // NULL outside sys.sql_modules (tables, synonyms): the LEFT JOIN finds no row
        module ? (object.ansiNulls ?? true) : null,
        module ? (object.quotedIdentifier ?? true) : null,
        module && definition === null && object.encrypted === true,
        object.baseObjectName ?? null,
        object.assembly?.name ?? null,
        object.assembly?.className ?? null,
        object.assembly?.method ?? null,
      ];
    });
  return table(metadata, rows);
}

function jobs(model: FakeCatalogServer): FakeAnswer {
  const metadata = [
    col.uniqueidentifier('job_id'),
    sysname('name'),
    col.tinyint('enabled'),
    col.nvarchar('description', 512),
    col.datetime('date_created'),
    col.datetime('date_modified'),
  ];
  const rows = [...(model.jobs ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((job) => [job.jobId, job.name, job.enabled ? 1 : 0, job.description ?? null, job.created ?? '2021-06-01 09:00:00', job.modified ?? job.created ?? '2021-06-01 09:00:00']);
  return table(metadata, rows);
}

function jobSteps(model: FakeCatalogServer): FakeAnswer {
  const metadata = [col.uniqueidentifier('job_id'), col.intNotNull('step_id'), sysname('step_name'), col.nvarchar('subsystem', 40), sysname('database_name'), col.nvarchar('command', 'max')];
  const rows = (model.jobs ?? []).flatMap((job) => [...job.steps].sort((a, b) => a.id - b.id).map((step) => [job.jobId, step.id, step.name, step.subsystem, step.database ?? null, step.command]));
  return table(metadata, rows);
}

function jobSchedules(model: FakeCatalogServer): FakeAnswer {
  const metadata = [
    col.uniqueidentifier('job_id'),
    col.intNotNull('schedule_id'),
    sysname('schedule_name'),
    col.intNotNull('enabled'),
    col.intNotNull('freq_type'),
    col.intNotNull('freq_interval'),
    col.intNotNull('freq_subday_type'),
    col.intNotNull('freq_subday_interval'),
    col.intNotNull('freq_relative_interval'),
    col.intNotNull('freq_recurrence_factor'),
    col.intNotNull('active_start_date'),
    col.intNotNull('active_end_date'),
    col.intNotNull('active_start_time'),
    col.intNotNull('active_end_time'),
  ];
  const rows = (model.jobs ?? []).flatMap((job) =>
    job.schedules.map((schedule) => [
      job.jobId,
      schedule.id,
      schedule.name,
      schedule.enabled ? 1 : 0,
      schedule.freqType,
      schedule.freqInterval,
      schedule.freqSubdayType,
      schedule.freqSubdayInterval,
      schedule.freqRelativeInterval ?? 0,
      schedule.freqRecurrenceFactor ?? 0,
      schedule.activeStartDate ?? 20200101,
      schedule.activeEndDate ?? 99991231,
      schedule.activeStartTime,
      schedule.activeEndTime ?? 235959,
    ]),
  );
  return table(metadata, rows);
}

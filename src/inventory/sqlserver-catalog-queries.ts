import type { Value } from '../engines/engine.js';
import { toNumber } from '../engines/engine.js';

/**
 * The catalog reads of SqlServerCatalog (sqlserver-catalog.ts): one SELECT each, tagged with a
 * leading `/* lakeshift:catalog-<what> *\/` comment so that logs, traces and tests can tell
 * them apart. Only SELECT/WITH reach the server (the engine's read-only guard refuses
 * anything else), so a database is not chosen with USE: every view is named with three parts,
 * `[database].sys.objects`, the database name quoted by quoteName. Names from lakeshift.yaml
 * are never spliced into SQL any other way.
 */

export const CATALOG_QUERY_MARKERS = [
  'catalog-databases',
  'catalog-activity',
  'catalog-columns',
  'catalog-keys',
  'catalog-dependencies',
  'catalog-modules',
  'catalog-jobs',
  'catalog-job-steps',
  'catalog-job-schedules',
] as const;

export type CatalogQueryMarker = (typeof CATALOG_QUERY_MARKERS)[number];

const marker = (what: CatalogQueryMarker) => `/* lakeshift:${what} */`;

/** An identifier as T-SQL's QUOTENAME writes it: in brackets, a `]` inside doubled. */
export function quoteName(identifier: string): string {
  return `[${identifier.replace(/]/g, ']]')}]`;
}

/**
 * SSMS marks the objects it creates for database diagrams (dbo.sysdiagrams, sp_creatediagram,
 * fn_diagramobjects, ...) with this extended property, and hides them as system objects,
 * though their is_ms_shipped is 0.
 */
const NOT_TOOLS_SUPPORT = (db: string, objectId: string) =>
  `NOT EXISTS (SELECT 1 FROM ${db}.sys.extended_properties AS ep WHERE ep.class = 1 AND ep.major_id = ${objectId} AND ep.minor_id = 0 AND ep.name = N'microsoft_database_tools_support')`;

/**
 * Every database on the server that this login can see (sys.databases shows the current one
 * always, others with VIEW ANY DATABASE, which public holds by default), with its state and
 * whether the login may enter it. Small, and free of names from the config.
 */
export function databasesQuery(): string {
  return `${marker('catalog-databases')}
SELECT d.name, d.database_id, d.state_desc, HAS_DBACCESS(d.name) AS has_access,
  CAST(CASE WHEN d.database_id = DB_ID() THEN 1 ELSE 0 END AS bit) AS is_current
FROM sys.databases AS d
ORDER BY d.database_id`;
}

/**
 * Procedure activity since each plan was cached, one row per procedure (a procedure can have
 * several cached plans). Needs VIEW SERVER STATE (VIEW SERVER PERFORMANCE STATE from SQL
 * Server 2022). Database ids are integers read from sys.databases, never config text.
 */
export function activityQuery(databaseIds: readonly number[]): string {
  const ids = databaseIds.map((id) => {
    if (!Number.isSafeInteger(id)) throw new TypeError(`not a database id: ${id}`);
    return String(id);
  });
  return `${marker('catalog-activity')}
SELECT ps.database_id, ps.object_id, SUM(ps.execution_count) AS execution_count, MAX(ps.last_execution_time) AS last_execution_time
FROM sys.dm_exec_procedure_stats AS ps
WHERE ps.database_id IN (${ids.join(', ')})
GROUP BY ps.database_id, ps.object_id`;
}

/** Columns of the user tables of one database, with type, identity, computed text and default. */
export function columnsQuery(database: string): string {
  const db = quoteName(database);
  return `${marker('catalog-columns')}
SELECT c.object_id, c.column_id, c.name AS column_name, t.name AS type_name, ts.name AS type_schema, t.is_user_defined,
  c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity,
  CAST(ic.seed_value AS nvarchar(40)) AS identity_seed, CAST(ic.increment_value AS nvarchar(40)) AS identity_increment,
  cc.definition AS computed_definition, cc.is_persisted,
  dc.name AS default_name, dc.definition AS default_definition, dc.is_system_named AS default_is_system_named
FROM ${db}.sys.tables AS tb
JOIN ${db}.sys.columns AS c ON c.object_id = tb.object_id
JOIN ${db}.sys.types AS t ON t.user_type_id = c.user_type_id
JOIN ${db}.sys.schemas AS ts ON ts.schema_id = t.schema_id
LEFT JOIN ${db}.sys.identity_columns AS ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
LEFT JOIN ${db}.sys.computed_columns AS cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
LEFT JOIN ${db}.sys.default_constraints AS dc ON dc.object_id = c.default_object_id
WHERE tb.is_ms_shipped = 0
ORDER BY c.object_id, c.column_id`;
}

/** Primary key and unique constraints of one database, one row per key column in key order. */
export function keysQuery(database: string): string {
  const db = quoteName(database);
  return `${marker('catalog-keys')}
SELECT kc.parent_object_id AS object_id, kc.name AS constraint_name, RTRIM(kc.type) AS constraint_type, kc.is_system_named,
  i.type_desc AS index_type, c.name AS column_name, ic.key_ordinal, ic.is_descending_key
FROM ${db}.sys.key_constraints AS kc
JOIN ${db}.sys.indexes AS i ON i.object_id = kc.parent_object_id AND i.index_id = kc.unique_index_id
JOIN ${db}.sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.key_ordinal > 0
JOIN ${db}.sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
ORDER BY kc.parent_object_id, kc.name, ic.key_ordinal`;
}

/**
 * By-name dependencies of one database's objects on objects (referenced_class 1), with the
 * names as the definition wrote them (a part it left out is NULL) and, when SQL Server
 * resolved the name in this database, the referenced object's type. Cross-database and
 * caller-dependent names are not resolved (referenced_id NULL) and still count by name.
 */
export function dependenciesQuery(database: string): string {
  const db = quoteName(database);
  return `${marker('catalog-dependencies')}
SELECT d.referencing_id, d.referenced_server_name, d.referenced_database_name, d.referenced_schema_name, d.referenced_entity_name,
  d.referenced_id, RTRIM(ro.type) AS referenced_type
FROM ${db}.sys.sql_expression_dependencies AS d
LEFT JOIN ${db}.sys.objects AS ro ON ro.object_id = d.referenced_id
WHERE d.referencing_class = 1 AND d.referenced_class = 1
ORDER BY d.referencing_id`;
}

/**
 * The objects of one database with their definitions, in the order they are yielded: by schema,
 * then name, compared by code point (BIN2) so that the order does not depend on the server's
 * collation. sys.sql_modules gives NULL for the definition of an encrypted module, and for a
 * module this login may run but not see (no VIEW DEFINITION); sys.syscomments' `encrypted`
 * tells the two apart (OBJECTPROPERTY(id, 'IsEncrypted') would look in the current database,
 * not the one named). Read with engine.stream(): definitions can be large.
 */
export function modulesQuery(database: string, objectTypes: readonly string[]): string {
  const db = quoteName(database);
  const types = objectTypes.map((type) => {
    if (!/^[A-Z]{1,2}$/.test(type)) throw new TypeError(`not a sys.objects type: ${type}`);
    return `'${type}'`;
  });
  return `${marker('catalog-modules')}
SELECT s.name AS schema_name, o.name AS object_name, o.object_id, RTRIM(o.type) AS object_type, o.create_date, o.modify_date,
  m.definition, m.uses_ansi_nulls, m.uses_quoted_identifier,
  CAST(CASE WHEN m.object_id IS NOT NULL AND m.definition IS NULL
    AND EXISTS (SELECT 1 FROM ${db}.sys.syscomments AS sc WHERE sc.id = o.object_id AND sc.encrypted = 1) THEN 1 ELSE 0 END AS bit) AS is_encrypted,
  sn.base_object_name,
  a.name AS assembly_name, am.assembly_class, am.assembly_method
FROM ${db}.sys.objects AS o
JOIN ${db}.sys.schemas AS s ON s.schema_id = o.schema_id
LEFT JOIN ${db}.sys.sql_modules AS m ON m.object_id = o.object_id
LEFT JOIN ${db}.sys.synonyms AS sn ON sn.object_id = o.object_id
LEFT JOIN ${db}.sys.assembly_modules AS am ON am.object_id = o.object_id
LEFT JOIN ${db}.sys.assemblies AS a ON a.assembly_id = am.assembly_id
WHERE o.is_ms_shipped = 0 AND o.type IN (${types.join(', ')})
  AND ${NOT_TOOLS_SUPPORT(db, 'o.object_id')}
ORDER BY s.name COLLATE Latin1_General_BIN2, o.name COLLATE Latin1_General_BIN2`;
}

/** SQL Agent jobs (msdb). */
export function jobsQuery(): string {
  return `${marker('catalog-jobs')}
SELECT j.job_id, j.name, j.enabled, j.description, j.date_created, j.date_modified
FROM msdb.dbo.sysjobs AS j
ORDER BY j.name`;
}

export function jobStepsQuery(): string {
  return `${marker('catalog-job-steps')}
SELECT s.job_id, s.step_id, s.step_name, s.subsystem, s.database_name, s.command
FROM msdb.dbo.sysjobsteps AS s
ORDER BY s.job_id, s.step_id`;
}

/** Schedules attached to jobs, in sysschedules' encoding (see agent-schedule.ts). */
export function jobSchedulesQuery(): string {
  return `${marker('catalog-job-schedules')}
SELECT js.job_id, sc.schedule_id, sc.name AS schedule_name, sc.enabled, sc.freq_type, sc.freq_interval,
  sc.freq_subday_type, sc.freq_subday_interval, sc.freq_relative_interval, sc.freq_recurrence_factor,
  sc.active_start_date, sc.active_end_date, sc.active_start_time, sc.active_end_time
FROM msdb.dbo.sysjobschedules AS js
JOIN msdb.dbo.sysschedules AS sc ON sc.schedule_id = js.schedule_id
ORDER BY js.job_id, sc.name, sc.schedule_id`;
}

// ---------------------------------------------------------------------------------------------
// Reading catalog rows (objects keyed by column name, see rowObjects in engine.ts).

export type CatalogRow = Readonly<Record<string, Value>>;

/** A text column; undefined for NULL. */
export function text(row: CatalogRow, column: string): string | undefined {
  const value = row[column];
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return String(value);
}

/** An integer column; undefined for NULL. */
export function integer(row: CatalogRow, column: string): number | undefined {
  const value = row[column];
  return value === null || value === undefined ? undefined : toNumber(value);
}

/** A bit (or 0/1 int) column that is 0: false for 1 and for NULL. */
export function cleared(row: CatalogRow, column: string): boolean {
  const value = row[column];
  return value !== null && value !== undefined && toNumber(value) === 0;
}

/** A bit (or 0/1 int) column; NULL reads as false. */
export function flag(row: CatalogRow, column: string): boolean {
  const value = row[column];
  if (value === null || value === undefined) return false;
  return toNumber(value) !== 0;
}

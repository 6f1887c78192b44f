import type { ObjectName } from '../../tsql/index.js';
import type { TranslationContext } from '../context.js';
import type { TranslateTarget } from '../dialects/dialect.js';

/**
 * What #temp tables, ##global temp tables and @table variables become (translate.tempTables):
 *
 * - `temporary`: session temporary tables. Databricks has them on SQL warehouses (Databricks
 *   SQL, Runtime 18.1 and above): CREATE TEMPORARY TABLE with no USING clause and no CREATE OR
 *   REPLACE, dropped with DROP TEMPORARY TABLE (a plain DROP TABLE refuses to drop a temporary
 *   table). The default.
 * - `view`: temporary views, for compute without temporary tables. A view runs its query each
 *   time it is read, so it only fits a table filled once by SELECT INTO and never written again.
 * - `schema`: ordinary tables in translate.scratchSchema, for any compute; concurrent runs share
 *   them.
 */
export type TempTableMode = 'temporary' | 'view' | 'schema';

export function tempTableMode(ctx: TranslationContext): TempTableMode {
  const mode = ctx.options.tempTables ?? 'temporary';
  // Without a scratch schema the names stay unqualified: ordinary tables in the current schema
  // would be a surprise, so they stay temporary tables.
  return mode === 'schema' && ctx.options.scratchSchema === undefined ? 'temporary' : mode;
}

/** `#t` or `##t` (a one-part name starting with #). */
export function isTemporaryName(name: ObjectName): boolean {
  return name.parts.length === 1 && name.parts[0]!.startsWith('#');
}

// DuckDB has no DROP TEMPORARY TABLE; its DROP TABLE finds the temporary table first.
const DROP_TEMPORARY_TABLE: Readonly<Record<TranslateTarget, string>> = {
  databricks: 'DROP TEMPORARY TABLE IF EXISTS',
  duckdb: 'DROP TABLE IF EXISTS',
};

/** Drops a translated temporary table (its target name) if it exists. */
export function dropTemporary(ctx: TranslationContext, name: string, mode = tempTableMode(ctx)): string {
  switch (mode) {
    case 'temporary':
      return `${DROP_TEMPORARY_TABLE[ctx.target]} ${name}`;
    case 'view':
      return `DROP VIEW IF EXISTS ${name}`;
    case 'schema':
      return `DROP TABLE IF EXISTS ${name}`;
    default: {
      const unknown: never = mode;
      return String(unknown);
    }
  }
}

/** CREATE for an empty table with columns: a temporary table, or a scratch table. */
export function createTemporaryTable(ctx: TranslationContext, name: string): string {
  return tempTableMode(ctx) === 'schema' ? `CREATE TABLE ${name}` : `${ctx.dialect.createTemporaryTable} ${name}`;
}

/** CREATE ... AS query for SELECT INTO #t. */
export function createTemporaryAs(ctx: TranslationContext, name: string, queryText: string): string {
  switch (tempTableMode(ctx)) {
    case 'temporary':
      return `${ctx.dialect.createTemporaryTable} ${name} AS\n${queryText}`;
    case 'view':
      return `CREATE OR REPLACE TEMPORARY VIEW ${name} AS\n${queryText}`;
    case 'schema':
      return `CREATE TABLE ${name} AS\n${queryText}`;
    default:
      return '';
  }
}

export function describeMode(ctx: TranslationContext): string {
  switch (tempTableMode(ctx)) {
    case 'temporary':
      return 'a session temporary table';
    case 'view':
      return 'a temporary view';
    case 'schema':
      return `a table in the scratch schema ${ctx.options.scratchSchema ?? ''}`;
    default:
      return '';
  }
}

/**
 * A ##global temporary table is visible to every session of the SQL Server until the last one
 * using it ends; a session temporary table, a view or a scratch table is not the same thing.
 */
export function globalTemporaryNote(tsqlName: string): string | undefined {
  return tsqlName.startsWith('##') ? `${tsqlName} is a global temporary table, which other sessions can read in SQL Server: check whether another job or procedure reads it` : undefined;
}

import type { ObjectName } from '../../tsql/index.js';

/**
 * SQL Server's own tables, views and functions, which code reads for metadata, row
 * generators (sys.all_objects, spt_values) or change data capture: none of them exists in a
 * lakehouse, so a query naming one is not translated.
 */

/** The compatibility views of SQL Server 2000, read one-part, in dbo or in a system database. */
const COMPATIBILITY_VIEWS = new Set([
  'sysobjects', 'syscolumns', 'sysindexes', 'sysindexkeys', 'sysdatabases', 'sysusers', 'systypes', 'syscomments', 'sysprocesses',
  'sysfiles', 'sysforeignkeys', 'sysreferences', 'sysconstraints', 'sysdepends', 'syspermissions', 'sysprotects', 'syslogins',
  'sysservers', 'sysjobs', 'sysjobhistory', 'sysjobsteps', 'sysjobschedules', 'sysschedules', 'spt_values',
]);

const SYSTEM_DATABASES = new Set(['master', 'msdb', 'tempdb', 'model']);

/** Why a table or function name is SQL Server's own, or undefined when it is the estate's. */
export function systemObjectProblem(name: ObjectName): string | undefined {
  const parts = name.parts;
  const object = parts[parts.length - 1]!.toLowerCase();
  const schema = parts.length >= 2 ? parts[parts.length - 2]!.toLowerCase() : '';
  const database = parts.length >= 3 ? parts[parts.length - 3]!.toLowerCase() : '';
  if (object.startsWith('#')) return undefined;
  // Most names are the estate's own: the name as written is only joined for a message.
  const written = () => parts.join('.');
  if (schema === 'cdc' || object.startsWith('fn_cdc_')) {
    return `${written()} belongs to SQL Server change data capture: read changes with Delta change data feed (table_changes) instead`;
  }
  if (schema === 'sys') {
    return `${written()} is a SQL Server catalog or system view: read information_schema or the Unity Catalog system tables instead${object === 'all_objects' || object === 'objects' || object === 'columns' ? ' (to number rows, use range())' : ''}`;
  }
  if ((schema === '' || schema === 'dbo' || SYSTEM_DATABASES.has(database)) && COMPATIBILITY_VIEWS.has(object)) {
    return `${written()} is a SQL Server system table${object === 'spt_values' ? ' (to number rows, use range())' : ''}: read information_schema or the Unity Catalog system tables instead`;
  }
  if (SYSTEM_DATABASES.has(database)) return `${written()} is in the system database ${database}, which a lakehouse does not have`;
  return undefined;
}

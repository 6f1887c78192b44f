/**
 * Which procedure names are SQL Server's own. The sp_ prefix alone does not tell: analysts
 * name their procedures sp_load_sales too, and audit.sp_log_start is theirs whatever its
 * name. A name is the system's when it lives in master, msdb or the sys schema, starts with
 * xp_ (extended procedures), or is one of the system procedures code calls (one-part or in
 * dbo, where SQL Server looks in master first).
 */
const SYSTEM_PROCEDURES = new Set(
  [
    // objects, metadata, statistics
    'sp_rename', 'sp_refreshview', 'sp_refreshsqlmodule', 'sp_recompile', 'sp_updatestats', 'sp_createstats', 'sp_autostats',
    'sp_addextendedproperty', 'sp_updateextendedproperty', 'sp_dropextendedproperty', 'sp_spaceused', 'sp_depends', 'sp_tables',
    'sp_columns', 'sp_statistics', 'sp_stored_procedures', 'sp_settriggerorder', 'sp_procoption', 'sp_tableoption', 'sp_indexoption',
    'sp_addtype', 'sp_droptype', 'sp_bindrule', 'sp_unbindrule', 'sp_bindefault', 'sp_unbindefault', 'sp_describe_first_result_set',
    'sp_describe_undeclared_parameters', 'sp_sequence_get_range', 'sp_create_plan_guide', 'sp_control_plan_guide',
    // server, sessions, locks
    'sp_configure', 'sp_who', 'sp_who2', 'sp_lock', 'sp_monitor', 'sp_getapplock', 'sp_releaseapplock', 'sp_set_session_context',
    'sp_reset_connection', 'sp_server_info', 'sp_readerrorlog', 'sp_addmessage', 'sp_altermessage', 'sp_dropmessage', 'sp_dboption',
    'sp_detach_db', 'sp_attach_db', 'sp_attach_single_file_db', 'sp_resetstatus', 'sp_changedbowner', 'sp_addumpdevice',
    'sp_invoke_external_rest_endpoint', 'sp_set_database_firewall_rule', 'sp_prepare', 'sp_execute', 'sp_unprepare', 'sp_prepexec',
    // security
    'sp_addlogin', 'sp_droplogin', 'sp_password', 'sp_defaultdb', 'sp_adduser', 'sp_dropuser', 'sp_grantdbaccess', 'sp_revokedbaccess',
    'sp_addrole', 'sp_droprole', 'sp_addrolemember', 'sp_droprolemember', 'sp_addsrvrolemember', 'sp_dropsrvrolemember',
    'sp_change_users_login', 'sp_addapprole', 'sp_dropapprole', 'sp_setapprole', 'sp_unsetapprole', 'sp_grantlogin', 'sp_revokelogin',
    // linked servers
    'sp_addlinkedserver', 'sp_addlinkedsrvlogin', 'sp_droplinkedsrvlogin', 'sp_dropserver', 'sp_serveroption', 'sp_testlinkedserver',
    // SQL Agent and Database Mail (msdb, often called without the database)
    'sp_start_job', 'sp_stop_job', 'sp_add_job', 'sp_add_jobstep', 'sp_add_jobschedule', 'sp_add_jobserver', 'sp_update_job',
    'sp_update_jobstep', 'sp_delete_job', 'sp_add_schedule', 'sp_attach_schedule', 'sp_purge_jobhistory', 'sp_delete_backuphistory',
    'sp_add_alert', 'sp_add_operator', 'sp_add_notification', 'sp_notify_operator', 'sp_send_dbmail',
  ].map((name) => name.toLowerCase()),
);

/** Families of system procedures, by prefix: help, CDC, XML documents, OLE automation, undocumented MS ones, full-text, traces. */
const SYSTEM_PREFIXES = ['sp_help', 'sp_cdc_', 'sp_xml_', 'sp_oa', 'sp_ms', 'sp_fulltext_', 'sp_trace_', 'sp_query_store_', 'sp_cursor'];

/** Whether EXEC of these name parts (as written: [server.][database.][schema.]name) runs a SQL Server system procedure. */
export function isSystemProcedure(parts: readonly string[]): boolean {
  const name = parts[parts.length - 1]!.toLowerCase();
  const schema = parts.length >= 2 ? parts[parts.length - 2]!.toLowerCase() : '';
  const database = parts.length >= 3 ? parts[parts.length - 3]!.toLowerCase() : '';
  if (schema === 'sys' || database === 'master' || database === 'msdb') return true;
  if (name.startsWith('xp_')) return true;
  // A procedure of the user's own schema is the user's, whatever its name.
  if (schema !== '' && schema !== 'dbo') return false;
  return SYSTEM_PROCEDURES.has(name) || SYSTEM_PREFIXES.some((prefix) => name.startsWith(prefix));
}

BEGIN
  DECLARE v_rc INT;
  DECLARE v_out INT;
  DECLARE v_sql VARCHAR;
  DECLARE v_day DATE;
  DECLARE v_proc VARCHAR;
  DECLARE v_count INT;
  DECLARE v_table VARCHAR;
  SET v_day = DATE '2024-01-31';
  SET v_proc = 'etl.a';
  CALL shellcorp.etl.load_day(p_day => getvariable('v_day'), p_rows => getvariable('v_out'), p_mode => DEFAULT);
  CALL shellcorp.etl.load_day(getvariable('v_day'), getvariable('v_out'));
  CALL shellcorp.etl.check_day(getvariable('v_day'));
  CALL shellcorp.etl.refresh();
  SET v_sql = 'DELETE FROM dw.fact_sales WHERE sale_date = @d AND store_id = @s';
  EXECUTE IMMEDIATE getvariable('v_sql') USING getvariable('v_day') AS d, 3 AS s;
  EXECUTE IMMEDIATE getvariable('v_sql') USING getvariable('v_day') AS d, 3 AS s;
  EXECUTE IMMEDIATE getvariable('v_sql');
  EXECUTE IMMEDIATE 'TRUNCATE TABLE ' || getvariable('v_proc');
  -- [TR_UNSUPPORTED_STATEMENT] EXEC @proc runs a procedure named at run time: the rehearsal cannot run it; call each possible procedure in IF branches
  -- EXEC @proc
  -- [TR_UNSUPPORTED_STATEMENT] sp_rename is a system procedure with no equivalent
  -- EXEC sp_rename 'dw.a', 'b'
  CALL audit.sp_log_step_start(p_step => 'load');
  CALL dbo.sp_load_sales(getvariable('v_day'));
  CALL sp_load_sales(getvariable('v_day'));
  -- [TR_UNSUPPORTED_STATEMENT] msdb.dbo.sp_start_job is a system procedure with no equivalent
  -- EXEC msdb.dbo.sp_start_job @job_name = N'nightly'
  -- [TR_UNSUPPORTED_STATEMENT] dbo.sp_send_dbmail is a system procedure with no equivalent
  -- EXEC dbo.sp_send_dbmail @recipients = N'ops@example.com'
  DROP TABLE IF EXISTS tt_rows;
  CREATE TEMPORARY TABLE tt_rows (
    id INT
  );
  EXECUTE IMMEDIATE 'INSERT INTO #rows ([id]) ' || getvariable('v_sql') USING getvariable('v_day') AS d;
  EXECUTE IMMEDIATE 'INSERT INTO #rows ' || getvariable('v_sql');
  -- [TR_UNSUPPORTED_STATEMENT] INSERT ... EXEC of a procedure has no equivalent: have the procedure write the table, or turn it into a query or a SQL table function
  -- INSERT #rows EXEC etl.list_rows @day
  SET v_table = 'dw.fact_sales';
  SET v_sql = 'SELECT @n = COUNT(*) FROM ' || getvariable('v_table') || ' WHERE sale_date = @d';
  EXECUTE IMMEDIATE getvariable('v_sql') USING getvariable('v_count') AS n, getvariable('v_day') AS d;
END;

-- statements: 20/27 translated, 0 raw
-- warning TR_OUTPUT_PARAMETER 2:32 an OUTPUT argument: the called procedure's parameter became INOUT, and the argument must be a variable
-- warning TR_OUTPUT_PARAMETER 3:25 an OUTPUT argument: the called procedure's parameter became INOUT, and the argument must be a variable
-- warning TR_RETURN_VALUE 4:1 EXEC @rc = ...: Databricks procedures return no status code, so @rc is not set
-- info TR_HINT_DROPPED 5:1 EXEC option RECOMPILE dropped
-- warning TR_DYNAMIC_SQL 8:1 sp_executesql became EXECUTE IMMEDIATE, but the SQL text it runs is still T-SQL: translate it (parameters @name become :name)
-- warning TR_DYNAMIC_SQL 9:1 sp_executesql became EXECUTE IMMEDIATE, but the SQL text it runs is still T-SQL: translate it (parameters @name become :name)
-- warning TR_DYNAMIC_SQL 10:1 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- warning TR_DYNAMIC_SQL 11:1 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- error TR_UNSUPPORTED_STATEMENT 12:1 EXEC @proc runs a procedure named at run time: the rehearsal cannot run it; call each possible procedure in IF branches
-- error TR_UNSUPPORTED_STATEMENT 13:1 sp_rename is a system procedure with no equivalent
-- warning TR_NAME_NOT_MAPPED 15:6 ShellCorp.audit has no entry in translate.names; the name is kept as it is
-- warning TR_NAME_NOT_MAPPED 16:6 ShellCorp.dbo has no entry in translate.names; the name is kept as it is
-- warning TR_NAME_NOT_MAPPED 17:6 one-part names such as sp_load_sales are read as ShellCorp.dbo.sp_load_sales (dbo, the default schema), and ShellCorp.dbo has no entry in translate.names; the name is kept as it is
-- error TR_UNSUPPORTED_STATEMENT 18:1 msdb.dbo.sp_start_job is a system procedure with no equivalent
-- error TR_UNSUPPORTED_STATEMENT 19:1 dbo.sp_send_dbmail is a system procedure with no equivalent
-- info TR_TEMP_TABLE 21:1 #rows became a session temporary table tt_rows
-- warning TR_DYNAMIC_SQL 22:24 INSERT ... EXEC of dynamic SQL became EXECUTE IMMEDIATE of 'INSERT INTO #rows ([id]) ' || the text: the text must be one query (INSERT ... EXEC inserted the rows of every result set), and it is still T-SQL: translate it
-- warning TR_DYNAMIC_SQL 23:14 INSERT ... EXEC of dynamic SQL became EXECUTE IMMEDIATE of 'INSERT INTO #rows ' || the text: the text must be one query (INSERT ... EXEC inserted the rows of every result set), and it is still T-SQL: translate it
-- error TR_UNSUPPORTED_STATEMENT 24:1 INSERT ... EXEC of a procedure has no equivalent: have the procedure write the table, or turn it into a query or a SQL table function
-- warning TR_DYNAMIC_SQL 28:1 sp_executesql became EXECUTE IMMEDIATE, but the SQL text it runs is still T-SQL: translate it (parameters @name become :name)
-- error TR_UNSUPPORTED_EXPRESSION 28:53 an OUTPUT parameter of dynamic SQL: return the value from a query with EXECUTE IMMEDIATE ... INTO instead

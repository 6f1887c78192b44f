CREATE OR REPLACE PROCEDURE shellcorp.etl.reload(
  IN p_schema STRING,
  IN p_table STRING,
  IN p_day DATE,
  IN p_name STRING
)
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  DECLARE v_table STRING DEFAULT p_table;
  DECLARE v_sql STRING;
  SET v_sql = 'TRUNCATE TABLE ' || '[' || replace(p_schema, ']', ']]') || ']' || '.' || '[' || replace(v_table, ']', ']]') || ']' || ';';
  EXECUTE IMMEDIATE 'TRUNCATE TABLE `' || replace(p_schema, '`', '``') || '`.`' || replace(v_table, '`', '``') || '`';
  SET v_sql = 'INSERT INTO dbo.t SELECT * FROM stg.t WHERE load_date >= \'' || date_format(p_day, 'yyyy-MM-dd') || '\'';
  EXECUTE IMMEDIATE 'INSERT INTO dbo.t SELECT * FROM stg.t WHERE load_date >= \'' || date_format(p_day, 'yyyy-MM-dd') || '\'';
  SET v_sql = 'DELETE FROM dw.fact_sales WHERE sale_date = @d AND store_id = @s';
  EXECUTE IMMEDIATE 'DELETE FROM shellcorp.gold.fact_sales WHERE sale_date = :d AND store_id = :s' USING p_day AS d, 3 AS s;
  EXECUTE IMMEDIATE 'TRUNCATE TABLE `' || replace(p_schema, '`', '``') || '`.`' || replace(v_table, '`', '``') || '`';
  EXECUTE IMMEDIATE 'SELECT id FROM dbo.people WHERE name = \'' || replace(replace(p_name, '\\', '\\\\'), '\'', '\\\'') || '\'';
  SET v_sql = 'SELECT TOP 10 id';
  SET v_sql = v_sql || ' FROM ' || '[' || replace(p_schema, ']', ']]') || ']' || '.' || '[' || replace(v_table, ']', ']]') || ']' || ' ORDER BY id';
  DROP TEMPORARY TABLE IF EXISTS tt_ids;
  CREATE TEMPORARY TABLE tt_ids (
    id INT
  );
  EXECUTE IMMEDIATE 'INSERT INTO tt_ids (id) SELECT id FROM `' || replace(p_schema, '`', '``') || '`.`' || replace(v_table, '`', '``') || '` ORDER BY id LIMIT 10';
  IF p_day IS NULL THEN
    SET v_sql = 'SELECT 2 AS a';
  END IF;
  EXECUTE IMMEDIATE v_sql;
  SET v_sql = 'DELETE FROM ' || v_table;
  SET v_table = 'other';
  EXECUTE IMMEDIATE v_sql;
  EXECUTE IMMEDIATE 'DELETE FROM dw.a; DELETE FROM dw.b';
  EXECUTE IMMEDIATE 'SELECT TOP ' || CAST(p_day AS STRING) || ' id FROM dw.a';
END;

-- statements: 24/24 translated, 0 raw
-- warning TR_DYNAMIC_SQL_TRANSLATED 6:3 the text of this dynamic SQL is built from literals and was translated; QUOTENAME(@schema) (as a quoted name), QUOTENAME(@table) (as a quoted name) are spliced into it as they are when it runs: check that their values are names or values Databricks reads the same way
-- info TR_INSERT_UNLISTED 8:3 in the dynamic SQL: INSERT into dbo.t without a column list, and lakeshift does not know its columns: if it has an identity column, list the columns (Databricks wants a value for it)
-- warning TR_NAME_NOT_MAPPED 8:3 in the dynamic SQL: ShellCorp.dbo has no entry in translate.names; the name is kept as it is
-- warning TR_NAME_NOT_MAPPED 8:3 in the dynamic SQL: ShellCorp.stg has no entry in translate.names; the name is kept as it is
-- warning TR_CASE_INSENSITIVE 8:3 in the dynamic SQL: this object compares strings; SQL Server ignores case and trailing spaces in comparisons by default, Databricks does not
-- warning TR_DYNAMIC_SQL_TRANSLATED 8:3 the text of this dynamic SQL is built from literals and was translated; CONVERT(varchar(10), @day, 120) (inside a string literal) is spliced into it as it is when it runs: check that its value is a name or value Databricks reads the same way
-- warning TR_DYNAMIC_SQL_TRANSLATED 10:3 the text of this dynamic SQL is built from literals and was translated (parameters @name became markers :name)
-- warning TR_DYNAMIC_SQL_TRANSLATED 11:3 the text of this dynamic SQL is built from literals and was translated; @schema (as a quoted name), @table (as a quoted name) are spliced into it as they are when it runs: check that their values are names or values Databricks reads the same way
-- warning TR_NAME_NOT_MAPPED 12:3 in the dynamic SQL: ShellCorp.dbo has no entry in translate.names; the name is kept as it is
-- warning TR_CASE_INSENSITIVE 12:3 in the dynamic SQL: this object compares strings; SQL Server ignores case and trailing spaces in comparisons by default, Databricks does not
-- warning TR_DYNAMIC_SQL_TRANSLATED 12:3 the text of this dynamic SQL is built from literals and was translated; REPLACE(@name, '''', '''''') (inside a string literal, its \ and ' escaped) is spliced into it as it is when it runs: check that its value is a name or value Databricks reads the same way
-- info TR_TEMP_TABLE 15:3 #ids became a session temporary table tt_ids
-- warning TR_DYNAMIC_SQL_TRANSLATED 16:25 the text of this dynamic SQL is built from literals and was translated; QUOTENAME(@schema) (as a quoted name), QUOTENAME(@table) (as a quoted name) are spliced into it as they are when it runs: check that their values are names or values Databricks reads the same way
-- warning TR_DYNAMIC_SQL 19:3 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- warning TR_DYNAMIC_SQL 22:3 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- warning TR_DYNAMIC_SQL 23:3 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- warning TR_DYNAMIC_SQL 24:3 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it

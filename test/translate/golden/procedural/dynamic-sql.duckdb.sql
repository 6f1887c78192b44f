-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE shellcorp.etl.reload(
--   IN p_schema VARCHAR,
--   IN p_table VARCHAR,
--   IN p_day DATE,
--   IN p_name VARCHAR
-- )
BEGIN
  DECLARE v_table VARCHAR DEFAULT getvariable('p_table');
  DECLARE v_sql VARCHAR;
  SET v_sql = 'TRUNCATE TABLE ' || '[' || replace(getvariable('p_schema'), ']', ']]') || ']' || '.' || '[' || replace(getvariable('v_table'), ']', ']]') || ']' || ';';
  EXECUTE IMMEDIATE getvariable('v_sql');
  SET v_sql = 'INSERT INTO dbo.t SELECT * FROM stg.t WHERE load_date >= ''' || strftime(getvariable('p_day'), '%Y-%m-%d') || '''';
  EXECUTE IMMEDIATE getvariable('v_sql');
  SET v_sql = 'DELETE FROM dw.fact_sales WHERE sale_date = @d AND store_id = @s';
  EXECUTE IMMEDIATE getvariable('v_sql') USING getvariable('p_day') AS d, 3 AS s;
  EXECUTE IMMEDIATE 'TRUNCATE TABLE [' || getvariable('p_schema') || '].[' || getvariable('v_table') || ']';
  EXECUTE IMMEDIATE 'SELECT id FROM dbo.people WHERE name = ''' || replace(getvariable('p_name'), '''', '''''') || '''';
  SET v_sql = 'SELECT TOP 10 id';
  SET v_sql = getvariable('v_sql') || ' FROM ' || '[' || replace(getvariable('p_schema'), ']', ']]') || ']' || '.' || '[' || replace(getvariable('v_table'), ']', ']]') || ']' || ' ORDER BY id';
  DROP TABLE IF EXISTS tt_ids;
  CREATE TEMPORARY TABLE tt_ids (
    id INT
  );
  EXECUTE IMMEDIATE 'INSERT INTO #ids ([id]) ' || getvariable('v_sql');
  IF getvariable('p_day') IS NULL THEN
    SET v_sql = 'SELECT 2 AS a';
  END IF;
  EXECUTE IMMEDIATE getvariable('v_sql');
  SET v_sql = 'DELETE FROM ' || getvariable('v_table');
  SET v_table = 'other';
  EXECUTE IMMEDIATE getvariable('v_sql');
  EXECUTE IMMEDIATE 'DELETE FROM dw.a; DELETE FROM dw.b';
  EXECUTE IMMEDIATE 'SELECT TOP ' || CAST(getvariable('p_day') AS VARCHAR) || ' id FROM dw.a';
END;

-- statements: 24/24 translated, 0 raw
-- warning TR_DYNAMIC_SQL 6:3 sp_executesql became EXECUTE IMMEDIATE, but the SQL text it runs is still T-SQL: translate it (parameters @name become :name)
-- warning TR_DYNAMIC_SQL 8:3 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- warning TR_DYNAMIC_SQL 10:3 sp_executesql became EXECUTE IMMEDIATE, but the SQL text it runs is still T-SQL: translate it (parameters @name become :name)
-- warning TR_DYNAMIC_SQL 11:3 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- warning TR_DYNAMIC_SQL 12:3 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- info TR_TEMP_TABLE 15:3 #ids became a session temporary table tt_ids
-- warning TR_DYNAMIC_SQL 16:25 INSERT ... EXEC of dynamic SQL became EXECUTE IMMEDIATE of 'INSERT INTO #ids ([id]) ' || the text: the text must be one query (INSERT ... EXEC inserted the rows of every result set), and it is still T-SQL: translate it
-- warning TR_DYNAMIC_SQL 19:3 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- warning TR_DYNAMIC_SQL 22:3 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- warning TR_DYNAMIC_SQL 23:3 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- warning TR_DYNAMIC_SQL 24:3 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it

BEGIN
  DECLARE v_name STRING;
  IF EXISTS (SELECT 1 FROM shellcorp.information_schema.tables WHERE lower(table_schema) = 'gold' AND lower(table_name) = 'dim_customer' AND table_type NOT LIKE '%VIEW') THEN
    SELECT 1 AS has_table;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM shellcorp.information_schema.tables WHERE lower(table_schema) = 'gold' AND lower(table_name) = 'v_sales' AND table_type LIKE '%VIEW') THEN
    SELECT 1 AS no_view;
  END IF;
  IF EXISTS (SELECT 1 FROM shellcorp.information_schema.routines WHERE lower(routine_schema) = 'etl' AND lower(routine_name) = 'usp_load' AND routine_type = 'PROCEDURE') THEN
    SELECT 1 AS has_procedure;
  END IF;
  IF EXISTS (SELECT 1 FROM information_schema.routines WHERE lower(routine_schema) = 'dbo' AND lower(routine_name) = 'fn_quarter' AND routine_type = 'FUNCTION') THEN
    SELECT 1 AS has_function;
  END IF;
  IF (EXISTS (SELECT 1 FROM shellcorp.information_schema.tables WHERE lower(table_schema) = 'sales' AND lower(table_name) = 'orders') OR EXISTS (SELECT 1 FROM shellcorp.information_schema.routines WHERE lower(routine_schema) = 'sales' AND lower(routine_name) = 'orders')) THEN
    SELECT 1 AS has_object;
  END IF;
  SELECT pp.table_name FROM shellcorp.etl.purge_policy AS pp WHERE EXISTS (SELECT 1 FROM information_schema.tables WHERE lower(table_schema) = lower(pp.schema_name) AND lower(table_name) = lower(pp.table_name) AND table_type NOT LIKE '%VIEW');
  SET v_name = 'dw.dim_store';
  IF NOT (EXISTS (SELECT 1 FROM information_schema.tables WHERE lower(table_schema || '.' || table_name) = lower(replace(replace(v_name, '[', ''), ']', ''))) OR EXISTS (SELECT 1 FROM information_schema.routines WHERE lower(routine_schema || '.' || routine_name) = lower(replace(replace(v_name, '[', ''), ']', '')))) THEN
    SELECT 1 AS missing;
  END IF;
  IF /*[TR_UNSUPPORTED_FUNCTION]*/ OBJECT_ID('tempdb..#work') IS NULL /*[/TR_UNSUPPORTED_FUNCTION]*/ THEN
    SELECT 1 AS no_work;
  END IF;
  IF /*[TR_UNSUPPORTED_FUNCTION]*/ OBJECT_ID('dw.trg_audit', 'TR') IS NOT NULL /*[/TR_UNSUPPORTED_FUNCTION]*/ THEN
    SELECT 1 AS has_trigger;
  END IF;
  SELECT /*[TR_UNSUPPORTED_FUNCTION]*/ OBJECT_ID('dw.dim_customer') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS id;
END;

-- statements: 16/19 translated, 0 raw
-- warning TR_NAME_NOT_MAPPED 5:14 ShellCorp.dbo has no entry in translate.names; the name is kept as it is
-- warning TR_SEMANTIC 10:7 OBJECT_ID() of a name built at run time became a test of information_schema: the name is compared, ignoring case, with schema.name as the T-SQL wrote it, not mapped through translate.names; check that the schemas kept their names
-- warning TR_SEMANTIC 12:4 OBJECT_ID() of a name built at run time became a test of information_schema: the name is compared, ignoring case, with schema.name as the T-SQL wrote it, not mapped through translate.names; check that the schemas kept their names
-- error TR_UNSUPPORTED_FUNCTION 14:4 OBJECT_ID('tempdb..#work') tests a temporary table, which no catalog lists: keep track of it in a variable, or drop it with DROP TABLE IF EXISTS
-- error TR_UNSUPPORTED_FUNCTION 15:4 OBJECT_ID(..., 'TR'): objects of type TR are not translated, so none exists in the target
-- error TR_UNSUPPORTED_FUNCTION 16:8 OBJECT_ID(): objects have no numeric ids in Databricks (OBJECT_ID(...) IS [NOT] NULL is translated to a test of information_schema)

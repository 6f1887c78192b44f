-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE shellcorp.etl.apply_security()
BEGIN
  IF EXISTS (SELECT 1 FROM /*[TR_SYSTEM_OBJECT]*/ sys.procedures /*[/TR_SYSTEM_OBJECT]*/ WHERE lower(rtrim(name)) = 'apply_row_level_security') THEN
    CALL shellcorp.etl.apply_row_level_security();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE lower(table_schema) = 'etl' AND lower(table_name) = 'audit_log' AND table_type NOT LIKE '%VIEW' AND table_catalog = 'shellcorp') THEN
    CREATE TABLE shellcorp.etl.audit_log (
      id INT,
      note VARCHAR
    );
  END IF;
  IF EXISTS (SELECT 1 FROM /*[TR_SYSTEM_OBJECT]*/ sys.tables /*[/TR_SYSTEM_OBJECT]*/ WHERE lower(rtrim(name)) = 'audit_log' AND is_memory_optimized = 1) THEN
    -- [TR_RAISERROR_INFO] PRINT 'in memory'
    BEGIN END;
  END IF;
END;

-- statements: 6/8 translated, 0 raw
-- error TR_SYSTEM_OBJECT 5:30 sys.procedures is a SQL Server catalog or system view: read information_schema or the Unity Catalog system tables instead
-- error TR_SYSTEM_OBJECT 10:30 sys.tables is a SQL Server catalog or system view: read information_schema or the Unity Catalog system tables instead
-- info TR_RAISERROR_INFO 11:9 PRINT dropped: SQL scripts do not print messages

CREATE TABLE shellcorp.gold."Payment Method" (
  "Payment Method Key" INT NOT NULL,
  "Is Active" BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE OR REPLACE VIEW shellcorp.gold.v_methods AS
SELECT "Payment Method Key" FROM shellcorp.gold."Payment Method";

-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE shellcorp.gold.load_methods()
BEGIN
  DROP TABLE IF EXISTS tt_keys;
  CREATE TEMPORARY TABLE tt_keys AS
  WITH recent AS (SELECT "Payment Method Key" AS k FROM shellcorp.gold."Payment Method") SELECT k FROM recent;
  INSERT INTO shellcorp.gold."Payment Method" ("Payment Method Key")
  SELECT k FROM tt_keys;
  CALL log_step();
  TRUNCATE TABLE staging_rows;
END;

SELECT * FROM shellcorp.sales.orders;

SELECT * FROM sales.orders;

-- statements: 11/11 translated, 0 raw
-- info TR_TEMP_TABLE 11:3 SELECT INTO #keys became a session temporary table tt_keys
-- warning TR_SEMANTIC 14:3 this code's temporary tables (#keys) are session tables in Databricks, which a called procedure shares: one that creates a table of the same name (its own #keys) drops and replaces this one, where in T-SQL each procedure had its own. Check the procedures called here
-- warning TR_NAME_NOT_MAPPED 14:8 one-part names such as log_step are read as ShellCorp.dbo.log_step (dbo, the default schema), and ShellCorp.dbo has no entry in translate.names; the name is kept as it is
-- info TR_SESSION_OPTION 20:1 USE Archive dropped: the names after it are mapped through translate.names as names of Archive
-- warning TR_NAME_NOT_MAPPED 22:15 Archive.sales has no entry in translate.names; the name is kept as it is

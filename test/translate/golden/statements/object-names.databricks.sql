CREATE TABLE shellcorp.gold.Payment_Method (
  `Payment Method Key` INT NOT NULL,
  `Is Active` BOOLEAN NOT NULL DEFAULT TRUE
)
TBLPROPERTIES ('delta.feature.allowColumnDefaults' = 'supported', 'delta.columnMapping.mode' = 'name');

CREATE OR REPLACE VIEW shellcorp.gold.v_methods AS
SELECT `Payment Method Key` FROM shellcorp.gold.Payment_Method;

CREATE OR REPLACE PROCEDURE shellcorp.gold.load_methods()
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  DROP TEMPORARY TABLE IF EXISTS tt_keys;
  CREATE TEMPORARY TABLE tt_keys AS
  WITH recent AS (SELECT `Payment Method Key` AS k FROM shellcorp.gold.Payment_Method) SELECT k FROM recent;
  INSERT INTO shellcorp.gold.Payment_Method (`Payment Method Key`)
  SELECT k FROM tt_keys;
  CALL log_step();
  TRUNCATE TABLE staging_rows;
END;

SELECT * FROM shellcorp.sales.orders;

SELECT * FROM sales.orders;

-- statements: 11/11 translated, 0 raw
-- warning TR_NAME_CHANGED 2:14 dw.Payment Method became shellcorp.gold.Payment_Method: Unity Catalog object names cannot hold a space, a period or a slash, so each became _; every reference to it is translated the same way, but code outside the translation (reports, dynamic SQL, other tools) must use the new name
-- warning TR_SEMANTIC 3:3 Payment Method Key, Is Active: Delta holds a column name with a space or one of ,;{}()= only with column mapping, so the table sets delta.columnMapping.mode = 'name'. That upgrades its protocol (readers need Databricks Runtime 10.2 or above), and streaming reads and change data feed of the table have limits with it (Databricks, "Rename and drop columns with Delta Lake column mapping")
-- info TR_TEMP_TABLE 11:3 SELECT INTO #keys became a session temporary table tt_keys
-- warning TR_SEMANTIC 14:3 this code's temporary tables (#keys) are session tables in Databricks, which a called procedure shares: one that creates a table of the same name (its own #keys) drops and replaces this one, where in T-SQL each procedure had its own. Check the procedures called here
-- warning TR_NAME_NOT_MAPPED 14:8 one-part names such as log_step are read as ShellCorp.dbo.log_step (dbo, the default schema), and ShellCorp.dbo has no entry in translate.names; the name is kept as it is
-- info TR_SESSION_OPTION 20:1 USE Archive dropped: the names after it are mapped through translate.names as names of Archive
-- warning TR_NAME_NOT_MAPPED 22:15 Archive.sales has no entry in translate.names; the name is kept as it is

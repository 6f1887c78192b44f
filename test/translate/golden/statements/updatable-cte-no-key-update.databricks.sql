CREATE TABLE stage.action_code (
  action_code_ssid STRING NOT NULL,
  is_new BOOLEAN NOT NULL,
  is_duplicate BOOLEAN NOT NULL,
  data_pkg_key INT,
  note STRING
);

INSERT OVERWRITE stage.action_code BY NAME
SELECT * EXCEPT (is_duplicate, lakeshift_RowNum, lakeshift_in_cte), CASE WHEN STG.lakeshift_in_cte = 1 AND STG.lakeshift_RowNum > 1 THEN true ELSE STG.is_duplicate END AS is_duplicate
FROM (SELECT *, row_number() OVER (PARTITION BY CASE WHEN is_new = true AND STG.data_pkg_key = 42 THEN 1 ELSE 0 END, action_code_ssid ORDER BY action_code_ssid) AS lakeshift_RowNum, CASE WHEN is_new = true AND STG.data_pkg_key = 42 THEN 1 ELSE 0 END AS lakeshift_in_cte FROM stage.action_code AS STG) AS STG;

INSERT OVERWRITE stage.action_code BY NAME
SELECT * EXCEPT (note, lakeshift_copies), CASE WHEN d.lakeshift_copies > 1 THEN d.note || ' (dup)' ELSE d.note END AS note
FROM (SELECT *, count(*) OVER (PARTITION BY action_code_ssid) AS lakeshift_copies FROM stage.action_code) AS d;

-- [TR_UNSUPPORTED_STATEMENT] UPDATE not translated: SET rn: the column rn of d is computed, not a column of stage.action_code (SQL Server refuses it too)
-- WITH d AS (SELECT is_duplicate, ROW_NUMBER() OVER (PARTITION BY action_code_ssid ORDER BY note) AS rn FROM stage.action_code)
-- UPDATE d SET rn = 0

-- [TR_UNSUPPORTED_STATEMENT] UPDATE not translated: the target d is a common table expression that computes window functions (ROW_NUMBER), and no primary key or identity column of stage.action_code is known to match its rows back by, and the UPDATE joins other tables: write the UPDATE against stage.action_code by hand, or sync the table's definition into the inventory
-- WITH d AS (SELECT action_code_ssid, is_duplicate, ROW_NUMBER() OVER (PARTITION BY action_code_ssid ORDER BY note) AS rn FROM stage.action_code)
-- UPDATE d SET is_duplicate = 1 FROM d JOIN stage.other o ON o.code = d.action_code_ssid WHERE d.rn > 1

-- [TR_UNSUPPORTED_STATEMENT] UPDATE not translated: the target d is a common table expression that computes window functions (ROW_NUMBER), and no primary key or identity column of stage.action_code is known to match its rows back by, and its WHERE clause has a subquery: write the UPDATE against stage.action_code by hand, or sync the table's definition into the inventory
-- WITH d AS (SELECT is_duplicate, ROW_NUMBER() OVER (PARTITION BY action_code_ssid ORDER BY note) AS rn FROM stage.action_code WHERE action_code_ssid IN (SELECT code FROM stage.other))
-- UPDATE d SET is_duplicate = 1 WHERE rn > 1

-- [TR_UNSUPPORTED_STATEMENT] UPDATE not translated: the target d is a common table expression that takes the TOP rows, and no primary key or identity column of stage.action_code is known to match its rows back by, and the rows it keeps (TOP, OFFSET) cannot be told apart from the rows it leaves without one: write the UPDATE against stage.action_code by hand, or sync the table's definition into the inventory
-- WITH d AS (SELECT TOP 10 is_duplicate FROM stage.action_code ORDER BY note)
-- UPDATE d SET is_duplicate = 1

-- [TR_UNSUPPORTED_STATEMENT] UPDATE not translated: the target d is a common table expression that computes window functions (ROW_NUMBER), and no primary key or identity column of stage.action_code is known to match its rows back by, and SET is_duplicate = DEFAULT cannot be computed in the query that rewrites the table: write the UPDATE against stage.action_code by hand, or sync the table's definition into the inventory
-- WITH d AS (SELECT is_duplicate, ROW_NUMBER() OVER (PARTITION BY action_code_ssid ORDER BY note) AS rn FROM stage.action_code)
-- UPDATE d SET is_duplicate = DEFAULT WHERE rn > 1

-- statements: 3/8 translated, 0 raw
-- warning TR_NAME_NOT_MAPPED 1:14 ShellCorp.stage has no entry in translate.names; the name is kept as it is
-- warning TR_UPDATABLE_CTE 11:1 UPDATE through Duplicates, which computes window functions (ROW_NUMBER), of stage.action_code, whose key is not known: the table is rewritten whole, every row once and by column name, with is_duplicate computed by CASE for the rows the UPDATE changes. Check that nothing else writes the table meanwhile, and that it has no generated columns (Databricks refuses to write them); a known primary key (inventory, or its definition) gives a MERGE instead
-- warning TR_CASE_SENSITIVE_GROUPING 12:3 this object groups strings (PARTITION BY): SQL Server puts values that differ only in case or trailing spaces in one group, the target does not
-- warning TR_CASE_SENSITIVE_ORDER 12:100 this object sorts strings (a window ORDER BY): SQL Server sorts them without regard to case ('apple' before 'Banana'), the target by code point ('Banana' first), so TOP, ROW_NUMBER() and MIN/MAX can pick other rows
-- warning TR_UPDATABLE_CTE 19:1 UPDATE through d, which computes window functions (COUNT), of stage.action_code, whose key is not known: the table is rewritten whole, every row once and by column name, with note computed by CASE for the rows the UPDATE changes. Check that nothing else writes the table meanwhile, and that it has no generated columns (Databricks refuses to write them); a known primary key (inventory, or its definition) gives a MERGE instead
-- error TR_UNSUPPORTED_STATEMENT 23:1 UPDATE not translated: SET rn: the column rn of d is computed, not a column of stage.action_code (SQL Server refuses it too)
-- error TR_UNSUPPORTED_STATEMENT 26:1 UPDATE not translated: the target d is a common table expression that computes window functions (ROW_NUMBER), and no primary key or identity column of stage.action_code is known to match its rows back by, and the UPDATE joins other tables: write the UPDATE against stage.action_code by hand, or sync the table's definition into the inventory
-- error TR_UNSUPPORTED_STATEMENT 29:1 UPDATE not translated: the target d is a common table expression that computes window functions (ROW_NUMBER), and no primary key or identity column of stage.action_code is known to match its rows back by, and its WHERE clause has a subquery: write the UPDATE against stage.action_code by hand, or sync the table's definition into the inventory
-- error TR_UNSUPPORTED_STATEMENT 32:1 UPDATE not translated: the target d is a common table expression that takes the TOP rows, and no primary key or identity column of stage.action_code is known to match its rows back by, and the rows it keeps (TOP, OFFSET) cannot be told apart from the rows it leaves without one: write the UPDATE against stage.action_code by hand, or sync the table's definition into the inventory
-- error TR_UNSUPPORTED_STATEMENT 35:1 UPDATE not translated: the target d is a common table expression that computes window functions (ROW_NUMBER), and no primary key or identity column of stage.action_code is known to match its rows back by, and SET is_duplicate = DEFAULT cannot be computed in the query that rewrites the table: write the UPDATE against stage.action_code by hand, or sync the table's definition into the inventory

-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE shellcorp.etl.dedupe_events()
BEGIN
  DECLARE v_removed INT;
  DECLARE lakeshift_rowcount BIGINT;
  DROP TABLE IF EXISTS tt_events;
  CREATE TEMPORARY TABLE tt_events (
    event_id INT NOT NULL,
    code VARCHAR,
    received TIMESTAMP
  );
  DROP TABLE IF EXISTS tt_raw;
  CREATE TEMPORARY TABLE tt_raw (
    code VARCHAR,
    received TIMESTAMP
  );
  SET lakeshift_rowcount = (SELECT count(*) FROM tt_events AS events WHERE EXISTS (SELECT 1 FROM (SELECT *, row_number() OVER (PARTITION BY code ORDER BY received DESC) AS rn FROM tt_events) AS d WHERE events.event_id = d.event_id AND d.rn > 1));
  MERGE INTO tt_events AS events
  USING (SELECT *, row_number() OVER (PARTITION BY code ORDER BY received DESC) AS rn FROM tt_events) AS d
  ON events.event_id = d.event_id AND d.rn > 1
  WHEN MATCHED THEN DELETE;
  SET v_removed = getvariable('lakeshift_rowcount');
  SET lakeshift_rowcount = (SELECT count(*) FROM (SELECT d.code, d.received FROM (SELECT *, row_number() OVER (PARTITION BY code ORDER BY received DESC) AS rn FROM tt_raw) AS d WHERE d.rn > 1) AS counted);
  CREATE OR REPLACE TEMPORARY TABLE lakeshift_kept_rows AS
  SELECT code, received FROM tt_raw
  EXCEPT ALL
  SELECT d.code, d.received FROM (SELECT *, row_number() OVER (PARTITION BY code ORDER BY received DESC) AS rn FROM tt_raw) AS d WHERE d.rn > 1;
  DELETE FROM tt_raw;
  INSERT INTO tt_raw (code, received)
  SELECT * FROM lakeshift_kept_rows;
  DROP TABLE lakeshift_kept_rows;
  SET v_removed = getvariable('v_removed') + getvariable('lakeshift_rowcount');
  SELECT getvariable('v_removed') AS removed;
END;

-- statements: 10/10 translated, 0 raw
-- info TR_TEMP_TABLE 5:3 #events became a session temporary table tt_events
-- info TR_CONSTRAINT 5:47 PRIMARY KEY dropped from a temporary table: its columns stay NOT NULL
-- info TR_TEMP_TABLE 6:3 #raw became a session temporary table tt_raw
-- warning TR_UPDATABLE_CTE 9:3 DELETE through d, which computes window functions (ROW_NUMBER): the CTE is computed as a derived table and its rows matched back to #events by its primary key (event_id). Databricks does not enforce primary keys: check the key is unique, else rows sharing a key value are deleted together
-- warning TR_CASE_SENSITIVE_GROUPING 9:56 this object groups strings (PARTITION BY): SQL Server puts values that differ only in case or trailing spaces in one group, the target does not
-- warning TR_UPDATABLE_CTE 14:3 DELETE through d, which computes window functions (ROW_NUMBER), of #raw, whose key is not known: the table is rewritten with all its rows except those the DELETE removes (EXCEPT ALL), with the columns known of it (code, received). Check that these are all of its columns, and that nothing else writes the table meanwhile; a known primary key (inventory, or its definition) gives a MERGE instead

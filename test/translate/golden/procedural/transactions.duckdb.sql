BEGIN
  -- [TR_TRANSACTION] BEGIN TRAN
  DROP TABLE IF EXISTS tt_t;
  CREATE TEMPORARY TABLE tt_t (
    id INT
  );
  INSERT INTO tt_t
  VALUES (1);
  -- [TR_TRANSACTION] COMMIT
  BEGIN ATOMIC
    UPDATE shellcorp.gold.dim_store
    SET store_name = 'a';
  END;
  -- [TR_TRANSACTION] SAVE TRANSACTION before_delete
  -- [TR_TRANSACTION] ROLLBACK TRANSACTION before_delete
END;

-- statements: 10/10 translated, 0 raw
-- warning TR_TRANSACTION 2:1 BEGIN TRANSACTION dropped: the statements up to COMMIT cannot run in a BEGIN ATOMIC block (it holds DROP TABLE IF); each commits on its own
-- info TR_TEMP_TABLE 3:1 #t became a session temporary table tt_t
-- warning TR_TRANSACTION 5:1 COMMIT dropped: each Databricks statement has committed on its own
-- warning TR_TRANSACTION 8:1 BEGIN TRANSACTION ... COMMIT became a BEGIN ATOMIC block: it needs Databricks SQL or Runtime 18.0 and above, and Unity Catalog managed tables with catalog commits
-- warning TR_TRANSACTION 12:1 SAVE TRANSACTION dropped: Databricks has no savepoints
-- warning TR_TRANSACTION 13:1 ROLLBACK dropped: changes made before the error are not undone unless they ran in a BEGIN ATOMIC block

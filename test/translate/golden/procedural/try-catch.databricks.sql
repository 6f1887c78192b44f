CREATE OR REPLACE PROCEDURE shellcorp.etl.load_stores()
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  DECLARE v_msg STRING;
  DECLARE v_line INT;
  -- [TR_SESSION_OPTION] SET NOCOUNT ON
  -- [TR_SESSION_OPTION] SET XACT_ABORT ON
  BEGIN
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
      DECLARE lakeshift_error_line BIGINT;
      DECLARE lakeshift_error_message STRING;
      GET DIAGNOSTICS CONDITION 1 lakeshift_error_line = LINE_NUMBER, lakeshift_error_message = MESSAGE_TEXT;
      -- [TR_TRANSACTION] IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
      SET v_msg = lakeshift_error_message;
      SET v_line = lakeshift_error_line;
      INSERT INTO shellcorp.etl.errors (message, line)
      VALUES (v_msg, v_line);
      RESIGNAL;
    END;
    BEGIN ATOMIC
      DELETE FROM shellcorp.gold.dim_store
      WHERE is_current = 0;
      INSERT INTO shellcorp.gold.dim_store (store_id, store_name)
      SELECT store_id, name FROM shellcorp.sales.stores;
    END;
    BEGIN
      DECLARE EXIT HANDLER FOR SQLEXCEPTION
      BEGIN
        DECLARE lakeshift_error_message STRING;
        GET DIAGNOSTICS CONDITION 1 lakeshift_error_message = MESSAGE_TEXT;
        SET v_msg = lakeshift_error_message;
        -- [TR_RAISERROR_INFO] PRINT @msg
      END;
      UPDATE shellcorp.gold.dim_store
      SET store_name = upper(store_name);
    END;
  END;
END;

-- statements: 19/19 translated, 0 raw
-- info TR_SESSION_OPTION 4:3 SET NOCOUNT ON dropped
-- info TR_SESSION_OPTION 5:3 SET XACT_ABORT ON dropped
-- warning TR_TRANSACTION 8:5 BEGIN TRANSACTION ... COMMIT became a BEGIN ATOMIC block: it needs Databricks SQL or Runtime 18.0 and above, and Unity Catalog managed tables with catalog commits
-- info TR_RAISERROR_INFO 17:7 PRINT dropped: SQL scripts do not print messages
-- warning TR_TRANSACTION 21:5 ROLLBACK dropped: changes made before the error are not undone unless they ran in a BEGIN ATOMIC block

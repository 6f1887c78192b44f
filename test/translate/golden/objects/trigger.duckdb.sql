-- [TR_TRIGGER] trigger dw.trg_store_audit: AFTER INSERT, UPDATE on dw.dim_store; it writes dw.store_audit. Databricks has no triggers: move its logic into the job that writes dw.dim_store, or read the changes from Delta change data feed
-- CREATE TRIGGER dw.trg_store_audit ON dw.dim_store
-- AFTER INSERT, UPDATE
-- AS
-- BEGIN
--   SET NOCOUNT ON;
--   INSERT INTO dw.store_audit (store_id, changed_at)
--   SELECT store_id, GETDATE() FROM inserted;
-- END

-- [TR_TRIGGER] trigger trg_ddl: a DDL trigger on DATABASE (CREATE_TABLE). Databricks has no triggers: audit DDL with the Unity Catalog audit log (system.access.audit) instead
-- CREATE TRIGGER trg_ddl ON DATABASE FOR CREATE_TABLE AS PRINT 'table created';

-- [TR_HINT_DROPPED] DROP TRIGGER dw.trg_store_audit

-- statements: 1/7 translated, 0 raw
-- error TR_TRIGGER 1:1 trigger dw.trg_store_audit: AFTER INSERT, UPDATE on dw.dim_store; it writes dw.store_audit. Databricks has no triggers: move its logic into the job that writes dw.dim_store, or read the changes from Delta change data feed
-- error TR_TRIGGER 10:1 trigger trg_ddl: a DDL trigger on DATABASE (CREATE_TABLE). Databricks has no triggers: audit DDL with the Unity Catalog audit log (system.access.audit) instead
-- info TR_HINT_DROPPED 12:1 DROP TRIGGER dropped: triggers are not translated, so there is none to drop

CREATE OR REPLACE PROCEDURE shellcorp.etl.usp_purge(
  IN p_sql STRING,
  IN p_batch INT
)
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  DECLARE v_deleted INT;
  DECLARE v_total INT;
  DECLARE v_called INT;
  DECLARE lakeshift_rowcount BIGINT;
  SET v_deleted = p_batch;
  SET v_total = 0;
  loop_1: WHILE v_deleted = p_batch DO
    EXECUTE IMMEDIATE p_sql USING p_batch AS batch;
    GET DIAGNOSTICS lakeshift_rowcount = ROW_COUNT;
    SET v_deleted = lakeshift_rowcount;
    SET v_total = v_total + v_deleted;
    IF v_deleted = p_batch THEN
      -- [TR_SEMANTIC] WAITFOR DELAY '00:00:01'
      BEGIN END;
    END IF;
  END WHILE loop_1;
  CALL shellcorp.etl.usp_other();
  GET DIAGNOSTICS lakeshift_rowcount = ROW_COUNT;
  SET v_called = lakeshift_rowcount;
  -- [TR_SEMANTIC] WAITFOR TIME '23:00'
END;

-- statements: 13/13 translated, 0 raw
-- warning TR_DYNAMIC_SQL 8:9 sp_executesql became EXECUTE IMMEDIATE, but the SQL text it runs is still T-SQL: translate it (parameters @name become :name)
-- warning TR_ROW_COUNT 8:9 @@ROWCOUNT after dynamic SQL became GET DIAGNOSTICS lakeshift_rowcount = ROW_COUNT, the rows of the most recent DML statement: check that the runtime has it and that it counts the statement dynamic SQL ran last, as T-SQL did
-- warning TR_SEMANTIC 11:30 WAITFOR DELAY dropped: it only waits, so the data is the same without it; if the wait gives another process time (log backups, a feed to arrive), schedule that with a job task dependency instead
-- warning TR_ROW_COUNT 13:5 @@ROWCOUNT after CALL shellcorp.etl.usp_other became GET DIAGNOSTICS lakeshift_rowcount = ROW_COUNT, the rows of the most recent DML statement: check that the runtime has it and that it counts the statement CALL shellcorp.etl.usp_other ran last, as T-SQL did
-- warning TR_SEMANTIC 15:5 WAITFOR TIME dropped: it only waits, so the data is the same without it; if the wait gives another process time (log backups, a feed to arrive), schedule that with a job task dependency instead

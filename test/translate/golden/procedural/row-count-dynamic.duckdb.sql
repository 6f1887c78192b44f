-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE shellcorp.etl.usp_purge(
--   IN p_sql VARCHAR,
--   IN p_batch INT
-- )
BEGIN
  DECLARE v_deleted INT;
  DECLARE v_total INT;
  DECLARE v_called INT;
  SET v_deleted = getvariable('p_batch');
  SET v_total = 0;
  loop_1: WHILE getvariable('v_deleted') = getvariable('p_batch') DO
    EXECUTE IMMEDIATE getvariable('p_sql') USING getvariable('p_batch') AS batch;
    SET v_deleted = /*[TR_UNSUPPORTED_EXPRESSION]*/ @@ROWCOUNT /*[/TR_UNSUPPORTED_EXPRESSION]*/;
    SET v_total = getvariable('v_total') + getvariable('v_deleted');
    IF getvariable('v_deleted') = getvariable('p_batch') THEN
      -- [TR_SEMANTIC] WAITFOR DELAY '00:00:01'
      BEGIN END;
    END IF;
  END WHILE loop_1;
  CALL shellcorp.etl.usp_other();
  SET v_called = /*[TR_UNSUPPORTED_EXPRESSION]*/ @@ROWCOUNT /*[/TR_UNSUPPORTED_EXPRESSION]*/;
  -- [TR_SEMANTIC] WAITFOR TIME '23:00'
END;

-- statements: 11/13 translated, 0 raw
-- warning TR_DYNAMIC_SQL 8:9 sp_executesql became EXECUTE IMMEDIATE, but the SQL text it runs is still T-SQL: translate it (parameters @name become :name)
-- error TR_UNSUPPORTED_EXPRESSION 9:24 @@ROWCOUNT of a statement whose rows cannot be counted before it runs (dynamic SQL, a procedure call), or not read right after it: DuckDB has no row count of the last statement, so the rehearsal cannot run this
-- warning TR_SEMANTIC 11:30 WAITFOR DELAY dropped: it only waits, so the data is the same without it; if the wait gives another process time (log backups, a feed to arrive), schedule that with a job task dependency instead
-- error TR_UNSUPPORTED_EXPRESSION 14:19 @@ROWCOUNT of a statement whose rows cannot be counted before it runs (dynamic SQL, a procedure call), or not read right after it: DuckDB has no row count of the last statement, so the rehearsal cannot run this
-- warning TR_SEMANTIC 15:5 WAITFOR TIME dropped: it only waits, so the data is the same without it; if the wait gives another process time (log backups, a feed to arrive), schedule that with a job task dependency instead

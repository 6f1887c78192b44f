-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE shellcorp.etl.purge_old(
--   IN p_cutoff DATE
-- )
BEGIN
  DECLARE v_n INT;
  DECLARE lakeshift_rowcount BIGINT;
  body: BEGIN
    SET v_n = 1;
    BEGIN ATOMIC
      DELETE FROM shellcorp.gold.facts
      WHERE d < getvariable('p_cutoff');
      -- [TR_SEMANTIC] IF @@ERROR <> 0 GOTO ErrorHandler
      UPDATE shellcorp.gold.stats
      SET purged = 1;
      -- [TR_SEMANTIC] IF (@@ERROR != 0) BEGIN ROLLBACK TRAN; GOTO ErrorHandler; END
    END;
    loop_1: WHILE 1 = 1 DO
      SET lakeshift_rowcount = (SELECT count(*) FROM shellcorp.gold.log WHERE logged_at < getvariable('p_cutoff'));
      DELETE FROM shellcorp.gold.log
      WHERE logged_at < getvariable('p_cutoff');
      IF getvariable('lakeshift_rowcount') = 0 THEN
        LEAVE loop_1;
      END IF;
    END WHILE loop_1;
    DELETE FROM tt_scratch;
    LEAVE body;
    -- [TR_SEMANTIC] ErrorHandler:
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'purge failed';
    LEAVE body;
  END body;
END;

-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE shellcorp.etl.void_batch(
--   IN p_batch VARCHAR
-- )
BEGIN
  BEGIN ATOMIC
    DELETE FROM shellcorp.gold.check_lines
    WHERE lower(rtrim(CAST(batch_no AS VARCHAR))) = lower(rtrim(getvariable('p_batch')));
    -- [TR_SEMANTIC] IF @@ERROR <> 0 GOTO abort
    UPDATE shellcorp.gold.batches
    SET status = 'V'
    WHERE lower(rtrim(CAST(batch_no AS VARCHAR))) = lower(rtrim(getvariable('p_batch')));
    -- [TR_SEMANTIC] IF @@ERROR <> 0 GOTO abort
    -- [TR_SEMANTIC] GOTO done
    -- abort:
    --   ROLLBACK TRANSACTION
    --   GOTO finish
    -- [TR_SEMANTIC] done:
  END;
  -- [TR_SEMANTIC] finish:
END;

-- statements: 38/38 translated, 0 raw
-- warning TR_TRANSACTION 5:3 BEGIN TRANSACTION ... COMMIT became a BEGIN ATOMIC block: it needs Databricks SQL or Runtime 18.0 and above, and Unity Catalog managed tables with catalog commits
-- warning TR_SEMANTIC 7:3 an @@ERROR check dropped: in Databricks a failing statement raises an error (stopping the script or reaching a handler), so this branch can never run; move the error handling into TRY/CATCH
-- warning TR_SEMANTIC 9:3 an @@ERROR check dropped: in Databricks a failing statement raises an error (stopping the script or reaching a handler), so this branch can never run; move the error handling into TRY/CATCH
-- warning TR_SEMANTIC 13:12 DELETE TOP in a loop that stops on @@ROWCOUNT: TOP was dropped, so the first pass changes every matching row and the next pass ends the loop
-- warning TR_RETURN_VALUE 17:3 RETURN with a status code: the code is not kept, Databricks procedures return no status
-- warning TR_SEMANTIC 18:1 label ErrorHandler dropped: no GOTO reaches it once the @@ERROR checks are gone; the statements after it run in sequence, as before
-- warning TR_RETURN_VALUE 20:3 RETURN with a status code: the code is not kept, Databricks procedures return no status
-- warning TR_TRANSACTION 26:3 BEGIN TRANSACTION ... COMMIT became a BEGIN ATOMIC block: it needs Databricks SQL or Runtime 18.0 and above, and Unity Catalog managed tables with catalog commits
-- warning TR_SEMANTIC 28:3 an @@ERROR check dropped: in Databricks a failing statement raises an error (stopping the script or reaching a handler), so this branch can never run; move the error handling into TRY/CATCH
-- warning TR_SEMANTIC 30:3 an @@ERROR check dropped: in Databricks a failing statement raises an error (stopping the script or reaching a handler), so this branch can never run; move the error handling into TRY/CATCH
-- warning TR_SEMANTIC 31:3 never runs, dropped: it follows GOTO done and no GOTO that still runs leads into it (@@ERROR checks are dead in Databricks, where a failing statement raises an error); error handling belongs in TRY/CATCH
-- warning TR_SEMANTIC 35:1 label done dropped: no GOTO reaches it once the @@ERROR checks are gone; the statements after it run in sequence, as before
-- warning TR_SEMANTIC 37:1 label finish dropped: no GOTO reaches it once the @@ERROR checks are gone; the statements after it run in sequence, as before

BEGIN
  DECLARE v_store INT;
  DECLARE v_severity INT;
  DECLARE v_msg STRING;
  SET v_store = 3;
  SET v_severity = 16;
  SET v_msg = 'bad';
  -- [TR_RAISERROR_INFO] RAISERROR('loading store %d of %s', 0, 1, @store, N'North') WITH NOWAIT
  SELECT raise_error(format_string('store %d is missing (%d%%)', v_store, 50));
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'plain message';
  IF v_severity >= 11 THEN
    SELECT raise_error(v_msg);
  END IF;
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'error 50001';
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a literal message';
  SELECT raise_error(v_msg);
END;

-- statements: 8/8 translated, 0 raw
-- info TR_RAISERROR_INFO 2:1 RAISERROR with severity 0 is a message, not an error: dropped
-- info TR_RAISERROR_INFO 5:1 RAISERROR with a severity known only at run time: it raises from severity 11 up; below that its message is dropped
-- warning TR_SEMANTIC 6:1 RAISERROR 50001 raises a message defined in sys.messages: write its text into the translation

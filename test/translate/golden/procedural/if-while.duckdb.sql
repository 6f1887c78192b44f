BEGIN
  DECLARE v_i INT;
  DECLARE v_total INT;
  SET v_i = 0;
  SET v_total = 0;
  loop_1: WHILE getvariable('v_i') < 10 DO
    SET v_i = getvariable('v_i') + (1);
    IF getvariable('v_i') % 2 = 0 THEN
      ITERATE loop_1;
    END IF;
    IF getvariable('v_i') > 7 THEN
      LEAVE loop_1;
    END IF;
    SET v_total = getvariable('v_total') + (getvariable('v_i'));
  END WHILE loop_1;
  IF getvariable('v_total') > 10 THEN
    SELECT 'big' AS size;
  ELSEIF getvariable('v_total') > 5 THEN
    SELECT 'medium' AS size;
  ELSE
    -- [TR_RAISERROR_INFO] PRINT 'small'
    BEGIN END;
  END IF;
END;

-- statements: 15/15 translated, 0 raw
-- info TR_RAISERROR_INFO 17:3 PRINT dropped: SQL scripts do not print messages

CREATE OR REPLACE PROCEDURE shellcorp.etl.touch_stores()
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  DECLARE v_id INT;
  DECLARE v_name STRING;
  DECLARE v_n INT;
  SET v_n = 0;
  loop_1: FOR stores_row AS SELECT s.store_id, upper(s.name) AS column_2 FROM shellcorp.sales.stores AS s WHERE s.active = 1 ORDER BY s.store_id DO
    SET v_id = stores_row.store_id;
    SET v_name = stores_row.column_2;
    IF v_id > 100 THEN
      LEAVE loop_1;
    END IF;
    UPDATE shellcorp.gold.dim_store
    SET store_name = v_name
    WHERE store_id = v_id;
    SET v_n = v_n + (1);
  END FOR loop_1;
  BEGIN
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
      RESIGNAL;
    END;
    loop_2: FOR more_row AS SELECT store_id FROM shellcorp.sales.stores DO
      SET v_id = more_row.store_id;
      CALL shellcorp.etl.refresh_store(p_store_id => v_id);
    END FOR loop_2;
  END;
END;

-- statements: 27/27 translated, 0 raw
-- warning TR_CURSOR 6:3 cursor stores became a FOR loop over its query, which runs once when the loop starts: check the loop body, set-based SQL is usually better
-- warning TR_CURSOR 22:3 cursor more became a FOR loop over its query, which runs once when the loop starts: check the loop body, set-based SQL is usually better

CREATE TABLE shellcorp.sales.order_numbers (next_value BIGINT NOT NULL, increment BIGINT NOT NULL, minimum BIGINT NOT NULL, maximum BIGINT NOT NULL);

INSERT INTO shellcorp.sales.order_numbers (next_value, increment, minimum, maximum)
VALUES (1000, 10, -2147483648, 2147483647);

CREATE OR REPLACE PROCEDURE shellcorp.sales.place_orders(
  IN p_customer_id INT
)
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  DECLARE lakeshift_next_value_1 BIGINT;
  DECLARE lakeshift_sequence_rows BIGINT;
  DECLARE v_order_id INT;
  DECLARE lakeshift_next_value_3 BIGINT;
  DECLARE lakeshift_rows_5 BIGINT;
  DECLARE lakeshift_first_value_6 BIGINT;
  DECLARE lakeshift_first_value_6_increment BIGINT;
  take_next_value_2: WHILE TRUE DO
    SET lakeshift_next_value_1 = coalesce((SELECT max(next_value) FROM shellcorp.sales.order_numbers WHERE next_value BETWEEN minimum AND maximum), raise_error('NEXT VALUE FOR sales.order_numbers: the sequence has passed its limit, or its table shellcorp.sales.order_numbers has no row'));
    UPDATE shellcorp.sales.order_numbers SET next_value = next_value + increment WHERE next_value = lakeshift_next_value_1;
    GET DIAGNOSTICS lakeshift_sequence_rows = ROW_COUNT;
    IF lakeshift_sequence_rows = 1 THEN
      LEAVE take_next_value_2;
    END IF;
  END WHILE take_next_value_2;
  SET v_order_id = lakeshift_next_value_1;
  take_next_value_4: WHILE TRUE DO
    SET lakeshift_next_value_3 = coalesce((SELECT max(next_value) FROM shellcorp.sales.order_numbers WHERE next_value BETWEEN minimum AND maximum), raise_error('NEXT VALUE FOR sales.order_numbers: the sequence has passed its limit, or its table shellcorp.sales.order_numbers has no row'));
    UPDATE shellcorp.sales.order_numbers SET next_value = next_value + increment WHERE next_value = lakeshift_next_value_3;
    GET DIAGNOSTICS lakeshift_sequence_rows = ROW_COUNT;
    IF lakeshift_sequence_rows = 1 THEN
      LEAVE take_next_value_4;
    END IF;
  END WHILE take_next_value_4;
  INSERT INTO shellcorp.sales.orders (order_id, customer_id, reference)
  VALUES (v_order_id, p_customer_id, lakeshift_next_value_3);
  SET lakeshift_rows_5 = (SELECT count(*) FROM ( SELECT lakeshift_first_value_6 + (row_number() OVER (ORDER BY monotonically_increasing_id()) - 1) * lakeshift_first_value_6_increment, b.customer_id, b.reference FROM shellcorp.sales.basket AS b WHERE b.customer_id = p_customer_id ));
  take_next_value_7: WHILE TRUE DO
    SET lakeshift_first_value_6 = coalesce((SELECT max(next_value) FROM shellcorp.sales.order_numbers WHERE next_value BETWEEN minimum AND maximum), raise_error('NEXT VALUE FOR sales.order_numbers: the sequence has passed its limit, or its table shellcorp.sales.order_numbers has no row'));
    UPDATE shellcorp.sales.order_numbers SET next_value = next_value + increment * lakeshift_rows_5 WHERE next_value = lakeshift_first_value_6;
    GET DIAGNOSTICS lakeshift_sequence_rows = ROW_COUNT;
    IF lakeshift_sequence_rows = 1 THEN
      LEAVE take_next_value_7;
    END IF;
  END WHILE take_next_value_7;
  SET lakeshift_first_value_6_increment = (SELECT increment FROM shellcorp.sales.order_numbers);
  INSERT INTO shellcorp.sales.orders (order_id, customer_id, reference)
  SELECT lakeshift_first_value_6 + (row_number() OVER (ORDER BY monotonically_increasing_id()) - 1) * lakeshift_first_value_6_increment, b.customer_id, b.reference FROM shellcorp.sales.basket AS b WHERE b.customer_id = p_customer_id;
END;

-- statements: 6/6 translated, 0 raw
-- info TR_HINT_DROPPED 3:1 the CACHE setting of the sequence sales.order_numbers was dropped
-- warning TR_SEQUENCE 3:1 the sequence sales.order_numbers became the one-row table shellcorp.sales.order_numbers, from which NEXT VALUE FOR takes values; a column that defaulted to the sequence became an identity column, which does not share its numbers
-- warning TR_SEQUENCE 8:29 NEXT VALUE FOR sales.order_numbers takes its value from the sequence's table before the statement, with a compare-and-swap UPDATE: no value is handed out twice, but two sessions taking values at the same moment can make one fail with a Delta concurrent-update error
-- warning TR_SEQUENCE 10:38 NEXT VALUE FOR sales.order_numbers takes its value from the sequence's table before the statement, with a compare-and-swap UPDATE: no value is handed out twice, but two sessions taking values at the same moment can make one fail with a Delta concurrent-update error
-- warning TR_SEQUENCE 13:12 NEXT VALUE FOR sales.order_numbers in INSERT ... SELECT: the rows are counted first and a block of that many values is taken from the sequence's table with a compare-and-swap UPDATE, so the query must return the same rows both times (no RAND() or NEWID() filters, nothing changing what it reads meanwhile)

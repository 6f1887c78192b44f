CREATE SEQUENCE shellcorp.sales.order_numbers START WITH 1000 INCREMENT BY 10 MINVALUE -2147483648 MAXVALUE 2147483647;

-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE shellcorp.sales.place_orders(
--   IN p_customer_id INT
-- )
BEGIN
  DECLARE v_order_id INT;
  SET v_order_id = nextval('shellcorp.sales.order_numbers');
  INSERT INTO shellcorp.sales.orders (order_id, customer_id, reference)
  VALUES (getvariable('v_order_id'), getvariable('p_customer_id'), nextval('shellcorp.sales.order_numbers'));
  INSERT INTO shellcorp.sales.orders (order_id, customer_id, reference)
  SELECT nextval('shellcorp.sales.order_numbers'), b.customer_id, b.reference FROM shellcorp.sales.basket AS b WHERE b.customer_id = getvariable('p_customer_id');
END;

-- statements: 6/6 translated, 0 raw
-- info TR_HINT_DROPPED 3:1 the CACHE setting of the sequence sales.order_numbers was dropped

-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE shellcorp.sales.get_orders(
--   IN p_customer_id INT,
--   IN p_from DATE DEFAULT DATE '2024-01-01',
--   INOUT p_count INT DEFAULT NULL
-- )
BEGIN
  body: BEGIN
    -- [TR_SESSION_OPTION] SET NOCOUNT ON
    IF getvariable('p_customer_id') IS NULL THEN
      LEAVE body;
    END IF;
    SET p_count = (SELECT count(*) AS c0 FROM shellcorp.sales.orders WHERE customer_id = getvariable('p_customer_id') AND order_date >= getvariable('p_from'));
    SELECT order_id, order_date, amount FROM shellcorp.sales.orders WHERE customer_id = getvariable('p_customer_id') AND order_date >= getvariable('p_from') ORDER BY order_date;
    LEAVE body;
  END body;
END;

-- statements: 8/8 translated, 0 raw
-- warning TR_OUTPUT_PARAMETER 4:3 @count OUTPUT became an INOUT parameter: callers pass a variable to CALL
-- info TR_SESSION_OPTION 7:3 SET NOCOUNT ON dropped
-- warning TR_RETURN_VALUE 8:27 RETURN with a status code: the code is not kept, Databricks procedures return no status
-- warning TR_RETURN_VALUE 14:3 RETURN with a status code: the code is not kept, Databricks procedures return no status

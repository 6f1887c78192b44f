BEGIN
  DECLARE v_n INT;
  UPDATE /*[TR_UNSUPPORTED_EXPRESSION] TOP (10) */ shellcorp.gold.dim_product
  SET flag = 1
  WHERE flag = 0
  /*[TR_OUTPUT_CLAUSE] OUTPUT inserted.product_id */;
  -- [TR_UNSUPPORTED_STATEMENT] UPDATE ... FROM not translated: the target q is a derived table or function of the FROM clause: write the change against its base table
  -- UPDATE q SET q.flag = 1 FROM (SELECT TOP 1 flag FROM dw.dim_product ORDER BY product_id) q
  -- [TR_UNSUPPORTED_STATEMENT] SET @n = list_price = list_price * 2 assigns a variable while updating: read the value with a query before or after
  -- UPDATE dw.dim_product SET @n = list_price = list_price * 2 WHERE product_id = 1
  -- [TR_UNSUPPORTED_STATEMENT] UPDATE not translated: the target sold is a common table expression that groups its rows (GROUP BY, HAVING): it is not updatable; write the change against the base table
  -- WITH sold AS (SELECT product_id, COUNT(*) AS n FROM dw.fact_sales GROUP BY product_id)
  -- UPDATE sold SET n = 0
END;

-- statements: 1/5 translated, 0 raw
-- error TR_UNSUPPORTED_EXPRESSION 2:8 TOP in a data change statement changes an arbitrary subset of rows: it was dropped, so the statement changes every matching row; limit the rows in the WHERE clause
-- error TR_OUTPUT_CLAUSE 2:45 the OUTPUT clause was dropped: UPDATE TOP changes an arbitrary subset of the rows; query the changed rows before or after the statement by hand
-- error TR_UNSUPPORTED_STATEMENT 5:1 UPDATE ... FROM not translated: the target q is a derived table or function of the FROM clause: write the change against its base table
-- error TR_UNSUPPORTED_STATEMENT 9:1 SET @n = list_price = list_price * 2 assigns a variable while updating: read the value with a query before or after
-- error TR_UNSUPPORTED_STATEMENT 12:1 UPDATE not translated: the target sold is a common table expression that groups its rows (GROUP BY, HAVING): it is not updatable; write the change against the base table

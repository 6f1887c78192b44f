INSERT INTO shellcorp.gold.dim_store (store_id, store_name)
VALUES (1, 'North'), (2, 'South');

INSERT INTO shellcorp.gold.dim_store (store_id, store_name)
WITH recent AS (SELECT store_id, name FROM shellcorp.sales.stores WHERE opened_at > '2024-01-01')
SELECT store_id, name FROM recent;

-- [TR_UNSUPPORTED_STATEMENT] INSERT ... EXEC of a procedure has no equivalent: have the procedure write the table, or turn it into a query or a SQL table function
-- INSERT INTO dw.dim_store (store_id) EXEC sales.get_store_ids

-- [TR_UNSUPPORTED_STATEMENT] INSERT ... DEFAULT VALUES: Databricks needs a column list; write INSERT INTO t (column) VALUES (DEFAULT)
-- INSERT INTO dw.dim_store DEFAULT VALUES

-- statements: 2/5 translated, 0 raw
-- error TR_UNSUPPORTED_STATEMENT 7:1 INSERT ... EXEC of a procedure has no equivalent: have the procedure write the table, or turn it into a query or a SQL table function
-- error TR_UNSUPPORTED_STATEMENT 9:1 INSERT ... DEFAULT VALUES: Databricks needs a column list; write INSERT INTO t (column) VALUES (DEFAULT)

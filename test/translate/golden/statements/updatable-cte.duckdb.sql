UPDATE shellcorp.gold.dim_product
SET flag = 1, list_price = list_price * 1.1
WHERE is_current = 1 AND list_price < 100;

DELETE FROM shellcorp.gold.dim_product AS p
WHERE p.is_current = 0 AND p.valid_to < '2020-01-01';

UPDATE shellcorp.gold.dim_product
SET flag = 0
WHERE product_id IN (SELECT product_id FROM shellcorp.gold.fact_sales WHERE qty = 0);

MERGE INTO shellcorp.gold.dim_product AS cur
USING stage.price AS s
ON s.product_id = cur.product_id AND cur.is_current = 1
WHEN MATCHED THEN UPDATE SET list_price = s.price;

UPDATE shellcorp.gold.dim_product
SET flag = 1
WHERE is_current = 1 AND list_price IS NULL;

-- [TR_UNSUPPORTED_STATEMENT] UPDATE not translated: SET doubled: the column doubled of c is computed, not a column of dw.dim_product (SQL Server refuses it too)
-- WITH c AS (SELECT product_id, list_price * 2 AS doubled FROM dw.dim_product)
-- UPDATE c SET doubled = 0

-- [TR_UNSUPPORTED_STATEMENT] UPDATE not translated: the target c is a common table expression that reads several tables, a derived table or a function: lakeshift rewrites changes through a CTE of one table only; write the change against the base table
-- WITH c AS (SELECT p.flag FROM dw.dim_product p JOIN dw.fact_sales s ON s.product_id = p.product_id)
-- UPDATE c SET flag = 1

-- [TR_UNSUPPORTED_STATEMENT] DELETE not translated: the target b is a common table expression that reads the common table expression a: write the change against the base table
-- WITH a AS (SELECT * FROM dw.dim_product), b AS (SELECT * FROM a WHERE flag = 1)
-- DELETE FROM b

-- [TR_UNSUPPORTED_STATEMENT] DELETE not translated: DELETE through the common table expression c with an OUTPUT clause: write the change and its OUTPUT against dw.dim_product
-- WITH c AS (SELECT * FROM dw.dim_product WHERE flag = 1)
-- DELETE FROM c OUTPUT deleted.product_id

-- [TR_UNSUPPORTED_STATEMENT] MERGE into the common table expression c: write the MERGE against its base table, with the CTE's conditions in ON and in the WHEN NOT MATCHED BY SOURCE clauses
-- WITH c AS (SELECT * FROM dw.dim_product WHERE is_current = 1)
-- MERGE INTO c USING stage.price s ON s.product_id = c.product_id
-- WHEN MATCHED THEN UPDATE SET list_price = s.price
-- WHEN NOT MATCHED BY SOURCE THEN DELETE

-- statements: 5/10 translated, 0 raw
-- warning TR_SEMANTIC 15:1 UPDATE ... FROM became MERGE INTO: MERGE fails when several source rows match one target row, where SQL Server silently takes one of them
-- warning TR_NAME_NOT_MAPPED 16:51 ShellCorp.stage has no entry in translate.names; the name is kept as it is
-- warning TR_CASE_INSENSITIVE 16:68 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters
-- error TR_UNSUPPORTED_STATEMENT 23:1 UPDATE not translated: SET doubled: the column doubled of c is computed, not a column of dw.dim_product (SQL Server refuses it too)
-- error TR_UNSUPPORTED_STATEMENT 25:1 UPDATE not translated: the target c is a common table expression that reads several tables, a derived table or a function: lakeshift rewrites changes through a CTE of one table only; write the change against the base table
-- error TR_UNSUPPORTED_STATEMENT 27:1 DELETE not translated: the target b is a common table expression that reads the common table expression a: write the change against the base table
-- error TR_UNSUPPORTED_STATEMENT 29:1 DELETE not translated: DELETE through the common table expression c with an OUTPUT clause: write the change and its OUTPUT against dw.dim_product
-- error TR_UNSUPPORTED_STATEMENT 33:1 MERGE into the common table expression c: write the MERGE against its base table, with the CTE's conditions in ON and in the WHEN NOT MATCHED BY SOURCE clauses

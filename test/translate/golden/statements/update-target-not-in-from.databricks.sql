MERGE INTO shellcorp.gold.dim_product AS dim_product
USING shellcorp.sales.prices AS p
ON dim_product.product_id = p.product_id
WHEN MATCHED THEN UPDATE SET list_price = p.price;

UPDATE shellcorp.gold.dim_product
SET list_price = list_price + (1)
WHERE dim_product.category COLLATE UTF8_LCASE_RTRIM = 'x';

-- statements: 2/2 translated, 0 raw
-- warning TR_SEMANTIC 2:1 UPDATE ... FROM became MERGE INTO: MERGE fails when several source rows match one target row, where SQL Server silently takes one of them
-- warning TR_CASE_INSENSITIVE 5:7 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters

MERGE INTO shellcorp.gold.dim_product AS dim_product
USING shellcorp.sales.prices AS p
ON dim_product.product_id = p.product_id
WHEN MATCHED THEN UPDATE SET list_price = p.price;

UPDATE shellcorp.gold.dim_product
SET list_price = list_price + (1)
WHERE lower(rtrim(dim_product.category)) = 'x';

-- statements: 2/2 translated, 0 raw
-- warning TR_SEMANTIC 2:1 UPDATE ... FROM became MERGE INTO: MERGE fails when several source rows match one target row, where SQL Server silently takes one of them

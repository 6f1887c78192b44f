DELETE FROM shellcorp.gold.dim_customer AS c
WHERE EXISTS (SELECT 1 FROM shellcorp.sales.customer_deletes AS d WHERE d.customer_id = c.customer_id AND d.deleted_at < '2024-01-01');

MERGE INTO shellcorp.gold.fact_sales AS f
USING (SELECT store_id FROM shellcorp.sales.stores WHERE closed = 1) AS s
ON s.store_id = f.store_id
WHEN MATCHED THEN DELETE;

DELETE FROM shellcorp.gold.dim_store AS t
WHERE NOT EXISTS (SELECT 1 FROM shellcorp.sales.stores AS s WHERE s.store_id = t.store_id);

-- statements: 3/3 translated, 0 raw
-- warning TR_CASE_INSENSITIVE 4:34 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters

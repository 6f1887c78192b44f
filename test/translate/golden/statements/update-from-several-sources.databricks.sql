MERGE INTO shellcorp.gold.fact_sales AS f
USING (SELECT r.name AS r__name, fx.rate AS fx__rate, st.store_id AS st__store_id FROM shellcorp.sales.stores AS st INNER JOIN shellcorp.sales.regions AS r ON r.region_id = st.region_id LEFT JOIN shellcorp.sales.fx_rates AS fx ON fx.currency = r.currency) AS src
ON src.st__store_id = f.store_id AND f.sale_date >= '2024-01-01'
WHEN MATCHED THEN UPDATE SET region_name = src.r__name, amount = f.amount * src.fx__rate;

-- statements: 1/1 translated, 0 raw
-- warning TR_SEMANTIC 2:1 UPDATE ... FROM became MERGE INTO: MERGE fails when several source rows match one target row, where SQL Server silently takes one of them
-- warning TR_CASE_INSENSITIVE 6:25 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters

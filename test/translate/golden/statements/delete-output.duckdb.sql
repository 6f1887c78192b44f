INSERT INTO shellcorp.gold.fact_sales_archive (sale_id, amount, archived_at)
SELECT fact_sales.sale_id, fact_sales.amount, localtimestamp FROM shellcorp.gold.fact_sales WHERE sale_date < '2020-01-01';

DELETE FROM shellcorp.gold.fact_sales
WHERE sale_date < '2020-01-01';

INSERT INTO shellcorp.gold.dim_color (color_name)
VALUES ('red')
/*[TR_OUTPUT_CLAUSE] OUTPUT inserted.color_id */;

-- statements: 1/2 translated, 0 raw
-- warning TR_OUTPUT_BEFORE 3:1 OUTPUT (INTO dw.fact_sales_archive) became a query of the rows the DELETE changes, run just before it: another session writing dw.fact_sales between the two would make them differ
-- warning TR_SEMANTIC 3:41 GETDATE() was the SQL Server's local time; current_timestamp() is in the session time zone (UTC on SQL warehouses by default): check day boundaries
-- error TR_OUTPUT_CLAUSE 7:39 the OUTPUT clause was dropped: inserted.color_id takes a value the table makes, an identity or a default; query the changed rows before or after the statement by hand

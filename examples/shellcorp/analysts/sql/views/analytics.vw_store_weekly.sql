CREATE OR ALTER VIEW [analytics].[vw_store_weekly]
AS
-- Store sales by week (weeks start on Monday... except Sunday sales, which the
-- DATEDIFF(WEEK, 0, ...) trick puts in the NEXT week; finance know, and prefer it that way).
SELECT DATEADD(WEEK, DATEDIFF(WEEK, 0, d.[sales_date]), 0) AS [week_start],
       d.[store_id],
       s.[store_code],
       SUM(d.[order_count])  AS [orders],
       SUM(d.[units_sold])   AS [units],
       SUM(d.[net_amount])   AS [net_sales]
FROM   [dw].[daily_sales_summary] d
       INNER JOIN [dw].[dim_store] s ON s.[store_id] = d.[store_id]
GROUP BY DATEADD(WEEK, DATEDIFF(WEEK, 0, d.[sales_date]), 0), d.[store_id], s.[store_code];
GO

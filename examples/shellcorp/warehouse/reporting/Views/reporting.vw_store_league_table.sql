-- Schema-bound so nobody can drop a column of dw.store_kpis the ops deck depends on
-- without dropping this view first (happened twice in 2021).
CREATE VIEW [reporting].[vw_store_league_table]
WITH SCHEMABINDING
AS
SELECT k.month_start,
       k.store_id,
       s.store_code,
       s.store_name,
       s.region_name,
       k.net_amount,
       k.sales_per_sqft,
       k.order_count,
       k.avg_basket_units,
       k.return_rate_pct,
       k.region_rank,
       k.is_new_store
FROM   dw.store_kpis AS k
       INNER JOIN dw.dim_store AS s
               ON s.store_id = k.store_id;
GO

-- Store sales between two dates, for the Power BI "store drill" page and the analysts'
-- notebooks:  SELECT * FROM reporting.fn_store_sales('2025-04-01', '2025-04-30');
CREATE FUNCTION [reporting].[fn_store_sales]
(
    @from_date DATE,
    @to_date   DATE
)
RETURNS TABLE
AS
RETURN
(
    SELECT ds.store_id,
           ds.store_code,
           ds.store_name,
           ds.region_name,
           COUNT(*)                 AS trading_days,
           SUM(d.order_count)       AS order_count,
           SUM(d.units_sold)        AS units_sold,
           SUM(d.net_amount)        AS net_amount,
           SUM(d.discount_amount)   AS discount_amount,
           MAX(d.sales_date)        AS last_trading_day
    FROM   dw.daily_sales_summary AS d
           INNER JOIN dw.dim_store AS ds
                   ON ds.store_id = d.store_id
    WHERE  d.sales_date >= @from_date
      AND  d.sales_date <  DATEADD(DAY, 1, @to_date)
    GROUP BY ds.store_id, ds.store_code, ds.store_name, ds.region_name
);
GO

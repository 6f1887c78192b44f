-- Weekly trading report (Monday morning email to the exec team).
-- Run in SSMS, paste the grid into "Weekly trading.xlsx", tab "Data".
-- Last week = Monday..Sunday before today.
-- Owner: Priya N. (analytics)

DECLARE @week_start date = DATEADD(WEEK, DATEDIFF(WEEK, 0, GETDATE()) - 1, 0);   -- Monday of last week
DECLARE @week_end   date = DATEADD(DAY, 6, @week_start);

SELECT  s.region_name,
        s.store_code,
        s.store_name,
        SUM(d.order_count)                               AS orders,
        SUM(d.net_amount)                                AS net_sales,
        SUM(d.net_amount) / NULLIF(SUM(d.order_count), 0) AS aov,
        ly.net_sales                                     AS net_sales_last_year,
        (SUM(d.net_amount) - ly.net_sales) / NULLIF(ly.net_sales, 0) AS yoy
FROM    ShellCorp.dw.daily_sales_summary d
        JOIN ShellCorp.dw.dim_store s ON s.store_id = d.store_id
        OUTER APPLY (SELECT SUM(d2.net_amount) AS net_sales
                     FROM ShellCorp.dw.daily_sales_summary d2
                     WHERE d2.store_id = d.store_id
                       AND d2.sales_date BETWEEN DATEADD(WEEK, -52, @week_start) AND DATEADD(WEEK, -52, @week_end)) ly
WHERE   d.sales_date BETWEEN @week_start AND @week_end
GROUP BY s.region_name, s.store_code, s.store_name, ly.net_sales
ORDER BY s.region_name, net_sales DESC;

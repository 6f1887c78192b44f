-- Gold customers the retention team should call this week.
-- Asked by: CRM team (Slack #crm-analytics, 2025-06-12)
-- NB: dw.customer_churn is rebuilt nightly; the "At risk" rule lives in etl.usp_build_customer_churn.

IF OBJECT_ID('tempdb..#gold') IS NOT NULL DROP TABLE #gold;

SELECT  dc.customer_id, dc.customer_code, dc.full_name, dc.location, dc.home_store_id
INTO    #gold
FROM    dw.dim_customer dc
WHERE   dc.is_current = 1
  AND   dc.loyalty_tier = 'Gold';

SELECT TOP (100)
        g.customer_code,
        g.full_name,
        ISNULL(g.location, '(no address)')      AS location,
        ch.last_order_date,
        ch.days_since_last_order,
        ch.churn_risk,
        clv.predicted_annual_value,
        clv.value_segment
FROM    #gold g
        JOIN dw.customer_churn ch ON ch.customer_id = g.customer_id
        JOIN dw.customer_lifetime_value clv ON clv.customer_id = g.customer_id
WHERE   ch.churn_risk IN ('At risk', 'Churned')
ORDER BY clv.predicted_annual_value DESC;

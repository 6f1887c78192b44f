-- Customers by the month of their first order (in the replica), with what they spent since.
-- Deployed by hand to ShellCorp (schema analytics belongs to the analysts, not to the SSDT project).
IF OBJECT_ID('analytics.vw_customer_cohorts', 'V') IS NOT NULL
    DROP VIEW analytics.vw_customer_cohorts;
GO
CREATE VIEW analytics.vw_customer_cohorts
AS
SELECT DATEFROMPARTS(YEAR(clv.first_order_date), MONTH(clv.first_order_date), 1) AS cohort_month,
       dc.loyalty_tier,
       COUNT(*)                                  AS customers,
       SUM(clv.order_count)                      AS orders,
       SUM(clv.net_revenue_after_returns)        AS revenue,
       AVG(clv.net_revenue_after_returns)        AS revenue_per_customer,
       SUM(CASE WHEN ch.churn_flag = 1 THEN 1 ELSE 0 END) AS churned
FROM   dw.customer_lifetime_value clv
       JOIN dw.dim_customer dc ON dc.customer_id = clv.customer_id AND dc.is_current = 1
       LEFT JOIN dw.customer_churn ch ON ch.customer_id = clv.customer_id
WHERE  clv.first_order_date IS NOT NULL
GROUP BY DATEFROMPARTS(YEAR(clv.first_order_date), MONTH(clv.first_order_date), 1), dc.loyalty_tier;
GO

CREATE VIEW reporting.vw_customer_360
AS
/*
    One row per customer: current dimension row, value and churn. For the CRM team.
    Versions are counted so the team can see who changes tier a lot.
*/
WITH current_version AS (
    SELECT dc.customer_id, dc.customer_code, dc.full_name, dc.customer_label, dc.loyalty_tier, dc.status,
           dc.city, dc.state_code, dc.location, dc.home_store_id, dc.valid_from AS current_since
    FROM   dw.dim_customer dc
    WHERE  dc.is_current = 1
),
version_counts AS (
    SELECT customer_id, COUNT(*) AS versions, MIN(valid_from) AS first_seen
    FROM   dw.dim_customer
    GROUP BY customer_id
)
SELECT cv.customer_id,
       cv.customer_code,
       cv.full_name,
       cv.customer_label,
       cv.loyalty_tier,
       cv.status,
       cv.location,
       hs.store_name                       AS home_store,
       cv.current_since,
       vc.versions,
       vc.first_seen,
       clv.order_count,
       clv.net_revenue_after_returns,
       clv.predicted_annual_value,
       clv.value_segment,
       ch.last_order_date,
       ch.days_since_last_order,
       ch.churn_flag,
       ch.churn_risk
FROM   current_version cv
       JOIN version_counts vc ON vc.customer_id = cv.customer_id
       LEFT JOIN dw.customer_lifetime_value clv ON clv.customer_id = cv.customer_id
       LEFT JOIN dw.customer_churn ch ON ch.customer_id = cv.customer_id
       LEFT JOIN dw.dim_store hs ON hs.store_id = cv.home_store_id;
GO

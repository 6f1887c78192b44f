/*
    etl.usp_build_customer_churn

    One row per customer for the retention team, as of the last trading day in sales.orders
    (not GETDATE(): a late load must not flag everybody as churned).

    churn_risk, first rule that applies:
        'Closed'           the CRM account is closed (churn_flag = 1)
        'Never purchased'  no order in the replica (six months)
        'Churned'          last order three or more calendar months ago (churn_flag = 1);
                           calendar months as DATEDIFF counts them: 31 March -> 30 June is 3
        'At risk'          fewer orders in the last 90 days than half the 90 days before
        'Active'           everything else

    History
    2018-08-13  PK   created
    2020-06-22  SR   weeks_since_last_order for the CRM journeys
    2023-11-20  JT   anchored on the last trading day instead of GETDATE() (INC0063310)
*/
CREATE PROCEDURE etl.usp_build_customer_churn
    @run_id UNIQUEIDENTIFIER = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @proc_name    NVARCHAR(128) = OBJECT_SCHEMA_NAME(@@PROCID) + N'.' + OBJECT_NAME(@@PROCID),
            @run_log_id   INT,
            @rows         INT,
            @as_of_date   DATE,
            @window_start DATE,
            @prior_start  DATE,
            @err_number   INT,
            @err_msg      NVARCHAR(4000);

    EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'STARTED',
                               @run_log_id = @run_log_id OUTPUT;

    BEGIN TRY
        SELECT @as_of_date = MAX(order_date)
        FROM   sales.orders
        WHERE  order_status <> 'Cancelled';

        SET @window_start = DATEADD(DAY, -89, @as_of_date);     -- last 90 days, as-of day included
        SET @prior_start  = DATEADD(DAY, -179, @as_of_date);    -- the 90 days before that

        SELECT o.customer_id,
               SUM(CASE WHEN o.order_date >= @window_start THEN 1 ELSE 0 END)                          AS orders_last_90_days,
               SUM(CASE WHEN o.order_date >= @prior_start AND o.order_date < @window_start THEN 1 ELSE 0 END) AS orders_prior_90_days
        INTO   #recent
        FROM   sales.orders AS o
        WHERE  o.customer_id IS NOT NULL
          AND  o.order_status <> 'Cancelled'
          AND  o.order_date >= @prior_start
        GROUP BY o.customer_id;

        SELECT o.customer_id,
               CAST(SUM(ol.quantity * ol.unit_price * (1 - ISNULL(ol.discount_pct, 0))) AS DECIMAL(12,2)) AS net_last_90_days
        INTO   #recent_net
        FROM   sales.orders AS o
               JOIN sales.order_lines AS ol ON ol.order_id = o.order_id
        WHERE  o.customer_id IS NOT NULL
          AND  o.order_status <> 'Cancelled'
          AND  o.order_date >= @window_start
        GROUP BY o.customer_id;

        BEGIN TRANSACTION;

            TRUNCATE TABLE dw.customer_churn;

            INSERT INTO dw.customer_churn
                   (customer_id, customer_code, as_of_date, account_status, last_order_date, last_order_store_id,
                    days_since_last_order, weeks_since_last_order, months_since_last_order, orders_last_90_days,
                    orders_prior_90_days, net_last_90_days, churn_flag, churn_risk, etl_loaded_at)
            SELECT c.customer_id,
                   c.customer_code,
                   @as_of_date,
                   LTRIM(RTRIM(c.status)),
                   lo.order_date,
                   lo.store_id,
                   DATEDIFF(DAY,   lo.order_date, @as_of_date),
                   DATEDIFF(WEEK,  lo.order_date, @as_of_date),
                   DATEDIFF(MONTH, lo.order_date, @as_of_date),
                   ISNULL(r.orders_last_90_days, 0),
                   ISNULL(r.orders_prior_90_days, 0),
                   ISNULL(rn.net_last_90_days, 0),
                   IIF(c.status = 'Closed' OR DATEDIFF(MONTH, lo.order_date, @as_of_date) >= 3, 1, 0),
                   CASE
                       WHEN c.status = 'Closed'                                  THEN 'Closed'
                       WHEN lo.order_date IS NULL                                THEN 'Never purchased'
                       WHEN DATEDIFF(MONTH, lo.order_date, @as_of_date) >= 3     THEN 'Churned'
                       WHEN ISNULL(r.orders_last_90_days, 0) < ISNULL(r.orders_prior_90_days, 0) / 2 THEN 'At risk'
                       ELSE 'Active'
                   END,
                   SYSUTCDATETIME()
            FROM   sales.customers AS c
                   OUTER APPLY (SELECT TOP (1) o.order_date, o.store_id
                                FROM   sales.orders AS o
                                WHERE  o.customer_id = c.customer_id
                                  AND  o.order_status <> 'Cancelled'
                                ORDER BY o.order_datetime DESC, o.order_id DESC) AS lo
                   LEFT JOIN #recent     AS r  ON r.customer_id  = c.customer_id
                   LEFT JOIN #recent_net AS rn ON rn.customer_id = c.customer_id;

            SET @rows = @@ROWCOUNT;

        COMMIT TRANSACTION;

        EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'SUCCEEDED',
                                   @row_count = @rows, @run_log_id = @run_log_id OUTPUT;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        SELECT @err_number = ERROR_NUMBER(), @err_msg = ERROR_MESSAGE();
        EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'FAILED',
                                   @error_number = @err_number, @error_message = @err_msg,
                                   @run_log_id = @run_log_id OUTPUT;
        THROW;
    END CATCH;
END
GO

/*
    etl.usp_build_customer_lifetime_value

    Customer value for the CRM team, one row per customer (customers without orders included,
    as 'Prospect'). "Lifetime" is what the replica holds, i.e. the last six months.

        tenure_months           calendar months from the first order to the as-of date (DATEDIFF)
        orders_per_month        order_count / (tenure_months + 1), 2 decimals
        predicted_annual_value  avg_order_value x orders_per_month x 12, 2 decimals
        value_segment           from predicted_annual_value, bands in @segments below
        favourite_store_id      store with the most orders; ties -> most recent order, then lowest id
        has_valid_email         something that looks like an address (blank-only emails from the
                                old POS do not count)

    History
    2019-02-11  SR   created
    2021-09-27  SR   refunds netted off (FIN-1388)
    2024-02-05  JT   segment bands moved into a table variable, new 'Platinum' band
*/
CREATE PROCEDURE [etl].[usp_build_customer_lifetime_value]
    @run_id UNIQUEIDENTIFIER = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @proc_name  NVARCHAR(128) = OBJECT_SCHEMA_NAME(@@PROCID) + N'.' + OBJECT_NAME(@@PROCID),
            @run_log_id INT,
            @rows       INT,
            @as_of_date DATE,
            @err_number INT,
            @err_msg    NVARCHAR(4000);

    DECLARE @segments TABLE (
        segment   VARCHAR(10)   NOT NULL PRIMARY KEY,
        min_value DECIMAL(14,2) NOT NULL,
        max_value DECIMAL(14,2) NULL
    );

    INSERT INTO @segments (segment, min_value, max_value)
    VALUES ('Platinum', 6000.00, NULL),
           ('Gold',     2500.00, 6000.00),
           ('Silver',   1000.00, 2500.00),
           ('Bronze',      0.01, 1000.00);

    EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'STARTED',
                               @run_log_id = @run_log_id OUTPUT;

    BEGIN TRY
        SELECT @as_of_date = MAX(order_date) FROM sales.orders WHERE order_status <> 'Cancelled';

        -- orders and lines per customer (LEFT JOINs: keep customers who never ordered)
        SELECT c.customer_id,
               c.customer_code,
               c.email,
               MIN(o.order_date)                                   AS first_order_date,
               MAX(o.order_date)                                   AS last_order_date,
               COUNT(DISTINCT o.order_id)                          AS order_count,
               ISNULL(SUM(ol.quantity), 0)                         AS units_purchased,
               CAST(ISNULL(SUM(ol.quantity * ol.unit_price * (1 - ISNULL(ol.discount_pct, 0))), 0) AS DECIMAL(14,2)) AS net_revenue
        INTO   #clv
        FROM   sales.customers AS c
               LEFT JOIN sales.orders AS o
                      ON o.customer_id = c.customer_id
                     AND o.order_status <> 'Cancelled'
               LEFT JOIN sales.order_lines AS ol
                      ON ol.order_id = o.order_id
        GROUP BY c.customer_id, c.customer_code, c.email;

        SELECT o.customer_id,
               CAST(SUM(r.refund_amount) AS DECIMAL(14,2)) AS refunded_amount
        INTO   #refunds
        FROM   sales.returns AS r
               JOIN sales.orders AS o ON o.order_id = r.order_id
        WHERE  o.customer_id IS NOT NULL
        GROUP BY o.customer_id;

        -- favourite store
        SELECT x.customer_id, fav.store_id
        INTO   #favourite
        FROM   #clv AS x
               CROSS APPLY (SELECT TOP (1) o.store_id
                            FROM   sales.orders AS o
                            WHERE  o.customer_id = x.customer_id
                              AND  o.order_status <> 'Cancelled'
                            GROUP BY o.store_id
                            ORDER BY COUNT(*) DESC, MAX(o.order_date) DESC, o.store_id) AS fav
        WHERE  x.order_count > 0;

        -- derived measures, in steps so that each rounding happens once and where finance expects it
        SELECT x.customer_id,
               x.customer_code,
               x.email,
               x.first_order_date,
               x.last_order_date,
               x.order_count,
               x.units_purchased,
               x.net_revenue,
               ISNULL(rf.refunded_amount, 0)                                   AS refunded_amount,
               CAST(x.net_revenue / NULLIF(x.order_count, 0) AS DECIMAL(12,2)) AS avg_order_value,
               DATEDIFF(MONTH, x.first_order_date, @as_of_date)                AS tenure_months,
               CAST(NULL AS DECIMAL(9,2))                                      AS orders_per_month,
               CAST(NULL AS DECIMAL(14,2))                                     AS predicted_annual_value
        INTO   #measures
        FROM   #clv AS x
               LEFT JOIN #refunds AS rf ON rf.customer_id = x.customer_id;

        UPDATE #measures
        SET    orders_per_month = CAST(CAST(order_count AS DECIMAL(9,2)) / (tenure_months + 1) AS DECIMAL(9,2))
        WHERE  order_count > 0;

        UPDATE #measures
        SET    predicted_annual_value = CAST(avg_order_value * orders_per_month * 12 AS DECIMAL(14,2))
        WHERE  order_count > 0;

        BEGIN TRANSACTION;

            TRUNCATE TABLE dw.customer_lifetime_value;

            INSERT INTO dw.customer_lifetime_value
                   (customer_id, customer_code, first_order_date, last_order_date, order_count, units_purchased,
                    net_revenue, refunded_amount, net_revenue_after_returns, avg_order_value, tenure_months,
                    orders_per_month, predicted_annual_value, value_segment, favourite_store_id, has_valid_email,
                    etl_loaded_at)
            SELECT m.customer_id,
                   m.customer_code,
                   m.first_order_date,
                   m.last_order_date,
                   m.order_count,
                   m.units_purchased,
                   m.net_revenue,
                   m.refunded_amount,
                   m.net_revenue - m.refunded_amount,
                   m.avg_order_value,
                   m.tenure_months,
                   m.orders_per_month,
                   m.predicted_annual_value,
                   ISNULL(s.segment, 'Prospect'),
                   f.store_id,
                   IIF(LEN(ISNULL(m.email, '')) > 0 AND m.email LIKE '%_@_%._%', 1, 0),
                   SYSUTCDATETIME()
            FROM   #measures AS m
                   LEFT JOIN @segments AS s
                          ON m.predicted_annual_value >= s.min_value
                         AND (m.predicted_annual_value < s.max_value OR s.max_value IS NULL)
                   LEFT JOIN #favourite AS f ON f.customer_id = m.customer_id;

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

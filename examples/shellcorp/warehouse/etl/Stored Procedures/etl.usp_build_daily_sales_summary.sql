/*
    etl.usp_build_daily_sales_summary

    Rebuilds dw.daily_sales_summary (one row per trading day and store) for a date window.
    Without parameters it rebuilds every day the orders replica holds. The nightly passes
    nothing; to reload a single day after a late POS file, pass the same date twice.

    Rules agreed with finance (see the "Sales definitions" page on the BI wiki):
      - cancelled orders do not count, anywhere;
      - gross = quantity x unit price; discount = gross x discount_pct (NULL means no discount);
        net = gross - discount. Each is summed exactly and rounded once, per day and store;
      - avg_order_value is taken from the ROUNDED net, so it reconciles with the finance pack;
      - an order header without lines (POS crash) is not an order.

    History
    2016-02-09  PK   created
    2019-03-12  PK   exclude cancelled orders (INC0042117)
    2021-06-01  SR   guest orders, distinct customers, online share
    2022-08-30  SR   avg_order_value from the rounded net (FIN-1290)
*/
CREATE PROCEDURE [etl].[usp_build_daily_sales_summary]
    @from_date DATE             = NULL,
    @to_date   DATE             = NULL,
    @run_id    UNIQUEIDENTIFIER = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @proc_name  NVARCHAR(128) = OBJECT_SCHEMA_NAME(@@PROCID) + N'.' + OBJECT_NAME(@@PROCID),
            @run_log_id INT,
            @rows       INT = 0,
            @err_number INT,
            @err_msg    NVARCHAR(4000);

    IF @from_date IS NULL SELECT @from_date = MIN(order_date) FROM sales.orders;
    IF @to_date   IS NULL SELECT @to_date   = MAX(order_date) FROM sales.orders;

    EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'STARTED',
                               @run_log_id = @run_log_id OUTPUT;

    BEGIN TRY
        IF @from_date > @to_date
            THROW 50001, N'usp_build_daily_sales_summary: @from_date is after @to_date.', 1;

        -- one row per order with its totals
        SELECT o.order_id,
               o.order_date,
               o.store_id,
               o.customer_id,
               o.channel,
               o.shipping_fee,
               SUM(ol.quantity)                                              AS units,
               SUM(ol.quantity * ol.unit_price)                              AS gross_amount,
               SUM(ol.quantity * ol.unit_price * ISNULL(ol.discount_pct, 0)) AS discount_amount
        INTO   #order_totals
        FROM   sales.orders AS o
               INNER JOIN sales.order_lines AS ol
                   ON ol.order_id = o.order_id
        WHERE  o.order_date BETWEEN @from_date AND @to_date
          AND  o.order_status <> 'Cancelled'
        GROUP BY o.order_id, o.order_date, o.store_id, o.customer_id, o.channel, o.shipping_fee;

        -- day x store
        SELECT ot.order_date                                                   AS sales_date,
               ot.store_id,
               s.region_id,
               COUNT(*)                                                        AS order_count,
               SUM(CASE WHEN ot.customer_id IS NULL THEN 1 ELSE 0 END)         AS guest_order_count,
               COUNT(DISTINCT ot.customer_id)                                  AS distinct_customers,
               SUM(ot.units)                                                   AS units_sold,
               CAST(SUM(ot.gross_amount) AS DECIMAL(14, 2))                    AS gross_amount,
               CAST(SUM(ot.discount_amount) AS DECIMAL(14, 2))                 AS discount_amount,
               CAST(SUM(ot.gross_amount - ot.discount_amount) AS DECIMAL(14, 2)) AS net_amount,
               CAST(SUM(ot.shipping_fee) AS DECIMAL(12, 2))                    AS shipping_amount,
               SUM(CASE WHEN ot.channel = 'ONLINE' THEN 1 ELSE 0 END)          AS online_orders
        INTO   #daily
        FROM   #order_totals AS ot
               INNER JOIN sales.stores AS s
                   ON s.store_id = ot.store_id
        GROUP BY ot.order_date, ot.store_id, s.region_id;

        BEGIN TRANSACTION;

            DELETE FROM dw.daily_sales_summary
            WHERE  sales_date BETWEEN @from_date AND @to_date;

            INSERT INTO dw.daily_sales_summary
                   (sales_date, store_id, date_key, region_id, order_count, guest_order_count, distinct_customers,
                    units_sold, gross_amount, discount_amount, net_amount, shipping_amount, avg_order_value,
                    online_share_pct, is_weekend, etl_loaded_at)
            SELECT d.sales_date,
                   d.store_id,
                   CONVERT(INT, CONVERT(CHAR(8), d.sales_date, 112)),           -- yyyymmdd
                   d.region_id,
                   d.order_count,
                   d.guest_order_count,
                   d.distinct_customers,
                   d.units_sold,
                   d.gross_amount,
                   d.discount_amount,
                   d.net_amount,
                   d.shipping_amount,
                   CAST(d.net_amount / NULLIF(d.order_count, 0) AS DECIMAL(12, 2)),
                   CAST(100.0 * d.online_orders / NULLIF(d.order_count, 0) AS DECIMAL(5, 2)),
                   c.is_weekend,
                   SYSUTCDATETIME()
            FROM   #daily AS d
                   INNER JOIN ref.calendar AS c
                       ON c.calendar_date = d.sales_date;

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

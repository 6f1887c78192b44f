/*
    etl.usp_build_product_performance

    Month x product: units, net sales, margin at current cost, returns, and ranks.
      category_rank   RANK within the product's category for the month (ties share a rank)
      overall_rank    ROW_NUMBER over all products for the month, ties broken by product_id
      return_rate     units returned in the month / units sold in the month (float, as Power BI wants it)
    Returns are counted in the month they came back, not the month of the sale.

    History
    2017-05-15  PK   created
    2018-10-02  PK   category_share_pct (merchandising)
    2024-01-19  JT   overall_rank ties broken by product_id so the top 10 is stable
*/
CREATE PROCEDURE [etl].[usp_build_product_performance]
    @run_id UNIQUEIDENTIFIER = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @proc_name  NVARCHAR(128) = OBJECT_SCHEMA_NAME(@@PROCID) + N'.' + OBJECT_NAME(@@PROCID),
            @run_log_id INT,
            @rows       INT,
            @err_number INT,
            @err_msg    NVARCHAR(4000);

    EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'STARTED',
                               @run_log_id = @run_log_id OUTPUT;

    BEGIN TRY
        SELECT DATEFROMPARTS(YEAR(o.order_date), MONTH(o.order_date), 1) AS month_start,
               ol.product_id,
               SUM(ol.quantity)                                          AS units_sold,
               COUNT(DISTINCT o.order_id)                                AS order_count,
               CAST(SUM(ol.quantity * ol.unit_price * (1 - ISNULL(ol.discount_pct, 0))) AS DECIMAL(14,2)) AS net_amount
        INTO   #product_month
        FROM   sales.orders o
               JOIN sales.order_lines ol ON ol.order_id = o.order_id
        WHERE  o.order_status <> 'Cancelled'
        GROUP BY DATEFROMPARTS(YEAR(o.order_date), MONTH(o.order_date), 1), ol.product_id;

        SELECT DATEFROMPARTS(YEAR(r.return_date), MONTH(r.return_date), 1) AS month_start,
               r.product_id,
               SUM(r.quantity)                                             AS units_returned
        INTO   #product_returns
        FROM   sales.returns r
        GROUP BY DATEFROMPARTS(YEAR(r.return_date), MONTH(r.return_date), 1), r.product_id;

        BEGIN TRANSACTION;

            DELETE FROM dw.product_performance;

            ;WITH ranked AS (
                SELECT pm.month_start,
                       pm.product_id,
                       p.sku,
                       p.category,
                       pm.units_sold,
                       pm.order_count,
                       pm.net_amount,
                       CAST(pm.units_sold * p.unit_cost AS DECIMAL(14,2))               AS cost_amount,
                       ISNULL(pr.units_returned, 0)                                     AS units_returned,
                       RANK()       OVER (PARTITION BY pm.month_start, p.category ORDER BY pm.net_amount DESC)   AS category_rank,
                       ROW_NUMBER() OVER (PARTITION BY pm.month_start ORDER BY pm.net_amount DESC, pm.product_id) AS overall_rank
                FROM   #product_month pm
                       JOIN sales.products p ON p.product_id = pm.product_id
                       LEFT JOIN #product_returns pr
                              ON pr.month_start = pm.month_start
                             AND pr.product_id  = pm.product_id
            )
            INSERT INTO dw.product_performance
                   (month_start, product_id, sku, category, units_sold, order_count, net_amount, cost_amount,
                    gross_margin, margin_pct, units_returned, return_rate, category_rank, overall_rank,
                    category_share_pct, is_top_10, etl_loaded_at)
            SELECT month_start,
                   product_id,
                   sku,
                   category,
                   units_sold,
                   order_count,
                   net_amount,
                   cost_amount,
                   net_amount - cost_amount,
                   CAST((net_amount - cost_amount) * 100.0 / NULLIF(net_amount, 0) AS DECIMAL(6,2)),
                   units_returned,
                   CAST(units_returned AS FLOAT) / NULLIF(units_sold, 0),
                   category_rank,
                   overall_rank,
                   NULL,                                   -- filled below
                   IIF(overall_rank <= 10, 1, 0),
                   SYSUTCDATETIME()
            FROM   ranked;

            SET @rows = @@ROWCOUNT;

            -- share of the category's net for the month
            UPDATE pp
            SET    pp.category_share_pct = CAST(pp.net_amount * 100.0 / NULLIF(ct.category_net, 0) AS DECIMAL(5,2))
            FROM   dw.product_performance AS pp
                   INNER JOIN (SELECT month_start, category, SUM(net_amount) AS category_net
                               FROM   dw.product_performance
                               GROUP BY month_start, category) AS ct
                           ON ct.month_start = pp.month_start
                          AND ct.category    = pp.category;

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

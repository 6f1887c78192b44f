/*
    etl.usp_build_top_products_per_store

    The five best-selling products (by units) of every open store over the last four weeks of
    trading, for the store managers' weekly email. WITH TIES on purpose: if the fifth and the
    sixth product sold the same number of units, both are listed (store ops asked for it, so
    a store can show more than five rows).

    History
    2019-09-30  SR   created
    2020-03-02  SR   WITH TIES
    2021-10-18  SR   four weeks instead of 90 days (store ops)
*/
CREATE PROCEDURE etl.usp_build_top_products_per_store
    @days   INT              = 28,
    @run_id UNIQUEIDENTIFIER = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @proc_name    NVARCHAR(128) = OBJECT_SCHEMA_NAME(@@PROCID) + N'.' + OBJECT_NAME(@@PROCID),
            @run_log_id   INT,
            @rows         INT,
            @window_start DATE,
            @window_end   DATE,
            @err_number   INT,
            @err_msg      NVARCHAR(4000);

    EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'STARTED',
                               @run_log_id = @run_log_id OUTPUT;

    BEGIN TRY
        SELECT @window_end = MAX(order_date) FROM sales.orders;
        SET @window_start = DATEADD(DAY, 1 - @days, @window_end);

        SELECT o.store_id,
               ol.product_id,
               SUM(ol.quantity) AS units_sold,
               CAST(SUM(ol.quantity * ol.unit_price * (1 - ISNULL(ol.discount_pct, 0))) AS DECIMAL(14,2)) AS net_amount
        INTO   #store_product
        FROM   sales.orders AS o
               JOIN sales.order_lines AS ol ON ol.order_id = o.order_id
        WHERE  o.order_date BETWEEN @window_start AND @window_end
          AND  o.order_status <> 'Cancelled'
        GROUP BY o.store_id, ol.product_id;

        BEGIN TRANSACTION;

            TRUNCATE TABLE dw.top_products_per_store;

            INSERT INTO dw.top_products_per_store
                   (store_id, product_id, window_start, window_end, units_sold, net_amount, units_rank, etl_loaded_at)
            SELECT s.store_id,
                   t.product_id,
                   @window_start,
                   @window_end,
                   t.units_sold,
                   t.net_amount,
                   RANK() OVER (PARTITION BY s.store_id ORDER BY t.units_sold DESC),
                   SYSUTCDATETIME()
            FROM   sales.stores AS s
                   CROSS APPLY (SELECT TOP (5) WITH TIES
                                       sp.product_id, sp.units_sold, sp.net_amount
                                FROM   #store_product AS sp
                                WHERE  sp.store_id = s.store_id
                                ORDER BY sp.units_sold DESC) AS t
            WHERE  s.is_active = 1;

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

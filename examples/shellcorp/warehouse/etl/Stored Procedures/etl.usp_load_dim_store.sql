/*
    etl.usp_load_dim_store

    Store dimension, truncated and reloaded every night (twelve rows, not worth a MERGE).
    store_status and store_age_months are as of the last trading day in sales.orders.

    History
    2016-02-02  PK   created
    2025-02-10  JT   'Opening soon' for SC403 Portland (opens 14 Feb)
*/
CREATE PROCEDURE [etl].[usp_load_dim_store]
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

    EXEC [etl].[usp_write_run_log] @run_id = @run_id, @procedure_name = @proc_name, @status = 'STARTED',
                                   @run_log_id = @run_log_id OUTPUT;

    BEGIN TRY
        SELECT @as_of_date = MAX([order_date]) FROM [sales].[orders];

        BEGIN TRANSACTION;

            TRUNCATE TABLE [dw].[dim_store];

            INSERT INTO [dw].[dim_store]
                   ([store_id], [store_code], [store_name], [region_id], [city], [state_code], [store_format],
                    [square_feet], [size_band], [opened_on], [closed_on], [store_status], [store_age_months],
                    [etl_loaded_at])
            SELECT s.[store_id],
                   s.[store_code],
                   s.[store_name],
                   s.[region_id],
                   s.[city],
                   s.[state_code],
                   s.[store_format],
                   s.[square_feet],
                   CASE WHEN s.[square_feet] >= 35000 THEN 'Large'
                        WHEN s.[square_feet] >= 18000 THEN 'Medium'
                        ELSE 'Small' END,
                   s.[opened_on],
                   s.[closed_on],
                   CASE WHEN s.[closed_on] IS NOT NULL AND s.[closed_on] <= @as_of_date THEN 'Closed'
                        WHEN s.[opened_on] > @as_of_date THEN 'Opening soon'
                        ELSE 'Open' END,
                   DATEDIFF(MONTH, s.[opened_on], @as_of_date),
                   SYSUTCDATETIME()
            FROM   [sales].[stores] s;

            SET @rows = @@ROWCOUNT;

            -- region attributes (kept as a separate step since the regions moved to ref in 2019)
            UPDATE ds
            SET    ds.[region_code] = r.[region_code],
                   ds.[region_name] = r.[region_name]
            FROM   [dw].[dim_store] ds
                   INNER JOIN [ref].[regions] r ON r.[region_id] = ds.[region_id];

        COMMIT TRANSACTION;

        EXEC [etl].[usp_write_run_log] @run_id = @run_id, @procedure_name = @proc_name, @status = 'SUCCEEDED',
                                       @row_count = @rows, @run_log_id = @run_log_id OUTPUT;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        SELECT @err_number = ERROR_NUMBER(), @err_msg = ERROR_MESSAGE();
        EXEC [etl].[usp_write_run_log] @run_id = @run_id, @procedure_name = @proc_name, @status = 'FAILED',
                                       @error_number = @err_number, @error_message = @err_msg,
                                       @run_log_id = @run_log_id OUTPUT;
        THROW;
    END CATCH;
END
GO

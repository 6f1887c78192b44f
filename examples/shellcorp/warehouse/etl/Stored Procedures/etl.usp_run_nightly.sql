/*
    etl.usp_run_nightly

    The nightly build, called by the SQL Agent job "ShellCorp - Nightly ETL" (step 2) after
    the POS import has landed. Runs every dw build in dependency order under one @run_id so
    that etl.run_log shows the whole night together:

        SELECT * FROM etl.run_log WHERE run_id = '<id>' ORDER BY run_log_id;

    Stops at the first failure and re-raises it, so the Agent job fails and pages on-call.
    The inventory snapshot and the staging purge run from the weekly job, not here.

    History
    2016-02-09  PK   created
    2019-05-06  SR   returns summary, product performance
    2022-05-09  JT   @run_id passed down; stop on first failure
    2024-02-05  JT   customer lifetime value
*/
CREATE PROCEDURE [etl].[usp_run_nightly]
    @skip_customers BIT = 0
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @run_id     UNIQUEIDENTIFIER = NEWID(),
            @run_log_id INT,
            @step       NVARCHAR(128),
            @err_number INT,
            @err_msg    NVARCHAR(4000);

    EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = N'etl.usp_run_nightly', @status = 'STARTED',
                               @run_log_id = @run_log_id OUTPUT;

    BEGIN TRY
        SET @step = N'dimensions';
        EXEC etl.usp_load_dim_store   @run_id = @run_id;
        EXEC etl.usp_load_dim_product @run_id = @run_id;

        SET @step = N'sales';
        EXEC etl.usp_build_daily_sales_summary @run_id = @run_id;          -- full rebuild, see the proc
        EXEC etl.usp_build_monthly_revenue_by_region @run_id = @run_id;    -- reads daily_sales_summary
        EXEC etl.usp_build_product_performance @run_id = @run_id;
        EXEC etl.usp_build_store_kpis @run_id = @run_id;                   -- reads daily_sales_summary
        EXEC etl.usp_build_top_products_per_store @days = 28, @run_id = @run_id;
        EXEC etl.usp_build_returns_summary @run_id = @run_id;

        IF @skip_customers = 0
        BEGIN
            SET @step = N'customers';
            EXEC etl.usp_load_dim_customer @run_id = @run_id;
            EXEC etl.usp_build_customer_churn @run_id = @run_id;
            EXEC etl.usp_build_customer_lifetime_value @run_id = @run_id;
        END
        ELSE
            EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = N'etl.usp_run_nightly',
                                       @step_name = N'customers', @status = 'SKIPPED';

        EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = N'etl.usp_run_nightly', @status = 'SUCCEEDED',
                                   @run_log_id = @run_log_id OUTPUT;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        SELECT @err_number = ERROR_NUMBER(),
               @err_msg    = N'step ' + ISNULL(@step, N'?') + N': ' + ERROR_MESSAGE();
        EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = N'etl.usp_run_nightly', @step_name = @step,
                                   @status = 'FAILED', @error_number = @err_number, @error_message = @err_msg,
                                   @run_log_id = @run_log_id OUTPUT;
        THROW;
    END CATCH;
END
GO

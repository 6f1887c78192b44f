/******************************************************************************
** Name:    etl.usp_build_returns_summary
** Desc:    Returns by month (of the return), store (where it came back) and
**          reason, for the loss-prevention report.
** Auth:    P. Kowalski
** Date:    2015-11-03
*******************************************************************************
** Change History
*******************************************************************************
** Date        Author  Description
** ----------  ------  ------------------------------------------------------
** 2016-01-12  PK      reason codes trimmed and upper-cased, blanks = UNKNOWN
** 2017-07-28  PK      avg_days_to_return
** 2019-05-06  SR      reload only the months present in sales.returns
*******************************************************************************/
CREATE PROCEDURE [etl].[usp_build_returns_summary]
    @run_id UNIQUEIDENTIFIER = NULL
AS
SET NOCOUNT ON
SET XACT_ABORT ON

DECLARE @proc_name NVARCHAR(128), @run_log_id INT, @rows INT, @err_number INT, @err_msg NVARCHAR(4000)
SET @proc_name = OBJECT_SCHEMA_NAME(@@PROCID) + N'.' + OBJECT_NAME(@@PROCID)

EXEC [etl].[usp_write_run_log] @run_id = @run_id, @procedure_name = @proc_name, @status = 'STARTED', @run_log_id = @run_log_id OUTPUT

BEGIN TRY

    SELECT  DATEFROMPARTS(YEAR(r.[return_date]), MONTH(r.[return_date]), 1)         AS [return_month],
            r.[store_id],
            ISNULL(NULLIF(UPPER(LTRIM(RTRIM(r.[reason_code]))), ''), 'UNKNOWN')     AS [reason_code],
            r.[quantity],
            r.[refund_amount],
            r.[restocked],
            DATEDIFF(DAY, o.[order_date], r.[return_date])                           AS [days_to_return]
    INTO    #returns
    FROM    [sales].[returns] r
            INNER JOIN [sales].[orders] o ON o.[order_id] = r.[order_id]

    IF @@ROWCOUNT = 0
    BEGIN
        RAISERROR('usp_build_returns_summary: sales.returns is empty, nothing to do.', 10, 1) WITH NOWAIT
        EXEC [etl].[usp_write_run_log] @run_id = @run_id, @procedure_name = @proc_name, @status = 'SKIPPED', @row_count = 0, @run_log_id = @run_log_id OUTPUT
        RETURN 0
    END

    SELECT DISTINCT [return_month] INTO #months FROM #returns

    BEGIN TRAN

    DELETE  rs
    FROM    [dw].[returns_summary] rs
            INNER JOIN #months m ON m.[return_month] = rs.[return_month]

    INSERT INTO [dw].[returns_summary]
            ([return_month], [store_id], [reason_code], [return_count], [units_returned], [refund_amount],
             [avg_days_to_return], [restocked_units], [etl_loaded_at])
    SELECT  [return_month],
            [store_id],
            [reason_code],
            COUNT(*),
            SUM([quantity]),
            CAST(SUM([refund_amount]) AS DECIMAL(12, 2)),
            AVG([days_to_return]),                      -- int average: whole days, rounded down
            SUM(CASE WHEN [restocked] = 1 THEN [quantity] ELSE 0 END),
            GETDATE()
    FROM    #returns
    GROUP BY [return_month], [store_id], [reason_code]

    SET @rows = @@ROWCOUNT

    COMMIT TRAN

    EXEC [etl].[usp_write_run_log] @run_id = @run_id, @procedure_name = @proc_name, @status = 'SUCCEEDED', @row_count = @rows, @run_log_id = @run_log_id OUTPUT

END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRAN

    SELECT @err_number = ERROR_NUMBER(), @err_msg = ERROR_MESSAGE()
    EXEC [etl].[usp_write_run_log] @run_id = @run_id, @procedure_name = @proc_name, @status = 'FAILED', @error_number = @err_number, @error_message = @err_msg, @run_log_id = @run_log_id OUTPUT

    RAISERROR(@err_msg, 16, 1)
    RETURN 1
END CATCH
GO

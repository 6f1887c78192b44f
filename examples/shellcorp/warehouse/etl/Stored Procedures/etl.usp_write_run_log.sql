/*
    etl.usp_write_run_log

    One row per procedure run in etl.run_log. Call it with @status = 'STARTED' first and keep
    the @run_log_id it hands back; call it again with that id and SUCCEEDED / FAILED / SKIPPED
    to close the row.

        DECLARE @log_id int;
        EXEC etl.usp_write_run_log @procedure_name = N'etl.usp_x', @status = 'STARTED', @run_log_id = @log_id OUTPUT;
        ...
        EXEC etl.usp_write_run_log @procedure_name = N'etl.usp_x', @status = 'SUCCEEDED', @row_count = 42, @run_log_id = @log_id OUTPUT;

    Note: if you call this inside a transaction that is rolled back, the log row goes with it.
    Log FAILED after the ROLLBACK in your CATCH block.

    2016-02-02  PK   created
    2020-11-17  SR   @step_name, error columns
*/
CREATE PROCEDURE [etl].[usp_write_run_log]
    @run_id         UNIQUEIDENTIFIER = NULL,
    @procedure_name NVARCHAR(128),
    @step_name      NVARCHAR(128)    = NULL,
    @status         VARCHAR(10),
    @row_count      INT              = NULL,
    @error_number   INT              = NULL,
    @error_message  NVARCHAR(4000)   = NULL,
    @run_log_id     INT              = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;

    IF @status NOT IN ('STARTED', 'SUCCEEDED', 'FAILED', 'SKIPPED')
    BEGIN
        RAISERROR(N'etl.usp_write_run_log: unknown status "%s".', 16, 1, @status);
        RETURN 1;
    END;

    IF @status = 'STARTED' OR @run_log_id IS NULL
    BEGIN
        INSERT INTO [etl].[run_log] ([run_id], [procedure_name], [step_name], [status], [row_count], [error_number], [error_message], [finished_at])
        VALUES (@run_id, @procedure_name, @step_name, @status, @row_count, @error_number, LEFT(@error_message, 4000),
                CASE WHEN @status = 'STARTED' THEN NULL ELSE SYSUTCDATETIME() END);

        SET @run_log_id = CAST(SCOPE_IDENTITY() AS INT);
    END
    ELSE
    BEGIN
        UPDATE [etl].[run_log]
        SET    [status]        = @status,
               [row_count]     = ISNULL(@row_count, [row_count]),
               [error_number]  = @error_number,
               [error_message] = LEFT(@error_message, 4000),
               [finished_at]   = SYSUTCDATETIME()
        WHERE  [run_log_id] = @run_log_id;

        IF @@ROWCOUNT = 0
            RAISERROR(N'etl.usp_write_run_log: no run_log row %d to close.', 10, 1, @run_log_id) WITH NOWAIT;
    END;

    RETURN 0;
END
GO

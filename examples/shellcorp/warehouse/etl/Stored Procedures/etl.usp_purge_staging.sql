/*
    etl.usp_purge_staging

    Trims the tables listed in etl.purge_policy, in batches so the log does not blow up
    (the 2020 "delete everything in one go" took the log drive down, INC0039120).

        purge_mode DELETE    delete rows whose date_column is older than retention_days
        purge_mode TRUNCATE  truncate the table (only when the policy is enabled, and only
                             when @allow_truncate = 1)

    @retention_days overrides every policy's retention when given (used for one-off cleanups).
    @dry_run = 1 prints the statements instead of running them.

    History
    2020-07-06  SR   created after INC0039120
    2022-09-19  JT   TRUNCATE mode, @dry_run
*/
CREATE PROCEDURE etl.usp_purge_staging
    @retention_days INT              = NULL,
    @batch_size     INT              = 5000,
    @allow_truncate BIT              = 0,
    @dry_run        BIT              = 0,
    @run_id         UNIQUEIDENTIFIER = NULL
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @proc_name   NVARCHAR(128) = OBJECT_SCHEMA_NAME(@@PROCID) + N'.' + OBJECT_NAME(@@PROCID),
            @run_log_id  INT,
            @policy_no   INT = 1,
            @policy_max  INT,
            @schema_name SYSNAME,
            @table_name  SYSNAME,
            @date_column SYSNAME,
            @mode        VARCHAR(10),
            @keep_days   INT,
            @cutoff      DATETIME2(0),
            @sql         NVARCHAR(MAX),
            @deleted     INT,
            @total       INT = 0,
            @err_number  INT,
            @err_msg     NVARCHAR(4000);

    IF @batch_size IS NULL OR @batch_size < 1 OR @batch_size > 100000
    BEGIN
        RAISERROR(N'usp_purge_staging: @batch_size must be between 1 and 100000 (got %d).', 16, 1, @batch_size);
        RETURN 1;
    END;

    EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'STARTED',
                               @run_log_id = @run_log_id OUTPUT;

    BEGIN TRY
        SELECT ROW_NUMBER() OVER (ORDER BY pp.policy_id) AS policy_no,
               pp.schema_name, pp.table_name, pp.date_column, pp.purge_mode,
               COALESCE(@retention_days, pp.retention_days) AS keep_days
        INTO   #policies
        FROM   etl.purge_policy AS pp
        WHERE  pp.is_enabled = 1
          AND  OBJECT_ID(QUOTENAME(pp.schema_name) + N'.' + QUOTENAME(pp.table_name), N'U') IS NOT NULL;

        SELECT @policy_max = ISNULL(MAX(policy_no), 0) FROM #policies;

        WHILE @policy_no <= @policy_max
        BEGIN
            SELECT @schema_name = schema_name, @table_name = table_name, @date_column = date_column,
                   @mode = purge_mode, @keep_days = keep_days
            FROM   #policies
            WHERE  policy_no = @policy_no;

            IF @mode = 'TRUNCATE'
            BEGIN
                IF @allow_truncate = 1
                BEGIN
                    SET @sql = N'TRUNCATE TABLE ' + QUOTENAME(@schema_name) + N'.' + QUOTENAME(@table_name) + N';';
                    IF @dry_run = 1 PRINT @sql; ELSE EXEC (@sql);
                END
                ELSE
                    PRINT N'skipped TRUNCATE of ' + @schema_name + N'.' + @table_name + N' (@allow_truncate = 0)';
            END
            ELSE IF @date_column IS NOT NULL AND @keep_days IS NOT NULL
            BEGIN
                SET @cutoff = DATEADD(DAY, -@keep_days, CAST(SYSUTCDATETIME() AS DATE));
                SET @sql = N'DELETE TOP (@batch) FROM ' + QUOTENAME(@schema_name) + N'.' + QUOTENAME(@table_name)
                         + N' WHERE ' + QUOTENAME(@date_column) + N' < @cutoff;';

                IF @dry_run = 1
                    PRINT @sql + N'  -- @cutoff = ' + CONVERT(NVARCHAR(19), @cutoff, 120);
                ELSE
                BEGIN
                    SET @deleted = @batch_size;
                    WHILE @deleted = @batch_size
                    BEGIN
                        EXEC sp_executesql @sql,
                                           N'@batch INT, @cutoff DATETIME2(0)',
                                           @batch = @batch_size, @cutoff = @cutoff;
                        SET @deleted = @@ROWCOUNT;
                        SET @total = @total + @deleted;
                        IF @deleted = @batch_size WAITFOR DELAY '00:00:01';   -- let log backups catch up
                    END;
                END;
            END;

            SET @policy_no = @policy_no + 1;
        END;

        EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'SUCCEEDED',
                                   @row_count = @total, @run_log_id = @run_log_id OUTPUT;
    END TRY
    BEGIN CATCH
        SELECT @err_number = ERROR_NUMBER(), @err_msg = ERROR_MESSAGE();
        EXEC etl.usp_write_run_log @run_id = @run_id, @procedure_name = @proc_name, @status = 'FAILED',
                                   @error_number = @err_number, @error_message = @err_msg,
                                   @run_log_id = @run_log_id OUTPUT;
        THROW;
    END CATCH;
END
GO

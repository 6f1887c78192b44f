CREATE PROCEDURE dbo.Flow AS
BEGIN
    IF @a = 1
        PRINT 'one';
    ELSE IF @a = 2
    BEGIN
        PRINT 'two';
    END
    ELSE
        PRINT 'other'

    IF NOT EXISTS (SELECT 1 FROM dbo.T) RETURN

    WHILE (1 = 1)
    BEGIN
        FETCH NEXT FROM c INTO @id, @name;
        IF @@FETCH_STATUS <> 0 BREAK;
        IF @id = 0 CONTINUE;
        SET @i += 1
    END

    BEGIN TRY
        BEGIN TRANSACTION;
        UPDATE dbo.T SET a = 1;
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;

    GOTO Done
    PRINT 'skipped'
    Done:
    WAITFOR DELAY '00:00:05';
    WAITFOR TIME @at;
    RETURN @@ERROR;
END

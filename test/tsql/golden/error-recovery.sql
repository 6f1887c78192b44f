CREATE PROCEDURE dbo.Recover AS
BEGIN
    SELECT 1;
    SELECT FROM WHERE;
    UPDATE dbo.T SET a = 1;
    IF @a = 1
        SELECT ,;
    ELSE
        PRINT 'else still parsed';
    INSERT INTO dbo.T VALUES (1, 2;
    SELECT 'after unbalanced parenthesis';
    SELECT CASE WHEN a ** b THEN 1 END FROM dbo.T;
    PRINT 'after a bad CASE';
END
GO
SELECT 'next batch is fine';
GO
this is not sql at all
GO

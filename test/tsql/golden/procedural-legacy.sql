-- A pre-2005 style procedure: no semicolons, @@ERROR checks, GOTO error handling, old hints.
CREATE PROCEDURE [dbo].[usp_LoadSales]
(
	@StartDate datetime = NULL,
	@Debug bit = 0
)
AS
SET NOCOUNT ON
DECLARE @rc int, @err int, @msg varchar(255)
SELECT @StartDate = ISNULL(@StartDate, DATEADD(dd, -1, CONVERT(varchar(8), GETDATE(), 112)))
IF OBJECT_ID('tempdb..#stage') IS NOT NULL DROP TABLE #stage
CREATE TABLE #stage (SaleID int NOT NULL, Amount money NULL)
INSERT INTO #stage (SaleID, Amount)
SELECT s.SaleID, s.Amount
FROM Sales.dbo.Sale s (NOLOCK)
INNER JOIN Sales.dbo.Region r (NOLOCK) ON r.RegionID = s.RegionID
WHERE s.SaleDate >= @StartDate
SELECT @err = @@ERROR, @rc = @@ROWCOUNT
IF @err <> 0 GOTO ErrorHandler
IF @Debug = 1
	PRINT 'Staged ' + CAST(@rc AS varchar(10)) + ' rows'
BEGIN TRAN
DELETE f FROM dbo.FactSales f JOIN #stage s ON s.SaleID = f.SaleID
IF @@ERROR <> 0 BEGIN ROLLBACK TRAN GOTO ErrorHandler END
INSERT dbo.FactSales (SaleID, Amount) SELECT SaleID, Amount FROM #stage
COMMIT TRAN
RETURN 0
ErrorHandler:
SELECT @msg = 'usp_LoadSales failed: ' + CONVERT(varchar(10), @err)
RAISERROR (@msg, 16, 1) WITH LOG
RETURN -1
GO
SELECT a, SUM(b) FROM dbo.T GROUP BY a ORDER BY a COMPUTE SUM(SUM(b))

SELECT * FROM dbo.Orders;
SELECT o.*, c.Name FROM Sales.Orders AS o, Sales.Customers c;
SELECT DISTINCT TOP (10) PERCENT WITH TIES a, b FROM t ORDER BY a DESC, b;
SELECT TOP 5 a AS [First Name], b 'Second', c "Third", d = e + 1, 'Label' = f FROM t;
SELECT ALL a FROM [My Database].[dbo].[My Table] WHERE [Key] = 1;
SELECT a FROM Server1.Db1.dbo.T1 JOIN Db2..T2 ON T1.id = T2.id;
SELECT a, b INTO #Work FROM t WHERE 1 = 0;
SELECT a INTO dbo.Archive FROM dbo.Live;
SELECT @total = SUM(amount), @count += 1 FROM dbo.Payments;
SELECT a FROM t ORDER BY a OFFSET 10 ROWS FETCH NEXT 20 ROWS ONLY;
SELECT a FROM t ORDER BY a OFFSET @skip ROW;
SELECT 1
SELECT 2
SELECT TOP 1 * FROM t ORDER BY NEWID();
DELETE TOP (10) PERCENT FROM dbo.Log;

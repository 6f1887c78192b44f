INSERT INTO dbo.T (a, b) VALUES (1, 'x'), (2, DEFAULT), (3, NULL);
INSERT dbo.T SELECT a, b FROM dbo.S WHERE c > 0;
INSERT INTO dbo.T (a) SELECT TOP (5) a FROM dbo.S ORDER BY a;
INSERT INTO #Results EXEC dbo.GetResults @id = 1;
INSERT INTO @t (name) EXECUTE (@sql);
INSERT INTO dbo.Audit DEFAULT VALUES;
INSERT TOP (100) INTO dbo.T (a) SELECT a FROM dbo.S;
INSERT INTO dbo.Orders (CustomerID, OrderDate)
OUTPUT inserted.OrderID, inserted.CustomerID INTO @NewOrders (OrderID, CustomerID)
VALUES (1, GETDATE());
INSERT INTO dbo.T WITH (TABLOCK) (a) VALUES (1);
WITH src AS (SELECT a FROM dbo.S)
INSERT INTO dbo.T (a) SELECT a FROM src;
INSERT INTO dbo.T (a) (SELECT a FROM dbo.S);

WITH Totals AS (
    SELECT CustomerID, SUM(Amount) AS Total FROM Sales.Invoices GROUP BY CustomerID
), Ranked (CustomerID, Total, Position) AS (
    SELECT CustomerID, Total, ROW_NUMBER() OVER (ORDER BY Total DESC) FROM Totals
)
SELECT * FROM Ranked WHERE Position <= 10;

-- Recursive CTE
WITH Managers AS (
    SELECT EmployeeID, ManagerID, 0 AS Level FROM dbo.Employees WHERE ManagerID IS NULL
    UNION ALL
    SELECT e.EmployeeID, e.ManagerID, m.Level + 1
    FROM dbo.Employees AS e INNER JOIN Managers AS m ON e.ManagerID = m.EmployeeID
)
SELECT * FROM Managers OPTION (MAXRECURSION 100);

WITH XMLNAMESPACES ('urn:orders' AS o, DEFAULT 'urn:default')
SELECT x.value('o:id[1]', 'int') FROM dbo.Docs;

;WITH Dupes AS (SELECT id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY id) AS rn FROM dbo.T)
DELETE FROM Dupes WHERE rn > 1;

SELECT p.[2019], p.[2020]
FROM (SELECT Year, Amount FROM dbo.Sales) AS s
PIVOT (SUM(Amount) FOR Year IN ([2019], [2020])) AS p;

SELECT u.Product, u.Quarter, u.Amount
FROM dbo.QuarterlySales
UNPIVOT (Amount FOR Quarter IN (Q1, Q2, Q3, Q4)) AS u;

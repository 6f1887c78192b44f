SELECT *
FROM dbo.A AS a
INNER JOIN dbo.B AS b ON a.id = b.id
LEFT OUTER JOIN dbo.C c ON c.id = b.id
RIGHT JOIN dbo.D d ON d.id = c.id
FULL OUTER JOIN dbo.E e ON e.id = d.id
CROSS JOIN dbo.F f
LEFT HASH JOIN dbo.G g ON g.id = f.id
CROSS APPLY dbo.Lines(a.id) AS l
OUTER APPLY (SELECT TOP (1) x FROM dbo.H h WHERE h.id = a.id ORDER BY x) AS h1;

-- Nested join syntax: the ON clauses close inner joins first
SELECT * FROM A JOIN B JOIN C ON B.x = C.x ON A.y = B.y;

-- Parenthesised joins and derived tables
SELECT * FROM (A LEFT JOIN B ON A.id = B.id) INNER JOIN (SELECT id FROM C) AS c (cid) ON c.cid = A.id;

-- VALUES as a derived table
SELECT v.n, v.s FROM (VALUES (1, 'one'), (2, 'two')) AS v (n, s);

-- Table hints, with and without WITH, and temporal queries
SELECT * FROM dbo.A WITH (NOLOCK) JOIN dbo.B b WITH (INDEX(IX_B), FORCESEEK) ON 1 = 1;
SELECT * FROM dbo.A (NOLOCK) JOIN dbo.B b (READUNCOMMITTED) ON 1 = 1;
SELECT * FROM dbo.A a WITH (UPDLOCK ROWLOCK);
SELECT * FROM Sales.Customers FOR SYSTEM_TIME AS OF '2016-01-01' AS c;
SELECT * FROM Sales.Customers FOR SYSTEM_TIME BETWEEN @from AND @to;
SELECT * FROM Sales.Customers FOR SYSTEM_TIME ALL c;

-- Table variables, temp tables, XML nodes, OPENJSON, STRING_SPLIT
SELECT * FROM @Orders AS o JOIN #Lines l ON l.OrderID = o.OrderID;
SELECT n.c.value('@id', 'int') FROM @doc.nodes('/r/i') AS n(c);
SELECT * FROM OPENJSON(@json) WITH (id int '$.id', name nvarchar(50) '$.name', tags nvarchar(max) AS JSON) AS j;
SELECT value FROM STRING_SPLIT(@list, ',');
SELECT * FROM dbo.Items TABLESAMPLE (10 PERCENT) REPEATABLE (42);

-- Precedence: * binds tighter than +, and T-SQL ranks & | ^ with + and -.
SELECT 1 + 2 * 3 - 4 / 2 % 3, a & b | c ^ d + 1, ~a, -b * c, +1;

-- Comparison, NOT, AND, OR
SELECT 1 WHERE NOT a = 1 AND b <> 2 OR c != 3 AND d >= 4 AND e !< 5;

-- Predicates
SELECT 1
WHERE a IS NULL AND b IS NOT NULL
  AND c IN (1, 2, 3) AND d NOT IN (SELECT x FROM t)
  AND e BETWEEN 1 AND 10 AND f NOT BETWEEN @lo AND @hi
  AND g LIKE 'a%' AND h NOT LIKE '%!_%' ESCAPE '!'
  AND EXISTS (SELECT 1 FROM u) AND NOT EXISTS (SELECT 1 FROM v)
  AND i > ALL (SELECT j FROM w) AND k = ANY (SELECT l FROM w) AND m < SOME (SELECT n FROM w);

-- CASE, simple and searched
SELECT CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END,
       CASE WHEN b > 0 THEN 'pos' WHEN b < 0 THEN 'neg' END;

-- Conversions
SELECT CAST(a AS decimal(18, 2)), TRY_CAST('1' AS int), CONVERT(varchar(10), d, 120),
       TRY_CONVERT(datetime2(7), s), PARSE('1/2/2020' AS date USING 'en-US'), TRY_PARSE(s AS money),
       CAST(x AS nvarchar(max)), CONVERT(DOUBLE PRECISION, y);

-- Literals
SELECT 'it''s', N'ünïcode', 42, 3.14, .5, 1e5, 2.5E-3, $12.50, 0x1F2E, 0x, NULL;

-- Variables, functions, COLLATE, AT TIME ZONE, IIF, COALESCE, NULLIF
SELECT @x, @@ROWCOUNT, GETDATE(), dbo.fn(1, 'a'), IIF(a > 1, 'y', 'n'), COALESCE(a, b, 0),
       NULLIF(a, 0), name COLLATE Latin1_General_CI_AS, d AT TIME ZONE 'UTC',
       LEFT(s, 3), RIGHT(s, 2), CURRENT_TIMESTAMP, SYSTEM_USER, COUNT(*), COUNT(DISTINCT a);

-- XML methods, static methods, ODBC escapes, NEXT VALUE FOR, sub-queries
SELECT @x.value('(/r/@id)[1]', 'int'), t.c.query('/a'), x.exist('/b'),
       CAST(@s AS xml).value('.', 'nvarchar(max)'),
       geography::Point(47.6, -122.3, 4326), hierarchyid::GetRoot(), @g.Lat,
       {fn UCASE(name)}, {d '2020-01-31'}, {ts '2020-01-31 10:00:00'},
       NEXT VALUE FOR Sequences.OrderID, (SELECT MAX(x) FROM t), $PARTITION.pf(d)
FROM t;

-- Sub-query that is only an operand, and nested parentheses
SELECT ((SELECT 1) + 1) * (2), (((a)));

-- Operators written with blanks between their characters
SELECT 1 WHERE a > = 1 AND b < > 2;

-- CLR type methods read as method calls, not schema-qualified functions
SELECT e.OrganizationNode.GetLevel(), g.STDistance(@p), dbo.fnGet(1) FROM dbo.Employees e;

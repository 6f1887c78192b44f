SELECT x.TxDate FROM (SELECT date_format(TxDate, 'yyyyMMdd') AS TxDate, date_format(Other, 'MM/dd/yyyy') AS Other2 FROM shellcorp.gold.ledger) AS x;

SELECT d.Amount FROM (SELECT 0 AS Amount UNION ALL SELECT Amount / 2 FROM shellcorp.gold.sales) AS d;

SELECT d.Half FROM (SELECT CAST(Amount AS INT) AS Amount, Amount / 2 AS Half FROM shellcorp.gold.sales) AS d;

SELECT d.Total FROM (SELECT left(CAST(coalesce(Total, 0) AS STRING), 10) AS Total FROM shellcorp.gold.sales) AS d;

SELECT x.TxDate FROM (SELECT CAST(to_timestamp(TxDate, 'd/M/yyyy[ H:mm[:ss[.SSS]]]') AS DATE) AS TxDate, CAST(to_timestamp(Other, 'd/M/yyyy[ H:mm[:ss[.SSS]]]') AS DATE) AS Other2 FROM shellcorp.gold.ledger) AS x;

SELECT (SELECT max(value || '!') FROM explode(split(o.s, ',')) AS string_split(value)) FROM (SELECT CAST(1 AS INT) AS value, 'a,b' AS s) AS o;

SELECT o.id, c.name FROM shellcorp.gold.orders AS o LEFT JOIN (shellcorp.gold.customers AS c INNER JOIN shellcorp.gold.segments AS s ON s.id = c.segment_id) ON c.id = o.customer_id;

SELECT o.id, c.name FROM shellcorp.gold.orders AS o LEFT JOIN (shellcorp.gold.customers AS c INNER JOIN shellcorp.gold.segments AS s ON s.id = c.segment_id) ON c.id = o.customer_id;

-- statements: 8/8 translated, 0 raw
-- warning TR_SEMANTIC 6:59 a division by or of an integer whose other side has an unknown type: if both are integers, T-SQL truncates the result (7 / 2 = 3) and `/` here does not; use div
-- warning TR_SEMANTIC 8:59 a division by or of an integer whose other side has an unknown type: if both are integers, T-SQL truncates the result (7 / 2 = 3) and `/` here does not; use div
-- warning TR_CASE_SENSITIVE_ORDER 15:16 this object sorts strings (MAX): SQL Server sorts them without regard to case ('apple' before 'Banana'), the target by code point ('Banana' first), so TOP, ROW_NUMBER() and MIN/MAX can pick other rows
-- warning TR_CASE_INSENSITIVE 19:101 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters

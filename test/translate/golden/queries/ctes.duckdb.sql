WITH RECURSIVE org AS (SELECT e.id, e.manager_id, 0 AS depth FROM shellcorp.gold.employees AS e WHERE e.manager_id IS NULL UNION ALL SELECT e.id, e.manager_id, org.depth + 1 FROM shellcorp.gold.employees AS e INNER JOIN org ON e.manager_id = org.id) SELECT id, depth FROM org;

WITH RECURSIVE days (d) AS (SELECT DATE '2024-01-01' UNION ALL SELECT CAST(d + INTERVAL 1 DAY AS DATE) FROM days WHERE d < DATE '2024-12-31') SELECT d FROM days;

WITH totals AS (SELECT o.customer_id, sum(o.amount) AS total FROM shellcorp.gold.orders AS o GROUP BY o.customer_id), ranked AS (SELECT t.customer_id, t.total, rank() OVER (ORDER BY t.total DESC) AS r FROM totals AS t) SELECT customer_id, total / 2 AS half FROM ranked WHERE r <= 10;

-- statements: 3/3 translated, 0 raw
-- warning TR_CASE_INSENSITIVE 5:81 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters
-- warning TR_SEMANTIC 18:21 a division by or of an integer whose other side has an unknown type: if both are integers, T-SQL truncates the result (7 / 2 = 3) and `/` here does not; use div

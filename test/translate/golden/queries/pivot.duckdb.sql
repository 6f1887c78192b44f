SELECT p.year, p."1" AS q1, p."2" AS q2, p."3" AS q3, p."4" AS q4 FROM (SELECT * FROM (SELECT year(o.ordered_at) AS year, quarter(o.ordered_at) AS quarter, o.amount FROM shellcorp.gold.orders AS o) AS src PIVOT (sum(amount) FOR quarter IN (1 AS "1", 2 AS "2", 3 AS "3", 4 AS "4"))) AS p;

SELECT pv.customer_id, pv.Open, pv.Closed FROM (SELECT * FROM (SELECT o.customer_id, o.status, o.id FROM shellcorp.gold.orders AS o) AS s PIVOT (count(id) FOR status IN ('Open' AS Open, 'Closed' AS Closed))) AS pv;

SELECT u.customer_id, u.channel, u.amount FROM (SELECT * FROM shellcorp.gold.channel_totals AS t UNPIVOT (amount FOR channel IN (web, store, phone))) AS u;

-- statements: 3/3 translated, 0 raw
-- warning TR_CASE_INSENSITIVE 8:6 this object compares strings (PIVOT values); SQL Server ignores case and trailing spaces in comparisons by default, Databricks does not

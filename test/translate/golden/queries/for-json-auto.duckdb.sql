SELECT CASE WHEN count(*) = 0 THEN NULL ELSE to_json({'Customers': list(l0.o ORDER BY l0.rn)}) END AS json FROM (SELECT min(l1.rn) AS rn, json_merge_patch('{}', to_json({'id': l1.c0, 'name': l1.c1, 'phone': l1.c3, 'ct': list(l1.o ORDER BY l1.rn)})) AS o FROM (SELECT w.g0, w.c0, w.c1, w.c3, min(w.rn) AS rn, json_merge_patch('{}', to_json({'city': w.c2, 'p': list(json_merge_patch('{}', to_json({'contact_name': w.c4})) ORDER BY w.rn)})) AS o FROM (SELECT y.*, y.rn - row_number() OVER (PARTITION BY y.c0, y.c1, y.c3 ORDER BY y.rn) AS g0, y.rn - row_number() OVER (PARTITION BY y.c0, y.c1, y.c3, y.c2 ORDER BY y.rn) AS g1 FROM (SELECT x.*, row_number() OVER (ORDER BY x.k0 ASC NULLS FIRST, x.c0 ASC NULLS FIRST, x.c1 ASC NULLS FIRST, x.c3 ASC NULLS FIRST, x.c2 ASC NULLS FIRST) AS rn FROM (SELECT c.id AS c0, c.name AS c1, ct.name AS c2, c.phone AS c3, p.full_name AS c4, c.name AS k0 FROM shellcorp.gold.customers AS c INNER JOIN shellcorp.gold.cities AS ct ON c.city_id = ct.id LEFT JOIN shellcorp.gold.people AS p ON c.contact_id = p.id WHERE rtrim(c.name) ILIKE '%' || getvariable('v_SearchText') || '%' ORDER BY c.name LIMIT getvariable('v_MaximumRowsToReturn')) AS x) AS y) AS w GROUP BY w.g0, w.g1, w.c0, w.c1, w.c3, w.c2) AS l1 GROUP BY l1.g0, l1.c0, l1.c1, l1.c3) AS l0;

CREATE TABLE shellcorp.gold.order_headers (
  order_id INT,
  order_number VARCHAR,
  ordered_on DATE
);

CREATE TABLE shellcorp.gold.order_details (
  order_id INT,
  unit_price DECIMAL(19,4),
  quantity INT
);

SELECT CASE WHEN count(*) = 0 THEN NULL ELSE to_json(list(l0.o ORDER BY l0.rn)) END AS json FROM (SELECT min(w.rn) AS rn, json_merge_patch('{}', to_json({'order_number': w.c0, 'ordered_on': w.c1, 'D': list(json_merge_patch('{}', to_json({'unit_price': w.c2, 'quantity': w.c3})) ORDER BY w.rn)})) AS o FROM (SELECT y.*, y.rn - row_number() OVER (PARTITION BY y.c0, y.c1 ORDER BY y.rn) AS g0 FROM (SELECT x.*, row_number() OVER (ORDER BY x.c0 ASC NULLS FIRST, x.c1 ASC NULLS FIRST) AS rn FROM (SELECT order_number AS c0, ordered_on AS c1, unit_price AS c2, quantity AS c3 FROM shellcorp.gold.order_headers AS H INNER JOIN shellcorp.gold.order_details AS D ON H.order_id = D.order_id LIMIT 2) AS x) AS y) AS w GROUP BY w.g0, w.c0, w.c1) AS l0;

SELECT CASE WHEN count(*) = 0 THEN NULL ELSE string_agg(CAST(l0.o AS VARCHAR), ',' ORDER BY l0.rn) END AS json FROM (SELECT min(w.rn) AS rn, to_json({'id': w.c0, 'code': w.c3, 'l': list(to_json({'line_no': w.c1, 'amount': w.c2}) ORDER BY w.rn)}) AS o FROM (SELECT y.*, y.rn - row_number() OVER (PARTITION BY y.c0, y.c3 ORDER BY y.rn) AS g0 FROM (SELECT x.*, row_number() OVER (ORDER BY x.k0 DESC NULLS LAST, x.c0 ASC NULLS FIRST, x.c3 ASC NULLS FIRST) AS rn FROM (SELECT o.id AS c0, l.line_no AS c1, l.amount AS c2, o.code AS c3, l.line_no AS k0 FROM shellcorp.gold.orders AS o INNER JOIN shellcorp.gold.order_lines AS l ON l.order_id = o.id WHERE o.id = getvariable('v_id')) AS x) AS y) AS w GROUP BY w.g0, w.c0, w.c3) AS l0;

SELECT CASE WHEN count(*) = 0 THEN NULL ELSE to_json({'People': list({'id': x.c0, 'full_name': x.c1, 'relationship': x.c2, 'company': x.c3} ORDER BY x.k0)}) END AS json FROM (SELECT p.id AS c0, p.full_name AS c1, CASE WHEN c.id IS NOT NULL THEN 'Customer' END AS c2, coalesce(c.name, 'WWI') AS c3, p.full_name AS k0 FROM shellcorp.gold.people AS p LEFT JOIN shellcorp.gold.customers AS c ON c.contact_id = p.id ORDER BY p.full_name LIMIT 10) AS x;

SELECT o.id, name FROM shellcorp.gold.orders AS o INNER JOIN shellcorp.gold.customers AS c ON c.id = o.customer_id /*[TR_UNSUPPORTED_EXPRESSION]*/ /* FOR JSON AUTO */;

SELECT o.id, t.total FROM shellcorp.gold.orders AS o INNER JOIN (SELECT order_id, sum(amount) AS total FROM shellcorp.gold.order_lines GROUP BY order_id) AS t ON t.order_id = o.id /*[TR_UNSUPPORTED_EXPRESSION]*/ /* FOR JSON AUTO */;

-- statements: 6/8 translated, 0 raw
-- warning TR_CASE_INSENSITIVE 10:31 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters
-- warning TR_SEMANTIC 12:19 this object builds LIKE patterns at run time: [...] character classes in them are literal text in the target
-- warning TR_SEMANTIC 14:1 FOR JSON became to_json: dates, times and binary values are written in the target's JSON format, not SQL Server's
-- warning TR_SEMANTIC 23:1 FOR JSON AUTO without ORDER BY: SQL Server puts rows in one parent object only when they come one after the other, in an order it does not define; here rows with equal parent values always share one
-- warning TR_SEMANTIC 35:8 FOR JSON AUTO: SQL Server documents where a column of no table goes for FOR XML AUTO only (with the deepest table named before it, or the first table when none is); "relationship" was put there
-- warning TR_SEMANTIC 40:1 DuckDB writes NULL members of FOR JSON objects, which SQL Server leaves out
-- error TR_UNSUPPORTED_EXPRESSION 43:86 FOR JSON AUTO over joins was not translated: the table of "name" is not known (qualify it with its table's alias); FOR JSON PATH with a nested FOR JSON PATH subquery for each joined table can build such a document
-- error TR_UNSUPPORTED_EXPRESSION 44:151 FOR JSON AUTO over joins was not translated: t is a derived table, table variable or function, whose nesting SQL Server does not document; FOR JSON PATH with a nested FOR JSON PATH subquery for each joined table can build such a document

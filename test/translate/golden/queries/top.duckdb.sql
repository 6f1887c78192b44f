BEGIN
  DECLARE v_n INT;
  SET v_n = 5;
  SELECT o.id FROM shellcorp.gold.orders AS o ORDER BY o.ordered_at DESC LIMIT 10;
  SELECT o.id FROM shellcorp.gold.orders AS o ORDER BY o.id LIMIT getvariable('v_n');
  SELECT o.customer_id, sum(o.amount) AS total FROM shellcorp.gold.orders AS o GROUP BY o.customer_id QUALIFY rank() OVER (ORDER BY sum(o.amount) DESC) <= 3 ORDER BY total DESC;
  SELECT o.id FROM shellcorp.gold.orders AS o QUALIFY row_number() OVER (ORDER BY o.amount DESC) <= ceil(10 * count(*) OVER () / 100.0) ORDER BY o.amount DESC;
  SELECT o.id, o.amount FROM shellcorp.gold.orders AS o QUALIFY rank() OVER (ORDER BY o.amount DESC) <= ceil(10 * count(*) OVER () / 100.0) ORDER BY 2 DESC;
  (SELECT o.id FROM shellcorp.gold.orders AS o LIMIT 1) UNION ALL (SELECT r.id FROM shellcorp.gold.returns AS r LIMIT 1);
  SELECT o.id FROM shellcorp.gold.orders AS o ORDER BY o.id LIMIT 10 OFFSET 20;
  SELECT o.id FROM shellcorp.gold.orders AS o ORDER BY o.id OFFSET 5;
END;

SELECT s.store_id FROM shellcorp.gold.dim_store AS s WHERE EXISTS (SELECT 1 FROM shellcorp.gold.fact_sales AS f WHERE f.store_id = s.store_id) AND NOT EXISTS (SELECT * FROM shellcorp.gold.closures AS c WHERE c.store_id = s.store_id) AND EXISTS (SELECT 1 FROM shellcorp.gold.closures LIMIT 0);

SELECT o.customer_id, o.id, o.amount FROM shellcorp.gold.orders AS o QUALIFY row_number() OVER (PARTITION BY o.customer_id ORDER BY o.ordered_at DESC) = 1;

SELECT o.id FROM shellcorp.gold.orders AS o QUALIFY /*[TR_UNSUPPORTED_EXPRESSION]*/ TOP 2 WITH TIES /*[/TR_UNSUPPORTED_EXPRESSION]*/ ORDER BY sum(o.amount) OVER (PARTITION BY o.customer_id);

SELECT o.customer_id FROM shellcorp.gold.orders AS o GROUP BY 1 QUALIFY rank() OVER (ORDER BY o.customer_id) <= 5 ORDER BY o.customer_id;

-- statements: 12/13 translated, 0 raw
-- warning TR_CASE_INSENSITIVE 15:60 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters
-- error TR_UNSUPPORTED_EXPRESSION 23:8 TOP ... PERCENT or WITH TIES ordered by a window function: compute the window function in a derived table and order by its column

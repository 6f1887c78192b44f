MERGE INTO shellcorp.gold.dim_customer AS t
USING shellcorp.sales.segments AS s
ON s.segment_id = t.segment_id
WHEN MATCHED THEN UPDATE SET segment = s.segment_name
WHEN NOT MATCHED BY SOURCE THEN UPDATE SET segment = NULL;

UPDATE shellcorp.gold.dim_customer AS t
SET is_orphan = 1
WHERE NOT EXISTS (SELECT 1 FROM shellcorp.sales.customers AS c WHERE c.customer_id = t.customer_id);

MERGE INTO shellcorp.gold.dim_customer AS t
USING shellcorp.sales.segments AS s
ON s.segment_id = t.segment_id
WHEN MATCHED AND (t.is_current = 1 AND (s.active = 1 OR s.segment_id IS NULL)) THEN UPDATE SET segment = coalesce(s.segment_name, 'none')
WHEN NOT MATCHED BY SOURCE AND (t.is_current = 1 AND (NULL = 1 OR NULL IS NULL)) THEN UPDATE SET segment = coalesce(NULL, 'none');

UPDATE shellcorp.gold.calendar_parts AS cal
SET order_qty = coalesce((SELECT o.qty FROM shellcorp.gold.order_qty AS o WHERE o.week = cal.week AND o.part = cal.part), 0), release_qty = coalesce((SELECT r.qty FROM shellcorp.gold.release_qty AS r WHERE r.week = cal.week AND r.part = cal.part), 0)
WHERE cal.active = 1;

-- statements: 4/4 translated, 0 raw
-- warning TR_SEMANTIC 2:1 UPDATE ... FROM became MERGE INTO: MERGE fails when several source rows match one target row, where SQL Server silently takes one of them
-- warning TR_CASE_INSENSITIVE 5:31 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters
-- warning TR_SEMANTIC 15:1 UPDATE ... FROM became MERGE INTO: MERGE fails when several source rows match one target row, where SQL Server silently takes one of them
-- warning TR_SEMANTIC 23:1 UPDATE ... FROM with several LEFT JOINs from the target: each column of a joined table is read with a correlated subquery on its join condition (MERGE takes one source); such a subquery fails when it finds several rows, where SQL Server silently took one of them. Correlated subqueries in UPDATE ... SET are not verified on Databricks (open-source Delta refuses them): where it refuses, load the joined rows into a temporary table with the target key and MERGE from it

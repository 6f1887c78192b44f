UPDATE shellcorp.gold.dim_customer AS c
SET is_current = 0
WHERE c.is_current = 1 AND EXISTS (SELECT 1 FROM shellcorp.sales.customer_changes AS ch WHERE ch.customer_id = c.customer_id AND ch.changed_at > c.valid_from);

-- statements: 1/1 translated, 0 raw
-- warning TR_CASE_INSENSITIVE 5:35 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters

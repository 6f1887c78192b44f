UPDATE shellcorp.gold.dim_customer AS c
SET is_current = 0
WHERE c.is_current = 1 AND EXISTS (SELECT 1 FROM shellcorp.sales.customer_changes AS ch WHERE ch.customer_id = c.customer_id AND ch.changed_at > c.valid_from);

-- statements: 1/1 translated, 0 raw

BEGIN
  DECLARE v_list VARCHAR;
  DECLARE v_total DECIMAL(18,2);
  SET v_list = '';
  SET v_total = 0;
  SET v_list = getvariable('v_list') || (SELECT CASE WHEN count(*) > count(name || ', ') THEN NULL ELSE coalesce(string_agg(name || ', ', '' ORDER BY name), '') END FROM shellcorp.sales.stores WHERE active = 1);
  SET v_total = getvariable('v_total') + (SELECT CASE WHEN count(*) > count(amount) THEN NULL ELSE coalesce(sum(amount), 0) END FROM shellcorp.sales.orders WHERE customer_id = 3);
  SET v_list = (SELECT name AS c0 FROM shellcorp.sales.stores WHERE store_id = 1);
END;

-- statements: 4/4 translated, 0 raw
-- warning TR_SEMANTIC 8:1 SELECT @v = ... FROM became SET v = (query): it must return one row (T-SQL takes the last of several, and keeps the old value when there is none)

BEGIN
  DECLARE v_count INT;
  DECLARE v_name VARCHAR;
  DECLARE v_when TIMESTAMP;
  SET v_count = 0;
  SET v_when = timezone('UTC', current_timestamp);
  SET v_count = getvariable('v_count') + (5);
  SET v_name = 'store ' || CAST(getvariable('v_count') AS VARCHAR);
  SET v_count = getvariable('v_count') * 2;
  SET v_name = upper(getvariable('v_name'));
  SET (v_count, v_when) = (SELECT count(*) AS c0, max(opened_at) AS c1 FROM shellcorp.sales.stores);
  SELECT getvariable('v_count') AS store_count, getvariable('v_name') AS label;
END;

-- statements: 6/6 translated, 0 raw

BEGIN
  DECLARE v_count INT;
  DECLARE v_name STRING;
  DECLARE v_when TIMESTAMP;
  SET v_count = 0;
  SET v_when = to_utc_timestamp(current_timestamp(), current_timezone());
  SET v_count = v_count + (5);
  SET v_name = 'store ' || CAST(v_count AS STRING);
  SET v_count = v_count * 2;
  SET v_name = upper(v_name);
  SET (v_count, v_when) = (SELECT count(*) AS c0, max(opened_at) AS c1 FROM shellcorp.sales.stores);
  SELECT v_count AS store_count, v_name AS label;
END;

-- statements: 6/6 translated, 0 raw

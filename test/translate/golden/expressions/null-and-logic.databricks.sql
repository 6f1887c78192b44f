BEGIN
  DECLARE v_code STRING;
  DECLARE v_qty INT;
  DECLARE v_name STRING;
  SELECT coalesce(v_code, 'N/') AS code, coalesce(v_qty, 0) AS qty, coalesce(v_name, '(none)') AS name, coalesce(o.note, 'n/a') AS note, coalesce(o.note, o.comment, '') AS text, CASE WHEN o.status COLLATE UTF8_LCASE_RTRIM = 'open' THEN NULL ELSE o.status END AS status, CASE WHEN o.amount > 100 THEN 'big' ELSE 'small' END AS size, CASE o.priority WHEN 1 THEN 'low' WHEN 2 THEN 'medium' WHEN 3 THEN 'high' END AS priority FROM shellcorp.gold.orders AS o;
END;

-- statements: 2/2 translated, 0 raw

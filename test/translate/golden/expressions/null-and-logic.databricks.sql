BEGIN
  DECLARE v_code STRING;
  DECLARE v_qty INT;
  DECLARE v_name STRING;
  SELECT coalesce(v_code, 'N/') AS code, coalesce(v_qty, 0) AS qty, coalesce(v_name, '(none)') AS name, coalesce(o.note, 'n/a') AS note, coalesce(o.note, o.comment, '') AS text, nullif(o.status, 'open') AS status, CASE WHEN o.amount > 100 THEN 'big' ELSE 'small' END AS size, CASE o.priority WHEN 1 THEN 'low' WHEN 2 THEN 'medium' WHEN 3 THEN 'high' END AS priority FROM shellcorp.gold.orders AS o;
END;

-- statements: 2/2 translated, 0 raw
-- warning TR_CASE_INSENSITIVE 8:8 this object compares strings (NULLIF); SQL Server ignores case and trailing spaces in comparisons by default, Databricks does not

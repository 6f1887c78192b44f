BEGIN
  DECLARE v_first VARCHAR;
  DECLARE v_count INT;
  SET v_first = 'Ada';
  SET v_count = 3;
  SELECT getvariable('v_first') || ' ' || c.last_name AS full_name, 'Total: ' || CAST(getvariable('v_count') AS VARCHAR) AS label, concat(getvariable('v_first'), NULL, ' x', CAST(getvariable('v_count') AS VARCHAR)) AS concatenated, concat_ws(', ', c.city, c.country) AS place, c.a + c.b AS unknown_sum, getvariable('v_count') + 1 AS next_count, CAST('5' AS BIGINT) + getvariable('v_count') AS converted FROM shellcorp.gold.customers AS c;
END;

-- statements: 2/2 translated, 0 raw
-- warning TR_STRING_CONCAT_UNTYPED 7:8 the types of this `+` are not known: it was kept as addition; if it joins strings, use ||
-- warning TR_SEMANTIC 9:8 `+` of a string and a number is an addition in T-SQL: the string '5' is converted to a number (an error if it is not one)

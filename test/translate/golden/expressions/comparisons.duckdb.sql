BEGIN
  DECLARE v_active BOOLEAN;
  DECLARE v_since DATE;
  DECLARE v_name VARCHAR;
  SET v_active = true;
  SET v_since = DATE '2024-01-01';
  SELECT c.id FROM shellcorp.gold.customers AS c WHERE c.id = 42 AND c.code = '007' AND getvariable('v_active') = true AND getvariable('v_since') >= DATE '2023-01-01' AND lower(rtrim(CAST(c.name AS VARCHAR))) = lower(rtrim(getvariable('v_name'))) AND lower(rtrim(c.city)) IN ('paris', 'lyon') AND rtrim(c.name) ILIKE 'A%' AND regexp_matches(rtrim(c.code), '(?i)^[A-F][0-9]') AND NOT (regexp_matches(rtrim(c.code), '(?i)[_]x$')) AND rtrim(c.zip) ILIKE getvariable('v_name') AND lower(rtrim(c.region)) = 'eu' AND c.id BETWEEN 1 AND 10 AND c.segment IN (SELECT segment FROM shellcorp.gold.segments) AND c.segment NOT IN (SELECT segment FROM shellcorp.gold.retired_segments) AND /*[TR_UNSUPPORTED_EXPRESSION]*/ c.score > ALL (SELECT score FROM dw.thresholds) /*[/TR_UNSUPPORTED_EXPRESSION]*/;
END;

-- statements: 1/2 translated, 0 raw
-- warning TR_SEMANTIC 15:18 this object builds LIKE patterns at run time: [...] character classes in them are literal text in the target
-- error TR_UNSUPPORTED_EXPRESSION 20:7 > ALL (subquery) comparisons: rewrite with EXISTS or an aggregate

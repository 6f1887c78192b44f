BEGIN
  DECLARE v_active BOOLEAN;
  DECLARE v_since DATE;
  DECLARE v_name STRING;
  SET v_active = true;
  SET v_since = DATE '2024-01-01';
  SELECT c.id FROM shellcorp.gold.customers AS c WHERE c.id = 42 AND c.code = '007' AND v_active = true AND v_since >= DATE '2023-01-01' AND c.name = v_name COLLATE UTF8_LCASE_RTRIM AND c.city COLLATE UTF8_LCASE_RTRIM IN ('Paris', 'Lyon') AND rtrim(c.name) ILIKE 'A%' AND rtrim(c.code) RLIKE '(?iu)^[A-F][0-9]' AND NOT (rtrim(c.code) RLIKE '(?iu)[_]x$') AND rtrim(c.zip) ILIKE v_name AND c.region COLLATE UTF8_LCASE_RTRIM = 'EU ' AND c.id BETWEEN 1 AND 10 AND c.segment IN (SELECT segment FROM shellcorp.gold.segments) AND c.segment NOT IN (SELECT segment FROM shellcorp.gold.retired_segments) AND /*[TR_UNSUPPORTED_EXPRESSION]*/ c.score > ALL (SELECT score FROM dw.thresholds) /*[/TR_UNSUPPORTED_EXPRESSION]*/;
END;

-- statements: 1/2 translated, 0 raw
-- warning TR_SEMANTIC 15:18 this object builds LIKE patterns at run time: [...] character classes in them are literal text in the target, and a backslash escapes the character after it (T-SQL's LIKE has no escape character unless ESCAPE names one)
-- error TR_UNSUPPORTED_EXPRESSION 20:7 > ALL (subquery) comparisons: rewrite with EXISTS or an aggregate

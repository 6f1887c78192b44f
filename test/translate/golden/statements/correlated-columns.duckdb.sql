DROP TABLE IF EXISTS tt_k;

CREATE TEMPORARY TABLE tt_k (
  id INT,
  Amount INT
);

SELECT k.id FROM tt_k AS k WHERE EXISTS (SELECT 1 FROM shellcorp.gold.unknown_rows AS u WHERE u.id = k.id AND Amount / 2 > 3);

DROP TABLE IF EXISTS tt_o;

CREATE TEMPORARY TABLE tt_o (
  n INT
);

DROP TABLE IF EXISTS tt_i;

CREATE TEMPORARY TABLE tt_i (
  id INT
);

SELECT (SELECT max(h) FROM (SELECT CAST(trunc(n // 2) AS BIGINT) AS h FROM tt_i) AS d) AS m FROM tt_o;

SELECT x.h, x.q FROM tt_o AS o CROSS JOIN LATERAL (SELECT CAST(trunc(o.n // 2) AS BIGINT) AS h, CAST(trunc(n // 4) AS BIGINT) AS q) AS x;

-- statements: 6/6 translated, 0 raw
-- info TR_TEMP_TABLE 3:1 #k became a session temporary table tt_k
-- warning TR_SEMANTIC 4:97 a division by or of an integer whose other side has an unknown type: if both are integers, T-SQL truncates the result (7 / 2 = 3) and `/` here does not; use div
-- info TR_TEMP_TABLE 8:1 #o became a session temporary table tt_o
-- info TR_TEMP_TABLE 9:1 #i became a session temporary table tt_i

BEGIN
  DECLARE v_a INT;
  DECLARE v_b INT;
  DECLARE v_x DECIMAL(10,2);
  SET v_a = 7;
  SET v_b = 2;
  SET v_x = 7;
  SELECT CAST(trunc(getvariable('v_a') // getvariable('v_b')) AS BIGINT) AS int_division, CAST(CAST(getvariable('v_x') * 10000000000000 AS HUGEINT) // getvariable('v_b') AS DECIMAL(38,0)) * 0.0000000000001 AS decimal_division, CAST(CAST(getvariable('v_a') AS HUGEINT) * 10000000 // CAST(2.0 * 10 AS HUGEINT) AS DECIMAL(38,0)) * 0.000001 AS mixed_division, -7 // 2 AS negative_division, getvariable('v_a') % getvariable('v_b') AS remainder, o.quantity / 2 AS unknown_division, CAST(trunc(avg(getvariable('v_a'))) AS INT) AS average, round(o.amount, 2) AS rounded, round(o.amount, -1) AS tens, /*[TR_UNSUPPORTED_FUNCTION]*/ ROUND(o.amount, 0, 1) /*[/TR_UNSUPPORTED_FUNCTION]*/ AS truncated, ceil(o.amount) AS up, floor(o.amount) AS down, CAST(trunc(power(getvariable('v_a'), 2)) AS BIGINT) AS squared, power(2.0, getvariable('v_b')) AS decimal_power, sqrt(16) AS root, power(3, 2) AS nine, ln(10) AS ln10, log(2, 8) AS log2, log10(1000) AS three, abs(-1) AS one, sign(-5) AS minus, pi() AS pi, random() AS random, atan2(1, 1) AS atan2, ~getvariable('v_a') AS bitwise_not, getvariable('v_a') & 3 AS bit_and, getvariable('v_a') | 8 AS bit_or, xor(getvariable('v_a'), 1) AS bit_xor FROM shellcorp.gold.orders AS o GROUP BY o.amount, o.quantity;
END;

BEGIN
  DECLARE v_r DOUBLE;
  SET v_r = random();
  SELECT o.amount * (random() * 0.2 + 0.9) AS planned FROM shellcorp.gold.orders AS o;
END;

-- statements: 3/4 translated, 0 raw
-- warning TR_SEMANTIC 8:8 a division by or of an integer whose other side has an unknown type: if both are integers, T-SQL truncates the result (7 / 2 = 3) and `/` here does not; use div
-- error TR_UNSUPPORTED_FUNCTION 12:8 ROUND with a truncation flag: write it with floor/ceil of the scaled value
-- warning TR_SEMANTIC 16:55 RAND() is drawn once per statement in T-SQL, so every row got the same value; here each row draws its own: draw it into a variable before the statement where that matters
-- warning TR_SEMANTIC 23:20 RAND() is drawn once per statement in T-SQL, so every row got the same value; here each row draws its own: draw it into a variable before the statement where that matters

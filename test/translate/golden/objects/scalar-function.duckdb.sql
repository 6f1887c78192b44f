CREATE OR REPLACE MACRO shellcorp.gold.fn_margin(p_price, p_cost := 0) AS
CAST(CAST(CAST((p_price - p_cost) * 1000000000000000 AS HUGEINT) // CAST(nullif(p_price, 0) * 100 AS HUGEINT) AS DECIMAL(38,0)) * 0.0000000000001 AS DECIMAL(10,4));

CREATE OR REPLACE MACRO shellcorp.gold.fn_band(p_amount) AS
CAST(CASE WHEN p_amount IS NULL THEN NULL ELSE CASE WHEN p_amount < 0 THEN 'negative' ELSE CASE WHEN p_amount >= 1000 THEN 'high' ELSE CASE WHEN p_amount >= 100 THEN 'medium' ELSE 'low' END END END END AS VARCHAR);

CREATE OR REPLACE MACRO shellcorp.gold.fn_store_name(p_store_id) AS
CAST(coalesce((SELECT store_name FROM shellcorp.gold.dim_store WHERE store_id = p_store_id), '?') AS VARCHAR);

-- [TR_UNTRANSLATED_OBJECT] function dw.fn_factorial cannot become one SQL expression (it holds a WHILE loop): rewrite it, or make it a procedure
-- CREATE FUNCTION dw.fn_factorial (@n int)
-- RETURNS bigint
-- AS
-- BEGIN
--   DECLARE @r bigint = 1;
--   WHILE @n > 1 BEGIN SET @r = @r * @n; SET @n = @n - 1; END
--   RETURN @r;
-- END

CREATE OR REPLACE MACRO shellcorp.gold.fn_whole_units(p_qty) AS
CAST(trunc(p_qty) AS INT);

-- statements: 21/29 translated, 0 raw
-- info TR_HINT_DROPPED 9:1 function option SCHEMABINDING dropped
-- warning TR_SEMANTIC 27:3 SELECT @v = ... FROM in a function became a scalar subquery: it must return one row (T-SQL takes the last of several)
-- error TR_UNTRANSLATED_OBJECT 32:1 function dw.fn_factorial cannot become one SQL expression (it holds a WHILE loop): rewrite it, or make it a procedure

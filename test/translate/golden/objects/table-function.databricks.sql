CREATE OR REPLACE FUNCTION shellcorp.gold.fn_store_sales(p_store_id INT)
RETURNS TABLE (sale_id BIGINT, amount DECIMAL(18,2), store_id INT)
RETURN SELECT CAST(f.sale_id AS BIGINT) AS sale_id, CAST(f.amount AS DECIMAL(18,2)) AS amount, p_store_id AS store_id FROM shellcorp.gold.fact_sales AS f WHERE f.store_id = p_store_id;

CREATE OR REPLACE FUNCTION shellcorp.gold.fn_recent(p_days INT)
RETURNS TABLE
RETURN SELECT sale_id, sale_date FROM shellcorp.gold.fact_sales WHERE sale_date > timestampadd(DAY, -p_days, current_timestamp());

-- [TR_UNTRANSLATED_OBJECT] multi-statement table-valued function dw.fn_split_tags fills @result step by step: rewrite it as one query (a SQL table function), or as a procedure that fills a table
-- CREATE FUNCTION dw.fn_split_tags (@tags nvarchar(max))
-- RETURNS @result TABLE (tag nvarchar(50))
-- AS
-- BEGIN
--   INSERT INTO @result (tag) SELECT value FROM STRING_SPLIT(@tags, ',');
--   RETURN;
-- END

-- statements: 4/8 translated, 0 raw
-- warning TR_SEMANTIC 14:92 GETDATE() was the SQL Server's local time; current_timestamp() is in the session time zone (UTC on SQL warehouses by default): check day boundaries
-- error TR_UNTRANSLATED_OBJECT 16:1 multi-statement table-valued function dw.fn_split_tags fills @result step by step: rewrite it as one query (a SQL table function), or as a procedure that fills a table

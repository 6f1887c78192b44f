CREATE OR REPLACE FUNCTION shellcorp.gold.fn_store_sales(p_store_id INT)
RETURNS TABLE (sale_id BIGINT, amount DECIMAL(18,2), store_id INT)
RETURN SELECT CAST(f.sale_id AS BIGINT) AS sale_id, CAST(f.amount AS DECIMAL(18,2)) AS amount, p_store_id AS store_id FROM shellcorp.gold.fact_sales AS f WHERE f.store_id = p_store_id;

CREATE OR REPLACE FUNCTION shellcorp.gold.fn_recent(p_days INT)
RETURNS TABLE
RETURN SELECT sale_id, sale_date FROM shellcorp.gold.fact_sales WHERE sale_date > timestampadd(DAY, -p_days, current_timestamp());

CREATE OR REPLACE FUNCTION shellcorp.gold.fn_split_tags(p_tags STRING)
RETURNS TABLE (tag STRING)
RETURN SELECT left(CAST(value AS STRING), 50) AS tag FROM explode(split(p_tags, ',')) AS string_split(value);

CREATE OR REPLACE FUNCTION shellcorp.gold.fn_fiscal(p_date TIMESTAMP)
RETURNS TABLE (fiscal_year SMALLINT, fiscal_quarter SMALLINT, label STRING)
RETURN SELECT lakeshift_rows.fiscal_year AS fiscal_year, lakeshift_rows.fiscal_quarter AS fiscal_quarter, lakeshift_rows.label AS label FROM (VALUES (CAST(CASE WHEN month(p_date) >= 7 THEN CAST(CAST(year(p_date) AS SMALLINT) + 1 AS SMALLINT) ELSE CAST(year(p_date) AS SMALLINT) END AS SMALLINT), CAST((month(p_date) + 5) % 12 div 3 + 1 AS SMALLINT), 'FY' || CAST(CASE WHEN month(p_date) >= 7 THEN CAST(CAST(year(p_date) AS SMALLINT) + 1 AS SMALLINT) ELSE CAST(year(p_date) AS SMALLINT) END AS STRING))) AS lakeshift_rows (fiscal_year, fiscal_quarter, label) UNION ALL SELECT CAST(lakeshift_rows.fiscal_year AS SMALLINT) AS fiscal_year, CAST(lakeshift_rows.fiscal_quarter AS SMALLINT) AS fiscal_quarter, lakeshift_rows.label AS label FROM (SELECT DISTINCT CASE WHEN month(p_date) >= 7 THEN CAST(CAST(year(p_date) AS SMALLINT) + 1 AS SMALLINT) ELSE CAST(year(p_date) AS SMALLINT) END - 1, NULL, 'previous' FROM shellcorp.gold.dim_date WHERE calendar_date < p_date) AS lakeshift_rows (fiscal_year, fiscal_quarter, label);

-- [TR_UNTRANSLATED_OBJECT] multi-statement table-valued function dw.fn_numbered fills @result step by step and cannot become one query (its table's column id is an identity): rewrite it as one query (a SQL table function), or as a procedure that fills a table
-- CREATE FUNCTION dw.fn_numbered (@tags nvarchar(max))
-- RETURNS @result TABLE (id int IDENTITY(1, 1), tag nvarchar(50))
-- AS
-- BEGIN
--   INSERT INTO @result (tag) SELECT value FROM STRING_SPLIT(@tags, ',');
--   RETURN;
-- END

-- statements: 16/20 translated, 0 raw
-- warning TR_SEMANTIC 14:92 GETDATE() was the SQL Server's local time; current_timestamp() is in the session time zone (UTC on SQL warehouses by default): check day boundaries
-- info TR_CONSTRAINT 25:54 PRIMARY KEY of @fiscal dropped: a SQL table function returns its rows unchecked, where T-SQL failed on a duplicate key
-- warning TR_CASE_SENSITIVE_GROUPING 31:23 this object groups strings (DISTINCT): SQL Server puts values that differ only in case or trailing spaces in one group, the target does not
-- error TR_UNTRANSLATED_OBJECT 35:1 multi-statement table-valued function dw.fn_numbered fills @result step by step and cannot become one query (its table's column id is an identity): rewrite it as one query (a SQL table function), or as a procedure that fills a table

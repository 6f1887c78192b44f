DROP TEMPORARY TABLE IF EXISTS tt_totals;

CREATE TEMPORARY TABLE tt_totals AS
SELECT customer_id, sum(amount) AS total FROM shellcorp.sales.orders GROUP BY customer_id;

CREATE TABLE shellcorp.gold.customer_totals AS
SELECT * FROM tt_totals WHERE total > 100;

SELECT customer_id FROM tt_totals ORDER BY total DESC LIMIT 5;

DROP TEMPORARY TABLE IF EXISTS gtt_shared;

CREATE TEMPORARY TABLE gtt_shared AS
SELECT 1 AS a;

DROP TEMPORARY TABLE IF EXISTS gtt_g;

CREATE TEMPORARY TABLE gtt_g (
  id INT
);

-- statements: 5/5 translated, 0 raw
-- info TR_TEMP_TABLE 1:1 SELECT INTO #totals became a session temporary table tt_totals
-- info TR_TEMP_TABLE 9:1 SELECT INTO ##shared became a session temporary table gtt_shared
-- warning TR_SEMANTIC 9:1 ##shared is a global temporary table, which other sessions can read in SQL Server: check whether another job or procedure reads it
-- info TR_TEMP_TABLE 9:30 ##g became a session temporary table gtt_g
-- warning TR_SEMANTIC 9:30 ##g is a global temporary table, which other sessions can read in SQL Server: check whether another job or procedure reads it

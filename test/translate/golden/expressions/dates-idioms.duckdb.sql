BEGIN
  DECLARE v_now TIMESTAMP;
  SET v_now = localtimestamp;
  SELECT date_trunc('day', getvariable('v_now')) AS midnight, date_trunc('month', getvariable('v_now')) AS month_start, (TIMESTAMP '1899-12-31 00:00:00') + INTERVAL (date_diff('month', date_trunc('month', TIMESTAMP '1900-01-01 00:00:00'), date_trunc('month', getvariable('v_now'))) + 1) MONTH AS month_end, TIMESTAMP '1900-01-01 00:00:00' + INTERVAL ((date_diff('day', CAST(TIMESTAMP '1900-01-01 00:00:00' AS DATE), CAST(getvariable('v_now') AS DATE)) + dayofweek(TIMESTAMP '1900-01-01 00:00:00') - dayofweek(getvariable('v_now'))) // 7) WEEK AS monday, date_trunc('day', getvariable('v_now')) AS midnight_old_style, TIMESTAMP '1900-01-01 00:00:00' AS base_date, getvariable('v_now') + INTERVAL (1) DAY AS tomorrow, getvariable('v_now') + INTERVAL (CAST(round(-0.5 * 86400000000) AS BIGINT)) MICROSECOND AS twelve_hours_ago, CAST(epoch_us(getvariable('v_now') - TIMESTAMP '1900-01-01 00:00:00') / 86400000000.0 AS DOUBLE) AS days_since_1900, localtimestamp AS precise_now, timezone('UTC', current_timestamp) AS utc_now, timezone('UTC', current_timestamp) AS utc_precise, localtimestamp AS ansi_now, CASE WHEN try_cast('2024-02-30' AS TIMESTAMP) IS NULL THEN 0 ELSE 1 END AS valid_date FROM shellcorp.gold.calendar WHERE calendar_date >= '20240101' AND calendar_date < '2024-02-01T00:00:00';
END;

-- statements: 2/2 translated, 0 raw
-- warning TR_SEMANTIC 2:25 GETDATE() was the SQL Server's local time; current_timestamp() is in the session time zone (UTC on SQL warehouses by default): check day boundaries
-- warning TR_SEMANTIC 16:8 ISDATE() became try_cast(... AS TIMESTAMP): the date formats each engine accepts differ
-- warning TR_SEMANTIC 18:24 '20240101' is compared with a value of unknown type: if that is a date, the target does not read this text as one; write '2024-01-01'

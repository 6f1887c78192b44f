BEGIN
  DECLARE v_now TIMESTAMP;
  SET v_now = localtimestamp;
  SELECT date_trunc('day', getvariable('v_now')) AS midnight, date_trunc('month', getvariable('v_now')) AS month_start, (TIMESTAMP '1899-12-31 00:00:00') + INTERVAL (date_diff('month', date_trunc('month', TIMESTAMP '1900-01-01 00:00:00'), date_trunc('month', getvariable('v_now'))) + 1) MONTH AS month_end, TIMESTAMP '1900-01-01 00:00:00' + INTERVAL ((date_diff('day', CAST(TIMESTAMP '1900-01-01 00:00:00' AS DATE), CAST(getvariable('v_now') AS DATE)) + dayofweek(TIMESTAMP '1900-01-01 00:00:00') - dayofweek(getvariable('v_now'))) // 7) WEEK AS monday, date_trunc('day', getvariable('v_now')) AS midnight_old_style, TIMESTAMP '1900-01-01 00:00:00' AS base_date, getvariable('v_now') + INTERVAL (1) DAY AS tomorrow, getvariable('v_now') + INTERVAL (CAST(round(-0.5 * 86400000000) AS BIGINT)) MICROSECOND AS twelve_hours_ago, CAST(epoch_us(getvariable('v_now') - TIMESTAMP '1900-01-01 00:00:00') / 86400000000.0 AS DOUBLE) AS days_since_1900, localtimestamp AS precise_now, timezone('UTC', current_timestamp) AS utc_now, timezone('UTC', current_timestamp) AS utc_precise, localtimestamp AS ansi_now, CASE WHEN try_cast('2024-02-30' AS TIMESTAMP) IS NULL THEN 0 ELSE 1 END AS valid_date FROM shellcorp.gold.calendar WHERE calendar_date >= '20240101' AND calendar_date < '2024-02-01T00:00:00';
END;

BEGIN
  DECLARE v_end TIMESTAMP;
  DECLARE v_suffix VARCHAR;
  SET v_end = TIMESTAMP '2024-05-17 00:00:00';
  SET v_suffix = ' 23:59';
  SELECT getvariable('v_end') + INTERVAL (86340000000) MICROSECOND AS end_of_day, getvariable('v_end') + INTERVAL (43200000000) MICROSECOND AS noon, /*[TR_UNSUPPORTED_EXPRESSION]*/ @end + @suffix /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS not_known, date_trunc('day', o.ordered_at) AS order_day FROM shellcorp.gold.orders AS o;
END;

-- statements: 3/4 translated, 0 raw
-- warning TR_SEMANTIC 2:25 GETDATE() was the SQL Server's local time; current_timestamp() is in the session time zone (UTC on SQL warehouses by default): check day boundaries
-- warning TR_SEMANTIC 16:8 ISDATE() became try_cast(... AS TIMESTAMP): the date formats each engine accepts differ
-- warning TR_SEMANTIC 18:24 '20240101' is compared with a value of unknown type: if that is a date, the target does not read this text as one; write '2024-01-01'
-- error TR_UNSUPPORTED_EXPRESSION 25:8 a datetime plus a string adds the string read as a datetime (days and time since 1900-01-01) in T-SQL; the text is known only at run time: add an INTERVAL instead
-- warning TR_SEMANTIC 26:13 CAST(FLOOR(CAST(x AS float)) AS datetime) of a value whose type lakeshift does not know: taken as the idiom that drops the time of day of a datetime (date_trunc)

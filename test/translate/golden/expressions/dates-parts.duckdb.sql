BEGIN
  DECLARE v_d DATE;
  DECLARE v_t TIMESTAMP;
  SET v_d = DATE '2024-01-31';
  SET v_t = TIMESTAMP '2024-01-31 10:15:00';
  SELECT CAST(getvariable('v_d') + INTERVAL 1 MONTH AS DATE) AS next_month_date, getvariable('v_t') + INTERVAL 1 MONTH AS next_month_time, CAST(getvariable('v_d') + INTERVAL (-7) DAY AS DATE) AS week_before, getvariable('v_t') + INTERVAL 2 WEEK AS two_weeks, getvariable('v_t') + INTERVAL 3 HOUR AS three_hours, TIMESTAMP '2024-02-29 00:00:00' + INTERVAL 1 YEAR AS next_year, year(getvariable('v_t')) AS y, quarter(getvariable('v_t')) AS q, dayofyear(getvariable('v_t')) AS doy, (dayofyear(getvariable('v_t')) + dayofweek(date_trunc('year', getvariable('v_t'))) - 1) // 7 + 1 AS wk, dayofweek(getvariable('v_t')) + 1 AS dw, weekofyear(getvariable('v_t')) AS isowk, millisecond(getvariable('v_t')) % 1000 AS ms, year(getvariable('v_d')) AS year_of, month(getvariable('v_d')) AS month_of, day(getvariable('v_d')) AS day_of, monthname(getvariable('v_d')) AS month_name, dayname(getvariable('v_d')) AS day_name, CAST(day(getvariable('v_d')) AS VARCHAR) AS day_text, last_day(getvariable('v_d')) AS month_end, last_day(CAST(getvariable('v_d') + INTERVAL (-1) MONTH AS DATE)) AS previous_month_end, make_date(2024, 2, 29) AS leap_day, make_timestamp(2024, 2, 29, 23, 59, 59 + 997 / 1000.0) AS leap_night, date_trunc('month', getvariable('v_t')) AS month_start, date_trunc('day', getvariable('v_t')) - INTERVAL (dayofweek(getvariable('v_t'))) DAY AS week_start, /*[TR_UNSUPPORTED_FUNCTION]*/ DATEPART(tzoffset, @t) /*[/TR_UNSUPPORTED_FUNCTION]*/ AS offset_minutes FROM shellcorp.gold.calendar;
END;

-- statements: 1/2 translated, 0 raw
-- error TR_UNSUPPORTED_FUNCTION 19:8 DATEPART(tzoffset) has no equivalent: the targets keep no time zone offset

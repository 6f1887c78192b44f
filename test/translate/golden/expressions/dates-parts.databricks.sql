BEGIN
  DECLARE v_d DATE;
  DECLARE v_t TIMESTAMP;
  SET v_d = DATE '2024-01-31';
  SET v_t = TIMESTAMP '2024-01-31 10:15:00';
  SELECT add_months(v_d, 1) AS next_month_date, timestampadd(MONTH, 1, v_t) AS next_month_time, date_add(v_d, -7) AS week_before, timestampadd(WEEK, 2, v_t) AS two_weeks, timestampadd(HOUR, 3, v_t) AS three_hours, timestampadd(YEAR, 1, TIMESTAMP '2024-02-29 00:00:00') AS next_year, year(v_t) AS y, quarter(v_t) AS q, dayofyear(v_t) AS doy, (dayofyear(v_t) + dayofweek(trunc(v_t, 'YEAR')) - 2) div 7 + 1 AS wk, dayofweek(v_t) AS dw, weekofyear(v_t) AS isowk, CAST(date_format(v_t, 'SSS') AS INT) AS ms, year(v_d) AS year_of, month(v_d) AS month_of, day(v_d) AS day_of, date_format(v_d, 'MMMM') AS month_name, date_format(v_d, 'EEEE') AS day_name, CAST(day(v_d) AS STRING) AS day_text, last_day(v_d) AS month_end, last_day(add_months(v_d, -1)) AS previous_month_end, make_date(2024, 2, 29) AS leap_day, make_timestamp(2024, 2, 29, 23, 59, 59 + 997 / 1000.0) AS leap_night, date_trunc('MONTH', v_t) AS month_start, timestampadd(DAY, 1 - dayofweek(v_t), date_trunc('DAY', v_t)) AS week_start, /*[TR_UNSUPPORTED_FUNCTION]*/ DATEPART(tzoffset, @t) /*[/TR_UNSUPPORTED_FUNCTION]*/ AS offset_minutes FROM shellcorp.gold.calendar;
END;

-- statements: 1/2 translated, 0 raw
-- error TR_UNSUPPORTED_FUNCTION 19:8 DATEPART(tzoffset) has no equivalent: the targets keep no time zone offset

BEGIN
  DECLARE v_d TIMESTAMP;
  DECLARE v_m DECIMAL(19,4);
  DECLARE v_f DOUBLE;
  DECLARE v_qty STRING;
  SET v_d = TIMESTAMP '2024-05-07 13:04:05.123';
  SET v_m = 1234.5678;
  SET v_f = 1.5;
  SELECT date_format(v_d, 'yyyy-MM-dd') AS iso_date, date_format(v_d, 'yyyy-MM-dd HH:mm:ss') AS iso_datetime, date_format(v_d, 'yyyyMMdd') AS basic, date_format(v_d, 'dd/MM/yyyy') AS british, date_format(v_d, 'MM/dd/yyyy') AS us, date_format(v_d, 'MM/dd/yy') AS us_short, date_format(v_d, 'dd MMM yyyy') AS dd_mon_yyyy, date_format(v_d, 'HH:mm:ss') AS hh_mi_ss, date_format(v_d, 'yyyy-MM-dd HH:mm:ss.SSS') AS odbc, date_format(v_d, 'yyyy-MM-dd\'T\'HH:mm:ss.SSS') AS iso8601, date_format(v_d, 'MMM ') || lpad(CAST(day(v_d) AS STRING), 2, ' ') || date_format(v_d, ' yyyy ') || lpad(date_format(v_d, 'h'), 2, ' ') || date_format(v_d, ':mma') AS default_style, date_format(v_d, 'MMM ') || lpad(CAST(day(v_d) AS STRING), 2, ' ') || date_format(v_d, ' yyyy ') || lpad(date_format(v_d, 'h'), 2, ' ') || date_format(v_d, ':mm:ss:SSSa') AS with_milliseconds, date_format(v_d, 'MMM ') || lpad(CAST(day(v_d) AS STRING), 2, ' ') || date_format(v_d, ' yyyy ') || lpad(date_format(v_d, 'h'), 2, ' ') || date_format(v_d, ':mma') AS cast_text, to_timestamp('07/05/2024', 'd/M/yyyy[ H:mm[:ss[.SSS]]]') AS parsed_british, CAST(to_timestamp('20240507', 'yyyyMMdd') AS DATE) AS parsed_basic, try_to_timestamp(o.text_date, 'd/M/yyyy[ H:mm[:ss[.SSS]]]') AS maybe_date, format_number(round(v_m, 2), 2) AS money_commas, CAST(CAST(v_m AS DECIMAL(38,2)) AS STRING) AS money_text, CAST(round(v_m) AS INT) AS money_int, CAST(v_f AS STRING) AS float_text, left(CAST(o.code AS STRING), 3) AS code3, 'abc' AS literal3, rpad(CAST(o.code AS STRING), 5, ' ') AS code_padded, CAST(o.amount AS INT) AS amount_int, true AS yes, CAST(o.id AS STRING) AS id_text, hex(unhex(sha2(o.code, 256))) AS hash_hex, date_format(o.token, 'MM/dd/yy') AS token_hex, try_cast(o.text_number AS INT) AS maybe_number, CAST(o.ordered_at AS DATE) AS order_day, TIMESTAMP '2024-05-07 00:00:00' AS literal_timestamp FROM shellcorp.gold.orders AS o;
  SET v_qty = '';
  SELECT CASE WHEN trim(v_qty) = '' THEN 0 ELSE try_cast(v_qty AS INT) END AS try_int, CASE WHEN trim(v_qty) = '' THEN 0 ELSE try_cast(v_qty AS DOUBLE) END AS try_float, CASE WHEN trim(v_qty) = '' THEN 0 ELSE CAST(v_qty AS BIGINT) END AS cast_bigint, try_cast(0 AS INT) AS blank_literal, try_cast(v_qty AS DECIMAL(10,2)) AS try_decimal;
END;

-- statements: 4/4 translated, 0 raw
-- warning TR_SEMANTIC 12:8 style 126 leaves out zero milliseconds in SQL Server; here they are always written
-- warning TR_SEMANTIC 22:8 a float as text: SQL Server writes at most 6 significant digits (1.23457e+006) by default; the target writes them all
-- warning TR_SEMANTIC 29:30 HASHBYTES of a value whose type is not known hashes its UTF-8 bytes: if it is nvarchar, SQL Server hashed UTF-16LE bytes and the hashes differ
-- warning TR_SEMANTIC 30:8 CONVERT style 1 means a date, float or money format depending on the source type, which is not known: read as a date style

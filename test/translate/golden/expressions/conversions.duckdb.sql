BEGIN
  DECLARE v_d TIMESTAMP;
  DECLARE v_m DECIMAL(19,4);
  DECLARE v_f DOUBLE;
  DECLARE v_qty VARCHAR;
  SET v_d = TIMESTAMP '2024-05-07 13:04:05.123';
  SET v_m = 1234.5678;
  SET v_f = 1.5;
  SELECT strftime(getvariable('v_d'), '%Y-%m-%d') AS iso_date, strftime(getvariable('v_d'), '%Y-%m-%d %H:%M:%S') AS iso_datetime, strftime(getvariable('v_d'), '%Y%m%d') AS basic, strftime(getvariable('v_d'), '%d/%m/%Y') AS british, strftime(getvariable('v_d'), '%m/%d/%Y') AS us, strftime(getvariable('v_d'), '%m/%d/%y') AS us_short, strftime(getvariable('v_d'), '%d %b %Y') AS dd_mon_yyyy, strftime(getvariable('v_d'), '%H:%M:%S') AS hh_mi_ss, strftime(getvariable('v_d'), '%Y-%m-%d %H:%M:%S.%g') AS odbc, strftime(getvariable('v_d'), '%Y-%m-%dT%H:%M:%S.%g') AS iso8601, strftime(getvariable('v_d'), '%b ') || lpad(CAST(day(getvariable('v_d')) AS VARCHAR), 2, ' ') || strftime(getvariable('v_d'), ' %Y ') || lpad(strftime(getvariable('v_d'), '%-I'), 2, ' ') || strftime(getvariable('v_d'), ':%M%p') AS default_style, strftime(getvariable('v_d'), '%b ') || lpad(CAST(day(getvariable('v_d')) AS VARCHAR), 2, ' ') || strftime(getvariable('v_d'), ' %Y ') || lpad(strftime(getvariable('v_d'), '%-I'), 2, ' ') || strftime(getvariable('v_d'), ':%M:%S:%g%p') AS with_milliseconds, strftime(getvariable('v_d'), '%b ') || lpad(CAST(day(getvariable('v_d')) AS VARCHAR), 2, ' ') || strftime(getvariable('v_d'), ' %Y ') || lpad(strftime(getvariable('v_d'), '%-I'), 2, ' ') || strftime(getvariable('v_d'), ':%M%p') AS cast_text, strptime('07/05/2024', ['%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M:%S.%f']) AS parsed_british, CAST(strptime('20240507', '%Y%m%d') AS DATE) AS parsed_basic, try_strptime(o.text_date, ['%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M:%S.%f']) AS maybe_date, format('{:,.2f}', round(getvariable('v_m'), 2)) AS money_commas, CAST(CAST(getvariable('v_m') AS DECIMAL(38,2)) AS VARCHAR) AS money_text, CAST(getvariable('v_m') AS INT) AS money_int, CAST(getvariable('v_f') AS VARCHAR) AS float_text, left(CAST(o.code AS VARCHAR), 3) AS code3, 'abc' AS literal3, rpad(CAST(o.code AS VARCHAR), 5, ' ') AS code_padded, CAST(o.amount AS INT) AS amount_int, true AS yes, CAST(o.id AS VARCHAR) AS id_text, hex(unhex(sha256(o.code))) AS hash_hex, strftime(o.token, '%m/%d/%y') AS token_hex, try_cast(o.text_number AS INT) AS maybe_number, CAST(o.ordered_at AS DATE) AS order_day, TIMESTAMP '2024-05-07 00:00:00' AS literal_timestamp FROM shellcorp.gold.orders AS o;
  SET v_qty = '';
  SELECT CASE WHEN trim(getvariable('v_qty')) = '' THEN 0 ELSE try_cast(getvariable('v_qty') AS INT) END AS try_int, CASE WHEN trim(getvariable('v_qty')) = '' THEN 0 ELSE try_cast(getvariable('v_qty') AS DOUBLE) END AS try_float, CASE WHEN trim(getvariable('v_qty')) = '' THEN 0 ELSE CAST(getvariable('v_qty') AS BIGINT) END AS cast_bigint, try_cast(0 AS INT) AS blank_literal, try_cast(getvariable('v_qty') AS DECIMAL(10,2)) AS try_decimal;
END;

-- statements: 4/4 translated, 0 raw
-- warning TR_SEMANTIC 12:8 style 126 leaves out zero milliseconds in SQL Server; here they are always written
-- warning TR_SEMANTIC 22:8 a float as text: SQL Server writes at most 6 significant digits (1.23457e+006) by default; the target writes them all
-- warning TR_SEMANTIC 29:30 HASHBYTES of a value whose type is not known hashes its UTF-8 bytes: if it is nvarchar, SQL Server hashed UTF-16LE bytes and the hashes differ
-- warning TR_SEMANTIC 30:8 CONVERT style 1 means a date, float or money format depending on the source type, which is not known: read as a date style

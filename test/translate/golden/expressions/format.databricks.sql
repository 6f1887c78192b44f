BEGIN
  DECLARE v_d TIMESTAMP;
  SET v_d = TIMESTAMP '2024-05-07 13:04:05';
  SELECT date_format(v_d, 'yyyy-MM-dd') AS iso, date_format(v_d, 'dd/MM/yyyy HH:mm') AS european, date_format(v_d, 'MMMM yyyy') AS month_year, date_format(v_d, 'EEEE, MMMM dd, yyyy hh:mm:ss a') AS long_text, date_format(v_d, 'M/d/yyyy') AS short_date, date_format(v_d, 'EEEE, MMMM d, yyyy') AS long_date, date_format(v_d, 'yyyyMMdd\'T\'HHmm') AS quoted_literal, format_number(round(o.amount, 2), 2) AS grouped, format_number(round(o.amount, 1), '0.0') AS fixed, CASE WHEN o.amount < 0 THEN '($' || format_number(round(-(o.amount), 2), 2) || ')' ELSE '$' || format_number(round(o.amount, 2), 2) END AS currency, format_number(round(o.rate * 100, 1), 1) || ' %' AS pct, format_number(o.id, '00000000') AS zero_padded, format_number(round(o.amount, 2), '#,##0.00') AS custom, format_number(round(o.id, 0), '000000') AS custom_zeros, date_format(v_d, 'yyyy-MM-dd') AS german, /*[TR_UNSUPPORTED_FUNCTION]*/ FORMAT(o.id, '###-##-####') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS unsupported FROM shellcorp.gold.orders AS o;
END;

-- statements: 1/2 translated, 0 raw
-- warning TR_SEMANTIC 17:33 FORMAT with a culture other than en-US: names of months and days, separators and currency are written the en-US way
-- error TR_UNSUPPORTED_FUNCTION 18:8 FORMAT pattern '###-##-####' has no equivalent known to lakeshift

BEGIN
  DECLARE v_d TIMESTAMP;
  SET v_d = TIMESTAMP '2024-05-07 13:04:05';
  SELECT strftime(getvariable('v_d'), '%Y-%m-%d') AS iso, strftime(getvariable('v_d'), '%d/%m/%Y %H:%M') AS european, strftime(getvariable('v_d'), '%B %Y') AS month_year, strftime(getvariable('v_d'), '%A, %B %d, %Y %I:%M:%S %p') AS long_text, strftime(getvariable('v_d'), '%-m/%-d/%Y') AS short_date, strftime(getvariable('v_d'), '%A, %B %-d, %Y') AS long_date, strftime(getvariable('v_d'), '%Y%m%dT%H%M') AS quoted_literal, format('{:,.2f}', CAST(round(o.amount, 2) AS DECIMAL(38,2))) AS grouped, printf('%.1f', CAST(round(o.amount, 1) AS DECIMAL(38,1))) AS fixed, CASE WHEN o.amount < 0 THEN '($' || format('{:,.2f}', CAST(round(-(o.amount), 2) AS DECIMAL(38,2))) || ')' ELSE '$' || format('{:,.2f}', CAST(round(o.amount, 2) AS DECIMAL(38,2))) END AS currency, format('{:,.1f}', CAST(round(o.rate * 100, 1) AS DECIMAL(38,1))) || ' %' AS pct, printf('%s%08d', CASE WHEN o.id < 0 THEN '-' ELSE '' END, abs(o.id)) AS zero_padded, format('{:,.2f}', CAST(round(o.amount, 2) AS DECIMAL(38,2))) AS custom, format('{:06.0f}', CAST(round(o.id, 0) AS DECIMAL(38,0))) AS custom_zeros, strftime(getvariable('v_d'), '%Y-%m-%d') AS german, /*[TR_UNSUPPORTED_FUNCTION]*/ FORMAT(o.id, '###-##-####') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS unsupported FROM shellcorp.gold.orders AS o;
END;

-- statements: 1/2 translated, 0 raw
-- warning TR_SEMANTIC 17:33 FORMAT with a culture other than en-US: names of months and days, separators and currency are written the en-US way
-- error TR_UNSUPPORTED_FUNCTION 18:8 FORMAT pattern '###-##-####' has no equivalent known to lakeshift

SELECT c.id, string_agg(o.code, ', ') AS codes, string_agg(o.code, ', ' ORDER BY o.code DESC) AS codes_sorted, string_agg(o.code, ', ' ORDER BY o.ordered_at) AS codes_by_date, string_agg(CAST(o.id AS VARCHAR), ';') AS ids FROM shellcorp.gold.customers AS c INNER JOIN shellcorp.gold.orders AS o ON o.customer_id = c.id GROUP BY c.id;

SELECT c.id, substring((SELECT string_agg(',' || o.code, '' ORDER BY o.code) FROM shellcorp.gold.orders AS o WHERE o.customer_id = c.id), 2) AS codes, substring((SELECT string_agg(', ' || o.code, '' ORDER BY o.ordered_at) FROM shellcorp.gold.orders AS o WHERE o.customer_id = c.id), 3) AS codes_by_date, substring((SELECT string_agg(x.v, '') FROM (SELECT DISTINCT ',' || o.region AS v FROM shellcorp.gold.orders AS o WHERE o.customer_id = c.id) AS x), 2) AS regions, (SELECT string_agg(o.code, '') FROM shellcorp.gold.orders AS o WHERE o.customer_id = c.id) AS glued, (SELECT o.code FROM shellcorp.gold.orders AS o WHERE o.customer_id = c.id /*[TR_UNSUPPORTED_EXPRESSION]*/ /* FOR XML PATH('order'), ROOT('orders') */) AS real_xml FROM shellcorp.gold.customers AS c;

SELECT c.id, (SELECT to_json({'properties': {'name': c.name, 'city': c.city}, 'type': 'Feature'}) AS json) AS geo, (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE to_json(list({'code': o.code, 'totals': {'amount': o.amount}} ORDER BY o.ordered_at DESC)) END AS json FROM shellcorp.gold.orders AS o WHERE o.customer_id = c.id) AS orders_json, (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE to_json({'top': list({'code': x.c0} ORDER BY x.k0 DESC)}) END AS json FROM (SELECT o.code AS c0, o.amount AS k0 FROM shellcorp.gold.orders AS o ORDER BY o.amount DESC LIMIT 3) AS x) AS top_json FROM shellcorp.gold.customers AS c;

SELECT CASE WHEN count(*) = 0 THEN NULL ELSE to_json({'orders': list({'id': o.id, 'code': o.code} ORDER BY o.id)}) END AS json FROM shellcorp.gold.orders AS o;

SELECT o.id, c.name FROM shellcorp.gold.orders AS o INNER JOIN shellcorp.gold.customers AS c ON c.id = o.customer_id /*[TR_UNSUPPORTED_EXPRESSION]*/ /* FOR JSON AUTO */;

-- statements: 5/5 translated, 0 raw
-- warning TR_SEMANTIC 12:98 FOR XML PATH('') concatenation became string_agg: SQL Server writes &, < and > in the values as &amp;, &lt; and &gt;, string_agg keeps them as they are
-- warning TR_CASE_SENSITIVE_GROUPING 14:15 this object groups strings (DISTINCT): SQL Server puts values that differ only in case or trailing spaces in one group, the target does not
-- warning TR_SEMANTIC 14:93 FOR XML PATH('') concatenation became string_agg: SQL Server writes &, < and > in the values as &amp;, &lt; and &gt;, string_agg keeps them as they are
-- warning TR_SEMANTIC 15:82 FOR XML PATH('') concatenation became string_agg: SQL Server writes &, < and > in the values as &amp;, &lt; and &gt;, string_agg keeps them as they are
-- error TR_UNSUPPORTED_EXPRESSION 16:70 FOR XML has no equivalent: build the text with to_json, to_xml or string_agg
-- warning TR_SEMANTIC 21:92 FOR JSON became to_json: dates, times and binary values are written in the target's JSON format, not SQL Server's
-- warning TR_SEMANTIC 21:92 DuckDB writes NULL members of FOR JSON objects, which SQL Server leaves out
-- error TR_UNSUPPORTED_EXPRESSION 28:88 FOR JSON has no equivalent: build the text with to_json, to_xml or string_agg

BEGIN
  DECLARE v_json STRING;
  SET v_json = '[{"id": 1, "tags": {"a": 1}}]';
  SELECT c.id, last_order.ordered_at FROM shellcorp.gold.customers AS c CROSS JOIN LATERAL (SELECT o.ordered_at FROM shellcorp.gold.orders AS o WHERE o.customer_id = c.id ORDER BY o.ordered_at DESC LIMIT 1) AS last_order;
  SELECT c.id, o.total FROM shellcorp.gold.customers AS c LEFT JOIN LATERAL (SELECT sum(x.amount) AS total FROM shellcorp.gold.orders AS x WHERE x.customer_id = c.id) AS o ON true;
  SELECT c.id, tag.value FROM shellcorp.gold.customers AS c CROSS JOIN LATERAL explode(split(c.tags, ',')) AS tag(value);
  SELECT c.id, part.value, part.ordinal FROM shellcorp.gold.customers AS c CROSS JOIN LATERAL (SELECT col AS value, pos + 1 AS ordinal FROM posexplode_outer(split(c.path, '/'))) AS part;
  SELECT value FROM explode(split('a|b|c', '\\|')) AS string_split(value);
  SELECT j.id, j.tags, j.first_tag FROM inline(transform(CASE WHEN startswith(ltrim(v_json), '[') THEN from_json(v_json, 'array<string>') ELSE array(v_json) END, e -> named_struct('id', CAST(get_json_object(e, '$.id') AS INT), 'tags', get_json_object(e, '$.tags'), 'first_tag', CAST(get_json_object(e, '$.tags.a') AS INT)))) AS j(id, tags, first_tag);
  SELECT o.id, item.sku, item.quantity FROM shellcorp.gold.orders AS o CROSS JOIN LATERAL inline(transform(CASE WHEN startswith(ltrim(get_json_object(o.lines, '$.items')), '[') THEN from_json(get_json_object(o.lines, '$.items'), 'array<string>') ELSE array(get_json_object(o.lines, '$.items')) END, e -> named_struct('sku', get_json_object(e, '$.sku'), 'quantity', CAST(get_json_object(e, '$.qty') AS INT)))) AS item(sku, quantity);
  SELECT n.value FROM range(1, 10 + 1) AS n(value);
  SELECT j.key, j.value FROM /*[TR_UNSUPPORTED_EXPRESSION]*/ OPENJSON(@json) AS j /*[/TR_UNSUPPORTED_EXPRESSION]*/;
END;

-- statements: 10/10 translated, 0 raw
-- error TR_UNSUPPORTED_EXPRESSION 30:32 OPENJSON table-valued function has no equivalent known to lakeshift

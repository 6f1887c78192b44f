-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE shellcorp.etl.record_delivery(
--   IN p_InvoiceID INT,
--   IN p_DriverID INT,
--   IN p_Latitude DECIMAL(18,7),
--   IN p_IsDelivered BOOLEAN
-- )
BEGIN
  DECLARE v_ReturnedDeliveryData VARCHAR;
  DECLARE v_DeliveryEvent VARCHAR;
  SET v_ReturnedDeliveryData = '{"Events": []}';
  SET v_DeliveryEvent = '{ }';
  SET v_DeliveryEvent = CASE WHEN getvariable('v_DeliveryEvent') IS NULL THEN NULL ELSE CAST(to_json(map_concat(CAST(CAST(getvariable('v_DeliveryEvent') AS JSON) AS MAP(VARCHAR, JSON)), MAP {'Event': to_json('DeliveryAttempt')})) AS VARCHAR) END;
  SET v_DeliveryEvent = CASE WHEN getvariable('v_DeliveryEvent') IS NULL THEN NULL ELSE CAST(to_json(map_from_entries(list_filter(map_entries(map_concat(CAST(CAST(getvariable('v_DeliveryEvent') AS JSON) AS MAP(VARCHAR, JSON)), MAP {'ConNote': to_json('EAN-125-' || CAST(getvariable('p_InvoiceID') + 1050 AS VARCHAR))})), jm_member -> jm_member.key <> 'ConNote' OR jm_member.value IS NOT NULL))) AS VARCHAR) END;
  SET v_DeliveryEvent = CASE WHEN getvariable('v_DeliveryEvent') IS NULL THEN NULL ELSE CAST(to_json(map_from_entries(list_filter(map_entries(map_concat(CAST(CAST(getvariable('v_DeliveryEvent') AS JSON) AS MAP(VARCHAR, JSON)), MAP {'DriverID': to_json(getvariable('p_DriverID'))})), jm_member -> jm_member.key <> 'DriverID' OR jm_member.value IS NOT NULL))) AS VARCHAR) END;
  SET v_DeliveryEvent = CASE WHEN getvariable('v_DeliveryEvent') IS NULL THEN NULL ELSE CAST(to_json(map_from_entries(list_filter(map_entries(map_concat(CAST(CAST(getvariable('v_DeliveryEvent') AS JSON) AS MAP(VARCHAR, JSON)), MAP {'Latitude': to_json(getvariable('p_Latitude'))})), jm_member -> jm_member.key <> 'Latitude' OR jm_member.value IS NOT NULL))) AS VARCHAR) END;
  SET v_DeliveryEvent = CASE WHEN getvariable('v_DeliveryEvent') IS NULL THEN NULL ELSE CAST(to_json(map_from_entries(list_filter(map_entries(map_concat(CAST(CAST(getvariable('v_DeliveryEvent') AS JSON) AS MAP(VARCHAR, JSON)), MAP {'Delivered': to_json(getvariable('p_IsDelivered'))})), jm_member -> jm_member.key <> 'Delivered' OR jm_member.value IS NOT NULL))) AS VARCHAR) END;
  SET v_ReturnedDeliveryData = CASE WHEN getvariable('v_ReturnedDeliveryData') IS NULL THEN NULL ELSE CAST(to_json(map_concat(CAST(CAST(getvariable('v_ReturnedDeliveryData') AS JSON) AS MAP(VARCHAR, JSON)), MAP {'Events': to_json(list_append(coalesce(CAST(CAST(CAST(getvariable('v_ReturnedDeliveryData') AS JSON) AS MAP(VARCHAR, JSON))['Events'] AS JSON[]), []), coalesce(CAST(CAST(json_extract(getvariable('v_DeliveryEvent'), '$') AS VARCHAR) AS JSON), CAST('null' AS JSON))))})) AS VARCHAR) END;
  UPDATE shellcorp.gold.invoices
  SET returned_delivery_data = getvariable('v_ReturnedDeliveryData')
  WHERE invoice_id = getvariable('p_InvoiceID');
  UPDATE shellcorp.gold.stock_items
  SET custom_fields = CASE WHEN custom_fields IS NULL THEN NULL ELSE CAST(to_json(map_concat(CAST(CAST(custom_fields AS JSON) AS MAP(VARCHAR, JSON)), MAP {'Tags': to_json(list_append(coalesce(CAST(CAST(CAST(custom_fields AS JSON) AS MAP(VARCHAR, JSON))['Tags'] AS JSON[]), []), to_json('Vintage')))})) AS VARCHAR) END
  WHERE rtrim(stock_item_name) ILIKE '%vintage%';
  INSERT INTO shellcorp.gold.invoices (invoice_id, returned_delivery_data)
  SELECT o.order_id, CAST(to_json(map_concat(CAST(CAST('{"Events": []}' AS JSON) AS MAP(VARCHAR, JSON)), MAP {'Events': to_json(list_append(coalesce(CAST(CAST(CAST('{"Events": []}' AS JSON) AS MAP(VARCHAR, JSON))['Events'] AS JSON[]), []), coalesce(CAST(list_transform([CAST(CAST(CAST(to_json(map_concat(CAST(CAST('{ }' AS JSON) AS MAP(VARCHAR, JSON)), MAP {'Event': to_json('Ready for collection')})) AS VARCHAR) AS JSON) AS MAP(VARCHAR, JSON))], jm_doc -> CASE WHEN jm_doc IS NULL THEN NULL ELSE CAST(to_json(map_from_entries(list_filter(map_entries(map_concat(jm_doc, MAP {'ConNote': to_json('EAN-125-' || CAST(o.order_id + 1050 AS VARCHAR))})), jm_member -> jm_member.key <> 'ConNote' OR jm_member.value IS NOT NULL))) AS VARCHAR) END)[1] AS JSON), CAST('null' AS JSON))))})) AS VARCHAR) FROM shellcorp.gold.orders AS o;
END;

SELECT CASE WHEN c.doc IS NULL THEN NULL ELSE CAST(to_json(map_from_entries(list_transform(map_entries(CAST(CAST(c.doc AS JSON) AS MAP(VARCHAR, JSON))), jm_member1 -> CASE WHEN jm_member1.key = 'address' AND json_type(jm_member1.value) = 'OBJECT' THEN {key: jm_member1.key, value: to_json(map_concat(CAST(jm_member1.value AS MAP(VARCHAR, JSON)), MAP {'town': to_json('London')}))} ELSE jm_member1 END))) AS VARCHAR) END AS nested, CASE WHEN c.doc IS NULL THEN NULL ELSE CAST(to_json(map_from_entries(list_filter(map_entries(CAST(CAST(c.doc AS JSON) AS MAP(VARCHAR, JSON))), jm_member -> jm_member.key <> 'nickname'))) AS VARCHAR) END AS removed, CASE WHEN c.doc IS NULL THEN NULL ELSE CAST(to_json(map_concat(CAST(CAST(c.doc AS JSON) AS MAP(VARCHAR, JSON)), MAP {'status': CAST('null' AS JSON)})) AS VARCHAR) END AS set_to_null, CASE WHEN c.doc IS NULL THEN NULL ELSE CAST(to_json(map_from_entries(list_filter(map_entries(map_concat(CAST(CAST(c.doc AS JSON) AS MAP(VARCHAR, JSON)), MAP {'first name': to_json(c.first_name)})), jm_member -> jm_member.key <> 'first name' OR jm_member.value IS NOT NULL))) AS VARCHAR) END AS quoted, CASE WHEN c.doc IS NULL THEN NULL ELSE CAST(to_json(map_from_entries(list_filter(map_entries(map_concat(CAST(CAST(c.doc AS JSON) AS MAP(VARCHAR, JSON)), MAP {'since': to_json(localtimestamp)})), jm_member -> jm_member.key <> 'since' OR jm_member.value IS NOT NULL))) AS VARCHAR) END AS date_value, /*[TR_UNSUPPORTED_FUNCTION]*/ JSON_MODIFY(c.doc, c.path, 'x') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS run_time_path, /*[TR_UNSUPPORTED_FUNCTION]*/ JSON_MODIFY(c.doc, '$.skills[0]', 'x') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS array_element FROM shellcorp.gold.customers AS c;

-- statements: 13/14 translated, 0 raw
-- warning TR_SEMANTIC 13:26 JSON_MODIFY became a rewrite of the whole document: the JSON and the order of members are SQL Server's, its text is not: SQL Server keeps the document's spacing, DuckDB writes none, escapes characters its own way and drops a decimal's trailing zeros
-- warning TR_SEMANTIC 40:27 a strict JSON_MODIFY path: where the member or an object on its way is missing, SQL Server raises an error (Msg 13608); here the member is added, or the document is returned unchanged where an object on the way is missing
-- warning TR_SEMANTIC 42:38 GETDATE() was the SQL Server's local time; current_timestamp() is in the session time zone (UTC on SQL warehouses by default): check day boundaries
-- warning TR_SEMANTIC 42:38 JSON_MODIFY with a datetime value: SQL Server takes character, numeric and bit values only (convert it to text with CONVERT and a style); the target writes it in its own JSON format
-- error TR_UNSUPPORTED_FUNCTION 43:8 JSON_MODIFY with a path that is not a literal: the member it changes is known only when it runs; write the path out
-- error TR_UNSUPPORTED_FUNCTION 44:8 JSON_MODIFY of an array element ('$.skills[0]') is not translated: only members of objects are

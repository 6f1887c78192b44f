CREATE OR REPLACE PROCEDURE shellcorp.etl.record_delivery(
  IN p_InvoiceID INT,
  IN p_DriverID INT,
  IN p_Latitude DECIMAL(18,7),
  IN p_IsDelivered BOOLEAN
)
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  DECLARE v_ReturnedDeliveryData STRING;
  DECLARE v_DeliveryEvent STRING;
  SET v_ReturnedDeliveryData = '{"Events": []}';
  SET v_DeliveryEvent = '{ }';
  SET v_DeliveryEvent = CASE WHEN v_DeliveryEvent IS NULL THEN NULL ELSE to_json(to_variant_object(map_concat(map_filter(CAST(parse_json(v_DeliveryEvent) AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'Event'), map('Event', CAST('DeliveryAttempt' AS VARIANT))))) END;
  SET v_DeliveryEvent = CASE WHEN v_DeliveryEvent IS NULL THEN NULL ELSE to_json(to_variant_object(map_concat(map_filter(CAST(parse_json(v_DeliveryEvent) AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'ConNote'), map_filter(map('ConNote', CAST('EAN-125-' || CAST(p_InvoiceID + 1050 AS STRING) AS VARIANT)), (jm_key, jm_value) -> jm_value IS NOT NULL)))) END;
  SET v_DeliveryEvent = CASE WHEN v_DeliveryEvent IS NULL THEN NULL ELSE to_json(to_variant_object(map_concat(map_filter(CAST(parse_json(v_DeliveryEvent) AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'DriverID'), map_filter(map('DriverID', CAST(p_DriverID AS VARIANT)), (jm_key, jm_value) -> jm_value IS NOT NULL)))) END;
  SET v_DeliveryEvent = CASE WHEN v_DeliveryEvent IS NULL THEN NULL ELSE to_json(to_variant_object(map_concat(map_filter(CAST(parse_json(v_DeliveryEvent) AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'Latitude'), map_filter(map('Latitude', CAST(p_Latitude AS VARIANT)), (jm_key, jm_value) -> jm_value IS NOT NULL)))) END;
  SET v_DeliveryEvent = CASE WHEN v_DeliveryEvent IS NULL THEN NULL ELSE to_json(to_variant_object(map_concat(map_filter(CAST(parse_json(v_DeliveryEvent) AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'Delivered'), map_filter(map('Delivered', CAST(p_IsDelivered AS VARIANT)), (jm_key, jm_value) -> jm_value IS NOT NULL)))) END;
  SET v_ReturnedDeliveryData = CASE WHEN v_ReturnedDeliveryData IS NULL THEN NULL ELSE to_json(to_variant_object(map_zip_with(CAST(parse_json(v_ReturnedDeliveryData) AS MAP<STRING, VARIANT>), map('Events', coalesce(parse_json(get_json_object(v_DeliveryEvent, '$')), parse_json('null'))), (jm_key, jm_old, jm_new) -> CASE WHEN jm_key <> 'Events' THEN jm_old WHEN jm_old IS NULL OR is_variant_null(jm_old) THEN to_variant_object(array(jm_new)) ELSE to_variant_object(array_append(CAST(jm_old AS ARRAY<VARIANT>), jm_new)) END))) END;
  UPDATE shellcorp.gold.invoices
  SET returned_delivery_data = v_ReturnedDeliveryData
  WHERE invoice_id = p_InvoiceID;
  UPDATE shellcorp.gold.stock_items
  SET custom_fields = CASE WHEN custom_fields IS NULL THEN NULL ELSE to_json(to_variant_object(map_zip_with(CAST(parse_json(custom_fields) AS MAP<STRING, VARIANT>), map('Tags', CAST('Vintage' AS VARIANT)), (jm_key, jm_old, jm_new) -> CASE WHEN jm_key <> 'Tags' THEN jm_old WHEN jm_old IS NULL OR is_variant_null(jm_old) THEN to_variant_object(array(jm_new)) ELSE to_variant_object(array_append(CAST(jm_old AS ARRAY<VARIANT>), jm_new)) END))) END
  WHERE rtrim(stock_item_name) ILIKE '%vintage%';
  INSERT INTO shellcorp.gold.invoices (invoice_id, returned_delivery_data)
  SELECT o.order_id, to_json(to_variant_object(map_zip_with(CAST(parse_json('{"Events": []}') AS MAP<STRING, VARIANT>), map('Events', coalesce(parse_json(transform(array(CAST(parse_json(to_json(to_variant_object(map_concat(map_filter(CAST(parse_json('{ }') AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'Event'), map('Event', CAST('Ready for collection' AS VARIANT)))))) AS MAP<STRING, VARIANT>)), jm_doc -> CASE WHEN jm_doc IS NULL THEN NULL ELSE to_json(to_variant_object(map_concat(map_filter(jm_doc, (jm_key, jm_value) -> jm_key <> 'ConNote'), map_filter(map('ConNote', CAST('EAN-125-' || CAST(o.order_id + 1050 AS STRING) AS VARIANT)), (jm_key, jm_value) -> jm_value IS NOT NULL)))) END)[0]), parse_json('null'))), (jm_key, jm_old, jm_new) -> CASE WHEN jm_key <> 'Events' THEN jm_old WHEN jm_old IS NULL OR is_variant_null(jm_old) THEN to_variant_object(array(jm_new)) ELSE to_variant_object(array_append(CAST(jm_old AS ARRAY<VARIANT>), jm_new)) END))) FROM shellcorp.gold.orders AS o;
END;

SELECT CASE WHEN c.doc IS NULL THEN NULL ELSE to_json(to_variant_object(transform_values(CAST(parse_json(c.doc) AS MAP<STRING, VARIANT>), (jm_key1, jm_value1) -> CASE WHEN jm_key1 = 'address' AND schema_of_variant(jm_value1) LIKE 'OBJECT%' THEN to_variant_object(map_concat(map_filter(CAST(jm_value1 AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'town'), map('town', CAST('London' AS VARIANT)))) ELSE jm_value1 END))) END AS nested, CASE WHEN c.doc IS NULL THEN NULL ELSE to_json(to_variant_object(map_filter(CAST(parse_json(c.doc) AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'nickname'))) END AS removed, CASE WHEN c.doc IS NULL THEN NULL ELSE to_json(to_variant_object(map_concat(map_filter(CAST(parse_json(c.doc) AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'status'), map('status', parse_json('null'))))) END AS set_to_null, CASE WHEN c.doc IS NULL THEN NULL ELSE to_json(to_variant_object(map_concat(map_filter(CAST(parse_json(c.doc) AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'first name'), map_filter(map('first name', CAST(c.first_name AS VARIANT)), (jm_key, jm_value) -> jm_value IS NOT NULL)))) END AS quoted, CASE WHEN c.doc IS NULL THEN NULL ELSE to_json(to_variant_object(map_concat(map_filter(CAST(parse_json(c.doc) AS MAP<STRING, VARIANT>), (jm_key, jm_value) -> jm_key <> 'since'), map_filter(map('since', CAST(current_timestamp() AS VARIANT)), (jm_key, jm_value) -> jm_value IS NOT NULL)))) END AS date_value, /*[TR_UNSUPPORTED_FUNCTION]*/ JSON_MODIFY(c.doc, c.path, 'x') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS run_time_path, /*[TR_UNSUPPORTED_FUNCTION]*/ JSON_MODIFY(c.doc, '$.skills[0]', 'x') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS array_element FROM shellcorp.gold.customers AS c;

-- statements: 13/14 translated, 0 raw
-- warning TR_SEMANTIC 13:26 JSON_MODIFY became a rewrite of the whole document through VARIANT: the JSON is SQL Server's, its text is not: every object's members come in an order of Databricks' choosing (VARIANT objects are unordered; SQL Server keeps the document's order and adds a new member last), with no spacing, characters escaped Databricks' way, and numbers as Databricks writes them (a decimal without its trailing zeros)
-- warning TR_SEMANTIC 40:27 a strict JSON_MODIFY path: where the member or an object on its way is missing, SQL Server raises an error (Msg 13608); here the member is added, or the document is returned unchanged where an object on the way is missing
-- warning TR_SEMANTIC 42:38 GETDATE() was the SQL Server's local time; current_timestamp() is in the session time zone (UTC on SQL warehouses by default): check day boundaries
-- warning TR_SEMANTIC 42:38 JSON_MODIFY with a datetime value: SQL Server takes character, numeric and bit values only (convert it to text with CONVERT and a style); the target writes it in its own JSON format
-- error TR_UNSUPPORTED_FUNCTION 43:8 JSON_MODIFY with a path that is not a literal: the member it changes is known only when it runs; write the path out
-- error TR_UNSUPPORTED_FUNCTION 44:8 JSON_MODIFY of an array element ('$.skills[0]') is not translated: only members of objects are

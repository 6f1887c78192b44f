CREATE OR REPLACE PROCEDURE shellcorp.gold.log_run(
  IN p_payload STRING
)
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  SELECT 'log_run' AS procedure_name, 'dw' AS schema_name, 0 AS open_transactions, 0 AS transaction_state, 0 AS last_error, 7 AS first_day, session_user() AS login_name, current_catalog() AS database_name, uuid() AS run_id, unhex(sha2(encode(p_payload, 'UTF-16LE'), 256)) AS payload_hash, unhex(md5('abc')) AS md5, hash(p_payload) AS payload_checksum, CASE WHEN try_cast(p_payload AS DOUBLE) IS NULL THEN 0 ELSE 1 END AS is_number, get_json_object(p_payload, '$.customer.name') AS customer_name, get_json_object(p_payload, '$[\'first name\']') AS first_name, get_json_object(p_payload, '$.items') AS items, CASE WHEN p_payload IS NULL THEN NULL WHEN try_parse_json(p_payload) IS NOT NULL THEN 1 ELSE 0 END AS is_json, greatest(1, 2, 3) AS biggest, /*[TR_UNSUPPORTED_EXPRESSION]*/ @@ROWCOUNT /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS row_count, /*[TR_UNSUPPORTED_FUNCTION]*/ SCOPE_IDENTITY() /*[/TR_UNSUPPORTED_FUNCTION]*/ AS new_id, /*[TR_UNSUPPORTED_FUNCTION]*/ OBJECT_ID(N'dw.orders') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS object_id, /*[TR_UNSUPPORTED_FUNCTION]*/ SERVERPROPERTY('ProductVersion') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS version, /*[TR_UNSUPPORTED_EXPRESSION]*/ @@SPID /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS session_id;
END;

-- statements: 2/3 translated, 0 raw
-- warning TR_TRANSACTION 8:12 @@TRANCOUNT became 0: explicit transactions are not kept, so none is ever open
-- warning TR_TRANSACTION 9:12 XACT_STATE() became 0: explicit transactions are not kept, so none is ever open
-- warning TR_SEMANTIC 10:12 @@ERROR became 0: a failing statement raises an error in Databricks (to the caller or the enclosing handler) instead of setting @@ERROR
-- warning TR_SEMANTIC 12:12 SUSER_SNAME became session_user(): Databricks user names (e-mail addresses) are not SQL Server logins
-- warning TR_SEMANTIC 13:12 DB_NAME() became the current catalog: it returned the SQL Server database name, translate.names maps it to a catalog
-- warning TR_SEMANTIC 17:12 CHECKSUM() became hash(): the values differ from SQL Server's, so checksums stored by the old system do not match
-- warning TR_SEMANTIC 18:12 ISNUMERIC() became try_cast(... AS DOUBLE): SQL Server's ISNUMERIC also accepts currency signs, thousands separators and a lone sign or point
-- warning TR_SEMANTIC 20:33 a strict JSON path: a missing value is NULL here, not an error
-- error TR_UNSUPPORTED_EXPRESSION 24:12 @@ROWCOUNT where lakeshift does not know which statement it counts (it is not read right after a data change, dynamic SQL or a procedure call): keep the count with GET DIAGNOSTICS v = ROW_COUNT right after that statement
-- error TR_UNSUPPORTED_FUNCTION 25:12 SCOPE_IDENTITY() reads the identity value of an INSERT lakeshift does not see before it (in another batch or procedure): read the row back by its key
-- error TR_UNSUPPORTED_FUNCTION 26:12 OBJECT_ID(): objects have no numeric ids in Databricks (OBJECT_ID(...) IS [NOT] NULL is translated to a test of information_schema)
-- error TR_UNSUPPORTED_FUNCTION 27:12 SERVERPROPERTY(): server properties have no equivalent in Databricks
-- error TR_UNSUPPORTED_EXPRESSION 28:12 @@SPID has no equivalent: use session_user() or a job run id

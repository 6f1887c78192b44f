-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE shellcorp.gold.log_run(
--   IN p_payload VARCHAR
-- )
BEGIN
  SELECT 'log_run' AS procedure_name, 'dw' AS schema_name, 0 AS open_transactions, 0 AS transaction_state, 0 AS last_error, 7 AS first_day, session_user AS login_name, current_database() AS database_name, CAST(uuid() AS VARCHAR) AS run_id, /*[TR_UNSUPPORTED_FUNCTION]*/ HASHBYTES('SHA2_256', @payload) /*[/TR_UNSUPPORTED_FUNCTION]*/ AS payload_hash, unhex(md5('abc')) AS md5, hash(getvariable('p_payload')) AS payload_checksum, CASE WHEN try_cast(getvariable('p_payload') AS DOUBLE) IS NULL THEN 0 ELSE 1 END AS is_number, json_extract_string(getvariable('p_payload'), '$.customer.name') AS customer_name, json_extract_string(getvariable('p_payload'), '$[''first name'']') AS first_name, CAST(json_extract(getvariable('p_payload'), '$.items') AS VARCHAR) AS items, CASE WHEN getvariable('p_payload') IS NULL THEN NULL WHEN json_valid(getvariable('p_payload')) THEN 1 ELSE 0 END AS is_json, greatest(1, 2, 3) AS biggest, /*[TR_UNSUPPORTED_EXPRESSION]*/ @@ROWCOUNT /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS row_count, /*[TR_UNSUPPORTED_FUNCTION]*/ SCOPE_IDENTITY() /*[/TR_UNSUPPORTED_FUNCTION]*/ AS new_id, /*[TR_UNSUPPORTED_FUNCTION]*/ OBJECT_ID(N'dw.orders') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS object_id, /*[TR_UNSUPPORTED_FUNCTION]*/ SERVERPROPERTY('ProductVersion') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS version, /*[TR_UNSUPPORTED_EXPRESSION]*/ @@SPID /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS session_id;
END;

-- statements: 2/3 translated, 0 raw
-- warning TR_TRANSACTION 8:12 @@TRANCOUNT became 0: explicit transactions are not kept, so none is ever open
-- warning TR_TRANSACTION 9:12 XACT_STATE() became 0: explicit transactions are not kept, so none is ever open
-- warning TR_SEMANTIC 10:12 @@ERROR became 0: a failing statement raises an error in Databricks (to the caller or the enclosing handler) instead of setting @@ERROR
-- warning TR_SEMANTIC 12:12 SUSER_SNAME became session_user(): Databricks user names (e-mail addresses) are not SQL Server logins
-- warning TR_SEMANTIC 13:12 DB_NAME() became the current catalog: it returned the SQL Server database name, translate.names maps it to a catalog
-- error TR_UNSUPPORTED_FUNCTION 15:12 HASHBYTES of nvarchar hashes UTF-16LE bytes, which DuckDB cannot encode
-- warning TR_SEMANTIC 17:12 CHECKSUM() became hash(): the values differ from SQL Server's, so checksums stored by the old system do not match
-- warning TR_SEMANTIC 18:12 ISNUMERIC() became try_cast(... AS DOUBLE): SQL Server's ISNUMERIC also accepts currency signs, thousands separators and a lone sign or point
-- warning TR_SEMANTIC 20:33 a strict JSON path: a missing value is NULL here, not an error
-- error TR_UNSUPPORTED_EXPRESSION 24:12 @@ROWCOUNT of a statement whose rows cannot be counted before it runs (dynamic SQL, a procedure call), or not read right after it: DuckDB has no row count of the last statement, so the rehearsal cannot run this
-- error TR_UNSUPPORTED_FUNCTION 25:12 SCOPE_IDENTITY() reads the identity value of an INSERT lakeshift does not see before it (in another batch or procedure): read the row back by its key
-- error TR_UNSUPPORTED_FUNCTION 26:12 OBJECT_ID(): objects have no numeric ids in Databricks (OBJECT_ID(...) IS [NOT] NULL is translated to a test of information_schema)
-- error TR_UNSUPPORTED_FUNCTION 27:12 SERVERPROPERTY(): server properties have no equivalent in Databricks
-- error TR_UNSUPPORTED_EXPRESSION 28:12 @@SPID has no equivalent: use session_user() or a job run id

MERGE INTO shellcorp.gold.dim_customer AS c
USING shellcorp.sales.segments AS s
ON s.segment_id = c.segment_id AND s.active = 1
WHEN MATCHED THEN UPDATE SET segment = s.segment_name, updated_at = localtimestamp;

-- statements: 1/1 translated, 0 raw
-- warning TR_SEMANTIC 2:1 UPDATE ... FROM became MERGE INTO: MERGE fails when several source rows match one target row, where SQL Server silently takes one of them
-- warning TR_SEMANTIC 3:48 GETDATE() was the SQL Server's local time; current_timestamp() is in the session time zone (UTC on SQL warehouses by default): check day boundaries
-- warning TR_CASE_INSENSITIVE 5:32 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters

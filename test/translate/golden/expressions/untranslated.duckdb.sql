SELECT /*[TR_UNSUPPORTED_EXPRESSION]*/ PARSE(o.text_date AS date USING 'en-GB') /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS parsed, nextval('shellcorp.gold.order_numbers') AS next_number, /*[TR_UNSUPPORTED_EXPRESSION]*/ o.shape.STArea() /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS area, /*[TR_UNSUPPORTED_EXPRESSION]*/ geography::Point(47.6, -122.3, 4326) /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS point, /*[TR_UNSUPPORTED_EXPRESSION]*/ o.ordered_at AT TIME ZONE 'Pacific Standard Time' /*[/TR_UNSUPPORTED_EXPRESSION]*/ AS local_time, /*[TR_UNSUPPORTED_FUNCTION]*/ JSON_MODIFY(o.doc, o.status_path, 'done') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS modified, /*[TR_UNSUPPORTED_FUNCTION]*/ DIFFERENCE(o.name, 'Smith') /*[/TR_UNSUPPORTED_FUNCTION]*/ AS similar, /*[TR_UNSUPPORTED_FUNCTION]*/ PATINDEX(o.pattern, o.name) /*[/TR_UNSUPPORTED_FUNCTION]*/ AS dynamic_pattern FROM shellcorp.gold.orders AS o;

SELECT row_number() OVER (ORDER BY s1.object_id) AS n FROM (SELECT unnest(generate_series(1, greatest(CAST(10 AS INT), 1))) AS object_id) AS s1 CROSS JOIN (SELECT 1 AS n) AS s2 LIMIT 10;

SELECT number FROM /*[TR_SYSTEM_OBJECT]*/ master..spt_values /*[/TR_SYSTEM_OBJECT]*/ WHERE lower(rtrim(type)) = 'p';

SELECT name FROM /*[TR_SYSTEM_OBJECT]*/ tempdb..sysobjects /*[/TR_SYSTEM_OBJECT]*/ WHERE rtrim(name) ILIKE '#stage%';

SELECT * FROM /*[TR_SYSTEM_OBJECT]*/ cdc.fn_cdc_get_net_changes_dbo_orders(sys.fn_cdc_get_min_lsn('dbo_orders'), sys.fn_cdc_get_max_lsn(), N'all') /*[/TR_SYSTEM_OBJECT]*/;

SELECT g.mark FROM school.dbo.grades AS g;

SELECT count(*) FROM INFORMATION_SCHEMA.TABLES;

SELECT c.id, c.name FROM /*[TR_UNSUPPORTED_EXPRESSION]*/ OPENQUERY(ERP, 'SELECT id, name FROM dbo.customers WHERE active = 1') AS c /*[/TR_UNSUPPORTED_EXPRESSION]*/;

-- statements: 2/8 translated, 0 raw
-- error TR_UNSUPPORTED_EXPRESSION 2:8 PARSE uses .NET culture rules: rewrite with to_date, to_timestamp or a cast
-- error TR_UNSUPPORTED_EXPRESSION 4:8 the .STArea() method of an xml or CLR value has no equivalent
-- error TR_UNSUPPORTED_EXPRESSION 5:8 geography::Point() has no equivalent
-- error TR_UNSUPPORTED_EXPRESSION 6:8 AT TIME ZONE uses Windows time zone names: rewrite with from_utc_timestamp / to_utc_timestamp
-- error TR_UNSUPPORTED_FUNCTION 7:8 JSON_MODIFY with a path that is not a literal: the member it changes is known only when it runs; write the path out
-- error TR_UNSUPPORTED_FUNCTION 8:8 DIFFERENCE(): no equivalent of SOUNDEX differences
-- error TR_UNSUPPORTED_FUNCTION 9:8 PATINDEX with a pattern that is not a literal: write it with regexp_instr
-- warning TR_SEMANTIC 14:1 sys.all_objects x sys.all_objects only numbered rows here: sys.all_objects became generate_series() rows, as many as TOP asks for (in SQL Server the catalog's size also capped them)
-- error TR_SYSTEM_OBJECT 15:20 master..spt_values is a SQL Server system table (to number rows, use range()): read information_schema or the Unity Catalog system tables instead
-- error TR_SYSTEM_OBJECT 16:18 tempdb..sysobjects is a SQL Server system table: read information_schema or the Unity Catalog system tables instead
-- error TR_SYSTEM_OBJECT 17:15 cdc.fn_cdc_get_net_changes_dbo_orders belongs to SQL Server change data capture: read changes with Delta change data feed (table_changes) instead
-- error TR_LINKED_SERVER 18:20 LEGACYSRV.school.dbo.grades is on the linked server LEGACYSRV: the name was kept without the server, so it names a table of this workspace; reach LEGACYSRV through Lakehouse Federation (a foreign catalog) and map LEGACYSRV.school.dbo to it in translate.names
-- warning TR_NAME_NOT_MAPPED 18:20 school.dbo has no entry in translate.names; the name is kept as it is
-- warning TR_SEMANTIC 19:22 INFORMATION_SCHEMA is the target's own (the current catalog's): the schema and table names it lists are the translated ones (translate.names maps them), not the legacy ones a query may compare with, and DATA_TYPE names differ (STRING, not nvarchar)
-- error TR_UNSUPPORTED_EXPRESSION 21:26 OPENQUERY table-valued function has no equivalent known to lakeshift

SELECT row_number() OVER (ORDER BY s1.object_id) AS n FROM (SELECT explode(sequence(1, greatest(CAST(v_days AS INT), 1))) AS object_id) AS s1 CROSS JOIN (SELECT 1 AS n) AS s2 ORDER BY s1.object_id LIMIT v_days;

SELECT row_number() OVER (ORDER BY NULL) - 1 AS number FROM (SELECT explode(sequence(1, greatest(CAST(1000 AS INT), 1))) AS n) AS a CROSS JOIN (SELECT 1 AS n) AS b LIMIT 1000;

SELECT o.name, row_number() OVER (ORDER BY o.object_id) AS n FROM /*[TR_SYSTEM_OBJECT]*/ sys.objects /*[/TR_SYSTEM_OBJECT]*/ AS o LIMIT 10;

SELECT row_number() OVER (ORDER BY c.column_id) AS n FROM /*[TR_SYSTEM_OBJECT]*/ sys.columns /*[/TR_SYSTEM_OBJECT]*/ AS c WHERE c.object_id = 42 LIMIT 10;

-- statements: 2/4 translated, 0 raw
-- warning TR_SEMANTIC 2:1 sys.all_objects x sys.all_objects only numbered rows here: sys.all_objects became sequence() rows, as many as TOP asks for (in SQL Server the catalog's size also capped them)
-- warning TR_SEMANTIC 6:1 master..spt_values x master..spt_values only numbered rows here: master..spt_values became sequence() rows, as many as TOP asks for (in SQL Server the catalog's size also capped them)
-- error TR_SYSTEM_OBJECT 9:76 sys.objects is a SQL Server catalog or system view: read information_schema or the Unity Catalog system tables instead (to number rows, use range())
-- error TR_SYSTEM_OBJECT 10:68 sys.columns is a SQL Server catalog or system view: read information_schema or the Unity Catalog system tables instead (to number rows, use range())

SELECT o.id FROM shellcorp.gold.orders AS o INNER JOIN shellcorp.gold.customers AS c ON c.id = o.customer_id WHERE o.amount > 0;

SELECT o.id FROM shellcorp.gold.orders AS o;

SELECT o.id FROM shellcorp.gold.orders /*[TR_UNSUPPORTED_EXPRESSION]*/ /* FOR SYSTEM_TIME ALL */ AS o;

SELECT o.id FROM shellcorp.gold.orders AS o;

-- statements: 3/4 translated, 0 raw
-- info TR_HINT_DROPPED 3:6 table hint NOLOCK dropped
-- info TR_HINT_DROPPED 3:6 join hint HASH dropped
-- info TR_HINT_DROPPED 4:17 table hint NOLOCK dropped
-- warning TR_CASE_INSENSITIVE 4:47 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters
-- info TR_HINT_DROPPED 6:9 OPTION (RECOMPILE, MAXDOP) was dropped
-- warning TR_SEMANTIC 8:28 FOR SYSTEM_TIME AS OF: DuckDB has no time travel, the rehearsal reads the current rows
-- error TR_UNSUPPORTED_EXPRESSION 10:28 FOR SYSTEM_TIME ALL: the history of all row versions has no equivalent; use Delta change data feed (table_changes) by hand
-- warning TR_SEMANTIC 12:18 TABLESAMPLE was dropped: sampling differs between engines

DROP TEMPORARY TABLE IF EXISTS tv_ids;

CREATE TEMPORARY TABLE tv_ids (
  id INT,
  seen BOOLEAN
);

DROP TEMPORARY TABLE IF EXISTS tt_work;

CREATE TEMPORARY TABLE tt_work (
  id INT NOT NULL,
  name STRING,
  qty INT DEFAULT 0
)
TBLPROPERTIES ('delta.feature.allowColumnDefaults' = 'supported');

INSERT INTO tt_work (id, name)
SELECT store_id, name FROM shellcorp.sales.stores;

UPDATE tt_work
SET qty = qty + 1
WHERE id = 1;

DROP TEMPORARY TABLE IF EXISTS tt_work;

DROP TEMPORARY TABLE IF EXISTS tt_seen;

INSERT INTO tv_ids (id, seen)
VALUES (1, false), (2, false);

UPDATE tv_ids
SET seen = true
WHERE id = 2;

DELETE FROM tv_ids
WHERE seen = false;

SELECT id FROM tv_ids;

SELECT s.store_name, tt_stage.net, tt_stage.* FROM shellcorp.gold.dim_store AS s LEFT JOIN tt_stage ON tt_stage.store_id = s.store_id;

-- statements: 14/14 translated, 0 raw
-- info TR_TEMP_TABLE 2:1 #work became a session temporary table tt_work
-- info TR_CONSTRAINT 2:37 PRIMARY KEY dropped from a temporary table: its columns stay NOT NULL
-- info TR_TEMP_TABLE 9:9 table variable @ids became a session temporary table tv_ids, created at the start
-- warning TR_CASE_INSENSITIVE 16:86 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters

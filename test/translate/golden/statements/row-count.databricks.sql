BEGIN
  DECLARE v_id INT;
  DECLARE v_rows INT;
  DECLARE lakeshift_rowcount BIGINT;
  DECLARE v_RowCount INT;
  SET v_id = 7;
  SET lakeshift_rowcount = (SELECT count(*) FROM shellcorp.gold.dim_store WHERE store_id = v_id);
  UPDATE shellcorp.gold.dim_store
  SET store_name = 'x'
  WHERE store_id = v_id;
  IF lakeshift_rowcount = 0 THEN
    INSERT INTO shellcorp.gold.dim_store (store_id, store_name)
    VALUES (v_id, 'x');
  END IF;
  SET lakeshift_rowcount = (SELECT count(*) FROM shellcorp.gold.dim_store AS s WHERE EXISTS (SELECT 1 FROM shellcorp.sales.closures AS c WHERE c.store_id = s.store_id));
  DELETE FROM shellcorp.gold.dim_store AS s
  WHERE EXISTS (SELECT 1 FROM shellcorp.sales.closures AS c WHERE c.store_id = s.store_id);
  SET v_rows = lakeshift_rowcount;
  UPDATE shellcorp.gold.dim_store
  SET store_name = 'y';
  -- [TR_RAISERROR_INFO] PRINT 'done'
  SET v_rows = /*[TR_UNSUPPORTED_EXPRESSION]*/ @@ROWCOUNT /*[/TR_UNSUPPORTED_EXPRESSION]*/;
  SET lakeshift_rowcount = (SELECT count(*) FROM shellcorp.gold.dim_store WHERE store_id = v_id);
  UPDATE shellcorp.gold.dim_store
  SET store_name = 'z'
  WHERE store_id = v_id;
  SET v_RowCount = lakeshift_rowcount;
END;

-- statements: 11/12 translated, 0 raw
-- warning TR_CASE_INSENSITIVE 7:55 this object compares values whose types lakeshift does not know (columns of views, or of tables the inventory does not describe): where they are strings, SQL Server ignored case and trailing spaces and the target does not. Snapshot those tables, or compare lower(rtrim()) of both sides where that matters
-- info TR_RAISERROR_INFO 12:1 PRINT dropped: SQL scripts do not print messages
-- error TR_UNSUPPORTED_EXPRESSION 13:13 @@ROWCOUNT where lakeshift does not know which statement it counts (it is not read right after a data change, dynamic SQL or a procedure call): keep the count with GET DIAGNOSTICS v = ROW_COUNT right after that statement

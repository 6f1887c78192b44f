BEGIN
  DECLARE v_id INT;
  -- [TR_CURSOR_UNSUPPORTED] cursor back_and_forth did not become a FOR loop: a SCROLL cursor moves back and forth; a FOR loop reads forward only
  -- DECLARE back_and_forth CURSOR SCROLL FOR SELECT store_id FROM sales.stores
  -- [TR_CURSOR_UNSUPPORTED] OPEN back_and_forth: part of a cursor that did not become a FOR loop
  -- OPEN back_and_forth
  -- [TR_CURSOR_UNSUPPORTED] FETCH from back_and_forth: part of a cursor that did not become a FOR loop
  -- FETCH LAST FROM back_and_forth INTO @id
  -- [TR_CURSOR_UNSUPPORTED] FETCH from back_and_forth: part of a cursor that did not become a FOR loop
  -- FETCH PRIOR FROM back_and_forth INTO @id
  -- [TR_CURSOR_UNSUPPORTED] CLOSE back_and_forth: part of a cursor that did not become a FOR loop
  -- CLOSE back_and_forth
  -- [TR_CURSOR_UNSUPPORTED] DEALLOCATE back_and_forth: part of a cursor that did not become a FOR loop
  -- DEALLOCATE back_and_forth
  -- [TR_CURSOR_UNSUPPORTED] cursor editing did not become a FOR loop: a FOR UPDATE cursor changes the rows it reads; a FOR loop reads a snapshot: rewrite as UPDATE or MERGE
  -- DECLARE editing CURSOR FOR SELECT store_id FROM dw.dim_store FOR UPDATE OF store_name
  -- [TR_CURSOR_UNSUPPORTED] OPEN editing: part of a cursor that did not become a FOR loop
  -- OPEN editing
  -- [TR_CURSOR_UNSUPPORTED] FETCH from editing: part of a cursor that did not become a FOR loop
  -- FETCH NEXT FROM editing INTO @id
  loop_1: WHILE /*[TR_UNSUPPORTED_EXPRESSION]*/ @@FETCH_STATUS /*[/TR_UNSUPPORTED_EXPRESSION]*/ = 0 DO
    -- [TR_CURSOR_UNSUPPORTED] UPDATE ... WHERE CURRENT OF editing: rewrite the cursor loop as one UPDATE or MERGE
    -- UPDATE dw.dim_store SET store_name = N'x' WHERE CURRENT OF editing
    -- [TR_CURSOR_UNSUPPORTED] FETCH from editing: part of a cursor that did not become a FOR loop
    -- FETCH NEXT FROM editing INTO @id
    BEGIN END;
  END WHILE loop_1;
  -- [TR_CURSOR_UNSUPPORTED] CLOSE editing: part of a cursor that did not become a FOR loop
  -- CLOSE editing
  -- [TR_CURSOR_UNSUPPORTED] DEALLOCATE editing: part of a cursor that did not become a FOR loop
  -- DEALLOCATE editing
END;

-- statements: 2/16 translated, 0 raw
-- error TR_CURSOR_UNSUPPORTED 3:1 cursor back_and_forth did not become a FOR loop: a SCROLL cursor moves back and forth; a FOR loop reads forward only
-- error TR_CURSOR_UNSUPPORTED 4:1 OPEN back_and_forth: part of a cursor that did not become a FOR loop
-- error TR_CURSOR_UNSUPPORTED 5:1 FETCH from back_and_forth: part of a cursor that did not become a FOR loop
-- error TR_CURSOR_UNSUPPORTED 6:1 FETCH from back_and_forth: part of a cursor that did not become a FOR loop
-- error TR_CURSOR_UNSUPPORTED 7:1 CLOSE back_and_forth: part of a cursor that did not become a FOR loop
-- error TR_CURSOR_UNSUPPORTED 8:1 DEALLOCATE back_and_forth: part of a cursor that did not become a FOR loop
-- error TR_CURSOR_UNSUPPORTED 10:1 cursor editing did not become a FOR loop: a FOR UPDATE cursor changes the rows it reads; a FOR loop reads a snapshot: rewrite as UPDATE or MERGE
-- error TR_CURSOR_UNSUPPORTED 11:1 OPEN editing: part of a cursor that did not become a FOR loop
-- error TR_CURSOR_UNSUPPORTED 12:1 FETCH from editing: part of a cursor that did not become a FOR loop
-- error TR_UNSUPPORTED_EXPRESSION 13:7 @@FETCH_STATUS outside a cursor loop that lakeshift turns into a FOR loop: rewrite the loop
-- error TR_CURSOR_UNSUPPORTED 15:3 UPDATE ... WHERE CURRENT OF editing: rewrite the cursor loop as one UPDATE or MERGE
-- error TR_CURSOR_UNSUPPORTED 16:3 FETCH from editing: part of a cursor that did not become a FOR loop
-- error TR_CURSOR_UNSUPPORTED 18:1 CLOSE editing: part of a cursor that did not become a FOR loop
-- error TR_CURSOR_UNSUPPORTED 19:1 DEALLOCATE editing: part of a cursor that did not become a FOR loop

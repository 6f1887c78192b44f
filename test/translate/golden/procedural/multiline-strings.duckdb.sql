-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.
-- PROCEDURE dbo.p_nl()
BEGIN
  DECLARE v_s VARCHAR;
  DECLARE v_sql VARCHAR;
  INSERT INTO dbo.msgs (body)
  VALUES ('Dear customer,
your order shipped.');
  UPDATE dbo.msgs
  SET body = regexp_replace(body, '(?i)a
b', 'c', 'g');
  SET v_s = 'x
y';
  SET v_s = 'p
q';
  SET v_sql = 'SELECT a -- pick a
FROM dbo.t';
  EXECUTE IMMEDIATE getvariable('v_sql');
  IF lower(rtrim(getvariable('v_s'))) = 'it''s
here' THEN
    -- [TR_RAISERROR_INFO] PRINT 'x'
    BEGIN END;
  END IF;
END;

-- statements: 10/10 translated, 0 raw
-- warning TR_NAME_NOT_MAPPED 5:17 ShellCorp.dbo has no entry in translate.names; the name is kept as it is
-- warning TR_DYNAMIC_SQL 15:5 dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it
-- info TR_RAISERROR_INFO 17:7 PRINT dropped: SQL scripts do not print messages

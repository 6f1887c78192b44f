CREATE OR REPLACE PROCEDURE dbo.p_nl()
LANGUAGE SQL
SQL SECURITY INVOKER
AS BEGIN
  DECLARE v_s STRING;
  DECLARE v_sql STRING;
  INSERT INTO dbo.msgs (body)
  VALUES ('Dear customer,
your order shipped.');
  UPDATE dbo.msgs
  SET body = regexp_replace(body, '(?iu)a
b', 'c');
  SET v_s = 'x
y';
  SET v_s = 'p
q';
  SET v_sql = 'SELECT a -- pick a
FROM dbo.t';
  EXECUTE IMMEDIATE 'SELECT a FROM dbo.t';
  IF v_s COLLATE UTF8_LCASE_RTRIM = 'it\'s
here' THEN
    -- [TR_RAISERROR_INFO] PRINT 'x'
    BEGIN END;
  END IF;
END;

-- statements: 10/10 translated, 0 raw
-- warning TR_NAME_NOT_MAPPED 5:17 ShellCorp.dbo has no entry in translate.names; the name is kept as it is
-- warning TR_NAME_NOT_MAPPED 15:5 in the dynamic SQL: ShellCorp.dbo has no entry in translate.names; the name is kept as it is
-- warning TR_DYNAMIC_SQL_TRANSLATED 15:5 the text of this dynamic SQL is built from literals and was translated
-- info TR_RAISERROR_INFO 17:7 PRINT dropped: SQL scripts do not print messages

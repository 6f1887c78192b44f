import { describe, expect, it } from 'vitest';
import { assertReadOnly, checkReadOnly, WRITE_KEYWORDS } from '../../src/engines/sqlserver/read-only-guard.js';
import { EngineError } from '../../src/errors.js';

/** Reads that must reach the server: queries and catalog reads lakeshift itself sends. */
const allowed: ReadonlyArray<readonly [string, string]> = [
  ['a plain select', 'SELECT 1'],
  ['lower case', 'select * from dbo.Sales'],
  ['a trailing semicolon', 'SELECT 1;'],
  ['trailing semicolons and a comment', 'SELECT 1; ; -- done\n'],
  ['a CTE', 'WITH recent AS (SELECT * FROM dbo.Sales WHERE SaleDate > \'2024-01-01\') SELECT COUNT(*) FROM recent'],
  ['WITH XMLNAMESPACES', "WITH XMLNAMESPACES ('urn:x' AS x) SELECT 1"],
  ['a parenthesised query', '(SELECT 1) UNION ALL (SELECT 2)'],
  ['sys catalog views', 'SELECT s.name, o.name, o.type_desc, o.create_date, o.modify_date FROM sys.objects AS o JOIN sys.schemas AS s ON s.schema_id = o.schema_id'],
  ['module definitions', 'SELECT m.definition, m.uses_ansi_nulls FROM sys.sql_modules AS m'],
  ['INFORMATION_SCHEMA', "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'dbo'"],
  ['SQL Agent jobs in msdb', 'SELECT j.job_id, j.name, j.enabled, s.step_id, s.command, s.database_name FROM msdb.dbo.sysjobs AS j JOIN msdb.dbo.sysjobsteps AS s ON s.job_id = j.job_id'],
  ['procedure statistics', 'SELECT OBJECT_NAME(ps.object_id, ps.database_id) AS name, ps.execution_count, ps.last_execution_time FROM sys.dm_exec_procedure_stats AS ps'],
  ['server properties', "SELECT @@VERSION AS version, CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS v, DB_NAME() AS db"],
  ['keywords inside strings', "SELECT 'DROP TABLE x; DELETE FROM y' AS s, N'INSERT INTO z' AS n"],
  ['an escaped quote in a string', "SELECT 'it''s; DROP TABLE x' AS s"],
  ['keywords in comments', 'SELECT 1 -- DELETE FROM dbo.Sales\n/* UPDATE dbo.Sales SET x = 1; */'],
  ['nested block comments', 'SELECT 1 /* outer /* DROP TABLE t */ still a comment: EXEC sp_who */'],
  ['keywords in brackets', 'SELECT [Update], [Delete], [Set], [Into] FROM dbo.[Insert]'],
  ['an escaped bracket', 'SELECT 1 AS [a]]DROP]'],
  ['keywords in double quotes', 'SELECT "Update", "Exec" FROM "Drop"'],
  ['members after a dot', "SELECT t.x.value('(/a)[1]', 'int') FROM dbo.t AS t WHERE geo.STDistance(@p) > 0"],
  ['variables and temp names that contain keywords', 'SELECT @update_count, @@ROWCOUNT, #set_aside.a FROM #set_aside'],
  ['words that only contain keywords', 'SELECT updated_at, deleted, inserted_by, is_set, executed FROM dbo.Audit'],
  ['numbers and hex literals', 'SELECT 1.5e3, 0x1F, $12.50, .5'],
  ['FOR JSON', 'SELECT name FROM sys.tables FOR JSON PATH'],
  ['table hints', 'SELECT * FROM dbo.Sales WITH (NOLOCK) OPTION (MAXDOP 1)'],
];

/** Statements refused, with the word and position the guard must report (null: no word). */
const refused: ReadonlyArray<readonly [string, string, string | null, number, number]> = [
  ['an update', 'UPDATE dbo.Sales SET x = 1', 'UPDATE', 1, 1],
  ['an insert', 'INSERT INTO dbo.Sales VALUES (1)', 'INSERT', 1, 1],
  ['a delete', 'DELETE FROM dbo.Sales', 'DELETE', 1, 1],
  ['a merge', 'MERGE dbo.A AS a USING dbo.B AS b ON a.id = b.id WHEN MATCHED THEN DELETE;', 'MERGE', 1, 1],
  ['an exec', 'EXEC sp_who', 'EXEC', 1, 1],
  ['a bare procedure call', 'sp_who2', 'SP_WHO2', 1, 1],
  ['DDL', 'CREATE TABLE t (a int)', 'CREATE', 1, 1],
  ['a truncate', 'TRUNCATE TABLE dbo.Sales', 'TRUNCATE', 1, 1],
  ['USE', 'USE master', 'USE', 1, 1],
  ['DECLARE', 'DECLARE @x int', 'DECLARE', 1, 1],
  ['SET', 'SET NOCOUNT ON', 'SET', 1, 1],
  ['DBCC', 'DBCC CHECKDB', 'DBCC', 1, 1],
  ['a CTE feeding a delete', 'WITH old AS (SELECT * FROM dbo.Sales WHERE y < 2000)\nDELETE FROM old', 'DELETE', 2, 1],
  ['a CTE feeding an update', 'WITH c AS (SELECT * FROM t)\n  UPDATE c SET x = 1', 'UPDATE', 2, 3],
  ['SELECT INTO', 'SELECT *\nINTO dbo.Copy\nFROM dbo.Sales', 'INTO', 2, 1],
  ['a second statement without a semicolon', 'SELECT 1\nDROP TABLE dbo.Sales', 'DROP', 2, 1],
  ['a second statement after a semicolon', 'SELECT 1;\nSELECT 2', 'SELECT', 2, 1],
  ['a write after a semicolon', 'SELECT 1; DROP TABLE t', 'DROP', 1, 11],
  ['EXEC after a select', "SELECT 1 EXEC('DROP TABLE t')", 'EXEC', 1, 10],
  ['OPENROWSET', "SELECT * FROM OPENROWSET(BULK 'c:\\x.csv', SINGLE_CLOB) AS x", 'OPENROWSET', 1, 15],
  ['OPENQUERY', "SELECT * FROM OPENQUERY(linked, 'DELETE FROM t')", 'OPENQUERY', 1, 15],
  ['OPENDATASOURCE', "SELECT * FROM OPENDATASOURCE('SQLNCLI', 'Data Source=x').db.dbo.t", 'OPENDATASOURCE', 1, 15],
  ['WAITFOR', "SELECT 1 WAITFOR DELAY '00:10:00'", 'WAITFOR', 1, 10],
  ['a transaction', 'SELECT 1 BEGIN TRAN', 'BEGIN', 1, 10],
  ['SHUTDOWN', 'SELECT 1 SHUTDOWN', 'SHUTDOWN', 1, 10],
  ['a keyword after a comment', 'SELECT 1 /* fine */ KILL 53', 'KILL', 1, 21],
  ['a keyword after a string', "SELECT 'x' GRANT SELECT ON t TO public", 'GRANT', 1, 12],
  ['a number glued to a keyword', 'SELECT 1.DROP TABLE t', 'DROP', 1, 10],
  ['lower case keywords', 'select 1\n\n   delete from t', 'DELETE', 3, 4],
  ['an empty statement', '  -- nothing\n', null, 1, 1],
  ['an unterminated string', "SELECT 'abc", null, 1, 8],
  ['an unterminated comment', 'SELECT 1 /* DROP TABLE t', null, 1, 10],
  ['an unterminated bracket', 'SELECT [abc', null, 1, 8],
];

describe('checkReadOnly', () => {
  it.each(allowed)('allows %s', (_label, sql) => {
    expect(checkReadOnly(sql)).toBeUndefined();
  });

  it.each(refused)('refuses %s', (_label, sql, keyword, line, column) => {
    const violation = checkReadOnly(sql);
    expect(violation).toBeDefined();
    expect(violation?.keyword).toBe(keyword ?? undefined);
    expect([violation?.line, violation?.column]).toEqual([line, column]);
  });

  it('refuses every listed keyword standing alone after a select', () => {
    for (const keyword of WRITE_KEYWORDS) {
      expect(checkReadOnly(`SELECT 1 ${keyword.toLowerCase()} x`)?.keyword, keyword).toBe(keyword);
    }
  });
});

describe('assertReadOnly', () => {
  it('throws READ_ONLY_VIOLATION naming the connection, the keyword and its line:column', () => {
    let caught: unknown;
    try {
      assertReadOnly('WITH c AS (SELECT 1 AS a)\nDELETE FROM c', 'legacy');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    const error = caught as EngineError;
    expect(error.code).toBe('READ_ONLY_VIOLATION');
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('legacy: refused DELETE at 2:1: it changes data, schema, security or server state');
    expect(error.details).toMatchObject({ connection: 'legacy', keyword: 'DELETE', line: 2, column: 1 });
    expect(error.hint).toContain('[brackets]');
  });

  it('explains SELECT INTO', () => {
    expect(() => assertReadOnly('SELECT * INTO x FROM y', 'legacy')).toThrow('legacy: refused INTO at 1:10: it writes a table (SELECT ... INTO, INSERT INTO, MERGE INTO)');
  });

  it('says where an unterminated string starts', () => {
    expect(() => assertReadOnly("SELECT 'abc", 'legacy')).toThrow("legacy: refused the statement at 1:8: a 'string' is not terminated, so the statement cannot be checked");
  });

  it('names a statement that does not start as a read', () => {
    expect(() => assertReadOnly('EXEC dbo.LoadSales', 'legacy')).toThrow('legacy: refused EXEC at 1:1: a read starts with SELECT or WITH');
  });

  it('passes a read', () => {
    expect(() => assertReadOnly('SELECT 1', 'legacy')).not.toThrow();
  });
});

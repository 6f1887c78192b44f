import { describe, expect, it } from 'vitest';
import type { BlockNode, ScriptNode, TranslatedObject } from '../../src/translate/script-ir.js';
import { codes, toDatabricks, toDuckDb } from './support.js';

function bodyOf(object: TranslatedObject | undefined): readonly ScriptNode[] {
  if (object === undefined) return [];
  return object.kind === 'statements' ? object.body : object.body.body;
}

function errors(result: ReturnType<typeof toDatabricks>): string[] {
  return result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`);
}

describe('statement accounting', () => {
  it('counts a kept statement with everything nested in it, and nothing else', () => {
    const result = toDatabricks(`
      DECLARE @i int = 0;
      IF @i = 0 BEGIN GOTO done; SET @i = 1; END
      done:
      SET @i = 2;`);
    // DECLARE, IF, BEGIN, GOTO, SET, label, SET: the GOTO and the label are kept.
    expect(result.statements).toEqual({ total: 7, translated: 5, raw: 0 });
    expect(codes(result.diagnostics).filter((code) => code === 'TR_UNSUPPORTED_STATEMENT')).toHaveLength(2);
    expect(result.text).toContain('-- GOTO done');
    expect(result.text).toContain('-- done:');
  });

  it('counts a statement with an untranslated part in it (an error marker) as not translated, once', () => {
    const result = toDatabricks("DECLARE @e sysname;\nSELECT SERVERPROPERTY('Edition') AS edition, DIFFERENCE('a', 'b') AS d;\nSELECT 1 AS one;");
    expect(result.text).toContain('/*[TR_UNSUPPORTED_FUNCTION]*/');
    expect(result.statements).toEqual({ total: 3, translated: 2, raw: 0 });
  });

  it('keeps every statement it does not translate as a comment with an error naming it', () => {
    const result = toDatabricks(`
      BULK INSERT dw.t FROM 'c:\\data.dat' WITH (FORMATFILE = 'c:\\data.fmt');
      WAITFOR (RECEIVE * FROM dbo.queue), TIMEOUT 10;
      EXEC sp_who;
      ALTER SEQUENCE dw.s RESTART WITH 1;`);
    expect(result.statements.translated).toBe(0);
    expect(errors(result)).toHaveLength(4);
    for (const text of ['BULK INSERT', 'WAITFOR \\(RECEIVE', 'EXEC sp_who', 'ALTER SEQUENCE']) expect(result.text).toMatch(new RegExp(`^-- ${text}`, 'm'));
  });

  it('drops WAITFOR DELAY and WAITFOR TIME with a warning: they only wait', () => {
    const result = toDatabricks("WAITFOR DELAY '00:00:01'; WAITFOR TIME '22:00'; SELECT 1 AS one;");
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`)).toEqual(['warning TR_SEMANTIC', 'warning TR_SEMANTIC']);
    expect(result.statements).toEqual({ total: 3, translated: 3, raw: 0 });
    expect(result.text).toContain("-- [TR_SEMANTIC] WAITFOR DELAY '00:00:01'");
    const comments = result.objects.flatMap((object) => (object.kind === 'statements' ? object.body : [])).filter((node) => node.kind === 'comment');
    expect(comments.map((node) => node.kind === 'comment' && node.line)).toEqual([1, 1]);
  });

  it('drops session options and PRINT with an info diagnostic, and shows them as comments', () => {
    const result = toDatabricks("SET NOCOUNT ON; SET XACT_ABORT OFF; PRINT 'x'; SELECT 1 AS one;");
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`)).toEqual([
      'info TR_SESSION_OPTION',
      'warning TR_SESSION_OPTION_SEMANTIC',
      'info TR_RAISERROR_INFO',
    ]);
    expect(result.text).toContain('-- [TR_SESSION_OPTION] SET NOCOUNT ON');
    expect(result.statements).toEqual({ total: 4, translated: 4, raw: 0 });
  });
});

describe('UPDATE and DELETE with FROM', () => {
  it('resolves unqualified columns of a multi-table UPDATE through the inventory, and warns about the rest', () => {
    const columnTypes = (table: string) => (table === 'sales.region' ? new Map([['region_name', 'varchar(10)']]) : table === 'dw.t' ? new Map([['name', 'varchar(10)']]) : undefined);
    const result = toDatabricks(
      'UPDATE t SET t.name = region_name, t.note = other FROM dw.t t JOIN sales.store s ON s.id = t.store_id JOIN sales.region r ON r.id = s.region_id;',
      { columnTypes },
    );
    expect(result.text).toContain('r.region_name AS r__region_name');
    expect(result.text).toContain('SET name = src.r__region_name, note = other');
    expect(result.diagnostics.find((diagnostic) => diagnostic.message.startsWith('unqualified column'))?.message).toBe(
      "unqualified column other read as the target's: qualify it if it belongs to a joined table",
    );
  });

  it('keeps the join shapes it cannot express, with the reason', () => {
    const result = toDatabricks(`
      UPDATE t SET t.x = 1 FROM dw.t t LEFT JOIN dw.a a ON a.id = t.id JOIN dw.b b ON b.id = a.id;
      UPDATE t SET t.x = 1 FROM dw.a a CROSS APPLY (SELECT * FROM dw.t WHERE t.id = a.id) t;`);
    expect(errors(result)).toEqual([
      'TR_UNSUPPORTED_STATEMENT UPDATE ... FROM not translated: a join after the LEFT JOIN from the target: rewrite the statement as MERGE by hand',
      'TR_UNSUPPORTED_STATEMENT UPDATE ... FROM not translated: the target t is a derived table or function of the FROM clause: write the change against its base table',
    ]);
  });

  it('uses MERGE rather than EXISTS where the EXISTS subquery would nest another (Databricks refuses that)', () => {
    const result = toDatabricks('UPDATE t SET t.x = 1 FROM dw.t t JOIN dw.a a ON a.id = t.id WHERE a.code IN (SELECT code FROM dw.codes);');
    expect(result.text).toMatch(/^MERGE INTO dw\.t AS t\nUSING dw\.a AS a\nON a\.id = t\.id AND a\.code IN \(SELECT code FROM dw\.codes\)\nWHEN MATCHED THEN UPDATE SET x = 1;$/m);
  });

  it('reports writes to a temporary view (translate.tempTables: view)', () => {
    const result = toDatabricks(
      `SELECT id INTO #a FROM dw.t;
       UPDATE #a SET id = 2;
       CREATE TABLE #b (id int);
       INSERT INTO #b VALUES (1);
       DECLARE @c TABLE (id int);`,
      { tempTables: 'view' },
    );
    expect(result.text).toContain('CREATE OR REPLACE TEMPORARY VIEW tt_a AS');
    expect(codes(result.diagnostics).filter((code) => code === 'TR_TEMP_TABLE_VIEW')).toHaveLength(4);
  });
});

describe('identity values of tables the inventory does not describe', () => {
  const insertThenRead = (use: string) => `
    DECLARE @id int;
    INSERT INTO etl.run_log (status) VALUES ('started');
    SET @id = SCOPE_IDENTITY();
    ${use}`;

  it('reads back the one column the code matches the value against in an UPDATE or DELETE of the table', () => {
    const result = toDatabricks(insertThenRead("UPDATE etl.run_log SET status = 'done' WHERE run_id = @id; DELETE FROM etl.run_log WHERE @id = RUN_ID;"));
    expect(errors(result)).toEqual([]);
    expect(result.text).toContain('SET v_id = (SELECT max(run_id) FROM etl.run_log)');
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'TR_IDENTITY_READBACK')?.message).toMatch(/run_id is taken to be it because this code matches the value against run_id of etl\.run_log/);
  });

  it('stays flagged when the matches disagree, are through an alias, or are in another table', () => {
    for (const use of [
      "UPDATE etl.run_log SET status = 'done' WHERE run_id = @id; UPDATE etl.run_log SET status = 'x' WHERE batch_id = @id;",
      "UPDATE l SET status = 'done' FROM etl.run_log AS l WHERE l.run_id = @id;",
      "UPDATE etl.other_log SET status = 'done' WHERE run_id = @id;",
    ]) {
      expect(errors(toDatabricks(insertThenRead(use)))).toEqual([expect.stringMatching(/^TR_UNSUPPORTED_FUNCTION SCOPE_IDENTITY\(\) reads the identity value the INSERT into etl\.run_log generated/)]);
    }
  });
});

describe('CATCH handlers', () => {
  it('keep the error in variables no T-SQL variable can be named, so that the code\'s own @error_message is not hidden', () => {
    const result = toDatabricks(`DECLARE @error_message nvarchar(4000);
      BEGIN TRY THROW 50001, 'failed', 1; END TRY
      BEGIN CATCH SET @error_message = ERROR_MESSAGE(); END CATCH;
      SELECT @error_message AS message;`);
    expect(result.text).toContain('DECLARE lakeshift_error_message STRING;');
    expect(result.text).toContain('SET v_error_message = lakeshift_error_message;');
    expect(result.text.match(/DECLARE v_error_message\b/g)).toHaveLength(1);
  });
});

describe('@@ERROR first in a CATCH block', () => {
  it('is the error caught: IF @@ERROR <> 0 there always runs its branch, IF @@ERROR = 0 never', () => {
    const failed = toDatabricks("BEGIN TRY UPDATE dw.t SET a = 1; END TRY BEGIN CATCH IF @@ERROR <> 0 INSERT INTO dw.log VALUES ('failed'); END CATCH");
    expect(failed.text).toContain("VALUES ('failed')");
    expect(failed.text).not.toContain('-- INSERT');
    const succeeded = toDatabricks("BEGIN TRY UPDATE dw.t SET a = 1; END TRY BEGIN CATCH IF @@ERROR = 0 INSERT INTO dw.log VALUES ('fine') ELSE INSERT INTO dw.log VALUES ('failed'); END CATCH");
    expect(succeeded.text).toContain("VALUES ('failed')");
    expect(succeeded.text).not.toContain("VALUES ('fine')");
    expect(codes(succeeded.diagnostics)).toContain('TR_SEMANTIC');
  });
});

describe('RAISERROR outside TRY', () => {
  it('warns where T-SQL went on to a next statement that the translation no longer reaches', () => {
    const warned = (tsql: string) => toDatabricks(tsql).diagnostics.filter((diagnostic) => diagnostic.message.startsWith('RAISERROR outside TRY')).map((diagnostic) => diagnostic.line);
    expect(warned("IF @a IS NULL RAISERROR('a is null', 16, 1);\nINSERT INTO dw.t VALUES (1);")).toEqual([1]);
    expect(warned("IF @a IS NULL BEGIN RAISERROR('a', 16, 1); RETURN; END;\nINSERT INTO dw.t VALUES (1);")).toEqual([]);
    expect(warned("BEGIN TRY RAISERROR('a', 16, 1); INSERT INTO dw.t VALUES (1); END TRY BEGIN CATCH THROW; END CATCH")).toEqual([]);
    expect(warned("RAISERROR('fatal', 20, 1) WITH LOG;\nINSERT INTO dw.t VALUES (1);")).toEqual([]);
  });
});

describe('result sets of a procedure', () => {
  it('warns when a run can return rows more than once: Databricks returns the last result only', () => {
    const warns = (body: string) => toDatabricks(`CREATE PROCEDURE dw.p AS BEGIN ${body} END`).diagnostics.some((diagnostic) => diagnostic.message.includes('returns rows from more than one SELECT'));
    expect(warns('SELECT 1 AS a; SELECT 2 AS b;')).toBe(true);
    expect(warns('WHILE 1 = 1 BEGIN SELECT 1 AS a; BREAK; END')).toBe(true);
    expect(warns('IF 1 = 1 SELECT 1 AS a ELSE SELECT 2 AS a;')).toBe(false);
    expect(warns('DECLARE @n int; SELECT @n = 1; SELECT @n AS n;')).toBe(false);
  });

  it('sets the code of EXEC @rc = sp_executesql to 0 after the text ran', () => {
    const result = toDatabricks("DECLARE @rc int, @sql nvarchar(100) = N'SELECT 1'; EXEC @rc = sp_executesql @sql;");
    expect(result.text).toMatch(/EXECUTE IMMEDIATE 'SELECT 1';\n  SET v_rc = 0;/);
    expect(codes(result.diagnostics)).toContain('TR_RETURN_VALUE');
  });
});

describe('text converted to a date implicitly', () => {
  it('reads text stored into a date variable as CAST does, strips the time of day of a round trip through text, and reads text built at run time in each form', () => {
    const result = toDatabricks(`DECLARE @d datetime, @day date, @x varchar(8) = '20240105', @m int = 3;
      SET @d = CONVERT(varchar(10), GETDATE(), 101);
      SET @day = @x;
      SET @d = CAST(@m AS varchar) + '/1/2024';
      SELECT CONVERT(datetime, CONVERT(varchar(8), GETDATE(), 112)) AS today;`);
    expect(result.text).toContain('SET v_d = CAST(CAST(current_timestamp() AS DATE) AS TIMESTAMP);');
    expect(result.text).toContain("SET v_day = CAST(coalesce(try_to_timestamp(v_x, 'yyyyMMdd'), ");
    expect(result.text).toContain('SELECT CAST(CAST(current_timestamp() AS DATE) AS TIMESTAMP) AS today;');
    expect(result.text).toContain("SET v_d = coalesce(try_to_timestamp(CAST(v_m AS STRING) || '/1/2024', 'yyyyMMdd'), try_to_timestamp(CAST(v_m AS STRING) || '/1/2024', 'M/d/yyyy'), ");
    expect(result.diagnostics.some((diagnostic) => diagnostic.line === 4 && diagnostic.message.startsWith('text cast to a date is read as yyyymmdd, m/d/yyyy'))).toBe(true);
  });
});

describe('datetime and smalldatetime literals', () => {
  it('are rounded as SQL Server stores them: datetime to 1/300 s, smalldatetime to the minute; datetime2 keeps its digits', () => {
    const result = toDatabricks(`DECLARE @x datetime = '2024-01-31 23:59:59.999', @y datetime = '2024-01-31 10:00:00.995', @z smalldatetime = '2024-01-31 23:59:59', @v datetime2 = '2024-01-31 23:59:59.999';
      SELECT id FROM dw.t WHERE d <= '2024-01-31 23:59:59.999';`, { columnTypes: (table) => (table === 'dw.t' ? new Map([['id', 'int'], ['d', 'datetime']]) : undefined) });
    expect(result.text).toContain("SET v_x = TIMESTAMP '2024-02-01 00:00:00';");
    expect(result.text).toContain("SET v_y = TIMESTAMP '2024-01-31 10:00:00.997';");
    expect(result.text).toContain("SET v_z = TIMESTAMP '2024-02-01 00:00:00';");
    expect(result.text).toContain("SET v_v = TIMESTAMP '2024-01-31 23:59:59.999';");
    expect(result.text).toContain("WHERE d <= TIMESTAMP '2024-02-01 00:00:00'");
  });
});

describe('SELECT @v = ... FROM as SET v = (query)', () => {
  const rowWarning = (sql: string) => toDatabricks(sql).diagnostics.some((diagnostic) => diagnostic.message.includes('it must return one row'));

  it('warns that the query must give one row, unless aggregates over its rows give exactly one', () => {
    expect(rowWarning('DECLARE @n int; SELECT @n = id FROM dw.t WHERE x = 1;')).toBe(true);
    expect(rowWarning('DECLARE @n int; SELECT @n = COUNT(*) FROM dw.t GROUP BY x;')).toBe(true);
    expect(rowWarning('DECLARE @n int; SELECT @n = COUNT(*) FROM dw.t HAVING COUNT(*) > 1;')).toBe(true);
    expect(rowWarning('DECLARE @n int, @m int; SELECT @n = MAX(id), @m = id FROM dw.t;')).toBe(true);
    expect(rowWarning('DECLARE @n int; SELECT @n = COUNT(*) FROM dw.t WHERE x = 1;')).toBe(false);
    expect(rowWarning('DECLARE @n int, @d date; SELECT @n = ISNULL(MAX(id), 0) + @n, @d = MIN(created) FROM dw.t;')).toBe(false);
  });
});

describe('sp_executesql OUTPUT parameters', () => {
  it('are read INTO the variables in the order the definitions name the parameters, whatever the order of the arguments', () => {
    const result = toDatabricks("DECLARE @x int, @y int, @sql nvarchar(200) = N'SELECT @a = COUNT(*), @b = MAX(id) FROM t'; EXEC sp_executesql @sql, N'@a int OUTPUT, @b int OUTPUT', @b = @y OUTPUT, @a = @x OUTPUT;");
    expect(result.text).toContain('EXECUTE IMMEDIATE v_sql INTO v_x, v_y;');
    expect(result.diagnostics.map((diagnostic) => diagnostic.message).join('\n')).toContain('in this order: @a into @x, @b into @y');
  });
});

describe('cursor loops that change the table they read', () => {
  it('warn unless the cursor is STATIC: the T-SQL cursor saw the changes, the FOR loop reads a snapshot', () => {
    const loop = (options: string) =>
      toDatabricks(`DECLARE @id int; DECLARE c CURSOR ${options} FOR SELECT id FROM dbo.t; OPEN c; FETCH NEXT FROM c INTO @id;
        WHILE @@FETCH_STATUS = 0 BEGIN DELETE FROM dbo.t WHERE id > @id; FETCH NEXT FROM c INTO @id; END; CLOSE c; DEALLOCATE c;`).diagnostics.some((diagnostic) =>
        diagnostic.message.startsWith('the loop of cursor c writes dbo.t, which its query reads'),
      );
    expect(loop('FAST_FORWARD')).toBe(true);
    expect(loop('LOCAL STATIC')).toBe(false);
  });
});

describe('conversions at their edges', () => {
  it('reads the round trip through text back with the style it names (103 is day first), not as the day itself', () => {
    const text = toDatabricks('DECLARE @d datetime = GETDATE(); SELECT CONVERT(datetime, CONVERT(varchar(10), @d, 101), 103) AS a;').text;
    expect(text).toContain("to_timestamp(date_format(v_d, 'MM/dd/yyyy'), 'd/M/yyyy[ H:mm[:ss[.SSS]]]') AS a");
  });

  it('leaves rowversion columns out of the column list an INSERT without one gets', () => {
    const text = toDatabricks("CREATE TABLE dbo.x (id int IDENTITY, a int, rv rowversion, b varchar(5)); INSERT INTO dbo.x VALUES (1, 'q');").text;
    expect(text).toContain("INSERT INTO dbo.x (a, b)\nVALUES (1, 'q');");
  });

  it('writes numbers, bits and dates assigned to a string variable from a query as CAST writes them', () => {
    const columnTypes = (table: string) => (table === 'dw.t' ? new Map([['id', 'int'], ['flag', 'bit']]) : undefined);
    expect(toDatabricks('DECLARE @s varchar(30); SELECT @s = flag FROM dw.t WHERE id = 1;', { columnTypes }).text).toContain('SET v_s = (SELECT CAST(CAST(flag AS INT) AS STRING) AS c0 FROM dw.t WHERE id = 1);');
  });

  it('keeps a table function whose body reads its own table untranslated, and types the text of its VALUES rows', () => {
    const reads = toDatabricks('CREATE FUNCTION dbo.f (@x int) RETURNS @r TABLE (a int) AS BEGIN DECLARE @c int; INSERT INTO @r VALUES (@x); SELECT @c = COUNT(*) FROM @r; INSERT INTO @r VALUES (@c); RETURN; END');
    expect(reads.text).toContain('cannot become one query (a statement reads @r)');
    const dated = toDatabricks("CREATE FUNCTION dbo.g () RETURNS @r TABLE (d date) AS BEGIN INSERT INTO @r VALUES ('20240105'); RETURN; END").text;
    expect(dated).toContain("FROM (VALUES (DATE '2024-01-05')) AS lakeshift_rows (d)");
  });

  it('reads ERROR_MESSAGE() after a procedure\'s own END CATCH as NULL, as T-SQL does', () => {
    const result = toDatabricks("CREATE PROCEDURE dbo.p AS BEGIN TRY UPDATE dbo.t SET a = 1; END TRY BEGIN CATCH PRINT 'x'; END CATCH; SELECT ERROR_MESSAGE() AS m;");
    expect(errors(result)).toEqual([]);
    expect(result.text).toContain('SELECT NULL AS m;');
  });
});

describe('date settings', () => {
  it('the ones the translation assumes (us_english) are dropped with an info; others are flagged', () => {
    const severities = toDatabricks("SET DATEFIRST 7; SET DATEFORMAT mdy; SET LANGUAGE 'us_english'; SET DATEFIRST 1;").diagnostics.map((diagnostic) => diagnostic.severity);
    expect(severities).toEqual(['info', 'info', 'info', 'warning']);
  });
});

describe('SET ANSI_WARNINGS OFF', () => {
  it('makes the divisions after it give NULL on a zero divisor, as SQL Server did, until it is set ON again or the procedure ends', () => {
    const columnTypes = (table: string) => (table === 'dw.t' ? new Map([['a', 'int'], ['b', 'int'], ['x', 'decimal(10,2)']]) : undefined);
    const result = toDatabricks(
      `CREATE PROCEDURE dw.p AS
       SET ANSI_WARNINGS OFF;
       SELECT x / b AS q, a / b AS i, x / 2 AS h FROM dw.t;
       SET ANSI_WARNINGS ON;
       SELECT x / b AS q FROM dw.t;`,
      { columnTypes },
    );
    expect(result.text).toContain('SELECT x / nullif(b, 0) AS q, a div nullif(b, 0) AS i, x / 2 AS h FROM dw.t;');
    expect(result.text).toContain('SELECT x / b AS q FROM dw.t;');
    // A procedure's setting ends with it.
    const next = toDatabricks('CREATE PROCEDURE dw.p AS SET ANSI_WARNINGS OFF; SELECT x / b AS q FROM dw.t;\nGO\nCREATE PROCEDURE dw.r AS SELECT x / b AS q FROM dw.t;', { columnTypes });
    expect(next.text.match(/nullif/g)).toHaveLength(1);
  });
});

describe('error-logging procedures called from CATCH', () => {
  it('flag the callee reading its caller\'s error, which a Databricks procedure cannot see, and warn at the call', () => {
    const logger = toDatabricks('CREATE PROCEDURE dbo.log_error AS INSERT INTO dbo.error_log (msg, num) VALUES (ERROR_MESSAGE(), ERROR_NUMBER());');
    expect(errors(logger)).toEqual([
      expect.stringMatching(/^TR_UNSUPPORTED_FUNCTION ERROR_MESSAGE\(\) outside a CATCH block reads the error of the CATCH block that called this procedure/),
      expect.stringMatching(/^TR_UNSUPPORTED_FUNCTION ERROR_NUMBER\(\) outside a CATCH block/),
    ]);
    const caller = toDatabricks('CREATE PROCEDURE dbo.p AS BEGIN TRY UPDATE dbo.t SET a = 1; END TRY BEGIN CATCH EXEC dbo.log_error; END CATCH');
    expect(caller.diagnostics.some((diagnostic) => diagnostic.message.startsWith('dbo.log_error is called from a CATCH block'))).toBe(true);
    // Outside a procedure, as in T-SQL, the functions are NULL.
    expect(toDatabricks('SELECT ERROR_MESSAGE() AS m;').text).toContain('SELECT NULL AS m;');
  });
});

describe('INSERT without a column list into a table with an identity column', () => {
  it('lists the other columns, which SQL Server fills in order, and converts each value to its column', () => {
    const result = toDatabricks("CREATE TABLE #r (id int IDENTITY(1,1), s varchar(20), flag bit); INSERT INTO #r VALUES ('a', 1); INSERT INTO #r SELECT name, 0 FROM dw.x;");
    expect(result.text).toContain("INSERT INTO tt_r (s, flag)\nVALUES ('a', true);");
    expect(result.text).toContain('INSERT INTO tt_r (s, flag)\nSELECT name, false FROM dw.x;');
  });
});

describe('INSERT without a column list', () => {
  it('says for sure that a table with a known identity column needs its columns listed, and may otherwise', () => {
    const known = toDatabricks('INSERT INTO dw.g VALUES (1, 2);', { identityColumn: (table) => (table === 'dw.g' ? 'gid' : undefined) });
    expect(known.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`)).toEqual(['warning TR_SEMANTIC']);
    expect(known.diagnostics[0]?.message).toContain('it has the identity column gid');
    expect(toDatabricks('INSERT INTO dw.g VALUES (1, 2);').diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}`)).toEqual(['info TR_INSERT_UNLISTED']);
  });
});

describe('statements the parser could not read', () => {
  it('are reported where the parser stopped, with what it expected', () => {
    const result = toDatabricks('CREATE PROCEDURE dbo.p AS\nBEGIN\n  SELECT 1;\n  UPDATE dbo.t SET a = WHERE b = 2;\nEND');
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`)).toEqual([
      "TR_PARSE_ERROR 4:24 Could not parse this UPDATE statement: expected an expression near 'WHERE'.",
    ]);
    expect(result.text).toContain('-- UPDATE dbo.t SET a = WHERE b = 2');
  });
});

describe('SIGNAL messages', () => {
  it('quote a literal message as Databricks quotes strings (a backslash escapes)', () => {
    const text = toDatabricks("CREATE PROCEDURE dbo.p AS BEGIN RAISERROR('Can''t load: back\\slash', 16, 1); THROW 50001, 'Don''t', 1; END").text;
    expect(text).toContain("SET MESSAGE_TEXT = 'Can\\'t load: back\\\\slash';");
    expect(text).toContain("SET MESSAGE_TEXT = 'Don\\'t';");
  });
});

describe('COMPRESS and DECOMPRESS', () => {
  it('become Zstandard on Databricks, with a warning about values SQL Server compressed', () => {
    const result = toDatabricks('SELECT COMPRESS(t.doc) AS packed, CAST(DECOMPRESS(t.packed) AS nvarchar(max)) AS doc FROM dw.t AS t;');
    expect(result.text).toBe('SELECT zstd_compress(t.doc) AS packed, CAST(zstd_decompress(t.packed) AS STRING) AS doc FROM dw.t AS t;\n');
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['TR_SEMANTIC']);
  });
});

describe('INSERT ... SELECT into typed columns', () => {
  it('converts date text and numbers into bits by position, and not at all past a *', () => {
    const setup = 'CREATE TABLE dw.t (code varchar(10), since date, active bit);\n';
    expect(toDatabricks(`${setup}INSERT INTO dw.t SELECT s.code, '20200101', 5 FROM stg.s AS s;`).text).toContain("SELECT s.code, DATE '2020-01-01', true FROM stg.s AS s;");
    expect(toDatabricks(`${setup}INSERT INTO dw.t SELECT s.*, '20200101' FROM stg.s AS s;`).text).toContain("SELECT s.*, '20200101' FROM stg.s AS s;");
  });
});

describe('IIF', () => {
  it('is a CASE: text beside a date is read as a date', () => {
    const text = toDatabricks("CREATE TABLE dw.t (k int, d datetime);\nSELECT IIF(t.k = 1, t.d, '19000101') AS m FROM dw.t AS t;").text;
    expect(text).toContain("SELECT CASE WHEN t.k = 1 THEN t.d ELSE TIMESTAMP '1900-01-01 00:00:00' END AS m FROM dw.t AS t;");
  });
});

describe('GO with a count', () => {
  it('warns that the batch above ran that many times and is translated once', () => {
    const result = toDatabricks("INSERT INTO dw.log (msg) VALUES ('x');\nGO 3\nSELECT 1 AS one;\nGO\n");
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.line}`)).toEqual(['TR_SEMANTIC 2']);
  });
});

describe('TRUNCATE TABLE of a table with an identity column', () => {
  it('warns that the identity values go on, where SQL Server restarted them at the seed', () => {
    const result = toDatabricks('CREATE TABLE dw.stage (id int IDENTITY(1,1), v varchar(10)); TRUNCATE TABLE dw.stage; TRUNCATE TABLE dw.other;');
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'TR_SEMANTIC').map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringMatching(/^TRUNCATE TABLE dw\.stage restarted its identity column id at the seed/),
    ]);
  });
});

describe('identity columns filled in order', () => {
  it('warns where INSERT ... SELECT ... ORDER BY numbered an identity column in that order', () => {
    const ordered = (insert: string) =>
      toDatabricks(`CREATE TABLE #r (id int IDENTITY(1,1), s varchar(20)); ${insert}`).diagnostics.some((diagnostic) => diagnostic.message.startsWith('INSERT ... SELECT ... ORDER BY numbered the identity column id'));
    expect(ordered('INSERT INTO #r (s) SELECT s FROM dbo.t ORDER BY d;')).toBe(true);
    expect(ordered('INSERT INTO #r (s) SELECT s FROM dbo.t;')).toBe(false);
    expect(ordered('SET IDENTITY_INSERT #r ON; INSERT INTO #r (id, s) SELECT n, s FROM dbo.t ORDER BY n;')).toBe(false);
  });
});

describe('parameters the body assigns', () => {
  it('copies each assigned IN parameter into a variable the body uses; OUTPUT parameters are INOUT and assigned as they are', () => {
    const result = toDatabricks(`CREATE PROCEDURE dw.p @d date, @n int = 5, @keep int, @o int OUTPUT, @c int = 0 AS
      IF @d IS NULL SET @d = '2024-01-01';
      SELECT @n = @n + 1 FROM dw.t;
      UPDATE dw.t SET @c = x = x + 1;
      FETCH NEXT FROM cur INTO @keep;
      SET @o = @n;
      SELECT * FROM dw.t WHERE d = @d AND k = @keep;`);
    expect(result.text).toMatch(/AS BEGIN\n  DECLARE v_d DATE DEFAULT p_d;\n  DECLARE v_n INT DEFAULT p_n;\n  DECLARE v_keep INT DEFAULT p_keep;\n  DECLARE v_c INT DEFAULT p_c;\n/);
    expect(result.text).toContain('SET p_o = v_n;');
    expect(result.text).toContain('WHERE d = v_d AND k = v_keep');
    expect(result.text).not.toMatch(/SET p_(d|n|keep|c) /);
  });

  it('leaves parameters the body only reads as they are', () => {
    const result = toDatabricks('CREATE PROCEDURE dw.p @d date AS SELECT * FROM dw.t WHERE d = @d;');
    expect(result.text).not.toContain('DECLARE');
    expect(result.text).toContain('WHERE d = p_d');
  });
});

describe('compound assignments', () => {
  it('append strings with +=, which the targets write ||, and add numbers', () => {
    const result = toDatabricks("DECLARE @sql nvarchar(max) = N'SELECT 1', @n int = 1; SET @sql += N' AS x'; SET @n += 2; SELECT @sql += N';';");
    expect(result.text).toContain("SET v_sql = v_sql || (' AS x');");
    expect(result.text).toContain('SET v_n = v_n + (2);');
    expect(result.text).toContain("SET v_sql = v_sql || (';');");
  });
});

describe('IGNORE_DUP_KEY', () => {
  it('warns that rows SQL Server discarded as duplicate keys are kept, on a key or a unique index', () => {
    const result = toDatabricks('CREATE TABLE #t (id int NOT NULL, PRIMARY KEY (id) WITH (IGNORE_DUP_KEY = ON)); CREATE UNIQUE INDEX ux ON dw.t (a) WITH (IGNORE_DUP_KEY = ON); CREATE UNIQUE INDEX uy ON dw.t (b) WITH (IGNORE_DUP_KEY = OFF);');
    const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').map((diagnostic) => diagnostic.message);
    expect(warnings).toEqual([expect.stringMatching(/^PRIMARY KEY has IGNORE_DUP_KEY = ON: SQL Server discarded inserted rows/), expect.stringMatching(/^index ux has IGNORE_DUP_KEY = ON/)]);
  });
});

describe('temporary tables', () => {
  it('uses the scratch schema when translate.tempTables is schema', () => {
    const result = toDatabricks('CREATE TABLE #t (id int); DECLARE @v TABLE (id int); SELECT 1 AS a INTO #u;', { tempTables: 'schema', scratchSchema: 'scratch' });
    expect(result.text).toContain('DROP TABLE IF EXISTS scratch.tt_t;\n\nCREATE TABLE scratch.tt_t');
    expect(result.text).toContain('CREATE TABLE scratch.tv_v');
    expect(result.text).toContain('CREATE TABLE scratch.tt_u AS');
  });

  it('stays with temporary tables when the scratch schema is missing', () => {
    expect(toDatabricks('CREATE TABLE #t (id int);', { tempTables: 'schema' }).text).toContain('CREATE TEMPORARY TABLE tt_t');
  });

  it('drops temporary tables with DROP TEMPORARY TABLE on Databricks (plain DROP TABLE refuses them) and DROP TABLE on DuckDB', () => {
    expect(toDatabricks('DROP TABLE #t;').text).toBe('DROP TEMPORARY TABLE IF EXISTS tt_t;\n');
    expect(toDuckDb('DROP TABLE #t;').text).toBe('DROP TABLE IF EXISTS tt_t;\n');
  });

  it('recognises the ways scripts test for a table before dropping it', () => {
    for (const test of [
      "IF OBJECT_ID(N'tempdb..#t', N'U') IS NOT NULL DROP TABLE #t;",
      "IF OBJECT_ID('tempdb.dbo.#t') IS NOT NULL BEGIN DROP TABLE #t; END",
      "IF EXISTS (SELECT 1 FROM tempdb..sysobjects WHERE name LIKE '#t%') DROP TABLE #t;",
    ]) {
      expect(toDatabricks(test).text, test).toBe('DROP TEMPORARY TABLE IF EXISTS tt_t;\n');
    }
    expect(toDatabricks("IF OBJECT_ID('dw.old_facts', 'U') IS NOT NULL DROP TABLE dw.old_facts;").text).toBe('DROP TABLE IF EXISTS dw.old_facts;\n');
  });
});

describe('cursors', () => {
  it('converts a cursor opened twice into two FOR loops', () => {
    const result = toDatabricks(`
      DECLARE @id int;
      DECLARE c CURSOR FOR SELECT id FROM dw.t;
      OPEN c; FETCH NEXT FROM c INTO @id;
      WHILE @@FETCH_STATUS = 0 BEGIN EXEC dw.p @id; FETCH NEXT FROM c INTO @id; END
      CLOSE c;
      OPEN c; FETCH NEXT FROM c INTO @id;
      WHILE @@FETCH_STATUS <> -1 BEGIN EXEC dw.q @id; FETCH NEXT FROM c INTO @id; END
      CLOSE c; DEALLOCATE c;`);
    expect(errors(result)).toEqual([]);
    const loops = bodyOf(result.objects[0]).filter((node) => node.kind === 'for');
    expect(loops.map((node) => node.kind === 'for' && node.assignments)).toEqual([
      [{ variable: 'v_id', column: 'id' }],
      [{ variable: 'v_id', column: 'id' }],
    ]);
  });

  it('gives the reason a cursor stays a cursor', () => {
    const reasons = (tsql: string) => result(tsql).diagnostics.filter((diagnostic) => diagnostic.message.startsWith('cursor c did not')).map((diagnostic) => diagnostic.message.replace(/^cursor c did not become a FOR loop: /, ''));
    const result = (tsql: string) => toDatabricks(tsql);
    expect(reasons('DECLARE @a int; DECLARE c CURSOR FOR SELECT * FROM dw.t UNION SELECT * FROM dw.u ORDER BY 1; OPEN c; FETCH c INTO @a; WHILE @@FETCH_STATUS = 0 FETCH c INTO @a;')).toEqual([
      'the cursor query selects * from a UNION or with DISTINCT and orders its rows: list its columns so that they can be matched to the FETCH variables',
    ]);
    // Without an ORDER BY over a UNION, * is taken by position.
    expect(reasons('DECLARE @a int; DECLARE c CURSOR FOR SELECT * FROM dw.t; OPEN c; FETCH c INTO @a; WHILE @@FETCH_STATUS = 0 FETCH c INTO @a;')).toEqual([]);
    expect(reasons('DECLARE @a int; DECLARE c CURSOR FOR SELECT a FROM dw.t; OPEN c; FETCH c INTO @a; WHILE @@FETCH_STATUS = 0 BEGIN FETCH c INTO @a; END FETCH c INTO @a;')).toEqual([
      'the cursor is also used outside its FETCH loop (FETCH c); a FOR loop cannot do that',
    ]);
    expect(reasons('DECLARE @a int; DECLARE c CURSOR FOR SELECT a FROM dw.t; OPEN c;')).toEqual(['no OPEN, FETCH and WHILE @@FETCH_STATUS = 0 loop over it was found after the DECLARE']);
  });

  it('refuses a FETCH whose variables do not match the columns', () => {
    const result = toDatabricks('DECLARE @a int, @b int; DECLARE c CURSOR FOR SELECT a FROM dw.t; OPEN c; FETCH c INTO @a, @b; WHILE @@FETCH_STATUS = 0 BEGIN FETCH c INTO @a, @b; END');
    expect(errors(result)).toEqual(['TR_CURSOR_UNSUPPORTED cursor c: FETCH reads 2 variables from a query of 1 columns']);
  });
});

describe('procedures and the procedural language', () => {
  it('leaves a labelled inner block for RETURN (a top-level compound cannot carry a label)', () => {
    const result = toDatabricks('DECLARE @x int = 1; IF @x = 1 RETURN; SELECT @x AS x;');
    const top = result.objects[0]!;
    expect(top.kind).toBe('statements');
    const [inner] = bodyOf(top) as BlockNode[];
    expect(inner).toMatchObject({ kind: 'block', label: 'body' });
    expect(result.text).toMatch(/^BEGIN\n {2}DECLARE v_x INT;\n {2}body: BEGIN\n/);
    expect(result.text).toContain('LEAVE body;');
    expect(result.text).toContain('END body;\nEND;');
  });

  it('binds sp_executesql values by the names of its parameter definitions', () => {
    const result = toDatabricks("DECLARE @sql nvarchar(max) = N'SELECT 1'; EXEC sp_executesql @sql, N'@from date, @to date', '2024-01-01', @to = '2024-02-01';");
    expect(result.text).toContain("EXECUTE IMMEDIATE 'SELECT 1' USING '2024-01-01' AS from, '2024-02-01' AS to;");
  });

  it('flags EXEC of a procedure on a linked server, and of a procedure named by a variable with OUTPUT arguments', () => {
    const result = toDatabricks("DECLARE @p sysname = N'x', @o int; EXEC remote1.db.dbo.p; EXEC @p @out = @o OUTPUT;");
    expect(errors(result)).toEqual([
      'TR_UNSUPPORTED_STATEMENT remote1.db.dbo.p runs on the linked server remote1: reach that system another way (Lakehouse Federation, a job)',
      'TR_UNSUPPORTED_STATEMENT EXEC @p runs a procedure named at run time with OUTPUT arguments, which EXECUTE IMMEDIATE cannot return: call each possible procedure in IF branches',
    ]);
  });

  it('calls a procedure named by a variable with EXECUTE IMMEDIATE, the arguments bound to markers', () => {
    const result = toDatabricks("DECLARE @p sysname = N'[etl].[log_error]', @run int = 5; EXEC @p @pipeline_name = 'daily', @run_id = @run; EXEC @p 1, DEFAULT;");
    expect(errors(result)).toEqual([]);
    expect(result.text).toContain("EXECUTE IMMEDIATE 'CALL ' || replace(replace(v_p, '[', '`'), ']', '`') || '(p_pipeline_name => ?, p_run_id => ?)' USING 'daily', v_run;");
    expect(result.text).toContain("|| '(?, DEFAULT)' USING 1;");
    expect(codes(result.diagnostics)).toContain('TR_DYNAMIC_SQL');
    expect(errors(toDuckDb("DECLARE @p sysname = N'x'; EXEC @p;"))).toHaveLength(1);
  });

  it('keeps a transaction whose statements cannot be atomic as statements, saying why', () => {
    const result = toDatabricks("BEGIN TRAN; EXEC dw.p; COMMIT; BEGIN TRAN; UPDATE dw.t SET a = 1; IF 1 = 1 DELETE FROM dw.t; COMMIT;");
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'BEGIN TRANSACTION dropped: the statements up to COMMIT cannot run in a BEGIN ATOMIC block (it calls dw.p); each commits on its own',
      'COMMIT dropped: each Databricks statement has committed on its own',
      'BEGIN TRANSACTION ... COMMIT became a BEGIN ATOMIC block: it needs Databricks SQL or Runtime 18.0 and above, and Unity Catalog managed tables with catalog commits',
    ]);
    const atomic = bodyOf(result.objects[0]).find((node) => node.kind === 'block');
    expect(atomic).toMatchObject({ kind: 'block', atomic: true });
  });

  it('keeps a transaction that writes a table variable as statements: SQL Server does not roll table variables back', () => {
    const result = toDatabricks("DECLARE @log TABLE (msg varchar(100)); BEGIN TRAN; INSERT INTO @log VALUES ('step'); UPDATE dw.t SET a = 1; COMMIT;");
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toContain(
      'BEGIN TRANSACTION dropped: the statements up to COMMIT cannot run in a BEGIN ATOMIC block (it writes the table variable @log, which SQL Server does not roll back); each commits on its own',
    );
  });

  it('raises RAISERROR from severity 11, converting its printf format to Java and DuckDB spelling', () => {
    expect(toDatabricks("RAISERROR('%5.2s|%-3d|%u|%I64d|%x%%', 16, 1, 'a', 1, 2, 3, 255);").text).toContain(
      "SELECT raise_error(format_string('%5.2s|%-3d|%d|%d|%x%%', 'a', 1, 2, 3, 255));",
    );
    expect(toDuckDb("RAISERROR('%i rows', 16, 1, 5);").text).toContain("SELECT raise_error(printf('%d rows', 5));");
    expect(codes(toDatabricks("RAISERROR('done', 10, 1) WITH NOWAIT;").diagnostics)).toEqual(['TR_RAISERROR_INFO']);
  });

  it('gives IF, WHILE and FOR bodies that hold only comments a statement (Databricks needs one)', () => {
    const result = toDatabricks("DECLARE @i int = 0; WHILE @i < 1 PRINT 'x'; IF @i = 0 PRINT 'y' ELSE PRINT 'z';");
    expect(result.text.match(/BEGIN END;/g)).toHaveLength(3);
  });

  it('hoists table variables to the start: one table per batch, not one per iteration', () => {
    const result = toDatabricks('DECLARE @i int = 0; WHILE @i < 3 BEGIN DECLARE @t TABLE (x int); INSERT INTO @t VALUES (@i); SET @i += 1; END');
    const body = bodyOf(result.objects[0]);
    expect(body.slice(0, 2).map((node) => node.kind === 'sql' && node.sql.split('\n')[0])).toEqual(['DROP TEMPORARY TABLE IF EXISTS tv_t', 'CREATE TEMPORARY TABLE tv_t (']);
    expect(body.find((node) => node.kind === 'while')).toMatchObject({ body: [{ kind: 'sql', sql: 'INSERT INTO tv_t\nVALUES (v_i)' }, { kind: 'set' }] });
  });
});

describe('objects', () => {
  it('lists the result columns of an inline table function when the inventory gives their types', () => {
    const columnTypes = (table: string) => (table === 'dw.t' ? new Map([['id', 'int'], ['name', 'nvarchar(50)']]) : undefined);
    const result = toDatabricks('CREATE FUNCTION dw.f (@x int) RETURNS TABLE AS RETURN SELECT t.id, t.name FROM dw.t t WHERE t.id > @x;', { columnTypes });
    expect(result.text).toContain('RETURNS TABLE (id INT, name STRING)');
  });

  it('names a column for INSERT DEFAULT VALUES when the inventory knows the table', () => {
    const columnTypes = (table: string) => (table === 'dw.t' ? new Map([['id', 'bigint'], ['name', 'varchar(5)']]) : undefined);
    expect(toDatabricks('INSERT INTO dw.t DEFAULT VALUES;', { columnTypes }).text).toBe('INSERT INTO dw.t (id)\nVALUES (DEFAULT);\n');
  });

  it('casts a generated column to its declared type, as Delta requires (qty * 2 is an INT)', () => {
    const text = toDatabricks('CREATE TABLE dw.t (qty int, price decimal(10,2), twice AS qty * 2, total AS qty * price, code AS UPPER(name), n AS CAST(qty AS bigint));').text;
    expect(text).toContain('twice BIGINT GENERATED ALWAYS AS (CAST(qty * 2 AS BIGINT))');
    expect(text).toContain('total DECIMAL(38,2) GENERATED ALWAYS AS (CAST(qty * price AS DECIMAL(38,2)))');
    expect(text).toContain('n BIGINT GENERATED ALWAYS AS (CAST(qty AS BIGINT))');
  });

  it('keeps a rowversion column as binary that nothing fills, nullable, with a warning', () => {
    const result = toDatabricks('CREATE TABLE dw.r (id int, rv rowversion NOT NULL);');
    expect(result.text).toContain('rv BINARY\n');
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['TR_TYPE_APPROXIMATED']);
  });

  it('drops a named DEFAULT as the column default it is', () => {
    const known = toDatabricks('CREATE TABLE dw.t (id int, flag bit CONSTRAINT DF_t_flag DEFAULT (0)); ALTER TABLE dw.t DROP CONSTRAINT DF_t_flag;');
    expect(known.text).toContain('ALTER TABLE dw.t ALTER COLUMN flag DROP DEFAULT;');
    // Constraint names are unique per schema: another table's DF_t_flag is not this one's.
    const elsewhere = toDatabricks('CREATE TABLE dw.t (id int, flag bit CONSTRAINT DF_t_flag DEFAULT (0)); ALTER TABLE sales.t DROP CONSTRAINT DF_t_flag;');
    expect(elsewhere.text).toContain('ALTER TABLE sales.t DROP CONSTRAINT IF EXISTS DF_t_flag;');
    const unknown = toDatabricks('ALTER TABLE dw.t DROP CONSTRAINT DF_t_other;');
    expect(unknown.text).toContain('DROP CONSTRAINT IF EXISTS DF_t_other');
    expect(unknown.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['TR_SEMANTIC']);
  });

  it('writes T-SQL bit defaults as BOOLEAN ones', () => {
    expect(toDatabricks('CREATE TABLE dw.t (a bit NOT NULL DEFAULT (1), b bit DEFAULT 0);').text).toContain('a BOOLEAN NOT NULL DEFAULT TRUE,\n  b BOOLEAN DEFAULT FALSE');
  });

  it('sets OBJECT_NAME(@@PROCID) to the procedure being translated', () => {
    const result = toDatabricks('CREATE PROCEDURE etl.load_x AS BEGIN DECLARE @me sysname = OBJECT_NAME(@@PROCID); END');
    expect(result.text).toContain("SET v_me = 'load_x';");
  });

  it('keeps a multi-statement table function with a loop untranslated, and gives the DuckDB rehearsal a table-function object', () => {
    const tsql = `CREATE FUNCTION etl.fn_month_ends (@from DATE, @to DATE = '20241231')
RETURNS @months TABLE (month_start DATE NOT NULL PRIMARY KEY, month_end DATE NOT NULL)
AS
BEGIN
  DECLARE @month DATE = DATEFROMPARTS(YEAR(@from), MONTH(@from), 1);
  WHILE @month <= @to
  BEGIN
    INSERT INTO @months (month_start, month_end) VALUES (@month, EOMONTH(@month));
    SET @month = DATEADD(MONTH, 1, @month);
  END;
  RETURN;
END`;
    for (const target of ['databricks', 'duckdb'] as const) {
      const result = target === 'databricks' ? toDatabricks(tsql) : toDuckDb(tsql);
      expect(result.text).toMatch(/^-- \[TR_UNTRANSLATED_OBJECT\] multi-statement table-valued function etl\.fn_month_ends/);
      expect(result.text.endsWith('-- END\n')).toBe(true);
      expect(codes(result.diagnostics)).toContain('TR_UNTRANSLATED_OBJECT');
      if (target === 'databricks') {
        expect(result.text).toContain('cannot become one query (it holds a WHILE loop)');
        expect(result.objects.some((candidate) => candidate.kind === 'table-function')).toBe(false);
        continue;
      }
      const object = result.objects.find((candidate) => candidate.kind === 'table-function');
      if (object?.kind !== 'table-function') throw new Error('no table-function object');
      expect(object.name).toBe('etl.fn_month_ends');
      expect(object.parameters).toEqual([
        { name: 'p_from', type: 'DATE', mode: 'IN' },
        { name: 'p_to', type: 'DATE', mode: 'IN', default: "DATE '2024-12-31'" },
      ]);
      expect(object.result).toEqual({ table: 'tv_months', columns: 'month_start DATE NOT NULL, month_end DATE NOT NULL' });
      const kinds = object.body.body.map((node) => node.kind);
      expect(kinds).toEqual(['set', 'while', 'return']);
      // The body fills the table; the rehearsal creates it.
      expect(JSON.stringify(object.body)).not.toMatch(/CREATE|DROP/);
      expect(JSON.stringify(object.body)).toContain('INSERT INTO tv_months (month_start, month_end)');
    }
  });

  it('converts values to the types of the columns and variables they go into, from the inventory', () => {
    const columnTypes = (table: string) => (table === 'dw.t' ? new Map([['flag', 'bit'], ['d', 'date'], ['n', 'int']]) : undefined);
    const result = toDatabricks(
      `INSERT INTO dw.t (flag, d) VALUES (1, '20240131');
       UPDATE dw.t SET flag = 0 WHERE d = '20240101';
       DELETE FROM dw.t WHERE flag = 1;
       DECLARE @on bit = 1, @day date = '20240131';
       SET @on = 0;`,
      { columnTypes },
    );
    expect(result.text).toContain("VALUES (true, DATE '2024-01-31')");
    expect(result.text).toContain('SET flag = false');
    expect(result.text).toContain("WHERE d = DATE '2024-01-01'");
    expect(result.text).toContain('WHERE flag = true');
    expect(result.text).toContain("SET v_day = DATE '2024-01-31';");
    expect(result.text).toContain('SET v_on = false;');
  });

  it('gives the comment of a kept or dropped statement its line', () => {
    const result = toDatabricks('SET NOCOUNT ON;\nPRINT 1;\n\nBULK INSERT #t FROM \'x\';');
    const comments = bodyOf(result.objects[0]).filter((node) => node.kind === 'comment');
    expect(comments.map((node) => node.kind === 'comment' && [node.line, node.text.slice(0, 26)])).toEqual([
      [1, '[TR_SESSION_OPTION] SET NO'],
      [2, '[TR_RAISERROR_INFO] PRINT '],
      [4, '[TR_UNSUPPORTED_STATEMENT]'],
    ]);
  });

  it('gives DEFAULT NULL to the parameters after one with a default, as Databricks requires, with a warning', () => {
    const result = toDatabricks('CREATE PROCEDURE dw.p @a int, @from date = NULL, @to date, @o int OUTPUT AS SELECT 1 AS one;');
    const procedure = result.objects.find((object) => object.kind === 'procedure');
    expect(procedure?.kind === 'procedure' ? procedure.parameters.map((parameter) => `${parameter.mode} ${parameter.name} ${parameter.default ?? '-'}`) : []).toEqual([
      'IN p_a -',
      'IN p_from NULL',
      'IN p_to NULL',
      'INOUT p_o NULL',
    ]);
    expect(result.diagnostics.find((diagnostic) => diagnostic.message.includes('got DEFAULT NULL'))?.message).toMatch(/^p_to, p_o got DEFAULT NULL: Databricks wants a default on every parameter after one that has a default \(p_from\)/);
  });

  it('makes procedure OUTPUT parameters INOUT and keeps defaults', () => {
    const result = toDatabricks('CREATE PROCEDURE dw.p @a int, @b varchar(5) = \'x\', @c int = NULL OUTPUT AS SET @c = @a;');
    const object = result.objects[0]!;
    expect(object.kind === 'procedure' && object.parameters).toEqual([
      { name: 'p_a', type: 'INT', mode: 'IN' },
      { name: 'p_b', type: 'STRING', mode: 'IN', default: "'x'" },
      { name: 'p_c', type: 'INT', mode: 'INOUT', default: 'NULL' },
    ]);
  });
});

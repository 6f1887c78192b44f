import { describe, expect, it } from 'vitest';
import { codes, toDatabricks, toDuckDb } from './support.js';

/** The EXECUTE IMMEDIATE lines of a translation. */
function executions(tsql: string): string[] {
  return toDatabricks(tsql)
    .text.split('\n')
    .filter((line) => line.includes('EXECUTE IMMEDIATE'))
    .map((line) => line.trim());
}

describe('dynamic SQL built from literals (Databricks)', () => {
  const table = 'CREATE PROCEDURE p @schema sysname, @table sysname, @day date, @name nvarchar(50) AS\n';

  it('translates the text and splices QUOTENAME() holes back as backquoted names', () => {
    const result = toDatabricks(`${table}EXEC (N'TRUNCATE TABLE ' + QUOTENAME(@schema) + N'.' + QUOTENAME(@table) + N';');`);
    expect(result.text).toContain("EXECUTE IMMEDIATE 'TRUNCATE TABLE `' || replace(p_schema, '`', '``') || '`.`' || replace(p_table, '`', '``') || '`';");
    expect(codes(result.diagnostics)).toContain('TR_DYNAMIC_SQL_TRANSLATED');
    expect(codes(result.diagnostics)).not.toContain('TR_DYNAMIC_SQL');
  });

  it('splices a hole inside a quoted literal into the Databricks literal, escaping strings but not dates turned into text', () => {
    const [date, name] = executions(
      `${table}EXEC ('DELETE FROM dw.t WHERE d >= ''' + CONVERT(varchar(10), @day, 120) + ''''); EXEC ('DELETE FROM dw.t WHERE n = ''' + REPLACE(@name, '''', '''''') + '''');`,
    );
    expect(date).toBe("EXECUTE IMMEDIATE 'DELETE FROM dw.t WHERE d >= \\'' || date_format(p_day, 'yyyy-MM-dd') || '\\'';");
    // T-SQL's doubled quotes become Databricks escapes: the value is escaped instead of REPLACEd.
    expect(name).toBe("EXECUTE IMMEDIATE 'DELETE FROM dw.t WHERE n = \\'' || replace(replace(p_name, '\\\\', '\\\\\\\\'), '\\'', '\\\\\\'') || '\\'';");
  });

  it('reads the text from the assignments before the EXEC in the same list, appends included', () => {
    const [execution] = executions(`${table}BEGIN
      DECLARE @sql nvarchar(max) = N'SELECT TOP 5 id';
      SET @sql = @sql + N' FROM ' + QUOTENAME(@schema) + N'.t';
      PRINT @sql;
      SET @sql += N' ORDER BY id';
      EXEC sp_executesql @sql;
    END`);
    expect(execution).toBe("EXECUTE IMMEDIATE 'SELECT id FROM `' || replace(p_schema, '`', '``') || '`.t ORDER BY id LIMIT 5';");
  });

  it('turns sp_executesql parameters into named markers, declared with their types', () => {
    const result = toDatabricks(`${table}BEGIN
      DECLARE @sql nvarchar(max) = N'DELETE FROM dw.t WHERE d = @D AND n = @n';
      EXEC sp_executesql @sql, N'@D date, @n nvarchar(10)', @d = @day, @N = @name;
    END`);
    // @n is known to be a string: its comparison is translated case-insensitively, as for a variable.
    expect(result.text).toContain("EXECUTE IMMEDIATE 'DELETE FROM dw.t WHERE d = :D AND n = (:n) COLLATE UTF8_LCASE_RTRIM' USING p_day AS D, p_name AS n;");
  });

  it('joins the INSERT of INSERT ... EXEC to the text before translating it', () => {
    const [execution] = executions(`CREATE TABLE #ids (id int); INSERT INTO #ids (id) EXEC (N'SELECT TOP 3 id FROM dw.t ORDER BY id');`);
    expect(execution).toBe("EXECUTE IMMEDIATE 'INSERT INTO tt_ids (id) SELECT id FROM dw.t ORDER BY id LIMIT 3';");
  });

  it('writes the text on one line, keeping line breaks inside its literals', () => {
    expect(executions("EXEC (N'SELECT ''a\nb'' AS x\n  FROM dw.t')")).toEqual(["EXECUTE IMMEDIATE 'SELECT \\'a\\nb\\' AS x FROM dw.t';"]);
  });

  describe('keeps the T-SQL text where it cannot tell', () => {
    const kept = {
      'assigned in a loop': "DECLARE @sql nvarchar(max) = N'SELECT 1 AS a', @i int = 0; WHILE @i < 2 BEGIN SET @sql = @sql + N' UNION ALL SELECT 1'; SET @i += 1; END EXEC (@sql);",
      'assigned in a branch': "DECLARE @sql nvarchar(max) = N'SELECT 1 AS a', @f bit = 1; IF @f = 1 SET @sql = N'SELECT 2 AS a'; EXEC (@sql);",
      'assigned by SELECT ... FROM': "DECLARE @sql nvarchar(max); SELECT @sql = N'SELECT 1 AS a' FROM dw.t; EXEC (@sql);",
      'an OUTPUT argument in between': "DECLARE @sql nvarchar(max) = N'SELECT 1 AS a'; EXEC dbo.p @s = @sql OUTPUT; EXEC (@sql);",
      'a label in between': "DECLARE @sql nvarchar(max) = N'SELECT 1 AS a'; again: EXEC (@sql);",
      'a hole changed after the assignment': "DECLARE @sql nvarchar(max), @t sysname = N'dw.a'; SET @sql = N'DELETE FROM ' + @t; SET @t = N'dw.b'; EXEC (@sql);",
      'a text longer than the variable': "DECLARE @sql nvarchar(20), @t sysname = N'dw.a'; SET @sql = N'DELETE FROM ' + @t; EXEC (@sql);",
      'a parameter of the procedure': 'CREATE PROCEDURE p @sql nvarchar(max) AS EXEC (@sql);',
      'two statements': "EXEC (N'DELETE FROM dw.a; DELETE FROM dw.b');",
      'a placeholder where it does not parse': "DECLARE @n int = 5; EXEC (N'SELECT TOP ' + CAST(@n AS nvarchar(10)) + N' id FROM dw.a');",
      'a placeholder inside a longer name': "DECLARE @y nvarchar(4) = N'2024'; EXEC (N'SELECT id FROM dw.t_' + @y);",
      'a variable the text does not declare': "EXEC (N'SELECT @x AS x');",
      'a text with errors': "EXEC (N'SELECT DIFFERENCE(name, ''Smith'') AS d FROM dw.t');",
      'sp_executesql with OUTPUT parameters': "DECLARE @n int; EXEC sp_executesql N'SELECT @c = COUNT(*) FROM dw.t', N'@c int OUTPUT', @c = @n OUTPUT;",
    };
    for (const [what, tsql] of Object.entries(kept)) {
      it(what, () => {
        const result = toDatabricks(tsql);
        expect(codes(result.diagnostics)).toContain('TR_DYNAMIC_SQL');
        expect(codes(result.diagnostics)).not.toContain('TR_DYNAMIC_SQL_TRANSLATED');
      });
    }
  });

  it('leaves the DuckDB target as it was: the rehearsal translates the text when it runs', () => {
    const result = toDuckDb("EXEC (N'TRUNCATE TABLE dw.t')");
    expect(result.text).toContain("EXECUTE IMMEDIATE 'TRUNCATE TABLE dw.t';");
    expect(codes(result.diagnostics)).toContain('TR_DYNAMIC_SQL');
  });
});

import { describe, expect, it } from 'vitest';
import { databricksDialect } from '../../src/translate/dialects/databricks.js';
import { objectNamePart } from '../../src/translate/dialects/dialect.js';
import { duckdbDialect } from '../../src/translate/dialects/duckdb.js';
import { codes, toDatabricks, toDuckDb } from './support.js';

const analytics = { names: { 'Analytics.dbo': 'main.a_dbo', 'Analytics.etl': 'main.a_etl', 'Other.dbo': 'main.o_dbo' }, defaultDatabase: 'Analytics' };

function text(tsql: string, options: Parameters<typeof toDatabricks>[1]) {
  const result = toDatabricks(tsql, options);
  return { text: result.text.trim(), diagnostics: result.diagnostics, codes: codes(result.diagnostics) };
}

describe('translate.names: which key maps a name', () => {
  it('an exact database.schema key wins over a bare schema key, whatever their order', () => {
    for (const names of [{ dbo: 'x.y', 'Analytics.dbo': 'main.legacy_dbo' }, { 'Analytics.dbo': 'main.legacy_dbo', dbo: 'x.y' }]) {
      const result = text('SELECT a FROM dbo.T; SELECT a FROM Analytics.dbo.T;', { names, defaultDatabase: 'Analytics' });
      expect(result.text).toBe('SELECT a FROM main.legacy_dbo.T;\n\nSELECT a FROM main.legacy_dbo.T;');
    }
  });

  it('a bare schema key maps the default database only: another database is warned, not folded into it', () => {
    const result = text('SELECT a FROM dbo.T; SELECT a FROM Other.dbo.T;', { names: { dbo: 'x.y' }, defaultDatabase: 'Analytics' });
    expect(result.text).toBe('SELECT a FROM x.y.T;\n\nSELECT a FROM Other.dbo.T;');
    expect(result.codes).toEqual(['TR_NAME_NOT_MAPPED']);
    expect(result.diagnostics[0]!.message).toBe('Other.dbo has no entry in translate.names (the key dbo maps dbo of the default database Analytics only); the name is kept as it is');
  });

  it('with no default database, a bare schema key maps the names that name no database', () => {
    const result = text('SELECT a FROM dbo.T; SELECT a FROM T; SELECT a FROM Other.dbo.T;', { names: { dbo: 'x.y' } });
    expect(result.text).toBe('SELECT a FROM x.y.T;\n\nSELECT a FROM x.y.T;\n\nSELECT a FROM Other.dbo.T;');
    expect(result.codes).toEqual(['TR_NAME_NOT_MAPPED']);
  });

  it('USE sets the database the names after it map through, and says so', () => {
    const result = text('SELECT * FROM dbo.T;\nGO\nUSE Other\nGO\nSELECT * FROM dbo.T;\nSELECT * FROM T;', analytics);
    expect(result.text).toBe('SELECT * FROM main.a_dbo.T;\n\nSELECT * FROM main.o_dbo.T;\n\nSELECT * FROM main.o_dbo.T;');
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`)).toEqual([
      'info TR_SESSION_OPTION USE Other dropped: the names after it are mapped through translate.names as names of Other',
    ]);
  });
});

describe('translate.names: one-part names', () => {
  it('map as dbo of the current database outside modules: tables, procedures and table functions', () => {
    const result = text('SELECT * FROM Orders o JOIN dbo.Customers c ON 1 = 1 CROSS APPLY dbo.f(o.id) AS x; EXEC usp_x; EXEC dbo.usp_y;', analytics);
    expect(result.text).toContain('FROM main.a_dbo.Orders AS o INNER JOIN main.a_dbo.Customers AS c');
    expect(result.text).toContain('CALL main.a_dbo.usp_x();');
    expect(result.text).toContain('CALL main.a_dbo.usp_y();');
    expect(result.codes).not.toContain('TR_NAME_NOT_MAPPED');
  });

  it('map in the schema of the procedure, function or view they are in; its DDL, EXECUTE and the tables it creates in dbo', () => {
    const procedure = text('CREATE PROCEDURE etl.load AS BEGIN UPDATE watermark SET n = 1; TRUNCATE TABLE stage_rows; EXEC helper; END', analytics);
    expect(procedure.text).toContain('UPDATE main.a_etl.watermark');
    expect(procedure.text).toContain('TRUNCATE TABLE main.a_dbo.stage_rows');
    expect(procedure.text).toContain('CALL main.a_dbo.helper()');
    // CREATE TABLE made it in dbo, where the INSERT then finds it (etl has none).
    const created = text('CREATE PROCEDURE etl.load AS BEGIN CREATE TABLE work_rows (a int); INSERT INTO work_rows (a) VALUES (1); DROP TABLE work_rows; END', analytics);
    expect(created.text).toContain('CREATE TABLE main.a_dbo.work_rows');
    expect(created.text).toContain('INSERT INTO main.a_dbo.work_rows');
    expect(created.text).toContain('DROP TABLE main.a_dbo.work_rows');
    const selected = text('CREATE PROCEDURE etl.load AS BEGIN SELECT a INTO copy_rows FROM etl.src; UPDATE copy_rows SET a = 2; DROP TABLE copy_rows; END', analytics);
    expect(selected.text).toContain('CREATE TABLE main.a_dbo.copy_rows AS');
    expect(selected.text).toContain('UPDATE main.a_dbo.copy_rows');
    const view = text('CREATE VIEW etl.v AS SELECT a FROM runs', analytics);
    expect(view.text).toBe('CREATE OR REPLACE VIEW main.a_etl.v AS\nSELECT a FROM main.a_etl.runs;');
  });

  it('map in dbo inside a module of another schema where the inventory has the table in dbo only', () => {
    const columnTypes = (table: string) => (table === 'dbo.runs' ? new Map([['a', 'int']]) : undefined);
    const view = text('CREATE VIEW etl.v AS SELECT a FROM runs', { ...analytics, columnTypes });
    expect(view.text).toBe('CREATE OR REPLACE VIEW main.a_etl.v AS\nSELECT a FROM main.a_dbo.runs;');
  });

  it('never map CTEs, temporary tables, table variables or aliases', () => {
    const result = text(
      'DECLARE @t TABLE (id int); CREATE TABLE #s (id int); WITH c AS (SELECT id FROM @t) UPDATE x SET id = 1 FROM #s AS x JOIN c ON c.id = x.id; UPDATE o SET a = 1 FROM Orders o WHERE o.id = 2; SELECT c.id FROM c AS c2',
      analytics,
    );
    expect(result.text).toContain('WITH c AS (SELECT id FROM tv_t)\nUPDATE tt_s AS x\nSET id = 1\nWHERE EXISTS (SELECT 1 FROM c WHERE c.id = x.id);');
    expect(result.text).toContain('UPDATE main.a_dbo.Orders AS o\nSET a = 1');
    // Outside the statement of its WITH, c is a table.
    expect(result.text).toContain('SELECT c.id FROM main.a_dbo.c AS c2;');
  });

  it('give TR_NAME_NOT_MAPPED when their schema has no key, and stay one part', () => {
    const result = text('SELECT * FROM Orders; SELECT * FROM Lines;', { names: { 'Analytics.sales': 'main.sales' }, defaultDatabase: 'Analytics' });
    expect(result.text).toBe('SELECT * FROM Orders;\n\nSELECT * FROM Lines;');
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'one-part names such as Orders are read as Analytics.dbo.Orders (dbo, the default schema), and Analytics.dbo has no entry in translate.names; the name is kept as it is',
    ]);
  });

  it('are left alone without translate.names', () => {
    const result = text('SELECT * FROM Orders;', {});
    expect(result.text).toBe('SELECT * FROM Orders;');
    expect(result.codes).toEqual([]);
  });
});

describe('object names the target cannot hold', () => {
  it('objectNamePart: a pure function of the name, each space, period, slash or control character an underscore', () => {
    expect(objectNamePart(databricksDialect, 'Payment Method')).toBe('Payment_Method');
    expect(objectNamePart(databricksDialect, 'a.b/c\td')).toBe('a_b_c_d');
    expect(objectNamePart(databricksDialect, 'Städte-2024')).toBe('Städte-2024');
    expect(objectNamePart(duckdbDialect, 'Payment Method')).toBe('Payment Method');
  });

  it('Databricks: every reference to a table with a space becomes the same name, with one warning saying what it became', () => {
    const result = text('CREATE TABLE [Dimension].[Payment Method] ([Payment Method Key] int NOT NULL, flag bit DEFAULT 0);\nSELECT * FROM Dimension.[Payment Method];', {});
    expect(result.text).toContain('CREATE TABLE Dimension.Payment_Method (');
    expect(result.text).toContain("TBLPROPERTIES ('delta.feature.allowColumnDefaults' = 'supported', 'delta.columnMapping.mode' = 'name');");
    expect(result.text).toContain('SELECT * FROM Dimension.Payment_Method;');
    const changed = result.diagnostics.filter((diagnostic) => diagnostic.code === 'TR_NAME_CHANGED');
    expect(changed.map((diagnostic) => `${diagnostic.severity} ${diagnostic.line}`)).toEqual(['warning 1']);
    expect(changed[0]!.message).toMatch(/^Dimension\.Payment Method became Dimension\.Payment_Method: /);
    expect(result.diagnostics.some((diagnostic) => diagnostic.code === 'TR_SEMANTIC' && diagnostic.message.startsWith("Payment Method Key: Delta holds a column name with a space"))).toBe(true);
  });

  it('Databricks: a mapped schema keeps its catalog.schema, the table part is changed', () => {
    expect(text('SELECT * FROM [Sales Data].[Order Lines]', { names: { 'Analytics.Sales Data': 'main.sales' }, defaultDatabase: 'Analytics' }).text).toBe('SELECT * FROM main.sales.Order_Lines;');
    expect(text('CREATE SCHEMA [Sales Data]', {}).text).toBe('CREATE SCHEMA IF NOT EXISTS Sales_Data;');
  });

  it('Databricks: SELECT INTO a table with such column names sets column mapping too', () => {
    const result = text('SELECT id AS [Order ID], name INTO dbo.copy FROM dbo.src', {});
    expect(result.text).toBe("CREATE TABLE dbo.copy TBLPROPERTIES ('delta.columnMapping.mode' = 'name') AS\nSELECT id AS `Order ID`, name FROM dbo.src;");
  });

  it('Databricks: ALTER TABLE ... ADD of such a column sets column mapping on the table first', () => {
    const result = text('ALTER TABLE dbo.T ADD [Unit Price] decimal(10,2) NULL', {});
    expect(result.text).toBe("ALTER TABLE dbo.T SET TBLPROPERTIES ('delta.columnMapping.mode' = 'name');\n\nALTER TABLE dbo.T ADD COLUMN `Unit Price` DECIMAL(10,2);");
  });

  it('DuckDB keeps the names, which it holds quoted, as the rehearsal loads the legacy tables under them', () => {
    const result = toDuckDb('CREATE TABLE [Dimension].[Payment Method] ([Payment Method Key] int NOT NULL);\nSELECT * FROM Dimension.[Payment Method];');
    expect(result.text).toContain('CREATE TABLE Dimension."Payment Method" (');
    expect(result.text).not.toContain('TBLPROPERTIES');
    expect(codes(result.diagnostics)).not.toContain('TR_NAME_CHANGED');
  });
});

import { describe, expect, it } from 'vitest';
import { collectReferences, parseTsql } from '../../src/tsql/index.js';
import type { TsqlReferences } from '../../src/tsql/index.js';

function refs(text: string): TsqlReferences {
  const result = parseTsql(text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return collectReferences(result.script);
}

function texts(list: readonly { text: string }[]): string[] {
  return list.map((r) => r.text);
}

describe('collectReferences', () => {
  it('lists tables read and written with normalised names', () => {
    const r = refs('INSERT INTO [Sales].[Order Lines] (a) SELECT a FROM [dbo].[Source] s JOIN Other..T t ON t.id = s.id');
    expect(texts(r.writes)).toEqual(['Sales.Order Lines']);
    expect(texts(r.reads)).toEqual(['dbo.Source', 'Other..T']);
    expect(r.writes[0]).toMatchObject({ schema: 'Sales', name: 'Order Lines', parts: ['Sales', 'Order Lines'] });
    expect(r.reads[1]).toMatchObject({ database: 'Other', name: 'T', parts: ['Other', '', 'T'] });
    expect(r.reads[1]).not.toHaveProperty('schema');
  });

  it('splits four-part names into server, database, schema and name', () => {
    const r = refs('SELECT * FROM LinkedSrv.Warehouse.dbo.Facts');
    expect(r.reads[0]).toMatchObject({ server: 'LinkedSrv', database: 'Warehouse', schema: 'dbo', name: 'Facts' });
  });

  it('resolves an UPDATE target written as an alias to its table, which is then not also read', () => {
    const r = refs('UPDATE c SET c.x = r.x FROM Dimension.City AS c JOIN Staging.Rows AS r ON r.id = c.id');
    expect(texts(r.writes)).toEqual(['Dimension.City']);
    expect(texts(r.reads)).toEqual(['Staging.Rows']);
  });

  it('resolves a DELETE target alias the same way', () => {
    const r = refs('DELETE t FROM dbo.T AS t WHERE EXISTS (SELECT 1 FROM dbo.T AS t2 WHERE t2.k = t.k AND t2.id > t.id)');
    expect(texts(r.writes)).toEqual(['dbo.T']);
    expect(texts(r.reads)).toEqual(['dbo.T']);
  });

  it('leaves out CTE names, table variables, aliases and the trigger pseudo-tables', () => {
    const r = refs(
      'WITH recent AS (SELECT id FROM dbo.Orders) SELECT r.id FROM recent r JOIN @ids i ON i.id = r.id JOIN inserted ins ON ins.id = r.id',
    );
    expect(texts(r.reads)).toEqual(['dbo.Orders']);
  });

  it('follows a write through an updatable CTE to its single base table', () => {
    const r = refs(';WITH d AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) rn FROM dbo.Log) DELETE FROM d WHERE rn > 100');
    expect(texts(r.writes)).toEqual(['dbo.Log']);
  });

  it('a CTE name only hides tables inside its own statement', () => {
    const r = refs('WITH x AS (SELECT 1 AS a) SELECT a FROM x;\nSELECT * FROM x;');
    expect(texts(r.reads)).toEqual(['x']);
  });

  it('reports temporary tables apart, with what is done to them', () => {
    const r = refs('CREATE TABLE #work (id int);\nINSERT #work SELECT id FROM dbo.T;\nSELECT * INTO ##copy FROM #work;\nDROP TABLE #work;');
    expect(texts(r.reads)).toEqual(['dbo.T']);
    expect(r.writes).toEqual([]);
    expect(r.temporaryTables.map((t) => [t.name, [...t.access].sort()])).toEqual([
      ['#work', ['define', 'drop', 'read', 'write']],
      ['##copy', ['define', 'write']],
    ]);
  });

  it('lists procedures executed, and flags dynamic SQL', () => {
    const r = refs("EXEC dbo.Load @x = 1;\nEXEC @rc = Staging.Clean;\nINSERT #r EXEC dbo.Report;\nEXEC sp_executesql N'SELECT 1';");
    expect(texts(r.executes)).toEqual(['dbo.Load', 'Staging.Clean', 'dbo.Report', 'sp_executesql']);
    expect(r.dynamicSql).toBe(true);
    expect(refs('EXEC dbo.Load').dynamicSql).toBe(false);
    expect(refs('EXEC (@sql)').dynamicSql).toBe(true);
    expect(refs('EXEC @proc').dynamicSql).toBe(true);
  });

  it('lists user-defined functions: schema-qualified calls and table-valued functions', () => {
    const r = refs("SELECT dbo.Fmt(a), LEN(a), GETDATE() FROM dbo.Lines(1) CROSS APPLY OPENJSON(@j) CROSS APPLY STRING_SPLIT(a, ',') s CROSS APPLY Split(a) x");
    expect(texts(r.calls)).toEqual(['dbo.Fmt', 'dbo.Lines', 'Split']);
  });

  it('covers MERGE, OUTPUT INTO, SELECT INTO, TRUNCATE and sequences', () => {
    const r = refs(
      'MERGE dbo.Dim AS t USING Staging.Dim AS s ON t.k = s.k WHEN NOT MATCHED THEN INSERT (k, id) VALUES (s.k, NEXT VALUE FOR dbo.Seq) OUTPUT $action INTO dbo.MergeLog;\n' +
        'SELECT * INTO dbo.Snapshot FROM dbo.Dim;\nTRUNCATE TABLE Staging.Dim;',
    );
    expect(texts(r.writes)).toEqual(['dbo.Dim', 'dbo.MergeLog', 'dbo.Snapshot', 'Staging.Dim']);
    expect(texts(r.reads)).toEqual(['Staging.Dim', 'dbo.Seq', 'dbo.Dim']);
  });

  it('collects everything a procedure body does, nested blocks included', () => {
    const r = refs(`CREATE PROCEDURE etl.Run AS
BEGIN
  IF EXISTS (SELECT 1 FROM etl.Control WHERE Enabled = 1)
  BEGIN
    BEGIN TRY
      UPDATE etl.Control SET Started = GETDATE()
      EXEC etl.Step1
    END TRY
    BEGIN CATCH
      INSERT etl.Errors (Msg) VALUES (ERROR_MESSAGE())
    END CATCH
  END
END`);
    expect(texts(r.defines)).toEqual(['etl.Run']);
    expect(texts(r.reads)).toEqual(['etl.Control']);
    expect(texts(r.writes)).toEqual(['etl.Control', 'etl.Errors']);
    expect(texts(r.executes)).toEqual(['etl.Step1']);
  });

  it('records DDL: definitions, drops and the tables foreign keys check', () => {
    const r = refs('CREATE TABLE dbo.Child (id int, parent int REFERENCES dbo.Parent (id));\nDROP VIEW IF EXISTS dbo.V;\nCREATE INDEX ix ON dbo.Child (parent);');
    expect(texts(r.defines)).toEqual(['dbo.Child']);
    expect(texts(r.reads)).toEqual(['dbo.Parent']);
    expect(texts(r.drops)).toEqual(['dbo.V']);
  });

  it('de-duplicates case-insensitively, keeping the first spelling and place', () => {
    const r = refs('SELECT * FROM dbo.Orders;\nSELECT * FROM DBO.ORDERS;\nSELECT * FROM [dbo].[Orders];');
    expect(texts(r.reads)).toEqual(['dbo.Orders']);
    expect(r.reads[0]?.span).toEqual({ start: 14, end: 24 });
  });
});

import { describe, expect, it } from 'vitest';
import { normaliseScriptText } from '../../src/inventory/scripted-catalog.js';
import { splitScriptObjects } from '../../src/inventory/script-objects.js';

const headers = (script: string) =>
  splitScriptObjects(script).map((unit) => (unit.header === undefined ? '(script)' : `${unit.header.kind} ${unit.header.parts.join('.')}`));

describe('splitScriptObjects', () => {
  it('reads an SSDT file: one object, its GO kept with it', () => {
    const script = 'CREATE PROCEDURE [etl].[usp_load]\n    @day date\nAS\nBEGIN\n  SET NOCOUNT ON;\nEND\nGO\n';
    const units = splitScriptObjects(script);
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ header: { kind: 'procedure', parts: ['etl', 'usp_load'] }, text: script, line: 1 });
  });

  it('splits an SSMS "Generate Scripts" file, giving SET options and the object comment to the object after them', () => {
    const script = [
      'USE [ShellCorp]',
      'GO',
      '/****** Object:  View [dbo].[vw_a]    Script Date: 02/06/2025 09:41:17 ******/',
      'SET ANSI_NULLS ON',
      'GO',
      'SET QUOTED_IDENTIFIER ON',
      'GO',
      'CREATE VIEW [dbo].[vw_a] AS SELECT 1 AS x',
      'GO',
      '/****** Object:  StoredProcedure [dbo].[usp_b]    Script Date: 02/06/2025 09:41:17 ******/',
      'SET ANSI_NULLS ON',
      'GO',
      'CREATE PROC dbo.usp_b AS SELECT * FROM dbo.vw_a',
      'GO',
      '',
    ].join('\n');
    const units = splitScriptObjects(script);
    expect(headers(script)).toEqual(['view dbo.vw_a', 'procedure dbo.usp_b']);
    expect(units[0]!.text.startsWith('USE [ShellCorp]')).toBe(true);
    expect(units[1]!.text.startsWith('/****** Object:  StoredProcedure')).toBe(true);
    expect(units[1]!.line).toBe(10);
    expect(units.map((unit) => unit.text).join('')).toBe(script);
  });

  it('keeps indexes, constraints and grants after a table with the table', () => {
    const script = [
      'CREATE TABLE dbo.t (id int NOT NULL)',
      'GO',
      'ALTER TABLE dbo.t ADD CONSTRAINT pk_t PRIMARY KEY (id)',
      'GO',
      'CREATE NONCLUSTERED INDEX ix_t ON dbo.t (id)',
      'GO',
      'GRANT SELECT ON dbo.t TO reporting',
      'GO',
      'CREATE TABLE dbo.u (id int)',
      'GO',
    ].join('\n');
    const units = splitScriptObjects(script);
    expect(headers(script)).toEqual(['table dbo.t', 'table dbo.u']);
    expect(units[0]!.text).toContain('GRANT SELECT ON dbo.t');
    expect(units[1]!.text.startsWith('CREATE TABLE dbo.u')).toBe(true);
  });

  it('reads CREATE OR ALTER, ALTER and every object kind with any name quoting', () => {
    const script = [
      'CREATE OR ALTER FUNCTION "dbo"."f_scalar"(@x int) RETURNS int AS BEGIN RETURN @x END',
      'GO',
      'ALTER FUNCTION dbo.f_inline(@x int) RETURNS TABLE AS RETURN SELECT @x AS x',
      'GO',
      'CREATE FUNCTION dbo.f_multi() RETURNS @t TABLE (x int) AS BEGIN INSERT @t VALUES (1) RETURN END',
      'GO',
      'create trigger trg_t on dbo.t after insert as select 1',
      'GO',
      'CREATE SYNONYM [dbo].[Remote] FOR [Other].[dbo].[t]',
      'GO',
      'CREATE VIEW [weird]]name].[v] AS SELECT 1 AS x',
      'GO',
    ].join('\n');
    expect(headers(script)).toEqual([
      'function dbo.f_scalar',
      'function dbo.f_inline',
      'function dbo.f_multi',
      'trigger trg_t',
      'synonym dbo.Remote',
      'view weird]name.v',
    ]);
    expect(splitScriptObjects(script).map((unit) => unit.header?.functionType)).toEqual([
      'scalar',
      'inline-table',
      'multi-statement-table',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('keeps a script that defines nothing as one piece', () => {
    const script = "INSERT INTO ref.regions VALUES (1, 'North')\nGO\nPRINT 'done'\n";
    expect(splitScriptObjects(script)).toEqual([{ text: script, start: 0, line: 1 }]);
  });

  it('keeps data statements after the objects of a file as their own piece', () => {
    const script = "CREATE TABLE dbo.t (id int)\nGO\nSET IDENTITY_INSERT dbo.t ON\nGO\nINSERT dbo.t VALUES (1)\nGO\n";
    const units = splitScriptObjects(script);
    expect(units.map((unit) => unit.header?.kind ?? '(script)')).toEqual(['table', '(script)']);
    expect(units.map((unit) => unit.text).join('')).toBe(script);
  });

  it('is not fooled by GO or CREATE inside comments and strings', () => {
    const script = "/* CREATE PROCEDURE dbo.fake AS\nGO\n*/\nCREATE PROCEDURE dbo.real AS SELECT 'GO\nCREATE VIEW dbo.nope' AS x\nGO\n";
    expect(headers(script)).toEqual(['procedure dbo.real']);
  });
});

describe('normaliseScriptText', () => {
  it('drops the export date SSMS writes above each object, and nothing else', () => {
    expect(normaliseScriptText('/****** Object:  StoredProcedure [dbo].[x]    Script Date: 11/21/2026 10:04:01 AM ******/\nCREATE PROC dbo.x AS SELECT 1')).toBe(
      '/****** Object:  StoredProcedure [dbo].[x] ******/\nCREATE PROC dbo.x AS SELECT 1',
    );
    expect(normaliseScriptText("-- Script Date: kept\nSELECT 'Script Date: 1'")).toBe("-- Script Date: kept\nSELECT 'Script Date: 1'");
  });
});

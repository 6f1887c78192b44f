import { describe, expect, it } from 'vitest';
import { parseTsql, walkAst } from '../../src/tsql/index.js';
import type { AstNode, Statement } from '../../src/tsql/index.js';

function statements(text: string): readonly Statement[] {
  const result = parseTsql(text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.script.batches.flatMap((b) => b.statements);
}

describe('parseTsql: statement boundaries without semicolons', () => {
  it('ends a statement where the next statement keyword begins', () => {
    const kinds = statements(
      'DECLARE @n int SET @n = 1 SELECT @n = @n + 1 FROM t WHERE 1 = 1 IF @n > 1 PRINT @n ELSE PRINT 0 EXEC dbo.p @n RETURN',
    ).map((s) => s.kind);
    expect(kinds).toEqual(['declare', 'set-variable', 'select-statement', 'if', 'execute', 'return']);
  });

  it('does not take a following statement for an alias, a transaction name or an argument', () => {
    const kinds = statements('SELECT a FROM t\nTHROW 50000, N\'x\', 1\nBEGIN TRAN\nROLLBACK\nTHROW\nEXEC dbo.p\nRAISERROR (\'x\', 16, 1)').map((s) => s.kind);
    expect(kinds).toEqual(['select-statement', 'throw', 'transaction', 'transaction', 'throw', 'execute', 'raiserror']);
  });

  it('reads a transaction name; a reserved word (LOAD) is a name only between brackets, as in SQL Server', () => {
    const list = statements('BEGIN TRAN nightly_load\nUPDATE t SET a = 1\nCOMMIT TRAN nightly_load\nBEGIN TRANSACTION [load]\nROLLBACK TRANSACTION @name');
    expect(list.map((s) => (s.kind === 'transaction' ? `${s.action} ${s.name ?? ''}` : s.kind))).toEqual(['BEGIN nightly_load', 'update', 'COMMIT nightly_load', 'BEGIN load', 'ROLLBACK @name']);
    // SQL Server rejects `BEGIN TRAN load` (LOAD is reserved): the parser keeps the word as a raw statement.
    const reserved = parseTsql('BEGIN TRAN load').script.batches.flatMap((b) => b.statements);
    expect(reserved.map((s) => s.kind)).toEqual(['transaction', 'raw']);
  });

  it('reads RETURN without a value when a statement follows, and with one otherwise', () => {
    const list = statements('CREATE PROC p AS IF 1 = 1 RETURN\nSELECT 1\nRETURN -1');
    const procedure = list[0];
    expect(procedure?.kind).toBe('create-procedure');
    if (procedure?.kind !== 'create-procedure') return;
    expect(procedure.body.map((s) => s.kind)).toEqual(['if', 'select-statement', 'return']);
    const last = procedure.body[2];
    expect(last?.kind === 'return' && last.value?.kind).toBe('unary');
  });

  it('accepts ELSE after a terminated IF branch', () => {
    const [statement] = statements('IF @a = 1 SELECT 1; ELSE SELECT 2;');
    expect(statement?.kind === 'if' && statement.else?.kind).toBe('select-statement');
  });

  it('reads a procedure call without EXEC only as the first statement of a batch', () => {
    expect(statements('sp_who2 active').map((s) => s.kind)).toEqual(['execute']);
    // (after SELECT 1 the word would be a column alias, as SQL Server reads it)
    const result = parseTsql('PRINT 1\nsp_who2');
    expect(result.script.batches[0]?.statements.map((s) => s.kind)).toEqual(['print', 'raw']);
  });

  it('extends a procedure body to the end of the batch', () => {
    const list = parseTsql('CREATE PROCEDURE p AS\nBEGIN\n SELECT 1\nEND\nSELECT 2\nGO\nSELECT 3').script.batches;
    const procedure = list[0]?.statements[0];
    expect(list[0]?.statements).toHaveLength(1);
    expect(procedure?.kind === 'create-procedure' && procedure.body.map((s) => s.kind)).toEqual(['block', 'select-statement']);
    expect(list[1]?.statements.map((s) => s.kind)).toEqual(['select-statement']);
  });
});

describe('parseTsql: spans', () => {
  it('gives every node a span inside its parent, whose text is the node', () => {
    const text = "CREATE VIEW v AS\nSELECT a.x, COUNT(*) AS n\nFROM dbo.A a JOIN dbo.B b ON b.id = a.id\nWHERE a.y LIKE N'%z%'\nGROUP BY a.x;";
    const result = parseTsql(text);
    const stack: AstNode[] = [];
    walkAst(
      result.script,
      (node, parent) => {
        expect(node.start).toBeLessThanOrEqual(node.end);
        if (parent !== undefined) {
          expect(node.start).toBeGreaterThanOrEqual(parent.start);
          expect(node.end).toBeLessThanOrEqual(parent.end);
        }
        stack.push(node);
      },
    );
    const like = stack.find((n) => n.kind === 'like');
    expect(like && text.slice(like.start, like.end)).toBe("a.y LIKE N'%z%'");
    const join = stack.find((n) => n.kind === 'join');
    expect(join && text.slice(join.start, join.end)).toBe('dbo.A a JOIN dbo.B b ON b.id = a.id');
  });

  it('maps offsets to 1-based lines and columns, CRLF and CR included', () => {
    const result = parseTsql('SELECT 1\r\nSELECT 2\rSELECT\n  3');
    const starts = result.script.batches[0]?.statements.map((s) => result.lineIndex.position(s.start));
    expect(starts).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
    ]);
    expect(result.lineIndex.position(result.script.end)).toEqual({ line: 4, column: 4 });
  });
});

describe('parseTsql: names', () => {
  it('removes delimiters and unescapes, keeping case', () => {
    const [statement] = statements('SELECT * FROM [My Db].[dbo].[Order]]s] JOIN "Quoted""Name" q ON 1 = 1');
    const names: string[][] = [];
    if (statement !== undefined) walkAst(statement, (node) => void (node.kind === 'table-ref' && names.push([...node.name.parts])));
    expect(names).toEqual([['My Db', 'dbo', 'Order]s'], ['Quoted"Name']]);
  });

  it('tells xml methods from schema-qualified functions', () => {
    const [statement] = statements("SELECT t.c.value('.', 'int'), dbo.Value(1), x.query('/a'), dbo.Fn(x) FROM t");
    const kinds: string[] = [];
    if (statement !== undefined) walkAst(statement, (node) => void ((node.kind === 'method-call' || node.kind === 'function-call') && kinds.push(node.kind)));
    expect(kinds).toEqual(['method-call', 'function-call', 'method-call', 'function-call']);
  });
});

describe('parseTsql: SET QUOTED_IDENTIFIER', () => {
  const literals = (text: string) => {
    const values: string[] = [];
    const columns: string[] = [];
    for (const statement of statements(text))
      walkAst(statement, (node) => {
        if (node.kind === 'literal') values.push(node.value);
        if (node.kind === 'column-ref') columns.push(node.parts.join('.'));
      });
    return { values, columns };
  };

  it('reads "text" as a string from an OFF on, through later batches, until an ON', () => {
    const script = 'SELECT "a" FROM t\nGO\nSET QUOTED_IDENTIFIER OFF\nGO\nSELECT "it\'s" + "say ""hi""" FROM t\nGO\nSET ANSI_NULLS, QUOTED_IDENTIFIER ON\nGO\nSELECT "b" FROM t';
    expect(literals(script)).toEqual({ values: ["it's", 'say "hi"'], columns: ['a', 'b'] });
  });

  it('parses a module with the setting of the batch that creates it: a SET in its body changes nothing', () => {
    const script = 'CREATE PROCEDURE dbo.p AS\nBEGIN\n  SET QUOTED_IDENTIFIER OFF\n  SELECT "col" FROM t\nEND\nGO\nSELECT "x" FROM t';
    expect(literals(script)).toEqual({ values: [], columns: ['col', 'x'] });
    const created = 'SET QUOTED_IDENTIFIER OFF\nGO\nCREATE PROCEDURE dbo.p AS\nBEGIN\n  SET QUOTED_IDENTIFIER ON\n  SELECT "text" FROM t\nEND';
    expect(literals(created)).toEqual({ values: ['text'], columns: [] });
  });

  it('ignores the word where it is not set (a string, a comment)', () => {
    const script = "SELECT SESSIONPROPERTY('QUOTED_IDENTIFIER') /* SET QUOTED_IDENTIFIER OFF */, \"c\" FROM t";
    expect(literals(script)).toEqual({ values: ['QUOTED_IDENTIFIER'], columns: ['c'] });
  });
});

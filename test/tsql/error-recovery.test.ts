import { describe, expect, it } from 'vitest';
import { analyzeTsqlFile, collectReferences, countStatements, dumpAst, parseTsql, TsqlDiagnosticCode } from '../../src/tsql/index.js';
import type { Statement } from '../../src/tsql/index.js';

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function statements(text: string): readonly Statement[] {
  return parseTsql(text).script.batches.flatMap((b) => b.statements);
}

describe('error recovery', () => {
  it('keeps an unparseable statement as raw text with a located diagnostic and resumes', () => {
    const text = 'SELECT 1;\nSELECT FROM WHERE;\nSELECT 3;';
    const result = parseTsql(text);
    const list = result.script.batches[0]?.statements ?? [];
    expect(list.map((s) => s.kind)).toEqual(['select-statement', 'raw', 'select-statement']);
    expect(list[1]).toMatchObject({ kind: 'raw', text: 'SELECT FROM WHERE' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: TsqlDiagnosticCode.syntaxError, severity: 'error', line: 2, column: 8 }),
    ]);
  });

  it('resumes at the next statement keyword when there are no semicolons', () => {
    const kinds = statements('SET @a = = 1\nPRINT @a\nUPDATE t SET x = 1').map((s) => s.kind);
    expect(kinds).toEqual(['raw', 'print', 'update']);
  });

  it('recovers inside a procedure body, statement by statement', () => {
    const text = 'CREATE PROCEDURE p AS\nBEGIN\n  SELECT 1\n  INSERT INTO t VALUES (1,\n  PRINT 2\n  IF @x = 1 SELECT ,; ELSE PRINT 3\nEND';
    const [procedure] = statements(text);
    expect(procedure?.kind).toBe('create-procedure');
    const counts = countStatements(parseTsql(text).script);
    expect(counts).toEqual({ total: 8, translated: 6, raw: 2 });
  });

  it('does not resume at the END of a CASE expression', () => {
    const text = 'BEGIN\n SELECT CASE WHEN a ** b THEN 1 END FROM t\n PRINT 1\nEND';
    const [block] = statements(text);
    expect(block?.kind).toBe('block');
    if (block?.kind === 'block') expect(block.statements.map((s) => s.kind)).toEqual(['raw', 'print']);
  });

  it('reports unterminated strings and comments at their start', () => {
    const result = parseTsql("SELECT 1\nSELECT 'abc\nGO\nSELECT 2");
    expect(result.diagnostics[0]).toMatchObject({ code: TsqlDiagnosticCode.unterminatedString, line: 2, column: 8 });
    const comment = parseTsql('SELECT 1 /* open /* nested */');
    expect(comment.diagnostics[0]).toMatchObject({ code: TsqlDiagnosticCode.unterminatedComment, line: 1, column: 10 });
  });

  it('a missing END makes the block raw instead of swallowing the batch silently', () => {
    const result = parseTsql('BEGIN\n SELECT 1\nGO\nSELECT 2');
    expect(result.script.batches[0]?.statements.map((s) => s.kind)).toEqual(['raw']);
    expect(result.script.batches[1]?.statements.map((s) => s.kind)).toEqual(['select-statement']);
    expect(result.diagnostics[0]?.message).toContain('expected END');
  });
});

describe('hostile input ends quickly, never throws', () => {
  it('100,000 nested parentheses', () => {
    const text = `SELECT ${'('.repeat(100_000)}1${')'.repeat(100_000)};\nSELECT 2;`;
    const result = parseTsql(text);
    const list = result.script.batches[0]?.statements ?? [];
    expect(list.map((s) => s.kind)).toEqual(['raw', 'select-statement']);
    expect(result.diagnostics.map((d) => d.code)).toEqual([TsqlDiagnosticCode.nestingTooDeep]);
  });

  it('100,000 nested sub-queries, unary minus signs, NOTs, IFs and BEGINs', () => {
    for (const text of [
      `SELECT ${'(SELECT '.repeat(100_000)}1${')'.repeat(100_000)}`,
      `SELECT ${'- '.repeat(100_000)}1`,
      `IF ${'NOT '.repeat(100_000)}1 = 1 PRINT 1`,
      `${'IF 1 = 1 '.repeat(100_000)}PRINT 1`,
      `${'BEGIN '.repeat(100_000)}PRINT 1${' END'.repeat(100_000)}`,
      `SELECT ${'CASE WHEN 1 = 1 THEN '.repeat(50_000)}1${' END'.repeat(50_000)}`,
    ]) {
      const result = parseTsql(text);
      expect(result.diagnostics.some((d) => d.code === TsqlDiagnosticCode.nestingTooDeep)).toBe(true);
      expect(result.tokens.map((t) => t.text).join('')).toBe(text);
    }
  });

  it('100,000 failing statements in a row, inside unbalanced parentheses', () => {
    // Each failure must find its resume point without rescanning the rest of the batch.
    for (const text of ['INSERT t VALUES (1, \n'.repeat(100_000), 'SELECT (1 +\n'.repeat(100_000), 'END\n'.repeat(100_000)]) {
      const result = parseTsql(text);
      expect(result.script.batches[0]?.statements).toHaveLength(100_000);
      expect(result.diagnostics.length).toBeLessThanOrEqual(201);
    }
  });

  it('a 100,000-term concatenation (a left-deep tree) parses and can be walked', () => {
    const text = `SELECT ${Array.from({ length: 100_000 }, (_, i) => `'a${i}'`).join(' + ')}`;
    const coverage = analyzeTsqlFile(text);
    expect(coverage.statements).toEqual({ total: 1, translated: 1, raw: 0 });
    expect(collectReferences(parseTsql(text).script).reads).toEqual([]);
    // The recursive dump says so instead of throwing.
    expect(dumpAst(parseTsql(text).script)).toContain('too deep to dump');
  });

  it('a 10 MB file', () => {
    const block = [
      'CREATE OR ALTER PROCEDURE dbo.Load AS',
      'BEGIN',
      "  DECLARE @n int = 0, @s nvarchar(max) = N'x';",
      '  WHILE @n < 10 BEGIN SET @n += 1; END',
      '  INSERT INTO dbo.T (a, b) SELECT a, b FROM dbo.S AS s JOIN dbo.U u ON u.id = s.id WHERE s.x > @n;',
      "  EXEC sp_executesql @s, N'@p int', @p = @n;",
      'END',
      'GO',
      '',
    ].join('\n');
    const text = block.repeat(Math.ceil(10_000_000 / block.length));
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    const coverage = analyzeTsqlFile(text);
    expect(coverage.lossless).toBe(true);
    expect(coverage.statements.raw).toBe(0);
    expect(coverage.statements.total).toBeGreaterThan(100_000);
  });

  it('10 MB of binary garbage', () => {
    const random = prng(1);
    const bytes = new Uint8Array(10_000_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
    const coverage = analyzeTsqlFile(bytes);
    expect(coverage.lossless).toBe(true);
    expect(coverage.diagnostics.some((d) => d.code === TsqlDiagnosticCode.binaryInput)).toBe(true);
    // Floods of one diagnostic are summarised rather than listed in full.
    expect(coverage.diagnostics.length).toBeLessThan(2_000);
  });

  it('random sequences of T-SQL tokens', () => {
    const vocabulary = [
      'SELECT', 'FROM', 'WHERE', 'INSERT', 'INTO', 'VALUES', 'UPDATE', 'SET', 'DELETE', 'MERGE', 'USING', 'WHEN', 'MATCHED', 'THEN',
      'CREATE', 'ALTER', 'PROCEDURE', 'TABLE', 'VIEW', 'FUNCTION', 'RETURNS', 'AS', 'BEGIN', 'END', 'IF', 'ELSE', 'WHILE', 'TRY',
      'CATCH', 'CASE', 'EXEC', 'DECLARE', 'CURSOR', 'FOR', 'WITH', 'OVER', 'PARTITION', 'BY', 'ORDER', 'GROUP', 'JOIN', 'ON', 'AND',
      'OR', 'NOT', 'IN', 'EXISTS', 'NULL', 'IS', 'BETWEEN', 'LIKE', 'TOP', 'GO', '(', ')', ',', ';', '.', '=', '+', '-', '*', '@x',
      '@@ERROR', '#t', '[a b]', "'s'", "N'u'", '1', '2.5', '0x1', 'dbo', 't', 'c', 'label:', '::', '{', '}', 'OUTPUT', 'RETURN',
      '/*', '*/', '--', '\n', "'",
    ];
    const random = prng(99);
    for (let i = 0; i < 2_000; i++) {
      const length = 1 + Math.floor(random() * 60);
      const words: string[] = [];
      for (let j = 0; j < length; j++) words.push(vocabulary[Math.floor(random() * vocabulary.length)] ?? '');
      const text = words.join(' ');
      const result = parseTsql(text);
      expect(result.tokens.map((t) => t.text).join('')).toBe(text);
    }
  });
});

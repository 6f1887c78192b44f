import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeTsqlFile, analyzeTsqlFiles, decodeSqlText, parseTsql, TsqlDiagnosticCode } from '../../src/tsql/index.js';

const SQL = "SELECT N'é' AS x;\r\nGO\r\nPRINT 'ok'\r\n";

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  let o = 0;
  if (bom) {
    out[o++] = bigEndian ? 0xfe : 0xff;
    out[o++] = bigEndian ? 0xff : 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[o++] = bigEndian ? c >> 8 : c & 0xff;
    out[o++] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

describe('decodeSqlText', () => {
  it('reads UTF-8 without and with a byte-order mark', () => {
    expect(decodeSqlText(Buffer.from(SQL, 'utf8'))).toMatchObject({ text: SQL, encoding: 'utf-8', bom: false, bytesRoundTrip: true, diagnostics: [] });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SQL, 'utf8')]);
    expect(decodeSqlText(withBom)).toMatchObject({ text: SQL, encoding: 'utf-8', bom: true, bytesRoundTrip: true });
  });

  it('reads UTF-16 LE and BE with a byte-order mark', () => {
    expect(decodeSqlText(utf16(SQL, false, true))).toMatchObject({ text: SQL, encoding: 'utf-16le', bom: true, bytesRoundTrip: true, diagnostics: [] });
    expect(decodeSqlText(utf16(SQL, true, true))).toMatchObject({ text: SQL, encoding: 'utf-16be', bom: true, bytesRoundTrip: true, diagnostics: [] });
  });

  it('recognises UTF-16 LE without a byte-order mark and says it guessed', () => {
    const decoded = decodeSqlText(utf16(SQL, false, false));
    expect(decoded).toMatchObject({ text: SQL, encoding: 'utf-16le', bom: false, bytesRoundTrip: true });
    expect(decoded.diagnostics.map((d) => d.code)).toEqual([TsqlDiagnosticCode.guessedEncoding]);
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const bytes = Uint8Array.from([...Buffer.from("SELECT 'caf"), 0xe9, 0x80, ...Buffer.from("'")]);
    const decoded = decodeSqlText(bytes);
    expect(decoded).toMatchObject({ text: "SELECT 'café€'", encoding: 'windows-1252', bytesRoundTrip: true });
    expect(decoded.diagnostics.map((d) => d.code)).toEqual([TsqlDiagnosticCode.guessedEncoding]);
  });

  it('replaces invalid bytes after a UTF-8 byte-order mark and says the bytes do not round-trip', () => {
    const decoded = decodeSqlText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42]));
    expect(decoded).toMatchObject({ text: 'A\ufffdB', encoding: 'utf-8', bom: true, bytesRoundTrip: false });
    expect(decoded.diagnostics.map((d) => d.code)).toEqual([TsqlDiagnosticCode.invalidEncoding]);
  });

  it('flags NUL bytes that are not UTF-16', () => {
    const decoded = decodeSqlText(Uint8Array.from([0x53, 0x00, 0x00, 0x00, 0x45, 0x4c, 0x00, 0x43, 0x54, 0x20, 0x31, 0x32]));
    expect(decoded.diagnostics.map((d) => d.code)).toContain(TsqlDiagnosticCode.binaryInput);
  });

  it('decodes empty input', () => {
    expect(decodeSqlText(new Uint8Array())).toMatchObject({ text: '', encoding: 'utf-8', bom: false });
  });
});

describe('analyzeTsqlFile', () => {
  it('measures losslessness on the decoded text and counts nested statements', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('CREATE PROC p AS\nBEGIN\n  SELECT 1\n  SELECT FROM\nEND\nGO\nPRINT 1\n', 'utf8')]);
    const coverage = analyzeTsqlFile(bytes, 'p.sql');
    expect(coverage).toMatchObject({
      path: 'p.sql',
      encoding: 'utf-8',
      bom: true,
      bytesRoundTrip: true,
      lossless: true,
      batches: 2,
      // CREATE PROC, BEGIN...END, SELECT 1, the raw SELECT FROM, PRINT 1
      statements: { total: 5, translated: 4, raw: 1 },
    });
    expect(coverage.diagnostics).toEqual([
      { code: TsqlDiagnosticCode.syntaxError, severity: 'error', line: 4, column: 10, message: expect.stringContaining('expected an expression') as unknown as string },
    ]);
  });

  it('accepts text that is already decoded', () => {
    expect(analyzeTsqlFile('SELECT 1').statements).toEqual({ total: 1, translated: 1, raw: 0 });
  });
});

describe('analyzeTsqlFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-tsql-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads files and folders (recursively, *.sql only) and reports unreadable paths instead of throwing', async () => {
    await mkdir(path.join(dir, 'nested'));
    await writeFile(path.join(dir, 'b.sql'), 'SELECT 1\nGO\nSELECT 2');
    await writeFile(path.join(dir, 'nested', 'a.sql'), utf16('EXEC dbo.p', false, true));
    await writeFile(path.join(dir, 'notes.txt'), 'not sql');
    const missing = path.join(dir, 'missing.sql');
    const report = await analyzeTsqlFiles([dir, missing]);
    expect(report.version).toBe(1);
    expect(report.files.map((f) => [path.relative(dir, f.path ?? ''), f.encoding, f.statements.total])).toEqual([
      ['b.sql', 'utf-8', 2],
      [path.join('nested', 'a.sql'), 'utf-16le', 1],
      ['missing.sql', 'utf-8', 0],
    ]);
    expect(report.files[2]?.diagnostics[0]?.code).toBe(TsqlDiagnosticCode.unreadableFile);
    expect(report.totals).toEqual({
      files: 3,
      losslessFiles: 2,
      statements: { total: 3, translated: 3, raw: 0 },
      diagnosticsByCode: { [TsqlDiagnosticCode.unreadableFile]: 1 },
    });
  });
});

describe('the library is quiet', () => {
  it('never writes to stdout or stderr, never exits, never throws on bad input', async () => {
    const stdout = vi.spyOn(process.stdout, 'write');
    const stderr = vi.spyOn(process.stderr, 'write');
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      parseTsql("SELECT (((( 'unterminated \u0000 /* ");
      analyzeTsqlFile(Uint8Array.from([0xff, 0x00, 0x13, 0x37]));
      await analyzeTsqlFiles(['/nonexistent/lakeshift/path']);
      expect(stdout).not.toHaveBeenCalled();
      expect(stderr).not.toHaveBeenCalled();
      expect(exit).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      exit.mockRestore();
    }
  });
});

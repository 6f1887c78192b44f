import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyzeTsqlFiles, decodeSqlText, parseTsql, parseTsqlStatements, TsqlDiagnosticCode } from '../../src/tsql/index.js';
import { findCorpus } from '../support/corpus.js';

const corpus = findCorpus();

describe.skipIf(corpus === undefined)('T-SQL front end on the real-world corpus', () => {
  it('is lossless on every file and parses at least 99% of statements into nodes', async () => {
    const report = await analyzeTsqlFiles([corpus as string]);
    const { files, losslessFiles, statements, diagnosticsByCode } = report.totals;
    const parsedShare = statements.total === 0 ? 0 : statements.translated / statements.total;
    const rawCauses = new Map<string, number>();
    for (const file of report.files) {
      for (const d of file.diagnostics) {
        if (d.code !== TsqlDiagnosticCode.syntaxError && d.code !== TsqlDiagnosticCode.nestingTooDeep) continue;
        const cause = d.message.replace(/near '.*?'/, "near '...'");
        rawCauses.set(cause, (rawCauses.get(cause) ?? 0) + 1);
      }
    }
    const topCodes = Object.entries(diagnosticsByCode).sort((a, b) => b[1] - a[1]);
    const topCauses = [...rawCauses.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
    console.log(
      [
        `corpus: ${corpus}`,
        `files: ${files}, lossless: ${losslessFiles} (${((100 * losslessFiles) / Math.max(1, files)).toFixed(2)}%)`,
        `statements: ${statements.total}, parsed: ${statements.translated} (${(100 * parsedShare).toFixed(2)}%), raw: ${statements.raw}`,
        `diagnostics by code: ${topCodes.map(([code, n]) => `${code} ${n}`).join(', ') || '(none)'}`,
        `top raw causes:${topCauses.length === 0 ? ' (none)' : ''}`,
        ...topCauses.map(([cause, n]) => `  ${n} x ${cause}`),
      ].join('\n'),
    );
    const notLossless = report.files.filter((f) => !f.lossless).map((f) => f.path);
    expect(notLossless).toEqual([]);
    expect(files).toBeGreaterThan(0);
    expect(parsedShare).toBeGreaterThanOrEqual(0.99);
  });

  it('reads the same statements without whitespace and comment tokens (the parse a translation makes)', () => {
    const sqlFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((entry) => {
        const file = path.join(dir, entry);
        return statSync(file).isDirectory() ? sqlFiles(file) : entry.toLowerCase().endsWith('.sql') ? [file] : [];
      });
    const differing = sqlFiles(corpus as string).filter((file) => {
      const text = decodeSqlText(readFileSync(file)).text;
      const full = parseTsql(text);
      const statements = parseTsqlStatements(text);
      return !statements.lossless || JSON.stringify([statements.script, statements.diagnostics]) !== JSON.stringify([full.script, full.diagnostics]);
    });
    expect(differing).toEqual([]);
  });
});

if (corpus === undefined) {
  describe('T-SQL corpus', () => {
    it.skip('skipped: no corpus at ../shared/corpus or $LAKESHIFT_CORPUS', () => {});
  });
}

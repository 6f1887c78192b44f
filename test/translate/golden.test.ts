import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TranslateTarget } from '../../src/translate/dialects/dialect.js';
import { translateSql } from '../../src/translate/translate-sql.js';

/**
 * Golden translations: every `<case>.tsql` under test/translate/golden/ is translated to each
 * target and compared with `<case>.databricks.sql` and `<case>.duckdb.sql`, which hold the
 * output and then its diagnostics. Written only by `UPDATE_GOLDEN=1 npx vitest run
 * test/translate/golden.test.ts`, and reviewed before they are committed.
 */
const root = path.join(path.dirname(new URL(import.meta.url).pathname), 'golden');
const update = process.env['UPDATE_GOLDEN'] === '1';
const options = {
  names: { 'ShellCorp.dw': 'shellcorp.gold', 'ShellCorp.sales': 'shellcorp.sales', 'ShellCorp.etl': 'shellcorp.etl' },
  defaultDatabase: 'ShellCorp',
  files: { 'D:\\feeds\\': '/Volumes/shellcorp/landing/feeds/' },
};

function cases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return cases(file);
    return entry.endsWith('.tsql') ? [file] : [];
  });
}

export function goldenText(input: string, target: TranslateTarget): string {
  const result = translateSql(input, { target, ...options });
  const diagnostics = result.diagnostics.map((diagnostic) => `-- ${diagnostic.severity} ${diagnostic.code} ${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`);
  return `${result.text.trimEnd()}\n\n-- statements: ${result.statements.translated}/${result.statements.total} translated, ${result.statements.raw} raw\n${diagnostics.join('\n')}\n`.replace(/\n\n$/, '\n');
}

describe('golden translations', () => {
  const files = cases(root);
  it('has cases', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    for (const target of ['databricks', 'duckdb'] as const) {
      it(`${path.relative(root, file)} -> ${target}`, () => {
        const expectedFile = file.replace(/\.tsql$/, `.${target}.sql`);
        const actual = goldenText(readFileSync(file, 'utf8'), target);
        if (update) writeFileSync(expectedFile, actual);
        expect(existsSync(expectedFile), `${expectedFile} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
        expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
      });
    }
  }
});

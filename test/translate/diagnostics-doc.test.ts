import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TranslateOptions } from '../../src/translate/context.js';
import { DIAGNOSTICS, type DiagnosticDefinition } from '../../src/translate/diagnostics.js';
import { translateSql } from '../../src/translate/translate-sql.js';
import { renderDiagnosticsCatalogue } from '../../src/translate/diagnostics-doc.js';
import { repoRoot } from '../support/corpus.js';

describe('docs/translation-diagnostics.md', () => {
  const file = path.join(repoRoot, 'docs', 'translation-diagnostics.md');

  it('is the catalogue of src/translate/diagnostics.ts, with an example for every code', () => {
    const text = renderDiagnosticsCatalogue();
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(file, text);
    expect(existsSync(file), 'run UPDATE_DOCS=1 npx vitest run test/translate/diagnostics-doc.test.ts').toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(text);
    for (const [code, definition] of Object.entries(DIAGNOSTICS)) {
      expect(text).toContain(`## ${code}`);
      expect(definition.example.trim().length, code).toBeGreaterThan(5);
    }
  });

  it('has examples that raise their own code when translated (on Databricks, or on DuckDB for a DuckDB-only code)', () => {
    const missing: string[] = [];
    for (const [code, definition] of Object.entries(DIAGNOSTICS) as Array<[string, DiagnosticDefinition]>) {
      const options = { ...(definition.setting?.options ?? {}) } as Partial<TranslateOptions>;
      const raised = (target: 'databricks' | 'duckdb') => translateSql(definition.example, { target, ...options }).diagnostics.some((diagnostic) => diagnostic.code === code);
      if (!raised('databricks') && !raised('duckdb')) missing.push(code);
    }
    expect(missing).toEqual([]);
  });
});

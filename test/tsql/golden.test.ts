import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTsql, parseTsqlStatements, tokenize } from '../../src/tsql/index.js';
import { renderGolden } from './golden-render.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const update = process.env['UPDATE_GOLDEN'] === '1';
const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith('.sql'))
  .sort();

// Golden files are written only by `UPDATE_GOLDEN=1 npx vitest run test/tsql/golden.test.ts`,
// and each change is reviewed before it is kept.
describe('T-SQL parser golden files', () => {
  for (const fixture of fixtures) {
    it(fixture, () => {
      const text = readFileSync(path.join(dir, fixture), 'utf8');
      expect(tokenize(text).map((t) => t.text).join('')).toBe(text);
      const actual = renderGolden(text);
      const goldenPath = path.join(dir, fixture.replace(/\.sql$/, '.golden'));
      if (update) {
        writeFileSync(goldenPath, actual);
        return;
      }
      if (!existsSync(goldenPath)) {
        throw new Error(`${path.basename(goldenPath)} is missing: run UPDATE_GOLDEN=1 npx vitest run test/tsql/golden.test.ts and review it`);
      }
      expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
    });
  }
});

describe('the parse a translation makes', () => {
  for (const fixture of fixtures) {
    it(`reads the statements and diagnostics of parseTsql from the significant tokens: ${fixture}`, () => {
      const text = readFileSync(path.join(dir, fixture), 'utf8');
      const full = parseTsql(text);
      const statements = parseTsqlStatements(text);
      expect(statements.lossless).toBe(true);
      expect(statements.script).toEqual(full.script);
      expect(statements.diagnostics).toEqual(full.diagnostics);
    });
  }
});

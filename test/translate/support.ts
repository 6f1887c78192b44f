import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { rowObjects, type Value } from '../../src/engines/engine.js';
import type { TranslateOptions } from '../../src/translate/context.js';
import type { TranslationDiagnostic } from '../../src/translate/diagnostics.js';
import { translateSql, type TranslatedSql } from '../../src/translate/translate-sql.js';
import type { ScriptNode } from '../../src/translate/script-ir.js';

export function toDatabricks(tsql: string, options: Partial<TranslateOptions> = {}): TranslatedSql {
  return translateSql(tsql, { target: 'databricks', ...options });
}

export function toDuckDb(tsql: string, options: Partial<TranslateOptions> = {}): TranslatedSql {
  return translateSql(tsql, { target: 'duckdb', ...options });
}

export function codes(diagnostics: readonly TranslationDiagnostic[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

/**
 * Runs the DuckDB translation of plain T-SQL statements (no variables or control flow: that is
 * what `lakeshift rehearse` is for) on a fresh in-memory DuckDB, after `setup` (DuckDB SQL),
 * and returns the rows of the last statement that returns rows.
 */
export async function runOnDuckDb(tsql: string, setup = '', options: Partial<TranslateOptions> = {}): Promise<Array<Record<string, Value>>> {
  const translated = toDuckDb(tsql, options);
  const errors = translated.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`translation has errors: ${errors.map((error) => `${error.code} ${error.message}`).join('; ')}`);
  const engine = new DuckDbEngine('test', { kind: 'duckdb', path: ':memory:', readOnly: false }, { baseDir: tmpdir() });
  try {
    if (setup !== '') await engine.execute(setup);
    let rows: Array<Record<string, Value>> = [];
    const statements = translated.objects.flatMap((object) => (object.kind === 'statements' ? object.body : [])) as ScriptNode[];
    // A table-function object is the rehearsal's; what DuckDB runs is in the statements.
    if (translated.objects.some((object) => object.kind !== 'statements' && object.kind !== 'table-function')) throw new Error('runOnDuckDb runs plain statements only');
    for (const node of statements) {
      if (node.kind === 'comment') continue;
      if (node.kind !== 'sql') throw new Error(`runOnDuckDb runs plain statements only, not ${node.kind}`);
      const result = await engine.query(node.sql);
      if (result.columns.length > 0 && !/^\s*(INSERT|UPDATE|DELETE|MERGE|CREATE|DROP|TRUNCATE)\b/i.test(node.sql)) rows = rowObjects(result);
    }
    return rows;
  } finally {
    await engine.close();
  }
}

/** The one value `SELECT <tsql> AS v` gives on DuckDB, as text (NULL as null). */
export async function valueOnDuckDb(tsql: string, setup = ''): Promise<string | null> {
  const rows = await runOnDuckDb(`SELECT ${tsql} AS v`, setup);
  const v = rows[0]?.['v'];
  return v === null || v === undefined ? null : String(v);
}

/** A T-SQL expression and the value SQL Server gives for it. */
export type ValueCase = readonly [tsql: string, expected: string | null];

/** A test per case: the DuckDB translation of the expression gives the expected value. */
export function valueTable(title: string, cases: readonly ValueCase[]): void {
  describe(title, () => {
    for (const [tsql, expected] of cases) {
      it(`${tsql} = ${expected}`, async () => {
        expect(await valueOnDuckDb(tsql)).toBe(expected);
      });
    }
  });
}

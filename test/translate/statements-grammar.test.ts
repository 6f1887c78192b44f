import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as polyglot from '@polyglot-sql/sdk';
import { describe, expect, it } from 'vitest';
import { splitScriptObjects } from '../../src/inventory/script-objects.js';
import type { ScriptNode } from '../../src/translate/script-ir.js';
import { translateSql } from '../../src/translate/translate-sql.js';
import { decodeSqlText } from '../../src/tsql/index.js';
import { findCorpus } from '../support/corpus.js';

/**
 * The data changes and queries the statement writer produces, inside procedures and control
 * flow too (UPDATE ... FROM as MERGE or EXISTS, MERGE, DELETE, INSERT, SELECT INTO, the row
 * count queries), must parse as Databricks SQL: checked with sqlglot's Databricks grammar
 * (@polyglot-sql/sdk) on the golden inputs and the corpus. Statements holding a /*[TR_...]*\/
 * marker are untranslated on purpose and skipped.
 */
const golden = path.join(path.dirname(new URL(import.meta.url).pathname), 'golden');

function files(dir: string, suffixes: readonly string[]): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    return statSync(file).isDirectory() ? files(file, suffixes) : suffixes.some((suffix) => entry.toLowerCase().endsWith(suffix)) ? [file] : [];
  });
}

function leaves(nodes: readonly ScriptNode[]): string[] {
  return nodes.flatMap((node) => {
    switch (node.kind) {
      case 'sql':
        return [node.sql];
      case 'set':
        return node.fromQuery ? [node.value] : [];
      case 'if':
        return [...node.branches.flatMap((branch) => leaves(branch.body)), ...leaves(node.otherwise ?? [])];
      case 'while':
        return leaves(node.body);
      case 'for':
        return [node.query, ...leaves(node.body)];
      case 'block':
        return [...leaves(node.body), ...leaves(node.handler?.body ?? [])];
      default:
        return [];
    }
  });
}

describe('statements against a Databricks grammar', () => {
  it('parses every translated data change and query', () => {
    const inputs = ['statements', 'procedural', 'objects'].flatMap((dir) => files(path.join(golden, dir), ['.tsql']));
    const corpus = findCorpus();
    if (corpus !== undefined) inputs.push(...files(corpus, ['.sql']));
    let checked = 0;
    const invalid: string[] = [];
    for (const file of inputs) {
      for (const unit of splitScriptObjects(decodeSqlText(readFileSync(file)).text)) {
        const result = translateSql(unit.text, { target: 'databricks' });
        for (const object of result.objects) {
          for (const sql of leaves(object.kind === 'statements' ? object.body : object.body.body)) {
            if (!/^\s*(WITH|SELECT|INSERT|UPDATE|DELETE|MERGE)\b/i.test(sql) || sql.includes('/*[TR_')) continue;
            checked += 1;
            // sqlglot does not know MAX RECURSION LEVEL (Databricks SQL reference, "Common table
            // expression (CTE)": `name [(columns)] [MAX RECURSION LEVEL n] AS (query)`): checked without it.
            const validation = polyglot.validate(sql.replace(/ MAX RECURSION LEVEL \d+ AS \(/g, ' AS ('), 'databricks');
            // sqlglot reads WAREHOUSE as a keyword; Databricks does not reserve it (WideWorldImporters has a Warehouse schema).
            if (!validation.valid && /got "Warehouse"/.test(validation.errors[0]?.message ?? '')) continue;
            if (!validation.valid) invalid.push(`${path.basename(file)}:${unit.line}: ${validation.errors[0]?.message ?? ''}: ${sql.slice(0, 160).replace(/\s+/g, ' ')}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(invalid).toEqual([]);
  });
});

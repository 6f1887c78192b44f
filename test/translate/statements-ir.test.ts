import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScriptNode, TranslatedObject } from '../../src/translate/script-ir.js';
import { translateSql } from '../../src/translate/translate-sql.js';
import { findCorpus } from '../support/corpus.js';

/**
 * The script IR is what `lakeshift rehearse` interprets and what the renderer turns into SQL
 * scripting, so its structure is checked on every golden input and on the corpus: LEAVE and
 * ITERATE name an enclosing label (ITERATE a loop's), labels are unique along a path, no
 * top-level block has a label (Databricks refuses one), atomic blocks hold no nested block, and
 * the rendered text pairs every label with its END.
 */
const golden = path.join(path.dirname(new URL(import.meta.url).pathname), 'golden');

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    return statSync(file).isDirectory() ? files(file, suffix) : entry.toLowerCase().endsWith(suffix) ? [file] : [];
  });
}

function checkNodes(nodes: readonly ScriptNode[], labels: ReadonlyArray<{ label: string; loop: boolean }>, problems: string[], inAtomic: boolean): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'leave':
      case 'iterate': {
        const target = labels.find((item) => item.label === node.label);
        if (target === undefined) problems.push(`${node.kind.toUpperCase()} ${node.label} outside its label`);
        else if (node.kind === 'iterate' && !target.loop) problems.push(`ITERATE ${node.label} names a block`);
        break;
      }
      case 'while':
      case 'for':
        if (labels.some((item) => item.label === node.label)) problems.push(`label ${node.label} repeated`);
        checkNodes(node.body, [...labels, { label: node.label, loop: true }], problems, inAtomic);
        break;
      case 'if':
        for (const branch of node.branches) checkNodes(branch.body, labels, problems, inAtomic);
        checkNodes(node.otherwise ?? [], labels, problems, inAtomic);
        break;
      case 'block': {
        if (inAtomic) problems.push('a block inside an atomic block');
        const inner = node.label === undefined ? labels : [...labels, { label: node.label, loop: false }];
        checkNodes(node.body, inner, problems, inAtomic || node.atomic === true);
        if (node.handler !== undefined) checkNodes(node.handler.body, inner, problems, inAtomic);
        break;
      }
      default:
        break;
    }
  }
}

function checkObject(object: TranslatedObject): string[] {
  const problems: string[] = [];
  if (object.kind === 'procedure' || object.kind === 'table-function') {
    if (object.body.label !== undefined) problems.push(`a labelled ${object.kind} body`);
    checkNodes(object.body.body, [], problems, false);
  } else {
    for (const node of object.body) if (node.kind === 'block' && node.label !== undefined && object.declarations.length === 0 && object.body.length === 1) problems.push('a labelled top-level block');
    checkNodes(object.body, [], problems, false);
  }
  return problems;
}

/** Every `label: WHILE|FOR|BEGIN` of the text has its `END WHILE|FOR label` / `END label`. */
function checkText(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/^\s*(\w+): (WHILE|FOR|BEGIN)\b/gm)) {
    const [, label, kind] = match;
    const end = kind === 'BEGIN' ? `END ${label};` : `END ${kind} ${label};`;
    if (!text.includes(end)) problems.push(`${label}: ${kind} without ${end}`);
  }
  if (/^\w+: BEGIN/.test(text)) problems.push('a label on a top-level compound');
  return problems;
}

describe('script IR and its rendering', () => {
  const inputs = files(golden, '.tsql').map((file) => ({ name: path.relative(golden, file), text: readFileSync(file, 'utf8') }));
  const corpus = findCorpus();
  if (corpus !== undefined) {
    for (const file of files(corpus, '.sql')) inputs.push({ name: path.relative(corpus, file), text: readFileSync(file, 'utf8').replace(/^\uFEFF/, '') });
  }

  it('has inputs', () => {
    expect(inputs.length).toBeGreaterThan(20);
  });

  it('names enclosing labels, keeps atomic blocks flat and pairs every label with its END', () => {
    const problems: string[] = [];
    for (const input of inputs) {
      for (const target of ['databricks', 'duckdb'] as const) {
        const result = translateSql(input.text, { target });
        for (const object of result.objects) problems.push(...checkObject(object).map((problem) => `${input.name} (${target}): ${problem}`));
        problems.push(...checkText(result.text).map((problem) => `${input.name} (${target}): ${problem}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('counts every statement: translated ones plus those kept for a human make the total', () => {
    for (const input of inputs) {
      const result = translateSql(input.text, { target: 'databricks' });
      expect(result.statements.translated, input.name).toBeLessThanOrEqual(result.statements.total);
      // A statement kept for a human always comes with an error diagnostic.
      if (result.statements.translated < result.statements.total) {
        expect(result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'), input.name).toBe(true);
      }
    }
  });
});

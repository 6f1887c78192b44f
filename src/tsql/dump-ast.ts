import type { AstNode } from './ast.js';

const WIDTH = 100;
const PLAIN_NAME = /^[A-Za-z_@#$][A-Za-z0-9_@#$]*$/;

function namePart(part: string): string {
  if (part === '') return '';
  return PLAIN_NAME.test(part) ? part : `[${part.replaceAll(']', ']]')}]`;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

const path = (parts: readonly string[]): string => parts.map(namePart).join('.');

/** Compact spellings of the leaf nodes that occur everywhere. */
const LEAVES: { readonly [K in AstNode['kind']]?: (node: Extract<AstNode, { kind: K }>) => string } = {
  'object-name': (node) => path(node.parts),
  'column-ref': (node) => `(column-ref ${path(node.parts)})`,
  variable: (node) => node.name,
  'system-variable': (node) => node.name,
  star: (node) => (node.qualifier.length === 0 ? '*' : `${path(node.qualifier)}.*`),
  literal: (node) => `(literal ${node.type} ${node.text})`,
  'data-type': (node) => `(data-type ${path(node.name.parts)}${node.args.length > 0 ? `(${node.args.join(', ')})` : ''})`,
  default: () => '(default)',
};

function leaf(node: AstNode): string | undefined {
  return (LEAVES[node.kind] as ((n: AstNode) => string) | undefined)?.(node);
}

/** Booleans whose false is as telling as their true (NOT NULL, NOCHECK, DISABLE). */
const EXPLICIT_BOOLEANS: ReadonlySet<string> = new Set(['nullable', 'enable']);

/** The fields worth showing: no span, no kind, nothing empty, false or undefined. */
function fields(node: AstNode): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'kind' || key === 'start' || key === 'end') continue;
    if (typeof value === 'boolean' && EXPLICIT_BOOLEANS.has(key)) {
      out.push([key, String(value)]);
      continue;
    }
    if (value === undefined || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out.push([key, value]);
  }
  return out;
}

function scalar(value: unknown): string {
  if (value === 'true' || value === 'false') return value;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** One-line rendering, or undefined as soon as it exceeds `budget` characters. */
function inline(value: unknown, budget: number): string | undefined {
  if (budget <= 0) return undefined;
  if (Array.isArray(value)) {
    const items: string[] = [];
    let used = 2;
    for (const item of value) {
      const text = inline(item, budget - used);
      if (text === undefined) return undefined;
      items.push(text);
      used += text.length + 1;
      if (used > budget) return undefined;
    }
    return `[${items.join(' ')}]`;
  }
  if (!isNode(value)) {
    const text = scalar(value);
    return text.length <= budget ? text : undefined;
  }
  const short = leaf(value);
  if (short !== undefined) return short.length <= budget ? short : undefined;
  let text = `(${value.kind}`;
  for (const [key, field] of fields(value)) {
    const rendered = field === true ? key : inline(field, budget - text.length - key.length - 3);
    if (rendered === undefined) return undefined;
    text += field === true ? ` ${key}` : ` ${key}: ${rendered}`;
    if (text.length > budget) return undefined;
  }
  text += ')';
  return text.length <= budget ? text : undefined;
}

function block(value: unknown, indent: string): string {
  if (isNode(value)) {
    const short = leaf(value);
    if (short !== undefined) return short;
  }
  const one = inline(value, WIDTH - indent.length);
  if (one !== undefined) return one;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => inner + block(item, inner)).join('\n')}\n${indent}]`;
  }
  if (!isNode(value)) return scalar(value);
  const lines = [`(${value.kind}`];
  for (const [key, field] of fields(value)) {
    lines.push(field === true ? `${inner}${key}` : `${inner}${key}: ${block(field, inner)}`);
  }
  return `${lines.join('\n')})`;
}

/**
 * A stable, readable S-expression of a syntax tree without spans, for golden tests and
 * debugging: `(kind field: value ...)`, one line when it fits in 100 columns. Boolean fields
 * show as a bare name when true and not at all when false; empty lists are left out.
 */
export function dumpAst(node: AstNode): string {
  try {
    return block(node, '');
  } catch (error) {
    // The dump recurses; trees tens of thousands of levels deep (a generated concatenation of
    // that many terms) exhaust the stack. Walk such trees with walkAst instead.
    if (error instanceof RangeError) return `(${node.kind} ... too deep to dump)`;
    throw error;
  }
}

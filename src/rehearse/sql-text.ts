/**
 * Just enough reading of DuckDB SQL text for the rehearsal to find dotted names and function
 * calls outside string literals, quoted text and comments.
 */

interface NameToken {
  /** The name as compared: parts unquoted, lower case, joined by dots. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Each part: its key and where it ends. */
  readonly parts: ReadonlyArray<{ readonly key: string; readonly end: number }>;
}

export interface FunctionCall {
  /** The name as `names` gave it. */
  readonly name: string;
  /** From the first character of the name to just after the closing parenthesis. */
  readonly start: number;
  readonly end: number;
  /** The argument texts, trimmed. */
  readonly args: readonly string[];
}

/** Index just past a string literal, quoted identifier or comment starting at `index`, or -1. */
function skipQuoted(sql: string, index: number): number {
  const char = sql[index];
  if (char === "'" || char === '"') {
    let at = index + 1;
    while (at < sql.length) {
      if (sql[at] === char) {
        if (sql[at + 1] === char) {
          at += 2;
          continue;
        }
        return at + 1;
      }
      at += 1;
    }
    return sql.length;
  }
  if (char === '-' && sql[index + 1] === '-') {
    const end = sql.indexOf('\n', index);
    return end < 0 ? sql.length : end + 1;
  }
  if (char === '/' && sql[index + 1] === '*') {
    const end = sql.indexOf('*/', index + 2);
    return end < 0 ? sql.length : end + 2;
  }
  return -1;
}

const IDENTIFIER_START = /[A-Za-z_\u0080-\uFFFF]/;
const IDENTIFIER_PART = /[\w$\u0080-\uFFFF]/;

/** Reads one name part (plain or "quoted") at `index`: its key and end, or undefined. */
function namePart(sql: string, index: number): { key: string; end: number } | undefined {
  if (sql[index] === '"') {
    const end = skipQuoted(sql, index);
    return { key: sql.slice(index + 1, end - 1).replaceAll('""', '"').toLowerCase(), end };
  }
  if (!IDENTIFIER_START.test(sql[index] ?? '')) return undefined;
  let end = index + 1;
  while (end < sql.length && IDENTIFIER_PART.test(sql[end]!)) end += 1;
  return { key: sql.slice(index, end).toLowerCase(), end };
}

/** Every dotted name in the text, outside literals and comments. */
function names(sql: string): NameToken[] {
  const found: NameToken[] = [];
  let index = 0;
  while (index < sql.length) {
    const char = sql[index]!;
    if (char !== '"') {
      const skipped = skipQuoted(sql, index);
      if (skipped >= 0) {
        index = skipped;
        continue;
      }
    }
    const previous = index > 0 ? sql[index - 1]! : ' ';
    const first = IDENTIFIER_PART.test(previous) ? undefined : namePart(sql, index);
    if (first === undefined) {
      index += 1;
      continue;
    }
    const parts = [first];
    let end = first.end;
    while (sql[end] === '.') {
      const next = namePart(sql, end + 1);
      if (next === undefined) break;
      parts.push(next);
      end = next.end;
    }
    found.push({ key: parts.map((part) => part.key).join('.'), start: index, end, parts });
    index = end;
  }
  return found;
}

/** Calls of the functions `wanted` names (as the translation writes them), in text order. */
export function findCalls(sql: string, wanted: readonly string[]): FunctionCall[] {
  const byKey = new Map(wanted.map((name) => [name.replaceAll('"', '').toLowerCase(), name]));
  const calls: FunctionCall[] = [];
  let after = 0;
  for (const token of names(sql)) {
    if (token.start < after) continue;
    const name = byKey.get(token.key);
    if (name === undefined) continue;
    let open = token.end;
    while (/\s/.test(sql[open] ?? '')) open += 1;
    if (sql[open] !== '(') continue;
    const parsed = argumentsAt(sql, open);
    if (parsed === undefined) continue;
    calls.push({ name, start: token.start, end: parsed.end, args: parsed.args });
    after = parsed.end;
  }
  return calls;
}

/** The comma-separated arguments of the parenthesis at `open`, and the index after its match. */
function argumentsAt(sql: string, open: number): { args: string[]; end: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  let index = open;
  while (index < sql.length) {
    const skipped = skipQuoted(sql, index);
    if (skipped >= 0) {
      index = skipped;
      continue;
    }
    const char = sql[index]!;
    if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) {
        const last = sql.slice(start, index).trim();
        if (last !== '' || args.length > 0) args.push(last);
        return { args, end: index + 1 };
      }
    } else if (char === ',' && depth === 1) {
      args.push(sql.slice(start, index).trim());
      start = index + 1;
    }
    index += 1;
  }
  return undefined;
}

/**
 * The text with every occurrence of the (dotted) table name `from` replaced by `to`, including
 * where it qualifies a column (`from.col`).
 */
export function replaceIdentifier(sql: string, from: string, to: string): string {
  const wanted = from.replaceAll('"', '').toLowerCase().split('.');
  let result = '';
  let at = 0;
  for (const token of names(sql)) {
    if (token.parts.length < wanted.length || wanted.some((key, index) => token.parts[index]!.key !== key)) continue;
    result += sql.slice(at, token.start) + to;
    at = token.parts[wanted.length - 1]!.end;
  }
  return result + sql.slice(at);
}

/**
 * What a Python script does with SQL and data, found from its tokens (no Python needed):
 * SQL strings it runs or holds, whether they are built at run time, and what a pandas script
 * reads and writes. A heuristic, not an interpreter: it reports what the text shows.
 */

export interface EmbeddedSql {
  /** The SQL; for a string built at run time, its literal parts with `{…}` where values go. */
  readonly text: string;
  /** 1-based line of the string in the file. */
  readonly line: number;
  /** The function it is passed to, e.g. `cursor.execute`, `pd.read_sql`; absent for a variable. */
  readonly call?: string;
  /** f-string, `+` concatenation, `%` or `.format()`: the text is not the whole statement. */
  readonly dynamic: boolean;
}

export interface PythonScan {
  readonly usesPandas: boolean;
  readonly sql: readonly EmbeddedSql[];
  /** Tables written with DataFrame.to_sql (schema.name when a schema is given). */
  readonly writesTables: readonly string[];
  /** Tables read with read_sql_table. */
  readonly readsTables: readonly string[];
  readonly readsFiles: readonly string[];
  readonly writesFiles: readonly string[];
}

/** Calls whose string argument is SQL. */
const SQL_CALLS: ReadonlySet<string> = new Set([
  'execute', 'executemany', 'executescript', 'exec_driver_sql', 'read_sql', 'read_sql_query', 'sql', 'text', 'query',
  'run_query', 'fetch_df', 'fetchall_sql',
]);
const FILE_READERS: ReadonlySet<string> = new Set(['read_csv', 'read_parquet', 'read_excel', 'read_json', 'read_feather', 'read_pickle', 'read_table', 'read_orc', 'read_fwf']);
const FILE_WRITERS: ReadonlySet<string> = new Set(['to_csv', 'to_parquet', 'to_excel', 'to_json', 'to_feather', 'to_pickle', 'to_orc']);

const SQL_START = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(SELECT|WITH|INSERT|UPDATE|DELETE|MERGE|CREATE|ALTER|DROP|TRUNCATE|EXEC|EXECUTE|DECLARE|BEGIN|USE|SET)\b/i;
const SQL_SECOND = /\b(FROM|INTO|SET|TABLE|VIEW|PROCEDURE|PROC|VALUES|WHERE|JOIN|AS|BY|NOCOUNT)\b/i;

/** Text that reads as a SQL statement, not as prose that happens to start with "select". */
export function looksLikeSql(text: string): boolean {
  const start = SQL_START.exec(text);
  if (start === null) return false;
  const rest = text.slice(start.index + start[0].length);
  // "Select the rows from ..." is prose; "SELECT a, b FROM t" is not.
  return SQL_SECOND.test(rest) && !/^\s*(the|rows?|which|what|your|our|this|these|those|from)\s/i.test(rest);
}

type PyToken =
  | { readonly kind: 'string'; readonly value: string; readonly fstring: boolean; readonly placeholders: boolean; readonly line: number }
  | { readonly kind: 'name'; readonly value: string; readonly line: number }
  | { readonly kind: 'op'; readonly value: string; readonly line: number }
  | { readonly kind: 'newline'; readonly line: number };

export function scanPython(source: string, lineOffset = 0): PythonScan {
  const tokens = tokenizePython(source, lineOffset);
  const usesPandas = /^\s*(import\s+pandas\b|from\s+pandas\b)/m.test(source);
  const sql: EmbeddedSql[] = [];
  const used = new Set<number>();
  const writesTables: string[] = [];
  const readsTables: string[] = [];
  const readsFiles: string[] = [];
  const writesFiles: string[] = [];

  // Calls: callee name before "(", arguments split on top-level commas.
  for (let index = 0; index < tokens.length; index += 1) {
    const open = tokens[index];
    if (open?.kind !== 'op' || open.value !== '(') continue;
    const callee = calleeBefore(tokens, index);
    if (callee === undefined) continue;
    const method = callee.split('.').pop()!;
    const args = callArguments(tokens, index);
    const positional = args.filter((arg) => arg.keyword === undefined);
    const keyword = (name: string) => args.find((arg) => arg.keyword === name);

    if (SQL_CALLS.has(method)) {
      const first = positional[0] ?? keyword('sql') ?? keyword('query');
      const value = first === undefined ? undefined : stringValue(tokens, first);
      if (value !== undefined && (method !== 'text' || looksLikeSql(value.text)) && !first!.tokens.some((at) => used.has(at))) {
        first!.tokens.forEach((at) => used.add(at));
        sql.push({ text: value.text, line: value.line, call: callee, dynamic: value.dynamic });
      }
    } else if (method === 'read_sql_table') {
      const table = positional[0] === undefined ? undefined : stringValue(tokens, positional[0]);
      const schema = keyword('schema') === undefined ? undefined : stringValue(tokens, keyword('schema')!);
      if (table !== undefined) readsTables.push(schema === undefined ? table.text : `${schema.text}.${table.text}`);
    } else if (method === 'to_sql') {
      const table = (positional[0] ?? keyword('name')) === undefined ? undefined : stringValue(tokens, (positional[0] ?? keyword('name'))!);
      const schema = keyword('schema') === undefined ? undefined : stringValue(tokens, keyword('schema')!);
      if (table !== undefined) writesTables.push(schema === undefined ? table.text : `${schema.text}.${table.text}`);
    } else if (FILE_READERS.has(method) || FILE_WRITERS.has(method)) {
      const target = positional[0] ?? keyword('path_or_buf') ?? keyword('path') ?? keyword('filepath_or_buffer') ?? keyword('excel_writer');
      const value = target === undefined ? undefined : pathValue(tokens, target);
      if (value !== undefined) (FILE_READERS.has(method) ? readsFiles : writesFiles).push(value);
    }
  }

  // Strings held in variables (`QUERY = """SELECT ..."""`) that clearly are SQL.
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token?.kind !== 'op' || token.value !== '=' || tokens[index - 1]?.kind !== 'name') continue;
    const range = unwrapParentheses(tokens, expressionAfter(tokens, index + 1));
    if (range.length === 0 || range.some((at) => used.has(at)) || tokens[range[0]!]?.kind !== 'string') continue;
    const value = stringValue(tokens, { tokens: range });
    if (value === undefined || !looksLikeSql(value.text)) continue;
    range.forEach((at) => used.add(at));
    sql.push({ text: value.text, line: value.line, dynamic: value.dynamic });
  }

  sql.sort((a, b) => a.line - b.line);
  return { usesPandas, sql, writesTables, readsTables, readsFiles, writesFiles };
}

/** `(expr)` spanning the whole range: the expression inside. */
function unwrapParentheses(tokens: readonly PyToken[], range: number[]): number[] {
  const first = tokens[range[0] ?? -1];
  const last = tokens[range[range.length - 1] ?? -1];
  if (first?.kind !== 'op' || first.value !== '(' || last?.kind !== 'op' || last.value !== ')') return range;
  let depth = 0;
  for (const [position, at] of range.entries()) {
    const token = tokens[at]!;
    if (token.kind === 'op' && '([{'.includes(token.value)) depth += 1;
    if (token.kind === 'op' && ')]}'.includes(token.value)) depth -= 1;
    if (depth === 0 && position < range.length - 1) return range;
  }
  return range.slice(1, -1);
}

/**
 * A file path as written: strings as they are, names as `{name}`, `/` (pathlib) kept; a path
 * that is only a variable is not known and gives undefined.
 */
function pathValue(tokens: readonly PyToken[], argument: Pick<Argument, 'tokens'>): string | undefined {
  let text = '';
  let sawString = false;
  let depth = 0;
  for (const at of argument.tokens) {
    const token = tokens[at]!;
    if (token.kind === 'op' && '([{'.includes(token.value)) depth += 1;
    if (token.kind === 'op' && ')]}'.includes(token.value)) depth -= 1;
    if (depth > 0 || token.kind === 'newline') continue;
    if (token.kind === 'string') {
      text += token.value;
      sawString = true;
    } else if (token.kind === 'name') {
      const next = tokens[at + 1];
      if (next?.kind === 'op' && (next.value === '(' || next.value === '.')) continue;
      text += `{${token.value}}`;
    } else if (token.value === '/') {
      text += '/';
    }
  }
  return sawString ? text : undefined;
}

interface Argument {
  readonly keyword?: string;
  /** Indexes of the argument's tokens. */
  readonly tokens: readonly number[];
}

function calleeBefore(tokens: readonly PyToken[], open: number): string | undefined {
  const parts: string[] = [];
  let index = open - 1;
  while (tokens[index]?.kind === 'name') {
    parts.unshift((tokens[index] as { value: string }).value);
    if (tokens[index - 1]?.kind === 'op' && (tokens[index - 1] as { value: string }).value === '.') index -= 2;
    else break;
  }
  if (parts.length === 0) return undefined;
  const keywordsNotCalls = new Set(['if', 'while', 'for', 'in', 'and', 'or', 'not', 'return', 'print', 'def', 'class', 'elif', 'with', 'lambda', 'assert']);
  return keywordsNotCalls.has(parts[0]!) && parts.length === 1 ? undefined : parts.join('.');
}

function callArguments(tokens: readonly PyToken[], open: number): Argument[] {
  const args: Argument[] = [];
  let depth = 0;
  let current: number[] = [];
  const finish = () => {
    if (current.length === 0) return;
    const [first, second] = current;
    const isKeyword =
      first !== undefined && tokens[first]?.kind === 'name' && second !== undefined && tokens[second]?.kind === 'op' && (tokens[second] as { value: string }).value === '=';
    args.push(isKeyword ? { keyword: (tokens[first!] as { value: string }).value, tokens: current.slice(2) } : { tokens: current });
    current = [];
  };
  for (let index = open + 1; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.kind === 'op' && '([{'.includes(token.value)) depth += 1;
    if (token.kind === 'op' && ')]}'.includes(token.value)) {
      if (depth === 0) break;
      depth -= 1;
    }
    if (depth === 0 && token.kind === 'op' && token.value === ',') {
      finish();
      continue;
    }
    if (token.kind !== 'newline') current.push(index);
  }
  finish();
  return args;
}

/** The tokens of the expression that starts at `start` and ends at the end of the line or statement. */
function expressionAfter(tokens: readonly PyToken[], start: number): number[] {
  const range: number[] = [];
  let depth = 0;
  for (let index = start; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.kind === 'newline' && depth === 0) break;
    if (token.kind === 'op' && '([{'.includes(token.value)) depth += 1;
    if (token.kind === 'op' && ')]}'.includes(token.value)) depth -= 1;
    if (depth < 0) break;
    if (token.kind !== 'newline') range.push(index);
  }
  return range;
}

/**
 * The text of an argument made of strings: adjacent literals join; `+`, `%` and `.format`
 * with other values make it dynamic, and the values show as `{…}`.
 */
function stringValue(tokens: readonly PyToken[], argument: Pick<Argument, 'tokens'>): { text: string; line: number; dynamic: boolean } | undefined {
  const strings = argument.tokens.filter((at) => tokens[at]?.kind === 'string');
  if (strings.length === 0) return undefined;
  let text = '';
  let dynamic = false;
  let line = 0;
  for (const [position, at] of argument.tokens.entries()) {
    const token = tokens[at]!;
    if (token.kind === 'string') {
      if (line === 0) line = token.line;
      text += token.value;
      if (token.fstring && token.placeholders) dynamic = true;
    } else if (token.kind === 'op' && (token.value === '+' || token.value === '%')) {
      dynamic = true;
    } else if (token.kind === 'name' || (token.kind === 'op' && token.value === '.')) {
      const previous = tokens[argument.tokens[position - 1] ?? -1];
      if (token.kind === 'name' && token.value === 'format' && previous?.kind === 'op') {
        dynamic = true;
      } else if (token.kind === 'name' && previous?.kind === 'op' && previous.value === '+') {
        text += '{…}';
      } else if (token.kind === 'name' && position === 0) {
        return undefined;
      }
    }
  }
  return { text, line, dynamic };
}

/** Enough of Python's lexical grammar to find strings, names and brackets. */
function tokenizePython(source: string, lineOffset: number): PyToken[] {
  const tokens: PyToken[] = [];
  let index = 0;
  let line = 1 + lineOffset;
  let depth = 0;
  const length = source.length;
  while (index < length) {
    const character = source[index]!;
    if (character === '\n') {
      if (depth === 0) tokens.push({ kind: 'newline', line });
      line += 1;
      index += 1;
      continue;
    }
    if (character === '#') {
      while (index < length && source[index] !== '\n') index += 1;
      continue;
    }
    if (character === '\\' && source[index + 1] === '\n') {
      index += 2;
      line += 1;
      continue;
    }
    const prefix = /^[rRbBuUfF]{0,2}(?='|")/.exec(source.slice(index, index + 3));
    if (prefix !== null) {
      const flags = prefix[0].toLowerCase();
      const start = index + prefix[0].length;
      const quote = source.startsWith('"""', start) ? '"""' : source.startsWith("'''", start) ? "'''" : source[start]!;
      const bodyStart = start + quote.length;
      let end = bodyStart;
      while (end < length && !source.startsWith(quote, end)) {
        if (source[end] === '\\') end += 1;
        else if (quote.length === 1 && source[end] === '\n') break;
        end += 1;
      }
      const raw = source.slice(bodyStart, Math.min(end, length));
      const fstring = flags.includes('f');
      const value = flags.includes('r') ? raw : unescapePython(raw);
      tokens.push({ kind: 'string', value, fstring, placeholders: fstring && /\{(?!\{)/.test(raw), line });
      // An unterminated one-line string ends at the line break, which stays a token of its own.
      const closed = source.startsWith(quote, end);
      const next = closed ? end + quote.length : end;
      for (const char of source.slice(index, next)) if (char === '\n') line += 1;
      index = Math.min(length, next);
      continue;
    }
    if (/[A-Za-z_]/.test(character)) {
      let end = index + 1;
      while (end < length && /\w/.test(source[end]!)) end += 1;
      tokens.push({ kind: 'name', value: source.slice(index, end), line });
      index = end;
      continue;
    }
    if (/\s/.test(character)) {
      index += 1;
      continue;
    }
    if ('([{'.includes(character)) depth += 1;
    if (')]}'.includes(character)) depth = Math.max(0, depth - 1);
    const two = source.slice(index, index + 2);
    const op = ['==', '!=', '<=', '>=', '+=', '-=', '**', '//', '->', ':='].includes(two) ? two : character;
    tokens.push({ kind: 'op', value: op, line });
    index += op.length;
  }
  return tokens;
}

function unescapePython(raw: string): string {
  return raw.replace(/\\(\n|\\|'|"|n|t|r)/g, (_, escaped: string) => {
    switch (escaped) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '\n':
        return '';
      default:
        return escaped;
    }
  });
}

import type { TranslateTarget } from './dialects/dialect.js';
import { needsScripting, type BlockNode, type ScriptNode, type TranslatedObject, type VariableDeclaration } from './script-ir.js';

const INDENT = '  ';
const PADDINGS: string[] = [''];

/** The indentation of `depth` levels (made once per depth). */
function padding(depth: number): string {
  while (PADDINGS.length <= depth) PADDINGS.push(PADDINGS[PADDINGS.length - 1] + INDENT);
  return PADDINGS[depth]!;
}

/**
 * Text for a translated object. Databricks gets SQL scripting (compound statements, IF,
 * WHILE, handlers, CALL, EXECUTE IMMEDIATE) or CREATE PROCEDURE; DuckDB, which has neither,
 * gets the same structure around DuckDB statements, for people to read: `lakeshift rehearse`
 * runs the structure itself. A table function for the rehearsal has no text.
 */
export function renderObject(object: TranslatedObject, target: TranslateTarget): string {
  const out: string[] = [];
  renderInto(object, target, out);
  return out.join('');
}

/**
 * The text of several objects, those with any text separated by a line break: renderObject()
 * of each, joined, with the pieces of all of them joined once.
 */
export function renderObjects(objects: readonly TranslatedObject[], target: TranslateTarget): string {
  const out: string[] = [];
  for (const object of objects) {
    const separator = out.length;
    out.push('\n');
    renderInto(object, target, out);
    // An object without text adds neither text nor a separator.
    if (!hasText(out, separator + 1)) out.length = separator;
  }
  // The first object with text has no separator before it.
  if (out.length > 0) out[0] = '';
  return out.join('');
}

function hasText(pieces: readonly string[], from: number): boolean {
  for (let index = from; index < pieces.length; index++) if (pieces[index] !== '') return true;
  return false;
}

/** Pushes the pieces of an object's text onto `out`, in order. */
function renderInto(object: TranslatedObject, target: TranslateTarget, out: string[]): void {
  // A multi-statement table function is for the rehearsal only: its text is the T-SQL kept as a comment.
  if (object.kind === 'table-function') return;
  // The pieces of the text in order, joined once: nested blocks written into one list rather
  // than each joining its children's text, which copied deep procedures once a level.
  if (object.kind === 'procedure') {
    const parameters = object.parameters.map(
      (parameter) => `${INDENT}${parameter.mode} ${parameter.name} ${parameter.type}${parameter.default === undefined ? '' : ` DEFAULT ${parameter.default}`}`,
    );
    const signature = parameters.length === 0 ? '()' : `(\n${parameters.join(',\n')}\n)`;
    const header =
      target === 'databricks'
        ? `CREATE OR REPLACE PROCEDURE ${object.name}${signature}\nLANGUAGE SQL\nSQL SECURITY INVOKER\nAS `
        : `-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.\n-- PROCEDURE ${object.name}${signature.replace(/\n/g, '\n-- ')}\n`;
    out.push(header);
    block(object.body, 0, out);
    out.push(';\n');
    return;
  }
  if (needsScripting(object.body) || object.declarations.length > 0) {
    block({ kind: 'block', declarations: object.declarations, body: object.body }, 0, out);
    out.push(';\n');
    return;
  }
  object.body.forEach((node, index) => {
    if (index > 0) out.push('\n\n');
    statement(node, 0, out);
  });
  if (object.body.length > 0) out.push('\n');
}

function block(node: BlockNode, depth: number, out: string[]): void {
  const pad = padding(depth + 1);
  const label = node.label === undefined ? '' : `${node.label}: `;
  out.push(`${padding(depth)}${label}BEGIN${node.atomic === true ? ' ATOMIC' : ''}`);
  // Each line of the block on a line of its own (a handler or a statement may be several).
  for (const declaration of node.declarations) out.push(`\n${pad}${declare(declaration)};`);
  if (node.handler !== undefined) {
    const inner = padding(depth + 2);
    out.push(`\n${pad}DECLARE EXIT HANDLER FOR SQLEXCEPTION\n${pad}BEGIN`);
    for (const item of node.handler.diagnostics) out.push(`\n${inner}DECLARE ${item.variable} ${item.item === 'LINE_NUMBER' ? 'BIGINT' : 'STRING'};`);
    if (node.handler.diagnostics.length > 0) {
      // GET DIAGNOSTICS must be the first statement of the handler.
      out.push(`\n${inner}GET DIAGNOSTICS CONDITION 1 ${node.handler.diagnostics.map((item) => `${item.variable} = ${item.item}`).join(', ')};`);
    }
    for (const child of node.handler.body) {
      out.push('\n');
      statement(child, depth + 2, out);
    }
    // An empty handler still has its empty line.
    if (node.handler.diagnostics.length === 0 && node.handler.body.length === 0) out.push('\n');
    out.push(`\n${pad}END;`);
  }
  for (const child of node.body) {
    out.push('\n');
    statement(child, depth + 1, out);
  }
  out.push(`\n${padding(depth)}END${node.label === undefined ? '' : ` ${node.label}`}`);
}

function declare(declaration: VariableDeclaration): string {
  return `DECLARE ${declaration.name} ${declaration.type}${declaration.default === undefined ? '' : ` DEFAULT ${declaration.default}`}`;
}

/** Statements one a line (the lines of each indented for `depth`). */
function statements(nodes: readonly ScriptNode[], depth: number, out: string[]): void {
  nodes.forEach((child, index) => {
    if (index > 0) out.push('\n');
    statement(child, depth, out);
  });
}

/** The body of IF, WHILE and FOR needs at least one statement; an empty compound is one. */
function body(nodes: readonly ScriptNode[], depth: number, out: string[]): void {
  statements(nodes, depth, out);
  if (!nodes.some((child) => child.kind !== 'comment')) out.push(`${nodes.length > 0 ? '\n' : ''}${padding(depth)}BEGIN END;`);
}

function statement(node: ScriptNode, depth: number, out: string[]): void {
  const pad = padding(depth);
  switch (node.kind) {
    case 'sql':
      out.push(`${indent(node.sql, pad)};`);
      return;
    case 'comment':
      node.text.split('\n').forEach((line, index) => {
        // `${pad}-- ${line}` without its trailing blanks, trimmed before it is joined: trimming
        // the joined line would copy it once more.
        const kept = line.trimEnd();
        out.push(`${index === 0 ? '' : '\n'}${pad}--${kept === '' ? '' : ` ${kept}`}`);
      });
      return;
    case 'set':
      out.push(
        node.targets.length === 1
          ? `${pad}SET ${node.targets[0]} = ${node.fromQuery ? `(${inline(node.value)})` : inline(node.value)};`
          : `${pad}SET (${node.targets.join(', ')}) = (${inline(node.value)});`,
      );
      return;
    case 'if':
      node.branches.forEach((branch, index) => {
        out.push(`${index === 0 ? `${pad}IF` : `\n${pad}ELSEIF`} ${inline(branch.condition)} THEN\n`);
        body(branch.body, depth + 1, out);
      });
      if (node.otherwise !== undefined) {
        out.push(`\n${pad}ELSE\n`);
        body(node.otherwise, depth + 1, out);
      }
      out.push(`\n${pad}END IF;`);
      return;
    case 'while':
      out.push(`${pad}${node.label}: WHILE ${inline(node.condition)} DO\n`);
      body(node.body, depth + 1, out);
      out.push(`\n${pad}END WHILE ${node.label};`);
      return;
    case 'leave':
      out.push(`${pad}LEAVE ${node.label};`);
      return;
    case 'iterate':
      out.push(`${pad}ITERATE ${node.label};`);
      return;
    case 'block':
      block(node, depth, out);
      out.push(';');
      return;
    case 'for': {
      out.push(`${pad}${node.label}: FOR ${node.row} AS ${inline(node.query)} DO`);
      for (const assignment of node.assignments) out.push(`\n${padding(depth + 1)}SET ${assignment.variable} = ${node.row}.${assignment.column};`);
      const onlyComments = node.assignments.length > 0 && node.body.every((child) => child.kind === 'comment');
      // The loop body: its statements (the assignments are statements enough), or a body that has one.
      if (!onlyComments || node.body.length > 0) out.push('\n');
      if (onlyComments) statements(node.body, depth + 1, out);
      else body(node.body, depth + 1, out);
      out.push(`\n${pad}END FOR ${node.label};`);
      return;
    }
    case 'call':
      out.push(`${pad}CALL ${node.procedure}(${node.arguments.map((argument) => (argument.name === undefined ? argument.value : `${argument.name} => ${argument.value}`)).join(', ')});`);
      return;
    case 'execute-immediate':
      out.push(`${pad}EXECUTE IMMEDIATE ${inline(node.sql)}${node.into === undefined ? '' : ` INTO ${node.into.join(', ')}`}${node.using.length === 0 ? '' : ` USING ${node.using.map((item) => (item.name === undefined ? item.value : `${item.value} AS ${item.name}`)).join(', ')}`};`);
      return;
    case 'raise':
      if (node.resignal) out.push(`${pad}RESIGNAL;`);
      else if (node.messageIsLiteral) out.push(`${pad}SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = ${node.messageLiteral ?? `'${(node.message ?? '').replaceAll("'", "''")}'`};`);
      else out.push(`${pad}SELECT raise_error(${inline(node.message ?? "'error'")});`);
      return;
    case 'return':
      out.push(`${pad}RETURN;`);
      return;
    default: {
      const unknown: never = node;
      out.push(String(unknown));
    }
  }
}

/** Indents each line of SQL text; a line break inside a string literal is the string's own and gets no padding. */
function indent(text: string, pad: string): string {
  if (pad === '') return text;
  if (!text.includes('\n')) return pad + text;
  let result = pad;
  let from = 0;
  for (const line of codeBreaks(text)) {
    result += `${text.slice(from, line.at + 1)}${pad}`;
    from = line.at + 1;
  }
  return result + text.slice(from);
}

/**
 * SQL text on one line: each line break and the blanks after it become a space, except a break
 * inside a string literal (part of the string) or one that ends a -- comment (the line after it
 * would be commented out).
 */
function inline(text: string): string {
  if (!text.includes('\n')) return text;
  let result = '';
  let from = 0;
  for (const line of codeBreaks(text)) {
    if (line.endsComment) continue;
    let next = line.at + 1;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    result += `${text.slice(from, line.at)} `;
    from = next;
  }
  return result + text.slice(from);
}

/**
 * The line breaks of SQL text between its lines of code: not those inside a string literal or a
 * quoted name ('...' escaping with a backslash or '', "...", `...`). `endsComment`: the break ends a --
 * comment. A break inside a block comment counts as code (it may be indented or joined).
 */
function codeBreaks(text: string): Array<{ readonly at: number; readonly endsComment: boolean }> {
  const breaks: Array<{ at: number; endsComment: boolean }> = [];
  let quote: string | undefined;
  let lineComment = false;
  let blockComment = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote !== undefined) {
      if (char === '\\' && quote === "'") index++;
      else if (char === quote) quote = undefined;
    } else if (lineComment) {
      if (char === '\n') {
        breaks.push({ at: index, endsComment: true });
        lineComment = false;
      }
    } else if (blockComment) {
      if (char === '*' && text[index + 1] === '/') {
        blockComment = false;
        index++;
      } else if (char === '\n') {
        breaks.push({ at: index, endsComment: false });
      }
    } else if (char === "'" || char === '"' || char === '`') {
      quote = char;
    } else if (char === '-' && text[index + 1] === '-') {
      lineComment = true;
      index++;
    } else if (char === '/' && text[index + 1] === '*') {
      blockComment = true;
      index++;
    } else if (char === '\n') {
      breaks.push({ at: index, endsComment: false });
    }
  }
  return breaks;
}

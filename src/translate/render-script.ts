import type { TranslateTarget } from './dialects/dialect.js';
import { needsScripting, type BlockNode, type ScriptNode, type TranslatedObject, type VariableDeclaration } from './script-ir.js';

const INDENT = '  ';

/**
 * Text for a translated object. Databricks gets SQL scripting (compound statements, IF,
 * WHILE, handlers, CALL, EXECUTE IMMEDIATE) or CREATE PROCEDURE; DuckDB, which has neither,
 * gets the same structure around DuckDB statements, for people to read: `lakeshift rehearse`
 * runs the structure itself. A table function for the rehearsal has no text.
 */
export function renderObject(object: TranslatedObject, target: TranslateTarget): string {
  // A multi-statement table function is for the rehearsal only: its text is the T-SQL kept as a comment.
  if (object.kind === 'table-function') return '';
  if (object.kind === 'procedure') {
    const parameters = object.parameters.map(
      (parameter) => `${INDENT}${parameter.mode} ${parameter.name} ${parameter.type}${parameter.default === undefined ? '' : ` DEFAULT ${parameter.default}`}`,
    );
    const signature = parameters.length === 0 ? '()' : `(\n${parameters.join(',\n')}\n)`;
    const header =
      target === 'databricks'
        ? `CREATE OR REPLACE PROCEDURE ${object.name}${signature}\nLANGUAGE SQL\nSQL SECURITY INVOKER\nAS `
        : `-- DuckDB has no procedures: lakeshift rehearse runs this body with the parameters below as variables.\n-- PROCEDURE ${object.name}${signature.replace(/\n/g, '\n-- ')}\n`;
    return `${header}${block(object.body, 0)};\n`;
  }
  if (needsScripting(object.body) || object.declarations.length > 0) {
    return `${block({ kind: 'block', declarations: object.declarations, body: object.body }, 0)};\n`;
  }
  return object.body.map((node) => statement(node, 0)).join('\n\n') + (object.body.length > 0 ? '\n' : '');
}

function block(node: BlockNode, depth: number): string {
  const pad = INDENT.repeat(depth + 1);
  const lines: string[] = [];
  for (const declaration of node.declarations) lines.push(`${pad}${declare(declaration)};`);
  if (node.handler !== undefined) {
    const handlerLines: string[] = [];
    const inner = INDENT.repeat(depth + 2);
    for (const item of node.handler.diagnostics) handlerLines.push(`${inner}DECLARE ${item.variable} ${item.item === 'LINE_NUMBER' ? 'BIGINT' : 'STRING'};`);
    if (node.handler.diagnostics.length > 0) {
      // GET DIAGNOSTICS must be the first statement of the handler.
      handlerLines.push(`${inner}GET DIAGNOSTICS CONDITION 1 ${node.handler.diagnostics.map((item) => `${item.variable} = ${item.item}`).join(', ')};`);
    }
    for (const child of node.handler.body) handlerLines.push(statement(child, depth + 2));
    lines.push(`${pad}DECLARE EXIT HANDLER FOR SQLEXCEPTION\n${pad}BEGIN\n${handlerLines.join('\n')}\n${pad}END;`);
  }
  for (const child of node.body) lines.push(statement(child, depth + 1));
  const label = node.label === undefined ? '' : `${node.label}: `;
  const open = `${INDENT.repeat(depth)}${label}BEGIN${node.atomic === true ? ' ATOMIC' : ''}`;
  const close = `${INDENT.repeat(depth)}END${node.label === undefined ? '' : ` ${node.label}`}`;
  return lines.length === 0 ? `${open}\n${close}` : `${open}\n${lines.join('\n')}\n${close}`;
}

function declare(declaration: VariableDeclaration): string {
  return `DECLARE ${declaration.name} ${declaration.type}${declaration.default === undefined ? '' : ` DEFAULT ${declaration.default}`}`;
}

function statement(node: ScriptNode, depth: number): string {
  const pad = INDENT.repeat(depth);
  // The body of IF, WHILE and FOR needs at least one statement; an empty compound is one.
  const body = (nodes: readonly ScriptNode[]) =>
    [...nodes.map((child) => statement(child, depth + 1)), ...(nodes.some((child) => child.kind !== 'comment') ? [] : [`${INDENT.repeat(depth + 1)}BEGIN END;`])].join('\n');
  switch (node.kind) {
    case 'sql':
      return `${indent(node.sql, pad)};`;
    case 'comment':
      return node.text
        .split('\n')
        .map((line) => `${pad}-- ${line}`.trimEnd())
        .join('\n');
    case 'set':
      return node.targets.length === 1
        ? `${pad}SET ${node.targets[0]} = ${node.fromQuery ? `(${inline(node.value)})` : inline(node.value)};`
        : `${pad}SET (${node.targets.join(', ')}) = (${inline(node.value)});`;
    case 'if': {
      const parts = node.branches.map((branch, index) => `${index === 0 ? `${pad}IF` : `${pad}ELSEIF`} ${inline(branch.condition)} THEN\n${body(branch.body)}`);
      if (node.otherwise !== undefined) parts.push(`${pad}ELSE\n${body(node.otherwise)}`);
      return `${parts.join('\n')}\n${pad}END IF;`;
    }
    case 'while':
      return `${pad}${node.label}: WHILE ${inline(node.condition)} DO\n${body(node.body)}\n${pad}END WHILE ${node.label};`;
    case 'leave':
      return `${pad}LEAVE ${node.label};`;
    case 'iterate':
      return `${pad}ITERATE ${node.label};`;
    case 'block':
      return `${block(node, depth)};`;
    case 'for': {
      const assignments = node.assignments.map((assignment) => `${INDENT.repeat(depth + 1)}SET ${assignment.variable} = ${node.row}.${assignment.column};`);
      const loopBody = node.assignments.length > 0 && node.body.every((child) => child.kind === 'comment') ? node.body.map((child) => statement(child, depth + 1)) : [body(node.body)];
      return `${pad}${node.label}: FOR ${node.row} AS ${inline(node.query)} DO\n${[...assignments, ...loopBody].join('\n')}\n${pad}END FOR ${node.label};`;
    }
    case 'call':
      return `${pad}CALL ${node.procedure}(${node.arguments.map((argument) => (argument.name === undefined ? argument.value : `${argument.name} => ${argument.value}`)).join(', ')});`;
    case 'execute-immediate':
      return `${pad}EXECUTE IMMEDIATE ${inline(node.sql)}${node.using.length === 0 ? '' : ` USING ${node.using.map((item) => (item.name === undefined ? item.value : `${item.value} AS ${item.name}`)).join(', ')}`};`;
    case 'raise':
      if (node.resignal) return `${pad}RESIGNAL;`;
      return node.messageIsLiteral
        ? `${pad}SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${(node.message ?? '').replaceAll("'", "''")}';`
        : `${pad}SELECT raise_error(${inline(node.message ?? "'error'")});`;
    case 'return':
      return `${pad}RETURN;`;
    default: {
      const unknown: never = node;
      return String(unknown);
    }
  }
}

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((line) => `${pad}${line}`)
    .join('\n');
}

function inline(text: string): string {
  return text.replace(/\n\s*/g, ' ');
}

import { walkAst, type DropStatement, type Expression, type IfStatement, type ObjectName, type Statement } from '../../tsql/index.js';
import type { ScriptStatement, StatementRewrite } from './rewritten-statements.js';
import { rewriteEach } from './statement-lists.js';

/**
 * `IF OBJECT_ID('tempdb..#t') IS NOT NULL DROP TABLE #t`, and the SSMS form
 * `IF EXISTS (SELECT * FROM sys.objects WHERE ... 'dbo.t' ...) DROP TABLE dbo.t`: T-SQL before
 * 2016 had no DROP ... IF EXISTS, so scripts test the catalog first. Both targets have
 * DROP ... IF EXISTS, which says the same without reading a catalog that does not exist there.
 */
export const dropIfExists: StatementRewrite = {
  name: 'drop-if-exists',
  purpose: 'existence tests against OBJECT_ID() or the sys catalog before a DROP become DROP ... IF EXISTS',
  apply: (statements) => rewriteEach(statements, rewrite),
};

function rewrite(statement: ScriptStatement): DropStatement | undefined {
  if (statement.kind !== 'if' || statement.else !== undefined) return undefined;
  const drop = onlyDrop(statement.then);
  if (drop === undefined || drop.names.length === 0) return undefined;
  if (!drop.names.every((name) => testsExistence(statement.condition, name))) return undefined;
  return { ...drop, ifExists: true, start: statement.start, end: statement.end };
}

function onlyDrop(statement: Statement): DropStatement | undefined {
  if (statement.kind === 'drop') return statement;
  if (statement.kind === 'block' && statement.statements.length === 1) return onlyDrop(statement.statements[0]!);
  return undefined;
}

/** The object part of a name written in a string: 'tempdb..#t' -> '#t', '[dbo].[t]' -> 't'. */
function objectPart(text: string): string {
  const parts = text.replace(/%+$/, '').split('.').map((part) => part.trim().replace(/^\[(.*)\]$/, '$1').replace(/^"(.*)"$/, '$1'));
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

function testsExistence(condition: Expression, name: ObjectName): boolean {
  const object = (name.parts[name.parts.length - 1] ?? '').toLowerCase();
  // OBJECT_ID('x' [, 'U']) IS NOT NULL
  if (condition.kind === 'is-null' && condition.not && isObjectIdOf(condition.expression, object)) return true;
  // EXISTS (SELECT ... FROM sys.objects / INFORMATION_SCHEMA.TABLES / tempdb..sysobjects ... 'x' ...)
  if (condition.kind === 'exists') {
    let catalog = false;
    let mentions = false;
    walkAst(condition.query, (node) => {
      if (node.kind === 'table-ref') {
        const parts = node.name.parts.map((part) => part.toLowerCase());
        const schema = parts[parts.length - 2] ?? '';
        if (schema === 'sys' || schema === 'information_schema' || parts[parts.length - 1]!.startsWith('sys')) catalog = true;
      }
      if (node.kind === 'literal' && (node.type === 'string' || node.type === 'unicode-string') && objectPart(node.value) === object) mentions = true;
      if (node.kind === 'function-call' && isObjectIdOf(node, object)) mentions = true;
    });
    return catalog && mentions;
  }
  return false;
}

function isObjectIdOf(node: Expression, object: string): boolean {
  if (node.kind !== 'function-call' || node.name.parts.length !== 1 || node.name.parts[0]!.toUpperCase() !== 'OBJECT_ID') return false;
  const first = node.args[0];
  return first?.kind === 'literal' && (first.type === 'string' || first.type === 'unicode-string') && objectPart(first.value) === object;
}

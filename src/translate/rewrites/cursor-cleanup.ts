import type { CursorStatement, Expression } from '../../tsql/index.js';
import type { ScriptStatement, StatementRewrite } from './rewritten-statements.js';
import { rewriteEach, statementsOf } from './statement-lists.js';

/**
 * `IF CURSOR_STATUS('local', 'c') >= -1 DEALLOCATE c` (and the same around CLOSE): error-path
 * cleanup that closes a cursor only if it is still open. CURSOR_STATUS has no meaning once the
 * cursor is a FOR loop, which closes itself, so the guard goes and the CLOSE or DEALLOCATE is
 * left to the statement writer: dropped for a cursor that became a FOR loop, kept otherwise.
 */
export const cursorCleanup: StatementRewrite = {
  name: 'cursor-cleanup',
  purpose: 'CURSOR_STATUS guards around CLOSE and DEALLOCATE become the CLOSE and DEALLOCATE alone',
  apply: (statements) => rewriteEach(statements, guardedCleanup),
};

function guardedCleanup(statement: ScriptStatement): readonly CursorStatement[] | undefined {
  if (statement.kind !== 'if' || statement.else !== undefined) return undefined;
  const inner = statementsOf(statement.then);
  if (inner.length === 0 || !inner.every((item): item is CursorStatement => item.kind === 'cursor-statement' && item.action !== 'OPEN')) return undefined;
  const cursors = new Set(inner.map((item) => item.cursor.toLowerCase()));
  return testsCursorStatus(statement.condition, cursors) ? inner : undefined;
}

/** CURSOR_STATUS('local' | 'global' | 'variable', 'c') compared with a number, or AND / OR of such. */
function testsCursorStatus(condition: Expression, cursors: ReadonlySet<string>): boolean {
  if (condition.kind !== 'binary') return false;
  if (condition.operator === 'AND' || condition.operator === 'OR') return testsCursorStatus(condition.left, cursors) && testsCursorStatus(condition.right, cursors);
  const isStatus = (node: Expression) =>
    node.kind === 'function-call' &&
    node.name.parts.length === 1 &&
    node.name.parts[0]!.toUpperCase() === 'CURSOR_STATUS' &&
    node.args[1]?.kind === 'literal' &&
    cursors.has(node.args[1].value.toLowerCase());
  const isNumber = (node: Expression): boolean => (node.kind === 'literal' && node.type === 'integer') || (node.kind === 'unary' && node.operator === '-' && isNumber(node.operand));
  return (isStatus(condition.left) && isNumber(condition.right)) || (isNumber(condition.left) && isStatus(condition.right));
}


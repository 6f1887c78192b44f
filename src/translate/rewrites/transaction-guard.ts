import type { Expression, IfStatement, Statement, TransactionStatement } from '../../tsql/index.js';
import type { ScriptStatement, StatementRewrite } from './rewritten-statements.js';
import { rewriteEach } from './statement-lists.js';

/**
 * `IF @@TRANCOUNT > 0 ROLLBACK`, `IF XACT_STATE() <> 0 ROLLBACK`, `IF @@TRANCOUNT > 0 COMMIT`:
 * transaction bookkeeping guarded by a test of the open transaction. Databricks has no open
 * transaction to test (each statement commits, or a BEGIN ATOMIC block commits as a whole), so
 * the guard and its statement become the transaction statement alone, spanning the whole IF:
 * it is then reported and kept as a comment like any transaction statement.
 */
export const transactionGuard: StatementRewrite = {
  name: 'transaction-guard',
  purpose: 'IF @@TRANCOUNT / XACT_STATE() guards around COMMIT and ROLLBACK test state Databricks does not have',
  apply: (statements) => rewriteEach(statements, guarded),
};

function guarded(statement: ScriptStatement): TransactionStatement | undefined {
  if (statement.kind !== 'if' || statement.else !== undefined || !testsTransactionState(statement.condition)) return undefined;
  const inner = onlyTransaction(statement.then);
  return inner === undefined ? undefined : { ...inner, start: statement.start, end: statement.end };
}

function onlyTransaction(statement: Statement): TransactionStatement | undefined {
  if (statement.kind === 'transaction') return statement;
  if (statement.kind === 'block' && statement.statements.length === 1) return onlyTransaction(statement.statements[0]!);
  return undefined;
}

/** A comparison of @@TRANCOUNT or XACT_STATE() with a number (possibly negative), or AND/OR of such. */
function testsTransactionState(condition: Expression): boolean {
  if (condition.kind !== 'binary') return false;
  if (condition.operator === 'AND' || condition.operator === 'OR') return testsTransactionState(condition.left) && testsTransactionState(condition.right);
  const isState = (node: Expression) =>
    (node.kind === 'system-variable' && node.name.toUpperCase() === '@@TRANCOUNT') ||
    (node.kind === 'function-call' && node.name.parts.length === 1 && node.name.parts[0]!.toUpperCase() === 'XACT_STATE');
  const isNumber = (node: Expression): boolean => (node.kind === 'literal' && node.type === 'integer') || (node.kind === 'unary' && node.operator === '-' && isNumber(node.operand));
  return (isState(condition.left) && isNumber(condition.right)) || (isNumber(condition.left) && isState(condition.right));
}

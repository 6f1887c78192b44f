import type { Expression, IfStatement } from '../../tsql/index.js';
import type { DeadErrorCheckStatement, ScriptStatement, StatementRewrite } from './rewritten-statements.js';
import { rewriteEach, statementsOf } from './statement-lists.js';

/**
 * `IF @@ERROR <> 0 GOTO handler` (or ROLLBACK ... RETURN): error handling from before
 * TRY/CATCH, testing the previous statement's error number. In Databricks a failing statement
 * raises an error that stops the script or reaches a handler, so the next statement never runs
 * after an error: the test is always false and its branch dead (and `IF @@ERROR = 0` always
 * true). The dead branch is kept as a comment with a warning to move the handling into
 * TRY/CATCH; a GOTO inside it no longer needs its label.
 */
export const errorCheck: StatementRewrite = {
  name: 'error-check',
  purpose: '@@ERROR tests after statements are dead code in Databricks, where failing statements raise errors',
  apply: (statements) =>
    rewriteEach(statements, (statement): ScriptStatement | readonly ScriptStatement[] | undefined => {
      if (statement.kind !== 'if') return undefined;
      const test = errorTest(statement.condition);
      if (test === 'failed' && statement.else === undefined) return dead(statement);
      if (test === 'succeeded') return [dead(statement), ...statementsOf(statement.then)];
      return undefined;
    }),
};

function dead(statement: IfStatement): DeadErrorCheckStatement {
  return { kind: 'dead-error-check', start: statement.start, end: statement.end, statement };
}

/** Whether a condition tests @@ERROR for an error (`<> 0`, `!= 0`, `> 0`) or for none (`= 0`). */
export function errorTest(condition: Expression): 'failed' | 'succeeded' | undefined {
  if (condition.kind !== 'binary') return undefined;
  const isError = (node: Expression) => node.kind === 'system-variable' && node.name.toUpperCase() === '@@ERROR';
  const isZero = (node: Expression) => node.kind === 'literal' && node.type === 'integer' && Number(node.value) === 0;
  let operator = condition.operator;
  if (isZero(condition.left) && isError(condition.right)) operator = ({ '<': '>', '>': '<' } as Record<string, typeof operator>)[operator] ?? operator;
  else if (!(isError(condition.left) && isZero(condition.right))) return undefined;
  if (operator === '<>' || operator === '!=' || operator === '>') return 'failed';
  if (operator === '=') return 'succeeded';
  return undefined;
}

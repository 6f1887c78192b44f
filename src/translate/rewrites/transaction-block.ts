import type { ScriptStatement, StatementRewrite } from './rewritten-statements.js';
import { walkStatements } from './statement-lists.js';

/**
 * BEGIN TRANSACTION; ...; COMMIT in one statement list, with no other transaction statement
 * between them: the statements between must succeed or fail together. Databricks says that
 * with a BEGIN ATOMIC ... END compound (Databricks SQL, Runtime 18.0 and above), which commits
 * when it completes and rolls back when a statement fails; whether the statements inside can
 * run in one is decided when the block is generated.
 */
export const transactionBlock: StatementRewrite = {
  name: 'transaction-block',
  purpose: 'BEGIN TRANSACTION ... COMMIT in one block becomes a BEGIN ATOMIC block',
  apply: (statements) => {
    if (!statements.some((statement) => statement.kind === 'transaction' && statement.action === 'BEGIN')) return statements;
    const result: ScriptStatement[] = [];
    for (let index = 0; index < statements.length; index++) {
      const begin = statements[index]!;
      if (begin.kind === 'transaction' && begin.action === 'BEGIN') {
        const end = statements.findIndex((statement, position) => position > index && statement.kind === 'transaction');
        const commit = statements[end];
        if (commit?.kind === 'transaction' && commit.action === 'COMMIT') {
          const inner = statements.slice(index + 1, end);
          if (!inner.some(containsTransaction)) {
            result.push({ kind: 'atomic-block', start: begin.start, end: commit.end, begin, commit, statements: inner });
            index = end;
            continue;
          }
        }
      }
      result.push(begin);
    }
    return result;
  },
};

function containsTransaction(statement: ScriptStatement): boolean {
  let found = false;
  // Transaction statements are statements, and statements only hold statements directly.
  walkStatements([statement], (node) => {
    // The ROLLBACK of a dead @@ERROR check, or of code no GOTO reaches, never runs.
    if (node.kind === 'dead-error-check' || node.kind === 'unreachable') return false;
    if (node.kind === 'transaction') found = true;
    return !found;
  });
  return found;
}

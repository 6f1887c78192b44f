import type { BlockStatement, Statement } from '../../tsql/index.js';
import type { ScriptStatement } from './rewritten-statements.js';

type ListRewrite = (statements: readonly ScriptStatement[]) => readonly ScriptStatement[];

/**
 * A copy of `statement` with `rewrite` applied to each statement list directly inside it: the
 * statements of BEGIN ... END, TRY and CATCH, the branches of IF and the body of WHILE (a single
 * statement there counts as a list of one).
 */
export function rewriteNestedLists(statement: ScriptStatement, rewrite: ListRewrite): ScriptStatement {
  const single = (child: Statement): Statement => {
    if (child.kind === 'block') return { ...child, statements: rewrite(child.statements) as Statement[] };
    const result = rewrite([child]);
    if (result.length === 1 && result[0] === child) return child;
    const block: BlockStatement = { kind: 'block', statements: result as Statement[], span: child.span };
    return block;
  };
  switch (statement.kind) {
    case 'block':
      return { ...statement, statements: rewrite(statement.statements) as Statement[] };
    case 'try-catch':
      return { ...statement, try: rewrite(statement.try) as Statement[], catch: rewrite(statement.catch) as Statement[] };
    case 'if':
      return { ...statement, then: single(statement.then), ...(statement.else === undefined ? {} : { else: single(statement.else) }) };
    case 'while':
      return { ...statement, body: single(statement.body) };
    case 'cursor-loop':
      return { ...statement, body: rewrite(statement.body) };
    case 'atomic-block':
      return { ...statement, statements: rewrite(statement.statements) };
    default:
      return statement;
  }
}

/** The statements of a loop body or branch: a BEGIN ... END gives its statements. */
export function statementsOf(statement: Statement): readonly Statement[] {
  return statement.kind === 'block' ? statement.statements : [statement];
}

import { isStatement, type AstNode, type BlockStatement, type Statement } from '../../tsql/index.js';
import { isRewritten, type ScriptStatement } from './rewritten-statements.js';

type ListRewrite = (statements: readonly ScriptStatement[]) => readonly ScriptStatement[];

/** The statements rewriteNestedLists() looks into. */
const HOLDS_LISTS: ReadonlySet<string> = new Set(['block', 'try-catch', 'if', 'while', 'cursor-loop', 'atomic-block']);

/**
 * `statement` with `rewrite` applied to each statement list directly inside it: the statements
 * of BEGIN ... END, TRY and CATCH, the branches of IF and the body of WHILE (a single statement
 * there counts as a list of one). A copy where a list changed; the statement itself where
 * `rewrite` gave back every list as it was (most of a long procedure, for each cursor loop
 * looked for).
 */
export function rewriteNestedLists(statement: ScriptStatement, rewrite: ListRewrite): ScriptStatement {
  const single = (child: Statement): Statement => {
    if (child.kind === 'block') {
      const statements = rewrite(child.statements) as Statement[];
      return statements === child.statements ? child : { ...child, statements };
    }
    const result = rewrite([child]);
    // A branch or body that holds lists of its own (an ELSE IF, a nested WHILE) goes inside a
    // block even when nothing in it changed, as when every statement here came back a copy:
    // the translation keeps showing that block (ELSE, then IF; not ELSEIF).
    if (result.length === 1 && result[0] === child && !HOLDS_LISTS.has(child.kind)) return child;
    const block: BlockStatement = { kind: 'block', statements: result as Statement[], start: child.start, end: child.end };
    return block;
  };
  switch (statement.kind) {
    case 'block': {
      const statements = rewrite(statement.statements) as Statement[];
      return statements === statement.statements ? statement : { ...statement, statements };
    }
    case 'try-catch': {
      const tried = rewrite(statement.try) as Statement[];
      const caught = rewrite(statement.catch) as Statement[];
      return tried === statement.try && caught === statement.catch ? statement : { ...statement, try: tried, catch: caught };
    }
    case 'if': {
      const then = single(statement.then);
      const otherwise = statement.else === undefined ? undefined : single(statement.else);
      if (then === statement.then && otherwise === statement.else) return statement;
      return { ...statement, then, ...(otherwise === undefined ? {} : { else: otherwise }) };
    }
    case 'while': {
      const body = single(statement.body);
      return body === statement.body ? statement : { ...statement, body };
    }
    case 'cursor-loop': {
      const body = rewrite(statement.body);
      return body === statement.body ? statement : { ...statement, body };
    }
    case 'atomic-block': {
      const statements = rewrite(statement.statements);
      return statements === statement.statements ? statement : { ...statement, statements };
    }
    default:
      return statement;
  }
}

/** The statements of a loop body or branch: a BEGIN ... END gives its statements. */
export function statementsOf(statement: Statement): readonly Statement[] {
  return statement.kind === 'block' ? statement.statements : [statement];
}

/**
 * `statements` with each statement that `rewrite` rewrites replaced by what it gives (one
 * statement or several); the list itself when it rewrites none. Most lists a procedure holds
 * have nothing to rewrite, and each rewrite runs on every one of them.
 */
export function rewriteEach(
  statements: readonly ScriptStatement[],
  rewrite: (statement: ScriptStatement) => ScriptStatement | readonly ScriptStatement[] | undefined,
): readonly ScriptStatement[] {
  let result: ScriptStatement[] | undefined;
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index]!;
    const replacement = rewrite(statement);
    if (replacement === undefined) {
      result?.push(statement);
      continue;
    }
    result ??= statements.slice(0, index);
    if (Array.isArray(replacement)) result.push(...(replacement as readonly ScriptStatement[]));
    else result.push(replacement as ScriptStatement);
  }
  return result ?? statements;
}

function isScriptStatement(value: unknown): value is ScriptStatement {
  if (typeof value !== 'object' || value === null || typeof (value as { kind?: unknown }).kind !== 'string') return false;
  return isStatement(value as AstNode) || isRewritten(value as ScriptStatement);
}

/**
 * Visits `roots` and the statements nested in them, depth-first in source order, as walkAst
 * would with an `enter` that skips every node that is not a statement: a statement holds the
 * statements nested in it directly (a body, a branch, the loop of a rewrite), never below an
 * expression or a query, so those are not looked into. Returning false from `enter` skips a
 * statement's nested statements.
 */
export function walkStatements(roots: readonly ScriptStatement[], enter: (statement: ScriptStatement) => boolean | void): void {
  const stack: ScriptStatement[] = [];
  for (let index = roots.length - 1; index >= 0; index--) stack.push(roots[index]!);
  while (stack.length > 0) {
    const statement = stack.pop()!;
    if (enter(statement) === false) continue;
    const first = stack.length;
    for (const key in statement) {
      if (key === 'kind' || key === 'start' || key === 'end') continue;
      const value = (statement as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isScriptStatement(item)) stack.push(item);
      } else if (isScriptStatement(value)) {
        stack.push(value);
      }
    }
    // Children were pushed in source order; the first must come off the stack first.
    for (let low = first, high = stack.length - 1; low < high; low++, high--) {
      const swap = stack[low]!;
      stack[low] = stack[high]!;
      stack[high] = swap;
    }
  }
}


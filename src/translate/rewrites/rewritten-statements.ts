import type {
  DeclareCursorStatement,
  FetchStatement,
  IfStatement,
  Query,
  Span,
  Statement,
  TransactionStatement,
  VariableRef,
} from '../../tsql/index.js';

/**
 * Statement shapes that only the statement rewrites produce: a T-SQL pattern of several
 * statements recognised as one construct of the target. They are readonly nodes tagged by
 * `kind` and spanning their source like the T-SQL syntax tree, and they keep the original statements they stand for, so
 * that nothing is lost and statement counts stay right.
 */
export type RewrittenStatement = CursorLoopStatement | UnconvertedCursorStatement | AtomicBlockStatement | DeadErrorCheckStatement | UnreachableStatement;

/** A statement list after the rewrites: T-SQL statements and rewritten ones. */
export type ScriptStatement = Statement | RewrittenStatement;

/**
 * DECLARE c CURSOR FOR query; OPEN c; FETCH c INTO @a, @b; WHILE @@FETCH_STATUS = 0 BEGIN ...
 * FETCH c INTO @a, @b END; CLOSE c; DEALLOCATE c: a loop over the rows of the query.
 */
export interface CursorLoopStatement extends Span {
  readonly kind: 'cursor-loop';
  readonly cursor: string;
  readonly declaration: DeclareCursorStatement;
  readonly query: Query;
  /** The variables each row is fetched into, in the order of the query's columns. */
  readonly variables: readonly VariableRef[];
  /** The loop body without its FETCH statements. */
  readonly body: readonly ScriptStatement[];
  /** OPEN, FETCH, CLOSE and DEALLOCATE statements the loop stands for. */
  readonly absorbed: readonly (Statement | FetchStatement)[];
}

/** A cursor whose use does not fit the FOR loop pattern, and why. */
export interface UnconvertedCursorStatement extends Span {
  readonly kind: 'unconverted-cursor';
  readonly declaration: DeclareCursorStatement;
  readonly reason: string;
}

/**
 * BEGIN TRANSACTION; statements; COMMIT in one statement list: the statements that must succeed
 * or fail together.
 */
export interface AtomicBlockStatement extends Span {
  readonly kind: 'atomic-block';
  readonly begin: TransactionStatement;
  readonly commit: TransactionStatement;
  readonly statements: readonly ScriptStatement[];
}

/** An `IF @@ERROR <> 0 ...` that can never be true in Databricks (failing statements raise errors). */
export interface DeadErrorCheckStatement extends Span {
  readonly kind: 'dead-error-check';
  readonly statement: IfStatement;
}

/**
 * Statements after an unconditional GOTO that no live GOTO reaches (their label was only the
 * target of dead @@ERROR checks), or a GOTO to the label right after it: never run.
 */
export interface UnreachableStatement extends Span {
  readonly kind: 'unreachable';
  readonly statements: readonly Statement[];
  /** The GOTO before them. */
  readonly after: string;
}

/** A statement-list rewrite: a pure function from a list of statements to a new one. */
export interface StatementRewrite {
  readonly name: string;
  /** Why it exists, in T-SQL and Databricks terms. */
  readonly purpose: string;
  apply(statements: readonly ScriptStatement[]): readonly ScriptStatement[];
}

export function isRewritten(statement: ScriptStatement): statement is RewrittenStatement {
  return (
    statement.kind === 'cursor-loop' ||
    statement.kind === 'unconverted-cursor' ||
    statement.kind === 'atomic-block' ||
    statement.kind === 'dead-error-check' ||
    statement.kind === 'unreachable'
  );
}

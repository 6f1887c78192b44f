/**
 * What a translation produces: statements of the target dialect (as text) inside structured
 * control flow. Databricks runs it as SQL scripting (rendered by render-script.ts); the DuckDB
 * rehearsal interprets it node by node, since DuckDB has no procedural SQL. Expressions and
 * queries in it are already target SQL; variable references in them are written by the
 * dialect's `variable()` so that an interpreter can substitute values.
 */
export type ScriptNode =
  | SqlNode
  | CommentNode
  | SetNode
  | IfNode
  | WhileNode
  | LoopControlNode
  | BlockNode
  | ForNode
  | CallNode
  | ExecuteImmediateNode
  | RaiseNode
  | ReturnNode;

/** One statement of the target dialect, without its terminating semicolon. */
export interface SqlNode {
  readonly kind: 'sql';
  readonly sql: string;
  /** The line of the T-SQL it came from. */
  readonly line: number;
  /** Returns rows to the caller (a SELECT in a procedure). */
  readonly resultSet?: boolean;
}

/**
 * Text kept as a comment: untranslated T-SQL, or a note for the reader. A statement kept or
 * dropped has its line, and its text starts with `[TR_CODE]`: the rehearsal stops at one whose
 * code is of error severity, since what the statement did would be skipped.
 */
export interface CommentNode {
  readonly kind: 'comment';
  readonly text: string;
  /** The line of the T-SQL statement the comment stands for. */
  readonly line?: number;
}

/** SET v = value, or SET (a, b) = (SELECT ...): assignment from an expression or a query. */
export interface SetNode {
  readonly kind: 'set';
  readonly targets: readonly string[];
  /** A scalar expression (one target) or a query returning one row (several targets). */
  readonly value: string;
  readonly fromQuery: boolean;
  readonly line: number;
}

export interface IfNode {
  readonly kind: 'if';
  readonly branches: ReadonlyArray<{ readonly condition: string; readonly body: readonly ScriptNode[] }>;
  readonly otherwise?: readonly ScriptNode[];
  readonly line: number;
}

export interface WhileNode {
  readonly kind: 'while';
  readonly label: string;
  readonly condition: string;
  readonly body: readonly ScriptNode[];
  readonly line: number;
}

/** BREAK / CONTINUE become LEAVE / ITERATE of the enclosing loop's label. */
export interface LoopControlNode {
  readonly kind: 'leave' | 'iterate';
  readonly label: string;
  readonly line: number;
}

export interface VariableDeclaration {
  readonly name: string;
  readonly type: string;
  readonly default?: string;
}

/**
 * BEGIN ... END: its declarations first (Databricks requires them before any statement), then
 * an EXIT handler when the block is the TRY of a TRY/CATCH, then the statements. An atomic block
 * (BEGIN ATOMIC) commits its changes when it completes and rolls them all back when a statement
 * in it fails: what BEGIN TRANSACTION ... COMMIT became.
 */
export interface BlockNode {
  readonly kind: 'block';
  readonly label?: string;
  readonly atomic?: boolean;
  readonly declarations: readonly VariableDeclaration[];
  readonly handler?: ErrorHandler;
  readonly body: readonly ScriptNode[];
}

/** The CATCH of a TRY/CATCH: an EXIT handler for any SQL exception. */
export interface ErrorHandler {
  /** Variables the CATCH reads through ERROR_MESSAGE() and friends, filled by GET DIAGNOSTICS. */
  readonly diagnostics: ReadonlyArray<{ readonly variable: string; readonly item: 'MESSAGE_TEXT' | 'RETURNED_SQLSTATE' | 'LINE_NUMBER' }>;
  readonly body: readonly ScriptNode[];
}

/** FOR row AS (query) DO ... END FOR: what a read-only cursor loop becomes. */
export interface ForNode {
  readonly kind: 'for';
  readonly label: string;
  readonly row: string;
  readonly query: string;
  /** Columns of the query assigned to variables at the top of each iteration. */
  readonly assignments: ReadonlyArray<{ readonly variable: string; readonly column: string }>;
  readonly body: readonly ScriptNode[];
  readonly line: number;
}

export interface CallNode {
  readonly kind: 'call';
  readonly procedure: string;
  /** Positional arguments, or `name => value` ones. */
  readonly arguments: ReadonlyArray<{ readonly name?: string; readonly value: string }>;
  readonly line: number;
}

export interface ExecuteImmediateNode {
  readonly kind: 'execute-immediate';
  /** An expression giving the SQL text (still T-SQL when it came from T-SQL). */
  readonly sql: string;
  /** Values bound to the statement's parameter markers: by position, or by name (`:name`). */
  readonly using: ReadonlyArray<{ readonly value: string; readonly name?: string }>;
  /** Variables the statement's one-row result is read into (sp_executesql's OUTPUT parameters; Databricks only). */
  readonly into?: readonly string[];
  readonly line: number;
}

/**
 * An error raised on purpose: SIGNAL with a literal message where the message is a literal,
 * raise_error() otherwise (SIGNAL takes only literals); RESIGNAL re-raises in a handler.
 */
export interface RaiseNode {
  readonly kind: 'raise';
  readonly message?: string;
  readonly messageIsLiteral: boolean;
  /** A literal message written as the target's string literal (its quotes escaped as the target escapes them). */
  readonly messageLiteral?: string;
  readonly resignal: boolean;
  readonly line: number;
}

/** RETURN from a procedure or a table function: leaves the outermost block. */
export interface ReturnNode {
  readonly kind: 'return';
  readonly line: number;
}

export interface ProcedureParameter {
  readonly name: string;
  readonly type: string;
  readonly mode: 'IN' | 'OUT' | 'INOUT';
  readonly default?: string;
}

/**
 * A whole object as the target receives it. A multi-statement table-valued function has no
 * target text (its output is the untranslated T-SQL, with an error), but the rehearsal runs it:
 * it creates `result.table` from `result.columns`, runs the body, which fills that table, and
 * reads the table where a statement calls the function.
 */
export type TranslatedObject =
  | { readonly kind: 'statements'; readonly body: readonly ScriptNode[]; readonly declarations: readonly VariableDeclaration[] }
  | {
      readonly kind: 'procedure';
      readonly name: string;
      readonly parameters: readonly ProcedureParameter[];
      readonly body: BlockNode;
    }
  | {
      readonly kind: 'table-function';
      /** The function's name in the target, as a call site writes it. */
      readonly name: string;
      /** Mode IN, with the default when one is given. */
      readonly parameters: readonly ProcedureParameter[];
      readonly result: {
        /** The table the body writes (what the table variable of RETURNS @t TABLE became). */
        readonly table: string;
        /** Its column definitions in the target dialect: `month_start DATE NOT NULL, month_end DATE NOT NULL`. */
        readonly columns: string;
      };
      /** The translated body, which does not create the result table; RETURN is a return node. */
      readonly body: BlockNode;
    };

/** Whether a list of nodes needs SQL scripting (anything but plain statements and comments). */
export function needsScripting(nodes: readonly ScriptNode[]): boolean {
  return nodes.some((node) => node.kind !== 'sql' && node.kind !== 'comment');
}

import type { DataType, Span, Statement } from '../../tsql/index.js';
import { countStatements, isStatement } from '../../tsql/index.js';
import { TranslationContext } from '../context.js';
import { DIAGNOSTICS, type DiagnosticCode } from '../diagnostics.js';
import { errorTest } from '../rewrites/error-check.js';
import { removeUnreachable } from '../rewrites/unreachable-code.js';
import { rewriteStatements, type ScriptStatement } from '../rewrites/index.js';
import { walkStatements } from '../rewrites/statement-lists.js';
import type { ScriptNode, VariableDeclaration } from '../script-ir.js';
import { alterTable } from './alter-table.js';
import { assignedPieces, type DynamicPiece } from './dynamic-sql.js';
import { changedRowsQuery, deleteStatement, insert, merge, selectStatement, update } from './dml.js';
import { compoundAssignment, expression, expressionAs } from './expressions.js';
import { bulkInsert } from './file-loads.js';
import { integerLiteral } from './ast-tools.js';
import { createFunction, createTable, createTrigger, createView, ignoresDuplicateKeys, reportIgnoredDuplicates } from './objects.js';
import {
  atomicBlock,
  cursorLoop,
  declare,
  execute,
  executeString,
  raiserror,
  setOption,
  throwStatement,
  transaction,
  tryCatch,
  unconvertedCursor,
} from './procedural.js';
import { readsRowCount, ROW_COUNT_VARIABLE, rowCountQuery } from './row-count.js';
import { createSequence, takeValuesAhead, withSequenceValues } from './sequences.js';
import { sourceText } from './source-text.js';
import { dropTemporary, isTemporaryName, tempTableMode } from './temp-tables.js';

type StatementHandlers = {
  readonly [K in ScriptStatement['kind']]: (node: Extract<ScriptStatement, { kind: K }>, writer: StatementWriter) => ScriptNode[];
};

/**
 * Turns T-SQL statements into script IR. Every list of statements first goes through the
 * statement rewrites (rewrites/index.ts), then each statement through its handler. Declarations
 * are hoisted to the top block (T-SQL variables live for the whole batch or procedure;
 * Databricks wants declarations before any statement), and so are table variables (DECLARE @t
 * TABLE inside a loop declares one table, not one per iteration); loops get labels so that
 * BREAK and CONTINUE can name them.
 */
export class StatementWriter {
  readonly ctx: TranslationContext;
  readonly declarations: VariableDeclaration[] = [];
  /** Statements that run first, before the object's own: the tables of table variables. */
  readonly prologue: ScriptNode[] = [];
  /** T-SQL statements (nested ones included) kept as comments because they were not translated. */
  untranslatedStatements = 0;
  readonly #loops: string[] = [];
  #returnLabel: string | undefined;
  #usedReturn = false;
  /** Temporary tables that became temporary views (translate.tempTables: view), by target name. */
  readonly #views = new Set<string>();
  /** Temporary tables that could not be created as views, by target name. */
  readonly #unwritable = new Set<string>();
  /** Cursors that became FOR loops, by lower-cased name. */
  readonly forLoopCursors = new Set<string>();
  /** Labels some GOTO still jumps to (not one in a dead @@ERROR check), lower-cased. */
  #gotoTargets: ReadonlySet<string> | undefined;
  /** RETURN becomes a return node (a table function's body) instead of LEAVE of the body's label. */
  returnsNode = false;
  /** How many TRY blocks the statements being written are in. */
  tryDepth = 0;
  /** Set for the next statements() call: count the rows of the list's last statement. */
  #countAtEnd = false;
  /** Whether the last statements() call counted its last statement's rows. */
  #countedAtEnd = false;
  /** The statement lists being written, innermost last, each with the index of the statement being written. */
  readonly #lists: Array<{ readonly list: readonly ScriptStatement[]; index: number }> = [];

  constructor(ctx: TranslationContext) {
    this.ctx = ctx;
    // SCOPE_IDENTITY() reads the INSERTs of its own object.
    ctx.lastInsert = undefined;
  }

  statements(nodes: readonly ScriptStatement[]): ScriptNode[] {
    // The first list a writer sees is its object's: the GOTOs that remain are looked for there.
    if (this.#gotoTargets === undefined) {
      let targets: ReadonlySet<string> = new Set();
      if (this.ctx.mentions('GOTO')) {
        // removeUnreachable() asks last for the targets of the list it returns: those are kept.
        nodes = removeUnreachable(nodes, (list) => (targets = liveGotoTargets(list, this.ctx)));
      }
      this.#gotoTargets = targets;
    }
    const list = rewriteStatements(nodes);
    const position = { list, index: 0 };
    this.#lists.push(position);
    try {
      return this.#statementList(list, position);
    } finally {
      this.#lists.pop();
    }
  }

  /**
   * The text a string variable holds where the statement being written runs, when the
   * statements before it in its list assign it from literals (see dynamic-sql.ts).
   */
  assignedText(variable: string): DynamicPiece[] | undefined {
    const position = this.#lists[this.#lists.length - 1];
    return position === undefined ? undefined : assignedPieces(position.list, position.index, variable, this);
  }

  #statementList(list: readonly ScriptStatement[], position: { index: number }): ScriptNode[] {
    const out: ScriptNode[] = [];
    let counted = false;
    const rowCountRead = this.ctx.mentions('@@ROWCOUNT');
    // A loop whose condition reads @@ROWCOUNT reads the count of its body's last statement.
    const countAtEnd = this.#countAtEnd;
    this.#countAtEnd = false;
    for (let index = 0; index < list.length; index++) {
      let statement = list[index]!;
      position.index = index;
      if (rowCountRead && declaresOnly(statement)) {
        // A DECLARE without values leaves @@ROWCOUNT as it was: the count passes over it.
        const outer = this.ctx.rowCountVariable;
        this.ctx.rowCountVariable = counted ? ROW_COUNT_VARIABLE : undefined;
        try {
          out.push(...this.statement(statement));
        } finally {
          this.ctx.rowCountVariable = outer;
        }
        continue;
      }
      let nextIndex = index + 1;
      while (rowCountRead && nextIndex < list.length && declaresOnly(list[nextIndex]!)) nextIndex++;
      const next = list[nextIndex];
      // A statement of the T-SQL (not one a rewrite made) is looked into only where its text mentions @@ROWCOUNT.
      const nextReadsRowCount =
        next === undefined ? countAtEnd : rowCountRead && (!isStatement(next as Statement) || this.ctx.mentions('@@ROWCOUNT', next)) && readsRowCount(next);
      if (next === undefined && countAtEnd && statement.kind === 'block') {
        // The last statement is a BEGIN ... END: its own last statement is the one counted.
        this.#countAtEnd = true;
        out.push(...this.statement(statement));
        counted = this.#countedAtEnd;
        continue;
      }
      if (nextReadsRowCount && this.currentLoop !== undefined && (statement.kind === 'delete' || statement.kind === 'update') && statement.top !== undefined) {
        // DELETE TOP (n) ... in a loop that tests @@ROWCOUNT: batching, which keeps SQL Server's
        // transaction log small. Changing every matching row in the first pass leaves the same
        // rows in the end; the next pass finds none and ends the loop.
        this.ctx.report('TR_SEMANTIC', statement.top, `${statement.kind.toUpperCase()} TOP in a loop that stops on @@ROWCOUNT: TOP was dropped, so the first pass changes every matching row and the next pass ends the loop`);
        statement = { ...statement, top: undefined };
      }
      // The statement after this one reads @@ROWCOUNT: count this one's rows first.
      const count = nextReadsRowCount ? rowCountQuery(statement, this.ctx, (node) => changedRowsQuery(node, this)) : undefined;
      if (count !== undefined) {
        this.declare(ROW_COUNT_VARIABLE, 'BIGINT');
        out.push({ kind: 'set', targets: [ROW_COUNT_VARIABLE], value: count, fromQuery: !/^\d+$/.test(count), line: this.line(statement) });
      }
      const outer = this.ctx.rowCountVariable;
      this.ctx.rowCountVariable = counted ? ROW_COUNT_VARIABLE : undefined;
      let produced: ScriptNode[];
      try {
        produced = this.statement(statement);
      } finally {
        this.ctx.rowCountVariable = outer;
      }
      for (const node of produced) if (!repeatsDrop(out[out.length - 1], node)) out.push(node);
      this.#noteRaiserrorGoesOn(statement, list[index + 1]);
      counted = count !== undefined || (nextReadsRowCount && this.#diagnosticsRowCount(statement, produced, out));
    }
    this.#countedAtEnd = counted;
    return out;
  }

  /**
   * RAISERROR of severity 11 to 18 outside TRY sends the error and goes on with the next
   * statement in T-SQL; raise_error and SIGNAL stop the script. Where a statement that would
   * have run follows (not RETURN or another jump), that difference is reported.
   */
  #noteRaiserrorGoesOn(statement: ScriptStatement, next: ScriptStatement | undefined): void {
    if (this.tryDepth > 0 || next === undefined || ['return', 'break', 'continue', 'goto', 'throw', 'raiserror'].includes(next.kind)) return;
    const raise = trailingRaiserror(statement);
    if (raise === undefined) return;
    const severity = integerLiteral(raise.severity);
    if (severity !== undefined && (severity < 11 || severity > 18)) return;
    this.ctx.report(
      'TR_SEMANTIC',
      raise,
      'RAISERROR outside TRY: SQL Server sent the error and went on with the next statement; the translation stops here. Where the T-SQL meant to go on, drop the raise; where it meant to stop, nothing changes',
    );
  }

  /**
   * The body of a WHILE whose condition reads @@ROWCOUNT: the count of the body's last statement
   * is kept for the condition's next test. Gives the body and whether that count is kept.
   */
  loopBodyCounted(body: Statement): { readonly nodes: ScriptNode[]; readonly counted: boolean } {
    this.#countAtEnd = true;
    const nodes = this.statements([body]);
    return { nodes, counted: this.#countedAtEnd };
  }

  /**
   * @@ROWCOUNT after a statement whose rows cannot be counted before it runs (dynamic SQL, a
   * procedure call, a data change that cannot be re-read as a query): Databricks SQL scripting
   * reads the count of the most recent DML statement with GET DIAGNOSTICS v = ROW_COUNT (SQL
   * reference, GET DIAGNOSTICS; inside compound statements only). DuckDB has nothing of the
   * kind, so the rehearsal target leaves @@ROWCOUNT untranslated.
   */
  #diagnosticsRowCount(statement: ScriptStatement, produced: readonly ScriptNode[], out: ScriptNode[]): boolean {
    if (this.ctx.target !== 'databricks') return false;
    const last = produced[produced.length - 1];
    const what =
      statement.kind === 'execute' || statement.kind === 'execute-string'
        ? last?.kind === 'execute-immediate'
          ? 'dynamic SQL'
          : last?.kind === 'call'
            ? `CALL ${last.procedure}`
            : undefined
        : (statement.kind === 'update' || statement.kind === 'delete' || statement.kind === 'merge') && last?.kind === 'sql' && last.resultSet !== true && last.line === this.line(statement)
          ? statement.kind.toUpperCase()
          : undefined;
    if (what === undefined) return false;
    this.declare(ROW_COUNT_VARIABLE, 'BIGINT');
    out.push({ kind: 'sql', sql: `GET DIAGNOSTICS ${ROW_COUNT_VARIABLE} = ROW_COUNT`, line: this.line(statement) });
    this.ctx.report(
      'TR_ROW_COUNT',
      statement,
      `@@ROWCOUNT after ${what} became GET DIAGNOSTICS ${ROW_COUNT_VARIABLE} = ROW_COUNT, the rows of the most recent DML statement: check that the runtime has it and that it counts the statement ${what} ran last, as T-SQL did`,
    );
    return true;
  }

  statement(node: ScriptStatement): ScriptNode[] {
    const handler = handlers[node.kind] as (node: ScriptStatement, writer: StatementWriter) => ScriptNode[];
    const ahead = takeValuesAhead(node as Statement, this);
    if (ahead === undefined) return handler(node, this);
    return [...ahead.before, ...withSequenceValues(this.ctx, ahead.values, () => handler(node, this))];
  }

  declare(name: string, type: string): void {
    if (!this.declarations.some((declaration) => declaration.name === name)) this.declarations.push({ name, type });
  }

  /** Runs `work` inside a loop with a fresh label; BREAK and CONTINUE inside refer to it. */
  inLoop<T>(work: (label: string) => T): T {
    const label = this.ctx.label('loop');
    this.#loops.push(label);
    try {
      return work(label);
    } finally {
      this.#loops.pop();
    }
  }

  get currentLoop(): string | undefined {
    return this.#loops[this.#loops.length - 1];
  }

  /** The label RETURN leaves (the object's body block), once one is asked for. */
  returnLabel(): string {
    this.#usedReturn = true;
    this.#returnLabel ??= 'body';
    return this.#returnLabel;
  }

  get usesReturn(): boolean {
    return this.#usedReturn;
  }

  /**
   * The object's statements as one list: the prologue, then the body, inside a block labelled
   * for RETURN when a RETURN leaves it (a top-level compound cannot carry a label, so the
   * labelled block is nested).
   */
  assemble(body: readonly ScriptNode[]): ScriptNode[] {
    const all = [...this.prologue, ...body];
    return this.usesReturn ? [{ kind: 'block', label: this.returnLabel(), declarations: [], body: all }] : all;
  }

  line(node: { readonly start: number }): number {
    return this.ctx.line(node.start);
  }

  sql(node: { readonly start: number }, text: string, resultSet = false): ScriptNode {
    return { kind: 'sql', sql: text, line: this.line(node), ...(resultSet ? { resultSet } : {}) };
  }

  /** A statement kept as a comment, with the diagnostic that explains why. */
  keep(node: Statement, code: DiagnosticCode, message: string, at: Span = node): ScriptNode[] {
    this.ctx.report(code, at, message);
    if (DIAGNOSTICS[code].severity === 'error') {
      this.untranslatedStatements += countStatements(node).total;
      this.ctx.noteKept(node);
    }
    return [{ kind: 'comment', text: `[${code}] ${message}\n${sourceText(this.ctx, node)}`, line: this.line(node) }];
  }

  /** A statement dropped on purpose: a comment that shows it, with an info or warning diagnostic. */
  drop(node: Span, code: DiagnosticCode, message: string): ScriptNode[] {
    this.ctx.report(code, node, message);
    return [{ kind: 'comment', text: `[${code}] ${sourceText(this.ctx, node)}`, line: this.line(node) }];
  }

  /** A T-SQL type in the target, reporting what the mapping loses. */
  dataType(type: DataType, at: Span): string {
    const mapped = this.ctx.dialect.dataType(type);
    if (mapped.approximation !== undefined) this.ctx.report('TR_TYPE_APPROXIMATED', at, mapped.approximation);
    return mapped.text;
  }

  /** Whether a GOTO (that is not dead code) jumps to the label. */
  isGotoTarget(label: string): boolean {
    return this.#gotoTargets?.has(label.toLowerCase()) ?? true;
  }

  /** A temporary table became a view (translate.tempTables: view), or could not be created. */
  temporaryBecameView(name: string): void {
    this.#views.add(name);
  }

  temporaryNotCreated(name: string): void {
    this.#unwritable.add(name);
  }

  /**
   * Checks a statement that writes `target` (a target name): temporary views cannot be
   * written, and a temporary table that could not be created cannot either.
   */
  checkWritable(at: Span, target: string): void {
    if (tempTableMode(this.ctx) !== 'view') return;
    if (this.#views.has(target) || this.#unwritable.has(target)) {
      this.ctx.report('TR_TEMP_TABLE_VIEW', at, `${target} is a temporary view (translate.tempTables: view): this statement cannot write it`);
    }
  }
}

const handlers: StatementHandlers = {
  'select-statement': (node, w) => selectStatement(node, w),
  insert: (node, w) => insert(node, w),
  update: (node, w) => update(node, w),
  delete: (node, w) => deleteStatement(node, w),
  merge: (node, w) => merge(node, w),
  // Temporary tables are emptied with DELETE: TRUNCATE is documented for ordinary tables.
  'truncate-table': (node, w) => {
    const identity = w.ctx.identityColumn(TranslationContext.tableKey(node.table));
    if (identity !== undefined && !identity.fromSequence) {
      w.ctx.report(
        'TR_SEMANTIC',
        node,
        `TRUNCATE TABLE ${node.table.parts.join('.')} restarted its identity column ${identity.column} at the seed in SQL Server; here its values go on from the last one. Where the code relies on the numbers (1, 2, 3 after each load), number the rows with row_number() instead`,
      );
    }
    return [w.sql(node, `${isTemporaryName(node.table) ? 'DELETE FROM' : 'TRUNCATE TABLE'} ${w.ctx.objectName(node.table, true)}`)];
  },
  'bulk-insert': (node, w) => bulkInsert(node, w),
  'copy-into': (node, w) => w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'COPY INTO (Synapse) takes other options in Databricks: rewrite it'),

  'create-table': (node, w) => createTable(node, w),
  'alter-table': (node, w) => alterTable(node, w),
  'create-view': (node, w) => createView(node, w),
  'create-procedure': (node, w) => w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'a procedure inside another batch: translate it as an object of its own'),
  'create-function': (node, w) => createFunction(node, w),
  'create-trigger': (node, w) => createTrigger(node, w),
  'create-index': (node, w) => {
    if (ignoresDuplicateKeys(node.options)) reportIgnoredDuplicates(node, `index ${node.name}`, w);
    return dropped(node, w, `index ${node.name} on ${node.table.parts.join('.')}`);
  },
  'alter-index': (node, w) => dropped(node, w, `ALTER INDEX ${node.action} on ${node.table.parts.join('.')}`),
  'create-schema': (node, w) => [w.sql(node, `CREATE SCHEMA IF NOT EXISTS ${w.ctx.schemaName(node.name, node)}`)],
  'create-synonym': (node, w) => {
    w.ctx.report('TR_SEMANTIC', node, 'a synonym became a view: a synonym of a procedure or function needs another approach');
    return [w.sql(node, `CREATE OR REPLACE VIEW ${w.ctx.objectName(node.name, true)} AS SELECT * FROM ${w.ctx.objectName(node.target)}`)];
  },
  'create-type': (node, w) => w.keep(node, 'TR_UNTRANSLATED_OBJECT', 'user-defined types have no equivalent: use the base type or a STRUCT'),
  'create-sequence': (node, w) => createSequence(node, w),
  statistics: (node, w) => dropped(node, w, `${node.action} STATISTICS on ${node.table.parts.join('.')}`),
  drop: (node, w) => dropStatement(node, w),
  'other-ddl': (node, w) => w.keep(node, 'TR_UNTRANSLATED_OBJECT', `${node.action} ${node.objectType} is not translated`),
  permission: (node, w) => w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `${node.action} is not translated: grant Unity Catalog privileges to the matching principals`),

  declare: (node, w) => declare(node, w),
  'declare-cursor': (node, w) => w.keep(node, 'TR_CURSOR_UNSUPPORTED', `cursor ${node.name}: rewrite the loop as set-based SQL or a FOR loop over its query`),
  'set-variable': (node, w) => {
    if (node.value.kind === 'cursor-definition') return w.keep(node, 'TR_CURSOR_UNSUPPORTED', 'a cursor variable: rewrite the loop as a FOR loop over its query');
    const target = w.ctx.variableName(node.variable.name);
    // SET converts the value to the variable's type: 1 into a bit is TRUE, '20240131' into a date a DATE.
    const value = node.operator === '=' ? expressionAs(node.value, w.ctx.variable(node.variable.name)?.type, w.ctx) : expression(node.value, w.ctx);
    const combined = node.operator === '=' ? value : compoundAssignment(w.ctx.dialect.variable(target), node.operator, value, [w.ctx.variable(node.variable.name)?.type, node.value], w.ctx);
    return [{ kind: 'set', targets: [target], value: combined, fromQuery: false, line: w.line(node) }];
  },
  'set-mutator': (node, w) => w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'a mutator method on a variable (xml .modify()) has no equivalent'),
  'set-option': (node, w) => setOption(node, w),

  if: (node, w) => {
    const branches: Array<{ condition: string; body: ScriptNode[] }> = [{ condition: expression(node.condition, w.ctx), body: w.statements([node.then]) }];
    let otherwise: ScriptNode[] | undefined;
    // ELSE IF chains become ELSEIF branches.
    for (let rest = node.else; rest !== undefined; ) {
      if (rest.kind === 'if') {
        branches.push({ condition: expression(rest.condition, w.ctx), body: w.statements([rest.then]) });
        rest = rest.else;
      } else {
        otherwise = w.statements([rest]);
        rest = undefined;
      }
    }
    return [{ kind: 'if', branches, ...(otherwise === undefined ? {} : { otherwise }), line: w.line(node) }];
  },
  while: (node, w) =>
    w.inLoop((label) => {
      if (!w.ctx.mentions('@@ROWCOUNT', node.condition) || !readsRowCount(node)) {
        return [{ kind: 'while', label, condition: expression(node.condition, w.ctx), body: w.statements([node.body]), line: w.line(node) }];
      }
      // WHILE @@ROWCOUNT > 0 <statement>: each pass tests the rows of the body's last statement.
      // The count before the loop is only right for the first test unless the body keeps it.
      const entry = w.ctx.rowCountVariable;
      const body = w.loopBodyCounted(node.body);
      w.ctx.rowCountVariable = body.counted ? entry : undefined;
      try {
        return [{ kind: 'while', label, condition: expression(node.condition, w.ctx), body: body.nodes, line: w.line(node) }];
      } finally {
        w.ctx.rowCountVariable = entry;
      }
    }),
  block: (node, w) => {
    if (node.atomicOptions !== undefined) w.ctx.report('TR_HINT_DROPPED', node, 'BEGIN ATOMIC WITH (...) of a natively compiled module: its options were dropped');
    return w.statements(node.statements);
  },
  'try-catch': (node, w) => tryCatch(node, w),
  break: (node, w) => {
    const label = w.currentLoop;
    return label === undefined ? w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'BREAK outside a loop') : [{ kind: 'leave', label, line: w.line(node) }];
  },
  continue: (node, w) => {
    const label = w.currentLoop;
    return label === undefined ? w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'CONTINUE outside a loop') : [{ kind: 'iterate', label, line: w.line(node) }];
  },
  return: (node, w) => {
    if (node.value !== undefined) w.ctx.report('TR_RETURN_VALUE', node, 'RETURN with a status code: the code is not kept, Databricks procedures return no status');
    if (w.returnsNode) return [{ kind: 'return', line: w.line(node) }];
    return [{ kind: 'leave', label: w.returnLabel(), line: w.line(node) }];
  },
  goto: (node, w) => w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `GOTO ${node.label}: SQL scripting has no jumps; rewrite it with IF, or with LEAVE of a labelled block`),
  label: (node, w) =>
    w.isGotoTarget(node.name)
      ? w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `label ${node.name}: a GOTO target; rewrite the jump with IF, or with LEAVE of a labelled block`)
      : w.drop(node, 'TR_SEMANTIC', `label ${node.name} dropped: no GOTO reaches it once the @@ERROR checks are gone; the statements after it run in sequence, as before`),

  execute: (node, w) => execute(node, w),
  'execute-string': (node, w) => executeString(node, w),
  'execute-as': (node, w) => w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'EXECUTE AS: use SQL SECURITY on the procedure and Unity Catalog privileges'),
  revert: (node, w) => w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'REVERT has no equivalent'),
  transaction: (node, w) => transaction(node, w),
  raiserror: (node, w) => raiserror(node, w),
  throw: (node, w) => throwStatement(node, w),
  print: (node, w) => w.drop(node, 'TR_RAISERROR_INFO', 'PRINT dropped: SQL scripts do not print messages'),
  // WAITFOR DELAY / TIME only waits: without it the same statements run, sooner. (WAITFOR
  // (RECEIVE ...) reads a Service Broker queue: a utility statement, kept for a human.)
  waitfor: (node, w) =>
    w.drop(
      node,
      'TR_SEMANTIC',
      `WAITFOR ${node.mode} dropped: it only waits, so the data is the same without it; if the wait gives another process time (log backups, a feed to arrive), schedule that with a job task dependency instead`,
    ),
  'cursor-statement': (node, w) =>
    node.action !== 'OPEN' && w.forLoopCursors.has(node.cursor.toLowerCase())
      ? w.drop(node, 'TR_CURSOR', `${node.action} ${node.cursor} dropped: the cursor became a FOR loop, which closes itself`)
      : w.keep(node, 'TR_CURSOR_UNSUPPORTED', `${node.action} ${node.cursor}: part of a cursor that did not become a FOR loop`),
  fetch: (node, w) => w.keep(node, 'TR_CURSOR_UNSUPPORTED', `FETCH from ${node.cursor}: part of a cursor that did not become a FOR loop`),
  use: (node, w) => {
    // The names after it are the database's: translate.names maps them as such.
    w.ctx.useDatabase(node.database);
    w.ctx.report('TR_SESSION_OPTION', node, `USE ${node.database} dropped: the names after it are mapped through translate.names as names of ${node.database}`);
    return [];
  },
  utility: (node, w) => w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `${node.command} has no equivalent`),
  'sqlcmd-command': (node, w) => w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `the sqlcmd directive :${node.command} is not T-SQL`),
  raw: (node, w) => {
    // Where the parser said what it expected, the diagnostic says so, at that place.
    const problem = w.ctx.parseProblems.find((candidate) => candidate.span.start >= node.start && candidate.span.start <= node.end);
    if (problem === undefined) return w.keep(node, 'TR_PARSE_ERROR', 'this statement could not be read');
    return w.keep(node, 'TR_PARSE_ERROR', problem.message.replace(/\s*It is kept as raw text\.$/, ''), problem.span);
  },

  'cursor-loop': (node, w) => cursorLoop(node, w),
  'unconverted-cursor': (node, w) => unconvertedCursor(node, w),
  'atomic-block': (node, w) => atomicBlock(node, w),
  unreachable: (node, w) =>
    w.drop(
      node,
      'TR_SEMANTIC',
      node.statements.length === 1 && node.statements[0]!.kind === 'goto'
        ? `GOTO ${node.after} dropped: it jumps to the statement right after it`
        : `never runs, dropped: it follows GOTO ${node.after} and no GOTO that still runs leads into it (@@ERROR checks are dead in Databricks, where a failing statement raises an error); error handling belongs in TRY/CATCH`,
    ),
  'dead-error-check': (node, w) =>
    w.drop(
      node,
      'TR_SEMANTIC',
      'an @@ERROR check dropped: in Databricks a failing statement raises an error (stopping the script or reaching a handler), so this branch can never run; move the error handling into TRY/CATCH',
    ),
};

/** The labels of GOTOs outside dead @@ERROR checks. */
function liveGotoTargets(nodes: readonly ScriptStatement[], ctx: TranslationContext): ReadonlySet<string> {
  const targets = new Set<string>();
  // GOTOs are statements, and statements only hold statements directly; only a statement whose
  // text mentions GOTO can hold one (in a long procedure, the word is in a few of them).
  walkStatements(nodes, (child) => {
    if (!ctx.mentions('GOTO', child)) return false;
    if (child.kind === 'unreachable') return false;
    if (child.kind === 'if' && child.else === undefined && errorTest(child.condition) === 'failed') return false;
    if (child.kind === 'goto') targets.add(child.label.toLowerCase());
    return true;
  });
  return targets;
}

function dropped(node: Statement, w: StatementWriter, what: string): ScriptNode[] {
  return w.drop(node, 'TR_HINT_DROPPED', `${what} dropped: Databricks manages data layout itself (liquid clustering, OPTIMIZE, statistics)`);
}

const DROPPABLE: Readonly<Record<string, string>> = { TABLE: 'TABLE', VIEW: 'VIEW', PROCEDURE: 'PROCEDURE', PROC: 'PROCEDURE', FUNCTION: 'FUNCTION', SCHEMA: 'SCHEMA' };

function dropStatement(node: Extract<Statement, { kind: 'drop' }>, w: StatementWriter): ScriptNode[] {
  const kind = node.objectType.toUpperCase();
  if (kind === 'INDEX' || kind === 'STATISTICS') return dropped(node, w, `DROP ${kind}`);
  if (kind === 'TRIGGER') return w.drop(node, 'TR_HINT_DROPPED', 'DROP TRIGGER dropped: triggers are not translated, so there is none to drop');
  const type = DROPPABLE[kind];
  if (type === undefined) return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `DROP ${kind} has no equivalent`);
  return node.names.map((name) => {
    if (type === 'TABLE' && name.parts.length === 1 && name.parts[0]!.startsWith('#')) return temporaryDrop(node, name, w);
    // T-SQL's DROP without IF EXISTS fails on a missing object; IF EXISTS is kept only where written.
    // DROP SCHEMA names a schema, which translate.names maps itself; the others, an object.
    const target = type === 'SCHEMA' ? w.ctx.schemaName(name.parts[name.parts.length - 1]!, name) : w.ctx.objectName(name, true);
    return w.sql(node, `DROP ${type} ${node.ifExists ? 'IF EXISTS ' : ''}${target}`);
  });
}

/**
 * DROP TABLE #t: the temporary table (or view, or scratch table) it became. A temporary table
 * may well not exist (it is dropped before it is created, and a failed run leaves none behind),
 * so the drop never fails on a missing one.
 */
function temporaryDrop(node: Statement, name: Extract<Statement, { kind: 'drop' }>['names'][number], w: StatementWriter): ScriptNode {
  return w.sql(node, dropTemporary(w.ctx, w.ctx.objectName(name)));
}

/** DECLARE of variables without initial values (or of table variables): it sets no value, so @@ROWCOUNT stays. */
function declaresOnly(statement: ScriptStatement): boolean {
  return statement.kind === 'declare' && statement.variables.every((variable) => variable.kind === 'table-variable-declaration' || variable.value === undefined);
}

/** The RAISERROR a statement ends with (itself, or the last statement of a block or of an IF branch), after which the next statement runs in T-SQL. */
function trailingRaiserror(statement: ScriptStatement): Extract<Statement, { kind: 'raiserror' }> | undefined {
  switch (statement.kind) {
    case 'raiserror':
      return statement;
    case 'block':
      return statement.statements.length === 0 ? undefined : trailingRaiserror(statement.statements[statement.statements.length - 1]!);
    case 'if':
      return trailingRaiserror(statement.then) ?? (statement.else === undefined ? undefined : trailingRaiserror(statement.else));
    default:
      return undefined;
  }
}

/**
 * A DROP ... IF EXISTS right after the same one: `IF OBJECT_ID('tempdb..#t') IS NOT NULL DROP
 * TABLE #t` before CREATE TABLE #t became one, and the CREATE drops first itself.
 */
function repeatsDrop(previous: ScriptNode | undefined, node: ScriptNode): boolean {
  return previous?.kind === 'sql' && node.kind === 'sql' && previous.sql === node.sql && /^DROP \w+(?: \w+)? IF EXISTS /.test(node.sql);
}

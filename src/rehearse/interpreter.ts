import type { EngineSession, QueryResult, Value } from '../engines/engine.js';
import { EngineError, LakeshiftError, describeError } from '../errors.js';
import type { TranslateOptions } from '../translate/context.js';
import { DIAGNOSTICS, type TranslationDiagnostic } from '../translate/diagnostics.js';
import type { BlockNode, ProcedureParameter, ScriptNode, TranslatedObject } from '../translate/script-ir.js';
import { translateSql } from '../translate/translate-sql.js';
import { sqlLiteral } from './literals.js';
import { findCalls, replaceIdentifier } from './sql-text.js';

/**
 * How the rehearsal writes a variable into translated SQL: a marker that cannot occur in SQL,
 * replaced by the variable's current value (a typed literal) just before the statement runs.
 */
const VARIABLE_START = '\uE000';
const VARIABLE_END = '\uE001';
const variableMarker = (name: string) => `${VARIABLE_START}${name}${VARIABLE_END}`;
const MARKERS = new RegExp(`${VARIABLE_START}([^${VARIABLE_END}]*)${VARIABLE_END}`, 'g');
/** Where the translation kept T-SQL it could not translate: /*[TR_CODE]*\/ ... or /*[TR_CODE] text *\/. */
const UNTRANSLATED_MARKER = /\/\*\[(TR_\w+)\]/g;

/** Finds the T-SQL text of a procedure or function by its name as the translation writes it. */
export type ObjectLookup = (name: string) => string | undefined;

export interface InterpreterOptions {
  readonly session: EngineSession;
  /** Target duckdb, with translate.names; the interpreter sets its own variable markers. */
  readonly translate: Omit<TranslateOptions, 'target' | 'variableReference'>;
  readonly procedures: ObjectLookup;
  /**
   * Multi-statement table-valued functions, by their translated name: DuckDB has nothing like
   * them, so the interpreter runs their body into a temporary table wherever a statement calls one.
   */
  readonly tableFunctions?: { readonly names: readonly string[]; readonly lookup: ObjectLookup };
  readonly signal?: AbortSignal;
  /** Stops a WHILE that never ends. */
  readonly maxIterations?: number;
  /** Called for every statement run, for progress and counts. */
  readonly onStatement?: (sql: string) => void;
  /** Called for every procedure entered. */
  readonly onCall?: (procedure: string) => void;
}

interface Variable {
  /** A DuckDB literal of the current value, typed: `CAST(NULL AS DATE)`, `DATE '2025-06-21'`. */
  literal: string;
  readonly type: string;
}

/** What a piece of running code came from, for messages: "etl.usp_x", "the step", "dynamic SQL". */
interface Unit {
  readonly name: string;
  readonly diagnostics: readonly TranslationDiagnostic[];
}

/** The variables of one batch or procedure call. T-SQL variable names ignore case. */
class Frame {
  readonly #variables = new Map<string, Variable>();

  constructor(readonly unit: Unit) {}

  get(name: string): Variable | undefined {
    return this.#variables.get(name.toLowerCase());
  }

  set(name: string, variable: Variable): void {
    this.#variables.set(name.toLowerCase(), variable);
  }

  has(name: string): boolean {
    return this.#variables.has(name.toLowerCase());
  }
}

const ERROR_MESSAGE = '\u0000error';
const ERROR_STATE = '\u0000sqlstate';

/** A failure the script raised or a statement hit; what ERROR_MESSAGE() reads in a handler. */
export class RehearsalError extends LakeshiftError {
  readonly sqlstate: string;

  constructor(message: string, sqlstate = '45000', options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super('CHECK_FAILED', message, options);
    this.name = 'RehearsalError';
    this.sqlstate = sqlstate;
  }
}

/**
 * The run reached a part the translation kept for a human. No handler catches it: the code
 * that would have run is not there, so whatever the CATCH block does would be a guess.
 */
export class UntranslatedPartError extends RehearsalError {
  constructor(message: string, details: Record<string, unknown>) {
    super(message, '0A000', { details });
    this.name = 'UntranslatedPartError';
  }
}

class LoopControl {
  constructor(
    readonly kind: 'leave' | 'iterate',
    readonly label: string,
  ) {}
}

type TableFunction = Extract<TranslatedObject, { kind: 'table-function' }>;
type Procedure = Extract<TranslatedObject, { kind: 'procedure' }>;

/**
 * Runs translated T-SQL on an engine session that has no procedural SQL of its own (DuckDB):
 * the statements go to the engine one by one, and the interpreter does what SQL scripting would
 * — variables, IF, WHILE, LEAVE/ITERATE, blocks with EXIT handlers, atomic blocks, CALL,
 * EXECUTE IMMEDIATE, SIGNAL — itself. It follows Databricks' semantics, which the translation
 * targets, and T-SQL's where the translation leaves the choice open: a temporary table a
 * procedure creates is dropped when it returns.
 */
export class ScriptInterpreter {
  readonly #options: InterpreterOptions;
  readonly #procedures = new Map<string, { object: Procedure; unit: Unit } | null>();
  readonly #functions = new Map<string, { object: TableFunction; unit: Unit } | null>();
  #statements = 0;
  #transactionDepth = 0;
  #temporaryCounter = 0;

  constructor(options: InterpreterOptions) {
    this.#options = options;
  }

  /** Statements sent to the engine so far. */
  get statements(): number {
    return this.#statements;
  }

  /** Translates T-SQL to DuckDB and runs it in a fresh frame (a batch of its own). */
  async runTsql(tsql: string, name = 'the step', variables: ReadonlyMap<string, Variable> = new Map()): Promise<void> {
    const translated = this.#translate(tsql);
    const frame = new Frame({ name, diagnostics: translated.diagnostics });
    for (const [variable, value] of variables) frame.set(variable, value);
    for (const object of translated.objects) {
      if (object.kind === 'procedure' || object.kind === 'table-function') {
        throw new RehearsalError(`${name} defines ${object.name}: a rehearsal step runs procedures, it does not create them`);
      }
      await this.#declare(frame, object.declarations);
      await this.#run(object.body, frame);
    }
  }

  #translate(tsql: string) {
    return translateSql(tsql, { ...this.#options.translate, target: 'duckdb', variableReference: variableMarker });
  }

  async #run(nodes: readonly ScriptNode[], frame: Frame): Promise<void> {
    for (const node of nodes) {
      this.#options.signal?.throwIfAborted();
      await this.#node(node, frame);
    }
  }

  async #node(node: ScriptNode, frame: Frame): Promise<void> {
    switch (node.kind) {
      case 'sql':
        await this.#execute(node.sql, frame, node.line);
        return;
      case 'comment':
        this.#checkComment(node.text, frame, node.line);
        return;
      case 'set':
        await this.#set(node.targets, node.value, node.fromQuery, frame, node.line);
        return;
      case 'if': {
        for (const branch of node.branches) {
          if (await this.#condition(branch.condition, frame, node.line)) {
            await this.#run(branch.body, frame);
            return;
          }
        }
        if (node.otherwise !== undefined) await this.#run(node.otherwise, frame);
        return;
      }
      case 'while': {
        const limit = this.#options.maxIterations ?? 1_000_000;
        for (let iteration = 0; await this.#condition(node.condition, frame, node.line); iteration += 1) {
          if (iteration >= limit) throw new RehearsalError(`${frame.unit.name}: the loop at line ${node.line} ran ${limit} times without ending`);
          if (!(await this.#loopBody(node.body, node.label, frame))) return;
        }
        return;
      }
      case 'leave':
      case 'iterate':
        throw new LoopControl(node.kind, node.label);
      case 'block':
        await this.#block(node, frame);
        return;
      case 'for': {
        const rows = await this.#query(node.query, frame, node.line);
        for (const row of rows.rows) {
          for (const assignment of node.assignments) {
            const index = rows.columns.findIndex((column) => column.name.toLowerCase() === assignment.column.toLowerCase());
            const variable = frame.get(assignment.variable);
            const value = sqlLiteral(index < 0 ? null : (row[index] ?? null), rows.columns[index]?.type);
            frame.set(assignment.variable, {
              literal: variable === undefined ? value : `CAST(${value} AS ${variable.type})`,
              type: variable?.type ?? rows.columns[index]?.type ?? 'VARCHAR',
            });
          }
          if (!(await this.#loopBody(node.body, node.label, frame))) return;
        }
        return;
      }
      case 'call':
        await this.#call(node, frame);
        return;
      case 'execute-immediate': {
        // The DuckDB translation never reads dynamic SQL INTO variables (it flags sp_executesql OUTPUT).
        if (node.into !== undefined) throw new RehearsalError(`${frame.unit.name}: EXECUTE IMMEDIATE ... INTO at line ${node.line} is not rehearsed`);
        const text = await this.#scalar(node.sql, frame, node.line);
        if (typeof text !== 'string') throw new RehearsalError(`${frame.unit.name}: the dynamic SQL at line ${node.line} is NULL`);
        // USING binds the statement's parameters (@name in the T-SQL text) by name.
        const bound = new Map<string, Variable>();
        for (const [index, argument] of node.using.entries()) {
          const literal = await this.#scalarLiteral(argument.value, frame, undefined, node.line);
          bound.set(`v_${argument.name ?? `p${index + 1}`}`, { literal, type: 'VARCHAR' });
        }
        // The string is T-SQL, built at run time: translate it now and run it as a batch of its own.
        await this.runTsql(text, `dynamic SQL (${frame.unit.name}, line ${node.line})`, bound);
        return;
      }
      case 'raise': {
        if (node.resignal) {
          if (!frame.has(ERROR_MESSAGE)) throw new RehearsalError(`${frame.unit.name}: RESIGNAL at line ${node.line} outside a handler`);
          throw this.#currentError(frame);
        }
        const message = node.messageIsLiteral ? (node.message ?? '') : String((await this.#scalar(node.message ?? "'error'", frame, node.line)) ?? '');
        throw new RehearsalError(message);
      }
      case 'return':
        throw new LoopControl('leave', 'body');
      default: {
        const unknown: never = node;
        throw new Error(`unknown script node ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** One pass of a loop body; false when LEAVE ended the loop. */
  async #loopBody(body: readonly ScriptNode[], label: string, frame: Frame): Promise<boolean> {
    try {
      await this.#run(body, frame);
      return true;
    } catch (control) {
      if (control instanceof LoopControl && control.label === label) return control.kind === 'iterate';
      throw control;
    }
  }

  /**
   * A block: its declarations, then its statements. With an EXIT handler, a failure of any
   * statement runs the handler and ends the block. An atomic block runs in a transaction that
   * a failure rolls back (DuckDB has no nested transactions: an inner one joins the outer).
   */
  async #block(node: BlockNode, frame: Frame): Promise<void> {
    await this.#declare(frame, node.declarations);
    const run = async () => {
      try {
        await this.#run(node.body, frame);
      } catch (control) {
        if (control instanceof LoopControl && control.kind === 'leave' && control.label === node.label) return;
        throw control;
      }
    };
    const body = node.atomic === true ? () => this.#atomic(run) : run;
    if (node.handler === undefined) {
      await body();
      return;
    }
    try {
      await body();
    } catch (failure) {
      if (failure instanceof LoopControl || failure instanceof UntranslatedPartError) throw failure;
      if (this.#options.signal?.aborted === true) throw failure;
      const error = failure instanceof RehearsalError ? failure : new RehearsalError(engineMessage(failure), '42000', { cause: failure });
      frame.set(ERROR_MESSAGE, { literal: sqlLiteral(error.message), type: 'VARCHAR' });
      frame.set(ERROR_STATE, { literal: sqlLiteral(error.sqlstate), type: 'VARCHAR' });
      for (const item of node.handler.diagnostics) {
        const value = item.item === 'MESSAGE_TEXT' ? sqlLiteral(error.message) : item.item === 'RETURNED_SQLSTATE' ? sqlLiteral(error.sqlstate) : 'CAST(NULL AS BIGINT)';
        frame.set(item.variable, { literal: value, type: item.item === 'LINE_NUMBER' ? 'BIGINT' : 'VARCHAR' });
      }
      await this.#run(node.handler.body, frame);
    }
  }

  async #atomic(work: () => Promise<void>): Promise<void> {
    if (this.#transactionDepth > 0) {
      await work();
      return;
    }
    await this.#options.session.execute('BEGIN TRANSACTION');
    this.#transactionDepth += 1;
    try {
      await work();
    } catch (failure) {
      this.#transactionDepth -= 1;
      await this.#options.session.execute('ROLLBACK');
      throw failure;
    }
    this.#transactionDepth -= 1;
    await this.#options.session.execute('COMMIT');
  }

  #currentError(frame: Frame): RehearsalError {
    const message = frame.get(ERROR_MESSAGE)?.literal ?? "''";
    const state = frame.get(ERROR_STATE)?.literal ?? "'45000'";
    return new RehearsalError(unquote(message), unquote(state));
  }

  async #call(node: Extract<ScriptNode, { kind: 'call' }>, frame: Frame): Promise<void> {
    const procedure = this.#procedure(node.procedure);
    if (procedure === undefined) throw new RehearsalError(`procedure ${node.procedure} (called by ${frame.unit.name} at line ${node.line}) is not in the snapshot`);
    this.#options.onCall?.(node.procedure);
    const callee = new Frame(procedure.unit);
    const outputs = await this.#bindArguments(procedure.object.parameters, node.arguments, frame, callee, node.line);
    await this.#withTemporaryTablesDropped(async () => {
      await this.#declare(callee, procedure.object.body.declarations);
      try {
        await this.#run(procedure.object.body.body, callee);
      } catch (control) {
        if (!(control instanceof LoopControl && control.kind === 'leave' && control.label === 'body')) throw control;
      }
    });
    for (const output of outputs) {
      const value = callee.get(output.parameter);
      const target = frame.get(output.callerVariable);
      if (value !== undefined) frame.set(output.callerVariable, { literal: target === undefined ? value.literal : `CAST(${value.literal} AS ${target.type})`, type: target?.type ?? value.type });
    }
  }

  /** Sets the callee's parameters from the call's arguments; returns the OUT/INOUT ones to copy back. */
  async #bindArguments(
    parameters: readonly ProcedureParameter[],
    args: ReadonlyArray<{ readonly name?: string; readonly value: string }>,
    caller: Frame,
    callee: Frame,
    line: number,
  ): Promise<Array<{ parameter: string; callerVariable: string }>> {
    const byName = new Map(args.filter((argument) => argument.name !== undefined).map((argument) => [argument.name!.toLowerCase(), argument.value]));
    const positional = args.filter((argument) => argument.name === undefined);
    const outputs: Array<{ parameter: string; callerVariable: string }> = [];
    for (const [index, parameter] of parameters.entries()) {
      const given = byName.get(parameter.name.toLowerCase()) ?? positional[index]?.value;
      const useDefault = given === undefined || given.trim().toUpperCase() === 'DEFAULT';
      // Argument values are the caller's; defaults are the callee's own expressions.
      const literal = await this.#scalarLiteral(`CAST(${useDefault ? (parameter.default ?? 'NULL') : given} AS ${parameter.type})`, useDefault ? callee : caller, parameter.type, line);
      callee.set(parameter.name, { literal, type: parameter.type });
      const variable = useDefault ? undefined : markedVariable(given);
      if (parameter.mode !== 'IN' && variable !== undefined) outputs.push({ parameter: parameter.name, callerVariable: variable });
    }
    return outputs;
  }

  /** T-SQL drops the temporary tables a procedure created when it returns; so does the rehearsal. */
  async #withTemporaryTablesDropped(work: () => Promise<void>): Promise<void> {
    const before = new Set(await this.#temporaryTables());
    try {
      await work();
    } finally {
      if (this.#transactionDepth === 0) {
        for (const table of await this.#temporaryTables()) {
          if (!before.has(table)) await this.#options.session.execute(`DROP TABLE IF EXISTS temp.main."${table.replaceAll('"', '""')}"`);
        }
      }
    }
  }

  async #temporaryTables(): Promise<string[]> {
    const result = await this.#options.session.query('SELECT table_name FROM duckdb_tables() WHERE temporary');
    return result.rows.map((row) => String(row[0]));
  }

  #procedure(name: string): { object: Procedure; unit: Unit } | undefined {
    const key = name.toLowerCase();
    if (!this.#procedures.has(key)) {
      const text = this.#options.procedures(name);
      const translated = text === undefined ? undefined : this.#translate(text);
      const object = translated?.objects.find((candidate): candidate is Procedure => candidate.kind === 'procedure');
      this.#procedures.set(key, object === undefined ? null : { object, unit: { name: object.name, diagnostics: translated!.diagnostics } });
    }
    return this.#procedures.get(key) ?? undefined;
  }

  #tableFunction(name: string): { object: TableFunction; unit: Unit } | undefined {
    const key = name.toLowerCase();
    if (!this.#functions.has(key)) {
      const text = this.#options.tableFunctions?.lookup(name);
      const translated = text === undefined ? undefined : this.#translate(text);
      const object = translated?.objects.find((candidate): candidate is TableFunction => candidate.kind === 'table-function');
      this.#functions.set(key, object === undefined ? null : { object, unit: { name: object.name, diagnostics: translated!.diagnostics } });
    }
    return this.#functions.get(key) ?? undefined;
  }

  async #declare(frame: Frame, declarations: readonly { name: string; type: string; default?: string }[]): Promise<void> {
    for (const declaration of declarations) {
      if (frame.has(declaration.name)) continue;
      const literal =
        declaration.default === undefined
          ? `CAST(NULL AS ${declaration.type})`
          : await this.#scalarLiteral(`CAST(${declaration.default} AS ${declaration.type})`, frame, declaration.type);
      frame.set(declaration.name, { literal, type: declaration.type });
    }
  }

  async #set(targets: readonly string[], value: string, fromQuery: boolean, frame: Frame, line: number): Promise<void> {
    if (!fromQuery || targets.length === 1) {
      for (const target of targets) {
        const type = frame.get(target)?.type;
        const expression = fromQuery ? `(${value})` : value;
        const literal = await this.#scalarLiteral(type === undefined ? expression : `CAST(${expression} AS ${type})`, frame, type, line);
        frame.set(target, { literal, type: type ?? 'VARCHAR' });
      }
      return;
    }
    // SET (a, b) = (query): one row sets them all; none sets NULLs; several fail.
    const result = await this.#query(`SELECT * FROM (${value}) LIMIT 2`, frame, line);
    if (result.rows.length > 1) throw new RehearsalError(`${frame.unit.name}: SET (...) = (query) at line ${line} returned more than one row`, '21000');
    for (const [index, target] of targets.entries()) {
      const variable = frame.get(target);
      const literal = sqlLiteral(result.rows[0]?.[index] ?? null, result.columns[index]?.type);
      frame.set(target, {
        literal: variable === undefined ? literal : `CAST(${literal} AS ${variable.type})`,
        type: variable?.type ?? result.columns[index]?.type ?? 'VARCHAR',
      });
    }
  }

  async #condition(condition: string, frame: Frame, line?: number): Promise<boolean> {
    const value = await this.#scalar(`CASE WHEN ${condition} THEN true ELSE false END`, frame, line);
    return value === true;
  }

  async #scalar(expression: string, frame: Frame, line?: number): Promise<Value> {
    const result = await this.#query(`SELECT ${expression}`, frame, line);
    return result.rows[0]?.[0] ?? null;
  }

  /** The value of an expression as a literal of its type (or of `type`). */
  async #scalarLiteral(expression: string, frame: Frame, type?: string, line?: number): Promise<string> {
    const result = await this.#query(`SELECT ${expression}`, frame, line);
    const literal = sqlLiteral(result.rows[0]?.[0] ?? null, type ?? result.columns[0]?.type);
    return type === undefined ? literal : `CAST(${literal} AS ${type})`;
  }

  async #query(sql: string, frame: Frame, line?: number): Promise<QueryResult> {
    return this.#send(sql, frame, line, (text) => this.#options.session.query(text, this.#queryOptions()));
  }

  async #execute(sql: string, frame: Frame, line?: number): Promise<void> {
    await this.#send(sql, frame, line, (text) => this.#options.session.execute(text, this.#queryOptions()));
  }

  #queryOptions() {
    return this.#options.signal === undefined ? {} : { signal: this.#options.signal };
  }

  /** Checks, binds and sends one statement, running the table functions it calls first. */
  async #send<T>(sql: string, frame: Frame, line: number | undefined, send: (text: string) => Promise<T>): Promise<T> {
    this.#checkUntranslated(sql, frame, line);
    const { text, cleanup } = await this.#expandTableFunctions(this.#bind(sql, frame), frame, line);
    this.#statements += 1;
    this.#options.onStatement?.(text);
    try {
      return await send(text);
    } finally {
      for (const table of cleanup) await this.#options.session.execute(`DROP TABLE IF EXISTS ${table}`);
    }
  }

  #checkUntranslated(sql: string, frame: Frame, line: number | undefined): void {
    for (const match of sql.matchAll(UNTRANSLATED_MARKER)) {
      const code = match[1]!;
      if (code in DIAGNOSTICS && DIAGNOSTICS[code as keyof typeof DIAGNOSTICS].severity === 'error') this.#untranslated(code, frame, line);
    }
  }

  /** A statement the translation kept as a comment: running past it would skip what it did. */
  #checkComment(text: string, frame: Frame, line: number | undefined): void {
    const code = /^\s*\[(TR_\w+)\]/.exec(text)?.[1];
    if (code !== undefined && code in DIAGNOSTICS && DIAGNOSTICS[code as keyof typeof DIAGNOSTICS].severity === 'error') this.#untranslated(code, frame, line);
  }

  #untranslated(code: string, frame: Frame, line: number | undefined): never {
    const candidates = frame.unit.diagnostics.filter((diagnostic) => diagnostic.code === code);
    const diagnostic = candidates.find((candidate) => line === undefined || candidate.line >= line) ?? candidates[0];
    const where = diagnostic === undefined ? (line === undefined ? '' : ` at line ${line}`) : ` at ${diagnostic.line}:${diagnostic.column}`;
    throw new UntranslatedPartError(
      `${frame.unit.name} reached a part lakeshift did not translate (${code}${where}${diagnostic === undefined ? '' : `: ${diagnostic.message}`})`,
      { object: frame.unit.name, code, ...(diagnostic === undefined ? {} : { line: diagnostic.line, column: diagnostic.column }) },
    );
  }

  /**
   * Replaces each call of a multi-statement table-valued function in `sql` by a temporary
   * table holding its rows: the arguments are evaluated here, the body runs in a frame of its
   * own, writing the table its T-SQL declared as RETURNS @t TABLE.
   */
  async #expandTableFunctions(sql: string, frame: Frame, line: number | undefined): Promise<{ text: string; cleanup: string[] }> {
    const names = this.#options.tableFunctions?.names ?? [];
    if (names.length === 0) return { text: sql, cleanup: [] };
    const cleanup: string[] = [];
    let text = sql;
    for (const call of findCalls(sql, names).reverse()) {
      const fn = this.#tableFunction(call.name);
      if (fn === undefined) continue;
      const table = await this.#runTableFunction(fn, call.args, frame, line ?? 0);
      cleanup.push(table);
      text = `${text.slice(0, call.start)}${table}${text.slice(call.end)}`;
    }
    return { text, cleanup };
  }

  async #runTableFunction(fn: { object: TableFunction; unit: Unit }, args: readonly string[], caller: Frame, line: number): Promise<string> {
    const { object } = fn;
    this.#temporaryCounter += 1;
    const table = `lakeshift_tvf_${this.#temporaryCounter}`;
    // The body writes the table under the name the translation gave it; running it under a
    // name of its own keeps a caller's table of the same name apart.
    const body = renameTable(object.body, object.result.table, table);
    const callee = new Frame(fn.unit);
    await this.#bindArguments(
      object.parameters,
      args.map((value) => ({ value })),
      caller,
      callee,
      line,
    );
    await this.#options.session.execute(`CREATE TEMPORARY TABLE ${table} (${object.result.columns})`);
    await this.#declare(callee, body.declarations);
    try {
      await this.#run(body.body, callee);
    } catch (control) {
      if (!(control instanceof LoopControl && control.kind === 'leave' && control.label === 'body')) throw control;
    }
    return table;
  }

  #bind(sql: string, frame: Frame): string {
    return sql.replace(MARKERS, (_, name: string) => {
      const variable = frame.get(name);
      if (variable === undefined) throw new RehearsalError(`${frame.unit.name}: variable ${name} is used before it is declared`);
      return `(${variable.literal})`;
    });
  }
}

/** The caller's variable an argument names, when the argument is just a variable. */
function markedVariable(value: string): string | undefined {
  const match = new RegExp(`^${VARIABLE_START}([^${VARIABLE_END}]*)${VARIABLE_END}$`).exec(value.trim());
  return match?.[1];
}

function engineMessage(error: unknown): string {
  if (error instanceof EngineError) return error.message.replace(new RegExp(`^${error.connection}: `), '');
  return describeError(error);
}

function unquote(literal: string): string {
  return literal.replace(/^'|'$/g, '').replaceAll("''", "'");
}

/** A copy of a block with every SQL text naming `from` naming `to` instead. */
function renameTable(block: BlockNode, from: string, to: string): BlockNode {
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return replaceIdentifier(value, from, to);
    if (Array.isArray(value)) return value.map(rename);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === 'kind' || key === 'label' ? inner : rename(inner)]));
    return value;
  };
  return rename(block) as BlockNode;
}

import type {
  DeclareStatement,
  ExecuteStatement,
  ExecuteStringStatement,
  Expression,
  ObjectName,
  Query,
  RaiserrorStatement,
  Select,
  SetOptionStatement,
  Span,
  ThrowStatement,
  Statement,
  TransactionStatement,
  TryCatchStatement,
} from '../../tsql/index.js';
import { walkAst, type AstNode } from '../../tsql/index.js';
import { errorTest } from '../rewrites/error-check.js';
import { firstWrittenTarget, integerLiteral } from './ast-tools.js';
import { dynamicPieces, translateDynamicSql, type DynamicPiece, type TranslatedDynamicSql } from './dynamic-sql.js';
import type { AtomicBlockStatement, CursorLoopStatement, ScriptStatement, UnconvertedCursorStatement } from '../rewrites/rewritten-statements.js';
import type { ScriptNode } from '../script-ir.js';
import { expression, expressionAs } from './expressions.js';
import { noteTable, tableDefinition } from './objects.js';
import { query } from './queries.js';
import { sourceText } from './source-text.js';
import type { StatementWriter } from './statements.js';
import { isSystemProcedure } from './system-procedures.js';
import { createTemporaryAs, createTemporaryTable, describeMode, dropTemporary, tempTableMode } from './temp-tables.js';

// -----------------------------------------------------------------------------------------------
// variables

/**
 * DECLARE: scalar variables are declared at the top of the object (with their T-SQL type
 * mapped) and given their initial value where the DECLARE stood, which is where T-SQL assigns
 * it, every time it passes there. Table variables become temporary tables created at the start
 * of the object, since T-SQL creates one table per batch however often the DECLARE runs.
 */
export function declare(node: DeclareStatement, w: StatementWriter): ScriptNode[] {
  const nodes: ScriptNode[] = [];
  for (const variable of node.variables) {
    if (variable.kind === 'table-variable-declaration') {
      const name = w.ctx.temporaryTable(variable.name);
      if (tempTableMode(w.ctx) === 'view') {
        w.temporaryNotCreated(name);
        return w.keep(node, 'TR_TEMP_TABLE_VIEW', `table variable ${variable.name} is written row by row: it needs a table, not a temporary view`);
      }
      w.ctx.report('TR_TEMP_TABLE', variable, `table variable ${variable.name} became ${describeMode(w.ctx)} ${name}, created at the start`);
      const definition = tableDefinition(variable.elements, w, name, true);
      noteTable(w, variable.name, definition);
      w.prologue.push(
        w.sql(variable, dropTemporary(w.ctx, name)),
        // The sequences of its identity columns (DuckDB) come before the table that uses them.
        ...definition.before.map((text) => w.sql(variable, text)),
        w.sql(variable, `${createTemporaryTable(w.ctx, name)} ${definition.body}`),
        ...definition.after.map((text) => w.sql(variable, text)),
      );
      continue;
    }
    const info = w.ctx.declareVariable(variable.name, 'variable', variable.type);
    w.declare(info.name, w.dataType(variable.type, variable));
    if (variable.value !== undefined) {
      nodes.push({ kind: 'set', targets: [info.name], value: expressionAs(variable.value, variable.type, w.ctx), fromQuery: false, line: w.line(variable) });
    }
  }
  return nodes;
}

// -----------------------------------------------------------------------------------------------
// TRY / CATCH, errors and transactions

/** The handler variables that stand for ERROR_MESSAGE(), ERROR_STATE() and ERROR_LINE(). */
// Named so that no translated T-SQL variable (v_... or p_...) can be hidden by them in the handler.
export const ERROR_VARIABLES = { MESSAGE_TEXT: 'lakeshift_error_message', RETURNED_SQLSTATE: 'lakeshift_error_sqlstate', LINE_NUMBER: 'lakeshift_error_line' } as const;

/**
 * TRY ... CATCH: the TRY statements in a block whose EXIT handler runs the CATCH statements.
 * After an EXIT handler runs, execution continues after the block, as after END CATCH. The
 * error functions inside the CATCH read variables that the handler fills with GET DIAGNOSTICS
 * (which must be the handler's first statement).
 */
export function tryCatch(node: TryCatchStatement, w: StatementWriter): ScriptNode[] {
  w.tryDepth += 1;
  let body: ScriptNode[];
  try {
    body = w.statements(node.try);
  } finally {
    w.tryDepth -= 1;
  }
  const { value: handlerBody, used } = w.ctx.collectErrorItems(() => w.statements(catchStatements(node.catch, w)));
  return [
    {
      kind: 'block',
      declarations: [],
      handler: { diagnostics: [...used].sort().map((item) => ({ variable: ERROR_VARIABLES[item], item })), body: handlerBody },
      body,
    },
  ];
}

/**
 * A CATCH block's first statement sees @@ERROR as the number of the error caught, never 0: an
 * `IF @@ERROR <> 0` there always runs its branch (and `IF @@ERROR = 0` never), where after any
 * other statement the test is dead code in Databricks. The test is settled here, before the
 * statement list's rewrites would drop the branch.
 */
function catchStatements(statements: readonly Statement[], w: StatementWriter): readonly Statement[] {
  const [first, ...rest] = statements;
  if (first?.kind !== 'if') return statements;
  const test = errorTest(first.condition);
  if (test === undefined) return statements;
  w.ctx.report('TR_SEMANTIC', first.condition, `@@ERROR as the first statement of a CATCH block is the number of the error caught, never 0: the IF ${test === 'failed' ? 'always takes its branch' : 'never takes its branch'}, and the test was dropped`);
  const taken = test === 'failed' ? first.then : first.else;
  return [...(taken === undefined ? [] : taken.kind === 'block' ? taken.statements : [taken]), ...rest];
}

const TRANSACTION_DROPPED: Readonly<Record<TransactionStatement['action'], string>> = {
  BEGIN: 'BEGIN TRANSACTION dropped (no COMMIT follows in the same block): each Databricks statement commits on its own',
  'BEGIN DISTRIBUTED': 'BEGIN DISTRIBUTED TRANSACTION dropped: each Databricks statement commits on its own',
  COMMIT: 'COMMIT dropped: each Databricks statement has committed on its own',
  ROLLBACK: 'ROLLBACK dropped: changes made before the error are not undone unless they ran in a BEGIN ATOMIC block',
  SAVE: 'SAVE TRANSACTION dropped: Databricks has no savepoints',
};

export function transaction(node: TransactionStatement, w: StatementWriter): ScriptNode[] {
  return w.drop(node, 'TR_TRANSACTION', TRANSACTION_DROPPED[node.action]);
}

/**
 * BEGIN TRANSACTION ... COMMIT in one block: a BEGIN ATOMIC compound (Databricks SQL and
 * Runtime 18.0 and above) commits when it completes and rolls back when a statement fails. It
 * can hold data changes, queries, variable assignments and IF/WHILE/FOR, not a nested BEGIN ...
 * END, CALL of a non-atomic procedure, dynamic SQL or DDL; otherwise the transaction statements
 * are dropped and the statements run one by one.
 */
export function atomicBlock(node: AtomicBlockStatement, w: StatementWriter): ScriptNode[] {
  const body = w.statements(node.statements);
  const obstacle = tableVariableWritten(node.statements) ?? atomicObstacle(body);
  if (obstacle === undefined) {
    w.ctx.report(
      'TR_TRANSACTION',
      node.begin,
      'BEGIN TRANSACTION ... COMMIT became a BEGIN ATOMIC block: it needs Databricks SQL or Runtime 18.0 and above, and Unity Catalog managed tables with catalog commits',
    );
    return [{ kind: 'block', atomic: true, declarations: [], body }];
  }
  return [
    ...w.drop(node.begin, 'TR_TRANSACTION', `BEGIN TRANSACTION dropped: the statements up to COMMIT cannot run in a BEGIN ATOMIC block (${obstacle}); each commits on its own`),
    ...body,
    ...w.drop(node.commit, 'TR_TRANSACTION', 'COMMIT dropped: each Databricks statement has committed on its own'),
  ];
}

const ATOMIC_STATEMENT = /^\s*(WITH|SELECT|INSERT|UPDATE|DELETE|MERGE|VALUES)\b/i;

/**
 * A table variable the statements write: ROLLBACK leaves table variables as they are in SQL
 * Server (the error log the CATCH writes from one), where a BEGIN ATOMIC block would roll its
 * temporary table back with the rest.
 */
function tableVariableWritten(statements: readonly ScriptStatement[]): string | undefined {
  const written = firstWrittenTarget(statements, (target) => target.kind === 'table-variable');
  return written?.kind === 'table-variable' ? `it writes the table variable ${written.name}, which SQL Server does not roll back` : undefined;
}

function atomicObstacle(nodes: readonly ScriptNode[]): string | undefined {
  for (const node of nodes) {
    switch (node.kind) {
      case 'sql':
        if (!ATOMIC_STATEMENT.test(node.sql)) return `it holds ${node.sql.split(/\s+/).slice(0, 3).join(' ')}`;
        break;
      case 'if': {
        const inner = [...node.branches.flatMap((branch) => branch.body), ...(node.otherwise ?? [])];
        const found = atomicObstacle(inner);
        if (found !== undefined) return found;
        break;
      }
      case 'while':
      case 'for': {
        const found = atomicObstacle(node.body);
        if (found !== undefined) return found;
        break;
      }
      case 'block':
        return node.handler === undefined ? 'it holds a nested block' : 'it holds a TRY/CATCH';
      case 'call':
        return `it calls ${node.procedure}`;
      case 'execute-immediate':
        return 'it holds dynamic SQL';
      case 'comment':
      case 'set':
      case 'leave':
      case 'iterate':
      case 'raise':
      case 'return':
        break;
      default: {
        const unknown: never = node;
        return String(unknown);
      }
    }
  }
  return undefined;
}

/**
 * RAISERROR with severity 11 or more raises an error; below that it only sends a message. Its
 * message is printf-like (%s, %d, %i, %u, %I64d, width and precision): format_string (Java
 * format) and DuckDB's printf build the same text once the T-SQL-only conversions are mapped
 * to %d.
 */
export function raiserror(node: RaiserrorStatement, w: StatementWriter): ScriptNode[] {
  const severity = integerLiteral(node.severity);
  if (severity !== undefined && severity < 11) return w.drop(node, 'TR_RAISERROR_INFO', `RAISERROR with severity ${severity} is a message, not an error: dropped`);
  if (node.message.kind === 'literal' && (node.message.type === 'integer' || node.message.type === 'decimal')) {
    w.ctx.report('TR_SEMANTIC', node, `RAISERROR ${node.message.value} raises a message defined in sys.messages: write its text into the translation`);
    return [literalRaise(`error ${node.message.value}`, node, w)];
  }
  const literal = node.message.kind === 'literal' && (node.message.type === 'string' || node.message.type === 'unicode-string');
  if (literal && node.arguments.length === 0) {
    // Without arguments the message is printed as is, except that %% stands for %.
    return [literalRaise((node.message as { value: string }).value.replaceAll('%%', '%'), node, w)];
  }
  const format = literal ? w.ctx.dialect.stringLiteral(printfFormat((node.message as { value: string }).value)) : expression(node.message, w.ctx);
  const functionName = w.ctx.target === 'duckdb' ? 'printf' : 'format_string';
  const message = node.arguments.length === 0 ? format : `${functionName}(${[format, ...node.arguments.map((argument) => expression(argument, w.ctx))].join(', ')})`;
  const raise: ScriptNode = { kind: 'raise', message, messageIsLiteral: false, resignal: false, line: w.line(node) };
  if (node.severity === undefined || severity !== undefined) return [raise];
  // A severity known only at run time: an error from 11 up, a message below.
  w.ctx.report('TR_RAISERROR_INFO', node, 'RAISERROR with a severity known only at run time: it raises from severity 11 up; below that its message is dropped');
  return [{ kind: 'if', branches: [{ condition: `${expression(node.severity, w.ctx)} >= 11`, body: [raise] }], line: w.line(node) }];
}

/** T-SQL printf conversions that Java's format and DuckDB's printf spell differently. */
function printfFormat(text: string): string {
  return text.replace(/%([-+ 0#]*\d*(?:\.\d+)?)(I64|h|l)?([diouxXs])/g, (_, flags: string, _size: string | undefined, conversion: string) => {
    const mapped = conversion === 'i' || conversion === 'u' ? 'd' : conversion;
    return `%${flags}${mapped}`;
  });
}

/**
 * THROW number, message, state raises an error with the message (SIGNAL with a literal, which
 * SIGNAL requires, or raise_error() otherwise); the error number has no place in a Databricks
 * condition. THROW alone re-raises the caught error: RESIGNAL.
 */
export function throwStatement(node: ThrowStatement, w: StatementWriter): ScriptNode[] {
  if (node.message === undefined) return [{ kind: 'raise', messageIsLiteral: false, resignal: true, line: w.line(node) }];
  const literal = node.message.kind === 'literal' && (node.message.type === 'string' || node.message.type === 'unicode-string');
  if (literal) return [literalRaise((node.message as { value: string }).value, node, w)];
  return [{ kind: 'raise', message: expression(node.message, w.ctx), messageIsLiteral: false, resignal: false, line: w.line(node) }];
}

/** An error with a literal message: SIGNAL's MESSAGE_TEXT, quoted as the target quotes strings. */
function literalRaise(message: string, node: Span, w: StatementWriter): ScriptNode {
  return { kind: 'raise', message, messageIsLiteral: true, messageLiteral: w.ctx.dialect.stringLiteral(message), resignal: false, line: w.line(node) };
}

// -----------------------------------------------------------------------------------------------
// EXEC and dynamic SQL

/**
 * EXEC procedure args: CALL with positional or named arguments (`p_name => value`, the names
 * procedures get when translated), DEFAULT kept. OUTPUT arguments need a variable, which T-SQL
 * requires too. sp_executesql is dynamic SQL: EXECUTE IMMEDIATE with the values bound by name.
 */
export function execute(node: ExecuteStatement, w: StatementWriter): ScriptNode[] {
  if (node.procedure.kind === 'variable') return callNamedAtRunTime(node, node.procedure.name, w);
  const parts = node.procedure.parts;
  const name = parts[parts.length - 1]!.toLowerCase();
  if (name === 'sp_executesql') {
    const nodes = spExecuteSql(node, w);
    if (node.returnVariable === undefined) return nodes;
    // EXEC @rc = sp_executesql ...: 0 when the text ran; a failure raises an error here instead of returning a code.
    w.ctx.report('TR_RETURN_VALUE', node, `${node.returnVariable.name} = sp_executesql became 0 after EXECUTE IMMEDIATE: a failing statement raises an error in Databricks instead of returning a code`);
    return [...nodes, { kind: 'set', targets: [w.ctx.variableName(node.returnVariable.name)], value: '0', fromQuery: false, line: w.line(node) }];
  }
  if (isSystemProcedure(parts)) {
    return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `${parts.join('.')} is a system procedure with no equivalent`);
  }
  if (parts.length === 4 && parts[0] !== '') {
    return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `${parts.join('.')} runs on the linked server ${parts[0]}: reach that system another way (Lakehouse Federation, a job)`);
  }
  if (node.returnVariable !== undefined) {
    w.ctx.report('TR_RETURN_VALUE', node, `EXEC ${node.returnVariable.name} = ...: Databricks procedures return no status code, so ${node.returnVariable.name} is not set`);
  }
  if (node.options.length > 0) w.ctx.report('TR_HINT_DROPPED', node, `EXEC option${node.options.length > 1 ? 's' : ''} ${node.options.join(', ')} dropped`);
  // A table variable passed to a table-valued parameter: the called procedure reads the
  // temporary table named after its parameter (see procedure()), filled here from ours.
  const tables = node.arguments.filter((argument) => argument.value.kind === 'variable' && w.ctx.isTemporaryTable(argument.value.name));
  const positional = tables.find((argument) => argument.name === undefined);
  if (positional !== undefined) {
    const variable = (positional.value as Extract<Expression, { kind: 'variable' }>).name;
    return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `the table variable ${variable} is passed by position: pass it by the name of the table-valued parameter (@param = ${variable}), which names the temporary table the procedure reads`);
  }
  const before = tables.flatMap((argument) => {
    const source = w.ctx.temporaryTable((argument.value as Extract<Expression, { kind: 'variable' }>).name);
    const target = w.ctx.temporaryTable(argument.name!);
    if (source === target) return [];
    w.ctx.report('TR_TABLE_PARAMETER', argument, `${argument.name} = ${(argument.value as Extract<Expression, { kind: 'variable' }>).name}: the rows are copied into ${target}, which the called procedure reads in place of its table-valued parameter`);
    return [w.sql(argument, dropTemporary(w.ctx, target)), w.sql(argument, createTemporaryAs(w.ctx, target, `SELECT * FROM ${source}`))];
  });
  const args = node.arguments.filter((argument) => !tables.includes(argument)).map((argument) => {
    if (argument.output) {
      w.ctx.report('TR_OUTPUT_PARAMETER', argument, "an OUTPUT argument: the called procedure's parameter became INOUT, and the argument must be a variable");
    }
    const value = argument.value.kind === 'default' ? 'DEFAULT' : expression(argument.value, w.ctx);
    return argument.name === undefined ? { value } : { name: `p_${argument.name.replace(/^@+/, '')}`, value };
  });
  const own = w.ctx.temporaryTableNames().filter((name) => !tables.some((argument) => argument.name?.toLowerCase() === name));
  if (own.length > 0) {
    w.ctx.reportOnce(
      'call-with-temporary-tables',
      'TR_SEMANTIC',
      node,
      `this code's temporary tables (${own.join(', ')}) are session tables in Databricks, which a called procedure shares: one that creates a table of the same name (its own ${own[0]}) drops and replaces this one, where in T-SQL each procedure had its own. Check the procedures called here`,
    );
  }
  if (w.ctx.inCatch) {
    w.ctx.reportOnce(
      `call-in-catch:${node.procedure.parts.join('.').toLowerCase()}`,
      'TR_SEMANTIC',
      node,
      `${node.procedure.parts.join('.')} is called from a CATCH block: in SQL Server it could read this error with ERROR_MESSAGE() and the like (an error-logging or rethrow procedure); a Databricks procedure cannot see its caller's error. Pass what it needs as arguments (lakeshift_error_message, lakeshift_error_state ...), and re-raise here if it re-raised`,
    );
  }
  // EXECUTE resolves a one-part name in the caller's default schema (dbo), not the module's.
  return [...before, { kind: 'call', procedure: w.ctx.objectName(node.procedure, true), arguments: args, line: w.line(node) }];
}

/**
 * EXEC @procedure args: the procedure is named at run time. Databricks runs
 * `CALL <name>(?, ...)` built as text with EXECUTE IMMEDIATE, the arguments bound to the
 * markers; T-SQL brackets in the name become backquotes. The name is the T-SQL one: it must
 * name the translated procedure (translate.names is not applied at run time), which a warning
 * says. OUTPUT arguments cannot come back through EXECUTE IMMEDIATE, and the rehearsal cannot
 * run a CALL text: those stay flagged.
 */
function callNamedAtRunTime(node: ExecuteStatement, variable: string, w: StatementWriter): ScriptNode[] {
  const why = `EXEC ${variable} runs a procedure named at run time`;
  if (w.ctx.target !== 'databricks') return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `${why}: the rehearsal cannot run it; call each possible procedure in IF branches`);
  if (node.arguments.some((argument) => argument.output)) {
    return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `${why} with OUTPUT arguments, which EXECUTE IMMEDIATE cannot return: call each possible procedure in IF branches`);
  }
  if (node.arguments.some((argument) => argument.value.kind === 'variable' && w.ctx.isTemporaryTable(argument.value.name))) {
    return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `${why} with a table variable: call each possible procedure in IF branches`);
  }
  if (node.returnVariable !== undefined) {
    w.ctx.report('TR_RETURN_VALUE', node, `EXEC ${node.returnVariable.name} = ...: Databricks procedures return no status code, so ${node.returnVariable.name} is not set`);
  }
  const using: Array<{ value: string }> = [];
  const markers = node.arguments.map((argument) => {
    const slot = argument.value.kind === 'default' ? 'DEFAULT' : (using.push({ value: expression(argument.value, w.ctx) }), '?');
    return argument.name === undefined ? slot : `p_${argument.name.replace(/^@+/, '')} => ${slot}`;
  });
  w.ctx.report(
    'TR_DYNAMIC_SQL',
    node,
    `${why}: it became EXECUTE IMMEDIATE of 'CALL ' || ${variable} || '(...)', with the arguments bound; ${variable} holds a T-SQL name, which must name the translated procedure (catalog.schema.name, as translate.names maps it)`,
  );
  const name = `replace(replace(${w.ctx.dialect.variable(w.ctx.variableName(variable))}, '[', '\`'), ']', '\`')`;
  return [{ kind: 'execute-immediate', sql: `'CALL ' || ${name} || ${w.ctx.dialect.stringLiteral(`(${markers.join(', ')})`)}`, using, line: w.line(node) }];
}

/**
 * EXEC sp_executesql @stmt, N'@a int, @b date', @a = 1, @b = @day: EXECUTE IMMEDIATE with the
 * values bound to named parameter markers (`USING 1 AS a, v_day AS b`), in the order of the
 * parameter definitions when they are passed by position. The statement text is still T-SQL,
 * where the markers are written @a: it must be translated, with @a becoming :a.
 */
function spExecuteSql(node: ExecuteStatement, w: StatementWriter): ScriptNode[] {
  return dynamicExecution(node, w).nodes;
}

/** sp_executesql, after `prefix` (the INSERT of INSERT ... EXEC); `translated`: the text was translated. */
function dynamicExecution(node: ExecuteStatement, w: StatementWriter, prefix?: string): { readonly nodes: ScriptNode[]; readonly translated: boolean } {
  const [statement, definitions, ...values] = node.arguments;
  if (statement === undefined) return { nodes: w.keep(node, 'TR_UNSUPPORTED_STATEMENT', 'sp_executesql without a statement'), translated: false };
  const definitionText =
    definitions?.value.kind === 'literal' && (definitions.value.type === 'string' || definitions.value.type === 'unicode-string') ? definitions.value.value : undefined;
  const names = definitionText === undefined ? undefined : [...definitionText.matchAll(/@(\w+)/g)].map((match) => match[1]!);
  const outputs = values.filter((argument) => argument.output);
  // OUTPUT parameters are assigned by the text (SELECT @n = ...), which has no translation as one statement.
  const known = outputs.length === 0 && (definitions === undefined || definitionText !== undefined) ? knownPieces([statement.value], w) : undefined;
  const translated = known === undefined ? undefined : translateDynamicSql([...(prefix === undefined ? [] : [{ kind: 'text' as const, text: prefix }]), ...known], node, w, definitionText);
  if (translated !== undefined) reportTranslated(node, translated, w, definitionText !== undefined && definitionText.trim() !== '');
  else if (prefix === undefined) w.ctx.report('TR_DYNAMIC_SQL', node, 'sp_executesql became EXECUTE IMMEDIATE, but the SQL text it runs is still T-SQL: translate it (parameters @name become :name)');
  if (definitions !== undefined && names === undefined && values.length > 0) {
    w.ctx.report('TR_DYNAMIC_SQL', definitions, 'the parameter definitions of sp_executesql are not a literal: the values are bound by position, check that the markers are ?');
  }
  // OUTPUT parameters: on Databricks the text returns their values as one row, read INTO the
  // variables; the rehearsal cannot, and DuckDB has no such form.
  // INTO binds by position: the variables go in the order the definitions name the parameters.
  const parameterOf = (argument: (typeof values)[number]) => argument.name?.replace(/^@+/, '') ?? names?.[values.indexOf(argument)];
  const position = (argument: (typeof values)[number]) => {
    const found = names?.findIndex((name) => name.toLowerCase() === parameterOf(argument)?.toLowerCase()) ?? -1;
    return found < 0 ? values.indexOf(argument) : found;
  };
  const into =
    outputs.length > 0 && w.ctx.target === 'databricks' && prefix === undefined && outputs.every((argument) => argument.value.kind === 'variable')
      ? [...outputs].sort((a, b) => position(a) - position(b))
      : undefined;
  if (into !== undefined) {
    const written = into.map((argument) => (argument.value as Extract<Expression, { kind: 'variable' }>).name).join(', ');
    const order = into.map((argument) => `@${parameterOf(argument) ?? '?'} into ${(argument.value as Extract<Expression, { kind: 'variable' }>).name}`).join(', ');
    w.ctx.report(
      'TR_DYNAMIC_SQL',
      into[0]!,
      `the OUTPUT parameters of sp_executesql became EXECUTE IMMEDIATE ... INTO ${written}: the text must return their values as one row, in this order: ${order} (SELECT COUNT(*) ..., not SELECT @n = COUNT(*) ...)`,
    );
  }
  const using = values.flatMap((argument, index) => {
    if (argument.output && into !== undefined) return [];
    if (argument.output) {
      w.ctx.report('TR_UNSUPPORTED_EXPRESSION', argument, 'an OUTPUT parameter of dynamic SQL: return the value from a query with EXECUTE IMMEDIATE ... INTO instead');
    }
    const value = argument.value.kind === 'default' ? 'DEFAULT' : expression(argument.value, w.ctx);
    const written = argument.name?.replace(/^@+/, '');
    // The markers of a translated text are spelled as the definitions spell the parameters.
    const named = (translated === undefined ? undefined : names?.find((name) => name.toLowerCase() === written?.toLowerCase())) ?? written ?? names?.[index];
    return [named === undefined ? { value } : { value, name: named }];
  });
  const sql = translated?.sql ?? expression(statement.value, w.ctx);
  const nodes: ScriptNode[] = [
    {
      kind: 'execute-immediate',
      sql: prefix === undefined || translated !== undefined ? sql : `${w.ctx.dialect.stringLiteral(prefix)} || ${sql}`,
      using,
      ...(into === undefined ? {} : { into: into.map((argument) => w.ctx.variableName((argument.value as Extract<Expression, { kind: 'variable' }>).name)) }),
      line: w.line(node),
    },
  ];
  return { nodes, translated: translated !== undefined };
}

/**
 * The pieces of the text of dynamic SQL (see dynamic-sql.ts): a variable stands for the text
 * assigned to it before, in the same statement list, where that is known.
 */
function knownPieces(parts: readonly Expression[], w: StatementWriter): DynamicPiece[] | undefined {
  const pieces: DynamicPiece[] = [];
  for (const part of parts) {
    const found = part.kind === 'variable' ? (w.assignedText(part.name) ?? [{ kind: 'hole' as const, expression: part }]) : dynamicPieces(part, w);
    if (found === undefined) return undefined;
    pieces.push(...found);
  }
  return pieces;
}

function reportTranslated(at: Span, translated: TranslatedDynamicSql, w: StatementWriter, parameters: boolean): void {
  const { holes } = translated;
  const spliced =
    holes.length === 0
      ? ''
      : `; ${holes.join(', ')} ${holes.length === 1 ? 'is' : 'are'} spliced into it as ${holes.length === 1 ? 'it is' : 'they are'} when it runs: check that ${holes.length === 1 ? 'its value is a name or value' : 'their values are names or values'} Databricks reads the same way`;
  w.ctx.report('TR_DYNAMIC_SQL_TRANSLATED', at, `the text of this dynamic SQL is built from literals and was translated${parameters ? ' (parameters @name became markers :name)' : ''}${spliced}`);
}

/**
 * INSERT INTO t EXEC (@sql) / EXEC sp_executesql @sql: the rows of the query the text runs go
 * into t. The INSERT becomes part of the dynamic text, which is T-SQL like the rest of it:
 * `'INSERT INTO t ' || @sql`, run with EXECUTE IMMEDIATE. Undefined for EXEC of a procedure,
 * whose result sets nothing in Databricks can insert.
 */
export function dynamicInsert(source: ExecuteStatement | ExecuteStringStatement, prefix: string, w: StatementWriter): ScriptNode[] | undefined {
  const message = `INSERT ... EXEC of dynamic SQL became EXECUTE IMMEDIATE of '${prefix}' || the text: the text must be one query (INSERT ... EXEC inserted the rows of every result set), and it is still T-SQL: translate it`;
  if (source.kind === 'execute-string') {
    if (source.at !== undefined || source.as !== undefined) return undefined;
    const known = knownPieces(source.parts, w);
    // The INSERT joins the text, which is then translated as one statement.
    const translated = known === undefined ? undefined : translateDynamicSql([{ kind: 'text', text: prefix }, ...known], source, w);
    if (translated !== undefined) {
      reportTranslated(source, translated, w, false);
      return [{ kind: 'execute-immediate', sql: translated.sql, using: [], line: w.line(source) }];
    }
    w.ctx.report('TR_DYNAMIC_SQL', source, message);
    return [{ kind: 'execute-immediate', sql: [w.ctx.dialect.stringLiteral(prefix), ...source.parts.map((part) => expression(part, w.ctx))].join(' || '), using: [], line: w.line(source) }];
  }
  const parts = source.procedure.kind === 'variable' ? [] : source.procedure.parts;
  if (parts.length === 0 || parts[parts.length - 1]!.toLowerCase() !== 'sp_executesql' || source.returnVariable !== undefined) return undefined;
  const { nodes, translated } = dynamicExecution(source, w, prefix);
  if (!translated) w.ctx.report('TR_DYNAMIC_SQL', source, message);
  return nodes;
}

/** EXEC ('...' + @x) / EXEC (@sql): dynamic SQL, run with EXECUTE IMMEDIATE. */
export function executeString(node: ExecuteStringStatement, w: StatementWriter): ScriptNode[] {
  if (node.at !== undefined) return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `EXEC (...) AT ${node.at} runs on a linked server: reach that system another way`);
  if (node.as !== undefined) w.ctx.report('TR_UNSUPPORTED_STATEMENT', node, `EXEC (...) AS ${node.as}: the context switch was dropped; use Unity Catalog privileges`);
  const known = knownPieces(node.parts, w);
  const translated = known === undefined ? undefined : translateDynamicSql(known, node, w);
  if (translated !== undefined) {
    reportTranslated(node, translated, w, false);
    return [{ kind: 'execute-immediate', sql: translated.sql, using: [], line: w.line(node) }];
  }
  w.ctx.report('TR_DYNAMIC_SQL', node, 'dynamic SQL runs with EXECUTE IMMEDIATE, but the text it builds is still T-SQL: translate it');
  return [{ kind: 'execute-immediate', sql: node.parts.map((part) => expression(part, w.ctx)).join(' || '), using: [], line: w.line(node) }];
}

// -----------------------------------------------------------------------------------------------
// cursors

/**
 * A cursor loop (recognised by rewrites/cursor-to-for.ts): FOR row AS query DO, the FETCH
 * variables set from the row's columns first. Columns without a name (expressions) or with a
 * repeated one are aliased so that each can be read from the row.
 */
export function cursorLoop(node: CursorLoopStatement, w: StatementWriter): ScriptNode[] {
  const { text, columns } = namedQuery(node.query, w);
  if (columns.length !== node.variables.length) {
    return [...w.keep(node.declaration, 'TR_CURSOR_UNSUPPORTED', `cursor ${node.cursor}: FETCH reads ${node.variables.length} variables from a query of ${columns.length} columns`), ...w.statements(node.body)];
  }
  const options = node.declaration.cursor.options.filter((option) => ['DYNAMIC', 'KEYSET'].includes(option.toUpperCase()));
  w.ctx.report(
    'TR_CURSOR',
    node.declaration,
    `cursor ${node.cursor} became a FOR loop over its query, which runs once when the loop starts${options.length > 0 ? ` (a ${options.join(' ')} cursor saw changes made during the loop; the FOR loop does not)` : ''}: check the loop body, set-based SQL is usually better`,
  );
  noteTablesChangedUnderCursor(node, w);
  w.forLoopCursors.add(node.cursor.toLowerCase());
  const row = `${node.cursor.replace(/\W/g, '_')}_row`;
  return w.inLoop((label) => [
    {
      kind: 'for',
      label,
      row,
      query: text,
      assignments: node.variables.map((variable, index) => ({ variable: w.ctx.variableName(variable.name), column: w.ctx.dialect.identifier(columns[index]!) })),
      body: w.statements(node.body),
      line: w.line(node),
    },
  ]);
}

/**
 * A cursor that is not STATIC or INSENSITIVE sees, in later fetches, the changes its loop makes
 * to the tables its query reads (rows deleted ahead of it are not fetched); the FOR loop reads
 * the rows as they were when it started. Said where the body writes such a table.
 */
function noteTablesChangedUnderCursor(node: CursorLoopStatement, w: StatementWriter): void {
  const options = node.declaration.cursor.options.map((option) => option.toUpperCase());
  if (options.includes('STATIC') || options.includes('INSENSITIVE')) return;
  const tableKey = (name: ObjectName) => name.parts.slice(-2).join('.').toLowerCase();
  const read = new Set<string>();
  walkAst(node.query as AstNode, (child) => {
    if (child.kind === 'table-ref') read.add(tableKey(child.name));
  });
  const written = firstWrittenTarget(node.body, (target) => target.kind === 'table-ref' && read.has(tableKey(target.name)));
  if (written?.kind !== 'table-ref') return;
  w.ctx.report(
    'TR_SEMANTIC',
    node.declaration,
    `the loop of cursor ${node.cursor} writes ${written.name.parts.join('.')}, which its query reads: the T-SQL cursor saw those changes in later fetches (a row deleted or changed ahead of it), the FOR loop reads the rows as they were when it started. Check that the body changes only the row just fetched`,
  );
}

/** The query's text with every column of its (leftmost) select list named, and the names. */
function namedQuery(node: Query, w: StatementWriter): { text: string; columns: string[] } {
  const columns: string[] = [];
  const rename = (select: Select): Select => {
    const seen = new Set<string>();
    return {
      ...select,
      columns: select.columns.map((item, index) => {
        if (item.kind !== 'select-column') return item;
        const natural = item.alias ?? (item.expression.kind === 'column-ref' ? item.expression.parts[item.expression.parts.length - 1] : undefined);
        let name = natural ?? `column_${index + 1}`;
        if (seen.has(name.toLowerCase())) name = `${name}_${index + 1}`;
        seen.add(name.toLowerCase());
        columns.push(name);
        return name === natural && item.alias !== undefined ? item : name === natural ? item : { ...item, alias: name };
      }),
    };
  };
  const body = (part: Query['body']): Query['body'] => {
    switch (part.kind) {
      case 'select':
        return rename(part);
      case 'set-operation':
        return { ...part, left: body(part.left) };
      case 'query':
        return { ...part, body: body(part.body) };
      default:
        return part;
    }
  };
  return { text: query({ ...node, body: body(node.body) }, w.ctx), columns };
}

export function unconvertedCursor(node: UnconvertedCursorStatement, w: StatementWriter): ScriptNode[] {
  return w.keep(node.declaration, 'TR_CURSOR_UNSUPPORTED', `cursor ${node.declaration.name} did not become a FOR loop: ${node.reason}`);
}

// -----------------------------------------------------------------------------------------------
// session options

/**
 * `harmless`: the setting that changes nothing here (ON, OFF, any, or a value such as
 * DATEFIRST's 7). `note`: said when the option is dropped, for any setting or for the one `noteOn` names.
 */
type OptionRule = { readonly harmless: string; readonly note?: string; readonly noteOn?: string };

/**
 * SET options, by what they change: those that only change messages, plans or locking are
 * dropped with an info; those that change results in one of their settings are flagged when
 * set that way (ANSI_NULLS OFF makes `= NULL` true, CONCAT_NULL_YIELDS_NULL OFF makes
 * 'a' + NULL = 'a', ANSI_WARNINGS OFF turns errors into NULLs, XACT_ABORT OFF lets a batch go
 * on after a failed statement, where Databricks always stops).
 */
const OPTIONS: Readonly<Record<string, OptionRule>> = {
  NOCOUNT: { harmless: 'ANY' },
  ANSI_NULLS: { harmless: 'ON' },
  // The parser reads "text" as SQL Server does under each setting (quoted-identifier.ts).
  QUOTED_IDENTIFIER: { harmless: 'ANY', noteOn: 'OFF', note: 'the double-quoted text after it was read as strings, as SQL Server reads it' },
  ANSI_PADDING: { harmless: 'ON' },
  ANSI_WARNINGS: { harmless: 'ON' },
  ARITHABORT: { harmless: 'ON' },
  CONCAT_NULL_YIELDS_NULL: { harmless: 'ON' },
  NUMERIC_ROUNDABORT: { harmless: 'OFF' },
  XACT_ABORT: { harmless: 'ON' },
  ANSI_NULL_DFLT_ON: { harmless: 'ANY' },
  ANSI_DEFAULTS: { harmless: 'ANY' },
  'STATISTICS IO': { harmless: 'ANY' },
  'STATISTICS TIME': { harmless: 'ANY' },
  'STATISTICS XML': { harmless: 'ANY' },
  'STATISTICS PROFILE': { harmless: 'ANY' },
  'TRANSACTION ISOLATION LEVEL': { harmless: 'ANY' },
  DEADLOCK_PRIORITY: { harmless: 'ANY' },
  LOCK_TIMEOUT: { harmless: 'ANY' },
  NOEXEC: { harmless: 'OFF' },
  SHOWPLAN_XML: { harmless: 'OFF' },
  SHOWPLAN_ALL: { harmless: 'OFF' },
  SHOWPLAN_TEXT: { harmless: 'OFF' },
  FMTONLY: { harmless: 'OFF' },
  CURSOR_CLOSE_ON_COMMIT: { harmless: 'ANY' },
  IMPLICIT_TRANSACTIONS: { harmless: 'OFF' },
  QUERY_GOVERNOR_COST_LIMIT: { harmless: 'ANY' },
  CONTEXT_INFO: { harmless: 'ANY' },
  // The settings the translation assumes (us_english): weeks start on Sunday, text dates read m/d/y.
  DATEFIRST: { harmless: '7' },
  DATEFORMAT: { harmless: 'MDY' },
  LANGUAGE: { harmless: 'US_ENGLISH' },
  IDENTITY_INSERT: {
    harmless: 'ANY',
    note: 'identity columns became GENERATED BY DEFAULT, which take explicit values without it',
  },
};

export function setOption(node: SetOptionStatement, w: StatementWriter): ScriptNode[] {
  const value = node.value.toUpperCase();
  // ANSI_WARNINGS OFF (with ARITHABORT OFF, the default of most client connections) makes a
  // division by zero NULL: the divisions after it are written so (expressions.ts divide()).
  if (node.options.includes('ANSI_WARNINGS')) w.ctx.nullOnDivideByZero = value === 'OFF';
  if (node.options.includes('ARITHABORT') && value === 'ON') w.ctx.nullOnDivideByZero = false;
  const setting = value.replace(/^N?'(.*)'$/, '$1');
  const harmful = node.options.filter((option) => {
    const rule = OPTIONS[option];
    return rule === undefined || (rule.harmless !== 'ANY' && rule.harmless !== setting);
  });
  const text = `SET ${node.options.join(', ')}${node.table === undefined ? '' : ` ${node.table.parts.join('.')}`} ${node.value}`;
  if (harmful.length === 0) {
    const notes = node.options
      .map((option) => OPTIONS[option])
      .filter((rule) => rule?.noteOn === undefined || rule.noteOn === setting)
      .map((rule) => rule?.note)
      .filter((note): note is string => note !== undefined);
    // Parsed with the setting the module was created with, which a SET in its body does not change.
    if (node.options.includes('QUOTED_IDENTIFIER') && w.ctx.withinModule) notes.splice(0, notes.length, 'inside a procedure, function or view it changes nothing');
    w.ctx.report('TR_SESSION_OPTION', node, `${text} dropped${notes.length > 0 ? `: ${notes.join('; ')}` : ''}`);
  } else {
    const divisions = w.ctx.nullOnDivideByZero && w.ctx.target === 'databricks' && harmful.includes('ANSI_WARNINGS') ? ' (divisions after it give NULL on a zero divisor, with try_divide, as SQL Server did)' : '';
    w.ctx.report('TR_SESSION_OPTION_SEMANTIC', node, `${text} dropped${divisions}: check that nothing relies on ${harmful.join(', ')} ${node.value}`);
  }
  return [{ kind: 'comment', text: `[${harmful.length === 0 ? 'TR_SESSION_OPTION' : 'TR_SESSION_OPTION_SEMANTIC'}] ${sourceText(w.ctx, node)}`, line: w.line(node) }];
}

import type {
  ColumnDefinition,
  Constraint,
  OptionItem,
  CreateFunctionStatement,
  CreateProcedureStatement,
  CreateTableStatement,
  CreateTriggerStatement,
  CreateViewStatement,
  DataType,
  Expression,
  ObjectName,
  SetItem,
  Span,
  Statement,
  TableElement,
} from '../../tsql/index.js';
import { walkAst } from '../../tsql/index.js';
import { TranslationContext, type IdentityColumn } from '../context.js';
import { typeParts } from '../dialects/dialect.js';
import { walkStatements } from '../rewrites/statement-lists.js';
import type { ProcedureParameter, ScriptNode, TranslatedObject } from '../script-ir.js';
import { expression, expressionAs } from './expressions.js';
import { foldScalarFunction, foldTableFunction, resultColumnTypes } from './fold-function.js';
import { fixedResultFamily } from './value-types.js';
import { query } from './queries.js';
import { sourceText } from './source-text.js';
import type { StatementWriter } from './statements.js';
import { columnMapping } from './column-mapping.js';
import { createTemporaryTable, describeMode, dropTemporary, globalTemporaryNote, isTemporaryName, tempTableMode } from './temp-tables.js';

// -----------------------------------------------------------------------------------------------
// tables

/** A table's DDL: statements before it (DuckDB sequences), its column list with clauses, statements after it (constraints). */
export interface TableDefinition {
  readonly before: readonly string[];
  readonly body: string;
  readonly after: readonly string[];
  /** The column definitions and constraints of `body`, comma-separated on one line, without the parentheses and table properties. */
  readonly columns: string;
  /** The T-SQL types of the columns, by lower-cased name, in table order. */
  readonly columnTypes: ReadonlyMap<string, DataType>;
  readonly identity?: IdentityColumn;
  /** The PRIMARY KEY columns, as written. */
  readonly primaryKey?: readonly string[];
}

/**
 * CREATE TABLE: types mapped, NOT NULL and DEFAULT kept (Databricks needs the allowColumnDefaults
 * table feature for DEFAULT), IDENTITY as an identity column, computed columns as generated
 * columns. Constraints: Databricks enforces NOT NULL and CHECK; a PRIMARY KEY becomes an
 * informational Unity Catalog key (useful to the optimizer and BI tools, never enforced);
 * FOREIGN KEY and UNIQUE are dropped (a foreign key needs its referenced key created first, and
 * UNIQUE does not exist). Indexes and storage options are dropped.
 */
export function createTable(node: CreateTableStatement, w: StatementWriter): ScriptNode[] {
  if (node.external || node.graphType !== undefined) {
    return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', node.external ? 'an external table: define it over the files with CREATE TABLE ... LOCATION, or load it' : 'graph tables have no equivalent');
  }
  const temporary = isTemporaryName(node.name);
  const name = w.ctx.objectName(node.name, true);
  const storage = [node.on === undefined ? undefined : `ON ${node.on}`, node.textImageOn === undefined ? undefined : `TEXTIMAGE_ON ${node.textImageOn}`, ...node.options.map((option) => option.name)].filter(
    (item): item is string => item !== undefined,
  );
  if (storage.length > 0) w.ctx.report('TR_HINT_DROPPED', node, `storage options dropped: ${storage.join(', ')}`);
  if (node.asSelect !== undefined) {
    const text = query(node.asSelect, w.ctx);
    return [w.sql(node, `${temporary ? createTemporaryTable(w.ctx, name) : `CREATE TABLE ${name}`} AS\n${text}`)];
  }
  if (temporary) {
    if (tempTableMode(w.ctx) === 'view') {
      w.temporaryNotCreated(name);
      return w.keep(node, 'TR_TEMP_TABLE_VIEW', `${node.name.parts[0]} is created empty and filled later: it needs a table, not a temporary view`);
    }
    w.ctx.report('TR_TEMP_TABLE', node, `${node.name.parts[0]} became ${describeMode(w.ctx)} ${name}`);
    const global = globalTemporaryNote(node.name.parts[0]!);
    if (global !== undefined) w.ctx.report('TR_SEMANTIC', node, global);
  }
  const definition = tableDefinition(node.elements, w, name, temporary);
  noteTable(w, TranslationContext.tableKey(node.name), definition);
  const create = temporary ? createTemporaryTable(w.ctx, name) : `CREATE TABLE ${name}`;
  return [
    ...(temporary ? [w.sql(node, dropTemporary(w.ctx, name))] : []),
    ...definition.before.map((text) => w.sql(node, text)),
    w.sql(node, `${create} ${definition.body}`),
    ...definition.after.map((text) => w.sql(node, text)),
  ];
}

/** What later statements of the same text need of a table defined in it: column types, the identity column, the primary key. */
export function noteTable(w: StatementWriter, key: string, definition: TableDefinition): void {
  w.ctx.noteTableColumns(key, definition.columnTypes);
  if (definition.identity !== undefined) w.ctx.noteIdentityColumn(key, definition.identity);
  if (definition.primaryKey !== undefined) w.ctx.notePrimaryKey(key, definition.primaryKey);
}

type Line = { readonly text: string; readonly comment: boolean };

export function tableDefinition(elements: readonly TableElement[], w: StatementWriter, tableName: string, temporary: boolean): TableDefinition {
  const databricks = w.ctx.target === 'databricks';
  const columns = elements.filter((element): element is ColumnDefinition => element.kind === 'column-definition');
  const types = new Map(columns.filter((column) => column.type !== undefined).map((column) => [column.name.toLowerCase(), column.type!]));
  const constraints: Constraint[] = [
    ...elements.filter((element): element is Constraint => element.kind === 'constraint'),
    ...columns.flatMap((column) =>
      column.constraints.map((constraint) => (constraint.columns.length === 0 && (constraint.type === 'PRIMARY KEY' || constraint.type === 'UNIQUE') ? { ...constraint, columns: [{ kind: 'index-column' as const, name: column.name, start: column.start, end: column.end }] } : constraint)),
    ),
  ];
  const keyColumns = new Set(constraints.filter((constraint) => constraint.type === 'PRIMARY KEY').flatMap((constraint) => constraint.columns.map((column) => column.name.toLowerCase())));
  const before: string[] = [];
  const after: string[] = [];
  const lines: Line[] = [];
  let defaults = false;
  // A table numbered by a sequence default becomes an identity table: one identity column, so
  // only where the table has no IDENTITY of its own, and only the first such column.
  const sequenceKey = columns.some((column) => column.identity !== undefined) ? undefined : columns.find((column) => sequenceDefault(column) !== undefined);

  for (const column of columns) {
    const result = columnDefinition(column, w, { tableName, temporary, keyColumns, types, sequenceKey: column === sequenceKey });
    if (result.kind === 'comment') {
      lines.push({ text: result.text, comment: true });
      continue;
    }
    lines.push({ text: result.text, comment: false });
    before.push(...result.before);
    if (result.hasDefault) defaults = true;
  }

  const tableLabel = tableName.replace(/[`"]/g, '').split('.').pop() ?? 'table';
  let checks = 0;
  for (const constraint of constraints) {
    const label = constraint.name === undefined ? '' : ` ${constraint.name}`;
    if (ignoresDuplicateKeys(constraint.options)) reportIgnoredDuplicates(constraint, `${constraint.type}${label}`, w);
    switch (constraint.type) {
      case 'PRIMARY KEY': {
        const columnsText = constraint.columns.map((column) => w.ctx.dialect.identifier(column.name)).join(', ');
        if (databricks && !temporary) {
          w.ctx.report('TR_CONSTRAINT', constraint, `PRIMARY KEY${label} became an informational Unity Catalog key: Databricks does not enforce it`);
          lines.push({ text: `CONSTRAINT ${w.ctx.dialect.identifier(constraint.name ?? `${tableLabel}_pk`)} PRIMARY KEY (${columnsText})`, comment: false });
        } else {
          w.ctx.report('TR_CONSTRAINT', constraint, `PRIMARY KEY${label} dropped${temporary ? ' from a temporary table' : ' for the rehearsal'}: its columns stay NOT NULL`);
        }
        break;
      }
      case 'UNIQUE':
        w.ctx.report('TR_CONSTRAINT', constraint, `UNIQUE${label} (${constraint.columns.map((column) => column.name).join(', ')}) dropped: Databricks has no unique constraints`);
        break;
      case 'FOREIGN KEY':
        w.ctx.report('TR_CONSTRAINT', constraint, `FOREIGN KEY${label} to ${constraint.references?.parts.join('.') ?? 'another table'} dropped: keys are not enforced in Databricks`);
        break;
      case 'CHECK': {
        if (constraint.expression === undefined) break;
        checks += 1;
        const checkName = w.ctx.dialect.identifier(constraint.name ?? `${tableLabel}_check_${checks}`);
        const condition = expression(constraint.expression, w.ctx);
        if (databricks && temporary) {
          w.ctx.report('TR_CONSTRAINT', constraint, `CHECK${label} dropped from a temporary table`);
        } else if (databricks) {
          // Delta enforces CHECK constraints added with ALTER TABLE: writes that break them fail.
          after.push(`ALTER TABLE ${tableName} ADD CONSTRAINT ${checkName} CHECK (${condition})`);
        } else {
          lines.push({ text: `CONSTRAINT ${checkName} CHECK (${condition})`, comment: false });
        }
        break;
      }
      case 'DEFAULT':
        w.ctx.report('TR_CONSTRAINT', constraint, `DEFAULT${label} for ${constraint.forColumn ?? 'a column'} dropped: write it on the column`);
        break;
      default: {
        const unknown: never = constraint.type;
        return String(unknown) as never;
      }
    }
  }
  for (const element of elements) {
    if (element.kind === 'table-index') w.ctx.report('TR_HINT_DROPPED', element, `index ${element.name} dropped: Databricks manages data layout itself (liquid clustering, OPTIMIZE)`);
    if (element.kind === 'period-for-system-time') {
      w.ctx.report('TR_SEMANTIC', element, 'a system-versioned (temporal) table: its history is not kept; use Delta time travel or change data feed');
    }
  }

  const properties = [...(defaults && databricks ? ["'delta.feature.allowColumnDefaults' = 'supported'"] : []), ...columnMapping(columns, w)];
  const body = `(\n${joinColumnLines(lines)}\n)${properties.length === 0 ? '' : `\nTBLPROPERTIES (${properties.join(', ')})`}`;
  const columnsText = lines.filter((line) => !line.comment).map((line) => line.text).join(', ');
  const identityColumn = columns.find((column) => column.identity !== undefined);
  const sequenceColumn = sequenceKey;
  const increment = identityColumn?.identity?.increment;
  const identity: IdentityColumn | undefined =
    identityColumn !== undefined
      ? { column: identityColumn.name, descending: increment !== undefined && increment.kind === 'unary' && increment.operator === '-' }
      : sequenceColumn !== undefined
        ? { column: sequenceColumn.name, descending: false, fromSequence: true }
        : undefined;
  const primaryKey = constraints.find((constraint) => constraint.type === 'PRIMARY KEY')?.columns.map((column) => column.name);
  return { before, body, after, columns: columnsText, columnTypes: types, ...(identity === undefined ? {} : { identity }), ...(primaryKey === undefined || primaryKey.length === 0 ? {} : { primaryKey }) };
}

/** Column lines separated by commas; comment lines (columns kept out) sit between them without one. */
function joinColumnLines(lines: readonly Line[]): string {
  const last = lines.map((line) => !line.comment).lastIndexOf(true);
  return lines.map((line, index) => `  ${line.text}${line.comment || index === last ? '' : ','}`).join('\n');
}

interface ColumnContext {
  readonly tableName: string;
  readonly temporary: boolean;
  readonly keyColumns: ReadonlySet<string>;
  readonly types: ReadonlyMap<string, DataType>;
  /** The column is the table's sequence-numbered key, which becomes its identity column. */
  readonly sequenceKey: boolean;
}

type ColumnResult = { kind: 'column'; text: string; before: string[]; hasDefault: boolean } | { kind: 'comment'; text: string };

/** Built-ins whose value changes from call to call: a generated column cannot use them. */
const NON_DETERMINISTIC = new Set([
  'GETDATE', 'GETUTCDATE', 'SYSDATETIME', 'SYSUTCDATETIME', 'SYSDATETIMEOFFSET', 'CURRENT_TIMESTAMP', 'NEWID', 'NEWSEQUENTIALID', 'RAND',
  'CURRENT_USER', 'SUSER_SNAME', 'SUSER_NAME', 'USER_NAME', 'HOST_NAME', 'APP_NAME', 'SESSION_USER', 'SYSTEM_USER',
]);

function columnDefinition(column: ColumnDefinition, w: StatementWriter, context: ColumnContext): ColumnResult {
  const databricks = w.ctx.target === 'databricks';
  const name = w.ctx.dialect.identifier(column.name);
  for (const attribute of column.attributes) {
    const upper = attribute.toUpperCase();
    if (upper.startsWith('MASKED')) w.ctx.report('TR_SEMANTIC', column, `${column.name} ${attribute}: the mask was dropped; define a Unity Catalog column mask`);
    else if (upper.startsWith('GENERATED ALWAYS AS ROW')) {
      w.ctx.report('TR_SEMANTIC', column, `${column.name} ${attribute}: a period column of a temporal table, kept as an ordinary column whose default is what SQL Server writes on INSERT; an UPDATE no longer sets it`);
    }
    else w.ctx.report('TR_HINT_DROPPED', column, `${column.name} ${attribute} dropped`);
  }
  if (column.collation !== undefined) {
    w.ctx.report('TR_SEMANTIC', column, `COLLATE ${column.collation} on ${column.name} dropped: check how the column compares (case, accents); Databricks offers COLLATE UTF8_LCASE`);
  }
  if (column.computed !== undefined) return computedColumn(column, column.computed, w, context);

  let text: string;
  const before: string[] = [];
  const sequence = context.sequenceKey ? sequenceDefault(column) : undefined;
  if (column.identity !== undefined || sequence !== undefined) {
    const seed = column.identity?.seed === undefined ? '1' : expression(column.identity.seed, w.ctx);
    const increment = column.identity?.increment === undefined ? '1' : expression(column.identity.increment, w.ctx);
    const widened = column.type !== undefined && typeParts(column.type).name !== 'bigint' ? ` (was ${typeParts(column.type).name}: identity columns are BIGINT)` : '';
    if (sequence === undefined) {
      w.ctx.report('TR_IDENTITY', column, `identity column ${column.name} became GENERATED BY DEFAULT AS IDENTITY${widened}: values are unique, not consecutive`);
    } else {
      const sequenceName = sequence.parts.join('.');
      w.ctx.report(
        'TR_SEQUENCE_IDENTITY',
        column.default!,
        `${column.name} took its values from the sequence ${sequenceName} (DEFAULT NEXT VALUE FOR): it became GENERATED BY DEFAULT AS IDENTITY${widened}, numbered by the table, not by a sequence other code shares; ${
          databricks ? `after loading the legacy rows, run ALTER TABLE ${context.tableName} ALTER COLUMN ${name} SYNC IDENTITY` : 'the rehearsal numbers new rows from 1'
        }`,
      );
    }
    if (databricks) {
      // BY DEFAULT, not ALWAYS: code that inserts explicit values (SET IDENTITY_INSERT ON) keeps working.
      const start = seed === '1' && increment === '1' ? '' : ` (START WITH ${seed} INCREMENT BY ${increment})`;
      text = `${name} BIGINT GENERATED BY DEFAULT AS IDENTITY${start}`;
    } else {
      // DuckDB has no identity columns: a sequence gives the values.
      const sequence = `${context.tableName.replace(/["`]/g, '').replace(/\W/g, '_')}_${column.name.replace(/\W/g, '_')}_seq`;
      // A temporary table (or table variable) is made anew each time, numbered from its seed again.
      const create = context.temporary ? `CREATE OR REPLACE ${tempTableMode(w.ctx) !== 'schema' ? 'TEMPORARY ' : ''}SEQUENCE` : 'CREATE SEQUENCE IF NOT EXISTS';
      before.push(`${create} ${sequence} START WITH ${seed} INCREMENT BY ${increment}`);
      text = `${name} BIGINT DEFAULT nextval('${sequence}')`;
    }
  } else {
    text = `${name} ${column.type === undefined ? (databricks ? 'STRING' : 'VARCHAR') : w.dataType(column.type, column)}`;
  }
  // SQL Server fills a rowversion column itself; here nothing does, so it cannot refuse NULL.
  const generatedBySqlServer = column.type !== undefined && ['rowversion', 'timestamp'].includes(typeParts(column.type).name);
  if ((column.nullable === false && !generatedBySqlServer) || context.keyColumns.has(column.name.toLowerCase())) text += ' NOT NULL';
  const defaultValue = column.default?.expression;
  let hasDefault = false;
  const period = periodDefault(column, w);
  const defaultSql =
    period ?? (defaultValue === undefined || column.identity !== undefined || sequence !== undefined ? undefined : defaultText(column.type, defaultValue, w, column.name, column.default!));
  if (defaultSql !== undefined) {
    text += ` DEFAULT ${defaultSql}`;
    hasDefault = true;
  }
  return { kind: 'column', text, before, hasDefault };
}

/**
 * The value SQL Server gives a period column of a temporal table on INSERT (the statement's UTC
 * time for ROW START, the end of time for ROW END), as a default: code that leaves the columns
 * out, as it must in SQL Server, still inserts where they became ordinary NOT NULL columns.
 */
function periodDefault(column: ColumnDefinition, w: StatementWriter): string | undefined {
  const attribute = column.attributes.map((text) => text.toUpperCase().replace(/\s+/g, ' ')).find((text) => text.startsWith('GENERATED ALWAYS AS ROW'));
  if (attribute === undefined) return undefined;
  const span = { start: column.start, end: column.end };
  const end = attribute.startsWith('GENERATED ALWAYS AS ROW END');
  // The largest value of the column's precision: datetime2(0) ends at 23:59:59, datetime2(7) at .9999999.
  const scale = column.type === undefined ? 7 : Number(typeParts(column.type).args[0] ?? 7);
  const endOfTime = `9999-12-31 23:59:59${scale > 0 ? `.${'9'.repeat(Math.min(scale, 7))}` : ''}`;
  const value: Expression = end
    ? { kind: 'literal', type: 'string', text: `'${endOfTime}'`, value: endOfTime, ...span }
    : { kind: 'function-call', name: { kind: 'object-name', parts: ['SYSUTCDATETIME'], ...span }, args: [], niladic: false, withinGroup: [], ...span };
  return end ? expressionAs(value, column.type, w.ctx) : expression(value, w.ctx);
}

/**
 * The sequence a column takes its values from by default (`DEFAULT (NEXT VALUE FOR s)`, the
 * way SQL Server 2012 and later number keys without IDENTITY), or undefined.
 */
export function sequenceDefault(column: ColumnDefinition): ObjectName | undefined {
  const value = column.default?.expression;
  return value?.kind === 'next-value-for' && value.over === undefined ? value.sequence : undefined;
}

/** Session functions a default may call: who or what connected, which Databricks does not tell a column default. */
const SESSION_FUNCTIONS: Readonly<Record<string, string>> = {
  HOST_NAME: 'client host names are not visible in Databricks SQL',
  APP_NAME: 'application names are not visible in Databricks SQL',
  SUSER_SNAME: 'a default cannot name the Databricks user reliably; have the load write session_user()',
  SUSER_NAME: 'a default cannot name the Databricks user reliably; have the load write session_user()',
  ORIGINAL_LOGIN: 'a default cannot name the Databricks user reliably; have the load write session_user()',
  SYSTEM_USER: 'a default cannot name the Databricks user reliably; have the load write session_user()',
};

/**
 * A column default, or undefined when it was dropped (with a warning): a default that asks who
 * or what connected (HOST_NAME(), APP_NAME(), SUSER_SNAME()) has nothing to ask in Databricks,
 * so the column stays and rows written without a value get NULL. bit became BOOLEAN, whose
 * defaults are TRUE and FALSE: a default of 0 or 1 (the way T-SQL writes them) would not convert.
 */
export function defaultText(type: DataType | undefined, value: Expression, w: StatementWriter, column: string, at: Span): string | undefined {
  let session: string | undefined;
  walkAst(value, (child) => {
    if (child.kind === 'function-call' && child.name.parts.length === 1 && SESSION_FUNCTIONS[child.name.parts[0]!.toUpperCase()] !== undefined) session = child.name.parts[0]!.toUpperCase();
    return session === undefined;
  });
  if (session !== undefined) {
    w.ctx.report('TR_SEMANTIC', at, `DEFAULT (${sourceText(w.ctx, value)}) of ${column} dropped, the column kept: ${SESSION_FUNCTIONS[session]}; rows written without a value get NULL`);
    return undefined;
  }
  if (type !== undefined && typeParts(type).name === 'bit' && value.kind === 'literal' && value.type === 'integer') return value.value === '0' ? 'FALSE' : 'TRUE';
  return expression(value, w.ctx);
}

function computedColumn(column: ColumnDefinition, computed: Expression, w: StatementWriter, context: ColumnContext): ColumnResult {
  const name = w.ctx.dialect.identifier(column.name);
  const original = sourceText(w.ctx, column);
  const volatile = nonDeterministic(computed);
  if (volatile !== undefined) {
    w.ctx.report('TR_UNSUPPORTED_EXPRESSION', column, `computed column ${column.name} uses ${volatile}, which is not deterministic: a generated column must be; compute it in a view or in the load`);
    return { kind: 'comment', text: `-- [TR_UNSUPPORTED_EXPRESSION] ${original.replace(/\s+/g, ' ')}` };
  }
  let value = expression(computed, w.ctx);
  let type = computedType(computed, w, context);
  const returned = type === undefined ? functionResultType(computed, w) : undefined;
  if (returned !== undefined) {
    // The built-in's result type is known (DATEDIFF is an int), not the target expression's
    // (datediff gives INT, timestampdiff BIGINT): the cast makes the two the same.
    type = returned;
    value = `CAST(${value} AS ${returned})`;
  }
  if (w.ctx.target === 'duckdb') return { kind: 'column', text: `${name}${type === undefined ? '' : ` ${type}`} GENERATED ALWAYS AS (${value}) VIRTUAL`, before: [], hasDefault: false };
  if (type === undefined) {
    w.ctx.report('TR_UNSUPPORTED_EXPRESSION', column, `computed column ${column.name}: a Databricks generated column needs a type, and the type of this expression is not known: add \`${column.name} <type> GENERATED ALWAYS AS (${value})\``);
    return { kind: 'comment', text: `-- [TR_UNSUPPORTED_EXPRESSION] ${original.replace(/\s+/g, ' ')}` };
  }
  // Delta takes a generated column only when its expression's type is the column's, precision
  // and scale included (qty * 2 is an INT, not the BIGINT declared): the expression is cast,
  // unless it is a cast to that type already or text (every string is a STRING).
  const typed = type === 'STRING' || (value.startsWith('CAST(') && value.endsWith(` AS ${type})`)) ? value : `CAST(${value} AS ${type})`;
  return { kind: 'column', text: `${name} ${type} GENERATED ALWAYS AS (${typed})`, before: [], hasDefault: false };
}

function nonDeterministic(node: Expression): string | undefined {
  let found: string | undefined;
  walkAst(node, (child) => {
    if (found !== undefined) return false;
    if (child.kind === 'function-call') {
      const fn = child.name.parts[child.name.parts.length - 1]!.toUpperCase();
      if (child.name.parts.length > 1) found = `the user-defined function ${child.name.parts.join('.')}`;
      else if (NON_DETERMINISTIC.has(fn)) found = `${fn}()`;
    } else if (child.kind === 'query') {
      found = 'a subquery';
    }
    return found === undefined;
  });
  return found;
}

/**
 * The target type of a built-in whose T-SQL result type does not depend on its arguments
 * (DATEDIFF and DATEDIFF_BIG give integers, EOMONTH a date), for a computed column.
 */
function functionResultType(node: Expression, w: StatementWriter): string | undefined {
  if (node.kind !== 'function-call' || node.name.parts.length > 1) return undefined;
  const family = fixedResultFamily(node.name.parts[0]!);
  const databricks = w.ctx.target === 'databricks';
  switch (family) {
    case 'integer':
      return 'BIGINT';
    case 'float':
      return 'DOUBLE';
    case 'date':
      return 'DATE';
    case 'datetime':
      return 'TIMESTAMP';
    case 'string':
      return databricks ? 'STRING' : 'VARCHAR';
    default:
      return undefined;
  }
}

const STRING_RESULT = new Set(['CONCAT', 'CONCAT_WS', 'LEFT', 'RIGHT', 'SUBSTRING', 'UPPER', 'LOWER', 'LTRIM', 'RTRIM', 'TRIM', 'REPLACE', 'REPLICATE', 'STUFF', 'FORMAT', 'JSON_VALUE', 'JSON_QUERY', 'JSON_MODIFY', 'DATENAME', 'QUOTENAME']);
const INTEGER_TYPES = new Set(['bigint', 'int', 'integer', 'smallint', 'tinyint', 'bit']);

/**
 * The target type of a computed column's expression, where it follows from the expression:
 * a CAST or CONVERT, a string function or concatenation, arithmetic over columns of known
 * types (exact decimal scales for + - *), a CASE whose branches agree. Division and anything
 * else stay unknown: a generated column whose type differs from its expression's fails writes.
 */
function computedType(node: Expression, w: StatementWriter, context: ColumnContext): string | undefined {
  const family = numericShape(node, context);
  if (family === 'string') return w.ctx.target === 'databricks' ? 'STRING' : 'VARCHAR';
  if (family !== undefined && family !== 'float' && family.kind === 'integer') return 'BIGINT';
  if (family !== undefined && family !== 'float' && family.kind === 'decimal') return `DECIMAL(38,${family.scale})`;
  if (family === 'float') return 'DOUBLE';
  switch (node.kind) {
    case 'cast':
    case 'convert':
      return w.ctx.dialect.dataType(node.type).text;
    case 'case': {
      const branches = [...node.whens.map((when) => when.then), ...(node.else === undefined ? [] : [node.else])];
      const types = branches.map((branch) => (branch.kind === 'literal' && branch.type === 'null' ? null : computedType(branch, w, context)));
      const known = types.filter((type): type is string => type !== null);
      return known.length > 0 && known.every((type) => type === known[0]) && !types.includes(undefined) ? known[0] : undefined;
    }
    case 'function-call': {
      const fn = node.name.parts[node.name.parts.length - 1]!.toUpperCase();
      if ((fn === 'ISNULL' || fn === 'COALESCE') && node.args[0] !== undefined) return computedType(node.args[0], w, context);
      return undefined;
    }
    case 'column-ref': {
      const type = context.types.get(node.parts[node.parts.length - 1]!.toLowerCase());
      return type === undefined ? undefined : w.ctx.dialect.dataType(type).text;
    }
    default:
      return undefined;
  }
}

type Shape = 'string' | 'float' | { kind: 'integer' } | { kind: 'decimal'; scale: number } | undefined;

function numericShape(node: Expression, context: ColumnContext): Shape {
  switch (node.kind) {
    case 'literal':
      if (node.type === 'string' || node.type === 'unicode-string') return 'string';
      if (node.type === 'integer') return { kind: 'integer' };
      if (node.type === 'decimal' || node.type === 'money') return { kind: 'decimal', scale: (node.value.split('.')[1] ?? '').length };
      if (node.type === 'float') return 'float';
      return undefined;
    case 'column-ref': {
      const type = context.types.get(node.parts[node.parts.length - 1]!.toLowerCase());
      if (type === undefined) return undefined;
      const { name, args } = typeParts(type);
      if (INTEGER_TYPES.has(name)) return { kind: 'integer' };
      if (name === 'decimal' || name === 'numeric' || name === 'dec') return { kind: 'decimal', scale: Number(args[1] ?? 0) };
      if (name === 'money' || name === 'smallmoney') return { kind: 'decimal', scale: 4 };
      if (name === 'float' || name === 'real') return 'float';
      if (['char', 'varchar', 'nchar', 'nvarchar', 'text', 'ntext', 'sysname'].includes(name)) return 'string';
      return undefined;
    }
    case 'function-call': {
      const fn = node.name.parts[node.name.parts.length - 1]!.toUpperCase();
      return node.name.parts.length === 1 && STRING_RESULT.has(fn) ? 'string' : undefined;
    }
    case 'binary': {
      if (!['+', '-', '*'].includes(node.operator)) return undefined;
      const left = numericShape(node.left, context);
      const right = numericShape(node.right, context);
      if (node.operator === '+' && (left === 'string' || right === 'string')) return 'string';
      if (left === undefined || right === undefined || left === 'string' || right === 'string') return undefined;
      if (left === 'float' || right === 'float') return 'float';
      if (left.kind === 'integer' && right.kind === 'integer') return { kind: 'integer' };
      const leftScale = left.kind === 'decimal' ? left.scale : 0;
      const rightScale = right.kind === 'decimal' ? right.scale : 0;
      return { kind: 'decimal', scale: Math.min(38, node.operator === '*' ? leftScale + rightScale : Math.max(leftScale, rightScale)) };
    }
    default:
      return undefined;
  }
}

// -----------------------------------------------------------------------------------------------
// views

/** CREATE / ALTER VIEW: CREATE OR REPLACE VIEW, with the column list. */
export function createView(node: CreateViewStatement, w: StatementWriter): ScriptNode[] {
  if (node.options.length > 0) w.ctx.report('TR_HINT_DROPPED', node, `view option${node.options.length > 1 ? 's' : ''} ${node.options.join(', ')} dropped`);
  if (node.checkOption) w.ctx.report('TR_SEMANTIC', node, 'WITH CHECK OPTION dropped: Databricks views cannot be written through, so nothing is checked');
  const columns = node.columns.length === 0 ? '' : ` (${node.columns.map((column) => w.ctx.dialect.identifier(column)).join(', ')})`;
  const text = w.ctx.inModule(node.name, () => query(node.query, w.ctx));
  return [w.sql(node, `CREATE OR REPLACE VIEW ${w.ctx.objectName(node.name, true)}${columns} AS\n${text}`)];
}

// -----------------------------------------------------------------------------------------------
// functions

/**
 * Functions become SQL functions: a scalar function whose body folds into one expression
 * (fold-function.ts) returns it; an inline table-valued function returns its query, with the
 * result columns listed when their types are known (Databricks accepts RETURNS TABLE without
 * them). A multi-statement table-valued function whose body folds into one query
 * (foldTableFunction) becomes a SQL table function of that query; other ones have no
 * equivalent. DuckDB, for the rehearsal, gets macros.
 */
export function createFunction(node: CreateFunctionStatement, w: StatementWriter): ScriptNode[] {
  if (node.externalName !== undefined) return w.keep(node, 'TR_UNTRANSLATED_OBJECT', `CLR function ${node.name.parts.join('.')} (${node.externalName}): rewrite it as a SQL or Python function`);
  const duckdb = w.ctx.target === 'duckdb';
  const name = w.ctx.objectName(node.name, true);
  const parameters = node.parameters.map((parameter) => {
    const info = w.ctx.declareVariable(parameter.name, 'parameter', parameter.type);
    const type = w.dataType(parameter.type, parameter);
    const defaultValue = parameter.default === undefined ? undefined : expressionAs(parameter.default, parameter.type, w.ctx);
    if (parameter.output) w.ctx.report('TR_OUTPUT_PARAMETER', parameter, `${parameter.name} OUTPUT: functions have no output parameters`);
    return { name: info.name, type, defaultValue, nullable: parameter.default === undefined };
  });
  const options = node.options.filter((option) => option.toUpperCase() !== 'RETURNS NULL ON NULL INPUT');
  if (options.length > 0) w.ctx.report('TR_HINT_DROPPED', node, `function option${options.length > 1 ? 's' : ''} ${options.join(', ')} dropped`);
  // Parameters are plain names inside a DuckDB macro.
  const inBody = <T>(work: () => T): T => w.ctx.inModule(node.name, () => (duckdb ? w.ctx.withVariableReference((variable) => variable, work) : work()));
  const signature = duckdb
    ? parameters.map((parameter) => `${parameter.name}${parameter.defaultValue === undefined ? '' : ` := ${parameter.defaultValue}`}`).join(', ')
    : parameters.map((parameter) => `${parameter.name} ${parameter.type}${parameter.defaultValue === undefined ? '' : ` DEFAULT ${parameter.defaultValue}`}`).join(', ');

  if (node.returns.kind === 'returns-table-variable') {
    const returns = node.returns;
    const folded = inObject(w, node.name, () => foldTableFunction(node, w));
    if (typeof folded === 'string') {
      // For DuckDB, the rehearsal runs the body itself (tableFunction below).
      const advice = duckdb ? 'lakeshift rehearse runs its body' : 'rewrite it as one query (a SQL table function), or as a procedure that fills a table';
      return w.keep(node, 'TR_UNTRANSLATED_OBJECT', `multi-statement table-valued function ${node.name.parts.join('.')} fills ${returns.variable} step by step and cannot become one query (${folded}): ${advice}`);
    }
    const text = inBody(() => query(folded, w.ctx));
    if (duckdb) return [w.sql(node, `CREATE OR REPLACE MACRO ${name}(${signature}) AS TABLE\n${text}`)];
    const columns = returns.elements.flatMap((element) => (element.kind === 'column-definition' && element.type !== undefined ? [`${w.ctx.dialect.identifier(element.name)} ${w.dataType(element.type, element)}`] : []));
    for (const element of returns.elements) {
      const constraints = element.kind === 'column-definition' ? element.constraints : element.kind === 'constraint' ? [element] : [];
      for (const constraint of constraints) {
        if (constraint.type === 'PRIMARY KEY' || constraint.type === 'UNIQUE') w.ctx.report('TR_CONSTRAINT', constraint, `${constraint.type} of ${returns.variable} dropped: a SQL table function returns its rows unchecked, where T-SQL failed on a duplicate key`);
      }
    }
    return [w.sql(node, `CREATE OR REPLACE FUNCTION ${name}(${signature})\nRETURNS TABLE (${columns.join(', ')})\nRETURN ${text}`)];
  }

  if (node.returns.kind === 'returns-table') {
    const body = node.body.flatMap((statement) => (statement.kind === 'block' ? statement.statements : [statement]));
    const only = body.length === 1 ? body[0] : undefined;
    if (only?.kind !== 'return' || only.value?.kind !== 'subquery') return w.keep(node, 'TR_UNTRANSLATED_OBJECT', 'an inline table-valued function whose body is not RETURN (query)');
    const result = only.value.query;
    const text = inBody(() => query(result, w.ctx));
    if (duckdb) return [w.sql(node, `CREATE OR REPLACE MACRO ${name}(${signature}) AS TABLE\n${text}`)];
    const columns = resultColumnTypes(result, w);
    const returns = columns === undefined ? 'TABLE' : `TABLE (${columns.map((column) => `${w.ctx.dialect.identifier(column.name)} ${column.type}`).join(', ')})`;
    return [w.sql(node, `CREATE OR REPLACE FUNCTION ${name}(${signature})\nRETURNS ${returns}\nRETURN ${text}`)];
  }

  const returnType = w.dataType(node.returns.type, node.returns);
  const folded = inObject(w, node.name, () => foldScalarFunction(node, w));
  if (typeof folded === 'string') {
    return w.keep(node, 'TR_UNTRANSLATED_OBJECT', `function ${node.name.parts.join('.')} cannot become one SQL expression (${folded}): rewrite it, or make it a procedure`);
  }
  // The value is converted to the declared return type, as SQL Server converts it (varchar(n) cuts).
  const returns = node.returns;
  let value = inBody(() => expressionAs(folded, returns.type, w.ctx));
  if (node.options.some((option) => option.toUpperCase() === 'RETURNS NULL ON NULL INPUT') && parameters.length > 0) {
    // RETURNS NULL ON NULL INPUT: NULL without running the body when any argument is NULL.
    const reference = (parameter: string) => (duckdb ? parameter : w.ctx.dialect.variable(parameter));
    value = `CASE WHEN ${parameters.map((parameter) => `${reference(parameter.name)} IS NULL`).join(' OR ')} THEN NULL ELSE ${value} END`;
  }
  if (duckdb) return [w.sql(node, `CREATE OR REPLACE MACRO ${name}(${signature}) AS\nCAST(${value} AS ${returnType})`)];
  return [w.sql(node, `CREATE OR REPLACE FUNCTION ${name}(${signature})\nRETURNS ${returnType}\nRETURN ${value}`)];
}

// -----------------------------------------------------------------------------------------------
// triggers

/**
 * Databricks has no triggers. The trigger is kept as a comment, with what it does (its table,
 * events and the tables it writes), so that its logic can move into the job that writes the
 * table, or read the table's changes from Delta change data feed.
 */
export function createTrigger(node: CreateTriggerStatement, w: StatementWriter): ScriptNode[] {
  const writes = new Set<string>();
  for (const statement of node.body) {
    walkAst(statement, (child) => {
      if ((child.kind === 'insert' || child.kind === 'update' || child.kind === 'delete' || child.kind === 'merge') && child.target.kind === 'table-ref') {
        writes.add(child.target.name.parts.join('.'));
      }
    });
  }
  const name = node.name.parts.join('.');
  const what = node.scope !== undefined ? `a DDL trigger on ${node.scope} (${node.events.join(', ')})` : `${node.timing} ${node.events.join(', ')} on ${node.table?.parts.join('.') ?? 'a table'}`;
  const written = writes.size === 0 ? '' : `; it writes ${[...writes].join(', ')}`;
  const advice =
    node.scope !== undefined
      ? 'audit DDL with the Unity Catalog audit log (system.access.audit) instead'
      : node.timing === 'INSTEAD OF'
        ? 'Databricks views cannot be written: write to the base tables instead'
        : `move its logic into the job that writes ${node.table?.parts.join('.') ?? 'the table'}, or read the changes from Delta change data feed`;
  return w.keep(node, 'TR_TRIGGER', `trigger ${name}: ${what}${written}. Databricks has no triggers: ${advice}`);
}

// -----------------------------------------------------------------------------------------------
// procedures

/**
 * CREATE / ALTER PROCEDURE: a procedure object (CREATE OR REPLACE PROCEDURE ... LANGUAGE SQL
 * SQL SECURITY INVOKER AS BEGIN ... END), parameters with their defaults, OUTPUT parameters as
 * INOUT (CALL passes a variable for them, as EXEC did with OUTPUT).
 */
export function procedure(node: CreateProcedureStatement, w: StatementWriter): TranslatedObject {
  if (node.externalName !== undefined) {
    return { kind: 'statements', body: w.keep(node, 'TR_UNTRANSLATED_OBJECT', `CLR procedure ${node.name.parts.join('.')} (${node.externalName}): rewrite it`), declarations: [] };
  }
  for (const option of node.options) {
    const upper = option.toUpperCase();
    if (upper.startsWith('EXECUTE AS') && !upper.endsWith('CALLER')) {
      w.ctx.report('TR_SEMANTIC', node, `${option}: the procedure runs with the privileges of its caller (SQL SECURITY INVOKER); grant them, or use SQL SECURITY DEFINER where available`);
    } else {
      w.ctx.report('TR_HINT_DROPPED', node, `procedure option ${option} dropped`);
    }
  }
  if (node.number !== undefined) w.ctx.report('TR_SEMANTIC', node, `numbered procedure ;${node.number}: the number was dropped, give it a name of its own`);
  const parameters: ProcedureParameter[] = node.parameters.flatMap((parameter): ProcedureParameter[] => {
    const typeName = parameter.type.name.parts.join('.');
    if (parameter.readonly) {
      // A table-valued parameter: the body reads a temporary table named after it, which the
      // caller fills (a translated EXEC passing a table variable by name does).
      const table = w.ctx.temporaryTable(parameter.name);
      w.ctx.report(
        'TR_TABLE_PARAMETER',
        parameter,
        `${parameter.name} is a table-valued parameter (${typeName}): Databricks procedures take scalar values, so the parameter was removed and the body reads ${describeMode(w.ctx)} ${table}, which the caller creates with the columns of ${typeName} and fills before CALL`,
      );
      return [];
    }
    const info = w.ctx.declareVariable(parameter.name, 'parameter', parameter.type);
    if (parameter.output) w.ctx.report('TR_OUTPUT_PARAMETER', parameter, `${parameter.name} OUTPUT became an INOUT parameter: callers pass a variable to CALL`);
    if (parameter.varying) {
      w.ctx.report('TR_UNSUPPORTED_EXPRESSION', parameter, `${parameter.name} is a cursor parameter: Databricks procedures take scalar values; have the procedure return rows, or fill a table`);
    }
    return [
      {
        name: info.name,
        type: w.dataType(parameter.type, parameter),
        mode: parameter.output ? 'INOUT' : 'IN',
        ...(parameter.default === undefined ? {} : { default: expressionAs(parameter.default, parameter.type, w.ctx) }),
      },
    ];
  });
  trailingDefaults(parameters, node, w);
  copyAssignedParameters(node, parameters, w);
  // A procedure's SET options last until it returns: it starts from the defaults, and leaves
  // the code after it as it found it.
  const outerDivision = w.ctx.nullOnDivideByZero;
  w.ctx.nullOnDivideByZero = false;
  let body: ScriptNode[];
  try {
    body = inObject(w, node.name, () => w.assemble(w.statements(node.body as readonly Statement[])));
  } finally {
    w.ctx.nullOnDivideByZero = outerDivision;
  }
  noteResultSets(body, node, w);
  return { kind: 'procedure', name: w.ctx.objectName(node.name, true), parameters, body: { kind: 'block', declarations: w.declarations, body } };
}

// -----------------------------------------------------------------------------------------------
// multi-statement table-valued functions, for the rehearsal

/**
 * A multi-statement table-valued function (RETURNS @t TABLE (...) AS BEGIN ... RETURN END)
 * translated as a procedure body that fills a table: the table variable becomes the temporary
 * table any table variable becomes, but the body does not create it; the rehearsal creates it
 * from the column definitions before running the body, once per call, and reads its rows where
 * the statement called the function. This object is what `lakeshift rehearse` runs (the
 * DuckDB text has a macro too where the body folds into one query: createFunction).
 */
export function tableFunction(node: CreateFunctionStatement, w: StatementWriter): TranslatedObject {
  const returns = node.returns;
  if (returns.kind !== 'returns-table-variable') throw new TypeError(`${node.name.parts.join('.')} is not a multi-statement table-valued function`);
  const parameters: ProcedureParameter[] = node.parameters.map((parameter) => {
    const info = w.ctx.declareVariable(parameter.name, 'parameter', parameter.type);
    return {
      name: info.name,
      type: w.dataType(parameter.type, parameter),
      mode: 'IN',
      ...(parameter.default === undefined ? {} : { default: expressionAs(parameter.default, parameter.type, w.ctx) }),
    };
  });
  const table = w.ctx.temporaryTable(returns.variable);
  const definition = tableDefinition(returns.elements, w, table, true);
  w.returnsNode = true;
  const body = inObject(w, node.name, () => w.statements(node.body as readonly Statement[]));
  return {
    kind: 'table-function',
    name: w.ctx.objectName(node.name, true),
    parameters,
    result: { table, columns: definition.columns },
    body: { kind: 'block', declarations: w.declarations, body: [...w.prologue, ...body] },
  };
}

/**
 * Runs `work` with the object being translated set (OBJECT_NAME(@@PROCID) names it, and its
 * one-part names resolve in its schema).
 */
function inObject<T>(w: StatementWriter, name: CreateProcedureStatement['name'], work: () => T): T {
  const outer = w.ctx.currentObject;
  w.ctx.currentObject = name;
  try {
    return w.ctx.inModule(name, work);
  } finally {
    w.ctx.currentObject = outer;
  }
}

/** WITH (IGNORE_DUP_KEY = ON) on a key or a unique index. */
export function ignoresDuplicateKeys(options: readonly OptionItem[]): boolean {
  return options.some((option) => option.name === 'IGNORE_DUP_KEY' && option.value?.trim().toUpperCase() === 'ON');
}

/**
 * IGNORE_DUP_KEY = ON makes SQL Server discard, with a warning, each inserted row whose key is
 * already there; the targets enforce no key, so those rows are kept: a difference in the data.
 */
export function reportIgnoredDuplicates(at: Span, what: string, w: StatementWriter): void {
  w.ctx.report(
    'TR_SEMANTIC',
    at,
    `${what} has IGNORE_DUP_KEY = ON: SQL Server discarded inserted rows whose key was already there; here they are kept. Filter them out where the table is loaded (QUALIFY row_number() OVER (PARTITION BY the key ...) = 1, and NOT EXISTS against the table)`,
  );
}

/**
 * T-SQL parameters are local variables the body may assign; a Databricks IN parameter is not a
 * variable (SET names variables of the session or of a compound statement). Each IN parameter
 * the body assigns is copied into a local variable of the same type, declared first, and the
 * body reads and writes the copy. OUTPUT parameters are INOUT, which SET assigns.
 */
function copyAssignedParameters(node: CreateProcedureStatement, parameters: readonly ProcedureParameter[], w: StatementWriter): void {
  const assigned = assignedVariables(node.body as readonly Statement[]);
  if (assigned.size === 0) return;
  for (const parameter of node.parameters) {
    if (parameter.output || parameter.readonly || !assigned.has(parameter.name.replace(/^@+/, '').toLowerCase())) continue;
    const declared = w.ctx.variable(parameter.name);
    const target = parameters.find((candidate) => candidate.name === declared?.name);
    if (target === undefined) continue;
    const copy = w.ctx.declareVariable(parameter.name, 'variable', parameter.type);
    w.declarations.push({ name: copy.name, type: target.type, default: w.ctx.dialect.variable(target.name) });
  }
}

/**
 * The variables (bare, lower-cased names) that statements assign: SET, SELECT @v =, UPDATE and
 * MERGE SET @v =, FETCH INTO, EXEC @rc = and EXEC OUTPUT arguments. Only those statements
 * assign a variable, in their own clauses (a SELECT that assigns returns no rows, so it is
 * never a subquery), so only statements are visited, not the expressions below them: walking
 * every node of the body was 3% of translating the corpus in a CPU profile (large procedures
 * have tens of thousands of nodes, most of them in expressions).
 */
function assignedVariables(statements: readonly Statement[]): Set<string> {
  const names = new Set<string>();
  const add = (name: string) => names.add(name.replace(/^@+/, '').toLowerCase());
  const addSetItems = (items: readonly SetItem[]) => {
    for (const item of items) if (item.kind === 'assignment' && item.target.kind === 'variable') add(item.target.name);
  };
  walkStatements(statements, (statement) => {
    switch (statement.kind) {
      case 'set-variable':
        add(statement.variable.name);
        break;
      case 'select-statement':
        if (statement.query.body.kind === 'select') for (const item of statement.query.body.columns) if (item.kind === 'select-assignment') add(item.variable.name);
        break;
      case 'update':
        addSetItems(statement.set);
        break;
      case 'merge':
        for (const clause of statement.clauses) if (clause.action.kind === 'merge-update') addSetItems(clause.action.set);
        break;
      case 'fetch':
        for (const variable of statement.into) add(variable.name);
        break;
      case 'execute':
        if (statement.returnVariable !== undefined) add(statement.returnVariable.name);
        for (const argument of statement.arguments) if (argument.output && argument.value.kind === 'variable') add(argument.value.name);
        break;
      default:
        break;
    }
  });
  return names;
}

/**
 * Databricks wants every parameter after one with a default to have a default too (CREATE
 * PROCEDURE reference); T-SQL does not, its callers naming or skipping them with DEFAULT. Those
 * parameters get DEFAULT NULL, in place, so that positions stay as they were.
 */
function trailingDefaults(parameters: ProcedureParameter[], node: CreateProcedureStatement, w: StatementWriter): void {
  const first = parameters.findIndex((parameter) => parameter.default !== undefined);
  if (first < 0) return;
  const filled: string[] = [];
  for (let index = first + 1; index < parameters.length; index++) {
    if (parameters[index]!.default !== undefined) continue;
    parameters[index] = { ...parameters[index]!, default: 'NULL' };
    filled.push(parameters[index]!.name);
  }
  if (filled.length === 0) return;
  w.ctx.report(
    'TR_SEMANTIC',
    node.name,
    `${filled.join(', ')} got DEFAULT NULL: Databricks wants a default on every parameter after one that has a default (${parameters[first]!.name}). A call that leaves ${filled.length === 1 ? 'it' : 'them'} out now passes NULL, where SQL Server raised an error`,
  );
}

/**
 * The result sets one run of `nodes` can send: a branch of an IF at most, a loop's many times.
 * A function of the module rather than a closure made for each procedure: the closure was
 * compiled anew six times in twelve passes over the corpus (--trace-opt).
 */
function resultSets(nodes: readonly ScriptNode[]): number {
  let sets = 0;
  for (const child of nodes) {
    if (child.kind === 'sql' && child.resultSet === true) {
      sets += 1;
    } else if (child.kind === 'if') {
      let most = resultSets(child.otherwise ?? []);
      for (const branch of child.branches) most = Math.max(most, resultSets(branch.body));
      sets += most;
    } else if (child.kind === 'while' || child.kind === 'for') {
      sets += resultSets(child.body) > 0 ? 2 : 0;
    } else if (child.kind === 'block') {
      sets += Math.max(resultSets(child.body), resultSets(child.handler?.body ?? []));
    }
  }
  return sets;
}

/**
 * A procedure whose SELECTs send rows more than once (two result sets, or one in a loop): SQL
 * Server sends the caller every one; a Databricks script returns the result of its last
 * statement that returns rows (Apache Spark's SQL script execution), so the others are lost.
 */
function noteResultSets(body: readonly ScriptNode[], node: CreateProcedureStatement, w: StatementWriter): void {
  if (resultSets(body) < 2) return;
  w.ctx.report(
    'TR_SEMANTIC',
    node.name,
    'this procedure returns rows from more than one SELECT (or from one in a loop): SQL Server sent the caller each result set, a Databricks procedure returns the last one only. Return one result, or write the others to tables',
  );
}

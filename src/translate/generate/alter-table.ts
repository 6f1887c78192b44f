import { walkAst, type AlterTableStatement, type ColumnDefinition, type Constraint, type ObjectName, type TableElement } from '../../tsql/index.js';
import { TranslationContext } from '../context.js';
import { typeParts } from '../dialects/dialect.js';
import type { ScriptNode } from '../script-ir.js';
import { columnMapping } from './column-mapping.js';
import { expression } from './expressions.js';
import { defaultText } from './objects.js';
import { sourceText } from './source-text.js';
import type { StatementWriter } from './statements.js';

const STRING_TYPES = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'text', 'ntext', 'sysname']);

/**
 * ALTER TABLE, action by action. Delta differs from SQL Server in ways that change the
 * statements, not just their spelling:
 *
 * - ADD column: a DEFAULT cannot come with ADD COLUMN on a Delta table; it is set afterwards
 *   (ALTER COLUMN SET DEFAULT, with the allowColumnDefaults table feature), and applies to new
 *   rows only, so the existing rows of a NOT NULL column are filled with it as SQL Server does;
 *   NOT NULL is set last. Identity and generated columns cannot be added to an existing table.
 * - ALTER COLUMN: a type change on a Delta table must widen the type (type widening); string
 *   lengths do not exist there, so varchar(50) -> varchar(100) changes nothing.
 * - DROP COLUMN needs column mapping on the table (delta.columnMapping.mode = 'name').
 * - Constraints: CHECK is added (Delta enforces it), PRIMARY KEY is informational, FOREIGN KEY
 *   and UNIQUE are dropped; CHECK cannot be disabled (NOCHECK), triggers do not exist.
 */
export function alterTable(node: AlterTableStatement, w: StatementWriter): ScriptNode[] {
  const databricks = w.ctx.target === 'databricks';
  const table = w.ctx.objectName(node.table, true);
  const out: string[] = [];
  const action = node.action;
  switch (action.kind) {
    case 'add-elements': {
      // A column whose name Parquet cannot hold needs column mapping on the table first (set on an existing table, it upgrades the protocol).
      const mapping = databricks ? columnMapping(action.elements.filter((element): element is ColumnDefinition => element.kind === 'column-definition'), w) : [];
      if (mapping.length > 0) out.push(`ALTER TABLE ${table} SET TBLPROPERTIES (${mapping.join(', ')})`);
      for (const element of action.elements) {
        const problem = addElement(element, w, table, out);
        if (problem !== undefined) return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', problem);
      }
      if (action.check === 'NOCHECK') w.ctx.report('TR_SEMANTIC', node, 'WITH NOCHECK: Databricks checks a new CHECK constraint against the existing rows too');
      break;
    }
    case 'alter-column': {
      const column = action.column;
      const name = w.ctx.dialect.identifier(column.name);
      if (column.type !== undefined && !STRING_TYPES.has(typeParts(column.type).name)) {
        w.ctx.report('TR_SEMANTIC', node, `ALTER COLUMN ${column.name} changes its type: ${databricks ? 'Delta only widens types (type widening must be enabled on the table)' : 'check the values convert'}`);
        out.push(`ALTER TABLE ${table} ALTER COLUMN ${name} ${databricks ? 'TYPE' : 'SET DATA TYPE'} ${w.dataType(column.type, column)}`);
      }
      // ALTER COLUMN restates the column: without NOT NULL it allows NULL again.
      out.push(`ALTER TABLE ${table} ALTER COLUMN ${name} ${column.nullable === false ? 'SET' : 'DROP'} NOT NULL`);
      break;
    }
    case 'drop-elements':
      for (const item of action.items) {
        switch (item.type) {
          case 'COLUMN':
            if (databricks) w.ctx.report('TR_SEMANTIC', node, `DROP COLUMN ${item.name}: Delta drops columns only with column mapping enabled (delta.columnMapping.mode = 'name')`);
            out.push(`ALTER TABLE ${table} DROP COLUMN ${item.ifExists || databricks ? 'IF EXISTS ' : ''}${w.ctx.dialect.identifier(item.name)}`);
            break;
          case 'CONSTRAINT': {
            // A default is no constraint in Databricks: dropping it is ALTER COLUMN ... DROP DEFAULT.
            const defaulted = defaultConstraintColumn(item.name, node.table, w);
            if (defaulted !== undefined) {
              out.push(`ALTER TABLE ${table} ALTER COLUMN ${w.ctx.dialect.identifier(defaulted)} DROP DEFAULT`);
              break;
            }
            if (/^DF_/i.test(item.name)) {
              w.ctx.report('TR_SEMANTIC', node, `DROP CONSTRAINT ${item.name}: if it is a column's DEFAULT (its name says so), write ALTER TABLE ... ALTER COLUMN <column> DROP DEFAULT; Databricks defaults are not named constraints, so this drops nothing`);
            }
            // Keys may not exist in the translation (dropped when the table was created).
            if (databricks) out.push(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${w.ctx.dialect.identifier(item.name)}`);
            else w.ctx.report('TR_CONSTRAINT', node, `DROP CONSTRAINT ${item.name} dropped: constraints are not created for the rehearsal`);
            break;
          }
          case 'INDEX':
            w.ctx.report('TR_HINT_DROPPED', node, `DROP INDEX ${item.name} dropped: no indexes are created`);
            break;
          case 'PERIOD FOR SYSTEM_TIME':
            w.ctx.report('TR_SEMANTIC', node, 'DROP PERIOD FOR SYSTEM_TIME dropped: temporal tables are not kept; Delta keeps table history itself (time travel)');
            break;
          default: {
            const unknown: never = item.type;
            return String(unknown) as never;
          }
        }
      }
      break;
    case 'check-constraints':
      w.ctx.report('TR_SEMANTIC', node, `${action.enable ? 'CHECK' : 'NOCHECK'} CONSTRAINT dropped: Databricks CHECK constraints cannot be switched off; rows that break one fail the write`);
      break;
    case 'toggle-triggers':
      w.ctx.report('TR_HINT_DROPPED', node, `${action.enable ? 'ENABLE' : 'DISABLE'} TRIGGER dropped: triggers are not translated`);
      break;
    case 'set-table-options':
      for (const option of action.options) {
        if (option.name === 'SYSTEM_VERSIONING') w.ctx.report('TR_SEMANTIC', node, `SET (SYSTEM_VERSIONING = ${option.value ?? ''}) dropped: temporal tables are not kept; Delta keeps table history itself (time travel)`);
        else w.ctx.report('TR_HINT_DROPPED', node, `SET (${option.name}) dropped: a storage option`);
      }
      break;
    case 'other-table-action':
      if (action.action.toUpperCase().startsWith('REBUILD')) {
        w.ctx.report('TR_HINT_DROPPED', node, 'REBUILD dropped: Databricks manages data layout itself (OPTIMIZE)');
        break;
      }
      return w.keep(node, 'TR_UNSUPPORTED_STATEMENT', `ALTER TABLE ... ${action.action} has no equivalent`);
    default: {
      const unknown: never = action;
      return String(unknown) as never;
    }
  }
  // Everything in it was dropped, each part with its diagnostic: the statement stays as a comment.
  if (out.length === 0) return [{ kind: 'comment', text: sourceText(w.ctx, node), line: w.line(node) }];
  return out.map((text) => w.sql(node, text));
}

/** One element of ALTER TABLE ... ADD: its statements go to `out`; a reason when it cannot be added. */
function addElement(element: TableElement, w: StatementWriter, table: string, out: string[]): string | undefined {
  const databricks = w.ctx.target === 'databricks';
  switch (element.kind) {
    case 'column-definition':
      return addColumn(element, w, table, out);
    case 'constraint':
      return addConstraint(element, w, table, out);
    case 'table-index':
      w.ctx.report('TR_HINT_DROPPED', element, `index ${element.name} dropped: Databricks manages data layout itself`);
      return undefined;
    case 'period-for-system-time':
      w.ctx.report('TR_SEMANTIC', element, 'ADD PERIOD FOR SYSTEM_TIME dropped: temporal tables are not kept; Delta keeps table history itself (time travel)');
      return undefined;
    default: {
      const unknown: never = element;
      return databricks ? String(unknown) : undefined;
    }
  }
}

function addColumn(column: ColumnDefinition, w: StatementWriter, table: string, out: string[]): string | undefined {
  const databricks = w.ctx.target === 'databricks';
  if (column.identity !== undefined) return `an identity column (${column.name}) cannot be added to an existing Delta table: recreate the table`;
  if (column.computed !== undefined || column.type === undefined) return `a computed column (${column.name}) cannot be added to an existing Delta table: recreate the table, or compute it in a view`;
  const name = w.ctx.dialect.identifier(column.name);
  const type = w.dataType(column.type, column);
  const defaultValue = column.default?.expression === undefined ? undefined : defaultText(column.type, column.default.expression, w, column.name, column.default);
  if (!databricks) {
    // DuckDB fills the existing rows with the default, as SQL Server does.
    out.push(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}${defaultValue === undefined ? '' : ` DEFAULT ${defaultValue}`}`);
    if (column.nullable === false) out.push(`ALTER TABLE ${table} ALTER COLUMN ${name} SET NOT NULL`);
    return undefined;
  }
  out.push(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
  if (defaultValue !== undefined) {
    out.push(`ALTER TABLE ${table} SET TBLPROPERTIES ('delta.feature.allowColumnDefaults' = 'supported')`);
    out.push(`ALTER TABLE ${table} ALTER COLUMN ${name} SET DEFAULT ${defaultValue}`);
    // SQL Server gives existing rows the default of a new NOT NULL column; Delta leaves them NULL.
    if (column.nullable === false) out.push(`UPDATE ${table} SET ${name} = ${defaultValue}`);
  }
  if (column.nullable === false) {
    if (defaultValue === undefined) w.ctx.report('TR_SEMANTIC', column, `${column.name} NOT NULL without a default: SQL Server allows it only on an empty table; so does Delta`);
    out.push(`ALTER TABLE ${table} ALTER COLUMN ${name} SET NOT NULL`);
  }
  return undefined;
}

function addConstraint(constraint: Constraint, w: StatementWriter, table: string, out: string[]): string | undefined {
  const databricks = w.ctx.target === 'databricks';
  const label = constraint.name === undefined ? '' : ` ${constraint.name}`;
  const name = w.ctx.dialect.identifier(constraint.name ?? `${table.replace(/[`"]/g, '').split('.').pop()}_${constraint.type.toLowerCase().replace(/ /g, '_')}`);
  switch (constraint.type) {
    case 'CHECK':
      if (constraint.expression === undefined) return undefined;
      if (databricks) out.push(`ALTER TABLE ${table} ADD CONSTRAINT ${name} CHECK (${expression(constraint.expression, w.ctx)})`);
      else w.ctx.report('TR_CONSTRAINT', constraint, `CHECK${label} dropped for the rehearsal: DuckDB adds CHECK constraints only in CREATE TABLE`);
      return undefined;
    case 'PRIMARY KEY':
      if (databricks) {
        w.ctx.report('TR_CONSTRAINT', constraint, `PRIMARY KEY${label} became an informational Unity Catalog key: Databricks does not enforce it`);
        out.push(`ALTER TABLE ${table} ADD CONSTRAINT ${name} PRIMARY KEY (${constraint.columns.map((column) => w.ctx.dialect.identifier(column.name)).join(', ')})`);
      } else {
        w.ctx.report('TR_CONSTRAINT', constraint, `PRIMARY KEY${label} dropped for the rehearsal`);
      }
      return undefined;
    case 'DEFAULT': {
      if (constraint.expression === undefined || constraint.forColumn === undefined) return undefined;
      const column = w.ctx.dialect.identifier(constraint.forColumn);
      const value = defaultText(undefined, constraint.expression, w, constraint.forColumn, constraint);
      if (value === undefined) return undefined;
      if (databricks) out.push(`ALTER TABLE ${table} SET TBLPROPERTIES ('delta.feature.allowColumnDefaults' = 'supported')`);
      out.push(`ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT ${value}`);
      return undefined;
    }
    case 'UNIQUE':
      w.ctx.report('TR_CONSTRAINT', constraint, `UNIQUE${label} dropped: Databricks has no unique constraints`);
      return undefined;
    case 'FOREIGN KEY':
      w.ctx.report('TR_CONSTRAINT', constraint, `FOREIGN KEY${label} to ${constraint.references?.parts.join('.') ?? 'another table'} dropped: keys are not enforced in Databricks`);
      return undefined;
    default: {
      const unknown: never = constraint.type;
      return String(unknown);
    }
  }
}

/**
 * The column a DEFAULT constraint of this name on `table` is on, where the text defines it
 * (CREATE TABLE, or ALTER TABLE ... ADD): constraint names are unique per schema, not per script.
 */
function defaultConstraintColumn(name: string, table: ObjectName, w: StatementWriter): string | undefined {
  const script = w.ctx.script;
  if (script === undefined) return undefined;
  const key = TranslationContext.tableKey(table);
  const named = (constraint: Constraint | undefined) => constraint?.name?.toLowerCase() === name.toLowerCase();
  const defaulted = (elements: readonly TableElement[]) =>
    elements.flatMap((element) => {
      if (element.kind === 'column-definition' && named(element.default)) return [element.name];
      return element.kind === 'constraint' && element.type === 'DEFAULT' && named(element) && element.forColumn !== undefined ? [element.forColumn] : [];
    })[0];
  let column: string | undefined;
  walkAst(script, (child) => {
    if (column !== undefined) return false;
    if (child.kind === 'create-table' && TranslationContext.tableKey(child.name) === key) column = defaulted(child.elements);
    else if (child.kind === 'alter-table' && child.action.kind === 'add-elements' && TranslationContext.tableKey(child.table) === key) column = defaulted(child.action.elements);
    return column === undefined;
  });
  return column;
}

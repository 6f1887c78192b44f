import { parseTsqlStatements, type Expression } from '../../tsql/index.js';
import { TranslationContext } from '../context.js';
import { walkStatements } from '../rewrites/statement-lists.js';
import { conjuncts } from './ast-tools.js';

/**
 * The identity column of a table the inventory does not describe, read from the code itself:
 *
 *   INSERT INTO etl.run_log (...) VALUES (...);
 *   SET @run_id = SCOPE_IDENTITY();
 *   ...
 *   UPDATE etl.run_log SET status = 'done' WHERE run_id = @run_id;
 *
 * The variable that holds the new identity value is matched against one column of that same
 * table: the code treats that column as the table's identity, so the translation reads it back
 * from there. Only UPDATE and DELETE of the table itself (not through an alias in FROM) with
 * `column = @variable` in their WHERE count, and only when every such match names the same column.
 */

interface IdentityUses {
  /** The variable each SCOPE_IDENTITY() / @@IDENTITY is assigned to, by the offset of the call. */
  readonly assignedTo: ReadonlyMap<number, string>;
  /** The columns each variable is compared with in UPDATE / DELETE of a table: by variable, then table key. */
  readonly matchedColumns: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;
}

const analyses = new WeakMap<TranslationContext, IdentityUses>();

function isIdentityRead(node: Expression): boolean {
  if (node.kind === 'system-variable') return node.name.toUpperCase() === '@@IDENTITY';
  return node.kind === 'function-call' && node.name.parts.length === 1 && node.name.parts[0]!.toUpperCase() === 'SCOPE_IDENTITY';
}

function analyse(ctx: TranslationContext): IdentityUses {
  const assignedTo = new Map<number, string>();
  const matchedColumns = new Map<string, Map<string, Set<string>>>();
  const match = (variable: string, table: string, column: string) => {
    let tables = matchedColumns.get(variable);
    if (tables === undefined) matchedColumns.set(variable, (tables = new Map()));
    let columns = tables.get(table);
    if (columns === undefined) tables.set(table, (columns = new Set()));
    columns.add(column);
  };
  const statements = (ctx.script ?? parseTsqlStatements(ctx.source).script).batches.flatMap((batch) => batch.statements);
  // Statements only: the assignments and the changes looked for are statements themselves.
  walkStatements(statements, (statement) => {
    if (statement.kind === 'set-variable' && statement.operator === '=' && statement.value.kind !== 'cursor-definition' && isIdentityRead(statement.value)) {
      assignedTo.set(statement.value.start, statement.variable.name.toLowerCase());
    } else if (statement.kind === 'select-statement' && statement.query.body.kind === 'select') {
      for (const item of statement.query.body.columns) {
        if (item.kind === 'select-assignment' && item.operator === '=' && isIdentityRead(item.expression)) assignedTo.set(item.expression.start, item.variable.name.toLowerCase());
      }
    } else if ((statement.kind === 'update' || statement.kind === 'delete') && statement.target.kind === 'table-ref' && statement.target.alias === undefined) {
      const table = TranslationContext.tableKey(statement.target.name);
      for (const condition of conjuncts(statement.where)) {
        if (condition.kind !== 'binary' || condition.operator !== '=') continue;
        const [column, variable] = condition.left.kind === 'column-ref' ? [condition.left, condition.right] : [condition.right, condition.left];
        if (column.kind === 'column-ref' && variable.kind === 'variable') match(variable.name.toLowerCase(), table, column.parts[column.parts.length - 1]!);
      }
    }
  });
  return { assignedTo, matchedColumns };
}

/**
 * The column the code compares the identity read at `offset` with, in the table `table`
 * (tableKey()), when exactly one column is: undefined otherwise.
 */
export function inferredIdentityColumn(ctx: TranslationContext, offset: number, table: string): string | undefined {
  let uses = analyses.get(ctx);
  if (uses === undefined) analyses.set(ctx, (uses = analyse(ctx)));
  const variable = uses.assignedTo.get(offset);
  const columns = variable === undefined ? undefined : uses.matchedColumns.get(variable)?.get(table);
  if (columns === undefined) return undefined;
  // Column names are case-insensitive in SQL Server: one column written two ways is one column.
  const distinct = new Set([...columns].map((column) => column.toLowerCase()));
  return distinct.size === 1 ? [...columns][0] : undefined;
}

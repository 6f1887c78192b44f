import { countStatements, isStatement, parseTsqlStatements, walkAst, type Script, type Statement } from '../tsql/index.js';
import { TranslationContext, type TranslateOptions } from './context.js';
import type { TranslationDiagnostic } from './diagnostics.js';
import { procedure, tableFunction } from './generate/objects.js';
import { StatementWriter } from './generate/statements.js';
import { renderObjects } from './render-script.js';
import type { ScriptNode, TranslatedObject } from './script-ir.js';

export interface TranslatedSql {
  /** The target SQL, without the header. */
  readonly text: string;
  /** The translation as objects of script IR, for the rehearsal to run. */
  readonly objects: readonly TranslatedObject[];
  /** Sorted by line and column in the original. */
  readonly diagnostics: readonly TranslationDiagnostic[];
  /**
   * T-SQL statements (nested ones included, as in src/tsql/coverage.ts): `raw` could not be
   * read; `translated` are those not kept as comments for a human to translate.
   */
  readonly statements: { readonly total: number; readonly translated: number; readonly raw: number };
  /** Whether the T-SQL front end read the text losslessly. */
  readonly lossless: boolean;
}

/**
 * Translates one piece of T-SQL (an object of the snapshot, or a whole script): parse, then
 * generate the target for each statement; a CREATE PROCEDURE becomes a procedure object, the
 * other statements run as they stand (or in a compound block when they need variables or
 * control flow). A multi-statement table function becomes a SQL table function where its body
 * folds into one query; for DuckDB it stays untranslated in the text and is also a
 * table-function object, which the rehearsal runs.
 */
export function translateSql(text: string, options: TranslateOptions): TranslatedSql {
  const parsed = parseTsqlStatements(text);
  const ctx = new TranslationContext(options, text, parsed.lineIndex, parsed.script);
  ctx.parseProblems = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const objects: TranslatedObject[] = [];
  let pending: Statement[] = [];
  let untranslated = 0;

  const flush = () => {
    if (pending.length === 0) return;
    const writer = new StatementWriter(ctx);
    const body: ScriptNode[] = writer.assemble(writer.statements(pending));
    untranslated += writer.untranslatedStatements;
    if (body.length > 0 || writer.declarations.length > 0) objects.push({ kind: 'statements', body, declarations: writer.declarations });
    pending = [];
  };

  // Each batch (up to GO) is a scope of its own, as in T-SQL: its variables are not the next
  // batch's, which may declare the same names with other types.
  for (const batch of parsed.script.batches) {
    for (const statement of batch.statements) translateStatement(statement);
    flush();
    if (batch.go !== undefined && batch.go.count > 1) {
      ctx.report('TR_SEMANTIC', batch.go, `GO ${batch.go.count} ran the batch above ${batch.go.count} times; it is translated once: repeat it (a FOR loop over range(${batch.go.count})) where the repetition matters`);
    }
  }

  function translateStatement(statement: Statement): void {
    if (statement.kind === 'create-procedure') {
      flush();
      const writer = new StatementWriter(ctx);
      objects.push(procedure(statement, writer));
      untranslated += writer.untranslatedStatements;
    } else if (statement.kind === 'create-function' && statement.returns.kind === 'returns-table-variable' && statement.externalName === undefined) {
      // Folded into a SQL table function where it can be (Databricks), and translated for the
      // rehearsal as a table function whose body DuckDB runs.
      pending.push(statement);
      flush();
      if (options.target === 'duckdb') objects.push(tableFunction(statement, new StatementWriter(ctx)));
    } else {
      pending.push(statement);
    }
  }

  const counts = countStatements(parsed.script);
  untranslated += markedStatements(parsed.script, ctx);
  const rendered = renderObjects(objects, options.target);
  return {
    text: rendered,
    objects,
    diagnostics: [...ctx.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column),
    statements: { total: counts.total, translated: Math.max(0, counts.total - untranslated), raw: counts.raw },
    lossless: parsed.lossless,
  };
}

/**
 * Statements translated but for a part left untranslated in them (an error marker inside, not
 * the whole statement kept as written): the innermost statement around each error, once.
 */
function markedStatements(script: Script, ctx: TranslationContext): number {
  const errors = ctx.errorOffsets();
  if (errors.length === 0) return 0;
  const marked = new Set<Statement>();
  for (const offset of errors) {
    let innermost: Statement | undefined;
    let kept = false;
    walkAst(script, (node) => {
      if (kept || !(node.start <= offset && offset < Math.max(node.end, node.start + 1))) return false;
      if (isStatement(node)) {
        if (ctx.wasKept(node)) kept = true;
        innermost = node;
      }
      return !kept;
    });
    if (!kept && innermost !== undefined) marked.add(innermost);
  }
  return marked.size;
}

import { cursorCleanup } from './cursor-cleanup.js';
import { cursorToFor } from './cursor-to-for.js';
import { dropIfExists } from './drop-if-exists.js';
import { errorCheck } from './error-check.js';
import type { ScriptStatement, StatementRewrite } from './rewritten-statements.js';
import { transactionBlock } from './transaction-block.js';
import { transactionGuard } from './transaction-guard.js';

export type { ScriptStatement, StatementRewrite } from './rewritten-statements.js';

/**
 * The statement-list rewrites, in the order they run on every list of statements (a batch, a
 * procedure body, the statements of a block). Order matters: guards around COMMIT become plain
 * COMMITs before BEGIN ... COMMIT pairs are looked for, and guards around CLOSE become plain
 * CLOSEs before cursor loops are.
 */
export const STATEMENT_REWRITES: readonly StatementRewrite[] = [transactionGuard, errorCheck, dropIfExists, cursorCleanup, cursorToFor, transactionBlock];

export function rewriteStatements(statements: readonly ScriptStatement[]): readonly ScriptStatement[] {
  return STATEMENT_REWRITES.reduce((list, rewrite) => rewrite.apply(list), statements);
}

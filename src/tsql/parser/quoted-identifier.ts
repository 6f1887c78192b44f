import type { Batch } from '../split-batches.js';
import { KIND_CODES, type TokenTable } from '../token-table.js';
import { isTriviaKind } from '../token.js';

const STRING = KIND_CODES.string;

/**
 * Under SET QUOTED_IDENTIFIER OFF, "text" is a string literal, not a name. SQL Server applies
 * the option as it parses: from the SET on, through later GO batches, until an ON. A module
 * (procedure, function, trigger, view) is parsed with the setting in effect for the batch that
 * creates it, which a SET inside its body does not change; a catalog snapshot writes a module
 * created with OFF after a SET batch that says so. The tokens written "..." where the setting
 * is OFF become strings. Nothing to do, and one search of the source, where the option is not named.
 */
export function applyQuotedIdentifierOff(tokens: TokenTable, batches: readonly Batch[]): void {
  if (!/quoted_identifier/i.test(tokens.source)) return;
  let on = true;
  for (const batch of batches) {
    const module = createsModule(tokens, batch);
    for (let index = batch.tokenStart; index < batch.tokenEnd; index++) {
      const kind = tokens.kind(index);
      if (kind === 'quoted-identifier') {
        if (!on) tokens.retag(index, STRING);
      } else if (!module && kind === 'word' && tokens.keyword(index) === 'QUOTED_IDENTIFIER') {
        const setting = optionValue(tokens, index);
        if (setting !== undefined) on = setting;
      }
    }
  }
}

const MODULES: ReadonlySet<string> = new Set(['PROC', 'PROCEDURE', 'FUNCTION', 'TRIGGER', 'VIEW']);

/** Whether a batch starts with CREATE [OR ALTER] or ALTER of a module. */
function createsModule(tokens: TokenTable, batch: Batch): boolean {
  let index = nextSignificant(tokens, batch.tokenStart - 1);
  const verb = tokens.keyword(index);
  if (verb !== 'CREATE' && verb !== 'ALTER') return false;
  index = nextSignificant(tokens, index);
  if (tokens.keyword(index) === 'OR') index = nextSignificant(tokens, nextSignificant(tokens, index));
  return index < batch.tokenEnd && MODULES.has(tokens.keyword(index));
}

/**
 * The ON or OFF that sets the option named at `index`: `SET QUOTED_IDENTIFIER OFF`, or a list
 * of options set at once, `SET ANSI_NULLS, QUOTED_IDENTIFIER OFF`. Undefined where the word is
 * not in a SET statement.
 */
function optionValue(tokens: TokenTable, index: number): boolean | undefined {
  let before = previousSignificant(tokens, index);
  while (tokens.isSymbol(before, ',') && tokens.kind(previousSignificant(tokens, before)) === 'word') before = previousSignificant(tokens, previousSignificant(tokens, before));
  if (tokens.keyword(before) !== 'SET') return undefined;
  for (let after = nextSignificant(tokens, index); after < tokens.length; after = nextSignificant(tokens, after)) {
    const keyword = tokens.keyword(after);
    if (keyword === 'ON') return true;
    if (keyword === 'OFF') return false;
    if (!tokens.isSymbol(after, ',') && tokens.kind(after) !== 'word') return undefined;
  }
  return undefined;
}

function nextSignificant(tokens: TokenTable, index: number): number {
  let next = index + 1;
  while (next < tokens.length && isTriviaKind(tokens.kind(next))) next++;
  return next;
}

function previousSignificant(tokens: TokenTable, index: number): number {
  let previous = index - 1;
  while (previous >= 0 && isTriviaKind(tokens.kind(previous))) previous--;
  return previous;
}

import { KIND_CODES, type TokenTable } from '../token-table.js';

const STRING = KIND_CODES.string;

/**
 * Under SET QUOTED_IDENTIFIER OFF, "text" is a string literal, not a name. SQL Server applies
 * the option as it parses: from the SET on, through later GO batches, until an ON (a module
 * keeps the setting it was created with, which is how a catalog snapshot writes it, as a SET
 * batch before the definition). The tokens written "..." in that stretch become strings.
 * Nothing to do, and one search of the source, where the option is not named.
 */
export function applyQuotedIdentifierOff(tokens: TokenTable): void {
  if (!/quoted_identifier/i.test(tokens.source)) return;
  let on = true;
  for (let index = 0; index < tokens.length; index++) {
    const kind = tokens.kind(index);
    if (kind === 'quoted-identifier') {
      if (!on) tokens.retag(index, STRING);
    } else if (kind === 'word' && tokens.keyword(index) === 'QUOTED_IDENTIFIER') {
      const setting = optionValue(tokens, index);
      if (setting !== undefined) on = setting;
    }
  }
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

function isTrivia(tokens: TokenTable, index: number): boolean {
  const kind = tokens.kind(index);
  return kind === 'whitespace' || kind === 'line-comment' || kind === 'block-comment';
}

function nextSignificant(tokens: TokenTable, index: number): number {
  let next = index + 1;
  while (next < tokens.length && isTrivia(tokens, next)) next++;
  return next;
}

function previousSignificant(tokens: TokenTable, index: number): number {
  let previous = index - 1;
  while (previous >= 0 && isTrivia(tokens, previous)) previous--;
  return previous;
}

import { describe, expect, it } from 'vitest';
import { significantTokens, splitBatches } from '../../src/tsql/index.js';

/** The text of each batch, trimmed, and the GO count that ended it (undefined for the last). */
function batches(text: string): [string, number | undefined][] {
  return splitBatches(text).map((b) => [text.slice(b.span.start, b.span.end).trim(), b.separator?.count]);
}

describe('splitBatches', () => {
  it('splits at GO alone on a line', () => {
    expect(batches('SELECT 1\nGO\nSELECT 2\n')).toEqual([
      ['SELECT 1', 1],
      ['SELECT 2', undefined],
    ]);
  });

  it('is case-insensitive and allows blanks around GO', () => {
    expect(batches('SELECT 1\n  go  \r\nSELECT 2\n\tGo\nSELECT 3')).toEqual([
      ['SELECT 1', 1],
      ['SELECT 2', 1],
      ['SELECT 3', undefined],
    ]);
  });

  it('reads a repeat count', () => {
    expect(batches('INSERT t DEFAULT VALUES\nGO 10\nSELECT 1')).toEqual([
      ['INSERT t DEFAULT VALUES', 10],
      ['SELECT 1', undefined],
    ]);
  });

  it('allows a -- comment after GO and after the count', () => {
    expect(batches('SELECT 1\nGO -- first\nSELECT 2\nGO 2 -- twice\n')).toEqual([
      ['SELECT 1', 1],
      ['SELECT 2', 2],
      ['', undefined],
    ]);
  });

  it('does not split inside strings, comments or identifiers', () => {
    const text = "SELECT 'a\nGO\nb'\n/*\nGO\n*/\n-- GO\nSELECT [x\nGO\n]\nSELECT 1";
    expect(batches(text)).toEqual([[text.trim(), undefined]]);
  });

  it('does not split at GO that is not alone on its line', () => {
    for (const text of ['SELECT 1 GO', 'SELECT 1\nGO SELECT 2', 'GOTO done', 'SELECT 1\nGO;', 'SELECT 1\nGO 2 3', 'x /* c */ GO']) {
      expect(batches(text)).toHaveLength(1);
    }
  });

  it('splits at a GO on the first and last lines, with or without a line break', () => {
    expect(batches('GO\nSELECT 1\nGO')).toEqual([
      ['', 1],
      ['SELECT 1', 1],
      ['', undefined],
    ]);
  });

  it('tiles the input: batches and separators cover every character once', () => {
    const text = '\ufeffSELECT 1\r\nGO 3 -- x\r\n\r\nSELECT 2\nGO\n';
    const parts: string[] = [];
    for (const batch of splitBatches(text)) {
      parts.push(text.slice(batch.span.start, batch.span.end));
      if (batch.separator !== undefined) parts.push(text.slice(batch.separator.span.start, batch.separator.span.end));
    }
    expect(parts.join('')).toBe(text);
  });

  it('gives one empty batch for empty input', () => {
    expect(splitBatches('')).toEqual([{ span: { start: 0, end: 0 }, tokenStart: 0, tokenEnd: 0 }]);
  });

  it('finds the same batches from the significant tokens alone', () => {
    const texts = [
      'SELECT 1\nGO\nSELECT 2\n',
      'SELECT 1\n  go  \r\nSELECT 2\n\tGo\nSELECT 3',
      'SELECT 1\nGO -- first\nSELECT 2\nGO 2 -- twice\n',
      '-- c  \n  GO 3\r\n/* c\n*/GO\nSELECT 1\n/* c */ GO\nGO /* c */\nGO 5 6\nGO 1.5\nGO\u00a0 4 --z\rGO',
      "SELECT 'a\nGO\nb'\n/*\nGO\n*/\n-- GO\nSELECT [x\nGO\n]\nSELECT 1\nGO\n/* unterminated",
    ];
    for (const text of texts) {
      const spans = (batches: ReturnType<typeof splitBatches>) => batches.map((b) => [b.span, b.separator?.span, b.separator?.count]);
      expect(spans(splitBatches(text, significantTokens(text).tokens))).toEqual(spans(splitBatches(text)));
    }
  });
});

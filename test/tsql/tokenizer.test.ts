import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/tsql/index.js';
import type { TokenKind } from '../../src/tsql/index.js';

/** Significant tokens as [kind, text] pairs. */
function kinds(text: string): [TokenKind, string][] {
  return tokenize(text)
    .filter((t) => t.kind !== 'whitespace')
    .map((t) => [t.kind, t.text]);
}

function roundTrips(text: string): boolean {
  return tokenize(text)
    .map((t) => t.text)
    .join('') === text;
}

/** A small deterministic generator, so that the fuzz cases are the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('tokenize: lexical rules', () => {
  it.each<[string, string, [TokenKind, string][]]>([
    ['bracketed identifiers with ]] escapes', '[Order Lines] [a]]b]', [['bracket-identifier', '[Order Lines]'], ['bracket-identifier', '[a]]b]']]],
    ['quoted identifiers with "" escapes', '"Order" "a""b"', [['quoted-identifier', '"Order"'], ['quoted-identifier', '"a""b"']]],
    ['strings with \'\' escapes', "'it''s' ''", [['string', "'it''s'"], ['string', "''"]]],
    ['unicode strings', "N'ünï' n'x''y'", [['unicode-string', "N'ünï'"], ['unicode-string', "n'x''y'"]]],
    ['strings spanning lines', "'a\nb'", [['string', "'a\nb'"]]],
    ['nested block comments', '/* a /* b */ c */ x', [['block-comment', '/* a /* b */ c */'], ['word', 'x']]],
    ['line comments end before the line break', '-- note\nx', [['line-comment', '-- note'], ['word', 'x']]],
    ['comment markers inside strings are text', "'-- /*'", [['string', "'-- /*'"]]],
    ['quotes inside comments are text', "/* it's */ -- don't\n", [['block-comment', "/* it's */"], ['line-comment', "-- don't"]]],
    ['variables and system functions', '@x @@ROWCOUNT @a$b#1', [['variable', '@x'], ['system-variable', '@@ROWCOUNT'], ['variable', '@a$b#1']]],
    ['temporary and global temporary names', '#t ##g', [['temp-name', '#t'], ['temp-name', '##g']]],
    ['integers, decimals and floats', '12 1.5 .5 1. 1e5 2.5E-3', [['number', '12'], ['number', '1.5'], ['number', '.5'], ['number', '1.'], ['number', '1e5'], ['number', '2.5E-3']]],
    ['money literals', '$12.50 $5 $.5', [['money', '$12.50'], ['money', '$5'], ['money', '$.5']]],
    ['binary literals', '0x1F2e 0x 0X0A', [['binary', '0x1F2e'], ['binary', '0x'], ['binary', '0X0A']]],
    ['sqlcmd variables', '$(DatabaseName).dbo.t', [['sqlcmd-variable', '$(DatabaseName)'], ['punctuation', '.'], ['word', 'dbo'], ['punctuation', '.'], ['word', 't']]],
    ['sqlcmd variables inside brackets stay in the identifier', '[$(Db)]', [['bracket-identifier', '[$(Db)]']]],
    ['pseudo-columns', '$action $IDENTITY $PARTITION', [['word', '$action'], ['word', '$IDENTITY'], ['word', '$PARTITION']]],
    ['labels', 'Done:\nGOTO Done', [['label', 'Done:'], ['word', 'GOTO'], ['word', 'Done']]],
    ['scope qualifier is not a label', 'SCHEMA::WebApi', [['word', 'SCHEMA'], ['operator', '::'], ['word', 'WebApi']]],
    ['sqlcmd :setvar and :r lines', ':setvar Db "X"\n:r .\\a.sql\nSELECT 1', [['sqlcmd-command', ':setvar Db "X"'], ['sqlcmd-command', ':r .\\a.sql'], ['word', 'SELECT'], ['number', '1']]],
    ['a colon that is not at line start is punctuation', "JSON_OBJECT('a': 1)", [['word', 'JSON_OBJECT'], ['punctuation', '('], ['string', "'a'"], ['punctuation', ':'], ['number', '1'], ['punctuation', ')']]],
    ['compound and comparison operators', 'a+=1 b<>c d!=e f>=g h!<i j::k x%=2 y^=3', [
      ['word', 'a'], ['operator', '+='], ['number', '1'], ['word', 'b'], ['operator', '<>'], ['word', 'c'], ['word', 'd'], ['operator', '!='], ['word', 'e'],
      ['word', 'f'], ['operator', '>='], ['word', 'g'], ['word', 'h'], ['operator', '!<'], ['word', 'i'], ['word', 'j'], ['operator', '::'], ['word', 'k'],
      ['word', 'x'], ['operator', '%='], ['number', '2'], ['word', 'y'], ['operator', '^='], ['number', '3'],
    ]],
    ['punctuation', '( ) , ; . { }', [['punctuation', '('], ['punctuation', ')'], ['punctuation', ','], ['punctuation', ';'], ['punctuation', '.'], ['punctuation', '{'], ['punctuation', '}']]],
    ['unicode identifiers', 'Straße 名前', [['word', 'Straße'], ['word', '名前']]],
    ['a number followed by letters is two tokens (SQL Server reads 1a as 1 AS a)', '1a', [['number', '1'], ['word', 'a']]],
    ['characters T-SQL does not use', 'a ` b', [['word', 'a'], ['unknown', '`'], ['word', 'b']]],
  ])('%s', (_name, input, expected) => {
    expect(kinds(input)).toEqual(expected);
    expect(roundTrips(input)).toBe(true);
  });

  it('gives keywords upper-cased for words only', () => {
    const [select, , bracket] = tokenize('select [select]');
    expect(select?.keyword).toBe('SELECT');
    expect(bracket?.keyword).toBe('');
  });

  it('flags unterminated strings, identifiers and comments and runs them to the end', () => {
    for (const [input, kind] of [
      ["SELECT 'abc", 'string'],
      ["SELECT N'abc''", 'unicode-string'],
      ['SELECT [abc', 'bracket-identifier'],
      ['SELECT "abc', 'quoted-identifier'],
      ['SELECT /* a /* b */', 'block-comment'],
    ] as const) {
      const tokens = tokenize(input);
      const last = tokens[tokens.length - 1];
      expect(last?.kind).toBe(kind);
      expect(last?.unterminated).toBe(true);
      expect(last?.end).toBe(input.length);
      expect(roundTrips(input)).toBe(true);
    }
  });

  it('keeps whitespace, including CRLF, CR and Unicode blanks, as tokens', () => {
    const input = 'SELECT\r\n\t1\r2\u00a0\u3000;\ufeff';
    expect(roundTrips(input)).toBe(true);
    expect(tokenize(input).filter((t) => t.kind === 'whitespace').map((t) => t.text)).toEqual(['\r\n\t', '\r', '\u00a0\u3000', '\ufeff']);
  });

  it('gives contiguous offsets that cover the input', () => {
    const input = "SELECT [a], N'b' -- c\n/* d */ FROM #t WHERE x >= 1.5e3";
    let offset = 0;
    for (const token of tokenize(input)) {
      expect(token.start).toBe(offset);
      expect(token.text).toBe(input.slice(token.start, token.end));
      offset = token.end;
    }
    expect(offset).toBe(input.length);
  });
});

describe('tokenize: lossless on anything', () => {
  it('round-trips random text drawn from T-SQL characters', () => {
    const alphabet = "abcSELECT@#$[]\"'N-/*\n\r\t :;.,()=<>!+%&|^~{}0123456789xXeE_ü€\u0000\ud83d\ude00";
    const random = prng(42);
    for (let i = 0; i < 500; i++) {
      const length = Math.floor(random() * 200);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(roundTrips(text)).toBe(true);
    }
  });

  it('round-trips arbitrary UTF-16 code units, lone surrogates included', () => {
    const random = prng(7);
    for (let i = 0; i < 200; i++) {
      const codes = Array.from({ length: 100 }, () => Math.floor(random() * 0x10000));
      const text = String.fromCharCode(...codes);
      expect(roundTrips(text)).toBe(true);
    }
  });

  it('round-trips the empty string', () => {
    expect(tokenize('')).toEqual([]);
  });
});

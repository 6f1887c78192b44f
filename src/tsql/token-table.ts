import type { Token, TokenKind } from './token.js';

/** Token kinds by their code in a table; the order is the codes'. */
export const KINDS: readonly TokenKind[] = [
  'whitespace',
  'line-comment',
  'block-comment',
  'word',
  'bracket-identifier',
  'quoted-identifier',
  'variable',
  'system-variable',
  'temp-name',
  'string',
  'unicode-string',
  'number',
  'money',
  'binary',
  'sqlcmd-variable',
  'sqlcmd-command',
  'label',
  'operator',
  'punctuation',
  'unknown',
];
/** The code of each token kind. */
export const KIND_CODES: Readonly<Record<TokenKind, number>> = Object.fromEntries(KINDS.map((kind, code) => [kind, code])) as Record<TokenKind, number>;
const WORD = KIND_CODES.word;
const OPERATOR = KIND_CODES.operator;
const PUNCTUATION = KIND_CODES.punctuation;
/** The columns of a table with no room (a range, before it is given its storage); never written to. */
const EMPTY_BYTES = new Uint8Array(0);
const EMPTY_INTS = new Int32Array(0);
/** The columns of a released table, kept for the next scan (see TokenTable.forScan). */
let spareColumns: { readonly kinds: Uint8Array; readonly starts: Int32Array; readonly ends: Int32Array; readonly keywordIds: Int32Array } | undefined;
/** Columns for more tokens than this are not kept once released. */
const MAX_SPARE_TOKENS = 1 << 20;

/** Set in a kind byte for a string, quoted identifier or comment that runs to the end of the input. */
const UNTERMINATED = 0x80;

/**
 * Tokens as columns: kinds, offsets and keywords in arrays, with no object per token. What the
 * parser reads: tokens live until the parse of their text ends, and for the large procedures of
 * an estate, as objects with their own text, they were most of what the parse kept alive
 * through every garbage collection. A token is made into a Token object where one is asked for
 * (token()); its text is read from the source.
 */
export class TokenTable {
  readonly source: string;
  #kinds: Uint8Array;
  #starts: Int32Array;
  #ends: Int32Array;
  /** The upper-cased keyword of each word, '' for other tokens: an index into #keywordTexts. */
  #keywordIds: Int32Array;
  /** Keywords by id, '' first; shared by ranges of the table. */
  #keywordTexts: string[];
  /**
   * The spelling of each keyword id that pushWord() and pushVariable() gave out (one id per
   * spelling; ids from push() have none); shared by ranges of the table. A word's or variable's
   * text is this one string wherever it is written: names the parse keeps are not cut out of
   * the source again for each use, and a string the translation looks up (a column, a table, a
   * variable) has its hash from the first lookup.
   */
  #spellingsById: Array<string | undefined>;
  /** Ids of keywords added by push(). */
  #keywordIndex: Map<string, number>;
  /**
   * Ids of words added by pushWord(), by spelling: open addressing on a hash of the spelling's
   * characters (index + 1 into #wordSpellings, 0 empty), so that a word seen before is found
   * without cutting it out of the source.
   */
  #wordSlots: Int32Array = EMPTY_INTS;
  readonly #wordSpellings: string[] = [];
  readonly #wordHashes: number[] = [];
  readonly #wordIds: number[] = [];
  #length = 0;

  /** `capacity` tokens fit before the columns grow; `keywords` are shared with the table a range is cut from. */
  constructor(source: string, capacity = 16, keywords?: TokenTable) {
    this.source = source;
    this.#kinds = capacity === 0 ? EMPTY_BYTES : new Uint8Array(capacity);
    this.#starts = capacity === 0 ? EMPTY_INTS : new Int32Array(capacity);
    this.#ends = capacity === 0 ? EMPTY_INTS : new Int32Array(capacity);
    this.#keywordIds = capacity === 0 ? EMPTY_INTS : new Int32Array(capacity);
    this.#keywordTexts = keywords === undefined ? [''] : keywords.#keywordTexts;
    this.#spellingsById = keywords === undefined ? [] : keywords.#spellingsById;
    this.#keywordIndex = keywords === undefined ? new Map<string, number>().set('', 0) : keywords.#keywordIndex;
  }

  /**
   * A table for a scan of `source`, with room for `capacity` tokens: on the columns of the last
   * released table where they are large enough. Parses do not overlap, and fresh columns for
   * every object translated (allocated, zeroed and soon garbage) were a cost of their own.
   */
  static forScan(source: string, capacity: number): TokenTable {
    const spare = spareColumns;
    if (spare === undefined || spare.kinds.length < capacity) return new TokenTable(source, capacity);
    spareColumns = undefined;
    const table = new TokenTable(source, 0);
    table.#kinds = spare.kinds;
    table.#starts = spare.starts;
    table.#ends = spare.ends;
    table.#keywordIds = spare.keywordIds;
    return table;
  }

  /**
   * Hands the table's columns to the next scan. Neither the table nor any range of it may be
   * read afterwards; it reads as empty.
   */
  release(): void {
    const capacity = this.#kinds.length;
    if (capacity <= MAX_SPARE_TOKENS && capacity > (spareColumns?.kinds.length ?? 0)) {
      spareColumns = { kinds: this.#kinds, starts: this.#starts, ends: this.#ends, keywordIds: this.#keywordIds };
    }
    this.#kinds = EMPTY_BYTES;
    this.#starts = EMPTY_INTS;
    this.#ends = EMPTY_INTS;
    this.#keywordIds = EMPTY_INTS;
    this.#length = 0;
  }

  /** A table of the given tokens (those of tokenize() or a selection), all of whose offsets index into `source`. */
  static of(source: string, tokens: readonly Token[]): TokenTable {
    const table = new TokenTable(source, Math.max(16, tokens.length));
    for (const token of tokens) table.push(KIND_CODES[token.kind], token.start, token.end, token.keyword, token.unterminated);
    return table;
  }

  get length(): number {
    return this.#length;
  }

  /** Adds a token of kind `code` (KIND_CODES). */
  push(code: number, start: number, end: number, keyword: string, unterminated: boolean): void {
    const index = this.#length;
    if (index === this.#kinds.length) this.#grow();
    this.#kinds[index] = code | (unterminated ? UNTERMINATED : 0);
    this.#starts[index] = start;
    this.#ends[index] = end;
    // Most tokens pushed here (all but words of a table made from Token objects) have no keyword: id 0.
    let id = keyword === '' ? 0 : this.#keywordIndex.get(keyword);
    if (id === undefined) {
      id = this.#keywordTexts.length;
      this.#keywordTexts.push(keyword);
      this.#keywordIndex.set(keyword, id);
    }
    this.#keywordIds[index] = id;
    this.#length = index + 1;
  }

  /**
   * Adds a word: `source` from `start` to `end`, whose characters hash to `hash` (see
   * wordHash()). Its keyword is its spelling upper-cased.
   */
  pushWord(start: number, end: number, hash: number): void {
    const index = this.#length;
    if (index === this.#kinds.length) this.#grow();
    this.#kinds[index] = WORD;
    this.#starts[index] = start;
    this.#ends[index] = end;
    this.#keywordIds[index] = this.#wordId(start, end, hash, true);
    this.#length = index + 1;
  }

  /**
   * Adds a variable or system variable (`code`, KIND_CODES), hashed as pushWord() takes words.
   * Its keyword is '', as push() gives it; its text is one string for each spelling.
   */
  pushVariable(code: number, start: number, end: number, hash: number): void {
    const index = this.#length;
    if (index === this.#kinds.length) this.#grow();
    this.#kinds[index] = code;
    this.#starts[index] = start;
    this.#ends[index] = end;
    this.#keywordIds[index] = this.#wordId(start, end, hash, false);
    this.#length = index + 1;
  }

  /**
   * The id of a spelling, given out on its first push: a word's keyword is its spelling
   * upper-cased, a variable's is '' (variables begin with @, so no word is spelled like one).
   */
  #wordId(start: number, end: number, hash: number, word: boolean): number {
    const source = this.source;
    const length = end - start;
    if (this.#wordSlots.length === 0) this.#wordSlots = new Int32Array(1024);
    let slots = this.#wordSlots;
    let mask = slots.length - 1;
    let slot = hash & mask;
    for (let entry = slots[slot] as number; entry !== 0; slot = (slot + 1) & mask, entry = slots[slot] as number) {
      const spelling = this.#wordSpellings[entry - 1] as string;
      if (this.#wordHashes[entry - 1] === hash && spelling.length === length && source.startsWith(spelling, start)) return this.#wordIds[entry - 1] as number;
    }
    const spelling = source.slice(start, end);
    const id = this.#keywordTexts.length;
    this.#keywordTexts.push(word ? upperCased(spelling) : '');
    this.#spellingsById[id] = spelling;
    this.#wordSpellings.push(spelling);
    this.#wordHashes.push(hash);
    this.#wordIds.push(id);
    const count = this.#wordSpellings.length;
    if (count * 2 > slots.length) {
      // Keep the table at most half full: twice the slots, every spelling placed again.
      slots = new Int32Array(slots.length * 2);
      mask = slots.length - 1;
      for (let entry = 1; entry <= count; entry++) {
        let free = (this.#wordHashes[entry - 1] as number) & mask;
        while (slots[free] !== 0) free = (free + 1) & mask;
        slots[free] = entry;
      }
      this.#wordSlots = slots;
    } else {
      slots[slot] = count;
    }
    return id;
  }

  /** Tokens `start` to `end` (exclusive) as a table of their own, sharing this one's storage. */
  range(start: number, end: number): TokenTable {
    const range = new TokenTable(this.source, 0, this);
    range.#kinds = this.#kinds.subarray(start, end);
    range.#starts = this.#starts.subarray(start, end);
    range.#ends = this.#ends.subarray(start, end);
    range.#keywordIds = this.#keywordIds.subarray(start, end);
    range.#length = end - start;
    return range;
  }

  /** Makes token `index` a token of kind `code` (KIND_CODES), its offsets and whether it is unterminated kept. */
  retag(index: number, code: number): void {
    this.#kinds[index] = code | ((this.#kinds[index] as number) & UNTERMINATED);
  }

  // Readers take any index: out of range, a token reads as nothing (kind unknown, no keyword).

  kind(index: number): TokenKind {
    return index >= 0 && index < this.#length ? (KINDS[(this.#kinds[index] as number) & ~UNTERMINATED] as TokenKind) : 'unknown';
  }

  isWord(index: number): boolean {
    return index >= 0 && index < this.#length && ((this.#kinds[index] as number) & ~UNTERMINATED) === WORD;
  }

  start(index: number): number {
    return this.#starts[index] as number;
  }

  end(index: number): number {
    return this.#ends[index] as number;
  }

  keyword(index: number): string {
    return index >= 0 && index < this.#length ? (this.#keywordTexts[this.#keywordIds[index] as number] as string) : '';
  }

  unterminated(index: number): boolean {
    return index >= 0 && index < this.#length && ((this.#kinds[index] as number) & UNTERMINATED) !== 0;
  }

  text(index: number): string {
    return this.#spelling(index) ?? this.source.slice(this.#starts[index], this.#ends[index]);
  }

  /** The shared spelling of a word or variable pushWord() or pushVariable() added (see #spellingsById). */
  #spelling(index: number): string | undefined {
    if (index < 0 || index >= this.#length) return undefined;
    return this.#spellingsById[this.#keywordIds[index] as number];
  }

  /** Whether token `index` is punctuation or an operator written `symbol` (one or two characters). */
  isSymbol(index: number, symbol: string): boolean {
    if (index < 0 || index >= this.#length) return false;
    const code = this.#kinds[index] as number;
    if (code !== PUNCTUATION && code !== OPERATOR) return false;
    const start = this.#starts[index] as number;
    const length = (this.#ends[index] as number) - start;
    if (length !== symbol.length || this.source.charCodeAt(start) !== symbol.charCodeAt(0)) return false;
    return length === 1 || this.source.charCodeAt(start + 1) === symbol.charCodeAt(1);
  }

  /** Token `index` as an object, made anew on each call; undefined out of range. */
  token(index: number): Token | undefined {
    if (index < 0 || index >= this.#length) return undefined;
    const code = this.#kinds[index] as number;
    const start = this.#starts[index] as number;
    const end = this.#ends[index] as number;
    return {
      kind: KINDS[code & ~UNTERMINATED] as TokenKind,
      start,
      end,
      text: this.#spelling(index) ?? this.source.slice(start, end),
      keyword: this.#keywordTexts[this.#keywordIds[index] as number] as string,
      unterminated: (code & UNTERMINATED) !== 0,
    };
  }

  #grow(): void {
    const capacity = Math.max(16, this.#kinds.length * 2);
    const kinds = new Uint8Array(capacity);
    kinds.set(this.#kinds);
    const starts = new Int32Array(capacity);
    starts.set(this.#starts);
    const ends = new Int32Array(capacity);
    ends.set(this.#ends);
    const keywordIds = new Int32Array(capacity);
    keywordIds.set(this.#keywordIds);
    this.#kinds = kinds;
    this.#starts = starts;
    this.#ends = ends;
    this.#keywordIds = keywordIds;
  }
}

/** The hash pushWord() takes: of the characters of `source` from `start` to `end`. */
export function wordHash(source: string, start: number, end: number): number {
  let hash = end - start;
  for (let index = start; index < end; index++) hash = (Math.imul(hash, 31) + source.charCodeAt(index)) | 0;
  return hash;
}

/** A word's keyword: the word itself when it has no lower-case (or non-ASCII) letter. */
export function upperCased(word: string): string {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if ((code >= 97 && code <= 122) || code >= 128) return word.toUpperCase();
  }
  return word;
}


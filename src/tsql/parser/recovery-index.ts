import type { TokenTable } from '../token-table.js';
import { statementStartsAt } from './names.js';

/**
 * Where parsing may resume after a statement fails: the `;` and statement keywords of a batch,
 * with the nesting (open parentheses plus open CASE expressions) in force before each. Built once
 * per batch, on the first failure, so that each later recovery costs a logarithmic search rather
 * than a scan to the end of the batch: repeated failures inside deep or unbalanced nesting would
 * otherwise make recovery quadratic.
 */
export class RecoveryIndex {
  /** Nesting before each token, and after the last. */
  private readonly nesting: Int32Array;
  /** Token indexes of resume points, ascending. */
  private readonly points: Int32Array;
  private readonly semicolon: Uint8Array;
  /** Segment tree over `points`: the minimum nesting in each range. */
  private readonly tree: Int32Array;
  private readonly leaves: number;

  constructor(tokens: TokenTable) {
    const n = tokens.length;
    this.nesting = new Int32Array(n + 1);
    const points: number[] = [];
    const semicolons: number[] = [];
    let parens = 0;
    let cases = 0;
    for (let i = 0; i < n; i++) {
      this.nesting[i] = parens + cases;
      if (tokens.kind(i) === 'punctuation') {
        if (tokens.isSymbol(i, '(')) parens++;
        else if (tokens.isSymbol(i, ')')) parens = Math.max(0, parens - 1);
        else if (tokens.isSymbol(i, ';')) {
          points.push(i);
          semicolons.push(1);
        }
        continue;
      }
      const keyword = tokens.keyword(i);
      if (keyword === 'CASE') {
        cases++;
        continue;
      }
      // An END that closes a CASE expression is not the END of a block.
      if (keyword === 'END' && cases > 0) {
        cases--;
        continue;
      }
      if (statementStartsAt(tokens, i)) {
        points.push(i);
        semicolons.push(0);
      }
    }
    this.nesting[n] = parens + cases;
    this.points = Int32Array.from(points);
    this.semicolon = Uint8Array.from(semicolons);
    let leaves = 1;
    while (leaves < points.length) leaves *= 2;
    this.leaves = leaves;
    this.tree = new Int32Array(2 * leaves).fill(0x7fffffff);
    for (let k = 0; k < points.length; k++) this.tree[leaves + k] = this.nesting[points[k] as number] as number;
    for (let k = leaves - 1; k >= 1; k--) this.tree[k] = Math.min(this.tree[2 * k] as number, this.tree[2 * k + 1] as number);
  }

  nestingBefore(index: number): number {
    return this.nesting[Math.min(index, this.nesting.length - 1)] as number;
  }

  /** Whether the resume point at `point` (an index into the points) is a semicolon. */
  isSemicolon(point: number): boolean {
    return this.semicolon[point] === 1;
  }

  tokenIndex(point: number): number {
    return this.points[point] as number;
  }

  /** The first resume point at token index >= `from` whose nesting is <= `limit`, or -1. */
  firstAtOrBelow(from: number, limit: number): number {
    const start = this.lowerBound(from);
    if (start >= this.points.length) return -1;
    return this.search(1, 0, this.leaves, start, limit);
  }

  /** The first resume point at token index >= `from`, whatever its nesting, or -1. */
  first(from: number): number {
    const start = this.lowerBound(from);
    return start < this.points.length ? start : -1;
  }

  private lowerBound(from: number): number {
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.points[mid] as number) < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Leftmost leaf >= `start` in node `node` (covering [lo, hi)) with value <= `limit`. */
  private search(node: number, lo: number, hi: number, start: number, limit: number): number {
    if (hi <= start || (this.tree[node] as number) > limit) return -1;
    if (hi - lo === 1) return lo < this.points.length ? lo : -1;
    const mid = (lo + hi) >> 1;
    const left = this.search(2 * node, lo, mid, start, limit);
    return left >= 0 ? left : this.search(2 * node + 1, mid, hi, start, limit);
  }
}

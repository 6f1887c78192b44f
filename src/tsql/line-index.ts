/** Half-open range of UTF-16 offsets into the decoded source text: `text.slice(start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** 1-based line and column; columns count UTF-16 code units, the way editors report them. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps offsets to lines and columns. T-SQL sources mix LF, CRLF and lone CR line endings (files
 * edited on several machines), and each of the three ends a line.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(text: string) {
    const starts = [0];
    // Line breaks are found with indexOf (a native search) rather than by reading each
    // character: every translated object builds an index, and most of a text is not breaks.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      let end: number;
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        end = lf + 1;
      } else {
        end = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      }
      starts.push(end);
      if (lf >= 0 && lf < end) lf = text.indexOf('\n', end);
      if (cr >= 0 && cr < end) cr = text.indexOf('\r', end);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): SourcePosition {
    const index = this.#lineAt(offset);
    return { line: index + 1, column: offset - (this.lineStarts[index] ?? 0) + 1 };
  }

  /** position(offset).line, without the object (the translation asks it for every statement it writes). */
  line(offset: number): number {
    return this.#lineAt(offset) + 1;
  }

  /** The 0-based line `offset` is on. */
  #lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

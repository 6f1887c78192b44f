import type { Redactor } from '../../src/config/secret.js';
import type { Reporter } from '../../src/reporter.js';

export interface TerminalReporterOptions {
  readonly stream: NodeJS.WriteStream;
  readonly verbose: boolean;
  /** Scrubs secrets; read at every write so that secrets learnt later are scrubbed too. */
  readonly redactor: () => Redactor;
}

/**
 * Logs and progress on stderr, so that stdout holds only the command's output (or its JSON).
 * Progress redraws one line, and only when stderr is a terminal.
 */
export class TerminalReporter implements Reporter {
  readonly #options: TerminalReporterOptions;
  readonly #tty: boolean;
  readonly #color: boolean;
  #progressShown = false;
  #lastProgressAt = 0;

  constructor(options: TerminalReporterOptions) {
    this.#options = options;
    this.#tty = options.stream.isTTY === true;
    this.#color = this.#tty && process.env['NO_COLOR'] === undefined;
  }

  info(message: string): void {
    this.#line(message);
  }

  warn(message: string): void {
    this.#line(`${this.#paint('33', 'warning')} ${message}`);
  }

  debug(message: string): void {
    if (this.#options.verbose) this.#line(this.#paint('2', message));
  }

  progress(task: string, done: number, total?: number): void {
    if (!this.#tty) return;
    const now = Date.now();
    const finished = total !== undefined && done >= total;
    if (!finished && now - this.#lastProgressAt < 80) return;
    this.#lastProgressAt = now;
    const text = total === undefined ? `${task} ${done}` : `${task} ${done}/${total}${bar(done, total)}`;
    const width = Math.max(20, (this.#options.stream.columns ?? 80) - 1);
    this.#options.stream.write(`\r\u001B[2K${this.#redact(text).slice(0, width)}`);
    this.#progressShown = !finished;
    if (finished) this.#options.stream.write('\n');
  }

  /** Clears a progress line left on screen. */
  clear(): void {
    if (this.#progressShown) this.#options.stream.write('\r\u001B[2K');
    this.#progressShown = false;
  }

  #line(text: string): void {
    this.clear();
    this.#options.stream.write(`${this.#redact(text)}\n`);
  }

  #redact(text: string): string {
    return this.#options.redactor().redact(text);
  }

  #paint(code: string, text: string): string {
    return this.#color ? `\u001B[${code}m${text}\u001B[0m` : text;
  }
}

function bar(done: number, total: number): string {
  if (total <= 0) return '';
  const width = 20;
  const filled = Math.min(width, Math.round((done / total) * width));
  return ` [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

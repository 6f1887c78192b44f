/**
 * How the library tells the outside world what it is doing. The library never writes to
 * stdout or stderr itself; commands pass a Reporter that does (on stderr), tests pass one that
 * records, and everything else passes the silent one.
 */
export interface Reporter {
  /** Something worth a line in the log. */
  info(message: string): void;
  /** Something the user should look at, the work goes on. */
  warn(message: string): void;
  /** Detail for --verbose. */
  debug(message: string): void;
  /** Long work: a named task with an optional known total. */
  progress(task: string, done: number, total?: number): void;
}

export const silentReporter: Reporter = {
  info() {},
  warn() {},
  debug() {},
  progress() {},
};

export interface RecordedEvent {
  readonly level: 'info' | 'warn' | 'debug' | 'progress';
  readonly message: string;
}

/** A reporter that keeps what it was told; for tests and for results that list warnings. */
export class RecordingReporter implements Reporter {
  readonly events: RecordedEvent[] = [];

  info(message: string): void {
    this.events.push({ level: 'info', message });
  }

  warn(message: string): void {
    this.events.push({ level: 'warn', message });
  }

  debug(message: string): void {
    this.events.push({ level: 'debug', message });
  }

  progress(task: string, done: number, total?: number): void {
    this.events.push({ level: 'progress', message: total === undefined ? `${task} ${done}` : `${task} ${done}/${total}` });
  }

  messages(level: RecordedEvent['level']): string[] {
    return this.events.filter((event) => event.level === level).map((event) => event.message);
  }
}

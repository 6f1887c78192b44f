import { Command, Errors, Flags, type Interfaces } from '@oclif/core';
import { loadConfig, type LoadedConfig } from '../../src/config/load.js';
import { Redactor } from '../../src/config/secret.js';
import {
  ExitCode,
  formatLocation,
  LakeshiftError,
  toErrorEnvelope,
  type ErrorEnvelope,
} from '../../src/errors.js';
import { packageVersion } from '../../src/paths.js';
import type { Reporter } from '../../src/reporter.js';
import { displayPath } from './display-path.js';
import { TerminalReporter } from './terminal-reporter.js';

export type CommandFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof LakeshiftCommand)['baseFlags'] & T['flags']>;
export type CommandArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/**
 * What every lakeshift command shares: --config and --json, a reporter on stderr, secrets
 * scrubbed from everything printed, Ctrl-C as an AbortSignal, and the one place where any
 * thrown value becomes a message (or a JSON envelope) and an exit code (DESIGN.md section 3).
 */
export abstract class LakeshiftCommand<T extends typeof Command> extends Command {
  static override enableJsonFlag = true;

  static override baseFlags = {
    config: Flags.string({
      char: 'c',
      summary: 'Path to lakeshift.yaml (default: the nearest one from the current folder upwards).',
      helpGroup: 'GLOBAL',
    }),
    verbose: Flags.boolean({ summary: 'Log more detail on stderr.', helpGroup: 'GLOBAL', default: false }),
  };

  protected flags!: CommandFlags<T>;
  protected args!: CommandArgs<T>;
  protected reporter!: Reporter;
  #redactor = new Redactor();
  #abort: AbortController | undefined;

  override async init(): Promise<void> {
    await super.init();
    this.reporter = new TerminalReporter({
      stream: process.stderr,
      verbose: false,
      redactor: () => this.#redactor,
    });
    const { args, flags } = await this.parse({
      flags: this.ctor.flags,
      baseFlags: (super.ctor as typeof LakeshiftCommand).baseFlags,
      enableJsonFlag: this.ctor.enableJsonFlag,
      args: this.ctor.args,
      strict: this.ctor.strict,
    });
    this.flags = flags as CommandFlags<T>;
    this.args = args as CommandArgs<T>;
    this.reporter = new TerminalReporter({
      stream: process.stderr,
      verbose: this.flags.verbose,
      redactor: () => this.#redactor,
    });
  }

  /**
   * Loads lakeshift.yaml (--config or the nearest one) and learns its secrets. A command that
   * reaches no connection says so (`withoutConnections`): their missing variables are no error.
   */
  protected async loadConfig(options: { readonly withoutConnections?: boolean } = {}): Promise<LoadedConfig> {
    const loaded = await loadConfig({
      cwd: process.cwd(),
      env: process.env,
      ...(this.flags.config === undefined ? {} : { configPath: this.flags.config }),
      ...(options.withoutConnections === true ? { withoutConnections: true } : {}),
    });
    this.#redactor = loaded.redactor;
    return loaded;
  }

  /**
   * Aborted on Ctrl-C; work that takes it stops cleanly. A second Ctrl-C exits at once.
   */
  protected get signal(): AbortSignal {
    if (this.#abort === undefined) {
      const controller = new AbortController();
      this.#abort = controller;
      process.once('SIGINT', () => {
        this.reporter.warn('stopping… (press Ctrl-C again to quit at once)');
        controller.abort(new LakeshiftError('INTERRUPTED', 'interrupted by Ctrl-C'));
        process.once('SIGINT', () => process.exit(ExitCode.interrupted));
      });
    }
    return this.#abort.signal;
  }

  /** Sets the exit code of a command that finished and has a result to print (exit 1 or 3). */
  protected setExitCode(code: ExitCode): void {
    process.exitCode = code;
  }

  override toSuccessJson(result: unknown): unknown {
    return this.#redactor.redactValue(result);
  }

  override toErrorJson(error: unknown): ErrorEnvelope {
    return this.#redactor.redactValue(toErrorEnvelope(toLakeshiftError(error)));
  }

  override async catch(thrown: Error & { exitCode?: number }): Promise<never> {
    if (thrown instanceof Errors.ExitError) throw thrown;
    const error = toLakeshiftError(thrown);
    if (this.jsonEnabled()) {
      this.logJson(this.toErrorJson(error));
    } else {
      process.stderr.write(`${this.#redactor.redact(formatError(error))}\n`);
    }
    this.exit(error.exitCode);
  }
}

/** Any thrown value as a LakeshiftError: oclif's flag errors are bad input, the rest bugs. */
export function toLakeshiftError(thrown: unknown): LakeshiftError {
  if (thrown instanceof LakeshiftError) return thrown;
  if (thrown instanceof Errors.CLIError) {
    const message = thrown.message.replace(/\n+See more help with --help$/, '');
    return new LakeshiftError('INPUT_INVALID', message, { hint: 'See the command\'s usage with --help.' });
  }
  const stack = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
  return new LakeshiftError('INTERNAL', `internal error: ${thrown instanceof Error ? thrown.message : String(thrown)}`, {
    hint: `This is a bug in lakeshift ${packageVersion()}. Please report it with the command you ran and this output.`,
    details: { stack: stack.split('\n').slice(0, 12).join('\n') },
    cause: thrown,
  });
}

export function formatError(error: LakeshiftError): string {
  let message = error.message;
  if (error.location !== undefined) {
    const file = error.location.file;
    const shown = displayPath(file);
    message = message.split(file).join(shown);
    if (!message.includes(shown)) message = `${formatLocation({ ...error.location, file: shown })}: ${message}`;
  }
  const lines = [`error [${error.code}] ${message}`];
  if (error.hint !== undefined) lines.push(`  hint: ${error.hint}`);
  if (error.code === 'INTERNAL' && typeof error.details?.['stack'] === 'string') {
    lines.push(String(error.details['stack']).replace(/^/gm, '  '));
  }
  return lines.join('\n');
}

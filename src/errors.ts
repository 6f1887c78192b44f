/**
 * The one error catalogue. Every failure lakeshift reports is a LakeshiftError with a stable
 * code; the base command turns it into a message or a JSON envelope and an exit code
 * (DESIGN.md section 3). Anything else that escapes is a bug and exits 70.
 */

export const ExitCode = {
  ok: 0,
  /** The check ran and failed: parity beyond thresholds, --strict translation with errors. */
  checkFailed: 1,
  /** Bad input: flags, config, unreadable files. */
  badInput: 2,
  /** The environment: connection, authentication, timeout, git. */
  environment: 3,
  /** A bug in lakeshift. */
  internal: 70,
  /** Stopped by Ctrl-C (the shell convention, 128 + SIGINT). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Stable error codes, grouped by the exit code they map to. */
const codeExits = {
  CHECK_FAILED: ExitCode.checkFailed,

  CONFIG_NOT_FOUND: ExitCode.badInput,
  CONFIG_SYNTAX: ExitCode.badInput,
  CONFIG_INVALID: ExitCode.badInput,
  CONFIG_UNKNOWN_KEY: ExitCode.badInput,
  CONFIG_ENV_MISSING: ExitCode.badInput,
  CONFIG_UNKNOWN_CONNECTION: ExitCode.badInput,
  INPUT_INVALID: ExitCode.badInput,
  INPUT_NOT_FOUND: ExitCode.badInput,
  TARGET_NOT_EMPTY: ExitCode.badInput,
  SNAPSHOT_DIRTY: ExitCode.badInput,
  READ_ONLY_VIOLATION: ExitCode.badInput,

  CONNECTION_FAILED: ExitCode.environment,
  CONNECTION_TIMEOUT: ExitCode.environment,
  AUTH_FAILED: ExitCode.environment,
  QUERY_FAILED: ExitCode.environment,
  QUERY_TIMEOUT: ExitCode.environment,
  GIT_FAILED: ExitCode.environment,
  PROCESS_FAILED: ExitCode.environment,
  LOCKED: ExitCode.environment,
  INTERRUPTED: ExitCode.interrupted,

  INTERNAL: ExitCode.internal,
} as const satisfies Record<string, ExitCode>;

export type ErrorCode = keyof typeof codeExits;

/** Where in a file the problem is. Lines and columns are 1-based. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export interface LakeshiftErrorOptions {
  /** What the user can do about it. */
  readonly hint?: string;
  readonly location?: SourceLocation;
  /** Machine-readable context; must never hold a secret. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

export class LakeshiftError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly location: SourceLocation | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, options: LakeshiftErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LakeshiftError';
    this.code = code;
    this.hint = options.hint;
    this.location = options.location;
    this.details = options.details;
  }

  get exitCode(): ExitCode {
    return codeExits[this.code];
  }
}

/** lakeshift.yaml could not be read, parsed or validated. */
export class ConfigError extends LakeshiftError {
  constructor(
    code: Extract<
      ErrorCode,
      | 'CONFIG_NOT_FOUND'
      | 'CONFIG_SYNTAX'
      | 'CONFIG_INVALID'
      | 'CONFIG_UNKNOWN_KEY'
      | 'CONFIG_ENV_MISSING'
      | 'CONFIG_UNKNOWN_CONNECTION'
    >,
    message: string,
    options: LakeshiftErrorOptions & { readonly keyPath?: string } = {},
  ) {
    super(code, message, {
      ...options,
      details: { ...options.details, ...(options.keyPath === undefined ? {} : { keyPath: options.keyPath }) },
    });
    this.name = 'ConfigError';
  }
}

/** A database could not be reached, refused us, or a statement failed or timed out. */
export class EngineError extends LakeshiftError {
  readonly connection: string;

  constructor(
    code: Extract<
      ErrorCode,
      'CONNECTION_FAILED' | 'CONNECTION_TIMEOUT' | 'AUTH_FAILED' | 'QUERY_FAILED' | 'QUERY_TIMEOUT' | 'READ_ONLY_VIOLATION'
    >,
    connection: string,
    message: string,
    options: LakeshiftErrorOptions = {},
  ) {
    super(code, message, { ...options, details: { connection, ...options.details } });
    this.name = 'EngineError';
    this.connection = connection;
  }
}

export function isLakeshiftError(value: unknown): value is LakeshiftError {
  return value instanceof LakeshiftError;
}

/** The JSON envelope printed on stdout by `--json` when a command fails. */
export interface ErrorEnvelope {
  readonly error: {
    readonly code: ErrorCode;
    readonly exitCode: ExitCode;
    readonly message: string;
    readonly hint?: string;
    readonly location?: SourceLocation;
    readonly details?: Readonly<Record<string, unknown>>;
  };
}

export function toErrorEnvelope(error: LakeshiftError): ErrorEnvelope {
  return {
    error: {
      code: error.code,
      exitCode: error.exitCode,
      message: error.message,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(error.location === undefined ? {} : { location: error.location }),
      ...(error.details === undefined || Object.keys(error.details).length === 0 ? {} : { details: error.details }),
    },
  };
}

/** `file:line:column` as editors and terminals link it. */
export function formatLocation(location: SourceLocation): string {
  if (location.line === undefined) return location.file;
  if (location.column === undefined) return `${location.file}:${location.line}`;
  return `${location.file}:${location.line}:${location.column}`;
}

/** A one-line description of any thrown value, for wrapping driver errors. */
export function describeError(value: unknown): string {
  if (value instanceof AggregateError && value.errors.length > 0) {
    return value.errors.map(describeError).join('; ');
  }
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    const message = value.message.trim() || value.name;
    return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
  }
  return String(value);
}

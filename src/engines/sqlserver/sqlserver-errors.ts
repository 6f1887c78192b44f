import type { Redactor } from '../../config/secret.js';
import { EngineError } from '../../errors.js';
import { abbreviateSql } from '../engine.js';
import { seconds } from '../timeout.js';

/**
 * Turns what mssql/tedious throw or emit into EngineErrors. The shapes come from
 * mssql lib/error/*.js (ConnectionError/RequestError with `code`, `number`, `lineNumber`,
 * `state`, `class`, `procName`, and the tedious error as `originalError`) and tedious
 * lib/errors.js and lib/connection.js (ELOGIN, ESOCKET wrapping the socket error as `cause`,
 * ETIMEOUT "Failed to connect ... in N ms" or "Timeout: Request failed to complete in N ms",
 * EINSTLOOKUP, ECANCEL, ECLOSE).
 */
export interface SqlServerErrorContext {
  readonly connection: string;
  /** "host:port/database" or "host\instance/database". */
  readonly target: string;
  readonly server: string;
  readonly instance?: string;
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly redactor: Redactor;
}

/** What the driver told us, gathered from the error and the errors it wraps. */
interface DriverFacts {
  readonly message: string;
  readonly codes: ReadonlySet<string>;
  readonly number?: number;
  readonly state?: number;
  readonly severity?: number;
  readonly lineNumber?: number;
  readonly procName?: string;
  readonly serverMessages: ReadonlyArray<{ number?: number; message: string }>;
}

export function sqlServerConnectError(error: unknown, context: SqlServerErrorContext): EngineError {
  return classify(error, context, 'connect');
}

/** `related` are further errors the server sent for the same statement. */
export function sqlServerQueryError(error: unknown, context: SqlServerErrorContext, sql: string, related: readonly unknown[] = []): EngineError {
  return classify(error, context, 'query', sql, related);
}

export function sqlServerTimeoutError(
  context: SqlServerErrorContext,
  phase: 'connect' | 'query',
  ms: number,
  sql?: string,
): EngineError {
  if (phase === 'connect') {
    return new EngineError('CONNECTION_TIMEOUT', context.connection, `${context.connection}: no answer from SQL Server at ${context.target} within ${seconds(ms)}`, {
      hint: connectTimeoutHint(context),
      details: { target: context.target, timeoutMs: ms },
    });
  }
  return new EngineError('QUERY_TIMEOUT', context.connection, `${context.connection}: the query did not finish within ${seconds(ms)}`, {
    hint: 'Make the query cheaper (filter, push the work to an index) or raise requestTimeout for this connection in lakeshift.yaml.',
    details: { target: context.target, timeoutMs: ms, ...(sql === undefined ? {} : { statement: abbreviateSql(sql) }) },
  });
}

export function sqlServerCancelledError(context: SqlServerErrorContext, sql: string): EngineError {
  return new EngineError('QUERY_FAILED', context.connection, `${context.connection}: the query was cancelled`, {
    details: { target: context.target, statement: abbreviateSql(sql) },
  });
}

function classify(error: unknown, context: SqlServerErrorContext, phase: 'connect' | 'query', sql?: string, related: readonly unknown[] = []): EngineError {
  if (error instanceof EngineError) return error;
  const facts = gather(error, context.redactor, related);
  const { connection, target } = context;
  const has = (...codes: string[]) => codes.some((code) => facts.codes.has(code));
  const statement = sql === undefined ? {} : { statement: abbreviateSql(context.redactor.redact(sql)) };
  const options = (hint: string, details: Record<string, unknown> = {}) => ({
    hint,
    details: context.redactor.redactValue({ target, ...details, ...statement }),
    cause: sanitizedCause(error, facts),
  });

  if (has('ELOGIN') || facts.number === 18456) {
    return new EngineError('AUTH_FAILED', connection, `${connection}: SQL Server at ${target} refused the login: ${facts.message}`, options(
      /cannot open database/i.test(facts.message)
        ? 'Check "database" in lakeshift.yaml and that the login may use that database.'
        : 'Check "user", "password" and "authentication" for this connection in lakeshift.yaml (and the environment variables they come from).',
      facts.number === undefined ? {} : { number: facts.number },
    ));
  }
  if (has('ETIMEOUT')) {
    const connecting = phase === 'connect' || /failed to connect/i.test(facts.message);
    return connecting
      ? new EngineError('CONNECTION_TIMEOUT', connection, `${connection}: no answer from SQL Server at ${target} within ${seconds(context.connectTimeoutMs)}: ${facts.message}`, options(connectTimeoutHint(context)))
      : new EngineError('QUERY_TIMEOUT', connection, `${connection}: the query did not finish in time: ${facts.message}`, options(
          'Make the query cheaper or raise requestTimeout for this connection in lakeshift.yaml.',
        ));
  }
  if (/failed to acquire a connection from the pool/i.test(facts.message)) {
    return new EngineError('CONNECTION_TIMEOUT', connection, `${connection}: no free connection to SQL Server at ${target}: ${facts.message}`, options(
      'Too many queries at once for this connection: lower parity concurrency, or check that the server still answers.',
    ));
  }
  const socketFailure = has('ESOCKET', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EINSTLOOKUP', 'ECONNCLOSED', 'ENOTOPEN', 'ECLOSE', 'EPIPE');
  if (socketFailure || (phase === 'connect' && facts.number === undefined)) {
    const verb = phase === 'connect' ? 'cannot connect to' : 'lost the connection to';
    return new EngineError('CONNECTION_FAILED', connection, `${connection}: ${verb} SQL Server at ${target}: ${facts.message}`, options(socketHint(facts, context)));
  }
  if (has('ECANCEL')) {
    return new EngineError('QUERY_FAILED', connection, `${connection}: the query was cancelled`, options('The statement was cancelled before it finished.'));
  }
  const numbered = facts.number === undefined ? '' : ` ${facts.number}`;
  return new EngineError('QUERY_FAILED', connection, `${connection}: SQL Server error${numbered}: ${facts.message}`, options(queryHint(facts, connection), {
    ...(facts.number === undefined ? {} : { number: facts.number }),
    ...(facts.state === undefined ? {} : { state: facts.state }),
    ...(facts.severity === undefined ? {} : { class: facts.severity }),
    ...(facts.lineNumber === undefined ? {} : { lineNumber: facts.lineNumber }),
    ...(facts.procName === undefined || facts.procName === '' ? {} : { procName: facts.procName }),
    ...(facts.serverMessages.length > 1 ? { errors: facts.serverMessages } : {}),
  }));
}

function connectTimeoutHint(context: SqlServerErrorContext): string {
  return `Check that "${context.server}" and the port are right and reachable from here (VPN, firewall); a slow network may need a larger connectTimeout (now ${seconds(context.connectTimeoutMs)}).`;
}

function socketHint(facts: DriverFacts, context: SqlServerErrorContext): string {
  const has = (code: string) => facts.codes.has(code);
  if (has('ENOTFOUND') || has('EAI_AGAIN')) return `The host name "${context.server}" does not resolve: check "server" in lakeshift.yaml, DNS and VPN.`;
  if (has('ECONNREFUSED')) return 'Nothing accepts connections there: check "server" and "port" (default 1433), that SQL Server listens on TCP, and the firewall.';
  if (has('EINSTLOOKUP')) return `The SQL Server Browser (UDP 1434) did not answer for instance "${context.instance ?? ''}": check the instance name, or give "port" instead.`;
  if (/certificate|self[- ]signed|CERT_|UNABLE_TO_VERIFY/i.test(facts.message)) {
    return 'The server\'s TLS certificate is not trusted here: install its CA certificate, or set trustServerCertificate: true for this connection if you accept the risk.';
  }
  if (has('ECONNRESET') || has('EPIPE')) return 'The server closed the connection: check that the port is SQL Server\'s and the encrypt/trustServerCertificate settings.';
  return 'Check "server", "port" or "instance", and the firewall between this machine and the server.';
}

function queryHint(facts: DriverFacts, connection: string): string {
  switch (facts.number) {
    case 208:
      return `Check the object name and the database of connection "${connection}" (names are schema.table, e.g. dbo.Sales).`;
    case 207:
      return 'Check the column names against the table (SQL Server reports each unknown column).';
    case 229:
    case 230:
    case 262:
    case 297:
      return 'The login lacks a permission: ask for SELECT (or VIEW DEFINITION for the catalog) on the objects read.';
    case 102:
    case 156:
      return 'The statement is not valid T-SQL at the line SQL Server reports.';
    default:
      return 'Fix the statement; the error number is SQL Server\'s (see sys.messages).';
  }
}

/** Collects message, codes and SQL Server error fields from an error and what it wraps. */
function gather(error: unknown, redactor: Redactor, related: readonly unknown[]): DriverFacts {
  const codes = new Set<string>();
  const serverMessages: Array<{ number?: number; message: string }> = [];
  let number: number | undefined;
  let state: number | undefined;
  let severity: number | undefined;
  let lineNumber: number | undefined;
  let procName: string | undefined;
  const seen = new Set<unknown>();
  // tedious wraps socket errors: ESOCKET "Could not connect (sequence)" -> AggregateError -> ECONNREFUSED.
  const reasons: string[] = [];
  const visit = (value: unknown, depth: number, primary = true): void => {
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > 6) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record['code'] === 'string') codes.add(record['code']);
    if (primary && depth > 0 && value instanceof Error && !(value instanceof AggregateError) && value.message.trim() !== '') reasons.push(value.message.trim());
    const info = (typeof record['info'] === 'object' && record['info'] !== null ? record['info'] : record) as Record<string, unknown>;
    if (typeof info['number'] === 'number') {
      number ??= info['number'];
      serverMessages.push({ number: info['number'], message: redactor.redact(String(info['message'] ?? record['message'] ?? '')) });
    }
    if (typeof info['state'] === 'number') state ??= info['state'];
    if (typeof info['class'] === 'number') severity ??= info['class'];
    if (typeof info['lineNumber'] === 'number') lineNumber ??= info['lineNumber'];
    if (typeof info['procName'] === 'string') procName ??= info['procName'];
    visit(record['originalError'], depth + 1, primary);
    visit(record['cause'], depth + 1, primary);
    visit(record['info'], depth + 1, primary);
    if (Array.isArray(record['errors'])) for (const inner of record['errors']) visit(inner, depth + 1, primary);
    if (Array.isArray(record['precedingErrors'])) for (const inner of record['precedingErrors']) visit(inner, depth + 1, false);
  };
  visit(error, 0);
  for (const other of related) visit(other, 0, false);
  const own = (error instanceof Error ? error.message : typeof error === 'string' ? error : String((error as { message?: unknown })?.message ?? error)).trim();
  const extra = [...new Set(reasons)].filter((reason) => !own.includes(reason));
  const raw = [own === '' ? 'unknown error' : own, ...extra].join(': ');
  return {
    message: redactor.redact(raw),
    codes,
    ...(number === undefined ? {} : { number }),
    ...(state === undefined ? {} : { state }),
    ...(severity === undefined ? {} : { severity }),
    ...(lineNumber === undefined ? {} : { lineNumber }),
    ...(procName === undefined ? {} : { procName }),
    serverMessages: dedupe(serverMessages),
  };
}

function dedupe(messages: Array<{ number?: number; message: string }>): Array<{ number?: number; message: string }> {
  const keys = new Set<string>();
  return messages.filter((item) => {
    const key = `${item.number}:${item.message}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

/**
 * The driver's error, reduced to its scrubbed message and code. The original object is not
 * kept: driver errors can hold the connection config (and so a password) in their fields.
 */
function sanitizedCause(error: unknown, facts: DriverFacts): Error {
  const cause = new Error(facts.message);
  cause.name = error instanceof Error ? error.name : 'DriverError';
  const code = [...facts.codes][0];
  if (code !== undefined) Object.assign(cause, { code });
  return cause;
}

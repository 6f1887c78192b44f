import type { Redactor } from '../../config/secret.js';
import { EngineError } from '../../errors.js';
import { abbreviateSql } from '../engine.js';
import { seconds } from '../timeout.js';

/**
 * Turns what @databricks/sql 2.0.0 throws into EngineErrors. The shapes, from its dist/:
 * - connection/connections/ThriftHttpConnection.js: THTTPException, `statusCode` (401, 403,
 *   404, 503 ...), message "Received a response with a bad HTTP status code: 401"; a
 *   node-fetch request timeout becomes a TApplicationException "Request timed out";
 * - node-fetch FetchError: "request to https://... failed, reason: connect ECONNREFUSED ...",
 *   with `code` (ECONNREFUSED, ENOTFOUND, ...) and `type: 'system'`;
 * - errors/RetryError.js: "Max retry count exceeded", the last failure in `payload`;
 * - errors/StatusError.js: NOT an Error: { name: 'Status Error', message, code } from a thrift
 *   status (OpenSession, ExecuteStatement);
 * - errors/OperationStateError.js: `errorCode` ERROR / TIMEOUT / CANCELED / CLOSED, the
 *   server's TGetOperationStatusResp in `response` (displayMessage, errorMessage, sqlState);
 * - errors/AuthenticationError.js, and openid-client's OPError (OAuth token endpoint).
 */
export interface DatabricksErrorContext {
  readonly connection: string;
  /** host + httpPath. */
  readonly target: string;
  readonly host: string;
  readonly auth: 'token' | 'oauth-m2m';
  readonly connectTimeoutMs: number;
  readonly queryTimeoutMs: number;
  readonly redactor: Redactor;
}

interface DriverFacts {
  readonly message: string;
  readonly codes: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
  readonly httpStatus?: number;
  readonly operationState?: string;
  readonly sqlState?: string;
  readonly errorCode?: number;
}

export function databricksConnectError(error: unknown, context: DatabricksErrorContext): EngineError {
  return classify(error, context, 'connect');
}

export function databricksQueryError(error: unknown, context: DatabricksErrorContext, sql: string): EngineError {
  return classify(error, context, 'query', sql);
}

export function databricksTimeoutError(context: DatabricksErrorContext, phase: 'connect' | 'query', ms: number, sql?: string): EngineError {
  if (phase === 'connect') {
    return new EngineError('CONNECTION_TIMEOUT', context.connection, `${context.connection}: no answer from Databricks at ${context.target} within ${seconds(ms)}`, {
      hint: connectTimeoutHint(context),
      details: { target: context.target, timeoutMs: ms },
    });
  }
  return new EngineError('QUERY_TIMEOUT', context.connection, `${context.connection}: the statement did not finish within ${seconds(ms)}`, {
    hint: 'Make the statement cheaper, use a larger SQL warehouse, or raise queryTimeout for this connection in lakeshift.yaml.',
    details: { target: context.target, timeoutMs: ms, ...(sql === undefined ? {} : { statement: abbreviateSql(sql) }) },
  });
}

export function databricksCancelledError(context: DatabricksErrorContext, sql: string): EngineError {
  return new EngineError('QUERY_FAILED', context.connection, `${context.connection}: the statement was cancelled`, {
    details: { target: context.target, ...(sql === '' ? {} : { statement: abbreviateSql(sql) }) },
  });
}

function classify(error: unknown, context: DatabricksErrorContext, phase: 'connect' | 'query', sql?: string): EngineError {
  if (error instanceof EngineError) return error;
  const facts = gather(error, context.redactor);
  const { connection, target } = context;
  const has = (...codes: string[]) => codes.some((code) => facts.codes.has(code));
  const statement = sql === undefined ? {} : { statement: abbreviateSql(context.redactor.redact(sql)) };
  const options = (hint: string, details: Record<string, unknown> = {}) => ({
    hint,
    details: context.redactor.redactValue({ target, ...details, ...statement }),
    cause: sanitizedCause(error, facts),
  });
  const status = facts.httpStatus;

  if (status === 401 || status === 403 || facts.names.has('AuthenticationError') || facts.names.has('OPError') || facts.names.has('RPError')) {
    const refused = status === 403 ? 'denied access' : 'refused the credentials';
    return new EngineError('AUTH_FAILED', connection, `${connection}: Databricks at ${target} ${refused}${status === undefined ? '' : ` (HTTP ${status})`}: ${facts.message}`, options(
      /OAuth is not supported for/i.test(facts.message)
        ? 'OAuth M2M needs the workspace host itself (*.cloud.databricks.com, *.azuredatabricks.net, *.gcp.databricks.com): check "host", or use a token.'
        : context.auth === 'token'
        ? 'Check the personal access token (it may have expired or been revoked) and that its user may use this SQL warehouse (CAN USE).'
        : 'Check clientId and clientSecret of the service principal (an OAuth secret made in the account console), and that it may use this SQL warehouse (CAN USE).',
      status === undefined ? {} : { httpStatus: status },
    ));
  }
  if (facts.operationState === 'TIMEOUT') {
    return new EngineError('QUERY_TIMEOUT', connection, `${connection}: Databricks stopped the statement at its time limit: ${facts.message}`, options(
      'Raise queryTimeout for this connection, or make the statement cheaper.',
    ));
  }
  if (facts.operationState === 'CANCELED' || facts.operationState === 'CLOSED') {
    return new EngineError('QUERY_FAILED', connection, `${connection}: the statement was cancelled`, options('The statement was cancelled before it finished.'));
  }
  const timedOut = /request timed out/i.test(facts.message) || facts.codes.has('request-timeout');
  if (timedOut) {
    return phase === 'connect'
      ? new EngineError('CONNECTION_TIMEOUT', connection, `${connection}: no answer from Databricks at ${target} within ${seconds(context.connectTimeoutMs)}: ${facts.message}`, options(connectTimeoutHint(context)))
      : new EngineError('QUERY_TIMEOUT', connection, `${connection}: Databricks did not answer in time: ${facts.message}`, options(
          'The warehouse did not answer within connectTimeout: check it is running, or raise connectTimeout.',
        ));
  }
  if (status === 404) {
    return new EngineError('CONNECTION_FAILED', connection, `${connection}: Databricks at ${target} has no such endpoint (HTTP 404): ${facts.message}`, options(
      'Check "httpPath" (the SQL warehouse\'s Connection details) and "host" in lakeshift.yaml.',
      { httpStatus: status },
    ));
  }
  if (status !== undefined && (status === 429 || status >= 500)) {
    return new EngineError('CONNECTION_FAILED', connection, `${connection}: Databricks at ${target} is not available (HTTP ${status}): ${facts.message}`, options(
      `The SQL warehouse may be starting or overloaded: a stopped warehouse takes a minute or more to start. Start it in the workspace and try again, or raise connectTimeout (now ${seconds(context.connectTimeoutMs)}).`,
      { httpStatus: status },
    ));
  }
  const network = has('ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'system')
    || /certificate|self[- ]signed|CERT_|UNABLE_TO_VERIFY|socket hang up/i.test(facts.message);
  if (network || (phase === 'connect' && facts.sqlState === undefined)) {
    const verb = phase === 'connect' ? 'cannot connect to' : 'lost the connection to';
    return new EngineError('CONNECTION_FAILED', connection, `${connection}: ${verb} Databricks at ${target}: ${facts.message}`, options(networkHint(facts, context, phase)));
  }
  return new EngineError('QUERY_FAILED', connection, `${connection}: Databricks error${facts.sqlState === undefined ? '' : ` (SQLSTATE ${facts.sqlState})`}: ${facts.message}`, options(
    'Fix the statement: the message is Databricks\'.',
    {
      ...(facts.sqlState === undefined ? {} : { sqlState: facts.sqlState }),
      ...(facts.errorCode === undefined ? {} : { errorCode: facts.errorCode }),
    },
  ));
}

function connectTimeoutHint(context: DatabricksErrorContext): string {
  return `A stopped SQL warehouse takes a minute or more to start: start it in the workspace or raise connectTimeout (now ${seconds(context.connectTimeoutMs)}). Otherwise check "host", "httpPath", the proxy and the firewall.`;
}

function networkHint(facts: DriverFacts, context: DatabricksErrorContext, phase: 'connect' | 'query'): string {
  if (facts.codes.has('ENOTFOUND') || facts.codes.has('EAI_AGAIN')) return `The host name "${context.host}" does not resolve: check "host" in lakeshift.yaml (the workspace host, e.g. adb-123.4.azuredatabricks.net), DNS and VPN.`;
  if (facts.codes.has('ECONNREFUSED')) return `Nothing accepts connections at "${context.host}": check "host" in lakeshift.yaml and any proxy or firewall in between.`;
  if (/certificate|self[- ]signed|CERT_|UNABLE_TO_VERIFY/i.test(facts.message)) return 'The TLS certificate is not trusted here: a proxy that inspects TLS needs its CA installed (NODE_EXTRA_CA_CERTS).';
  if (phase === 'connect') return 'Check "host", "httpPath", "catalog" and "schema" in lakeshift.yaml, and that the SQL warehouse exists.';
  return 'The connection to the SQL warehouse broke: check the network and try again.';
}

/** Collects message, codes, HTTP status and SQL state from an error and what it wraps. */
function gather(error: unknown, redactor: Redactor): DriverFacts {
  const codes = new Set<string>();
  const names = new Set<string>();
  let httpStatus: number | undefined;
  let operationState: string | undefined;
  let sqlState: string | undefined;
  let errorCode: number | undefined;
  let serverMessage: string | undefined;
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > 6) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record['name'] === 'string') names.add(record['name']);
    const constructorName = (value as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof constructorName === 'string') names.add(constructorName);
    if (typeof record['code'] === 'string') codes.add(record['code']);
    if (typeof record['type'] === 'string') codes.add(record['type']);
    if (typeof record['statusCode'] === 'number') httpStatus ??= record['statusCode'];
    if (typeof record['errorCode'] === 'string') operationState ??= record['errorCode'];
    if (typeof record['errorCode'] === 'number') errorCode ??= record['errorCode'];
    if (typeof record['sqlState'] === 'string') sqlState ??= record['sqlState'];
    if (typeof record['code'] === 'number' && record['name'] === 'Status Error') errorCode ??= record['code'];
    const response = record['response'];
    if (response !== null && typeof response === 'object') {
      const fields = response as Record<string, unknown>;
      if (typeof fields['status'] === 'number') httpStatus ??= fields['status'];
      if (typeof fields['statusCode'] === 'number') httpStatus ??= fields['statusCode'];
      if (typeof fields['sqlState'] === 'string') sqlState ??= fields['sqlState'];
      if (typeof fields['errorCode'] === 'number') errorCode ??= fields['errorCode'];
      if (typeof fields['displayMessage'] === 'string' && fields['displayMessage'] !== '') serverMessage ??= fields['displayMessage'];
      else if (typeof fields['errorMessage'] === 'string' && fields['errorMessage'] !== '') serverMessage ??= firstLine(fields['errorMessage']);
    }
    visit(record['payload'], depth + 1);
    visit(record['cause'], depth + 1);
    visit(record['error'], depth + 1);
  };
  visit(error, 0);
  const own = error instanceof Error || (error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string')
    ? String((error as { message: string }).message)
    : String(error);
  const payload = (error as { payload?: unknown } | null)?.payload;
  const payloadMessage = payload instanceof Error ? payload.message : undefined;
  // A RetryError says only "Max retry count exceeded": the last failure says what went wrong.
  const base = serverMessage ?? (payloadMessage === undefined ? own : `${own}: ${payloadMessage}`);
  const message = base.trim() === '' ? 'unknown error' : base.trim();
  return {
    message: redactor.redact(message),
    codes,
    names,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    ...(operationState === undefined ? {} : { operationState }),
    ...(sqlState === undefined ? {} : { sqlState }),
    ...(errorCode === undefined ? {} : { errorCode }),
  };
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? text;
}

/** The driver's error reduced to its scrubbed message and code: driver errors can hold headers. */
function sanitizedCause(error: unknown, facts: DriverFacts): Error {
  const cause = new Error(facts.message);
  cause.name = error instanceof Error ? error.name : typeof (error as { name?: unknown } | null)?.name === 'string' ? String((error as { name: string }).name) : 'DriverError';
  const code = [...facts.codes][0];
  if (code !== undefined) Object.assign(cause, { code });
  return cause;
}

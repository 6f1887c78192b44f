import type { DatabricksConnectionConfig } from '../../config/schema.js';
import { Redactor } from '../../config/secret.js';
import { ConfigError, EngineError, isLakeshiftError } from '../../errors.js';
import { silentReporter, type Reporter } from '../../reporter.js';
import { abbreviateSql, collect, rowObjects } from '../engine.js';
import type { Engine, EngineCapabilities, EngineContext, EngineInfo, QueryOptions, QueryResult, RowBatch, StreamOptions } from '../engine.js';
import { withTimeout } from '../timeout.js';
import {
  databricksSqlDriver,
  type DatabricksClient,
  type DatabricksConnectionOptions,
  type DatabricksDriver,
  type DatabricksLogger,
  type DatabricksOperation,
  type DatabricksSession,
} from './databricks-driver.js';
import {
  databricksCancelledError,
  databricksConnectError,
  databricksQueryError,
  databricksTimeoutError,
  type DatabricksErrorContext,
} from './databricks-errors.js';
import { databricksColumns, databricksRow, duplicateColumnNames } from './databricks-values.js';

const DEFAULT_PORT = 443;
const DEFAULT_BATCH_SIZE = 2048;
const QUERY_BATCH_SIZE = 10_000;

/** current_version() exists in Databricks SQL and Databricks Runtime 11.3+; version() is Spark's. */
const PING_SQL = 'SELECT current_version().dbsql_version AS dbsql_version, current_version().dbr_version AS dbr_version, version() AS spark_version';

interface Connected {
  readonly client: DatabricksClient;
  readonly session: DatabricksSession;
}

/**
 * A Databricks SQL warehouse through @databricks/sql, with a personal access token or OAuth
 * machine-to-machine (a service principal's client id and secret). The driver's logger is
 * routed to the reporter's debug channel and telemetry is off. Every driver call runs under a
 * timeout, because the driver can wait a very long time on an endpoint that does not answer.
 * One client and one session per engine, opened on first use.
 */
export class DatabricksEngine implements Engine {
  readonly kind = 'databricks' as const;
  readonly capabilities: EngineCapabilities = { readOnly: false, scripting: true, multiStatement: false, embedded: false, sessions: false };
  readonly name: string;
  readonly #config: DatabricksConnectionConfig;
  readonly #driver: DatabricksDriver;
  readonly #reporter: Reporter;
  readonly #errors: DatabricksErrorContext;
  readonly #endpoint: DatabricksEndpoint;
  #connection: Promise<Connected> | undefined;
  #closed = false;

  constructor(name: string, config: DatabricksConnectionConfig, context: Partial<EngineContext> = {}, driver: DatabricksDriver = databricksSqlDriver) {
    this.name = name;
    this.#config = config;
    this.#driver = driver;
    this.#reporter = context.reporter ?? silentReporter;
    this.#endpoint = databricksEndpoint(config);
    this.#errors = {
      connection: name,
      target: this.#endpoint.target,
      host: this.#endpoint.host,
      auth: config.token === undefined && config.clientId !== undefined ? 'oauth-m2m' : 'token',
      connectTimeoutMs: config.connectTimeout * 1000,
      queryTimeoutMs: config.queryTimeout * 1000,
      redactor: new Redactor().add(config.token, config.clientSecret),
    };
  }

  /** Where the warehouse is, without credentials: host and httpPath. */
  get target(): string {
    return this.#endpoint.target;
  }

  async ping(options: QueryOptions = {}): Promise<EngineInfo> {
    const [row] = rowObjects(await this.query(PING_SQL, options));
    const dbsql = row?.['dbsql_version'];
    const dbr = row?.['dbr_version'];
    const spark = row?.['spark_version'];
    const details: Record<string, string> = {};
    if (spark != null) details['sparkVersion'] = String(spark);
    if (this.#config.catalog !== undefined) details['catalog'] = this.#config.catalog;
    if (this.#config.schema !== undefined) details['schema'] = this.#config.schema;
    return {
      product: dbsql != null ? 'Databricks SQL' : 'Databricks Runtime',
      version: String(dbsql ?? dbr ?? spark ?? 'unknown'),
      target: this.#endpoint.target,
      details,
    };
  }

  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const timeoutMs = options.timeoutMs ?? this.#errors.queryTimeoutMs;
    const { session } = await this.#connect(options);
    return collect(this.#rows(session, sql, options, QUERY_BATCH_SIZE, Date.now() + timeoutMs));
  }

  async *stream(sql: string, options: StreamOptions = {}): AsyncIterable<RowBatch> {
    const { session } = await this.#connect(options);
    yield* this.#rows(session, sql, options, Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE), undefined);
  }

  async execute(sql: string, options: QueryOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.#errors.queryTimeoutMs;
    const { session } = await this.#connect(options);
    const deadline = Date.now() + timeoutMs;
    const operation = await this.#start(session, sql, { queryTimeout: Math.ceil(timeoutMs / 1000) }, options, deadline);
    const stop = this.#stopper(operation);
    try {
      await this.#call(operation.finished(), sql, options, deadline, stop);
    } finally {
      await this.#release(operation);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const opening = this.#connection;
    this.#connection = undefined;
    if (opening === undefined) return;
    const connected = await opening.catch(() => undefined);
    if (connected === undefined) return;
    await this.#bounded(connected.client.close(), 'closing the client');
  }

  async *#rows(session: DatabricksSession, sql: string, options: QueryOptions, batchSize: number, deadline: number | undefined): AsyncGenerator<RowBatch> {
    const timeoutMs = options.timeoutMs ?? this.#errors.queryTimeoutMs;
    const operation = await this.#start(session, sql, { queryTimeout: Math.ceil(timeoutMs / 1000), maxRows: batchSize }, options, deadline);
    const stop = this.#stopper(operation);
    let finished = false;
    try {
      const columns = databricksColumns(await this.#call(operation.getSchema(), sql, options, deadline, stop));
      const duplicates = duplicateColumnNames(columns);
      if (duplicates.length > 0) {
        throw new EngineError('QUERY_FAILED', this.name, `${this.name}: the result has more than one column named ${duplicates.map((name) => `"${name}"`).join(', ')}`, {
          hint: '@databricks/sql returns rows keyed by column name, so such columns would overwrite each other: give each column its own alias.',
          details: { target: this.#endpoint.target, statement: abbreviateSql(sql) },
        });
      }
      let yielded = false;
      if (columns.columns.length > 0) {
        for (;;) {
          const chunk = await this.#call(operation.fetchChunk({ maxRows: batchSize }), sql, options, deadline, stop);
          if (chunk.length > 0) {
            yielded = true;
            yield { columns: columns.columns, rows: chunk.map((record) => databricksRow(record, columns)) };
          }
          if (!(await this.#call(operation.hasMoreRows(), sql, options, deadline, stop))) break;
        }
      }
      finished = true;
      if (!yielded) yield { columns: columns.columns, rows: [] };
    } finally {
      if (!finished) stop();
      await this.#release(operation);
    }
  }

  /** Starts a statement; one that starts only after its wait gave up is stopped as soon as it does. */
  async #start(
    session: DatabricksSession,
    sql: string,
    statementOptions: { queryTimeout: number; maxRows?: number },
    options: QueryOptions,
    deadline: number | undefined,
  ): Promise<DatabricksOperation> {
    const starting = session.executeStatement(sql, statementOptions);
    return this.#call(starting, sql, options, deadline, () => {
      starting.then((late) => this.#abandon(late), () => {});
    });
  }

  /** Cancels a statement once, however many waits give up on it. */
  #stopper(operation: DatabricksOperation): () => void {
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      void this.#bounded(operation.cancel(), 'cancelling a statement');
    };
  }

  /**
   * Runs one driver call under the statement timeout (each wait, or what is left before the
   * deadline of a whole query) and the caller's signal; on either, `onGiveUp` stops the statement.
   */
  async #call<T>(work: Promise<T>, sql: string, options: QueryOptions, deadline: number | undefined, onGiveUp: () => void): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.#errors.queryTimeoutMs;
    const ms = deadline === undefined ? timeoutMs : Math.max(0, deadline - Date.now());
    try {
      return await withTimeout(work, {
        ms,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onGiveUp,
        makeError: (reason) =>
          reason === 'timeout' ? databricksTimeoutError(this.#errors, 'query', timeoutMs, sql) : databricksCancelledError(this.#errors, sql),
      });
    } catch (error) {
      throw databricksQueryError(error, this.#errors, sql);
    }
  }

  async #abandon(operation: DatabricksOperation): Promise<void> {
    await this.#bounded(operation.cancel(), 'cancelling a statement');
    await this.#release(operation);
  }

  async #release(operation: DatabricksOperation): Promise<void> {
    await this.#bounded(operation.close(), 'closing a statement');
  }

  /** Housekeeping calls (close, cancel): bounded, and their failures only logged. */
  async #bounded(work: Promise<unknown>, what: string): Promise<void> {
    try {
      await withTimeout(work, { ms: this.#errors.connectTimeoutMs, makeError: () => new Error(`${what} timed out`) });
    } catch (error) {
      this.#reporter.debug(`${this.name}: ${what}: ${this.#errors.redactor.redact(error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error))}`);
    }
  }

  /** The session, opened once; concurrent callers share the attempt, a failed one is retried next time. */
  async #connect(options: QueryOptions): Promise<Connected> {
    if (this.#closed) throw new EngineError('CONNECTION_FAILED', this.name, `${this.name}: the connection is closed`);
    if (this.#connection === undefined) {
      const opening = this.#open();
      this.#connection = opening;
      opening.catch(() => {
        if (this.#connection === opening) this.#connection = undefined;
      });
    }
    if (options.signal === undefined) return this.#connection;
    return withTimeout(this.#connection, {
      ms: 2 ** 31 - 1,
      signal: options.signal,
      makeError: () => databricksCancelledError(this.#errors, ''),
    });
  }

  async #open(): Promise<Connected> {
    const connectOptions = databricksConnectOptions(this.name, this.#config);
    const redactor = this.#errors.redactor;
    const reporter = this.#reporter;
    const name = this.name;
    const logger: DatabricksLogger = {
      log(level, message) {
        reporter.debug(`${name}: @databricks/sql ${level}: ${redactor.redact(String(message))}`);
      },
    };
    const client = this.#driver.createClient({ logger });
    const ms = this.#errors.connectTimeoutMs;
    reporter.debug(`${name}: connecting to Databricks at ${this.#endpoint.target}`);
    const work = (async (): Promise<Connected> => {
      await client.connect(connectOptions);
      const session = await client.openSession({
        ...(this.#config.catalog === undefined ? {} : { initialCatalog: this.#config.catalog }),
        ...(this.#config.schema === undefined ? {} : { initialSchema: this.#config.schema }),
      });
      return { client, session };
    })();
    try {
      const connected = await withTimeout(work, {
        ms,
        makeError: () => databricksTimeoutError(this.#errors, 'connect', ms),
        onGiveUp: () => client.close(),
      });
      reporter.debug(`${name}: connected to ${this.#endpoint.target}`);
      return connected;
    } catch (error) {
      void this.#bounded(client.close(), 'closing the client after a failed connect');
      throw isLakeshiftError(error) ? error : databricksConnectError(error, this.#errors);
    }
  }
}

export interface DatabricksEndpoint {
  readonly host: string;
  readonly port: number;
  /** The httpPath, starting with "/". */
  readonly path: string;
  /** host[:port]/path, for messages. */
  readonly target: string;
}

/**
 * Host, port and path from the config. `host` may be written with "https://" and a ":port"
 * (the driver wants them apart), `httpPath` with or without its leading "/".
 */
export function databricksEndpoint(config: Pick<DatabricksConnectionConfig, 'host' | 'httpPath'>): DatabricksEndpoint {
  const bare = config.host.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  const match = /^(.*?)(?::(\d+))?$/.exec(bare);
  const host = match?.[1] ?? bare;
  const port = match?.[2] === undefined ? DEFAULT_PORT : Number(match[2]);
  const path = config.httpPath.startsWith('/') ? config.httpPath : `/${config.httpPath}`;
  return { host, port, path, target: `${host}${port === DEFAULT_PORT ? '' : `:${port}`}${path}` };
}

/**
 * The options for DBSQLClient.connect (dist/contracts/IDBSQLClient.d.ts). Telemetry is off
 * (telemetryEnabled: false is the driver's hard opt-out); DECIMAL and BIGINT keep every digit
 * (preserveBigNumericPrecision); no single HTTP exchange may take longer than connectTimeout
 * (socketTimeout), so a silent endpoint cannot hold a request for the driver's 15 minutes.
 */
export function databricksConnectOptions(name: string, config: DatabricksConnectionConfig): DatabricksConnectionOptions {
  const endpoint = databricksEndpoint(config);
  const base = {
    host: endpoint.host,
    port: endpoint.port,
    path: endpoint.path,
    userAgentEntry: 'lakeshift',
    socketTimeout: config.connectTimeout * 1000,
    telemetryEnabled: false,
    preserveBigNumericPrecision: true,
  };
  if (config.token !== undefined) return { ...base, authType: 'access-token', token: config.token.reveal() };
  if (config.clientId !== undefined && config.clientSecret !== undefined) {
    return {
      ...base,
      authType: 'databricks-oauth',
      oauthClientId: config.clientId,
      oauthClientSecret: config.clientSecret.reveal(),
      // A service principal's OAuth secret is Databricks' own, on Azure too (not Entra ID's).
      useDatabricksOAuthInAzure: true,
    };
  }
  const missing = config.clientId === undefined ? (config.clientSecret === undefined ? 'token' : 'clientId') : 'clientSecret';
  throw new ConfigError('CONFIG_INVALID', `connection "${name}": give "token" (a personal access token) or "clientId" and "clientSecret" (OAuth M2M)`, {
    keyPath: `connections.${name}.${missing}`,
    hint: 'Write secrets as "${env:NAME}" so that they never sit in lakeshift.yaml.',
  });
}

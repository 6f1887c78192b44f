import type mssql from 'mssql';
import type { SqlServerConnectionConfig } from '../../config/schema.js';
import { Redactor } from '../../config/secret.js';
import { ConfigError, EngineError, isLakeshiftError } from '../../errors.js';
import { silentReporter, type Reporter } from '../../reporter.js';
import { abbreviateSql, collect, rowObjects } from '../engine.js';
import type { Engine, EngineCapabilities, EngineContext, EngineInfo, QueryOptions, QueryResult, RowBatch, StreamOptions } from '../engine.js';
import { withTimeout } from '../timeout.js';
import { assertReadOnly } from './read-only-guard.js';
import { mssqlDriver, type SqlServerDriver, type SqlServerPool } from './sqlserver-driver.js';
import {
  sqlServerCancelledError,
  sqlServerConnectError,
  sqlServerQueryError,
  sqlServerTimeoutError,
  type SqlServerErrorContext,
} from './sqlserver-errors.js';
import { streamRequest } from './sqlserver-row-stream.js';

const DEFAULT_PORT = 1433;
const DEFAULT_BATCH_SIZE = 2048;
/** query() holds its whole result; it reads it in large batches. */
const QUERY_BATCH_SIZE = 10_000;

const PING_SQL = `SELECT @@VERSION AS version,
  CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS product_version,
  CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition,
  DB_NAME() AS database_name`;

/**
 * The legacy SQL Server, through mssql (tedious). Read-only: every statement passes the
 * read-only guard before it reaches the server, and `execute()` is refused. Rows are
 * streamed with backpressure. One pool per engine, opened on first use.
 */
export class SqlServerEngine implements Engine {
  readonly kind = 'sqlserver' as const;
  readonly capabilities: EngineCapabilities = { readOnly: true, scripting: false, multiStatement: false, embedded: false, sessions: false };
  readonly name: string;
  readonly #config: SqlServerConnectionConfig;
  readonly #driver: SqlServerDriver;
  readonly #reporter: Reporter;
  readonly #errors: SqlServerErrorContext;
  readonly #target: string;
  #pool: Promise<SqlServerPool> | undefined;
  #closed = false;

  constructor(name: string, config: SqlServerConnectionConfig, context: Partial<EngineContext> = {}, driver: SqlServerDriver = mssqlDriver) {
    this.name = name;
    this.#config = config;
    this.#driver = driver;
    this.#reporter = context.reporter ?? silentReporter;
    this.#target = sqlServerTarget(config);
    this.#errors = {
      connection: name,
      target: this.#target,
      server: config.server,
      ...(config.instance === undefined ? {} : { instance: config.instance }),
      connectTimeoutMs: config.connectTimeout * 1000,
      requestTimeoutMs: config.requestTimeout * 1000,
      redactor: new Redactor().add(config.password, config.clientSecret),
    };
  }

  /** Where the server is, without credentials: "host:port/database" or "host\instance/database". */
  get target(): string {
    return this.#target;
  }

  async ping(options: QueryOptions = {}): Promise<EngineInfo> {
    const [row] = rowObjects(await this.query(PING_SQL, options));
    const banner = String(row?.['version'] ?? '').split('\n')[0]?.trim() ?? '';
    const product = banner.split(' - ')[0]?.trim() || 'Microsoft SQL Server';
    const details: Record<string, string> = {};
    if (banner !== '') details['banner'] = banner;
    if (row?.['edition'] != null) details['edition'] = String(row['edition']);
    if (row?.['database_name'] != null) details['database'] = String(row['database_name']);
    return { product, version: String(row?.['product_version'] ?? 'unknown'), target: this.#target, details };
  }

  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    assertReadOnly(sql, this.name);
    const timeoutMs = options.timeoutMs ?? this.#errors.requestTimeoutMs;
    const pool = await this.#connect(options);
    return collect(this.#rows(pool, sql, options, QUERY_BATCH_SIZE, Date.now() + timeoutMs));
  }

  async *stream(sql: string, options: StreamOptions = {}): AsyncIterable<RowBatch> {
    assertReadOnly(sql, this.name);
    const pool = await this.#connect(options);
    yield* this.#rows(pool, sql, options, Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE), undefined);
  }

  async execute(sql: string): Promise<void> {
    throw new EngineError('READ_ONLY_VIOLATION', this.name, `${this.name}: SQL Server connections are read-only in lakeshift; statements run for their effect are refused`, {
      hint: 'Run the change on the server yourself, or point the command at a connection that may write (duckdb, databricks).',
      details: { statement: abbreviateSql(sql) },
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const opening = this.#pool;
    this.#pool = undefined;
    if (opening === undefined) return;
    const pool = await opening.catch(() => undefined);
    if (pool === undefined) return;
    await withTimeout(pool.close(), {
      ms: this.#errors.connectTimeoutMs,
      makeError: () => new Error('close timed out'),
    }).catch((error: unknown) => this.#reporter.debug(`${this.name}: closing the SQL Server pool: ${this.#errors.redactor.redact(String(error))}`));
  }

  #rows(pool: SqlServerPool, sql: string, options: QueryOptions, batchSize: number, deadline: number | undefined): AsyncGenerator<RowBatch> {
    const waitTimeoutMs = options.timeoutMs ?? this.#errors.requestTimeoutMs;
    const request = pool.request(options.timeoutMs === undefined ? undefined : { requestTimeout: options.timeoutMs });
    return streamRequest(request, sql, {
      batchSize,
      waitTimeoutMs,
      ...(deadline === undefined ? {} : { deadline }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      timeoutError: () => sqlServerTimeoutError(this.#errors, 'query', waitTimeoutMs, sql),
      cancelledError: () => sqlServerCancelledError(this.#errors, sql),
      driverError: (first, all) => sqlServerQueryError(first, this.#errors, sql, all),
      secondResultError: () =>
        new EngineError('QUERY_FAILED', this.name, `${this.name}: the statement returned more than one result set`, {
          hint: 'Send one SELECT at a time (T-SQL needs no ";" between statements, so two SELECTs in one text are two results).',
          details: { target: this.#target, statement: abbreviateSql(sql) },
        }),
    });
  }

  /** The pool, opened once; concurrent callers share the attempt, a failed one is retried next time. */
  async #connect(options: QueryOptions): Promise<SqlServerPool> {
    if (this.#closed) throw new EngineError('CONNECTION_FAILED', this.name, `${this.name}: the connection is closed`);
    if (this.#pool === undefined) {
      const opening = this.#open();
      this.#pool = opening;
      opening.catch(() => {
        if (this.#pool === opening) this.#pool = undefined;
      });
    }
    if (options.signal === undefined) return this.#pool;
    // The caller's Ctrl-C stops its wait, not the connection other callers share.
    return withTimeout(this.#pool, {
      ms: 2 ** 31 - 1,
      signal: options.signal,
      makeError: () => sqlServerCancelledError(this.#errors, ''),
    });
  }

  async #open(): Promise<SqlServerPool> {
    const config = sqlServerDriverConfig(this.name, this.#config);
    const ms = this.#errors.connectTimeoutMs;
    this.#reporter.debug(`${this.name}: connecting to SQL Server at ${this.#target}`);
    const work = this.#driver.connect(config);
    try {
      const pool = await withTimeout(work, {
        ms,
        makeError: () => sqlServerTimeoutError(this.#errors, 'connect', ms),
        // mssql cannot close a pool that is still connecting: close it once it is done.
        onGiveUp: () => work.then((late) => late.close()).catch(() => {}),
      });
      this.#reporter.debug(`${this.name}: connected to ${this.#target}`);
      return pool;
    } catch (error) {
      throw isLakeshiftError(error) ? error : sqlServerConnectError(error, this.#errors);
    }
  }
}

/** "host:port/database", or "host\instance/database" for a named instance found by the SQL Browser. */
export function sqlServerTarget(config: SqlServerConnectionConfig): string {
  const where = config.port === undefined && config.instance !== undefined ? `${config.server}\\${config.instance}` : `${config.server}:${config.port ?? DEFAULT_PORT}`;
  return `${where}/${config.database}`;
}

/**
 * The mssql configuration for a connection. Timeouts in lakeshift.yaml are seconds, mssql's
 * milliseconds. A port wins over an instance name (mssql drops the port when an instance is
 * named and asks the SQL Browser instead).
 */
export function sqlServerDriverConfig(name: string, config: SqlServerConnectionConfig): mssql.config {
  const useInstance = config.instance !== undefined && config.port === undefined;
  return {
    server: config.server,
    database: config.database,
    ...(config.port === undefined ? {} : { port: config.port }),
    connectionTimeout: config.connectTimeout * 1000,
    requestTimeout: config.requestTimeout * 1000,
    stream: true,
    arrayRowMode: true,
    parseJSON: false,
    // Check a pooled connection's socket before lending it, without a round trip.
    validateConnection: 'socket',
    pool: { min: 0, max: 10, idleTimeoutMillis: 30_000 },
    authentication: sqlServerAuthentication(name, config),
    options: {
      appName: 'lakeshift',
      encrypt: config.encrypt,
      trustServerCertificate: config.trustServerCertificate,
      // ApplicationIntent=ReadOnly: an availability group routes us to a readable secondary.
      readOnlyIntent: config.readOnlyIntent,
      // tedious then builds every date and time value in UTC, whatever this machine's zone.
      useUTC: true,
      ...(useInstance ? { instanceName: config.instance } : {}),
    },
  };
}

function sqlServerAuthentication(name: string, config: SqlServerConnectionConfig): NonNullable<mssql.config['authentication']> {
  const missing = (...keys: Array<keyof SqlServerConnectionConfig>) => {
    const absent = keys.filter((key) => config[key] === undefined);
    if (absent.length === 0) return;
    throw new ConfigError('CONFIG_INVALID', `connection "${name}": authentication "${config.authentication}" needs ${absent.map((key) => `"${key}"`).join(' and ')}`, {
      keyPath: `connections.${name}.${absent[0]}`,
      hint: 'Add it under the connection in lakeshift.yaml; write secrets as "${env:NAME}".',
    });
  };
  switch (config.authentication) {
    case 'sql':
      missing('user', 'password');
      return { type: 'default', options: { userName: config.user!, password: config.password!.reveal() } };
    case 'ntlm':
      missing('user', 'password', 'domain');
      return { type: 'ntlm', options: { userName: config.user!, password: config.password!.reveal(), domain: config.domain! } };
    case 'azure-active-directory-password':
      missing('user', 'password', 'clientId');
      return {
        type: 'azure-active-directory-password',
        options: {
          userName: config.user!,
          password: config.password!.reveal(),
          clientId: config.clientId!,
          ...(config.tenantId === undefined ? {} : { tenantId: config.tenantId }),
        },
      } as NonNullable<mssql.config['authentication']>;
    case 'azure-active-directory-service-principal-secret':
      missing('clientId', 'clientSecret', 'tenantId');
      return {
        type: 'azure-active-directory-service-principal-secret',
        options: { clientId: config.clientId!, clientSecret: config.clientSecret!.reveal(), tenantId: config.tenantId! },
      };
    case 'azure-active-directory-default':
      return {
        type: 'azure-active-directory-default',
        options: config.clientId === undefined ? {} : { clientId: config.clientId },
      } as NonNullable<mssql.config['authentication']>;
    default:
      return assertNever(config.authentication);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled authentication: ${String(value)}`);
}

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBResult } from '@duckdb/node-api';
import type { DuckDbConnectionConfig } from '../../config/schema.js';
import { describeError, EngineError } from '../../errors.js';
import { abbreviateSql } from '../engine.js';
import type {
  Column,
  Engine,
  EngineCapabilities,
  EngineContext,
  EngineInfo,
  EngineSession,
  QueryOptions,
  QueryResult,
  Row,
  RowBatch,
  StreamOptions,
} from '../engine.js';
import { withTimeout } from '../timeout.js';
import { duckdbColumn, duckdbValue } from './duckdb-values.js';

const MEMORY = ':memory:';

/**
 * The embedded engine. Every call gets its own DuckDB connection (cheap, in process), so
 * concurrent callers never share a statement; one database instance per file is shared by
 * every engine of this process that names it, since DuckDB locks a file to one instance.
 */
export class DuckDbEngine implements Engine {
  readonly kind = 'duckdb' as const;
  readonly capabilities: EngineCapabilities = { readOnly: false, scripting: false, multiStatement: true, embedded: true, sessions: true };
  readonly name: string;
  readonly #config: DuckDbConnectionConfig;
  readonly #file: string;
  #instance: Promise<DuckDBInstance> | undefined;
  #closed = false;

  constructor(name: string, config: DuckDbConnectionConfig, context: Pick<EngineContext, 'baseDir' | 'budget'>) {
    this.name = name;
    // The connection's own settings win; the budget fills in what it leaves open.
    this.#config = {
      ...config,
      ...(config.memoryLimit === undefined && context.budget?.memoryLimit !== undefined ? { memoryLimit: context.budget.memoryLimit } : {}),
      ...(config.threads === undefined && context.budget?.threads !== undefined ? { threads: context.budget.threads } : {}),
    };
    this.#file = config.path === MEMORY ? MEMORY : path.resolve(context.baseDir, config.path);
    if (config.readOnly) this.capabilities = { ...this.capabilities, readOnly: true };
  }

  /** The database file, or ":memory:". */
  get file(): string {
    return this.#file;
  }

  async ping(options: QueryOptions = {}): Promise<EngineInfo> {
    const result = await this.query('SELECT version() AS version', options);
    return { product: 'DuckDB', version: String(result.rows[0]?.[0] ?? 'unknown'), target: this.#file };
  }

  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    return this.#withConnection(sql, options, (connection) => readAll(connection, sql));
  }

  /** One connection held open until the session closes: its temporary tables stay. */
  async openSession(): Promise<EngineSession> {
    const connection = await this.#connect();
    let open = true;
    const guard = <T>(sql: string, options: QueryOptions, work: Promise<T>) => this.#guard(work, sql, options, () => connection.interrupt());
    return {
      query: (sql, options = {}) => guard(sql, options, readAll(connection, sql)),
      execute: async (sql, options = {}) => {
        await guard(sql, options, connection.run(sql));
      },
      close: async () => {
        if (open) connection.closeSync();
        open = false;
      },
    };
  }

  async execute(sql: string, options: QueryOptions = {}): Promise<void> {
    await this.#withConnection(sql, options, async (connection) => {
      await connection.run(sql);
    });
  }

  async *stream(sql: string, options: StreamOptions = {}): AsyncIterable<RowBatch> {
    const batchSize = options.batchSize ?? 2048;
    const connection = await this.#connect();
    const interrupt = () => connection.interrupt();
    options.signal?.addEventListener('abort', interrupt, { once: true });
    try {
      const result: DuckDBResult = await this.#guard(connection.stream(sql), sql, options, interrupt);
      const columns: Column[] = result.columnNames().map((columnName, index) => duckdbColumn(columnName, result.columnType(index)));
      let pending: Row[] = [];
      for (;;) {
        if (options.signal?.aborted === true) throw this.#error('QUERY_FAILED', 'the query was cancelled', sql);
        const chunk = await this.#guard(result.fetchChunk(), sql, options, interrupt);
        if (chunk === null || chunk.rowCount === 0) break;
        for (const row of chunk.getRows()) {
          pending.push(row.map((value, index) => duckdbValue(value, columns[index]!.family)));
        }
        if (pending.length >= batchSize) {
          yield { columns, rows: pending };
          pending = [];
        }
      }
      if (pending.length > 0 || columns.length > 0) yield { columns, rows: pending };
    } finally {
      options.signal?.removeEventListener('abort', interrupt);
      connection.closeSync();
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const instance = this.#instance;
    this.#instance = undefined;
    if (instance !== undefined) releaseInstance(this.#file, await instance.catch(() => undefined));
  }

  async #withConnection<T>(sql: string, options: QueryOptions, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.#connect();
    try {
      return await this.#guard(work(connection), sql, options, () => connection.interrupt());
    } finally {
      connection.closeSync();
    }
  }

  async #guard<T>(work: Promise<T>, sql: string, options: QueryOptions, interrupt: () => void): Promise<T> {
    try {
      if (options.timeoutMs === undefined && options.signal === undefined) return await work;
      return await withTimeout(work, {
        ms: options.timeoutMs ?? 2 ** 31 - 1,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onGiveUp: interrupt,
        makeError: (reason) =>
          reason === 'timeout'
            ? this.#error('QUERY_TIMEOUT', `the query did not finish within ${options.timeoutMs} ms`, sql)
            : this.#error('QUERY_FAILED', 'the query was cancelled', sql),
      });
    } catch (error) {
      if (error instanceof EngineError) throw error;
      throw this.#error('QUERY_FAILED', describeError(error), sql, error);
    }
  }

  async #connect(): Promise<DuckDBConnection> {
    if (this.#closed) throw new EngineError('CONNECTION_FAILED', this.name, `${this.name}: the connection is closed`);
    this.#instance ??= acquireInstance(this.#file, this.#config);
    try {
      return await (await this.#instance).connect();
    } catch (error) {
      this.#instance = undefined;
      throw new EngineError('CONNECTION_FAILED', this.name, `${this.name}: cannot open DuckDB database ${this.#file}: ${describeError(error)}`, {
        hint: /lock/i.test(describeError(error))
          ? 'Another process holds the file; close it (or the other lakeshift run) and try again.'
          : 'Check the path and its permissions in lakeshift.yaml.',
        cause: error,
      });
    }
  }

  #error(code: 'QUERY_FAILED' | 'QUERY_TIMEOUT', message: string, sql: string, cause?: unknown): EngineError {
    return new EngineError(code, this.name, `${this.name}: ${message}`, {
      details: { statement: abbreviateSql(sql) },
      ...(cause === undefined ? {} : { cause }),
    });
  }
}

async function readAll(connection: DuckDBConnection, sql: string): Promise<QueryResult> {
  const reader = await connection.runAndReadAll(sql);
  const columns = reader.columnNames().map((columnName, index) => duckdbColumn(columnName, reader.columnType(index)));
  const rows = reader.getRows().map((row) => row.map((value, index) => duckdbValue(value, columns[index]!.family)));
  return { columns, rows };
}

// ---------------------------------------------------------------------------------------------
// One instance per database file in this process, shared and reference counted.

const instances = new Map<string, { instance: Promise<DuckDBInstance>; references: number }>();

function acquireInstance(file: string, config: DuckDbConnectionConfig): Promise<DuckDBInstance> {
  const options: Record<string, string> = {
    // No network here, and a query must never trigger a download.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    // NULLs sort first ascending and last descending, as in SQL Server and Databricks (DuckDB
    // sorts them last both ways by default): TOP, ROW_NUMBER() = 1 and LAG over a nullable key
    // pick the same rows here as on the engines the rehearsal and parity stand in for.
    default_null_order: 'nulls_first_on_asc_last_on_desc',
    ...(config.readOnly ? { access_mode: 'READ_ONLY' } : {}),
    ...(config.threads === undefined ? {} : { threads: String(config.threads) }),
    ...(config.memoryLimit === undefined ? {} : { memory_limit: config.memoryLimit }),
  };
  if (file === MEMORY) return DuckDBInstance.create(MEMORY, options);
  const shared = instances.get(file);
  if (shared !== undefined) {
    shared.references += 1;
    return shared.instance;
  }
  if (!config.readOnly) mkdirSync(path.dirname(file), { recursive: true });
  const instance = DuckDBInstance.create(file, options);
  instances.set(file, { instance, references: 1 });
  instance.catch(() => instances.delete(file));
  return instance;
}

function releaseInstance(file: string, instance: DuckDBInstance | undefined): void {
  if (instance === undefined) return;
  if (file === MEMORY) {
    instance.closeSync();
    return;
  }
  const shared = instances.get(file);
  if (shared === undefined) return;
  shared.references -= 1;
  if (shared.references === 0) {
    instances.delete(file);
    instance.closeSync();
  }
}

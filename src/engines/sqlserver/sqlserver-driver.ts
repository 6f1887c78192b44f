import type mssql from 'mssql';
import type { SqlServerRecordsetColumns } from './sqlserver-values.js';

/**
 * The part of mssql that SqlServerEngine uses, so tests can hand it a fake. The real one is
 * mssql's ConnectionPool and Request (lib/base/connection-pool.js, lib/tedious/request.js).
 */
export interface SqlServerDriver {
  /** Opens a pool; resolves once one connection has logged in (mssql's `pool.connect()`). */
  connect(config: mssql.config): Promise<SqlServerPool>;
}

export interface SqlServerPool {
  /** A new request; `requestTimeout` (ms) overrides the pool's for this request. */
  request(overrides?: { readonly requestTimeout?: number }): SqlServerRequest;
  close(): Promise<unknown>;
}

/**
 * A streaming mssql Request. With `stream = true` it emits 'recordset' (the columns), 'row'
 * for each row (an array with `arrayRowMode = true`), 'error' for each error and, always
 * last, 'done'. `pause()` and `resume()` stop and restart reading from the socket.
 */
export interface SqlServerRequest {
  stream: boolean;
  arrayRowMode: boolean;
  query(command: string, callback: (error?: unknown) => void): unknown;
  on(event: 'recordset', listener: (columns: SqlServerRecordsetColumns) => void): unknown;
  on(event: 'row', listener: (row: unknown) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  on(event: 'done', listener: (result: unknown) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  cancel(): unknown;
}

/** mssql 12.7 takes per-request overrides; @types/mssql 12.3 does not declare them yet. */
interface PoolWithOverrides {
  request(overrides?: { readonly requestTimeout?: number }): mssql.Request;
}

/**
 * mssql itself, loaded on first connect: most runs never talk to SQL Server and need not pay
 * for loading it. Under ESM, mssql has only a default export.
 */
export const mssqlDriver: SqlServerDriver = {
  async connect(config) {
    const { default: driver } = await import('mssql');
    const pool = new driver.ConnectionPool(config);
    // A pool emits 'error' when a connection it creates fails; with no listener Node would
    // throw it out of an event handler and end the process. The request that needed the
    // connection gets the same error, so nothing is lost by ignoring it here.
    pool.on('error', () => {});
    await pool.connect();
    return {
      request: (overrides) => (pool as unknown as PoolWithOverrides).request(overrides) as unknown as SqlServerRequest,
      close: () => pool.close(),
    };
  },
};

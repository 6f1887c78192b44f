import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import mssql from 'mssql';
import { describe, expect, it } from 'vitest';
import { sqlServerConnectionSchema, type SqlServerConnectionConfig } from '../../src/config/schema.js';
import type { RowBatch } from '../../src/engines/engine.js';
import type { SqlServerDriver, SqlServerRequest } from '../../src/engines/sqlserver/sqlserver-driver.js';
import { SqlServerEngine, sqlServerDriverConfig, sqlServerTarget } from '../../src/engines/sqlserver/sqlserver-engine.js';
import { ConfigError, EngineError } from '../../src/errors.js';
import { RecordingReporter } from '../../src/reporter.js';
import { FakeMssqlDriver, type FakeAnswer } from './support/mssql-fake.js';
import { tdsColumn as col, tdsValue as val } from './support/tds.js';

/**
 * SqlServerEngine over the real mssql Request, played by a fake tedious connection
 * (support/mssql-fake.ts) that sends rows in packets, honours pause/resume and cancel, and
 * reports server errors as tedious does. Row values come from tedious' own value parser.
 */

const require = createRequire(import.meta.url);
const tedious = require('tedious/lib/errors.js') as { ConnectionError: new (message: string, code: string) => Error };

const PASSWORD = 'Pa55word-that-must-not-leak';

function settings(overrides: Record<string, unknown> = {}): SqlServerConnectionConfig {
  return sqlServerConnectionSchema.parse({
    kind: 'sqlserver',
    server: 'legacy-sql.example.com',
    database: 'Analytics',
    user: 'reader',
    password: PASSWORD,
    ...overrides,
  });
}

const id = col.int('id');
const name = col.nvarchar('name', 40);

function table(count: number): unknown[][] {
  return Array.from({ length: count }, (_, index) => [val.int(id, index + 1), val.nvarchar(name, `row ${index + 1}`)]);
}

function setup(answer: (sql: string) => FakeAnswer, overrides: Record<string, unknown> = {}) {
  const driver = new FakeMssqlDriver(answer);
  const reporter = new RecordingReporter();
  const engine = new SqlServerEngine('legacy', settings(overrides), { reporter, baseDir: '.' }, driver);
  return { driver, engine, reporter };
}

async function failure(work: Promise<unknown> | AsyncIterable<unknown>): Promise<EngineError> {
  try {
    if (Symbol.asyncIterator in work) {
      for await (const _ of work) {
        // drain
      }
    } else {
      await work;
    }
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error('expected a failure');
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('SqlServerEngine streaming', () => {
  it('streams a large result in batches, pausing the request so that only about two batches wait in memory', async () => {
    const { driver, engine } = setup(() => ({ columns: [id, name], rows: table(10_000), rowsPerPacket: 50 }));
    const batches: RowBatch[] = [];
    let received = 0;
    let mostAhead = 0;
    for await (const batch of engine.stream('SELECT id, name FROM dbo.Big', { batchSize: 100 })) {
      batches.push({ columns: batch.columns, rows: batch.rows.slice(0, 1) });
      received += batch.rows.length;
      mostAhead = Math.max(mostAhead, driver.server.rowsSent - received);
      expect(batch.rows.length).toBeLessThanOrEqual(100);
      await tick(); // a slow consumer
    }
    expect(received).toBe(10_000);
    expect(batches).toHaveLength(100);
    expect(batches[0]!.columns).toEqual([
      { name: 'id', type: 'int', family: 'integer' },
      { name: 'name', type: 'nvarchar(40)', family: 'string' },
    ]);
    expect(batches[0]!.rows[0]).toEqual([1, 'row 1']);
    expect(batches[99]!.rows[0]).toEqual([9901, 'row 9901']);
    expect(driver.server.pauses).toBeGreaterThan(0);
    expect(driver.server.resumes).toBeGreaterThan(0);
    // pause at 2 batches; tedious stops at the next token, and the fake at the next row.
    expect(mostAhead).toBeLessThanOrEqual(2 * 100 + 1);
    expect(driver.server.cancels).toBe(0);
    expect(driver.requests[0]!.sqlTextOrProcedure).toBe('SELECT id, name FROM dbo.Big');
  });

  it('yields the columns of an empty result once', async () => {
    const { engine } = setup(() => ({ columns: [id, name], rows: [] }));
    const batches: RowBatch[] = [];
    for await (const batch of engine.stream('SELECT id, name FROM dbo.Empty')) batches.push(batch);
    expect(batches).toEqual([{ columns: [expect.objectContaining({ name: 'id' }), expect.objectContaining({ name: 'name' })], rows: [] }]);
  });

  it('query() collects every row', async () => {
    const { engine } = setup(() => ({ columns: [id, name], rows: table(25_001), rowsPerPacket: 1000 }));
    const result = await engine.query('SELECT id, name FROM dbo.Big');
    expect(result.rows).toHaveLength(25_001);
    expect(result.rows[25_000]).toEqual([25_001, 'row 25001']);
  });

  it('stops with QUERY_FAILED, the server message and error number, when an error comes mid-stream', async () => {
    const { engine } = setup(() => ({
      columns: [id, name],
      rows: table(1000),
      rowsPerPacket: 10,
      errors: [{ number: 8134, message: 'Divide by zero error encountered.', lineNumber: 3, state: 1, class: 16 }],
      errorAfterRows: 250,
    }));
    const received: number[] = [];
    let caught: unknown;
    try {
      for await (const batch of engine.stream('SELECT id, 1 / (id - 251) AS boom FROM dbo.Big', { batchSize: 100 })) received.push(batch.rows.length);
    } catch (error) {
      caught = error;
    }
    expect(received).toEqual([100, 100]);
    const error = caught as EngineError;
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toBe('legacy: SQL Server error 8134: Divide by zero error encountered.');
    expect(error.details).toMatchObject({
      connection: 'legacy',
      target: 'legacy-sql.example.com:1433/Analytics',
      number: 8134,
      lineNumber: 3,
      class: 16,
      statement: 'SELECT id, 1 / (id - 251) AS boom FROM dbo.Big',
    });
  });

  it('reports every error the server sent for a statement, the first in the message', async () => {
    const { engine } = setup(() => ({
      errors: [
        { number: 207, message: "Invalid column name 'nope'." },
        { number: 207, message: "Invalid column name 'nada'." },
      ],
    }));
    const error = await failure(engine.query('SELECT nope, nada FROM dbo.Sales'));
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toBe("legacy: SQL Server error 207: Invalid column name 'nope'.");
    expect(error.hint).toContain('column names');
    expect(error.details?.['errors']).toEqual([
      { number: 207, message: "Invalid column name 'nope'." },
      { number: 207, message: "Invalid column name 'nada'." },
    ]);
  });

  it('names the object for error 208', async () => {
    const { engine } = setup(() => ({ errors: [{ number: 208, message: "Invalid object name 'dbo.Nope'." }] }));
    const error = await failure(engine.query('SELECT * FROM dbo.Nope'));
    expect(error.message).toBe("legacy: SQL Server error 208: Invalid object name 'dbo.Nope'.");
    expect(error.hint).toContain('connection "legacy"');
  });

  it('reports a connection lost mid-stream as CONNECTION_FAILED', async () => {
    const { engine } = setup(() => ({ columns: [id, name], rows: table(500), rowsPerPacket: 10, socketErrorAfterRows: 150 }));
    const error = await failure(engine.stream('SELECT id, name FROM dbo.Big', { batchSize: 100 }));
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.message).toBe('legacy: lost the connection to SQL Server at legacy-sql.example.com:1433/Analytics: Connection lost - read ECONNRESET');
  });

  it('refuses a statement that returns a second result set', async () => {
    const { driver, engine } = setup(() => ({ columns: [id], rows: [[1]], second: { columns: [id], rows: [[2]] } }));
    const error = await failure(engine.query('SELECT 1 AS id SELECT 2 AS id'));
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toContain('more than one result set');
    expect(driver.server.cancels).toBeLessThanOrEqual(1);
  });

  it('cancels the request when the consumer stops early', async () => {
    const { driver, engine } = setup(() => ({ columns: [id, name], rows: table(5000), rowsPerPacket: 50 }));
    for await (const batch of engine.stream('SELECT id, name FROM dbo.Big', { batchSize: 100 })) {
      expect(batch.rows).toHaveLength(100);
      break;
    }
    expect(driver.server.cancels).toBe(1);
    expect(driver.server.rowsSent).toBeLessThan(5000);
  });

  it('cancels the request on an AbortSignal and reports the cancel', async () => {
    const { driver, engine } = setup(() => ({ hang: true }));
    const controller = new AbortController();
    const running = failure(engine.stream('SELECT * FROM dbo.Slow', { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const error = await running;
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toBe('legacy: the query was cancelled');
    expect(driver.server.cancels).toBe(1);
  });

  it('ends a stream whose server stops answering with QUERY_TIMEOUT after timeoutMs, and cancels it', async () => {
    const { driver, engine } = setup(() => ({ hang: true }));
    const error = await failure(engine.stream('SELECT * FROM dbo.Slow', { timeoutMs: 50 }));
    expect(error.code).toBe('QUERY_TIMEOUT');
    expect(error.message).toBe('legacy: the query did not finish within 0.1 s');
    expect(error.hint).toContain('requestTimeout');
    expect(driver.server.cancels).toBe(1);
    // tedious gets the same limit for the time to first answer.
    expect(driver.requestOverrides).toEqual([{ requestTimeout: 50 }]);
    expect(driver.requests[0]!.timeout).toBe(50);
  });

  it('bounds the whole of query() by the request timeout from lakeshift.yaml', async () => {
    const { driver, engine } = setup(() => ({ hang: true }), { requestTimeout: 0.05 });
    const error = await failure(engine.query('SELECT * FROM dbo.Slow'));
    expect(error.code).toBe('QUERY_TIMEOUT');
    expect(error.message).toBe('legacy: the query did not finish within 0.1 s');
    expect(driver.requestOverrides).toEqual([undefined]);
    expect(driver.configs[0]!.requestTimeout).toBe(50);
  });
});

describe('SqlServerEngine over a bare seam', () => {
  /** A request that emits what mssql emits in stream mode, in its order, and nothing else. */
  class ScriptedRequest extends EventEmitter implements SqlServerRequest {
    stream = false;
    arrayRowMode = false;
    readonly calls: string[] = [];
    query(command: string): void {
      this.calls.push(`query ${command}`);
      setImmediate(() => {
        this.emit('recordset', [
          { index: 0, name: 'id', type: mssql.TYPES.Int, nullable: false },
          { index: 1, name: 'amount', type: mssql.TYPES.Decimal, precision: 10, scale: 2, nullable: true },
        ]);
        this.emit('row', [1, 12.5]);
        this.emit('row', [2, null]);
        this.emit('error', Object.assign(new mssql.RequestError("Arithmetic overflow error converting numeric to data type numeric.", 'EREQUEST'), { number: 8115 }));
        this.emit('done', { rowsAffected: [] });
      });
    }
    pause(): void {
      this.calls.push('pause');
    }
    resume(): void {
      this.calls.push('resume');
    }
    cancel(): void {
      this.calls.push('cancel');
    }
  }

  it('sets stream and arrayRowMode, and reports the error that follows the rows', async () => {
    const request = new ScriptedRequest();
    const driver: SqlServerDriver = { connect: async () => ({ request: () => request, close: async () => {} }) };
    const engine = new SqlServerEngine('legacy', settings(), {}, driver);
    const error = await failure(engine.query('SELECT id, amount FROM dbo.T'));
    expect(request.stream).toBe(true);
    expect(request.arrayRowMode).toBe(true);
    expect(error).toMatchObject({ code: 'QUERY_FAILED', message: 'legacy: SQL Server error 8115: Arithmetic overflow error converting numeric to data type numeric.' });
    expect(request.calls).toEqual(['query SELECT id, amount FROM dbo.T']);
  });
});

describe('SqlServerEngine connection', () => {
  it('connects lazily, once, for concurrent callers', async () => {
    const { driver, engine } = setup(() => ({ columns: [id], rows: [[val.int(id, 1)]] }));
    expect(driver.connects).toBe(0);
    driver.connectWith = () => new Promise((resolve) => setTimeout(resolve, 20));
    const results = await Promise.all([engine.query('SELECT 1 AS id'), engine.query('SELECT 1 AS id'), engine.query('SELECT 1 AS id')]);
    expect(results.map((result) => result.rows)).toEqual([[[1]], [[1]], [[1]]]);
    expect(driver.connects).toBe(1);
  });

  it('retries a failed connect on the next call', async () => {
    const { driver, engine } = setup(() => ({ columns: [id], rows: [[val.int(id, 1)]] }));
    driver.connectWith = async () => {
      driver.connectWith = undefined;
      throw new mssql.ConnectionError(new tedious.ConnectionError('Failed to connect to legacy-sql.example.com:1433 - connect ECONNREFUSED', 'ESOCKET'));
    };
    expect((await failure(engine.query('SELECT 1 AS id'))).code).toBe('CONNECTION_FAILED');
    expect((await engine.query('SELECT 1 AS id')).rows).toEqual([[1]]);
    expect(driver.connects).toBe(2);
  });

  it('times out a connect that never completes after connectTimeout, and closes the pool if it opens later', async () => {
    const { driver, engine } = setup(() => ({ columns: [id], rows: [] }), { connectTimeout: 0.05 });
    let open: () => void = () => {};
    driver.connectWith = () => new Promise<void>((resolve) => (open = resolve));
    const error = await failure(engine.query('SELECT 1 AS id'));
    expect(error.code).toBe('CONNECTION_TIMEOUT');
    expect(error.message).toBe('legacy: no answer from SQL Server at legacy-sql.example.com:1433/Analytics within 0.1 s');
    expect(error.hint).toContain('connectTimeout (now 0.1 s)');
    open();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(driver.closes).toBe(1);
  });

  it('reports a refused login as AUTH_FAILED and scrubs the password from driver messages', async () => {
    const { driver, engine, reporter } = setup(() => ({}));
    driver.connectWith = async () => {
      // A driver message that echoes the password must not reach the user.
      throw new mssql.ConnectionError(new tedious.ConnectionError(`Login failed for user 'reader'. (password ${PASSWORD})`, 'ELOGIN'));
    };
    const error = await failure(engine.ping());
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toBe("legacy: SQL Server at legacy-sql.example.com:1433/Analytics refused the login: Login failed for user 'reader'. (password «redacted»)");
    expect(error.hint).toContain('"password"');
    const everything = JSON.stringify({ message: error.message, hint: error.hint, details: error.details, cause: String(error.cause), events: reporter.events });
    expect(everything).not.toContain(PASSWORD);
  });

  it('tells a missing database from a wrong password', async () => {
    const { driver, engine } = setup(() => ({}));
    driver.connectWith = async () => {
      throw new mssql.ConnectionError(new tedious.ConnectionError('Cannot open database "Analytcs" requested by the login. The login failed.', 'ELOGIN'));
    };
    const error = await failure(engine.query('SELECT 1'));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.hint).toContain('"database"');
  });

  it('closes idempotently and refuses work afterwards', async () => {
    const { driver, engine } = setup(() => ({ columns: [id], rows: [[val.int(id, 1)]] }));
    await engine.query('SELECT 1 AS id');
    await engine.close();
    await engine.close();
    expect(driver.closes).toBe(1);
    const error = await failure(engine.query('SELECT 1 AS id'));
    expect(error).toMatchObject({ code: 'CONNECTION_FAILED', message: 'legacy: the connection is closed' });
  });

  it('closes without connecting when it never connected', async () => {
    const { driver, engine } = setup(() => ({}));
    await engine.close();
    expect(driver.connects).toBe(0);
  });
});

describe('SqlServerEngine read-only', () => {
  it('declares its capabilities', () => {
    const { engine } = setup(() => ({}));
    expect(engine.kind).toBe('sqlserver');
    expect(engine.capabilities).toEqual({ readOnly: true, scripting: false, multiStatement: false, embedded: false, sessions: false });
  });

  it('refuses execute()', async () => {
    const { driver, engine } = setup(() => ({}));
    const error = await failure(engine.execute('UPDATE dbo.Sales SET x = 1'));
    expect(error.code).toBe('READ_ONLY_VIOLATION');
    expect(error.message).toContain('read-only');
    expect(driver.connects).toBe(0);
  });

  it('refuses a write in query() and stream() before anything reaches the server', async () => {
    const { driver, engine } = setup(() => ({}));
    expect((await failure(engine.query('WITH c AS (SELECT 1 AS a) DELETE FROM c'))).code).toBe('READ_ONLY_VIOLATION');
    expect((await failure(engine.stream('SELECT * INTO dbo.Copy FROM dbo.Sales'))).code).toBe('READ_ONLY_VIOLATION');
    expect(driver.connects).toBe(0);
    expect(driver.server.statements).toEqual([]);
  });
});

describe('SqlServerEngine ping', () => {
  it('asks the server who it is and reports the target without credentials', async () => {
    const version = col.nvarchar('version', 'max');
    const product = col.nvarchar('product_version', 128);
    const edition = col.nvarchar('edition', 128);
    const database = col.nvarchar('database_name', 128);
    const banner = 'Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) \n\tJul 27 2023 18:11:00 \n\tCopyright (C) 2019 Microsoft Corporation\n\tDeveloper Edition (64-bit) on Linux (Ubuntu 20.04.6 LTS) <X64>';
    const { driver, engine } = setup(() => ({
      columns: [version, product, edition, database],
      rows: [[banner, val.nvarchar(product, '15.0.4322.2'), val.nvarchar(edition, 'Developer Edition (64-bit)'), val.nvarchar(database, 'Analytics')]],
    }));
    const info = await engine.ping();
    expect(info).toEqual({
      product: 'Microsoft SQL Server 2019 (RTM-CU22) (KB5027702)',
      version: '15.0.4322.2',
      target: 'legacy-sql.example.com:1433/Analytics',
      details: { banner: banner.split('\n')[0]!.trim(), edition: 'Developer Edition (64-bit)', database: 'Analytics' },
    });
    expect(driver.server.statements[0]).toContain("SERVERPROPERTY('ProductVersion')");
    expect(JSON.stringify(info)).not.toContain(PASSWORD);
  });
});

describe('sqlServerDriverConfig', () => {
  it('passes the connection settings to mssql and tedious', () => {
    const config = sqlServerDriverConfig('legacy', settings({ readOnlyIntent: true, encrypt: true, trustServerCertificate: true, port: 14330, connectTimeout: 20, requestTimeout: 600 }));
    expect(config).toMatchObject({
      server: 'legacy-sql.example.com',
      port: 14330,
      database: 'Analytics',
      connectionTimeout: 20_000,
      requestTimeout: 600_000,
      stream: true,
      arrayRowMode: true,
      authentication: { type: 'default', options: { userName: 'reader', password: PASSWORD } },
      options: { appName: 'lakeshift', encrypt: true, trustServerCertificate: true, readOnlyIntent: true, useUTC: true },
    });
    expect(config.options).not.toHaveProperty('instanceName');
    // The password is in the one place tedious reads it, not at the top where mssql would copy it.
    expect(config.password).toBeUndefined();
    expect(config.user).toBeUndefined();
  });

  it('asks the SQL Browser for a named instance unless a port is given', () => {
    const named = settings({ instance: 'SQLEXPRESS' });
    expect(sqlServerDriverConfig('legacy', named).options).toMatchObject({ instanceName: 'SQLEXPRESS' });
    expect(sqlServerDriverConfig('legacy', named).port).toBeUndefined();
    expect(sqlServerTarget(named)).toBe('legacy-sql.example.com\\SQLEXPRESS/Analytics');
    const both = settings({ instance: 'SQLEXPRESS', port: 50000 });
    expect(sqlServerDriverConfig('legacy', both).options).not.toHaveProperty('instanceName');
    expect(sqlServerTarget(both)).toBe('legacy-sql.example.com:50000/Analytics');
  });

  it.each([
    [{ authentication: 'ntlm', domain: 'CORP' }, { type: 'ntlm', options: { userName: 'reader', password: PASSWORD, domain: 'CORP' } }],
    [
      { authentication: 'azure-active-directory-password', clientId: 'app-1', tenantId: 'tenant-1' },
      { type: 'azure-active-directory-password', options: { userName: 'reader', password: PASSWORD, clientId: 'app-1', tenantId: 'tenant-1' } },
    ],
    [
      { authentication: 'azure-active-directory-service-principal-secret', user: undefined, password: undefined, clientId: 'app-1', clientSecret: 'sp-secret', tenantId: 'tenant-1' },
      { type: 'azure-active-directory-service-principal-secret', options: { clientId: 'app-1', clientSecret: 'sp-secret', tenantId: 'tenant-1' } },
    ],
    [{ authentication: 'azure-active-directory-default', user: undefined, password: undefined }, { type: 'azure-active-directory-default', options: {} }],
  ])('maps authentication %o', (overrides, expected) => {
    expect(sqlServerDriverConfig('legacy', settings(overrides)).authentication).toEqual(expected);
  });

  it('names the missing setting of an authentication type', () => {
    expect(() => sqlServerDriverConfig('legacy', settings({ password: undefined }))).toThrow(ConfigError);
    expect(() => sqlServerDriverConfig('legacy', settings({ password: undefined }))).toThrow('connection "legacy": authentication "sql" needs "password"');
    expect(() => sqlServerDriverConfig('legacy', settings({ authentication: 'ntlm' }))).toThrow('needs "domain"');
  });

  it('is accepted by the real tedious Connection constructor', () => {
    const { Connection } = require('tedious') as { Connection: new (config: unknown) => { config: { options: Record<string, unknown> } } };
    const pool = new mssql.ConnectionPool(sqlServerDriverConfig('legacy', settings({ readOnlyIntent: true, instance: 'SQLEXPRESS' })));
    const tediousConfig = (pool as unknown as { _config(): unknown })._config();
    const connection = new Connection(tediousConfig);
    expect(connection.config.options).toMatchObject({
      appName: 'lakeshift',
      readOnlyIntent: true,
      useUTC: true,
      instanceName: 'SQLEXPRESS',
      connectTimeout: 15_000,
      requestTimeout: 300_000,
      database: 'Analytics',
    });
  });
});

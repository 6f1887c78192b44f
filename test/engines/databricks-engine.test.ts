import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { databricksConnectionSchema, type DatabricksConnectionConfig } from '../../src/config/schema.js';
import { DatabricksEngine, databricksConnectOptions, databricksEndpoint } from '../../src/engines/databricks/databricks-engine.js';
import type { RowBatch } from '../../src/engines/engine.js';
import { ConfigError, EngineError } from '../../src/errors.js';
import { RecordingReporter } from '../../src/reporter.js';
import { arrow, arrowPayload, columnDesc, FakeDatabricksDriver, realOperation, type FakeStatement } from './support/databricks-fake.js';

/**
 * DatabricksEngine over real @databricks/sql DBSQLOperations fed with thrift answers
 * (support/databricks-fake.ts): status polling, result fetching, cancel and close are the
 * driver's code; the client, session and thrift transport are played.
 */

const require = createRequire(import.meta.url);
const StatusError = require('@databricks/sql/dist/errors/StatusError.js').default as new (status: object) => object;

const TOKEN = 'dapi-0123456789abcdef-do-not-print';

function settings(overrides: Record<string, unknown> = {}): DatabricksConnectionConfig {
  return databricksConnectionSchema.parse({
    kind: 'databricks',
    host: 'adb-1234567890123456.7.azuredatabricks.net',
    httpPath: '/sql/1.0/warehouses/abcdef0123456789',
    token: TOKEN,
    catalog: 'main',
    schema: 'gold',
    ...overrides,
  });
}

function numbers(from: number, count: number): FakeStatement {
  const pages = [];
  let schemaBytes: Buffer | undefined;
  for (let start = from; start < from + count; start += 1000) {
    const size = Math.min(1000, from + count - start);
    const payload = arrowPayload(
      new arrow.Table({
        n: arrow.vectorFromArray(Array.from({ length: size }, (_, index) => BigInt(start + index)), new arrow.Int64()),
        label: arrow.vectorFromArray(Array.from({ length: size }, (_, index) => `row ${start + index}`), new arrow.Utf8()),
      }),
    );
    schemaBytes ??= payload.arrowSchema;
    pages.push({ kind: 'arrow' as const, batches: payload.batches });
  }
  const schema = { columns: [columnDesc('n', 'BIGINT', 1), columnDesc('label', 'STRING', 2)] };
  if (schemaBytes === undefined) {
    schemaBytes = arrowPayload(new arrow.Table({ n: arrow.vectorFromArray([], new arrow.Int64()), label: arrow.vectorFromArray([], new arrow.Utf8()) })).arrowSchema;
  }
  return { schema, arrowSchema: schemaBytes, pages };
}

function setup(answer: (sql: string) => FakeStatement, overrides: Record<string, unknown> = {}) {
  const driver = new FakeDatabricksDriver(answer);
  const reporter = new RecordingReporter();
  const engine = new DatabricksEngine('lakehouse', settings(overrides), { reporter, baseDir: '.' }, driver);
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

describe('DatabricksEngine queries', () => {
  it('declares its capabilities', () => {
    const { engine } = setup(() => ({}));
    expect(engine.kind).toBe('databricks');
    expect(engine.capabilities).toEqual({ readOnly: false, scripting: true, multiStatement: false, embedded: false, sessions: false });
  });

  it('connects once with a quiet logger, telemetry off and exact numbers, and runs a query', async () => {
    const { driver, engine } = setup(() => numbers(0, 3));
    const result = await engine.query('SELECT n, label FROM gold.numbers');
    expect(result.columns).toEqual([
      { name: 'n', type: 'BIGINT', family: 'integer' },
      { name: 'label', type: 'STRING', family: 'string' },
    ]);
    expect(result.rows).toEqual([
      [0n, 'row 0'],
      [1n, 'row 1'],
      [2n, 'row 2'],
    ]);
    await engine.query('SELECT n, label FROM gold.numbers');
    expect(driver.clients).toBe(1);
    expect(driver.connectOptions).toEqual([
      {
        host: 'adb-1234567890123456.7.azuredatabricks.net',
        port: 443,
        path: '/sql/1.0/warehouses/abcdef0123456789',
        authType: 'access-token',
        token: TOKEN,
        userAgentEntry: 'lakeshift',
        socketTimeout: 60_000,
        telemetryEnabled: false,
        preserveBigNumericPrecision: true,
      },
    ]);
    expect(driver.sessionRequests).toEqual([{ initialCatalog: 'main', initialSchema: 'gold' }]);
    expect(driver.statements[0]).toEqual({ sql: 'SELECT n, label FROM gold.numbers', options: { queryTimeout: 900, maxRows: 10_000 } });
    expect(driver.log.closes).toBe(2);
  });

  it('streams pages as batches, fetching batchSize rows at a time', async () => {
    const { driver, engine } = setup(() => ({ ...numbers(0, 3500), runningPolls: 2 }));
    const batches: RowBatch[] = [];
    for await (const batch of engine.stream('SELECT n, label FROM gold.numbers', { batchSize: 1000 })) batches.push(batch);
    expect(batches.map((batch) => batch.rows.length)).toEqual([1000, 1000, 1000, 500]);
    expect(batches[3]!.rows.at(-1)).toEqual([3499n, 'row 3499']);
    expect(driver.statements[0]!.options).toEqual({ queryTimeout: 900, maxRows: 1000 });
    expect(new Set(driver.log.fetchMaxRows)).toEqual(new Set([1000]));
    expect(driver.log.statusPolls).toBeGreaterThanOrEqual(3);
    expect(driver.log.cancels).toBe(0);
    expect(driver.log.closes).toBe(1);
  });

  it('yields the columns of an empty result once', async () => {
    const { engine } = setup(() => numbers(0, 0));
    const batches: RowBatch[] = [];
    for await (const batch of engine.stream('SELECT n, label FROM gold.numbers WHERE false')) batches.push(batch);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.rows).toEqual([]);
    expect(batches[0]!.columns.map((column) => column.name)).toEqual(['n', 'label']);
  });

  it('refuses a result with two columns of the same name, which the driver would merge', async () => {
    const { driver, engine } = setup(() => ({ schema: { columns: [columnDesc('id', 'INT', 1), columnDesc('id', 'INT', 2)] }, pages: [] }));
    const error = await failure(engine.query('SELECT a.id, b.id FROM a JOIN b USING (k)'));
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toBe('lakehouse: the result has more than one column named "id"');
    expect(error.hint).toContain('alias');
    expect(driver.log.closes).toBe(1);
  });

  it('runs a statement for its effect with execute()', async () => {
    const { driver, engine } = setup(() => ({ runningPolls: 1 }));
    await engine.execute('CREATE OR REPLACE TABLE gold.t AS SELECT 1 AS a');
    expect(driver.statements[0]).toEqual({ sql: 'CREATE OR REPLACE TABLE gold.t AS SELECT 1 AS a', options: { queryTimeout: 900 } });
    expect(driver.log.statusPolls).toBe(2);
    expect(driver.log.closes).toBe(1);
  });

  it('pings with a version query that Databricks SQL has', async () => {
    const payload = arrowPayload(
      new arrow.Table({
        dbsql_version: arrow.vectorFromArray(['2025.30'], new arrow.Utf8()),
        dbr_version: arrow.vectorFromArray([null], new arrow.Utf8()),
        spark_version: arrow.vectorFromArray(['3.5.2 1a2b3c'], new arrow.Utf8()),
      }),
    );
    const { driver, engine } = setup(() => ({
      schema: { columns: [columnDesc('dbsql_version', 'STRING', 1), columnDesc('dbr_version', 'STRING', 2), columnDesc('spark_version', 'STRING', 3)] },
      arrowSchema: payload.arrowSchema,
      pages: [{ kind: 'arrow', batches: payload.batches }],
    }));
    const info = await engine.ping();
    expect(info).toEqual({
      product: 'Databricks SQL',
      version: '2025.30',
      target: 'adb-1234567890123456.7.azuredatabricks.net/sql/1.0/warehouses/abcdef0123456789',
      details: { sparkVersion: '3.5.2 1a2b3c', catalog: 'main', schema: 'gold' },
    });
    expect(driver.statements[0]!.sql).toContain('current_version().dbsql_version');
    expect(JSON.stringify(info)).not.toContain(TOKEN);
  });
});

describe('DatabricksEngine errors and timeouts', () => {
  it('reports a failed statement with the server message and SQLSTATE', async () => {
    const { driver, engine } = setup(() => ({
      schema: { columns: [] },
      failure: { displayMessage: '[TABLE_OR_VIEW_NOT_FOUND] The table or view `gold`.`nope` cannot be found. SQLSTATE: 42P01; line 1 pos 14', sqlState: '42P01' },
    }));
    const error = await failure(engine.query('SELECT * FROM gold.nope'));
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toBe('lakehouse: Databricks error (SQLSTATE 42P01): [TABLE_OR_VIEW_NOT_FOUND] The table or view `gold`.`nope` cannot be found. SQLSTATE: 42P01; line 1 pos 14');
    expect(error.details).toMatchObject({ connection: 'lakehouse', sqlState: '42P01', statement: 'SELECT * FROM gold.nope' });
    expect(driver.log.closes).toBe(1);
  });

  it('reports a statement the server timed out as QUERY_TIMEOUT', async () => {
    const { engine } = setup(() => ({ schema: { columns: [] }, failure: { displayMessage: 'Query has been timed out', state: 'TIMEDOUT' } }));
    expect((await failure(engine.query('SELECT count(*) FROM gold.huge'))).code).toBe('QUERY_TIMEOUT');
  });

  it('reports a thrift status error from ExecuteStatement (not an Error object)', async () => {
    const { driver, engine } = setup(() => ({}));
    driver.executeWith = async () => {
      throw new StatusError({ statusCode: 3, errorMessage: '[PARSE_SYNTAX_ERROR] Syntax error at or near \'SELEC\'. SQLSTATE: 42601', errorCode: 0 });
    };
    const error = await failure(engine.query('SELEC 1'));
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toContain('[PARSE_SYNTAX_ERROR]');
  });

  it('gives up on a statement that never finishes after timeoutMs, and cancels it', async () => {
    const { driver, engine } = setup(() => ({ schema: numbers(0, 1).schema, hang: true }));
    const error = await failure(engine.stream('SELECT * FROM gold.slow', { timeoutMs: 50 }));
    expect(error.code).toBe('QUERY_TIMEOUT');
    expect(error.message).toBe('lakehouse: the statement did not finish within 0.1 s');
    expect(error.hint).toContain('queryTimeout');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(driver.log.cancels).toBe(1);
  });

  it('stops a statement that starts only after the timeout gave up on it', async () => {
    const { driver, engine } = setup(() => ({}));
    let start: () => void = () => {};
    driver.executeWith = () =>
      new Promise((resolve) => {
        start = () => resolve(realOperation(numbers(0, 10), driver.log));
      });
    const error = await failure(engine.query('SELECT * FROM gold.numbers', { timeoutMs: 30 }));
    expect(error.code).toBe('QUERY_TIMEOUT');
    start();
    // DBSQLOperation.close() after cancel() sends nothing (dist/DBSQLOperation.js closeInternal).
    await expect.poll(() => driver.log.cancels).toBe(1);
  });

  it('times out a fetch that never answers in the middle of a stream', async () => {
    // dist/result/ArrowResultConverter.js reads one page ahead: the second fetch that hangs
    // stops the second chunk, not the third.
    const { driver, engine } = setup(() => ({ ...numbers(0, 3000), hangAfterPages: 2 }));
    const sizes: number[] = [];
    let caught: unknown;
    try {
      for await (const batch of engine.stream('SELECT * FROM gold.numbers', { batchSize: 1000, timeoutMs: 50 })) sizes.push(batch.rows.length);
    } catch (error) {
      caught = error;
    }
    expect(sizes).toEqual([1000]);
    expect((caught as EngineError).code).toBe('QUERY_TIMEOUT');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(driver.log.cancels).toBe(1);
  });

  it('bounds the whole of query() by queryTimeout from lakeshift.yaml', async () => {
    const { engine } = setup(() => ({ schema: numbers(0, 1).schema, hang: true }), { queryTimeout: 0.05 });
    const error = await failure(engine.query('SELECT * FROM gold.slow'));
    expect(error.code).toBe('QUERY_TIMEOUT');
  });

  it('cancels on an AbortSignal', async () => {
    const { driver, engine } = setup(() => ({ schema: numbers(0, 1).schema, hang: true }));
    const controller = new AbortController();
    const running = failure(engine.query('SELECT * FROM gold.slow', { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const error = await running;
    expect(error).toMatchObject({ code: 'QUERY_FAILED', message: 'lakehouse: the statement was cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(driver.log.cancels).toBe(1);
  });

  it('cancels and closes the statement when the consumer stops early', async () => {
    const { driver, engine } = setup(() => numbers(0, 5000));
    for await (const batch of engine.stream('SELECT * FROM gold.numbers', { batchSize: 1000 })) {
      expect(batch.rows).toHaveLength(1000);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(driver.log.cancels).toBe(1);
    expect(driver.log.fetches).toBeLessThan(5);
  });
});

describe('DatabricksEngine connection', () => {
  it('shares one connect between concurrent callers', async () => {
    const { driver, engine } = setup(() => numbers(0, 1));
    driver.connectWith = () => new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all([engine.query('SELECT 1'), engine.query('SELECT 1'), engine.query('SELECT 1')]);
    expect(driver.clients).toBe(1);
    expect(driver.connectOptions).toHaveLength(1);
  });

  it('times out a connect after connectTimeout and closes the client it gave up on', async () => {
    const { driver, engine } = setup(() => ({}), { connectTimeout: 0.05 });
    driver.connectWith = () => new Promise(() => {});
    const error = await failure(engine.query('SELECT 1'));
    expect(error.code).toBe('CONNECTION_TIMEOUT');
    expect(error.message).toBe('lakehouse: no answer from Databricks at adb-1234567890123456.7.azuredatabricks.net/sql/1.0/warehouses/abcdef0123456789 within 0.1 s');
    expect(error.hint).toContain('A stopped SQL warehouse takes a minute or more to start');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(driver.clientCloses).toBeGreaterThanOrEqual(1);
  });

  it('retries a failed connect on the next call', async () => {
    const { driver, engine } = setup(() => numbers(0, 1));
    driver.connectWith = async () => {
      driver.connectWith = undefined;
      throw Object.assign(new Error('request to https://adb-1234567890123456.7.azuredatabricks.net/sql/1.0/warehouses/x failed, reason: getaddrinfo ENOTFOUND adb-1234567890123456.7.azuredatabricks.net'), {
        name: 'FetchError',
        code: 'ENOTFOUND',
        type: 'system',
      });
    };
    const error = await failure(engine.query('SELECT 1'));
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.hint).toContain('does not resolve');
    expect((await engine.query('SELECT 1')).rows).toHaveLength(1);
    expect(driver.clients).toBe(2);
  });

  it('routes driver logs to the reporter\'s debug channel, scrubbed', async () => {
    const { driver, engine, reporter } = setup(() => numbers(0, 1));
    await engine.query('SELECT 1');
    driver.loggers[0]!.log('error', `Authorization: Bearer ${TOKEN}`);
    expect(reporter.messages('debug')).toContain('lakehouse: @databricks/sql error: Authorization: Bearer «redacted»');
    expect(reporter.messages('warn')).toEqual([]);
    expect(reporter.messages('info')).toEqual([]);
  });

  it('closes idempotently and refuses work afterwards', async () => {
    const { driver, engine } = setup(() => numbers(0, 1));
    await engine.query('SELECT 1');
    await engine.close();
    await engine.close();
    expect(driver.clientCloses).toBe(1);
    expect(await failure(engine.query('SELECT 1'))).toMatchObject({ code: 'CONNECTION_FAILED', message: 'lakehouse: the connection is closed' });
  });
});

describe('databricksConnectOptions', () => {
  it('uses OAuth M2M with a service principal\'s client id and secret', () => {
    const options = databricksConnectOptions('lakehouse', settings({ token: undefined, clientId: 'sp-app-id', clientSecret: 'dose0123' }));
    expect(options).toMatchObject({
      authType: 'databricks-oauth',
      oauthClientId: 'sp-app-id',
      oauthClientSecret: 'dose0123',
      useDatabricksOAuthInAzure: true,
      telemetryEnabled: false,
    });
    expect(options).not.toHaveProperty('token');
  });

  it('names what is missing', () => {
    expect(() => databricksConnectOptions('lakehouse', settings({ token: undefined }))).toThrow(ConfigError);
    expect(() => databricksConnectOptions('lakehouse', settings({ token: undefined, clientId: 'sp' }))).toThrow(
      'connection "lakehouse": give "token" (a personal access token) or "clientId" and "clientSecret" (OAuth M2M)',
    );
  });

  it('takes a host written as a URL or with a port', () => {
    expect(databricksEndpoint({ host: 'https://dbc-1234.cloud.databricks.com/', httpPath: 'sql/1.0/warehouses/x' })).toEqual({
      host: 'dbc-1234.cloud.databricks.com',
      port: 443,
      path: '/sql/1.0/warehouses/x',
      target: 'dbc-1234.cloud.databricks.com/sql/1.0/warehouses/x',
    });
    expect(databricksEndpoint({ host: 'localhost:8443', httpPath: '/p' })).toMatchObject({ host: 'localhost', port: 8443, target: 'localhost:8443/p' });
  });
});

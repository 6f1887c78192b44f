import { afterEach, describe, expect, it } from 'vitest';
import { databricksConnectionSchema } from '../../src/config/schema.js';
import { databricksSqlDriver, newDatabricksClient } from '../../src/engines/databricks/databricks-driver.js';
import { DatabricksEngine, databricksConnectOptions } from '../../src/engines/databricks/databricks-engine.js';
import { EngineError } from '../../src/errors.js';
import { RecordingReporter } from '../../src/reporter.js';
import { httpsStatusServer } from './support/https-server.js';
import { closedPort, silentServer } from './support/sockets.js';

/**
 * The real @databricks/sql 2.0.0 against real sockets on 127.0.0.1: a closed port, a server
 * that accepts and never answers, and an HTTPS server that answers every request with one
 * status. No warehouse runs here; these are the failure paths. No wall-clock time is asserted.
 */

const TOKEN = 'dapi0123456789abcdef-secret';
const CLIENT_SECRET = 'dose-oauth-client-secret-0123';

function engine(host: string, overrides: Record<string, unknown> = {}, reporter = new RecordingReporter()) {
  const config = databricksConnectionSchema.parse({
    kind: 'databricks',
    host,
    httpPath: '/sql/1.0/warehouses/0123456789abcdef',
    token: TOKEN,
    connectTimeout: 1,
    queryTimeout: 5,
    ...overrides,
  });
  return new DatabricksEngine('lakehouse', config, { reporter, baseDir: '.' });
}

function assertNoSecret(error: EngineError, reporter: RecordingReporter): void {
  const visible = JSON.stringify({ message: error.message, hint: error.hint, details: error.details, cause: String(error.cause) });
  for (const secret of [TOKEN, CLIENT_SECRET]) {
    expect(visible).not.toContain(secret);
    for (const event of reporter.events) expect(event.message).not.toContain(secret);
  }
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('DatabricksEngine with the real @databricks/sql driver', () => {
  it('fails with CONNECTION_FAILED when nothing listens on the port', async () => {
    const port = await closedPort();
    const reporter = new RecordingReporter();
    const lakehouse = engine(`127.0.0.1:${port}`, {}, reporter);
    cleanups.push(() => lakehouse.close());
    const error = (await lakehouse.query('SELECT 1').catch((caught: unknown) => caught)) as EngineError;
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.message).toContain(`lakehouse: cannot connect to Databricks at 127.0.0.1:${port}/sql/1.0/warehouses/0123456789abcdef`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.hint).toContain('"host"');
    assertNoSecret(error, reporter);
  });

  it('ends with CONNECTION_TIMEOUT after connectTimeout when the server accepts and never answers', async () => {
    const server = await silentServer();
    cleanups.push(() => server.close());
    const reporter = new RecordingReporter();
    const lakehouse = engine(`127.0.0.1:${server.port}`, {}, reporter);
    cleanups.push(() => lakehouse.close());
    const error = (await lakehouse.ping().catch((caught: unknown) => caught)) as EngineError;
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('CONNECTION_TIMEOUT');
    expect(error.message).toContain(`lakehouse: no answer from Databricks at 127.0.0.1:${server.port}/sql/1.0/warehouses/0123456789abcdef within 1 s`);
    expect(error.hint).toContain('A stopped SQL warehouse takes a minute or more to start');
    expect(error.hint).toContain('connectTimeout (now 1 s)');
    expect(server.connections()).toBeGreaterThan(0);
    assertNoSecret(error, reporter);
  });

  it('reports AUTH_FAILED when the endpoint refuses the token (HTTP 401), sending it only in the Authorization header', async () => {
    const server = await httpsStatusServer(401);
    cleanups.push(() => server.close());
    const reporter = new RecordingReporter();
    const lakehouse = engine(`https://127.0.0.1:${server.port}/`, {}, reporter);
    cleanups.push(() => lakehouse.close());
    const error = (await lakehouse.query('SELECT 1').catch((caught: unknown) => caught)) as EngineError;
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('refused the credentials (HTTP 401)');
    expect(error.hint).toContain('personal access token');
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/sql/1.0/warehouses/0123456789abcdef' });
    // dist/connection/auth/PlainHttpAuthentication.js sends a PAT as a bearer token.
    expect(server.requests[0]!.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(String(server.requests[0]!.headers['user-agent'])).toContain('lakeshift');
    assertNoSecret(error, reporter);
  });

  it('reports AUTH_FAILED on HTTP 403', async () => {
    const server = await httpsStatusServer(403);
    cleanups.push(() => server.close());
    const lakehouse = engine(`127.0.0.1:${server.port}`);
    cleanups.push(() => lakehouse.close());
    await expect(lakehouse.query('SELECT 1')).rejects.toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('denied access (HTTP 403)') });
  });

  it('reports CONNECTION_FAILED with a hint about starting warehouses on HTTP 503', async () => {
    const server = await httpsStatusServer(503);
    cleanups.push(() => server.close());
    const lakehouse = engine(`127.0.0.1:${server.port}`);
    cleanups.push(() => lakehouse.close());
    const error = (await lakehouse.query('SELECT 1').catch((caught: unknown) => caught)) as EngineError;
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.message).toContain('is not available (HTTP 503)');
    expect(error.hint).toContain('a stopped warehouse takes a minute or more to start');
  });

  it('reports CONNECTION_FAILED naming httpPath on HTTP 404', async () => {
    const server = await httpsStatusServer(404);
    cleanups.push(() => server.close());
    const lakehouse = engine(`127.0.0.1:${server.port}`);
    cleanups.push(() => lakehouse.close());
    const error = (await lakehouse.query('SELECT 1').catch((caught: unknown) => caught)) as EngineError;
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.hint).toContain('"httpPath"');
  });

  it('refuses OAuth M2M for a host that is not a Databricks workspace, without showing the client secret', async () => {
    const reporter = new RecordingReporter();
    const lakehouse = engine('127.0.0.1:1', { token: undefined, clientId: 'sp-0123', clientSecret: CLIENT_SECRET }, reporter);
    cleanups.push(() => lakehouse.close());
    const error = (await lakehouse.query('SELECT 1').catch((caught: unknown) => caught)) as EngineError;
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('OAuth is not supported for 127.0.0.1');
    expect(error.hint).toContain('workspace host');
    assertNoSecret(error, reporter);
  });

  it('closes idempotently, and refuses work once closed', async () => {
    const lakehouse = engine(`127.0.0.1:${await closedPort()}`);
    await expect(lakehouse.query('SELECT 1')).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
    await lakehouse.close();
    await lakehouse.close();
    await expect(lakehouse.query('SELECT 1')).rejects.toMatchObject({ code: 'CONNECTION_FAILED', message: 'lakehouse: the connection is closed' });
  });

  it('builds a real DBSQLClient with our logger and telemetry switched off both ways', async () => {
    const previous = process.env['DATABRICKS_TELEMETRY_DISABLED'];
    delete process.env['DATABRICKS_TELEMETRY_DISABLED'];
    try {
      const lines: string[] = [];
      const logger = { log: (level: string, message: string) => lines.push(`${level}: ${message}`) };
      // The seam loads the driver on first use; this is the client it builds.
      databricksSqlDriver.createClient({ logger });
      const client = (await newDatabricksClient(logger)) as unknown as {
        connect(options: unknown): Promise<unknown>;
        close(): Promise<void>;
        getLogger(): unknown;
        getConfig(): Record<string, unknown>;
        getTelemetryStats(): unknown;
      };
      expect(process.env['DATABRICKS_TELEMETRY_DISABLED']).toBe('1');
      expect(client.getLogger()).toBe(logger);
      const config = databricksConnectionSchema.parse({ kind: 'databricks', host: `127.0.0.1:${await closedPort()}`, httpPath: '/sql/1.0/warehouses/x', token: TOKEN, connectTimeout: 1 });
      // DBSQLClient.connect() only prepares the Thrift connection; the first request is OpenSession.
      await client.connect(databricksConnectOptions('lakehouse', config));
      expect(client.getConfig()).toMatchObject({ telemetryEnabled: false, preserveBigNumericPrecision: true, userAgentEntry: 'lakeshift' });
      expect(client.getTelemetryStats()).toBeUndefined();
      await client.close();
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain(TOKEN);
    } finally {
      if (previous === undefined) delete process.env['DATABRICKS_TELEMETRY_DISABLED'];
      else process.env['DATABRICKS_TELEMETRY_DISABLED'] = previous;
    }
  });
});

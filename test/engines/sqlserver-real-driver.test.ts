import { afterEach, describe, expect, it } from 'vitest';
import { sqlServerConnectionSchema } from '../../src/config/schema.js';
import { SqlServerEngine } from '../../src/engines/sqlserver/sqlserver-engine.js';
import { EngineError } from '../../src/errors.js';
import { RecordingReporter } from '../../src/reporter.js';
import { closedPort, silentServer } from './support/sockets.js';
import { tdsServer } from './support/tds-server.js';

/**
 * The real mssql and tedious against real sockets on 127.0.0.1: no SQL Server runs here, so
 * these are the failure paths a user meets first (wrong port, firewall that swallows packets).
 * No wall-clock time is asserted; the configured timeouts are what the messages must report.
 */

const PASSWORD = 'Sup3r-Secret-Passw0rd!';

function engine(port: number, overrides: Record<string, unknown> = {}, reporter = new RecordingReporter()) {
  const config = sqlServerConnectionSchema.parse({
    kind: 'sqlserver',
    server: '127.0.0.1',
    port,
    database: 'Analytics',
    user: 'lakeshift_reader',
    password: PASSWORD,
    encrypt: false,
    connectTimeout: 1,
    requestTimeout: 2,
    ...overrides,
  });
  return new SqlServerEngine('legacy', config, { reporter, baseDir: '.' });
}

function assertNoSecret(error: EngineError, reporter: RecordingReporter): void {
  const visible = JSON.stringify({ message: error.message, hint: error.hint, details: error.details, cause: String(error.cause) });
  expect(visible).not.toContain(PASSWORD);
  for (const event of reporter.events) expect(event.message).not.toContain(PASSWORD);
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('SqlServerEngine with the real mssql driver', () => {
  it('fails with CONNECTION_FAILED when nothing listens on the port', async () => {
    const port = await closedPort();
    const reporter = new RecordingReporter();
    const legacy = engine(port, {}, reporter);
    cleanups.push(() => legacy.close());
    const error = await legacy.query('SELECT 1 AS one').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    const engineError = error as EngineError;
    expect(engineError.code).toBe('CONNECTION_FAILED');
    expect(engineError.message).toContain(`legacy: cannot connect to SQL Server at 127.0.0.1:${port}/Analytics`);
    expect(engineError.message).toContain('ECONNREFUSED');
    expect(engineError.hint).toMatch(/port/);
    expect(engineError.details).toMatchObject({ connection: 'legacy', target: `127.0.0.1:${port}/Analytics` });
    assertNoSecret(engineError, reporter);
  });

  it('ends with CONNECTION_TIMEOUT after connectTimeout when the server accepts and never answers', async () => {
    const server = await silentServer();
    cleanups.push(() => server.close());
    const reporter = new RecordingReporter();
    const legacy = engine(server.port, {}, reporter);
    cleanups.push(() => legacy.close());
    const error = await legacy.ping().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    const engineError = error as EngineError;
    expect(engineError.code).toBe('CONNECTION_TIMEOUT');
    expect(engineError.message).toContain(`legacy: no answer from SQL Server at 127.0.0.1:${server.port}/Analytics within 1 s`);
    expect(engineError.hint).toMatch(/connectTimeout \(now 1 s\)/);
    expect(server.connections()).toBeGreaterThan(0);
    assertNoSecret(engineError, reporter);
  });

  it('refuses a write before opening any connection', async () => {
    const server = await silentServer();
    cleanups.push(() => server.close());
    const legacy = engine(server.port);
    cleanups.push(() => legacy.close());
    const error = await legacy.query('DELETE FROM dbo.Sales').catch((caught: unknown) => caught);
    expect((error as EngineError).code).toBe('READ_ONLY_VIOLATION');
    expect(server.connections()).toBe(0);
  });

  it('closes idempotently after a failed connect', async () => {
    const legacy = engine(await closedPort());
    await expect(legacy.query('SELECT 1')).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
    await legacy.close();
    await legacy.close();
    await expect(legacy.query('SELECT 1')).rejects.toMatchObject({ code: 'CONNECTION_FAILED', message: 'legacy: the connection is closed' });
  });

  it('reports AUTH_FAILED when the server refuses the login (error 18456), and sends appName and ApplicationIntent=ReadOnly', async () => {
    const server = await tdsServer({ refuseLogin: { message: "Login failed for user 'lakeshift_reader'." } });
    cleanups.push(() => server.close());
    const reporter = new RecordingReporter();
    const legacy = engine(server.port, { readOnlyIntent: true }, reporter);
    cleanups.push(() => legacy.close());
    const error = (await legacy.query('SELECT 1 AS one').catch((caught: unknown) => caught)) as EngineError;
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toBe(`legacy: SQL Server at 127.0.0.1:${server.port}/Analytics refused the login: Login failed for user 'lakeshift_reader'.`);
    expect(error.hint).toContain('"password"');
    assertNoSecret(error, reporter);
    // What tedious sent (MS-TDS LOGIN7): TypeFlags at byte 26 carries fReadOnlyIntent (0x20).
    const login = server.logins[0]!;
    expect(login[26]! & 0x20).toBe(0x20);
    expect(login.includes(Buffer.from('lakeshift', 'ucs2'))).toBe(true);
    expect(login.includes(Buffer.from('Analytics', 'ucs2'))).toBe(true);
  });
});

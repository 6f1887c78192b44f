import { createRequire } from 'node:module';
import mssql from 'mssql';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/config/secret.js';
import { sqlServerConnectError, sqlServerQueryError, type SqlServerErrorContext } from '../../src/engines/sqlserver/sqlserver-errors.js';

/**
 * Driver errors built with the drivers' own classes: tedious' ConnectionError/RequestError
 * (tedious/lib/errors.js) wrapped as mssql wraps them (mssql/lib/error/*.js), with the codes and
 * messages tedious gives them in lib/connection.js.
 */

const require = createRequire(import.meta.url);
const tedious = require('tedious/lib/errors.js') as {
  ConnectionError: new (message: string, code: string, options?: { cause?: unknown }) => Error;
  RequestError: new (message: string, code: string) => Error;
};

const context: SqlServerErrorContext = {
  connection: 'legacy',
  target: 'sql01.corp.example:1433/Analytics',
  server: 'sql01.corp.example',
  instance: 'BI',
  connectTimeoutMs: 15_000,
  requestTimeoutMs: 300_000,
  redactor: new Redactor().add('hunter2-but-longer', 'entra-client-secret'),
};

const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });
const socket = (message: string, cause: Error) => new mssql.ConnectionError(new tedious.ConnectionError(message, 'ESOCKET', { cause }));

describe('SQL Server connect errors', () => {
  it.each([
    [
      'a refused connection',
      socket('Failed to connect to sql01.corp.example:1433 - Could not connect (sequence)', new AggregateError([systemError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:1433')], 'Could not connect (sequence)')),
      'CONNECTION_FAILED',
      /Nothing accepts connections there/,
    ],
    ['an unknown host', socket('Failed to connect to sql01.corp.example:1433 - getaddrinfo ENOTFOUND sql01.corp.example', systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND sql01.corp.example')), 'CONNECTION_FAILED', /does not resolve/],
    ['a silent SQL Browser', new mssql.ConnectionError(new tedious.ConnectionError('Port for BI not found in sql01.corp.example', 'EINSTLOOKUP')), 'CONNECTION_FAILED', /SQL Server Browser .* instance "BI"/],
    ['an untrusted certificate', socket('Failed to connect to sql01.corp.example:1433 - self-signed certificate in certificate chain', systemError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain')), 'CONNECTION_FAILED', /trustServerCertificate/],
    ['a connect timeout', new mssql.ConnectionError(new tedious.ConnectionError('Failed to connect to sql01.corp.example:1433 in 15000ms', 'ETIMEOUT')), 'CONNECTION_TIMEOUT', /connectTimeout \(now 15 s\)/],
    ['a refused login', new mssql.ConnectionError(new tedious.ConnectionError("Login failed for user 'reader'.", 'ELOGIN')), 'AUTH_FAILED', /"user", "password" and "authentication"/],
    ['error 18456 however it comes', Object.assign(new Error("Login failed for user 'reader'."), { number: 18456 }), 'AUTH_FAILED', /"password"/],
  ] as const)('classifies %s', (_label, driverError, code, hint) => {
    const error = sqlServerConnectError(driverError, context);
    expect(error.code).toBe(code);
    expect(error.hint).toMatch(hint);
    expect(error.connection).toBe('legacy');
    expect(error.message).toContain('sql01.corp.example:1433/Analytics');
    expect(error.details).toMatchObject({ connection: 'legacy', target: 'sql01.corp.example:1433/Analytics' });
  });

  it('keeps the socket reason in the message', () => {
    const error = sqlServerConnectError(
      socket('Failed to connect to sql01.corp.example:1433 - Could not connect (sequence)', new AggregateError([systemError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:1433')])),
      context,
    );
    expect(error.message).toBe('legacy: cannot connect to SQL Server at sql01.corp.example:1433/Analytics: Failed to connect to sql01.corp.example:1433 - Could not connect (sequence): connect ECONNREFUSED 10.0.0.5:1433');
  });

  it('scrubs secrets from messages and keeps no driver object as the cause', () => {
    const driverError = Object.assign(new mssql.ConnectionError(new tedious.ConnectionError('bad secret entra-client-secret for hunter2-but-longer', 'ELOGIN')), {
      config: { password: 'hunter2-but-longer' },
    });
    const error = sqlServerConnectError(driverError, context);
    expect(error.message).toBe('legacy: SQL Server at sql01.corp.example:1433/Analytics refused the login: bad secret «redacted» for «redacted»');
    expect(error.cause).toBeInstanceOf(Error);
    expect(Object.keys(error.cause as object).sort()).toEqual(['code', 'name']);
    expect(JSON.stringify(error.details)).not.toContain('hunter2');
  });
});

describe('SQL Server query errors', () => {
  const sql = 'SELECT * FROM dbo.Sales';

  it('maps a tedious request timeout to QUERY_TIMEOUT', () => {
    const driverError = new mssql.RequestError(new tedious.RequestError('Timeout: Request failed to complete in 300000ms', 'ETIMEOUT'), 'EREQUEST');
    const error = sqlServerQueryError(driverError, context, sql);
    expect(error.code).toBe('QUERY_TIMEOUT');
    expect(error.hint).toContain('requestTimeout');
    expect(error.details).toMatchObject({ statement: sql });
  });

  it('maps a cancel to QUERY_FAILED', () => {
    const error = sqlServerQueryError(new mssql.RequestError(new tedious.RequestError('Canceled.', 'ECANCEL'), 'EREQUEST'), context, sql);
    expect(error).toMatchObject({ code: 'QUERY_FAILED', message: 'legacy: the query was cancelled' });
  });

  it('maps a pool that has no free connection to CONNECTION_TIMEOUT', () => {
    const tarnTimeout = Object.assign(new Error('Failed to acquire a connection from the pool: operation timed out for an unknown reason'), { name: 'TimeoutError' });
    expect(sqlServerQueryError(tarnTimeout, context, sql).code).toBe('CONNECTION_TIMEOUT');
  });

  it('keeps the server error number, state, class and line', () => {
    const info = { number: 229, state: 5, class: 14, lineNumber: 1, message: "The SELECT permission was denied on the object 'Sales', database 'Analytics', schema 'dbo'.", serverName: 'sql01', procName: '' };
    const driverError = new mssql.RequestError(Object.assign(new Error(info.message), { info }), 'EREQUEST');
    const error = sqlServerQueryError(driverError, context, sql);
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toBe(`legacy: SQL Server error 229: ${info.message}`);
    expect(error.hint).toContain('permission');
    expect(error.details).toMatchObject({ number: 229, state: 5, class: 14, lineNumber: 1, statement: sql });
  });

  it('accepts anything thrown', () => {
    expect(sqlServerQueryError('boom', context, sql)).toMatchObject({ code: 'QUERY_FAILED', message: 'legacy: SQL Server error: boom' });
  });
});

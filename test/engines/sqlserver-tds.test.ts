import { afterEach, describe, expect, it } from 'vitest';
import { sqlServerConnectionSchema } from '../../src/config/schema.js';
import { SqlServerEngine } from '../../src/engines/sqlserver/sqlserver-engine.js';
import { EngineError } from '../../src/errors.js';
import { RecordingReporter } from '../../src/reporter.js';
import { tdsServer, tdsTypes, type TdsAnswer, type TdsServer } from './support/tds-server.js';

/**
 * The real mssql and tedious over a real socket, against a tiny TDS server on 127.0.0.1
 * (support/tds-server.ts) that logs in, streams result sets in 4 KB packets with TCP
 * backpressure, reports errors, and acknowledges cancels (ATTENTION) as SQL Server does.
 * It is not SQL Server: it understands no SQL, and answers what each test tells it to.
 */

const PASSWORD = 'tds-Passw0rd-never-shown';
const LABEL = 'x'.repeat(300);

const big = (rowCount: number, error?: TdsAnswer['error']): TdsAnswer => ({
  columns: [tdsTypes.int('id'), tdsTypes.nvarchar('label', 400), tdsTypes.decimal('amount', 2)],
  rowCount,
  row: (index) => [index + 1, `${index + 1}:${LABEL}`, `${index + 1}.25`],
  ...(error === undefined ? {} : { error }),
});

const servers: TdsServer[] = [];
const engines: SqlServerEngine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
  for (const server of servers.splice(0)) await server.close();
});

async function setup(answer: (text: string) => TdsAnswer, overrides: Record<string, unknown> = {}) {
  const server = await tdsServer({ answer });
  servers.push(server);
  const reporter = new RecordingReporter();
  const config = sqlServerConnectionSchema.parse({
    kind: 'sqlserver',
    server: '127.0.0.1',
    port: server.port,
    database: 'Analytics',
    user: 'reader',
    password: PASSWORD,
    encrypt: false,
    connectTimeout: 5,
    requestTimeout: 10,
    ...overrides,
  });
  const engine = new SqlServerEngine('legacy', config, { reporter, baseDir: '.' });
  engines.push(engine);
  return { server, engine, reporter };
}

describe('SqlServerEngine with the real driver against a TDS server', () => {
  it('streams 30 000 wide rows while the server waits on TCP backpressure', async () => {
    const { server, engine } = await setup(() => big(30_000));
    let rows = 0;
    let last: readonly unknown[] | undefined;
    for await (const batch of engine.stream('SELECT id, label, amount FROM dbo.Big', { batchSize: 1000 })) {
      if (rows === 0) {
        expect(batch.columns).toEqual([
          { name: 'id', type: 'int', family: 'integer' },
          { name: 'label', type: 'nvarchar(400)', family: 'string' },
          { name: 'amount', type: 'decimal(18,2)', family: 'decimal' },
        ]);
        expect(batch.rows[0]).toEqual([1, `1:${LABEL}`, '1.25']);
      }
      rows += batch.rows.length;
      last = batch.rows.at(-1);
      await new Promise((resolve) => setTimeout(resolve, 2)); // a slow consumer
    }
    expect(rows).toBe(30_000);
    expect(last).toEqual([30_000, `30000:${LABEL}`, '30000.25']);
    expect(server.stats.drainWaits).toBeGreaterThan(0);
    expect(server.requests[0]).toContain('SELECT id, label, amount FROM dbo.Big');
  });

  it('cancels with an ATTENTION when the consumer stops early, and the connection serves the next query', async () => {
    const { server, engine } = await setup((text) => (text.includes('dbo.Small') ? big(3) : big(100_000)));
    for await (const batch of engine.stream('SELECT id, label, amount FROM dbo.Big', { batchSize: 500 })) {
      expect(batch.rows).toHaveLength(500);
      break;
    }
    await expect.poll(() => server.stats.attentions).toBe(1);
    expect(server.stats.rowsWritten).toBeLessThan(100_000);
    const next = await engine.query('SELECT id, label, amount FROM dbo.Small');
    expect(next.rows.map((row) => row[0])).toEqual([1, 2, 3]);
  });

  it('reports an error the server sends after some rows with its number', async () => {
    const { engine } = await setup(() => big(5000, { afterRows: 1500, number: 8134, message: 'Divide by zero error encountered.' }));
    let rows = 0;
    let caught: unknown;
    try {
      for await (const batch of engine.stream('SELECT id, 1 / 0 FROM dbo.Big', { batchSize: 500 })) rows += batch.rows.length;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect(caught).toMatchObject({ code: 'QUERY_FAILED', message: 'legacy: SQL Server error 8134: Divide by zero error encountered.' });
    expect((caught as EngineError).details).toMatchObject({ number: 8134, class: 16 });
    expect(rows).toBeLessThanOrEqual(1500);
  });

  it('ends with QUERY_TIMEOUT when the server never answers a statement, and cancels it', async () => {
    const { server, engine } = await setup((text) => (text.includes('dbo.Slow') ? { ...big(0), hang: true } : big(1)));
    const error = await engine.query('SELECT * FROM dbo.Slow', { timeoutMs: 300 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'QUERY_TIMEOUT' });
    await expect.poll(() => server.stats.attentions).toBe(1);
    expect((await engine.query('SELECT id FROM dbo.One')).rows).toHaveLength(1);
  });
});

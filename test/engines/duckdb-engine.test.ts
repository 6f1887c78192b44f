import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { rowObjects, toNumber } from '../../src/engines/engine.js';
import { EngineError } from '../../src/errors.js';

const engines: DuckDbEngine[] = [];

function open(config: Partial<{ path: string; readOnly: boolean }> = {}, baseDir = tmpdir()): DuckDbEngine {
  const engine = new DuckDbEngine('local', { kind: 'duckdb', path: ':memory:', readOnly: false, ...config }, { baseDir });
  engines.push(engine);
  return engine;
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()));
});

describe('DuckDbEngine', () => {
  it('reports itself and its capabilities', async () => {
    const engine = open();
    const info = await engine.ping();
    expect(info.product).toBe('DuckDB');
    expect(info.version).toMatch(/^v\d+\.\d+/);
    expect(engine.capabilities).toEqual({ readOnly: false, scripting: false, multiStatement: true, embedded: true, sessions: true });
  });

  it('converts every type family to lakeshift values without losing digits', async () => {
    const engine = open();
    const result = await engine.query(`
      SELECT 42::INTEGER AS i, 9007199254740993::BIGINT AS big, 123456789012345678901234567.1::DECIMAL(38,1) AS dec,
             12.50::DECIMAL(10,2) AS money, 0.5::DOUBLE AS dbl, 'trailing '::VARCHAR AS txt, NULL::VARCHAR AS nothing,
             DATE '2024-02-29' AS d, TIMESTAMP '2024-01-02 03:04:05.123456' AS ts, TIME '10:11:12.5' AS t,
             TRUE AS flag, '6F9619FF-8B86-D011-B42D-00C04FC964FF'::UUID AS id, 'ab'::BLOB AS bin, [1, 2] AS list`);
    expect(result.columns.map((column) => [column.name, column.family])).toEqual([
      ['i', 'integer'],
      ['big', 'integer'],
      ['dec', 'decimal'],
      ['money', 'decimal'],
      ['dbl', 'float'],
      ['txt', 'string'],
      ['nothing', 'string'],
      ['d', 'date'],
      ['ts', 'timestamp'],
      ['t', 'time'],
      ['flag', 'boolean'],
      ['id', 'uuid'],
      ['bin', 'binary'],
      ['list', 'other'],
    ]);
    const [row] = rowObjects(result);
    expect(row).toEqual({
      i: 42,
      big: 9007199254740993n,
      dec: '123456789012345678901234567.1',
      money: '12.50',
      dbl: 0.5,
      txt: 'trailing ',
      nothing: null,
      d: '2024-02-29',
      ts: '2024-01-02 03:04:05.123456',
      t: '10:11:12.5',
      flag: true,
      id: '6f9619ff-8b86-d011-b42d-00c04fc964ff',
      bin: expect.any(Uint8Array),
      list: '[1, 2]',
    });
    expect([...(row!['bin'] as Uint8Array)]).toEqual([97, 98]);
  });

  it('streams a large result in bounded batches', async () => {
    const engine = open();
    let rows = 0;
    let batches = 0;
    let largest = 0;
    let sum = 0n;
    for await (const batch of engine.stream('SELECT range AS n FROM range(250000)', { batchSize: 10_000 })) {
      batches += 1;
      rows += batch.rows.length;
      largest = Math.max(largest, batch.rows.length);
      for (const row of batch.rows) sum += row[0] as bigint;
      expect(batch.columns).toEqual([{ name: 'n', type: 'BIGINT', family: 'integer' }]);
    }
    expect(rows).toBe(250_000);
    expect(sum).toBe(31_249_875_000n);
    // Batches close to the requested size: the stream never gathers the whole result.
    expect(batches).toBeGreaterThanOrEqual(25);
    expect(largest).toBeLessThan(10_000 + 2048);
  });

  it('stops streaming when the consumer stops reading', async () => {
    const engine = open();
    let seen = 0;
    for await (const batch of engine.stream('SELECT range FROM range(10000000)', { batchSize: 1000 })) {
      seen += batch.rows.length;
      if (seen >= 3000) break;
    }
    expect(seen).toBeLessThan(10_000);
    // The engine is still usable afterwards.
    expect(toNumber((await engine.query('SELECT 1')).rows[0]![0]!)).toBe(1);
  });

  it('yields the columns of an empty result', async () => {
    const engine = open();
    const batches = [];
    for await (const batch of engine.stream('SELECT 1 AS a WHERE false')) batches.push(batch);
    expect(batches).toEqual([{ columns: [{ name: 'a', type: 'INTEGER', family: 'integer' }], rows: [] }]);
  });

  it('turns SQL errors into QUERY_FAILED naming the connection', async () => {
    const engine = open();
    const error = await engine.query('SELECT * FROM no_such_table').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'QUERY_FAILED', connection: 'local', exitCode: 3 });
    expect((error as EngineError).message).toMatch(/^local: .*no_such_table/s);
    expect((error as EngineError).details?.['statement']).toBe('SELECT * FROM no_such_table');
  });

  it('interrupts a query that runs past its timeout', async () => {
    const engine = open();
    const slow = 'SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3';
    await expect(engine.query(slow, { timeoutMs: 200 })).rejects.toMatchObject({ code: 'QUERY_TIMEOUT', connection: 'local' });
    expect(toNumber((await engine.query('SELECT 2')).rows[0]![0]!)).toBe(2);
  });

  it('cancels a query when its signal aborts', async () => {
    const engine = open();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(
      engine.query('SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3', { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'QUERY_FAILED', message: 'local: the query was cancelled' });
  });

  it('keeps data in a file relative to the config folder, shared by engines of the same file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-duckdb-'));
    const writer = open({ path: 'state/local.duckdb' }, dir);
    expect(writer.file).toBe(path.join(dir, 'state', 'local.duckdb'));
    await writer.execute('CREATE SCHEMA gold; CREATE TABLE gold.t AS SELECT 1 AS x');
    const reader = open({ path: 'state/local.duckdb' }, dir);
    expect(rowObjects(await reader.query('SELECT x FROM gold.t'))).toEqual([{ x: 1 }]);
    await writer.close();
    // The other engine still works after the first one closed.
    expect(rowObjects(await reader.query('SELECT count(*) AS n FROM gold.t'))).toEqual([{ n: 1n }]);
    await reader.close();
    const again = open({ path: 'state/local.duckdb' }, dir);
    expect(rowObjects(await again.query('SELECT x FROM gold.t'))).toEqual([{ x: 1 }]);
  });

  it('refuses writes to a file opened read-only', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-duckdb-ro-'));
    const writer = open({ path: 'db.duckdb' }, dir);
    await writer.execute('CREATE TABLE t AS SELECT 1 AS x');
    await writer.close();
    const reader = open({ path: 'db.duckdb', readOnly: true }, dir);
    expect(reader.capabilities.readOnly).toBe(true);
    await expect(reader.execute('INSERT INTO t VALUES (2)')).rejects.toMatchObject({ code: 'QUERY_FAILED' });
    expect(rowObjects(await reader.query('SELECT count(*) AS n FROM t'))).toEqual([{ n: 1n }]);
  });

  it('cannot download extensions', async () => {
    const engine = open();
    const settings = rowObjects(
      await engine.query(
        "SELECT name, value FROM duckdb_settings() WHERE name IN ('autoinstall_known_extensions', 'autoload_known_extensions') ORDER BY name",
      ),
    );
    expect(settings).toEqual([
      { name: 'autoinstall_known_extensions', value: 'false' },
      { name: 'autoload_known_extensions', value: 'false' },
    ]);
  });

  it('refuses to work after close', async () => {
    const engine = open();
    await engine.close();
    await engine.close();
    await expect(engine.query('SELECT 1')).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
  });
});

describe('DuckDbEngine sessions', () => {
  it('keeps temporary tables from one statement to the next, and only in that session', async () => {
    const engine = new DuckDbEngine('local', { kind: 'duckdb', path: ':memory:', readOnly: false }, { baseDir: tmpdir() });
    const session = await engine.openSession();
    try {
      await session.execute('CREATE TEMPORARY TABLE work AS SELECT 41 AS x');
      await session.execute('UPDATE work SET x = x + 1');
      expect(rowObjects(await session.query('SELECT x FROM work'))).toEqual([{ x: 42 }]);
      await expect(engine.query('SELECT x FROM work')).rejects.toMatchObject({ code: 'QUERY_FAILED' });
      await expect(session.query('SELECT nope FROM work')).rejects.toMatchObject({ code: 'QUERY_FAILED', connection: 'local' });
      expect(rowObjects(await session.query('SELECT count(*) AS n FROM work'))).toEqual([{ n: 1n }]);
    } finally {
      await session.close();
      await session.close();
      await engine.close();
    }
  });
});

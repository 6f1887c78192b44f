import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TranslateOptions } from '../../src/translate/context.js';
import type { ScriptNode } from '../../src/translate/script-ir.js';
import { toDuckDb } from './support.js';

/**
 * T-SQL data changes, temporary tables and objects translated to DuckDB and run there, on one
 * connection (temporary tables live as long as their connection), then the rows read back. The
 * expected rows are what SQL Server leaves in the tables for the same statements, worked out
 * from T-SQL's documented semantics in each test.
 */
type Row = Record<string, unknown>;

async function run(tsql: string, setup: string, check: string, options: Partial<TranslateOptions> = {}): Promise<Row[]> {
  const translated = toDuckDb(tsql, options);
  const errors = translated.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`translation has errors: ${errors.map((error) => `${error.code} ${error.message}`).join('; ')}`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    if (setup !== '') await connection.run(setup);
    for (const object of translated.objects) {
      if (object.kind !== 'statements' || object.declarations.length > 0) throw new Error(`plain statements only, not ${object.kind}`);
      for (const node of object.body as ScriptNode[]) {
        if (node.kind === 'comment') continue;
        if (node.kind !== 'sql') throw new Error(`plain statements only, not ${node.kind}`);
        try {
          await connection.run(node.sql);
        } catch (error) {
          throw new Error(`${(error as Error).message}\n-- in --\n${node.sql}`);
        }
      }
    }
    const reader = await connection.runAndReadAll(check);
    return reader.getRowObjects().map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value === null ? null : typeof value === 'object' ? String(value) : value])));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const SCHEMA = `
CREATE SCHEMA dw;
CREATE SCHEMA sales;
CREATE TABLE dw.customer (id INT, segment_id INT, segment VARCHAR, is_current INT, flag INT);
INSERT INTO dw.customer VALUES (1, 10, NULL, 1, 0), (2, 20, NULL, 1, 0), (3, 30, 'old', 1, 0), (4, NULL, 'old', 0, 0);
CREATE TABLE sales.segment (segment_id INT, name VARCHAR, active INT, region_id INT);
INSERT INTO sales.segment VALUES (10, 'retail', 1, 100), (20, 'wholesale', 0, 200), (40, 'unused', 1, 100);
CREATE TABLE sales.region (region_id INT, region VARCHAR, currency VARCHAR);
INSERT INTO sales.region VALUES (100, 'north', 'EUR'), (200, 'south', 'USD');
CREATE TABLE sales.fx (currency VARCHAR, rate DECIMAL(6,2));
INSERT INTO sales.fx VALUES ('EUR', 2.00);
`;

describe('UPDATE ... FROM on DuckDB', () => {
  it('one joined source: the joined value is written to the matching rows only', async () => {
    const rows = await run(
      'UPDATE c SET c.segment = s.name FROM dw.customer c INNER JOIN sales.segment s ON s.segment_id = c.segment_id WHERE s.active = 1;',
      SCHEMA,
      'SELECT id, segment FROM dw.customer ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, segment: 'retail' },
      { id: 2, segment: null },
      { id: 3, segment: 'old' },
      { id: 4, segment: 'old' },
    ]);
  });

  it('a value that reads only the target: WHERE EXISTS, each row once', async () => {
    const rows = await run(
      'UPDATE dw.customer SET flag = flag + 1 FROM dw.customer c JOIN sales.segment s ON s.region_id = 100 AND c.segment_id IS NOT NULL WHERE c.is_current = 1;',
      SCHEMA,
      'SELECT id, flag FROM dw.customer ORDER BY id',
    );
    // Two segments have region 100, yet T-SQL updates each target row once.
    expect(rows).toEqual([
      { id: 1, flag: 1 },
      { id: 2, flag: 1 },
      { id: 3, flag: 1 },
      { id: 4, flag: 0 },
    ]);
  });

  it('several joined sources, one of them LEFT JOINed: a derived table on the USING side', async () => {
    const rows = await run(
      `UPDATE c SET c.segment = r.region + ':' + ISNULL(CAST(fx.rate AS varchar(10)), 'none')
       FROM dw.customer AS c
       JOIN sales.segment s ON s.segment_id = c.segment_id
       JOIN sales.region r ON r.region_id = s.region_id
       LEFT JOIN sales.fx fx ON fx.currency = r.currency
       WHERE c.is_current = 1;`,
      SCHEMA,
      'SELECT id, segment FROM dw.customer ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, segment: 'north:2.00' },
      { id: 2, segment: 'south:none' },
      { id: 3, segment: 'old' },
      { id: 4, segment: 'old' },
    ]);
  });

  it('a LEFT JOIN from the target updates the rows without a match too, with NULLs', async () => {
    const rows = await run(
      'UPDATE t SET t.segment = s.name FROM dw.customer t LEFT JOIN sales.segment s ON s.segment_id = t.segment_id;',
      SCHEMA,
      'SELECT id, segment FROM dw.customer ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, segment: 'retail' },
      { id: 2, segment: 'wholesale' },
      { id: 3, segment: null },
      { id: 4, segment: null },
    ]);
  });

  it('the anti-join (LEFT JOIN ... WHERE other.key IS NULL) updates the rows without a match', async () => {
    const rows = await run(
      'UPDATE t SET t.flag = 9 FROM dw.customer t LEFT JOIN sales.segment s ON s.segment_id = t.segment_id WHERE s.segment_id IS NULL;',
      SCHEMA,
      'SELECT id, flag FROM dw.customer ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, flag: 0 },
      { id: 2, flag: 0 },
      { id: 3, flag: 9 },
      { id: 4, flag: 9 },
    ]);
  });

  it('a LEFT JOIN with a WHERE on both sides: MERGE with WHEN NOT MATCHED BY SOURCE', async () => {
    const rows = await run(
      "UPDATE t SET t.segment = ISNULL(s.name, 'none') FROM dw.customer t LEFT JOIN sales.segment s ON s.segment_id = t.segment_id WHERE t.is_current = 1 AND (s.active = 1 OR s.segment_id IS NULL);",
      SCHEMA,
      'SELECT id, segment FROM dw.customer ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, segment: 'retail' },
      { id: 2, segment: null },
      { id: 3, segment: 'none' },
      { id: 4, segment: 'old' },
    ]);
  });

  it('several LEFT JOINs from the target: each joined column read by a subquery, NULL without a match', async () => {
    const rows = await run(
      `UPDATE t SET t.segment = ISNULL(s.name, 'none'), t.flag = ISNULL(r.region_id, -1)
       FROM dw.customer t
       LEFT JOIN sales.segment s ON s.segment_id = t.segment_id
       LEFT JOIN sales.region r ON r.region_id = t.segment_id * 10
       WHERE t.is_current = 1;`,
      SCHEMA,
      'SELECT id, segment, flag FROM dw.customer ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, segment: 'retail', flag: 100 },
      { id: 2, segment: 'wholesale', flag: 200 },
      { id: 3, segment: 'none', flag: -1 },
      { id: 4, segment: 'old', flag: 0 },
    ]);
  });

  it('the target named in WHERE but not in FROM, through its full name', async () => {
    const rows = await run(
      'UPDATE dw.customer SET segment = s.name FROM sales.segment s WHERE dw.customer.segment_id = s.segment_id AND s.active = 0;',
      SCHEMA,
      'SELECT id, segment FROM dw.customer ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, segment: null },
      { id: 2, segment: 'wholesale' },
      { id: 3, segment: 'old' },
      { id: 4, segment: 'old' },
    ]);
  });
});

describe('DELETE ... FROM on DuckDB', () => {
  it('an inner join deletes the matched rows (DELETE ... WHERE EXISTS)', async () => {
    const rows = await run('DELETE c FROM dw.customer c JOIN sales.segment s ON s.segment_id = c.segment_id WHERE s.region_id = 100;', SCHEMA, 'SELECT id FROM dw.customer ORDER BY id');
    expect(rows).toEqual([{ id: 2 }, { id: 3 }, { id: 4 }]);
  });

  it('a derived table in the join (MERGE ... WHEN MATCHED THEN DELETE)', async () => {
    const rows = await run(
      'DELETE FROM dw.customer FROM dw.customer c JOIN (SELECT segment_id FROM sales.segment WHERE active = 0) s ON s.segment_id = c.segment_id;',
      SCHEMA,
      'SELECT id FROM dw.customer ORDER BY id',
    );
    expect(rows).toEqual([{ id: 1 }, { id: 3 }, { id: 4 }]);
  });

  it('the anti-join delete keeps the rows that have a match', async () => {
    const rows = await run('DELETE t FROM dw.customer t LEFT JOIN sales.segment s ON s.segment_id = t.segment_id WHERE s.segment_id IS NULL;', SCHEMA, 'SELECT id FROM dw.customer ORDER BY id');
    expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('OUTPUT deleted.* INTO an archive moves the rows', async () => {
    const rows = await run(
      "DELETE FROM dw.customer OUTPUT deleted.id, deleted.segment, 'gone' INTO dw.archive (id, segment, note) WHERE is_current = 0 OR segment_id = 30;",
      `${SCHEMA} CREATE TABLE dw.archive (id INT, segment VARCHAR, note VARCHAR);`,
      "SELECT 'archive' AS t, id, note FROM dw.archive UNION ALL SELECT 'customer', id, NULL FROM dw.customer ORDER BY t, id",
    );
    expect(rows).toEqual([
      { t: 'archive', id: 3, note: 'gone' },
      { t: 'archive', id: 4, note: 'gone' },
      { t: 'customer', id: 1, note: null },
      { t: 'customer', id: 2, note: null },
    ]);
  });
});

describe('MERGE on DuckDB', () => {
  const setup = `${SCHEMA}
CREATE TABLE dw.dim (id INT, name VARCHAR, status VARCHAR, version INT DEFAULT 1, is_current INT DEFAULT 1);
INSERT INTO dw.dim VALUES (1, 'a', 'open', 1, 1), (2, 'b', 'open', 1, 1), (3, 'c', 'open', 1, 1), (4, 'd', 'open', 1, 0), (5, 'e', 'open', 1, 1);
CREATE TABLE sales.src (id INT, name VARCHAR, status VARCHAR);
INSERT INTO sales.src VALUES (1, 'a', 'Closed'), (2, 'bb', 'open'), (3, 'c', 'open'), (6, 'f', 'open');
`;

  it('every clause kind: matched delete and update with conditions, insert, not matched by source update and delete', async () => {
    const rows = await run(
      `WITH s AS (SELECT id, name, status FROM sales.src)
       MERGE dw.dim AS t USING s ON t.id = s.id
       WHEN MATCHED AND s.status = 'Closed' THEN DELETE
       WHEN MATCHED AND t.name <> s.name THEN UPDATE SET t.name = s.name, t.version += 1
       WHEN NOT MATCHED BY TARGET THEN INSERT (id, name, status) VALUES (s.id, s.name, s.status)
       WHEN NOT MATCHED BY SOURCE AND t.is_current = 1 THEN UPDATE SET t.is_current = 0
       WHEN NOT MATCHED BY SOURCE THEN DELETE;`,
      setup,
      'SELECT id, name, version, is_current FROM dw.dim ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 2, name: 'bb', version: 2, is_current: 1 },
      { id: 3, name: 'c', version: 1, is_current: 1 },
      { id: 5, name: 'e', version: 1, is_current: 0 },
      { id: 6, name: 'f', version: 1, is_current: 1 },
    ]);
  });

  it('a VALUES source and INSERT DEFAULT VALUES', async () => {
    const rows = await run(
      'MERGE INTO dw.dim AS d USING (VALUES (1), (7)) AS v (id) ON d.id = v.id WHEN NOT MATCHED THEN INSERT DEFAULT VALUES;',
      setup,
      'SELECT count(*) AS n, count(*) FILTER (WHERE id IS NULL AND version = 1) AS defaults FROM dw.dim',
    );
    expect(rows).toEqual([{ n: 6, defaults: 1 }]);
  });
});

describe('temporary tables and table variables on DuckDB', () => {
  it('SELECT INTO #t, then queries and changes on it', async () => {
    const rows = await run(
      `SELECT segment_id, COUNT(*) AS customers INTO #counts FROM dw.customer WHERE segment_id IS NOT NULL GROUP BY segment_id;
       UPDATE #counts SET customers = customers * 10 WHERE segment_id = 10;
       SELECT c.segment_id, c.customers, s.name INTO #named FROM #counts c LEFT JOIN sales.segment s ON s.segment_id = c.segment_id;`,
      SCHEMA,
      'SELECT segment_id, customers, name FROM tt_named ORDER BY segment_id',
    );
    expect(rows).toEqual([
      { segment_id: 10, customers: 10, name: 'retail' },
      { segment_id: 20, customers: 1, name: 'wholesale' },
      { segment_id: 30, customers: 1, name: null },
    ]);
  });

  it('IF OBJECT_ID(...) DROP, CREATE TABLE #t, INSERT, UPDATE ... FROM #t, run twice', async () => {
    const batch = `IF OBJECT_ID('tempdb..#work') IS NOT NULL DROP TABLE #work;
       CREATE TABLE #work (id int NOT NULL PRIMARY KEY, qty int DEFAULT 5);
       INSERT INTO #work (id) SELECT id FROM dw.customer WHERE is_current = 1;
       UPDATE w SET w.qty = w.qty + c.segment_id FROM #work w JOIN dw.customer c ON c.id = w.id WHERE c.segment_id > 15;`;
    const rows = await run(`${batch}\n${batch}`, SCHEMA, 'SELECT id, qty FROM tt_work ORDER BY id');
    expect(rows).toEqual([
      { id: 1, qty: 5 },
      { id: 2, qty: 25 },
      { id: 3, qty: 35 },
    ]);
  });

  it('a table variable with INSERT, UPDATE and DELETE', async () => {
    const rows = await run(
      `DECLARE @ids TABLE (id int, seen bit DEFAULT 0);
       INSERT INTO @ids (id) SELECT id FROM dw.customer;
       UPDATE i SET i.seen = 1 FROM @ids i JOIN sales.segment s ON s.segment_id = i.id * 10;
       DELETE FROM @ids WHERE seen = 0;`,
      SCHEMA,
      'SELECT id, seen FROM tv_ids ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, seen: true },
      { id: 2, seen: true },
      { id: 4, seen: true },
    ]);
  });

  it('translate.tempTables view: SELECT INTO #t becomes a temporary view', async () => {
    const rows = await run('SELECT id INTO #cur FROM dw.customer WHERE is_current = 1;', SCHEMA, "SELECT table_name, table_type FROM information_schema.tables WHERE table_name = 'tt_cur'", { tempTables: 'view' });
    expect(rows).toEqual([{ table_name: 'tt_cur', table_type: 'VIEW' }]);
  });

  it('translate.tempTables schema: temporary tables become tables of the scratch schema', async () => {
    const rows = await run('SELECT id INTO #cur FROM dw.customer WHERE is_current = 1;', `${SCHEMA} CREATE SCHEMA scratch;`, 'SELECT count(*) AS n FROM scratch.tt_cur', { tempTables: 'schema', scratchSchema: 'scratch' });
    expect(rows).toEqual([{ n: 3 }]);
  });
});

describe('date text SQL Server converts where it goes, on DuckDB', () => {
  it('INSERT ... SELECT into date columns and CASE results beside a date read yyyymmdd and m/d/yyyy text', async () => {
    const rows = await run(
      `CREATE TABLE dw.dim_x (code varchar(10), valid_from datetime, valid_to date, is_current bit);
       CREATE TABLE dw.stage_x (code varchar(10), from_text varchar(20), seen datetime);
       INSERT INTO dw.stage_x VALUES ('a', '20240105', NULL), ('b', '3/4/2024', '2024-02-01');
       INSERT INTO dw.dim_x (code, valid_from, valid_to, is_current) SELECT s.code, s.from_text, '12/31/9999', 1 FROM dw.stage_x AS s;
       UPDATE dw.dim_x SET valid_to = (SELECT MAX(CASE WHEN s.seen IS NULL THEN '19000101' ELSE s.seen END) FROM dw.stage_x AS s WHERE s.code = dw.dim_x.code);`,
      'CREATE SCHEMA dw;',
      'SELECT code, CAST(valid_from AS VARCHAR) AS valid_from, CAST(valid_to AS VARCHAR) AS valid_to, is_current FROM dw.dim_x ORDER BY code',
    );
    expect(rows).toEqual([
      { code: 'a', valid_from: '2024-01-05 00:00:00', valid_to: '1900-01-01', is_current: true },
      { code: 'b', valid_from: '2024-03-04 00:00:00', valid_to: '2024-02-01', is_current: true },
    ]);
  });
});

describe('tables, views and functions on DuckDB', () => {
  it('a temporal table: INSERT leaving out the period columns fills them as SQL Server does', async () => {
    const rows = await run(
      `CREATE TABLE dw.city (
         id int NOT NULL PRIMARY KEY, name nvarchar(50) NOT NULL,
         valid_from datetime2(7) GENERATED ALWAYS AS ROW START NOT NULL,
         valid_to datetime2(7) GENERATED ALWAYS AS ROW END NOT NULL,
         PERIOD FOR SYSTEM_TIME (valid_from, valid_to))
       WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dw.city_archive));
       INSERT INTO dw.city (id, name) VALUES (1, N'Lyon');`,
      'CREATE SCHEMA dw;',
      // valid_from is the UTC time of the INSERT (SYSUTCDATETIME()), within a few minutes of now.
      "SELECT id, CAST(valid_to AS VARCHAR) AS valid_to, abs(epoch(valid_from) - epoch(timezone('UTC', now()))) < 300 AS started FROM dw.city",
    );
    expect(rows).toEqual([{ id: 1, valid_to: '9999-12-31 23:59:59.999999', started: true }]);
  });

  it('CREATE TABLE: identity, defaults, computed columns and CHECK constraints', async () => {
    const rows = await run(
      `CREATE TABLE dw.sale (
         sale_id int IDENTITY(100, 10) NOT NULL PRIMARY KEY,
         qty smallint NOT NULL DEFAULT (1),
         price decimal(10, 2) NOT NULL,
         total AS (qty * price),
         code varchar(10) NULL CHECK (code <> ''));
       INSERT INTO dw.sale (price, code) VALUES (2.50, 'a');
       INSERT INTO dw.sale (qty, price) VALUES (3, 1.25);`,
      'CREATE SCHEMA dw;',
      'SELECT sale_id, qty, CAST(total AS VARCHAR) AS total, code FROM dw.sale ORDER BY sale_id',
    );
    expect(rows).toEqual([
      { sale_id: 100, qty: 1, total: '2.50', code: 'a' },
      { sale_id: 110, qty: 3, total: '3.75', code: null },
    ]);
  });

  it('ALTER TABLE ADD a NOT NULL column with a default fills the existing rows', async () => {
    const rows = await run('ALTER TABLE dw.customer ADD region varchar(10) NOT NULL CONSTRAINT df_region DEFAULT (\'n/a\');', SCHEMA, 'SELECT DISTINCT region FROM dw.customer');
    expect(rows).toEqual([{ region: 'n/a' }]);
  });

  it('a view, a folded scalar function and an inline table function', async () => {
    const rows = await run(
      `CREATE VIEW dw.v_current (id, segment_id) AS SELECT id, segment_id FROM dw.customer WHERE is_current = 1;
       GO
       CREATE FUNCTION dw.band (@segment_id int) RETURNS varchar(10) AS
       BEGIN
         DECLARE @band varchar(10) = 'small';
         IF @segment_id >= 30 SET @band = 'large';
         ELSE IF @segment_id >= 20 SET @band = 'medium';
         IF @segment_id IS NULL RETURN 'none';
         RETURN @band;
       END
       GO
       CREATE FUNCTION dw.in_segment (@segment_id int) RETURNS TABLE AS RETURN (SELECT id FROM dw.v_current WHERE segment_id = @segment_id);`,
      SCHEMA,
      'SELECT v.id, dw.band(v.segment_id) AS band, (SELECT count(*) FROM dw.in_segment(v.segment_id)) AS peers FROM dw.v_current v ORDER BY v.id',
    );
    expect(rows).toEqual([
      { id: 1, band: 'small', peers: 1 },
      { id: 2, band: 'medium', peers: 1 },
      { id: 3, band: 'large', peers: 1 },
    ]);
  });
});

describe('BULK INSERT on DuckDB (COPY ... FROM a mapped file)', () => {
  const loaded = 'SELECT id, name, amount FROM dw.feed ORDER BY id';
  const setup = 'CREATE SCHEMA dw; CREATE TABLE dw.feed (id INT, name VARCHAR, amount DECIMAL(9,2));';
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  async function feed(name: string, content: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-bulk-'));
    dirs.push(dir);
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
    return dir;
  }

  it('reads tab-separated fields by default and takes quotes as ordinary characters, as BULK INSERT does without FORMAT', async () => {
    const dir = await feed('feed.txt', 'id\tname\tamount\n1\t"Acme, Inc"\t10.50\n2\tBeta\t\n');
    const rows = await run("BULK INSERT dw.feed FROM 'D:\\feeds\\feed.txt' WITH (FIRSTROW = 2);", setup, loaded, { files: { 'd:\\feeds\\': dir } });
    expect(rows).toEqual([
      { id: 1, name: '"Acme, Inc"', amount: '10.50' },
      { id: 2, name: 'Beta', amount: null },
    ]);
  });

  it("reads RFC 4180 files with FORMAT = 'CSV': comma-separated, quoted fields, doubled quotes inside them", async () => {
    const dir = await feed('in/feed.csv', 'id,name,amount\r\n1,"Acme, ""the"" Inc",10.50\r\n2,Beta,3\r\n');
    const rows = await run("BULK INSERT dw.feed FROM 'in/feed.csv' WITH (DATA_SOURCE = 'Landing', FORMAT = 'CSV', FIRSTROW = 2, TABLOCK);", setup, loaded, { files: { landing: dir } });
    expect(rows).toEqual([
      { id: 1, name: 'Acme, "the" Inc', amount: '10.50' },
      { id: 2, name: 'Beta', amount: '3.00' },
    ]);
  });

  it('takes the terminators it is given, in their escaped and hexadecimal forms', async () => {
    const dir = await feed('feed.psv', '1|Acme|1\n2|Beta|2\n');
    const rows = await run("BULK INSERT dw.feed FROM 'D:\\feeds\\feed.psv' WITH (FIELDTERMINATOR = '|', ROWTERMINATOR = '0x0a');", setup, loaded, { files: { 'D:\\feeds': dir } });
    expect(rows.map((row) => row['name'])).toEqual(['Acme', 'Beta']);
  });
});

describe('UPDATE and DELETE through a common table expression on DuckDB', () => {
  // stage.load: two loads of business key A, three of B (two of them identical), one of C,
  // and two rows without a business key (PARTITION BY puts NULLs in one group, as T-SQL does).
  const setup = `
CREATE SCHEMA stage;
CREATE TABLE stage.load (id INT, bk VARCHAR, loaded DATE, amount INT, is_new INT);
INSERT INTO stage.load VALUES
  (1, 'A', DATE '2024-01-01', 10, 1), (2, 'A', DATE '2024-02-01', 20, 1),
  (3, 'B', DATE '2024-01-01', 30, 1), (4, 'B', DATE '2024-03-01', 30, 1), (5, 'B', DATE '2024-03-01', 30, 1),
  (6, 'C', DATE '2024-01-01', NULL, 1),
  (7, NULL, DATE '2024-01-01', 70, 1), (8, NULL, DATE '2024-02-01', 80, 0);`;
  const keyed: Partial<TranslateOptions> = { primaryKey: (table) => (table === 'stage.load' ? ['id'] : undefined) };
  const typed: Partial<TranslateOptions> = {
    columnTypes: (table) => (table === 'stage.load' ? new Map([['id', 'int'], ['bk', 'varchar(10)'], ['loaded', 'date'], ['amount', 'int'], ['is_new', 'int']]) : undefined),
  };
  const dedupe = `WITH Duplicates AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY bk ORDER BY loaded DESC, id DESC) AS rn FROM stage.load)
DELETE FROM Duplicates WHERE rn > 1;`;

  it('the dedupe idiom with a primary key: the newest row of each business key stays', async () => {
    const rows = await run(dedupe, setup, 'SELECT id FROM stage.load ORDER BY id', keyed);
    expect(rows).toEqual([{ id: 2 }, { id: 5 }, { id: 6 }, { id: 8 }]);
  });

  it('the dedupe idiom without a key: the table keeps one row of identical duplicates', async () => {
    // No id: rows 4 and 5 are the same row twice, and the CTE reads only this year's loads.
    const rows = await run(
      `WITH Duplicates AS (SELECT bk, amount, ROW_NUMBER() OVER (PARTITION BY bk ORDER BY loaded DESC) AS rn FROM stage.load WHERE loaded >= '2024-01-01' AND bk <> 'C')
DELETE FROM Duplicates WHERE rn > 1;`,
      `${setup} ALTER TABLE stage.load DROP COLUMN id; INSERT INTO stage.load VALUES ('C', DATE '2023-06-01', 5, 0);`,
      'SELECT bk, loaded::VARCHAR AS loaded, amount FROM stage.load ORDER BY bk, loaded, amount',
      { columnTypes: (table) => (table === 'stage.load' ? new Map([['bk', 'varchar(10)'], ['loaded', 'date'], ['amount', 'int'], ['is_new', 'int']]) : undefined) },
    );
    // A keeps its newest load, B one of its two identical newest ones, C both (bk <> 'C' leaves
    // them out of the CTE) and the rows without a bk both (NULL <> 'C' is not true).
    expect(rows).toEqual([
      { bk: 'A', loaded: '2024-02-01', amount: 20 },
      { bk: 'B', loaded: '2024-03-01', amount: 30 },
      { bk: 'C', loaded: '2023-06-01', amount: 5 },
      { bk: 'C', loaded: '2024-01-01', amount: null },
      { bk: null, loaded: '2024-01-01', amount: 70 },
      { bk: null, loaded: '2024-02-01', amount: 80 },
    ]);
  });

  it('a flag set through the CTE by key, in the UPDATE alias ... FROM cte alias form; without a key the table is rewritten to the same rows', async () => {
    const tsql = `WITH d AS (SELECT is_new, ROW_NUMBER() OVER (PARTITION BY bk ORDER BY loaded DESC, id DESC) AS rn FROM stage.load STG WHERE STG.bk IS NOT NULL)
UPDATE STG SET is_new = 0 FROM d STG WHERE rn > 1;`;
    const expected = [
      { id: 1, is_new: 0 },
      { id: 2, is_new: 1 },
      { id: 3, is_new: 0 },
      { id: 4, is_new: 0 },
      { id: 5, is_new: 1 },
      { id: 6, is_new: 1 },
      { id: 7, is_new: 1 },
      { id: 8, is_new: 0 },
    ];
    expect(await run(tsql, setup, 'SELECT id, is_new FROM stage.load ORDER BY id', keyed)).toEqual(expected);
    // Without a key every row is written back, is_new computed by CASE: rows 7 and 8 (NULL bk)
    // are not the CTE's, so they are neither numbered with the others nor changed.
    expect(await run(tsql, setup, 'SELECT id, is_new FROM stage.load ORDER BY id', typed)).toEqual(expected);
    expect(await run(tsql, setup, 'SELECT id, is_new FROM stage.load ORDER BY id')).toEqual(expected);
  });

  it('a plain CTE is inlined: its column names, its WHERE and the statement WHERE', async () => {
    const rows = await run(
      `WITH recent AS (SELECT id AS load_id, amount AS value, is_new AS fresh FROM stage.load WHERE loaded > '2024-01-15')
UPDATE recent SET fresh = 2, value = value * 10 WHERE value < 50;
WITH old AS (SELECT * FROM stage.load s WHERE s.loaded < '2024-01-15') DELETE FROM old WHERE old.bk = 'B' OR amount IS NULL;`,
      setup,
      'SELECT id, amount, is_new FROM stage.load ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, amount: 10, is_new: 1 },
      { id: 2, amount: 200, is_new: 2 },
      { id: 4, amount: 300, is_new: 2 },
      { id: 5, amount: 300, is_new: 2 },
      { id: 7, amount: 70, is_new: 1 },
      { id: 8, amount: 80, is_new: 0 },
    ]);
  });

  it('a NULL condition changes nothing: LAG gives NULL on the first row of each key', async () => {
    // Removing a load that repeats the amount of the one before it: the first load of a key has
    // no previous amount, and C's amount is NULL, so neither is removed.
    const tsql = `WITH d AS (SELECT *, LAG(amount) OVER (PARTITION BY bk ORDER BY loaded, id) AS previous FROM stage.load)
DELETE FROM d WHERE amount = previous;`;
    for (const options of [keyed, typed]) {
      const rows = await run(tsql, setup, 'SELECT id FROM stage.load ORDER BY id', options);
      expect(rows).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 6 }, { id: 7 }, { id: 8 }]);
    }
  });

  it('the TOP rows in an order, matched by the identity column of a temporary table', async () => {
    const rows = await run(
      `CREATE TABLE #queue (id int IDENTITY(1, 1), item varchar(10));
INSERT INTO #queue (item) VALUES ('x'), ('y'), ('z'), ('w');
WITH first_two AS (SELECT TOP (2) * FROM #queue ORDER BY item DESC) DELETE FROM first_two;`,
      '',
      'SELECT id, item FROM tt_queue ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, item: 'x' },
      { id: 4, item: 'w' },
    ]);
  });
});

import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { rowObjects, type EngineSession } from '../../src/engines/engine.js';
import { ScriptInterpreter } from '../../src/rehearse/interpreter.js';
import type { TranslateOptions } from '../../src/translate/context.js';
import { toDuckDb } from './support.js';

/**
 * T-SQL that becomes script IR (variables, blocks, statements run before or after another),
 * translated to DuckDB and run by the rehearsal's interpreter on a real DuckDB session, then
 * the tables read back. The expected rows are what SQL Server leaves for the same T-SQL,
 * worked out from its documented semantics in each test.
 */
const TRANSLATE = { names: { 'Legacy.dw': 'memory.gold', 'Legacy.sales': 'memory.sales' }, defaultDatabase: 'Legacy' } as const;

let engine: DuckDbEngine;
let session: EngineSession;

beforeEach(async () => {
  engine = new DuckDbEngine('test', { kind: 'duckdb', path: ':memory:', readOnly: false }, { baseDir: tmpdir() });
  session = await engine.openSession();
  await session.execute('CREATE SCHEMA gold; CREATE SCHEMA sales; CREATE SCHEMA etl;');
});

afterEach(async () => {
  await session.close();
  await engine.close();
});

function interpreter(options: { functions?: Record<string, string>; procedures?: Record<string, string>; translate?: Partial<TranslateOptions> } = {}): ScriptInterpreter {
  const functions = new Map(Object.entries(options.functions ?? {}).map(([name, text]) => [name.toLowerCase(), text]));
  const procedures = new Map(Object.entries(options.procedures ?? {}).map(([name, text]) => [name.toLowerCase(), text]));
  return new ScriptInterpreter({
    session,
    translate: { ...TRANSLATE, ...options.translate },
    procedures: (name) => procedures.get(name.toLowerCase()),
    tableFunctions: { names: [...functions.keys()], lookup: (name) => functions.get(name.toLowerCase()) },
  });
}

/** Translates and runs T-SQL (refusing a translation with errors), then reads `check`. */
async function run(tsql: string, check: string, options: Parameters<typeof interpreter>[0] = {}): Promise<Array<Record<string, unknown>>> {
  const errors = toDuckDb(tsql, { ...TRANSLATE, ...options.translate }).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`translation has errors: ${errors.map((error) => `${error.code} ${error.message}`).join('; ')}`);
  await interpreter(options).runTsql(tsql);
  return rowObjects(await session.query(check)).map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value instanceof Date ? value.toISOString().slice(0, 10) : value])),
  );
}

describe('OUTPUT clauses on DuckDB', () => {
  beforeEach(async () => {
    await session.execute(`
      CREATE TABLE gold.dim_store (store_id INT, store_name VARCHAR, region VARCHAR);
      INSERT INTO gold.dim_store VALUES (1, 'North', 'n'), (2, 'South (old)', 's'), (3, 'Closed', 'x'), (4, 'Same', 'y');
      CREATE TABLE sales.stores (store_id INT, name VARCHAR, region VARCHAR);
      INSERT INTO sales.stores VALUES (1, 'North', 'n'), (2, 'South', 's'), (4, 'Same', 'y'), (5, 'East', 'e'), (6, 'West', 'w');
      CREATE TABLE gold.result (what VARCHAR, n BIGINT);
    `);
  });

  it('MERGE ... OUTPUT $action INTO #t: the actions of the rows the MERGE changes, counted as T-SQL counts them', async () => {
    const rows = await run(
      `CREATE TABLE #merge_actions (merge_action NVARCHAR(10) NOT NULL, old_name NVARCHAR(50), new_name NVARCHAR(50));
       DECLARE @rows INT;
       MERGE dw.dim_store AS tgt
       USING sales.stores AS src ON tgt.store_id = src.store_id
       WHEN MATCHED AND tgt.store_name <> src.name THEN UPDATE SET tgt.store_name = src.name
       WHEN NOT MATCHED BY TARGET THEN INSERT (store_id, store_name, region) VALUES (src.store_id, src.name, src.region)
       WHEN NOT MATCHED BY SOURCE THEN DELETE
       OUTPUT $action, deleted.store_name, inserted.store_name INTO #merge_actions (merge_action, old_name, new_name);
       SELECT @rows = COUNT(*) FROM #merge_actions;
       INSERT INTO dw.result (what, n) SELECT merge_action + ':' + COALESCE(old_name, '-') + '>' + COALESCE(new_name, '-'), 1 FROM #merge_actions;
       INSERT INTO dw.result (what, n) VALUES ('rows', @rows);`,
      'SELECT what, n FROM gold.result ORDER BY what',
    );
    // Store 1 and 4 match without a change (no action), 2 is updated, 3 has no source row
    // (deleted), 5 and 6 have no target row (inserted).
    expect(rows).toEqual([
      { what: 'DELETE:Closed>-', n: 1 },
      { what: 'INSERT:->East', n: 1 },
      { what: 'INSERT:->West', n: 1 },
      { what: 'UPDATE:South (old)>South', n: 1 },
      { what: 'rows', n: 4 },
    ]);
    expect(await session.query('SELECT count(*) AS n FROM gold.dim_store').then((result) => Number(rowObjects(result)[0]!['n']))).toBe(5);
  });

  it('UPDATE ... OUTPUT deleted.* and inserted.* INTO an audit table: old and new values of the changed rows only', async () => {
    const audit = await run(
      `CREATE TABLE #audit (store_id INT, old_name NVARCHAR(50), new_name NVARCHAR(50), region NVARCHAR(5));
       UPDATE dw.dim_store
       SET store_name = store_name + '!', region = 'z'
       OUTPUT deleted.store_id, deleted.store_name, inserted.store_name, inserted.region INTO #audit (store_id, old_name, new_name, region)
       WHERE store_id IN (2, 3);
       INSERT INTO dw.result (what, n) SELECT old_name + '>' + new_name + '@' + region, store_id FROM #audit;`,
      'SELECT what, n FROM gold.result ORDER BY n',
    );
    expect(audit).toEqual([
      { what: 'South (old)>South (old)!@z', n: 2 },
      { what: 'Closed>Closed!@z', n: 3 },
    ]);
  });

  it('INSERT ... OUTPUT inserted.* INTO: the values it inserts', async () => {
    const rows = await run(
      `CREATE TABLE #loaded (name NVARCHAR(20), n INT);
       INSERT INTO dw.result (what, n) OUTPUT inserted.what, inserted.n INTO #loaded (name, n) VALUES (N'a', 1), (N'b', 2);
       INSERT INTO dw.result (what, n) SELECT name + '*', n FROM #loaded;`,
      'SELECT what, n FROM gold.result ORDER BY what',
    );
    expect(rows).toEqual([
      { what: 'a', n: 1 },
      { what: 'a*', n: 1 },
      { what: 'b', n: 2 },
      { what: 'b*', n: 2 },
    ]);
  });
});

describe('identity values on DuckDB', () => {
  it('SCOPE_IDENTITY(), IDENT_CURRENT() and OUTPUT inserted.<identity> read the generated values back', async () => {
    const rows = await run(
      `CREATE TABLE etl.run_log (run_log_id INT IDENTITY(1, 1) NOT NULL, status VARCHAR(10) NOT NULL);
       CREATE TABLE dw.ids (what VARCHAR(20), id INT);
       DECLARE @id INT;
       INSERT INTO etl.run_log (status) VALUES ('STARTED');
       SET @id = CAST(SCOPE_IDENTITY() AS INT);
       INSERT INTO dw.ids (what, id) VALUES ('first', @id);
       INSERT INTO etl.run_log (status) VALUES ('STARTED');
       SET @id = SCOPE_IDENTITY();
       INSERT INTO dw.ids (what, id) VALUES ('second', @id), ('current', IDENT_CURRENT('etl.run_log'));
       CREATE TABLE #new (id INT, status VARCHAR(10));
       INSERT INTO etl.run_log (status) OUTPUT inserted.run_log_id, inserted.status INTO #new (id, status) VALUES ('A'), ('B');
       INSERT INTO dw.ids (what, id) SELECT 'output ' + status, id FROM #new;`,
      'SELECT what, id FROM gold.ids ORDER BY id, what',
    );
    expect(rows).toEqual([
      { what: 'first', id: 1 },
      { what: 'current', id: 2 },
      { what: 'second', id: 2 },
      { what: 'output A', id: 3 },
      { what: 'output B', id: 4 },
    ]);
  });

  it('OUTPUT inserted.<key> of a table numbered by a sequence default (known from the inventory) returns the new keys only', async () => {
    // The table as its translation creates it: the sequence-numbered key became the identity.
    await session.execute(`
      CREATE SEQUENCE gold_buying_groups_seq START WITH 1;
      CREATE TABLE gold.buying_groups (buying_group_id BIGINT DEFAULT nextval('gold_buying_groups_seq') NOT NULL, name VARCHAR);
      INSERT INTO gold.buying_groups (name) VALUES ('existing 1'), ('existing 2');
      CREATE TABLE gold.new_ids (id BIGINT);
    `);
    const rows = await run(
      `INSERT INTO dw.buying_groups (name)
       OUTPUT inserted.buying_group_id INTO dw.new_ids (id)
       SELECT name FROM OPENJSON(N'[{"name":"Tailspin"},{"name":"Wingtip"}]') WITH (name nvarchar(50));`,
      'SELECT n.id, b.name FROM gold.new_ids AS n JOIN gold.buying_groups AS b ON b.buying_group_id = n.id ORDER BY n.id',
      { translate: { sequenceColumn: (table) => (table === 'dw.buying_groups' ? 'buying_group_id' : undefined) } },
    );
    expect(rows).toEqual([
      { id: 3, name: 'Tailspin' },
      { id: 4, name: 'Wingtip' },
    ]);
  });
});

describe('OBJECT_ID(...) IS [NOT] NULL on DuckDB', () => {
  it('tests the translated objects: literal names mapped through translate.names, run-time names as written', async () => {
    await session.execute(`
      CREATE TABLE gold.dim_customer (id INT);
      CREATE VIEW gold.v_customer AS SELECT id FROM gold.dim_customer;
      CREATE MACRO gold.fn_double(x) AS x * 2;
      CREATE TABLE etl.purge_policy (schema_name VARCHAR, table_name VARCHAR);
      INSERT INTO etl.purge_policy VALUES ('gold', 'dim_customer'), ('Gold', 'Missing'), ('gold', 'v_customer');
      CREATE TABLE gold.result (what VARCHAR);
    `);
    const rows = await run(
      `IF OBJECT_ID('dw.dim_customer', 'U') IS NOT NULL INSERT INTO dw.result VALUES ('table');
       IF OBJECT_ID('dw.dim_customer', 'V') IS NOT NULL INSERT INTO dw.result VALUES ('table as a view');
       IF OBJECT_ID(N'[dw].[v_customer]', N'V') IS NOT NULL INSERT INTO dw.result VALUES ('view');
       IF OBJECT_ID('dw.fn_double', 'FN') IS NOT NULL INSERT INTO dw.result VALUES ('function');
       IF OBJECT_ID('dw.nothing') IS NULL INSERT INTO dw.result VALUES ('no nothing');
       INSERT INTO dw.result
       SELECT 'policy ' + pp.table_name FROM etl.purge_policy AS pp
       WHERE OBJECT_ID(QUOTENAME(pp.schema_name) + N'.' + QUOTENAME(pp.table_name), N'U') IS NOT NULL;
       DECLARE @name sysname = N'[GOLD].[v_customer]';
       IF OBJECT_ID(@name) IS NOT NULL INSERT INTO dw.result VALUES ('by variable');`,
      'SELECT what FROM gold.result ORDER BY what',
    );
    expect(rows.map((row) => row['what'])).toEqual(['by variable', 'function', 'no nothing', 'policy dim_customer', 'table', 'view']);
  });
});

describe('EXISTS over sys.objects and its kin by name on DuckDB', () => {
  it('asks the target catalog whether an object of that name (and type, and schema) exists', async () => {
    await session.execute(`
      CREATE TABLE gold.dim_customer (id INT);
      CREATE VIEW gold.v_customer AS SELECT id FROM gold.dim_customer;
      CREATE TABLE gold.result (what VARCHAR);
    `);
    const rows = await run(
      `DECLARE @table sysname = N'DIM_CUSTOMER';
       IF EXISTS (SELECT 1 FROM sys.tables WHERE name = @table) INSERT INTO dw.result VALUES ('table by variable');
       IF EXISTS (SELECT * FROM sys.objects WHERE name = 'v_customer' AND type = 'V') INSERT INTO dw.result VALUES ('view');
       IF NOT EXISTS (SELECT 1 FROM sys.views WHERE name = 'dim_customer') INSERT INTO dw.result VALUES ('table is no view');
       IF EXISTS (SELECT 1 FROM sys.objects o WHERE o.name = 'dim_customer' AND o.schema_id = SCHEMA_ID('dw')) INSERT INTO dw.result VALUES ('in dw');
       IF NOT EXISTS (SELECT 1 FROM sysobjects WHERE name = 'dim_customer' AND xtype = 'U' AND schema_id = SCHEMA_ID('sales')) INSERT INTO dw.result VALUES ('not in sales');`,
      'SELECT what FROM gold.result ORDER BY what',
    );
    expect(rows.map((row) => row['what'])).toEqual(['in dw', 'not in sales', 'table by variable', 'table is no view', 'view']);
  });

  it('leaves any other read of the catalog flagged', () => {
    const result = toDuckDb('IF EXISTS (SELECT 1 FROM sys.tables WHERE name = @t AND is_memory_optimized = 1) PRINT 1;', TRANSLATE);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.code)).toEqual(['TR_SYSTEM_OBJECT']);
  });
});

describe('assignments, computed columns and table functions on DuckDB', () => {
  it('SET and DECLARE convert to the variable type: 1 into a bit is TRUE, yyyymmdd into a date is a date', async () => {
    await session.execute('CREATE TABLE gold.result (what VARCHAR, d DATE)');
    const rows = await run(
      `DECLARE @flag BIT, @d DATE = '20240131';
       SET @flag = 1;
       IF @flag = 1 INSERT INTO dw.result (what, d) VALUES ('flag', DATEADD(DAY, 1, @d));
       SET @d = '20240229';
       INSERT INTO dw.result (what, d) VALUES ('leap', @d);`,
      "SELECT what, strftime(d, '%Y-%m-%d') AS d FROM gold.result ORDER BY what",
    );
    expect(rows).toEqual([
      { what: 'flag', d: '2024-02-01' },
      { what: 'leap', d: '2024-02-29' },
    ]);
  });

  it('a computed DATEDIFF column has a type and counts boundaries', async () => {
    const rows = await run(
      `CREATE TABLE etl.run_log (
         id INT NOT NULL,
         started_at DATETIME2(3) NOT NULL,
         finished_at DATETIME2(3) NULL,
         duration_ms AS DATEDIFF(MILLISECOND, started_at, finished_at),
         days AS DATEDIFF(DAY, started_at, finished_at)
       );
       INSERT INTO etl.run_log (id, started_at, finished_at) VALUES
         (1, '2024-01-01 23:59:59.500', '2024-01-02 00:00:00.750'),
         (2, '2024-01-01 10:00:00', NULL);`,
      'SELECT id, duration_ms, days FROM etl.run_log ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, duration_ms: 1250, days: 1 },
      { id: 2, duration_ms: null, days: null },
    ]);
  });

  it('a multi-statement table-valued function runs in the rehearsal', async () => {
    await session.execute('CREATE TABLE gold.months (month_start DATE, month_end DATE)');
    const fnMonthEnds = `CREATE FUNCTION etl.fn_month_ends (@from DATE, @to DATE)
      RETURNS @months TABLE (month_start DATE NOT NULL PRIMARY KEY, month_end DATE NOT NULL)
      AS
      BEGIN
        DECLARE @month DATE = DATEFROMPARTS(YEAR(@from), MONTH(@from), 1);
        WHILE @month <= @to
        BEGIN
          INSERT INTO @months (month_start, month_end) VALUES (@month, EOMONTH(@month));
          IF @month >= '20240301' RETURN;
          SET @month = DATEADD(MONTH, 1, @month);
        END;
        RETURN;
      END`;
    const rows = await run(
      "INSERT INTO dw.months (month_start, month_end) SELECT month_start, month_end FROM etl.fn_month_ends('2024-01-15', '2024-06-02');",
      "SELECT strftime(month_start, '%Y-%m-%d') AS month_start, strftime(month_end, '%Y-%m-%d') AS month_end FROM gold.months ORDER BY 1",
      { functions: { 'etl.fn_month_ends': fnMonthEnds } },
    );
    // RETURN leaves the function after March: its rows so far are the result.
    expect(rows).toEqual([
      { month_start: '2024-01-01', month_end: '2024-01-31' },
      { month_start: '2024-02-01', month_end: '2024-02-29' },
      { month_start: '2024-03-01', month_end: '2024-03-31' },
    ]);
  });
});

describe('INSERT ... EXEC of dynamic SQL on DuckDB', () => {
  it('inserts the rows of the query the text runs, with sp_executesql parameters bound', async () => {
    await session.execute(`
      CREATE TABLE sales.src (id INT, name VARCHAR);
      INSERT INTO sales.src VALUES (1, 'a'), (4, 'd'), (5, 'e');
      CREATE TABLE gold.result (id INT, name VARCHAR);
    `);
    const rows = await run(
      `DECLARE @sql nvarchar(200) = N'SELECT id, name FROM sales.src WHERE id > @m';
       CREATE TABLE #picked (id int, name nvarchar(10));
       INSERT INTO #picked (id, name) EXEC sp_executesql @sql, N'@m int', @m = 3;
       INSERT #picked EXEC (N'SELECT id * 10, name FROM sales.src WHERE id = 1');
       INSERT INTO dw.result SELECT id, name FROM #picked;`,
      'SELECT id, name FROM gold.result ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 4, name: 'd' },
      { id: 5, name: 'e' },
      { id: 10, name: 'a' },
    ]);
  });
});

describe('the numbers-table idiom on DuckDB', () => {
  it('seeds a date dimension from a TOP over cross-joined catalog views: one row per day, numbered from 1', async () => {
    await session.execute('CREATE TABLE gold.dim_date (d DATE);');
    const rows = await run(
      `DECLARE @start_date date = '2024-02-26', @cutoff_date date = '2024-03-02';
       INSERT INTO dw.dim_date (d)
       SELECT d FROM (
         SELECT d = DATEADD(DAY, rn - 1, @start_date)
         FROM (SELECT TOP (DATEDIFF(DAY, @start_date, @cutoff_date)) rn = ROW_NUMBER() OVER (ORDER BY s1.[object_id])
               FROM sys.all_objects AS s1 CROSS JOIN sys.all_objects AS s2
               ORDER BY s1.[object_id]) AS x
       ) AS y;`,
      'SELECT d FROM gold.dim_date ORDER BY d',
    );
    // DATEDIFF(day, Feb 26, Mar 2) in a leap year: 5 days, Feb 26 to Mar 1.
    expect(rows.map((row) => row['d'])).toEqual(['2024-02-26', '2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('gives no rows for TOP (0), and leaves a query that reads the catalog flagged', () => {
    expect(toDuckDb('SELECT TOP (0) n = ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) FROM master..spt_values;').text).toMatch(/generate_series\(1, greatest\(CAST\(0 AS INT\), 1\)\)\) AS n\) AS spt_values LIMIT 0/);
    const reads = toDuckDb('SELECT TOP (10) ROW_NUMBER() OVER (ORDER BY o.object_id) AS n, o.name FROM sys.objects o;');
    expect(reads.diagnostics.map((diagnostic) => diagnostic.code)).toContain('TR_SYSTEM_OBJECT');
  });
});

describe('table-valued parameters on DuckDB', () => {
  it('passes a table variable by name: the called procedure reads the rows the caller put in it', async () => {
    await session.execute('CREATE TABLE sales.orders (id INT, amount DECIMAL(9,2), batch INT);');
    const procedure = `CREATE PROCEDURE sales.load_orders @batch int, @orders sales.order_list READONLY AS
      INSERT INTO sales.orders (id, amount, batch) SELECT o.id, o.amount, @batch FROM @orders AS o WHERE o.amount > 0;`;
    const rows = await run(
      `DECLARE @picked TABLE (id int, amount money);
       INSERT INTO @picked VALUES (1, 10.5), (2, 0), (3, 7);
       EXEC sales.load_orders @orders = @picked, @batch = 42;`,
      'SELECT id, amount, batch FROM sales.orders ORDER BY id',
      { procedures: { 'memory.sales.load_orders': procedure } },
    );
    expect(rows).toEqual([
      { id: 1, amount: '10.50', batch: 42 },
      { id: 3, amount: '7.00', batch: 42 },
    ]);
  });
});

describe('text SQL Server converts to a date implicitly, on DuckDB', () => {
  it('reads yyyymmdd and m/d/yyyy text stored into dates, compared with them or given to date functions; a round trip through text keeps the day', async () => {
    await session.execute("CREATE TABLE sales.days (d DATE, taken TIMESTAMP); INSERT INTO sales.days VALUES (DATE '2024-01-05', TIMESTAMP '2024-01-05 10:30:00'), (DATE '2024-02-14', TIMESTAMP '2024-02-14 08:00:00'); CREATE TABLE gold.result (what VARCHAR, v VARCHAR);");
    const rows = await run(
      `DECLARE @x varchar(8) = '20240105', @us varchar(10) = '2/14/2024', @day datetime, @next date;
       SELECT @day = CONVERT(varchar(10), taken, 101) FROM sales.days WHERE d = @us;
       SET @next = DATEADD(day, 1, @x);
       INSERT INTO dw.result VALUES ('day', CONVERT(varchar(19), @day, 120)), ('next', CONVERT(varchar(10), @next, 120)), ('year', CAST(YEAR(@x) AS varchar(4)));
       INSERT INTO dw.result SELECT 'matched', CAST(COUNT(*) AS varchar(4)) FROM sales.days WHERE d = @x OR taken >= @us;`,
      'SELECT what, v FROM gold.result ORDER BY what',
      { translate: { columnTypes: (table) => (table === 'sales.days' ? new Map([['d', 'date'], ['taken', 'datetime']]) : undefined) } },
    );
    expect(rows).toEqual([
      { what: 'day', v: '2024-02-14 00:00:00' },
      { what: 'matched', v: '2' },
      { what: 'next', v: '2024-01-06' },
      { what: 'year', v: '2024' },
    ]);
  });
});

describe('text stored into string variables of a declared length, on DuckDB', () => {
  it('cuts it to the length, and pads a char, as SQL Server does without a word', async () => {
    await session.execute("CREATE TABLE gold.result (what VARCHAR, v VARCHAR); CREATE TABLE sales.codes (id INT, code VARCHAR(20)); INSERT INTO sales.codes VALUES (1, 'ABCDEFGH');");
    const rows = await run(
      `DECLARE @ym char(6), @code varchar(3), @c char(5) = 'AB', @d date = '2024-02-03';
       SET @ym = CONVERT(varchar(8), @d, 112);
       SELECT @code = code FROM sales.codes WHERE id = 1;
       INSERT INTO dw.result VALUES ('ym', @ym), ('code', @code), ('c', @c + '|');`,
      'SELECT what, v FROM gold.result ORDER BY what',
      { translate: { columnTypes: (table) => (table === 'sales.codes' ? new Map([['id', 'int'], ['code', 'varchar(20)']]) : undefined) } },
    );
    expect(rows).toEqual([
      { what: 'c', v: 'AB   |' },
      { what: 'code', v: 'ABC' },
      { what: 'ym', v: '202402' },
    ]);
  });
});

describe('parameters the procedure body assigns, on DuckDB', () => {
  it('the body works on a copy of the parameter: defaults filled in, the caller passes on', async () => {
    await session.execute('CREATE TABLE sales.loads (day DATE, tries INT, done INT);');
    const procedure = `CREATE PROCEDURE sales.load_day @day date = NULL, @tries int = 0, @done int OUTPUT AS
      IF @day IS NULL SET @day = '2024-03-01';
      SELECT @tries = @tries + 1;
      SET @done = @tries * 10;
      INSERT INTO sales.loads VALUES (@day, @tries, @done);`;
    const rows = await run(
      `DECLARE @result int;
       EXEC sales.load_day @tries = 4, @done = @result OUTPUT;
       EXEC sales.load_day '2024-02-02', DEFAULT, @result OUTPUT;
       INSERT INTO sales.loads VALUES (NULL, NULL, @result);`,
      'SELECT day, tries, done FROM sales.loads ORDER BY done, tries',
      { procedures: { 'memory.sales.load_day': procedure } },
    );
    expect(rows).toEqual([
      { day: null, tries: null, done: 10 },
      { day: '2024-02-02', tries: 1, done: 10 },
      { day: '2024-03-01', tries: 5, done: 50 },
    ]);
  });
});

describe('DELETE through a common table expression on DuckDB', () => {
  it('@@ROWCOUNT counts the rows removed, matched by the key or with the table rewritten', async () => {
    await session.execute(`
      CREATE TABLE sales.events (event_id INT, code VARCHAR, received DATE);
      INSERT INTO sales.events VALUES (1, 'a', DATE '2024-01-01'), (2, 'a', DATE '2024-01-02'), (3, 'a', DATE '2024-01-03'), (4, 'b', DATE '2024-01-01');
      CREATE TABLE sales.raw (code VARCHAR, received DATE);
      INSERT INTO sales.raw VALUES ('a', DATE '2024-01-01'), ('a', DATE '2024-01-01'), ('b', DATE '2024-01-01'), ('b', DATE '2024-01-02');
      CREATE TABLE gold.result (what VARCHAR, n BIGINT);
    `);
    const rows = await run(
      `DECLARE @removed int;
       WITH d AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY code ORDER BY received DESC) AS rn FROM sales.events)
       DELETE FROM d WHERE rn > 1;
       SET @removed = @@ROWCOUNT;
       INSERT INTO dw.result VALUES ('events', @removed);
       WITH d AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY code ORDER BY received DESC) AS rn FROM sales.raw)
       DELETE FROM d WHERE rn > 1;
       SET @removed = @@ROWCOUNT;
       INSERT INTO dw.result VALUES ('raw', @removed);
       INSERT INTO dw.result SELECT 'events left', COUNT(*) FROM sales.events;
       INSERT INTO dw.result SELECT 'raw left', COUNT(*) FROM sales.raw;`,
      'SELECT what, n FROM gold.result ORDER BY what',
      {
        translate: {
          primaryKey: (table) => (table === 'sales.events' ? ['event_id'] : undefined),
          columnTypes: (table) => (table === 'sales.raw' ? new Map([['code', 'varchar(10)'], ['received', 'date']]) : undefined),
        },
      },
    );
    expect(rows).toEqual([
      { what: 'events', n: 2 },
      { what: 'events left', n: 2 },
      { what: 'raw', n: 2 },
      { what: 'raw left', n: 2 },
    ]);
  });
});

describe('UPDATE through a common table expression on DuckDB', () => {
  beforeEach(async () => {
    // No key, and the translation knows none of the columns: the table is rewritten by name.
    await session.execute(`
      CREATE TABLE sales.action_code (code VARCHAR, is_new INT, is_duplicate INT, pkg INT, note VARCHAR, loaded DATE);
      INSERT INTO sales.action_code VALUES
        ('a', 1, 0, 42, 'a1', DATE '2024-01-01'), ('a', 1, 0, 42, 'a2', DATE '2024-01-02'), ('a', 1, 0, 42, 'a3', DATE '2024-01-03'),
        ('a', 0, 0, 42, 'old', DATE '2023-01-01'),
        ('b', 1, 0, 42, 'b1', DATE '2024-01-01'), ('b', 1, 0, NULL, 'b-null', DATE '2023-06-01'),
        ('c', 1, 0, 7, 'c1', DATE '2024-01-01'), ('c', 1, 0, 7, 'c2', DATE '2024-01-01'),
        (NULL, 1, 0, 42, 'n1', DATE '2024-01-01'), (NULL, 1, 0, 42, 'n2', DATE '2024-01-01');
      CREATE TABLE gold.result (what VARCHAR, n BIGINT);
    `);
  });

  it('marks duplicates among the rows the CTE numbers, leaving the rows outside its WHERE (or where it is NULL) alone', async () => {
    // SQL Server numbers the rows of pkg 42 that are new, by code (NULL codes are one partition)
    // and date: a1-a3 get 1, 2, 3, b1 1, n1/n2 1 and 2 in some order. 'old', 'b-null' (NULL = 42
    // is not true) and the pkg 7 rows are not the CTE's and keep is_duplicate = 0, though 'old'
    // and 'b-null' come first by date.
    const rows = await run(
      `DECLARE @DataPkgKey int = 42, @marked int;
       WITH Duplicates AS (SELECT code, is_duplicate, row_number() OVER (PARTITION BY code ORDER BY loaded) AS RowNum
                           FROM sales.action_code STG WHERE is_new = 1 AND STG.pkg = @DataPkgKey)
       UPDATE STG SET is_duplicate = 1 FROM Duplicates STG WHERE RowNum > 1;
       SET @marked = @@ROWCOUNT;
       INSERT INTO dw.result VALUES ('marked', @marked);`,
      'SELECT code, note, is_duplicate, pkg, loaded FROM sales.action_code ORDER BY note',
    );
    expect(rows.length).toBe(10);
    const duplicates = (code: null) => rows.filter((row) => row.code === code).reduce((sum, row) => sum + Number(row.is_duplicate), 0);
    expect(rows.filter((row) => row.code !== null).map((row) => [row.note, row.is_duplicate])).toEqual([
      ['a1', 0], ['a2', 1], ['a3', 1], ['b-null', 0], ['b1', 0], ['c1', 0], ['c2', 0], ['old', 0],
    ]);
    expect(duplicates(null)).toBe(1);
    // The columns the UPDATE does not name come back as they were.
    expect(rows.find((row) => row.note === 'b-null')).toEqual({ code: 'b', note: 'b-null', is_duplicate: 0, pkg: null, loaded: '2023-06-01' });
    expect(rows.find((row) => row.note === 'old')).toEqual({ code: 'a', note: 'old', is_duplicate: 0, pkg: 42, loaded: '2023-01-01' });
    expect(rowObjects(await session.query('SELECT n FROM gold.result')).map((row) => Number(row.n))).toEqual([3]);
  });

  it('a row whose UPDATE condition is NULL keeps its values; each value is computed from the row as it was', async () => {
    // copies counts the new rows by code: a 3, b 2, c 2, NULL 2. pkg <> 7 is NULL for b-null.
    const rows = await run(
      `WITH d AS (SELECT *, COUNT(*) OVER (PARTITION BY code) AS copies FROM sales.action_code WHERE is_new = 1)
       UPDATE d SET note = note + '+', is_duplicate = copies, pkg = pkg + LEN(note) WHERE copies > 1 AND pkg <> 7;`,
      'SELECT note, is_duplicate, pkg FROM sales.action_code ORDER BY note',
    );
    expect(rows).toEqual([
      { note: 'a1+', is_duplicate: 3, pkg: 44 },
      { note: 'a2+', is_duplicate: 3, pkg: 44 },
      { note: 'a3+', is_duplicate: 3, pkg: 44 },
      { note: 'b-null', is_duplicate: 0, pkg: null },
      { note: 'b1+', is_duplicate: 2, pkg: 44 },
      { note: 'c1', is_duplicate: 0, pkg: 7 },
      { note: 'c2', is_duplicate: 0, pkg: 7 },
      { note: 'n1+', is_duplicate: 2, pkg: 44 },
      { note: 'n2+', is_duplicate: 2, pkg: 44 },
      { note: 'old', is_duplicate: 0, pkg: 42 },
    ]);
  });
});

describe('sequences on DuckDB', () => {
  it('NEXT VALUE FOR numbers a variable, a VALUES row and each row of INSERT ... SELECT from START WITH by INCREMENT BY', async () => {
    await session.execute(`
      CREATE TABLE sales.orders (order_id INT, note VARCHAR);
      CREATE TABLE sales.staging (note VARCHAR, ready INT);
      INSERT INTO sales.staging VALUES ('b', 1), ('a', 1), ('skipped', 0);
    `);
    const rows = await run(
      `CREATE SEQUENCE sales.order_numbers AS int START WITH 10 INCREMENT BY 5;
       DECLARE @first int = NEXT VALUE FOR sales.order_numbers;
       INSERT INTO sales.orders (order_id, note) VALUES (@first, 'first');
       INSERT INTO sales.orders (order_id, note) VALUES (NEXT VALUE FOR sales.order_numbers, 'second');
       INSERT INTO sales.orders (order_id, note) SELECT NEXT VALUE FOR sales.order_numbers, s.note FROM sales.staging AS s WHERE s.ready = 1;`,
      'SELECT order_id, note FROM sales.orders ORDER BY order_id',
    );
    expect(rows.map((row) => row.order_id)).toEqual([10, 15, 20, 25]);
    expect(rows.slice(0, 2).map((row) => row.note)).toEqual(['first', 'second']);
    // T-SQL leaves the order in which the rows of one INSERT take their values open.
    expect(rows.slice(2).map((row) => row.note).sort()).toEqual(['a', 'b']);
  });

  it('a sequence without START WITH starts at the lower limit of its type, as in SQL Server', async () => {
    const rows = await run(
      `CREATE SEQUENCE sales.small_numbers AS smallint;
       CREATE TABLE sales.taken (n INT);
       INSERT INTO sales.taken (n) VALUES (NEXT VALUE FOR sales.small_numbers);
       INSERT INTO sales.taken (n) VALUES (NEXT VALUE FOR sales.small_numbers);`,
      'SELECT n FROM sales.taken ORDER BY n',
    );
    expect(rows).toEqual([{ n: -32768 }, { n: -32767 }]);
  });
});

describe('identity read back from a table the inventory does not describe, on DuckDB', () => {
  it('takes the column the code matches SCOPE_IDENTITY() against as the identity column', async () => {
    await session.execute(`
      CREATE SEQUENCE etl.run_ids START WITH 1;
      CREATE TABLE etl.run_log (run_id INT DEFAULT nextval('etl.run_ids'), status VARCHAR);
      INSERT INTO etl.run_log (status) VALUES ('old'), ('old');
    `);
    const rows = await run(
      `DECLARE @run_id int;
       INSERT INTO etl.run_log (status) VALUES ('started');
       SET @run_id = SCOPE_IDENTITY();
       UPDATE etl.run_log SET status = 'done' WHERE run_id = @run_id;`,
      'SELECT run_id, status FROM etl.run_log ORDER BY run_id',
    );
    expect(rows).toEqual([
      { run_id: 1, status: 'old' },
      { run_id: 2, status: 'old' },
      { run_id: 3, status: 'done' },
    ]);
  });
});

describe('WHILE @@ROWCOUNT > 0 on DuckDB', () => {
  it('tests the rows of the loop body on each pass: the hierarchy walk ends when a level adds nobody', async () => {
    await session.execute(`
      CREATE TABLE sales.staff (id INT, manager INT);
      INSERT INTO sales.staff VALUES (1, NULL), (2, 1), (3, 1), (4, 2), (5, 4);
      CREATE TABLE gold.result (what VARCHAR, n BIGINT);
    `);
    const rows = await run(
      `CREATE TABLE #levels (id int, depth int);
       INSERT INTO #levels SELECT id, 0 FROM sales.staff WHERE manager IS NULL;
       WHILE @@ROWCOUNT > 0
         INSERT INTO #levels
         SELECT s.id, l.depth + 1 FROM sales.staff AS s JOIN #levels AS l ON s.manager = l.id
         WHERE NOT EXISTS (SELECT 1 FROM #levels AS seen WHERE seen.id = s.id);
       INSERT INTO dw.result SELECT 'depth ' + CAST(depth AS varchar(3)), COUNT(*) FROM #levels GROUP BY depth;`,
      'SELECT what, n FROM gold.result ORDER BY what',
    );
    expect(rows).toEqual([
      { what: 'depth 0', n: 1 },
      { what: 'depth 1', n: 2 },
      { what: 'depth 2', n: 1 },
      { what: 'depth 3', n: 1 },
    ]);
  });

  it('flags the condition when the body ends with a statement whose rows cannot be counted', () => {
    const result = toDuckDb('DELETE FROM dw.t WHERE x = 1; WHILE @@ROWCOUNT > 0 BEGIN DELETE FROM dw.t WHERE x = 2; PRINT 1; END', TRANSLATE);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.code)).toEqual(['TR_UNSUPPORTED_EXPRESSION']);
  });
});

describe('@@ROWCOUNT across declarations on DuckDB', () => {
  it('counts the statement before a DECLARE without values, which leaves @@ROWCOUNT as it was', async () => {
    await session.execute(`
      CREATE TABLE sales.items (id INT, price INT);
      INSERT INTO sales.items VALUES (1, 10), (2, 20), (3, 30);
      CREATE TABLE gold.result (what VARCHAR, n BIGINT);
    `);
    const rows = await run(
      `UPDATE sales.items SET price = price + 1 WHERE price > 15;
       DECLARE @updated int;
       DECLARE @t TABLE (id int);
       SET @updated = @@ROWCOUNT;
       INSERT INTO dw.result VALUES ('updated', @updated);`,
      'SELECT what, n FROM gold.result',
    );
    expect(rows).toEqual([{ what: 'updated', n: 2 }]);
  });
});

describe('cursors over SELECT * on DuckDB', () => {
  it('fetches the columns by position, in the order of the ORDER BY', async () => {
    await session.execute(`
      CREATE TABLE sales.pairs (k VARCHAR, v VARCHAR);
      INSERT INTO sales.pairs VALUES ('b', '2'), ('c', '3'), ('a', '1');
      CREATE TABLE gold.result (what VARCHAR, n BIGINT);
    `);
    const rows = await run(
      `DECLARE @k varchar(10), @v varchar(10), @out varchar(100) = '';
       DECLARE pairs CURSOR LOCAL FAST_FORWARD FOR SELECT * FROM sales.pairs ORDER BY k DESC;
       OPEN pairs;
       FETCH NEXT FROM pairs INTO @k, @v;
       WHILE @@FETCH_STATUS = 0
       BEGIN
         SET @out = @out + @k + '=' + @v + ';';
         FETCH NEXT FROM pairs INTO @k, @v;
       END;
       CLOSE pairs;
       DEALLOCATE pairs;
       INSERT INTO dw.result VALUES (@out, LEN(@out));`,
      'SELECT what, n FROM gold.result',
    );
    expect(rows).toEqual([{ what: 'c=3;b=2;a=1;', n: 12 }]);
  });
});

describe('CATCH blocks on DuckDB', () => {
  it('re-raises with RAISERROR(ERROR_MESSAGE(), ERROR_SEVERITY(), ERROR_STATE()), the common rethrow, instead of swallowing the error', async () => {
    await session.execute('CREATE TABLE gold.result (what VARCHAR, n BIGINT);');
    const tsql = `BEGIN TRY
         INSERT INTO dw.result VALUES ('before', 1);
         THROW 50001, 'the load failed', 1;
       END TRY
       BEGIN CATCH
         DECLARE @message nvarchar(4000), @severity int, @state int;
         SELECT @message = ERROR_MESSAGE(), @severity = ERROR_SEVERITY(), @state = ERROR_STATE();
         INSERT INTO dw.result VALUES ('caught', @severity);
         RAISERROR(@message, @severity, @state);
       END CATCH;
       INSERT INTO dw.result VALUES ('after', 1);`;
    await expect(run(tsql, 'SELECT 1')).rejects.toThrow(/the load failed/);
    const rows = rowObjects(await session.query('SELECT what, n FROM gold.result ORDER BY what'));
    expect(rows.map((row) => row.what)).toEqual(['before', 'caught']);
  });
});

describe('bit values used as numbers on DuckDB', () => {
  it('adds, inverts, stores and defaults bits as T-SQL does, where BOOLEAN takes no arithmetic', async () => {
    await session.execute('CREATE TABLE gold.result (what VARCHAR, n BIGINT);');
    const rows = await run(
      `CREATE TABLE #flags (id int, flag bit, n int);
       INSERT INTO #flags (id, flag, n) VALUES (1, 1, 0), (2, 0, 5), (3, NULL, 0);
       INSERT INTO #flags (id, flag) SELECT id + 10, n FROM #flags WHERE id < 3;
       UPDATE #flags SET flag = 1 - flag WHERE id = 1;
       INSERT INTO dw.result SELECT 'sum of flags + 0', SUM(flag + 0) FROM #flags;
       INSERT INTO dw.result SELECT 'isnull', SUM(CAST(ISNULL(flag, 1) AS int)) FROM #flags;
       INSERT INTO dw.result SELECT 'coalesce', SUM(COALESCE(flag, 7)) FROM #flags;`,
      'SELECT what, n FROM gold.result ORDER BY what',
    );
    // After the changes: 1 -> 0, 2 -> 0, 3 -> NULL, 11 (n 0) -> 0, 12 (n 5) -> 1.
    expect(rows).toEqual([
      { what: 'coalesce', n: 8 },
      { what: 'isnull', n: 2 },
      { what: 'sum of flags + 0', n: 1 },
    ]);
  });
});

describe('OPENJSON without WITH on DuckDB', () => {
  it('gives a row per member or element: key, value as text (strings unquoted), type 0-5', async () => {
    await session.execute('CREATE TABLE gold.result (what VARCHAR, n BIGINT);');
    const rows = await run(
      `DECLARE @doc nvarchar(max) = N'{"name":"Ann","age":41,"tags":["a","b"],"manager":null,"active":true}';
       INSERT INTO dw.result SELECT [key] + '=' + ISNULL([value], 'NULL'), [type] FROM OPENJSON(@doc);
       INSERT INTO dw.result SELECT 'tag ' + j.[key] + '=' + j.[value], j.[type] FROM OPENJSON(@doc, '$.tags') AS j;`,
      'SELECT what, n FROM gold.result ORDER BY what',
    );
    expect(rows).toEqual([
      { what: 'active=true', n: 3 },
      { what: 'age=41', n: 2 },
      { what: 'manager=NULL', n: 0 },
      { what: 'name=Ann', n: 1 },
      { what: 'tag 0=a', n: 1 },
      { what: 'tag 1=b', n: 1 },
      { what: 'tags=["a","b"]', n: 4 },
    ]);
  });
});

describe('text cast to a date on DuckDB', () => {
  it('reads yyyymmdd and m/d/yyyy text from variables and columns as SQL Server (us_english) does', async () => {
    await session.execute('CREATE TABLE gold.result (what VARCHAR, d DATE);');
    const rows = await run(
      `DECLARE @key varchar(8) = '20240301', @us varchar(20) = '3/1/2024', @iso varchar(20) = '2024-03-01 10:30';
       INSERT INTO dw.result VALUES ('key', CAST(@key AS date)), ('us', CONVERT(date, @us)), ('iso', CAST(@iso AS datetime));`,
      'SELECT what, d FROM gold.result ORDER BY what',
    );
    expect(rows).toEqual([
      { what: 'iso', d: '2024-03-01' },
      { what: 'key', d: '2024-03-01' },
      { what: 'us', d: '2024-03-01' },
    ]);
    await expect(run("DECLARE @bad varchar(8) = 'x'; INSERT INTO dw.result VALUES ('bad', CAST(@bad AS date));", 'SELECT 1')).rejects.toThrow();
  });
});

describe("'' as a number or a date on DuckDB", () => {
  it('reads \'\' as 0 or 1900-01-01 where SQL Server converts it to the other side\'s type', async () => {
    await session.execute('CREATE TABLE gold.result (what VARCHAR, n BIGINT);');
    const rows = await run(
      `CREATE TABLE #loads (id int, amount int, loaded datetime);
       INSERT INTO #loads VALUES (1, NULL, NULL), (2, 0, '2024-01-02'), (3, 5, '2024-01-03');
       INSERT INTO dw.result SELECT 'blank amounts', COUNT(*) FROM #loads WHERE ISNULL(amount, '') = '';
       INSERT INTO dw.result SELECT 'amount total', SUM(COALESCE(amount, '')) FROM #loads;
       INSERT INTO dw.result SELECT 'undated', COUNT(*) FROM #loads WHERE ISNULL(loaded, '') = '';`,
      'SELECT what, n FROM gold.result ORDER BY what',
    );
    expect(rows).toEqual([
      { what: 'amount total', n: 5 },
      { what: 'blank amounts', n: 2 },
      { what: 'undated', n: 1 },
    ]);
  });
});

describe('DELETE through a numbering CTE of a table whose key and columns are unknown, on DuckDB', () => {
  it('writes the kept rows back by name: duplicates removed within the CTE\'s rows only, @@ROWCOUNT the rows removed', async () => {
    await session.execute(`
      CREATE TABLE sales.feed (code VARCHAR, received DATE, note VARCHAR);
      INSERT INTO sales.feed VALUES ('a', DATE '2024-01-01', 'old'), ('a', DATE '2024-01-02', 'new'), ('b', DATE '2024-01-01', 'only'),
        ('x', DATE '2024-01-01', 'kept 1'), ('x', DATE '2024-01-02', 'kept 2'), (NULL, DATE '2024-01-01', 'null 1'), (NULL, DATE '2024-01-02', 'null 2');
      CREATE TABLE gold.result (what VARCHAR, n BIGINT);
    `);
    const rows = await run(
      `WITH d AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY code ORDER BY received DESC) AS rn FROM sales.feed WHERE code <> 'x')
       DELETE FROM d WHERE rn > 1;
       INSERT INTO dw.result VALUES ('removed', @@ROWCOUNT);
       INSERT INTO dw.result SELECT note, 1 FROM sales.feed;`,
      'SELECT what, n FROM gold.result ORDER BY what',
    );
    // 'x' rows are outside the CTE (kept), NULL codes fail its WHERE (kept); of 'a' the newest stays.
    expect(rows).toEqual([
      { what: 'kept 1', n: 1 },
      { what: 'kept 2', n: 1 },
      { what: 'new', n: 1 },
      { what: 'null 1', n: 1 },
      { what: 'null 2', n: 1 },
      { what: 'only', n: 1 },
      { what: 'removed', n: 1 },
    ]);
  });
});

describe('SELECT @v = @v + x FROM ... on DuckDB', () => {
  it('builds the string and the sum over the rows in order, NULL once a row adds NULL, unchanged over no rows', async () => {
    await session.execute(`
      CREATE TABLE sales.names (name VARCHAR, amount INT, grp INT);
      INSERT INTO sales.names VALUES ('b', 2, 1), ('a', 1, 1), ('c', NULL, 2), (NULL, 5, 2);
      CREATE TABLE gold.result (what VARCHAR, n BIGINT);
    `);
    const rows = await run(
      `DECLARE @list varchar(100) = '', @total int = 0, @nulls varchar(100) = '', @none varchar(100) = 'kept', @sum2 int = 0;
       SELECT @list = @list + name + ',' FROM sales.names WHERE grp = 1 ORDER BY name;
       SELECT @total = @total + amount FROM sales.names WHERE grp = 1;
       SELECT @nulls = @nulls + name + ',' FROM sales.names WHERE grp = 2 ORDER BY amount;
       SELECT @sum2 = @sum2 + amount FROM sales.names WHERE grp = 2;
       SELECT @none = @none + name FROM sales.names WHERE grp = 9;
       INSERT INTO dw.result VALUES ('list ' + @list, @total), ('nulls ' + ISNULL(@nulls, 'NULL'), ISNULL(@sum2, -1)), ('none ' + @none, 0);`,
      'SELECT what, n FROM gold.result ORDER BY what',
    );
    expect(rows).toEqual([
      { what: 'list a,b,', n: 3 },
      { what: 'none kept', n: 0 },
      { what: 'nulls NULL', n: -1 },
    ]);
  });
});

describe('batches on DuckDB', () => {
  it('gives each GO batch its own variables, and a table variable with an identity column a numbering from its seed in each batch', async () => {
    await session.execute('CREATE TABLE gold.result (what VARCHAR, n BIGINT);');
    const rows = await run(
      `DECLARE @x int = 41;
       INSERT INTO dw.result VALUES ('int', @x + 1);
       GO
       DECLARE @x varchar(10) = '7';
       INSERT INTO dw.result VALUES ('text', LEN(@x + '00'));
       DECLARE @t TABLE (id int IDENTITY(10, 5), v varchar(5));
       INSERT INTO @t (v) VALUES ('a'), ('b');
       INSERT INTO dw.result SELECT 'table ' + v, id FROM @t;
       GO
       DECLARE @t TABLE (id int IDENTITY(10, 5), v varchar(5));
       INSERT INTO @t (v) VALUES ('c');
       INSERT INTO dw.result SELECT 'table ' + v, id FROM @t;`,
      'SELECT what, n FROM gold.result ORDER BY what',
    );
    expect(rows).toEqual([
      { what: 'int', n: 42 },
      { what: 'table a', n: 10 },
      { what: 'table b', n: 15 },
      { what: 'table c', n: 10 },
      { what: 'text', n: 3 },
    ]);
  });
});

describe('integer functions divided on DuckDB', () => {
  it('@@ROWCOUNT / 2 and POWER(int, 2) / 2 are integer divisions, as in SQL Server', async () => {
    await session.execute(`
      CREATE TABLE gold.t (x INT);
      INSERT INTO gold.t VALUES (1), (2), (3);
      CREATE TABLE gold.result (what VARCHAR, n DECIMAL(10,2));
    `);
    // @@ROWCOUNT is an int (3 / 2 = 1); POWER returns the type of its first argument (49 / 2 = 24).
    const rows = await run(
      `DECLARE @i int = 7;
       DELETE FROM dw.t WHERE x > 0;
       INSERT INTO dw.result VALUES ('rowcount', @@ROWCOUNT / 2);
       INSERT INTO dw.result VALUES ('power', POWER(@i, 2) / 2);`,
      'SELECT what, CAST(n AS VARCHAR) AS n FROM gold.result ORDER BY what',
    );
    expect(rows).toEqual([
      { what: 'power', n: '24.00' },
      { what: 'rowcount', n: '1.00' },
    ]);
  });
});

describe('a decimal or float stored into an integer on DuckDB', () => {
  it('is truncated, as SQL Server and Databricks do (2.7 is 2, -2.7 is -2)', async () => {
    await session.execute('CREATE TABLE gold.result (what VARCHAR, n INT);');
    // SQL Server: "CAST(10.6496 AS int) is 10" (CAST and CONVERT, truncating and rounding
    // results); assignment converts the same way. Money alone is rounded.
    const rows = await run(
      `DECLARE @i int, @d decimal(10,4) = 2.7, @f float = -2.7, @m money = 2.5;
       SET @i = @d;
       INSERT INTO dw.result VALUES ('decimal variable', @i);
       SET @i = @f;
       INSERT INTO dw.result VALUES ('float variable', @i);
       DECLARE @j int = 3.99;
       INSERT INTO dw.result VALUES ('declared', @j);
       INSERT INTO dw.result VALUES ('column', @d + 0.1);
       SET @i = @m;
       INSERT INTO dw.result VALUES ('money', @i);`,
      'SELECT what, n FROM gold.result ORDER BY what',
      { translate: { columnTypes: (table) => (table === 'dw.result' ? new Map([['what', 'varchar(20)'], ['n', 'int']]) : undefined) } },
    );
    expect(rows).toEqual([
      { what: 'column', n: 2 },
      { what: 'decimal variable', n: 2 },
      { what: 'declared', n: 3 },
      { what: 'float variable', n: -2 },
      { what: 'money', n: 3 },
    ]);
  });
});

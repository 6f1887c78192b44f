import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type LoadedConfig } from '../../src/config/load.js';
import type { Value } from '../../src/engines/engine.js';
import { EnginePool } from '../../src/engines/registry.js';
import { runRehearse } from '../../src/rehearse/rehearse.js';
import { runSync } from '../../src/snapshot/sync.js';
import { gitWorkspace } from '../support/git-workspace.js';

/**
 * A small legacy database, synced into a snapshot, whose procedures run through `rehearse` on
 * DuckDB. The base table is loaded first (as the demo loads the legacy copies); the derived
 * ones (dw, mapped to gold) are created by the rehearsal from their table scripts.
 */
const SCRIPTS: Record<string, string> = {
  'dbo/Tables/dbo.orders.sql': `CREATE TABLE dbo.orders (
    order_id INT NOT NULL PRIMARY KEY,
    store_id INT NOT NULL,
    amount DECIMAL(12, 2) NOT NULL,
    order_date DATE NOT NULL
)`,
  'dw/Tables/dw.month_totals.sql': `CREATE TABLE dw.month_totals (month_start DATE NOT NULL, orders INT NOT NULL, amount DECIMAL(14, 2) NULL)`,
  'dbo/Functions/dbo.fn_months.sql': `CREATE FUNCTION dbo.fn_months (@from DATE, @to DATE)
RETURNS @months TABLE (month_start DATE NOT NULL PRIMARY KEY, month_end DATE NOT NULL)
AS
BEGIN
    DECLARE @month DATE = DATEFROMPARTS(YEAR(@from), MONTH(@from), 1);
    WHILE @month <= @to
    BEGIN
        INSERT INTO @months (month_start, month_end) VALUES (@month, EOMONTH(@month));
        SET @month = DATEADD(MONTH, 1, @month);
    END;
    RETURN;
END
GO
`,
  'dbo/Stored Procedures/dbo.usp_month_totals.sql': `CREATE PROCEDURE dbo.usp_month_totals @from DATE, @to DATE, @strict BIT = 0
AS
BEGIN
    SET NOCOUNT ON;
    -- The caller's table variable has the same name as the function's: they must stay apart.
    DECLARE @months TABLE (month_start DATE NOT NULL, month_end DATE NOT NULL);
    INSERT INTO @months (month_start, month_end)
    SELECT month_start, month_end FROM dbo.fn_months(@from, @to);

    BEGIN TRY
        BEGIN TRANSACTION;
        DELETE FROM dw.month_totals;
        INSERT INTO dw.month_totals (month_start, orders, amount)
        SELECT m.month_start, COUNT(o.order_id), SUM(o.amount)
        FROM @months AS m
        LEFT JOIN dbo.orders AS o ON o.order_date BETWEEN m.month_start AND m.month_end
        GROUP BY m.month_start;
        IF @strict = 1 AND EXISTS (SELECT 1 FROM dw.month_totals WHERE orders = 0)
            THROW 50010, 'a month without orders', 1;
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH
END
GO
`,
  'dbo/Stored Procedures/dbo.usp_edition.sql': `CREATE PROCEDURE dbo.usp_edition @ask BIT
AS
BEGIN
    SET NOCOUNT ON;
    BEGIN TRY
        IF @ask = 1
            INSERT INTO dw.run_log (step, message) SELECT N'edition', CAST(SERVERPROPERTY('Edition') AS NVARCHAR(100));
        INSERT INTO dw.run_log (step, message) VALUES (N'edition asked', CASE WHEN @ask = 1 THEN N'yes' ELSE N'no' END);
    END TRY
    BEGIN CATCH
        INSERT INTO dw.run_log (step, message) VALUES (N'edition failed', ERROR_MESSAGE());
    END CATCH
END
GO
`,
  'dw/Tables/dw.numbers.sql': `CREATE TABLE dw.numbers (n INT NOT NULL, parity VARCHAR(4) NOT NULL)`,
  'dw/Tables/dw.store_totals.sql': `CREATE TABLE dw.store_totals (store_id INT NOT NULL, total DECIMAL(14, 2) NOT NULL, band VARCHAR(10) NOT NULL)`,
  'dw/Tables/dw.run_log.sql': `CREATE TABLE dw.run_log (step NVARCHAR(50) NOT NULL, message NVARCHAR(400) NULL)`,
  'dbo/Stored Procedures/dbo.usp_numbers.sql': `CREATE PROCEDURE dbo.usp_numbers @upto INT, @total INT OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @i INT = 1;
    SET @total = 0;
    DELETE FROM dw.numbers;
    WHILE @i <= @upto
    BEGIN
        IF @i % 2 = 0
            INSERT INTO dw.numbers (n, parity) VALUES (@i, 'even');
        ELSE
            INSERT INTO dw.numbers (n, parity) VALUES (@i, 'odd');
        SET @total = @total + @i;
        SET @i = @i + 1;
    END
END
GO
`,
  'dbo/Stored Procedures/dbo.usp_store_totals.sql': `CREATE PROCEDURE dbo.usp_store_totals @big_store DECIMAL(14, 2) = 100
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @stores INT;
    TRUNCATE TABLE dw.store_totals;
    INSERT INTO dw.store_totals (store_id, total, band)
    SELECT store_id, SUM(amount),
           CASE WHEN SUM(amount) >= @big_store THEN 'big' ELSE 'small' END
    FROM dbo.orders
    GROUP BY store_id;
    SELECT @stores = COUNT(*) FROM dw.store_totals;
    IF @stores = 0
        THROW 50001, 'no orders to total', 1;
END
GO
`,
  'dbo/Stored Procedures/dbo.usp_nightly.sql': `CREATE PROCEDURE dbo.usp_nightly
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @total INT;
    DELETE FROM dw.run_log;
    EXEC dbo.usp_numbers @upto = 5, @total = @total OUTPUT;
    INSERT INTO dw.run_log (step, message) VALUES (N'numbers', CONCAT(N'total ', @total));
    BEGIN TRY
        -- n is NOT NULL: the engine refuses the row and the CATCH block logs why.
        INSERT INTO dw.numbers (n, parity) VALUES (NULL, 'none');
        INSERT INTO dw.run_log (step, message) VALUES (N'unreachable', NULL);
    END TRY
    BEGIN CATCH
        INSERT INTO dw.run_log (step, message) VALUES (N'caught', ERROR_MESSAGE());
    END CATCH
    BEGIN TRY
        EXEC dbo.usp_store_totals @big_store = 50;
        INSERT INTO dw.run_log (step, message) VALUES (N'totals', NULL);
    END TRY
    BEGIN CATCH
        INSERT INTO dw.run_log (step, message) VALUES (N'totals failed', ERROR_MESSAGE());
    END CATCH
    DECLARE @sql NVARCHAR(200) = N'INSERT INTO dw.run_log (step, message) VALUES (N''dynamic'', N''' + CAST(@total AS NVARCHAR(10)) + N''')';
    EXEC sp_executesql @sql;
END
GO
`,
};

const CONFIG = `version: 1
project: rehearse-test
connections:
  local:
    kind: duckdb
    path: .lakeshift/t.duckdb
legacy:
  catalogs:
    - name: db
      scripts: db
      database: Legacy
snapshot:
  dir: legacy
translate:
  names:
    Legacy.dbo: t.main
    Legacy.dw: t.gold
rehearse:
  steps:
    - EXEC dbo.usp_nightly
`;

const ORDERS = "INSERT INTO t.main.orders VALUES (1, 10, 30.00, DATE '2025-01-20'), (2, 10, 25.50, DATE '2025-01-31'), (3, 20, 12.25, DATE '2025-03-01'), (4, 30, 0.75, DATE '2025-02-10')";

async function workspace(): Promise<LoadedConfig> {
  const dir = await gitWorkspace('rehearse', { ...Object.fromEntries(Object.entries(SCRIPTS).map(([file, text]) => [path.join('db', file), text])), 'lakeshift.yaml': CONFIG });
  const loaded = await loadConfig({ cwd: dir, env: {} });
  await runSync({ loaded });
  return loaded;
}

describe('lakeshift rehearse on DuckDB', () => {
  let loaded: LoadedConfig;
  let engines: EnginePool;
  const rows = async (sql: string): Promise<Value[][]> => (await engines.get('local').query(sql)).rows as Value[][];

  beforeAll(async () => {
    loaded = await workspace();
    engines = new EnginePool(loaded.config.connections, { baseDir: loaded.dir });
    const local = engines.get('local');
    await local.execute('CREATE TABLE t.main.orders (order_id INT NOT NULL PRIMARY KEY, store_id INT NOT NULL, amount DECIMAL(12, 2) NOT NULL, order_date DATE NOT NULL)');
    await local.execute(ORDERS);
  });

  afterAll(async () => {
    await engines?.closeAll();
  });

  it('runs WHILE, IF, OUTPUT parameters, TRY/CATCH and dynamic SQL, and builds the derived tables in gold', async () => {
    const called: string[] = [];
    const result = await runRehearse({ loaded, engines, reporter: { info: (line) => called.push(line), warn: () => {}, debug: () => {}, progress: () => {} } as never });
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ step: 'EXEC dbo.usp_nightly', status: 'ok', procedures: ['t.main.usp_nightly', 't.main.usp_numbers', 't.main.usp_store_totals'] });
    expect(result.status).toBe('ok');
    // The base table existed; the three derived ones were created from their scripts.
    expect([...result.tablesCreated].sort()).toEqual(['t.gold.month_totals', 't.gold.numbers', 't.gold.run_log', 't.gold.store_totals']);

    expect(await rows('SELECT n, parity FROM t.gold.numbers ORDER BY n')).toEqual([
      [1, 'odd'],
      [2, 'even'],
      [3, 'odd'],
      [4, 'even'],
      [5, 'odd'],
    ]);
    expect(await rows("SELECT store_id, CAST(total AS VARCHAR), band FROM t.gold.store_totals ORDER BY store_id")).toEqual([
      [10, '55.50', 'big'],
      [20, '12.25', 'small'],
      [30, '0.75', 'small'],
    ]);
    const log = await rows('SELECT step, message FROM t.gold.run_log ORDER BY rowid');
    expect(log.map((row) => row[0])).toEqual(['numbers', 'caught', 'totals', 'dynamic']);
    expect(log[0]![1]).toBe('total 15');
    // The CATCH block read the engine's own message for the refused NULL.
    expect(String(log[1]![1])).toMatch(/NOT NULL/i);
    expect(log[3]![1]).toBe('15');
  });

  it('runs again from scratch with the same result (the procedures clear what they rebuild)', async () => {
    const result = await runRehearse({ loaded, engines });
    expect(result.status).toBe('ok');
    expect(result.tablesCreated).toEqual([]);
    expect(await rows('SELECT count(*) FROM t.gold.numbers')).toEqual([[5n]]);
    expect(await rows('SELECT count(*) FROM t.gold.run_log')).toEqual([[4n]]);
  });

  it('sends THROW from a called procedure to the caller’s CATCH block with its message', async () => {
    await engines.get('local').execute('DELETE FROM t.main.orders WHERE order_id > 0');
    try {
      const result = await runRehearse({ loaded, engines });
      expect(result.status).toBe('ok');
      expect(await rows("SELECT message FROM t.gold.run_log WHERE step = 'totals failed'")).toEqual([['no orders to total']]);
      expect(await rows("SELECT count(*) FROM t.gold.run_log WHERE step = 'totals'")).toEqual([[0n]]);
    } finally {
      await engines.get('local').execute(ORDERS);
    }
  });

  it('reports an uncaught failure as a failed step with the message, and runs no later step', async () => {
    const result = await runRehearse({ loaded, engines, steps: ['EXEC dbo.usp_numbers @upto = 3, @total = NULL', "THROW 50002, 'stop here', 1", 'EXEC dbo.usp_numbers @upto = 9, @total = NULL'] });
    expect(result.status).toBe('failed');
    expect(result.steps.map((step) => step.status)).toEqual(['ok', 'failed']);
    expect(result.steps[1]!.error?.message).toBe('stop here');
    expect(await rows('SELECT count(*) FROM t.gold.numbers')).toEqual([[3n]]);
  });

  it('names a procedure the snapshot does not have', async () => {
    const result = await runRehearse({ loaded, engines, steps: ['EXEC dbo.usp_missing'] });
    expect(result.steps[0]!.status).toBe('failed');
    expect(result.steps[0]!.error?.message).toMatch(/usp_missing .*not in the snapshot/);
  });

  it('runs a multi-statement table-valued function where a statement calls it, apart from a caller table of the same name', async () => {
    const result = await runRehearse({ loaded, engines, steps: ["EXEC dbo.usp_month_totals @from = '2025-01-15', @to = '2025-03-02'"] });
    expect(result.steps[0]).toMatchObject({ status: 'ok', procedures: ['t.main.usp_month_totals'] });
    expect(await rows('SELECT CAST(month_start AS VARCHAR), orders, CAST(amount AS VARCHAR) FROM t.gold.month_totals ORDER BY 1')).toEqual([
      ['2025-01-01', 2, '55.50'],
      ['2025-02-01', 1, '0.75'],
      ['2025-03-01', 1, '12.25'],
    ]);
    // Nothing of the call is left behind: the procedure's table variable and the function's table are gone.
    expect(await rows('SELECT count(*) FROM duckdb_tables() WHERE temporary')).toEqual([[0n]]);
  });

  it('rolls back what a failed transaction wrote before the CATCH re-raises', async () => {
    const result = await runRehearse({ loaded, engines, steps: ["EXEC dbo.usp_month_totals @from = '2025-01-01', @to = '2025-05-31', @strict = 1"] });
    expect(result.steps[0]).toMatchObject({ status: 'failed', error: { message: 'a month without orders' } });
    // The rows of the previous run are still there: the DELETE and INSERT were rolled back.
    expect(await rows('SELECT count(*) FROM t.gold.month_totals')).toEqual([[3n]]);
  });

  it('runs a procedure with an untranslated part until the run reaches it, and no CATCH block swallows it', async () => {
    const skipped = await runRehearse({ loaded, engines, steps: ['EXEC dbo.usp_edition @ask = 0'] });
    expect(skipped.status).toBe('ok');
    expect(await rows("SELECT message FROM t.gold.run_log WHERE step = 'edition asked'")).toEqual([['no']]);

    const reached = await runRehearse({ loaded, engines, steps: ['EXEC dbo.usp_edition @ask = 1'] });
    expect(reached.status).toBe('failed');
    expect(reached.steps[0]!.error?.message).toMatch(/^t\.main\.usp_edition reached a part lakeshift did not translate \(TR_UNSUPPORTED_FUNCTION at 7:\d+: SERVERPROPERTY/);
    expect(await rows("SELECT count(*) FROM t.gold.run_log WHERE step = 'edition failed'")).toEqual([[0n]]);
  });
});

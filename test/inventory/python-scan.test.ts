import { describe, expect, it } from 'vitest';
import { looksLikeSql, scanPython } from '../../src/inventory/python-scan.js';

describe('scanPython', () => {
  it('finds SQL passed to execute and read_sql, static or built at run time', () => {
    const scan = scanPython(
      [
        'import pandas as pd',
        'cur.execute("""',
        '    SELECT store_id, SUM(net) FROM dw.daily_sales_summary GROUP BY store_id',
        '""")',
        "df = pd.read_sql(f\"SELECT * FROM dw.{table} WHERE d >= ?\", conn)",
        "cur.execute('DELETE FROM stage.x WHERE id = ' + str(id))",
        "pd.read_sql('SELECT a FROM t WHERE b = %s' % value, conn)",
        "conn.execute('SELECT {} FROM t'.format(column))",
      ].join('\n'),
    );
    expect(scan.sql.map((sql) => ({ line: sql.line, call: sql.call, dynamic: sql.dynamic }))).toEqual([
      { line: 2, call: 'cur.execute', dynamic: false },
      { line: 5, call: 'pd.read_sql', dynamic: true },
      { line: 6, call: 'cur.execute', dynamic: true },
      { line: 7, call: 'pd.read_sql', dynamic: true },
      { line: 8, call: 'conn.execute', dynamic: true },
    ]);
    expect(scan.sql[0]!.text.trim()).toBe('SELECT store_id, SUM(net) FROM dw.daily_sales_summary GROUP BY store_id');
    expect(scan.sql[1]!.text).toBe('SELECT * FROM dw.{table} WHERE d >= ?');
    expect(scan.sql[2]!.text).toBe('DELETE FROM stage.x WHERE id = {…}');
  });

  it('finds SQL held in variables, in parentheses and joined literals, but not docstrings or prose', () => {
    const scan = scanPython(
      [
        '"""Select rows from the warehouse and write a report."""',
        'QUERY = """SELECT a, b FROM sales.orders WHERE a > 1"""',
        'sql = (',
        '    "SELECT x "',
        '    "FROM reporting.v "',
        "    \"WHERE region = '\" + region + \"'\"",
        ')',
        'label = "select the best store"',
        'def f():',
        '    """SELECT is mentioned in a docstring FROM here."""',
      ].join('\n'),
    );
    expect(scan.sql.map((sql) => [sql.line, sql.text, sql.dynamic])).toEqual([
      [2, 'SELECT a, b FROM sales.orders WHERE a > 1', false],
      [4, "SELECT x FROM reporting.v WHERE region = '{…}'", true],
    ]);
  });

  it('tells what a pandas script reads and writes', () => {
    const scan = scanPython(
      [
        'import pandas as pd',
        "df = pd.read_csv('input/targets.csv')",
        "t = pd.read_sql_table('store_targets', engine, schema='finance')",
        "df.to_sql('customer_scores', engine, schema='analytics', if_exists='replace')",
        "df.to_sql(name='flat_table', con=engine)",
        "df.to_parquet(OUT / f'{day}.parquet')",
        'df.to_excel(path_variable)',
      ].join('\n'),
    );
    expect(scan.usesPandas).toBe(true);
    expect(scan.readsFiles).toEqual(['input/targets.csv']);
    expect(scan.readsTables).toEqual(['finance.store_targets']);
    expect(scan.writesTables).toEqual(['analytics.customer_scores', 'flat_table']);
    expect(scan.writesFiles).toEqual(['{OUT}/{day}.parquet']);
  });

  it('ignores strings in comments and survives unterminated strings', () => {
    const scan = scanPython("# cur.execute('SELECT * FROM t')\nx = 'SELECT a FROM b\ny = 1\n");
    expect(scan.sql).toEqual([{ text: 'SELECT a FROM b', line: 2, dynamic: false }]);
  });
});

describe('looksLikeSql', () => {
  it.each([
    ['SELECT a FROM t', true],
    ['  -- header\n  WITH x AS (SELECT 1 AS a) SELECT a FROM x', true],
    ['EXEC etl.usp_run_nightly', false],
    ['EXEC dbo.p @a = 1', false],
    ['INSERT INTO t VALUES (1)', true],
    ['select the rows from the table', false],
    ['Update your settings', false],
    ['hello world', false],
  ])('%j -> %s', (text, expected) => {
    expect(looksLikeSql(text)).toBe(expected);
  });
});

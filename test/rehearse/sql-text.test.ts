import { describe, expect, it } from 'vitest';
import { findCalls, replaceIdentifier } from '../../src/rehearse/sql-text.js';

describe('findCalls', () => {
  it('finds calls of the named functions with their arguments, whatever the case or quoting', () => {
    const sql = `SELECT m.month_start FROM Shop.ETL.fn_months(DATE '2025-01-01', coalesce(x, (1 + 2)), 'a,b') AS m
JOIN "shop"."etl"."fn_months" ( 1 ) AS n ON true`;
    const calls = findCalls(sql, ['shop.etl.fn_months']);
    expect(calls.map((call) => call.args)).toEqual([["DATE '2025-01-01'", 'coalesce(x, (1 + 2))', "'a,b'"], ['1']]);
    expect(sql.slice(calls[0]!.start, calls[0]!.end)).toBe("Shop.ETL.fn_months(DATE '2025-01-01', coalesce(x, (1 + 2)), 'a,b')");
    expect(calls[1]!.name).toBe('shop.etl.fn_months');
  });

  it('ignores names in strings and comments, other functions, longer names and a name without a call', () => {
    const sql = `SELECT 'shop.etl.fn_months(1)' /* shop.etl.fn_months(2) */, x.shop.etl.fn_months(3), shop.etl.fn_months_v2(4), shop.etl.fn_months -- shop.etl.fn_months(5)
FROM t`;
    expect(findCalls(sql, ['shop.etl.fn_months'])).toEqual([]);
    expect(findCalls('SELECT * FROM fn()', ['fn'])).toEqual([{ name: 'fn', start: 14, end: 18, args: [] }]);
  });
});

describe('replaceIdentifier', () => {
  it('renames a table everywhere it is named, and nowhere else', () => {
    const sql = `INSERT INTO tv_months (month_start) SELECT 'tv_months', tv_months_old.x, "TV_MONTHS".y FROM tv_months_old, tv_months -- tv_months`;
    expect(replaceIdentifier(sql, 'tv_months', 'lakeshift_tvf_1')).toBe(
      `INSERT INTO lakeshift_tvf_1 (month_start) SELECT 'tv_months', tv_months_old.x, lakeshift_tvf_1.y FROM tv_months_old, lakeshift_tvf_1 -- tv_months`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { runParity } from '../../src/parity/run-parity.js';
import type { ParityRunResult, ParityTableResult } from '../../src/parity/results.js';
import { RecordingReporter } from '../../src/reporter.js';
import { expected, scenarioProject } from './support/scenarios.js';

/**
 * Every kind of difference, planted in real DuckDB tables, through each strategy: `join` and
 * `multiset` with both sides in one DuckDB file, `segments` with legacy and new in two files.
 * The counts must come out exact, with no false mismatch where the rules say equal.
 */
describe.each([
  ['same engine (join as one aggregate pass, multiset)', 'same' as const, true],
  ['same engine (join as a window pass, multiset)', 'same' as const, false],
  ['cross engine (segments)', 'cross' as const, true],
])('parity scenarios, %s', (_title, mode, joinAggregate) => {
  let result: ParityRunResult;
  const table = (name: string): ParityTableResult => {
    const found = result.tables.find((candidate) => candidate.name === name);
    if (found === undefined) throw new Error(`no table ${name}`);
    return found;
  };

  it('runs the set', async () => {
    const project = await scenarioProject(mode);
    // Tiny segments so that the cross-engine strategy bisects on tables this small.
    const run = await runParity({ loaded: project.loaded, set: 'scenarios', reporter: new RecordingReporter(), segments: { leafRows: 2, batch: 3 }, joinAggregate });
    result = run.result;
    expect(run.exitCode).toBe(3);
    expect(result.status).toBe('error');
    expect(result.totals).toEqual({ tables: 9, passed: 2, failed: 6, errored: 1 });
  });

  it.each(Object.entries(expected))('finds exactly what was planted in %s', (name, want) => {
    const got = table(name);
    expect(got.error).toBeNull();
    expect(got.strategy).toBe(mode === 'cross' ? 'segments' : name === 'keyless' ? 'multiset' : 'join');
    expect(got.rows).toEqual(want.rows);
    expect({ ...got.diff, duplicateKeys: undefined }).toEqual({ ...want.diff, duplicateKeys: undefined });
    expect(got.diff?.duplicateKeys).toEqual(want.duplicateKeys);
    if (want.mismatches !== undefined) {
      const mismatches = Object.fromEntries(got.columns.filter((column) => column.compared && !column.key).map((column) => [column.name, column.mismatches]));
      expect(mismatches).toEqual(want.mismatches);
    }
    expect(got.status).toBe(want.status);
  });

  it('shows changed rows with the key and both raw values of each differing column', () => {
    const everything = table('everything');
    const row19 = everything.samples.changed.find((sample) => sample.key['id'] === 19);
    expect(row19?.columns).toEqual([
      { name: 'qty', newName: 'qty', legacy: 1, new: '2.00' },
      { name: 'note', newName: 'note', legacy: 'n', new: 'm' },
    ]);
    const row5 = everything.samples.changed.find((sample) => sample.key['id'] === 5);
    expect(row5?.columns).toEqual([{ name: 'amount', newName: 'amount', legacy: '1.50', new: '1.5100' }]);
    expect(everything.samples.changed.map((sample) => sample.key['id'])).toEqual([5, 6, 8, 10, 12, 13, 15, 16, 17, 18, 19]);
    expect(everything.samples.missing.map((sample) => sample.key?.['id'])).toEqual([2]);
    expect(everything.samples.missing[0]?.values['amount']).toBe('11.00');
    expect(everything.samples.extra.map((sample) => sample.key?.['id'])).toEqual([3]);
    const exact = table('exact');
    const big = exact.samples.changed.find((sample) => sample.key['id'] === 5);
    expect(big?.columns).toEqual([{ name: 'big', newName: 'big', legacy: { bigint: '9007199254740993' }, new: { bigint: '9007199254740992' } }]);
    const bytes = exact.samples.changed.find((sample) => sample.key['id'] === 7);
    expect(bytes?.columns).toEqual([{ name: 'b', newName: 'b', legacy: { bytes: '00ff' }, new: { bytes: '00fe' } }]);
  });

  it('counts keyless duplicates with their multiplicity', () => {
    const keyless = table('keyless');
    expect(keyless.samples.missing.map((sample) => [sample.values['a'], sample.copies])).toEqual([
      [1, 2],
      [3, 1],
    ]);
    expect(keyless.samples.extra.map((sample) => [sample.values['a'], sample.copies])).toEqual([[4, 2]]);
    expect(keyless.columns.every((column) => column.mismatches === null)).toBe(true);
  });

  it('matches composite keys of string, date and uuid after normalisation', () => {
    const composite = table('composite');
    expect(composite.samples.missing[0]?.key).toEqual({ region: 'South', day: '2024-01-02', uid: 'a0000000-0000-0000-0000-00000000000b' });
    expect(composite.samples.extra[0]?.key).toEqual({ region: 'South', day: '2024-01-02', uid: 'a0000000-0000-0000-0000-00000000000c' });
    expect(composite.samples.changed[0]?.columns).toEqual([{ name: 'v', newName: 'v', legacy: '2.000000', new: '2.50' }]);
  });

  it('compares the schemas', () => {
    const schemadiff = table('schemadiff');
    expect(schemadiff.schema).toEqual({
      missingColumns: ['dropped'],
      extraColumns: ['added'],
      typeMismatches: [{ column: 'retyped', legacy: 'INTEGER', new: 'VARCHAR' }],
    });
    expect(schemadiff.failures).toEqual(['columns missing from the new table: dropped']);
    expect(schemadiff.columns.find((column) => column.name === 'dropped')).toMatchObject({ compared: false, mismatches: null });
  });

  it('reports a table that errors while the others finish', () => {
    const missing = table('missing_table');
    expect(missing.status).toBe('error');
    expect(missing.error?.code).toBe('QUERY_FAILED');
    expect(missing.error?.message).toContain('no_such_table');
  });

  it('profiles both sides', () => {
    const identical = table('identical');
    const amount = identical.profiles.find((profile) => profile.column === 'amount');
    expect(amount?.legacy).toMatchObject({ count: 3000, nulls: 0, min: '0.1429', max: '428.5714' });
    expect(amount?.legacy?.sum).toEqual(amount?.new?.sum);
    const note = table('everything').profiles.find((profile) => profile.column === 'note');
    expect(note?.legacy).toMatchObject({ count: 16, nulls: 3, min: '', max: 'n', sum: null });
  });

  it('records the effective rules', () => {
    expect(table('everything').rules).toMatchObject({
      keys: ['id'],
      ignore: ['loaded_at'],
      strings: { trim: 'right', case: 'insensitive', emptyIsNull: false },
      timestampPrecision: 'ms',
      tolerance: { default: null, columns: { ratio: { abs: 1e-6 } } },
      threshold: { mismatchedRows: 0, mismatchRate: null },
    });
    expect(table('keyless').rules?.notes.filter((note) => note.startsWith('keyless'))).toEqual([]);
  });

  if (mode === 'cross') {
    it('accounts for what crossed the wire', () => {
      const identical = table('identical');
      expect(identical.transfer?.rowsFetched).toBeGreaterThan(0);
      expect(identical.transfer?.tableBytes).toBeGreaterThan(0);
    });
  }
});

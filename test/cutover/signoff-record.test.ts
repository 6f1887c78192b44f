import { describe, expect, it } from 'vitest';
import { emptySignoffRecord, parseSignoffRecord, serialiseSignoffRecord, signoffsOfRun, type SignoffRecord } from '../../src/cutover/signoff-record.js';

const sha = 'a'.repeat(64);
const record: SignoffRecord = {
  version: 1,
  set: 'customers',
  signoffs: [
    { run: '2026-11-23T09-12-03Z-ab12', resultSha256: sha, status: 'fail', by: 'Dana Whitfield (Finance)', at: '2026-11-23T10:00:00.000Z', note: 'FIN-2291: "corrected" by hand: #4', acceptedFailures: true },
    { run: '2026-11-23T09-12-03Z-ab12', resultSha256: 'b'.repeat(64), status: 'fail', by: 'Sam', at: '2026-11-23T11:00:00.000Z', note: null, acceptedFailures: true },
  ],
  ticks: [{ step: 'rollback-plan', by: 'Kim', at: '2026-11-24T08:00:00.000Z', note: null }],
};

describe('sign-off records (signoffs/<set>.yaml)', () => {
  it('round-trips through YAML with a header that says what the file is', () => {
    const text = serialiseSignoffRecord(record);
    expect(text).toMatch(/^# Sign-offs and cutover ticks of parity set customers\./);
    expect(text).toContain('\nversion: 1\nset: customers\nsignoffs:\n  - run: 2026-11-23T09-12-03Z-ab12\n');
    expect(parseSignoffRecord(text, 'signoffs/customers.yaml', 'customers')).toEqual(record);
    expect(parseSignoffRecord('version: 1\nset: customers\n', 'f.yaml', 'customers')).toEqual(emptySignoffRecord('customers'));
  });

  it('tells valid sign-offs of a run from those made when its result held other bytes', () => {
    const { valid, stale } = signoffsOfRun(record, '2026-11-23T09-12-03Z-ab12', sha);
    expect(valid.map((signoff) => signoff.by)).toEqual(['Dana Whitfield (Finance)']);
    expect(stale.map((signoff) => signoff.by)).toEqual(['Sam']);
    expect(signoffsOfRun(record, 'other', sha)).toEqual({ valid: [], stale: [] });
  });

  it.each([
    ['a YAML syntax error', 'version: 1\nset: [customers\n', /^f\.yaml:3:1: /],
    [
      'a bad hash',
      `version: 1\nset: customers\nsignoffs:\n  - run: 2026-11-23T09-12-03Z-ab12\n    resultSha256: nothex\n    status: pass\n    by: Dana\n    at: 2026-11-23T10:00:00.000Z\n    note: null\n    acceptedFailures: false\n`,
      /^f\.yaml:5:19: signoffs\[0\]\.resultSha256: 64 lower-case hex digits$/,
    ],
    [
      'an unknown key',
      `version: 1\nset: customers\nticks:\n  - step: x\n    by: Kim\n    at: 2026-11-23T10:00:00.000Z\n    note: null\n    who: Kim\n`,
      /^f\.yaml:8:5: ticks\[0\]\.who: unknown key "who"$/,
    ],
    ['a missing field', `version: 1\nset: customers\nticks:\n  - step: x\n    at: 2026-11-23T10:00:00.000Z\n    note: null\n`, /^f\.yaml:4:5: ticks\[0\]\.by: /],
    ['another set', 'version: 1\nset: sales\n', /^f\.yaml:2:6: set: the record is for set "sales", not "customers"$/],
    ['a newer version', 'version: 2\nset: customers\n', /^f\.yaml has version 2, newer than this lakeshift reads \(1\)$/],
  ])('refuses %s with file:line:column', (_what, text, message) => {
    let thrown: unknown;
    try {
      parseSignoffRecord(text, 'f.yaml', 'customers');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'INPUT_INVALID', exitCode: 2 });
    expect((thrown as Error).message).toMatch(message);
  });
});

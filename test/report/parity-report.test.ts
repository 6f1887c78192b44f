import { describe, expect, it } from 'vitest';
import { parityReportView, renderParityHtml, samplesPerCategory, MAX_SAMPLE_ROWS, MIN_SAMPLE_ROWS } from '../../src/report/parity-report.js';
import { errorTable, failTable, keylessTable, makeResult, passTable } from './support/fixtures.js';

describe('the parity report view model', () => {
  const result = makeResult();
  const view = parityReportView(result);

  it('carries the summary: set, status, totals, who, when, which commit', () => {
    expect(view.summary).toMatchObject({
      set: 'customers',
      status: 'error',
      runId: '2026-11-23T09-12-03Z-ab12',
      ranBy: 'Dana Whitfield',
      started: '2026-11-23 09:12:03 UTC',
      finished: '2026-11-23 09:12:05 UTC',
      duration: '2.4 s',
      commit: 'abcdef1234567890abcdef1234567890abcdef12',
      commitNote: '',
      tableCount: '4',
      passed: '1',
      failed: '2',
      errored: '1',
      mismatchedRows: '12',
    });
    expect(view.filters.map((filter) => [filter.value, filter.count, filter.pressed])).toEqual([
      ['all', '4', 'true'],
      ['pass', '1', 'false'],
      ['fail', '2', 'false'],
      ['error', '1', 'false'],
    ]);
  });

  it('formats every count once, with the raw number to sort by', () => {
    const [churn, orders, missing] = view.tables;
    expect(churn).toMatchObject({
      name: 'customer_churn',
      status: 'fail',
      statusRank: 1,
      legacyRows: { text: '1,200', value: '1200' },
      newRows: { text: '1,201', value: '1201' },
      matched: { text: '1,195', value: '1195' },
      missing: { text: '1', value: '1' },
      extra: { text: '2', value: '2' },
      changed: { text: '4', value: '4' },
      mismatchRate: { text: '0.58%', value: String(7 / 1201) },
    });
    expect(orders).toMatchObject({ legacyRows: { text: '1,234,567', value: '1234567' }, mismatchRate: { text: '0%', value: '0' }, statusRank: 2 });
    expect(missing).toMatchObject({ status: 'error', statusRank: 0, strategy: '—', legacyRows: { text: '—', value: '' }, mismatchRate: { text: '—', value: '' } });
  });

  it('draws mismatches per column as bars, largest first, as a share of the changed rows', () => {
    const detail = view.details[0]!;
    expect(detail.bars).toEqual([
      { name: 'churn_flag', renamed: '', mismatches: '4', ofRows: '0.33%', ofChanged: '100%', width: '100%' },
      { name: 'churn_risk', renamed: '', mismatches: '3', ofRows: '0.25%', ofChanged: '75%', width: '75%' },
      { name: 'Revenue', renamed: '→ revenue', mismatches: '1', ofRows: '0.08%', ofChanged: '25%', width: '25%' },
    ]);
    expect(detail.columnsNote).toBe('1 other compared column match in every row.');
    expect(view.details[1]!.columnsNote).toBe('All 2 compared columns match in every row.');
    expect(view.details[3]!.columnsNote).toMatch(/do not apply to a keyless/);
  });

  it('shows changed rows side by side with the differing cells highlighted and equal ones marked', () => {
    const changed = view.details[0]!.changedSamples!;
    expect(changed.keyHeaders).toEqual(['customer_id']);
    expect(changed.pairHeaders).toEqual(['churn_flag', 'churn_risk', 'Revenue → revenue']);
    expect(changed.rows[0]!.keys).toEqual([{ text: '100', cls: '' }]);
    expect(changed.rows[0]!.pairs).toEqual([
      { legacy: { text: 'false', cls: 'differs' }, new: { text: 'true', cls: 'differs' } },
      { legacy: { text: 'At risk', cls: 'differs' }, new: { text: 'Churned', cls: 'differs' } },
      { legacy: { text: '=', cls: 'same' }, new: { text: '=', cls: 'same' } },
    ]);
    expect(changed.rows[2]!.pairs[2]).toEqual({ legacy: { text: '10.5', cls: 'differs' }, new: { text: 'NULL', cls: 'v-null differs' } });
    expect(changed.note).toBe('3 sampled rows (4 in all).');
  });

  it('shows missing and extra rows with NULL, empty and padded values told apart', () => {
    const [missing, extra] = view.details[0]!.rowSamples;
    expect(missing!.title).toMatch(/^Missing/);
    expect(missing!.headers).toEqual(['customer_id', 'churn_flag', 'churn_risk', 'Revenue', 'region']);
    expect(extra!.rows[0]!.cells.map((cell) => [cell.text, cell.cls])).toEqual([
      ['9001', ''],
      ['NULL', 'v-null'],
      ["''", 'v-empty'],
      ['9007199254740993', ''],
      ['"NE  "', ''],
    ]);
    const keyless = view.details[3]!.rowSamples;
    expect(keyless[0]).toMatchObject({ headers: ['a', 's'], hasCopies: true, rows: [{ copies: '2' }] });
  });

  it('lists schema differences and the rules of each table in words', () => {
    expect(view.details[0]!.schema).toEqual({
      clean: false,
      missingColumns: ['legacy_only'],
      extraColumns: ['new_only'],
      typeMismatches: [{ column: 'Revenue', legacy: 'DECIMAL(12,2)', new: 'DOUBLE' }],
      notCompared: ['etl_loaded_at'],
    });
    expect(view.rules[0]).toEqual({
      anchor: view.tables[0]!.anchor,
      name: 'customer_churn',
      keys: 'customer_id',
      tolerance: 'revenue ±0.01; other columns exact',
      timestamps: 'truncated to ms',
      strings: 'trim right',
      threshold: 'at most 0 mismatched rows',
    });
    expect(view.details[0]!.rules.map((rule) => rule.label)).toEqual(['Keys', 'Ignored columns', 'Column map', 'Numeric tolerance', 'Timestamps', 'Strings', 'Threshold']);
    expect(view.details[2]!).toMatchObject({ error: { code: 'QUERY_FAILED', hint: 'Check the table name.' }, rules: [], schema: null });
  });

  it('spreads the sample budget over the categories that have rows', () => {
    expect(samplesPerCategory(makeResult([passTable()]), 3000)).toBe(MAX_SAMPLE_ROWS);
    const many = Array.from({ length: 500 }, (_, index) => ({ ...failTable(), name: `t${index}` }));
    // 500 tables x 3 non-empty categories
    expect(samplesPerCategory(makeResult(many), 3000)).toBe(MIN_SAMPLE_ROWS);
    expect(samplesPerCategory(makeResult(many.slice(0, 40)), 3000)).toBe(20);
    expect(samplesPerCategory(makeResult(many.slice(0, 100)), 3000)).toBe(10);
    const tiny = parityReportView(makeResult([failTable()]), { sampleRowBudget: 3 });
    expect(tiny.details[0]!.changedSamples!.rows).toHaveLength(3);
    const budgeted = parityReportView(makeResult([{ ...failTable(), samples: { ...failTable().samples, changed: Array.from({ length: 50 }, (_, index) => ({ key: { customer_id: index }, columns: [{ name: 'churn_flag', newName: 'churn_flag', legacy: false, new: true }] })) } }]));
    expect(budgeted.details[0]!.changedSamples!.note).toBe('20 of 50 sampled rows; result.json holds every sampled row.');
  });
});

describe('the parity report HTML', () => {
  it('is one self-contained page: inline CSS and script, nothing fetched, values escaped', async () => {
    const html = await renderParityHtml(makeResult([failTable(), errorTable(), keylessTable()]), { generatedAt: new Date('2026-11-23T10:00:00Z') });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html).toContain('<script>');
    expect(html).not.toMatch(/<link\b|<script[^>]+src=|<img\b|@import|url\(|https?:\/\//i);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;');
    expect(html).toContain('@media print');
    expect(html).toContain('data-filter="fail"');
    expect(html).toContain('<th data-sort="number" class="num" scope="col">Mismatch rate</th>');
    expect(html).toContain('<span class="fill" style="width: 100%"></span>');
    expect(html).toContain('<td class="differs">At risk</td><td class="new differs">Churned</td>');
    expect(html).toContain('Generated by lakeshift');
  });
});

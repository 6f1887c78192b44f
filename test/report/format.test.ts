import { describe, expect, it } from 'vitest';
import { barWidth, displayValue, formatCount, formatDuration, formatInstant, formatPercent, formatTolerance, markdownCell } from '../../src/report/format.js';

describe('report formatting', () => {
  it.each([
    [0, '0%'],
    [1, '100%'],
    [4 / 1200, '0.33%'],
    [7 / 1201, '0.58%'],
    [0.684, '68.4%'],
    [0.75, '75%'],
    [1 / 5_000_000, '0.00002%'],
    [0.00004, '0.004%'],
    [0.99999, '99.999%'],
    [0.999999999, '99.9999999%'],
    [0.0000999, '0.01%'],
    [1.4, '140%'],
    [null, '—'],
  ])('writes the rate %s as %s, never rounding a difference to 0%% or 100%%', (rate, text) => {
    expect(formatPercent(rate)).toBe(text);
  });

  it('groups counts and shows what was not measured as a dash', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(undefined)).toBe('—');
  });

  it('draws a non-zero share at least 1% wide and never beyond 100%', () => {
    expect(barWidth(0)).toBe('0%');
    expect(barWidth(0.0001)).toBe('1%');
    expect(barWidth(0.375)).toBe('37.5%');
    expect(barWidth(3)).toBe('100%');
  });

  it('spells out NULL, the empty string, padded strings and the JSON-safe wrappers', () => {
    expect(displayValue(null)).toEqual({ text: 'NULL', kind: 'null' });
    expect(displayValue('')).toEqual({ text: "''", kind: 'empty' });
    expect(displayValue('AB  ')).toEqual({ text: '"AB  "', kind: 'value' });
    expect(displayValue('AB')).toEqual({ text: 'AB', kind: 'value' });
    expect(displayValue({ bigint: '9007199254740993' }).text).toBe('9007199254740993');
    expect(displayValue({ bytes: '00ff' }).text).toBe('0x00ff');
    expect(displayValue({ float: '-Infinity' }).text).toBe('-Infinity');
    expect(displayValue(false).text).toBe('false');
    expect(displayValue('x'.repeat(200)).text).toHaveLength(80);
  });

  it('formats durations, instants, tolerances and Markdown cells', () => {
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatInstant('2026-11-23T09:12:03.456Z')).toBe('2026-11-23 09:12:03 UTC');
    expect(formatTolerance(null)).toBe('exact');
    expect(formatTolerance({ abs: 0 })).toBe('exact');
    expect(formatTolerance({ abs: 0.01, rel: 1e-6 })).toBe('±0.01 or rel 0.000001');
    expect(markdownCell('a | b\nc')).toBe('a \\| b c');
  });
});

import { describe, expect, it } from 'vitest';
import { syncReportView } from '../../src/report/sync-report.js';
import type { ManifestEntry } from '../../src/snapshot/manifest.js';

const entry = (id: string): ManifestEntry => ({
  id,
  kind: 'sql-file',
  origin: { type: 'repo', name: 'r' },
  name: id,
  path: `repo/r/${id}.sql`,
  sha256: '0'.repeat(64),
  bytes: 1,
  references: [],
  details: {},
});

describe('syncReportView', () => {
  const base = {
    dir: '/tmp/x',
    project: 'p',
    when: new Date('2026-11-23T09:12:03Z'),
    commit: 'abcdef1234567890',
    snapshot: '/repo/legacy',
    objects: 1003,
    byKind: { 'sql-file': 1003 },
    impact: [],
    sources: [],
    activity: { procedures: 0, withStatistics: 0, notExecuted: [] },
    warnings: [],
  };

  it('shows changed objects first with their diff, and counts the added ones past the listing limit', () => {
    const added = Array.from({ length: 1002 }, (_, index) => ({ change: 'added' as const, entry: entry(`a${String(index).padStart(4, '0')}`), before: '', after: '' }));
    const changed = { change: 'changed' as const, entry: entry('c'), before: 'SELECT 1\n', after: 'SELECT 2\n' };
    const view = syncReportView({ ...base, changed: [...added, changed] });
    expect(view.changes[0]).toMatchObject({ id: 'c', change: 'changed', hasDiff: true });
    expect(view.changes[0]!.diff.filter((line) => line.kind === 'add' || line.kind === 'del').map((line) => line.text)).toEqual(['-SELECT 1', '+SELECT 2']);
    expect(view.changes).toHaveLength(1001);
    expect(view.unlisted).toBe('2 more added objects are not listed here; the JSON result and the manifest have them all.');
    expect(view.subtitle).toBe('2026-11-23 09:12:03 UTC · commit abcdef1 · +1002 ~1 -0');
  });
});

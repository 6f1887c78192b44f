import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { SourceSummary } from '../inventory/inventory.js';
import type { InventoryWarning, LegacyObjectKind } from '../inventory/legacy-object.js';
import type { ObjectImpact } from '../snapshot/impact.js';
import type { ManifestEntry } from '../snapshot/manifest.js';
import { writeFileAtomic } from '../snapshot/atomic-write.js';
import { diffLines, renderHtmlPage, renderText, type DiffLine } from './html.js';

export interface ChangedObject {
  readonly change: 'added' | 'changed' | 'removed';
  readonly entry: ManifestEntry;
  readonly previousPath?: string;
  readonly before: string;
  readonly after: string;
}

export interface SyncReportInput {
  readonly dir: string;
  readonly project: string;
  readonly when: Date;
  readonly commit: string | null;
  readonly snapshot: string;
  readonly objects: number;
  readonly byKind: Partial<Record<LegacyObjectKind, number>>;
  readonly changed: readonly ChangedObject[];
  readonly impact: readonly ObjectImpact[];
  readonly sources: readonly SourceSummary[];
  readonly activity: { readonly procedures: number; readonly withStatistics: number; readonly notExecuted: readonly string[] };
  readonly warnings: readonly InventoryWarning[];
}

/** The report shows every change; diffs stop here so that a huge week stays readable. */
const MAX_DIFF_LINES = 400;
const MAX_DIFFS = 300;
/** Added and removed objects listed one by one; beyond this the report counts them (the JSON result lists all). */
const MAX_LISTED = 1000;

/** Writes changes.md and changes.html into `dir`; returns their paths. */
export async function writeSyncReports(input: SyncReportInput): Promise<{ markdown: string; html: string }> {
  const view = syncReportView(input);
  const markdown = path.join(input.dir, 'changes.md');
  const html = path.join(input.dir, 'changes.html');
  await writeFileAtomic(markdown, await renderText('sync/change-report.md.hbs', view));
  await writeFileAtomic(
    html,
    await renderHtmlPage({
      title: `Legacy sync: ${input.project}`,
      subtitle: view.subtitle,
      template: 'sync/change-report.html.hbs',
      view,
      generatedAt: input.when,
    }),
  );
  return { markdown, html };
}

export interface SyncReportView {
  readonly subtitle: string;
  readonly project: string;
  readonly when: string;
  readonly commit: string;
  readonly snapshot: string;
  readonly totals: { readonly objects: number; readonly added: number; readonly changed: number; readonly removed: number };
  readonly byKind: ReadonlyArray<{ readonly kind: string; readonly count: number }>;
  readonly sources: ReadonlyArray<{ readonly label: string; readonly status: string; readonly objects: number; readonly note: string }>;
  readonly affectedSets: ReadonlyArray<{ readonly set: string; readonly tables: string; readonly objects: readonly string[] }>;
  readonly changes: readonly ChangeView[];
  readonly hasChanges: boolean;
  /** How many added and removed objects are counted but not listed. */
  readonly unlisted: string;
  readonly activity: { readonly shown: boolean; readonly procedures: number; readonly withStatistics: number; readonly notExecuted: readonly string[] };
  readonly warnings: readonly string[];
}

interface ChangeView {
  readonly id: string;
  readonly change: string;
  readonly kind: string;
  readonly path: string;
  readonly sets: readonly string[];
  readonly tables: string;
  readonly translated: readonly string[];
  readonly dependents: number;
  readonly diff: readonly DiffLine[];
  readonly diffText: string;
  readonly hasDiff: boolean;
  readonly truncated: boolean;
}

export function syncReportView(input: SyncReportInput): SyncReportView {
  const impactById = new Map(input.impact.map((impact) => [impact.id, impact]));
  const order = { changed: 0, added: 1, removed: 2 } as const;
  const sorted = [...input.changed].sort((a, b) => order[a.change] - order[b.change] || a.entry.id.localeCompare(b.entry.id));
  const listed = new Map<string, number>();
  const unlisted = { added: 0, removed: 0 };
  const shownChanges = sorted.filter((changed) => {
    if (changed.change === 'changed') return true;
    const count = (listed.get(changed.change) ?? 0) + 1;
    listed.set(changed.change, count);
    if (count <= MAX_LISTED) return true;
    unlisted[changed.change] += 1;
    return false;
  });
  const changes = shownChanges.map((changed, index): ChangeView => {
      const impact = impactById.get(changed.entry.id);
      const patch =
        changed.change === 'changed' && index < MAX_DIFFS
          ? createTwoFilesPatch(`a/${changed.previousPath ?? changed.entry.path}`, `b/${changed.entry.path}`, changed.before, changed.after, '', '', { context: 3 })
          : '';
      const lines = diffLines(patch).filter((line) => !line.text.startsWith('==='));
      const shown = lines.slice(0, MAX_DIFF_LINES);
      return {
        id: changed.entry.id,
        change: changed.change,
        kind: changed.entry.kind,
        path: changed.entry.path,
        sets: impact?.sets ?? [],
        tables: (impact?.tables ?? []).join(', '),
        translated: impact?.translated ?? [],
        dependents: impact?.dependents.length ?? 0,
        diff: shown,
        diffText: shown.map((line) => line.text).join('\n'),
        hasDiff: shown.length > 0,
        truncated: lines.length > shown.length,
      };
    });

  const setMap = new Map<string, { tables: Set<string>; objects: Set<string> }>();
  for (const impact of input.impact) {
    for (const table of impact.tables) {
      const [set] = table.split('/') as [string];
      const entry = setMap.get(set) ?? { tables: new Set<string>(), objects: new Set<string>() };
      entry.tables.add(table.slice(set.length + 1));
      entry.objects.add(impact.id);
      setMap.set(set, entry);
    }
  }
  const totals = {
    objects: input.objects,
    added: input.changed.filter((change) => change.change === 'added').length,
    changed: input.changed.filter((change) => change.change === 'changed').length,
    removed: input.changed.filter((change) => change.change === 'removed').length,
  };
  const when = input.when.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
  return {
    subtitle: `${when} · ${input.commit === null ? 'not committed' : `commit ${input.commit.slice(0, 7)}`} · +${totals.added} ~${totals.changed} -${totals.removed}`,
    project: input.project,
    when,
    commit: input.commit ?? 'not committed',
    snapshot: input.snapshot,
    totals,
    byKind: Object.entries(input.byKind).map(([kind, count]) => ({ kind, count: count ?? 0 })),
    sources: input.sources.map((source) => ({
      label: `${source.type} ${source.name}`,
      status: source.status,
      objects: source.objects,
      note: source.status === 'failed' ? `${source.error?.message ?? ''} (previous snapshot kept)` : source.commit === undefined ? '' : `at ${source.commit.slice(0, 7)}`,
    })),
    affectedSets: [...setMap.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([set, entry]) => ({ set, tables: [...entry.tables].sort().join(', '), objects: [...entry.objects].sort() })),
    changes,
    hasChanges: changes.length > 0,
    unlisted:
      unlisted.added + unlisted.removed === 0
        ? ''
        : `${unlisted.added > 0 ? `${unlisted.added} more added` : ''}${unlisted.added > 0 && unlisted.removed > 0 ? ' and ' : ''}${unlisted.removed > 0 ? `${unlisted.removed} more removed` : ''} objects are not listed here; the JSON result and the manifest have them all.`,
    activity: { shown: input.activity.withStatistics > 0, ...input.activity },
    warnings: input.warnings.map((warning) => warning.message),
  };
}

import type { Manifest } from './manifest.js';

export interface ChangeSet {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/** Objects added, changed (other text or another place) and removed between two manifests, by id. */
export function changeSet(previous: Manifest, next: Manifest): ChangeSet {
  const before = new Map(previous.objects.map((entry) => [entry.id, entry]));
  const after = new Map(next.objects.map((entry) => [entry.id, entry]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const [id, entry] of after) {
    const old = before.get(id);
    if (old === undefined) added.push(id);
    else if (old.sha256 !== entry.sha256 || old.path !== entry.path) changed.push(id);
  }
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const sorted = (ids: string[]) => ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { added: sorted(added), changed: sorted(changed), removed: sorted(removed) };
}

import type { Statement } from '../../tsql/index.js';
import type { ScriptStatement, UnreachableStatement } from './rewritten-statements.js';

/**
 * Error handling from before TRY/CATCH ends an object with jumps:
 *
 *     IF @@ERROR <> 0 GOTO abort      -- dead in Databricks (error-check.ts)
 *     GOTO done
 *   abort:
 *     ROLLBACK; GOTO finish
 *   done:
 *     COMMIT
 *   finish:
 *
 * Once the @@ERROR checks are dead, nothing jumps to `abort`: what follows `GOTO done` up to
 * the next label a live GOTO reaches never runs, and `GOTO done` then jumps to the very next
 * statement. This pass takes both away (kept as comments), over an object's top-level
 * statements, until nothing changes; `liveTargets` gives the labels live GOTOs reach, and its
 * last call is on the list returned (callers keep that answer rather than walk the list again).
 */
export function removeUnreachable(statements: readonly ScriptStatement[], liveTargets: (statements: readonly ScriptStatement[]) => ReadonlySet<string>): readonly ScriptStatement[] {
  let list = statements;
  for (;;) {
    const next = prune(list, liveTargets(list));
    if (next === list) return list;
    list = next;
  }
}

function prune(list: readonly ScriptStatement[], targets: ReadonlySet<string>): readonly ScriptStatement[] {
  const isLiveLabel = (statement: ScriptStatement | undefined) => statement?.kind === 'label' && targets.has(statement.name.toLowerCase());
  for (let index = 0; index < list.length; index++) {
    const jump = list[index]!;
    if (jump.kind !== 'goto') continue;
    let end = index + 1;
    while (end < list.length && !isLiveLabel(list[end])) end += 1;
    const skipped = list.slice(index + 1, end) as Statement[];
    const target = list[end];
    // A jump to the label right after what it skips: the jump itself changes nothing.
    const jumpsToNext = target?.kind === 'label' && target.name.toLowerCase() === jump.label.toLowerCase();
    if (skipped.length === 0 && !jumpsToNext) continue;
    const removed = jumpsToNext ? [jump, ...skipped] : skipped;
    const node: UnreachableStatement = {
      kind: 'unreachable',
      start: removed[0]!.start,
      end: removed[removed.length - 1]!.end,
      statements: removed,
      after: jump.label,
    };
    return [...list.slice(0, jumpsToNext ? index : index + 1), node, ...list.slice(end)];
  }
  return list;
}

import type { CutoverChecklist } from '../cutover/checklist.js';
import { formatInstant } from './format.js';
import { renderHtmlPage, renderText } from './html.js';

/** The cutover checklist as a page (HTML, same look as every lakeshift report) and as Markdown. */

export interface CutoverItemView {
  readonly number: number;
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly description: string;
  readonly status: string;
  /** "[x]" or "[ ]" (Markdown task list). */
  readonly box: string;
  /** ☑ or ☐ (HTML). */
  readonly mark: string;
  readonly evidence: readonly string[];
  readonly todo: string;
}

export interface CutoverView {
  readonly title: string;
  readonly subtitle: string;
  readonly set: string;
  readonly description: string;
  readonly project: string;
  readonly generated: string;
  readonly ready: boolean;
  readonly status: string;
  readonly statusLabel: string;
  readonly statusText: string;
  readonly done: number;
  readonly open: number;
  readonly items: readonly CutoverItemView[];
  readonly latestRun: string;
  readonly warnings: readonly string[];
}

export function cutoverView(checklist: CutoverChecklist): CutoverView {
  const generated = formatInstant(checklist.generatedAt);
  const statusText = checklist.ready
    ? 'Ready for cutover: every item is done.'
    : `${checklist.counts.open} of ${checklist.counts.items} items open.`;
  const run = checklist.latestRun;
  return {
    title: `Cutover checklist: ${checklist.set}`,
    subtitle: `${checklist.project} · ${generated} · ${checklist.ready ? 'ready' : `${checklist.counts.open} open`}`,
    set: checklist.set,
    description: checklist.description ?? '',
    project: checklist.project,
    generated,
    ready: checklist.ready,
    status: checklist.ready ? 'done' : 'open',
    statusLabel: checklist.ready ? 'ready' : 'open',
    statusText,
    done: checklist.counts.done,
    open: checklist.counts.open,
    items: checklist.items.map((item, index) => ({
      number: index + 1,
      id: item.id,
      kind: item.kind === 'manual' ? 'manual step' : 'from evidence',
      title: item.title,
      description: item.description,
      status: item.status,
      box: item.status === 'done' ? '[x]' : '[ ]',
      mark: item.status === 'done' ? '☑' : '☐',
      evidence: item.evidence,
      todo: item.todo ?? '',
    })),
    latestRun: run === null ? 'none yet' : `${run.runId} (${run.status}, finished ${formatInstant(run.finishedAt)}${run.signed ? ', signed off' : ', not signed off'})`,
    warnings: checklist.warnings,
  };
}

export async function renderCutoverHtml(checklist: CutoverChecklist): Promise<string> {
  const view = cutoverView(checklist);
  return renderHtmlPage({
    title: view.title,
    subtitle: view.subtitle,
    template: 'cutover/checklist.html.hbs',
    view,
    generatedAt: new Date(checklist.generatedAt),
  });
}

export async function renderCutoverMarkdown(checklist: CutoverChecklist): Promise<string> {
  return renderText('cutover/checklist.md.hbs', cutoverView(checklist));
}

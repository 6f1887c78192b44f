import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import { readSignoffRecord, signoffRecordFile, signoffsOfRun, type SignoffRecord } from '../cutover/signoff-record.js';
import { describeError } from '../errors.js';
import type { ParityStatus } from '../parity/results.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { writeFileAtomic } from '../snapshot/atomic-write.js';
import { formatCount, formatInstant, shortCommit } from './format.js';
import { renderHtmlPage } from './html.js';
import { forEachParityRun, parityReportsDir, paritySetNames, summariseRun, type ParityRunSummary } from './parity-runs.js';

/**
 * reports/index.html (every set: its latest run, and its runs latest first with a pass/fail
 * trend) and reports/parity/<set>/index.html (all runs of one set), rebuilt from the stored
 * results and the sign-off records.
 */

/** Runs in a trend strip. */
export const TREND_RUNS = 30;
/** Runs listed per set on reports/index.html; the set's own index lists them all. */
export const INDEX_RUNS_PER_SET = 20;

export interface ReportIndexOptions {
  readonly loaded: LoadedConfig;
  readonly reporter?: Reporter;
  readonly now?: Date;
  /** Runs already read (by a rebuild), per set; read from disk otherwise. */
  readonly runs?: ReadonlyMap<string, readonly ParityRunSummary[]>;
}

export interface ReportIndexSet {
  readonly set: string;
  readonly runs: number;
  readonly latest: { readonly runId: string; readonly status: ParityStatus; readonly finishedAt: string; readonly signed: boolean } | null;
  /** reports/parity/<set>/index.html, relative to the project folder. */
  readonly index: string;
}

export interface ReportIndexResult {
  /** reports/index.html, relative to the project folder. */
  readonly index: string;
  readonly sets: readonly ReportIndexSet[];
  readonly warnings: readonly string[];
}

interface RunView {
  readonly runId: string;
  readonly href: string;
  readonly status: ParityStatus;
  readonly interrupted: boolean;
  readonly finished: string;
  readonly ranBy: string;
  readonly commit: string;
  readonly tables: string;
  readonly passed: string;
  readonly failed: string;
  readonly errored: string;
  readonly mismatchedRows: string;
  readonly signoff: { readonly text: string; readonly cls: string };
  readonly links: ReadonlyArray<{ readonly label: string; readonly href: string }>;
}

interface SetView {
  readonly name: string;
  readonly anchor: string;
  readonly description: string;
  readonly configured: boolean;
  readonly href: string;
  readonly runCount: string;
  readonly latest: RunView | null;
  readonly trend: ReadonlyArray<{ readonly status: ParityStatus; readonly title: string }>;
  readonly runs: readonly RunView[];
  readonly more: string;
}

export interface ReportIndexView {
  readonly sets: readonly SetView[];
  /** The other reports in the folder: the latest change report and translation reports, the checklists. */
  readonly others: ReadonlyArray<{ readonly label: string; readonly href: string }>;
  readonly hasSets: boolean;
  /** The page of one set (reports/parity/<set>/index.html), with a link back to all sets. */
  readonly single: boolean;
  readonly backHref: string;
}

/**
 * The reports other commands wrote in the reports folder: the latest sync change report, the
 * latest translation report per target, and every cutover checklist. Links relative to it.
 */
async function otherReports(reportsDir: string): Promise<Array<{ label: string; href: string }>> {
  const entries = async (dir: string) => (await readdir(dir, { withFileTypes: true }).catch(() => [])).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const latest = async (dir: string, file: string) => {
    const runs = (await entries(dir)).filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, file)));
    return runs.length === 0 ? undefined : `${runs[runs.length - 1]!.name}/${file}`;
  };
  const others: Array<{ label: string; href: string }> = [];
  const sync = await latest(path.join(reportsDir, 'sync'), 'changes.html');
  if (sync !== undefined) others.push({ label: `Latest legacy sync: what changed (${sync.split('/')[0]})`, href: `sync/${sync}` });
  for (const target of await entries(path.join(reportsDir, 'translate'))) {
    if (!target.isDirectory()) continue;
    const report = await latest(path.join(reportsDir, 'translate', target.name), 'translation.html');
    if (report !== undefined) others.push({ label: `Latest translation to ${target.name} (${report.split('/')[0]})`, href: `translate/${encodeURIComponent(target.name)}/${report}` });
  }
  for (const checklist of await entries(path.join(reportsDir, 'cutover'))) {
    if (checklist.isFile() && checklist.name.endsWith('.html')) others.push({ label: `Cutover checklist: ${checklist.name.replace(/\.html$/, '')}`, href: `cutover/${encodeURIComponent(checklist.name)}` });
  }
  return others;
}

export async function writeReportIndex(options: ReportIndexOptions): Promise<ReportIndexResult> {
  const { loaded } = options;
  const reporter = options.reporter ?? silentReporter;
  const warnings: string[] = [];
  const parityDir = parityReportsDir(loaded);
  const reportsDir = resolveConfigPath(loaded, loaded.config.reports.dir);
  const relative = (file: string) => path.relative(loaded.dir, file).split(path.sep).join('/');
  const now = options.now ?? new Date();

  const sets: Array<{ name: string; runs: ParityRunSummary[]; record: SignoffRecord | null }> = [];
  for (const name of await paritySetNames(loaded)) {
    let runs = options.runs?.get(name)?.slice();
    if (runs === undefined) {
      const read: ParityRunSummary[] = [];
      await forEachParityRun({ loaded, set: name, reporter, warnings }, (run) => {
        read.push(summariseRun(run));
      });
      runs = read;
    }
    runs.sort((a, b) => (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0));
    let record: SignoffRecord | null = null;
    try {
      record = await readSignoffRecord(signoffRecordFile(loaded, name), name);
    } catch (error) {
      const warning = `sign-offs of ${name} not shown: ${describeError(error)}`;
      warnings.push(warning);
      reporter.warn(warning);
    }
    sets.push({ name, runs, record });
  }

  const describe = (name: string) => loaded.config.parity.sets[name]?.description ?? '';
  const configured = (name: string) => loaded.config.parity.sets[name] !== undefined;
  const indexFile = path.join(reportsDir, 'index.html');
  const topView: ReportIndexView = {
    sets: sets.map((set) => setView(set, { prefix: `parity/${encodeURIComponent(set.name)}/`, limit: INDEX_RUNS_PER_SET, description: describe(set.name), configured: configured(set.name), setHref: `parity/${encodeURIComponent(set.name)}/index.html` })),
    hasSets: sets.length > 0,
    others: await otherReports(reportsDir),
    single: false,
    backHref: '',
  };
  await writeFileAtomic(
    indexFile,
    await renderHtmlPage({
      title: `Parity runs: ${loaded.config.project}`,
      subtitle: `${formatCount(sets.length)} table set${sets.length === 1 ? '' : 's'} · ${plural(sets.reduce((sum, set) => sum + set.runs.length, 0), 'run')}`,
      template: 'parity/index.html.hbs',
      view: topView,
      scripts: ['report/report.js'],
      generatedAt: now,
    }),
  );

  const results: ReportIndexSet[] = [];
  for (const set of sets) {
    const setIndex = path.join(parityDir, set.name, 'index.html');
    const view: ReportIndexView = {
      sets: [setView(set, { prefix: '', limit: Number.POSITIVE_INFINITY, description: describe(set.name), configured: configured(set.name), setHref: 'index.html' })],
      others: [],
      hasSets: true,
      single: true,
      backHref: '../../index.html',
    };
    await writeFileAtomic(
      setIndex,
      await renderHtmlPage({
        title: `Parity runs: ${set.name}`,
        subtitle: `${loaded.config.project} · ${plural(set.runs.length, 'run')}`,
        template: 'parity/index.html.hbs',
        view,
        scripts: ['report/report.js'],
        generatedAt: now,
      }),
    );
    const latest = set.runs.at(-1);
    results.push({
      set: set.name,
      runs: set.runs.length,
      latest:
        latest === undefined
          ? null
          : {
              runId: latest.runId,
              status: latest.status,
              finishedAt: latest.finishedAt,
              signed: set.record !== null && signoffsOfRun(set.record, latest.runId, latest.sha256).valid.length > 0,
            },
      index: relative(setIndex),
    });
  }
  return { index: relative(indexFile), sets: results, warnings };
}

function setView(
  set: { name: string; runs: readonly ParityRunSummary[]; record: SignoffRecord | null },
  options: { prefix: string; limit: number; description: string; configured: boolean; setHref: string },
): SetView {
  const latestFirst = [...set.runs].reverse();
  const views = latestFirst.map((run) => runView(run, set.record, options.prefix));
  const listed = views.slice(0, options.limit);
  return {
    name: set.name,
    anchor: `set-${set.name}`,
    description: options.description,
    configured: options.configured,
    href: options.setHref,
    runCount: plural(set.runs.length, 'run'),
    latest: views[0] ?? null,
    trend: set.runs.slice(-TREND_RUNS).map((run) => ({ status: run.status, title: `${run.runId}: ${run.status}` })),
    runs: listed,
    more: views.length > listed.length ? `${formatCount(views.length - listed.length)} older runs are listed on the set's page.` : '',
  };
}

function runView(run: ParityRunSummary, record: SignoffRecord | null, prefix: string): RunView {
  const folder = `${prefix}${encodeURIComponent(run.runId)}/`;
  return {
    runId: run.runId,
    href: `${folder}report.html`,
    status: run.status,
    interrupted: run.interrupted,
    finished: formatInstant(run.finishedAt),
    ranBy: run.ranBy,
    commit: run.git === null ? '—' : `${shortCommit(run.git.commit)}${run.git.dirty ? ' (dirty)' : ''}`,
    tables: formatCount(run.totals.tables),
    passed: formatCount(run.totals.passed),
    failed: formatCount(run.totals.failed),
    errored: formatCount(run.totals.errored),
    mismatchedRows: formatCount(run.mismatchedRows),
    signoff: signoffView(run, record),
    links: [
      { label: 'JUnit', href: `${folder}junit.xml` },
      { label: 'Markdown', href: `${folder}summary.md` },
      { label: 'JSON', href: `${folder}result.json` },
    ],
  };
}

function signoffView(run: ParityRunSummary, record: SignoffRecord | null): { text: string; cls: string } {
  if (record === null) return { text: 'sign-off record unreadable', cls: 'warn' };
  const { valid, stale } = signoffsOfRun(record, run.runId, run.sha256);
  if (valid.length > 0) {
    const names = valid.map((signoff) => `${signoff.by} (${formatInstant(signoff.at).slice(0, 10)})`).join(', ');
    return { text: `signed by ${names}${valid.some((signoff) => signoff.acceptedFailures) ? ', failures accepted' : ''}`, cls: 'done' };
  }
  if (stale.length > 0) return { text: `signature of ${stale.map((signoff) => signoff.by).join(', ')} no longer matches result.json`, cls: 'open' };
  return { text: 'not signed', cls: 'muted' };
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

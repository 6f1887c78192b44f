import type { JsonValue } from '../parity/json-value.js';
import type { ChangedSample, ParityRunResult, ParityStatus, ParityTableResult, SampleRow } from '../parity/results.js';
import {
  barWidth,
  displayValue,
  formatCount,
  formatDuration,
  formatInstant,
  formatPercent,
} from './format.js';
import { renderHtmlPage } from './html.js';
import { keysText, ruleLines, stringsText, thresholdText, timestampText, toleranceText, type RuleLine } from './parity-rules.js';

/**
 * The HTML parity report of one run: the view model (every number formatted, every width and
 * class decided here) and its rendering through templates/parity/report.html.hbs. The
 * Markdown summary and the JUnit file read the same counts through `tableCounts`, so that the
 * formats cannot disagree.
 */

/** Sample rows shown in the whole HTML report, spread over the tables' sample categories. */
export const SAMPLE_ROW_BUDGET = 3000;
/** Per category (missing, extra, changed) of one table: at least this many, at most that many. */
export const MIN_SAMPLE_ROWS = 3;
export const MAX_SAMPLE_ROWS = 20;
/** Columns of a missing/extra sample row shown beside the keys. */
export const MAX_SAMPLE_COLUMNS = 12;
/** Columns of changed samples shown side by side. */
export const MAX_PAIR_COLUMNS = 16;

export interface Cell {
  readonly text: string;
  /** CSS classes: v-null, v-empty, and differs for a highlighted cell. */
  readonly cls: string;
}

/** A count or rate as shown, with the raw number the table sorts by. */
export interface Figure {
  readonly text: string;
  /** The number as text for data-value ("" when there is none: sorts last). */
  readonly value: string;
}

/** The counts of one table, formatted once for every renderer. */
export interface TableCounts {
  readonly legacyRows: Figure;
  readonly newRows: Figure;
  readonly matched: Figure;
  readonly missing: Figure;
  readonly extra: Figure;
  readonly changed: Figure;
  readonly mismatchedRows: Figure;
  readonly mismatchRate: Figure;
}

export interface TableRowView extends TableCounts {
  readonly anchor: string;
  readonly name: string;
  readonly status: ParityStatus;
  /** error 0, fail 1, pass 2: sorting by status brings problems first. */
  readonly statusRank: number;
  readonly strategy: string;
}

export interface ColumnBarView {
  readonly name: string;
  /** "→ newName" when the new table calls it otherwise; empty when not. */
  readonly renamed: string;
  readonly mismatches: string;
  /** Share of the table's rows, e.g. "0.33%". */
  readonly ofRows: string;
  /** Share of the changed rows, e.g. "100%": the bar's width. */
  readonly ofChanged: string;
  readonly width: string;
}

export interface ChangedSamplesView {
  readonly note: string;
  readonly keyHeaders: readonly string[];
  readonly pairHeaders: readonly string[];
  readonly rows: ReadonlyArray<{ readonly keys: readonly Cell[]; readonly pairs: ReadonlyArray<{ readonly legacy: Cell; readonly new: Cell }> }>;
}

export interface RowSamplesView {
  readonly title: string;
  readonly note: string;
  readonly headers: readonly string[];
  readonly hasCopies: boolean;
  readonly rows: ReadonlyArray<{ readonly cells: readonly Cell[]; readonly copies: string }>;
}

export interface TableDetailView extends TableCounts {
  readonly anchor: string;
  readonly name: string;
  readonly status: ParityStatus;
  readonly strategy: string;
  readonly legacy: string;
  readonly new: string;
  readonly duration: string;
  readonly failures: readonly string[];
  readonly error: { readonly code: string; readonly message: string; readonly hint: string } | null;
  readonly rules: readonly RuleLine[];
  readonly schema: {
    readonly clean: boolean;
    readonly missingColumns: readonly string[];
    readonly extraColumns: readonly string[];
    readonly typeMismatches: ReadonlyArray<{ readonly column: string; readonly legacy: string; readonly new: string }>;
    readonly notCompared: readonly string[];
  } | null;
  readonly bars: readonly ColumnBarView[];
  /** Under the bars: the compared columns with no mismatch, or why there are no per-column counts. */
  readonly columnsNote: string;
  readonly duplicateKeys: string;
  readonly transfer: string;
  readonly changedSamples: ChangedSamplesView | null;
  readonly rowSamples: readonly RowSamplesView[];
  readonly hasSamples: boolean;
}

export interface ParityReportView {
  readonly title: string;
  readonly subtitle: string;
  readonly summary: {
    readonly set: string;
    readonly description: string;
    readonly project: string;
    readonly status: ParityStatus;
    readonly interrupted: boolean;
    readonly runId: string;
    readonly ranBy: string;
    readonly started: string;
    readonly finished: string;
    readonly duration: string;
    readonly commit: string;
    readonly commitNote: string;
    readonly config: string;
    readonly options: string;
    readonly tables: string;
    readonly tableCount: string;
    readonly passed: string;
    readonly failed: string;
    readonly errored: string;
    readonly mismatchedRows: string;
  };
  readonly filters: ReadonlyArray<{ readonly value: string; readonly label: string; readonly count: string; readonly pressed: string }>;
  readonly tables: readonly TableRowView[];
  readonly rules: ReadonlyArray<{
    readonly anchor: string;
    readonly name: string;
    readonly keys: string;
    readonly tolerance: string;
    readonly timestamps: string;
    readonly strings: string;
    readonly threshold: string;
  }>;
  readonly details: readonly TableDetailView[];
  readonly links: ReadonlyArray<{ readonly label: string; readonly href: string }>;
}

export interface ParityReportOptions {
  /** Sample rows shown in all (default SAMPLE_ROW_BUDGET). */
  readonly sampleRowBudget?: number;
}

const figure = (value: number | null | undefined, text = formatCount(value)): Figure => ({
  text,
  value: value === null || value === undefined ? '' : String(value),
});

/** The counts of a table as every renderer shows them ("—" where the table errored). */
export function tableCounts(table: ParityTableResult): TableCounts {
  return {
    legacyRows: figure(table.rows?.legacy),
    newRows: figure(table.rows?.new),
    matched: figure(table.diff?.matched),
    missing: figure(table.diff?.missing),
    extra: figure(table.diff?.extra),
    changed: figure(table.diff?.changed),
    mismatchedRows: figure(table.mismatchedRows),
    mismatchRate: figure(table.mismatchRate, formatPercent(table.mismatchRate)),
  };
}

export function totalMismatchedRows(result: ParityRunResult): number {
  return result.tables.reduce((sum, table) => sum + (table.mismatchedRows ?? 0), 0);
}

const STATUS_RANK: Record<ParityStatus, number> = { error: 0, fail: 1, pass: 2 };

export function parityReportView(result: ParityRunResult, options: ParityReportOptions = {}): ParityReportView {
  const anchors = result.tables.map((table, index) => `table-${index + 1}-${table.name.replace(/[^\w-]/g, '_')}`);
  const perCategory = samplesPerCategory(result, options.sampleRowBudget ?? SAMPLE_ROW_BUDGET);
  const count = (status: ParityStatus) => result.tables.filter((table) => table.status === status).length;
  const finished = formatInstant(result.finishedAt);
  return {
    title: `Parity report: ${result.set}`,
    subtitle: `${result.project} · run ${result.runId} · ${finished} · ${result.status}${result.interrupted ? ' (interrupted)' : ''}`,
    summary: {
      set: result.set,
      description: result.description ?? '',
      project: result.project,
      status: result.status,
      interrupted: result.interrupted,
      runId: result.runId,
      ranBy: result.ranBy,
      started: formatInstant(result.startedAt),
      finished,
      duration: formatDuration(result.durationMs),
      commit: result.git === null ? 'not in a git repository' : result.git.commit,
      commitNote: result.git?.dirty === true ? 'with uncommitted changes in the working tree' : '',
      config: result.config,
      options: `${result.options.concurrency} tables at a time, up to ${formatCount(result.options.sample)} sample rows per category`,
      tables: result.options.tables === null ? 'all tables of the set' : `only ${result.options.tables.join(', ')}`,
      tableCount: formatCount(result.totals.tables),
      passed: formatCount(result.totals.passed),
      failed: formatCount(result.totals.failed),
      errored: formatCount(result.totals.errored),
      mismatchedRows: formatCount(totalMismatchedRows(result)),
    },
    filters: [
      { value: 'all', label: 'All', count: formatCount(result.tables.length), pressed: 'true' },
      { value: 'pass', label: 'Passed', count: formatCount(count('pass')), pressed: 'false' },
      { value: 'fail', label: 'Failed', count: formatCount(count('fail')), pressed: 'false' },
      { value: 'error', label: 'Errored', count: formatCount(count('error')), pressed: 'false' },
    ],
    tables: result.tables.map((table, index) => ({
      anchor: anchors[index]!,
      name: table.name,
      status: table.status,
      statusRank: STATUS_RANK[table.status],
      strategy: table.strategy ?? '—',
      ...tableCounts(table),
    })),
    rules: result.tables.map((table, index) => ({
      anchor: anchors[index]!,
      name: table.name,
      keys: table.rules === null ? '—' : keysText(table.rules),
      tolerance: table.rules === null ? '—' : toleranceText(table.rules),
      timestamps: table.rules === null ? '—' : timestampText(table.rules),
      strings: table.rules === null ? '—' : stringsText(table.rules),
      threshold: table.rules === null ? '—' : thresholdText(table.rules),
    })),
    details: result.tables.map((table, index) => tableDetail(table, anchors[index]!, perCategory)),
    links: [
      { label: 'result.json', href: 'result.json' },
      { label: 'junit.xml', href: 'junit.xml' },
      { label: 'summary.md', href: 'summary.md' },
      { label: `all runs of ${result.set}`, href: '../index.html' },
    ],
  };
}

/**
 * How many sample rows per category the report shows: the budget spread evenly over every
 * non-empty category of every table, within [MIN, MAX]. A run with a few failing tables shows
 * 20 rows each; a run where hundreds fail stays a file a browser opens at once.
 */
export function samplesPerCategory(result: ParityRunResult, budget: number): number {
  const categories = result.tables.reduce(
    (sum, table) => sum + [table.samples.missing, table.samples.extra, table.samples.changed].filter((rows) => rows.length > 0).length,
    0,
  );
  if (categories === 0) return MAX_SAMPLE_ROWS;
  return Math.min(MAX_SAMPLE_ROWS, Math.max(MIN_SAMPLE_ROWS, Math.floor(budget / categories)));
}

function tableDetail(table: ParityTableResult, anchor: string, perCategory: number): TableDetailView {
  const counts = tableCounts(table);
  const schema = table.schema;
  const notCompared = table.columns.filter((column) => !column.compared).map((column) => column.name);
  const changedSamples = changedView(table, perCategory);
  const rowSamples = [
    rowSamplesView(table, table.samples.missing, 'Missing from the new table (legacy only)', perCategory),
    rowSamplesView(table, table.samples.extra, 'Extra in the new table (new only)', perCategory),
  ].filter((view): view is RowSamplesView => view !== null);
  const duplicates = table.diff?.duplicateKeys;
  const transfer = table.transfer;
  return {
    ...counts,
    anchor,
    name: table.name,
    status: table.status,
    strategy: table.strategy ?? '—',
    legacy: `${table.legacy.table} (${table.legacy.connection})`,
    new: `${table.new.table} (${table.new.connection})`,
    duration: formatDuration(table.durationMs),
    failures: table.failures,
    error: table.error === null ? null : { code: table.error.code, message: table.error.message, hint: table.error.hint ?? '' },
    rules: ruleLines(table.rules),
    schema:
      schema === null
        ? null
        : {
            clean: schema.missingColumns.length + schema.extraColumns.length + schema.typeMismatches.length === 0,
            missingColumns: schema.missingColumns,
            extraColumns: schema.extraColumns,
            typeMismatches: schema.typeMismatches,
            notCompared,
          },
    bars: columnBars(table),
    columnsNote: columnsNote(table),
    duplicateKeys:
      duplicates === undefined
        ? ''
        : `Duplicate keys: ${formatCount(duplicates.legacyKeys)} on the legacy side (${formatCount(duplicates.legacyRows)} rows), ` +
          `${formatCount(duplicates.newKeys)} on the new side (${formatCount(duplicates.newRows)} rows); their rows are set aside and counted as mismatched.`,
    transfer:
      transfer === undefined
        ? ''
        : `Cross-engine transfer: ${formatCount(transfer.checksumQueries)} checksum and ${formatCount(transfer.fetchQueries)} fetch queries, ` +
          `${formatCount(transfer.rowsFetched)} rows, ${formatBytes(transfer.bytesFetched)} of ${formatBytes(transfer.tableBytes)} (${formatPercent(transfer.ratio)}).`,
    changedSamples,
    rowSamples,
    hasSamples: changedSamples !== null || rowSamples.length > 0,
  };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function columnBars(table: ParityTableResult): ColumnBarView[] {
  const changed = table.diff?.changed ?? 0;
  const rows = Math.max(table.rows?.legacy ?? 0, table.rows?.new ?? 0);
  return table.columns
    .filter((column) => column.compared && !column.key && (column.mismatches ?? 0) > 0)
    .sort((a, b) => (b.mismatches ?? 0) - (a.mismatches ?? 0) || a.name.localeCompare(b.name))
    .map((column) => {
      const mismatches = column.mismatches ?? 0;
      const ofChanged = changed === 0 ? 0 : mismatches / changed;
      return {
        name: column.name,
        renamed: column.newName === column.name ? '' : `→ ${column.newName}`,
        mismatches: formatCount(mismatches),
        ofRows: formatPercent(rows === 0 ? 0 : mismatches / rows),
        ofChanged: formatPercent(ofChanged),
        width: barWidth(ofChanged),
      };
    });
}

function columnsNote(table: ParityTableResult): string {
  if (table.status === 'error' && table.diff === null) return '';
  const values = table.columns.filter((column) => column.compared && !column.key);
  if (values.length > 0 && values.every((column) => column.mismatches === null)) {
    return 'Per-column counts do not apply to a keyless (multiset) comparison: a row either has an identical copy on the other side or not.';
  }
  const clean = values.filter((column) => column.mismatches === 0).length;
  if (clean === 0) return '';
  if (clean === values.length) return `All ${formatCount(clean)} compared columns match in every row.`;
  return `${formatCount(clean)} other compared column${clean === 1 ? '' : 's'} match in every row.`;
}

function cell(value: JsonValue | undefined, differs = false): Cell {
  const shown = displayValue(value);
  const classes = [shown.kind === 'null' ? 'v-null' : shown.kind === 'empty' ? 'v-empty' : '', differs ? 'differs' : ''].filter(Boolean);
  return { text: shown.text, cls: classes.join(' ') };
}

const SAME: Cell = { text: '=', cls: 'same' };

function shownNote(shown: number, sampled: number, total: number | undefined): string {
  const of = total !== undefined && total > sampled ? ` (${formatCount(total)} in all)` : '';
  if (shown === sampled) return `${formatCount(shown)} sampled row${shown === 1 ? '' : 's'}${of}.`;
  return `${formatCount(shown)} of ${formatCount(sampled)} sampled rows${of}; result.json holds every sampled row.`;
}

function changedView(table: ParityTableResult, perCategory: number): ChangedSamplesView | null {
  const samples: readonly ChangedSample[] = table.samples.changed;
  if (samples.length === 0) return null;
  const shown = samples.slice(0, perCategory);
  const keyHeaders = keyColumns(table, shown.map((sample) => sample.key));
  const order = new Map(table.columns.map((column, index) => [column.name, index]));
  const differing = [...new Set(shown.flatMap((sample) => sample.columns.map((column) => column.name)))]
    .sort((a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b));
  const pairs = differing.slice(0, MAX_PAIR_COLUMNS);
  const newNames = new Map(shown.flatMap((sample) => sample.columns.map((column) => [column.name, column.newName] as const)));
  const cutColumns = differing.length - pairs.length;
  return {
    note: shownNote(shown.length, samples.length, table.diff?.changed) + (cutColumns > 0 ? ` ${cutColumns} more differing columns are in result.json.` : ''),
    keyHeaders,
    pairHeaders: pairs.map((name) => (newNames.get(name) === name ? name : `${name} → ${newNames.get(name)}`)),
    rows: shown.map((sample) => {
      const byName = new Map(sample.columns.map((column) => [column.name, column]));
      return {
        keys: keyHeaders.map((key) => cell(sample.key[key])),
        pairs: pairs.map((name) => {
          const column = byName.get(name);
          return column === undefined ? { legacy: SAME, new: SAME } : { legacy: cell(column.legacy, true), new: cell(column.new, true) };
        }),
      };
    }),
  };
}

function keyColumns(table: ParityTableResult, keys: ReadonlyArray<Record<string, JsonValue> | null>): string[] {
  const configured = table.rules?.keys ?? [];
  if (configured.length > 0) return [...configured];
  return [...new Set(keys.flatMap((key) => (key === null ? [] : Object.keys(key))))];
}

function rowSamplesView(table: ParityTableResult, samples: readonly SampleRow[], title: string, perCategory: number): RowSamplesView | null {
  if (samples.length === 0) return null;
  const shown = samples.slice(0, perCategory);
  const keys = keyColumns(table, shown.map((sample) => sample.key));
  const order = table.columns.filter((column) => column.compared && !keys.includes(column.name)).map((column) => column.name);
  const present = new Set(shown.flatMap((sample) => Object.keys(sample.values)));
  const others = [...order.filter((name) => present.has(name)), ...[...present].filter((name) => !keys.includes(name) && !order.includes(name)).sort()];
  const columns = others.slice(0, MAX_SAMPLE_COLUMNS);
  const hasCopies = shown.some((sample) => sample.copies !== undefined);
  const total = title.startsWith('Missing') ? table.diff?.missing : table.diff?.extra;
  const cutColumns = others.length - columns.length;
  return {
    title,
    note: shownNote(shown.length, samples.length, total) + (cutColumns > 0 ? ` ${cutColumns} more columns are in result.json.` : ''),
    headers: [...keys, ...columns],
    hasCopies,
    rows: shown.map((sample) => ({
      cells: [...keys.map((key) => cell(sample.key?.[key] ?? sample.values[key])), ...columns.map((column) => cell(sample.values[column]))],
      copies: sample.copies === undefined ? '' : formatCount(sample.copies),
    })),
  };
}

export interface RenderParityHtmlOptions extends ParityReportOptions {
  readonly generatedAt: Date;
}

/** The self-contained HTML report of a run. */
export async function renderParityHtml(result: ParityRunResult, options: RenderParityHtmlOptions): Promise<string> {
  const view = parityReportView(result, options);
  return renderHtmlPage({
    title: view.title,
    subtitle: view.subtitle,
    template: 'parity/report.html.hbs',
    view,
    scripts: ['report/report.js'],
    generatedAt: options.generatedAt,
  });
}

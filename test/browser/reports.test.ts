/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCutover } from '../../src/cutover/cutover.js';
import { signoffRun } from '../../src/cutover/signoff.js';
import type { ParityRunResult } from '../../src/parity/results.js';
import { runParity } from '../../src/parity/run-parity.js';
import { formatCount, formatPercent } from '../../src/report/format.js';
import { rebuildReports } from '../../src/report/rebuild-reports.js';
import { writeSyncReports } from '../../src/report/sync-report.js';
import type { ManifestEntry } from '../../src/snapshot/manifest.js';
import { scenarioGitProject } from '../cutover/support/projects.js';
import { CHROMIUM, chromiumFound, expectQuiet, launchChromium, openFile, type Browser } from './support/chromium.js';

/**
 * The reports in a real browser: Debian's Chromium, headless, driven by playwright-core. Each
 * page must render with no console error and no request but its own file, show the result's
 * numbers, and sort and filter. Skipped (with this message) where no Chromium is installed.
 */
describe.skipIf(!chromiumFound)(`reports in Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let dir: string;
  let run: ParityRunResult;
  let reportFile: string;
  let junitFile: string;
  let indexFile: string;
  let cutoverFile: string;
  let syncFile: string;

  beforeAll(async () => {
    const project = await scenarioGitProject();
    dir = project.dir;
    // Run ids sort by the second they started: give the two runs seconds of their own.
    const times = [new Date('2026-11-23T09:00:00Z'), new Date('2026-11-23T09:00:01Z'), new Date('2026-11-23T10:00:00Z'), new Date('2026-11-23T10:00:05Z')];
    const passed = await runParity({ loaded: project.loaded, set: 'scenarios', tables: ['identical'], now: () => times.shift()! });
    await signoffRun({ loaded: project.loaded, set: 'scenarios', by: 'Dana Whitfield' });
    const full = await runParity({ loaded: project.loaded, set: 'scenarios', now: () => times.shift()! });
    run = JSON.parse(await readFile(full.file!, 'utf8')) as ParityRunResult;
    expect(passed.result.status).toBe('pass');
    reportFile = path.join(dir, run.reports['html']!);
    junitFile = path.join(dir, run.reports['junit']!);
    indexFile = path.join(dir, (await rebuildReports({ loaded: project.loaded })).index);
    cutoverFile = path.join(dir, (await runCutover({ loaded: project.loaded, set: 'scenarios', tick: { step: 'rollback-plan', by: 'Kim' } })).file);
    const entry = (id: string): ManifestEntry => ({ id, kind: 'procedure', origin: { type: 'catalog', name: 'warehouse' }, name: id, path: `catalog/warehouse/etl/procedures/${id}.sql`, sha256: '0'.repeat(64), bytes: 1, references: [], details: {} });
    syncFile = (
      await writeSyncReports({
        dir: path.join(dir, 'out', 'reports', 'sync', 'week'),
        project: 'scenarios',
        when: new Date('2026-11-23T09:12:03Z'),
        commit: 'abcdef1234567890',
        snapshot: 'legacy',
        objects: 2,
        byKind: { procedure: 2 },
        changed: [
          { change: 'changed', entry: entry('usp_build_customer_churn'), before: 'WHEN x >= 3 THEN\n', after: 'WHEN x >= 4 THEN\n' },
          { change: 'added', entry: entry('usp_new'), before: '', after: 'SELECT 1\n' },
        ],
        impact: [{ id: 'usp_build_customer_churn', sets: ['customers'], tables: ['customers/customer_churn'], translated: [], dependents: [] }],
        sources: [],
        activity: { procedures: 0, withStatistics: 0, notExecuted: [] },
        warnings: [],
      })
    ).html;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const open = (file: string) => openFile(browser, file);

  const rowOrder = (page: Page) => page.$$eval('#table-list tbody tr', (rows) => rows.map((row) => row.getAttribute('data-table')));
  const visibleRows = (page: Page) => page.$$eval('#table-list tbody tr', (rows) => rows.filter((row) => getComputedStyle(row).display !== 'none').map((row) => row.getAttribute('data-table')));

  it('renders the parity report with the result numbers, and nothing fetched', async () => {
    const opened = await open(reportFile);
    const { page } = opened;
    expect(await page.title()).toBe('Parity report: scenarios');
    const card = (field: string) => page.textContent(`[data-field="${field}"]`);
    expect(await card('tables')).toBe(formatCount(run.totals.tables));
    expect(await card('passed')).toBe(formatCount(run.totals.passed));
    expect(await card('failed')).toBe(formatCount(run.totals.failed));
    expect(await card('errored')).toBe(formatCount(run.totals.errored));
    expect(await card('run-id')).toBe(run.runId);
    expect(await card('commit')).toBe(run.git!.commit);
    const shown = await page.$$eval('#table-list tbody tr', (rows) =>
      rows.map((row) => [row.getAttribute('data-table'), ...Array.from(row.querySelectorAll('td[data-col]')).map((cell) => cell.textContent)]),
    );
    expect(shown).toEqual(
      run.tables.map((table) => [
        table.name,
        formatCount(table.rows?.legacy),
        formatCount(table.rows?.new),
        formatCount(table.diff?.matched),
        formatCount(table.diff?.missing),
        formatCount(table.diff?.extra),
        formatCount(table.diff?.changed),
        formatPercent(table.mismatchRate),
      ]),
    );
    const everything = run.tables.find((table) => table.name === 'everything')!;
    const bars = await page.$$eval('#table-1-everything table.bars tbody tr', (rows) => rows.map((row) => [row.getAttribute('data-column'), row.querySelector('[data-col="mismatches"]')!.textContent]));
    expect(bars).toEqual(
      everything.columns
        .filter((column) => (column.mismatches ?? 0) > 0)
        .sort((a, b) => b.mismatches! - a.mismatches! || a.name.localeCompare(b.name))
        .map((column) => [column.name, formatCount(column.mismatches)]),
    );
    const highlighted = await page.$$eval('#table-1-everything table.samples.changed td.differs', (cells) => cells.length);
    expect(highlighted).toBe(everything.samples.changed.reduce((sum, sample) => sum + sample.columns.length * 2, 0));
    expectQuiet(opened, reportFile);
    await page.close();
  });

  it('sorts the table of tables by a column, both ways, empty cells last', async () => {
    const opened = await open(reportFile);
    const { page } = opened;
    const original = await rowOrder(page);
    expect(original).toEqual(run.tables.map((table) => table.name));
    const header = page.locator('#table-list thead th', { hasText: 'Legacy rows' });
    const legacyRows = (name: string | null) => run.tables.find((table) => table.name === name)!.rows?.legacy;
    const byRows = (direction: 1 | -1) =>
      run.tables
        .map((table, index) => ({ name: table.name, rows: table.rows?.legacy, index }))
        .sort((a, b) => (a.rows === undefined ? 1 : b.rows === undefined ? -1 : direction * (a.rows - b.rows) || a.index - b.index))
        .map((entry) => entry.name);
    await header.click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await rowOrder(page);
    expect(ascending).toEqual(byRows(1));
    expect(ascending.at(-1)).toBe('missing_table');
    await header.click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const descending = await rowOrder(page);
    expect(descending).toEqual(byRows(-1));
    expect(legacyRows(descending[0]!)).toBe(3000);
    await page.locator('#table-list thead th', { hasText: 'Table' }).first().click();
    expect(await rowOrder(page)).toEqual([...run.tables.map((table) => table.name)].sort());
    await page.locator('#table-list thead th', { hasText: 'Status' }).click();
    expect((await rowOrder(page))[0]).toBe('missing_table');
    expectQuiet(opened, reportFile);
    await page.close();
  });

  it('filters tables by status, hides the others and their sections, and prints everything', async () => {
    const opened = await open(reportFile);
    const { page } = opened;
    const names = (status: string) => run.tables.filter((table) => table.status === status).map((table) => table.name);
    await page.click('button[data-filter="fail"]');
    expect(await page.getAttribute('button[data-filter="fail"]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('button[data-filter="all"]', 'aria-pressed')).toBe('false');
    expect(await visibleRows(page)).toEqual(names('fail'));
    expect(await page.isVisible('section.table-detail[data-table="identical"]')).toBe(false);
    expect(await page.isVisible('section.table-detail[data-table="everything"]')).toBe(true);
    await page.click('button[data-filter="error"]');
    expect(await visibleRows(page)).toEqual(['missing_table']);
    await page.click('button[data-filter="pass"]');
    expect(await visibleRows(page)).toEqual(names('pass'));

    // Printed for sign-off: every table, no buttons, a place to sign.
    await page.emulateMedia({ media: 'print' });
    expect(await visibleRows(page)).toEqual(run.tables.map((table) => table.name));
    expect(await page.isVisible('section.table-detail[data-table="everything"]')).toBe(true);
    expect(await page.isVisible('.filters')).toBe(false);
    expect(await page.isVisible('.signature')).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.isVisible('.signature')).toBe(false);
    await page.click('button[data-filter="all"]');
    expect(await visibleRows(page)).toEqual(run.tables.map((table) => table.name));
    expectQuiet(opened, reportFile);
    await page.close();
  });

  it('reads junit.xml as well-formed XML with a test case per table', async () => {
    const opened = await open(reportFile);
    const xml = await readFile(junitFile, 'utf8');
    const parsed = await opened.page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: document.getElementsByTagName('parsererror').length,
        cases: Array.from(document.getElementsByTagName('testcase')).map((testCase) => [
          testCase.getAttribute('name'),
          Array.from(testCase.children)
            .map((child) => child.tagName)
            .filter((tag) => tag !== 'system-out')
            .join(''),
        ]),
        suite: document.documentElement.getAttribute('tests'),
      };
    }, xml);
    expect(parsed.error).toBe(0);
    expect(parsed.suite).toBe(String(run.totals.tables));
    expect(parsed.cases).toEqual(run.tables.map((table) => [table.name, table.status === 'pass' ? '' : table.status === 'fail' ? 'failure' : 'error']));
    await opened.page.close();
  });

  it('renders the index of runs, latest first with the trend, and the sign-off of each', async () => {
    const opened = await open(indexFile);
    const { page } = opened;
    expect(await page.$$eval('section.set-runs tbody tr', (rows) => rows.map((row) => row.getAttribute('data-run')))).toEqual([run.runId, expect.any(String)]);
    expect(await page.$$eval('section.set-runs .trend .mark', (marks) => marks.map((mark) => mark.className))).toEqual(['mark pass', `mark ${run.status}`]);
    expect(await page.textContent('section.set-runs tbody tr:last-child .signoff')).toMatch(/^signed by Dana Whitfield/);
    expect(await page.textContent('section.set-runs tbody tr:first-child .signoff')).toBe('not signed');
    expectQuiet(opened, indexFile);
    await page.close();
  });

  it('renders the cutover checklist and the sync change report in the same look', async () => {
    for (const file of [cutoverFile, syncFile]) {
      const opened = await open(file);
      const { page } = opened;
      const look = await page.evaluate(() => ({
        header: getComputedStyle(document.querySelector('header.report-header')!).backgroundColor,
        section: getComputedStyle(document.querySelector('main section')!).borderTopStyle,
        font: getComputedStyle(document.documentElement).fontFamily,
      }));
      expect(look).toEqual({ header: 'rgb(255, 255, 255)', section: 'solid', font: expect.stringContaining('system-ui') });
      expectQuiet(opened, file);
      if (file === cutoverFile) {
        const items = await page.$$eval('ul.checklist > li', (rows) => rows.map((row) => [row.getAttribute('data-item'), row.getAttribute('data-status')]));
        expect(items).toEqual([
          ['inventoried', 'open'],
          ['no-legacy-change', 'open'],
          ['translated', 'open'],
          ['parity-signed-off', 'open'],
          ['consumers-repointed', 'open'],
          ['bi-reports-switched', 'open'],
          ['legacy-job-disabled', 'open'],
          ['rollback-plan', 'done'],
        ]);
        expect(await page.textContent('[data-field="done"]')).toBe('1');
      } else {
        expect(await page.textContent('pre.diff .add')).toBe('+WHEN x >= 4 THEN');
      }
      await page.close();
    }
  });
});

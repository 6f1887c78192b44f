/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from '../../src/demo/demo.js';
import { repoRoot } from '../support/corpus.js';
import { CHROMIUM, chromiumFound, expectQuiet, launchChromium, openFile, type Browser } from './support/chromium.js';

/**
 * What a new user does first: run the demo with the built CLI, then open the reports it names
 * in a browser. Every page must load with no console error and fetch nothing but itself, and
 * every link between the reports must lead to a file the demo wrote.
 */
const bin = path.join(repoRoot, 'bin', 'run.js');

async function demo(args: readonly string[]) {
  return execa('node', [bin, 'demo', ...args], { env: { NO_COLOR: '1', NODE_ENV: 'production' }, reject: false, timeout: 120_000 });
}

describe('lakeshift demo, end to end on the built CLI', () => {
  let parent: string;
  let result: DemoResult;
  let human: { exitCode: number | undefined; stdout: string };

  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'lakeshift-demo-e2e-'));
    const json = await demo([path.join(parent, 'json'), '--json']);
    expect(json.stderr).not.toMatch(/error/i);
    expect(json.exitCode).toBe(0);
    result = JSON.parse(json.stdout) as DemoResult;
    const printed = await demo([path.join(parent, 'human')]);
    human = { exitCode: printed.exitCode, stdout: printed.stdout };
  }, 240_000);

  afterAll(async () => {
    if (parent !== undefined) await rm(parent, { recursive: true, force: true });
  });

  it('prints one JSON document with the outcome of the week', () => {
    expect(result.parity.map((run) => [run.set, run.status])).toEqual([
      ['sales', 'pass'],
      ['customers', 'fail'],
    ]);
    expect(result.signoff?.set).toBe('sales');
    expect(result.nextWeek.reopened.length).toBeGreaterThan(0);
    expect(result.rehearsal.status).toBe('ok');
  });

  it('tells a person what happened and which files to open, each of which exists', () => {
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain('  sales: PASS');
    expect(human.stdout).toContain('  customers: FAIL');
    expect(human.stdout).toContain('customer_churn: fail, 4 rows differ');
    const opened = human.stdout.split('Open in a browser:\n')[1]?.split('\n\n')[0] ?? '';
    const files = opened.split('\n').map((line) => line.trim().split(/\s{2,}/)[1]);
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) expect(existsSync(path.resolve(file!)), file).toBe(true);
  });

  describe.skipIf(!chromiumFound)(`its reports in Chromium (${CHROMIUM})`, () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
    });

    function reports(): string[] {
      return [
        result.index,
        result.sync.report,
        ...result.translation.map((translation) => translation.report),
        ...result.parity.map((run) => run.report),
        result.signoff?.checklist ?? null,
        result.nextWeek.sync.report,
        result.nextWeek.checklist,
      ].filter((file): file is string => file !== null);
    }

    it('opens every report the demo names, quietly, with working links between them', async () => {
      const files = reports();
      expect(files.length).toBeGreaterThanOrEqual(8);
      for (const file of files) {
        const opened = await openFile(browser, file);
        const { page } = opened;
        expectQuiet(opened, file);
        expect((await page.title()).length, file).toBeGreaterThan(0);
        const links = await page.$$eval('a[href]', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
        for (const link of links.filter((href) => href.startsWith('file:'))) {
          expect(existsSync(new URL(link.split('#')[0]!)), `${file} links to ${link}`).toBe(true);
        }
        await page.close();
      }
    });

    it('shows the four churn rows that differ in the customers report', async () => {
      const customers = result.parity.find((run) => run.set === 'customers')!;
      const { page } = await openFile(browser, customers.report);
      const churn = page.locator('section.table-detail[data-table="customer_churn"]');
      expect(await churn.isVisible()).toBe(true);
      const ids = await churn.locator('table.samples.changed tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim()));
      expect(ids).toEqual(['100', '106', '123', '151']);
      await page.close();
    });
  });
});

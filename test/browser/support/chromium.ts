import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium, or LAKESHIFT_CHROMIUM; browser tests skip, saying so, without it. */
export const CHROMIUM = process.env['LAKESHIFT_CHROMIUM'] ?? '/usr/bin/chromium';
export const chromiumFound = existsSync(CHROMIUM);
if (!chromiumFound) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set LAKESHIFT_CHROMIUM)`);

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a profile of its own, which fetches nothing on its own account. */
export async function launchChromium(): Promise<Browser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'lakeshift-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface Opened {
  readonly page: Page;
  /** Every URL the page requested, itself first. */
  readonly requests: string[];
  /** Console errors and warnings, and uncaught page errors. */
  readonly errors: string[];
}

/** Opens a local file, recording what the page fetches and what it complains about. */
export async function openFile(browser: Browser, file: string): Promise<Opened> {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, errors };
}

/** The page fetched nothing but its own file and said nothing wrong. */
export function expectQuiet(opened: Opened, file: string): void {
  expect(opened.requests, file).toEqual([pathToFileURL(file).href]);
  expect(opened.errors, file).toEqual([]);
}

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../../src/demo/demo.js';
import { loadSeeds, readSeedManifest } from '../../src/demo/seeds.js';
import { DuckDbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { rowObjects } from '../../src/engines/engine.js';
import { examplesDir } from '../../src/paths.js';

const dataDir = path.join(examplesDir(), 'shellcorp', 'data');

describe('loadSeeds on the ShellCorp estate', () => {
  const engine = new DuckDbEngine('local', { kind: 'duckdb', path: ':memory:', readOnly: false }, { baseDir: tmpdir() });

  afterAll(() => engine.close());

  it('loads every CSV with its declared types, one row per data line', async () => {
    const loaded = await loadSeeds(engine, dataDir);
    const manifest = await readSeedManifest(dataDir);
    expect(loaded.map((seed) => seed.table)).toEqual(manifest.tables.map((seed) => seed.table));
    for (const seed of manifest.tables) {
      const text = await readFile(path.join(dataDir, seed.file), 'utf8');
      // No CSV field here spans lines, so data lines are lines after the header.
      const lines = text.split('\n').filter((line) => line !== '').length - 1;
      expect(loaded.find((table) => table.table === seed.table)?.rows, seed.table).toBe(lines);
    }
    expect(loaded.find((seed) => seed.table === 'dw.customer_churn')?.target).toBe('legacy_dw.customer_churn');
    expect(loaded.find((seed) => seed.table === 'sales.orders')?.target).toBe('sales.orders');
    const types = rowObjects(await engine.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'legacy_dw' AND table_name = 'customer_churn' AND column_name IN ('net_last_90_days', 'churn_flag') ORDER BY 1"));
    expect(types).toEqual([
      { column_name: 'churn_flag', data_type: 'BOOLEAN' },
      { column_name: 'net_last_90_days', data_type: 'DECIMAL(12,2)' },
    ]);
  });

  it('keeps an empty string ("") apart from NULL (an empty field)', async () => {
    const text = await readFile(path.join(dataDir, 'base', 'sales.returns.csv'), 'utf8');
    const reasons = text.split('\n').slice(1).filter((line) => line !== '').map((line) => line.split(',')[8]);
    const [counts] = rowObjects(
      await engine.query(`SELECT count(*) FILTER (WHERE reason_code = '') AS empty, count(*) FILTER (WHERE reason_code IS NULL) AS missing FROM sales.returns`),
    );
    expect(Number(counts!['empty'])).toBe(reasons.filter((reason) => reason === '""').length);
    expect(Number(counts!['missing'])).toBe(reasons.filter((reason) => reason === '').length);
    expect(Number(counts!['empty'])).toBeGreaterThan(0);
  });

  it('holds the manual correction that the customers table set must find', async () => {
    const rows = rowObjects(
      await engine.query('SELECT customer_id, churn_flag, churn_risk FROM legacy_dw.customer_churn WHERE customer_id IN (100, 106, 123, 151) ORDER BY 1'),
    );
    expect(rows).toEqual([100, 106, 123, 151].map((id) => ({ customer_id: id, churn_flag: false, churn_risk: 'At risk' })));
  });

  it('names the file when the manifest is broken', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-seeds-'));
    await writeFile(path.join(dir, 'seeds.json'), '{"version": 1, "tables": [{"table": "no-schema"}]}');
    await expect(loadSeeds(engine, dir)).rejects.toMatchObject({ code: 'INPUT_INVALID', location: { file: path.join(dir, 'seeds.json') } });
  });
});

describe('runDemo', () => {
  let parent: string;
  let first: DemoResult;

  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'lakeshift-demo-'));
    first = await runDemo({ dir: path.join(parent, 'week') });
  });

  it('runs the week in order, each step saying what it did', () => {
    expect(first.steps.map((step) => step.name)).toEqual([
      'create the workspace',
      'check lakeshift.yaml and the connections',
      'sync the legacy estate into a git snapshot',
      'load the legacy tables into the local DuckDB',
      'translate the T-SQL to Databricks SQL, and to DuckDB for the rehearsal',
      "rehearse: run the nightly job's procedures on DuckDB to rebuild the derived tables in gold",
      'compare every table set: legacy derived tables against the rehearsed gold ones',
      'sign off the set that passed and render its cutover checklist',
      'the next week: the analysts change two procedures; sync and translate again',
      'render the index of every report',
    ]);
    for (const step of first.steps) expect(step.summary, step.name).not.toBe('');
  });

  it('creates a git workspace from the estate, snapshots it and loads its tables', async () => {
    const log = await simpleGit(first.workspace).log();
    const messages = log.all.map((commit) => commit.message).reverse();
    expect(messages[0]).toBe('shellcorp: the legacy estate, week 1');
    expect(messages[1]).toMatch(/^legacy sync \d{4}-\d\d-\d\d: \+\d+ ~0 -0$/);
    expect(messages.some((message) => message.startsWith('signoff sales: run '))).toBe(true);
    expect(log.all.at(-1)?.hash).toBe(first.commit);
    expect(first.sync.objects).toBeGreaterThan(80);
    expect(existsSync(first.sync.report!)).toBe(true);
    expect(existsSync(path.join(first.workspace, 'warehouse', 'ShellCorp.Warehouse.sqlproj'))).toBe(true);
    expect(first.database).toBe(path.join(first.workspace, '.lakeshift', 'shellcorp.duckdb'));
    expect(first.tables.filter((table) => table.role === 'derived').length).toBeGreaterThanOrEqual(6);
  });

  it('translates to both targets and rehearses the nightly job into gold', () => {
    expect(first.translation.map((translation) => translation.target)).toEqual(['databricks', 'duckdb']);
    for (const translation of first.translation) {
      expect(existsSync(path.join(translation.out, 'translation.json'))).toBe(true);
      expect(existsSync(translation.report!)).toBe(true);
    }
    expect(first.rehearsal.status).toBe('ok');
    expect(first.rehearsal.procedures).toBeGreaterThanOrEqual(12);
    expect(first.rehearsal.tablesCreated).toContain('shellcorp.gold.daily_sales_summary');
  });

  it('finds the sales set equal to legacy, and the customers set different on the four hand-corrected rows only', async () => {
    expect(first.parity.map((run) => [run.set, run.status])).toEqual([
      ['sales', 'pass'],
      ['customers', 'fail'],
    ]);
    expect(first.parity[1]!.failures).toEqual(['customer_churn: fail, 4 rows differ']);
    const engine = new DuckDbEngine('check', { kind: 'duckdb', path: first.database, readOnly: true }, { baseDir: first.workspace });
    try {
      const churn = rowObjects(await engine.query('SELECT customer_id, churn_flag, churn_risk FROM gold.customer_churn WHERE customer_id IN (100, 106, 123, 151) ORDER BY 1'));
      expect(churn).toEqual([100, 106, 123, 151].map((id) => ({ customer_id: id, churn_flag: true, churn_risk: 'Churned' })));
    } finally {
      await engine.close();
    }
  });

  it('signs the set that passed, renders its checklist, and reopens it when the next week changes a procedure behind it', async () => {
    expect(first.signoff?.set).toBe('sales');
    expect(await readFile(first.signoff!.record, 'utf8')).toContain('Dana Whitfield');
    expect(existsSync(first.signoff!.checklist)).toBe(true);
    expect(first.nextWeek.changed).toEqual(['catalog:warehouse/etl.usp_build_daily_sales_summary', 'catalog:warehouse/etl.usp_build_top_products_per_store']);
    const changes = new Map(first.nextWeek.sync.changes.map((change) => [change.id, change.sets]));
    expect(changes.get('catalog:warehouse/etl.usp_build_daily_sales_summary')).toContain('sales');
    expect(changes.get('catalog:warehouse/etl.usp_build_top_products_per_store')).toEqual([]);
    expect(await readFile(first.nextWeek.sync.report!, 'utf8')).toContain('usp_build_daily_sales_summary');
    expect(first.nextWeek.reopened.length).toBeGreaterThanOrEqual(2);
    expect(existsSync(first.nextWeek.checklist!)).toBe(true);
    expect(first.nextWeek.checklist).not.toBe(first.signoff!.checklist);
  });

  it('writes an index that links every other report', async () => {
    const index = await readFile(first.index, 'utf8');
    for (const href of ['sync/', 'translate/databricks/', 'translate/duckdb/', 'cutover/sales.html', 'parity/sales/']) expect(index).toContain(`href="${href}`);
  });

  it('replaces its own previous workspace', async () => {
    await writeFile(path.join(first.workspace, 'scratch.txt'), 'left over');
    const again = await runDemo({ dir: first.workspace });
    expect(existsSync(path.join(again.workspace, 'scratch.txt'))).toBe(false);
    expect(again.parity.map((run) => run.status)).toEqual(first.parity.map((run) => run.status));
  });

  it('refuses a folder it did not create and leaves it alone', async () => {
    const dir = await mkdtemp(path.join(parent, 'mine-'));
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    await expect(runDemo({ dir })).rejects.toMatchObject({ code: 'TARGET_NOT_EMPTY', exitCode: 2 });
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { simpleGit } from 'simple-git';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type LoadedConfig } from '../../src/config/load.js';
import { runSync } from '../../src/snapshot/sync.js';
import { readTranslationIndex } from '../../src/translate/translation-index.js';
import { runTranslate } from '../../src/translate/translate-run.js';
import { repoRoot } from '../support/corpus.js';
import { PROJECT_IGNORE, shellcorpWorkspace } from '../support/git-workspace.js';

async function shellcorp(): Promise<LoadedConfig> {
  const dir = await shellcorpWorkspace('translate', { ignore: `${PROJECT_IGNORE}/translated*/\n` });
  const loaded = await loadConfig({ cwd: dir, env: {} });
  await runSync({ loaded });
  return loaded;
}

describe('runTranslate on a synced snapshot', () => {
  let loaded: LoadedConfig;

  beforeAll(async () => {
    loaded = await shellcorp();
  });

  it('writes one file per T-SQL object, mirroring the snapshot, each with its diagnostics in a header', async () => {
    const result = await runTranslate({ loaded, target: 'databricks' });
    const out = path.join(loaded.dir, 'translated');
    expect(result.out).toBe(out);
    const churn = result.files.find((file) => file.id === 'catalog:warehouse/etl.usp_build_customer_churn');
    expect(churn?.output).toBe(path.join(out, 'catalog/warehouse/etl/procedures/usp_build_customer_churn.sql'));
    const text = await readFile(churn!.output!, 'utf8');
    expect(text).toMatch(/^-- Translated by lakeshift from catalog\/warehouse\/etl\/procedures\/usp_build_customer_churn\.sql to Databricks SQL\.\n-- T-SQL statements: \d+/);
    for (const diagnostic of churn!.diagnostics) expect(text).toContain(`${diagnostic.code} ${diagnostic.line}:${diagnostic.column} `);
    expect(text).toContain('CREATE OR REPLACE PROCEDURE shellcorp.etl.usp_build_customer_churn(');
    // Jobs, Python scripts and notebooks are not T-SQL.
    expect(result.files.some((file) => file.id?.startsWith('job:') === true || file.id === 'repo:analysts/python/shellcorp_db.py')).toBe(false);
    expect(result.files.some((file) => file.id?.startsWith('embedded:') === true)).toBe(true);
    const index = await readTranslationIndex(out);
    expect(index?.objects.map((entry) => entry.id).sort()).toEqual(result.files.map((file) => file.id).sort());
    expect(result.totals.files).toBe(result.files.length);
    expect(result.reports).not.toBeNull();
    expect(await readFile(result.reports!.markdown, 'utf8')).toContain('## Diagnostics by code');
  });

  it('translates again only what changed since the last run, unless --all', async () => {
    await runTranslate({ loaded, target: 'databricks' });
    const again = await runTranslate({ loaded, target: 'databricks' });
    expect(again.totals.translatedThisRun).toBe(0);
    expect(again.files.every((file) => file.unchanged === true)).toBe(true);

    const procedure = path.join(loaded.dir, 'warehouse', 'etl', 'Stored Procedures', 'etl.usp_build_store_kpis.sql');
    await writeFile(procedure, `${await readFile(procedure, 'utf8')}\n-- a comment the analysts added\n`);
    await simpleGit(loaded.dir).commit('touch kpis', [procedure]);
    await runSync({ loaded });
    const changed = await runTranslate({ loaded, target: 'databricks' });
    expect(changed.files.filter((file) => file.unchanged !== true).map((file) => file.id)).toEqual(['catalog:warehouse/etl.usp_build_store_kpis']);

    const all = await runTranslate({ loaded, target: 'databricks', all: true });
    expect(all.totals.translatedThisRun).toBe(all.files.length);
  });

  it('removes, and reports, the translation of an object gone from the snapshot', async () => {
    const own = await shellcorp();
    await runTranslate({ loaded: own, target: 'databricks' });
    const output = path.join(own.dir, 'translated', 'catalog/warehouse/etl/procedures/usp_build_store_kpis.sql');
    expect(existsSync(output)).toBe(true);
    const procedure = path.join(own.dir, 'warehouse', 'etl', 'Stored Procedures', 'etl.usp_build_store_kpis.sql');
    await simpleGit(own.dir).rm([procedure]);
    await simpleGit(own.dir).commit('drop kpis');
    await runSync({ loaded: own });
    const after = await runTranslate({ loaded: own, target: 'databricks' });
    expect(existsSync(output)).toBe(false);
    expect(after.removed).toEqual([output]);
    expect(await readFile(after.reports!.markdown, 'utf8')).toContain('`catalog/warehouse/etl/procedures/usp_build_store_kpis.sql`');
  });

  it('compares strings as translate.collation says, and translates everything again when it changes', async () => {
    const churnOf = async (result: Awaited<ReturnType<typeof runTranslate>>) => readFile(result.files.find((file) => file.id === 'catalog:warehouse/etl.usp_build_customer_churn')!.output!, 'utf8');
    const caseInsensitive = await runTranslate({ loaded, target: 'duckdb' });
    expect(await churnOf(caseInsensitive)).toContain("lower(rtrim(c.status)) = 'closed'");

    const binary: LoadedConfig = { ...loaded, config: { ...loaded.config, translate: { ...loaded.config.translate, collation: 'binary' } } };
    const again = await runTranslate({ loaded: binary, target: 'duckdb' });
    expect(again.totals.translatedThisRun).toBe(again.files.length);
    const text = await churnOf(again);
    expect(text).toContain("c.status = 'Closed'");
    expect(text).toContain('TR_CASE_INSENSITIVE');

    const back = await runTranslate({ loaded, target: 'duckdb' });
    expect(back.totals.translatedThisRun).toBe(back.files.length);
  });

  it('writes the DuckDB translation beside the Databricks one', async () => {
    const result = await runTranslate({ loaded, target: 'duckdb' });
    expect(result.out).toBe(path.join(loaded.dir, 'translated-duckdb'));
    const view = result.files.find((file) => file.id === 'catalog:warehouse/reporting.vw_daily_store_sales');
    expect(await readFile(view!.output!, 'utf8')).toContain('to DuckDB (a script for lakeshift rehearse)');
  });
});

describe('lakeshift translate PATHS', () => {
  it('translates files without a lakeshift.yaml, and --strict exits 1 while errors remain', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-translate-paths-'));
    await writeFile(path.join(dir, 'clean.sql'), 'CREATE VIEW dbo.v AS SELECT id, ISNULL(name, \'?\') AS name FROM dbo.t WHERE id > 0\nGO\n');
    await writeFile(path.join(dir, 'flawed.sql'), "SELECT SERVERPROPERTY('Edition') AS edition, name FROM dbo.t\n");
    const bin = path.join(repoRoot, 'bin', 'run.js');
    const run = (args: string[]) => execa('node', [bin, ...args], { cwd: dir, reject: false, env: { NODE_ENV: 'production', NO_COLOR: '1' } });

    const clean = await run(['translate', 'clean.sql', '--out', 'out', '--strict', '--json']);
    expect(clean.exitCode).toBe(0);
    const result = JSON.parse(clean.stdout) as { target: string; files: Array<{ input: string; output: string; lossless: boolean; statements: { total: number; translated: number; raw: number }; diagnostics: unknown[] }> };
    expect(result.target).toBe('databricks');
    expect(result.files).toEqual([
      expect.objectContaining({ input: path.join(dir, 'clean.sql'), output: path.join(dir, 'out', 'clean.sql'), lossless: true, statements: { total: 1, translated: 1, raw: 0 } }),
    ]);
    expect(await readFile(path.join(dir, 'out', 'clean.sql'), 'utf8')).toContain('CREATE OR REPLACE VIEW dbo.v AS\nSELECT id, coalesce(name');

    const flawed = await run(['translate', '.', '--out', 'out', '--strict']);
    expect(flawed.exitCode).toBe(1);
    expect(flawed.stdout).toContain('need a human');
    expect(existsSync(path.join(dir, 'out', 'flawed.sql'))).toBe(true);
    expect(await readFile(path.join(dir, 'out', 'flawed.sql'), 'utf8')).toContain("/*[TR_UNSUPPORTED_FUNCTION]*/ SERVERPROPERTY('Edition')");
  });

  it('exits 2 for a file it cannot read, having translated the others, and for a folder without .sql files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-translate-bad-'));
    await writeFile(path.join(dir, 'good.sql'), 'SELECT 1 AS one;\n');
    await writeFile(path.join(dir, 'image.sql'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02]));
    await mkdir(path.join(dir, 'empty'));
    const bin = path.join(repoRoot, 'bin', 'run.js');
    const run = (args: string[]) => execa('node', [bin, ...args], { cwd: dir, reject: false, env: { NODE_ENV: 'production', NO_COLOR: '1' } });

    const mixed = await run(['translate', 'good.sql', 'image.sql', '--out', 'out']);
    expect(mixed.exitCode).toBe(2);
    expect(existsSync(path.join(dir, 'out', 'good.sql'))).toBe(true);
    expect(mixed.stdout).toContain('unreadable');

    const empty = await run(['translate', 'empty', '--out', 'out2']);
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain('no .sql files in');
  });
});

describe('runTranslate on PATHS: inputs and outputs that cannot be told apart', () => {
  async function folder(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-translate-inputs-'));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    return dir;
  }

  it('refuses two inputs that would be written to one output, naming both, and writes nothing', async () => {
    const dir = await folder({ 'a/x.sql': 'SELECT 1 AS a;', 'b/x.sql': 'SELECT 2 AS b;' });
    const out = path.join(dir, 'out');
    await expect(runTranslate({ target: 'databricks', paths: [path.join(dir, 'a', 'x.sql'), path.join(dir, 'b', 'x.sql')], out })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('would both be written to x.sql'),
    });
    expect(existsSync(out)).toBe(false);
    // Given their folder, their paths tell them apart.
    const result = await runTranslate({ target: 'databricks', paths: [dir], out });
    expect(result.files.map((file) => path.relative(out, file.output)).sort()).toEqual([path.join('a', 'x.sql'), path.join('b', 'x.sql')]);
  });

  it('leaves out what an earlier run wrote into the folder being translated, and refuses an output that is a file', async () => {
    const dir = await folder({ 'v.sql': 'SELECT 1 AS a;' });
    const out = path.join(dir, 'out');
    await runTranslate({ target: 'databricks', paths: [dir], out });
    const again = await runTranslate({ target: 'databricks', paths: [dir], out });
    expect(again.files.map((file) => path.relative(dir, file.input))).toEqual(['v.sql']);
    await expect(runTranslate({ target: 'databricks', paths: [dir], out: path.join(dir, 'v.sql') })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});

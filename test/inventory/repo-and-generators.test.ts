import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { GeneratorSource } from '../../src/inventory/generator-source.js';
import type { InventorySource, InventoryWarning, LegacyObject } from '../../src/inventory/legacy-object.js';
import { RepoSource } from '../../src/inventory/repo-source.js';

async function readAll(source: InventorySource) {
  const objects: LegacyObject[] = [];
  const warnings: InventoryWarning[] = [];
  for await (const object of source.read({ warn: (warning) => warnings.push(warning) })) objects.push(object);
  return { objects, warnings };
}

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `lakeshift-${prefix}-`));
}

async function commitAll(dir: string, message: string): Promise<void> {
  const git = simpleGit(dir);
  await git.addConfig('user.name', 'test', false, 'local');
  await git.addConfig('user.email', 'test@example.invalid', false, 'local');
  await git.add('.');
  await git.commit(message);
}

const notebook = JSON.stringify({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# Churn\n', 'Look at it.'] },
    { cell_type: 'code', metadata: {}, execution_count: 7, outputs: [{ output_type: 'stream', text: ['noise'] }], source: ["df = pd.read_sql('SELECT id FROM dw.customer_churn WHERE churn_flag = 1', conn)"] },
    { cell_type: 'code', metadata: {}, execution_count: 8, outputs: [], source: ['%%sql\n', 'SELECT count(*) FROM dw.dim_store'] },
  ],
});

describe('RepoSource', () => {
  it('reads .sql, .py and notebooks of a local checkout into objects', async () => {
    const root = await tempDir('repo');
    await mkdir(path.join(root, 'sql'), { recursive: true });
    await writeFile(path.join(root, 'sql', 'report.sql'), 'SELECT * FROM dw.daily_sales_summary\r\n');
    await writeFile(path.join(root, 'job.py'), "import pandas as pd\nx = pd.read_sql('SELECT a FROM sales.orders', c)\nx.to_sql('scores', e, schema='analytics')\n");
    await writeFile(path.join(root, 'churn.ipynb'), notebook);
    await simpleGit(root).init();
    await commitAll(root, 'first');
    const source = new RepoSource({ name: 'analysts', path: root, generators: [] }, '/');
    const { objects, warnings } = await readAll(source);
    expect(warnings).toEqual([]);
    expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(objects.map((object) => [object.id, object.kind])).toEqual([
      ['repo:analysts/churn.ipynb', 'notebook'],
      ['embedded:analysts/churn.ipynb#1', 'embedded-sql'],
      ['embedded:analysts/churn.ipynb#2', 'embedded-sql'],
      ['repo:analysts/job.py', 'pandas-script'],
      ['embedded:analysts/job.py#1', 'embedded-sql'],
      ['repo:analysts/sql/report.sql', 'sql-file'],
    ]);
    const byId = new Map(objects.map((object) => [object.id, object]));
    expect(byId.get('repo:analysts/sql/report.sql')?.definition).toBe('SELECT * FROM dw.daily_sales_summary\n');
    expect(byId.get('repo:analysts/job.py')?.references).toEqual([{ name: 'analytics.scores', use: 'writes' }]);
    expect(byId.get('embedded:analysts/job.py#1')?.details).toEqual({ host: { file: 'job.py', line: 2, call: 'pd.read_sql' }, dynamic: false });
    // Notebook: cells kept, outputs and execution counts dropped.
    const cells = byId.get('repo:analysts/churn.ipynb')!.definition;
    expect(cells).toContain('# %% [markdown] cell 1\n# # Churn\n# Look at it.');
    expect(cells).toContain("# %% cell 2\ndf = pd.read_sql(");
    expect(cells).not.toContain('noise');
    expect(byId.get('embedded:analysts/churn.ipynb#2')).toMatchObject({ definition: 'SELECT count(*) FROM dw.dim_store\n', references: [{ name: 'dw.dim_store', use: 'reads' }] });
  });

  it('says so when a local path is not a git repository, and still reads it', async () => {
    const root = await tempDir('plain');
    await writeFile(path.join(root, 'a.sql'), 'SELECT 1');
    const { objects, warnings } = await readAll(new RepoSource({ name: 'plain', path: root, generators: [] }, '/'));
    expect(objects).toHaveLength(1);
    expect(warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('is not a git repository') })]);
  });

  it('keeps a broken notebook as text with a warning, and skips binary files', async () => {
    const root = await tempDir('broken');
    await writeFile(path.join(root, 'bad.ipynb'), '{ "cells": [ oops');
    await writeFile(path.join(root, 'blob.sql'), Buffer.from([0, 1, 2, 3, 0, 0, 7, 0]));
    const { objects, warnings } = await readAll(new RepoSource({ name: 'r', path: root, generators: [] }, '/'));
    expect(objects.map((object) => [object.id, object.definition])).toEqual([['repo:r/bad.ipynb', '{ "cells": [ oops']]);
    expect(warnings.map((warning) => warning.code).sort()).toEqual(['FILE_BINARY', 'NOT_A_GIT_REPOSITORY', 'PARSE_PROBLEM']);
  });

  it('clones a git url on first use and follows the branch on later runs', async () => {
    const remote = await tempDir('remote');
    await simpleGit(remote).init(['--initial-branch=main']);
    await writeFile(path.join(remote, 'a.sql'), 'SELECT 1 AS v1');
    await commitAll(remote, 'v1');
    const project = await tempDir('project');
    const config = { name: 'upstream', url: remote, branch: 'main', generators: [] };
    const first = await readAll(new RepoSource(config, project));
    expect(first.objects.map((object) => object.definition)).toEqual(['SELECT 1 AS v1']);

    await writeFile(path.join(remote, 'a.sql'), 'SELECT 2 AS v2');
    await writeFile(path.join(remote, 'b.sql'), 'SELECT 3');
    await commitAll(remote, 'v2');
    const source = new RepoSource(config, project);
    const second = await readAll(source);
    expect(second.objects.map((object) => [object.name, object.definition])).toEqual([
      ['a.sql', 'SELECT 2 AS v2'],
      ['b.sql', 'SELECT 3'],
    ]);
    expect(source.checkout).toBe(path.join(project, '.lakeshift', 'repos', 'upstream'));
  });

  it('fails with GIT_FAILED on a url that cannot be cloned', async () => {
    const project = await tempDir('badurl');
    await expect(readAll(new RepoSource({ name: 'gone', url: path.join(project, 'nowhere'), generators: [] }, project))).rejects.toMatchObject({ code: 'GIT_FAILED', exitCode: 3 });
  });
});

describe('GeneratorSource', () => {
  const scratch = path.join(tmpdir(), 'lakeshift-generator-scratch');

  async function generator(script: string, timeout = 30) {
    const dir = await tempDir('gen');
    await writeFile(path.join(dir, 'gen.mjs'), script);
    return new GeneratorSource({ name: 'dynamic', run: `node gen.mjs --out {out}`, timeout }, async () => dir, scratch);
  }

  it('runs the command with {out} and reads what it wrote', async () => {
    const source = await generator(
      "import { writeFileSync, mkdirSync } from 'node:fs'; const out = process.argv[3]; mkdirSync(out + '/views', { recursive: true });" +
        "writeFileSync(out + '/views/kpi_a.sql', 'CREATE VIEW analytics.kpi_a AS SELECT 1 AS x FROM dw.dim_store\\r\\n');",
    );
    const { objects } = await readAll(source);
    expect(objects).toEqual([
      expect.objectContaining({
        id: 'generated:dynamic/views/kpi_a.sql',
        kind: 'generated-sql',
        definition: 'CREATE VIEW analytics.kpi_a AS SELECT 1 AS x FROM dw.dim_store\n',
        references: [{ name: 'dw.dim_store', use: 'reads' }],
      }),
    ]);
  });

  it('fails with PROCESS_FAILED, the exit code and the last lines of output', async () => {
    const source = await generator("console.error('kpi_definitions.json: line 3: bad name'); process.exit(2);");
    const error = await readAll(source).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'PROCESS_FAILED', details: { exitCode: 2 } });
    expect((error as Error).message).toContain('exited with code 2');
    expect((error as Error).message).toContain('kpi_definitions.json: line 3: bad name');
  });

  it('stops a generator that hangs at its timeout', async () => {
    const source = await generator('setInterval(() => {}, 1000);', 1);
    const error = await readAll(source).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'PROCESS_FAILED' });
    expect((error as Error).message).toContain('did not finish within 1 s and was stopped');
  });

  it('fails clearly when the command does not exist', async () => {
    const dir = await tempDir('gen-missing');
    const source = new GeneratorSource({ name: 'missing', run: 'no-such-command-lakeshift --out {out}', timeout: 10 }, async () => dir, scratch);
    await expect(readAll(source)).rejects.toMatchObject({ code: 'PROCESS_FAILED', message: expect.stringContaining('could not be started') });
  });
});

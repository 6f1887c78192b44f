import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { simpleGit } from 'simple-git';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/corpus.js';
import { shellcorpWorkspace } from '../support/git-workspace.js';

const bin = path.join(repoRoot, 'bin', 'run.js');

async function lakeshift(args: readonly string[], cwd: string) {
  const result = await execa('node', [bin, ...args], { cwd, env: { NO_COLOR: '1', NODE_ENV: 'production' }, reject: false, timeout: 120_000 });
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

describe('lakeshift inventory and sync', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await shellcorpWorkspace('sync-cli');
  });

  it('inventory counts by kind and by source and writes nothing', async () => {
    const { code, stdout } = await lakeshift(['inventory', '--json'], dir);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { objects: number; byKind: Record<string, number>; sources: Array<{ type: string; name: string; status: string; objects: number }>; warnings: unknown[] };
    expect(result.byKind).toMatchObject({ procedure: 15, view: 5, function: 3, job: 2 });
    expect(result.sources.map((source) => [source.type, source.name, source.status])).toEqual([
      ['catalog', 'warehouse', 'ok'],
      ['repo', 'analysts', 'ok'],
      ['generator', 'dynamic-sql', 'ok'],
    ]);
    expect(result.objects).toBe(Object.values(result.byKind).reduce((sum, count) => sum + count, 0));
    expect((await simpleGit(dir).status()).isClean()).toBe(true);
  });

  it('sync prints the result of DESIGN.md section 6 as JSON, and refuses a dirty snapshot with exit 2', async () => {
    const first = await lakeshift(['sync', '--json'], dir);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as {
      commit: string | null;
      objects: number;
      byKind: Record<string, number>;
      changes: { added: string[]; changed: string[]; removed: string[] };
      reports: { markdown: string; html: string };
      warnings: unknown[];
    };
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(result.changes.added).toContain('catalog:warehouse/etl.usp_build_customer_churn');
    expect(result.changes.added).toContain('repo:analysts/sql/adhoc/weekly_trading_report.sql');
    expect(result.changes.added).toContain('embedded:analysts/python/reports/regional_export.py#1');
    expect(result.changes.added).toContain('generated:dynamic-sql/kpi_churned_customers.sql');
    expect(result.changes.added).toContain('job:warehouse/ShellCorp - Nightly ETL');
    expect(await readFile(result.reports.html, 'utf8')).toMatch(/^<!doctype html>/);
    expect(first.stderr).toContain('committed');

    const again = await lakeshift(['sync'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing changed: no commit.');

    await writeFile(path.join(dir, 'legacy', 'manifest.json'), '{}');
    const dirty = await lakeshift(['sync'], dir);
    expect(dirty.code).toBe(2);
    expect(dirty.stderr).toContain('error [SNAPSHOT_DIRTY] the snapshot folder has uncommitted changes: legacy/manifest.json');
    expect(dirty.stderr).toContain('--force');
  });
});

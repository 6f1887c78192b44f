import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { initProject } from '../../src/init/init-project.js';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'lakeshift-init-'));
}

describe('initProject', () => {
  it('scaffolds a migration repo whose lakeshift.yaml is valid and commented', async () => {
    const dir = path.join(await tempDir(), 'finance-migration');
    const result = await initProject({ dir });
    expect(result.project).toBe('finance-migration');
    expect(result.git).toBe('initialized');
    expect([...result.created].sort()).toEqual(
      ['.gitignore', 'lakeshift.schema.json', 'lakeshift.yaml', 'legacy/.gitkeep', 'reports/.gitkeep', 'signoffs/.gitkeep', 'translated/.gitkeep'].sort(),
    );
    const text = await readFile(path.join(dir, 'lakeshift.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/lakeshift\.schema\.json/);
    expect(text.split('\n').filter((line) => line.trim().startsWith('#')).length).toBeGreaterThan(30);
    const { config } = parseConfig(text, path.join(dir, 'lakeshift.yaml'), {});
    expect(config.project).toBe('finance-migration');
    expect(config.connections['local']).toMatchObject({ kind: 'duckdb', path: '.lakeshift/local.duckdb' });
    expect(JSON.parse(await readFile(path.join(dir, 'lakeshift.schema.json'), 'utf8'))).toHaveProperty('properties.connections');
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toContain('.lakeshift/');
    expect(await simpleGit(dir).checkIsRepo()).toBe(true);
  });

  it('uses a given project name, quoted safely into YAML', async () => {
    const dir = await tempDir();
    await initProject({ dir, project: 'ops: "north" #1', git: false });
    const { config } = parseConfig(await readFile(path.join(dir, 'lakeshift.yaml'), 'utf8'), 'x.yaml', {});
    expect(config.project).toBe('ops: "north" #1');
    expect(existsSync(path.join(dir, '.git'))).toBe(false);
  });

  it('keeps files that already exist and never overwrites them', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '.gitignore'), 'node_modules/\n');
    const result = await initProject({ dir, git: false });
    expect(result.kept).toEqual(['.gitignore']);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n');
  });

  it('refuses a folder that already has a lakeshift.yaml, leaving it untouched', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'lakeshift.yaml'), 'version: 1\nproject: mine\n');
    await expect(initProject({ dir })).rejects.toMatchObject({ code: 'TARGET_NOT_EMPTY', exitCode: 2 });
    expect(await readFile(path.join(dir, 'lakeshift.yaml'), 'utf8')).toBe('version: 1\nproject: mine\n');
  });

  it('does not create a nested repository inside an existing one', async () => {
    const parent = await tempDir();
    await simpleGit(parent).init();
    const result = await initProject({ dir: path.join(parent, 'migration') });
    expect(result.git).toBe('existing');
    expect(existsSync(path.join(parent, 'migration', '.git'))).toBe(false);
  });

  it('refuses a path that is a file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'file'), '');
    await expect(initProject({ dir: path.join(dir, 'file') })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});

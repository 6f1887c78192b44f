import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackgroundFileWriter } from '../../src/snapshot/background-file-writer.js';
import { Staging } from '../../src/snapshot/staging.js';
import { repoRoot } from '../support/corpus.js';

const temporary = () => mkdtemp(path.join(tmpdir(), 'lakeshift-staging-'));

/** Every file under `dir`, relative, "/" separated, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}

describe('BackgroundFileWriter', () => {
  it('creates every file it is given, folders included, when its budget makes write() wait', async () => {
    const dir = await temporary();
    // A budget smaller than one text: every write waits for the worker before the next one.
    const writer = new BackgroundFileWriter(10);
    const expected = new Map<string, string>();
    try {
      for (let index = 0; index < 700; index += 1) {
        const relative = `area_${index % 7}/sub_${index % 3}/file_${index}.sql`;
        const text = `SELECT ${index} AS n;\n${'-- padding\n'.repeat(index % 5)}`;
        expected.set(relative, text);
        await writer.write(path.join(dir, relative), text);
      }
      await writer.flush();
    } finally {
      await writer.close();
    }
    expect(filesUnder(dir)).toEqual([...expected.keys()].sort());
    for (const [relative, text] of expected) expect(readFileSync(path.join(dir, relative), 'utf8')).toBe(text);
  });

  it('keeps text as it is: UTF-8 beyond ASCII, CRLF, and an empty file', async () => {
    const dir = await temporary();
    const writer = new BackgroundFileWriter(1024 * 1024);
    const texts = { 'a.sql': "SELECT N'Zürich – 東京 🚚';\n", 'b.sql': 'line\r\nline\r\n', 'c.sql': '' };
    for (const [name, text] of Object.entries(texts)) await writer.write(path.join(dir, name), text);
    await writer.flush();
    await writer.close();
    for (const [name, text] of Object.entries(texts)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text);
  });

  it('never overwrites a file: the error reaches flush() and later writes', async () => {
    const dir = await temporary();
    await writeFile(path.join(dir, 'taken.sql'), 'precious\n');
    const writer = new BackgroundFileWriter(1024 * 1024);
    try {
      await writer.write(path.join(dir, 'first.sql'), 'SELECT 1;\n');
      await writer.write(path.join(dir, 'taken.sql'), 'SELECT 2;\n');
      await expect(writer.flush()).rejects.toMatchObject({ code: 'EEXIST', syscall: 'open', path: path.join(dir, 'taken.sql') });
      await expect(writer.write(path.join(dir, 'later.sql'), 'SELECT 3;\n')).rejects.toMatchObject({ code: 'EEXIST' });
    } finally {
      await writer.close();
    }
    expect(readFileSync(path.join(dir, 'taken.sql'), 'utf8')).toBe('precious\n');
    expect(existsSync(path.join(dir, 'later.sql'))).toBe(false);
  });

  it('works in a process started as an ES module, whose flags the worker inherits', async () => {
    const file = path.join(await temporary(), 'a', 'b.sql');
    const script = [
      "import { BackgroundFileWriter } from './src/snapshot/background-file-writer.ts';",
      'const writer = new BackgroundFileWriter(1024);',
      `await writer.write(${JSON.stringify(file)}, 'SELECT 1;\\n');`,
      'await writer.flush();',
      'await writer.close();',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('SELECT 1;\n');
  });

  it('flushes at once when unused, and refuses work once closed', async () => {
    const writer = new BackgroundFileWriter(1024);
    await writer.flush();
    await writer.close();
    await expect(writer.write(path.join(await temporary(), 'x.sql'), 'x')).rejects.toThrow(/closed/);
  });
});

describe('Staging', () => {
  async function staged(files: Record<string, string>): Promise<Staging> {
    const staging = await Staging.create(await temporary());
    for (const [relative, text] of Object.entries(files)) await staging.hold(relative, text);
    await staging.flush();
    return staging;
  }

  it('holds texts under .lakeshift/tmp and reads them back', async () => {
    const configDir = await temporary();
    const staging = await Staging.create(configDir);
    await staging.hold('catalog/w/dbo/procedures/p.sql', 'CREATE PROCEDURE dbo.p AS SELECT 1\n');
    await staging.flush();
    expect(path.dirname(staging.dir)).toBe(path.join(configDir, '.lakeshift', 'tmp'));
    expect(staging.read('catalog/w/dbo/procedures/p.sql')).toBe('CREATE PROCEDURE dbo.p AS SELECT 1\n');
    await staging.dispose();
    expect(existsSync(staging.dir)).toBe(false);
  });

  it('moves a folder that is new in the snapshot whole, and every file arrives', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 300; index += 1) files[`embedded/r/area_${index % 4}/job_${index}.py/1.sql`] = `SELECT ${index};\n`;
    files['repo/r/top.sql'] = 'SELECT 0;\n';
    const staging = await staged(files);
    const snapshot = await temporary();
    const stagedFolder = statSync(path.join(staging.dir, 'embedded')).ino;
    staging.moveInto(snapshot, Object.keys(files));
    // One rename: the snapshot's folder is the staged folder itself.
    expect(statSync(path.join(snapshot, 'embedded')).ino).toBe(stagedFolder);
    expect(filesUnder(snapshot)).toEqual(Object.keys(files).sort());
    for (const [relative, text] of Object.entries(files)) expect(readFileSync(path.join(snapshot, relative), 'utf8')).toBe(text);
    await staging.dispose();
  });

  it('replaces a file in a folder that exists by rename, and leaves its neighbours alone', async () => {
    const snapshot = await temporary();
    const folder = path.join(snapshot, 'catalog', 'w', 'dbo', 'procedures');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'changed.sql'), 'old text\n');
    await writeFile(path.join(folder, 'untouched.sql'), 'stays\n');
    const staging = await staged({
      'catalog/w/dbo/procedures/changed.sql': 'new text\n',
      'catalog/w/dbo/procedures/added.sql': 'added\n',
      'catalog/w/dbo/views/v.sql': 'a view\n',
    });
    const stagedFile = statSync(path.join(staging.dir, 'catalog/w/dbo/procedures/changed.sql')).ino;
    staging.moveInto(snapshot, ['catalog/w/dbo/procedures/changed.sql', 'catalog/w/dbo/procedures/added.sql', 'catalog/w/dbo/views/v.sql']);
    // Replaced in one rename (readers see the old text or the new, never half of it).
    expect(statSync(path.join(folder, 'changed.sql')).ino).toBe(stagedFile);
    expect(readFileSync(path.join(folder, 'changed.sql'), 'utf8')).toBe('new text\n');
    expect(readFileSync(path.join(folder, 'untouched.sql'), 'utf8')).toBe('stays\n');
    expect(filesUnder(snapshot)).toEqual([
      'catalog/w/dbo/procedures/added.sql',
      'catalog/w/dbo/procedures/changed.sql',
      'catalog/w/dbo/procedures/untouched.sql',
      'catalog/w/dbo/views/v.sql',
    ]);
    await staging.dispose();
  });

  it('refuses a path that leaves the staging folder', async () => {
    const staging = await Staging.create(await temporary());
    expect(() => staging.hold('../outside.sql', 'x')).toThrow(/inside the staging folder/);
    await staging.dispose();
  });
});

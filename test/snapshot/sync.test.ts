import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { LakeshiftError } from '../../src/errors.js';
import type { InventorySource, LegacyObject, UnreadScope } from '../../src/inventory/legacy-object.js';
import { examplesDir } from '../../src/paths.js';
import { runSync, type SyncResult } from '../../src/snapshot/sync.js';
import { gitWorkspace, shellcorpWorkspace } from '../support/git-workspace.js';

const PROCEDURES = path.join('warehouse', 'etl', 'Stored Procedures');

/** A migration repo made of the ShellCorp estate, with git and an identity of its own. */
function workspace(): Promise<string> {
  return shellcorpWorkspace('sync');
}

async function sync(dir: string, options: { commit?: boolean; force?: boolean } = {}): Promise<SyncResult> {
  const loaded = await loadConfig({ cwd: dir, env: {} });
  return runSync({ loaded, now: new Date('2026-11-23T09:12:03Z'), ...options });
}

async function commitEstate(dir: string, message: string): Promise<void> {
  const git = simpleGit(dir);
  await git.add(['warehouse', 'analysts', 'lakeshift.yaml']);
  await git.commit(message);
}

describe('runSync on the ShellCorp estate', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await workspace();
  });

  it('commits a change, an addition and a deletion, then nothing when nothing changed', async () => {
    const first = await sync(dir);
    expect(first.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(first.changes.changed).toEqual([]);
    expect(first.changes.removed).toEqual([]);
    expect(first.changes.added.length).toBe(first.objects);
    expect(first.byKind).toMatchObject({ procedure: 15, view: 5, function: 3, job: 2, 'generated-sql': 7 });

    const churn = path.join(dir, PROCEDURES, 'etl.usp_build_customer_churn.sql');
    await writeFile(churn, (await readFile(churn, 'utf8')).replace('>= 3     THEN', '>= 4     THEN'));
    await writeFile(path.join(dir, PROCEDURES, 'etl.usp_build_gift_cards.sql'), 'CREATE PROCEDURE etl.usp_build_gift_cards AS\nBEGIN\n    SELECT 1 AS x FROM sales.orders;\nEND\nGO\n');
    await rm(path.join(dir, PROCEDURES, 'etl.usp_purge_staging.sql'));
    await commitEstate(dir, 'week 2');

    const second = await sync(dir);
    expect(second.changes).toEqual({
      added: ['catalog:warehouse/etl.usp_build_gift_cards'],
      changed: ['catalog:warehouse/etl.usp_build_customer_churn'],
      removed: ['catalog:warehouse/etl.usp_purge_staging'],
    });
    const git = simpleGit(dir);
    const log = await git.log();
    expect(log.latest?.hash).toBe(second.commit);
    expect(log.latest?.message).toBe('legacy sync 2026-11-23: +1 ~1 -1');
    const committed = (await git.raw(['show', '--name-status', '--format=', 'HEAD'])).trim().split('\n').sort();
    expect(committed).toEqual([
      'A\tlegacy/catalog/warehouse/etl/procedures/usp_build_gift_cards.sql',
      'D\tlegacy/catalog/warehouse/etl/procedures/usp_purge_staging.sql',
      'M\tlegacy/catalog/warehouse/etl/procedures/usp_build_customer_churn.sql',
      'M\tlegacy/manifest.json',
    ]);

    // The change report lists exactly those three, with the diff and the table set touched.
    const markdown = await readFile(second.reports!.markdown, 'utf8');
    expect(markdown.match(/^### (added|changed|removed): .*$/gm)).toEqual([
      '### changed: `catalog:warehouse/etl.usp_build_customer_churn`',
      '### added: `catalog:warehouse/etl.usp_build_gift_cards`',
      '### removed: `catalog:warehouse/etl.usp_purge_staging`',
    ]);
    expect(markdown).toContain('+                       WHEN DATEDIFF(MONTH, lo.order_date, @as_of_date) >= 4     THEN');
    expect(markdown).toContain('| customers | customer_churn |');
    const html = await readFile(second.reports!.html, 'utf8');
    expect(html).toContain('<span class="add">+                       WHEN DATEDIFF(MONTH, lo.order_date, @as_of_date) &gt;&#x3D; 4');
    expect(html).not.toMatch(/<link|<script src|https?:\/\//);
    expect(second.impact.find((impact) => impact.id === 'catalog:warehouse/etl.usp_build_customer_churn')).toMatchObject({
      sets: ['customers'],
      tables: ['customers/customer_churn'],
    });

    const third = await sync(dir);
    expect(third.commit).toBeNull();
    expect(third.changes).toEqual({ added: [], changed: [], removed: [] });
    expect(third.reports).toBeNull();
    expect((await git.log()).total).toBe(log.total);
  });

  it('commits the snapshot folder alone: what the user staged elsewhere stays staged', async () => {
    const git = simpleGit(dir);
    await writeFile(path.join(dir, 'NOTES.md'), 'work in progress\n');
    await git.add('NOTES.md');
    const first = await sync(dir);
    const committed = (await git.raw(['show', '--name-only', '--format=', first.commit!])).trim().split('\n');
    expect(committed).toContain('legacy/manifest.json');
    expect(committed.every((file) => file.startsWith('legacy/'))).toBe(true);
    expect((await git.status()).staged).toEqual(['NOTES.md']);

    await writeFile(path.join(dir, PROCEDURES, 'etl.usp_build_gift_cards.sql'), 'CREATE PROCEDURE etl.usp_build_gift_cards AS SELECT 1 AS x\nGO\n');
    await git.add('warehouse');
    await git.commit('week 2', ['warehouse']);
    const second = await sync(dir);
    expect((await git.raw(['show', '--name-only', '--format=', second.commit!])).trim().split('\n').sort()).toEqual([
      'legacy/catalog/warehouse/etl/procedures/usp_build_gift_cards.sql',
      'legacy/manifest.json',
    ]);
    expect((await git.status()).staged).toEqual(['NOTES.md']);
  });

  it('does not conclude a merge that is under way: the commit fails as git refuses it', async () => {
    const git = simpleGit(dir);
    const head = (await git.revparse(['HEAD'])).trim();
    await writeFile(path.join(dir, '.git', 'MERGE_HEAD'), `${head}\n`);
    await expect(sync(dir)).rejects.toMatchObject({ code: 'GIT_FAILED', message: expect.stringContaining('git commit failed') });
    expect((await git.revparse(['HEAD'])).trim()).toBe(head);
  });

  it('snapshots a UTF-16 file and a CRLF file as UTF-8 with LF line endings', async () => {
    await sync(dir);
    const utf16 = await readFile(path.join(dir, PROCEDURES, 'etl.usp_build_inventory_snapshot.sql'));
    expect([utf16[0], utf16[1]]).toEqual([0xff, 0xfe]);
    const crlf = await readFile(path.join(dir, PROCEDURES, 'etl.usp_build_returns_summary.sql'), 'utf8');
    expect(crlf).toContain('\r\n');
    for (const name of ['usp_build_inventory_snapshot', 'usp_build_returns_summary']) {
      const bytes = await readFile(path.join(dir, 'legacy', 'catalog', 'warehouse', 'etl', 'procedures', `${name}.sql`));
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      expect(bytes[0]).not.toBe(0xef);
      expect(text).not.toContain('\r');
      expect(text).toMatch(/CREATE PROCEDURE/i);
    }
  });

  it('refuses to run over uncommitted changes in the snapshot folder unless forced', async () => {
    await sync(dir);
    const file = path.join(dir, 'legacy', 'catalog', 'warehouse', 'etl', 'procedures', 'usp_build_customer_churn.sql');
    await writeFile(file, 'edited by hand\n');
    await expect(sync(dir)).rejects.toMatchObject({ code: 'SNAPSHOT_DIRTY', exitCode: 2, message: expect.stringContaining('usp_build_customer_churn.sql') });
    expect(await readFile(file, 'utf8')).toBe('edited by hand\n');
    // Forced: the hand edit is undone; it was not a change to the legacy estate.
    const forced = await sync(dir, { force: true });
    expect(forced.changes).toEqual({ added: [], changed: [], removed: [] });
    expect(await readFile(file, 'utf8')).toContain('CREATE PROCEDURE');
    expect((await simpleGit(dir).status()).isClean()).toBe(true);
  });

  it('warns when an ignore rule keeps snapshot files out of the commit', async () => {
    const clean = await sync(dir);
    expect(clean.warnings.filter((warning) => warning.code === 'SNAPSHOT_IGNORED')).toEqual([]);
    // An unanchored rule meant for the project's reports/ folder also hides the analysts' python/reports/.
    await writeFile(path.join(dir, '.gitignore'), '/.lakeshift/\nreports/\n');
    await simpleGit(dir).add('.gitignore').then(() => simpleGit(dir).commit('ignore reports'));
    await rm(path.join(dir, 'legacy'), { recursive: true });
    await simpleGit(dir).add(['-A', 'legacy']).then(() => simpleGit(dir).commit('start over'));
    const hidden = await sync(dir);
    const warning = hidden.warnings.find((candidate) => candidate.code === 'SNAPSHOT_IGNORED');
    expect(warning?.message).toMatch(/^\d+ snapshot files? (is|are) hidden by the ignore rule \.gitignore:2:reports\/ and never committed \(legacy\/.*\/reports\//);
    const committed = (await simpleGit(dir).raw(['ls-files', 'legacy'])).split('\n');
    expect(committed.some((file) => file.includes('/reports/'))).toBe(false);
  });

  it('removes only files the previous manifest owned', async () => {
    await sync(dir);
    await writeFile(path.join(dir, 'legacy', 'NOTES.md'), 'our notes\n');
    await simpleGit(dir).add('legacy/NOTES.md').then(() => simpleGit(dir).commit('notes'));
    await rm(path.join(dir, 'warehouse', 'reporting'), { recursive: true });
    await commitEstate(dir, 'drop reporting');
    const result = await sync(dir);
    expect(result.changes.removed.length).toBeGreaterThan(0);
    expect(result.changes.removed.every((id) => id.startsWith('catalog:warehouse/reporting.'))).toBe(true);
    expect(await readFile(path.join(dir, 'legacy', 'NOTES.md'), 'utf8')).toBe('our notes\n');
    expect(existsSync(path.join(dir, 'legacy', 'catalog', 'warehouse', 'reporting'))).toBe(false);
  });

  it('keeps the previous output of a generator that fails, and says so', async () => {
    await sync(dir);
    const before = await readFile(path.join(dir, 'legacy', 'manifest.json'), 'utf8');
    await writeFile(path.join(dir, 'analysts', 'config', 'kpi_definitions.json'), '{ not json');
    await commitEstate(dir, 'break the generator');
    const result = await sync(dir);
    expect(result.sources.find((source) => source.type === 'generator')).toMatchObject({ status: 'failed', error: { code: 'PROCESS_FAILED' } });
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'GENERATOR_FAILED' }));
    expect(result.changes).toEqual({ added: [], changed: [], removed: [] });
    expect(await readFile(path.join(dir, 'legacy', 'manifest.json'), 'utf8')).toBe(before);
    expect(existsSync(path.join(dir, 'legacy', 'generated', 'dynamic-sql'))).toBe(true);
  });

  it('leaves the snapshot intact when the SQL Server cannot be reached', async () => {
    await sync(dir);
    const manifest = await readFile(path.join(dir, 'legacy', 'manifest.json'), 'utf8');
    const config = (await readFile(path.join(dir, 'lakeshift.yaml'), 'utf8'))
      .replace('connections:\n', 'connections:\n  legacy: { kind: sqlserver, server: 127.0.0.1, port: 1, database: ShellCorp, user: reader, password: not-a-secret-0, connectTimeout: 2 }\n')
      .replace('  catalogs:\n', '  catalogs:\n    - name: live\n      connection: legacy\n');
    await writeFile(path.join(dir, 'lakeshift.yaml'), config);
    await commitEstate(dir, 'add the live catalog');
    await writeFile(path.join(dir, PROCEDURES, 'etl.usp_build_customer_churn.sql'), 'CREATE PROCEDURE etl.usp_build_customer_churn AS SELECT 1\n');
    await commitEstate(dir, 'a change that must not land');
    await expect(sync(dir)).rejects.toMatchObject({ code: 'CONNECTION_FAILED', exitCode: 3 });
    expect(await readFile(path.join(dir, 'legacy', 'manifest.json'), 'utf8')).toBe(manifest);
    expect((await simpleGit(dir).status()).isClean()).toBe(true);
  });

  it('refuses a manifest that is not valid, and one that reaches outside the snapshot', async () => {
    await sync(dir);
    const manifestFile = path.join(dir, 'legacy', 'manifest.json');
    await writeFile(manifestFile, '{ "version": 1, "objects": [ ');
    await expect(sync(dir, { force: true })).rejects.toMatchObject({ code: 'INPUT_INVALID', location: { file: manifestFile } });

    const outside = path.join(dir, 'keep-me.txt');
    await writeFile(outside, 'precious');
    const evil = { version: 1, objects: [{ id: 'x', kind: 'sql-file', origin: { type: 'repo', name: 'r' }, name: 'x', path: '../keep-me.txt', sha256: '0'.repeat(64), bytes: 1, references: [], details: {} }] };
    await writeFile(manifestFile, JSON.stringify(evil));
    await expect(sync(dir, { force: true })).rejects.toMatchObject({ code: 'INPUT_INVALID', message: expect.stringContaining('outside the snapshot folder') });
    expect(await readFile(outside, 'utf8')).toBe('precious');
  });

  it('writes without committing with --no-commit, and needs git to commit', async () => {
    const result = await sync(dir, { commit: false });
    expect(result.commit).toBeNull();
    expect(result.changes.added.length).toBe(result.objects);
    expect((await simpleGit(dir).status()).not_added.some((file) => file.startsWith('legacy/'))).toBe(true);

    const plain = await mkdtemp(path.join(tmpdir(), 'lakeshift-nogit-'));
    await cp(path.join(examplesDir(), 'shellcorp', 'lakeshift.yaml'), path.join(plain, 'lakeshift.yaml'));
    await expect(sync(plain)).rejects.toMatchObject({ code: 'GIT_FAILED', message: expect.stringContaining('is not inside a git repository') });
  });
});

describe('runSync with a live catalog', () => {
  type Fake = { objects: LegacyObject[]; unread?: UnreadScope };
  const fakeCatalog = (fake: Fake): InventorySource => ({
    origin: { type: 'catalog', name: 'live' },
    async *read(context) {
      if (fake.unread !== undefined) context.keepPrevious?.(fake.unread);
      yield* fake.objects;
    },
  });
  const procedure = (name: string, details: LegacyObject['details'] = {}): LegacyObject => ({
    id: `catalog:live/${name}`,
    kind: 'procedure',
    origin: { type: 'catalog', name: 'live' },
    name,
    definition: `CREATE PROCEDURE ${name} AS SELECT 1\n`,
    references: [],
    details,
  });

  async function project(): Promise<string> {
    return gitWorkspace('live', { 'lakeshift.yaml': 'version: 1\nproject: live\n' });
  }

  async function run(dir: string, fake: Fake) {
    return runSync({ loaded: await loadConfig({ cwd: dir, env: {} }), sources: [fakeCatalog(fake)] });
  }

  it('keeps the objects of a database it could not read instead of reporting them removed', async () => {
    const dir = await project();
    await run(dir, { objects: [procedure('Sales.dbo.p1'), procedure('Finance.dbo.p2'), procedure('Finance.dbo.p3')] });
    const second = await run(dir, { objects: [procedure('Sales.dbo.p1')], unread: { namePrefix: 'Finance.', kinds: ['procedure'] } });
    expect(second.changes).toEqual({ added: [], changed: [], removed: [] });
    expect(second.objects).toBe(3);
    expect(existsSync(path.join(dir, 'legacy', 'catalog', 'live', 'Finance', 'dbo', 'procedures', 'p2.sql'))).toBe(true);
    const third = await run(dir, { objects: [procedure('Sales.dbo.p1'), procedure('Finance.dbo.p2')] });
    expect(third.changes.removed).toEqual(['catalog:live/Finance.dbo.p3']);
  });

  it('changes nothing and leaves no staged file behind when a source fails after many objects', async () => {
    const dir = await project();
    await run(dir, { objects: [procedure('dbo.p1')] });
    const manifest = await readFile(path.join(dir, 'legacy', 'manifest.json'), 'utf8');
    const failing: InventorySource = {
      origin: { type: 'catalog', name: 'live' },
      async *read() {
        for (let index = 0; index < 500; index += 1) yield procedure(`s${index % 5}.p${index}`);
        throw new LakeshiftError('CONNECTION_FAILED', 'the connection was lost');
      },
    };
    await expect(runSync({ loaded: await loadConfig({ cwd: dir, env: {} }), sources: [failing] })).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
    expect(await readFile(path.join(dir, 'legacy', 'manifest.json'), 'utf8')).toBe(manifest);
    expect((await simpleGit(dir).status()).isClean()).toBe(true);
    expect(existsSync(path.join(dir, 'legacy', 'catalog', 'live', 's0'))).toBe(false);
    expect(readdirSync(path.join(dir, '.lakeshift', 'tmp')).filter((name) => name.startsWith('sync-'))).toEqual([]);
  });

  it('reports execution statistics without putting them in the snapshot', async () => {
    const dir = await project();
    const first = await run(dir, { objects: [procedure('dbo.used', { executionCount: 12, lastExecution: '2026-11-20 02:00:00' }), procedure('dbo.dead', { executionCount: 0 })] });
    expect(first.activity).toEqual({ procedures: 2, withStatistics: 2, notExecuted: ['catalog:live/dbo.dead'] });
    expect(await readFile(path.join(dir, 'legacy', 'manifest.json'), 'utf8')).not.toMatch(/executionCount|lastExecution/);
    expect(await readFile(first.reports!.markdown, 'utf8')).toContain('- `catalog:live/dbo.dead`');
    // A week later the statistics moved and nothing else: no change, no commit, a clean folder.
    const second = await run(dir, { objects: [procedure('dbo.used', { executionCount: 99, lastExecution: '2026-11-27 02:00:00' }), procedure('dbo.dead', { executionCount: 0 })] });
    expect(second.commit).toBeNull();
    expect((await simpleGit(dir).status()).isClean()).toBe(true);
  });

  it('commits a manifest that changed when no object did', async () => {
    const dir = await project();
    await run(dir, { objects: [procedure('dbo.p')] });
    const withReference = { ...procedure('dbo.p'), references: [{ name: 'dbo.t', use: 'reads' as const }] };
    const second = await run(dir, { objects: [withReference] });
    expect(second.changes).toEqual({ added: [], changed: [], removed: [] });
    expect(second.commit).toMatch(/^[0-9a-f]{40}$/);
    expect((await simpleGit(dir).log()).latest?.message).toMatch(/\(object metadata\)$/);
    expect((await simpleGit(dir).status()).isClean()).toBe(true);
  });
});

describe('the sync lock', () => {
  it('refuses a second sync while one runs, and takes over a lock whose process is gone', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-lock-'));
    await writeFile(path.join(dir, 'lakeshift.yaml'), 'version: 1\nproject: lock\n');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, '.lakeshift'), { recursive: true });
    const { spawn } = await import('node:child_process');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(path.join(dir, '.lakeshift', 'sync.lock'), `${sleeper.pid}\n`);
      const loaded = await loadConfig({ cwd: dir, env: {} });
      await expect(runSync({ loaded, commit: false, sources: [] })).rejects.toMatchObject({ code: 'LOCKED', exitCode: 3, message: expect.stringContaining(`process ${sleeper.pid}`) });
      await writeFile(path.join(dir, '.lakeshift', 'sync.lock'), '999999999\n');
      const result = await runSync({ loaded, commit: false, sources: [] });
      expect(result.objects).toBe(0);
      expect(existsSync(path.join(dir, '.lakeshift', 'sync.lock'))).toBe(false);
    } finally {
      sleeper.kill();
    }
  });
});

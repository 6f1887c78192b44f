import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { buildCutoverChecklist, cutoverSteps, DEFAULT_CUTOVER_STEPS, type CutoverChecklist, type CutoverItem } from '../../src/cutover/checklist.js';
import { runCutover } from '../../src/cutover/cutover.js';
import { signoffRun } from '../../src/cutover/signoff.js';
import { readSignoffRecord, signoffRecordFile } from '../../src/cutover/signoff-record.js';
import { runParity } from '../../src/parity/run-parity.js';
import { readManifest } from '../../src/snapshot/manifest.js';
import { runSync } from '../../src/snapshot/sync.js';
import { writeTranslationIndex } from '../../src/translate/translation-index.js';
import { CHURN_PROCEDURE, scenarioGitProject, shellcorpProject } from './support/projects.js';

const CHURN = 'catalog:warehouse/etl.usp_build_customer_churn';
const RUN_LOG = 'catalog:warehouse/etl.usp_write_run_log';

function byId(checklist: CutoverChecklist): Record<string, CutoverItem> {
  return Object.fromEntries(checklist.items.map((item) => [item.id, item]));
}

const statuses = (checklist: CutoverChecklist) => checklist.items.map((item) => `${item.id}:${item.status}`);

describe('the cutover checklist on the ShellCorp estate', () => {
  it('is computed from the inventory, the snapshot history, the translation index, the runs and the sign-offs, and reopens when legacy code changes after the signed run', async () => {
    const project = await shellcorpProject();
    let loaded = await project.loaded();
    const git = simpleGit(project.dir);
    await runSync({ loaded, now: new Date('2026-11-23T08:00:00Z') });
    const check = async () => buildCutoverChecklist({ loaded, set: 'customers', now: new Date('2026-11-23T12:00:00Z') });

    // Before any run or translation: the inventory is there, the rest is open.
    let checklist = await check();
    expect(checklist).toMatchObject({ version: 1, kind: 'cutover-checklist', set: 'customers', ready: false, latestRun: null, counts: { items: 8, done: 1, open: 7 } });
    expect(statuses(checklist)).toEqual([
      'inventoried:done',
      'no-legacy-change:open',
      'translated:open',
      'parity-signed-off:open',
      'consumers-repointed:open',
      'bi-reports-switched:open',
      'legacy-job-disabled:open',
      'rollback-plan:open',
    ]);
    let items = byId(checklist);
    expect(items['inventoried']!.evidence[1]).toMatch(/^customer_churn \(dw\.customer_churn\): written by catalog:warehouse\/etl\.usp_build_customer_churn; 10 objects behind it: /);
    expect(items['inventoried']!.objects).toContain(CHURN);
    expect(items['inventoried']!.objects).toContain(RUN_LOG);
    expect(items['no-legacy-change']!.evidence).toEqual(['no parity run of the whole set yet']);
    expect(items['translated']!.evidence).toEqual(['not translated yet: translated/translation.json does not exist']);
    expect(items['legacy-job-disabled']!.evidence).toEqual(['not ticked yet', 'legacy jobs that run the code behind the set: job:warehouse/ShellCorp - Nightly ETL']);

    // A run that fails on the four FIN-2291 rows: nothing passed, nothing signed.
    const run = await runParity({ loaded, set: 'customers' });
    expect(run.result.status).toBe('fail');
    expect(run.result.git?.commit).toBe((await git.revparse(['HEAD'])).trim());
    checklist = await check();
    items = byId(checklist);
    expect(items['no-legacy-change']!.evidence).toEqual(['none of the 1 runs of the whole set passed or had its failures accepted in a sign-off']);
    expect(items['parity-signed-off']!).toMatchObject({ status: 'open', todo: expect.stringContaining('--accept-failures') });
    expect(items['parity-signed-off']!.evidence).toEqual([
      expect.stringMatching(new RegExp(`^latest run ${run.result.runId}: fail \\(2 passed, 1 failed, 0 errored\\), finished `)),
      'not signed off',
    ]);

    // The translation index: every code object behind the set, one with an error diagnostic.
    const manifest = await readManifest(path.join(project.dir, 'legacy'));
    const code = manifest.objects.filter((entry) => items['inventoried']!.objects.includes(entry.id) && ['procedure', 'view', 'function', 'sql-file'].includes(entry.kind));
    expect(code.map((entry) => entry.id).sort()).toEqual([
      'catalog:warehouse/etl.usp_build_customer_churn',
      'catalog:warehouse/etl.usp_build_customer_lifetime_value',
      'catalog:warehouse/etl.usp_load_dim_customer',
      'catalog:warehouse/etl.usp_write_run_log',
      'catalog:warehouse/scripts/Scripts/Script.PostDeployment.sql',
    ]);
    const translate = async (errors: Record<string, number>, shas: Record<string, string> = {}) =>
      writeTranslationIndex(path.join(project.dir, 'translated'), {
        version: 1,
        target: 'databricks',
        objects: code.map((entry) => ({
          id: entry.id,
          input: entry.path,
          output: entry.path,
          sha256: shas[entry.id] ?? entry.sha256,
          diagnostics: { error: errors[entry.id] ?? 0, warning: 1, info: 0 },
        })),
      });
    await translate({ [CHURN]: 2 });
    items = byId(await check());
    expect(items['translated']!).toMatchObject({ status: 'open', objects: [CHURN] });
    expect(items['translated']!.evidence).toEqual([
      '5 code objects behind the set; 4 translated from the current version with no error diagnostic (4 warnings to review)',
      `${CHURN}: 2 error diagnostics in translated/catalog/warehouse/etl/procedures/usp_build_customer_churn.sql`,
    ]);
    await translate({}, { [RUN_LOG]: '0'.repeat(64) });
    items = byId(await check());
    expect(items['translated']!.evidence[1]).toBe(`${RUN_LOG}: translation is out of date (the legacy object changed after it was translated)`);
    await translate({});
    items = byId(await check());
    expect(items['translated']!.status).toBe('done');

    // Finance signs the failed run, accepting the four rows; a manual step is ticked.
    await signoffRun({ loaded, set: 'customers', by: 'Dana Whitfield', acceptFailures: true, note: 'FIN-2291: legacy rows corrected by hand' });
    const ticked = await runCutover({ loaded, set: 'customers', tick: { step: 'rollback-plan', by: 'Kim Lee', note: 'switch views back; owner: CRM lead' }, now: new Date('2026-11-23T13:00:00Z') });
    expect(ticked.ticked).toMatchObject({ tick: { step: 'rollback-plan', by: 'Kim Lee', at: '2026-11-23T13:00:00.000Z' }, record: 'signoffs/customers.yaml' });
    expect((await git.log({ maxCount: 1 })).latest?.message).toBe('cutover customers: rollback-plan ticked by Kim Lee');
    expect(ticked.file).toBe('reports/cutover/customers.html');
    checklist = ticked.checklist;
    items = byId(checklist);
    expect(statuses(checklist)).toEqual([
      'inventoried:done',
      'no-legacy-change:done',
      'translated:done',
      'parity-signed-off:done',
      'consumers-repointed:open',
      'bi-reports-switched:open',
      'legacy-job-disabled:open',
      'rollback-plan:done',
    ]);
    expect(items['no-legacy-change']!.evidence).toEqual([
      expect.stringMatching(new RegExp(`^last accepted run \\(its failures accepted in a sign-off\\): ${run.result.runId} \\(fail\\), finished .* at commit [0-9a-f]{7}$`)),
      'the snapshot has not changed since that commit',
    ]);
    expect(items['parity-signed-off']!.evidence[1]).toMatch(/^signed off by Dana Whitfield at .* UTC, failures accepted: FIN-2291: legacy rows corrected by hand$/);
    expect(items['rollback-plan']).toMatchObject({ status: 'done', tickedBy: 'Kim Lee', tickedAt: '2026-11-23T13:00:00.000Z', evidence: ['ticked by Kim Lee at 2026-11-23 13:00:00 UTC: switch views back; owner: CRM lead'] });
    expect(checklist.latestRun).toMatchObject({ runId: run.result.runId, status: 'fail', signed: true });
    const html = await readFile(path.join(project.dir, ticked.file), 'utf8');
    expect(html).toContain('<li data-item="rollback-plan" data-status="done">');
    await expect(runCutover({ loaded, set: 'customers', tick: { step: 'nope', by: 'Kim' } })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      hint: 'Steps of customers: consumers-repointed, bi-reports-switched, legacy-job-disabled, rollback-plan.',
    });

    // An uncommitted edit of a snapshot file behind the set reopens the item at once.
    const snapshotChurn = path.join(project.dir, 'legacy', 'catalog', 'warehouse', 'etl', 'procedures', 'usp_build_customer_churn.sql');
    const original = await readFile(snapshotChurn, 'utf8');
    await writeFile(snapshotChurn, `${original}-- hand edit\n`);
    expect(byId(await check())['no-legacy-change']!.objects).toEqual([CHURN]);
    await writeFile(snapshotChurn, original);

    // The analysts change the churn procedure; the weekly sync commits it: items 2 and 4 reopen, and the translation is stale.
    const source = path.join(project.dir, CHURN_PROCEDURE);
    await writeFile(source, (await readFile(source, 'utf8')).replace('>= 3     THEN', '>= 4     THEN'));
    await git.add('warehouse');
    await git.commit('week 2: churn after 4 months');
    const sync = await runSync({ loaded, now: new Date('2026-11-30T08:00:00Z') });
    expect(sync.changes.changed).toEqual([CHURN]);
    checklist = await check();
    items = byId(checklist);
    expect(statuses(checklist).slice(0, 4)).toEqual(['inventoried:done', 'no-legacy-change:open', 'translated:open', 'parity-signed-off:open']);
    expect(items['no-legacy-change']!.objects).toEqual([CHURN]);
    expect(items['no-legacy-change']!.evidence.slice(1)).toEqual([
      '1 object behind the set changed since:',
      `changed: ${CHURN} (procedure, legacy/catalog/warehouse/etl/procedures/usp_build_customer_churn.sql)`,
    ]);
    expect(items['parity-signed-off']!).toMatchObject({ objects: [CHURN], todo: expect.stringContaining('sign the new run') });
    expect(items['parity-signed-off']!.evidence).toContain(`legacy code behind the set changed after this run: ${CHURN}`);
    expect(items['translated']!.objects).toEqual([CHURN]);
    expect(items['rollback-plan']!.status).toBe('done');

    // A new run on the new code, signed: closed again. Then a change to code that is not behind the set leaves it closed.
    await translate({}, { [CHURN]: (await readManifest(path.join(project.dir, 'legacy'))).objects.find((entry) => entry.id === CHURN)!.sha256 });
    const second = await runParity({ loaded, set: 'customers' });
    await signoffRun({ loaded, set: 'customers', by: 'Dana Whitfield', acceptFailures: true, note: 'FIN-2291 again' });
    expect(statuses(await check()).slice(0, 4)).toEqual(['inventoried:done', 'no-legacy-change:done', 'translated:done', 'parity-signed-off:done']);
    const kpis = path.join(project.dir, 'warehouse', 'etl', 'Stored Procedures', 'etl.usp_build_store_kpis.sql');
    await writeFile(kpis, `${await readFile(kpis, 'utf8')}\n-- reviewed\n`);
    await git.add('warehouse');
    await git.commit('week 3: store kpis');
    await runSync({ loaded, now: new Date('2026-12-07T08:00:00Z') });
    items = byId(await check());
    expect(items['no-legacy-change']!.status).toBe('done');
    expect(items['no-legacy-change']!.evidence[1]).toBe('1 snapshot file changed since that commit; none holds an object behind the set');

    // A procedure behind the set is removed: found through the manifest of the run's commit.
    await rm(path.join(project.dir, 'warehouse', 'etl', 'Stored Procedures', 'etl.usp_write_run_log.sql'));
    await git.add('warehouse');
    await git.commit('week 4: run log moved');
    await runSync({ loaded, now: new Date('2026-12-14T08:00:00Z') });
    items = byId(await check());
    expect(items['no-legacy-change']!.objects).toEqual([RUN_LOG]);
    expect(items['no-legacy-change']!.evidence).toContain(`removed: ${RUN_LOG} (procedure, legacy/catalog/warehouse/etl/procedures/usp_write_run_log.sql)`);
    expect(items['parity-signed-off']!.evidence[0]).toContain(second.result.runId);

    // The record holds two sign-offs and the tick, and reads back valid.
    loaded = await project.loaded();
    const record = await readSignoffRecord(signoffRecordFile(loaded, 'customers'), 'customers');
    expect(record.signoffs.map((signoff) => signoff.run)).toEqual([run.result.runId, second.result.runId]);
    expect(record.ticks.map((tick) => tick.step)).toEqual(['rollback-plan']);
  });
});

describe('cutover steps of a set', () => {
  it('are the configured ones, or the four defaults', async () => {
    const project = await scenarioGitProject();
    const text = (await readFile(path.join(project.dir, 'lakeshift.yaml'), 'utf8')).replace(
      '      description: every kind of difference\n',
      '      description: every kind of difference\n      cutover:\n        steps:\n          - { id: finance-pack-moved, title: Finance pack moved, description: The monthly pack reads gold. }\n',
    );
    await writeFile(path.join(project.dir, 'lakeshift.yaml'), text);
    const loaded = parseConfig(text, path.join(project.dir, 'lakeshift.yaml'), {});
    expect(cutoverSteps(loaded.config.parity.sets['scenarios']!)).toEqual([{ id: 'finance-pack-moved', title: 'Finance pack moved', description: 'The monthly pack reads gold.' }]);
    expect(cutoverSteps(project.loaded.config.parity.sets['scenarios']!)).toBe(DEFAULT_CUTOVER_STEPS);
    expect(() => parseConfig(text.replace('finance-pack-moved, title', 'x, title').replace('- { id: x,', '- { id: x, title: a }\n          - { id: x,'), 'l.yaml', {})).toThrow(/step ids must be unique/);

    const result = await runCutover({ loaded, set: 'scenarios', format: 'md', out: 'checklists/scenarios.md', tick: { step: 'finance-pack-moved', by: 'Dana' } });
    expect(result.file).toBe('checklists/scenarios.md');
    expect(result.checklist.items.map((item) => `${item.id}:${item.status}`)).toEqual([
      'inventoried:open',
      'no-legacy-change:open',
      'translated:open',
      'parity-signed-off:open',
      'finance-pack-moved:done',
    ]);
    const markdown = await readFile(path.join(project.dir, 'checklists', 'scenarios.md'), 'utf8');
    expect(markdown).toContain('# Cutover checklist: scenarios');
    expect(markdown).toContain('- [ ] **1. Every legacy object behind the set inventoried** (open, from evidence)\n  - the snapshot (legacy/) holds no inventory yet\n  - To do: Run lakeshift sync to inventory the legacy estate.');
    expect(markdown).toMatch(/- \[x\] \*\*5\. Finance pack moved\*\* \(done, manual step\)\n {2}- ticked by Dana at .* UTC\n/);
    await expect(runCutover({ loaded, set: 'nope' })).rejects.toMatchObject({ code: 'INPUT_INVALID', hint: 'Sets: scenarios, clean.' });
  });
});

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { loadSeeds } from '../../src/demo/seeds.js';
import { EnginePool } from '../../src/engines/registry.js';
import { runParity } from '../../src/parity/run-parity.js';
import { repoRoot } from '../support/corpus.js';

/**
 * The example estate: finance corrected four rows of dw.customer_churn by hand (FIN-2291,
 * examples/shellcorp/README.md). The rebuilt gold tables are the legacy ones with those rows as
 * the procedure computes them (and a fresh etl_loaded_at, which the set ignores); the
 * `customers` set of the example's lakeshift.yaml must find exactly those four rows.
 */
describe('ShellCorp customers set', () => {
  it('finds the four hand-corrected churn rows, in churn_flag and churn_risk only', async () => {
    const example = path.join(repoRoot, 'examples', 'shellcorp');
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-shellcorp-parity-'));
    const loaded = parseConfig(await readFile(path.join(example, 'lakeshift.yaml'), 'utf8'), path.join(dir, 'lakeshift.yaml'), {});
    const pool = new EnginePool(loaded.config.connections, { baseDir: dir });
    const engine = pool.get('local');
    await loadSeeds(engine, path.join(example, 'data'));
    await engine.execute(`
      CREATE SCHEMA IF NOT EXISTS gold;
      CREATE OR REPLACE TABLE gold.dim_customer AS SELECT * REPLACE (now()::TIMESTAMP AS etl_loaded_at) FROM legacy_dw.dim_customer;
      CREATE OR REPLACE TABLE gold.customer_lifetime_value AS SELECT * REPLACE (now()::TIMESTAMP AS etl_loaded_at) FROM legacy_dw.customer_lifetime_value;
      CREATE OR REPLACE TABLE gold.customer_churn AS SELECT * REPLACE (now()::TIMESTAMP AS etl_loaded_at) FROM legacy_dw.customer_churn;
      UPDATE gold.customer_churn SET churn_flag = true, churn_risk = 'Churned' WHERE customer_id IN (100, 106, 123, 151);
    `);
    await pool.closeAll();

    const run = await runParity({ loaded, set: 'customers' });
    const byName = Object.fromEntries(run.result.tables.map((table) => [table.name, table]));
    const churn = byName['customer_churn']!;
    expect(churn.rows).toEqual({ legacy: 1200, new: 1200 });
    expect(churn.diff).toEqual({ matched: 1196, missing: 0, extra: 0, changed: 4 });
    const mismatching = churn.columns.filter((column) => (column.mismatches ?? 0) > 0).map((column) => [column.name, column.mismatches]);
    expect(mismatching).toEqual([
      ['churn_flag', 4],
      ['churn_risk', 4],
    ]);
    expect(churn.samples.changed.map((sample) => sample.key['customer_id'])).toEqual([100, 106, 123, 151]);
    expect(churn.samples.changed[0]?.columns).toEqual([
      { name: 'churn_flag', newName: 'churn_flag', legacy: false, new: true },
      { name: 'churn_risk', newName: 'churn_risk', legacy: 'At risk', new: 'Churned' },
    ]);
    expect(churn.columns.find((column) => column.name === 'etl_loaded_at')).toMatchObject({ compared: false });
    expect(churn.status).toBe('fail');
    expect(byName['dim_customer']).toMatchObject({ status: 'pass', rows: { legacy: 1975, new: 1975 }, diff: { matched: 1975 } });
    expect(byName['customer_lifetime_value']).toMatchObject({ status: 'pass', diff: { matched: 1200, changed: 0 } });
    expect(run.exitCode).toBe(1);
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, parseConfig, type LoadedConfig } from '../../../src/config/load.js';
import { loadSeeds } from '../../../src/demo/seeds.js';
import { EnginePool } from '../../../src/engines/registry.js';
import { commitAsRepository, shellcorpWorkspace } from '../../support/git-workspace.js';
import { scenarioProject, type ScenarioProject } from '../../parity/support/scenarios.js';

/**
 * The parity scenarios (test/parity/support) in a git repository: set "scenarios" (tables
 * "identical" passes, "exact" fails, ...) and a set "clean" of the one table that passes.
 */
export async function scenarioGitProject(): Promise<ScenarioProject> {
  const project = await scenarioProject('same');
  const text = (await readFile(project.loaded.file, 'utf8')).replace(
    '\nreports:\n',
    '\n    clean:\n      description: the table that matches\n      tables:\n        - { name: identical, legacy: { connection: local, table: legacy_s.identical }, new: { connection: local, table: new_s.identical }, keys: [id] }\nreports:\n',
  );
  await writeFile(project.loaded.file, text);
  await commitAsRepository(project.dir, 'out/\ndata/\n.lakeshift/\n');
  return { dir: project.dir, loaded: parseConfig(text, project.loaded.file, {}) };
}

export const CHURN_PROCEDURE = path.join('warehouse', 'etl', 'Stored Procedures', 'etl.usp_build_customer_churn.sql');

/**
 * The ShellCorp estate as a migration repository: git, the legacy tables loaded into DuckDB,
 * the gold tables rebuilt as the example's README tells (the four FIN-2291 churn rows differ),
 * so that the customers set fails on customer_churn and passes on the other two tables.
 */
export async function shellcorpProject(options: { readonly extraConfig?: string } = {}): Promise<{ dir: string; loaded: () => Promise<LoadedConfig> }> {
  const extraConfig = options.extraConfig;
  const dir = await shellcorpWorkspace('cutover', {
    ...(extraConfig === undefined
      ? {}
      : {
          prepare: async (project: string) => {
            const file = path.join(project, 'lakeshift.yaml');
            await writeFile(file, (await readFile(file, 'utf8')).replace('\nreports:\n', `${extraConfig}\nreports:\n`));
          },
        }),
  });
  const loaded = () => loadConfig({ cwd: dir, env: {} });
  const config = await loaded();
  const pool = new EnginePool(config.config.connections, { baseDir: dir });
  const engine = pool.get('local');
  await loadSeeds(engine, path.join(dir, 'data'));
  await engine.execute(`
    CREATE SCHEMA IF NOT EXISTS gold;
    CREATE OR REPLACE TABLE gold.dim_customer AS SELECT * REPLACE (now()::TIMESTAMP AS etl_loaded_at) FROM legacy_dw.dim_customer;
    CREATE OR REPLACE TABLE gold.customer_lifetime_value AS SELECT * REPLACE (now()::TIMESTAMP AS etl_loaded_at) FROM legacy_dw.customer_lifetime_value;
    CREATE OR REPLACE TABLE gold.customer_churn AS SELECT * REPLACE (now()::TIMESTAMP AS etl_loaded_at) FROM legacy_dw.customer_churn;
    UPDATE gold.customer_churn SET churn_flag = true, churn_risk = 'Churned' WHERE customer_id IN (100, 106, 123, 151);
  `);
  await pool.closeAll();
  return { dir, loaded };
}

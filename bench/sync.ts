/**
 * The weekly sync on a large estate: 5,000 catalog objects (an SSDT-style folder of procedures,
 * views and tables) and an analysts' repo of 10,000 files (.sql, .py with embedded SQL,
 * notebooks). Prints the first sync, a sync with nothing changed and a sync after 50 edits,
 * beside a baseline measured in the same run: copying the same files into a folder and
 * committing them with plain git. Targets from the issue: first sync under 10 s, a sync with
 * no change under 3 s, memory bounded. Benchmarks print figures; nothing here asserts.
 *
 *   npm run build && node dist/bench/sync.js [catalogObjects] [repoFiles]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { runSync } from '../src/snapshot/sync.js';

const catalogObjects = Number(process.argv[2] ?? 5000) || 5000;
const repoFiles = Number(process.argv[3] ?? 10000) || 10000;

function procedure(index: number): string {
  const lines = [
    `CREATE PROCEDURE etl.usp_build_${index}`,
    '    @as_of date = NULL',
    'AS',
    'BEGIN',
    '    SET NOCOUNT ON;',
    '    SET @as_of = ISNULL(@as_of, CAST(GETDATE() AS date));',
    `    IF OBJECT_ID('tempdb..#work_${index}') IS NOT NULL DROP TABLE #work_${index};`,
    '    SELECT o.store_id, o.order_date, SUM(l.quantity * l.unit_price) AS net',
    `    INTO #work_${index}`,
    '    FROM sales.orders AS o',
    '    JOIN sales.order_lines AS l ON l.order_id = o.order_id',
    '    WHERE o.order_date >= DATEADD(DAY, -35, @as_of)',
    '    GROUP BY o.store_id, o.order_date;',
    `    MERGE dw.table_${index % 500} AS t`,
    `    USING #work_${index} AS s ON t.store_id = s.store_id AND t.order_date = s.order_date`,
    '    WHEN MATCHED THEN UPDATE SET t.net = s.net',
    '    WHEN NOT MATCHED THEN INSERT (store_id, order_date, net) VALUES (s.store_id, s.order_date, s.net);',
    `    EXEC etl.usp_write_run_log @procedure_name = N'usp_build_${index}', @row_count = @@ROWCOUNT;`,
    'END',
    'GO',
  ];
  return `${lines.join('\n')}\n`;
}

function buildEstate(root: string): void {
  const warehouse = path.join(root, 'warehouse');
  for (const folder of ['etl/Stored Procedures', 'dw/Tables', 'reporting/Views']) mkdirSync(path.join(warehouse, folder), { recursive: true });
  for (let index = 0; index < catalogObjects; index += 1) {
    if (index % 10 < 7) {
      writeFileSync(path.join(warehouse, 'etl', 'Stored Procedures', `etl.usp_build_${index}.sql`), procedure(index));
    } else if (index % 10 < 9) {
      writeFileSync(path.join(warehouse, 'dw', 'Tables', `dw.table_${index}.sql`), `CREATE TABLE dw.table_${index} (\n    store_id int NOT NULL,\n    order_date date NOT NULL,\n    net decimal(12,2) NULL,\n    CONSTRAINT pk_table_${index} PRIMARY KEY (store_id, order_date)\n)\nGO\n`);
    } else {
      writeFileSync(path.join(warehouse, 'reporting', 'Views', `reporting.vw_${index}.sql`), `CREATE VIEW reporting.vw_${index} AS\nSELECT store_id, SUM(net) AS net FROM dw.table_${index % 500} GROUP BY store_id\nGO\n`);
    }
  }
  const analysts = path.join(root, 'analysts');
  for (let index = 0; index < repoFiles; index += 1) {
    const folder = path.join(analysts, `area_${index % 40}`);
    mkdirSync(folder, { recursive: true });
    if (index % 20 < 12) {
      writeFileSync(path.join(folder, `report_${index}.sql`), `-- report ${index}\nSELECT s.store_name, d.net\nFROM dw.table_${index % 500} AS d\nJOIN sales.stores AS s ON s.store_id = d.store_id\nWHERE d.order_date >= '2025-01-01'\nORDER BY d.net DESC;\n`);
    } else if (index % 20 < 19) {
      writeFileSync(
        path.join(folder, `job_${index}.py`),
        `import pandas as pd\n\nQUERY = """\nSELECT store_id, order_date, net\nFROM dw.table_${index % 500}\nWHERE net > 0\n"""\n\ndef run(conn, engine):\n    df = pd.read_sql(QUERY, conn)\n    df.to_sql('score_${index}', engine, schema='analytics', if_exists='replace')\n`,
      );
    } else {
      writeFileSync(
        path.join(folder, `explore_${index}.ipynb`),
        JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', metadata: {}, outputs: [], execution_count: 1, source: [`df = pd.read_sql('SELECT * FROM dw.table_${index % 500}', conn)`] }] }),
      );
    }
  }
  writeFileSync(
    path.join(root, 'lakeshift.yaml'),
    'version: 1\nproject: bench\nlegacy:\n  catalogs:\n    - name: warehouse\n      scripts: warehouse\n  repos:\n    - name: analysts\n      path: analysts\n',
  );
  writeFileSync(path.join(root, '.gitignore'), '/.lakeshift/\n/reports/\n');
  git(root, 'init', '--quiet');
  git(root, 'config', 'user.name', 'bench');
  git(root, 'config', 'user.email', 'bench@example.invalid');
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '-m', 'estate');
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'lakeshift-bench-sync-'));
  try {
    buildEstate(root);

    // Baseline: what copying the same files into a folder and committing them with git costs.
    let start = performance.now();
    cpSync(path.join(root, 'warehouse'), path.join(root, 'baseline', 'warehouse'), { recursive: true });
    cpSync(path.join(root, 'analysts'), path.join(root, 'baseline', 'analysts'), { recursive: true });
    git(root, 'add', '--all', 'baseline');
    git(root, 'commit', '--quiet', '-m', 'baseline');
    const baseline = seconds(start);
    git(root, 'rm', '-r', '--quiet', 'baseline');
    git(root, 'commit', '--quiet', '-m', 'drop baseline');

    const loaded = await loadConfig({ cwd: root, env: {} });
    start = performance.now();
    const first = await runSync({ loaded });
    const firstSeconds = seconds(start);
    const rssFirst = process.resourceUsage().maxRSS * 1024;

    start = performance.now();
    const unchanged = await runSync({ loaded });
    const unchangedSeconds = seconds(start);

    for (let index = 0; index < 50; index += 1) {
      const number = index * 7;
      if (number % 10 < 7) writeFileSync(path.join(root, 'warehouse', 'etl', 'Stored Procedures', `etl.usp_build_${number}.sql`), procedure(number).replace('-35', '-42'));
    }
    git(root, 'commit', '--quiet', '-am', 'edits');
    start = performance.now();
    const edited = await runSync({ loaded });
    const editedSeconds = seconds(start);
    const rss = process.resourceUsage().maxRSS * 1024;

    console.log(`sync: ${catalogObjects} catalog objects + ${repoFiles} repo files -> ${first.objects} snapshot objects`);
    console.log(`  baseline (copy the files, git add + commit)  ${baseline.toFixed(2)} s`);
    console.log(`  first sync                                   ${firstSeconds.toFixed(2)} s  (${(firstSeconds / baseline).toFixed(2)}x baseline; target < 10 s)`);
    console.log(`  sync with no change                          ${unchangedSeconds.toFixed(2)} s  (${(unchangedSeconds / baseline).toFixed(2)}x baseline; target < 3 s; commit: ${unchanged.commit ?? 'none'})`);
    console.log(`  sync after ${edited.changes.changed.length} edited procedures                ${editedSeconds.toFixed(2)} s`);
    console.log(`  peak RSS: ${megabytes(rssFirst)} after the first sync, ${megabytes(rss)} at the end`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();

/**
 * Peak memory of the real CLI on a big table pair: `node bin/run.js parity run` in a child
 * process on a generated DuckDB file (5,000,000 rows x 10 columns per side by default), once with
 * nothing set on the connection (parity applies its own budget, PARITY_BUDGET in
 * src/parity/run-parity.ts) and once with `memoryLimit` (and `threads`) set on the connection. DuckDB runs
 * inside the CLI's process, so its memory counts. The peak resident set size comes from
 * /usr/bin/time -v (or, without it, from sampling /proc/<pid>/status VmHWM). Prints figures;
 * asserts nothing.
 *
 *   npx tsc -p . && node dist/bench/parity-memory.js [rows] [memoryLimit] [threads]
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDbEngine } from '../src/engines/duckdb/duckdb-engine.js';
import { plantSql, tableSql } from './parity-data.js';

const rows = Number(process.argv[2] ?? 5_000_000);
const memoryLimit = process.argv[3] ?? '100MB';
const threads = process.argv[4] === undefined ? undefined : Number(process.argv[4]);

let root = path.dirname(fileURLToPath(import.meta.url));
while (!existsSync(path.join(root, 'package.json'))) root = path.dirname(root);
const bin = path.join(root, 'bin', 'run.js');

const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-bench-memory-'));
const engine = new DuckDbEngine('local', { kind: 'duckdb', path: path.join(dir, 'bench.duckdb'), readOnly: false }, { baseDir: dir });
await engine.execute(`CREATE SCHEMA legacy_s; CREATE SCHEMA new_s; ${tableSql('legacy_s.wide', rows)};`);
await engine.execute(`CREATE TABLE new_s.wide AS SELECT * FROM legacy_s.wide; ${plantSql('new_s.wide', rows, Math.round(rows / 10_000), 100, 100)}`);
await engine.close();

async function measure(limit: string | undefined): Promise<{ peakKb: number; seconds: number; exitCode: number | null; via: string }> {
  const connection = `{ kind: duckdb, path: bench.duckdb${limit === undefined ? '' : `, memoryLimit: "${limit}"`}${limit === undefined || threads === undefined ? '' : `, threads: ${threads}`} }`;
  await writeFile(
    path.join(dir, 'lakeshift.yaml'),
    `version: 1\nproject: bench\nconnections:\n  local: ${connection}\nparity:\n  sets:\n    bench:\n      connection: local\n      tables:\n        - { name: wide, legacy: legacy_s.wide, new: new_s.wide, keys: [id] }\n`,
  );
  const useTime = existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : process.execPath;
  const args = useTime ? ['-v', process.execPath, bin, 'parity', 'run', '--set', 'bench', '--json'] : [bin, 'parity', 'run', '--set', 'bench', '--json'];
  const started = performance.now();
  const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let sampled = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      sampled = Math.max(sampled, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // the process has ended
    }
  }, 50);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const fromTime = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
  return { peakKb: fromTime || sampled, seconds: (performance.now() - started) / 1000, exitCode, via: fromTime > 0 ? '/usr/bin/time -v' : '/proc VmHWM sampling' };
}

console.log(`data: ${rows.toLocaleString('en-US')} rows x 10 columns per side, both tables in one DuckDB file`);
for (const limit of [undefined, memoryLimit]) {
  const result = await measure(limit);
  console.log(
    `lakeshift parity run, DuckDB memory_limit ${limit ?? "not set on the connection (parity's budget: 100MB, 1 thread)"}${limit !== undefined && threads !== undefined ? `, threads ${threads}` : ''}: peak RSS ${(result.peakKb / 1024).toFixed(0)} MB ` +
      `(${result.via}), ${result.seconds.toFixed(1)} s, exit ${result.exitCode} (1 = differences found, as planted)`,
  );
}
await rm(dir, { recursive: true, force: true });

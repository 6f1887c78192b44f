/**
 * Runs every benchmark of bench/ (compiled to dist/bench/), each in a process of its own so
 * that one's memory and JIT state cannot colour another's figures. Benchmarks print figures;
 * none asserts a time.
 *
 *   npm run bench                # all
 *   npm run bench -- tsql sync   # those whose file name contains one of the words
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((file) => file.endsWith('.js') && file !== 'run.js')
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

let failed = 0;
for (const bench of benches) {
  process.stdout.write(`\n== ${bench.replace(/\.js$/, '')}\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(dir, bench)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
if (benches.length === 0) process.stdout.write(`no benchmark matches ${filters.join(', ')}\n`);
process.exitCode = failed === 0 ? 0 : 1;

/**
 * Translation speed on the real-world corpus, beside sqlglot's WebAssembly port
 * (@polyglot-sql/sdk) on the same input in the same run: every .sql file of ../shared/corpus is
 * split into objects as the inventory splits them, and each object is translated from T-SQL to
 * Databricks SQL by both. Prints objects per second (median of several passes) and how many
 * objects each translated without an error. Benchmarks print figures; nothing here asserts.
 *
 *   npm run build && node dist/bench/translate-speed.js [passes]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitScriptObjects } from '../src/inventory/script-objects.js';
import { translateSql } from '../src/translate/translate-sql.js';
import { decodeSqlText } from '../src/tsql/index.js';

function findCorpus(): string | undefined {
  let root = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
  return [process.env['LAKESHIFT_CORPUS'], path.resolve(root, '..', 'shared', 'corpus'), '/work/shared/corpus'].find(
    (candidate): candidate is string => candidate !== undefined && existsSync(candidate),
  );
}

function sqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    return statSync(file).isDirectory() ? sqlFiles(file) : entry.toLowerCase().endsWith('.sql') ? [file] : [];
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const corpus = findCorpus();
  if (corpus === undefined) {
    console.log('translate-speed: no corpus found (set LAKESHIFT_CORPUS or put it at ../shared/corpus); nothing to measure.');
    return;
  }
  const passes = Number(process.argv[2] ?? 5) || 5;
  const objects = sqlFiles(corpus).flatMap((file) => splitScriptObjects(decodeSqlText(readFileSync(file)).text).map((unit) => unit.text));
  const bytes = objects.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

  let polyglot: { transpile: (sql: string, from: string, to: string) => { success: boolean } } | undefined;
  try {
    polyglot = (await import('@polyglot-sql/sdk')) as unknown as typeof polyglot;
  } catch {
    polyglot = undefined;
  }

  const lakeshiftRates: number[] = [];
  const polyglotRates: number[] = [];
  let lakeshiftClean = 0;
  let polyglotClean = 0;
  for (let pass = 0; pass < passes; pass += 1) {
    let start = performance.now();
    let clean = 0;
    for (const text of objects) {
      const result = translateSql(text, { target: 'databricks' });
      if (!result.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) clean += 1;
    }
    lakeshiftRates.push(objects.length / ((performance.now() - start) / 1000));
    lakeshiftClean = clean;
    if (polyglot !== undefined) {
      start = performance.now();
      clean = 0;
      for (const text of objects) {
        try {
          if (polyglot.transpile(text, 'tsql', 'databricks').success) clean += 1;
        } catch {
          // a thrown error is a failed object, as a result with success: false is
        }
      }
      polyglotRates.push(objects.length / ((performance.now() - start) / 1000));
      polyglotClean = clean;
    }
  }

  console.log(`translate-speed: ${objects.length} objects, ${(bytes / 1e6).toFixed(2)} MB of T-SQL (${corpus}), median of ${passes} passes, one core`);
  console.log(`  lakeshift translate -> Databricks   ${median(lakeshiftRates).toFixed(0)} objects/s; ${lakeshiftClean} objects with no error diagnostic`);
  if (polyglot === undefined) {
    console.log('  @polyglot-sql/sdk is not installed (npm install --no-save @polyglot-sql/sdk): no baseline');
  } else {
    const ratio = median(lakeshiftRates) / median(polyglotRates);
    console.log(`  sqlglot WASM (@polyglot-sql/sdk)    ${median(polyglotRates).toFixed(0)} objects/s; ${polyglotClean} objects transpiled without failing (it reports no untranslated parts)`);
    console.log(`  lakeshift / sqlglot WASM: ${ratio.toFixed(2)}x the throughput`);
  }
}

await main();

/**
 * Translation speed on the real-world corpus, beside sqlglot's WebAssembly port
 * (@polyglot-sql/sdk) on the same input in the same run: every .sql file of ../shared/corpus is
 * split into objects as the inventory splits them, and each object is translated from T-SQL to
 * Databricks SQL by both. Each tool runs in a process of its own, one after the other (on two
 * cores, the WebAssembly engine's background recompilation slowed whatever ran beside it), and
 * prints objects per second for its first pass (cold: what a one-shot CLI run feels) and the
 * median of the passes after it (warm), and how many objects it translated without an error.
 * Benchmarks print figures; nothing here asserts.
 *
 *   npm run build && node dist/bench/translate-speed.js [passes]
 */
import { spawnSync } from 'node:child_process';
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

type Tool = 'lakeshift' | 'polyglot';

interface Measurement {
  readonly tool: Tool;
  readonly available: boolean;
  /** The first pass: parsing, JIT compilation (and WebAssembly tiering) included, as a one-shot CLI run feels it. */
  readonly coldRate: number;
  /** Median of the passes after it. */
  readonly warmRate: number;
  readonly clean: number;
}

/** One tool, in a process of its own: its background compilation cannot slow the other down. */
async function measure(tool: Tool, objects: readonly string[], passes: number): Promise<Measurement> {
  let run: (text: string) => boolean;
  if (tool === 'lakeshift') {
    run = (text) => !translateSql(text, { target: 'databricks' }).diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  } else {
    let polyglot: { transpile: (sql: string, from: string, to: string) => { success: boolean } };
    try {
      polyglot = (await import('@polyglot-sql/sdk')) as unknown as typeof polyglot;
    } catch {
      return { tool, available: false, coldRate: 0, warmRate: 0, clean: 0 };
    }
    run = (text) => {
      try {
        return polyglot.transpile(text, 'tsql', 'databricks').success;
      } catch {
        // a thrown error is a failed object, as a result with success: false is
        return false;
      }
    };
  }
  const rates: number[] = [];
  let clean = 0;
  for (let pass = 0; pass <= passes; pass += 1) {
    const start = performance.now();
    clean = 0;
    for (const text of objects) if (run(text)) clean += 1;
    rates.push(objects.length / ((performance.now() - start) / 1000));
  }
  return { tool, available: true, coldRate: rates[0]!, warmRate: median(rates.slice(1)), clean };
}

function inChild(tool: Tool, passes: number): Measurement {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--tool', tool, String(passes)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = child.stdout.split('\n').find((text) => text.startsWith('{'));
  if (child.status !== 0 || line === undefined) throw new Error(`translate-speed: measuring ${tool} failed: ${child.stderr}`);
  return JSON.parse(line) as Measurement;
}

function corpusObjects(corpus: string): string[] {
  return sqlFiles(corpus).flatMap((file) => splitScriptObjects(decodeSqlText(readFileSync(file)).text).map((unit) => unit.text));
}

async function main(): Promise<void> {
  const corpus = findCorpus();
  if (corpus === undefined) {
    console.log('translate-speed: no corpus found (set LAKESHIFT_CORPUS or put it at ../shared/corpus); nothing to measure.');
    return;
  }
  const toolFlag = process.argv.indexOf('--tool');
  if (toolFlag >= 0) {
    const tool = process.argv[toolFlag + 1] as Tool;
    const passes = Number(process.argv[toolFlag + 2] ?? 5) || 5;
    console.log(JSON.stringify(await measure(tool, corpusObjects(corpus), passes)));
    return;
  }
  const passes = Number(process.argv[2] ?? 5) || 5;
  const objects = corpusObjects(corpus);
  const bytes = objects.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  // One after the other, each in its own process, so that neither competes with the other.
  const lakeshift = inChild('lakeshift', passes);
  const polyglot = inChild('polyglot', passes);

  console.log(`translate-speed: ${objects.length} objects, ${(bytes / 1e6).toFixed(2)} MB of T-SQL (${corpus}); each tool in its own process: a first (cold) pass, then the median of ${passes} passes`);
  const row = (name: string, m: Measurement, what: string) =>
    console.log(`  ${name.padEnd(34)} cold ${m.coldRate.toFixed(0).padStart(5)} objects/s, warm ${m.warmRate.toFixed(0).padStart(5)} objects/s; ${m.clean} ${what}`);
  row('lakeshift translate -> Databricks', lakeshift, 'objects with no error diagnostic');
  if (!polyglot.available) {
    console.log('  @polyglot-sql/sdk is not installed (npm install --no-save @polyglot-sql/sdk): no baseline');
    return;
  }
  row('sqlglot WASM (@polyglot-sql/sdk)', polyglot, 'objects transpiled without failing (it reports no untranslated parts)');
  console.log(`  lakeshift / sqlglot WASM: ${(lakeshift.warmRate / polyglot.warmRate).toFixed(2)}x the throughput warm, ${(lakeshift.coldRate / polyglot.coldRate).toFixed(2)}x cold`);
}

await main();

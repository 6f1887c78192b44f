/**
 * Throughput of the T-SQL front end on the shared real-world corpus: tokenize alone, and
 * tokenize + GO split + parse, each over the whole corpus several times; prints the median.
 * Benchmarks print figures; nothing here asserts a time.
 *
 *   npm run build && node dist/bench/tsql-parse.js [iterations]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeSqlText, parseTsql, tokenize } from '../src/tsql/index.js';

export interface TsqlParseBenchmark {
  readonly corpus: string;
  readonly files: number;
  /** UTF-8 bytes of the decoded text of all files. */
  readonly bytes: number;
  readonly iterations: number;
  readonly tokenizeMBps: number;
  readonly parseMBps: number;
}

/** The repository root: the nearest folder above this file with a package.json. */
function repositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Same lookup as test/support/corpus.ts: $LAKESHIFT_CORPUS, ../shared/corpus, /work/shared/corpus. */
export function findCorpus(): string | undefined {
  const candidates = [process.env['LAKESHIFT_CORPUS'], path.resolve(repositoryRoot(), '..', 'shared', 'corpus'), '/work/shared/corpus'];
  return candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate));
}

function sqlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sqlFiles(full, out);
    else if (name.toLowerCase().endsWith('.sql')) out.push(full);
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function runTsqlParseBenchmark(corpus: string, iterations = 7): TsqlParseBenchmark {
  const texts = sqlFiles(corpus).map((file) => decodeSqlText(readFileSync(file)).text);
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
  const tokenizeRates: number[] = [];
  const parseRates: number[] = [];
  let sink = 0;
  for (let i = 0; i < iterations; i++) {
    let start = performance.now();
    for (const text of texts) sink += tokenize(text).length;
    tokenizeRates.push(bytes / 1e6 / ((performance.now() - start) / 1000));
    start = performance.now();
    for (const text of texts) sink += parseTsql(text).script.batches.length;
    parseRates.push(bytes / 1e6 / ((performance.now() - start) / 1000));
  }
  if (sink < 0) throw new Error('unreachable');
  return { corpus, files: texts.length, bytes, iterations, tokenizeMBps: median(tokenizeRates), parseMBps: median(parseRates) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const corpus = findCorpus();
  if (corpus === undefined) {
    console.log('tsql-parse: no corpus found (set LAKESHIFT_CORPUS or put it at ../shared/corpus); nothing to measure.');
  } else {
    const iterations = Number(process.argv[2] ?? 7) || 7;
    const result = runTsqlParseBenchmark(corpus, iterations);
    console.log(`tsql-parse: ${result.files} files, ${(result.bytes / 1e6).toFixed(2)} MB of T-SQL (${result.corpus}), median of ${result.iterations} runs, one core`);
    console.log(`  tokenize               ${result.tokenizeMBps.toFixed(1)} MB/s`);
    console.log(`  tokenize + GO + parse  ${result.parseMBps.toFixed(1)} MB/s`);
  }
}

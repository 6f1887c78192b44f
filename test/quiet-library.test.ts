import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../src/config/load.js';
import { runDoctor } from '../src/doctor/doctor.js';
import { DuckDbEngine } from '../src/engines/duckdb/duckdb-engine.js';
import { initProject } from '../src/init/init-project.js';
import { RecordingReporter } from '../src/reporter.js';
import { repoRoot } from './support/corpus.js';
import { expectQuietLibrary } from './support/quiet.js';

/**
 * The library (src/) never writes to stdout or stderr and never ends the process: commands
 * own the terminal. Proved two ways: by running library code, good paths and failing ones,
 * with every way out spied on; and by reading the sources for the ways out.
 */
describe('the library is quiet', () => {
  expectQuietLibrary();
  let silentServer: Server;
  let silentPort = 0;

  beforeAll(async () => {
    silentServer = createServer(() => {});
    await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
    silentPort = (silentServer.address() as { port: number }).port;
  });

  afterAll(() => {
    silentServer.close();
  });

  it('while loading good and bad configs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-quiet-'));
    await writeFile(path.join(dir, 'lakeshift.yaml'), 'version: 1\nproject: quiet\n');
    await loadConfig({ cwd: dir, env: {} });
    for (const text of ['version: [', 'version: 1\nproject: p\nextra: 1\n', 'version: 1\nproject: "${env:NOPE}"\n']) {
      expect(() => parseConfig(text, 'x.yaml', {})).toThrow();
    }
  });

  it('while scaffolding a project', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-quiet-init-'));
    await initProject({ dir: path.join(dir, 'p'), reporter: new RecordingReporter() });
    await expect(initProject({ dir: path.join(dir, 'p') })).rejects.toThrow();
  });

  it('while querying, streaming and failing on DuckDB', async () => {
    const engine = new DuckDbEngine('local', { kind: 'duckdb', path: ':memory:', readOnly: false }, { baseDir: tmpdir() });
    await engine.query('SELECT 1');
    for await (const batch of engine.stream('SELECT * FROM range(5000)')) expect(batch.rows.length).toBeGreaterThan(0);
    await expect(engine.query('SELECT nope')).rejects.toThrow();
    await engine.close();
  });

  it('while checking connections that work and connections that fail', async () => {
    const text = `version: 1
project: quiet
connections:
  local: { kind: duckdb }
  refused: { kind: sqlserver, server: 127.0.0.1, port: 1, database: d, user: u, password: quiet-secret, connectTimeout: 2 }
  silent: { kind: databricks, host: "127.0.0.1:${silentPort}", httpPath: /sql/1.0/warehouses/x, token: quiet-token, connectTimeout: 1 }
`;
    const loaded = parseConfig(text, path.join(tmpdir(), 'lakeshift.yaml'), {});
    const result = await runDoctor({ loaded, timeoutMs: 5000, reporter: new RecordingReporter() });
    expect(result.connections.map((check) => [check.name, check.status])).toEqual([
      ['local', 'ok'],
      ['refused', 'failed'],
      ['silent', 'failed'],
    ]);
  });
});

describe('the library sources', () => {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts')) sources.push(file);
    }
  };
  walk(path.join(repoRoot, 'src'));

  it.each([
    ['process.stdout', /process\.stdout/],
    ['process.stderr', /process\.stderr/],
    ['console.*', /\bconsole\.(log|info|warn|error|debug|trace)\b/],
    ['process.exit', /process\.exit\b/],
    ['oclif', /from '@oclif\//],
  ])('never use %s', (_name, pattern) => {
    const offenders = sources.filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => path.relative(repoRoot, file));
    expect(offenders).toEqual([]);
    expect(sources.length).toBeGreaterThan(10);
  });
});

import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/corpus.js';

/** End to end: the built CLI (npm run build), as a user runs it. */
const bin = path.join(repoRoot, 'bin', 'run.js');

async function lakeshift(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = await execa('node', [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { NO_COLOR: '1', NODE_ENV: 'production', ...options.env },
    reject: false,
    timeout: 60_000,
  });
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

async function project(yaml: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-cli-'));
  await writeFile(path.join(dir, 'lakeshift.yaml'), yaml);
  return dir;
}

describe('lakeshift CLI', () => {
  it('lists its commands in --help', async () => {
    const { code, stdout } = await lakeshift(['--help']);
    expect(code).toBe(0);
    for (const command of ['init', 'doctor', 'config', 'demo']) expect(stdout).toMatch(new RegExp(`^  ${command}\\s`, 'm'));
    const topic = await lakeshift(['config', '--help']);
    expect(topic.stdout).toContain('config schema');
    expect(topic.stdout).toContain('config show');
  });

  it.each([['init'], ['doctor'], ['config', 'schema'], ['config', 'show'], ['demo']])('gives help with an example for %s', async (...command) => {
    const { code, stdout } = await lakeshift([...command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('EXAMPLES');
    expect(stdout).toContain(`$ lakeshift ${command.join(' ')}`);
    expect(stdout).toContain('--json');
    expect(stdout).toContain('--config');
  });

  it('exits 2 with file:line:column on malformed YAML', async () => {
    const dir = await project('version: 1\nproject: demo\nconnections:\n  local: { kind: duckdb\n');
    const { code, stdout, stderr } = await lakeshift(['doctor'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error \[CONFIG_SYNTAX\] lakeshift\.yaml:\d+:\d+: /);
    expect(stderr).toContain('hint:');
  });

  it('names a missing environment variable', async () => {
    const dir = await project('version: 1\nproject: demo\nconnections:\n  lh: { kind: databricks, host: h, httpPath: /p, token: "${env:LAKESHIFT_TEST_TOKEN}" }\n');
    const { code, stderr } = await lakeshift(['doctor'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('lakeshift.yaml:4:57: connections.lh.token: environment variable LAKESHIFT_TEST_TOKEN is not set');
  });

  it('names an unknown key and its path', async () => {
    const dir = await project('version: 1\nproject: demo\nsnapshot:\n  directory: legacy\n');
    const { code, stderr } = await lakeshift(['config', 'show'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('error [CONFIG_UNKNOWN_KEY] lakeshift.yaml:4:3: snapshot.directory: unknown key "directory"');
  });

  it('prints one JSON error envelope on stdout with --json', async () => {
    const dir = await project('version: 1\nproject: demo\nsnapshot:\n  directory: legacy\n');
    const { code, stdout } = await lakeshift(['config', 'show', '--json'], { cwd: dir });
    expect(code).toBe(2);
    const envelope = JSON.parse(stdout) as { error: Record<string, unknown> };
    expect(envelope.error).toMatchObject({
      code: 'CONFIG_UNKNOWN_KEY',
      exitCode: 2,
      location: { file: path.join(dir, 'lakeshift.yaml'), line: 4, column: 3 },
      details: { keyPath: 'snapshot.directory' },
    });
  });

  it('exits 2 on an unknown flag and on an unknown command', async () => {
    const flag = await lakeshift(['doctor', '--no-such-flag']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('error [INPUT_INVALID]');
    const command = await lakeshift(['frobnicate']);
    expect(command.code).toBe(2);
  });

  it('exits 2 when there is no lakeshift.yaml anywhere', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-empty-'));
    const { code, stderr } = await lakeshift(['doctor', '--config', path.join(dir, 'lakeshift.yaml')], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('[CONFIG_NOT_FOUND]');
  });

  it('prints the JSON Schema of lakeshift.yaml', async () => {
    const { code, stdout } = await lakeshift(['config', 'schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toContain('connections');
  });

  it('shows the config with defaults and without secrets', async () => {
    const dir = await project('version: 1\nproject: demo\nconnections:\n  lh: { kind: databricks, host: h, httpPath: /p, token: "${env:LAKESHIFT_TEST_TOKEN}" }\n');
    const { code, stdout } = await lakeshift(['config', 'show', '--json'], { cwd: dir, env: { LAKESHIFT_TEST_TOKEN: 'dapi-do-not-print' } });
    expect(code).toBe(0);
    expect(stdout).not.toContain('dapi-do-not-print');
    expect(JSON.parse(stdout)).toMatchObject({ config: { connections: { lh: { token: '«redacted»', queryTimeout: 900 } }, snapshot: { dir: 'legacy' } } });
  });

  it('scaffolds a project that doctor then finds healthy', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'lakeshift-cli-init-'));
    const init = await lakeshift(['init', 'migration'], { cwd: parent });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created migration/lakeshift.yaml');
    const doctor = await lakeshift(['doctor', '--json'], { cwd: path.join(parent, 'migration') });
    expect(doctor.code).toBe(0);
    const result = JSON.parse(doctor.stdout) as { ok: boolean; connections: Array<{ name: string; status: string; product: string }> };
    expect(result.ok).toBe(true);
    expect(result.connections).toMatchObject([{ name: 'local', status: 'ok', product: 'DuckDB' }]);
    const again = await lakeshift(['init', 'migration'], { cwd: parent });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('[TARGET_NOT_EMPTY]');
  });

  describe('doctor against unreachable servers', () => {
    let silent: Server;
    let silentPort = 0;

    beforeAll(async () => {
      // Accepts connections and never answers: what a dead endpoint behind a firewall looks like.
      silent = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      silentPort = (silent.address() as { port: number }).port;
    });

    afterAll(() => {
      silent.close();
    });

    it('reports every connection as failed, exits 3, and prints no secret', async () => {
      const dir = await project(`version: 1
project: unreachable
connections:
  local: { kind: duckdb }
  legacy: { kind: sqlserver, server: 127.0.0.1, port: 1, database: Analytics, user: reader, password: "\${env:LS_PASSWORD}" }
  lakehouse: { kind: databricks, host: "127.0.0.1:1", httpPath: /sql/1.0/warehouses/abc, token: "\${env:LS_TOKEN}" }
  silent_sql: { kind: sqlserver, server: 127.0.0.1, port: ${silentPort}, database: Analytics, user: reader, password: "\${env:LS_PASSWORD}" }
  silent_dbx: { kind: databricks, host: "127.0.0.1:${silentPort}", httpPath: /sql/1.0/warehouses/abc, token: "\${env:LS_TOKEN}" }
`);
      const env = { LS_PASSWORD: 'Sup3r-Secret-Pw', LS_TOKEN: 'dapi0123456789abcdef' };
      const human = await lakeshift(['doctor', '--timeout', '3'], { cwd: dir, env });
      expect(human.code).toBe(3);
      for (const name of ['legacy', 'lakehouse', 'silent_sql', 'silent_dbx']) expect(human.stdout).toMatch(new RegExp(`FAILED\\s+${name}\\s`));
      expect(human.stdout).toMatch(/ok\s+local\s+duckdb/);

      const json = await lakeshift(['doctor', '--timeout', '3', '--json'], { cwd: dir, env });
      expect(json.code).toBe(3);
      const result = JSON.parse(json.stdout) as { connections: Array<{ name: string; status: string; error?: { code: string } }> };
      const byName = Object.fromEntries(result.connections.map((check) => [check.name, check]));
      expect(byName['legacy']).toMatchObject({ status: 'failed', error: { code: 'CONNECTION_FAILED' } });
      expect(byName['lakehouse']).toMatchObject({ status: 'failed', error: { code: 'CONNECTION_FAILED' } });
      expect(byName['silent_sql']).toMatchObject({ status: 'failed', error: { code: 'CONNECTION_TIMEOUT' } });
      expect(byName['silent_dbx']).toMatchObject({ status: 'failed', error: { code: 'CONNECTION_TIMEOUT' } });

      for (const output of [human.stdout, human.stderr, json.stdout, json.stderr]) {
        expect(output).not.toContain(env.LS_PASSWORD);
        expect(output).not.toContain(env.LS_TOKEN);
      }
    });
  });
});

describe('lakeshift translate --dry-run', () => {
  it('reports per file, with no lakeshift.yaml, as one JSON document', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lakeshift-dry-'));
    await writeFile(path.join(dir, 'good.sql'), 'CREATE PROCEDURE dbo.p AS\nBEGIN\n  SELECT 1 AS x;\nEND\nGO\n');
    await writeFile(path.join(dir, 'broken.sql'), 'SELECT 1\nGO\nSELECT FROM WHERE ((;\nGO\n');
    const { code, stdout } = await lakeshift(['translate', '--dry-run', '--json', dir], { cwd: dir });
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { target: string; files: Array<{ input: string; output: null; lossless: boolean; statements: { total: number; translated: number; raw: number }; diagnostics: Array<{ code: string; severity: string; line: number; column: number }> }> };
    expect(result.target).toBe('databricks');
    const byName = Object.fromEntries(result.files.map((file) => [path.basename(file.input), file]));
    expect(byName['good.sql']).toMatchObject({ output: null, lossless: true, statements: { total: 3, translated: 3, raw: 0 }, diagnostics: [] });
    expect(byName['broken.sql']).toMatchObject({ lossless: true, statements: { raw: 1 } });
    expect(byName['broken.sql']?.diagnostics[0]).toMatchObject({ code: 'TSQL_SYNTAX_ERROR', severity: 'error', line: 3 });
  });

  it('exits 2 for a path that does not exist, and without --dry-run', async () => {
    const missing = await lakeshift(['translate', '--dry-run', 'no/such/file.sql']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[INPUT_NOT_FOUND] no such file or folder');
    const real = await lakeshift(['translate', 'x.sql']);
    expect(real.code).toBe(2);
  });
});

import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { findConfigFile, loadConfig, parseConfig } from '../../src/config/load.js';
import { isSecret } from '../../src/config/secret.js';
import { ConfigError } from '../../src/errors.js';

const FILE = '/project/lakeshift.yaml';

function failure(text: string, env: NodeJS.ProcessEnv = {}): ConfigError {
  try {
    parseConfig(text, FILE, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

const minimal = 'version: 1\nproject: demo\n';

describe('parseConfig', () => {
  it('fills in defaults for a minimal file', () => {
    const { config } = parseConfig(minimal, FILE, {});
    expect(config.snapshot.dir).toBe('legacy');
    expect(config.translate).toEqual({ target: 'databricks', out: 'translated', names: {}, tempTables: 'temporary' });
    expect(config.parity.concurrency).toBe(4);
    expect(config.reports.dir).toBe('reports');
    expect(config.connections).toEqual({});
  });

  it("reads translate.files with Windows paths as YAML's single quotes keep them", () => {
    const { config } = parseConfig(`${minimal}translate:\n  files:\n    'D:\\feeds\\': /Volumes/main/landing/feeds/\n    BlobLanding: abfss://landing@acct.dfs.core.windows.net/\n`, FILE, {});
    expect(config.translate.files).toEqual({ 'D:\\feeds\\': '/Volumes/main/landing/feeds/', BlobLanding: 'abfss://landing@acct.dfs.core.windows.net/' });
  });

  it('accepts the example of DESIGN.md section 4 once its variables are set', () => {
    const text = `
version: 1
project: shellcorp-migration
connections:
  local:      { kind: duckdb, path: .lakeshift/local.duckdb }
  legacy:     { kind: sqlserver, server: "\${env:MSSQL_HOST}", database: Analytics,
                user: "\${env:MSSQL_USER}", password: "\${env:MSSQL_PASSWORD}", readOnlyIntent: true }
  lakehouse:  { kind: databricks, host: "\${env:DATABRICKS_HOST}", httpPath: "\${env:DATABRICKS_HTTP_PATH}",
                token: "\${env:DATABRICKS_TOKEN}", catalog: main }
legacy:
  catalogs:
    - name: analytics
      connection: legacy
      include: ["dbo.*", "etl.*"]
      jobs: true
    - name: warehouse
      scripts: exports/warehouse
  repos:
    - name: analysts
      path: ../legacy-analytics
      include: ["**/*.sql", "**/*.py", "**/*.ipynb"]
      generators:
        - name: dynamic-sql
          run: python3 tools/compile_dynamic_sql.py --out {out}
          timeout: 300
snapshot:
  dir: legacy
translate:
  target: databricks
  out: translated
  names: { "Analytics.dbo": "main.legacy_dbo" }
parity:
  concurrency: 4
  sets:
    finance:
      connection: local
      tables:
        - name: sales_summary
          legacy: legacy_copy.sales_summary
          new: gold.sales_summary
          keys: [sale_date, store_id]
          ignore: [etl_loaded_at]
          map: { Revenue: revenue }
          where: "sale_date >= DATE '2024-01-01'"
          tolerance: { default: { abs: 0 }, columns: { revenue: { abs: 0.01 }, ratio: { rel: 1.0e-6 } } }
          timestampPrecision: ms
          strings: { trim: right, case: sensitive, emptyIsNull: false }
          threshold: { mismatchedRows: 0 }
        - name: customers
          legacy: { connection: legacy, table: dbo.CustomerSnapshot }
          new: { connection: lakehouse, table: gold.customer_snapshot }
          keys: [CustomerId]
reports:
  dir: reports
`;
    const env = {
      MSSQL_HOST: 'sql.example.internal',
      MSSQL_USER: 'reader',
      MSSQL_PASSWORD: 'pa55word!',
      DATABRICKS_HOST: 'adb-1.azuredatabricks.net',
      DATABRICKS_HTTP_PATH: '/sql/1.0/warehouses/abc',
      DATABRICKS_TOKEN: 'dapi-secret-token',
    };
    const { config, redactor } = parseConfig(text, FILE, env);
    const legacy = config.connections['legacy'];
    expect(legacy?.kind).toBe('sqlserver');
    if (legacy?.kind !== 'sqlserver') throw new Error('unreachable');
    expect(legacy.server).toBe('sql.example.internal');
    expect(isSecret(legacy.password)).toBe(true);
    expect(legacy.password?.reveal()).toBe('pa55word!');
    expect(config.parity.sets['finance']?.tables).toHaveLength(2);
    // Secrets never serialise, never inspect, and are scrubbed from free text.
    const serialised = JSON.stringify(config) + inspect(config, { depth: 10 });
    expect(serialised).not.toContain('pa55word!');
    expect(serialised).not.toContain('dapi-secret-token');
    expect(redactor.redact('login failed for reader with pa55word! and dapi-secret-token')).toBe(
      'login failed for reader with «redacted» and «redacted»',
    );
  });

  it.each([
    {
      title: 'a YAML syntax error',
      text: 'version: 1\nproject: [demo\n  x: y\n',
      code: 'CONFIG_SYNTAX',
      line: 2,
      column: 11,
    },
    {
      title: 'a duplicate key',
      text: 'version: 1\nproject: a\nproject: b\n',
      code: 'CONFIG_SYNTAX',
      line: 3,
      column: 1,
    },
    {
      title: 'a wrong version',
      text: 'version: 2\nproject: demo\n',
      code: 'CONFIG_INVALID',
      line: 1,
      column: 10,
      keyPath: 'version',
    },
    {
      title: 'a missing required key',
      text: 'version: 1\n',
      code: 'CONFIG_INVALID',
      line: 1,
      column: 1,
      keyPath: 'project',
      message: /project: is required/,
    },
    {
      title: 'an unknown connection kind',
      text: `${minimal}connections:\n  pg: { kind: postgres }\n`,
      code: 'CONFIG_INVALID',
      line: 4,
      column: 15,
      keyPath: 'connections.pg.kind',
    },
    {
      title: 'a wrong type deep in a table set',
      text: `${minimal}connections:\n  local: { kind: duckdb }\nparity:\n  sets:\n    s:\n      connection: local\n      tables:\n        - name: t\n          legacy: a.b\n          new: c.d\n          keys: id\n`,
      code: 'CONFIG_INVALID',
      line: 13,
      column: 17,
      keyPath: 'parity.sets.s.tables[0].keys',
    },
    {
      title: 'a reference to a connection that does not exist',
      text: `${minimal}connections:\n  local: { kind: duckdb }\nparity:\n  sets:\n    s:\n      connection: locl\n      tables:\n        - { name: t, legacy: a.b, new: c.d }\n`,
      code: 'CONFIG_UNKNOWN_CONNECTION',
      line: 8,
      column: 19,
      keyPath: 'parity.sets.s.connection',
      message: /no connection named "locl" \(known: local\)/,
    },
    {
      title: 'a catalog that is neither live nor scripted',
      text: `${minimal}legacy:\n  catalogs:\n    - name: dw\n`,
      code: 'CONFIG_INVALID',
      line: 5,
      column: 7,
      keyPath: 'legacy.catalogs[0]',
      message: /exactly one of "connection"/,
    },
    {
      title: 'a Databricks connection without credentials',
      text: `${minimal}connections:\n  lh: { kind: databricks, host: h, httpPath: /p }\n`,
      code: 'CONFIG_INVALID',
      line: 4,
      column: 7,
      keyPath: 'connections.lh',
      message: /needs "token" \(PAT\) or both "clientId" and "clientSecret"/,
    },
    {
      title: 'SQL authentication without a password',
      text: `${minimal}connections:\n  sql: { kind: sqlserver, server: s, database: d, user: u }\n`,
      code: 'CONFIG_INVALID',
      line: 4,
      column: 8,
      keyPath: 'connections.sql',
      message: /authentication "sql" needs "password"/,
    },
  ])('rejects $title with file:line:column and the key path', ({ text, code, line, column, keyPath, message }) => {
    const error = failure(text);
    expect(error.code).toBe(code);
    expect(error.exitCode).toBe(2);
    expect(error.location).toEqual({ file: FILE, line, column });
    expect(error.message).toContain(`${FILE}:${line}:${column}`);
    if (keyPath !== undefined) expect(error.details?.['keyPath']).toBe(keyPath);
    if (message !== undefined) expect(error.message).toMatch(message);
  });

  it('needs catalogs, repos and generators to have names of their own', () => {
    const error = failure(`${minimal}legacy:\n  catalogs:\n    - { name: dw, scripts: a }\n  repos:\n    - name: analysts\n      path: b\n      generators:\n        - { name: DW, run: x }\n`);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.details?.['keyPath']).toBe('legacy.repos[0].generators[0].name');
    expect(error.message).toContain('the name "DW" is already used at legacy.catalogs[0].name');
  });

  it('names an unknown key, its path and the key it probably meant', () => {
    const error = failure(`${minimal}connections:\n  legacy:\n    kind: sqlserver\n    server: s\n    database: d\n    user: u\n    pasword: p\n`);
    expect(error.code).toBe('CONFIG_UNKNOWN_KEY');
    expect(error.location).toMatchObject({ line: 9, column: 5 });
    expect(error.details?.['keyPath']).toBe('connections.legacy.pasword');
    expect(error.message).toContain('unknown key "pasword" (did you mean "password"?)');
  });

  it('suggests keys of the right connection kind', () => {
    const error = failure(`${minimal}connections:\n  lh: { kind: databricks, host: h, http_path: /p, token: t0ken }\n`);
    expect(error.message).toContain('unknown key "http_path" (did you mean "httpPath"?)');
  });

  it('reports every problem, not only the first', () => {
    const error = failure(`version: 1\nproject: p\nsnapshot: { dri: x }\nreports: { dir: 3 }\n`);
    const problems = error.details?.['problems'] as Array<{ keyPath: string }>;
    expect(problems.map((problem) => problem.keyPath).sort()).toEqual(['reports.dir', 'snapshot.dri']);
  });

  it('names a missing environment variable and where it is used', () => {
    const error = failure(`${minimal}connections:\n  lh: { kind: databricks, host: "\${env:DBX_HOST}", httpPath: /p, token: "\${env:DBX_TOKEN}" }\n`);
    expect(error.code).toBe('CONFIG_ENV_MISSING');
    expect(error.message).toContain('environment variable DBX_HOST is not set');
    expect(error.location).toMatchObject({ line: 4, column: 33 });
    expect(error.details?.['variables']).toEqual(['DBX_HOST', 'DBX_TOKEN']);
    expect(error.hint).toContain('DBX_HOST, DBX_TOKEN');
  });

  it('lets a command that reaches no connection run without its variables, but not without the others', () => {
    const text = `${minimal}connections:\n  lh: { kind: databricks, host: "\${env:DBX_HOST}", httpPath: /p, token: "\${env:DBX_TOKEN}" }\n`;
    const { config } = parseConfig(text, FILE, {}, true);
    expect(config.project).toBeDefined();
    expect(() => parseConfig(`version: 1\nproject: "\${env:TEAM}"\n`, FILE, {}, true)).toThrow('environment variable TEAM is not set');
  });

  it('interpolates variables inside text and keeps $${env:X} literal', () => {
    const { config } = parseConfig(`version: 1\nproject: "\${env:TEAM}-migration $\${env:KEEP}"\n`, FILE, { TEAM: 'finance' });
    expect(config.project).toBe('finance-migration ${env:KEEP}');
  });

  it('rejects a malformed variable reference', () => {
    const error = failure('version: 1\nproject: "${env:MY-VAR}"\n');
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('not a valid variable name');
  });

  it('never puts a secret into an error', () => {
    const error = failure(`${minimal}connections:\n  lh: { kind: databricks, host: h, httpPath: /p, token: "\${env:T}", clientId: c, clientSecret: "\${env:S}" }\n`, {
      T: 'token-value-123',
      S: 'secret-value-456',
    });
    const everything = JSON.stringify({ message: error.message, details: error.details, hint: error.hint });
    expect(everything).toContain('not both');
    expect(everything).not.toContain('token-value-123');
    expect(everything).not.toContain('secret-value-456');
  });
});

describe('loadConfig', () => {
  it('finds lakeshift.yaml in a parent folder and resolves relative to it', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lakeshift-config-'));
    await writeFile(path.join(root, 'lakeshift.yaml'), minimal);
    await mkdir(path.join(root, 'a', 'b'), { recursive: true });
    const loaded = await loadConfig({ cwd: path.join(root, 'a', 'b'), env: {} });
    expect(loaded.file).toBe(path.join(root, 'lakeshift.yaml'));
    expect(loaded.dir).toBe(root);
    expect(findConfigFile(path.join(root, 'a'), 'other.yaml')).toBe(path.join(root, 'a', 'other.yaml'));
  });

  it('says what to do when there is no config', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lakeshift-noconfig-'));
    await expect(loadConfig({ cwd: root, env: {}, configPath: 'missing.yaml' })).rejects.toMatchObject({
      code: 'CONFIG_NOT_FOUND',
      exitCode: 2,
    });
  });

  it('reads a file with a UTF-8 byte order mark', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lakeshift-bom-'));
    await writeFile(path.join(root, 'lakeshift.yaml'), `\uFEFF${minimal}`);
    const loaded = await loadConfig({ cwd: root, env: {} });
    expect(loaded.config.project).toBe('demo');
  });
});

describe('configJsonSchema', () => {
  it('describes every top-level key, the connection kinds and secrets as plain strings', () => {
    const schema = configJsonSchema() as {
      properties: Record<string, { additionalProperties?: { oneOf?: Array<{ properties: Record<string, { const?: string; type?: string }> }> } }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties)).toEqual(['version', 'project', 'connections', 'legacy', 'snapshot', 'translate', 'parity', 'rehearse', 'reports']);
    expect(schema.required).toEqual(['version', 'project']);
    expect(schema.additionalProperties).toBe(false);
    const kinds = schema.properties['connections']?.additionalProperties?.oneOf?.map((branch) => branch.properties['kind']?.const);
    expect(kinds).toEqual(['duckdb', 'sqlserver', 'databricks']);
    const databricks = schema.properties['connections']?.additionalProperties?.oneOf?.[2];
    expect(databricks?.properties['token']?.type).toBe('string');
  });
});

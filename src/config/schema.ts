import { z } from 'zod';
import { Secret } from './secret.js';

/**
 * lakeshift.yaml (DESIGN.md section 4). Objects are strict so that a misspelt key is an error
 * that names it rather than a setting silently ignored. Descriptions end up in the JSON Schema
 * that `lakeshift config schema` prints for editors.
 */

const name = z
  .string()
  .regex(/^[A-Za-z][\w-]*$/, 'use letters, digits, "_" and "-", starting with a letter');

const seconds = (fallback: number, what: string) =>
  z.number().positive().max(86_400).default(fallback).meta({ description: `${what}, in seconds (default ${fallback}).` });

const secret = (what: string) =>
  z
    .string()
    .min(1)
    .transform((value) => new Secret(value))
    .meta({ description: `${what}. Write it as "\${env:NAME}" so that it never sits in the file.` });

const globs = (what: string) => z.array(z.string().min(1)).meta({ description: what });

// ---------------------------------------------------------------------------------------------
// connections

export const duckdbConnectionSchema = z
  .strictObject({
    kind: z.literal('duckdb'),
    path: z
      .string()
      .min(1)
      .default(':memory:')
      .meta({ description: 'Database file, relative to lakeshift.yaml, or ":memory:".' }),
    readOnly: z.boolean().default(false).meta({ description: 'Open the file read-only.' }),
    threads: z.number().int().positive().optional().meta({ description: 'Worker threads (default: all cores).' }),
    memoryLimit: z.string().optional().meta({ description: 'DuckDB memory_limit, e.g. "4GB".' }),
  })
  .meta({ title: 'DuckDB connection', description: 'The embedded engine: a local file or memory.' });

export const sqlServerConnectionSchema = z
  .strictObject({
    kind: z.literal('sqlserver'),
    server: z.string().min(1).meta({ description: 'Host name or address.' }),
    port: z.number().int().min(1).max(65_535).optional().meta({ description: 'TCP port (default 1433).' }),
    instance: z.string().optional().meta({ description: 'Named instance (resolved by the SQL Browser service).' }),
    database: z.string().min(1),
    authentication: z
      .enum(['sql', 'ntlm', 'azure-active-directory-password', 'azure-active-directory-service-principal-secret', 'azure-active-directory-default'])
      .default('sql')
      .meta({ description: 'How to log in (default: SQL Server authentication with user and password).' }),
    user: z.string().optional(),
    password: secret('Password').optional(),
    domain: z.string().optional().meta({ description: 'Windows domain, for ntlm.' }),
    clientId: z.string().optional().meta({ description: 'Entra ID application (client) id.' }),
    clientSecret: secret('Entra ID client secret').optional(),
    tenantId: z.string().optional(),
    readOnlyIntent: z
      .boolean()
      .default(false)
      .meta({ description: 'Connect with ApplicationIntent=ReadOnly (routes to a readable secondary).' }),
    encrypt: z.boolean().default(true),
    trustServerCertificate: z.boolean().default(false),
    connectTimeout: seconds(15, 'Time allowed to connect'),
    requestTimeout: seconds(300, 'Time allowed for one statement'),
  })
  .meta({ title: 'SQL Server connection', description: 'The legacy SQL Server (read-only use).' });

export const databricksConnectionSchema = z
  .strictObject({
    kind: z.literal('databricks'),
    host: z.string().min(1).meta({ description: 'Workspace host, e.g. adb-123.4.azuredatabricks.net ("https://" and ":port" are accepted).' }),
    httpPath: z.string().min(1).meta({ description: 'SQL warehouse HTTP path, e.g. /sql/1.0/warehouses/abc.' }),
    token: secret('Personal access token (PAT authentication)').optional(),
    clientId: z.string().optional().meta({ description: 'Service principal application id (OAuth M2M).' }),
    clientSecret: secret('Service principal OAuth secret (OAuth M2M)').optional(),
    catalog: z.string().optional().meta({ description: 'Initial catalog.' }),
    schema: z.string().optional().meta({ description: 'Initial schema.' }),
    connectTimeout: seconds(60, 'Time allowed to connect (a stopped warehouse takes a while to start)'),
    queryTimeout: seconds(900, 'Time allowed for one statement'),
  })
  .meta({ title: 'Databricks connection', description: 'A Databricks SQL warehouse.' });

export const connectionSchema = z.discriminatedUnion('kind', [
  duckdbConnectionSchema,
  sqlServerConnectionSchema,
  databricksConnectionSchema,
]);

// ---------------------------------------------------------------------------------------------
// legacy sources

const generatorSchema = z.strictObject({
  name,
  run: z.string().min(1).meta({ description: 'Command line; {out} is replaced by the output folder.' }),
  cwd: z.string().optional().meta({ description: 'Working folder, relative to the repo (default: the repo).' }),
  env: z.record(z.string(), z.string()).optional().meta({ description: 'Extra environment variables.' }),
  timeout: seconds(300, 'Time allowed for the generator'),
});

const catalogSchema = z
  .strictObject({
    name,
    connection: z.string().optional().meta({ description: 'A sqlserver connection: read the live catalog.' }),
    scripts: z.string().optional().meta({ description: 'A folder of scripts: SSDT project, sqlpackage or SSMS export.' }),
    databases: z.array(z.string().min(1)).optional().meta({ description: 'Databases to read (default: the connection\'s).' }),
    database: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'The database a scripts catalog holds (e.g. ShellCorp), for mapping two-part names through translate.names.' }),
    include: globs('Objects to keep, as schema.name patterns ("dbo.*").').optional(),
    exclude: globs('Objects to leave out, as schema.name patterns.').optional(),
    jobs: z
      .boolean()
      .default(false)
      .meta({ description: 'Read SQL Agent jobs from msdb (live catalogs; a scripted catalog always reads the job scripts in its folder).' }),
  })
  .refine((catalog) => (catalog.connection === undefined) !== (catalog.scripts === undefined), {
    message: 'give exactly one of "connection" (a live catalog) or "scripts" (an exported folder)',
  });

const repoSchema = z
  .strictObject({
    name,
    path: z.string().optional().meta({ description: 'A local checkout, relative to lakeshift.yaml.' }),
    url: z.string().optional().meta({ description: 'A git url, cloned or pulled into .lakeshift/repos/.' }),
    branch: z.string().optional(),
    include: globs('Files to read (default: **/*.sql, **/*.py, **/*.ipynb).').optional(),
    exclude: globs('Files to leave out.').optional(),
    generators: z.array(generatorSchema).default([]),
  })
  .refine((repo) => (repo.path === undefined) !== (repo.url === undefined), {
    message: 'give exactly one of "path" (a local checkout) or "url" (a git remote)',
  });

// ---------------------------------------------------------------------------------------------
// parity

const tableRefSchema = z.union([
  z.string().min(1),
  z.strictObject({ connection: z.string().optional(), table: z.string().min(1) }),
]);

const toleranceSchema = z
  .strictObject({
    abs: z.number().nonnegative().optional().meta({ description: 'Largest absolute difference taken as equal.' }),
    rel: z.number().nonnegative().optional().meta({ description: 'Largest relative difference taken as equal.' }),
  })
  .refine((tolerance) => tolerance.abs !== undefined || tolerance.rel !== undefined, {
    message: 'give "abs", "rel" or both',
  });

const paritySideWhere = z.union([
  z.string().min(1),
  z.strictObject({ legacy: z.string().min(1).optional(), new: z.string().min(1).optional() }),
]);

export const parityTableSchema = z.strictObject({
  name,
  legacy: tableRefSchema.meta({ description: 'The legacy derived table: "schema.table" or { connection, table }.' }),
  new: tableRefSchema.meta({ description: 'The rebuilt lakehouse table.' }),
  catalogTable: z
    .string()
    .min(1)
    .optional()
    .meta({
      description:
        'The legacy table as the legacy catalog names it (schema.table), when "legacy" reads a copy of it; sync uses it to tell which changes touch this table.',
    }),
  keys: z.array(z.string().min(1)).min(1).optional().meta({ description: 'Key columns; omit for a keyless (multiset) comparison.' }),
  ignore: z.array(z.string().min(1)).optional().meta({ description: 'Columns left out of the comparison.' }),
  map: z.record(z.string(), z.string()).optional().meta({ description: 'Legacy column -> new column.' }),
  where: paritySideWhere.optional().meta({ description: 'A filter for both sides, or { legacy, new }.' }),
  tolerance: z
    .strictObject({ default: toleranceSchema.optional(), columns: z.record(z.string(), toleranceSchema).optional() })
    .optional(),
  timestampPrecision: z.enum(['s', 'ms', 'us']).optional().meta({ description: 'Compare timestamps truncated to this unit.' }),
  strings: z
    .strictObject({
      trim: z.enum(['none', 'left', 'right', 'both']).optional(),
      case: z.enum(['sensitive', 'insensitive']).optional(),
      emptyIsNull: z.boolean().optional(),
    })
    .optional(),
  threshold: z
    .strictObject({
      mismatchedRows: z.number().int().nonnegative().optional(),
      mismatchRate: z.number().min(0).max(1).optional(),
    })
    .optional(),
});

const cutoverStepSchema = z.strictObject({
  id: name.meta({ description: 'What `lakeshift cutover --tick ID` names.' }),
  title: z.string().min(1),
  description: z.string().optional(),
});

const paritySetSchema = z.strictObject({
  description: z.string().optional(),
  connection: z.string().optional().meta({ description: 'Default connection for both sides of every table.' }),
  tables: z.array(parityTableSchema).min(1),
  cutover: z
    .strictObject({
      steps: z
        .array(cutoverStepSchema)
        .min(1)
        .refine((steps) => new Set(steps.map((step) => step.id)).size === steps.length, { message: 'step ids must be unique' }),
    })
    .optional()
    .meta({
      description:
        'The manual steps of the cutover checklist, ticked with `lakeshift cutover --tick` (default: consumers-repointed, bi-reports-switched, legacy-job-disabled, rollback-plan).',
    }),
});

// ---------------------------------------------------------------------------------------------
// the file

export const configSchema = z
  .strictObject({
    version: z.literal(1).meta({ description: 'Format version of this file.' }),
    project: z.string().min(1).meta({ description: 'Name of the migration project.' }),
    connections: z.record(name, connectionSchema).default({}),
    legacy: z
      .strictObject({
        catalogs: z.array(catalogSchema).default([]),
        repos: z.array(repoSchema).default([]),
      })
      .default({ catalogs: [], repos: [] }),
    snapshot: z
      .strictObject({ dir: z.string().min(1).default('legacy').meta({ description: 'Git-tracked snapshot folder.' }) })
      .default({ dir: 'legacy' }),
    translate: z
      .strictObject({
        target: z.enum(['databricks', 'duckdb']).default('databricks'),
        out: z.string().min(1).default('translated'),
        names: z
          .record(z.string(), z.string())
          .default({})
          .meta({
            description:
              'database.schema -> catalog.schema, e.g. { "Analytics.dbo": "main.legacy_dbo" }; server.database.schema for a linked server\'s tables, e.g. { "ERPSRV.Erp.dbo": "erp_federated.dbo" } for a foreign catalog.',
          }),
        tempTables: z
          .enum(['temporary', 'view', 'schema'])
          .default('temporary')
          .meta({ description: 'What #temp tables and table variables become.' }),
        scratchSchema: z.string().optional().meta({ description: 'Schema for tempTables: schema.' }),
        files: z
          .record(z.string().min(1), z.string().min(1))
          .optional()
          .meta({
            description:
              "Where BULK INSERT's files live in the lakehouse: a path prefix on the SQL Server (or an external DATA_SOURCE name) -> a volume or cloud storage location, e.g. { 'D:\\feeds\\': '/Volumes/main/landing/feeds/' }.",
          }),
        collation: z
          .enum(['case-insensitive', 'binary'])
          .optional()
          .meta({
            description:
              "How translated string comparisons behave: case-insensitive (the default) ignores case and trailing spaces as SQL Server's default collations do; binary compares as the target does, with a warning.",
          }),
      })
      .default({ target: 'databricks', out: 'translated', names: {}, tempTables: 'temporary' }),
    parity: z
      .strictObject({
        concurrency: z.number().int().min(1).max(64).default(4),
        sets: z.record(name, paritySetSchema).default({}),
      })
      .default({ concurrency: 4, sets: {} }),
    rehearse: z
      .strictObject({
        connection: z.string().optional().meta({ description: 'The embedded connection to rehearse on (default: the first duckdb one).' }),
        steps: z
          .array(z.string().min(1))
          .default([])
          .meta({ description: 'T-SQL to run, in order, e.g. "EXEC etl.usp_run_nightly": what the legacy job runs.' }),
      })
      .default({ steps: [] })
      .meta({ description: 'lakeshift rehearse: run the DuckDB translation of the legacy procedures locally.' }),
    reports: z.strictObject({ dir: z.string().min(1).default('reports') }).default({ dir: 'reports' }),
  })
  .meta({ title: 'lakeshift.yaml', description: 'Configuration of a lakeshift migration project.' });

export type LakeshiftConfig = z.output<typeof configSchema>;
export type ConnectionConfig = z.output<typeof connectionSchema>;
export type DuckDbConnectionConfig = z.output<typeof duckdbConnectionSchema>;
export type SqlServerConnectionConfig = z.output<typeof sqlServerConnectionSchema>;
export type DatabricksConnectionConfig = z.output<typeof databricksConnectionSchema>;
export type EngineKind = ConnectionConfig['kind'];
export type ParityTableConfig = z.output<typeof parityTableSchema>;
export type ParitySetConfig = z.output<typeof paritySetSchema>;
export type CutoverStepConfig = z.output<typeof cutoverStepSchema>;
export type CatalogConfig = z.output<typeof catalogSchema>;
export type RepoConfig = z.output<typeof repoSchema>;
export type GeneratorConfig = z.output<typeof generatorSchema>;

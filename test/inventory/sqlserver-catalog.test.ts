import { createRequire } from 'node:module';
import mssql from 'mssql';
import { afterEach, describe, expect, it } from 'vitest';
import { sqlServerConnectionSchema, type CatalogConfig } from '../../src/config/schema.js';
import { checkReadOnly } from '../../src/engines/sqlserver/read-only-guard.js';
import { SqlServerEngine } from '../../src/engines/sqlserver/sqlserver-engine.js';
import { ConfigError, EngineError } from '../../src/errors.js';
import { renderJobDefinition } from '../../src/inventory/job-definition.js';
import type { InventoryWarning, LegacyObject, UnreadScope } from '../../src/inventory/legacy-object.js';
import { SqlServerCatalogSource, splitQuotedName } from '../../src/inventory/sqlserver-catalog.js';
import { translateSql } from '../../src/translate/translate-sql.js';
import type { FakeMssqlDriver } from '../engines/support/mssql-fake.js';
import {
  catalogMarker,
  fakeCatalogDriver,
  queriedDatabase,
  serverErrors,
  type FakeCatalogServer,
  type FakeDatabase,
  type FakeJob,
} from './support/sqlserver-catalog-fake.js';

/**
 * The live SQL Server catalog through the real SqlServerEngine and the real mssql Request, over
 * a fake tedious connection whose server (support/sqlserver-catalog-fake.ts) answers the
 * catalog's queries with values made by tedious' own parsers. No SQL Server runs here: what a
 * real server would answer to these queries is modelled from the catalog views' documentation.
 */

const require = createRequire(import.meta.url);
const tedious = require('tedious/lib/errors.js') as { ConnectionError: new (message: string, code: string) => Error };

const connection = sqlServerConnectionSchema.parse({
  kind: 'sqlserver',
  server: 'legacy-sql.example.com',
  database: 'Warehouse',
  user: 'reader',
  password: 'not-used-here',
});

// ---------------------------------------------------------------------------------------------
// The server: a Warehouse database with every kind of object, and a few more databases.

const LOAD_SALES = [
  'CREATE PROCEDURE etl.usp_load_sales',
  'AS',
  'BEGIN',
  '  INSERT INTO dw.sales (sale_id, amount)',
  '  SELECT s.sale_id, dbo.fn_tax(s.amount) FROM stage.sales AS s;',
  "  EXEC etl.usp_log N'loaded';",
  'END',
  '',
].join('\r\n');

function warehouse(overrides: Partial<FakeDatabase> = {}): FakeDatabase {
  return {
    name: 'Warehouse',
    id: 5,
    current: true,
    objects: [
      // given out of order: the server sorts them (ORDER BY schema, name, BIN2)
      { objectId: 601, schema: 'dbo', name: 'ArchivedOrders', type: 'SN', baseObjectName: '[Archive].[dbo].[Orders]', created: '2021-02-03 04:05:06' },
      { objectId: 203, schema: 'etl', name: 'usp_hidden', type: 'P', definition: null },
      { objectId: 202, schema: 'etl', name: 'usp_secret', type: 'P', definition: null, encrypted: true },
      { objectId: 201, schema: 'etl', name: 'usp_load_sales', type: 'P', definition: LOAD_SALES, created: '2019-03-04 08:15:00', modified: '2024-04-30 17:02:11.5' },
      { objectId: 101, schema: 'dbo', name: 'Customers', type: 'U', created: '2019-03-04 08:00:00' },
      { objectId: 102, schema: 'dw', name: 'OrderLines', type: 'U' },
      { objectId: 301, schema: 'dbo', name: 'fn_tax', type: 'FN', definition: 'CREATE FUNCTION dbo.fn_tax(@amount decimal(12,2)) RETURNS decimal(12,2) AS BEGIN RETURN @amount * 0.2 END' },
      {
        objectId: 302,
        schema: 'dbo',
        name: 'fn_top_customers',
        type: 'IF',
        definition: 'CREATE FUNCTION dbo.fn_top_customers(@n int) RETURNS TABLE AS RETURN SELECT TOP (@n) CustomerId FROM dbo.Customers ORDER BY CustomerId',
      },
      {
        objectId: 303,
        schema: 'dbo',
        name: 'fn_sales_by_region',
        type: 'TF',
        definition:
          'CREATE FUNCTION dbo.fn_sales_by_region() RETURNS @t TABLE (region char(2), amount decimal(12,2)) AS BEGIN INSERT INTO @t SELECT Region, 0 FROM dbo.Customers; RETURN END',
      },
      { objectId: 304, schema: 'dbo', name: 'fn_regex', type: 'FS', assembly: { name: 'ShellCorp.Clr', className: 'ShellCorp.Clr.Text', method: 'RegexMatch' } },
      { objectId: 401, schema: 'dw', name: 'v_daily_sales', type: 'V', definition: 'CREATE VIEW dw.v_daily_sales AS SELECT sale_date, SUM(amount) AS amount FROM dw.sales GROUP BY sale_date' },
      {
        objectId: 501,
        schema: 'dw',
        name: 'trg_orderlines_audit',
        type: 'TR',
        definition: 'CREATE TRIGGER dw.trg_orderlines_audit ON dw.OrderLines AFTER INSERT AS INSERT INTO audit.order_log (order_id) SELECT OrderId FROM inserted',
      },
    ],
    columns: [
      { objectId: 101, columnId: 1, name: 'CustomerId', typeName: 'int', maxLength: 4, precision: 10, nullable: false, identity: { seed: '1', increment: '1' } },
      { objectId: 101, columnId: 2, name: 'Name', typeName: 'nvarchar', maxLength: 200, nullable: false },
      { objectId: 101, columnId: 3, name: 'Email', typeName: 'nvarchar', maxLength: -1, nullable: true },
      {
        objectId: 101,
        columnId: 4,
        name: 'CreatedAt',
        typeName: 'datetime2',
        maxLength: 7,
        precision: 23,
        scale: 3,
        nullable: false,
        default: { name: 'DF__Customers__Creat__2B3F6F97', definition: '(sysutcdatetime())', systemNamed: true },
      },
      { objectId: 101, columnId: 5, name: 'Region', typeName: 'char', maxLength: 2, nullable: true, default: { name: 'DF_Customers_Region', definition: "('EU')", systemNamed: false } },
      { objectId: 101, columnId: 6, name: 'Phone', typeName: 'PhoneNumber', typeSchema: 'dbo', userDefined: true, maxLength: 40, nullable: true },
      { objectId: 102, columnId: 1, name: 'OrderId', typeName: 'int', maxLength: 4, precision: 10, nullable: false },
      { objectId: 102, columnId: 2, name: 'LineNo', typeName: 'smallint', maxLength: 2, precision: 5, nullable: false },
      {
        objectId: 102,
        columnId: 3,
        name: 'Amount',
        typeName: 'decimal',
        maxLength: 9,
        precision: 12,
        scale: 2,
        nullable: false,
        default: { name: 'DF__OrderLine__Amoun__412EB0B6', definition: '((0))', systemNamed: true },
      },
      { objectId: 102, columnId: 4, name: 'Quantity', typeName: 'int', maxLength: 4, precision: 10, nullable: false },
      { objectId: 102, columnId: 5, name: 'Total', typeName: 'decimal', maxLength: 13, precision: 23, scale: 2, nullable: true, computed: { definition: '([Amount]*[Quantity])', persisted: true } },
      { objectId: 102, columnId: 6, name: 'Tax', typeName: 'decimal', maxLength: 9, precision: 12, scale: 2, nullable: true, computed: { definition: '([dbo].[fn_tax]([Amount]))', persisted: false } },
      { objectId: 102, columnId: 7, name: 'Sku', typeName: 'varchar', maxLength: 20, nullable: true },
      { objectId: 102, columnId: 8, name: 'ShippedAt', typeName: 'datetimeoffset', maxLength: 10, precision: 34, scale: 7, nullable: true },
    ],
    keys: [
      { objectId: 101, constraint: 'PK_Customers', type: 'PK', clustered: true, column: 'CustomerId', ordinal: 1 },
      { objectId: 102, constraint: 'UQ_OrderLines_Sku', type: 'UQ', clustered: false, column: 'Sku', ordinal: 1 },
      { objectId: 102, constraint: 'PK__OrderLin__3C1A2D5B', type: 'PK', systemNamed: true, clustered: true, column: 'LineNo', ordinal: 2, descending: true },
      { objectId: 102, constraint: 'PK__OrderLin__3C1A2D5B', type: 'PK', systemNamed: true, clustered: true, column: 'OrderId', ordinal: 1 },
    ],
    dependencies: [
      { referencingId: 102, schema: 'dbo', entity: 'fn_tax', referencedId: 301, referencedType: 'FN' },
      // what the parser sees too
      { referencingId: 201, schema: 'stage', entity: 'sales', referencedId: 701, referencedType: 'U' },
      { referencingId: 201, schema: 'stage', entity: 'sales', referencedId: 701, referencedType: 'U' },
      { referencingId: 201, schema: 'dw', entity: 'sales', referencedId: 702, referencedType: 'U' },
      { referencingId: 201, schema: 'etl', entity: 'usp_log', referencedId: 703, referencedType: 'P' },
      { referencingId: 201, schema: 'dbo', entity: 'fn_tax', referencedId: 301, referencedType: 'FN' },
      // what only the catalog knows (the parser's view is the definition above)
      { referencingId: 201, schema: 'etl', entity: 'usp_audit', referencedId: 704, referencedType: 'P' },
      { referencingId: 201, database: 'Archive', schema: 'dbo', entity: 'sales_history' },
      // the encrypted procedure: only the catalog can tell
      { referencingId: 202, schema: 'dw', entity: 'sales', referencedId: 702, referencedType: 'U' },
      { referencingId: 202, schema: 'etl', entity: 'usp_log', referencedId: 703, referencedType: 'P' },
      { referencingId: 202, schema: 'dbo', entity: 'fn_rate', referencedId: 305, referencedType: 'FN' },
    ],
    ...overrides,
  };
}

function sales(overrides: Partial<FakeDatabase> = {}): FakeDatabase {
  return {
    name: 'Sales',
    id: 6,
    objects: [
      { objectId: 11, schema: 'dbo', name: 'usp_daily', type: 'P', definition: 'CREATE PROCEDURE dbo.usp_daily AS SELECT * FROM Warehouse.dw.sales' },
      { objectId: 12, schema: 'dbo', name: 'Orders', type: 'U' },
    ],
    columns: [{ objectId: 12, columnId: 1, name: 'OrderId', typeName: 'bigint', maxLength: 8, precision: 19, nullable: false }],
    ...overrides,
  };
}

const JOBS: readonly FakeJob[] = [
  {
    jobId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    name: 'ShellCorp - Weekly report',
    enabled: false,
    description: 'No description available.',
    steps: [{ id: 1, name: 'Report', subsystem: 'TSQL', database: 'Warehouse', command: 'EXEC dbo.usp_weekly_report @week = 1' }],
    schedules: [
      { id: 12, name: 'Twice a week', enabled: true, freqType: 8, freqInterval: 2 | 16, freqSubdayType: 1, freqSubdayInterval: 0, freqRecurrenceFactor: 1, activeStartTime: 63000 },
      { id: 13, name: 'Month start', enabled: true, freqType: 16, freqInterval: 1, freqSubdayType: 1, freqSubdayInterval: 0, freqRecurrenceFactor: 1, activeStartTime: 50000 },
      { id: 14, name: 'On agent start', enabled: true, freqType: 64, freqInterval: 0, freqSubdayType: 0, freqSubdayInterval: 0, activeStartTime: 0 },
      {
        id: 15,
        name: 'Month end',
        enabled: false,
        freqType: 32,
        freqInterval: 9,
        freqSubdayType: 1,
        freqSubdayInterval: 0,
        freqRelativeInterval: 16,
        freqRecurrenceFactor: 1,
        activeStartTime: 230000,
      },
    ],
  },
  {
    jobId: '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d',
    name: 'ShellCorp - Nightly ETL',
    enabled: true,
    description: 'Loads the warehouse.',
    created: '2021-06-01 09:00:00',
    modified: '2024-01-15 10:30:00',
    steps: [
      { id: 2, name: 'Archive files', subsystem: 'CmdExec', command: 'robocopy D:\\drop D:\\archive /MOV' },
      { id: 1, name: 'Load sales', subsystem: 'TSQL', database: 'Warehouse', command: "EXEC etl.usp_load_sales;\r\nEXEC etl.usp_log N'done';" },
    ],
    schedules: [
      { id: 2, name: 'Nightly', enabled: true, freqType: 4, freqInterval: 1, freqSubdayType: 1, freqSubdayInterval: 0, activeStartTime: 20000 },
      {
        id: 3,
        name: 'Business hours',
        enabled: true,
        freqType: 4,
        freqInterval: 1,
        freqSubdayType: 4,
        freqSubdayInterval: 15,
        activeStartTime: 60000,
        activeEndTime: 180000,
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------

const engines: SqlServerEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()));
});

function setup(model: FakeCatalogServer, catalog: Partial<CatalogConfig> = {}, batchSize?: number, settings = connection) {
  const driver = fakeCatalogDriver(model);
  const engine = new SqlServerEngine('legacy', settings, { baseDir: '.' }, driver);
  engines.push(engine);
  const config = { name: 'warehouse', connection: 'legacy', jobs: false, ...catalog } as CatalogConfig;
  const source = new SqlServerCatalogSource(config, engine, batchSize === undefined ? {} : { batchSize });
  return { driver, engine, source };
}

async function read(source: SqlServerCatalogSource): Promise<{ objects: LegacyObject[]; warnings: InventoryWarning[]; unread: UnreadScope[] }> {
  const objects: LegacyObject[] = [];
  const warnings: InventoryWarning[] = [];
  const unread: UnreadScope[] = [];
  for await (const object of source.read({ warn: (warning) => warnings.push(warning), keepPrevious: (scope) => unread.push(scope) })) objects.push(object);
  return { objects, warnings, unread };
}

const byName = (objects: readonly LegacyObject[], name: string): LegacyObject => {
  const found = objects.find((object) => object.name === name);
  if (found === undefined) throw new Error(`no object ${name} in ${objects.map((object) => object.name).join(', ')}`);
  return found;
};

const statementsOf = (driver: FakeMssqlDriver, marker: string) => driver.server.statements.filter((sql) => catalogMarker(sql) === marker);

// ---------------------------------------------------------------------------------------------

describe('SqlServerCatalogSource: objects of one database', () => {
  it('reads every kind, named schema.name, in schema and name order, skipping nothing but what it should', async () => {
    const { source } = setup({ databases: [warehouse()] });
    const { objects } = await read(source);
    expect(objects.map((object) => [object.id, object.kind, object.details.functionType])).toEqual([
      ['catalog:warehouse/dbo.ArchivedOrders', 'synonym', undefined],
      ['catalog:warehouse/dbo.Customers', 'table', undefined],
      ['catalog:warehouse/dbo.fn_regex', 'function', 'clr'],
      ['catalog:warehouse/dbo.fn_sales_by_region', 'function', 'multi-statement-table'],
      ['catalog:warehouse/dbo.fn_tax', 'function', 'scalar'],
      ['catalog:warehouse/dbo.fn_top_customers', 'function', 'inline-table'],
      ['catalog:warehouse/dw.OrderLines', 'table', undefined],
      ['catalog:warehouse/dw.trg_orderlines_audit', 'trigger', undefined],
      ['catalog:warehouse/dw.v_daily_sales', 'view', undefined],
      ['catalog:warehouse/etl.usp_hidden', 'procedure', undefined],
      ['catalog:warehouse/etl.usp_load_sales', 'procedure', undefined],
      ['catalog:warehouse/etl.usp_secret', 'procedure', undefined],
    ]);
    for (const object of objects) {
      expect(object.origin).toEqual({ type: 'catalog', name: 'warehouse' });
      expect(object.id).toBe(`catalog:warehouse/${object.name}`);
    }
  });

  it('keeps module definitions verbatim with LF line endings, and the created and modified dates as timestamp text', async () => {
    const { source } = setup({ databases: [warehouse()] });
    const { objects } = await read(source);
    const load = byName(objects, 'etl.usp_load_sales');
    expect(load.definition).toBe(LOAD_SALES.replace(/\r\n/g, '\n'));
    expect(load.details.created).toBe('2019-03-04 08:15:00');
    expect(load.details.modified).toBe('2024-04-30 17:02:11.5');
    expect(byName(objects, 'dw.v_daily_sales').definition).toBe('CREATE VIEW dw.v_daily_sales AS SELECT sale_date, SUM(amount) AS amount FROM dw.sales GROUP BY sale_date');
    expect(byName(objects, 'dw.trg_orderlines_audit').references).toEqual([
      { name: 'dw.OrderLines', use: 'reads' },
      { name: 'audit.order_log', use: 'writes' },
    ]);
  });

  it('writes the ANSI_NULLS and QUOTED_IDENTIFIER settings a module was created with before its definition, where they were OFF', async () => {
    const legacy = 'CREATE PROCEDURE etl.usp_legacy AS\nUPDATE dw.sales SET module = "AP" WHERE region = NULL';
    const { source } = setup({
      databases: [warehouse({ objects: [{ objectId: 204, schema: 'etl', name: 'usp_legacy', type: 'P', definition: legacy, ansiNulls: false, quotedIdentifier: false }] })],
    });
    const { objects } = await read(source);
    const definition = byName(objects, 'etl.usp_legacy').definition;
    expect(definition).toBe(`SET ANSI_NULLS OFF\nGO\nSET QUOTED_IDENTIFIER OFF\nGO\n${legacy}`);
    // "AP" is a string, not a column the procedure reads
    expect(byName(objects, 'etl.usp_legacy').references).toEqual([{ name: 'dw.sales', use: 'writes' }]);
    const translated = translateSql(definition, { target: 'databricks' });
    expect(translated.text).toContain("SET module = 'AP'");
    expect(translated.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code} ${diagnostic.line}`)).toContain('warning TR_SESSION_OPTION_SEMANTIC 1');
  });

  it('lists an encrypted module with a one-line placeholder, the encrypted flag, a warning, and the catalog\'s dependencies', async () => {
    const { source } = setup({ databases: [warehouse()] });
    const { objects, warnings } = await read(source);
    const secret = byName(objects, 'etl.usp_secret');
    expect(secret.definition).toBe('-- lakeshift: etl.usp_secret is encrypted (WITH ENCRYPTION); SQL Server does not give out its definition');
    expect(secret.definition).not.toContain('\n');
    expect(secret.details.encrypted).toBe(true);
    // no parser to ask: the use follows from what SQL Server resolved the name to
    expect(secret.references).toEqual([
      { name: 'dbo.fn_rate', use: 'calls' },
      { name: 'etl.usp_log', use: 'executes' },
      { name: 'dw.sales', use: 'reads' },
    ]);
    expect(warnings.filter((warning) => warning.code === 'ENCRYPTED_MODULE')).toEqual([
      {
        code: 'ENCRYPTED_MODULE',
        message: expect.stringMatching(/^catalog warehouse: etl\.usp_secret is encrypted/),
        origin: { type: 'catalog', name: 'warehouse' },
      },
    ]);
    expect(byName(objects, 'etl.usp_load_sales').details.encrypted).toBeUndefined();
  });

  it('tells a definition hidden from this login (no VIEW DEFINITION) from an encrypted one, in one warning per database', async () => {
    const { source } = setup({ databases: [warehouse()] });
    const { objects, warnings } = await read(source);
    const hidden = byName(objects, 'etl.usp_hidden');
    expect(hidden.definition).toBe('-- lakeshift: the definition of etl.usp_hidden is not visible to this login (it needs VIEW DEFINITION)');
    expect(hidden.details.encrypted).toBeUndefined();
    const notVisible = warnings.filter((warning) => /not visible/.test(warning.message));
    expect(notVisible).toHaveLength(1);
    expect(notVisible[0]).toMatchObject({ code: 'SOURCE_FAILED', message: expect.stringMatching(/1 definition\(s\) in database Warehouse .*\(etl\.usp_hidden\).*VIEW DEFINITION/) });
  });

  it('merges the parser\'s exact uses with the dependencies it did not see, inferring their use from the referenced type', async () => {
    const { source } = setup({ databases: [warehouse()] });
    const { objects } = await read(source);
    expect(byName(objects, 'etl.usp_load_sales').references).toEqual([
      { name: 'dbo.fn_tax', use: 'calls' },
      // a procedure the catalog resolved: executed
      { name: 'etl.usp_audit', use: 'executes' },
      { name: 'etl.usp_log', use: 'executes' },
      // a name in another database is never resolved, and counts by name as read
      { name: 'Archive.dbo.sales_history', use: 'reads' },
      { name: 'stage.sales', use: 'reads' },
      // the parser knows dw.sales is written: the dependency row does not make it "read" as well
      { name: 'dw.sales', use: 'writes' },
    ]);
  });

  it('gives a CLR function a placeholder that names its assembly, and a synonym its CREATE SYNONYM and target', async () => {
    const { source } = setup({ databases: [warehouse()] });
    const { objects } = await read(source);
    const regex = byName(objects, 'dbo.fn_regex');
    expect(regex.definition).toBe('-- lakeshift: dbo.fn_regex is a CLR function: its code is in assembly ShellCorp.Clr (ShellCorp.Clr.Text.RegexMatch), not in T-SQL');
    expect(regex.references).toEqual([]);
    const synonym = byName(objects, 'dbo.ArchivedOrders');
    expect(synonym.definition).toBe('CREATE SYNONYM [dbo].[ArchivedOrders] FOR [Archive].[dbo].[Orders];');
    expect(synonym.details).toEqual({ created: '2021-02-03 04:05:06', modified: '2021-02-03 04:05:06', synonymFor: 'Archive.dbo.Orders' });
    expect(synonym.references).toEqual([{ name: 'Archive.dbo.Orders', use: 'reads' }]);
  });
});

describe('SqlServerCatalogSource: tables', () => {
  it('writes a CREATE TABLE with SQL Server\'s type spellings, identity, defaults and the primary key', async () => {
    const { source } = setup({ databases: [warehouse()] });
    const { objects } = await read(source);
    const customers = byName(objects, 'dbo.Customers');
    expect(customers.definition).toBe(
      [
        'CREATE TABLE [dbo].[Customers] (',
        '    [CustomerId] int IDENTITY(1,1) NOT NULL,',
        '    [Name] nvarchar(100) NOT NULL,',
        '    [Email] nvarchar(max) NULL,',
        // a name SQL Server made up for the default is left out; one somebody chose is kept
        '    [CreatedAt] datetime2(3) NOT NULL DEFAULT (sysutcdatetime()),',
        "    [Region] char(2) NULL CONSTRAINT [DF_Customers_Region] DEFAULT ('EU'),",
        '    [Phone] [dbo].[PhoneNumber] NULL,',
        '    CONSTRAINT [PK_Customers] PRIMARY KEY CLUSTERED ([CustomerId] ASC)',
        ');',
      ].join('\n'),
    );
    expect(customers.details).toEqual({
      created: '2019-03-04 08:00:00',
      modified: '2019-03-04 08:00:00',
      columns: [
        { name: 'CustomerId', type: 'int', nullable: false, identity: true },
        { name: 'Name', type: 'nvarchar(100)', nullable: false },
        { name: 'Email', type: 'nvarchar(max)', nullable: true },
        { name: 'CreatedAt', type: 'datetime2(3)', nullable: false, default: '(sysutcdatetime())' },
        { name: 'Region', type: 'char(2)', nullable: true, default: "('EU')" },
        { name: 'Phone', type: 'dbo.PhoneNumber', nullable: true },
      ],
      primaryKey: ['CustomerId'],
    });
    expect(customers.references).toEqual([]);
  });

  it('writes computed columns, a composite primary key in key order with its directions, and unique constraints', async () => {
    const { source } = setup({ databases: [warehouse()] });
    const { objects } = await read(source);
    const lines = byName(objects, 'dw.OrderLines');
    expect(lines.definition).toBe(
      [
        'CREATE TABLE [dw].[OrderLines] (',
        '    [OrderId] int NOT NULL,',
        '    [LineNo] smallint NOT NULL,',
        '    [Amount] decimal(12,2) NOT NULL DEFAULT ((0)),',
        '    [Quantity] int NOT NULL,',
        '    [Total] AS ([Amount]*[Quantity]) PERSISTED,',
        '    [Tax] AS ([dbo].[fn_tax]([Amount])),',
        '    [Sku] varchar(20) NULL,',
        '    [ShippedAt] datetimeoffset(7) NULL,',
        '    PRIMARY KEY CLUSTERED ([OrderId] ASC, [LineNo] DESC),',
        '    CONSTRAINT [UQ_OrderLines_Sku] UNIQUE NONCLUSTERED ([Sku] ASC)',
        ');',
      ].join('\n'),
    );
    expect(lines.details.primaryKey).toEqual(['OrderId', 'LineNo']);
    expect(lines.details.columns?.slice(4, 6)).toEqual([
      { name: 'Total', type: 'decimal(23,2)', nullable: true, computed: '([Amount]*[Quantity])' },
      { name: 'Tax', type: 'decimal(12,2)', nullable: true, computed: '([dbo].[fn_tax]([Amount]))' },
    ]);
    // the computed column's function, from sys.sql_expression_dependencies
    expect(lines.references).toEqual([{ name: 'dbo.fn_tax', use: 'calls' }]);
  });
});

describe('SqlServerCatalogSource: procedure activity', () => {
  it('adds execution counts and last executions from sys.dm_exec_procedure_stats, and 0 for procedures not seen', async () => {
    const { source, driver } = setup({
      databases: [warehouse()],
      activity: [
        { databaseId: 5, objectId: 201, executionCount: 42n, lastExecution: '2024-05-01 02:00:03.450' },
        { databaseId: 9, objectId: 201, executionCount: 7n, lastExecution: '2024-05-02 02:00:00' },
      ],
    });
    const { objects, warnings } = await read(source);
    expect(byName(objects, 'etl.usp_load_sales').details).toMatchObject({ executionCount: 42, lastExecution: '2024-05-01 02:00:03.45' });
    expect(byName(objects, 'etl.usp_secret').details.executionCount).toBe(0);
    expect(byName(objects, 'etl.usp_secret').details.lastExecution).toBeUndefined();
    expect(byName(objects, 'dbo.fn_tax').details.executionCount).toBeUndefined();
    expect(warnings.filter((warning) => /activity/.test(warning.message))).toEqual([]);
    const [activity] = statementsOf(driver, 'catalog-activity');
    expect(activity).toMatch(/FROM sys\.dm_exec_procedure_stats AS ps\s+WHERE ps\.database_id IN \(5\)\s+GROUP BY ps\.database_id, ps\.object_id/);
  });

  it('goes on without activity when VIEW SERVER STATE is missing, with one warning naming the permission', async () => {
    const { source } = setup({ databases: [warehouse(), sales()], errors: { 'catalog-activity': { errors: [serverErrors.viewServerState()] } } }, { databases: ['Warehouse', 'Sales'] });
    const { objects, warnings } = await read(source);
    expect(objects).toHaveLength(14);
    for (const object of objects) {
      expect(object.details.executionCount).toBeUndefined();
      expect(object.details.lastExecution).toBeUndefined();
    }
    const activity = warnings.filter((warning) => /activity/.test(warning.message));
    expect(activity).toHaveLength(1);
    expect(activity[0]).toEqual({
      code: 'SOURCE_FAILED',
      message: expect.stringMatching(/^catalog warehouse: procedure activity \(sys\.dm_exec_procedure_stats\) not read: .*SQL Server error 300: VIEW SERVER STATE permission was denied.*; grant the login VIEW SERVER STATE/),
      origin: { type: 'catalog', name: 'warehouse' },
    });
  });

  it('goes on without activity when the DMV does not answer in time', async () => {
    const slow = sqlServerConnectionSchema.parse({ ...connection, password: 'not-used-here', requestTimeout: 1 });
    const { source } = setup({ databases: [warehouse()], errors: { 'catalog-activity': { hang: true } } }, {}, undefined, slow);
    const { objects, warnings } = await read(source);
    expect(objects).toHaveLength(12);
    expect(warnings.filter((warning) => /activity/.test(warning.message)).map((warning) => warning.message)).toEqual([expect.stringMatching(/did not finish within 1 s/)]);
  });

  it('treats error 297 the same way', async () => {
    const { source } = setup({ databases: [warehouse()], errors: { 'catalog-activity': { errors: [serverErrors.noPermission()] } } });
    const { warnings } = await read(source);
    expect(warnings.filter((warning) => /activity/.test(warning.message)).map((warning) => warning.message)).toEqual([expect.stringMatching(/error 297.*VIEW SERVER STATE/)]);
  });
});

describe('SqlServerCatalogSource: SQL Agent jobs', () => {
  it('reads jobs, their steps, schedules and the procedures each T-SQL step runs, when jobs: true', async () => {
    const { source } = setup({ databases: [warehouse()], jobs: JOBS }, { jobs: true });
    const { objects } = await read(source);
    const jobs = objects.filter((object) => object.kind === 'job');
    // after the database's objects, by name
    expect(objects.slice(-2)).toEqual(jobs);
    expect(jobs.map((job) => [job.id, job.name])).toEqual([
      ['job:warehouse/ShellCorp - Nightly ETL', 'ShellCorp - Nightly ETL'],
      ['job:warehouse/ShellCorp - Weekly report', 'ShellCorp - Weekly report'],
    ]);

    const [nightly, weekly] = jobs as [LegacyObject, LegacyObject];
    expect(nightly.details).toEqual({
      job: {
        enabled: true,
        description: 'Loads the warehouse.',
        steps: [
          {
            id: 1,
            name: 'Load sales',
            subsystem: 'TSQL',
            database: 'Warehouse',
            command: "EXEC etl.usp_load_sales;\nEXEC etl.usp_log N'done';",
            executes: ['etl.usp_load_sales', 'etl.usp_log'],
          },
          { id: 2, name: 'Archive files', subsystem: 'CMDEXEC', command: 'robocopy D:\\drop D:\\archive /MOV', executes: [] },
        ],
        schedules: [
          { name: 'Business hours', enabled: true, description: 'daily, every 15 minutes between 06:00 and 18:00' },
          { name: 'Nightly', enabled: true, description: 'daily at 02:00' },
        ],
      },
      created: '2021-06-01 09:00:00',
      modified: '2024-01-15 10:30:00',
    });
    expect(nightly.references).toEqual([
      { name: 'etl.usp_load_sales', use: 'executes' },
      { name: 'etl.usp_log', use: 'executes' },
    ]);
    expect(nightly.definition).toBe(renderJobDefinition(nightly.name, nightly.details.job!));

    expect(weekly.details.job?.enabled).toBe(false);
    expect(weekly.details.job?.schedules).toEqual([
      { name: 'Month end', enabled: false, description: 'monthly on the last weekday at 23:00' },
      { name: 'Month start', enabled: true, description: 'monthly on day 1 at 05:00' },
      { name: 'On agent start', enabled: true, description: 'when SQL Server Agent starts' },
      { name: 'Twice a week', enabled: true, description: 'weekly on Monday, Thursday at 06:30' },
    ]);
    expect(weekly.references).toEqual([{ name: 'dbo.usp_weekly_report', use: 'executes' }]);
  });

  it('reads no jobs when jobs is off, and does not ask msdb', async () => {
    const { source, driver } = setup({ databases: [warehouse()], jobs: JOBS });
    const { objects } = await read(source);
    expect(objects.some((object) => object.kind === 'job')).toBe(false);
    expect(driver.server.statements.some((sql) => sql.includes('msdb'))).toBe(false);
  });

  it('goes on without jobs when msdb refuses, with a warning naming the role', async () => {
    const { source } = setup(
      { databases: [warehouse()], jobs: JOBS, errors: { 'catalog-job-steps': { errors: [serverErrors.selectDenied('sysjobsteps', 'msdb')] } } },
      { jobs: true },
    );
    const { objects, warnings } = await read(source);
    expect(objects.some((object) => object.kind === 'job')).toBe(false);
    expect(objects).toHaveLength(12);
    expect(warnings.filter((warning) => /jobs/.test(warning.message))).toEqual([
      {
        code: 'SOURCE_FAILED',
        message: expect.stringMatching(/^catalog warehouse: SQL Agent jobs not read from msdb: .*error 229: The SELECT permission was denied.*SQLAgentReaderRole or db_datareader/),
        origin: { type: 'catalog', name: 'warehouse' },
      },
    ]);
  });
});

describe('SqlServerCatalogSource: include, exclude, databases', () => {
  it('keeps what include names and exclude does not, matching schema.name without case', async () => {
    const { source } = setup({ databases: [warehouse()], jobs: JOBS }, { include: ['dbo.*', 'ETL.*'], exclude: ['etl.usp_h*', 'dbo.fn_t?x'], jobs: true });
    const { objects, warnings } = await read(source);
    expect(objects.map((object) => object.name)).toEqual([
      'dbo.ArchivedOrders',
      'dbo.Customers',
      'dbo.fn_regex',
      'dbo.fn_sales_by_region',
      'dbo.fn_top_customers',
      'etl.usp_load_sales',
      'etl.usp_secret',
      // jobs follow `jobs: true`, not the patterns
      'ShellCorp - Nightly ETL',
      'ShellCorp - Weekly report',
    ]);
    // an excluded object is not looked at: no warning about its hidden definition
    expect(warnings.some((warning) => /usp_hidden/.test(warning.message))).toBe(false);
  });

  it('names objects database.schema.name and ids catalog:<catalog>/<database>.<schema>.<name> with several databases, in database order', async () => {
    const { source } = setup({ databases: [warehouse(), sales()], activity: [{ databaseId: 6, objectId: 11, executionCount: 3n, lastExecution: '2024-05-03 06:00:00' }] }, {
      databases: ['Warehouse', 'Sales'],
      include: ['*.dbo.usp_*', 'Warehouse.etl.*', 'Sales.dbo.Orders'],
    });
    const { objects } = await read(source);
    expect(objects.map((object) => object.id)).toEqual([
      'catalog:warehouse/Sales.dbo.Orders',
      'catalog:warehouse/Sales.dbo.usp_daily',
      'catalog:warehouse/Warehouse.etl.usp_hidden',
      'catalog:warehouse/Warehouse.etl.usp_load_sales',
      'catalog:warehouse/Warehouse.etl.usp_secret',
    ]);
    expect(byName(objects, 'Sales.dbo.usp_daily').details).toMatchObject({ executionCount: 3, lastExecution: '2024-05-03 06:00:00' });
    expect(byName(objects, 'Sales.dbo.usp_daily').references).toEqual([{ name: 'Warehouse.dw.sales', use: 'reads' }]);
    expect(byName(objects, 'Sales.dbo.Orders').definition).toBe('CREATE TABLE [dbo].[Orders] (\n    [OrderId] bigint NOT NULL\n);');
  });

  it('reads the connection\'s own database when none is listed, and a listed database under the name the server spells', async () => {
    const own = setup({ databases: [sales(), warehouse()] });
    expect((await read(own.source)).objects.map((object) => object.name)).toContain('etl.usp_load_sales');
    expect(statementsOf(own.driver, 'catalog-modules').map(queriedDatabase)).toEqual(['Warehouse']);

    const spelled = setup({ databases: [sales(), warehouse()] }, { databases: ['sales'] });
    const { objects } = await read(spelled.source);
    expect(objects.map((object) => object.name)).toEqual(['dbo.Orders', 'dbo.usp_daily']);
    expect(statementsOf(spelled.driver, 'catalog-modules').map(queriedDatabase)).toEqual(['Sales']);
  });

  it('reads a listed database that sys.databases does not show (no VIEW ANY DATABASE), without activity', async () => {
    const { source } = setup(
      { databases: [warehouse(), sales({ hidden: true })], activity: [{ databaseId: 6, objectId: 11, executionCount: 3n, lastExecution: '2024-05-03 06:00:00' }] },
      { databases: ['Sales'] },
    );
    const { objects, warnings } = await read(source);
    expect(objects.map((object) => [object.name, object.details.executionCount])).toEqual([
      ['dbo.Orders', undefined],
      ['dbo.usp_daily', undefined],
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns about a database that cannot be read and goes on with the others', async () => {
    const { source, driver } = setup(
      {
        databases: [
          warehouse(),
          sales({ errors: { 'catalog-columns': { errors: [serverErrors.cannotAccess('reader', 'Sales')] } } }),
          { name: 'Archive', id: 7, state: 'OFFLINE' },
          { name: 'Staging', id: 8, access: false },
        ],
      },
      { databases: ['Warehouse', 'Sales', 'Archive', 'Staging', 'Missing'] },
    );
    const { objects, warnings, unread } = await read(source);
    expect(new Set(objects.map((object) => object.name.split('.')[0]))).toEqual(new Set(['Warehouse']));
    expect(objects).toHaveLength(12);
    // The sync keeps what the previous snapshot had of the databases it could not read.
    expect(unread.map((scope) => scope.namePrefix).sort()).toEqual(['Archive.', 'Missing.', 'Sales.', 'Staging.']);
    expect(unread.every((scope) => scope.kinds?.includes('procedure') === true && scope.kinds?.includes('job') === false)).toBe(true);
    expect(warnings.filter((warning) => warning.code === 'SOURCE_FAILED' && /^catalog warehouse: database/.test(warning.message)).map((warning) => warning.message)).toEqual([
      'catalog warehouse: database Archive skipped: it is OFFLINE (sys.databases.state_desc)',
      expect.stringMatching(/^catalog warehouse: database Missing not read: .*error 208: Invalid object name 'Missing\.sys\.objects'.*check "databases" in lakeshift\.yaml/),
      expect.stringMatching(/^catalog warehouse: database Sales not read: .*error 916: The server principal "reader" is not able to access the database "Sales".*ask for one/),
      'catalog warehouse: database Staging skipped: this login cannot enter it (HAS_DBACCESS is 0): it needs a user in that database',
    ]);
    // an offline database, or one the login cannot enter, is not queried at all
    expect(driver.server.statements.filter((sql) => /\[(Archive|Staging)\]/.test(sql))).toEqual([]);
    // nor is the definitions query sent for a database whose metadata failed
    expect(statementsOf(driver, 'catalog-modules').map(queriedDatabase)).toEqual(['Warehouse']);
  });

  it('stops, rather than yield half a database, when a database fails after some of its objects were yielded', async () => {
    const { source } = setup(
      { databases: [warehouse({ errors: { 'catalog-modules': { errors: [serverErrors.offline('Warehouse')], errorAfterRows: 4 } } })] },
      {},
      2,
    );
    const seen: string[] = [];
    const failure = await (async () => {
      try {
        for await (const object of source.read({ warn: () => {} })) seen.push(object.name);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).code).toBe('QUERY_FAILED');
    expect((failure as EngineError).message).toMatch(/942/);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(12);
  });

  it('lets an unreachable server or a refused login through as the engine\'s error', async () => {
    const { source, driver } = setup({ databases: [warehouse()] });
    driver.connectWith = async () => {
      throw new mssql.ConnectionError(new tedious.ConnectionError("Login failed for user 'reader'.", 'ELOGIN'));
    };
    const error = await read(source).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('AUTH_FAILED');
  });

  it('refuses a connection that is not SQL Server', () => {
    const engine = { name: 'local', kind: 'duckdb' } as unknown as SqlServerEngine;
    expect(() => new SqlServerCatalogSource({ name: 'warehouse', connection: 'local', jobs: false } as CatalogConfig, engine)).toThrow(ConfigError);
  });
});

describe('SqlServerCatalogSource: the SQL it sends, streaming, order', () => {
  it('sends only single SELECTs, each tagged, with every database name bracket-quoted in three-part names', async () => {
    const odd = sales({ name: 'Odd]Name [x]', id: 9 });
    const { source, driver } = setup({ databases: [warehouse(), odd], jobs: JOBS }, { databases: ['Warehouse', 'Odd]Name [x]'], jobs: true });
    const { objects } = await read(source);
    expect(objects.filter((object) => object.name.startsWith('Odd]Name [x].'))).toHaveLength(2);

    const statements = driver.server.statements;
    expect(new Set(statements.map(catalogMarker))).toEqual(
      new Set([
        'catalog-databases',
        'catalog-activity',
        'catalog-columns',
        'catalog-keys',
        'catalog-dependencies',
        'catalog-modules',
        'catalog-jobs',
        'catalog-job-steps',
        'catalog-job-schedules',
      ]),
    );
    for (const sql of statements) {
      expect(sql).toMatch(/^\/\* lakeshift:catalog-[a-z-]+ \*\/\nSELECT /);
      expect(checkReadOnly(sql)).toBeUndefined();
      expect(sql).not.toMatch(/\b(USE|DECLARE|EXEC|SET)\b/i);
      // every catalog view of a database is reached through a quoted database name
      const threePart = sql.match(/\[(?:[^\]]|\]\])+\]\.sys\./g) ?? [];
      expect(threePart).toHaveLength((sql.match(/\.sys\./g) ?? []).length);
      // the odd name appears only quoted, its "]" doubled
      expect(sql.replaceAll('[Odd]]Name [x]]]', '')).not.toContain('Odd');
    }
    const perDatabase = statements.filter((sql) => ['catalog-columns', 'catalog-keys', 'catalog-dependencies', 'catalog-modules'].includes(catalogMarker(sql) ?? ''));
    expect(perDatabase).toHaveLength(8);
    expect(perDatabase.filter((sql) => sql.includes('[Odd]]Name [x]]].sys.'))).toHaveLength(4);
    expect(perDatabase.filter((sql) => sql.includes('[Warehouse].sys.'))).toHaveLength(4);
    // the definitions come in an order that does not depend on the server's collation
    expect(statementsOf(driver, 'catalog-modules')[0]).toMatch(/ORDER BY s\.name COLLATE Latin1_General_BIN2, o\.name COLLATE Latin1_General_BIN2$/);
  });

  it('streams definitions in batches: a consumer that stops early stops the server\'s rows', async () => {
    const many = Array.from({ length: 60 }, (_, index) => ({
      objectId: 1000 + index,
      schema: 'etl',
      name: `usp_step_${String(index).padStart(3, '0')}`,
      type: 'P',
      definition: `CREATE PROCEDURE etl.usp_step_${index} AS SELECT ${index}`,
    }));
    const { source, driver } = setup({ databases: [warehouse({ objects: many, columns: [], keys: [], dependencies: [] })] }, {}, 2);
    const taken: string[] = [];
    for await (const object of source.read({ warn: () => {} })) {
      taken.push(object.name);
      if (taken.length === 3) break;
    }
    expect(taken).toEqual(['etl.usp_step_000', 'etl.usp_step_001', 'etl.usp_step_002']);
    const modules = driver.requests.find((request) => catalogMarker(request.sqlTextOrProcedure) === 'catalog-modules');
    expect(modules?.canceled).toBe(true);
    expect(driver.server.pauses).toBeGreaterThan(0);
    expect(driver.server.rowsSent).toBeLessThan(60 + 10);
  });

  it('gives the same objects in the same order on every read', async () => {
    const model: FakeCatalogServer = { databases: [warehouse(), sales()], jobs: JOBS };
    const first = await read(setup(model, { databases: ['Warehouse', 'Sales'], jobs: true }).source);
    const second = await read(setup(model, { databases: ['Sales', 'Warehouse'], jobs: true }).source);
    expect(second.objects).toEqual(first.objects);
    const names = first.objects.filter((object) => object.kind !== 'job').map((object) => object.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names[0]).toBe('Sales.dbo.Orders');
  });
});

describe('splitQuotedName', () => {
  it.each([
    ['[Archive].[dbo].[Orders]', ['Archive', 'dbo', 'Orders']],
    ['Archive.dbo.Orders', ['Archive', 'dbo', 'Orders']],
    ['[odd.name].[x]]y]', ['odd.name', 'x]y']],
    ['"quoted"."name"', ['quoted', 'name']],
    ['[Server]..[Orders]', ['Server', '', 'Orders']],
  ])('%s', (text, parts) => {
    expect(splitQuotedName(text)).toEqual(parts);
  });
});

import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import type { InventoryWarning, LegacyObject } from '../../src/inventory/legacy-object.js';
import { ScriptedCatalogSource } from '../../src/inventory/scripted-catalog.js';
import { examplesDir } from '../../src/paths.js';
import { findCorpus } from '../support/corpus.js';

async function readCatalog(root: string, name = 'warehouse', extra: Record<string, unknown> = {}) {
  const source = new ScriptedCatalogSource({ name, scripts: root, jobs: false, ...extra }, root);
  const objects: LegacyObject[] = [];
  const warnings: InventoryWarning[] = [];
  for await (const object of source.read({ warn: (warning) => warnings.push(warning) })) objects.push(object);
  return { objects, warnings };
}

describe('ScriptedCatalogSource on ShellCorp', () => {
  const root = path.join(examplesDir(), 'shellcorp', 'warehouse');

  it('finds every object of the SSDT project, its jobs and its scripts', async () => {
    const { objects, warnings } = await readCatalog(root);
    expect(warnings).toEqual([]);
    const count = (kind: string) => objects.filter((object) => object.kind === kind).length;
    expect(count('procedure')).toBe(15);
    expect(count('view')).toBe(5);
    expect(count('function')).toBe(3);
    expect(count('table')).toBeGreaterThanOrEqual(19);
    expect(objects.filter((object) => object.kind === 'job').map((object) => object.id)).toEqual([
      'job:warehouse/ShellCorp - Nightly ETL',
      'job:warehouse/ShellCorp - Weekly inventory and purge',
    ]);
    expect(new Set(objects.map((object) => object.id)).size).toBe(objects.length);
  });

  it('reads what a procedure reads, writes and executes', async () => {
    const { objects } = await readCatalog(root);
    const churn = objects.find((object) => object.id === 'catalog:warehouse/etl.usp_build_customer_churn');
    expect(churn?.references).toEqual(
      expect.arrayContaining([
        { name: 'dw.customer_churn', use: 'writes' },
        { name: 'sales.orders', use: 'reads' },
        { name: 'etl.usp_write_run_log', use: 'executes' },
      ]),
    );
    expect(churn?.source?.file).toBe(path.join(root, 'etl', 'Stored Procedures', 'etl.usp_build_customer_churn.sql'));
  });

  it('describes tables: columns, types, identity, computed columns, defaults, primary key', async () => {
    const { objects } = await readCatalog(root);
    const churn = objects.find((object) => object.id === 'catalog:warehouse/dw.customer_churn');
    expect(churn?.details.primaryKey).toEqual(['customer_id']);
    expect(churn?.details.columns?.find((column) => column.name === 'net_last_90_days')).toEqual({ name: 'net_last_90_days', type: 'DECIMAL(12,2)', nullable: false });
    const all = objects.flatMap((object) => object.details.columns ?? []);
    expect(all.some((column) => column.identity === true)).toBe(true);
    expect(all.some((column) => column.computed !== undefined)).toBe(true);
    expect(all.some((column) => column.default !== undefined)).toBe(true);
  });

  it('reads the SQL Agent jobs: steps, the procedures they run, schedules in words', async () => {
    const { objects } = await readCatalog(root);
    const nightly = objects.find((object) => object.id === 'job:warehouse/ShellCorp - Nightly ETL');
    expect(nightly?.references).toContainEqual({ name: 'etl.usp_run_nightly', use: 'executes' });
    expect(nightly?.details.job?.steps.map((step) => step.subsystem)).toContain('TSQL');
    expect(nightly?.details.job?.schedules[0]?.description).toMatch(/^daily at \d\d:\d\d$/);
    expect(nightly?.definition).toMatch(/^job: ShellCorp - Nightly ETL\nenabled: true\n/);
  });

  it('decodes the UTF-16 and CRLF files of the estate into clean text', async () => {
    const { objects } = await readCatalog(root);
    const utf16 = (await glob('**/*.sql', { cwd: root })).find(async () => false);
    expect(utf16).toBeDefined();
    for (const object of objects) {
      expect(object.definition.includes('\r'), object.id).toBe(false);
      expect(object.definition.includes('\u0000'), object.id).toBe(false);
      expect(object.definition.startsWith('\uFEFF'), object.id).toBe(false);
    }
    const snapshot = objects.find((object) => object.id === 'catalog:warehouse/etl.usp_build_inventory_snapshot');
    const raw = await readFile(path.join(root, 'etl', 'Stored Procedures', 'etl.usp_build_inventory_snapshot.sql'));
    expect([raw[0], raw[1]]).toEqual([0xff, 0xfe]);
    expect(snapshot?.definition).toContain('CREATE PROCEDURE');
  });
});

describe('ScriptedCatalogSource on bad input', () => {
  it('reports a duplicate object and keeps both copies apart', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lakeshift-dup-'));
    await writeFile(path.join(root, 'a.sql'), 'CREATE VIEW dbo.v AS SELECT 1 AS x\nGO\n');
    await writeFile(path.join(root, 'b.sql'), 'CREATE VIEW [dbo].[V] AS SELECT 2 AS x\nGO\n');
    const { objects, warnings } = await readCatalog(root, 'dup');
    expect(objects.map((object) => object.id)).toEqual(['catalog:dup/dbo.v', 'catalog:dup/dbo.V~2']);
    expect(warnings).toEqual([expect.objectContaining({ code: 'DUPLICATE_OBJECT', file: path.join(root, 'b.sql'), line: 1 })]);
    expect(warnings[0]!.message).toContain(`${path.join(root, 'a.sql')}:1`);
  });

  it('leaves out binary files with a warning and reads the rest', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lakeshift-bin-'));
    await writeFile(path.join(root, 'image.sql'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x00, 0x52]));
    await writeFile(path.join(root, 'ok.sql'), 'CREATE VIEW dbo.v AS SELECT 1 AS x\n');
    const { objects, warnings } = await readCatalog(root, 'bin');
    expect(objects.map((object) => object.id)).toEqual(['catalog:bin/dbo.v']);
    expect(warnings).toEqual([expect.objectContaining({ code: 'FILE_BINARY', file: path.join(root, 'image.sql') })]);
  });

  it('reads a Windows-1252 file and says the encoding was guessed', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lakeshift-1252-'));
    await writeFile(path.join(root, 'v.sql'), Buffer.concat([Buffer.from("CREATE VIEW dbo.v AS SELECT '"), Buffer.from([0x80, 0xe9]), Buffer.from("' AS x\n")]));
    const { objects, warnings } = await readCatalog(root, 'ansi');
    expect(objects[0]?.definition).toBe("CREATE VIEW dbo.v AS SELECT '€é' AS x\n");
    expect(warnings).toEqual([expect.objectContaining({ code: 'ENCODING_GUESSED' })]);
  });

  it('reads a 10 MB procedure whole', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lakeshift-big-'));
    const body = Array.from({ length: 120_000 }, (_, index) => `    INSERT INTO dbo.t (id, label) VALUES (${index}, 'row ${index} of a very large generated procedure');`).join('\n');
    const text = `CREATE PROCEDURE dbo.usp_huge AS\nBEGIN\n${body}\nEND\nGO\n`;
    expect(text.length).toBeGreaterThan(10_000_000);
    await writeFile(path.join(root, 'huge.sql'), text);
    const { objects } = await readCatalog(root, 'big');
    expect(objects).toHaveLength(1);
    expect(objects[0]?.definition).toBe(text);
    expect(objects[0]?.references).toEqual([{ name: 'dbo.t', use: 'writes' }]);
  });

  it('applies include and exclude to schema.name', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'lakeshift-filter-'));
    await mkdir(path.join(root, 'x'));
    await writeFile(path.join(root, 'x', 'a.sql'), 'CREATE VIEW etl.v1 AS SELECT 1 AS x\nGO\nCREATE VIEW dbo.v2 AS SELECT 1 AS x\nGO\nCREATE VIEW etl.tmp_v3 AS SELECT 1 AS x\nGO\n');
    const { objects } = await readCatalog(root, 'f', { include: ['etl.*'], exclude: ['*.tmp_*'] });
    expect(objects.map((object) => object.name)).toEqual(['etl.v1']);
  });

  it('refuses a scripts folder that does not exist', async () => {
    await expect(readCatalog('/nonexistent/lakeshift/folder')).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
  });
});

const corpus = findCorpus();

describe.skipIf(corpus === undefined)('ScriptedCatalogSource on the WideWorldImporters SSDT projects', () => {
  /**
   * An independent count: every line that starts a CREATE of a procedure, view, function or
   * table outside comments and string literals, by a plain scan of the files.
   */
  async function declaredObjects(root: string): Promise<Set<string>> {
    const names = new Set<string>();
    for (const file of await glob('**/*.sql', { cwd: root, ignore: ['**/bin/**', '**/obj/**'] })) {
      const bytes = await readFile(path.join(root, file));
      const text = (bytes[0] === 0xff ? new TextDecoder('utf-16le') : new TextDecoder()).decode(bytes)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/--[^\n]*/g, '')
        .replace(/N?'(?:[^']|'')*'/g, "''");
      for (const match of text.matchAll(/^\s*CREATE\s+(?:OR\s+ALTER\s+)?(PROCEDURE|PROC|VIEW|FUNCTION|TABLE)\s+((?:\[[^\]]+\]|\w+)(?:\.(?:\[[^\]]+\]|\w+))*)/gim)) {
        const parts = match[2]!.match(/\[[^\]]+\]|\w+/g)!.map((part) => part.replace(/^\[|\]$/g, ''));
        const name = parts.length === 1 ? `dbo.${parts[0]}` : parts.slice(-2).join('.');
        names.add(`${match[1]!.toUpperCase().startsWith('PROC') ? 'procedure' : match[1]!.toLowerCase()} ${name.toLowerCase()}`);
      }
    }
    return names;
  }

  it.each(['wwi-ssdt', 'wwi-dw-ssdt'])('inventories %s without errors, every object found', async (project) => {
    const root = path.join(corpus!, 'tsql', 'wide-world-importers', project);
    const { objects, warnings } = await readCatalog(root, project);
    expect(warnings).toEqual([]);
    const found = new Set(
      objects.filter((object) => ['procedure', 'view', 'function', 'table'].includes(object.kind)).map((object) => `${object.kind} ${object.name.toLowerCase()}`),
    );
    const declared = await declaredObjects(root);
    expect(declared.size).toBeGreaterThan(40);
    expect([...declared].filter((name) => !found.has(name))).toEqual([]);
    expect([...found].filter((name) => !declared.has(name))).toEqual([]);
    const counts = Object.fromEntries(['procedure', 'view', 'function', 'table'].map((kind) => [kind, objects.filter((object) => object.kind === kind).length]));
    console.info(`${project}: ${JSON.stringify(counts)}, ${objects.length} objects in all`);
  });
});

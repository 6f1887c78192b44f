import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { quoteIdentifier, quoteLiteral, quoteQualified } from '../engines/duckdb/duckdb-sql.js';
import { toNumber, type Engine } from '../engines/engine.js';
import { LakeshiftError } from '../errors.js';
import { readJsonDocument } from '../json-document.js';
import { silentReporter, type Reporter } from '../reporter.js';

/**
 * Seed data of an example estate (examples/<estate>/data/seeds.json): CSV files for the legacy
 * base tables and for the legacy derived tables, with their DuckDB column types.
 */
const seedManifestSchema = z.strictObject({
  version: z.literal(1),
  tables: z.array(
    z.strictObject({
      table: z.string().regex(/^[A-Za-z_]\w*\.[A-Za-z_]\w*$/, 'write schema.table'),
      role: z.enum(['base', 'derived']),
      file: z.string().min(1),
      columns: z.array(z.strictObject({ name: z.string().min(1), type: z.string().min(1) })).min(1),
      builtBy: z.string().optional(),
      description: z.string().optional(),
    }),
  ),
});

export type SeedManifest = z.output<typeof seedManifestSchema>;
export type SeedTable = SeedManifest['tables'][number];

export interface LoadedSeed {
  /** As in SQL Server: schema.table. */
  readonly table: string;
  readonly role: SeedTable['role'];
  /** Where it was loaded in DuckDB: base tables keep their schema, derived ones go to legacy_<schema>. */
  readonly target: string;
  readonly rows: number;
}

export async function readSeedManifest(dataDir: string): Promise<SeedManifest> {
  const file = path.join(dataDir, 'seeds.json');
  return readJsonDocument(file, seedManifestSchema, { what: 'a seed manifest', hint: 'Restore the example estate (git checkout examples/) or fix the JSON.' });
}

/** The DuckDB schema and table a seed table is loaded into. */
export function seedTarget(seed: Pick<SeedTable, 'table' | 'role'>): { readonly schema: string; readonly name: string } {
  const [schema, name] = seed.table.split('.') as [string, string];
  return { schema: seed.role === 'base' ? schema : `legacy_${schema}`, name };
}

/**
 * Loads every seed table into an embedded engine, replacing earlier copies. Types come from
 * the manifest, never guessed from the data; an unquoted empty CSV field is NULL and a quoted
 * empty one ("") is an empty string, as DuckDB's COPY ... TO wrote them.
 */
export async function loadSeeds(
  engine: Engine,
  dataDir: string,
  options: { readonly reporter?: Reporter; readonly signal?: AbortSignal } = {},
): Promise<LoadedSeed[]> {
  const reporter = options.reporter ?? silentReporter;
  const manifest = await readSeedManifest(dataDir);
  const loaded: LoadedSeed[] = [];
  const schemas = new Set(manifest.tables.map((seed) => seedTarget(seed).schema));
  await engine.execute([...schemas].map((schema) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)};`).join('\n'));

  for (const seed of manifest.tables) {
    const file = path.resolve(dataDir, seed.file);
    if (!existsSync(file)) {
      throw new LakeshiftError('INPUT_NOT_FOUND', `seed file ${file} for ${seed.table} is missing`, {
        location: { file: path.join(dataDir, 'seeds.json') },
      });
    }
    const target = seedTarget(seed);
    const columns = seed.columns.map((column) => `${quoteLiteral(column.name)}: ${quoteLiteral(column.type)}`).join(', ');
    const qualified = quoteQualified(target.schema, target.name);
    await engine.execute(
      `CREATE OR REPLACE TABLE ${qualified} AS SELECT * FROM read_csv(${quoteLiteral(file)}, header = true, auto_detect = false, ` +
        `allow_quoted_nulls = false, columns = {${columns}})`,
      options.signal === undefined ? {} : { signal: options.signal },
    );
    const count = await engine.query(`SELECT count(*) FROM ${qualified}`);
    loaded.push({ table: seed.table, role: seed.role, target: `${target.schema}.${target.name}`, rows: toNumber(count.rows[0]![0]!) });
    reporter.progress('loading seed tables', loaded.length, manifest.tables.length);
  }
  return loaded;
}

/**
 * Builds examples/shellcorp/data/: the base tables of the ShellCorp estate (generated with a
 * seeded PRNG) and the legacy derived tables (what the T-SQL procedures in warehouse/ would
 * have produced on SQL Server), then data/seeds.json.
 *
 *   npx tsx examples/shellcorp/tools/build-seeds.ts        (from the repository root)
 *
 * Deterministic: no clock, no Math.random, no locale; running it twice gives the same bytes.
 *
 * The table layouts are read from the DDL in warehouse/<schema>/Tables/*.sql, so the seed
 * columns always match the scripts. The derived tables are computed by hand-written DuckDB SQL
 * (derived-sql.ts) that mirrors each procedure statement by statement, including the places
 * where SQL Server semantics differ from DuckDB's defaults; read the comments there.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { generateBaseData, type BaseData, type Value } from './generate.js';
import { DERIVED_TABLES, MANUAL_CORRECTION_SQL, TSQL_MACROS } from './derived-sql.js';

const EXAMPLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WAREHOUSE_DIR = path.join(EXAMPLE_DIR, 'warehouse');
const DATA_DIR = path.join(EXAMPLE_DIR, 'data');

// ---------------------------------------------------------------------------------------------
// DDL reader: just enough to read the CREATE TABLE scripts of this project.

interface ColumnSpec {
  readonly name: string;
  /** SQL Server type as written, normalised: "decimal(14,2)", "nvarchar(60)", "computed". */
  readonly sqlServerType: string;
  readonly duckdbType: string;
}

interface TableSpec {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
}

/** Computed columns have no declared type; these are the types SQL Server infers for ours. */
const COMPUTED_COLUMN_TYPES: Record<string, string> = {
  'sales.customers.full_name': 'VARCHAR',
  'etl.run_log.duration_ms': 'INTEGER',
};

export function decodeSqlFile(bytes: Buffer): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = bytes.subarray(3).toString('utf8');
  else text = bytes.toString('utf8');
  return text.replace(/\r\n/g, '\n');
}

function duckdbTypeOf(sqlServerType: string): string {
  const match = /^(\w+)(?:\((\d+)(?:,(\d+))?\))?$/.exec(sqlServerType);
  if (match === null) throw new Error(`unreadable type ${sqlServerType}`);
  const [, base = '', p, s] = match;
  switch (base) {
    case 'int':
      return 'INTEGER';
    case 'bigint':
      return 'BIGINT';
    case 'smallint':
      return 'SMALLINT';
    case 'tinyint':
      return 'UTINYINT'; // 0..255, unsigned like SQL Server's
    case 'bit':
      return 'BOOLEAN';
    case 'decimal':
    case 'numeric':
      return `DECIMAL(${p ?? 18},${s ?? 0})`;
    case 'money':
      return 'DECIMAL(19,4)';
    case 'smallmoney':
      return 'DECIMAL(10,4)';
    case 'float':
      return p !== undefined && Number(p) <= 24 ? 'FLOAT' : 'DOUBLE';
    case 'real':
      return 'FLOAT';
    case 'date':
      return 'DATE';
    case 'datetime':
    case 'datetime2':
    case 'smalldatetime':
      return 'TIMESTAMP';
    case 'char':
    case 'nchar':
    case 'varchar':
    case 'nvarchar':
    case 'sysname':
      return 'VARCHAR';
    case 'uniqueidentifier':
      return 'UUID';
    default:
      throw new Error(`no DuckDB type for SQL Server type ${sqlServerType}`);
  }
}

export function readTableDdl(file: string): TableSpec {
  const text = decodeSqlFile(readFileSync(file)).replace(/--[^\n]*/g, '');
  const header = /create\s+table\s+\[?(\w+)\]?\.\[?(\w+)\]?\s*\(/i.exec(text);
  if (header === null) throw new Error(`${file}: no CREATE TABLE`);
  const [, schema = '', name = ''] = header;
  // the column list: up to the parenthesis that closes the one after the table name
  let depth = 1;
  let end = header.index + header[0].length;
  for (; end < text.length && depth > 0; end++) {
    if (text[end] === '(') depth++;
    else if (text[end] === ')') depth--;
  }
  const body = text.slice(header.index + header[0].length, end - 1);
  const items: string[] = [];
  let current = '';
  depth = 0;
  for (const ch of body) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  const columns: ColumnSpec[] = [];
  for (const raw of items) {
    const item = raw.trim();
    if (item === '' || /^(constraint|primary|unique|index|foreign|check)\b/i.test(item)) continue;
    const column = /^\[?(\w+)\]?\s+(.*)$/s.exec(item);
    if (column === null) throw new Error(`${file}: unreadable column ${item}`);
    const [, columnName = '', rest = ''] = column;
    if (/^as\s*\(/i.test(rest)) {
      const type = COMPUTED_COLUMN_TYPES[`${schema}.${name}.${columnName}`];
      if (type === undefined) throw new Error(`${file}: computed column ${columnName} needs a type in COMPUTED_COLUMN_TYPES`);
      columns.push({ name: columnName, sqlServerType: 'computed', duckdbType: type });
      continue;
    }
    const typeMatch = /^\[?(\w+)\]?\s*(\(\s*(?:\d+|max)\s*(?:,\s*\d+\s*)?\))?/i.exec(rest);
    if (typeMatch === null) throw new Error(`${file}: no type for ${columnName}`);
    const args = (typeMatch[2] ?? '').replace(/\s+/g, '').toLowerCase();
    const sqlServerType = `${typeMatch[1]!.toLowerCase()}${args === '(max)' ? '' : args}`;
    columns.push({ name: columnName, sqlServerType, duckdbType: duckdbTypeOf(sqlServerType) });
  }
  return { schema: schema.toLowerCase(), name: name.toLowerCase(), columns };
}

function readAllTables(): Map<string, TableSpec> {
  const tables = new Map<string, TableSpec>();
  for (const schemaDir of readdirSync(WAREHOUSE_DIR, { withFileTypes: true })) {
    if (!schemaDir.isDirectory()) continue;
    const tablesDir = path.join(WAREHOUSE_DIR, schemaDir.name, 'Tables');
    let files: string[];
    try {
      files = readdirSync(tablesDir).filter((file) => file.endsWith('.sql'));
    } catch {
      continue;
    }
    for (const file of files.sort()) {
      const spec = readTableDdl(path.join(tablesDir, file));
      tables.set(`${spec.schema}.${spec.name}`, spec);
    }
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------
// loading

function sqlLiteral(value: Value): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') return value.decimal; // exact decimal text, e.g. 12.99
  return `'${value.replace(/'/g, "''")}'`;
}

async function createTable(connection: DuckDBConnection, spec: TableSpec, schema = spec.schema): Promise<void> {
  await connection.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const columns = spec.columns.map((column) => `${column.name} ${column.duckdbType}`).join(', ');
  await connection.run(`CREATE TABLE ${schema}.${spec.name} (${columns})`);
}

async function loadRows(connection: DuckDBConnection, spec: TableSpec, rows: readonly (readonly Value[])[]): Promise<void> {
  const width = spec.columns.length;
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    const values = chunk
      .map((row) => {
        if (row.length !== width) throw new Error(`${spec.schema}.${spec.name}: row has ${row.length} values, table has ${width} columns`);
        return `(${row.map(sqlLiteral).join(', ')})`;
      })
      .join(',\n');
    await connection.run(`INSERT INTO ${spec.schema}.${spec.name} VALUES ${values}`);
  }
}

// ---------------------------------------------------------------------------------------------

/** seeds.json with one line per column, so that diffs of the file stay readable. */
function formatSeeds(seeds: readonly SeedEntry[]): string {
  const q = (value: string) => JSON.stringify(value);
  const tables = seeds.map((seed) => {
    const lines = [
      `      "table": ${q(seed.table)},`,
      `      "role": ${q(seed.role)},`,
      `      "file": ${q(seed.file)},`,
      ...(seed.builtBy === undefined ? [] : [`      "builtBy": ${q(seed.builtBy)},`]),
      `      "columns": [`,
      seed.columns.map((column) => `        { "name": ${q(column.name)}, "type": ${q(column.type)} }`).join(',\n'),
      `      ]`,
    ];
    return `    {\n${lines.join('\n')}\n    }`;
  });
  return `{\n  "version": 1,\n  "tables": [\n${tables.join(',\n')}\n  ]\n}\n`;
}

interface SeedEntry {
  table: string;
  role: 'base' | 'derived';
  file: string;
  columns: { name: string; type: string }[];
  builtBy?: string;
}

async function main(): Promise<void> {
  const tables = readAllTables();
  const data: BaseData = generateBaseData();

  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: '1',
  });
  const connection = await instance.connect();

  rmSync(path.join(DATA_DIR, 'base'), { recursive: true, force: true });
  rmSync(path.join(DATA_DIR, 'derived'), { recursive: true, force: true });
  mkdirSync(path.join(DATA_DIR, 'base'), { recursive: true });
  mkdirSync(path.join(DATA_DIR, 'derived'), { recursive: true });

  const seeds: SeedEntry[] = [];
  const report: string[] = [];

  // 1. base tables, in dependency order
  for (const [table, rows] of data.tables) {
    const spec = tables.get(table);
    if (spec === undefined) throw new Error(`no DDL for ${table}`);
    await createTable(connection, spec);
    await loadRows(connection, spec, rows);
  }

  // 2. derived tables: the procedures' logic in DuckDB SQL, in the nightly order
  for (const statement of TSQL_MACROS) await connection.run(statement);
  for (const derived of DERIVED_TABLES) {
    const spec = tables.get(derived.table);
    if (spec === undefined) throw new Error(`no DDL for ${derived.table}`);
    await createTable(connection, spec);
    for (const statement of derived.sql) await connection.run(statement);
  }
  for (const statement of MANUAL_CORRECTION_SQL) await connection.run(statement);

  // 3. CSV files and seeds.json
  const write = async (table: string, role: 'base' | 'derived', builtBy?: string) => {
    const spec = tables.get(table)!;
    const file = `${role}/${table}.csv`;
    const target = path.join(DATA_DIR, file);
    // ORDER BY ALL: every table's key columns come first, so this is key order, and total.
    await connection.run(`COPY (SELECT * FROM ${table} ORDER BY ALL) TO '${target.replace(/'/g, "''")}' (FORMAT csv, HEADER)`);
    const count = await connection.runAndReadAll(`SELECT count(*) FROM ${table}`);
    report.push(`${String(count.getRows()[0]![0]).padStart(7)}  ${file}`);
    seeds.push({
      table,
      role,
      file,
      columns: spec.columns.map((column) => ({ name: column.name, type: column.duckdbType })),
      ...(builtBy === undefined ? {} : { builtBy }),
    });
  };
  for (const table of data.tables.keys()) await write(table, 'base');
  for (const derived of DERIVED_TABLES) await write(derived.table, 'derived', derived.builtBy);

  writeFileSync(path.join(DATA_DIR, 'seeds.json'), formatSeeds(seeds));

  // what the README documents: the rows finance patched by hand
  const patched = await connection.runAndReadAll(
    `SELECT customer_id, customer_code, churn_flag, churn_risk FROM dw.customer_churn WHERE customer_id IN (SELECT customer_id FROM manual_correction) ORDER BY customer_id`,
  );
  process.stderr.write(`${report.join('\n')}\n\nmanual correction (dw.customer_churn):\n`);
  for (const row of patched.getRowsJS()) process.stderr.write(`  ${JSON.stringify(row)}\n`);
  connection.closeSync();
  instance.closeSync();
}

await main();

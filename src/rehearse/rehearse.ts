import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfigPath, type LoadedConfig } from '../config/load.js';
import type { Engine, EngineSession } from '../engines/engine.js';
import { EnginePool } from '../engines/registry.js';
import { describeError, isLakeshiftError, LakeshiftError } from '../errors.js';
import { silentReporter, type Reporter } from '../reporter.js';
import { readManifest, type ManifestEntry } from '../snapshot/manifest.js';
import { TranslationContext, type TranslateOptions } from '../translate/context.js';
import { inventoryOptions } from '../translate/inventory-options.js';
import { translateSql } from '../translate/translate-sql.js';
import { LineIndex } from '../tsql/index.js';
import { ScriptInterpreter } from './interpreter.js';

export interface RehearseOptions {
  readonly loaded: LoadedConfig;
  /** T-SQL to run instead of rehearse.steps. */
  readonly steps?: readonly string[];
  readonly reporter?: Reporter;
  readonly signal?: AbortSignal;
  readonly engines?: EnginePool;
}

export interface RehearsalStep {
  readonly step: string;
  readonly status: 'ok' | 'failed';
  readonly error?: { readonly code: string; readonly message: string };
  readonly statements: number;
  readonly procedures: readonly string[];
  readonly durationMs: number;
}

export interface RehearseResult {
  readonly connection: string;
  /** Legacy tables created (empty) because they did not exist yet, as DuckDB names them. */
  readonly tablesCreated: readonly string[];
  /** Views and functions of the snapshot created (or replaced) from their DuckDB translation. */
  readonly viewsAndFunctions: readonly string[];
  /** Objects the rehearsal could not create, or created without an untranslated part. */
  readonly warnings: readonly string[];
  readonly steps: readonly RehearsalStep[];
  readonly status: 'ok' | 'failed';
}

/**
 * `lakeshift rehearse`: runs the DuckDB translation of the legacy code locally. The legacy
 * tables the snapshot defines are created where they do not exist yet (under their translated
 * names: the derived ones land in gold when translate.names says so), then each step (T-SQL,
 * e.g. "EXEC etl.usp_run_nightly") is translated and run, with every procedure it calls taken
 * from the snapshot and translated in turn. DuckDB runs the statements; the interpreter runs
 * the control flow.
 */
export async function runRehearse(options: RehearseOptions): Promise<RehearseResult> {
  const { loaded } = options;
  const reporter = options.reporter ?? silentReporter;
  const steps = options.steps ?? loaded.config.rehearse.steps;
  if (steps.length === 0) {
    throw new LakeshiftError('INPUT_INVALID', 'nothing to rehearse: rehearse.steps in lakeshift.yaml is empty', {
      hint: 'List the T-SQL the legacy job runs, e.g. rehearse: { steps: ["EXEC etl.usp_run_nightly"] }, or pass --step.',
      location: { file: loaded.file },
    });
  }
  const connection = rehearsalConnection(loaded);
  const engines = options.engines ?? new EnginePool(loaded.config.connections, { baseDir: loaded.dir, reporter });
  const snapshotDir = resolveConfigPath(loaded, loaded.config.snapshot.dir);
  const manifest = await readManifest(snapshotDir);
  if (manifest.objects.length === 0) {
    throw new LakeshiftError('INPUT_NOT_FOUND', `the snapshot in ${snapshotDir} is empty`, { hint: 'Run `lakeshift sync` first: the rehearsal runs the procedures of the snapshot.' });
  }
  const translate = { ...translateOptions(loaded), ...inventoryColumns(manifest.objects) };
  const texts = new Map<string, string>();
  const read = async (entry: ManifestEntry) => {
    const cached = texts.get(entry.id);
    if (cached !== undefined) return cached;
    const text = await readFile(path.join(snapshotDir, entry.path), 'utf8');
    texts.set(entry.id, text);
    return text;
  };

  const engine = engines.get(connection);
  let session: EngineSession | undefined;
  try {
    session = await openSession(engine);
    const prepared = await prepareObjects(session, manifest.objects, read, translate);
    if (prepared.tablesCreated.length > 0) reporter.info(`created ${prepared.tablesCreated.length} legacy tables that were missing: ${prepared.tablesCreated.join(', ')}`);
    if (prepared.viewsAndFunctions.length > 0) reporter.info(`created ${prepared.viewsAndFunctions.length} views and functions`);
    for (const warning of prepared.warnings) reporter.warn(warning);

    /** The T-SQL of the snapshot's objects of a kind, by the name the DuckDB translation gives them. */
    const objectsOfKind = async (kind: ManifestEntry['kind']) => {
      const byName = new Map<string, string>();
      for (const entry of manifest.objects.filter((candidate) => candidate.kind === kind)) {
        byName.set(targetName(entry.name, translate, databaseOf(loaded, entry)).toLowerCase(), await read(entry));
      }
      return byName;
    };

    const procedures = await objectsOfKind('procedure');
    const functions = await objectsOfKind('function');

    const results: RehearsalStep[] = [];
    for (const step of steps) {
      const started = performance.now();
      const called: string[] = [];
      const interpreter = new ScriptInterpreter({
        session,
        translate,
        procedures: (name) => procedures.get(name.toLowerCase()),
        tableFunctions: { names: [...functions.keys()], lookup: (name) => functions.get(name.toLowerCase()) },
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onCall: (procedure) => {
          called.push(procedure);
          reporter.info(`  CALL ${procedure}`);
        },
      });
      reporter.info(`rehearsing: ${step}`);
      try {
        await interpreter.runTsql(step, `step "${step}"`);
        results.push({ step, status: 'ok', statements: interpreter.statements, procedures: called, durationMs: Math.round(performance.now() - started) });
      } catch (error) {
        if (options.signal?.aborted === true) throw new LakeshiftError('INTERRUPTED', 'interrupted by Ctrl-C');
        const failure = { code: isLakeshiftError(error) ? error.code : 'QUERY_FAILED', message: error instanceof Error ? error.message : describeError(error) };
        reporter.warn(`${step} failed: ${failure.message}`);
        results.push({ step, status: 'failed', error: failure, statements: interpreter.statements, procedures: called, durationMs: Math.round(performance.now() - started) });
        break;
      }
    }
    return { connection, tablesCreated: prepared.tablesCreated, viewsAndFunctions: prepared.viewsAndFunctions, warnings: prepared.warnings, steps: results, status: results.every((result) => result.status === 'ok') && results.length === steps.length ? 'ok' : 'failed' };
  } finally {
    await session?.close();
    if (options.engines === undefined) await engines.closeAll();
  }
}

function rehearsalConnection(loaded: LoadedConfig): string {
  const configured = loaded.config.rehearse.connection;
  if (configured !== undefined) return configured;
  const embedded = Object.entries(loaded.config.connections).find(([, connection]) => connection.kind === 'duckdb');
  if (embedded === undefined) {
    throw new LakeshiftError('CONFIG_INVALID', 'the rehearsal needs a duckdb connection in lakeshift.yaml', {
      hint: 'Add one, e.g. connections: { local: { kind: duckdb, path: .lakeshift/local.duckdb } }.',
      location: { file: loaded.file },
    });
  }
  return embedded[0];
}

async function openSession(engine: Engine): Promise<EngineSession> {
  if (!engine.capabilities.sessions || engine.openSession === undefined) {
    throw new LakeshiftError('CONFIG_INVALID', `connection ${engine.name} cannot hold a session: the rehearsal runs on the embedded DuckDB`, {
      hint: 'Set rehearse.connection to a duckdb connection.',
    });
  }
  return engine.openSession();
}

function translateOptions(loaded: LoadedConfig): Omit<TranslateOptions, 'target' | 'variableReference'> {
  const translate = loaded.config.translate;
  const only = loaded.config.legacy.catalogs.length === 1 ? loaded.config.legacy.catalogs[0]!.database : undefined;
  return {
    names: translate.names,
    // The rehearsal is local: temporary tables whatever the production option says.
    tempTables: 'temporary',
    ...(translate.collation === undefined ? {} : { collation: translate.collation }),
    ...(only === undefined ? {} : { defaultDatabase: only }),
  };
}

function inventoryColumns(entries: readonly ManifestEntry[]): Pick<TranslateOptions, 'columnTypes' | 'identityColumn' | 'sequenceColumn'> {
  const { columnTypes, identityColumn, sequenceColumn } = inventoryOptions(entries);
  return { columnTypes, identityColumn, sequenceColumn };
}

function databaseOf(loaded: LoadedConfig, entry: ManifestEntry): string | undefined {
  return loaded.config.legacy.catalogs.find((catalog) => catalog.name === entry.origin.name)?.database;
}

/** The name a procedure or table gets in the DuckDB translation (what CALL and DDL say). */
function targetName(name: string, options: Omit<TranslateOptions, 'target' | 'variableReference'>, database: string | undefined): string {
  const context = new TranslationContext({ ...options, target: 'duckdb', ...(database === undefined ? {} : { defaultDatabase: database }) }, '', new LineIndex(''));
  return context.objectName({ kind: 'object-name', parts: name.split('.'), start: 0, end: 0 });
}

/** What the rehearsal created before it ran the steps, and what it could not create. */
interface Prepared {
  readonly tablesCreated: string[];
  readonly viewsAndFunctions: string[];
  readonly warnings: string[];
}

/** A DEFAULT whose expression the translation kept for a human (`DEFAULT /*[TR_X]*\/ ... /*[/TR_X]*\/`). */
const MARKED_DEFAULT = /\s+DEFAULT\s+\(?\s*\/\*\[(TR_\w+)\]\*\/[\s\S]*?\/\*\[\/\1\]\*\/\s*\)?/g;
const CREATED_NAME = /^CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(?:VIEW|MACRO|FUNCTION)\s+((?:"[^"]*"|[\w$]+)(?:\.(?:"[^"]*"|[\w$]+))*)/i;
const UNTRANSLATED = /\/\*\[TR_\w+\]/;

/**
 * Prepares the local database for the steps: creates the snapshot's tables that DuckDB does
 * not have yet (the base tables are there already, loaded from the legacy copies; the derived
 * ones are not), then its functions and views (CREATE OR REPLACE: the procedures may read
 * them), each from its DuckDB translation. A table column DEFAULT that was not translated is
 * left out, with a warning; an object with another untranslated part is not created, with a
 * warning, and a step that needs it fails naming it.
 */
async function prepareObjects(
  session: EngineSession,
  entries: readonly ManifestEntry[],
  read: (entry: ManifestEntry) => Promise<string>,
  options: Omit<TranslateOptions, 'target' | 'variableReference'>,
): Promise<Prepared> {
  const prepared: Prepared = { tablesCreated: [], viewsAndFunctions: [], warnings: [] };
  const statementsOf = async (entry: ManifestEntry) => {
    const translated = translateSql(await read(entry), { ...options, target: 'duckdb' });
    return translated.objects.flatMap((object) => (object.kind === 'statements' ? object.body : [])).flatMap((node) => (node.kind === 'sql' ? [node.sql] : []));
  };

  for (const entry of entries.filter((candidate) => candidate.kind === 'table')) {
    // The table's script: CREATE TABLE, and what goes with it (a sequence for an identity
    // column, constraints): all of it runs when the table is not there yet, none otherwise.
    const statements = await statementsOf(entry);
    const create = statements.map((statement) => /^CREATE TABLE ((?:"[^"]*"|[\w$]+)(?:\.(?:"[^"]*"|[\w$]+))*)/i.exec(statement)).find((match) => match !== null);
    if (create === undefined) continue;
    const name = create[1]!;
    const parts = name.match(/"[^"]*"|[\w$]+/g) ?? [];
    if (parts.length > 1) await session.execute(`CREATE SCHEMA IF NOT EXISTS ${parts.slice(0, -1).join('.')}`);
    if (await tableExists(session, parts)) continue;
    const script = statements.map((statement) => statement.replace(MARKED_DEFAULT, ''));
    if (script.some((statement, index) => statement !== statements[index])) prepared.warnings.push(`${entry.name}: created without the column defaults lakeshift did not translate`);
    if (script.some((statement) => UNTRANSLATED.test(statement))) {
      prepared.warnings.push(`${entry.name}: not created: its DuckDB translation has parts lakeshift did not translate`);
      continue;
    }
    for (const statement of script) await session.execute(statement);
    prepared.tablesCreated.push(name);
  }

  // Views and functions may read each other: create what can be created, then try the rest
  // again, until a pass creates nothing new.
  let pending = entries.filter((candidate) => candidate.kind === 'function' || candidate.kind === 'view');
  const failures = new Map<string, string>();
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    const next: ManifestEntry[] = [];
    for (const entry of pending) {
      const statements = (await statementsOf(entry)).filter((statement) => /^CREATE\b/i.test(statement));
      if (statements.length === 0) continue; // a multi-statement table function: the interpreter runs it where it is called
      if (statements.some((statement) => UNTRANSLATED.test(statement))) {
        failures.set(entry.name, 'its DuckDB translation has parts lakeshift did not translate');
        continue;
      }
      try {
        for (const statement of statements) {
          const created = CREATED_NAME.exec(statement)?.[1];
          const parts = created?.match(/"[^"]*"|[\w$]+/g) ?? [];
          if (parts.length > 1) await session.execute(`CREATE SCHEMA IF NOT EXISTS ${parts.slice(0, -1).join('.')}`);
          await session.execute(statement);
        }
        prepared.viewsAndFunctions.push(entry.name);
        failures.delete(entry.name);
        progress = true;
      } catch (error) {
        failures.set(entry.name, describeError(error));
        next.push(entry);
      }
    }
    pending = next;
  }
  for (const [name, reason] of failures) prepared.warnings.push(`${name}: not created: ${reason}`);
  return prepared;
}

async function tableExists(session: EngineSession, parts: readonly string[]): Promise<boolean> {
  const conditions = [`table_name = '${unquote(parts[parts.length - 1]!)}'`];
  if (parts.length > 1) conditions.push(`schema_name = '${unquote(parts[parts.length - 2]!)}'`);
  if (parts.length > 2) conditions.push(`database_name = '${unquote(parts[parts.length - 3]!)}'`);
  const exists = await session.query(`SELECT 1 FROM duckdb_tables() WHERE ${conditions.join(' AND ')}`);
  return exists.rows.length > 0;
}

function unquote(part: string): string {
  return part.replace(/^"|"$/g, '').replaceAll('"', '""').replaceAll("'", "''");
}

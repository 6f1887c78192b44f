import type { CatalogConfig } from '../config/schema.js';
import { rowObjects, type Engine, type QueryOptions } from '../engines/engine.js';
import { ConfigError, EngineError, LakeshiftError } from '../errors.js';
import { describeAgentSchedule } from './agent-schedule.js';
import { renderJobDefinition } from './job-definition.js';
import type {
  InventorySource,
  JobSchedule,
  JobStep,
  LegacyObject,
  LegacyObjectKind,
  ObjectDetails,
  ObjectOrigin,
  ObjectReference,
  ReferenceUse,
  SourceContext,
} from './legacy-object.js';
import { nameFilter, type NameFilter } from './name-patterns.js';
import { normaliseNewlines, sqlReferences } from './sql-text.js';
import {
  activityQuery,
  cleared,
  columnsQuery,
  databasesQuery,
  dependenciesQuery,
  flag,
  integer,
  jobSchedulesQuery,
  jobStepsQuery,
  jobsQuery,
  keysQuery,
  modulesQuery,
  quoteName,
  text,
  type CatalogRow,
} from './sqlserver-catalog-queries.js';
import { createTableText, tableColumn, type CatalogColumn, type CatalogKey } from './sqlserver-catalog-tables.js';

/** Rows per batch when streaming definitions: modules can be large, so batches stay small. */
const DEFAULT_BATCH_SIZE = 200;

/** Where an object's text comes from. */
type TextSource = 'module' | 'clr' | 'table' | 'synonym';

interface ObjectType {
  readonly kind: LegacyObjectKind;
  readonly text: TextSource;
  readonly functionType?: NonNullable<ObjectDetails['functionType']>;
}

/** sys.objects.type -> what the inventory makes of it. Other types are not read. */
export const SQL_SERVER_OBJECT_TYPES: Readonly<Record<string, ObjectType>> = {
  P: { kind: 'procedure', text: 'module' },
  PC: { kind: 'procedure', text: 'clr' },
  V: { kind: 'view', text: 'module' },
  FN: { kind: 'function', text: 'module', functionType: 'scalar' },
  IF: { kind: 'function', text: 'module', functionType: 'inline-table' },
  TF: { kind: 'function', text: 'module', functionType: 'multi-statement-table' },
  FS: { kind: 'function', text: 'clr', functionType: 'clr' },
  FT: { kind: 'function', text: 'clr', functionType: 'clr' },
  TR: { kind: 'trigger', text: 'module' },
  TA: { kind: 'trigger', text: 'clr' },
  U: { kind: 'table', text: 'table' },
  SN: { kind: 'synonym', text: 'synonym' },
};

/**
 * How a dependency that the T-SQL front end did not see is used, from the type of the object
 * SQL Server resolved it to: procedures are executed, functions called, the rest read. An
 * unresolved name (another database, or a one-part name resolved per caller) is read.
 */
const USE_BY_REFERENCED_TYPE: Readonly<Record<string, ReferenceUse>> = {
  P: 'executes',
  PC: 'executes',
  X: 'executes',
  RF: 'executes',
  FN: 'calls',
  IF: 'calls',
  TF: 'calls',
  FS: 'calls',
  FT: 'calls',
  AF: 'calls',
};

/** Hints for the SQL Server errors that stop one database (numbers from sys.messages). */
const DATABASE_ERROR_HINTS: Readonly<Record<number, string>> = {
  911: 'check "databases" in lakeshift.yaml',
  916: 'the login has no user in that database: ask for one (CONNECT and VIEW DEFINITION), or take the database out of "databases"',
  942: 'the database is offline',
  208: 'check "databases" in lakeshift.yaml: the database does not exist or is not visible to this login',
  229: 'the login needs VIEW DEFINITION on the database to read its catalog',
  262: 'the login needs VIEW DEFINITION on the database to read its catalog',
  297: 'the login needs VIEW DEFINITION on the database to read its catalog',
  300: 'the login needs VIEW DEFINITION on the database to read its catalog',
};

const ACTIVITY_PERMISSION_ERRORS: ReadonlySet<number> = new Set([297, 300, 229, 262]);

export interface SqlServerCatalogOptions {
  /** Rows per batch when streaming definitions (default 200). */
  readonly batchSize?: number;
}

/** One database to read, as the server knows it. */
interface DatabaseTarget {
  readonly name: string;
  readonly id?: number;
  readonly skip?: string;
}

/** What one database's catalog says about its objects besides their text. */
interface DatabaseMetadata {
  readonly columns: ReadonlyMap<number, readonly CatalogColumn[]>;
  readonly keys: ReadonlyMap<number, readonly CatalogKey[]>;
  readonly dependencies: ReadonlyMap<number, readonly CatalogDependency[]>;
}

interface CatalogDependency {
  /** As the definition wrote it, brackets removed: `dbo.Orders`, `Sales..Customers`. */
  readonly name: string;
  readonly use: ReferenceUse;
}

interface ProcedureActivity {
  readonly executionCount: number;
  readonly lastExecution?: string;
}

/** Per database: object_id -> activity; undefined when activity could not be read. */
type Activity = ReadonlyMap<string, ProcedureActivity> | undefined;

/**
 * A live SQL Server catalog (DESIGN.md section 6): procedures, views, functions, triggers,
 * tables and synonyms of one or more databases, and SQL Agent jobs from msdb, read through the
 * read-only SqlServerEngine of the catalog's connection.
 *
 * Small metadata (columns, keys, dependencies) is read per database into maps; definitions are
 * streamed in batches and objects yielded as they come, by database, schema and name. A server
 * that cannot be reached, or refuses the login, throws (the sync keeps the previous snapshot);
 * a database that cannot be read before any of its objects was yielded, procedure activity and
 * jobs are warnings. A failure after some objects of a database were yielded throws, so that a
 * half-read database is never taken for one whose objects were dropped.
 */
export class SqlServerCatalogSource implements InventorySource {
  readonly origin: ObjectOrigin;
  readonly #catalog: CatalogConfig;
  readonly #engine: Engine;
  readonly #filter: NameFilter;
  readonly #batchSize: number;
  /** Several databases: names and ids carry the database. */
  readonly #qualifyDatabase: boolean;

  constructor(catalog: CatalogConfig, engine: Engine, options: SqlServerCatalogOptions = {}) {
    if (catalog.connection === undefined) {
      throw new ConfigError('CONFIG_INVALID', `catalog ${catalog.name}: a live catalog needs "connection" (this one reads scripts)`);
    }
    if (engine.kind !== 'sqlserver') {
      throw new ConfigError('CONFIG_INVALID', `catalog ${catalog.name}: connection "${catalog.connection}" is ${engine.kind}; a live catalog reads SQL Server`, {
        hint: 'Point the catalog at a connection of kind sqlserver, or export the catalog as scripts and use "scripts".',
      });
    }
    this.origin = { type: 'catalog', name: catalog.name };
    this.#catalog = catalog;
    this.#engine = engine;
    this.#filter = nameFilter(catalog.include, catalog.exclude);
    this.#batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    this.#qualifyDatabase = configuredDatabases(catalog).length > 1;
  }

  async *read(context: SourceContext): AsyncIterable<LegacyObject> {
    const options = queryOptions(context);
    const targets = await this.#targets(options);
    const activity = await this.#activity(targets, context);
    for (const target of targets) {
      this.#checkAborted(context);
      if (target.skip !== undefined) {
        this.#warn(context, `database ${target.name} skipped: ${target.skip}`);
        this.#keepDatabase(target.name, context);
        continue;
      }
      yield* this.#database(target, activity.get(target.name.toLowerCase()), context);
    }
    if (this.#catalog.jobs) {
      this.#checkAborted(context);
      yield* this.#jobs(context);
    }
  }

  // -------------------------------------------------------------------------------------------
  // databases

  /** The databases to read, in name order, with their ids and anything that rules one out. */
  async #targets(options: QueryOptions): Promise<DatabaseTarget[]> {
    const rows = rowObjects(await this.#engine.query(databasesQuery(), options));
    const server = rows.map((row) => ({
      name: text(row, 'name') ?? '',
      id: integer(row, 'database_id'),
      state: text(row, 'state_desc') ?? 'ONLINE',
      access: row['has_access'] === null || row['has_access'] === undefined ? undefined : flag(row, 'has_access'),
      current: flag(row, 'is_current'),
    }));
    const configured = configuredDatabases(this.#catalog);
    if (configured.length === 0) {
      const current = server.find((database) => database.current);
      if (current === undefined) {
        throw new EngineError('QUERY_FAILED', this.#engine.name, `${this.#engine.name}: sys.databases did not show the connection's own database`, {
          hint: `List the databases to read under "databases" of catalog ${this.#catalog.name} in lakeshift.yaml.`,
        });
      }
      configured.push(current.name);
    }
    const targets = configured.map((wanted): DatabaseTarget => {
      // sys.databases spells the name as it exists; collations are mostly case-insensitive.
      const found = server.find((database) => database.name === wanted) ?? server.find((database) => database.name.toLowerCase() === wanted.toLowerCase());
      // Not in sys.databases: perhaps only hidden (no VIEW ANY DATABASE); reading it will tell.
      if (found === undefined) return { name: wanted };
      const skip =
        found.state !== 'ONLINE'
          ? `it is ${found.state} (sys.databases.state_desc)`
          : found.access === false
            ? 'this login cannot enter it (HAS_DBACCESS is 0): it needs a user in that database'
            : undefined;
      return { name: found.name, ...(found.id === undefined ? {} : { id: found.id }), ...(skip === undefined ? {} : { skip }) };
    });
    return targets.sort((a, b) => compareNames(a.name, b.name));
  }

  /**
   * Execution counts and last executions of cached procedure plans, for every database at
   * once. Without VIEW SERVER STATE the server refuses; the inventory goes on without them.
   */
  async #activity(targets: readonly DatabaseTarget[], context: SourceContext): Promise<Map<string, Activity>> {
    const byDatabase = new Map<string, Activity>();
    const readable = targets.filter((target): target is DatabaseTarget & { id: number } => target.id !== undefined && target.skip === undefined);
    if (readable.length === 0) return byDatabase;
    let rows: CatalogRow[];
    try {
      rows = rowObjects(await this.#engine.query(activityQuery(readable.map((target) => target.id)), queryOptions(context)));
    } catch (error) {
      if (!isOptionalReadFailure(error, context)) throw error;
      const number = error.details?.['number'];
      const hint =
        typeof number === 'number' && ACTIVITY_PERMISSION_ERRORS.has(number)
          ? 'grant the login VIEW SERVER STATE (VIEW SERVER PERFORMANCE STATE is enough from SQL Server 2022) to tell live procedures from dead ones'
          : 'procedures are listed without execution counts';
      this.#warn(context, `procedure activity (sys.dm_exec_procedure_stats) not read: ${error.message}; ${hint}`);
      return byDatabase;
    }
    const databaseNames = new Map(readable.map((target) => [target.id, target.name.toLowerCase()]));
    for (const target of readable) byDatabase.set(target.name.toLowerCase(), new Map());
    for (const row of rows) {
      const database = databaseNames.get(integer(row, 'database_id') ?? -1);
      const objectId = integer(row, 'object_id');
      if (database === undefined || objectId === undefined) continue;
      const last = text(row, 'last_execution_time');
      (byDatabase.get(database) as Map<string, ProcedureActivity>).set(String(objectId), {
        executionCount: integer(row, 'execution_count') ?? 0,
        ...(last === undefined ? {} : { lastExecution: last }),
      });
    }
    return byDatabase;
  }

  async *#database(target: DatabaseTarget, activity: Activity, context: SourceContext): AsyncIterable<LegacyObject> {
    let metadata: DatabaseMetadata;
    try {
      metadata = await this.#metadata(target.name, context);
    } catch (error) {
      if (!isServerError(error, context)) throw error;
      this.#databaseFailed(target.name, error, context);
      return;
    }
    const hidden: string[] = [];
    let yielded = 0;
    const stream = this.#engine.stream(modulesQuery(target.name, Object.keys(SQL_SERVER_OBJECT_TYPES)), {
      ...queryOptions(context),
      batchSize: this.#batchSize,
    });
    try {
      for await (const batch of stream) {
        for (const row of rowObjects(batch)) {
          const object = this.#object(target.name, row, metadata, activity, hidden, context);
          if (object === undefined) continue;
          yielded += 1;
          yield object;
        }
      }
    } catch (error) {
      if (yielded > 0 || !isServerError(error, context)) throw error;
      this.#databaseFailed(target.name, error, context);
      return;
    }
    if (hidden.length > 0) {
      const shown = hidden.slice(0, 5).join(', ');
      const more = hidden.length > 5 ? ` and ${hidden.length - 5} more` : '';
      this.#warn(
        context,
        `${hidden.length} definition(s) in database ${target.name} are not visible to this login (${shown}${more}): they are listed with a placeholder; grant VIEW DEFINITION on the database to read them`,
      );
    }
  }

  async #metadata(database: string, context: SourceContext): Promise<DatabaseMetadata> {
    const options = queryOptions(context);
    const [columns, keys, dependencies] = await Promise.all([
      this.#engine.query(columnsQuery(database), options),
      this.#engine.query(keysQuery(database), options),
      this.#engine.query(dependenciesQuery(database), options),
    ]);
    return { columns: columnMap(rowObjects(columns)), keys: keyMap(rowObjects(keys)), dependencies: dependencyMap(rowObjects(dependencies)) };
  }

  #databaseFailed(database: string, error: EngineError, context: SourceContext): void {
    const number = error.details?.['number'];
    const hint = typeof number === 'number' ? DATABASE_ERROR_HINTS[number] : undefined;
    this.#warn(context, `database ${database} not read: ${error.message}${hint === undefined ? '' : `; ${hint}`}`);
    this.#keepDatabase(database, context);
  }

  /** A database that could not be read keeps its objects of the previous snapshot. */
  #keepDatabase(database: string, context: SourceContext): void {
    context.keepPrevious?.({
      namePrefix: this.#qualifyDatabase ? `${database}.` : '',
      kinds: ['procedure', 'view', 'function', 'trigger', 'table', 'synonym'],
    });
  }

  // -------------------------------------------------------------------------------------------
  // objects

  #object(
    database: string,
    row: CatalogRow,
    metadata: DatabaseMetadata,
    activity: Activity,
    hidden: string[],
    context: SourceContext,
  ): LegacyObject | undefined {
    const type = SQL_SERVER_OBJECT_TYPES[text(row, 'object_type') ?? ''];
    const schema = text(row, 'schema_name');
    const objectName = text(row, 'object_name');
    const objectId = integer(row, 'object_id');
    if (type === undefined || schema === undefined || objectName === undefined || objectId === undefined) return undefined;
    const name = this.#qualifyDatabase ? `${database}.${schema}.${objectName}` : `${schema}.${objectName}`;
    if (!this.#filter.matches(name)) return undefined;

    const dependencies = metadata.dependencies.get(objectId) ?? [];
    const created = text(row, 'create_date');
    const modified = text(row, 'modify_date');
    const stats = type.kind === 'procedure' && activity !== undefined ? (activity.get(String(objectId)) ?? { executionCount: 0 }) : undefined;
    const common: ObjectDetails = {
      ...(type.functionType === undefined ? {} : { functionType: type.functionType }),
      ...(created === undefined ? {} : { created }),
      ...(modified === undefined ? {} : { modified }),
      ...(stats === undefined ? {} : { executionCount: stats.executionCount }),
      ...(stats?.lastExecution === undefined ? {} : { lastExecution: stats.lastExecution }),
    };
    const object = (definition: string, references: readonly ObjectReference[], details: ObjectDetails = common): LegacyObject => ({
      id: `catalog:${this.#catalog.name}/${name}`,
      kind: type.kind,
      origin: this.origin,
      name,
      definition,
      references: withoutSelf(references, [name, `${schema}.${objectName}`, `${database}.${schema}.${objectName}`]),
      details,
    });

    switch (type.text) {
      case 'module': {
        const definition = text(row, 'definition');
        if (definition !== undefined) {
          const normalised = withCreationSettings(normaliseNewlines(definition), row);
          return object(normalised, mergeReferences(this.#parse(name, normalised, context), dependencies));
        }
        if (flag(row, 'is_encrypted')) {
          context.warn({
            code: 'ENCRYPTED_MODULE',
            message: `catalog ${this.#catalog.name}: ${name} is encrypted (WITH ENCRYPTION): listed without its definition; its references come from sys.sql_expression_dependencies`,
            origin: this.origin,
          });
          return object(`-- lakeshift: ${name} is encrypted (WITH ENCRYPTION); SQL Server does not give out its definition`, mergeReferences([], dependencies), {
            ...common,
            encrypted: true,
          });
        }
        hidden.push(name);
        return object(`-- lakeshift: the definition of ${name} is not visible to this login (it needs VIEW DEFINITION)`, mergeReferences([], dependencies));
      }
      case 'clr': {
        const assembly = text(row, 'assembly_name');
        const where = assembly === undefined ? 'a CLR assembly' : `assembly ${assembly} (${text(row, 'assembly_class') ?? '?'}.${text(row, 'assembly_method') ?? '?'})`;
        return object(`-- lakeshift: ${name} is a CLR ${type.kind}: its code is in ${where}, not in T-SQL`, []);
      }
      case 'table': {
        const columns = metadata.columns.get(objectId) ?? [];
        const keys = metadata.keys.get(objectId) ?? [];
        const primaryKey = keys.find((key) => key.type === 'PRIMARY KEY')?.columns.map((column) => column.name);
        return object(createTableText(schema, objectName, columns, keys), mergeReferences([], dependencies), {
          ...common,
          columns: columns.map(tableColumn),
          ...(primaryKey === undefined ? {} : { primaryKey }),
        });
      }
      case 'synonym': {
        const base = text(row, 'base_object_name') ?? '';
        const target = splitQuotedName(base).join('.');
        return object(`CREATE SYNONYM ${quoteName(schema)}.${quoteName(objectName)} FOR ${base};`, target === '' ? [] : [{ name: target, use: 'reads' }], {
          ...common,
          ...(target === '' ? {} : { synonymFor: target }),
        });
      }
      default:
        return assertNever(type.text);
    }
  }

  /** What the T-SQL front end finds in a definition; a front-end failure is a warning. */
  #parse(name: string, definition: string, context: SourceContext): ObjectReference[] {
    try {
      return sqlReferences(definition);
    } catch (error) {
      context.warn({
        code: 'PARSE_PROBLEM',
        message: `catalog ${this.#catalog.name}: ${name}: the T-SQL front end failed (${error instanceof Error ? error.message : String(error)}); its references come from sys.sql_expression_dependencies only`,
        origin: this.origin,
      });
      return [];
    }
  }

  // -------------------------------------------------------------------------------------------
  // SQL Agent jobs

  async *#jobs(context: SourceContext): AsyncIterable<LegacyObject> {
    const options = queryOptions(context);
    let jobRows: CatalogRow[];
    let stepRows: CatalogRow[];
    let scheduleRows: CatalogRow[];
    try {
      const [jobs, steps, schedules] = await Promise.all([
        this.#engine.query(jobsQuery(), options),
        this.#engine.query(jobStepsQuery(), options),
        this.#engine.query(jobSchedulesQuery(), options),
      ]);
      [jobRows, stepRows, scheduleRows] = [rowObjects(jobs), rowObjects(steps), rowObjects(schedules)];
    } catch (error) {
      if (!isOptionalReadFailure(error, context)) throw error;
      this.#warn(
        context,
        `SQL Agent jobs not read from msdb: ${error.message}; give the login a user in msdb in SQLAgentReaderRole or db_datareader (it reads dbo.sysjobs, dbo.sysjobsteps, dbo.sysschedules and dbo.sysjobschedules)`,
      );
      context.keepPrevious?.({ namePrefix: '', kinds: ['job'] });
      return;
    }
    const steps = groupBy(stepRows, (row) => text(row, 'job_id') ?? '');
    const schedules = groupBy(scheduleRows, (row) => text(row, 'job_id') ?? '');
    const jobs = jobRows
      .map((row) => ({ row, name: text(row, 'name') ?? '' }))
      .filter((job) => job.name !== '')
      .sort((a, b) => compareNames(a.name, b.name));
    for (const { row, name } of jobs) {
      const jobId = text(row, 'job_id') ?? '';
      const jobSteps = (steps.get(jobId) ?? []).map((step) => this.#jobStep(name, step, context)).sort((a, b) => a.id - b.id);
      const jobSchedules = (schedules.get(jobId) ?? [])
        .map((schedule) => ({ id: integer(schedule, 'schedule_id') ?? 0, schedule: jobSchedule(schedule) }))
        .sort((a, b) => compareNames(a.schedule.name, b.schedule.name) || a.id - b.id)
        .map(({ schedule }) => schedule);
      const description = text(row, 'description');
      const job = {
        enabled: flag(row, 'enabled'),
        ...(description === undefined || description === '' ? {} : { description }),
        steps: jobSteps,
        schedules: jobSchedules,
      };
      const created = text(row, 'date_created');
      const modified = text(row, 'date_modified');
      yield {
        id: `job:${this.#catalog.name}/${name}`,
        kind: 'job',
        origin: this.origin,
        name,
        definition: renderJobDefinition(name, job),
        references: [...new Set(jobSteps.flatMap((step) => step.executes))].map((procedure) => ({ name: procedure, use: 'executes' as const })),
        details: { job, ...(created === undefined ? {} : { created }), ...(modified === undefined ? {} : { modified }) },
      };
    }
  }

  #jobStep(job: string, row: CatalogRow, context: SourceContext): JobStep {
    // msdb spells subsystems "TSQL", "CmdExec", "PowerShell"; scripted jobs are read upper case.
    const subsystem = (text(row, 'subsystem') ?? '').toUpperCase();
    const database = text(row, 'database_name');
    const command = normaliseNewlines(text(row, 'command') ?? '');
    const id = integer(row, 'step_id') ?? 0;
    const executes =
      subsystem === 'TSQL'
        ? this.#parse(`job ${job}, step ${id}`, command, context)
            .filter((reference) => reference.use === 'executes')
            .map((reference) => reference.name)
        : [];
    return { id, name: text(row, 'step_name') ?? '', subsystem, ...(database === undefined ? {} : { database }), command, executes };
  }

  // -------------------------------------------------------------------------------------------

  #warn(context: SourceContext, message: string): void {
    context.warn({ code: 'SOURCE_FAILED', message: `catalog ${this.#catalog.name}: ${message}`, origin: this.origin });
  }

  #checkAborted(context: SourceContext): void {
    if (context.signal?.aborted === true) throw new LakeshiftError('INTERRUPTED', `catalog ${this.#catalog.name}: stopped`);
  }
}

// ---------------------------------------------------------------------------------------------
// helpers

/** The databases named in the catalog, each once (SQL Server compares names without case). */
function configuredDatabases(catalog: CatalogConfig): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of catalog.databases ?? []) {
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

function queryOptions(context: SourceContext): QueryOptions {
  return context.signal === undefined ? {} : { signal: context.signal };
}

/**
 * An error the server raised for a statement (it carries SQL Server's error number): the
 * server is there and answering, so the catalog goes on without what that statement read.
 * Connection, login and timeout failures, and a cancelled read, are not.
 */
function isServerError(error: unknown, context: SourceContext): error is EngineError {
  return (
    error instanceof EngineError &&
    error.code === 'QUERY_FAILED' &&
    typeof error.details?.['number'] === 'number' &&
    context.signal?.aborted !== true
  );
}

/**
 * A read the catalog can do without (procedure activity, jobs): a server error, or a timeout
 * (sys.dm_exec_procedure_stats scans the whole plan cache), is a warning.
 */
function isOptionalReadFailure(error: unknown, context: SourceContext): error is EngineError {
  return isServerError(error, context) || (error instanceof EngineError && error.code === 'QUERY_TIMEOUT' && context.signal?.aborted !== true);
}

/** Code-point order, as the catalog query's COLLATE Latin1_General_BIN2 sorts. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function columnMap(rows: readonly CatalogRow[]): Map<number, CatalogColumn[]> {
  const columns = new Map<number, CatalogColumn[]>();
  for (const row of rows) {
    const objectId = integer(row, 'object_id');
    if (objectId === undefined) continue;
    const seed = text(row, 'identity_seed');
    const computed = text(row, 'computed_definition');
    const defaultDefinition = text(row, 'default_definition');
    const defaultName = flag(row, 'default_is_system_named') ? undefined : text(row, 'default_name');
    const column: CatalogColumn = {
      name: text(row, 'column_name') ?? '',
      typeName: text(row, 'type_name') ?? '',
      typeSchema: text(row, 'type_schema') ?? 'sys',
      userDefinedType: flag(row, 'is_user_defined'),
      maxLength: integer(row, 'max_length') ?? 0,
      precision: integer(row, 'precision') ?? 0,
      scale: integer(row, 'scale') ?? 0,
      nullable: flag(row, 'is_nullable'),
      ...(flag(row, 'is_identity') ? { identity: { seed: seed ?? '1', increment: text(row, 'identity_increment') ?? '1' } } : {}),
      ...(computed === undefined ? {} : { computed: { definition: computed, persisted: flag(row, 'is_persisted') } }),
      ...(defaultDefinition === undefined ? {} : { default: { definition: defaultDefinition, ...(defaultName === undefined ? {} : { name: defaultName }) } }),
    };
    const list = columns.get(objectId);
    if (list === undefined) columns.set(objectId, [column]);
    else list.push(column);
  }
  return columns;
}

function keyMap(rows: readonly CatalogRow[]): Map<number, CatalogKey[]> {
  const drafts = new Map<string, { objectId: number; key: CatalogKey & { columns: Array<{ name: string; descending: boolean; ordinal: number }> } }>();
  for (const row of rows) {
    const objectId = integer(row, 'object_id');
    const constraint = text(row, 'constraint_name');
    if (objectId === undefined || constraint === undefined) continue;
    const id = `${objectId}\u0000${constraint}`;
    let draft = drafts.get(id);
    if (draft === undefined) {
      draft = {
        objectId,
        key: {
          type: text(row, 'constraint_type') === 'PK' ? 'PRIMARY KEY' : 'UNIQUE',
          ...(flag(row, 'is_system_named') ? {} : { name: constraint }),
          clustered: text(row, 'index_type') === 'CLUSTERED',
          columns: [],
        },
      };
      drafts.set(id, draft);
    }
    draft.key.columns.push({ name: text(row, 'column_name') ?? '', descending: flag(row, 'is_descending_key'), ordinal: integer(row, 'key_ordinal') ?? 0 });
  }
  const keys = new Map<number, CatalogKey[]>();
  // The primary key first, then unique constraints by name; system names sort by their text.
  const sorted = [...drafts.entries()].sort(([a, x], [b, y]) => (x.key.type === y.key.type ? compareNames(a, b) : x.key.type === 'PRIMARY KEY' ? -1 : 1));
  for (const [, { objectId, key }] of sorted) {
    const columns = [...key.columns].sort((a, b) => a.ordinal - b.ordinal).map(({ name, descending }) => ({ name, descending }));
    const list = keys.get(objectId) ?? [];
    list.push({ ...key, columns });
    keys.set(objectId, list);
  }
  return keys;
}

function dependencyMap(rows: readonly CatalogRow[]): Map<number, CatalogDependency[]> {
  const dependencies = new Map<number, CatalogDependency[]>();
  for (const row of rows) {
    const referencing = integer(row, 'referencing_id');
    const entity = text(row, 'referenced_entity_name');
    if (referencing === undefined || entity === undefined) continue;
    const name = writtenName(text(row, 'referenced_server_name'), text(row, 'referenced_database_name'), text(row, 'referenced_schema_name'), entity);
    const use = USE_BY_REFERENCED_TYPE[text(row, 'referenced_type') ?? ''] ?? 'reads';
    const list = dependencies.get(referencing);
    if (list === undefined) dependencies.set(referencing, [{ name, use }]);
    else list.push({ name, use });
  }
  return dependencies;
}

/**
 * A module keeps the ANSI_NULLS and QUOTED_IDENTIFIER settings it was created with
 * (sys.sql_modules records them) and runs with them whatever the caller's session says. Where
 * one was OFF, the definition is written after a SET batch that says so, as SSMS scripts a
 * module: the translation then reads "text" as a string and flags `= NULL`, as SQL Server did.
 */
function withCreationSettings(definition: string, row: CatalogRow): string {
  const off = [
    ['uses_ansi_nulls', 'ANSI_NULLS'],
    ['uses_quoted_identifier', 'QUOTED_IDENTIFIER'],
  ].flatMap(([column, option]) => (cleared(row, column!) ? [`SET ${option} OFF\nGO\n`] : []));
  return off.join('') + definition;
}

/**
 * A referenced name as the definition wrote it: the parts it gave, an empty part for one it
 * skipped (`Sales..Customers`), as the T-SQL front end reports names.
 */
function writtenName(server: string | undefined, database: string | undefined, schema: string | undefined, entity: string): string {
  const parts = [server, database, schema];
  const first = parts.findIndex((part) => part !== undefined);
  if (first === -1) return entity;
  return [...parts.slice(first).map((part) => part ?? ''), entity].join('.');
}

/**
 * The front end's references (exact uses) and the catalog's dependencies it did not see (their
 * use inferred from what they are), each name and use once, sorted as fromTsqlReferences sorts.
 */
export function mergeReferences(parsed: readonly ObjectReference[], dependencies: readonly CatalogDependency[]): ObjectReference[] {
  const seenNames = new Set(parsed.map((reference) => reference.name.toLowerCase()));
  const keys = new Set(parsed.map((reference) => `${reference.use}:${reference.name.toLowerCase()}`));
  const merged = [...parsed];
  for (const dependency of dependencies) {
    if (seenNames.has(dependency.name.toLowerCase())) continue;
    const key = `${dependency.use}:${dependency.name.toLowerCase()}`;
    if (keys.has(key)) continue;
    keys.add(key);
    merged.push({ name: dependency.name, use: dependency.use });
  }
  return merged.sort((a, b) => a.use.localeCompare(b.use) || a.name.localeCompare(b.name));
}

/** An object's own name is not a dependency (a procedure that runs itself). */
function withoutSelf(references: readonly ObjectReference[], own: readonly string[]): ObjectReference[] {
  const names = new Set(own.map((name) => name.toLowerCase()));
  return references.filter((reference) => !names.has(reference.name.toLowerCase()));
}

/** `[Sales].[dbo].[Orders]` or `Sales.dbo.Orders` -> its parts, brackets and quotes removed. */
export function splitQuotedName(name: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < name.length; index++) {
    const char = name[index]!;
    const close = char === '[' ? ']' : char === '"' ? '"' : undefined;
    if (close !== undefined) {
      for (index += 1; index < name.length; index++) {
        if (name[index] === close) {
          if (name[index + 1] !== close) break;
          index += 1;
        }
        current += name[index]!;
      }
    } else if (char === '.') {
      parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current.trim());
  return parts.length === 1 && parts[0] === '' ? [] : parts;
}

function jobSchedule(row: CatalogRow): JobSchedule {
  const field = (column: string) => integer(row, column);
  const optional = (key: string, value: number | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    name: text(row, 'schedule_name') ?? '',
    enabled: flag(row, 'enabled'),
    description: describeAgentSchedule({
      freqType: field('freq_type') ?? 0,
      ...optional('freqInterval', field('freq_interval')),
      ...optional('freqSubdayType', field('freq_subday_type')),
      ...optional('freqSubdayInterval', field('freq_subday_interval')),
      ...optional('freqRelativeInterval', field('freq_relative_interval')),
      ...optional('freqRecurrenceFactor', field('freq_recurrence_factor')),
      ...optional('activeStartTime', field('active_start_time')),
      ...optional('activeEndTime', field('active_end_time')),
      ...optional('activeStartDate', field('active_start_date')),
    }),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}

function assertNever(value: never): never {
  throw new Error(`unhandled object text source: ${String(value)}`);
}

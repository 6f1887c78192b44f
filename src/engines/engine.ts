import type { EngineKind } from '../config/schema.js';
import type { Reporter } from '../reporter.js';

/**
 * A value as every engine hands it to the rest of lakeshift, whatever its driver returned:
 * - integers up to 32 bits and floating point numbers: number;
 * - 64- and 128-bit integers: bigint (drivers disagree: tedious gives strings, DuckDB bigints);
 * - decimals: their exact text ("1234.50"), never a float that has lost digits;
 * - dates "YYYY-MM-DD", times "HH:MM:SS[.f...]" and timestamps "YYYY-MM-DD HH:MM:SS[.f...]" with
 *   as many fraction digits as the engine keeps (up to 7 on SQL Server), trailing zeros
 *   dropped; "+HH:MM" when the type carries an offset;
 * - uuids in lower case; binary as bytes; anything nested as its text.
 */
export type Value = null | boolean | number | bigint | string | Uint8Array;

export type TypeFamily =
  | 'boolean'
  | 'integer'
  | 'decimal'
  | 'float'
  | 'string'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'timestamptz'
  | 'binary'
  | 'uuid'
  | 'other';

export interface Column {
  readonly name: string;
  /** The engine's own type name, e.g. "DECIMAL(10,2)", "nvarchar", "TIMESTAMP". */
  readonly type: string;
  readonly family: TypeFamily;
}

export type Row = readonly Value[];

/** A slice of a result: the columns and some rows, in column order. */
export interface RowBatch {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

export type QueryResult = RowBatch;

export interface QueryOptions {
  /** Overrides the connection's statement timeout, in milliseconds. */
  readonly timeoutMs?: number;
  /** Cancels the statement (Ctrl-C). */
  readonly signal?: AbortSignal;
}

export interface StreamOptions extends QueryOptions {
  /** Rows per yielded batch (a hint; the last batch may be smaller). */
  readonly batchSize?: number;
}

/**
 * What an engine can do. Core code asks these, never which engine it has.
 */
export interface EngineCapabilities {
  /** Refuses anything but reads (SELECT/WITH). */
  readonly readOnly: boolean;
  /** Runs SQL scripting (BEGIN ... END compound statements with variables and control flow). */
  readonly scripting: boolean;
  /** Runs several statements separated by ";" in one call. */
  readonly multiStatement: boolean;
  /** Lives in this process: cheap to connect, no network. */
  readonly embedded: boolean;
  /** Offers sessions: one connection whose state (temporary tables) lasts from statement to statement. */
  readonly sessions: boolean;
}

/**
 * One connection kept open: temporary tables and session settings made by one statement are
 * there for the next. The rehearsal runs a translated procedure in one.
 */
export interface EngineSession {
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
  execute(sql: string, options?: QueryOptions): Promise<void>;
  close(): Promise<void>;
}

/** What a successful ping learned about the server. */
export interface EngineInfo {
  readonly product: string;
  readonly version: string;
  /** Where it is, without credentials: "host:port/database", a file path, ... */
  readonly target: string;
  readonly details?: Readonly<Record<string, string>>;
}

/**
 * One connection from lakeshift.yaml. Engines connect lazily on first use and are safe to
 * use from several concurrent callers; `close()` releases everything and is idempotent.
 * Errors are EngineErrors (CONNECTION_FAILED, CONNECTION_TIMEOUT, AUTH_FAILED, QUERY_FAILED,
 * QUERY_TIMEOUT, READ_ONLY_VIOLATION) that name the connection and hold no secret.
 */
export interface Engine {
  /** The connection's name in lakeshift.yaml. */
  readonly name: string;
  readonly kind: EngineKind;
  readonly capabilities: EngineCapabilities;
  /** Connects if needed and asks the server who it is. */
  ping(options?: QueryOptions): Promise<EngineInfo>;
  /** Runs a query whose result is small enough to hold (counts, samples, catalog rows). */
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
  /** Runs a query and yields its rows batch by batch, never holding the whole result. */
  stream(sql: string, options?: StreamOptions): AsyncIterable<RowBatch>;
  /** Runs a statement for its effect (DDL, DML). Refused by read-only engines. */
  execute(sql: string, options?: QueryOptions): Promise<void>;
  /** A session, where `capabilities.sessions` says the engine has them. */
  openSession?(): Promise<EngineSession>;
  close(): Promise<void>;
}

export interface EngineContext {
  /** The folder of lakeshift.yaml; relative paths in a connection resolve against it. */
  readonly baseDir: string;
  readonly reporter: Reporter;
  /**
   * What an engine running inside this process may use when its connection does not say:
   * the work it does counts against lakeshift's own memory. Engines that run elsewhere
   * ignore it.
   */
  readonly budget?: ResourceBudget;
}

export interface ResourceBudget {
  /** As the engine spells it, e.g. "100MB". */
  readonly memoryLimit?: string;
  readonly threads?: number;
}

/** Rows as objects keyed by column name, for callers that prefer them (catalog reads, tests). */
export function rowObjects(result: RowBatch): Array<Record<string, Value>> {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((column, index) => [column.name, row[index] ?? null])));
}

/** Collects a stream into one result; only for results known to be small. */
export async function collect(batches: AsyncIterable<RowBatch>): Promise<QueryResult> {
  let columns: readonly Column[] = [];
  const rows: Row[] = [];
  for await (const batch of batches) {
    columns = batch.columns;
    rows.push(...batch.rows);
  }
  return { columns, rows };
}

/** A count or other integer result as a JS number (counts never exceed 2^53 in practice). */
export function toNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new TypeError(`not a number: ${String(value)}`);
}

/** A statement shortened to one line, for error details. */
export function abbreviateSql(sql: string, length = 200): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

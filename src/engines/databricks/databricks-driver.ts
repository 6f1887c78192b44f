import type { ConnectionOptions } from '@databricks/sql/dist/contracts/IDBSQLClient.js';
import type { DatabricksTableSchema } from './databricks-values.js';

export type DatabricksConnectionOptions = ConnectionOptions;

/**
 * The logger @databricks/sql takes (dist/contracts/IDBSQLLogger.d.ts): without one the client
 * builds a winston console logger (dist/DBSQLLogger.js) that writes to the terminal.
 */
export interface DatabricksLogger {
  log(level: string, message: string): void;
}

/**
 * The part of @databricks/sql that DatabricksEngine uses, so tests can hand it a fake. The
 * real one is DBSQLClient (dist/DBSQLClient.js), DBSQLSession and DBSQLOperation.
 */
export interface DatabricksDriver {
  createClient(options: { readonly logger: DatabricksLogger }): DatabricksClient;
}

export interface DatabricksClient {
  connect(options: DatabricksConnectionOptions): Promise<unknown>;
  openSession(request?: { initialCatalog?: string; initialSchema?: string }): Promise<DatabricksSession>;
  close(): Promise<unknown>;
}

export interface DatabricksSession {
  /** `queryTimeout` is in seconds (server side); `maxRows` caps the rows sent with the first answer. */
  executeStatement(statement: string, options?: { queryTimeout?: number; maxRows?: number | null }): Promise<DatabricksOperation>;
  close(): Promise<unknown>;
}

export interface DatabricksOperation {
  /** Waits for the statement to finish; null when it has no result set. */
  getSchema(): Promise<DatabricksTableSchema | null>;
  /** The next rows, as objects keyed by column name; may be empty while more follow. */
  fetchChunk(options?: { maxRows?: number }): Promise<object[]>;
  hasMoreRows(): Promise<boolean>;
  finished(): Promise<void>;
  cancel(): Promise<unknown>;
  close(): Promise<unknown>;
}

/**
 * @databricks/sql itself (a CommonJS module: its ESM face is the default export), loaded when
 * the client is first used: most runs never talk to Databricks and need not pay for loading it.
 */
export const databricksSqlDriver: DatabricksDriver = {
  createClient({ logger }) {
    // Telemetry is also switched off per client (telemetryEnabled: false when connecting);
    // the driver's own kill switch covers it before connect() reads that option.
    process.env['DATABRICKS_TELEMETRY_DISABLED'] ??= '1';
    let loading: Promise<DatabricksClient> | undefined;
    const client = (): Promise<DatabricksClient> => (loading ??= newDatabricksClient(logger));
    return {
      connect: async (options) => (await client()).connect(options),
      openSession: async (request) => (await client()).openSession(request),
      close: async () => (loading === undefined ? undefined : (await client()).close()),
    };
  },
};

/** A real DBSQLClient with lakeshift's logger (and telemetry kill switch set). */
export async function newDatabricksClient(logger: DatabricksLogger): Promise<DatabricksClient> {
  process.env['DATABRICKS_TELEMETRY_DISABLED'] ??= '1';
  const { default: driver } = await import('@databricks/sql');
  return new driver.DBSQLClient({ logger }) as unknown as DatabricksClient;
}

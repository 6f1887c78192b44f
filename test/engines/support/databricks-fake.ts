import { createRequire } from 'node:module';
import type {
  DatabricksClient,
  DatabricksConnectionOptions,
  DatabricksDriver,
  DatabricksLogger,
  DatabricksOperation,
  DatabricksSession,
} from '../../../src/engines/databricks/databricks-driver.js';
import type { DatabricksTableSchema } from '../../../src/engines/databricks/databricks-values.js';

/**
 * Real @databricks/sql 2.0.0 operations, built offline. A DBSQLOperation
 * (dist/DBSQLOperation.js) over a ThriftOperationBackend (dist/thrift-backend/
 * ThriftOperationBackend.js) is given a server's answer as thrift structures: the operation
 * status, the result set metadata (TTableSchema and the Arrow schema), and the row sets
 * (Arrow IPC batches, or thrift columns). Everything between those and the rows the engine
 * receives is the driver's own code: RowSetProvider, ArrowResultHandler, ArrowResultConverter,
 * JsonResultHandler, ResultSlicer, the status polling, cancel and close. Only the thrift
 * transport (the HiveDriver the backend calls for FetchResults, GetOperationStatus,
 * CancelOperation, CloseOperation) is played here.
 */

const require = createRequire(import.meta.url);
export const arrow = require('apache-arrow') as typeof import('apache-arrow');
const Int64 = require('node-int64') as new (value: number) => unknown;
const DBSQLOperation = require('@databricks/sql/dist/DBSQLOperation.js').default as new (options: object) => DatabricksOperation;
const ThriftOperationBackend = require('@databricks/sql/dist/thrift-backend/ThriftOperationBackend.js').default as new (options: object) => object;
const DBSQLClient = require('@databricks/sql/dist/DBSQLClient.js').default as { getDefaultConfig(): Record<string, unknown> };
export const thriftTypes = require('@databricks/sql/thrift/TCLIService_types.js') as {
  TTypeId: Record<string, number>;
  TOperationState: Record<string, number>;
  TSparkRowSetType: Record<string, number>;
  TStatusCode: Record<string, number>;
};

const OK = { statusCode: 0 };
const { TOperationState, TSparkRowSetType } = thriftTypes;

/** A TColumnDesc as Databricks reports it (see the driver's tests/fixtures/compatibility/thrift_schema.ts). */
export function columnDesc(name: string, type: keyof typeof TYPE_IDS, position: number, decimal?: { precision: number; scale: number }) {
  return {
    columnName: name,
    position,
    typeDesc: {
      types: [
        {
          primitiveEntry: {
            type: TYPE_IDS[type],
            ...(decimal === undefined
              ? {}
              : { typeQualifiers: { qualifiers: { precision: { i32Value: decimal.precision }, scale: { i32Value: decimal.scale } } } }),
          },
        },
      ],
    },
  };
}

const TYPE_IDS = {
  BOOLEAN: 0,
  TINYINT: 1,
  SMALLINT: 2,
  INT: 3,
  BIGINT: 4,
  FLOAT: 5,
  DOUBLE: 6,
  STRING: 7,
  TIMESTAMP: 8,
  BINARY: 9,
  ARRAY: 10,
  MAP: 11,
  STRUCT: 12,
  DECIMAL: 15,
  VOID: 16,
  DATE: 17,
} as const;

/**
 * An Arrow IPC stream cut the way Databricks sends it: the schema message
 * (TGetResultSetMetadataResp.arrowSchema) and the record batch messages (TSparkArrowBatch.batch).
 */
export function arrowPayload(table: InstanceType<typeof arrow.Table>): { arrowSchema: Buffer; batches: Array<{ batch: Buffer; rowCount: number }> } {
  const EOS = 8;
  const schemaOnly = arrow.RecordBatchStreamWriter.writeAll(new arrow.Table(table.schema)).toUint8Array(true);
  const schemaLength = schemaOnly.length - EOS;
  const batches = table.batches.map((batch) => {
    const stream = arrow.RecordBatchStreamWriter.writeAll(new arrow.Table([batch])).toUint8Array(true);
    return { batch: Buffer.from(stream.subarray(schemaLength, stream.length - EOS)), rowCount: batch.numRows };
  });
  return { arrowSchema: Buffer.from(schemaOnly.subarray(0, schemaLength)), batches };
}

/** One page of results, as FetchResults (or the direct results of ExecuteStatement) carries it. */
export type ResultPage =
  | { readonly kind: 'arrow'; readonly batches: ReadonlyArray<{ batch: Buffer; rowCount: number }> }
  | { readonly kind: 'columns'; readonly columns: readonly object[] };

export interface FakeStatement {
  readonly schema?: DatabricksTableSchema;
  readonly arrowSchema?: Buffer;
  readonly format?: 'arrow' | 'columns';
  readonly pages?: readonly ResultPage[];
  /** Polls of GetOperationStatus answered RUNNING before the statement finishes. */
  readonly runningPolls?: number;
  /** The statement fails on the server (GetOperationStatus ERROR_STATE). */
  readonly failure?: { readonly displayMessage: string; readonly sqlState?: string; readonly errorMessage?: string; readonly state?: 'ERROR' | 'TIMEDOUT' };
  /** GetOperationStatus never answers. */
  readonly hang?: boolean;
  /** FetchResults never answers after this many pages. */
  readonly hangAfterPages?: number;
}

/** What the fake thrift transport was asked. */
export interface TransportLog {
  fetches: number;
  statusPolls: number;
  cancels: number;
  closes: number;
  fetchMaxRows: number[];
}

const never = () => new Promise<never>(() => {});

function rowSet(page: ResultPage | undefined): object {
  if (page === undefined) return { startRowOffset: new Int64(0), rows: [] };
  if (page.kind === 'arrow') {
    return { startRowOffset: new Int64(0), rows: [], arrowBatches: page.batches.map(({ batch, rowCount }) => ({ batch, rowCount: new Int64(rowCount) })) };
  }
  return { startRowOffset: new Int64(0), rows: [], columns: page.columns };
}

/** A real DBSQLOperation for a statement, with the driver's config (preserveBigNumericPrecision as the engine sets it). */
export function realOperation(statement: FakeStatement, log: TransportLog, config: Record<string, unknown> = {}): DatabricksOperation {
  const pages = [...(statement.pages ?? [])];
  const metadata = {
    status: OK,
    schema: statement.schema,
    resultFormat: statement.format === 'columns' ? TSparkRowSetType['COLUMN_BASED_SET'] : TSparkRowSetType['ARROW_BASED_SET'],
    ...(statement.arrowSchema === undefined ? {} : { arrowSchema: statement.arrowSchema }),
    lz4Compressed: false,
  };
  let polls = 0;
  const finalStatus = () =>
    statement.failure === undefined
      ? { status: OK, operationState: TOperationState['FINISHED_STATE'], hasResultSet: statement.schema !== undefined }
      : {
          status: OK,
          operationState: statement.failure.state === 'TIMEDOUT' ? TOperationState['TIMEDOUT_STATE'] : TOperationState['ERROR_STATE'],
          displayMessage: statement.failure.displayMessage,
          errorMessage: statement.failure.errorMessage ?? `org.apache.hive.service.cli.HiveSQLException: ${statement.failure.displayMessage}\n\tat org.apache.spark...`,
          sqlState: statement.failure.sqlState,
          errorCode: 0,
        };
  let fetched = 0;
  const transport = {
    async getOperationStatus() {
      log.statusPolls += 1;
      if (statement.hang === true) return never();
      polls += 1;
      if (polls <= (statement.runningPolls ?? 0)) return { status: OK, operationState: TOperationState['RUNNING_STATE'] };
      return finalStatus();
    },
    async getResultSetMetadata() {
      return metadata;
    },
    async fetchResults(request: { maxRows: { toNumber(): number } }) {
      log.fetches += 1;
      log.fetchMaxRows.push(request.maxRows.toNumber());
      if (statement.hangAfterPages !== undefined && fetched >= statement.hangAfterPages) return never();
      fetched += 1;
      const page = pages.shift();
      return { status: OK, hasMoreRows: pages.length > 0, results: rowSet(page) };
    },
    async cancelOperation() {
      log.cancels += 1;
      return { status: OK };
    },
    async closeOperation() {
      log.closes += 1;
      return { status: OK };
    },
  };
  const context = {
    getConfig: () => ({ ...DBSQLClient.getDefaultConfig(), preserveBigNumericPrecision: true, ...config }),
    getLogger: () => ({ log() {} }),
    getDriver: async () => transport,
  };
  const handle = { operationId: { guid: Buffer.from('0123456789ab4cde8f0123456789abcd', 'hex'), secret: Buffer.alloc(16) }, operationType: 0, hasResultSet: statement.schema !== undefined };
  const backend = new ThriftOperationBackend({ handle, context });
  return new DBSQLOperation({ backend, context });
}

/** A DatabricksDriver whose sessions answer statements with real DBSQLOperations. */
export class FakeDatabricksDriver implements DatabricksDriver {
  readonly log: TransportLog = { fetches: 0, statusPolls: 0, cancels: 0, closes: 0, fetchMaxRows: [] };
  readonly connectOptions: DatabricksConnectionOptions[] = [];
  readonly sessionRequests: Array<object | undefined> = [];
  readonly statements: Array<{ sql: string; options: object | undefined }> = [];
  loggers: DatabricksLogger[] = [];
  clients = 0;
  clientCloses = 0;
  sessionCloses = 0;
  /** Replaces the connect step (a failure, a hang). */
  connectWith: (() => Promise<void>) | undefined;
  /** Replaces executeStatement (a failure, a hang). */
  executeWith: ((sql: string) => Promise<DatabricksOperation>) | undefined;
  readonly #answer: (sql: string) => FakeStatement;

  constructor(answer: (sql: string) => FakeStatement) {
    this.#answer = answer;
  }

  createClient({ logger }: { readonly logger: DatabricksLogger }): DatabricksClient {
    this.clients += 1;
    this.loggers.push(logger);
    const session: DatabricksSession = {
      executeStatement: async (sql, options) => {
        this.statements.push({ sql, options });
        if (this.executeWith !== undefined) return this.executeWith(sql);
        return realOperation(this.#answer(sql), this.log);
      },
      close: async () => {
        this.sessionCloses += 1;
      },
    };
    return {
      connect: async (options) => {
        this.connectOptions.push(options);
        if (this.connectWith !== undefined) await this.connectWith();
      },
      openSession: async (request) => {
        this.sessionRequests.push(request);
        return session;
      },
      close: async () => {
        this.clientCloses += 1;
      },
    };
  }
}

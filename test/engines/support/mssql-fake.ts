import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import mssql from 'mssql';
import type { SqlServerDriver, SqlServerPool, SqlServerRequest } from '../../../src/engines/sqlserver/sqlserver-driver.js';
import type { TediousMetadata } from './tds.js';

const require = createRequire(import.meta.url);
const { RequestError, ConnectionError } = require('tedious/lib/errors.js') as {
  RequestError: new (message: string, code: string) => Error & Record<string, unknown>;
  ConnectionError: new (message: string, code: string) => Error & Record<string, unknown>;
};

/** An ERROR token as tedious parses it (lib/token/infoerror-token-parser.js). */
export interface ServerError {
  readonly message: string;
  readonly number: number;
  readonly state?: number;
  readonly class?: number;
  readonly lineNumber?: number;
  readonly serverName?: string;
  readonly procName?: string;
}

/** What the fake server answers to one statement. */
export interface FakeAnswer {
  readonly columns?: readonly TediousMetadata[];
  /** Values as tedious' readValue returns them (see tds.ts). */
  readonly rows?: ReadonlyArray<readonly unknown[]>;
  /** Rows per TDS packet: between packets the fake yields to the event loop, as the socket does. */
  readonly rowsPerPacket?: number;
  readonly errors?: readonly ServerError[];
  /** Send the errors after this many rows (default: after all of them). */
  readonly errorAfterRows?: number;
  /** Never answer (until cancelled). */
  readonly hang?: boolean;
  /** The socket fails after this many rows (tedious: ESOCKET "Connection lost - ..."). */
  readonly socketErrorAfterRows?: number;
  /** A second result set, as a batch of two SELECTs gives. */
  readonly second?: { readonly columns: readonly TediousMetadata[]; readonly rows: ReadonlyArray<readonly unknown[]> };
}

type TediousRequest = EventEmitter & {
  sqlTextOrProcedure: string;
  paused: boolean;
  canceled: boolean;
  timeout?: number;
  error?: Error;
  callback(error: Error | undefined, rowCount?: number): void;
  cancel(): void;
  resume(): void;
};

const packet = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the fake server was asked and did, over all connections of a pool. */
export class FakeServer {
  readonly statements: string[] = [];
  readonly requests: TediousRequest[] = [];
  pauses = 0;
  resumes = 0;
  cancels = 0;
  /** Rows handed to mssql so far, over all requests. */
  rowsSent = 0;
  readonly answer: (sql: string) => FakeAnswer;

  constructor(answer: (sql: string) => FakeAnswer) {
    this.answer = answer;
  }
}

/**
 * A stand-in for tedious' Connection under the real mssql Request (lib/tedious/request.js).
 * It plays a server's answer the way tedious delivers one (lib/connection.js,
 * lib/token/handler.js RequestTokenHandler): 'columnMetadata' on the request with the column
 * metadata, 'row' with [{ value, metadata }] per row, 'errorMessage' on the connection for
 * each ERROR token (the request's error becomes a RequestError, or an AggregateError of them),
 * 'doneInProc' at the end of each result set, then the request's callback. While the request
 * is paused it sends nothing, as tedious' token parser stops; a cancel ends the request with
 * "Canceled." (ECANCEL) as tedious does once the server acknowledges the attention.
 * One request at a time per connection, as in tedious; the pool opens one per request.
 */
export class FakeTediousConnection extends EventEmitter {
  readonly #server: FakeServer;
  #current: TediousRequest | undefined;

  constructor(server: FakeServer) {
    super();
    this.#server = server;
  }

  execSql(request: TediousRequest): void {
    const server = this.#server;
    server.statements.push(request.sqlTextOrProcedure);
    server.requests.push(request);
    this.#current = request;
    request.on('pause', () => {
      server.pauses += 1;
    });
    request.on('resume', () => {
      server.resumes += 1;
    });
    void this.#play(request, server.answer(request.sqlTextOrProcedure));
  }

  cancel(): boolean {
    const request = this.#current;
    if (request === undefined || request.canceled) return false;
    this.#server.cancels += 1;
    request.cancel();
    if (request.paused) request.resume();
    setImmediate(() => this.#finish(request, new RequestError('Canceled.', 'ECANCEL'), 0));
    return true;
  }

  async #play(request: TediousRequest, answer: FakeAnswer): Promise<void> {
    await packet();
    if (answer.hang === true || request.canceled) return;
    const columns = answer.columns ?? [];
    const rows = answer.rows ?? [];
    const perPacket = answer.rowsPerPacket ?? 100;
    const errors: Error[] = [];
    const sendErrors = () => {
      for (const token of answer.errors ?? []) {
        this.emit('errorMessage', { name: 'ERROR', event: 'errorMessage', state: 1, class: 16, lineNumber: 1, serverName: 'fake', procName: '', ...token });
        const error = Object.assign(new RequestError(token.message, 'EREQUEST'), {
          number: token.number,
          state: token.state ?? 1,
          class: token.class ?? 16,
          serverName: token.serverName ?? 'fake',
          procName: token.procName ?? '',
          lineNumber: token.lineNumber ?? 1,
        });
        errors.push(error);
        request.error = errors.length > 1 ? new AggregateError(errors) : error;
      }
    };
    request.emit('columnMetadata', columns);
    let sent = 0;
    for (const row of rows) {
      if (answer.errors !== undefined && answer.errorAfterRows === sent) sendErrors();
      if (answer.socketErrorAfterRows === sent) {
        // tedious (lib/connection.js, SENT_CLIENT_REQUEST socketError) ends the request with the wrapped socket error.
        this.#finish(request, new ConnectionError('Connection lost - read ECONNRESET', 'ESOCKET'), sent);
        return;
      }
      while (request.paused && !request.canceled) await new Promise((resolve) => request.once('resume', resolve));
      if (request.canceled) return;
      request.emit('row', row.map((value, index) => ({ value, metadata: columns[index] })));
      sent += 1;
      this.#server.rowsSent += 1;
      if (sent % perPacket === 0) {
        await packet();
        if (request.canceled) return;
      }
    }
    if (answer.errors !== undefined && (answer.errorAfterRows === undefined || answer.errorAfterRows >= sent)) sendErrors();
    request.emit('doneInProc', errors.length > 0 ? undefined : rows.length, false);
    if (answer.second !== undefined) {
      request.emit('columnMetadata', answer.second.columns);
      for (const row of answer.second.rows) request.emit('row', row.map((value, index) => ({ value, metadata: answer.second!.columns[index] })));
      request.emit('doneInProc', answer.second.rows.length, false);
    }
    await packet();
    if (!request.canceled) this.#finish(request, request.error, rows.length);
  }

  #finish(request: TediousRequest, error: Error | undefined, rowCount: number): void {
    if (this.#current !== request) return;
    this.#current = undefined;
    request.callback(error, rowCount);
  }
}

/**
 * A SqlServerDriver whose pools hand out real mssql Requests over a FakeTediousConnection.
 * The Request code that builds the columns (createColumns), the rows (arrayRowMode) and the
 * stream events, and pauses, resumes and cancels, is mssql's own.
 */
export class FakeMssqlDriver implements SqlServerDriver {
  readonly server: FakeServer;
  readonly configs: mssql.config[] = [];
  connects = 0;
  closes = 0;
  requestOverrides: Array<{ readonly requestTimeout?: number } | undefined> = [];
  /** Replaces the connect step (a failure, a hang, a delay). */
  connectWith: ((config: mssql.config) => Promise<void>) | undefined;

  constructor(answer: (sql: string) => FakeAnswer) {
    this.server = new FakeServer(answer);
  }

  get requests(): readonly TediousRequest[] {
    return this.server.requests;
  }

  async connect(config: mssql.config): Promise<SqlServerPool> {
    this.connects += 1;
    this.configs.push(config);
    if (this.connectWith !== undefined) await this.connectWith(config);
    const parent = {
      connected: true,
      config: { stream: true, arrayRowMode: true, parseJSON: false },
      acquire: (_requester: unknown, callback: (error: Error | null, connection?: unknown, config?: unknown) => void) => {
        setImmediate(() => callback(null, new FakeTediousConnection(this.server), parent.config));
      },
      release: () => {},
    };
    return {
      request: (overrides) => {
        this.requestOverrides.push(overrides);
        const RequestClass = mssql.Request as unknown as new (parent: unknown, overrides?: unknown) => SqlServerRequest;
        return new RequestClass(parent, overrides);
      },
      close: async () => {
        this.closes += 1;
      },
    };
  }
}

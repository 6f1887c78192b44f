import type { Row, RowBatch } from '../engine.js';
import type { SqlServerRequest } from './sqlserver-driver.js';
import { sqlServerColumns, type SqlServerColumns } from './sqlserver-values.js';

export interface RowStreamOptions {
  /** Rows per yielded batch. */
  readonly batchSize: number;
  /** Longest wait for the server between two batches, in ms. */
  readonly waitTimeoutMs: number;
  /** Date.now() by which the whole result must be read; undefined for no limit. */
  readonly deadline?: number;
  readonly signal?: AbortSignal;
  /** Builds the error for a wait that ran out of time. */
  readonly timeoutError: () => Error;
  readonly cancelledError: () => Error;
  /** Builds the error for what the driver reported (the first error, all of them). */
  readonly driverError: (first: unknown, all: readonly unknown[]) => Error;
  /** Builds the error for a statement that returned a second result set. */
  readonly secondResultError: () => Error;
}

/**
 * Runs a streaming mssql request and yields its rows batch by batch. mssql pushes rows as the
 * server sends them; when more than two batches wait unread, the request is paused (tedious
 * stops reading the socket) and resumed once the reader has caught up, so a huge table never
 * sits in memory. Leaving the loop early, a timeout or an abort cancels the request.
 *
 * mssql's order of events (lib/tedious/request.js, stream mode): 'recordset' with the
 * columns, 'row' per row, 'error' per error (an error does not end the request), and 'done'
 * last, always.
 */
export async function* streamRequest(request: SqlServerRequest, sql: string, options: RowStreamOptions): AsyncGenerator<RowBatch> {
  const { batchSize } = options;
  const highWaterMark = batchSize * 2;
  let columns: SqlServerColumns | undefined;
  let recordsets = 0;
  let queue: unknown[] = [];
  let head = 0;
  let paused = false;
  let done = false;
  const errors: unknown[] = [];
  let extraRecordset = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  const buffered = () => queue.length - head;

  request.stream = true;
  request.arrayRowMode = true;
  request.on('recordset', (metadata) => {
    recordsets += 1;
    if (recordsets === 1) columns = sqlServerColumns(metadata);
    else extraRecordset = true;
    notify();
  });
  request.on('row', (row) => {
    if (errors.length > 0 || recordsets > 1) return;
    queue.push(row);
    if (!paused && buffered() >= highWaterMark) {
      paused = true;
      request.pause();
    }
    if (buffered() >= batchSize) notify();
  });
  request.on('error', (error) => {
    errors.push(error);
    // Let the request run to its end so that every error the server sent is collected.
    if (paused) {
      paused = false;
      request.resume();
    }
    notify();
  });
  request.on('done', () => {
    done = true;
    notify();
  });

  let settled = false;
  let yielded = false;
  try {
    if (options.signal?.aborted === true) throw options.cancelledError();
    request.query(sql, () => {
      // In stream mode mssql reports failures as 'error' events and ends with 'done'.
    });
    for (;;) {
      if (extraRecordset) {
        throw options.secondResultError();
      }
      if (errors.length > 0) {
        if (!done) {
          // The rest of the errors come before 'done'; if 'done' is slow, report what came.
          const finished = await waitFor().then(
            () => false,
            () => true,
          );
          if (!finished) continue;
        }
        settled = done;
        throw options.driverError(errors[0], errors);
      }
      if (buffered() < batchSize && !done) {
        await waitFor();
        continue;
      }
      const taken = queue.slice(head, head + batchSize);
      head += taken.length;
      if (head > 4096 && head * 2 > queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      if (paused && buffered() < batchSize) {
        paused = false;
        request.resume();
      }
      const current = columns;
      if (taken.length > 0 && current !== undefined) {
        yielded = true;
        yield { columns: current.columns, rows: taken.map((row) => toRow(row, current)) };
      }
      if (done && buffered() === 0) {
        settled = true;
        if (!yielded && current !== undefined) yield { columns: current.columns, rows: [] };
        return;
      }
    }
  } finally {
    if (!settled && !done) {
      try {
        request.cancel();
      } catch {
        // Cancelling is best effort; the caller already has its error.
      }
    }
  }

  /** Waits until the request has news, the wait runs out of time, or the caller aborts. */
  function waitFor(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (options.signal?.aborted === true) {
        reject(options.cancelledError());
        return;
      }
      const now = Date.now();
      const limit = Math.min(options.waitTimeoutMs, options.deadline === undefined ? Infinity : options.deadline - now);
      if (limit <= 0) {
        reject(options.timeoutError());
        return;
      }
      const finish = (error?: Error) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        wake = undefined;
        if (error === undefined) resolve();
        else reject(error);
      };
      const timer = setTimeout(() => finish(options.timeoutError()), limit);
      const onAbort = () => finish(options.cancelledError());
      options.signal?.addEventListener('abort', onAbort, { once: true });
      wake = () => finish();
    });
  }
}

/** A row as mssql hands it over: an array (arrayRowMode) or, for a FOR JSON/FOR XML result, an object. */
function toRow(raw: unknown, columns: SqlServerColumns): Row {
  if (Array.isArray(raw)) return raw.map((value, index) => columns.converters[index]!(value));
  const record = (raw ?? {}) as Record<string, unknown>;
  return columns.columns.map((column, index) => columns.converters[index]!(record[column.name] ?? record[String(index)]));
}

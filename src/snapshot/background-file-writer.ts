import { Worker } from 'node:worker_threads';

/**
 * The worker's code. It is a string, not a module of its own, so that it runs the same from
 * src/ (tsx, vitest) and from dist/; it loads what it needs with import(), which works whether
 * node evaluates it as a script or as a module (workers inherit flags such as --input-type).
 * Messages that arrive before it listens wait in the port. It creates each file with plain
 * synchronous calls: one thread doing the file system's work in a loop costs far less per file
 * than the thread pool's round trips, and never has two threads allocate inodes side by side.
 */
const WORKER_SOURCE = `
Promise.all([import('node:worker_threads'), import('node:fs'), import('node:path')]).then(([{ parentPort }, { mkdirSync, writeFileSync }, { dirname }]) => {
  const folders = new Set();
  let failed = false;
  parentPort.on('message', (batch) => {
    if (failed) return;
    try {
      for (const [file, text] of batch) {
        const folder = dirname(file);
        if (!folders.has(folder)) {
          mkdirSync(folder, { recursive: true });
          folders.add(folder);
        }
        writeFileSync(file, text, { flag: 'wx' });
      }
      parentPort.postMessage({ written: batch.length });
    } catch (error) {
      failed = true;
      parentPort.postMessage({ error: { message: error.message, code: error.code, errno: error.errno, syscall: error.syscall, path: error.path } });
    }
  });
});
`;

type WorkerReply = { readonly written: number } | { readonly error: { readonly message: string; readonly code?: string; readonly errno?: number; readonly syscall?: string; readonly path?: string } };

/**
 * Creates new files on a worker thread while the main thread goes on with its own work.
 *
 * Creating a file is the costly part of writing thousands of them (a first sync): the kernel
 * allocates an inode, and on ext4 without a journal it first scans past every inode freed in
 * the last minutes. None of that needs JavaScript, so it runs beside the parsing instead of
 * after it. Files are created with O_EXCL: each must be new.
 *
 * Memory stays bounded: at most `budget` characters are on their way to the worker; past it,
 * `write()` waits for the worker to catch up. The worker starts with the first file, so a
 * writer that is never used costs nothing.
 */
export class BackgroundFileWriter {
  static readonly BATCH_FILES = 64;
  static readonly BATCH_CHARS = 512 * 1024;
  readonly #budget: number;
  #worker: Worker | undefined;
  #batch: Array<[string, string]> = [];
  #batchChars = 0;
  /** Characters of each batch the worker has not acknowledged yet, oldest first. */
  readonly #unacknowledged: number[] = [];
  #inFlightChars = 0;
  #failure: Error | undefined;
  /** Whoever waits for the worker: woken by its next reply or failure. */
  #waiting: Array<() => void> = [];

  constructor(budget: number) {
    this.#budget = budget;
  }

  /** Queues a file; resolves once the characters in flight are within the budget again. */
  async write(file: string, text: string): Promise<void> {
    this.#throwIfFailed();
    this.#batch.push([file, text]);
    this.#batchChars += text.length;
    if (this.#batch.length >= BackgroundFileWriter.BATCH_FILES || this.#batchChars >= BackgroundFileWriter.BATCH_CHARS) this.#post();
    while (this.#inFlightChars > this.#budget && this.#failure === undefined) await this.#progress();
    this.#throwIfFailed();
  }

  /** Resolves when every file queued so far exists; rejects with the first error. */
  async flush(): Promise<void> {
    this.#post();
    while (this.#unacknowledged.length > 0 && this.#failure === undefined) await this.#progress();
    this.#throwIfFailed();
  }

  /** Stops the worker; files it has not created yet are not created. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#failure ??= new Error('the background file writer is closed');
    this.#wakeAll();
    if (worker !== undefined) await worker.terminate();
  }

  #post(): void {
    if (this.#batch.length === 0) return;
    this.#started().postMessage(this.#batch);
    this.#unacknowledged.push(this.#batchChars);
    this.#inFlightChars += this.#batchChars;
    this.#batch = [];
    this.#batchChars = 0;
  }

  #started(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', (reply: WorkerReply) => {
      if ('error' in reply) {
        const { message, ...fields } = reply.error;
        this.#fail(Object.assign(new Error(message), fields));
        return;
      }
      this.#inFlightChars -= this.#unacknowledged.shift() ?? 0;
      this.#wakeAll();
    });
    worker.on('error', (error) => this.#fail(error));
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#fail(new Error(`the background file writer stopped (exit code ${code})`));
    });
    this.#worker = worker;
    return worker;
  }

  #progress(): Promise<void> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #wakeAll(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const wake of waiting) wake();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#wakeAll();
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure;
  }
}

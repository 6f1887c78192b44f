import net from 'node:net';

/**
 * A very small SQL Server on 127.0.0.1, enough for the real tedious and mssql to log in and
 * read result sets over a real socket. It speaks MS-TDS 7.4 without TLS: PRELOGIN (2.2.6.5,
 * encryption NOT_SUP), LOGIN7 (2.2.6.4) answered with LOGINACK and DONE or refused with an
 * ERROR (2.2.7.10) as for a wrong password (18456), SQL batches (tedious' initial SET
 * statements) answered with DONE, RPC requests (sp_executesql) answered with what `answer`
 * gives: COLMETADATA (2.2.7.4), ROW (2.2.7.19) tokens, DONEINPROC/RETURNSTATUS/DONEPROC, sent
 * in 4 KB packets that wait for the socket to drain; an ATTENTION (cancel) stops the rows and
 * is acknowledged with DONE_ATTN, as SQL Server does.
 */

export interface TdsColumn {
  readonly name: string;
  /** TYPE_INFO bytes (MS-TDS 2.2.5.6). */
  readonly typeInfo: readonly number[];
  /** The column's bytes in a ROW token for a value. */
  readonly encode: (value: unknown) => Buffer;
}

export interface TdsAnswer {
  readonly columns: readonly TdsColumn[];
  readonly rowCount: number;
  readonly row: (index: number) => readonly unknown[];
  /** An ERROR token after this many rows. */
  readonly error?: { readonly afterRows: number; readonly number: number; readonly message: string };
  /** Send nothing at all (until cancelled). */
  readonly hang?: boolean;
}

export interface TdsServerOptions {
  readonly refuseLogin?: { readonly message: string; readonly number?: number };
  /** Answers an RPC request; gets the request's text decoded as UCS-2 (the statement is in it). */
  readonly answer?: (requestText: string) => TdsAnswer;
}

export interface TdsServer {
  readonly port: number;
  /** LOGIN7 payloads received. */
  readonly logins: Buffer[];
  /** RPC requests received, as UCS-2 text. */
  readonly requests: string[];
  readonly stats: { rowsWritten: number; drainWaits: number; attentions: number; connections: number };
  close(): Promise<void>;
}

const PACKET_SIZE = 4096;
const HEADER = 8;

export async function tdsServer(options: TdsServerOptions): Promise<TdsServer> {
  const logins: Buffer[] = [];
  const requests: string[] = [];
  const stats = { rowsWritten: 0, drainWaits: 0, attentions: 0, connections: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    stats.connections += 1;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    const state = { cancelled: false, streaming: false };
    let pending = Buffer.alloc(0);
    let message = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= HEADER && pending.length >= pending.readUInt16BE(2)) {
        const length = pending.readUInt16BE(2);
        const type = pending[0]!;
        const endOfMessage = (pending[1]! & 0x01) === 0x01;
        message = Buffer.concat([message, pending.subarray(HEADER, length)]);
        pending = pending.subarray(length);
        if (!endOfMessage) continue;
        const payload = message;
        message = Buffer.alloc(0);
        switch (type) {
          case 0x12: // PRELOGIN
            socket.write(packets(preloginResponse())[0]!);
            break;
          case 0x10: // LOGIN7
            logins.push(payload);
            if (options.refuseLogin !== undefined) {
              writeAll(socket, Buffer.concat([errorToken(options.refuseLogin.number ?? 18456, options.refuseLogin.message, 14), done(0xfd, 0x0002, 0)]));
            } else {
              writeAll(socket, Buffer.concat([loginAck(), done(0xfd, 0x0000, 0)]));
            }
            break;
          case 0x01: // SQL batch: tedious' initial SET statements
            writeAll(socket, done(0xfd, 0x0000, 0));
            break;
          case 0x03: {
            // RPC: sp_executesql with the statement
            const text = payload.toString('ucs2') + payload.subarray(1).toString('ucs2');
            requests.push(text);
            state.cancelled = false;
            void stream(socket, options.answer?.(text), state, stats);
            break;
          }
          case 0x06: // ATTENTION
            stats.attentions += 1;
            state.cancelled = true;
            if (!state.streaming) {
              // tedious reads the cancelled request's response, then the acknowledgement.
              writeAll(socket, done(0xfd, 0x0000, 0));
              writeAll(socket, done(0xfd, 0x0020, 0));
            }
            break;
          default:
            break;
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    logins,
    requests,
    stats,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends a result set packet by packet, waiting for 'drain' as a server's socket would. */
async function stream(socket: net.Socket, answer: TdsAnswer | undefined, state: { cancelled: boolean; streaming: boolean }, stats: TdsServer['stats']): Promise<void> {
  if (answer === undefined) {
    writeAll(socket, Buffer.concat([done(0xfe, 0x0000, 0)]));
    return;
  }
  if (answer.hang === true) return; // the ATTENTION handler answers the cancel
  state.streaming = true;
  const chunks: Buffer[] = [colMetadata(answer.columns)];
  let size = chunks[0]!.length;
  let failed = false;
  const flush = async (last: boolean) => {
    let data = Buffer.concat(chunks);
    chunks.length = 0;
    size = 0;
    while (data.length > PACKET_SIZE - HEADER || (last && data.length >= 0)) {
      const body = data.subarray(0, PACKET_SIZE - HEADER);
      data = data.subarray(body.length);
      const isLast = last && data.length === 0;
      const ok = socket.write(packet(body, isLast));
      if (!ok) {
        stats.drainWaits += 1;
        await new Promise<void>((resolve) => socket.once('drain', resolve));
      }
      if (isLast) return;
    }
    if (data.length > 0) {
      chunks.push(data);
      size = data.length;
    }
  };
  for (let index = 0; index < answer.rowCount; index++) {
    if (state.cancelled) break;
    if (answer.error !== undefined && answer.error.afterRows === index) {
      chunks.push(errorToken(answer.error.number, answer.error.message, 16));
      failed = true;
      break;
    }
    const values = answer.row(index);
    const row = Buffer.concat([Buffer.from([0xd1]), ...answer.columns.map((column, position) => column.encode(values[position]))]);
    chunks.push(row);
    size += row.length;
    stats.rowsWritten += 1;
    if (size >= PACKET_SIZE * 4) await flush(false);
  }
  if (state.cancelled) {
    // End the interrupted response, then acknowledge the attention in a message of its own.
    chunks.push(done(0xff, 0x0000, 0));
    await flush(true);
    state.streaming = false;
    writeAll(socket, done(0xfd, 0x0020, 0));
    return;
  }
  const status = failed ? 0x0002 : 0x0010;
  chunks.push(done(0xff, status, failed ? 0 : answer.rowCount), returnStatus(failed ? 1 : 0), done(0xfe, failed ? 0x0002 : 0x0000, 0));
  await flush(true);
  state.streaming = false;
}

function writeAll(socket: net.Socket, data: Buffer): void {
  for (const piece of packets(data)) socket.write(piece);
}

function packets(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let rest = data;
  do {
    const body = rest.subarray(0, PACKET_SIZE - HEADER);
    rest = rest.subarray(body.length);
    out.push(packet(body, rest.length === 0));
  } while (rest.length > 0);
  return out;
}

/** A tabular-result packet (type 0x04). */
function packet(body: Buffer, endOfMessage: boolean): Buffer {
  const header = Buffer.alloc(HEADER);
  header.writeUInt8(0x04, 0);
  header.writeUInt8(endOfMessage ? 0x01 : 0x00, 1);
  header.writeUInt16BE(body.length + HEADER, 2);
  header.writeUInt8(1, 6);
  return Buffer.concat([header, body]);
}

/** PRELOGIN options VERSION and ENCRYPTION (NOT_SUP), then the terminator and their data. */
function preloginResponse(): Buffer {
  const options = Buffer.from([0x00, 0x00, 11, 0x00, 6, 0x01, 0x00, 17, 0x00, 1, 0xff]);
  const version = Buffer.from([15, 0, 0x10, 0xe2, 0, 0]);
  return Buffer.concat([options, version, Buffer.from([0x02])]);
}

export function usVarChar(text: string): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16LE(text.length);
  return Buffer.concat([length, Buffer.from(text, 'ucs2')]);
}

function bVarChar(text: string): Buffer {
  return Buffer.concat([Buffer.from([text.length]), Buffer.from(text, 'ucs2')]);
}

function token(type: number, body: Buffer): Buffer {
  const head = Buffer.alloc(3);
  head.writeUInt8(type, 0);
  head.writeUInt16LE(body.length, 1);
  return Buffer.concat([head, body]);
}

function loginAck(): Buffer {
  const version = Buffer.alloc(4);
  version.writeUInt32BE(0x74000004);
  return token(0xad, Buffer.concat([Buffer.from([1]), version, bVarChar('Microsoft SQL Server'), Buffer.from([15, 0, 0x10, 0xe2])]));
}

function errorToken(number: number, message: string, severity: number): Buffer {
  const fixed = Buffer.alloc(6);
  fixed.writeInt32LE(number, 0);
  fixed.writeUInt8(1, 4);
  fixed.writeUInt8(severity, 5);
  const line = Buffer.alloc(4);
  line.writeInt32LE(1);
  return token(0xaa, Buffer.concat([fixed, usVarChar(message), bVarChar('fake-sql'), bVarChar(''), line]));
}

/** DONE (0xFD), DONEPROC (0xFE) or DONEINPROC (0xFF). */
function done(type: number, status: number, rowCount: number): Buffer {
  const out = Buffer.alloc(13);
  out.writeUInt8(type, 0);
  out.writeUInt16LE(status, 1);
  out.writeUInt16LE(0x00c1, 3);
  out.writeBigUInt64LE(BigInt(rowCount), 5);
  return out;
}

function returnStatus(value: number): Buffer {
  const out = Buffer.alloc(5);
  out.writeUInt8(0x79, 0);
  out.writeInt32LE(value, 1);
  return out;
}

function colMetadata(columns: readonly TdsColumn[]): Buffer {
  const count = Buffer.alloc(3);
  count.writeUInt8(0x81, 0);
  count.writeUInt16LE(columns.length, 1);
  return Buffer.concat([
    count,
    ...columns.map((column) => Buffer.concat([Buffer.from([0, 0, 0, 0, 0x01, 0x00]), Buffer.from(column.typeInfo), bVarChar(column.name)])),
  ]);
}

/** SQL_Latin1_General_CP1_CI_AS. */
const COLLATION = [0x09, 0x04, 0xd0, 0x00, 0x34];

/** Column types with their ROW encodings (MS-TDS 2.2.5.5). */
export const tdsTypes = {
  int(name: string): TdsColumn {
    return {
      name,
      typeInfo: [0x26, 4],
      encode: (value) => {
        if (value === null) return Buffer.from([0]);
        const out = Buffer.alloc(5);
        out.writeUInt8(4, 0);
        out.writeInt32LE(Number(value), 1);
        return out;
      },
    };
  },
  nvarchar(name: string, characters: number): TdsColumn {
    return {
      name,
      typeInfo: [0xe7, (characters * 2) & 0xff, (characters * 2) >> 8, ...COLLATION],
      encode: (value) => {
        if (value === null) return Buffer.from([0xff, 0xff]);
        const bytes = Buffer.from(String(value), 'ucs2');
        const length = Buffer.alloc(2);
        length.writeUInt16LE(bytes.length);
        return Buffer.concat([length, bytes]);
      },
    };
  },
  /** decimal(18, scale) from its text. */
  decimal(name: string, scale: number): TdsColumn {
    return {
      name,
      typeInfo: [0x6a, 9, 18, scale],
      encode: (value) => {
        if (value === null) return Buffer.from([0]);
        const text = String(value);
        const [whole = '0', part = ''] = text.replace('-', '').split('.');
        const out = Buffer.alloc(10);
        out.writeUInt8(9, 0);
        out.writeUInt8(text.startsWith('-') ? 0 : 1, 1);
        out.writeBigUInt64LE(BigInt(whole + part.padEnd(scale, '0')), 2);
        return out;
      },
    };
  },
};

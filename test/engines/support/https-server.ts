import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * An HTTPS server on 127.0.0.1 (self-signed certificate for localhost, test only) that answers
 * every request with one HTTP status, as a Databricks front end does when it refuses a token
 * (401), a principal (403), an unknown httpPath (404) or while a warehouse starts (503).
 */
export async function httpsStatusServer(status: number): Promise<{ readonly port: number; readonly requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = https.createServer(
    { key: readFileSync(path.join(fixtures, 'localhost-key.pem')), cert: readFileSync(path.join(fixtures, 'localhost-cert.pem')) },
    (request, response) => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
      request.resume();
      request.on('end', () => {
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(`status ${status}`);
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

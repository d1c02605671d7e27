import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';

/** A request that reached a {@link RecordingApiServer}. */
export interface RecordedApiRequest {
  method: string;
  path: string;
  authorization?: string;
}

/** A stand-in Kubernetes API server on loopback that records what it gets. */
export interface RecordingApiServer {
  url: string;
  requests: RecordedApiRequest[];
  stop(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 (a free port) that answers every request
 * with an empty Kubernetes list and records its method, path and
 * Authorization header.
 */
export async function startRecordingApiServer(): Promise<RecordingApiServer> {
  const requests: RecordedApiRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    requests.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [] }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}

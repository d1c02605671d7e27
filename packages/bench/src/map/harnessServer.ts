/**
 * A tiny HTTP server on 127.0.0.1 for the map benchmark: it serves a harness
 * build (gzip-compressed, as a production server would) with the app config
 * injected into index.html, and answers the catalog API calls the map makes
 * (`GET /api/catalog/entities` with `filter` and `fields`) from the generated
 * entities. Any other API call gets a 404, so nothing the map needs can be
 * missing unnoticed: those calls are counted and reported.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { filterEntities, projectFields } from './catalogQuery.ts';
import type { JsonEntity } from './catalogQuery.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/** A running harness server. */
export type HarnessServer = {
  url: string;
  /** API paths answered 404, with how often. */
  unanswered: Map<string, number>;
  /** Bytes of the last catalog response, uncompressed and gzip. */
  catalogResponse: { bytes: number; gzip: number };
  close(): Promise<void>;
};

/** Starts the server on a free loopback port. */
export async function startHarnessServer(options: {
  dir: string;
  entry: string;
  css?: string;
  entities: JsonEntity[];
}): Promise<HarnessServer> {
  const unanswered = new Map<string, number>();
  const catalogResponse = { bytes: 0, gzip: 0 };
  const cache = new Map<string, { body: Buffer; gzip: Buffer }>();
  let url = '';

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    type: string,
    body: Buffer,
    gzip?: Buffer,
  ) => {
    const compress = /\bgzip\b/.test(String(req.headers['accept-encoding']));
    const payload = compress ? gzip ?? gzipSync(body) : body;
    res.writeHead(status, {
      'content-type': type,
      'content-length': payload.length,
      'cache-control': 'no-store',
      ...(compress && { 'content-encoding': 'gzip' }),
    });
    res.end(payload);
  };

  const indexHtml = () =>
    Buffer.from(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AWS Platform</title>
${options.css ? `<link rel="stylesheet" href="/${options.css}">` : ''}
<script type="backstage.io/config">${JSON.stringify([
      {
        context: 'bench',
        data: {
          app: {
            title: 'AWS Platform',
            baseUrl: url,
            // A signed-in user opening the map: no sign-in page in between
            // (the app then uses its built-in guest identity).
            extensions: [{ 'sign-in-page:app': false }],
          },
          backend: { baseUrl: url },
          organization: { name: 'Bench' },
        },
      },
    ])}</script>
<script type="module" src="/${options.entry}"></script>
</head>
<body><div id="root"></div></body>
</html>`);

  const server = createServer((req, res) => {
    const { pathname, searchParams } = new URL(req.url ?? '/', url);
    if (pathname === '/api/catalog/entities') {
      const items = filterEntities(
        options.entities,
        searchParams.getAll('filter'),
      );
      const fields = searchParams
        .getAll('fields')
        .flatMap(f => f.split(','))
        .filter(Boolean);
      const body = Buffer.from(
        JSON.stringify(
          fields.length ? items.map(e => projectFields(e, fields)) : items,
        ),
      );
      const gzip = gzipSync(body);
      catalogResponse.bytes = body.length;
      catalogResponse.gzip = gzip.length;
      send(req, res, 200, 'application/json', body, gzip);
      return;
    }
    if (pathname.startsWith('/api/')) {
      unanswered.set(pathname, (unanswered.get(pathname) ?? 0) + 1);
      send(
        req,
        res,
        404,
        'application/json',
        Buffer.from(
          JSON.stringify({
            error: { name: 'NotFoundError', message: `${pathname} not served` },
          }),
        ),
      );
      return;
    }
    const file = normalize(join(options.dir, pathname));
    const type = TYPES[extname(file)];
    if (!type || !file.startsWith(options.dir)) {
      send(req, res, 200, 'text/html; charset=utf-8', indexHtml());
      return;
    }
    const cached = cache.get(file);
    if (cached) {
      send(req, res, 200, type, cached.body, cached.gzip);
      return;
    }
    readFile(file).then(
      body => {
        const entry = { body, gzip: gzipSync(body) };
        cache.set(file, entry);
        send(req, res, 200, type, entry.body, entry.gzip);
      },
      () => send(req, res, 404, 'text/plain', Buffer.from('not found')),
    );
  });

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    unanswered,
    catalogResponse,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

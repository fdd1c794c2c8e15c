/**
 * `kessai/server/node`: mounts a Fetch API handler in Node's `http` server or
 * in Express / Connect middleware (`(req, res) => …`). Node-only (streams);
 * Hono, Next.js, Deno, Bun and workers take the handler as it is.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { PostalAddress } from '../core/postal-data.js';
import { createPostalLookup } from './postal-lookup.js';

export type FetchHandler = (request: Request) => Promise<Response>;

/** Node's request as a Fetch API `Request` (the body streamed, not buffered). */
export function toWebRequest(req: IncomingMessage, origin?: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const base = origin ?? `http://${req.headers.host ?? 'localhost'}`;
  // Express strips the mount path from req.url; originalUrl keeps it.
  const url = new URL((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/', base);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
}

/** Writes a Fetch API `Response` to Node's response. */
export async function writeWebResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * `(req, res) => void` for `http.createServer(…)` and Express (`app.use('/api/checkout', toNodeHandler(checkout))`).
 * Errors are answered 500 (never a hung socket). Do not put a body parser
 * (express.json()) in front of it: the handler fingerprints the raw body.
 */
export function toNodeHandler(handler: FetchHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handler(toWebRequest(req))
      .then((response) => writeWebResponse(response, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end();
      });
  };
}

/**
 * The postal lookup for `createCheckoutHandler({ postalLookup })` from shards on disk (the
 * `public/postal` the page is served from). A missing shard: no code of that range exists; a
 * missing directory (no meta.json): the data is missing, nothing is checked or refused.
 */
export function postalLookupFromDirectory(dir: string): (postalCode: string) => Promise<readonly PostalAddress[] | null> {
  const base = dir.replace(/\/+$/, '');
  return createPostalLookup(async (key) => {
    try {
      return JSON.parse(await readFile(`${base}/${key}.json`, 'utf8')) as unknown;
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT' && (await stat(`${base}/meta.json`).catch(() => null))) return null;
      throw e;
    }
  });
}

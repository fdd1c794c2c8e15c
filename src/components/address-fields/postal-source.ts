/**
 * Fetches postal shards from the merchant's own origin and caches them in
 * memory, one fetch per shard URL however many lookups ask at once.
 */
import { lookupShard, parseShard, PostalDataError, shardKey, type PostalAddress, type PostalShard } from '../../core/postal-data.js';

/** Why a lookup could not answer: bad URL, HTTP error, broken data, too slow, network down. */
export type PostalLookupFailure = 'url' | 'http' | 'parse' | 'timeout' | 'network';

export class PostalLookupError extends Error {
  constructor(
    message: string,
    readonly reason: PostalLookupFailure,
  ) {
    super(message);
    this.name = 'PostalLookupError';
  }
}

export interface PostalLookupOptions {
  /** Base URL of the shards (`postal/`); default: `postal/` beside the embed script, else beside the page. */
  base?: string;
  /** Milliseconds before a shard fetch is given up (default 5000). */
  timeout?: number;
}

export const DEFAULT_POSTAL_TIMEOUT = 5000;

let defaultBase: string | null = null;

/** Sets the default base URL (the embed passes `postal/` beside its own script). */
export function setDefaultPostalData(url: string): void {
  defaultBase = url;
}

/** The base URL used when an element has no `postal-data`. */
export function defaultPostalData(): string {
  return defaultBase ?? new URL('postal/', document.baseURI).href;
}

/** The URL of the shard holding `code`, from a base URL (relative to the page). */
export function shardUrl(code: string, base: string = defaultPostalData()): string {
  let url: URL;
  try {
    url = new URL(base, document.baseURI);
  } catch {
    throw new PostalLookupError(`postal-data "${base}" is not a URL.`, 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PostalLookupError(`postal-data must be an http(s) URL on your site, not ${url.protocol}.`, 'url');
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return new URL(`${shardKey(code)}.json`, url).href;
}

const pending = new Map<string, Promise<PostalShard>>();
const loaded = new Map<string, PostalShard>();

async function fetchShard(url: string, timeout: number): Promise<PostalShard> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    let res: Response;
    try {
      res = await fetch(url, { signal: controller.signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
    } catch {
      throw controller.signal.aborted
        ? new PostalLookupError(`${url} took longer than ${timeout} ms.`, 'timeout')
        : new PostalLookupError(`${url} could not be fetched.`, 'network');
    }
    if (!res.ok) throw new PostalLookupError(`${url} answered HTTP ${res.status}.`, 'http');
    let data: unknown;
    try {
      data = await res.json();
    } catch {
      throw controller.signal.aborted
        ? new PostalLookupError(`${url} took longer than ${timeout} ms.`, 'timeout')
        : new PostalLookupError(`${url} is not valid JSON.`, 'parse');
    }
    try {
      return parseShard(data);
    } catch (e) {
      throw new PostalLookupError(`${url}: ${e instanceof PostalDataError ? e.message : 'not a postal shard.'}`, 'parse');
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The shard at `url`: fetched once, then served from memory. Concurrent calls
 * share one fetch; a failed fetch is forgotten, so a later lookup tries again.
 */
export function loadShard(url: string, timeout = DEFAULT_POSTAL_TIMEOUT): Promise<PostalShard> {
  const done = loaded.get(url);
  if (done) return Promise.resolve(done);
  let p = pending.get(url);
  if (!p) {
    p = fetchShard(url, timeout).then(
      (shard) => {
        loaded.set(url, shard);
        pending.delete(url);
        return shard;
      },
      (e: unknown) => {
        pending.delete(url);
        throw e;
      },
    );
    pending.set(url, p);
  }
  return p;
}

/** The shard at `url` if it is already in memory (no fetch). */
export function cachedShard(url: string): PostalShard | undefined {
  return loaded.get(url);
}

/**
 * Every address of a postal code (any width, dash or 〒), from the shards at
 * `base`. Empty when the code does not exist; rejects with PostalLookupError
 * when the data cannot be had.
 */
export async function lookupPostalCode(code: string, options: PostalLookupOptions = {}): Promise<PostalAddress[]> {
  const url = shardUrl(code, options.base || defaultPostalData());
  return lookupShard(await loadShard(url, options.timeout ?? DEFAULT_POSTAL_TIMEOUT), code);
}

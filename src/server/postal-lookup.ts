/**
 * The server's postal lookup for `createCheckoutHandler({ postalLookup })`:
 * the same shards the page fetches (`postal/NNN.json`, built by
 * `kessai-postal`), read through `readShard`, parsed once and cached.
 */
import { lookupShard, parseShard, shardKey, type PostalAddress, type PostalShard } from '../core/postal-data.js';

/**
 * `readShard(key)` gives the parsed JSON of `postal/{key}.json`, or null when
 * there is no such shard (every code of that range is unknown). A throw means
 * the data cannot be read: the lookup answers null and the order is not held up.
 */
export function createPostalLookup(readShard: (key: string) => Promise<unknown>): (postalCode: string) => Promise<readonly PostalAddress[] | null> {
  const cache = new Map<string, Promise<PostalShard>>();
  return async (postalCode) => {
    if (!/^\d{7}$/.test(postalCode)) return null;
    const key = shardKey(postalCode);
    let shard: Promise<PostalShard> | undefined = cache.get(key);
    if (!shard) {
      shard = readShard(key).then((data) => (data === null ? {} : parseShard(data)));
      cache.set(key, shard);
      shard.catch(() => cache.delete(key));
    }
    try {
      return lookupShard((await shard) ?? {}, postalCode);
    } catch {
      return null;
    }
  };
}

/** Shards from a directory on disk (Node, Deno, Bun): e.g. the `public/postal` the page is served from. */
export function postalLookupFromDirectory(dir: string): (postalCode: string) => Promise<readonly PostalAddress[] | null> {
  const base = dir.replace(/\/+$/, '');
  return createPostalLookup(async (key) => {
    const { readFile, stat } = await import('node:fs/promises');
    try {
      return JSON.parse(await readFile(`${base}/${key}.json`, 'utf8')) as unknown;
    } catch (e) {
      // No shard: no code of that range exists. No directory: the data is missing (checks nothing, never refuses).
      if ((e as { code?: string }).code === 'ENOENT' && (await stat(`${base}/meta.json`).catch(() => null))) return null;
      throw e;
    }
  });
}

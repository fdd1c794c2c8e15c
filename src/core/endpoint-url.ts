/**
 * What the checkout's first screen needs of the endpoint client: checking the
 * endpoint URL and making idempotency keys (endpoint.ts, which posts, is loaded
 * when the order is placed). Pure TypeScript; no DOM.
 */
import { safeHttpsUrl } from './text.js';

/** A random UUID v4 (works outside secure contexts, unlike crypto.randomUUID). */
export function newIdempotencyKey(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Why an endpoint URL is refused, or null when it is same-origin or https:. */
export function endpointProblem(endpoint: string, pageUrl: string): 'missing' | 'invalid' | 'unsafe' | null {
  if (!endpoint || endpoint.trim() === '') return 'missing';
  let url: URL;
  try {
    url = new URL(endpoint, pageUrl);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password) return 'unsafe';
  const page = new URL(pageUrl);
  if (url.protocol === 'https:') return null;
  if (url.origin === page.origin && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  return 'unsafe';
}

/** True for an absolute https: URL (the only kind kessai navigates to or links). */
export function isHttpsUrl(value: unknown): value is string {
  return safeHttpsUrl(value) !== null;
}

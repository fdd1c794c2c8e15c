/**
 * `requires_action` answers (3-D Secure, wallets) and the order status the page
 * polls or reads after coming back. Pure TypeScript over `fetch`; no DOM.
 */
import type { CheckoutAction } from './contract.js';
import { safeHttpsUrl } from './text.js';

const MAX_URL = 2048;

/** An absolute https: URL, or an http(s) URL of `pageUrl`'s own origin (a same-origin sandbox); null otherwise. */
export function navigableUrl(v: unknown, pageUrl?: string): string | null {
  const https = safeHttpsUrl(v);
  if (https) return https;
  if (typeof v !== 'string' || !pageUrl || v.length > MAX_URL) return null;
  try {
    const url = new URL(v, pageUrl);
    if (url.origin === new URL(pageUrl).origin && (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password) return url.href;
  } catch {
    // not a URL
  }
  return null;
}

/** Schemes a wallet app link may never use (they run code, read files or stay in the browser). */
const BLOCKED_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob', 'about', 'filesystem', 'http', 'view-source', 'ws', 'wss', 'ftp']);

/** A wallet's app link: https:, or an app's own scheme (`paypay://…`); null for anything that could run code. */
export function safeDeeplink(v: unknown): string | null {
  const https = safeHttpsUrl(v);
  if (https) return https;
  if (typeof v !== 'string' || v.length > MAX_URL) return null;
  const m = /^([a-z][a-z0-9+.-]{1,31}):\/\/[\x21-\x7e]+$/i.exec(v.trim());
  if (!m || BLOCKED_SCHEMES.has(m[1].toLowerCase())) return null;
  return v.trim();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The action of a `requires_action` body, checked: `action` when present, else
 * the older `redirectUrl` as a redirect. URLs must be https: (or this page's
 * own origin when `pageUrl` is given); null when nothing usable is there.
 */
export function parseAction(body: Record<string, unknown>, pageUrl?: string): CheckoutAction | null {
  const a = body.action;
  if (isObject(a)) {
    const url = navigableUrl(a.url, pageUrl);
    if (!url) return null;
    if (a.type === 'redirect') return { type: 'redirect', url };
    if (a.type === 'qr') {
      if (typeof a.expiresAt !== 'string' || Number.isNaN(Date.parse(a.expiresAt))) return null;
      const deeplink = a.deeplink === undefined ? undefined : safeDeeplink(a.deeplink);
      return { type: 'qr', url, expiresAt: a.expiresAt, ...(deeplink ? { deeplink } : {}) };
    }
    return null;
  }
  const url = navigableUrl(body.redirectUrl, pageUrl);
  return url ? { type: 'redirect', url } : null;
}

/**
 * The order id in the page's URL (`?kessai-order=…`): what the checkout's first
 * screen needs to know whether to show an order's result instead of a form
 * (resume.ts, which reads the status route, is loaded then). No DOM.
 */

/** The query parameter holding the order id. */
export const ORDER_PARAM = 'kessai-order';

/** Order ids kessai accepts from a URL or a server (kessai/server: `ord_` + 20 base-36 characters). */
const ORDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isOrderId(v: unknown): v is string {
  return typeof v === 'string' && ORDER_ID.test(v);
}

/** The order id in `url`, if any (and well-formed). */
export function orderIdFromUrl(url: string): string | null {
  try {
    const id = new URL(url).searchParams.get(ORDER_PARAM);
    return isOrderId(id) ? id : null;
  } catch {
    return null;
  }
}

/** `url` with the order id set (or removed, with `null`); everything else kept. */
export function urlWithOrderId(url: string, orderId: string | null): string {
  const u = new URL(url);
  if (orderId === null) u.searchParams.delete(ORDER_PARAM);
  else u.searchParams.set(ORDER_PARAM, orderId);
  return u.href;
}

/**
 * The page side of results a shopper can come back to: the order id is written
 * into the page's URL (history.replaceState, no navigation) once an order
 * exists, so a reload, a bookmark, a new tab or a return from 3-D Secure / a
 * wallet shows the order's result from `GET {endpoint}/{orderId}` instead of
 * an empty form (read by ordering.ts, loaded later). Nothing here ever posts an order.
 */
import { orderIdFromUrl, urlWithOrderId } from '../../core/order-id.js';

export { ORDER_PARAM } from '../../core/order-id.js';

/** The order id in the page's URL, if any. */
export function orderIdInPage(): string | null {
  return orderIdFromUrl(location.href);
}

/** Puts the order id into the page's URL (replacing the current history entry, keeping its state). */
export function rememberOrder(orderId: string): void {
  const next = urlWithOrderId(location.href, orderId);
  if (next !== location.href) history.replaceState(history.state, '', next);
}

/** Takes the order id out of the page's URL (the shopper starts a new order). */
export function forgetOrder(): void {
  const next = urlWithOrderId(location.href, null);
  if (next !== location.href) history.replaceState(history.state, '', next);
}

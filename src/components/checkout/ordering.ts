/**
 * The checkout's talk with the endpoint after the shopper presses the button:
 * posting the order, reading a redirect or QR code from the answer, and asking
 * the status route. Loaded while the shopper fills the form (a part of the
 * script-tag embed, a chunk in an app's bundle), not with the first screen.
 */
import { pollOrderStatus, type OrderStatusView, type PollOptions } from '../../core/resume.js';

export { parseAction } from '../../core/action.js';
export { submitCheckout } from '../../core/endpoint.js';

/** The order's current result, asking again while it is still being placed. */
export function resumeOrder(o: Omit<PollOptions, 'pageUrl'>): Promise<OrderStatusView> {
  return pollOrderStatus({ ...o, pageUrl: location.href });
}

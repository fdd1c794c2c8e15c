/** In-process shop for the operations tests: the real handlers over a store and an adapter, called as functions. */
import { createCheckoutHandler, createMemoryStore, createWebhookHandler, type LogLevel, type OrderEvent, type PspAdapter, type Store } from 'kessai/server';
import { createDemoCatalog } from '../../../demo/server/catalog.js';
import { orderBody, uuid } from './orders.js';

export const cardBody = (token = 'tok_visa') => orderBody({ method: 'card', konbini: undefined, card: { token, brand: 'visa', last4: '4242' } });
export const konbiniBody = (store = 'lawson') => orderBody({ konbini: { store } });

export interface Shop {
  store: Store;
  logs: Array<{ level: LogLevel; line: string }>;
  events: OrderEvent[];
  /** The handler's clock: move it with `shop.clock.t += ms`. */
  clock: { t: number };
  checkout(body: unknown, key?: string, headers?: Record<string, string>): Promise<{ res: Response; json: Record<string, unknown> & { orderId?: string; error?: Record<string, string> }; key: string }>;
  webhook(body: string, headers: Record<string, string>): Promise<Response>;
}

export function shop(psp: PspAdapter, store: Store = createMemoryStore()): Shop {
  const logs: Shop['logs'] = [];
  const events: OrderEvent[] = [];
  const clock = { t: Date.now() };
  const logger = { log: (level: LogLevel, msg: string, fields: Record<string, unknown>) => void logs.push({ level, line: JSON.stringify({ level, msg, ...fields }) }) };
  const now = () => new Date(clock.t);
  const checkoutHandler = createCheckoutHandler({ store, psp, catalog: createDemoCatalog(), logger, now, onEvent: (e) => void events.push(e) });
  const webhookHandler = createWebhookHandler({ store, psp, logger, now, onEvent: (e) => void events.push(e) });
  return {
    store, logs, events, clock,
    async checkout(body, key = uuid(), headers = {}) {
      const res = await checkoutHandler(
        new Request('http://shop.test/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers }, body: JSON.stringify(body) }),
      );
      return { res, json: (await res.clone().json()) as never, key };
    },
    webhook: (body, headers) => webhookHandler(new Request('http://shop.test/api/psp-webhook', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body })),
  };
}

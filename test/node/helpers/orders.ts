/** Fixtures shared by the Node tests. */
import type { NewOrder, OrderSettlement, Store } from 'kessai/server';

export const customer = {
  familyName: '山田', givenName: '太郎', familyNameKana: 'ヤマダ', givenNameKana: 'タロウ', email: 'taro@example.jp', phone: '09012345678',
};

/** A valid request body of the endpoint contract (the demo catalogue's matcha-set, Konbini). */
export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    reference: 'matcha-set', amount: 3240, currency: 'JPY', method: 'konbini', konbini: { store: 'lawson' }, customer,
    address: { postalCode: '1000001', prefecture: '東京都', prefectureCode: '13', city: '千代田区', line1: '千代田1-1', line2: '' },
    ...overrides,
  };
}

export const T0 = Date.parse('2026-11-25T15:30:00Z'); // 00:30 on 26 November in Tokyo
export const jst = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+09:00');

let n = 0;
export const uuid = () => crypto.randomUUID();
export const newOrderId = () => `ord_${String(++n).padStart(4, '0')}${Math.random().toString(36).slice(2, 18).padEnd(16, '0')}`;

export function newOrder(id: string, key: string, at: number, method: NewOrder['method'] = 'konbini'): NewOrder {
  return {
    id, idempotencyKey: key, reference: 'matcha-set', description: '宇治抹茶セット', amount: 3240, method,
    konbiniStore: method === 'konbini' ? 'lawson' : undefined, customer, psp: 'test', sandbox: true, at: jst(at),
  };
}

export const body = (s: string) => new TextEncoder().encode(s);

/** begin → createOrder → completeKey, as the handler does; returns the order id. */
export async function placeOrder(
  store: Store,
  opts: { key?: string; at?: number; status?: OrderSettlement['status']; deadline?: string; pspPaymentId?: string; method?: NewOrder['method'] } = {},
): Promise<{ orderId: string; key: string; pspPaymentId: string }> {
  const key = opts.key ?? uuid();
  const at = opts.at ?? T0;
  const begun = await store.beginKey({ scope: 'POST /api/checkout', key, fingerprint: 'f', now: at, ttlMs: 86_400_000, lockTimeoutMs: 60_000, newOrderId: newOrderId() });
  if (begun.kind !== 'new') throw new Error(`expected new, got ${begun.kind}`);
  const { lease } = begun;
  if (!(await store.createOrder(lease, newOrder(lease.orderId, key, at, opts.method)))) throw new Error('createOrder failed');
  const pspPaymentId = opts.pspPaymentId ?? `pay_${lease.orderId}`;
  const status = opts.status ?? 'pending';
  const instructions = status === 'pending' ? { method: 'konbini' as const, store: 'lawson', paymentCode: '123', expiresAt: opts.deadline ?? '2026-11-29T23:59:59+09:00' } : undefined;
  const ok = await store.completeKey(lease, { status: 200, contentType: 'application/json', body: body(`{"orderId":"${lease.orderId}"}`) }, {
    status, pspPaymentId, instructions, at: jst(at),
  });
  if (!ok) throw new Error('completeKey failed');
  return { orderId: lease.orderId, key, pspPaymentId };
}

/**
 * PAY.JP adapter (plain fetch: the official `payjp` SDK 3.x sends no
 * Idempotency-Key header — `charges.create(query)` takes no headers — so a
 * retried request could charge twice; see docs/psp.md).
 *
 * Read from PAY.JP's API reference (pay.jp/docs/api, pay.jp/docs/webhook,
 * pay.jp/docs/charge-tds) and the payjp SDK's sources:
 * - `https://api.pay.jp/v1`, HTTP Basic with the secret key `sk_…` as user name,
 *   form-encoded bodies; `POST /v1/charges` with `card` (a token `tok_…`),
 *   `amount`, `currency=jpy`, `capture=true`, `three_d_secure=true`; `GET /v1/charges/:id`;
 * - 3-D Secure: the charge comes back `three_d_secure_status: "unverified"`; the shopper
 *   opens `/v1/tds/{charge id}/start?publickey=pk_…&back_url=<JWS>` (the back URL as an
 *   HS256 JWS signed with the secret key);
 * - refunds: `POST /v1/charges/:id/refund` with `refund_amount` (none: the rest), the charge comes back
 *   with `amount_refunded`; listing: `GET /v1/charges?since=&until=&limit=100&offset=` (unix seconds);
 * - PAY.JP's v1 API charges cards only: no Konbini, Pay-easy or bank transfer (422 method_unavailable);
 * - webhooks: the header `X-Payjp-Webhook-Token` carries the fixed token shown in the
 *   dashboard; events `charge.succeeded`, `charge.failed`, `charge.refunded`, … with the charge in `data`.
 */
import type { BankTransferInstructions, KonbiniInstructions, PayEasyInstructions } from '../../core/contract.js';
import { PspUnsupportedMethodError, WebhookNotConfiguredError, type CardResult, type PaymentRequest, type PendingResult, type PspAdapter, type PspEvent, type PspListRange, type PspPayment, type PspRefund, type RefundRequest } from '../types.js';
import { basicAuth, clean, constantTimeEqual, jstFromUnix, parseJsonBody, pspHttp, PspHttpError, requireSecret, type PspHttpOptions, type PspJson } from './shared.js';

export interface PayjpPspOptions extends Partial<PspHttpOptions> {
  /** `sk_live_…` / `sk_test_…` (PAYJP_SECRET_KEY). A public `pk_…` key is refused. */
  secretKey: string | undefined;
  /** The webhook token from PAY.JP's dashboard (PAYJP_WEBHOOK_TOKEN). */
  webhookToken?: string;
  /** The public key `pk_…` (PAYJP_PUBLIC_KEY): only used in the 3-D Secure start URL the shopper opens. */
  publicKey?: string;
  /** Where PAY.JP sends the shopper back after 3-D Secure (https). */
  returnUrl?: string;
  /** Where the shopper's browser opens PAY.JP's 3-D Secure page (default https://api.pay.jp). */
  tdsBaseUrl?: string;
  /** Ask for 3-D Secure on every card charge (default true). */
  threeDSecure?: boolean;
}

export const PAYJP_TOKEN_HEADER = 'X-Payjp-Webhook-Token';

interface Charge {
  id: string;
  object: 'charge';
  amount: number;
  paid: boolean;
  captured: boolean;
  captured_at?: number | null;
  refunded?: boolean;
  amount_refunded?: number;
  failure_code?: string | null;
  created?: number;
  metadata?: Record<string, string> | null;
  three_d_secure_status?: 'unverified' | 'verified' | 'attempted' | 'not_needed' | 'failed' | 'error' | null;
}

const payjpError = (b: PspJson): string | undefined => b?.error?.code;

/** A compact HS256 JWS (what PAY.JP's back_url wants), signed with the secret key. */
async function hs256(payload: object, key: string): Promise<string> {
  const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const enc = new TextEncoder();
  const input = `${b64(enc.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })))}.${b64(enc.encode(JSON.stringify(payload)))}`;
  const k = await crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return `${input}.${b64(new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(input))))}`;
}

export class PayjpPsp implements PspAdapter {
  readonly name = 'payjp';
  readonly sandbox: boolean;
  private readonly call;
  private readonly o: PayjpPspOptions;
  private readonly secretKey: string;
  private readonly base: string;

  constructor(options: PayjpPspOptions) {
    this.secretKey = requireSecret('PAYJP_SECRET_KEY', options.secretKey, { refuse: /^pk_/, expect: /^sk_/, what: 'PAY.JP' });
    this.sandbox = this.secretKey.startsWith('sk_test_');
    this.o = options;
    this.base = (options.baseUrl ?? 'https://api.pay.jp').replace(/\/+$/, '');
    this.call = pspHttp('payjp', { baseUrl: this.base, timeoutMs: options.timeoutMs, fetch: options.fetch }, basicAuth(this.secretKey));
  }

  createKonbiniPayment(): Promise<PendingResult<KonbiniInstructions>> {
    return Promise.reject(new PspUnsupportedMethodError('payjp', 'konbini'));
  }

  createPayEasyPayment(): Promise<PendingResult<PayEasyInstructions>> {
    return Promise.reject(new PspUnsupportedMethodError('payjp', 'pay-easy'));
  }

  createBankTransfer(): Promise<PendingResult<BankTransferInstructions>> {
    return Promise.reject(new PspUnsupportedMethodError('payjp', 'bank-transfer'));
  }

  async chargeCard(payment: PaymentRequest, card: { token: string }): Promise<CardResult> {
    const tds = this.o.threeDSecure ?? true;
    let c: Charge;
    try {
      c = await this.call<Charge>(
        {
          method: 'POST',
          path: '/v1/charges',
          headers: { 'Idempotency-Key': payment.idempotencyKey },
          form: true,
          body: { card: card.token, amount: payment.amount, currency: 'jpy', capture: true, three_d_secure: tds || undefined, description: payment.description, metadata: { order_id: payment.orderId } },
        },
        payjpError,
      );
    } catch (e) {
      if (e instanceof PspHttpError && e.status === 402) return { status: 'declined', pspPaymentId: `payjp:declined:${payment.orderId}`, sandbox: this.sandbox, declineCode: e.code ?? 'card_declined' };
      throw e;
    }
    if (c.three_d_secure_status === 'unverified') {
      const returnUrl = payment.returnUrl ?? this.o.returnUrl;
      if (!this.o.publicKey || !returnUrl) throw new Error('payjp: 3-D Secure needs PAYJP_PUBLIC_KEY and a return URL');
      const backUrl = await hs256({ url: returnUrl }, this.secretKey);
      const redirectUrl = `${(this.o.tdsBaseUrl ?? 'https://api.pay.jp').replace(/\/+$/, '')}/v1/tds/${encodeURIComponent(c.id)}/start?publickey=${encodeURIComponent(this.o.publicKey)}&back_url=${backUrl}`;
      return { status: 'requires_action', pspPaymentId: c.id, sandbox: this.sandbox, redirectUrl };
    }
    if (c.paid) return { status: 'succeeded', pspPaymentId: c.id, sandbox: this.sandbox };
    return { status: 'declined', pspPaymentId: c.id, sandbox: this.sandbox, declineCode: c.failure_code ?? 'card_declined' };
  }

  private toPayment(c: Charge): PspPayment {
    const status = c.refunded && (c.amount_refunded ?? 0) >= c.amount ? 'refunded' : c.paid ? 'succeeded' : c.three_d_secure_status === 'unverified' ? 'requires_action' : 'failed';
    return clean({
      pspPaymentId: c.id, status, amount: c.amount, paidAt: jstFromUnix(c.captured_at), orderId: c.metadata?.order_id, createdAt: jstFromUnix(c.created), amountRefunded: c.amount_refunded ?? undefined,
    });
  }

  async retrievePayment(pspPaymentId: string): Promise<PspPayment> {
    return this.toPayment(await this.call<Charge>({ method: 'GET', path: `/v1/charges/${encodeURIComponent(pspPaymentId)}` }, payjpError));
  }

  async refundPayment(r: RefundRequest): Promise<PspRefund> {
    const c = await this.call<Charge>(
      { method: 'POST', path: `/v1/charges/${encodeURIComponent(r.pspPaymentId)}/refund`, headers: { 'Idempotency-Key': r.idempotencyKey }, form: true, body: { refund_amount: r.amount, refund_reason: r.reason } },
      payjpError,
    );
    // PAY.JP keeps no refund objects: the charge and its refunded total name the refund.
    return { pspRefundId: `${c.id}:refunded:${c.amount_refunded ?? r.amount}`, amount: r.amount, status: 'succeeded' };
  }

  async listPayments(range: PspListRange): Promise<PspPayment[]> {
    const out: PspPayment[] = [];
    const since = Math.floor(Date.parse(range.from) / 1000);
    const until = Math.floor(Date.parse(range.to) / 1000) - 1; // PAY.JP's until is inclusive
    for (let offset = 0; offset < 100_000; offset += 100) {
      const list = await this.call<{ data: Charge[]; has_more: boolean }>({ method: 'GET', path: `/v1/charges?since=${since}&until=${until}&limit=100&offset=${offset}` }, payjpError);
      out.push(...list.data.map((c) => this.toPayment(c)));
      if (!list.has_more) break;
    }
    return out;
  }

  async parseWebhook(rawBody: Uint8Array, headers: Headers): Promise<PspEvent | null> {
    const token = this.o.webhookToken;
    if (!token) throw new WebhookNotConfiguredError();
    if (!(await constantTimeEqual(headers.get(PAYJP_TOKEN_HEADER) ?? '', token))) return null;
    const e = parseJsonBody(rawBody);
    if (typeof e?.id !== 'string' || typeof e.type !== 'string') return null;
    const d = e.data ?? {};
    const isCharge = d.object === 'charge' && typeof d.id === 'string';
    let type: string = e.type;
    if (e.type === 'charge.succeeded') type = 'payment.succeeded';
    else if (e.type === 'charge.failed') type = 'payment.failed';
    // Only a full refund is `payment.refunded`; a partial one keeps PAY.JP's name (recorded, nothing moves).
    else if (e.type === 'charge.refunded' && d.refunded === true && d.amount_refunded >= d.amount) type = 'payment.refunded';
    let amount: number | undefined;
    if (type === 'payment.succeeded' && isCharge) {
      // The token proves the sender, not the body: the amount and the state are read back from PAY.JP.
      const c = await this.retrievePayment(d.id);
      if (c.status !== 'succeeded') type = 'charge.succeeded.unconfirmed';
      amount = c.amount;
    }
    return clean({ id: e.id, type, pspPaymentId: isCharge ? d.id : undefined, amount, occurredAt: jstFromUnix(e.created) });
  }
}

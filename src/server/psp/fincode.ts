/**
 * fincode adapter (plain fetch: the official `@fincode/node` SDK builds its
 * URLs from two fixed hosts — api.fincode.jp / api.test.fincode.jp — so it
 * cannot be pointed at a fake or a failover host, and it pulls in node-fetch,
 * form-data and https-proxy-agent; see docs/psp.md).
 *
 * Read from fincode's API reference (docs.fincode.jp/api) and @fincode/node 1.1's types:
 * - `Authorization: Bearer <secret key>` (`m_test_…` / `m_prod_…`; public keys are `p_…`),
 *   JSON bodies, the `idempotent_key` header;
 * - a payment is registered (`POST /v1/payments` → `id`, `access_id`) then executed
 *   (`PUT /v1/payments/{id}` with `access_id`); `GET /v1/payments/{id}?pay_type=…`;
 * - Konbini: `pay_type: "Konbini"`, `payment_term_day` (0–14) → a barcode (base64
 *   image) the shopper shows at the register of Seven-Eleven, Lawson, Ministop,
 *   Seicomart or Daily Yamazaki (no FamilyMart), `payment_term` as `yyyy/MM/dd HH:mm:ss.SSS` in JST;
 * - bank transfer: `pay_type: "Virtualaccount"`, `billing_amount` → `va_*` account fields;
 * - card: `pay_type: "Card"`, `job_code: "CAPTURE"`, `tds_type: "2"`, then `token` and
 *   `tds2_ret_url` → `redirect_url` when 3-D Secure must run;
 * - cancellation (a whole card refund, or an unpaid Konbini / bank transfer): `PUT /v1/payments/{id}/cancel`
 *   with `pay_type` and `access_id`; a partial card refund lowers the amount: `PUT /v1/payments/{id}/change`
 *   with `job_code` and the new `amount`; listing: `GET /v1/payments?pay_type=…&process_date_from=…&process_date_to=…&page=…`
 *   (yyyy/MM/dd, JST), answered `{ list, last_page }`;
 * - webhooks: the `Fincode-Signature` header carries the fixed string set on the
 *   webhook setting; the body is the payment (`order_id`, `pay_type`, `status`,
 *   `amount` as a string, `event` such as `payments.konbini.complete`); the answer
 *   must be `{"receive":"0"}`. fincode's notifications carry no event id, and
 *   fincode notifies no Konbini expiry: kessai's sweep expires the order at its JST deadline.
 */
import type { BankTransferInstructions, KonbiniInstructions, KonbiniStore, PayEasyInstructions } from '../../core/contract.js';
import { toJstIso } from '../http.js';
import { PspUnsupportedMethodError, WebhookNotConfiguredError, type CardResult, type PaymentRequest, type PendingResult, type PspAdapter, type PspEvent, type PspListRange, type PspPayment, type PspRefund, type RefundRequest } from '../types.js';
import { clean, constantTimeEqual, jstFromFincode, parseJsonBody, pspHttp, PspHttpError, requireSecret, type PspHttpOptions, type PspJson } from './shared.js';

export interface FincodePspOptions extends Partial<PspHttpOptions> {
  /** `m_test_…` / `m_prod_…` (FINCODE_SECRET_KEY). A public `p_…` key is refused. */
  secretKey: string | undefined;
  /** The signature string of the webhook setting (FINCODE_WEBHOOK_SIGNATURE). */
  webhookSignature?: string;
  /** Days to pay a Konbini barcode (0–14, default 3) and a bank transfer (default 7). */
  konbiniTermDays?: number;
  bankTransferTermDays?: number;
  /** The merchant's page that shows a Konbini payment's barcode (fincode issues no page of its own). */
  barcodePageUrl?: (pspPaymentId: string) => string;
  /** Where the shopper returns after 3-D Secure (https). */
  returnUrl?: string;
}

export const FINCODE_SIGNATURE_HEADER = 'Fincode-Signature';
/** The chains where fincode's Konbini barcode is accepted. */
const FINCODE_STORES: readonly KonbiniStore[] = ['seven-eleven', 'lawson', 'ministop', 'seicomart', 'daily-yamazaki'];

type PayType = 'Konbini' | 'Card' | 'Virtualaccount';

interface FincodePayment {
  id: string;
  access_id: string;
  pay_type: PayType;
  status: 'UNPROCESSED' | 'CHECKED' | 'AUTHORIZED' | 'CAPTURED' | 'CANCELED' | 'AUTHENTICATED' | 'AWAITING_CUSTOMER_PAYMENT' | 'EXPIRED' | 'FAILED';
  amount?: number | null;
  billing_amount?: number | null;
  payment_term?: string | null;
  process_date?: string | null;
  redirect_url?: string | null;
  va_bank_name?: string | null;
  va_branch_name?: string | null;
  va_account_number?: string | null;
  va_account_name?: string | null;
  client_field_1?: string | null;
  created?: string | null;
}

const FINCODE_STATUS = { CAPTURED: 'succeeded', AUTHORIZED: 'succeeded', CANCELED: 'canceled', EXPIRED: 'expired', FAILED: 'failed', AWAITING_CUSTOMER_PAYMENT: 'pending', AUTHENTICATED: 'requires_action' } as const;

const fincodeError = (b: PspJson): string | undefined => b?.errors?.[0]?.error_code;

/** Our pspPaymentId is `<pay_type>/<fincode id>`: fincode needs the pay type to read a payment back. */
const ours = (payType: string, id: string) => `${payType}/${id}`;
const theirs = (pspPaymentId: string): [PayType, string] => {
  const i = pspPaymentId.indexOf('/');
  return [pspPaymentId.slice(0, i) as PayType, pspPaymentId.slice(i + 1)];
};

export class FincodePsp implements PspAdapter {
  readonly name = 'fincode';
  readonly sandbox: boolean;
  /** fincode resends a notification unless the answer says `{"receive":"0"}`. */
  readonly webhookAcknowledgement = Object.freeze({ receive: '0' });
  private readonly call;
  private readonly o: FincodePspOptions;

  constructor(options: FincodePspOptions) {
    const secretKey = requireSecret('FINCODE_SECRET_KEY', options.secretKey, { refuse: /^p_/, expect: /^m_/, what: 'fincode' });
    this.sandbox = secretKey.startsWith('m_test_');
    this.o = options;
    const baseUrl = options.baseUrl ?? (this.sandbox ? 'https://api.test.fincode.jp' : 'https://api.fincode.jp');
    this.call = pspHttp('fincode', { baseUrl, timeoutMs: options.timeoutMs, fetch: options.fetch }, { Authorization: `Bearer ${secretKey}` });
  }

  /** Register, then execute: each step under its own idempotent_key derived from ours. */
  private async registerAndExecute(payment: PaymentRequest, register: Record<string, unknown>, execute: Record<string, unknown>): Promise<FincodePayment> {
    const payType = register.pay_type as PayType;
    const reg = await this.call<FincodePayment>(
      { method: 'POST', path: '/v1/payments', headers: { idempotent_key: `${payment.idempotencyKey}:register` }, body: { client_field_1: payment.orderId, ...register } },
      fincodeError,
    );
    return this.call<FincodePayment>(
      { method: 'PUT', path: `/v1/payments/${encodeURIComponent(reg.id)}`, headers: { idempotent_key: `${payment.idempotencyKey}:execute` }, body: { pay_type: payType, access_id: reg.access_id, ...execute } },
      fincodeError,
    );
  }

  async createKonbiniPayment(payment: PaymentRequest, store: KonbiniStore): Promise<PendingResult<KonbiniInstructions>> {
    if (!FINCODE_STORES.includes(store)) throw new PspUnsupportedMethodError('fincode', `konbini at ${store}`);
    const p = await this.registerAndExecute(payment, { pay_type: 'Konbini', amount: String(payment.amount) }, { payment_term_day: String(this.o.konbiniTermDays ?? 3) });
    const pspPaymentId = ours('Konbini', p.id);
    // fincode's Konbini is a barcode shown at the register: no number to type, so no paymentCode.
    const instructions: KonbiniInstructions = clean({ method: 'konbini', store, expiresAt: jstFromFincode(p.payment_term), instructionsUrl: this.o.barcodePageUrl?.(pspPaymentId) });
    return { status: 'pending', pspPaymentId, sandbox: this.sandbox, instructions };
  }

  createPayEasyPayment(_payment: PaymentRequest): Promise<PendingResult<PayEasyInstructions>> {
    return Promise.reject(new PspUnsupportedMethodError('fincode', 'pay-easy'));
  }

  async createBankTransfer(payment: PaymentRequest): Promise<PendingResult<BankTransferInstructions>> {
    const p = await this.registerAndExecute(payment, { pay_type: 'Virtualaccount', billing_amount: String(payment.amount) }, { payment_term_day: String(this.o.bankTransferTermDays ?? 7) });
    const instructions: BankTransferInstructions = clean({
      method: 'bank-transfer',
      bankName: p.va_bank_name ?? undefined,
      branchName: p.va_branch_name ?? undefined,
      accountType: '普通',
      accountNumber: p.va_account_number ?? undefined,
      accountHolder: p.va_account_name ?? undefined,
      expiresAt: jstFromFincode(p.payment_term),
    });
    return { status: 'pending', pspPaymentId: ours('Virtualaccount', p.id), sandbox: this.sandbox, instructions };
  }

  async chargeCard(payment: PaymentRequest, card: { token: string }): Promise<CardResult> {
    let p: FincodePayment;
    try {
      p = await this.registerAndExecute(
        payment,
        { pay_type: 'Card', job_code: 'CAPTURE', amount: String(payment.amount), tds_type: '2', tds2_type: '3' },
        { token: card.token, method: '1', tds2_ret_url: payment.returnUrl ?? this.o.returnUrl },
      );
    } catch (e) {
      if (e instanceof PspHttpError && e.status === 400) return { status: 'declined', pspPaymentId: `fincode:declined:${payment.orderId}`, sandbox: this.sandbox, declineCode: e.code ?? 'card_declined' };
      throw e;
    }
    const pspPaymentId = ours('Card', p.id);
    if (p.status === 'CAPTURED' || p.status === 'AUTHORIZED') return { status: 'succeeded', pspPaymentId, sandbox: this.sandbox };
    if (p.redirect_url?.startsWith('https://')) return { status: 'requires_action', pspPaymentId, sandbox: this.sandbox, redirectUrl: p.redirect_url };
    return { status: 'declined', pspPaymentId, sandbox: this.sandbox, declineCode: p.status };
  }

  private toPayment(p: FincodePayment): PspPayment {
    // A captured card is refunded in full by cancelling it: a cancelled card payment is a refunded one.
    const status = p.pay_type === 'Card' && p.status === 'CANCELED' ? 'refunded' : (FINCODE_STATUS[p.status as keyof typeof FINCODE_STATUS] ?? 'pending');
    return clean({
      pspPaymentId: ours(p.pay_type, p.id), status, amount: Number(p.amount ?? p.billing_amount ?? 0), expiresAt: jstFromFincode(p.payment_term),
      orderId: p.client_field_1 ?? undefined, createdAt: jstFromFincode(p.created ?? p.process_date),
    });
  }

  private get(pspPaymentId: string): Promise<FincodePayment> {
    const [payType, id] = theirs(pspPaymentId);
    return this.call<FincodePayment>({ method: 'GET', path: `/v1/payments/${encodeURIComponent(id)}?pay_type=${payType}` }, fincodeError);
  }

  async retrievePayment(pspPaymentId: string): Promise<PspPayment> {
    return this.toPayment(await this.get(pspPaymentId));
  }

  /** `cancel` (all) or `change` (a lower amount) under our key; both need the payment's access_id. */
  private async update(pspPaymentId: string, action: 'cancel' | 'change', idempotencyKey: string, extra: Record<string, unknown> = {}): Promise<FincodePayment> {
    const p = await this.get(pspPaymentId);
    return this.call<FincodePayment>(
      { method: 'PUT', path: `/v1/payments/${encodeURIComponent(p.id)}/${action}`, headers: { idempotent_key: idempotencyKey }, body: { pay_type: p.pay_type, access_id: p.access_id, ...extra } },
      fincodeError,
    );
  }

  async refundPayment(r: RefundRequest): Promise<PspRefund> {
    if (!r.pspPaymentId.startsWith('Card/')) throw new PspUnsupportedMethodError('fincode', 'refunds of Konbini / bank-transfer payments (pay them back yourself)');
    // A card is refunded by cancelling it (all) or by changing its amount to what stays paid (part).
    const p = r.remainingAfter <= 0 ? await this.update(r.pspPaymentId, 'cancel', r.idempotencyKey) : await this.update(r.pspPaymentId, 'change', r.idempotencyKey, { job_code: 'CAPTURE', amount: String(r.remainingAfter) });
    return { pspRefundId: `${ours(p.pay_type, p.id)}:${r.remainingAfter <= 0 ? 'canceled' : `amount:${r.remainingAfter}`}`, amount: r.amount, status: 'succeeded' };
  }

  async cancelPayment(pspPaymentId: string, idempotencyKey: string): Promise<void> {
    await this.update(pspPaymentId, 'cancel', idempotencyKey);
  }

  async listPayments(range: PspListRange): Promise<PspPayment[]> {
    const day = (iso: string) => toJstIso(new Date(iso)).slice(0, 10).replace(/-/g, '/');
    const from = day(range.from);
    const to = day(new Date(Date.parse(range.to) - 1000).toISOString());
    const out: PspPayment[] = [];
    for (const payType of ['Card', 'Konbini', 'Virtualaccount']) {
      for (let page = 1; page <= 1000; page++) {
        const q = new URLSearchParams({ pay_type: payType, process_date_from: from, process_date_to: to, limit: '100', page: String(page) });
        const list = await this.call<{ list: FincodePayment[]; last_page?: number }>({ method: 'GET', path: `/v1/payments?${q}` }, fincodeError);
        out.push(...list.list.map((p) => this.toPayment(p)));
        if (!list.last_page || page >= list.last_page) break;
      }
    }
    return out;
  }

  async parseWebhook(rawBody: Uint8Array, headers: Headers): Promise<PspEvent | null> {
    const signature = this.o.webhookSignature;
    if (!signature) throw new WebhookNotConfiguredError();
    if (!(await constantTimeEqual(headers.get(FINCODE_SIGNATURE_HEADER) ?? '', signature))) return null;
    const e = parseJsonBody(rawBody);
    if (typeof e?.event !== 'string' || typeof e.order_id !== 'string' || typeof e.pay_type !== 'string') return null;
    const when = e.payment_date ?? e.transaction_date ?? e.process_date;
    let type: string = e.event;
    if (e.status === 'EXPIRED') type = 'payment.expired';
    else if (/^payments\.(konbini|virtualaccount)\.complete$/.test(e.event) || (e.event === 'payments.card.exec' && e.status === 'CAPTURED')) type = 'payment.succeeded';
    else if (/^payments\.[a-z]+\.cancel$/.test(e.event)) type = 'payment.canceled';
    else if (e.status === 'FAILED') type = 'payment.failed';
    // No event id from fincode: the same notification resent is the same event, a later change another one.
    const id = `fincode:${e.event}:${e.order_id}:${e.status ?? ''}:${when ?? ''}`;
    const pspPaymentId = ours(e.pay_type, e.order_id);
    let amount: number | undefined;
    if (type === 'payment.succeeded') {
      // The signature string proves the sender, not the body: the amount and the state are read back from fincode.
      const p = await this.retrievePayment(pspPaymentId);
      if (p.status !== 'succeeded') type = `${e.event}.unconfirmed`;
      amount = p.amount;
    }
    return clean({ id, type, pspPaymentId, amount, occurredAt: jstFromFincode(when) });
  }
}

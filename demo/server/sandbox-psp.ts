/**
 * SANDBOX PSP: no money moves. It issues numbers shaped like the real ones so
 * the whole flow (instructions on screen, deadline in JST, webhook) can be
 * tried end to end; every result carries `sandbox: true` and the bank is
 * called サンドボックス銀行. Replace it with an adapter over your PSP
 * (`PspAdapter` in kessai/server; docs/server.md).
 */
import {
  INSTALLMENT_PLANS,
  jstEndOfDay,
  toJstIso,
  WebhookNotConfiguredError,
  type BankTransferInstructions,
  type CardResult,
  type InstallmentPlan,
  type WalletId,
  type WalletResult,
  type KonbiniInstructions,
  type KonbiniStore,
  type PayEasyInstructions,
  type PaymentRequest,
  type PendingResult,
  type PspAdapter,
  type PspEvent,
} from 'kessai/server';

export interface SandboxPspOptions {
  /** Days until the payment deadline (23:59:59 JST that day). Default konbini 3, Pay-easy 3, bank transfer 7. */
  expiryDays?: number | { konbini?: number; payEasy?: number; bankTransfer?: number };
  /** Simulated PSP latency in ms (default 0). */
  delayMs?: number;
  /** Simulated outage: the next N calls fail as a network error would (default 0). */
  failures?: number;
  /** The clock (default: the real one). */
  now?: () => Date;
  /** Signs and verifies sandbox webhooks (HMAC-SHA256). Server-only: read it from the environment. */
  webhookSecret?: string;
  /**
   * Base URL of the sandbox's 払込票, 3-D Secure and wallet pages (`sandboxPages()` serves them).
   * https, or http on this machine (localhost) for development. Default https://sandbox.kessai.example
   */
  baseUrl?: string;
  /** How long a wallet QR code can be paid (default 5 minutes). */
  walletQrSeconds?: number;
}

/** What the sandbox recorded of each payment (for the demo and tests). */
export interface SandboxPaymentRecord {
  kind: 'konbini' | 'pay-easy' | 'bank-transfer' | 'card' | 'wallet';
  amount: number;
  orderId: string;
  installments?: InstallmentPlan;
  wallet?: WalletId;
  /** Where the shopper goes back after the 3-D Secure or wallet page. */
  returnUrl?: string;
  /** Wallet QR codes: the deadline. */
  expiresAt?: string;
  /** What the shopper decided on the sandbox page. */
  decision?: 'approved' | 'declined' | 'expired';
}

/** The sandbox wallets' names (shown on its wallet page). */
export const SANDBOX_WALLET_NAMES: Readonly<Record<WalletId, string>> = { paypay: 'PayPay', 'rakuten-pay': '楽天ペイ', 'd-barai': 'd払い', 'au-pay': 'au PAY', merpay: 'メルペイ' };

/** Header carrying the sandbox webhook signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SANDBOX_SIGNATURE_HEADER = 'Kessai-Sandbox-Signature';
/** Signed webhooks older (or newer) than this are refused (replay protection). */
const WEBHOOK_TOLERANCE_S = 300;

/** Fixed biller numbers of the sandbox (a real PSP gives you its own). */
const FAMILYMART_COMPANY_CODE = '99077';
const PAYEASY_INSTITUTION_NUMBER = '99001';

/**
 * Demo card tokens (what the demo tokenizer returns; a real PSP's token JS
 * returns its own):
 * - `tok_demo_3ds…` → requires_action (3-D Secure), redirect to an https page;
 * - `tok_demo_declined…` → declined;
 * - any other `tok_demo_…` → succeeded.
 * Anything else is declined: the sandbox knows no real tokens.
 */
export const SANDBOX_CARD_TOKENS = { succeeds: 'tok_demo_visa', requiresAction: 'tok_demo_3ds', declined: 'tok_demo_declined' } as const;

/** A page of the sandbox (static HTML, no script; every value in it is ours). */
function sandboxPage(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'", 'X-Content-Type-Options': 'nosniff' },
  });
}

function randomDigits(n: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  let s = '';
  for (const b of bytes) s += String(b % 10);
  // A leading zero is dropped by some terminals when typed; real numbers avoid it.
  return s[0] === '0' ? String((bytes[0] % 9) + 1) + s.slice(1) : s;
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const encoder = new TextEncoder();

async function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

const hexToBytes = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((h) => parseInt(h, 16)));

export class SandboxPsp implements PspAdapter {
  readonly name = 'sandbox';
  readonly sandbox = true;
  /** Simulated latency (ms); may be changed at run time. */
  delayMs: number;
  /** Calls still to fail (simulated outage); may be changed at run time. */
  failures: number;
  private readonly now: () => Date;
  private readonly days: { konbini: number; payEasy: number; bankTransfer: number };
  private readonly baseUrl: string;
  private readonly webhookSecret?: string;
  /** PSP-side idempotency: the same key returns the first result. */
  private readonly byKey = new Map<string, Promise<unknown>>();
  /** Payments created (not counting idempotent repeats). */
  payments = 0;
  private readonly amounts = new Map<string, number>();
  private readonly walletQrMs: number;
  /** Every payment the sandbox created, by its payment id. */
  readonly records = new Map<string, SandboxPaymentRecord>();
  /** 支払回数 the sandbox accepts (all of them). */
  readonly installmentPlans: readonly InstallmentPlan[] = INSTALLMENT_PLANS;

  constructor(options: SandboxPspOptions = {}) {
    const d = options.expiryDays;
    this.days =
      typeof d === 'number'
        ? { konbini: d, payEasy: d, bankTransfer: d }
        : { konbini: d?.konbini ?? 3, payEasy: d?.payEasy ?? 3, bankTransfer: d?.bankTransfer ?? 7 };
    this.delayMs = options.delayMs ?? 0;
    this.failures = options.failures ?? 0;
    this.now = options.now ?? (() => new Date());
    this.baseUrl = (options.baseUrl ?? 'https://sandbox.kessai.example').replace(/\/+$/, '');
    if (!/^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(this.baseUrl)) throw new Error('SandboxPsp baseUrl must be https (or http on localhost)');
    this.walletQrMs = (options.walletQrSeconds ?? 300) * 1000;
    this.webhookSecret = options.webhookSecret || undefined;
  }

  private once<T>(payment: PaymentRequest, make: (pspPaymentId: string) => T): Promise<T> {
    const hit = this.byKey.get(payment.idempotencyKey);
    if (hit) return hit as Promise<T>;
    const p = (async () => {
      if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
      if (this.failures > 0) {
        this.failures--;
        throw new Error('sandbox PSP: simulated outage');
      }
      this.payments++;
      const id = `sbx_pay_${randomHex(12)}`;
      this.amounts.set(id, payment.amount);
      return make(id);
    })();
    this.byKey.set(payment.idempotencyKey, p);
    p.catch(() => this.byKey.delete(payment.idempotencyKey));
    return p;
  }

  createKonbiniPayment(payment: PaymentRequest, store: KonbiniStore): Promise<PendingResult<KonbiniInstructions>> {
    return this.once(payment, (pspPaymentId) => {
      const expiresAt = jstEndOfDay(this.now(), this.days.konbini);
      let instructions: KonbiniInstructions;
      switch (store) {
        case 'seven-eleven': {
          // 払込票番号 (13 digits) and the 払込票 page to show or print at the register.
          const paymentCode = randomDigits(13);
          const instructionsUrl = `${this.baseUrl}/konbini/seven-eleven/${paymentCode}`;
          instructions = { method: 'konbini', store, paymentCode, expiresAt, instructionsUrl };
          break;
        }
        case 'familymart':
          // 企業コード (5 digits, the biller) + 注文番号 (12 digits), typed into the Famiポート.
          instructions = { method: 'konbini', store, paymentCode: FAMILYMART_COMPANY_CODE, confirmationNumber: randomDigits(12), expiresAt };
          break;
        case 'lawson':
        case 'ministop':
          // お客様番号 (11 digits) + 確認番号 (6 digits), typed into the Loppi.
          instructions = { method: 'konbini', store, paymentCode: randomDigits(11), confirmationNumber: randomDigits(6), expiresAt };
          break;
        case 'seicomart':
        case 'daily-yamazaki':
          // オンライン決済番号 (11 digits), told at the register.
          instructions = { method: 'konbini', store, paymentCode: randomDigits(11), expiresAt };
          break;
      }
      return { status: 'pending', pspPaymentId, sandbox: true, instructions };
    });
  }

  createPayEasyPayment(payment: PaymentRequest): Promise<PendingResult<PayEasyInstructions>> {
    return this.once(payment, (pspPaymentId) => ({
      status: 'pending',
      pspPaymentId,
      sandbox: true,
      instructions: {
        method: 'pay-easy',
        institutionNumber: PAYEASY_INSTITUTION_NUMBER, // 収納機関番号
        customerNumber: randomDigits(16), // お客様番号
        confirmationNumber: randomDigits(6), // 確認番号
        expiresAt: jstEndOfDay(this.now(), this.days.payEasy),
      },
    }));
  }

  createBankTransfer(payment: PaymentRequest): Promise<PendingResult<BankTransferInstructions>> {
    return this.once(payment, (pspPaymentId) => ({
      status: 'pending',
      pspPaymentId,
      sandbox: true,
      instructions: {
        method: 'bank-transfer',
        // A virtual account per order, so the transfer is matched without reading the sender's name.
        bankName: 'サンドボックス銀行',
        branchName: 'テスト支店（101）',
        accountType: '普通',
        accountNumber: randomDigits(7),
        accountHolder: 'カ）ケッサイデモ',
        expiresAt: jstEndOfDay(this.now(), this.days.bankTransfer),
      },
    }));
  }

  chargeCard(payment: PaymentRequest, card: { token: string; installments?: InstallmentPlan }): Promise<CardResult> {
    return this.once(payment, (pspPaymentId): CardResult => {
      const t = card.token;
      this.records.set(pspPaymentId, { kind: 'card', amount: payment.amount, orderId: payment.orderId, installments: card.installments, returnUrl: payment.returnUrl });
      if (!t.startsWith('tok_demo_')) return { status: 'declined', pspPaymentId, sandbox: true, declineCode: 'token_unknown' };
      if (t.startsWith(SANDBOX_CARD_TOKENS.declined)) return { status: 'declined', pspPaymentId, sandbox: true, declineCode: 'card_declined' };
      if (t.startsWith(SANDBOX_CARD_TOKENS.requiresAction)) {
        return { status: 'requires_action', pspPaymentId, sandbox: true, redirectUrl: `${this.baseUrl}/3ds/${pspPaymentId}` };
      }
      return { status: 'succeeded', pspPaymentId, sandbox: true };
    });
  }

  /** A wallet payment: a QR code of the sandbox wallet page (paid there, or declined), valid `walletQrSeconds`. */
  createWalletPayment(payment: PaymentRequest, wallet: WalletId): Promise<WalletResult> {
    return this.once(payment, (pspPaymentId): WalletResult => {
      const expiresAt = toJstIso(new Date(this.now().getTime() + this.walletQrMs));
      this.records.set(pspPaymentId, { kind: 'wallet', amount: payment.amount, orderId: payment.orderId, wallet, returnUrl: payment.returnUrl, expiresAt });
      return { status: 'requires_action', pspPaymentId, sandbox: true, action: { type: 'qr', url: `${this.baseUrl}/wallet/${pspPaymentId}`, expiresAt } };
    });
  }

  /**
   * The sandbox's own pages, as a Fetch handler for the paths under `baseUrl`:
   * `GET|POST /3ds/{id}` (3-D Secure: pass or fail) and `GET|POST /wallet/{id}`
   * (the wallet app: pay or decline). A decision is delivered as the signed
   * notification a real PSP would send (`deliver` posts it to your webhook
   * handler), then the shopper is sent to the payment's `returnUrl`.
   */
  pages(deliver: (notification: { body: string; headers: Record<string, string> }) => Promise<unknown>): (request: Request) => Promise<Response> {
    return async (request) => {
      const path = new URL(request.url).pathname;
      const m = /\/(3ds|wallet)\/(sbx_pay_[0-9a-f]{24})$/.exec(path);
      const record = m ? this.records.get(m[2]) : undefined;
      if (!m || !record || (m[1] === '3ds') !== (record.kind === 'card')) return sandboxPage(404, 'お支払いが見つかりません', '<p>Payment not found.</p>');
      const id = m[2];
      const expired = record.expiresAt !== undefined && this.now().getTime() > Date.parse(record.expiresAt);
      if (request.method === 'POST') {
        if (record.decision) return sandboxPage(409, '手続き済みです', '<p>This payment was already decided.</p>');
        const form = new URLSearchParams(await request.text());
        const decision = expired ? 'expired' : form.get('decision') === 'approve' ? 'approved' : 'declined';
        record.decision = decision;
        const type = decision === 'approved' ? 'payment.succeeded' : decision === 'expired' ? 'payment.expired' : 'payment.failed';
        await deliver(await this.signedWebhook({ type, pspPaymentId: id }));
        if (record.returnUrl) return new Response(null, { status: 303, headers: { Location: record.returnUrl, 'Cache-Control': 'no-store' } });
        return sandboxPage(200, decision === 'approved' ? 'お支払いが完了しました' : 'お支払いは完了していません', '<p>You can close this page.</p>');
      }
      if (request.method !== 'GET') return sandboxPage(405, 'Method not allowed', '');
      const yen = `${record.amount.toLocaleString('ja-JP')}円`;
      const what = record.kind === 'card' ? '3-D Secure（本人認証）' : `${SANDBOX_WALLET_NAMES[record.wallet!]}`;
      if (record.decision) return sandboxPage(200, '手続き済みです', '<p>This payment was already decided.</p>');
      if (expired) return sandboxPage(200, 'このQRコードの期限が切れました', '<p>This QR code has expired.</p>');
      const [yes, no] = record.kind === 'card' ? ['認証する（Authenticate）', '認証しない（Fail）'] : ['支払う（Pay）', '支払わない（Decline）'];
      return sandboxPage(
        200,
        `${what}（サンドボックス）`,
        `<p>サンドボックスです。お金は動きません。 / Sandbox: no money moves.</p><p>金額 / Amount: <strong>${yen}</strong></p>` +
          `<form method="post"><button name="decision" value="approve">${yes}</button> <button name="decision" value="decline">${no}</button></form>`,
      );
    };
  }

  /**
   * What the sandbox PSP would POST to your webhook URL when the shopper paid:
   * the body and its signature header. (The demo's "simulate payment" uses it;
   * a real PSP sends this itself.)
   */
  async signedWebhook(event: Omit<PspEvent, 'id' | 'amount'> & { id?: string; amount?: number }): Promise<{ body: string; headers: Record<string, string> }> {
    if (!this.webhookSecret) throw new WebhookNotConfiguredError();
    const full: PspEvent = {
      id: event.id ?? `evt_${randomHex(12)}`,
      type: event.type,
      pspPaymentId: event.pspPaymentId,
      amount: event.amount ?? (event.pspPaymentId ? this.amounts.get(event.pspPaymentId) : undefined),
    };
    const body = JSON.stringify(full);
    const t = Math.floor(this.now().getTime() / 1000);
    const sig = await crypto.subtle.sign('HMAC', await hmacKey(this.webhookSecret, 'sign'), encoder.encode(`${t}.${body}`));
    const hex = Array.from(new Uint8Array(sig), (b) => b.toString(16).padStart(2, '0')).join('');
    return { body, headers: { 'Content-Type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: `t=${t},v1=${hex}` } };
  }

  async parseWebhook(rawBody: Uint8Array, headers: Headers): Promise<PspEvent | null> {
    if (!this.webhookSecret) throw new WebhookNotConfiguredError();
    const header = headers.get(SANDBOX_SIGNATURE_HEADER) ?? '';
    const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
    const t = Number(parts.t);
    if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return null;
    if (Math.abs(this.now().getTime() / 1000 - t) > WEBHOOK_TOLERANCE_S) return null;
    const signed = new Uint8Array([...encoder.encode(`${t}.`), ...rawBody]);
    // crypto.subtle.verify compares in constant time.
    const ok = await crypto.subtle.verify('HMAC', await hmacKey(this.webhookSecret, 'verify'), hexToBytes(parts.v1), signed);
    if (!ok) return null;
    try {
      // The signature is valid: whatever its type, the event is the PSP's (unknown types are acknowledged and recorded).
      const e = JSON.parse(new TextDecoder().decode(rawBody)) as Partial<PspEvent>;
      if (typeof e.id !== 'string' || e.id === '' || typeof e.type !== 'string') return null;
      return {
        id: e.id,
        type: e.type,
        pspPaymentId: typeof e.pspPaymentId === 'string' ? e.pspPaymentId : undefined,
        amount: typeof e.amount === 'number' ? e.amount : undefined,
      };
    } catch {
      return null;
    }
  }
}

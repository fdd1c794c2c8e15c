/**
 * SANDBOX PSP: no money moves. It issues numbers shaped like the real ones so
 * the whole flow (instructions on screen, deadline in JST, webhook) can be
 * tried end to end; every result carries `sandbox: true` and the bank is
 * called サンドボックス銀行. Replace it with an adapter over your PSP
 * (`PspAdapter` in kessai/server; docs/server.md).
 */
import {
  jstEndOfDay,
  WebhookNotConfiguredError,
  type BankTransferInstructions,
  type CardResult,
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
  /** https origin of the sandbox's 払込票 and 3-D Secure pages. Default https://sandbox.kessai.example */
  baseUrl?: string;
}

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
    if (!this.baseUrl.startsWith('https://')) throw new Error('SandboxPsp baseUrl must be https');
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

  chargeCard(payment: PaymentRequest, card: { token: string }): Promise<CardResult> {
    return this.once(payment, (pspPaymentId): CardResult => {
      const t = card.token;
      if (!t.startsWith('tok_demo_')) return { status: 'declined', pspPaymentId, sandbox: true, declineCode: 'token_unknown' };
      if (t.startsWith(SANDBOX_CARD_TOKENS.declined)) return { status: 'declined', pspPaymentId, sandbox: true, declineCode: 'card_declined' };
      if (t.startsWith(SANDBOX_CARD_TOKENS.requiresAction)) {
        return { status: 'requires_action', pspPaymentId, sandbox: true, redirectUrl: `${this.baseUrl}/3ds/${pspPaymentId}` };
      }
      return { status: 'succeeded', pspPaymentId, sandbox: true };
    });
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

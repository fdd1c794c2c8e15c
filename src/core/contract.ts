/**
 * The merchant endpoint contract (docs/contract.md): what
 * kessai-checkout POSTs and what the merchant's backend answers. Types only,
 * plus the ids of the closed vocabularies.
 */

export const PAYMENT_METHODS = ['konbini', 'card', 'pay-easy', 'bank-transfer', 'paypay', 'wallet'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** QR / app wallets a PSP may offer (`method: 'wallet'` with `wallet.type`; `paypay` is also a method of its own). */
export const WALLETS = ['paypay', 'rakuten-pay', 'd-barai', 'au-pay', 'merpay'] as const;
export type WalletId = (typeof WALLETS)[number];

/**
 * 支払回数 (`card.installments`): a number of payments (1 = 一括), `bonus`
 * (ボーナス一括) or `revolving` (リボ). The backend says which it allows.
 */
export const INSTALLMENT_PLANS = [1, 2, 3, 5, 6, 10, 12, 15, 18, 20, 24, 'bonus', 'revolving'] as const;
export type InstallmentPlan = (typeof INSTALLMENT_PLANS)[number];

/** Reads a plan from JSON or an attribute token ("6", 6, "bonus"); null when it is none of INSTALLMENT_PLANS. */
export function parseInstallmentPlan(v: unknown): InstallmentPlan | null {
  const x = typeof v === 'string' && /^\d{1,2}$/.test(v) ? Number(v) : v;
  return (INSTALLMENT_PLANS as readonly unknown[]).includes(x) ? (x as InstallmentPlan) : null;
}

export const KONBINI_STORES = ['seven-eleven', 'familymart', 'lawson', 'ministop', 'daily-yamazaki', 'seicomart'] as const;
export type KonbiniStore = (typeof KONBINI_STORES)[number];

/** Konbini payments are capped at ¥300,000 per payment (all chains). */
export const KONBINI_MAX_AMOUNT = 300_000;

export interface CheckoutCustomer {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  email: string;
  phone: string;
}

export interface CheckoutAddress {
  /** Seven digits, no hyphen ("1000001"). */
  postalCode: string;
  prefecture: string;
  /** JIS X 0401 ("13"). */
  prefectureCode: string;
  city: string;
  line1: string;
  line2: string;
  /** The shopper confirmed an address its postal code does not match in the postal data (address-check.ts). */
  confirmed?: boolean;
}

export interface CheckoutRequest {
  reference?: string;
  /** Yen, integer; for display: the server recomputes it from `reference`. */
  amount: number;
  currency: 'JPY';
  method: PaymentMethod;
  customer: CheckoutCustomer;
  address?: CheckoutAddress;
  konbini?: { store: KonbiniStore };
  card?: { token: string; brand?: string; last4?: string; installments?: InstallmentPlan };
  /** With `method: 'wallet'`: which wallet. */
  wallet?: { type: WalletId };
}

export interface KonbiniInstructions {
  method: 'konbini';
  store: string;
  paymentCode?: string;
  confirmationNumber?: string;
  /** ISO 8601 with offset, e.g. "2026-11-28T23:59:59+09:00". */
  expiresAt?: string;
  instructionsUrl?: string;
}

export interface PayEasyInstructions {
  method: 'pay-easy';
  institutionNumber?: string;
  customerNumber?: string;
  confirmationNumber?: string;
  expiresAt?: string;
  instructionsUrl?: string;
}

export interface BankTransferInstructions {
  method: 'bank-transfer';
  bankName?: string;
  branchName?: string;
  accountType?: string;
  accountNumber?: string;
  accountHolder?: string;
  expiresAt?: string;
  instructionsUrl?: string;
}

export type PaymentInstructions = KonbiniInstructions | PayEasyInstructions | BankTransferInstructions;

export type CheckoutResponse =
  /** `emailSent`: the merchant also sent the receipt / payment numbers by e-mail (the result screen says so). */
  | { status: 'succeeded'; orderId?: string; emailSent?: boolean }
  | { status: 'pending'; orderId?: string; instructions: PaymentInstructions; emailSent?: boolean }
  | { status: 'requires_action'; orderId?: string; redirectUrl?: string; action?: CheckoutAction };

/**
 * What the shopper must do to finish a `requires_action` order: leave for a
 * page (3-D Secure, a wallet's page), or pay with a wallet app by scanning a QR
 * code of `url` (on a phone: open `deeplink`, or `url`) before `expiresAt`.
 */
export type CheckoutAction =
  | { type: 'redirect'; url: string }
  | { type: 'qr'; url: string; deeplink?: string; expiresAt: string };

export interface CheckoutErrorBody {
  /** `reference`: a short id of the request (from its `Request-Id`) the shopper can quote; the merchant finds it in the logs and the audit trail. */
  error: { code: string; message?: string; field?: string; reference?: string };
}

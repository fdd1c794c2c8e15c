/**
 * The merchant endpoint contract (docs/contract.md): what
 * kessai-checkout POSTs and what the merchant's backend answers. Types only,
 * plus the ids of the closed vocabularies.
 */

export const PAYMENT_METHODS = ['konbini', 'card', 'pay-easy', 'bank-transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

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
  card?: { token: string; brand?: string; last4?: string };
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
  | { status: 'succeeded'; orderId?: string }
  | { status: 'pending'; orderId?: string; instructions: PaymentInstructions }
  | { status: 'requires_action'; redirectUrl: string };

export interface CheckoutErrorBody {
  /** `reference`: a short id of the request (from its `Request-Id`) the shopper can quote; the merchant finds it in the logs and the audit trail. */
  error: { code: string; message?: string; field?: string; reference?: string };
}

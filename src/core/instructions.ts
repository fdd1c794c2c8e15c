/**
 * The `instructions` of a pending order (endpoint contract), read as untrusted
 * input: every field is checked for type and size, control and bidi
 * characters are removed, links are kept only when they are https. What
 * cannot be used becomes `null`, so the screen can say so instead of breaking.
 */
import { KONBINI_CHAINS, UNKNOWN_CHAIN, type KonbiniChain } from './konbini-chains.js';
import { parseDeadline } from './jst.js';
import { cleanText, safeHttpsUrl } from './text.js';

/** Longest number kept (payment codes, account numbers…); longer is treated as malformed. */
export const MAX_NUMBER_LENGTH = 64;
/** Longest name kept (bank, branch, account holder, order id). */
export const MAX_NAME_LENGTH = 100;

export type AccountType = 'ordinary' | 'current';

/** 普通 / 当座 from the words banks and PSPs use; `null` for anything else. */
export function parseAccountType(v: unknown): AccountType | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  if (['普通', '普通預金', 'ordinary', 'futsu', 'savings', 'saving', '1'].includes(s)) return 'ordinary';
  if (['当座', '当座預金', 'current', 'checking', 'toza', 'touza', '2'].includes(s)) return 'current';
  return null;
}

interface Common {
  /** `null` when missing or malformed (`expiresGiven` tells which). */
  expiresAt: Date | null;
  expiresGiven: boolean;
  instructionsUrl: string | null;
}

export interface SafeKonbini extends Common {
  method: 'konbini';
  /** The catalogue entry, or `null` for a chain id kessai does not know. */
  chain: KonbiniChain | null;
  paymentCode: string | null;
  confirmationNumber: string | null;
}

export interface SafePayEasy extends Common {
  method: 'pay-easy';
  institutionNumber: string | null;
  customerNumber: string | null;
  confirmationNumber: string | null;
}

export interface SafeBankTransfer extends Common {
  method: 'bank-transfer';
  bankName: string | null;
  branchName: string | null;
  accountType: AccountType | null;
  /** The account type as sent, when it is not a known word. */
  accountTypeText: string | null;
  accountNumber: string | null;
  accountHolder: string | null;
}

export type SafeInstructions = SafeKonbini | SafePayEasy | SafeBankTransfer | { method: 'unknown' };

const num = (v: unknown) => cleanText(v, MAX_NUMBER_LENGTH);
const name = (v: unknown) => cleanText(v, MAX_NAME_LENGTH);

/** Reads an `instructions` object of unknown shape. */
export function normalizeInstructions(input: unknown): SafeInstructions {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { method: 'unknown' };
  const o = input as Record<string, unknown>;
  const common: Common = {
    expiresAt: parseDeadline(o.expiresAt),
    expiresGiven: o.expiresAt !== undefined && o.expiresAt !== null && o.expiresAt !== '',
    instructionsUrl: safeHttpsUrl(o.instructionsUrl),
  };
  const method = o.method ?? (o.store !== undefined ? 'konbini' : undefined);
  if (method === 'konbini') {
    const store = typeof o.store === 'string' ? o.store.trim().toLowerCase() : '';
    return {
      method,
      chain: Object.hasOwn(KONBINI_CHAINS, store) ? KONBINI_CHAINS[store as keyof typeof KONBINI_CHAINS] : null,
      paymentCode: num(o.paymentCode),
      confirmationNumber: num(o.confirmationNumber),
      ...common,
    };
  }
  if (method === 'pay-easy') {
    return {
      method,
      institutionNumber: num(o.institutionNumber),
      customerNumber: num(o.customerNumber),
      confirmationNumber: num(o.confirmationNumber),
      ...common,
    };
  }
  if (method === 'bank-transfer') {
    const accountType = parseAccountType(o.accountType);
    return {
      method,
      bankName: name(o.bankName),
      branchName: name(o.branchName),
      accountType,
      accountTypeText: accountType ? null : cleanText(o.accountType, 20),
      accountNumber: num(o.accountNumber),
      accountHolder: name(o.accountHolder),
      ...common,
    };
  }
  return { method: 'unknown' };
}

/** The labels and steps for a Konbini order (generic ones for an unknown chain). */
export function chainOrGeneric(k: SafeKonbini): Omit<KonbiniChain, 'id' | 'terminal'> {
  return k.chain ?? UNKNOWN_CHAIN;
}

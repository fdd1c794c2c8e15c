/**
 * The Konbini chains: which numbers each asks for, where in the store they are
 * entered and the steps. Data only: labels and steps are message ids that the
 * payment instructions turn into localized text. Apart from konbini.ts, so the
 * checkout's first screen (the chain picker) does not carry it.
 */
import type { KonbiniStore } from './contract.js';

/** Message ids of the labels of the numbers a shopper takes to the store. */
export type KonbiniLabelId =
  | 'konbini.label.slipNumber' // 払込票番号
  | 'konbini.label.customerNumber' // お客様番号
  | 'konbini.label.confirmationNumber' // 確認番号
  | 'konbini.label.companyCode' // 企業コード
  | 'konbini.label.orderNumber' // 注文番号
  | 'konbini.label.onlinePaymentNumber' // オンライン決済番号
  | 'konbini.label.paymentNumber'; // お支払い番号 (chain unknown)

/** Message ids of the steps at the store. */
export type KonbiniStepId =
  | 'konbini.step.sevenEleven.slip'
  | 'konbini.step.sevenEleven.register'
  | 'konbini.step.sevenEleven.number'
  | 'konbini.step.familymart.machine'
  | 'konbini.step.familymart.numbers'
  | 'konbini.step.loppi.menu'
  | 'konbini.step.loppi.numbers'
  | 'konbini.step.slipToRegister'
  | 'konbini.step.register.online'
  | 'konbini.step.register.number'
  | 'konbini.step.unknown.ask'
  | 'konbini.step.payAtRegister';

/** Where the number is entered: the register, Loppi (Lawson, Ministop) or the multi-copy machine (FamilyMart). */
export type KonbiniTerminal = 'register' | 'loppi' | 'multicopy';

export interface KonbiniChain {
  readonly id: KonbiniStore;
  /** Label of `paymentCode`. */
  readonly paymentCodeLabel: KonbiniLabelId;
  /** Label of `confirmationNumber`. */
  readonly confirmationLabel: KonbiniLabelId;
  /** True when the chain needs `confirmationNumber` (its absence is shown as missing). */
  readonly needsConfirmation: boolean;
  readonly terminal: KonbiniTerminal;
  /** True when `instructionsUrl` is the printable payment slip (払込票) itself. */
  readonly slip: boolean;
  readonly steps: readonly KonbiniStepId[];
}

const LOPPI = {
  paymentCodeLabel: 'konbini.label.customerNumber',
  confirmationLabel: 'konbini.label.confirmationNumber',
  needsConfirmation: true,
  terminal: 'loppi',
  slip: false,
  steps: ['konbini.step.loppi.menu', 'konbini.step.loppi.numbers', 'konbini.step.slipToRegister', 'konbini.step.payAtRegister'],
} as const;

const REGISTER = {
  paymentCodeLabel: 'konbini.label.onlinePaymentNumber',
  confirmationLabel: 'konbini.label.confirmationNumber',
  needsConfirmation: false,
  terminal: 'register',
  slip: false,
  steps: ['konbini.step.register.online', 'konbini.step.register.number', 'konbini.step.payAtRegister'],
} as const;

/** The catalogue, by store id. */
export const KONBINI_CHAINS: Readonly<Record<KonbiniStore, KonbiniChain>> = {
  'seven-eleven': {
    id: 'seven-eleven',
    paymentCodeLabel: 'konbini.label.slipNumber',
    confirmationLabel: 'konbini.label.confirmationNumber',
    needsConfirmation: false,
    terminal: 'register',
    slip: true,
    steps: ['konbini.step.sevenEleven.slip', 'konbini.step.sevenEleven.register', 'konbini.step.sevenEleven.number', 'konbini.step.payAtRegister'],
  },
  familymart: {
    id: 'familymart',
    paymentCodeLabel: 'konbini.label.companyCode',
    confirmationLabel: 'konbini.label.orderNumber',
    needsConfirmation: true,
    terminal: 'multicopy',
    slip: false,
    steps: ['konbini.step.familymart.machine', 'konbini.step.familymart.numbers', 'konbini.step.slipToRegister', 'konbini.step.payAtRegister'],
  },
  lawson: { id: 'lawson', ...LOPPI },
  ministop: { id: 'ministop', ...LOPPI },
  'daily-yamazaki': { id: 'daily-yamazaki', ...REGISTER },
  seicomart: { id: 'seicomart', ...REGISTER },
};

/** What is shown for a chain id kessai does not know: generic labels and steps. */
export const UNKNOWN_CHAIN = {
  paymentCodeLabel: 'konbini.label.paymentNumber',
  confirmationLabel: 'konbini.label.confirmationNumber',
  needsConfirmation: false,
  slip: false,
  steps: ['konbini.step.unknown.ask', 'konbini.step.payAtRegister'],
} as const satisfies Omit<KonbiniChain, 'id' | 'terminal'>;

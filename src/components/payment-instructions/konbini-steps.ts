/**
 * Localized labels of a chain's numbers and its steps at the store
 * (core/konbini-chains.ts holds the message ids; the text lives here so
 * `lit-localize extract` finds it). Call inside a render.
 */
import type { KonbiniLabelId, KonbiniStepId } from '../../core/konbini-chains.js';
import { msg } from '../../localize.js';

const LABELS: Record<KonbiniLabelId, () => string> = {
  'konbini.label.slipNumber': () => msg('Payment slip number', { id: 'konbini.label.slipNumber' }),
  'konbini.label.customerNumber': () => msg('Customer number', { id: 'konbini.label.customerNumber' }),
  'konbini.label.confirmationNumber': () => msg('Confirmation number', { id: 'konbini.label.confirmationNumber' }),
  'konbini.label.companyCode': () => msg('Company code', { id: 'konbini.label.companyCode' }),
  'konbini.label.orderNumber': () => msg('Order number', { id: 'konbini.label.orderNumber' }),
  'konbini.label.onlinePaymentNumber': () => msg('Online payment number', { id: 'konbini.label.onlinePaymentNumber' }),
  'konbini.label.paymentNumber': () => msg('Payment number', { id: 'konbini.label.paymentNumber' }),
};

/** A number's label (払込票番号, お客様番号…). */
export function konbiniLabel(id: KonbiniLabelId): string {
  return LABELS[id]();
}

const STEPS: Record<KonbiniStepId, () => string> = {
  'konbini.step.sevenEleven.slip': () =>
    msg('Print the payment slip (払込票), or write down the payment slip number.', { id: 'konbini.step.sevenEleven.slip' }),
  'konbini.step.sevenEleven.register': () =>
    msg('At the register, say that you want to make an internet payment (インターネット支払い).', {
      id: 'konbini.step.sevenEleven.register',
    }),
  'konbini.step.sevenEleven.number': () =>
    msg('Show the payment slip, or tell the staff the 13-digit payment slip number.', { id: 'konbini.step.sevenEleven.number' }),
  'konbini.step.familymart.machine': () =>
    msg('On the multi-copy machine (マルチコピー機) in the store, choose 代金支払い (bill payment).', {
      id: 'konbini.step.familymart.machine',
    }),
  'konbini.step.familymart.numbers': () =>
    msg('Enter the company code, then the order number.', { id: 'konbini.step.familymart.numbers' }),
  'konbini.step.loppi.menu': () =>
    msg('On the Loppi terminal in the store, choose 各種番号をお持ちの方 (I have a number).', { id: 'konbini.step.loppi.menu' }),
  'konbini.step.loppi.numbers': () =>
    msg('Enter the customer number, then the confirmation number.', { id: 'konbini.step.loppi.numbers' }),
  'konbini.step.slipToRegister': () =>
    msg('Take the slip the machine prints to the register within 30 minutes.', { id: 'konbini.step.slipToRegister' }),
  'konbini.step.register.online': () =>
    msg('At the register, say that you want to make an online payment (オンライン決済).', { id: 'konbini.step.register.online' }),
  'konbini.step.register.number': () =>
    msg('Enter the online payment number on the register’s screen, or tell it to the staff.', {
      id: 'konbini.step.register.number',
    }),
  'konbini.step.unknown.ask': () =>
    msg('Follow the instructions in your order confirmation email, or ask the staff at the register.', {
      id: 'konbini.step.unknown.ask',
    }),
  'konbini.step.payAtRegister': () =>
    msg('Pay at the register and keep the receipt.', { id: 'konbini.step.payAtRegister' }),
};

/** One step at the store. */
export function konbiniStep(id: KonbiniStepId): string {
  return STEPS[id]();
}

/**
 * kessai/core: framework-free rules, usable in the browser and in Node. An
 * explicit list: every name here is a promise (api/kessai-core.txt records
 * them; `npm run api:update` after a deliberate change). The postal build
 * pipeline (CSV, ZIP, KEN_ALL readers) is `kessai/postal-build`.
 */
export { charLength, hasUnsafeChars, stripUnsafeChars, toHalfWidthAscii } from './text.js';
export { halfwidthKanaToFullwidth, hiraganaToKatakana, isKatakanaReading, toKatakana } from './kana.js';
export { formatPostalCode, isValidPostalCode, normalizePostalCode } from './postal.js';
export { normalizePhone, validatePhone, type PhoneError } from './phone.js';
export { normalizeEmail, validateEmail, type EmailError } from './email.js';
export { findPrefecture, PREFECTURES, type Prefecture } from './prefectures.js';
export { findSecretPrefix } from './secrets.js';
export { maxLength, noUnsafeChars, required, runValidators, type Validator } from './validators.js';
export {
  INSTALLMENT_PLANS,
  KONBINI_MAX_AMOUNT,
  KONBINI_STORES,
  parseInstallmentPlan,
  PAYMENT_METHODS,
  WALLETS,
  type CheckoutAction,
  type InstallmentPlan,
  type WalletId,
  type BankTransferInstructions,
  type CheckoutAddress,
  type CheckoutCustomer,
  type CheckoutErrorBody,
  type CheckoutRequest,
  type CheckoutResponse,
  type KonbiniInstructions,
  type KonbiniStore,
  type PayEasyInstructions,
  type PaymentInstructions,
  type PaymentMethod,
} from './contract.js';
export {
  CARD_BRANDS,
  detectCardBrand,
  formatCardExpiry,
  formatCardNumber,
  luhnValid,
  normalizeCardNumber,
  parseCardExpiry,
  validateCardCvc,
  validateCardExpiry,
  validateCardHolder,
  validateCardNumber,
  type CardBrand,
  type CardBrandInfo,
  type CardCvcError,
  type CardExpiry,
  type CardExpiryError,
  type CardNumberError,
} from './card.js';
export { newIdempotencyKey, parseCheckoutResponse, submitCheckout, type SubmitOptions, type SubmitResult } from './endpoint.js';
export {
  CHECKOUT_LIMITS,
  CHECKOUT_MAX_AMOUNT,
  containsCardNumber,
  validateCheckoutRequest,
  type CardScanWork,
  type CheckoutFieldError,
  type CheckoutValidation,
  type CheckoutValidationOptions,
} from './checkout-request.js';
export {
  checkField,
  FIELD_LIMITS,
  FIELD_SCHEMA,
  hasNameSymbols,
  normalizeName,
  normalizeNameKana,
  type CheckoutFieldPath,
  type FieldCheck,
  type FieldRuleCheck,
  type FieldSchema,
} from './field-schema.js';
export { furiganaReducer, initialFurigana, readingOf, type FuriganaEvent, type FuriganaSegment, type FuriganaState } from './furigana.js';
export { lookupShard, parseShard, PostalDataError, shardKey, type PostalAddress, type PostalShard, type ShardRow } from './postal-data.js';
export { formatJstDateTime, formatRemaining, JST_TIME_ZONE, parseDeadline, remainingTime, toJst, type JstDateTime, type Remaining } from './jst.js';
export { exceedsKonbiniLimit, isKonbiniStore } from './konbini.js';
export { KONBINI_CHAINS, type KonbiniChain, type KonbiniLabelId, type KonbiniStepId, type KonbiniTerminal } from './konbini-chains.js';
export { normalizeInstructions, type SafeBankTransfer, type SafeInstructions, type SafeKonbini, type SafePayEasy } from './instructions.js';
export {
  fetchOrderStatus,
  orderIdFromUrl,
  ORDER_PARAM,
  parseOrderStatus,
  pollOrderStatus,
  urlWithOrderId,
  type OrderStatusView,
  type ResumeKind,
} from './resume.js';
export { blocksOrder, checkAddressAgainstPostal, type AddressIssue, type AddressIssueCode } from './address-check.js';
export { navigableUrl, parseAction, safeDeeplink } from './action.js';

/**
 * `kessai/server`: the merchant's endpoint as a library, on the Fetch API
 * (`(Request) => Promise<Response>`), so it mounts in Node's http, Express,
 * Hono, Next.js route handlers, Deno, Bun and workers alike (docs/server.md).
 *
 * This entry imports no database driver and no Node-only module: it runs in
 * workers. The stores with a driver have their own entries:
 * `kessai/server/sqlite` (better-sqlite3) and `kessai/server/postgres` (pg);
 * `kessai/server/node` adapts a handler to Node's `(req, res)`.
 */
export { createCheckoutHandler, type CheckoutHandlerOptions } from './server/checkout-handler.js';
export { createPostalLookup, postalLookupFromDirectory } from './server/postal-lookup.js';
export { createWebhookHandler, type WebhookHandlerOptions } from './server/webhook-handler.js';
export { createMemoryStore } from './server/memory-store.js';
export type {
  BeginKeyInput,
  BeginResult,
  KeyRecord,
  Lease,
  NotificationOutcome,
  NotificationResult,
  Store,
  StoredNotification,
  StoredResponse,
  SweptOrder,
} from './server/store.js';
export { ORDER_TRANSITIONS, PAID_STATUSES, nextOrderStatus, type OrderInput } from './server/transitions.js';
export { sweepOrders, startSweeper, type SweepOptions, type SweepResult } from './server/sweep.js';
export { checkoutContentSecurityPolicy, securityHeaders, type SecurityHeadersOptions } from './server/security-headers.js';
export { jstEndOfDay, toJstIso } from './server/http.js';
export {
  createCatalog,
  KNOWN_EVENT_TYPES,
  WebhookNotConfiguredError,
  type CardResult,
  type Catalog,
  type CatalogItem,
  type KnownEventType,
  type NewOrder,
  type Order,
  type OrderEvent,
  type OrderEventHandler,
  type OrderSettlement,
  type OrderStatus,
  type PaymentRequest,
  type PendingResult,
  type PspAdapter,
  type PspEvent,
  type WalletActionRecord,
  type WalletResult,
} from './server/types.js';
export {
  bodyFingerprint,
  CHECKOUT_ERROR_MESSAGES,
  CHECKOUT_ERROR_MESSAGES_EN,
  checkoutErrorBody,
  checkoutErrorMessage,
  checkoutFieldMessage,
  localeFromAcceptLanguage,
  parseIdempotencyKey,
  type ServerLocale,
  type CheckoutErrorResponse,
  type CheckoutFieldErrorWithMessage,
  type IdempotencyKeyParse,
} from './server/request.js';
// The contract's validator and types, for a merchant who writes a handler of their own.
export {
  CHECKOUT_LIMITS,
  CHECKOUT_MAX_AMOUNT,
  containsCardNumber,
  validateCheckoutRequest,
  type CardScanWork,
  type CheckoutFieldError,
  type CheckoutValidation,
  type CheckoutValidationOptions,
} from './core/checkout-request.js';
export {
  INSTALLMENT_PLANS,
  KONBINI_MAX_AMOUNT,
  KONBINI_STORES,
  PAYMENT_METHODS,
  WALLETS,
  parseInstallmentPlan,
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
} from './core/contract.js';
// Operations after launch (docs/operations.md): refunds, cancellation, reconciliation, the audit trail, request ids and logs, failover.
export {
  cancelOrder,
  KessaiOperationError,
  refundOrder,
  refundPaidAfterExpiry,
  type OperationErrorCode,
  type OperationOptions,
  type RefundOptions,
  type RefundResult,
} from './server/ops/refunds.js';
export { appendAudit, auditEntry, exportOrderEvidence, purgeAuditTrail, scrubAuditDetails, type AuditContext, type OrderEvidence } from './server/ops/audit.js';
export { errorFields, jsonLogger, referenceOf, REQUEST_ID_PATTERN, requestIdOf, type LogFields, type Logger, type LogLevel } from './server/ops/request-id.js';
export { adapterFor, createFailoverPsp, PspOutcomeUnknownError, type FailoverOptions, type FailoverPsp } from './server/ops/failover.js';
export { classifyPspFailure, PspConnectionError, PspHttpError, PspTimeoutError, type PspFailure } from './server/psp-errors.js';
export type { AuditEntry, BeginRefundInput, BeginRefundResult, FinishRefundResult, RefundRecord, RefundStatus, StoredAuditEntry } from './server/store.js';
export type { PspListRange, PspPayment, PspRefund, RefundRequest } from './server/types.js';
export { formatReconcileTable, jstDayRange, reconcile, type DifferenceKind, type ReconcileDifference, type ReconcileOptions, type ReconcileReport } from './server/ops/reconcile.js';

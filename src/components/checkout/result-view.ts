/**
 * The result screen of kessai-checkout: what the shopper may rely on after an
 * order (amount, method with card brand and last 4 digits, where the receipt
 * goes, next steps, the payment instructions of a pending order), the same
 * right after ordering and after a reload or a later visit (resume.ts).
 * Not shown on the first screen: its own module, so it can be loaded on demand.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { OrderStatusView } from '../../core/resume.js';
import { msg, str } from '../../localize.js';
import { formatYen } from '../shared/yen.js';
import { brandName, methodLabel } from './labels.js';

export interface ResultActions {
  /** The shopper asks to check the order again (after `unknown` or `processing`). */
  recheck(): void;
  /** The shopper chooses to start a new order (after `failed` or `unknown`). */
  restart(): void;
}

function heading(v: OrderStatusView): string {
  switch (v.kind) {
    case 'succeeded':
      return msg('Thank you. Your payment is complete.', { id: 'checkout.done.succeeded' });
    case 'pending':
      return msg('Thank you for your order. Please complete the payment.', { id: 'checkout.done.pending' });
    case 'requires_action':
      return msg('Your payment is not finished yet.', { id: 'result.action.heading' });
    case 'processing':
      return msg('Checking your order…', { id: 'result.processing.heading' });
    case 'failed':
      return v.status === 'expired'
        ? msg('The payment deadline has passed, so this order was canceled.', { id: 'result.failed.expired' })
        : v.status === 'declined'
          ? msg('The payment was not accepted, so this order was not placed.', { id: 'result.failed.declined' })
          : v.status === 'paid_after_expiry'
            ? msg('Your payment arrived after the deadline. The shop will contact you.', { id: 'result.failed.lateMoney' })
            : msg('This order was not completed.', { id: 'result.failed.other' });
    default:
      return msg('We could not check the state of your order.', { id: 'result.unknown.heading' });
  }
}

function methodText(v: OrderStatusView): string | null {
  if (!v.method) return null;
  const method = methodLabel(v.method);
  const card = v.card;
  if (v.method === 'card' && card?.last4) {
    const brand = card.brand ? brandName(card.brand) : method;
    const last4 = card.last4;
    return msg(str`${brand} ending in ${last4}`, { id: 'result.card' });
  }
  return method;
}

function nextSteps(v: OrderStatusView): string[] {
  const out: string[] = [];
  const email = v.email;
  if (v.kind === 'succeeded') {
    if (email) out.push(msg(str`The order confirmation is sent to ${email}.`, { id: 'result.next.receipt' }));
    out.push(msg('Quote the order number if you contact the shop.', { id: 'result.next.quote' }));
  }
  if (v.kind === 'pending') {
    if (v.emailSent)
      out.push(
        email
          ? msg(str`The payment numbers were also sent to ${email}.`, { id: 'result.next.sentTo' })
          : msg('The payment numbers were also sent to you by email.', { id: 'result.next.sent' }),
      );
    else if (email) out.push(msg(str`The order confirmation is sent to ${email}.`, { id: 'result.next.receipt' }));
    out.push(msg('You can come back to this page until you have paid: the numbers stay here.', { id: 'result.next.comeBack' }));
    out.push(msg('Do not order again: this order is kept for you.', { id: 'result.next.noReorder' }));
  }
  if (v.kind === 'unknown')
    out.push(msg('Do not order again before you have checked your email or asked the shop: the order may exist.', { id: 'result.unknown.detail' }));
  return out;
}

/** The result screen for `v`. Headings take focus (tabindex -1) when it appears. */
export function renderResult(v: OrderStatusView, actions: ResultActions): TemplateResult {
  const method = methodText(v);
  const steps = nextSteps(v);
  const showAmount = v.amount !== undefined && v.kind !== 'pending'; // the instructions show the amount
  const busy = v.kind === 'processing';
  return html`<div class="done result ${v.kind}" part="result" role=${busy ? 'status' : 'region'} aria-labelledby="result-heading">
    <h2 id="result-heading" tabindex="-1">${heading(v)}</h2>
    ${v.kind === 'unknown' || v.kind === 'processing'
      ? nothing
      : html`<dl class="facts" part="result-facts">
          ${v.orderId ? html`<div><dt>${msg('Order number', { id: 'result.orderId' })}</dt><dd>${v.orderId}</dd></div>` : nothing}
          ${showAmount ? html`<div><dt>${msg('Amount', { id: 'result.amount' })}</dt><dd>${formatYen(v.amount!)}</dd></div>` : nothing}
          ${method ? html`<div><dt>${msg('Payment method', { id: 'checkout.section.method' })}</dt><dd>${method}</dd></div>` : nothing}
          ${v.email && v.kind === 'succeeded' ? html`<div><dt>${msg('Receipt sent to', { id: 'result.email' })}</dt><dd>${v.email}</dd></div>` : nothing}
        </dl>`}
    ${v.kind === 'pending'
      ? html`<kessai-payment-instructions .instructions=${v.instructions} .orderId=${v.orderId} .amount=${v.amount}></kessai-payment-instructions>`
      : nothing}
    ${v.kind === 'requires_action' && v.redirectUrl
      ? html`<p><a class="button" part="result-action" href=${v.redirectUrl}>${msg('Continue the payment', { id: 'result.action.continue' })}</a></p>`
      : nothing}
    ${steps.length
      ? html`<h3>${msg('Next steps', { id: 'result.next' })}</h3>
          <ul class="next" part="result-next">
            ${steps.map((s) => html`<li>${s}</li>`)}
          </ul>`
      : nothing}
    ${v.kind === 'unknown' || v.kind === 'processing'
      ? html`<button type="button" class="secondary" @click=${actions.recheck}>${msg('Check again', { id: 'result.recheck' })}</button>`
      : nothing}
    ${v.kind === 'failed' || v.kind === 'unknown'
      ? html`<button type="button" class="secondary" @click=${actions.restart}>${msg('Start a new order', { id: 'result.restart' })}</button>`
      : nothing}
  </div>`;
}

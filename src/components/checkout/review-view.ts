/**
 * The final confirmation (最終確認画面, 特定商取引法 12条の6 as amended in 2022):
 * what is ordered and how many, the price with tax and the shipping and fees,
 * how and when to pay, the delivery address and time, the cancellation /
 * return terms. kessai-checkout shows it beside the button (`confirmation="summary"`,
 * the default) or as a step of its own (`confirmation="review"`).
 * See docs/final-confirmation.md for the law, item by item.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { cleanText } from '../../core/text.js';
import { msg, str } from '../../localize.js';
import { formatYen } from '../shared/yen.js';

/** One line of the order, as the merchant gives it (`items`). */
export interface OrderItem {
  name: string;
  /** Units (a whole number ≥ 1; default 1). */
  quantity?: number;
  /** Price of one unit in yen, tax included. */
  price: number;
}

/** `items` as given (any shape) → the lines that can be shown; the rest are dropped with a warning. */
export function readItems(value: unknown, warn: (text: string) => void): OrderItem[] {
  if (value === undefined || value === null || value === '') return [];
  if (!Array.isArray(value)) {
    warn('items must be an array of { name, quantity, price }; ignored.');
    return [];
  }
  const out: OrderItem[] = [];
  for (const v of value.slice(0, 100)) {
    const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
    const name = cleanText(o.name, 100);
    const quantity = o.quantity === undefined ? 1 : o.quantity;
    if (!name || !Number.isSafeInteger(quantity) || (quantity as number) < 1 || !Number.isSafeInteger(o.price) || (o.price as number) < 0) {
      warn('an item without a name, a whole quantity ≥ 1 and a whole yen price was left out.');
      continue;
    }
    out.push({ name, quantity: quantity as number, price: o.price as number });
  }
  return out;
}

export interface ReviewData {
  items: OrderItem[];
  /** The total the shopper pays (yen, tax included). */
  amount: number;
  shipping?: number;
  fee?: number;
  /** The payment method's name (and chain), or empty before one is chosen. */
  method: string;
  /** How and when the payment is made (card: at once; Konbini: by the deadline). */
  timing: string;
  /** The delivery address as one line, or empty (no address section). */
  address: string;
  /** The recipient's name. */
  recipient: string;
  /** When the goods are delivered (the merchant's text). */
  delivery: string;
  /** The merchant's cancellation / return terms (text; the `terms` slot may add more). */
  cancellation: string;
}

/** The order's essentials as a description list (`id` names its heading, for aria-labelledby). */
export function renderReview(d: ReviewData, id: string): TemplateResult {
  const row = (label: string, value: unknown, cls = '') => html`<div class=${cls}><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<section class="review" part="review" aria-labelledby=${id}>
    <h2 id=${id} part="heading" tabindex="-1">${msg('Check your order', { id: 'review.heading' })}</h2>
    <dl>
      ${d.items.length
        ? html`<div class="items">
            <dt>${msg('Items', { id: 'review.items' })}</dt>
            <dd>
              <ul>
                ${d.items.map((i) => {
                  const name = i.name;
                  const quantity = i.quantity ?? 1;
                  const price = formatYen(i.price * quantity);
                  return html`<li>
                    <span class="name">${msg(str`${name} × ${quantity}`, { id: 'review.item' })}</span><span class="price">${price}</span>
                  </li>`;
                })}
              </ul>
            </dd>
          </div>`
        : nothing}
      ${d.shipping !== undefined ? row(msg('Shipping', { id: 'review.shipping' }), formatYen(d.shipping)) : nothing}
      ${d.fee !== undefined ? row(msg('Fees', { id: 'review.fee' }), formatYen(d.fee)) : nothing}
      ${row(msg('Total (tax included)', { id: 'review.total' }), formatYen(d.amount), 'total')}
      ${d.method ? row(msg('Payment method', { id: 'checkout.section.method' }), d.method) : nothing}
      ${row(msg('When you pay', { id: 'review.timing' }), d.timing)}
      ${d.address ? row(msg('Delivery address', { id: 'review.address' }), html`${d.recipient ? html`${d.recipient}<br />` : nothing}${d.address}`) : nothing}
      ${d.delivery ? row(msg('Delivery', { id: 'review.delivery' }), d.delivery) : nothing}
      <div>
        <dt>${msg('Cancellation and returns', { id: 'review.cancellation' })}</dt>
        <dd><slot name="terms">${d.cancellation || msg('See the shop’s terms of sale.', { id: 'review.cancellation.none' })}</slot></dd>
      </div>
    </dl>
  </section>`;
}

export const reviewStyles = css`
  .review {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 1rem 0 0.5rem;
  }
  .review h2 {
    margin-top: 0;
  }
  .review h2:focus {
    outline: none;
  }
  .review dl {
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }
  .review dl > div {
    display: grid;
    grid-template-columns: minmax(6em, 35%) 1fr;
    gap: 0 0.75rem;
  }
  .review dt {
    color: var(--_muted);
  }
  .review dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .review ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .review li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.5rem;
  }
  .review .total dd {
    font-weight: 700;
    font-size: 1.15em;
  }
  @media (max-width: 30em) {
    .review dl > div {
      grid-template-columns: 1fr;
    }
  }
`;

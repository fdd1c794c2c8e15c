/**
 * DEMO ONLY. A stand-in for a PSP's token JS: it never sends the card
 * anywhere and returns a sandbox token the demo backend accepts.
 *
 * With a real PSP, wrap its token JS here instead; the card goes from the
 * shopper's browser to the PSP only, and your server sees just the token:
 *
 *   // PAY.JP:     const r = await payjp.createToken(cardElement)  → r.id
 *   // GMO-PG:     Multipayment.getToken({ cardno, expire, securitycode, holdername }, cb) → token
 *   // Stripe:     (use Payment Element; kessai-card-fields is for PSPs with a token API)
 *
 * Test numbers: 4242 4242 4242 4242 succeeds; 4000 0000 0000 3220 asks for
 * 3-D Secure (requires_action); 4000 0000 0000 0002 is declined.
 */
import type { CardTokenizer } from 'kessai';

export const demoTokenizer: CardTokenizer = async (card) => {
  await new Promise((r) => setTimeout(r, 150)); // a PSP round trip
  const kind = card.number.endsWith('3220') ? '3ds' : card.number.endsWith('0002') ? 'declined' : 'ok';
  const id = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  return { token: `tok_demo_${kind}_${id}`, last4: card.number.slice(-4) };
};

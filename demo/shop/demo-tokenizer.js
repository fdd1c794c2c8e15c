/**
 * DEMO ONLY. A stand-in for a PSP's token JS: it never sends the card
 * anywhere and returns a sandbox token the demo backend accepts.
 *
 * With a real PSP, wrap its token JS here instead; the card goes from the
 * shopper's browser to the PSP only, and your server sees just the token:
 *
 *   PAY.JP:  const { id } = await payjp.createToken(card)      → { token: id }
 *   GMO-PG:  Multipayment.getToken({ cardno, expire, securitycode, holdername }, callback)
 *   (any PSP whose JS turns card data into a one-time token works the same way)
 *
 * Test numbers: 4242 4242 4242 4242 succeeds; 4000 0000 0000 3220 asks for
 * 3-D Secure (requires_action); 4000 0000 0000 0002 is declined.
 *
 * @type {import('kessai').CardTokenizer}
 */
export const demoTokenizer = async (card) => {
  await new Promise((r) => setTimeout(r, 150)); // a PSP round trip
  const kind = card.number.endsWith('3220') ? '3ds' : card.number.endsWith('0002') ? 'declined' : 'visa';
  const id = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  return { token: `tok_demo_${kind}_${id}`, last4: card.number.slice(-4) };
};

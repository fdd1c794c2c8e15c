// The checkout of /test-api/wallet-page, from source, with a sandbox tokenizer
// (a number ending in 3220 asks for 3-D Secure; any other succeeds).
import '../../src/define/all.js';
import type { CardTokenizer } from '../../src/components/card-fields/card-fields.js';

const tokenizer: CardTokenizer = (card) => ({ token: `tok_demo_${card.number.endsWith('3220') ? '3ds' : 'visa'}_${Date.now()}`, last4: card.number.slice(-4) });
const el = document.querySelector('kessai-checkout');
if (el) el.cardTokenizer = tokenizer;

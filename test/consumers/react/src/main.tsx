// kessai/react wrappers in a Vite + React 19 app (tsc strict).
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { KessaiCheckout, KessaiContactFields } from 'kessai/react';
import { KessaiAddressFields } from 'kessai/react/address-fields';
import type { CardTokenizer, CheckoutResponse } from 'kessai';
import { RawTags } from './raw-tags.js';

const tokenizer: CardTokenizer = async (card) => ({ token: `tok_${card.number.slice(-4)}` });

function Shop() {
  const [result, setResult] = useState<CheckoutResponse | null>(null);
  const [error, setError] = useState('');
  return (
    <main>
      <KessaiCheckout
        endpoint="/api/checkout"
        amount={3240}
        reference="matcha-set"
        methods="konbini card"
        cardTokenizer={tokenizer}
        noAddress
        onKessaiSubmit={(e) => console.log(e.detail.request.amount)}
        onKessaiSuccess={(e) => setResult(e.detail.response)}
        onKessaiError={(e) => setError(`${e.detail.code}: ${e.detail.message}`)}
      />
      <KessaiContactFields name="contact" className="contact" />
      <KessaiAddressFields postalData="/postal/" onKessaiAddressResolved={(e) => console.log(e.detail)} />
      <output>{result ? result.status : error}</output>
      <RawTags />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shop />
  </StrictMode>,
);

// A React 19 storefront using kessai from npm, through the kessai/react wrappers.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { KessaiCheckout } from 'kessai/react';
import type { CheckoutResponse } from 'kessai';
import { demoTokenizer } from '../shop/demo-tokenizer.js';

function Shop() {
  const [result, setResult] = useState<CheckoutResponse | null>(null);
  const [error, setError] = useState('');
  return (
    <main style={{ maxWidth: '40rem', margin: '2rem auto', padding: '0 1rem', fontFamily: 'system-ui, sans-serif' }}>
      <h1>抹茶セット（React ストア）</h1>
      <p>商品番号 matcha-set · ¥3,240</p>
      <KessaiCheckout
        endpoint="/api/checkout"
        amount={3240}
        reference="matcha-set"
        methods="konbini card pay-easy bank-transfer"
        postalData="/dist/cdn/postal/"
        cardTokenizer={demoTokenizer}
        onKessaiSuccess={(e) => setResult(e.detail.response)}
        onKessaiError={(e) => setError(e.detail.message)}
      />
      <output data-testid="react-result">{result ? `status: ${result.status}` : error}</output>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shop />
  </StrictMode>,
);

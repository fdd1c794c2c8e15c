'use client';
import { useState } from 'react';
import { KessaiCheckout } from 'kessai/react/checkout';
import type { CardTokenizer } from 'kessai';

const tokenizer: CardTokenizer = async (card) => ({ token: `tok_${card.number.slice(-4)}` });

export function Checkout() {
  const [status, setStatus] = useState('');
  return (
    <>
      <KessaiCheckout
        id="checkout"
        endpoint="/api/checkout"
        amount={3240}
        reference="matcha-set"
        methods="konbini card"
        noAddress
        cardTokenizer={tokenizer}
        onKessaiSuccess={(e) => setStatus(e.detail.response.status)}
        onKessaiError={(e) => setStatus(e.detail.code)}
      />
      <output>{status}</output>
    </>
  );
}

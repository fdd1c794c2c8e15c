// A React Server Component page: it uses a kessai/react wrapper directly (the
// module is 'use client', so this is a client reference) and holds a client
// component with the checkout and its event handlers.
import { KessaiContactFields } from 'kessai/react';
import { Checkout } from './checkout';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>抹茶セット</h1>
      <Checkout />
      <KessaiContactFields name="gift" id="gift-contact" />
    </main>
  );
}

// A React 19 app using kessai/react, bundled for the browser tests by the
// `kessai-bundle` plugin (React ships CommonJS only).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { KessaiCheckout } from '../../src/react.js';

function App({ endpoint }: { endpoint: string }) {
  const [status, setStatus] = useState('');
  return (
    <>
      <KessaiCheckout
        endpoint={endpoint}
        amount={1980}
        reference="cart_react"
        methods="pay-easy"
        noAddress
        onKessaiSubmit={() => setStatus('submitting')}
        onKessaiSuccess={(e) => setStatus(`success:${e.detail.response.status}`)}
        onKessaiError={(e) => setStatus(`error:${e.detail.code}`)}
      />
      <output>{status}</output>
    </>
  );
}

export function mount(container: HTMLElement, endpoint: string): () => void {
  const root = createRoot(container);
  root.render(<App endpoint={endpoint} />);
  return () => root.unmount();
}

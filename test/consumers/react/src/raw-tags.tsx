// The raw tags in React 19 JSX, typed by kessai/jsx: properties, style, and
// onkessai-* events whose handlers get the right CustomEvent (no implicit any).
import { useState } from 'react';
import 'kessai/define/checkout';
import type {} from 'kessai/jsx';

export function RawTags() {
  const [status, setStatus] = useState('');
  return (
    <>
      <kessai-checkout
        endpoint="/api/checkout"
        amount={1980}
        methods="konbini"
        no-address
        style={{ maxWidth: '32rem' }}
        className="checkout"
        onkessai-success={(e) => setStatus(e.detail.response.status)}
        onkessai-error={(e) => setStatus(e.detail.code)}
        onkessai-submit={(e) => e.detail.request.method === 'konbini' && setStatus('submitting')}
      />
      <kessai-address-fields postal-data="/postal/" onkessai-address-resolved={(e) => setStatus(e.detail.status)} />
      <output>{status}</output>
    </>
  );
}

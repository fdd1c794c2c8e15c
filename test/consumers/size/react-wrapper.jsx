// One wrapper, taken from the kessai/react barrel (the per-element module must be all it pulls in).
import { createRoot } from 'react-dom/client';
import { KessaiContactFields } from 'kessai/react';
createRoot(document.getElementById('root')).render(<KessaiContactFields name="contact" />);

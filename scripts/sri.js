// Writes dist/cdn/kessai.js.sri (sha384 Subresource Integrity) and fails the
// build if the embed file holds any byte above 0x7F.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = 'dist/cdn/kessai.js';
const bytes = readFileSync(file);
const bad = bytes.findIndex((b) => b > 0x7f);
if (bad !== -1) {
  console.error(`${file}: non-ASCII byte 0x${bytes[bad].toString(16)} at offset ${bad}; the embed must be ASCII-only.`);
  process.exit(1);
}
const sri = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
writeFileSync(`${file}.sri`, `${sri}\n`);
console.log(`${file}: ${bytes.length} bytes, ASCII-only, integrity ${sri}`);

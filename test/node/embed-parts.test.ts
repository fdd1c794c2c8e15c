/**
 * The script-tag build as shipped (dist/cdn/, built by `npm test` before this
 * stage): every part that kessai.js may load carries exactly the sha384 that
 * kessai.js holds for it (a part changed after its hash was taken is refused by
 * the browser: the shopper gets no card fields or no QR code), and every file is
 * ASCII-only (Shift_JIS pages).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';

const cdn = join(process.cwd(), 'dist', 'cdn');
const parts = readdirSync(cdn).filter((f) => /^kessai-.+\.js$/.test(f));

it('kessai.js names every part with the sha384 of the part as built, and nothing else', () => {
  const entry = readFileSync(join(cdn, 'kessai.js'), 'utf8');
  assert.ok(parts.length >= 4, `parts in dist/cdn: ${parts.join(', ')}`);
  for (const f of parts) {
    const sri = `sha384-${createHash('sha384').update(readFileSync(join(cdn, f))).digest('base64')}`;
    assert.ok(entry.includes(`"${f}":{i:"${sri}"`), `${f}: kessai.js does not hold its integrity ${sri}`);
  }
  const named = [...entry.matchAll(/"(kessai-[\w.-]+\.js)":\{i:/g)].map((m) => m[1]).sort();
  assert.deepEqual(named, [...parts].sort());
});

it('every file of the embed is ASCII-only', () => {
  for (const f of ['kessai.js', ...parts]) {
    const bytes = readFileSync(join(cdn, f));
    assert.equal(bytes.findIndex((b) => b > 0x7f), -1, `${f} holds a byte above 0x7F`);
  }
});

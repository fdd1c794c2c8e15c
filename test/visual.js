// Visual check of the Storybook stories (node side of test/storybook/smoke.test.ts):
// a screenshot is compared with its committed baseline in test/visual/baselines/.
// A difference fails with the actual image and a diff image in test-results/visual/.
// UPDATE_VISUAL=1 writes the baselines instead (review them before committing:
// they are the design-review gallery too).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const BASELINES = fileURLToPath(new URL('./visual/baselines/', import.meta.url));
const RESULTS = fileURLToPath(new URL('../test-results/visual/', import.meta.url));
export const UPDATE = process.env.UPDATE_VISUAL === '1';

// Tolerances: anti-aliasing and sub-pixel text differ between Chromium builds
// (Debian ships a new one with each security update), a changed colour does not.
// A pixel counts as different above pixelmatch's colour threshold (anti-aliased
// pixels aside); a screenshot fails above MAX_RATIO of its pixels. Checked: the
// baselines from Chromium 156 pass in Chromium 150, and the hint grey changed from
// #595959 to #505050 fails (0.4 % of the pixels of an address story).
const THRESHOLD = 0.03;
const MAX_RATIO = 0.001;

/** Compares a PNG (Buffer) with the baseline `name`; returns { ok, message }. */
export async function compareWithBaseline(name, png, baseline = name) {
  const file = `${BASELINES}${baseline}.png`;
  if (UPDATE && name === baseline) {
    await mkdir(BASELINES, { recursive: true });
    await writeFile(file, png);
    return { ok: true, message: 'baseline written' };
  }
  if (!existsSync(file)) {
    await save(name, png);
    return { ok: false, message: `no baseline ${baseline}.png: run UPDATE_VISUAL=1 npm test, look at the new images, commit them` };
  }
  const bytes = await readFile(file);
  // The same pixels from the same Chromium encode to the same bytes: no decoding needed.
  if (bytes.equals(png)) return { ok: true, message: 'identical' };
  const expected = PNG.sync.read(bytes);
  const actual = PNG.sync.read(png);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    await save(name, png);
    return { ok: false, message: `size ${actual.width}×${actual.height}, baseline ${expected.width}×${expected.height} (test-results/visual/${name}.png)` };
  }
  const pixels = pixelmatch(expected.data, actual.data, null, actual.width, actual.height, { threshold: THRESHOLD });
  const ratio = pixels / (actual.width * actual.height);
  if (ratio <= MAX_RATIO) return { ok: true, message: `${pixels} pixels differ` };
  const diff = new PNG({ width: actual.width, height: actual.height });
  pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: THRESHOLD });
  await save(name, png, PNG.sync.write(diff));
  return { ok: false, message: `${pixels} pixels (${(ratio * 100).toFixed(2)} %) differ from ${baseline}.png: see test-results/visual/${name}.png and ${name}.diff.png` };
}

async function save(name, png, diff) {
  await mkdir(RESULTS, { recursive: true });
  await writeFile(`${RESULTS}${name}.png`, png);
  if (diff) await writeFile(`${RESULTS}${name}.diff.png`, diff);
}

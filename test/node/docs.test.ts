/** docs/server.md shows the tested example files exactly as they are. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';

it('docs/server.md: every example block is its file under docs/examples/, verbatim', () => {
  const root = process.cwd();
  const doc = readFileSync(join(root, 'docs', 'server.md'), 'utf8');
  const blocks = [...doc.matchAll(/<!-- (docs\/examples\/[\w-]+\.ts) -->\n```ts\n([\s\S]*?)\n```/g)];
  assert.ok(blocks.length >= 6, `found ${blocks.length} example blocks`);
  for (const [, file, code] of blocks) assert.equal(code, readFileSync(join(root, file), 'utf8').trimEnd(), file);
});

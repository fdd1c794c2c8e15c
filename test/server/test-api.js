// The real local HTTP server of the test run: routes under /test-api/ are
// served by @web/test-runner's own dev server (same origin as the tests).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { handleEndpoint } from './endpoint.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

// "決済テスト" in Shift_JIS, so the page really is a Shift_JIS document.
const SJIS_TITLE = Buffer.from('8c888dcf836583588367', 'hex');

async function sjisPage() {
  const sri = (await readFile(`${root}dist/cdn/kessai.js.sri`, 'utf8')).trim();
  const head = Buffer.from('<!doctype html><html><head><title>');
  const rest = Buffer.from(
    `</title></head><body><form><kessai-contact-fields name="c"></kessai-contact-fields></form>` +
      `<script src="/test-api/cdn/kessai.js" integrity="${sri}" crossorigin="anonymous"></script></body></html>`,
  );
  return Buffer.concat([head, SJIS_TITLE, rest]);
}

/** Koa middleware for the test run's dev server (listed in `middleware`, so it runs first). */
export function testApiMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/test-api/')) return next();
    const route = ctx.path.slice('/test-api/'.length);
    if (await handleEndpoint(ctx, route)) return;
    if (route === 'sjis-page') {
      ctx.set('Content-Type', 'text/html; charset=Shift_JIS');
      ctx.body = await sjisPage();
      return;
    }
    if (route === 'cdn/kessai.js.sri') {
      ctx.set('Content-Type', 'text/plain');
      ctx.body = await readFile(`${root}dist/cdn/kessai.js.sri`);
      return;
    }
    if (route === 'cdn/kessai.js') {
      // Deliberately no charset: what a careless shop server sends.
      ctx.set('Content-Type', 'text/javascript');
      ctx.body = await readFile(`${root}dist/cdn/kessai.js`);
      return;
    }
    ctx.status = 404;
      ctx.body = 'unknown test route';
  };
}

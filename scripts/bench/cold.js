// The cold path a shopper gets (part of `npm run bench`): a new page per run,
// from navigation to the form rendered and idle, for the script-tag embed with
// one <kessai-checkout methods="konbini"> against the same fields as plain
// HTML, on a 390 px wide viewport, at normal CPU speed and with 4× CPU
// throttling (a mid-range Android phone), first visit (a fresh browser context:
// nothing cached) and returning visit (the script in the HTTP cache and in V8's
// code cache: the page was loaded twice before in the same context).
//
// "Rendered and idle": every element of the checkout has rendered
// (updateComplete), then a frame was produced (requestAnimationFrame) and the
// task after it ran. The plain form: the same after the parser reached it.
//
// The split of the kessai page, from a performance trace of each run:
//   download   request start → last byte of kessai.js (resource timing)
//   compile    V8 compiling kessai.js on the main thread (the streamed part on
//              a background thread is not counted) and its functions compiled
//              lazily while it runs
//   evaluate   running kessai.js's top level (module initialisation: lit,
//              classes, tables), compile time excluded: wall time, and the
//              main thread's CPU time (the trace's thread clock). On a shared
//              machine the renderer's main thread is off the CPU for part of
//              the wall time (other Chromium processes load the page too):
//              the CPU time is what kessai's code costs.
//   render     from the element in the DOM to the form rendered (upgrade,
//              lit templates, styles) — elements created after the script ran
//   frame      style, layout and paint of the first frame, until idle
//
// A third page, "lit", is the floor that top-level evaluation is judged
// against: a script-tag bundle of lit (the mandated base) with one trivial
// element named kessai-checkout (a form with two inputs), minified and with
// the same compile hint as kessai.js, built here with esbuild.
/* global performance -- the page.evaluate callbacks run in the browser */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { build } from 'esbuild';

const READY = `<script>
(async () => {
  const c = document.querySelector('kessai-checkout');
  if (c) {
    await c.updateComplete;
    for (const e of c.shadowRoot.querySelectorAll('*')) if (e.updateComplete) await e.updateComplete;
  }
  performance.mark('k:rendered');
  requestAnimationFrame(() => setTimeout(() => { performance.mark('k:ready'); document.title = 'ready'; }));
})();
</script>`;

const MARK = `<script>performance.mark('k:element')</script>`;
const head = (script) =>
  `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>cold</title><link rel="icon" href="data:,">${script}</head>`;

const LIT_FLOOR = `import { LitElement, html, css } from 'lit';
class Floor extends LitElement {
  static styles = css\`:host{display:block} label{display:block}\`;
  static properties = { endpoint: {}, amount: { type: Number }, reference: {}, methods: {} };
  render() { return html\`<form><label>姓<input name="a"></label><label>名<input name="b"></label></form>\`; }
}
customElements.define('kessai-checkout', Floor);`;

/** The lit floor as a classic script, as kessai.js is shipped: minified, ASCII, with the compile hint. */
async function litFloor(root) {
  const out = await build({ stdin: { contents: LIT_FLOOR, resolveDir: root, loader: 'js' }, bundle: true, format: 'iife', minify: true, charset: 'ascii', target: 'es2022', write: false, logLevel: 'silent' });
  return `//# allFunctionsCalledOnLoad\n${out.outputFiles[0].text}`;
}

const CHECKOUT = '<kessai-checkout endpoint="/api/checkout" amount="3240" reference="cart" methods="konbini"></kessai-checkout>';
/** The script each page measures (its evaluation is read from the trace by this name). */
const SCRIPT = { kessai: '/cdn/kessai.js', lit: '/floor/lit.js' };

async function serve(root, nativeFormHtml) {
  const cdn = join(root, 'dist', 'cdn');
  const floor = await litFloor(root);
  const pages = {
    '/kessai': `${head(`<script src="${SCRIPT.kessai}"></script>`)}<body>${MARK}${CHECKOUT}${READY}</body></html>`,
    '/lit': `${head(`<script src="${SCRIPT.lit}"></script>`)}<body>${MARK}${CHECKOUT}${READY}</body></html>`,
    '/native': `${head('')}<body>${MARK}${nativeFormHtml()}${READY}</body></html>`,
  };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pages[path]) return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(pages[path]);
    if (path === SCRIPT.lit) return res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'public, max-age=86400' }).end(floor);
    const file = normalize(join(cdn, path.replace(/^\/cdn\//, '')));
    if (!path.startsWith('/cdn/') || !file.startsWith(cdn + sep)) return res.writeHead(404).end();
    const body = await readFile(file).catch(() => null);
    // What a shop's server sends for a versioned file: cacheable.
    if (body) res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'public, max-age=86400' }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => (server.closeAllConnections(), new Promise((r) => server.close(r))) };
}

/** One load of `/${which}` in `page`; returns the marks and, from the trace, its script's compile and run time. */
async function load(page, origin, which, rate) {
  const script = SCRIPT[which] ?? null;
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.tracing.start({ categories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile'] });
  await page.goto(`${origin}/${which}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.title === 'ready', { timeout: 120_000 });
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  // Runs in the page: `performance` is the page's.
  const marks = await page.evaluate((script) => {
    const t = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    const js = script && performance.getEntriesByType('resource').find((e) => e.name.endsWith(script));
    return { render: t('k:rendered') - t('k:element'), rendered: t('k:rendered'), ready: t('k:ready'), download: js ? js.responseEnd - js.startTime : null, cached: js ? js.transferSize === 0 : null };
  }, script);
  // The script's evaluation on the renderer's main thread, and the compiling inside it.
  const run = script && trace.find((e) => e.name === 'v8.run' && e.args?.fileName?.endsWith(script));
  let compile = 0;
  let evaluate = null;
  let evaluateCpu = null;
  if (run) {
    const inside = (e) => e.tid === run.tid && e.ts >= run.ts && e.ts + (e.dur ?? 0) <= run.ts + run.dur;
    // Only the outermost compile events (they nest).
    const compiles = trace.filter((e) => e.ph === 'X' && /^(V8\.CompileCode|V8\.CompileLazy|v8\.compile)$/.test(e.name) && e.tid === run.tid && e.dur);
    const outer = compiles.filter((e) => !compiles.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.ts < e.ts || o.dur > e.dur)));
    const compileInRun = outer.filter(inside).reduce((s, e) => s + e.dur, 0);
    const compileOutside = trace.filter((e) => e.name === 'v8.compile' && e.args?.data?.url?.endsWith(script) && !inside(e)).reduce((s, e) => s + e.dur, 0);
    compile = (compileInRun + compileOutside) / 1000;
    evaluate = (run.dur - compileInRun) / 1000;
    if (run.tdur != null) evaluateCpu = (run.tdur - outer.filter(inside).reduce((s, e) => s + (e.tdur ?? e.dur), 0)) / 1000;
  }
  return { ...marks, compile, evaluate, evaluateCpu };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : null;
};

/**
 * Runs the cold measurements with `browser` (puppeteer). Returns per
 * configuration ("kessai|native|lit", rate, visit) the medians of `runs` loads (2 × runs + 1 at 1×).
 */
export async function measureCold({ browser, root, nativeFormHtml, runs = 7, log = () => {} }) {
  const server = await serve(root, nativeFormHtml);
  const results = [];
  try {
    const pageKinds = ['kessai', 'native', 'lit'];
    for (const rate of [1, 4]) {
      for (const visit of ['first', 'returning']) {
        // At 1×, twice as many pages (a page is quick): top-level evaluation is a few milliseconds.
        const pages = rate === 1 ? 2 * runs + 1 : runs;
        log(`cold start: ${rate}× CPU, ${visit} visit, ${pages} runs of each page…`);
        // The three pages alternate (in a rotating order), so that a slow spell of a shared machine
        // falls on all of them rather than on one.
        const samples = Object.fromEntries(pageKinds.map((w) => [w, []]));
        for (let i = 0; i < pages; i++) {
          for (let j = 0; j < pageKinds.length; j++) {
            const which = pageKinds[(i + j) % pageKinds.length];
            const context = await browser.createBrowserContext();
            const page = await context.newPage();
            await page.setViewport({ width: 390, height: 844 });
            if (visit === 'returning') {
              await load(page, server.origin, which, 1);
              await load(page, server.origin, which, 1);
            }
            samples[which].push(await load(page, server.origin, which, rate));
            await context.close();
          }
        }
        for (const which of pageKinds) {
          const got = samples[which];
          if (SCRIPT[which] && got.some((s) => s.cached !== (visit === 'returning'))) {
            throw new Error(`cold start: ${SCRIPT[which]} was ${visit === 'returning' ? 'not ' : ''}served from the cache on a ${visit} visit`);
          }
          const m = (k) => median(got.map((s) => s[k]));
          results.push({
            which,
            rate,
            visit,
            runs: pages,
            ready: m('ready'),
            download: m('download'),
            compile: m('compile'),
            evaluate: m('evaluate'),
            evaluateCpu: m('evaluateCpu'),
            render: m('render'),
            frame: median(got.map((s) => s.ready - s.rendered)),
          });
        }
      }
    }
  } finally {
    await server.close();
  }
  return results;
}

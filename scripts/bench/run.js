// `npm run bench`: size, first render, keystroke cost, postal lookup and heap
// growth of kessai against the native-form floor, in one run of headless
// Chromium (Debian's /usr/bin/chromium; CHROME_PATH overrides) driven by
// puppeteer-core. Prints a table, writes dist/bench/results.json and
// dist/bench/results.md. Timings are reported, not asserted (shared machines
// are noisy); the size budget is checked by `npm run size`.
//
//   npm run bench                  full run (about a minute on 2 cores, plus the build if dist/ is missing or stale)
//   npm run bench -- --quick       fewer repetitions (a smoke test, figures not for docs/benchmarks.md)
//   npm run bench -- --no-build    measure dist/ as it is
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { puppeteerCore } from '@web/test-runner-chrome';
import { startServer } from './server.js';
import { measureCold } from './cold.js';
import { measureSizes, ELEMENTS } from './sizes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const R = {
  renderRuns: QUICK ? 8 : 60,
  renderWarmup: QUICK ? 3 : 10,
  keyRuns: QUICK ? 4 : 20,
  keyWarmup: QUICK ? 2 : 5,
  coldShards: QUICK ? 5 : 15,
  warmCodes: QUICK ? 10 : 30,
  mounts: QUICK ? 200 : 1000,
  coldRuns: QUICK ? 3 : 7,
};
const CHARS = 50;
const started = Date.now();
const log = (s) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${s}\n`);

// ---------------------------------------------------------------------------
// dist/: built when missing or older than src/ and locales/
// ---------------------------------------------------------------------------

/** Newest modification time under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuild() {
  const needed = [join(root, 'dist/define/all.js'), join(root, 'dist/cdn/kessai.js'), join(root, 'dist/cdn/postal/100.json')];
  const missing = needed.some((f) => !existsSync(f));
  const stale =
    !missing &&
    Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'locales'))) > Math.min(...needed.slice(0, 2).map((f) => statSync(f).mtimeMs));
  if (args.has('--no-build') || (!missing && !stale)) return;
  log(`dist/ is ${missing ? 'missing' : 'older than src/'}: building (npm run build without the manifest step)…`);
  // `npm run build` minus build:manifest, which the bench does not need.
  for (const step of ['build:esm', 'build:postal', 'build:cdn']) execSync(`npm run --silent ${step}`, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

// ---------------------------------------------------------------------------
// statistics and formatting
// ---------------------------------------------------------------------------

function quantile(sorted, q) {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (i - lo);
}
function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p25: quantile(s, 0.25), p75: quantile(s, 0.75), min: s[0], max: s[s.length - 1] };
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n >= 10 ? `${n.toFixed(1)} ms` : `${n.toFixed(2)} ms`);
const us = (n) => `${(n * 1000).toFixed(0)} µs`;
const x = (n) => `${n.toFixed(2)}×`;
const verdict = (ok) => (ok ? 'met' : '**missed**');

// ---------------------------------------------------------------------------
// postal codes for the lookup: one per cold shard, more from the same shards for warm lookups
// ---------------------------------------------------------------------------

function pickPostalCodes() {
  const dir = join(root, 'dist/cdn/postal');
  const shards = readdirSync(dir)
    .filter((f) => /^\d{3}\.json$/.test(f))
    .map((f) => ({ key: f.slice(0, 3), bytes: statSync(join(dir, f)).size }))
    .filter((s) => s.bytes > 1000);
  const step = shards.length / R.coldShards;
  const cold = [];
  const warm = [];
  for (let i = 0; i < R.coldShards; i++) {
    const shard = shards[Math.floor(i * step + step / 2)];
    const data = JSON.parse(readFileSync(join(dir, `${shard.key}.json`), 'utf8'));
    const single = Object.entries(data)
      .filter(([, rows]) => rows.length === 1 && rows[0][1])
      .map(([code, [[prefectureCode, city]]]) => ({ code, prefectureCode, city, shardBytes: shard.bytes }));
    cold.push(single[0]);
    warm.push(...single.slice(1, 1 + Math.ceil(R.warmCodes / R.coldShards)));
  }
  return { cold, warm: warm.slice(0, R.warmCodes) };
}

// ---------------------------------------------------------------------------
// the run
// ---------------------------------------------------------------------------

async function main() {
  ensureBuild();
  const { nativeFormHtml } = await import('./native-form.js');

  log('sizes (esbuild bundles of dist/, node:zlib)…');
  const sizes = await measureSizes(root);

  const pageHtml = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>kessai bench</title><link rel="icon" href="data:,">
<script src="/cdn/kessai.js"></script>
<script type="module" src="/bench/page.js"></script>
</head><body><template id="native-form">${nativeFormHtml()}</template><main id="stage"></main></body></html>`;
  const server = await startServer({ root, pageHtml });
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: sudo apt-get install -y --no-install-recommends chromium fonts-ipafont-gothic (or set CHROME_PATH)`);
  }
  const browser = await puppeteerCore.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const outside = [];
  const problems = [];
  const openPage = async () => {
    const page = await browser.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(`${server.origin}/`)) outside.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => 'kessaiBench' in window && customElements.get('kessai-checkout') !== undefined);
    return page;
  };

  let results;
  try {
    const version = await browser.version();
    const page = await openPage();
    const sanity = await page.evaluate(() => window.kessaiBench.sanity());
    if (!sanity.crossOriginIsolated) problems.push('page not cross-origin isolated: performance.now() has 100 µs resolution');

    log(`first render: ${R.renderRuns} runs each after ${R.renderWarmup} warm-up…`);
    const render = await page.evaluate((o) => window.kessaiBench.firstRender(o), { runs: R.renderRuns, warmup: R.renderWarmup });

    log(`keystrokes: ${CHARS} characters × ${R.keyRuns} runs per field…`);
    const nameText = '山田花子佐藤太郎鈴木一郎高橋次郎田中三郎伊藤四郎渡辺五郎山本六郎中村七郎小林八郎加藤九郎吉田十郎山口'.slice(0, CHARS);
    const postalText = '1000001234567890123456789012345678901234567890123456789'.slice(0, CHARS);
    const keys = await page.evaluate((o) => window.kessaiBench.keystrokes(o), {
      runs: R.keyRuns,
      warmup: R.keyWarmup,
      texts: { name: nameText, postal: postalText },
    });
    const typedOk = keys.check['kessai:name'] === nameText && keys.check['native:name'] === nameText && keys.check['kessai:postal'] === postalText;
    // The 7th digit (1000001) looked the address up: 千代田区 is in 市区町村.
    if (!typedOk || keys.check.filledCity !== '千代田区') throw new Error(`typed text not in the fields: ${JSON.stringify(keys.check)}`);
    await page.close();

    log(`postal lookup: ${R.coldShards} cold shards, ${R.warmCodes} warm codes…`);
    const codes = pickPostalCodes();
    const postalPage = await openPage();
    const shardRequests = () => [...server.requests].filter(([p]) => p.startsWith('/cdn/postal/')).reduce((n, [, c]) => n + c, 0);
    const before = shardRequests();
    const cold = await postalPage.evaluate((o) => window.kessaiBench.postal(o), { codes: codes.cold });
    const coldFetches = shardRequests() - before;
    const warm = await postalPage.evaluate((o) => window.kessaiBench.postal(o), { codes: codes.warm });
    const warmFetches = shardRequests() - before - coldFetches;
    if (coldFetches !== codes.cold.length || warmFetches !== 0) {
      throw new Error(`expected ${codes.cold.length} shard fetches for the cold lookups and none for the warm ones, got ${coldFetches} and ${warmFetches}`);
    }
    await postalPage.close();

    log(`memory: mount + remove ${R.mounts} times…`);
    const memPage = await openPage();
    const cdp = await memPage.createCDPSession();
    const heap = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const u = await cdp.send('Runtime.getHeapUsage');
      const d = await cdp.send('Memory.getDOMCounters');
      return { js: u.usedSize, embedder: u.embedderHeapUsedSize ?? 0, nodes: d.nodes, listeners: d.jsEventListeners, documents: d.documents };
    };
    const cycle = (which, count) => memPage.evaluate((o) => window.kessaiBench.cycle(o), { which, count });
    await cycle('kessai', 20);
    await cycle('native', 20);
    const base = await heap();
    const baseAgain = await heap();
    // What one mounted checkout holds: a leak of even a small share of it per mount would show.
    const held = await memPage.evaluate(() => window.kessaiBench.hold({ count: 20 }));
    const holding = await heap();
    await memPage.evaluate(() => window.kessaiBench.release());
    const afterHold = await heap();
    await cycle('kessai', R.mounts / 2);
    const half = await heap();
    await cycle('kessai', R.mounts / 2);
    const full = await heap();
    await cycle('native', R.mounts);
    const nativeFull = await heap();
    await memPage.close();

    const coldStart = await measureCold({ browser, root, nativeFormHtml, runs: R.coldRuns, log });

    const diff = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, b[k] - a[k]]));
    const perCheckout = diff(afterHold, holding);
    for (const k of Object.keys(perCheckout)) perCheckout[k] /= held;
    results = {
      sanity,
      render: {
        kessai: stats(render.kessai),
        native: stats(render.native),
        kessaiBuild: stats(render.kessaiBuild),
        nativeBuild: stats(render.nativeBuild),
      },
      // Per keystroke (every character of every measured run): median of the total, and of its parts:
      // setting the value + dispatching the input event (the element's handler runs here), awaiting the
      // element's update (lit render, FormData and validity sync), forced layout. `perRun`: mean per
      // character of each run (the slow 7th digit of 郵便番号, which starts the lookup, counts there).
      keystrokes: Object.fromEntries(Object.entries(keys.samples).map(([k, v]) => [k, stats(v.total)])),
      keystrokeSplit: Object.fromEntries(
        Object.entries(keys.samples).map(([k, v]) => [k, { event: stats(v.event).median, update: stats(v.update).median, layout: stats(v.layout).median }]),
      ),
      keystrokePerRun: Object.fromEntries(Object.entries(keys.samples).map(([k, v]) => [k, stats(v.perRun)])),
      postal: {
        cold: stats(cold.times),
        warm: stats(warm.times),
        // Until kessai-address-resolved fires (the rest is rendering the filled fields and layout).
        coldToEvent: stats(cold.toEvent),
        coldFetch: stats(cold.fetches),
        warmToEvent: stats(warm.toEvent),
        coldShardBytes: stats(codes.cold.map((c) => c.shardBytes)),
        coldCodes: codes.cold.map((c) => c.code),
      },
      memory: {
        mounts: R.mounts,
        base,
        noise: diff(base, baseAgain),
        perMountedCheckout: perCheckout,
        growthHalf: diff(base, half),
        growth: diff(base, full),
        secondHalf: diff(half, full),
        nativeControl: diff(full, nativeFull),
      },
      cold: coldStart,
      browser: version,
    };
  } finally {
    await browser.close();
    await server.close();
  }
  if (outside.length) throw new Error(`requests outside the bench server: ${outside.slice(0, 5).join(', ')}`);

  const out = {
    date: new Date().toISOString(),
    machine: { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? '', node: process.version },
    quick: QUICK,
    repetitions: R,
    sizes,
    ...results,
    seconds: Math.round((Date.now() - started) / 1000),
    consoleProblems: problems,
  };
  const table = formatTable(out);
  mkdirSync(join(root, 'dist/bench'), { recursive: true });
  writeFileSync(join(root, 'dist/bench/results.json'), `${JSON.stringify(out, null, 2)}\n`);
  writeFileSync(join(root, 'dist/bench/results.md'), `${table}\n`);
  process.stdout.write(`${table}\n\nWritten: dist/bench/results.json, dist/bench/results.md (${out.seconds} s)\n`);
  if (problems.length) process.stderr.write(`Console problems in the bench page:\n  ${problems.slice(0, 10).join('\n  ')}\n`);
}

// ---------------------------------------------------------------------------
// the table (Markdown: printed, and pasted into docs/benchmarks.md)
// ---------------------------------------------------------------------------

function formatTable(r) {
  const s = r.sizes;
  const iqr = (st, f) => `${f(st.median)} (${f(st.p25)}–${f(st.p75)})`;
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(`Chromium ${r.browser.replace(/^\D+/, '')}, ${r.machine.cpus} cores (${r.machine.cpu.trim()}), Node ${r.machine.node}; medians (25th–75th percentile)${r.quick ? ' — QUICK RUN, not for docs/benchmarks.md' : ''}.`);
  lines.push('');
  row('measure', 'kessai', 'native floor', 'ratio', 'target', 'verdict');
  row('---', '---', '---', '---', '---', '---');
  row(
    'embed `dist/cdn/kessai.js` (the first screen: checkout, name, contact, address, Konbini picker; Japanese)',
    `${kb(s.embed.raw)} raw, **${kb(s.embed.gzip)} gzip**, ${kb(s.embed.brotli)} brotli`,
    '0 (no script)',
    '',
    '≤ 20 KB gzip',
    verdict(s.embed.gzip <= 20 * 1024),
  );
  for (const [name, p] of Object.entries(s.parts)) {
    row(`+ part \`kessai-${name}-….js\` (loaded when needed, SRI-checked)`, `${kb(p.raw)} raw, ${kb(p.gzip)} gzip, ${kb(p.brotli)} brotli`, '', '', 'reported', '');
  }
  row(
    '+ `dist/cdn/kessai.en.json` (fetched by the embed on English pages only)',
    `${kb(s.english.raw)} raw, ${kb(s.english.gzip)} gzip, ${kb(s.english.brotli)} brotli`,
    '',
    '',
    'reported',
    '',
  );
  for (const name of ELEMENTS) {
    const e = s.elements[name];
    row(
      `npm: only \`kessai/define/${name}\` (esbuild, minified, lit once)`,
      `${kb(e.raw)} raw, ${kb(e.gzip)} gzip (lit ${kb(e.litGzip)}; its own messages, ja + en)`,
      '',
      '',
      '',
      '',
    );
  }
  row('reference: lit alone (`export * from "lit"`)', `${kb(s.lit.raw)} raw, ${kb(s.lit.gzip)} gzip`, '', '', '', '');
  const rk = r.render.kessai;
  const rn = r.render.native;
  const renderRatio = rk.median / rn.median;
  row(
    `first render: insert → rendered + laid out (${rk.n} runs)`,
    iqr(rk, ms),
    iqr(rn, ms),
    x(renderRatio),
    '≤ 1.5× native',
    verdict(renderRatio <= 1.5),
  );
  const keyRatios = {};
  for (const [field, label] of [
    ['name', '姓'],
    ['postal', '郵便番号'],
  ]) {
    const k = r.keystrokes[`kessai:${field}`];
    const n = r.keystrokes[`native:${field}`];
    keyRatios[field] = k.median / n.median;
    row(
      `keystroke in ${label}, per character (${k.n} keystrokes: ${CHARS} × ${r.repetitions.keyRuns} runs)`,
      iqr(k, us),
      iqr(n, us),
      x(keyRatios[field]),
      '≤ 1.3× native',
      verdict(keyRatios[field] <= 1.3),
    );
  }
  const p = r.postal;
  row(
    `postal lookup, cold (${p.cold.n} shards fetched from 127.0.0.1, median ${kb(p.coldShardBytes.median)})`,
    `${iqr(p.cold, ms)}; event after ${ms(p.coldToEvent.median)}, of which fetch ${ms(p.coldFetch.median)}`,
    '',
    '',
    'reported',
    '',
  );
  row(`postal lookup, warm (${p.warm.n} codes, shard in memory)`, `${iqr(p.warm, ms)}; event after ${ms(p.warmToEvent.median)}`, '', '', '< 16.7 ms (one frame)', verdict(p.warm.median < 16.7));
  const m = r.memory;
  // A leak grows with every mount: judged on the second half of the mounts (the first half also
  // holds one-time growth: optimized code, inline caches, lit's template cache). Under 1 % of one
  // checkout per mount, and not one DOM node or listener more, is "no growth".
  const perMount = (d) => (d.js + d.embedder) / (m.mounts / 2);
  const leakShare = perMount(m.secondHalf) / (m.perMountedCheckout.js + m.perMountedCheckout.embedder);
  const noGrowth = m.growth.nodes <= 0 && m.growth.listeners <= 0 && leakShare < 0.01;
  row(
    `heap after ${m.mounts} mounts + removals vs before (JS heap / DOM heap / nodes / listeners)`,
    `${signedKb(m.growth.js)} / ${signedKb(m.growth.embedder)} / ${signed(m.growth.nodes)} / ${signed(m.growth.listeners)}`,
    `${signedKb(m.nativeControl.js)} / ${signedKb(m.nativeControl.embedder)} / ${signed(m.nativeControl.nodes)} / ${signed(m.nativeControl.listeners)}`,
    '',
    'no growth',
    verdict(noGrowth),
  );
  const cold = (which, rate, visit) => r.cold.find((c) => c.which === which && c.rate === rate && c.visit === visit);
  for (const visit of ['first', 'returning']) {
    for (const rate of [1, 4]) {
      const k = cold('kessai', rate, visit);
      const n = cold('native', rate, visit);
      const ratio = k.ready / n.ready;
      const judged = rate === 4 && visit === 'first';
      row(
        `cold start, ${visit} visit${visit === 'returning' ? ' (script cached)' : ''}, ${rate}× CPU: navigation → form rendered and idle (${k.runs} pages, 390 px)`,
        ms(k.ready),
        ms(n.ready),
        x(ratio),
        judged ? '≤ 2× plain form (goal 1.5×)' : 'reported',
        judged ? verdict(ratio <= 2) : '',
      );
    }
  }
  // Second column here: the lit floor (lit and one trivial element, shipped as kessai.js is).
  for (const visit of ['first', 'returning']) {
    const k = cold('kessai', 1, visit);
    const l = cold('lit', 1, visit);
    const judged = visit === 'first';
    row(`top-level evaluation, ${visit} visit, 1× CPU, main thread's CPU time (against lit + one trivial element)`, ms(k.evaluateCpu), ms(l.evaluateCpu), x(k.evaluateCpu / l.evaluateCpu), judged ? '≤ 5 ms' : 'reported', judged ? verdict(k.evaluateCpu <= 5) : '');
    row(`top-level evaluation, ${visit} visit, 1× CPU, wall time`, ms(k.evaluate), ms(l.evaluate), x(k.evaluate / l.evaluate), 'reported', '');
  }
  lines.push('');
  lines.push(
    'Cold start, split of the kessai page (medians; download / compile on the main thread / top-level evaluation / upgrade + first render / first frame until idle): ' +
      r.cold
        .filter((c) => c.which === 'kessai')
        .map((c) => `${c.visit} ${c.rate}×: ${ms(c.download)} / ${ms(c.compile)} / ${ms(c.evaluate)} (CPU ${ms(c.evaluateCpu)}) / ${ms(c.render)} / ${ms(c.frame)}`)
        .join('; ') +
      `. The plain form's first frame: ${r.cold
        .filter((c) => c.which === 'native')
        .map((c) => `${c.visit} ${c.rate}× ${ms(c.frame)}`)
        .join(', ')}. The lit floor's top-level evaluation: ${r.cold
        .filter((c) => c.which === 'lit')
        .map((c) => `${c.visit} ${c.rate}× ${ms(c.evaluate)} (CPU ${ms(c.evaluateCpu)})`)
        .join(', ')}.`,
  );
  lines.push('');
  lines.push(
    `First render, split: building the DOM (script) ${ms(r.render.kessaiBuild.median)} kessai vs ${ms(r.render.nativeBuild.median)} native (clone); ` +
      `style + layout ${ms(rk.median - r.render.kessaiBuild.median)} vs ${ms(rn.median - r.render.nativeBuild.median)}. ` +
      `Nodes: ${r.sanity.kessaiNodes} kessai (in shadow roots) vs ${r.sanity.nativeNodes} native.`,
  );
  const ks = (k) => {
    const p = r.keystrokeSplit[k];
    return `${us(p.event)} / ${us(p.update)} / ${us(p.layout)}`;
  };
  lines.push('');
  lines.push(
    `Keystroke, median parts (input event incl. handlers / element update / layout): ` +
      `姓 ${ks('kessai:name')} kessai vs ${ks('native:name')} native; 郵便番号 ${ks('kessai:postal')} vs ${ks('native:postal')}. ` +
      `Mean per character of a run (every keystroke counted, incl. the 7th digit's lookup): ` +
      `姓 ${us(r.keystrokePerRun['kessai:name'].median)} vs ${us(r.keystrokePerRun['native:name'].median)}, ` +
      `郵便番号 ${us(r.keystrokePerRun['kessai:postal'].median)} vs ${us(r.keystrokePerRun['native:postal'].median)}.`,
  );
  lines.push('');
  lines.push(
    `Heap: one mounted checkout holds ${kb(m.perMountedCheckout.js)} of JS heap, ${kb(m.perMountedCheckout.embedder)} of DOM (Oilpan) heap and ${Math.round(m.perMountedCheckout.nodes)} nodes. ` +
      `Over the second ${m.mounts / 2} mounts the heaps changed by ${signedKb(m.secondHalf.js)} JS / ${signedKb(m.secondHalf.embedder)} DOM, ` +
      `${(leakShare * 100).toFixed(3)} % of one checkout per mount (the first ${m.mounts / 2}: ${signedKb(m.growthHalf.js)} / ${signedKb(m.growthHalf.embedder)}); ` +
      `two readings with nothing in between differ by ${signedKb(m.noise.js)} / ${signedKb(m.noise.embedder)}.`,
  );
  lines.push('');
  lines.push('Where the gzip bytes of every element (esbuild bundle of `dist/define/all.js`) go:');
  lines.push('');
  lines.push('| module group | minified | gzip (marginal) | share |');
  lines.push('| --- | --- | --- | --- |');
  const c = s.composition;
  // Tag names in backticks: bare, Markdown would take them for HTML.
  const cell = (name) => name.replace(/<kessai-[a-z-]+>/g, (t) => `\`${t}\``);
  for (const g of c.groups) lines.push(`| ${cell(g.group)} | ${kb(g.raw)} | ${kb(g.gzip)} | ${((g.gzip / c.total.gzip) * 100).toFixed(0)} % |`);
  lines.push(`| total | ${kb(c.total.raw)} | ${kb(c.total.gzip)} | 100 % |`);
  lines.push('');
  lines.push(
    `Same bundle with Japanese as UTF-8 instead of \\u escapes: ${kb(s.allUtf8.gzip)} gzip (ASCII-only embed costs ${kb(s.all.gzip - s.allUtf8.gzip)}).`,
  );
  return lines.join('\n');
}

const signed = (n) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(Math.round(n))}`;
const signedKb = (n) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${kb(Math.abs(n))}`;

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : e}\n`);
  process.exit(1);
});

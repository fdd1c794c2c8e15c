// Sizes: the embed (dist/cdn/kessai.js) as shipped, the cost of importing one
// element from the npm build (dist/, bundled with esbuild, minified, lit
// counted once), lit alone, and where the bytes of the whole library go
// (esbuild's metafile, grouped by module).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';

export const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
export const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const measure = (buf) => ({ raw: buf.length, gzip: gzip(buf), brotli: brotli(buf) });

export const ELEMENTS = ['address-fields', 'name-fields', 'contact-fields', 'konbini-picker', 'card-fields', 'payment-instructions', 'checkout'];

/** esbuild, as a storefront's bundler would: ESM, minified, lit resolved from node_modules once. */
async function bundle(root, contents, { minify = true, charset = 'ascii', metafile = false } = {}) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'bench-entry.js', loader: 'js' },
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    charset,
    minify,
    // Identifiers and syntax minified but whitespace kept: esbuild then marks each module with a "// path" line.
    ...(minify ? {} : { minifySyntax: true, minifyIdentifiers: true }),
    legalComments: 'none',
    metafile,
    outfile: join(root, 'dist', 'bench', 'bundle.js'),
    logLevel: 'silent',
  });
  return { code: Buffer.from(result.outputFiles[0].contents), metafile: result.metafile };
}

/** The group a module of the bundle belongs to (lit, core, each component…). */
function groupOf(path) {
  const p = path.replace(/\\/g, '/');
  if (p.includes('node_modules/lit-html/')) return 'lit: lit-html (templates, directives)';
  if (p.includes('node_modules/@lit/reactive-element/')) return 'lit: reactive-element (+ decorators)';
  if (p.includes('node_modules/lit-element/') || p.includes('node_modules/lit/')) return 'lit: lit-element';
  if (p.includes('node_modules/@lit/localize/')) return '@lit/localize (str tag + runtime init)';
  if (p.endsWith('dist/localize.js')) return 'kessai localize (msg)';
  const component = /dist\/components\/([^/]+)\//.exec(p);
  if (component) return component[1] === 'shared' ? 'shared (base classes, field styles, konbini text)' : `<kessai-${component[1]}>`;
  if (p.includes('dist/core/')) return 'core (validators, kana, postal, prefectures, endpoint…)';
  if (p.includes('dist/define/')) return 'define (registration)';
  if (p.includes('node_modules/')) return `other: ${p.slice(p.lastIndexOf('node_modules/') + 13)}`;
  return `other: ${p}`;
}

/**
 * Splits an esbuild bundle (whitespace not minified) at its "// path" module
 * markers, minifies each piece's whitespace, and charges every module the gzip
 * bytes it adds to everything before it. The marginal sizes add up exactly to
 * the gzip size of the whole; a module is charged less when it repeats what
 * came before (e.g. a component after the shared base).
 */
async function composition(root, entry) {
  const { code, metafile } = await bundle(root, entry, { minify: false, metafile: true });
  const text = code.toString('utf8');
  const marker = /^\/\/ (\S+)$/gm;
  const pieces = [];
  let m;
  let last = null;
  while ((m = marker.exec(text))) {
    if (last) pieces.push({ path: last.path, code: text.slice(last.end, m.index) });
    last = { path: m[1], end: m.index + m[0].length };
  }
  if (last) pieces.push({ path: last.path, code: text.slice(last.end).replace(/\bexport\s*\{[^}]*\};?\s*$/, '') });
  let joined = '';
  let before = 0;
  const modules = [];
  for (const piece of pieces) {
    const min = (await transform(piece.code, { minifyWhitespace: true, charset: 'ascii', loader: 'js', logLevel: 'silent' })).code;
    joined += min;
    const after = gzip(Buffer.from(joined));
    modules.push({ path: piece.path, group: groupOf(piece.path), raw: Buffer.byteLength(min), gzip: after - before });
    before = after;
  }
  const groups = new Map();
  for (const mod of modules) {
    const g = groups.get(mod.group) ?? { group: mod.group, raw: 0, gzip: 0, modules: 0 };
    g.raw += mod.raw;
    g.gzip += mod.gzip;
    g.modules += 1;
    groups.set(mod.group, g);
  }
  const inputs = Object.keys(metafile.inputs).length;
  return { total: { raw: Buffer.byteLength(joined), gzip: before }, inputs, groups: [...groups.values()].sort((a, b) => b.gzip - a.gzip), modules };
}

export async function measureSizes(root) {
  const embed = measure(readFileSync(join(root, 'dist', 'cdn', 'kessai.js')));
  // The parts kessai.js loads on demand (card fields, payment instructions…).
  const parts = Object.fromEntries(
    readdirSync(join(root, 'dist', 'cdn'))
      .filter((f) => /^kessai-.+\.js$/.test(f))
      .map((f) => [f.replace(/^kessai-|-[\w-]{8}\.js$/g, ''), measure(readFileSync(join(root, 'dist', 'cdn', f)))]),
  );
  const english = measure(readFileSync(join(root, 'dist', 'cdn', 'kessai.en.json')));
  const elements = {};
  for (const name of ELEMENTS) {
    const entry = `import './dist/define/${name}.js';`;
    const { groups } = await composition(root, entry);
    const part = (test) => groups.filter((g) => test(g.group)).reduce((n, g) => n + g.gzip, 0);
    elements[name] = {
      ...measure((await bundle(root, entry)).code),
      // Marginal gzip bytes of lit inside this bundle.
      litGzip: part((g) => g.startsWith('lit:')),
    };
  }
  const all = measure((await bundle(root, "import './dist/define/all.js';")).code);
  // The same bundle with Japanese kept as UTF-8 instead of \u escapes: what the ASCII-only embed costs.
  const allUtf8 = measure((await bundle(root, "import './dist/define/all.js';", { charset: 'utf8' })).code);
  const lit = measure((await bundle(root, "export * from 'lit';")).code);
  const litWithDecorators = measure((await bundle(root, "export * from 'lit'; export * from 'lit/decorators.js';")).code);
  return { embed, parts, english, elements, all, allUtf8, lit, litWithDecorators, composition: await composition(root, "import './dist/define/all.js';") };
}

// The script-tag build's output stage (vite.config.ts): turns the ES chunks
// that vite writes into classic scripts, so a shop adds ONE <script src> (no
// type="module"), and what the first screen does not show comes later:
//
//   kessai.js                 the loader + everything the first screen needs;
//                             runs synchronously, every first-screen tag is
//                             defined when the script has run
//   kessai-<name>-<hash>.js   a part loaded on demand (card fields, payment
//                             instructions…), each checked against its sha384
//                             (Subresource Integrity) that kessai.js carries
//
// How a part is loaded: a <script> element with `integrity` (from the build),
// `crossOrigin` and `nonce` copied from kessai.js's own <script> (a page's CSP
// nonce keeps working), and its URL made by a Trusted Types policy named
// `kessai` when the page enforces Trusted Types. A part registers itself through
// a function under Symbol.for('kessai.chunk'); the loader accepts only scripts
// it created itself (document.currentScript), so a second copy of kessai on the
// page keeps its own parts.
//
// kessai.js's own ES chunks (the entry and what it imports statically) are
// bundled into one scope by esbuild, so the first screen's code calls lit and
// its own modules directly; its exports (what the parts import) become one
// object of getters at the end. A part is converted from ES to CommonJS by
// esbuild (imports become require(), exports live getters) and wrapped in a
// function. Dynamic imports of parts become the loader's load().
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, transform } from 'esbuild';

const KEY = 'Symbol.for("kessai.chunk")';

// The loader, in ES5-ish JS; MANIFEST and ENTRY are replaced at build.
// MANIFEST: { [file]: { i: integrity, d: [files it needs first, in order] } }
const LOADER = `
var K = ${KEY}, me = document.currentScript, base = (me && me.src) || location.href;
var M = MANIFEST, mods = {}, factories = {}, mine = new Map(), fetching = {}, policy;
var prev = globalThis[K];
globalThis[K] = function (factory) {
  var f = mine.get(document.currentScript);
  if (f == null) return prev && prev(factory);
  factories[f] = factory;
};
function req(spec) {
  var f = spec.replace(/^\\.\\//, ""), m = mods[f];
  if (!m) {
    m = mods[f] = { exports: {} };
    factories[f](req, m, m.exports, load);
  }
  return m.exports;
}
function scriptUrl(u) {
  if (policy === undefined) {
    policy = null;
    try {
      if (self.trustedTypes) policy = trustedTypes.createPolicy("kessai", { createScriptURL: function (x) { return x; } });
    } catch (e) {}
  }
  return policy ? policy.createScriptURL(u) : u;
}
function fetchPart(f) {
  return (fetching[f] = fetching[f] || new Promise(function (ok, ko) {
    var s = document.createElement("script");
    mine.set(s, f);
    var done = function (error) {
      mine.delete(s);
      s.remove();
      if (!error && factories[f]) return ok();
      delete fetching[f];
      ko(new Error("kessai: " + f + " could not be loaded (network, CSP or integrity)"));
    };
    s.onload = function () { done(false); };
    s.onerror = function () { done(true); };
    s.integrity = M[f].i;
    s.crossOrigin = (me && me.crossOrigin) || "anonymous";
    if (me && me.nonce) s.nonce = me.nonce;
    try {
      s.src = scriptUrl(new URL(f, base).href); // throws under Trusted Types without our policy
      document.head.appendChild(s);
    } catch (e) {
      done(true);
    }
  }));
}
function load(spec) {
  var f = spec.replace(/^\\.\\//, "");
  return Promise.all(M[f].d.concat(f).map(fetchPart)).then(function () { return req(f); });
}
`;

// KESSAI_EMBED_UNMINIFIED=1 npx vite build --outDir /tmp/x: a readable embed, for profiling.
const ESBUILD = { minify: !process.env.KESSAI_EMBED_UNMINIFIED, charset: 'ascii', target: 'es2022' };

/** After esbuild: dynamic imports through __load, ASCII only. */
function finish(out, file) {
  // vite.config.ts builds in library mode so that vite adds no preload helper: keep it that way.
  if (out.includes('modulepreload')) throw new Error(`${file}: vite's preload helper is in the embed (not built in library mode?)`);
  // Dynamic imports of other chunks (vite writes them as import("./file.js")).
  out = out.replace(/\bimport\((["'])\.\/([^"']+)\1\)/g, (_, q, f) => `__load(${q}./${f}${q})`);
  if (/\bimport\(/.test(out)) throw new Error(`${file}: a dynamic import the embed loader cannot follow`);
  // esbuild leaves regular-expression literals and tagged templates' raw text alone: escape what is
  // left, one UTF-16 unit at a time (exact in a regexp, with or without the u flag, and in the
  // cooked strings that lit's html/css read), so the files work on a Shift_JIS page.
  return out.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A part: ES chunk -> minified CommonJS body. */
async function toClassic(code, file) {
  return finish((await transform(code, { ...ESBUILD, format: 'cjs', sourcefile: file })).code, file);
}

/**
 * kessai.js: the entry chunk and the chunks it imports statically, bundled into one scope. Ends by
 * giving the loader (`__mods`) each chunk's exports, for the parts that import them: one object of
 * live getters per chunk.
 */
async function bundleFirstScreen(main, inlined) {
  const files = new Map([main, ...inlined].map((c) => [c.fileName, c.code]));
  // The inlined chunks' exports, renamed __i<k>$<name> so they cannot clash with the entry's.
  const entry = [
    `export * from "./${main.fileName}";`,
    ...inlined.map((c, k) => `export { ${c.exports.map((n) => `${n} as __i${k}$${n}`).join(', ')} } from "./${c.fileName}";`),
  ].join('\n');
  const result = await build({
    ...ESBUILD,
    stdin: { contents: entry, resolveDir: '/', sourcefile: '(first screen)', loader: 'js' },
    bundle: true,
    format: 'esm',
    legalComments: 'inline', // where they are, as in the parts; not after the export statement
    write: false,
    plugins: [{
      name: 'kessai-chunks',
      setup(b) {
        b.onResolve({ filter: /^\.\// }, (args) => {
          const f = args.path.slice(2);
          // A part: stays a dynamic import, for the loader.
          return files.has(f) ? { path: f, namespace: 'chunk' } : { path: args.path, external: true };
        });
        b.onLoad({ filter: /.*/, namespace: 'chunk' }, (args) => ({ contents: files.get(args.path), loader: 'js' }));
      },
    }],
  });
  let out = result.outputFiles[0].text;
  if (/^\s*import\s/m.test(out)) throw new Error('embed: a static import is left in kessai.js');
  // esbuild writes one export statement, at the end (none when nothing is exported).
  const exported = /\bexport\s*\{([^}]*)\};?\s*$/.exec(out);
  const body = exported ? out.slice(0, exported.index) : out;
  const getters = [main, ...inlined].map(() => []);
  for (const item of (exported?.[1] ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    const [local, name = local] = item.split(/\s+as\s+/);
    const m = /^__i(\d+)\$(.*)$/.exec(name);
    const [k, own] = m ? [+m[1] + 1, m[2]] : [0, name];
    getters[k].push(`get ${/^[A-Za-z_$][\w$]*$/.test(own) ? own : JSON.stringify(own)}(){return ${local}}`);
  }
  const handOver = [main, ...inlined].map((c, k) => `__mods[${JSON.stringify(c.fileName)}]={exports:{__esModule:!0,${getters[k].join(',')}}};`);
  return finish(`${body}${handOver.join('')}`, main.fileName);
}

const integrity = (code) => `sha384-${createHash('sha384').update(code).digest('base64')}`;

/** @returns {import('vite').Plugin} */
export function embedChunks({ entry = 'kessai.js' } = {}) {
  let outDir = 'dist/cdn';
  return {
    name: 'kessai-embed-chunks',
    // After every other plugin: vite's own generateBundle still rewrites chunks that hold a dynamic
    // import (its preload markers), which would change a part after its hash was taken.
    enforce: 'post',
    // Parts of an earlier build (their names carry a content hash) go.
    configResolved(config) {
      outDir = config.build.outDir;
    },
    buildStart() {
      let files;
      try {
        files = readdirSync(outDir);
      } catch {
        return;
      }
      for (const f of files) if (/^kessai-.+\.js$/.test(f)) rmSync(join(outDir, f));
    },
    generateBundle: { order: 'post', async handler(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const main = chunks.find((c) => c.fileName === entry);
      if (!main) throw new Error(`embed: no entry chunk ${entry}`);
      // Chunks the entry imports statically (the bundler may split off modules it shares with the
      // parts) go inside kessai.js: it runs synchronously, so they must be there.
      const inline = new Set();
      const addInline = (c) => {
        for (const f of c.imports) if (!inline.has(f)) (inline.add(f), addInline(bundle[f]));
      };
      addInline(main);
      const manifest = {};
      // What a part needs first: its static imports, recursively, except what kessai.js holds, deepest first.
      const needs = (c, seen = new Set()) => {
        for (const f of c.imports) {
          if (f === entry || inline.has(f) || seen.has(f)) continue;
          needs(bundle[f], seen);
          seen.add(f);
        }
        return seen;
      };
      const factory = async (c) => `function(require,module,exports,__load){${await toClassic(c.code, c.fileName)}}`;
      const inlined = [];
      for (const c of chunks) {
        if (c === main) continue;
        if (inline.has(c.fileName)) {
          inlined.push(c);
          delete bundle[c.fileName];
          continue;
        }
        c.code = `globalThis[${KEY}](${await factory(c)});\n`;
        manifest[c.fileName] = { i: integrity(c.code), d: [...needs(c)] };
      }
      const first = await bundleFirstScreen(main, inlined);
      const loader = (await transform(LOADER.replace('MANIFEST', JSON.stringify(manifest)), { ...ESBUILD })).code;
      // V8's explicit compile hint (Chromium 136+; a comment elsewhere): everything in kessai.js runs
      // while the first screen renders, so V8 compiles all of it while the script streams in, off the
      // main thread, instead of each function on its first call. Must be the file's first line.
      // The first screen's code runs in strict mode, as the ES modules it was written as.
      main.code = `//# allFunctionsCalledOnLoad\n(function(){${loader}(function(__load,__mods){"use strict";${first}})(load,mods)})();\n`;
    } },
  };
}

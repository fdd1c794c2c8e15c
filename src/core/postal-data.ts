/**
 * Postal data: from Japan Post's rows to the compact shards kessai serves,
 * and back to addresses. Pure functions (no DOM, no Node built-ins): the
 * build script runs them in Node, the address element in the browser.
 *
 * Shard format: one JSON object per first three digits of the code
 * (`postal/100.json`), every 7-digit code of that range mapped to ALL its
 * towns, each as `[prefecture JIS code, city, town]`:
 *
 *     {"1000001":[["13","千代田区","千代田"]],"4100244":[["22","沼津市","西浦江梨"],["22","沼津市","西浦大瀬"]]}
 */
import { normalizePostalCode } from './postal.js';
import { findPrefecture, type Prefecture } from './prefectures.js';

/** One town of one code, as a shard stores it: [JIS prefecture code, city, town]. */
export type ShardRow = readonly [prefectureCode: string, city: string, town: string];

/** A parsed shard: 7-digit code → every town of that code. */
export type PostalShard = Readonly<Record<string, readonly ShardRow[]>>;

/** One address a postal code stands for. */
export interface PostalAddress {
  /** Seven digits ("1000001"). */
  readonly postalCode: string;
  /** JIS X 0401 code ("13"). */
  readonly prefectureCode: string;
  /** Official name ("東京都"). */
  readonly prefecture: string;
  /** Romanized prefecture ("Tokyo"). */
  readonly prefectureEn: string;
  /** 市区町村 ("千代田区", "桑名郡木曽岬町"). */
  readonly city: string;
  /** 町域, cleaned of Japan Post's notes; may be empty (the code covers the whole city). */
  readonly town: string;
}

/** One cleaned row of source data, before sharding. */
export interface PostalEntry {
  readonly postalCode: string;
  readonly prefectureCode: string;
  readonly city: string;
  readonly town: string;
  /** A 大口事業所 (single business or office) code. */
  readonly business?: boolean;
}

/** Thrown when a shard or a source file is not what it should be. */
export class PostalDataError extends Error {
  constructor(
    message: string,
    readonly reason: 'shape' | 'zip' | 'csv',
  ) {
    super(message);
    this.name = 'PostalDataError';
  }
}

// ---------------------------------------------------------------------------
// Town names: Japan Post's notes and quirks
// ---------------------------------------------------------------------------

const DIGIT = '[0-9０-９]';
const FLOOR = new RegExp(`（(${DIGIT}+階)）`, 'g');
const JIWARI_RANGE = new RegExp(`^(.+?)第?${DIGIT}+地割[～〜、]`);

/** Removes every （…） note (notes nest 「…」, never （…）); an unclosed one runs to the end. */
function stripNotes(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/（[^（）]*）/g, '');
  }
  return out.replace(/（.*$/, '').replace(/[）「」]/g, '');
}

/**
 * The town name(s) a Japan Post 町域 field stands for. Returns at least one
 * element; `''` means the code covers the whole city (no town to fill in).
 *
 * - 「以下に掲載がない場合」, 「○○村の次に１～６６３番地がくる場合」, 「○○町一円」 → `''`
 *   (a bare 「一円」 is a real town and stays);
 * - 「（１階）」 → 「１階」 (the code is that floor's), 「（地階・階層不明）」 → removed;
 * - every other note in （…）: 「（次のビルを除く）」, 「（１～１９丁目）」, 「（その他）」… → removed;
 * - 地割 ranges 「種市第１５地割～第２１地割」, 「穴明２２地割、穴明２３地割」 → the town (「種市」, 「穴明」);
 * - a list 「井道、奥井道、内井道」 → each town.
 */
export function cleanTownName(raw: string): string[] {
  let t = raw.trim();
  if (t === '' || t === '以下に掲載がない場合') return [''];
  if (/の次に.*がくる場合$/.test(t)) return [''];
  if (/^.+[市町村]一円$/.test(t)) return [''];
  t = t.replace(/（地階・階層不明）/g, '').replace(FLOOR, '$1');
  t = stripNotes(t).trim();
  const jiwari = JIWARI_RANGE.exec(t);
  if (jiwari) t = jiwari[1];
  const towns = [...new Set(t.split('、').map((s) => s.trim()).filter(Boolean))];
  return towns.length ? towns : [''];
}

/**
 * The address of a 大口事業所 (business) code: its town, cleaned, and the
 * 番地 (which may hold a building and floors, 「１６、２０～２５階」) with
 * notes removed but never split: the code stands for that one address.
 */
export function cleanBusinessAddress(town: string, banchi: string): string {
  return cleanTownName(town)[0] + stripNotes(banchi.replace(FLOOR, '$1')).trim();
}

/** The shard a code belongs to: its first three digits. */
export function shardKey(code: string): string {
  return normalizePostalCode(code).slice(0, 3);
}

// ---------------------------------------------------------------------------
// CSV (Japan Post's utf_ken_all.csv / KEN_ALL.CSV)
// ---------------------------------------------------------------------------

/** RFC 4180 records: quoted fields, `""` escapes, CRLF or LF, a leading BOM. Blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') out.push(row);
    row = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (quoted) throw new PostalDataError('CSV ends inside a quoted field.', 'csv');
  if (field !== '' || row.length) endRow();
  return out;
}

/** One KEN_ALL row, as Japan Post writes it (a town may run over several rows). */
export interface KenAllRow {
  /** 全国地方公共団体コード, five digits ("13101"). */
  readonly jis: string;
  readonly postalCode: string;
  readonly prefecture: string;
  readonly city: string;
  readonly town: string;
}

const unclosed = (s: string) => (s.match(/（/g)?.length ?? 0) > (s.match(/）/g)?.length ?? 0);

/**
 * Joins the rows Japan Post splits a long 町域 over (same code, the first
 * row's 「（」 still open) into one row. Other rows pass unchanged.
 */
export function mergeSplitRows(rows: Iterable<KenAllRow>): KenAllRow[] {
  const out: KenAllRow[] = [];
  let pending: KenAllRow | undefined;
  for (const r of rows) {
    if (pending && pending.postalCode === r.postalCode && pending.jis === r.jis && unclosed(pending.town)) {
      pending = { ...pending, town: pending.town + r.town };
      continue;
    }
    if (pending) out.push(pending);
    pending = r;
  }
  if (pending) out.push(pending);
  return out;
}

/**
 * Japan Post's KEN_ALL CSV (utf_ken_all.csv, or KEN_ALL.CSV already decoded):
 * columns 全国地方公共団体コード, 旧郵便番号, 郵便番号, 都道府県名カナ,
 * 市区町村名カナ, 町域名カナ, 都道府県名, 市区町村名, 町域名, then six flags.
 * Split rows are joined and town names cleaned; a row naming several towns
 * gives one entry per town. Rows that are not address rows are skipped.
 */
export function parseKenAllCsv(text: string): PostalEntry[] {
  const rows: KenAllRow[] = [];
  for (const rec of parseCsv(text)) {
    if (rec.length < 9) continue;
    const jis = rec[0].trim();
    const postalCode = rec[2].trim();
    if (!/^\d{5}$/.test(jis) || !/^\d{7}$/.test(postalCode)) continue;
    rows.push({ jis, postalCode, prefecture: rec[6].trim(), city: rec[7].trim(), town: rec[8].trim() });
  }
  const out: PostalEntry[] = [];
  for (const r of mergeSplitRows(rows)) {
    const pref = findPrefecture(r.jis.slice(0, 2));
    if (!pref || !r.city) continue;
    for (const town of cleanTownName(r.town)) out.push({ postalCode: r.postalCode, prefectureCode: pref.code, city: r.city, town });
  }
  return out;
}

// ---------------------------------------------------------------------------
// jquery-jpostal-ja's json/NNN.json (JSONP: jQuery_jpostal_callback([...]);)
// ---------------------------------------------------------------------------

/**
 * Rows of one jquery-jpostal-ja data file: `["_1000001", 都道府県, 市区町村,
 * 町域, 大口事業所の番地, 大口事業所名, カナ…]`. A business (大口事業所)
 * code's town gets its 番地 appended (the code is that one address).
 */
export function parseJpostalFile(text: string): PostalEntry[] {
  const out: PostalEntry[] = [];
  const call = /jQuery_jpostal_callback\(\s*(\[[\s\S]*?\])\s*\);/g;
  let found = false;
  for (let m = call.exec(text); m; m = call.exec(text)) {
    found = true;
    const rows: unknown = JSON.parse(m[1]);
    if (!Array.isArray(rows)) throw new PostalDataError('jpostal file without rows.', 'shape');
    for (const r of rows) {
      if (!Array.isArray(r) || typeof r[0] !== 'string') continue;
      const postalCode = r[0].replace(/^_/, '');
      if (!/^\d{7}$/.test(postalCode)) continue;
      const [, prefName, city, town, banchi, office] = r.map((v: unknown) => (typeof v === 'string' ? v.trim() : ''));
      const pref = findPrefecture(prefName);
      if (!pref || !city) continue;
      if (banchi || office) {
        out.push({ postalCode, prefectureCode: pref.code, city, town: cleanBusinessAddress(town, banchi), business: true });
      } else {
        for (const t of cleanTownName(town)) out.push({ postalCode, prefectureCode: pref.code, city, town: t });
      }
    }
  }
  if (!found) throw new PostalDataError('not a jquery-jpostal-ja data file.', 'shape');
  return out;
}

// ---------------------------------------------------------------------------
// Shards
// ---------------------------------------------------------------------------

/**
 * Groups entries into shards by the code's first three digits. Every town of
 * a code is kept (also across two prefectures), duplicates dropped, source
 * order kept; shards and codes come out sorted.
 */
export function buildShards(entries: Iterable<PostalEntry>): Map<string, Record<string, ShardRow[]>> {
  const byCode = new Map<string, ShardRow[]>();
  const seen = new Set<string>();
  for (const e of entries) {
    const id = `${e.postalCode}\u0000${e.prefectureCode}\u0000${e.city}\u0000${e.town}`;
    if (seen.has(id)) continue;
    seen.add(id);
    let rows = byCode.get(e.postalCode);
    if (!rows) byCode.set(e.postalCode, (rows = []));
    rows.push([e.prefectureCode, e.city, e.town]);
  }
  const shards = new Map<string, Record<string, ShardRow[]>>();
  for (const code of [...byCode.keys()].sort()) {
    const key = code.slice(0, 3);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = {}));
    shard[code] = byCode.get(code)!;
  }
  return new Map([...shards.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const isRow = (r: unknown): r is ShardRow =>
  Array.isArray(r) &&
  r.length === 3 &&
  typeof r[0] === 'string' &&
  /^(0[1-9]|[1-3]\d|4[0-7])$/.test(r[0]) &&
  typeof r[1] === 'string' &&
  r[1] !== '' &&
  typeof r[2] === 'string';

/** Checks a fetched shard's shape; throws PostalDataError when it is not a shard. */
export function parseShard(data: unknown): PostalShard {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new PostalDataError('a shard is a JSON object.', 'shape');
  for (const [code, rows] of Object.entries(data)) {
    if (!/^\d{7}$/.test(code) || !Array.isArray(rows) || rows.length === 0 || !rows.every(isRow)) {
      throw new PostalDataError(`bad shard entry "${code.slice(0, 16)}".`, 'shape');
    }
  }
  return data as PostalShard;
}

/** Every address of `code` in `shard` (empty when the code is unknown). */
export function lookupShard(shard: PostalShard, code: string): PostalAddress[] {
  const postalCode = normalizePostalCode(code);
  const rows = Object.prototype.hasOwnProperty.call(shard, postalCode) ? shard[postalCode] : undefined;
  if (!rows) return [];
  return rows.map(([prefectureCode, city, town]) => {
    const p = findPrefecture(prefectureCode) as Prefecture;
    return { postalCode, prefectureCode: p.code, prefecture: p.name, prefectureEn: p.nameEn, city, town };
  });
}

// ---------------------------------------------------------------------------
// Japan Post's utf_ken_all.zip (one deflated CSV) and text decoding
// ---------------------------------------------------------------------------

/** One file of a zip archive (compressed bytes as stored). */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly data: Uint8Array;
  readonly size: number;
  /** Last-modified date stored in the archive (YYYY-MM-DD). */
  readonly modified: string;
}

/** True when `bytes` start like a zip archive (PK\x03\x04). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries of a (non-ZIP64, unencrypted) zip archive, read from its central directory. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new PostalDataError('not a zip archive (no end of central directory).', 'zip');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names = new TextDecoder();
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new PostalDataError('broken zip central directory.', 'zip');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const dosDate = view.getUint16(p + 14, true);
    const modified = `${1980 + (dosDate >> 9)}-${String((dosDate >> 5) & 15).padStart(2, '0')}-${String(dosDate & 31).padStart(2, '0')}`;
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (flags & 1) throw new PostalDataError(`zip entry ${name} is encrypted.`, 'zip');
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new PostalDataError('broken zip local header.', 'zip');
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw new PostalDataError(`zip entry ${name} is truncated.`, 'zip');
    out.push({ name, method, data: bytes.subarray(start, start + compressed), size, modified });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The uncompressed bytes of a zip entry (stored or deflate, via DecompressionStream). */
export async function unzipEntry(entry: ZipEntry): Promise<Uint8Array> {
  if (entry.method === 0) return entry.data;
  if (entry.method !== 8) throw new PostalDataError(`zip method ${entry.method} is not supported (only stored and deflate).`, 'zip');
  const stream = new Blob([entry.data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const out = new Uint8Array(await new Response(stream).arrayBuffer());
  if (out.length !== entry.size) throw new PostalDataError(`zip entry ${entry.name} inflated to the wrong size.`, 'zip');
  return out;
}

/** UTF-8 (utf_ken_all.csv) or, failing that, Shift_JIS (the older KEN_ALL.CSV). */
export function decodeJapanPostText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

/**
 * Entries of Japan Post's KEN_ALL: the zip as downloaded (`modified` is the
 * CSV's date in the archive), or its CSV (`modified` null).
 */
export async function readKenAll(bytes: Uint8Array): Promise<{ entries: PostalEntry[]; modified: string | null }> {
  let csv = bytes;
  let modified: string | null = null;
  if (isZip(bytes)) {
    const entry = readZip(bytes).find((e) => /\.csv$/i.test(e.name));
    if (!entry) throw new PostalDataError('the zip holds no .csv file.', 'zip');
    csv = await unzipEntry(entry);
    modified = entry.modified;
  }
  const entries = parseKenAllCsv(decodeJapanPostText(csv));
  if (!entries.length) throw new PostalDataError('no KEN_ALL rows found (is this utf_ken_all.csv?).', 'csv');
  return { entries, modified };
}

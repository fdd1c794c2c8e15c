import { expect } from '@open-wc/testing';
import { buildShards, lookupShard, parseJpostalFile, parseShard } from '../../src/core/postal-data.js';

// The source package's own files, served by the test run's dev server.
const SOURCE = '/node_modules/jquery-jpostal-ja/json/';
// Ranges from Hokkaido to Okinawa: Sapporo, Iwate's 地割, central Tokyo (high-rise
// floors, business codes), Numazu, Nagoya, the Aichi/Mie code, Kure, Okinawa.
const RANGES = ['060', '028', '100', '410', '453', '498', '737', '907'];
const PLAIN = /^[^（）「」、～〜]*$/;

type RawRow = { pref: string; city: string; town: string; business: boolean };

/** The package's rows by code, read independently of the code under test. */
function rawRows(text: string): Map<string, RawRow[]> {
  const out = new Map<string, RawRow[]>();
  for (const m of text.matchAll(/jQuery_jpostal_callback\(\s*([\s\S]*?)\s*\);/g)) {
    for (const r of JSON.parse(m[1]) as string[][]) {
      const code = r[0].slice(1);
      if (!/^\d{7}$/.test(code)) continue;
      const rows = out.get(code) ?? [];
      rows.push({ pref: r[1], city: r[2], town: r[3], business: Boolean(r[4] || r[5]) });
      out.set(code, rows);
    }
  }
  return out;
}

describe('postal data against jquery-jpostal-ja’s own rows', () => {
  it('a few hundred codes across Japan keep their prefecture, city and every town', async () => {
    let checked = 0;
    for (const range of RANGES) {
      const text = await (await fetch(`${SOURCE}${range}.json`)).text();
      const raw = rawRows(text);
      const shard = parseShard(JSON.parse(JSON.stringify(buildShards(parseJpostalFile(text)).get(range))));
      expect(Object.keys(shard).sort(), `codes of ${range}`).to.deep.equal([...raw.keys()].sort());
      const codes = [...raw.keys()];
      const step = Math.max(1, Math.floor(codes.length / 50));
      for (let i = 0; i < codes.length; i += step) {
        const code = codes[i];
        const rows = raw.get(code)!;
        const found = lookupShard(shard, code);
        const where = `${code} ${JSON.stringify(rows)} → ${JSON.stringify(found)}`;
        expect(new Set(found.map((a) => `${a.prefecture} ${a.city}`)), where).to.deep.equal(new Set(rows.map((r) => `${r.pref} ${r.city}`)));
        expect(found.length, where).to.be.within(1, rows.length);
        for (const r of rows) {
          const towns = found.filter((a) => a.prefecture === r.pref && a.city === r.city).map((a) => a.town);
          if (r.business) expect(towns.some((t) => t.startsWith(r.town.replace(/（.*?）/g, ''))), where).to.equal(true);
          else if (PLAIN.test(r.town) && !/地割|場合|.一円$/.test(r.town)) expect(towns, where).to.include(r.town);
        }
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(300);
  });

  it('the test fixtures are what the build makes of the package for those codes', async () => {
    for (const range of ['060', '100', '150', '410', '498', '522', '907']) {
      const fixture = await (await fetch(`/test/fixtures/postal/${range}.json`)).json();
      const built = buildShards(parseJpostalFile(await (await fetch(`${SOURCE}${range}.json`)).text())).get(range)!;
      for (const code of Object.keys(fixture)) expect(fixture[code], code).to.deep.equal(built[code]);
    }
  });
});

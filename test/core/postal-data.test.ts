import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  buildShards,
  cleanBusinessAddress,
  cleanTownName,
  decodeJapanPostText,
  isZip,
  lookupShard,
  mergeSplitRows,
  parseCsv,
  parseJpostalFile,
  parseKenAllCsv,
  parseShard,
  PostalDataError,
  readKenAll,
  readZip,
  shardKey,
  unzipEntry,
  type KenAllRow,
  type PostalEntry,
} from '../../src/core/postal-data.js';

const bytesOf = async (path: string) => new Uint8Array(await (await fetch(path)).arrayBuffer());

describe('core/postal-data: town names', () => {
  const cases: Array<[string, string[]]> = [
    ['千代田', ['千代田']],
    ['', ['']],
    ['以下に掲載がない場合', ['']],
    ['小菅村の次に１～６６３番地がくる場合', ['']],
    ['小菅村の次に６６４番地以降がくる場合', ['']],
    ['利島村一円', ['']],
    ['一円', ['一円']], // 滋賀県犬上郡多賀町一円 is a real town
    ['霞が関（次のビルを除く）', ['霞が関']],
    ['東新橋東京汐留ビルディング（地階・階層不明）', ['東新橋東京汐留ビルディング']],
    ['東新橋東京汐留ビルディング（１階）', ['東新橋東京汐留ビルディング１階']],
    ['東新橋東京汐留ビルディング（２３階）', ['東新橋東京汐留ビルディング２３階']],
    ['名駅ミッドランドスクエア（高層棟）１階', ['名駅ミッドランドスクエア１階']],
    ['大通西（１～１９丁目）', ['大通西']],
    ['協和（その他）', ['協和']],
    ['協和（８８－２、２７１－１０、３４３－２、４０４－１、４２７－３、４３１－１２、４４３－６、６０８－２、６４１－８、８１４、８４２－５、１１３７－３、１３９２、１６５７、１７５２番地）', ['協和']],
    ['葛巻（第４０地割「５７番地１２５、１７６を除く」～第４５地割）', ['葛巻']],
    ['葛巻（第４０地割「５７番地１２５、１７６を除く」～第４５', ['葛巻']], // an unclosed note (a split row alone)
    ['穴明２２地割、穴明２３地割', ['穴明']],
    ['越中畑６４地割～越中畑６６地割', ['越中畑']],
    ['種市第１５地割～第２１地割（鹿糠、小路合、緑町、大久保、高取）', ['種市']],
    ['上野々３９地割', ['上野々３９地割']],
    ['井道、奥井道、内井道', ['井道', '奥井道', '内井道']],
    ['牛川町、牛川町', ['牛川町']],
  ];
  for (const [raw, towns] of cases) {
    it(`${JSON.stringify(raw)} → ${JSON.stringify(towns)}`, () => {
      expect(cleanTownName(raw)).to.deep.equal(towns);
    });
  }

  it('a business code keeps its whole 番地, never split', () => {
    expect(cleanBusinessAddress('霞が関', '３丁目２－５霞ヶ関ビル１６、２０～２５階')).to.equal('霞が関３丁目２－５霞ヶ関ビル１６、２０～２５階');
    expect(cleanBusinessAddress('丸の内', '２丁目７－２')).to.equal('丸の内２丁目７－２');
    expect(cleanBusinessAddress('以下に掲載がない場合', '１２３')).to.equal('１２３');
  });

  it('never returns a note, an empty list or a bracket, whatever the input (property)', () => {
    const part = fc.constantFrom('協和', '（', '）', '「', '」', '、', '～', '１', '地割', '第', '階', 'その他', '次のビルを除く', '一円', '町');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
        const towns = cleanTownName(parts.join(''));
        expect(towns.length).to.be.greaterThan(0);
        for (const t of towns) expect(t).not.to.match(/[（）「」]/);
      }),
    );
  });
});

describe('core/postal-data: CSV', () => {
  const cases: Array<[string, string[][]]> = [
    ['a,b,c', [['a', 'b', 'c']]],
    ['"a","b",1\r\n"c","d",2\r\n', [['a', 'b', '1'], ['c', 'd', '2']]],
    ['\uFEFFx,y\n', [['x', 'y']]],
    ['"a,b","say ""hi"""', [['a,b', 'say "hi"']]],
    ['a\n\n\nb', [['a'], ['b']]],
    ['"multi\nline",z', [['multi\nline', 'z']]],
    [',', [['', '']]],
  ];
  for (const [text, rows] of cases) {
    it(`parses ${JSON.stringify(text)}`, () => expect(parseCsv(text)).to.deep.equal(rows));
  }

  it('refuses a file that ends inside quotes', () => {
    expect(() => parseCsv('"open')).to.throw(PostalDataError);
  });

  it('round-trips any table of fields (property)', () => {
    const quote = (f: string) => `"${f.replace(/"/g, '""')}"`;
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
        expect(parseCsv(text)).to.deep.equal(rows);
      }),
    );
  });

  it('joins rows Japan Post split, and only those', () => {
    const row = (postalCode: string, town: string, jis = '01224'): KenAllRow => ({ jis, postalCode, prefecture: '北海道', city: '千歳市', town });
    const merged = mergeSplitRows([
      row('0660005', '協和（８８－２、'),
      row('0660005', '４２７－３、'),
      row('0660005', '１７５２番地）'),
      row('0691182', '協和（その他）'),
      row('0691183', '（開いたまま'),
      row('0691184', '別の町'),
      row('4100244', '西浦江梨'),
      row('4100244', '西浦大瀬'),
    ]);
    expect(merged.map((r) => [r.postalCode, r.town])).to.deep.equal([
      ['0660005', '協和（８８－２、４２７－３、１７５２番地）'],
      ['0691182', '協和（その他）'],
      ['0691183', '（開いたまま'],
      ['0691184', '別の町'],
      ['4100244', '西浦江梨'],
      ['4100244', '西浦大瀬'],
    ]);
  });

  it('reads the utf_ken_all.csv fixture: notes cleaned, split rows joined, every town kept', async () => {
    const text = await (await fetch('/test/fixtures/utf_ken_all_sample.csv')).text();
    const shards = buildShards(parseKenAllCsv(text));
    const get = (code: string) => lookupShard(shards.get(shardKey(code)) ?? {}, code).map((a) => [a.prefecture, a.city, a.town]);
    expect(get('1000001')).to.deep.equal([['東京都', '千代田区', '千代田']]);
    expect(get('1000000')).to.deep.equal([['東京都', '千代田区', '']]);
    expect(get('1000013')).to.deep.equal([['東京都', '千代田区', '霞が関']]);
    expect(get('0660005')).to.deep.equal([['北海道', '千歳市', '協和']]);
    expect(get('0691182')).to.deep.equal([['北海道', '千歳市', '協和']]);
    expect(get('0285102')).to.deep.equal([['岩手県', '岩手郡葛巻町', '葛巻']]);
    expect(get('0295503')).to.deep.equal([['岩手県', '和賀郡西和賀町', '穴明']]);
    expect(get('0295523')).to.deep.equal([['岩手県', '和賀郡西和賀町', '越中畑']]);
    expect(get('0287915')).to.deep.equal([['岩手県', '九戸郡洋野町', '種市']]);
    expect(get('1057390')).to.deep.equal([['東京都', '港区', '東新橋東京汐留ビルディング']]);
    expect(get('1057301')).to.deep.equal([['東京都', '港区', '東新橋東京汐留ビルディング１階']]);
    expect(get('1057323')).to.deep.equal([['東京都', '港区', '東新橋東京汐留ビルディング２３階']]);
    expect(get('1000301')).to.deep.equal([['東京都', '利島村', '']]);
    expect(get('4090142')).to.deep.equal([['山梨県', '北都留郡小菅村', '']]);
    expect(get('5220317')).to.deep.equal([['滋賀県', '犬上郡多賀町', '一円']]);
    expect(get('4100244')).to.deep.equal([
      ['静岡県', '沼津市', '西浦江梨'],
      ['静岡県', '沼津市', '西浦大瀬'],
    ]);
    expect(get('4980000')).to.deep.equal([
      ['愛知県', '弥富市', ''],
      ['三重県', '桑名郡木曽岬町', ''],
    ]);
    expect(get('0640941')).to.deep.equal([['北海道', '札幌市中央区', '旭ケ丘']]);
    expect(get('0000000')).to.deep.equal([]);
  });

  it('decodes UTF-8 and falls back to Shift_JIS (the older KEN_ALL.CSV)', () => {
    expect(decodeJapanPostText(new TextEncoder().encode('千代田'))).to.equal('千代田');
    // 「千代田」 in Shift_JIS
    expect(decodeJapanPostText(new Uint8Array([0x90, 0xe7, 0x91, 0xe3, 0x93, 0x63]))).to.equal('千代田');
  });
});

describe('core/postal-data: utf_ken_all.zip', () => {
  it('reads the zip fixture (deflate) like the CSV, with the archive’s date', async () => {
    const zip = await bytesOf('/test/fixtures/utf_ken_all_sample.zip');
    expect(isZip(zip)).to.equal(true);
    const [entry] = readZip(zip);
    expect(entry.name).to.equal('utf_ken_all.csv');
    expect(entry.method).to.equal(8);
    expect(entry.modified).to.equal('2025-09-30');
    const csv = await bytesOf('/test/fixtures/utf_ken_all_sample.csv');
    expect(await unzipEntry(entry)).to.deep.equal(csv);
    const fromZip = await readKenAll(zip);
    const fromCsv = await readKenAll(csv);
    expect(fromZip.modified).to.equal('2025-09-30');
    expect(fromCsv.modified).to.equal(null);
    expect(fromZip.entries).to.deep.equal(fromCsv.entries);
    expect(fromCsv.entries.length).to.be.greaterThan(20);
  });

  it('reads a stored (uncompressed) zip too', async () => {
    const zip = await bytesOf('/test/fixtures/utf_ken_all_sample_stored.zip');
    const [entry] = readZip(zip);
    expect(entry.method).to.equal(0);
    expect((await readKenAll(zip)).entries.length).to.equal((await readKenAll(await bytesOf('/test/fixtures/utf_ken_all_sample.csv'))).entries.length);
  });

  it('refuses what is not a zip or not KEN_ALL, with a reason', async () => {
    expect(() => readZip(new Uint8Array(100))).to.throw(PostalDataError, /not a zip/);
    const zip = await bytesOf('/test/fixtures/utf_ken_all_sample.zip');
    expect(() => readZip(zip.slice(0, zip.length - 40))).to.throw(PostalDataError);
    let err: unknown;
    try {
      await readKenAll(new TextEncoder().encode('name,email\nx,y\n'));
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(PostalDataError);
  });
});

describe('core/postal-data: jquery-jpostal-ja files', () => {
  it('parses JSONP rows; business codes get their 番地; duplicates go at sharding', () => {
    const text =
      'jQuery_jpostal_callback(\n[["_1000001","東京都","千代田区","千代田","","","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ﾁﾖﾀﾞ"],' +
      '["_1008994","東京都","千代田区","丸の内","２丁目７－２","東京中央郵便局","","",""],' +
      '["_4400006","愛知県","豊橋市","牛川町","","","","",""],["_4400006","愛知県","豊橋市","牛川町","","","","",""],' +
      '["_100","東京都","千代田区","","","","","",""],["_000info","","ver","","","","","",""]]\n);';
    const entries = parseJpostalFile(text);
    expect(entries).to.deep.equal([
      { postalCode: '1000001', prefectureCode: '13', city: '千代田区', town: '千代田' },
      { postalCode: '1008994', prefectureCode: '13', city: '千代田区', town: '丸の内２丁目７－２', business: true },
      { postalCode: '4400006', prefectureCode: '23', city: '豊橋市', town: '牛川町' },
      { postalCode: '4400006', prefectureCode: '23', city: '豊橋市', town: '牛川町' },
    ]);
    expect(buildShards(entries).get('440')).to.deep.equal({ '4400006': [['23', '豊橋市', '牛川町']] });
    expect(() => parseJpostalFile('{"not":"jsonp"}')).to.throw(PostalDataError);
  });
});

describe('core/postal-data: shards', () => {
  const entry = fc.record({
    postalCode: fc.stringMatching(/^\d{7}$/),
    prefectureCode: fc.integer({ min: 1, max: 47 }).map((n) => String(n).padStart(2, '0')),
    city: fc.constantFrom('千代田区', '沼津市', '弥富市', '桑名郡木曽岬町'),
    town: fc.constantFrom('', '千代田', '西浦江梨', '西浦大瀬', '一円'),
  });

  it('keeps every town of every code, once, in the shard of its first three digits (property)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (entries: PostalEntry[]) => {
        const shards = buildShards(entries);
        for (const [key, shard] of shards) {
          expect(key).to.match(/^\d{3}$/);
          for (const code of Object.keys(shard)) expect(code.slice(0, 3)).to.equal(key);
          // What a browser gets back after JSON.
          expect(parseShard(JSON.parse(JSON.stringify(shard)))).to.deep.equal(shard);
        }
        for (const e of entries) {
          const found = lookupShard(shards.get(e.postalCode.slice(0, 3))!, e.postalCode);
          const same = found.filter((a) => a.prefectureCode === e.prefectureCode && a.city === e.city && a.town === e.town);
          expect(same).to.have.length(1);
        }
        const distinct = new Set(entries.map((e) => JSON.stringify(e)));
        const stored = [...shards.values()].reduce((n, s) => n + Object.values(s).reduce((m, rows) => m + rows.length, 0), 0);
        expect(stored).to.equal(distinct.size);
      }),
    );
  });

  it('looks a code up in any notation and returns full addresses', () => {
    const shard = parseShard({ '4100244': [['22', '沼津市', '西浦江梨'], ['22', '沼津市', '西浦大瀬']] });
    for (const code of ['4100244', '410-0244', '〒４１０ー０２４４']) {
      expect(lookupShard(shard, code).map((a) => a.town)).to.deep.equal(['西浦江梨', '西浦大瀬']);
    }
    expect(lookupShard(shard, '4100244')[0]).to.deep.equal({
      postalCode: '4100244',
      prefectureCode: '22',
      prefecture: '静岡県',
      prefectureEn: 'Shizuoka',
      city: '沼津市',
      town: '西浦江梨',
    });
    expect(lookupShard(shard, '4100245')).to.deep.equal([]);
    expect(lookupShard(shard, 'constructor')).to.deep.equal([]);
    expect(lookupShard(shard, '__proto__')).to.deep.equal([]);
  });

  const bad: Array<[string, unknown]> = [
    ['null', null],
    ['an array', [1, 2]],
    ['a string', 'x'],
    ['a short key', { '100': [['13', '千代田区', '']] }],
    ['no rows', { '1000001': [] }],
    ['a row of two', { '1000001': [['13', '千代田区']] }],
    ['prefecture 48', { '1000001': [['48', 'x', '']] }],
    ['prefecture 00', { '1000001': [['00', 'x', '']] }],
    ['an empty city', { '1000001': [['13', '', '']] }],
    ['a number town', { '1000001': [['13', '千代田区', 1]] }],
  ];
  for (const [what, data] of bad) {
    it(`refuses a shard with ${what}`, () => {
      expect(() => parseShard(data)).to.throw(PostalDataError);
    });
  }
});

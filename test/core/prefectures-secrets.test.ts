import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { findPrefecture, PREFECTURES } from '../../src/core/prefectures.js';
import { findSecretPrefix } from '../../src/core/secrets.js';

describe('core/prefectures', () => {
  it('has the 47 prefectures with JIS X 0401 codes 01–47 in order', () => {
    expect(PREFECTURES).to.have.length(47);
    PREFECTURES.forEach((p, i) => expect(p.code).to.equal(String(i + 1).padStart(2, '0')));
    expect(new Set(PREFECTURES.map((p) => p.name)).size).to.equal(47);
  });
  const known: Array<[string, string]> = [
    ['01', '北海道'],
    ['13', '東京都'],
    ['14', '神奈川県'],
    ['26', '京都府'],
    ['27', '大阪府'],
    ['47', '沖縄県'],
  ];
  for (const [code, name] of known) {
    it(`${code} is ${name}, both ways`, () => {
      expect(findPrefecture(code)?.name).to.equal(name);
      expect(findPrefecture(name)?.code).to.equal(code);
    });
  }
  it('accepts short names and numbers', () => {
    expect(findPrefecture('東京')?.code).to.equal('13');
    expect(findPrefecture(1)?.name).to.equal('北海道');
  });
  it('is undefined for unknown keys', () => {
    for (const k of ['00', '48', '', 'Tokyo-to', 'x'.repeat(10_000)]) expect(findPrefecture(k)).to.equal(undefined);
  });
  it('is frozen', () => {
    expect(Object.isFrozen(PREFECTURES)).to.equal(true);
    expect(Object.isFrozen(PREFECTURES[0])).to.equal(true);
  });
});

describe('core/secrets', () => {
  const secrets: Array<[string, string]> = [
    ['sk_live_51Habc123', 'sk_live_'],
    ['sk_test_abcdef', 'sk_test_'],
    ['rk_live_abc', 'rk_live_'],
    ['skey_test_5abc', 'skey_test_'],
    ['skey_5abcdef', 'skey_'],
    ['whsec_abcdef', 'whsec_'],
    ['sk_abcdef', 'sk_'],
    ['Bearer sk_live_abc', 'sk_live_'],
    ['https://shop.example/api?key=sk_live_abc', 'sk_live_'],
  ];
  for (const [value, prefix] of secrets) {
    it(`finds ${prefix} in ${JSON.stringify(value)} and reports only the prefix`, () => {
      expect(findSecretPrefix(value)).to.equal(prefix);
    });
  }
  const fine = ['pk_live_abc', 'pk_test_abc', 'desk_lamp', 'task_1', 'ask_me', '/api/checkout', 'skip', '', 'sk_', 'whsec_'];
  for (const value of fine) {
    it(`does not flag ${JSON.stringify(value)}`, () => expect(findSecretPrefix(value)).to.equal(null));
  }
  it('ignores non-strings', () => {
    for (const v of [null, undefined, 42, {}, ['sk_live_x']]) expect(findSecretPrefix(v)).to.equal(null);
  });
  it('finds a secret anywhere in surrounding text, and the prefix never includes key material (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('sk_live_', 'rk_test_', 'skey_', 'whsec_'), fc.stringMatching(/^[A-Za-z0-9]{1,40}$/), fc.constantFrom('', ' ', '=', '"'), (prefix, key, before) => {
        expect(findSecretPrefix(`${before}${prefix}${key}`)).to.equal(prefix);
      }),
    );
  });
});

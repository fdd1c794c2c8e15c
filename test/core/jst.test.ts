import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatJstDateTime, formatRemaining, parseDeadline, remainingTime, toJst } from '../../src/core/jst.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('core/jst', () => {
  it('runs in a time zone that is not Japan’s (so these tests prove the conversion)', () => {
    expect(new Date().getTimezoneOffset()).not.to.equal(-540);
  });

  const sameMoment: Array<[string, string]> = [
    ['with +09:00', '2026-11-28T23:59:59+09:00'],
    ['in UTC (Z)', '2026-11-28T14:59:59Z'],
    ['in UTC (lower-case z)', '2026-11-28T14:59:59z'],
    ['with a negative offset', '2026-11-28T06:59:59-08:00'],
    ['with +0900 (no colon)', '2026-11-28T23:59:59+0900'],
    ['with fractional seconds', '2026-11-28T14:59:59.000Z'],
    ['with a space instead of T', '2026-11-28 23:59:59+09:00'],
    ['without offset: read as Japan time', '2026-11-28T23:59:59'],
    ['compact yyyyMMddHHmmss: Japan time', '20261128235959'],
    ['surrounded by spaces', '  2026-11-28T23:59:59+09:00 '],
  ];
  const want = Date.UTC(2026, 10, 28, 14, 59, 59);
  for (const [name, input] of sameMoment) {
    it(`parses a deadline ${name}`, () => expect(parseDeadline(input)?.getTime()).to.equal(want));
  }

  it('parses minutes-only and compact minutes-only forms', () => {
    expect(parseDeadline('2026-11-28T23:59+09:00')?.getTime()).to.equal(Date.UTC(2026, 10, 28, 14, 59));
    expect(parseDeadline('202611282359')?.getTime()).to.equal(Date.UTC(2026, 10, 28, 14, 59));
  });

  const malformed: Array<[string, unknown]> = [
    ['empty', ''],
    ['words', 'tomorrow'],
    ['date only', '2026-11-28'],
    ['30 February', '2026-02-30T12:00:00+09:00'],
    ['month 13', '2026-13-01T12:00:00+09:00'],
    ['hour 24', '2026-11-28T24:00:00+09:00'],
    ['second 60', '2026-11-28T23:59:60+09:00'],
    ['offset minutes 60', '2026-11-28T23:59:59+09:60'],
    ['offset over 18 hours', '2026-11-28T23:59:59+19:00'],
    ['trailing text', '2026-11-28T23:59:59+09:00 JST'],
    ['U+202E inside', '2026-11-28T23:59:59\u202E+09:00'],
    ['markup', '<b>2026-11-28T23:59:59+09:00</b>'],
    ['10,000 characters', '2'.repeat(10_000)],
    ['a number (epoch)', 1795877999000],
    ['a Date object', new Date(want)],
    ['null', null],
    ['undefined', undefined],
    ['an object', { toString: () => '2026-11-28T23:59:59+09:00' }],
    ['year 0999', '0999-01-01T00:00:00Z'],
  ];
  for (const [name, input] of malformed) {
    it(`refuses a malformed deadline: ${name}`, () => expect(parseDeadline(input)).to.equal(null));
  }

  it('reads a leap day and the new year in Japan', () => {
    expect(parseDeadline('2028-02-29T23:59:59+09:00')).not.to.equal(null);
    expect(parseDeadline('2027-02-29T23:59:59+09:00')).to.equal(null);
    // 15:00 UTC on 31 December is already New Year’s Day in Japan.
    expect(toJst(new Date('2026-12-31T15:00:00Z'))).to.deep.equal({ year: 2027, month: 1, day: 1, weekday: 5, hour: 0, minute: 0, second: 0 });
  });

  const formats: Array<[string, string, string]> = [
    ['2026-11-28T23:59:59+09:00', '2026年11月28日(土) 23:59', 'Sat 28 Nov 2026, 23:59'],
    ['2026-11-28T14:59:59Z', '2026年11月28日(土) 23:59', 'Sat 28 Nov 2026, 23:59'],
    ['2026-12-31T15:00:00Z', '2027年1月1日(金) 00:00', 'Fri 1 Jan 2027, 00:00'],
    ['2026-07-05T08:05:00-07:00', '2026年7月6日(月) 00:05', 'Mon 6 Jul 2026, 00:05'],
  ];
  for (const [iso, ja, en] of formats) {
    it(`shows ${iso} in Japan time as ${ja} / ${en}`, () => {
      const d = parseDeadline(iso)!;
      expect(formatJstDateTime(d, 'ja')).to.equal(ja);
      expect(formatJstDateTime(d, 'en')).to.equal(en);
    });
  }

  it('Intl’s Asia/Tokyo fields equal UTC+9 for any moment (property)', () => {
    const WD = 'SunMonTueWedThuFriSat';
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const shifted = new Date(d.getTime() + 9 * HOUR);
        const j = toJst(d);
        expect([j.year, j.month, j.day, j.weekday, j.hour, j.minute, j.second]).to.deep.equal([
          shifted.getUTCFullYear(),
          shifted.getUTCMonth() + 1,
          shifted.getUTCDate(),
          shifted.getUTCDay(),
          shifted.getUTCHours(),
          shifted.getUTCMinutes(),
          shifted.getUTCSeconds(),
        ]);
        expect(formatJstDateTime(d, 'en').slice(0, 3)).to.equal(WD.slice(j.weekday * 3, j.weekday * 3 + 3));
      }),
    );
  });

  it('an ISO string with any offset parses back to the same moment (property)', () => {
    const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        (seconds, quarters) => {
          const offset = quarters * 15;
          const local = new Date(seconds * 1000 + offset * MIN);
          const iso =
            `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
            `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
            `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
          expect(parseDeadline(iso)?.getTime()).to.equal(seconds * 1000);
        },
      ),
    );
  });

  it('parseDeadline never throws and returns a valid Date or null for any string (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 50 }), fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?$/)), (s) => {
        const d = parseDeadline(s);
        if (d !== null) expect(Number.isFinite(d.getTime())).to.equal(true);
      }),
    );
  });

  const remaining: Array<[string, number, string, string]> = [
    ['days and hours', 2 * DAY + 5 * HOUR + 30 * MIN, '2日 5時間', '2 days 5 hours'],
    ['one day, zero hours', DAY + 59 * MIN, '1日 0時間', '1 day 0 hours'],
    ['hours and minutes', 5 * HOUR + 12 * MIN + 59_000, '5時間 12分', '5 hours 12 minutes'],
    ['one hour one minute', HOUR + MIN, '1時間 1分', '1 hour 1 minute'],
    ['minutes', 12 * MIN + 1, '12分', '12 minutes'],
    ['less than a minute', 59_999, '1分未満', 'less than a minute'],
  ];
  for (const [name, ms, ja, en] of remaining) {
    it(`time left: ${name}`, () => {
      const now = Date.UTC(2026, 10, 20);
      const r = remainingTime(new Date(now + ms), now);
      expect(r.expired).to.equal(false);
      expect(formatRemaining(r, 'ja')).to.equal(ja);
      expect(formatRemaining(r, 'en')).to.equal(en);
    });
  }

  it('is expired at the deadline and after it', () => {
    const d = new Date(Date.UTC(2026, 10, 28, 14, 59, 59));
    expect(remainingTime(d, d.getTime()).expired).to.equal(true);
    expect(remainingTime(d, d.getTime() + 1).expired).to.equal(true);
    expect(remainingTime(d, d.getTime() - 1).expired).to.equal(false);
    expect(formatRemaining(remainingTime(d, d.getTime()), 'ja')).to.equal('');
  });

  it('time left adds up to the real difference, rounded down to the minute (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * DAY }), (ms) => {
        const now = Date.UTC(2026, 0, 1);
        const r = remainingTime(new Date(now + ms), now);
        const shown = r.days * DAY + r.hours * HOUR + r.minutes * MIN;
        expect(r.expired).to.equal(false);
        expect(r.hours).to.be.within(0, 23);
        expect(r.minutes).to.be.within(0, 59);
        expect(shown).to.be.at.most(ms);
        expect(ms - shown).to.be.lessThan(MIN);
        expect(formatRemaining(r, 'ja')).not.to.equal('');
      }),
    );
  });
});

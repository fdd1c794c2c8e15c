/**
 * Japan time (JST, Asia/Tokyo) for payment deadlines: parsing what a backend
 * sends, showing it in Japan time whatever the visitor's clock says, and the
 * time left. Pure functions, no DOM: usable in Node.
 */

export const JST_TIME_ZONE = 'Asia/Tokyo';

/** JST is UTC+9 all year (no daylight saving since 1951). */
const JST_OFFSET_MINUTES = 9 * 60;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;
/** yyyyMMddHHmm[ss], in Japan time (several Japanese PSPs send this). */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromFields(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offsetMinutes: number,
): Date | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (Math.abs(offsetMinutes) > 18 * 60) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000);
}

/**
 * A deadline from the endpoint: ISO 8601 date-time with an offset
 * (`2026-11-28T23:59:59+09:00`, `2026-11-28T14:59:59Z`). Without an offset
 * (`2026-11-28T23:59:59`, or the compact `20261128235959`) it is read as
 * Japan time, never as the visitor's local time. Anything else (wrong type,
 * impossible date, extra text) is `null`.
 */
export function parseDeadline(value: unknown): Date | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const s = value.trim();
  let m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, z, sign, oh, om] = m;
    let offset = JST_OFFSET_MINUTES;
    if (z) offset = 0;
    else if (sign) {
      if (Number(om) > 59) return null;
      offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
    }
    const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
    return fromFields(+y, +mo, +d, +h, +mi, sec ? +sec : 0, ms, offset);
  }
  m = COMPACT.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec] = m;
    return fromFields(+y, +mo, +d, +h, +mi, sec ? +sec : 0, 0, JST_OFFSET_MINUTES);
  }
  return null;
}

/** A moment as read on a clock in Japan. `weekday`: 0 is Sunday. */
export interface JstDateTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

let jstFormat: Intl.DateTimeFormat | undefined;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The fields of `date` in Asia/Tokyo, through Intl (independent of the runtime's own time zone). */
export function toJst(date: Date): JstDateTime {
  jstFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: JST_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts: Record<string, string> = {};
  for (const p of jstFormat.formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS.indexOf(parts.weekday),
    // Some engines print midnight as "24" even with h23.
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const JA_WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Date and time of `date` in Japan, to the minute:
 * ja `2026年11月28日(土) 23:59`, en `Sat 28 Nov 2026, 23:59`.
 * Built from Intl's Asia/Tokyo fields, so the text is the same in every engine.
 */
export function formatJstDateTime(date: Date, locale: 'ja' | 'en'): string {
  const t = toJst(date);
  const time = `${pad(t.hour)}:${pad(t.minute)}`;
  return locale === 'ja'
    ? `${t.year}年${t.month}月${t.day}日(${JA_WEEKDAYS[t.weekday]}) ${time}`
    : `${WEEKDAYS[t.weekday]} ${t.day} ${EN_MONTHS[t.month - 1]} ${t.year}, ${time}`;
}

/** Time left until a deadline, rounded down to the minute. */
export interface Remaining {
  expired: boolean;
  days: number;
  hours: number;
  minutes: number;
}

/** Time from `now` (ms since epoch) to `deadline`; expired once the deadline is reached. */
export function remainingTime(deadline: Date, now: number): Remaining {
  const ms = deadline.getTime() - now;
  if (!(ms > 0)) return { expired: true, days: 0, hours: 0, minutes: 0 };
  const total = Math.floor(ms / 60_000);
  return { expired: false, days: Math.floor(total / 1440), hours: Math.floor(total / 60) % 24, minutes: total % 60 };
}

const unit = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The two largest units of the time left: ja `2日 5時間`, `5時間 12分`, `12分`,
 * `1分未満`; en `2 days 5 hours`, `5 hours 12 minutes`, `12 minutes`,
 * `less than a minute`. Empty when expired.
 */
export function formatRemaining(r: Remaining, locale: 'ja' | 'en'): string {
  if (r.expired) return '';
  const ja = locale === 'ja';
  if (r.days > 0) return ja ? `${r.days}日 ${r.hours}時間` : `${unit(r.days, 'day', 'days')} ${unit(r.hours, 'hour', 'hours')}`;
  if (r.hours > 0)
    return ja ? `${r.hours}時間 ${r.minutes}分` : `${unit(r.hours, 'hour', 'hours')} ${unit(r.minutes, 'minute', 'minutes')}`;
  if (r.minutes > 0) return ja ? `${r.minutes}分` : unit(r.minutes, 'minute', 'minutes');
  return ja ? '1分未満' : 'less than a minute';
}

/**
 * Japan Standard Time without the server's time zone: JST is UTC+9 all year
 * (Japan has no daylight saving time), so shifting the instant by nine hours
 * and reading the UTC fields gives the wall clock in Tokyo, whatever `TZ` is.
 */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The calendar date in Japan at instant `now`: `{ year, month (1–12), day }`. */
export function jstDate(now: Date): { year: number; month: number; day: number } {
  const t = new Date(now.getTime() + JST_OFFSET_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/**
 * 23:59:59 JST on the day `daysAhead` days after today in Japan, as ISO 8601
 * with its offset: at 2026-11-25T15:30:00Z (00:30 on the 26th in Tokyo) and
 * 3 days ahead → "2026-11-29T23:59:59+09:00". This is how Konbini, Pay-easy and
 * bank-transfer deadlines are stated to shoppers.
 */
export function jstEndOfDay(now: Date, daysAhead: number): string {
  const { year, month, day } = jstDate(now);
  const d = new Date(Date.UTC(year, month - 1, day + daysAhead));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T23:59:59+09:00`;
}

/** An instant as ISO 8601 in JST ("2026-11-26T00:30:00+09:00"), for stored timestamps people read. */
export function toJstIso(now: Date): string {
  const t = new Date(now.getTime() + JST_OFFSET_MS);
  return (
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
    `T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}+09:00`
  );
}

import { msg, str } from '../../localize.js';

const grouped = new Intl.NumberFormat('en-US');

/** An amount in yen, written one way everywhere: 「3,240円」 in Japanese, "¥3,240" in English. */
export function formatYen(amount: number): string {
  const n = grouped.format(amount);
  return msg(str`¥${n}`, { id: 'common.yen' });
}

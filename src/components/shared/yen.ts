import { groupDigits } from '../../core/text.js';
import { msg, str } from '../../localize.js';

/** An amount in yen, written one way everywhere: 「3,240円」 in Japanese, "¥3,240" in English. */
export function formatYen(amount: number): string {
  const n = groupDigits(amount);
  return msg(str`¥${n}`, { id: 'common.yen' });
}

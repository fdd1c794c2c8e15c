/**
 * Secret-key detection. PSP secret keys (sk_live_…, rk_test_…, skey_…,
 * whsec_…) must never be in a page: a kessai element given one refuses to run.
 */
const SECRET = /(?:^|[^A-Za-z0-9])((?:sk|rk|skey|whsec)_(?:(?:live|test)_)?)[A-Za-z0-9]/;

/**
 * The key's prefix (e.g. `sk_live_`) when `value` holds a secret-looking key,
 * else `null`. Only the prefix is returned, so it can be logged safely.
 */
export function findSecretPrefix(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = SECRET.exec(value);
  return m ? m[1] : null;
}

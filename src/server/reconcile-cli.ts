/**
 * `kessai-reconcile`: the command behind `npx kessai-reconcile --from 2026-12-01 --to 2026-12-07`.
 * Node only (it opens the store and reads files); `reconcile()` in kessai/server is the function.
 *
 * Configuration, as the demo backend reads it:
 * - the store: `DATABASE_URL` (PostgreSQL), else `KESSAI_DB` (an existing SQLite file);
 * - the PSP: `KESSAI_PSP` = komoju | stripe | payjp | fincode, or several separated by commas (the failover
 *   order), with each PSP's secret from its own variable (docs/psp.md: KOMOJU_SECRET_KEY, STRIPE_SECRET_KEY,
 *   PAYJP_SECRET_KEY, FINCODE_SECRET_KEY; `<PSP>_API_BASE` to point elsewhere);
 * - or `--config <module>`: a module whose default export (or the module itself) is `{ store, psp }`, or a
 *   function returning it.
 * Exit status: 0 everything matches, 1 a difference, 2 a usage, configuration or PSP error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Store } from './store.js';
import type { PspAdapter } from './types.js';
import { createFailoverPsp } from './ops/failover.js';
import { formatReconcileTable, jstDayRange, reconcile } from './ops/reconcile.js';

export const RECONCILE_USAGE = `Usage: kessai-reconcile --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--config module.js]

Compares the PSP's payments created on these JST calendar days (both included) with the orders:
payments without an order, orders whose payment the PSP does not list, amount differences, and
state differences (the PSP has the money and the order does not, or the other way round).

  --from, --to   JST calendar days, inclusive
  --json         print the report as JSON instead of a table
  --config FILE  a module exporting { store, psp } (or a function returning them)
  --help         this text

Without --config: DATABASE_URL (PostgreSQL) or KESSAI_DB (SQLite file) for the store; KESSAI_PSP
(komoju | stripe | payjp | fincode, or a comma-separated failover list) and that PSP's secret key variable.
Exit status: 0 everything matches, 1 differences found, 2 usage or configuration error.
`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

type Env = Record<string, string | undefined>;

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const o: { from?: string; to?: string; json: boolean; config?: string; help: boolean } = { json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') o.help = true;
    else if (flag === '--json') o.json = true;
    else if (flag === '--from') o.from = value();
    else if (flag === '--to') o.to = value();
    else if (flag === '--config') o.config = value();
    else throw new UsageError(`unknown option ${argv[i]}`);
  }
  return o;
}

/** One adapter from the environment (its module imported only when named: Stripe's SDK is an optional peer). */
async function adapterFromEnv(name: string, env: Env): Promise<PspAdapter> {
  const timeoutMs = Number(env.KESSAI_PSP_TIMEOUT_MS) || undefined;
  switch (name) {
    case 'komoju':
      return new (await import('./psp/komoju.js')).KomojuPsp({ secretKey: env.KOMOJU_SECRET_KEY, baseUrl: env.KOMOJU_API_BASE || undefined, timeoutMs });
    case 'stripe':
      return new (await import('./psp/stripe.js')).StripePsp({ secretKey: env.STRIPE_SECRET_KEY, baseUrl: env.STRIPE_API_BASE || undefined, timeoutMs });
    case 'payjp':
      return new (await import('./psp/payjp.js')).PayjpPsp({ secretKey: env.PAYJP_SECRET_KEY, baseUrl: env.PAYJP_API_BASE || undefined, timeoutMs });
    case 'fincode':
      return new (await import('./psp/fincode.js')).FincodePsp({ secretKey: env.FINCODE_SECRET_KEY, baseUrl: env.FINCODE_API_BASE || undefined, timeoutMs });
    default:
      throw new UsageError(`KESSAI_PSP: unknown PSP "${name}" (komoju, stripe, payjp, fincode; several separated by commas)`);
  }
}

async function configFromEnv(env: Env): Promise<{ store: Store; psp: PspAdapter }> {
  const names = (env.KESSAI_PSP ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('KESSAI_PSP is not set (komoju, stripe, payjp or fincode), and no --config was given');
  const adapters = await Promise.all(names.map((n) => adapterFromEnv(n, env)));
  const psp = adapters.length === 1 ? adapters[0] : createFailoverPsp(adapters);
  let store: Store;
  if (env.DATABASE_URL) store = await (await import('./postgres-store.js')).createPostgresStore({ connectionString: env.DATABASE_URL, max: 2 });
  else if (env.KESSAI_DB) {
    if (!existsSync(env.KESSAI_DB)) throw new UsageError(`KESSAI_DB: no such file ${env.KESSAI_DB}`);
    store = (await import('./sqlite-store.js')).createSqliteStore({ path: env.KESSAI_DB });
  } else throw new UsageError('no store: set DATABASE_URL (PostgreSQL) or KESSAI_DB (SQLite file), or give --config');
  return { store, psp };
}

async function configFromModule(path: string): Promise<{ store: Store; psp: PspAdapter }> {
  const file = resolve(path);
  if (!existsSync(file)) throw new UsageError(`--config: no such file ${path}`);
  const m = (await import(pathToFileURL(file).href)) as { default?: unknown };
  let c = (m.default ?? m) as unknown;
  if (typeof c === 'function') c = await (c as () => unknown)();
  const cfg = c as { store?: Store; psp?: PspAdapter };
  if (!cfg?.store || !cfg?.psp) throw new UsageError(`--config ${path} must export { store, psp }`);
  return { store: cfg.store, psp: cfg.psp };
}

/** Runs the command; returns the exit status. */
export async function reconcileCli(argv: string[], env: Env = process.env, io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  let store: Store | undefined;
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.out(RECONCILE_USAGE);
      return 0;
    }
    if (!args.from || !args.to) throw new UsageError('--from and --to are required');
    try {
      jstDayRange(args.from, args.to);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const cfg = args.config ? await configFromModule(args.config) : await configFromEnv(env);
    store = cfg.store;
    const report = await reconcile({ store: cfg.store, psp: cfg.psp, from: args.from, to: args.to });
    io.out(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReconcileTable(report));
    return report.ok ? 0 : 1;
  } catch (e) {
    // Messages name variables, never their values (the adapters' own errors are written that way).
    io.err(`kessai-reconcile: ${(e as Error).message}\n${e instanceof UsageError ? `\n${RECONCILE_USAGE}` : ''}`);
    return 2;
  } finally {
    await store?.close().catch(() => {});
  }
}

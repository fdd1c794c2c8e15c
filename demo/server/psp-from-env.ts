/**
 * `npm start` picks its PSP from the server's environment: KESSAI_PSP =
 * sandbox (default) | komoju | stripe | payjp | fincode. Secrets are read
 * here, from the environment only, and never printed; an adapter refuses to
 * start with a publishable/public key where its secret belongs (the error
 * names the variable). docs/psp.md lists every variable.
 */
import type { PspAdapter } from 'kessai/server';
import { KomojuPsp } from 'kessai/server/psp/komoju';
import { StripePsp } from 'kessai/server/psp/stripe';
import { PayjpPsp } from 'kessai/server/psp/payjp';
import { FincodePsp } from 'kessai/server/psp/fincode';
import { SandboxPsp } from './sandbox-psp.js';

export const PSP_NAMES = ['sandbox', 'komoju', 'stripe', 'payjp', 'fincode'] as const;
export type PspName = (typeof PSP_NAMES)[number];

type Env = Record<string, string | undefined>;

export function pspFromEnv(env: Env, options: { now?: () => Date; sandboxWebhookSecret?: string; sandboxBaseUrl?: string } = {}): PspAdapter {
  const name = (env.KESSAI_PSP || 'sandbox') as PspName;
  const returnUrl = env.KESSAI_RETURN_URL || undefined;
  const timeoutMs = Number(env.KESSAI_PSP_TIMEOUT_MS) || undefined;
  switch (name) {
    case 'sandbox':
      return new SandboxPsp({
        webhookSecret: env.KESSAI_SANDBOX_WEBHOOK_SECRET || options.sandboxWebhookSecret,
        delayMs: Number(env.KESSAI_SANDBOX_DELAY_MS) || 0,
        now: options.now,
        // Its 3-D Secure and wallet pages (served by the demo under /api/sandbox/).
        baseUrl: env.KESSAI_SANDBOX_BASE_URL || options.sandboxBaseUrl,
      });
    case 'komoju':
      return new KomojuPsp({ secretKey: env.KOMOJU_SECRET_KEY, webhookSecret: env.KOMOJU_WEBHOOK_SECRET, baseUrl: env.KOMOJU_API_BASE || undefined, returnUrl, timeoutMs });
    case 'stripe':
      return new StripePsp({ secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, baseUrl: env.STRIPE_API_BASE || undefined, returnUrl, timeoutMs, now: options.now });
    case 'payjp':
      return new PayjpPsp({ secretKey: env.PAYJP_SECRET_KEY, webhookToken: env.PAYJP_WEBHOOK_TOKEN, publicKey: env.PAYJP_PUBLIC_KEY, baseUrl: env.PAYJP_API_BASE || undefined, returnUrl, timeoutMs });
    case 'fincode':
      return new FincodePsp({ secretKey: env.FINCODE_SECRET_KEY, webhookSignature: env.FINCODE_WEBHOOK_SIGNATURE, baseUrl: env.FINCODE_API_BASE || undefined, returnUrl, timeoutMs });
    default:
      throw new Error(`KESSAI_PSP must be one of ${PSP_NAMES.join(', ')}`);
  }
}

/**
 * The demo backend, as a module for demo/serve.js and the test run: the
 * sandbox PSP and the demo catalogue, plus the kessai/server pieces they are
 * mounted with (the library is in src/server/).
 */
export * from 'kessai/server';
export { createSqliteStore } from 'kessai/server/sqlite';
export { createPostgresStore } from 'kessai/server/postgres';
export { toNodeHandler } from 'kessai/server/node';
export { KomojuPsp } from 'kessai/server/psp/komoju';
export { StripePsp } from 'kessai/server/psp/stripe';
export { PayjpPsp } from 'kessai/server/psp/payjp';
export { FincodePsp } from 'kessai/server/psp/fincode';
export { pspFromEnv, PSP_NAMES, type PspName } from './psp-from-env.js';
export { createDemoCatalog, DEMO_PRODUCTS } from './catalog.js';
export { SANDBOX_CARD_TOKENS, SANDBOX_SIGNATURE_HEADER, SandboxPsp, type SandboxPspOptions } from './sandbox-psp.js';

/** Types of the PSP fakes (plain JS, shared by the Node tests and the browser test server). */
export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  raw: string;
}
export interface Fake {
  name: string;
  baseUrl: string;
  webhookUrl: string | null;
  requests: FakeRequest[];
  violations: string[];
  payments: Map<string, Record<string, unknown>>;
  deliveries: Array<{ url: string; status: number; body: string }>;
  deliver(body: string, headers: Record<string, string>, url?: string): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
  hold(): () => void;
  patched(id: string, patch?: Record<string, unknown>): Record<string, unknown>;
  /** The next POST/PUT meets this fault (see base.js). */
  inject(fault: FakeFault): void;
}
export type FakeFault =
  | { kind: 'unavailable' }
  | { kind: 'rate_limited'; json?: unknown }
  | { kind: 'slow'; ms: number }
  | { kind: 'error_after'; status?: number; json?: unknown };
/** A fake of one PSP: `event` builds the PSP's notification, `sign` its signature headers, `pay` delivers a signed "paid". */
export interface PspFake extends Fake {
  event(type: string, pspPaymentId: string, patch?: Record<string, unknown>): Record<string, unknown>;
  sign(body: string, secret?: string | string[], at?: Date): Record<string, string>;
  pay(pspPaymentId: string): Promise<{ status: number; body: string }>;
}
export interface FakeOptions {
  secretKey?: string;
  webhookSecret?: string;
  now?: () => Date;
}
export function hmacHex(secret: string, data: string): string;

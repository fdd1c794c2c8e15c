import type { FakeOptions, PspFake } from './base.js';
export function startPayjpFake(options?: FakeOptions): Promise<PspFake>;

import type { FakeOptions, PspFake } from './base.js';
export function startKomojuFake(options?: FakeOptions): Promise<PspFake>;

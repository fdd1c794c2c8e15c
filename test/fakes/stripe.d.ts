import type { FakeOptions, PspFake } from './base.js';
export function startStripeFake(options?: FakeOptions): Promise<PspFake>;

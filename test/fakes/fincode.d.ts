import type { FakeOptions, PspFake } from './base.js';
export function startFincodeFake(options?: FakeOptions): Promise<PspFake>;
export function fincodeTime(date: Date): string;

import type { Plugin } from 'vite';
export function embedChunks(options?: { entry?: string }): Plugin;

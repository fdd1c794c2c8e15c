import type { Plugin } from 'vite';
export interface Catalog {
  messages: Map<string, { en: string | null; ja: string | null }>;
  index: Map<string, number>;
  english: string[];
}
export function readCatalog(path?: string): Catalog;
export function compileSource(code: string, fileName: string, catalog: Catalog, mode?: 'inline' | 'table'): string;
export function compileVitePlugin(options?: { mode?: 'inline' | 'table'; catalog?: Catalog }): Plugin;

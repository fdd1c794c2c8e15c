// `cem analyze` (npm run build:manifest): custom-elements.json describes the
// package as installed: module paths name the shipped JavaScript (dist/…js,
// not src/…ts), and each tag has a `custom-element-definition` export in the
// `kessai/define/<name>` module that registers it.
import { existsSync } from 'node:fs';

const toDist = (p) => p.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');

function rewritePaths(node) {
  if (Array.isArray(node)) node.forEach(rewritePaths);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'path' || k === 'module') && typeof v === 'string') node[k] = toDist(v);
      else rewritePaths(v);
    }
}

function shippedPaths() {
  return {
    name: 'kessai-shipped-paths',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const definitions = [];
      for (const mod of manifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.customElement || !d.tagName) continue;
          const folder = /^\/?src\/components\/([^/]+)\//.exec(mod.path)?.[1];
          if (!folder || !existsSync(`src/define/${folder}.ts`)) throw new Error(`no src/define/${folder}.ts for <${d.tagName}>`);
          definitions.push({
            kind: 'javascript-module',
            path: `src/define/${folder}.ts`,
            declarations: [],
            exports: [{ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: mod.path } }],
          });
        }
      }
      manifest.modules.push(...definitions);
      rewritePaths(manifest.modules);
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  litelement: true,
  plugins: [shippedPaths()],
};

// The npm build (dist/): tsc with tsconfig.build.json, plus the source
// compilation of scripts/compile-source.js (messages inline in both languages,
// styles and templates minified) as TypeScript transformers, so the emitted
// source maps stay exact. Fails on any type error, like tsc.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { compileTransformers, readCatalog } from './compile-source.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const configPath = `${root}tsconfig.build.json`;
const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath);
rmSync(`${root}dist`, { recursive: true, force: true });
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences });
const emitted = program.emit(undefined, undefined, undefined, false, { before: compileTransformers(readCatalog()) });
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
if (diagnostics.length) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}

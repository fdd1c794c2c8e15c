#!/usr/bin/env node
// The public surface of every package entry point (package.json "exports"),
// one text file each in api/: every exported name with its kind and type, as
// the TypeScript compiler sees the source. A change to what users can import
// is then a reviewed change to api/*.txt.
//
//   node scripts/api-surface.js --check    fails when the surface differs from api/ (npm run lint)
//   node scripts/api-surface.js --update   writes api/ (npm run api:update)
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiDir = join(root, 'api');
const mode = process.argv.includes('--update') ? 'update' : 'check';

/** Each export path with its source file: ./dist/x/y.js → src/x/y.ts; a `*` expands over the folder. */
function entryPoints() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const out = [];
  for (const [path, target] of Object.entries(pkg.exports)) {
    const js = typeof target === 'string' ? target : target.default;
    if (!js.startsWith('./dist/') || !js.endsWith('.js')) continue; // package.json, custom-elements.json
    const src = js.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
    if (!src.includes('*')) {
      out.push({ name: `kessai${path.slice(1)}`, file: join(root, src) });
      continue;
    }
    const dir = join(root, src.slice(0, src.lastIndexOf('/')));
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort()) {
      out.push({ name: `kessai${path.slice(1).replace('*', f.slice(0, -3))}`, file: join(dir, f) });
    }
  }
  return out;
}

const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;
const isPublic = (decl) => {
  const mods = ts.getCombinedModifierFlags(decl);
  return !(mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) && !(decl.name && ts.isPrivateIdentifier(decl.name));
};

const flat = (t) => t.replace(/\s+/g, ' ').trim();

/**
 * A declaration as its source says it (stable whatever order the checker made
 * its types in); the checker's type only where the source leaves it inferred.
 */
function signatureText(checker, decl, name) {
  const params = `(${decl.parameters.map((p) => flat(p.getText())).join(', ')})`;
  const typeParams = decl.typeParameters ? `<${decl.typeParameters.map((t) => flat(t.getText())).join(', ')}>` : '';
  let ret = decl.type ? flat(decl.type.getText()) : undefined;
  if (!ret) {
    const sig = checker.getSignatureFromDeclaration(decl);
    ret = sig ? checker.typeToString(checker.getReturnTypeOfSignature(sig), decl, FLAGS) : 'unknown';
  }
  return `${name}${typeParams}${params}: ${ret}`;
}

function memberText(checker, decl, fallbackSymbol) {
  const optional = decl.questionToken ? '?' : '';
  const name = decl.name ? flat(decl.name.getText()) : fallbackSymbol.name;
  if (ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl) || ts.isFunctionDeclaration(decl)) return signatureText(checker, decl, name + optional);
  if (ts.isGetAccessorDeclaration(decl)) return `get ${name}: ${decl.type ? flat(decl.type.getText()) : checker.typeToString(checker.getTypeOfSymbolAtLocation(fallbackSymbol, decl), decl, FLAGS)}`;
  if (ts.isSetAccessorDeclaration(decl)) return `set ${name}(${flat(decl.parameters[0].getText())})`;
  if (decl.type) return `${name}${optional}: ${flat(decl.type.getText())}`;
  return `${name}${optional}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(fallbackSymbol, decl), decl, FLAGS)}`;
}

/** One exported symbol as lines of text. */
function describe(checker, sym, name) {
  const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
  const decl = target.declarations?.[0];
  if (target.flags & ts.SymbolFlags.Class) {
    const heritage = decl.heritageClauses?.map((h) => flat(h.getText())).join(' ');
    const lines = [`class ${name}${heritage ? ` ${heritage}` : ''}`];
    for (const m of decl.members) {
      if (ts.isConstructorDeclaration(m)) {
        if (isPublic(m)) lines.push(`  constructor(${m.parameters.map((p) => flat(p.getText())).join(', ')})`);
        continue;
      }
      if (!m.name || !isPublic(m) || ts.isClassStaticBlockDeclaration(m)) continue;
      const ms = checker.getSymbolAtLocation(m.name);
      if (!ms) continue;
      const isStatic = ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static ? 'static ' : '';
      if (isStatic && ['styles', 'properties', 'shadowRootOptions'].includes(ms.name)) continue;
      lines.push(`  ${isStatic}${memberText(checker, m, ms)}`);
    }
    return lines;
  }
  if (target.flags & ts.SymbolFlags.Interface) {
    const lines = [`interface ${name}${decl.typeParameters ? `<${decl.typeParameters.map((t) => flat(t.getText())).join(', ')}>` : ''}${decl.heritageClauses ? ` ${decl.heritageClauses.map((h) => flat(h.getText())).join(' ')}` : ''}`];
    for (const d of target.declarations) for (const m of d.members ?? []) lines.push(`  ${ts.isCallSignatureDeclaration(m) ? signatureText(checker, m, '') : memberText(checker, m, checker.getSymbolAtLocation(m.name))}`);
    return lines;
  }
  if (target.flags & ts.SymbolFlags.TypeAlias) {
    return [`type ${name}${decl.typeParameters ? `<${decl.typeParameters.map((t) => flat(t.getText())).join(', ')}>` : ''} = ${flat(decl.type.getText())}`];
  }
  if (target.flags & ts.SymbolFlags.Function) return target.declarations.filter((d) => !d.body || target.declarations.length === 1).map((d) => `function ${signatureText(checker, d, name)}`);
  if (target.flags & ts.SymbolFlags.Variable) return [`const ${memberText(checker, decl, target)}`.replace(`const ${flat(decl.name.getText())}`, `const ${name}`)];
  if (target.flags & ts.SymbolFlags.Enum) return [`enum ${name}`];
  return [`symbol ${name}`];
}

function surfaces() {
  const configPath = join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const entries = entryPoints();
  const program = ts.createProgram({ rootNames: entries.map((e) => e.file), options: { ...parsed.options, noEmit: true } });
  const checker = program.getTypeChecker();
  const out = new Map();
  for (const e of entries) {
    const sf = program.getSourceFile(e.file);
    if (!sf) throw new Error(`${e.name}: ${relative(root, e.file)} not found`);
    const mod = checker.getSymbolAtLocation(sf);
    const exports = mod ? checker.getExportsOfModule(mod) : [];
    const text = [`# ${e.name} (${relative(root, e.file)})`, `# ${exports.length} exports`, ''];
    for (const s of [...exports].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) text.push(...describe(checker, s, s.name));
    // Types printed with an import("…") path name the checkout's folder: written relative to it, so the record is the same on any machine.
    const machineFree = text.join('\n').replaceAll(`import("${root.replace(/\/$/, '')}/`, 'import("./');
    out.set(`${e.name.replace(/[/]/g, '-')}.txt`, `${machineFree}\n`);
  }
  return out;
}

const current = surfaces();
if (mode === 'update') {
  rmSync(apiDir, { recursive: true, force: true });
  mkdirSync(apiDir, { recursive: true });
  for (const [file, text] of current) writeFileSync(join(apiDir, file), text);
  console.log(`api-surface: wrote ${current.size} files to api/`);
} else {
  const problems = [];
  const recorded = existsSync(apiDir) ? readdirSync(apiDir).filter((f) => f.endsWith('.txt')) : [];
  for (const f of recorded) if (!current.has(f)) problems.push(`api/${f}: no such entry point any more`);
  for (const [file, text] of current) {
    const path = join(apiDir, file);
    if (!existsSync(path)) {
      problems.push(`api/${file}: a new entry point, not recorded`);
      continue;
    }
    const was = readFileSync(path, 'utf8').split('\n');
    const now = text.split('\n');
    const removed = was.filter((l) => !now.includes(l));
    const added = now.filter((l) => !was.includes(l));
    if (removed.length || added.length) problems.push(`api/${file}:\n${[...removed.map((l) => `  - ${l}`), ...added.map((l) => `  + ${l}`)].join('\n')}`);
  }
  if (problems.length) {
    console.error(`The public API changed without being recorded:\n\n${problems.join('\n\n')}\n\nIf the change is meant, run \`npm run api:update\` and commit api/ with it (CONTRIBUTING.md).`);
    process.exit(1);
  }
  console.log(`api-surface: ${current.size} entry points match api/`);
}

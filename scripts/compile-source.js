// Build-time compilation of src/: messages and styles.
//
// Messages. Every `msg('English', { id })` or
// `msg(str`English ${x}`, { id })` call in src/ is rewritten into
//
//   msg('日本語 {0}', 'English {0}', [x])   inline: both languages in the call (npm, tests, Storybook)
//   msg('日本語 {0}', 12, [x])               table: English is entry 12 of kessai.en.json (the embed)
//
// with the Japanese from locales/ja.xlf. No id, no lookup table and no
// @lit/localize runtime reach the browser; an element carries only its own
// messages. The build fails when a call has no translation or its English
// differs from the xlf (run `npm run localize:extract`, then translate).
//
// Styles. Every css`` template is minified (esbuild's CSS minifier).
//
// Templates. In every html`` template, a run of white space that holds a line
// break (source indentation) becomes one line break: what renders is the same
// (kessai has no <pre>, <textarea> or white-space rule in its templates).
// Line breaks themselves stay, so line numbers still match the source.
//
// Three ways in, one analysis: `compileVitePlugin` (the embed, Storybook) and
// `compileWtrPlugin` (the browser tests) splice source text; `compileTransformers`
// are TypeScript transformers for the npm build (scripts/build-esm.js), which
// keep the source maps exact.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { transformSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
export const XLF = `${root}locales/ja.xlf`;
const PLACEHOLDER = /\{\d+\}/;

const decode = (s) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]);

/** `<x id="N" …/>` placeholders become `{N}` (N indexes the source's values). */
const fromXliff = (s) => decode(s.replace(/<x id="(\d+)"[^>]*\/>/g, '{$1}'));

/**
 * The catalogue: id → { en, ja } in `{N}` form, and each id's index in the
 * English table (sorted ids, so the table and the embed agree).
 */
export function readCatalog(path = XLF) {
  const xlf = readFileSync(path, 'utf8');
  const messages = new Map();
  for (const [, id, body] of xlf.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    const source = /<source>([\s\S]*?)<\/source>/.exec(body);
    const target = /<target>([\s\S]*?)<\/target>/.exec(body);
    messages.set(id, { en: source && fromXliff(source[1]), ja: target && fromXliff(target[1]) });
  }
  const ids = [...messages.keys()].sort();
  return { messages, index: new Map(ids.map((id, i) => [id, i])), english: ids.map((id) => messages.get(id).en) };
}

/** English text of a msg call's first argument, `{N}` for each value, and the value expressions. */
function readTemplate(arg, where) {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return { text: arg.text, values: [] };
  if (ts.isTaggedTemplateExpression(arg) && ts.isIdentifier(arg.tag) && arg.tag.text === 'str') {
    const t = arg.template;
    if (ts.isNoSubstitutionTemplateLiteral(t)) return { text: t.text, values: [] };
    let text = t.head.text;
    t.templateSpans.forEach((span, i) => (text += `{${i}}${span.literal.text}`));
    return { text, values: t.templateSpans.map((s) => s.expression) };
  }
  throw new Error(`${where}: msg() takes a string or a str\`\` template`);
}

/**
 * The rewrite of one msg() call, or undefined when `node` is not one:
 * { ja, en (string or table index), values (expression nodes) }.
 */
function analyse(node, sourceFile, catalog, mode) {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'msg') return undefined;
  const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const where = `${sourceFile.fileName}:${line + 1}`;
  const [template, options] = node.arguments;
  // Already compiled (a second pass of the same plugin): msg('…', 'English' | 12, …).
  if (options && (ts.isStringLiteral(options) || ts.isNumericLiteral(options))) return undefined;
  const idProp = options && ts.isObjectLiteralExpression(options) && options.properties.find((p) => p.name?.getText(sourceFile) === 'id');
  if (!idProp || !ts.isPropertyAssignment(idProp) || !ts.isStringLiteral(idProp.initializer)) throw new Error(`${where}: msg() needs { id: '…' }`);
  const id = idProp.initializer.text;
  const { text, values } = readTemplate(template, where);
  const entry = catalog.messages.get(id);
  if (!entry?.ja) throw new Error(`${where}: message "${id}" has no Japanese in locales/ja.xlf (npm run localize:extract, then translate)`);
  if (entry.en !== text) throw new Error(`${where}: the English of "${id}" differs from locales/ja.xlf (npm run localize:extract, then update the translation)`);
  for (const s of [text, entry.ja].flatMap((x) => x.split(/\{\d+\}/))) {
    if (PLACEHOLDER.test(s) || s.includes('{')) throw new Error(`${where}: "${id}" contains a literal "{"`);
  }
  return { ja: entry.ja, en: mode === 'table' ? catalog.index.get(id) : entry.en, values };
}

/** A css`` template (no interpolations): its minified text, or undefined when `node` is not one. */
function minifiedCss(node, sourceFile) {
  if (!ts.isTaggedTemplateExpression(node) || !ts.isIdentifier(node.tag) || node.tag.text !== 'css') return undefined;
  if (!ts.isNoSubstitutionTemplateLiteral(node.template)) throw new Error(`${sourceFile.fileName}: css\`\` with \${} cannot be minified`);
  // Cooked text in, cooked text out: CSS escapes (\\201C) are the template's own business.
  return transformSync(node.template.text, { loader: 'css', minify: true, target: 'esnext', logLevel: 'silent' }).code.trim();
}

// Line breaks are kept (line numbers still match the source); the indentation around them goes.
const collapse = (text) => text.replace(/[ \t]*\n\s*/g, (run) => run.replace(/[^\n]/g, ''));

/** An html`` template whose text would shrink, else undefined. */
function htmlTemplate(node) {
  if (!ts.isTaggedTemplateExpression(node) || !ts.isIdentifier(node.tag) || node.tag.text !== 'html') return undefined;
  const t = node.template;
  const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
  return parts.some((p) => /\n\s/.test(p.rawText ?? p.text)) ? parts : undefined;
}

/** A template literal's source text for `text` (its cooked value). */
const templateSource = (text) => `\`${text.replace(/[\\`]|\$\{/g, (c) => `\\${c}`)}\``;

/** Compiles one source text (msg() calls, css`` templates); returns it unchanged when there is nothing to do. */
export function compileSource(code, fileName, catalog, mode = 'inline') {
  if (!code.includes('msg(') && !code.includes('css`')) return code;
  const sourceFile = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const edits = [];
  const replace = (node, text) => {
    // Keep the line count, so line numbers (stack traces, coverage) still match the source.
    const lines = node.getText(sourceFile).split('\n').length - 1;
    edits.push({ start: node.getStart(sourceFile), end: node.getEnd(), text: text + '\n'.repeat(lines) });
  };
  const visit = (node) => {
    const styles = minifiedCss(node, sourceFile);
    if (styles !== undefined) return replace(node, `css${templateSource(styles)}`);
    const parts = htmlTemplate(node);
    if (parts) {
      // Each literal part in place (raw text: escapes stay as written), the ${} between them visited.
      for (const p of parts) {
        const start = p.getStart(sourceFile) + 1;
        const end = p.getEnd() - (p.kind === ts.SyntaxKind.TemplateHead || p.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        const raw = code.slice(start, end);
        if (collapse(raw) !== raw) edits.push({ start, end, text: collapse(raw) });
      }
      return ts.forEachChild(node, visit);
    }
    const call = analyse(node, sourceFile, catalog, mode);
    if (!call) return ts.forEachChild(node, visit);
    for (const v of call.values) {
      if (v.getText(sourceFile).includes('msg(')) throw new Error(`${fileName}: a msg() inside another msg()'s values`);
    }
    const values = call.values.length ? `, [${call.values.map((v) => v.getText(sourceFile)).join(', ')}]` : '';
    replace(node, `msg(${JSON.stringify(call.ja)}, ${JSON.stringify(call.en)}${values})`);
  };
  visit(sourceFile);
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The same as TypeScript transformers (npm build: the emitted source maps stay exact). */
export function compileTransformers(catalog, mode = 'inline') {
  return [
    (context) => (sourceFile) => {
      const f = context.factory;
      const visit = (node) => {
        const styles = minifiedCss(node, sourceFile);
        if (styles !== undefined) return f.updateTaggedTemplateExpression(node, node.tag, undefined, f.createNoSubstitutionTemplateLiteral(styles));
        if (htmlTemplate(node)) {
          const t = node.template;
          const part = (p, create) => create(collapse(p.text), collapse(p.rawText ?? p.text));
          const template = ts.isNoSubstitutionTemplateLiteral(t)
            ? part(t, f.createNoSubstitutionTemplateLiteral)
            : f.createTemplateExpression(
                part(t.head, f.createTemplateHead),
                t.templateSpans.map((s) =>
                  f.createTemplateSpan(ts.visitNode(s.expression, visit), part(s.literal, ts.isTemplateTail(s.literal) ? f.createTemplateTail : f.createTemplateMiddle)),
                ),
              );
          return f.updateTaggedTemplateExpression(node, node.tag, undefined, template);
        }
        const call = analyse(node, sourceFile, catalog, mode);
        if (!call) return ts.visitEachChild(node, visit, context);
        // Japanese stays readable in dist/ (the printer would \u-escape a new literal).
        const text = (t) => ts.setEmitFlags(f.createStringLiteral(t), ts.EmitFlags.NoAsciiEscaping);
        const args = [text(call.ja), typeof call.en === 'number' ? f.createNumericLiteral(call.en) : text(call.en)];
        if (call.values.length) args.push(f.createArrayLiteralExpression(call.values.map((v) => ts.visitNode(v, visit))));
        return f.updateCallExpression(node, node.expression, undefined, args);
      };
      return ts.visitNode(sourceFile, visit);
    },
  ];
}

const isSource = (path) => /\/src\/.*\.ts$/.test(path.split('?')[0]);

/** Vite: compiles src/**.ts before esbuild sees it. */
export function compileVitePlugin({ mode = 'inline', catalog = readCatalog() } = {}) {
  return {
    name: 'kessai-compile-source',
    enforce: 'pre',
    transform(code, id) {
      if (!isSource(id)) return undefined;
      const out = compileSource(code, id, catalog, mode);
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

/** Web Test Runner: the same, ahead of the esbuild plugin. */
export function compileWtrPlugin() {
  let catalog;
  return {
    name: 'kessai-compile-source',
    transform(context) {
      if (!isSource(context.path) || typeof context.body !== 'string') return undefined;
      catalog ??= readCatalog();
      return { body: compileSource(context.body, context.path, catalog) };
    },
  };
}

/** esbuild (test bundles, node tests): the same, as an onLoad for src/**.ts. */
export function compileEsbuildPlugin() {
  return {
    name: 'kessai-compile-source',
    setup(build) {
      let catalog;
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
        catalog ??= readCatalog();
        return { contents: compileSource(await readFile(args.path, 'utf8'), args.path, catalog), loader: 'ts' };
      });
    },
  };
}

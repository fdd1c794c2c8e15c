/**
 * Which colour scheme an element should use to match the page it lives in.
 *
 * Inheriting `color-scheme` is not enough: a page may paint itself dark (or
 * light) without declaring it, or declare `light dark` on a box that stays white.
 * So the element looks at what is really behind it: the first background, dark
 * enough that white text reads better than black → dark, else light; no
 * background anywhere → the page canvas.
 */
export type SchemeChoice = 'page' | 'system' | 'light' | 'dark';
export const SCHEME_CHOICES: readonly SchemeChoice[] = ['page', 'system', 'light', 'dark'];

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Parses a computed colour (`rgb()`, `rgba()`, `color(srgb …)`); undefined for other forms. */
export function parseComputedColor(value: string): Rgba | undefined {
  let m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (m) return { r: +m[1], g: +m[2], b: +m[3], a: alpha(m[4]) };
  m = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (m) return { r: +m[1] * 255, g: +m[2] * 255, b: +m[3] * 255, a: alpha(m[4]) };
  return undefined;
}

function alpha(v: string | undefined): number {
  if (v === undefined) return 1;
  return v.endsWith('%') ? parseFloat(v) / 100 : parseFloat(v);
}

/** WCAG relative luminance of an sRGB colour (0 black … 1 white). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** True when white text has more contrast on this colour than black text (L < ~0.179). */
export function isDark(color: Rgba): boolean {
  const l = relativeLuminance(color);
  return (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05);
}

let probe: CanvasRenderingContext2D | null | undefined;
/** Any CSS colour to sRGB through a 1×1 canvas (oklch(), lab(), … as some engines serialize them). */
function viaCanvas(value: string): Rgba | undefined {
  probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) return undefined;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = value;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  return { r, g, b, a: a / 255 };
}

/** The element a box is painted over: parent, or the host across a shadow root. */
function parentOf(el: Element): Element | null {
  return el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
}

/**
 * 'light' or 'dark': from the first mostly opaque background behind `el`
 * (crossing shadow roots), else from the page canvas, which the root's
 * `color-scheme` paints (dark when it allows only dark, or dark and the OS is dark).
 */
export function schemeBehind(el: Element): 'light' | 'dark' {
  for (let node = parentOf(el); node; node = parentOf(node)) {
    const value = getComputedStyle(node).backgroundColor;
    const color = parseComputedColor(value) ?? viaCanvas(value);
    if (color && color.a >= 0.5) return isDark(color) ? 'dark' : 'light';
  }
  const root = getComputedStyle(document.documentElement).colorScheme;
  const dark = /\bdark\b/.test(root) && (!/\blight\b/.test(root) || matchMedia('(prefers-color-scheme: dark)').matches);
  return dark ? 'dark' : 'light';
}

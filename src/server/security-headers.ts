/**
 * The headers a merchant's checkout page should carry. kessai's embed and
 * elements run under them: no inline script or style of their own, Lit's
 * templates go through the `lit-html` Trusted Types policy.
 */

export interface SecurityHeadersOptions {
  /** A fresh random nonce per response, for the page's own inline `<script>` / `<style>` (none needed by kessai itself). */
  nonce?: string;
  /** Extra sources for `connect-src` (e.g. your PSP's token API origin). */
  connectSrc?: readonly string[];
  /** Extra sources for `script-src` (e.g. your PSP's token JS origin). */
  scriptSrc?: readonly string[];
  /** Extra sources for `frame-src` (e.g. your PSP's 3-D Secure or card-field iframes). */
  frameSrc?: readonly string[];
  /** Trusted Types policy names the page may create besides `lit-html` (e.g. `vue`, `react`). */
  trustedTypes?: readonly string[];
}

/** A strict Content-Security-Policy for a checkout page. */
export function checkoutContentSecurityPolicy(options: SecurityHeadersOptions = {}): string {
  const nonce = options.nonce ? ` 'nonce-${options.nonce}'` : '';
  const list = (extra?: readonly string[]) => (extra?.length ? ` ${extra.join(' ')}` : '');
  return [
    "default-src 'none'",
    `script-src 'self'${nonce}${list(options.scriptSrc)}`,
    `style-src 'self'${nonce}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${list(options.connectSrc)}`,
    options.frameSrc?.length ? `frame-src${list(options.frameSrc)}` : "frame-src 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types lit-html kessai${list(options.trustedTypes)}`, // kessai: the embed loads its parts (docs/embed.md)
  ].join('; ');
}

/**
 * Every header a checkout page should send: the CSP above (with
 * `frame-ancestors 'none'`: no other site may frame the form), `X-Frame-Options`
 * for old browsers, `nosniff`, a strict `Referrer-Policy`, and
 * `Cross-Origin-Opener-Policy`.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': checkoutContentSecurityPolicy(options),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

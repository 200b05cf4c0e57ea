/**
 * @module Escaping for server-rendered SVG
 *
 * Every piece of text that reaches an SVG string — titles, labels, country names, hrefs — passes
 * through `escapeXml`. The result is safe both as element text and inside a double-quoted attribute,
 * in SVG served alone (XML) and in SVG inlined into HTML.
 */

import { escapeHtml } from '../views/fragment.js';

// Characters that XML 1.0 forbids outright (C0 controls other than tab, newline, carriage return).
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Escapes text for XML/HTML element content and double-quoted attribute values: `& < > " '` become
 * entities (the platform's one `escapeHtml`), and control characters that XML forbids are dropped (they would make a standalone .svg
 * file unparseable).
 */
export function escapeXml(text: string): string {
  const s = String(text);
  // Fast path: most labels contain nothing to escape.
  if (!SPECIAL.test(s)) return s;
  return escapeHtml(FORBIDDEN.test(s) ? s.replace(XML_FORBIDDEN, '') : s);
}
const SPECIAL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Escapes a URL for an `href` attribute, refusing schemes that run code. Returns `undefined` for
 * `javascript:`, `vbscript:` and `data:` URLs so callers can render the element without a link.
 */
export function safeHref(url: string): string | undefined {
  const trimmed = String(url).trim();
  // A path (most links a chart has: the app's own) has no scheme to judge.
  if (trimmed.charCodeAt(0) === 47 /* / */) return escapeXml(trimmed);
  // Browsers ignore ASCII whitespace and control characters inside the scheme: strip them to judge it.
  const scheme = trimmed.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  if (/^(javascript|vbscript|data):/.test(scheme)) return undefined;
  return escapeXml(trimmed);
}

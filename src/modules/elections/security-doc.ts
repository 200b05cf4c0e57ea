/**
 * @module Elections: the "how it works" page's texts, rendered and sanitized by the platform's renderMarkdown
 * (marked + sanitize-html), read once and kept.
 * - guide/{es,en,pt,fr}.md: how elections work and what anyone can check, in plain words, in each language.
 * - docs/elections-security.md: the technical document (English), offered below the guide for specialists.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMarkdown } from '../../platform/views/markdown.js';
import type { Locale } from '../../platform/i18n/locales.js';

let cached: string | null | undefined;
const guides = new Map<Locale, string | null>();

/** The technical document as sanitized HTML (its own title left out: the page has one), or null when the file is missing. */
export async function securityDocHtml(): Promise<string | null> {
  if (cached !== undefined) return cached;
  try {
    const md = await readFile(join(process.cwd(), 'docs', 'elections-security.md'), 'utf8');
    cached = renderMarkdown(md.replace(/^#\s+.*\n/, ''), { minHeading: 3 });
  } catch {
    return null;
  }
  return cached;
}

/** The plain-language guide in one language, as sanitized HTML (null when the file is missing). */
export async function guideHtml(locale: Locale): Promise<string | null> {
  if (guides.has(locale)) return guides.get(locale)!;
  try {
    const md = await readFile(fileURLToPath(new URL(`./guide/${locale}.md`, import.meta.url)), 'utf8');
    const html = renderMarkdown(md, { minHeading: 2 });
    guides.set(locale, html);
    return html;
  } catch {
    return null;
  }
}

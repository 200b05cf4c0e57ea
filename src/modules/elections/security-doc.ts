/**
 * @module Elections: shows docs/elections-security.md on the site, rendered and sanitized by the platform's
 * renderMarkdown (marked + sanitize-html). Read once, then kept.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderMarkdown } from '../../platform/views/markdown.js';

let cached: string | null | undefined;

/** The document as sanitized HTML (its own title left out: the page has one), or null when the file is missing. */
export async function securityDocHtml(): Promise<string | null> {
  if (cached !== undefined) return cached;
  try {
    const md = await readFile(join(process.cwd(), 'docs', 'elections-security.md'), 'utf8');
    cached = renderMarkdown(md.replace(/^#\s+.*\n/, ''), { minHeading: 2 });
  } catch {
    return null;
  }
  return cached;
}

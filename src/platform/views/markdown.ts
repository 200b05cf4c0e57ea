/**
 * @module Markdown
 * The one way to show Markdown on a page: `renderMarkdown(md)` converts it with marked (GitHub-flavoured)
 * and sanitizes the HTML with sanitize-html before it can reach `dangerouslySetInnerHTML` — script tags,
 * event attributes and `javascript:` links do not survive. `minHeading: 2` shifts the document's headings
 * so the highest becomes an h2 (under the page's own h1).
 *
 * ```tsx
 * <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(news.body, { minHeading: 2 }) }} />
 * ```
 */
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: sanitizeHtml.defaults.allowedTags,
  allowedAttributes: { a: ['href', 'title'], code: ['class'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

/** Markdown → sanitized HTML. */
export function renderMarkdown(md: string, opts: { minHeading?: number } = {}): string {
  const marked = new Marked({ gfm: true, async: false });
  if (opts.minHeading) {
    const min = opts.minHeading;
    const top = Math.min(6, ...marked.lexer(md).filter((t): t is Tokens.Heading => t.type === 'heading').map((t) => t.depth));
    marked.use({ walkTokens: (t) => void (t.type === 'heading' && ((t as Tokens.Heading).depth = Math.min(6, (t as Tokens.Heading).depth - top + min))) });
  }
  return sanitizeHtml(marked.parse(md, { async: false }), SANITIZE);
}

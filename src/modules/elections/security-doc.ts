/**
 * @module Elections: shows docs/elections-security.md on the site, converted by a tiny, escaping Markdown
 * subset (headings, paragraphs, lists, code blocks, inline code, emphasis, links). Read once, then kept.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

let cached: string | null | undefined;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(s: string): string {
  return esc(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1');
}

/** Markdown subset → HTML. Everything is escaped first; only the constructs above become tags. */
export function markdownToHtml(md: string): string {
  const out: string[] = [];
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  // Shift headings so the document's highest level becomes h2 (the page has its own h1).
  let top = 6;
  let fenced = false;
  for (const l of lines) {
    if (l.startsWith('```')) fenced = !fenced;
    const m = !fenced && /^(#{1,6})\s/.exec(l);
    if (m) top = Math.min(top, m[1]!.length);
  }
  let para: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !lines[i]!.startsWith('```')) code.push(lines[i]!);
      out.push(`<pre><code>${esc(code.join('\n'))}</code></pre>`);
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      // The page has its own h1: the document's headings start at h2.
      const level = Math.min(6, h[1]!.length - top + 2);
      out.push(`<h${level}>${inline(h[2]!)}</h${level}>`);
      continue;
    }
    const li = /^\s*(?:([-*])|(\d+)\.)\s+(.*)$/.exec(line);
    if (li) {
      const tag = li[1] ? 'ul' : 'ol';
      if (para.length || (list && list.tag !== tag)) flush();
      list ??= { tag, items: [] };
      list.items.push(li[3]!);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    if (list && /^\s+/.test(line)) {
      list.items[list.items.length - 1] += ' ' + line.trim();
      continue;
    }
    if (line.startsWith('|')) {
      flush();
      out.push(`<pre>${esc(line)}</pre>`);
      continue;
    }
    para.push(line.trim());
  }
  flush();
  return out.join('\n').replace(/<\/pre>\n<pre>/g, '\n');
}

/** The document as HTML, or null when the file is missing. */
export async function securityDocHtml(): Promise<string | null> {
  if (cached !== undefined) return cached;
  try {
    const md = await readFile(join(process.cwd(), 'docs', 'elections-security.md'), 'utf8');
    cached = markdownToHtml(md.replace(/^#\s+.*\n/, ''));
  } catch {
    return null;
  }
  return cached;
}

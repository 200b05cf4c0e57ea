/**
 * A post's Markdown, through the platform's renderer (marked + sanitize-html), against an XSS corpus: nothing
 * that runs script, loads another site or escapes the text survives; images from other sites are refused at the
 * form with a message (`hasOutsideImage`), and removed if they reach the renderer anyway.
 */
import { describe, it, expect } from 'vitest';
import { renderMarkdown } from '../../platform/views/markdown.js';
import { hasOutsideImage, PostForm } from './schemas.js';

const CORPUS: [string, string][] = [
  ['script tag', '<script>alert(1)</script>'],
  ['script split across lines', '<scr\nipt>alert(1)</script>'],
  ['uppercase script', '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['svg onload', '<svg onload=alert(1)>'],
  ['event attribute on an allowed tag', '<b onmouseover="alert(1)">x</b>'],
  ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
  ['javascript: link', '[x](javascript:alert(1))'],
  ['JaVaScRiPt: link with entities', '[x](&#106;avascript:alert(1))'],
  ['javascript: link with spaces', '<a href=" javascript:alert(1)">x</a>'],
  ['vbscript: link', '[x](vbscript:msgbox(1))'],
  ['data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
  ['object', '<object data="https://evil.example/x.swf"></object>'],
  ['embed', '<embed src="https://evil.example/x.swf">'],
  ['form', '<form action="https://evil.example"><input name=p></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
  ['base tag', '<base href="https://evil.example/">'],
  ['link stylesheet', '<link rel=stylesheet href="https://evil.example/x.css">'],
  ['style tag', '<style>body{background:url(https://evil.example/t.png)}</style>'],
  ['markdown image from another site', '![tracker](https://evil.example/pixel.png)'],
  ['reference image', '![a][r]\n\n[r]: https://evil.example/pixel.png'],
  ['html comment hiding script', '<!-- --><script>alert(1)</script><!-- -->'],
  ['autolink javascript', '<javascript:alert(1)>'],
  ['math/annotation mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
];

/** Markup that runs script or loads another site (the same words left as plain text are harmless). */
const DANGER = /<script|<iframe|<object|<embed|<form|<meta|<base|<link|<style|<img|<svg|<math|\son\w+\s*=|\b(href|src|action|style)\s*=\s*["']?\s*(javascript|vbscript|data):|(href|src)\s*=\s*["']?https:\/\/evil\.example\/(x\.js|pixel|t\.png|x\.css|x\.swf)/i;

describe('the XSS corpus through renderMarkdown', () => {
  for (const [name, md] of CORPUS) {
    it(`removes: ${name}`, () => {
      const html = renderMarkdown(`Antes\n\n${md}\n\nDespués`);
      expect(html).not.toMatch(DANGER);
      // The text around survives (an unclosed block of raw HTML may take what follows it with it).
      expect(html).toContain('Antes');
    });
  }

  it('keeps what a post needs: headings, emphasis, lists, safe links, code, tables', () => {
    const html = renderMarkdown('## Título\n\n**negrita** y *cursiva*\n\n- uno\n- dos\n\n[informe](https://example.org/a?b=1&c=2) y [correo](mailto:a@example.org)\n\n`código`', { minHeading: 2 });
    expect(html).toContain('<h2>Título</h2>');
    expect(html).toContain('<strong>negrita</strong>');
    expect(html).toContain('<li>uno</li>');
    expect(html).toContain('href="https://example.org/a?b=1&amp;c=2"');
    expect(html).toContain('href="mailto:a@example.org"');
    expect(html).toContain('<code>código</code>');
  });

  it('shows typed angle brackets as text, never as markup', () => {
    expect(renderMarkdown('2 < 3 y `<b>`')).toContain('&lt;b&gt;');
  });
});

describe('images from other sites are refused at the form, with a message', () => {
  it('finds Markdown images and image tags', () => {
    for (const md of ['![a](https://evil.example/p.png)', '![a] (http://x)', 'x <img src="https://evil.example/p.png">', '<picture><source srcset="x"></picture>', '<svg><image href="x"/></svg>']) expect(hasOutsideImage(md)).toBe(true);
    for (const md of ['[a link](https://example.org)', 'an exclamation! [then a link](https://example.org)', undefined, '']) expect(hasOutsideImage(md)).toBe(false);
  });

  it('the form names the field and says what to do', () => {
    const r = PostForm.safeParse({ body: '', original_lang: 'es', title_es: 'T', body_es: 'Mira ![x](https://evil.example/x.png)', publish: 'draft' });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === 'body_es');
    expect(issue?.message).toBe('news.errors.outsideImage');
  });
});

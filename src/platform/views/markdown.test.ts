/** renderMarkdown: Markdown becomes HTML, and nothing that runs script survives. */
import { describe, it, expect } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders headings, lists, code, links and tables', () => {
    const html = renderMarkdown('# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n\n[site](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<a href="https://example.org">site</a>');
    expect(html).toContain('<td>2</td>');
  });

  it('shifts headings so the highest becomes minHeading', () => {
    const html = renderMarkdown('## A\n\n### B\n', { minHeading: 2 });
    expect(html).toContain('<h2>A</h2>');
    expect(html).toContain('<h3>B</h3>');
    expect(renderMarkdown('# A\n\n## B\n', { minHeading: 2 })).toContain('<h3>B</h3>');
  });

  it('drops script tags, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      'Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) and <a href="javascript:alert(4)">raw</a> and [data](data:text/html;base64,PHNjcmlwdD4=)\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/alert\(1\)/);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/data:text/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).toContain('click');
  });
});

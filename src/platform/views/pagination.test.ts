/** A list's page links (components.tsx `paginationHtml`, which `Pagination` renders): the pages shown, the links kept with the list's filters. */
import { describe, it, expect } from 'vitest';
import { paginationHtml } from './components.js';

const messages: Record<string, string> = { 'pagination.label': 'Pages', 'pagination.previous': 'Previous', 'pagination.next': 'Next' };
const t = (key: string, o?: Record<string, unknown>) => (key === 'pagination.page' ? `Page ${o?.page}` : key === 'pagination.summary' ? `Page ${o?.page} of ${o?.pages}` : messages[key]!);
const c = { get: () => t };

describe('page links', () => {
  it('are nothing for one page', () => {
    expect(paginationHtml(c, { page: 1, pages: 1, baseUrl: '/en/members' })).toBe('');
  });

  it('show the first, the last and the pages beside the current one, each link keeping the filters (escaped)', () => {
    const params = new URLSearchParams({ q: 'a&b "c"', country: 'CL' });
    expect(paginationHtml(c, { page: 4, pages: 9, baseUrl: '/en/members', params })).toBe(
      '<nav aria-label="Pages"><ul class="pagination">' +
        '<li><a href="/en/members?q=a%26b+%22c%22&amp;country=CL&amp;page=3" rel="prev">Previous</a></li>' +
        '<li><a href="/en/members?q=a%26b+%22c%22&amp;country=CL" aria-label="Page 1">1</a></li>' +
        '<li><a href="/en/members?q=a%26b+%22c%22&amp;country=CL&amp;page=3" aria-label="Page 3">3</a></li>' +
        '<li><span aria-current="page">4</span></li>' +
        '<li><a href="/en/members?q=a%26b+%22c%22&amp;country=CL&amp;page=5" aria-label="Page 5">5</a></li>' +
        '<li><a href="/en/members?q=a%26b+%22c%22&amp;country=CL&amp;page=9" aria-label="Page 9">9</a></li>' +
        '<li><a href="/en/members?q=a%26b+%22c%22&amp;country=CL&amp;page=5" rel="next">Next</a></li>' +
        '</ul><p class="muted small">Page 4 of 9</p></nav>',
    );
  });

  it('have no previous link on the first page and no next link on the last', () => {
    const first = paginationHtml(c, { page: 1, pages: 2, baseUrl: '/en/pledges' });
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('<a href="/en/pledges?page=2" rel="next">');
    const last = paginationHtml(c, { page: 2, pages: 2, baseUrl: '/en/pledges', params: new URLSearchParams({ page: '2' }) });
    expect(last).toContain('<a href="/en/pledges" rel="prev">');
    expect(last).not.toContain('rel="next"');
  });
});

/**
 * Kept bytes in a page (fragment.tsx `keptBytes`, `pageBytes`): the page's bytes are those of its text, whatever is kept as
 * bytes; and kept templates (`keptTemplate`): made once, filled per request.
 */
import { describe, it, expect } from 'vitest';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { keptBytes, writtenBytes, pageBytes, keptTemplate, keptRows, renderEach, renderPublic } from './fragment.js';

const request = () => ({}) as Context<AppEnv>;

describe('kept bytes', () => {
  it('copies each kept piece in place of its placeholder: the same bytes as the whole text encoded', () => {
    const c = request();
    const pieces = ['<p>Educación — “primera”</p>', '<ul><li>ñandú 🦤</li></ul>'];
    const text = `<main>${keptBytes(c, Buffer.from(pieces[0]!))}<hr/>${keptBytes(c, Buffer.from(pieces[1]!))}</main>`;
    expect(pageBytes(c, text).equals(Buffer.from(`<main>${pieces[0]}<hr/>${pieces[1]}</main>`))).toBe(true);
  });

  it('puts a large piece written for this request (writtenBytes) in as its bytes, the page\'s own text staying small', () => {
    const c = request();
    const chart = `<svg><text>1–3</text>${'<rect width="12"/>'.repeat(5000)}</svg>`;
    const part = String(writtenBytes(c, chart));
    expect(part.length).toBeLessThan(100);
    expect(pageBytes(c, `<main>${part}<p>…</p></main>`).equals(Buffer.from(`<main>${chart}<p>…</p></main>`))).toBe(true);
  });

  it('puts a piece written in parts (text and bytes) in as the parts one after another', () => {
    const c = request();
    const shape = Buffer.from('<path d="M0 0L9 9Z" fill="');
    const part = String(writtenBytes(c, ['<svg><a href="/es/p?c=PE" aria-label="Perú — 3">', shape, '#0072B2"/></a>', shape, 'url(#none)"/></svg>']));
    const text = `<main>${keptBytes(c, Buffer.from('<h2>Países</h2>'))}${part}<p>…</p></main>`;
    const want = '<main><h2>Países</h2><svg><a href="/es/p?c=PE" aria-label="Perú — 3"><path d="M0 0L9 9Z" fill="#0072B2"/></a><path d="M0 0L9 9Z" fill="url(#none)"/></svg><p>…</p></main>';
    expect(pageBytes(c, text).toString()).toBe(want);
  });

  it('leaves a page without kept bytes, and another request’s placeholders, as they are', () => {
    const other = request();
    const marker = String(keptBytes(other, Buffer.from('secret')));
    const c = request();
    expect(pageBytes(c, `<p>${marker}</p>`).toString()).toBe(`<p>${marker}</p>`);
    // A placeholder written by hand (without this process's nonce) is only text.
    const c2 = request();
    const forged = '<!--kept:x:0-->';
    const text = `${forged}${keptBytes(c2, Buffer.from('kept'))}`;
    expect(pageBytes(c2, text).toString()).toBe(`${forged}kept`);
  });

  it('encodes pages of any size, one after another, each with its own bytes', () => {
    // Larger than the scratch buffer at first (it grows), larger than it may grow to (the plain way), then small again.
    for (const n of [100, 200_000, 3_000_000, 10]) {
      const c = request();
      const body = 'é😀a'.repeat(n);
      const text = `<p>${body}</p>${keptBytes(c, Buffer.from('<i>ñ</i>'))}<p>${n}</p>`;
      expect(pageBytes(c, text).equals(Buffer.from(`<p>${body}</p><i>ñ</i><p>${n}</p>`)), String(n)).toBe(true);
      expect(pageBytes(request(), `<b>${body}</b>`).equals(Buffer.from(`<b>${body}</b>`)), String(n)).toBe(true);
    }
  });
});

describe('kept templates', () => {
  /** A request whose page cache keeps fragments for the test's life (counting how often each is made). */
  const kept = new Map<string, Promise<unknown>>();
  let made = 0;
  const cache = { fragment: (key: string, make: () => Promise<unknown>) => kept.get(key) ?? (kept.set(key, (made++, make())), kept.get(key)!), kept: () => undefined };
  const request = () => ({ get: (key: string) => (key === 'deps' ? { cache } : undefined) }) as unknown as Context<AppEnv>;

  it('renders once and fills each request’s slots, wherever they stand (text, an attribute, twice)', async () => {
    const make = (slot: Record<'title' | 'value', unknown>) => (
      <section>
        <h2>{slot.title}</h2>
        <input name="q" value={String(slot.value)} />
        <p>“{slot.title}” — ñ</p>
      </section>
    );
    const pages: string[] = [];
    for (const [title, value] of [
      ['<em>uno</em>', 'a &amp; b'],
      ['dos', ''],
    ]) {
      const c = request();
      const fill = await keptTemplate(c, 'test.section', ['title', 'value'] as const, make);
      pages.push(pageBytes(c, String(fill({ title: title!, value: value! }))).toString());
    }
    expect(made).toBe(1);
    expect(pages).toEqual([
      '<section><h2><em>uno</em></h2><input name="q" value="a &amp; b"/><p>“<em>uno</em>” — ñ</p></section>',
      '<section><h2>dos</h2><input name="q" value=""/><p>“dos” — ñ</p></section>',
    ]);
  });

  it('keeps rows: those not kept read in one call and written in one render, each its own HTML, a missing one empty', async () => {
    const loads: string[][] = [];
    const load = async (ids: string[]) => (loads.push([...ids]), new Map(ids.filter((id) => id !== 'gone').map((id) => [id, { id, name: `Fila <${id}> “ñ”` }])));
    const row = (r: { id: string; name: string }) => (
      <li id={r.id}>
        {r.name}
        {r.id === 'b' ? <b>!</b> : null}
      </li>
    );
    const first = await keptRows(request(), ['a', 'b', 'gone'], (id) => `test.row:${id}`, load, row);
    expect(first.map(String)).toEqual(['<li id="a">Fila &lt;a&gt; “ñ”</li>', '<li id="b">Fila &lt;b&gt; “ñ”<b>!</b></li>', '']);
    // Kept: the next page reads only the row it has not seen, and gives the kept ones as they were.
    const second = await keptRows(request(), ['c', 'b', 'a'], (id) => `test.row:${id}`, load, row);
    expect(second.map(String)).toEqual(['<li id="c">Fila &lt;c&gt; “ñ”</li>', '<li id="b">Fila &lt;b&gt; “ñ”<b>!</b></li>', '<li id="a">Fila &lt;a&gt; “ñ”</li>']);
    expect(loads).toEqual([['a', 'b', 'gone'], ['c']]);
  });

  it('renders several parts in one render, each as it renders alone (an empty one empty)', async () => {
    const parts = [<a href="/x?a=1&b=2">Uno “ñ”</a>, null, <p>{'<dos>'}</p>];
    const each = await renderEach(request(), parts);
    expect(each).toEqual(await Promise.all(parts.map((x) => renderPublic(request(), x))));
    expect(each).toEqual(['<a href="/x?a=1&amp;b=2">Uno “ñ”</a>', '', '<p>&lt;dos&gt;</p>']);
    expect(await renderEach(request(), [])).toEqual([]);
  });

  it('refuses a template that leaves out one of its slots, unless its variant says the slot is absent', async () => {
    await expect(keptTemplate(request(), 'test.missing', ['shown', 'lost'] as const, (slot) => <p>{slot.shown}</p>)).rejects.toThrow(/no place for lost/);
    await expect(keptTemplate(request(), 'test.missing.other', ['shown', 'lost'] as const, (slot) => <p>{slot.shown}</p>, { absent: { lost: false } })).rejects.toThrow(/no place for lost/);
    const c = request();
    const fill = await keptTemplate(c, 'test.absent', ['shown', 'lost'] as const, (slot) => <p>{slot.shown}</p>, { absent: { lost: true } });
    expect(pageBytes(c, String(fill({ shown: '<b>x</b>', lost: 'never' }))).toString()).toBe('<p><b>x</b></p>');
  });
});

/** Kept bytes in a page (fragment.tsx `keptBytes`, `pageBytes`): the page's bytes are those of its text, whatever is kept as bytes. */
import { describe, it, expect } from 'vitest';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { keptBytes, pageBytes } from './fragment.js';

const request = () => ({}) as Context<AppEnv>;

describe('kept bytes', () => {
  it('copies each kept piece in place of its placeholder: the same bytes as the whole text encoded', () => {
    const c = request();
    const pieces = ['<p>Educación — “primera”</p>', '<ul><li>ñandú 🦤</li></ul>'];
    const text = `<main>${keptBytes(c, Buffer.from(pieces[0]!))}<hr/>${keptBytes(c, Buffer.from(pieces[1]!))}</main>`;
    expect(pageBytes(c, text).equals(Buffer.from(`<main>${pieces[0]}<hr/>${pieces[1]}</main>`))).toBe(true);
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

/** The browser bundle's synchronous SHA-256 agrees with node:crypto (lengths around every block boundary, non-ASCII text). */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256HexSync } from './sha256.js';

const node = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256HexSync', () => {
  it('matches node:crypto', () => {
    expect(sha256HexSync('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (let n = 0; n < 300; n++) {
      const s = randomBytes(n).toString('base64').slice(0, n) + (n % 7 === 0 ? 'ñ€😀' : '');
      expect(sha256HexSync(s), `length ${n}`).toBe(node(s));
    }
  });
});

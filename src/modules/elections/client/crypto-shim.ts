/**
 * @module Browser stand-in for node:crypto (bundle.ts aliases `node:crypto` to this file in the browser bundle)
 * The verifier's core hashes synchronously (`sha256Hex`); browsers hash with Web Crypto, which is
 * asynchronous. So the in-browser check runs the unchanged core in rounds: `hash()` answers from a table
 * of digests already computed, and for any other text records it and returns a placeholder that can never
 * equal a real hash; `computePending()` then digests every recorded text with `crypto.subtle` and the core
 * runs again. Every link's text is known from the published hashes, so an intact record takes two rounds
 * and all its hashes come from Web Crypto. Texts that can only be known one after another (the head of a
 * broken chain, which the core recomputes link by link) are hashed in the second round by a small
 * synchronous SHA-256 (sha256.ts) instead of one round per link (measured: a 2,000-ballot record broken
 * at its first ballot took 93 s in rounds).
 */
import { sha256HexSync } from './sha256.js';


const digests = new Map<string, string>();
const pending = new Set<string>();
/** Unpredictable per page load, so no text in a record can imitate a placeholder. */
const token = (() => {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  return '\u0000' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('') + ':';
})();
let issued = 0;
/** After the first round of Web Crypto digests: hash what is still unknown on the spot. */
let synchronous = false;

/** node:crypto's one-shot `hash(algorithm, text, 'hex')`, answered from the table (SHA-256 only). */
export function hash(algorithm: string, data: string): string {
  if (algorithm !== 'sha256') throw new Error(`unsupported hash ${algorithm}`);
  const known = digests.get(data);
  if (known !== undefined) return known;
  if (synchronous) {
    const h = sha256HexSync(data);
    digests.set(data, h);
    return h;
  }
  // Text built from a placeholder is itself unknowable until the placeholder is replaced: not worth digesting.
  if (!data.includes(token)) pending.add(data);
  return token + issued++;
}

/** Not used in the browser: `hash` above is always present. */
export function createHash(): never {
  throw new Error('createHash is not available in the browser bundle');
}

/** node:crypto's `randomBytes`, from the browser's CSPRNG (the verifier never draws receipts; kept for completeness). */
export function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  globalThis.crypto.getRandomValues(b);
  return b;
}

/** How many texts wait to be digested since the last round. */
export const pendingCount = () => pending.size;

/** Digests every recorded text with Web Crypto (in parallel) and remembers the results. */
export async function computePending(): Promise<void> {
  const texts = [...pending];
  pending.clear();
  const enc = new TextEncoder();
  const out = await Promise.all(texts.map((t) => globalThis.crypto.subtle.digest('SHA-256', enc.encode(t))));
  out.forEach((buf, i) => {
    digests.set(texts[i]!, Array.from(new Uint8Array(buf), (x) => x.toString(16).padStart(2, '0')).join(''));
  });
}

/**
 * Runs `fn` (which calls the core) until every hash it asked for is known, and returns its last answer:
 * the same answer the core gives with node:crypto.
 */
export async function untilHashed<T>(fn: () => T): Promise<T> {
  synchronous = false;
  const first = fn();
  if (pending.size === 0) return first;
  await computePending();
  synchronous = true;
  try {
    return fn();
  } finally {
    synchronous = false;
  }
}

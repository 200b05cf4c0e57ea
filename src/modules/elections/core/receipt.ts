/**
 * @module Receipt codes
 * The code a voter sees once after casting a ballot and later looks up in the published record.
 * 16 symbols of Crockford base32 (80 random bits), shown in four groups: `K7QF-3MZP-9XRA-TW2D`.
 * The alphabet has no I, L, O or U, so codes read aloud or typed from paper survive; when typed
 * back, case, spaces and dashes are ignored and O→0, I/L→1 are corrected.
 */
import { randomBytes } from 'node:crypto';

/** Crockford's base32 alphabet. */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A receipt code in canonical form. */
export const RECEIPT_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A new random receipt code (80 bits from the operating system's CSPRNG), e.g. `K7QF-3MZP-9XRA-TW2D`.
 * Guessing any one of a million receipts in an election succeeds with probability about 1 in 10^18.
 */
export function newReceiptCode(): string {
  const bytes = randomBytes(10);
  // 80 bits → 16 groups of 5 bits, most significant first.
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < 10; i++) {
    acc = (acc << 8) | bytes[i]!;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += RECEIPT_ALPHABET[(acc >>> bits) & 31];
      if (out.length === 4 || out.length === 9 || out.length === 14) out += '-';
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

/** True when `code` is a receipt code in canonical form. */
export function isReceiptCode(code: unknown): code is string {
  return typeof code === 'string' && RECEIPT_PATTERN.test(code);
}

/**
 * Reads a receipt code as a person typed it (any case, spaces or dashes anywhere, O for 0, I or L
 * for 1) and returns it in canonical form, or null when it cannot be a receipt code.
 */
export function normalizeReceipt(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== 16) return null;
  for (const ch of s) if (!RECEIPT_ALPHABET.includes(ch)) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}`;
}

const SYMBOL_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < RECEIPT_ALPHABET.length; i++) SYMBOL_VALUE[RECEIPT_ALPHABET.charCodeAt(i)] = i;

/**
 * A fast check of a canonical receipt code for the verifier's hot loop: -1 when `code` is not in
 * canonical form, else the value of its first 6 symbols (30 bits), which lets duplicate receipts be
 * found by sorting a Uint32Array instead of hashing a million strings (equal codes have equal keys;
 * the few random key collisions are settled by comparing the full codes).
 */
export function receiptKey(code: string): number {
  if (code.length !== 19) return -1;
  let key = 0;
  let symbols = 0;
  for (let i = 0; i < 19; i++) {
    const ch = code.charCodeAt(i);
    if (i === 4 || i === 9 || i === 14) {
      if (ch !== 45) return -1; // '-'
      continue;
    }
    const v = ch < 128 ? SYMBOL_VALUE[ch]! : -1;
    if (v < 0) return -1;
    if (symbols++ < 6) key = (key << 5) | v;
  }
  return key;
}

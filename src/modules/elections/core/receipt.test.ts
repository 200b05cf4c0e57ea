/** Tests of receipt codes: format, randomness, and reading them back as people type them. */
import { describe, expect, it } from 'vitest';
import { isReceiptCode, newReceiptCode, normalizeReceipt, RECEIPT_ALPHABET, receiptKey } from './receipt.js';

describe('newReceiptCode', () => {
  it('makes four groups of four Crockford base32 symbols', () => {
    for (let i = 0; i < 200; i++) {
      const code = newReceiptCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      expect(isReceiptCode(code)).toBe(true);
    }
  });

  it('does not repeat and uses the whole alphabet', () => {
    const codes = new Set<string>();
    const symbols = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const code = newReceiptCode();
      codes.add(code);
      for (const ch of code.replace(/-/g, '')) symbols.add(ch);
    }
    expect(codes.size).toBe(20_000);
    expect(symbols.size).toBe(RECEIPT_ALPHABET.length);
  });
});

describe('normalizeReceipt', () => {
  it('accepts lower case, spaces, missing dashes and the usual misreadings', () => {
    expect(normalizeReceipt('k7qf-3mzp-9xra-tw2d')).toBe('K7QF-3MZP-9XRA-TW2D');
    expect(normalizeReceipt(' K7QF 3MZP 9XRA TW2D ')).toBe('K7QF-3MZP-9XRA-TW2D');
    expect(normalizeReceipt('K7QF3MZP9XRATW2D')).toBe('K7QF-3MZP-9XRA-TW2D');
    expect(normalizeReceipt('OOIL-0000-0000-0000')).toBe('0011-0000-0000-0000');
  });

  it('refuses what cannot be a receipt', () => {
    expect(normalizeReceipt('K7QF-3MZP-9XRA')).toBeNull();
    expect(normalizeReceipt('K7QF-3MZP-9XRA-TW2DX')).toBeNull();
    expect(normalizeReceipt('UUUU-3MZP-9XRA-TW2D')).toBeNull();
    expect(normalizeReceipt('K7QF-3MZP-9XRA-TW2!')).toBeNull();
  });
});

describe('receiptKey', () => {
  it('is -1 for anything but a canonical code, and equal for equal codes', () => {
    expect(receiptKey('k7qf-3mzp-9xra-tw2d')).toBe(-1);
    expect(receiptKey('K7QF3MZP9XRATW2D')).toBe(-1);
    expect(receiptKey('K7QF-3MZP-9XRA-TW2U')).toBe(-1);
    expect(receiptKey('ZZZZ-ZZZZ-ZZZZ-ZZZZ')).toBe(2 ** 30 - 1);
    expect(receiptKey('0000-01ZZ-ZZZZ-ZZZZ')).toBe(1);
    expect(receiptKey('0000-0000-0000-0000')).toBe(0);
    const code = newReceiptCode();
    expect(receiptKey(code)).toBe(receiptKey(code));
  });
});

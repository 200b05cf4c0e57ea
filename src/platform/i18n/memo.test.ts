/**
 * The translator remembers strings it has made (platform/i18n/i18n.ts, decisions/0006): every answer must be
 * exactly what i18next gives for the same key and options — plurals, interpolation, missing keys — the
 * first time and every time after.
 */
import { describe, it, expect } from 'vitest';
import i18next from 'i18next';
import { createI18n } from './i18n.js';
import { LOCALES, DEFAULT_LOCALE } from './locales.js';
import { modules } from '../../modules/index.js';

const i18n = createI18n(modules);
const direct = i18next.createInstance();
void direct.init({
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: i18n.catalogs[l] }])),
  lng: DEFAULT_LOCALE,
  fallbackLng: false,
  supportedLngs: [...LOCALES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
} as any);

function leaves(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v as Record<string, unknown>, `${prefix}${k}.`)));
}

describe('memoized translator', () => {
  it('gives what i18next gives, for every key without options, twice', () => {
    for (const l of LOCALES) {
      const t = i18n.t(l);
      const d = direct.getFixedT(l);
      for (const key of leaves(i18n.catalogs[l] as Record<string, unknown>)) {
        expect(t(key), `${l} ${key}`).toBe(d(key));
        expect(t(key), `${l} ${key} (again)`).toBe(d(key));
      }
    }
  });

  it('gives what i18next gives with options: plurals for several counts, interpolated values, in any order of calls', () => {
    for (const l of LOCALES) {
      const t = i18n.t(l);
      const d = direct.getFixedT(l);
      const all = leaves(i18n.catalogs[l] as Record<string, unknown>);
      const plural = [...new Set(all.filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length)))];
      const interpolated = all.filter((k) => !/_(one|other|many|zero)$/.test(k) && direct.getFixedT(l)(k).includes('{{'));
      expect(plural.length).toBeGreaterThan(0);
      expect(interpolated.length).toBeGreaterThan(20);
      for (const round of [0, 1]) {
        for (const key of [...plural, ...interpolated]) {
          for (const count of [0, 1, 2, 3, 11, 21, 1.5, 1_000_000]) {
            const opts = { count, n: count, name: 'Ana', body: 'Mesa 1', title: `x${round}` };
            expect(t(key, opts), `${l} ${key} ${count}`).toBe(d(key, opts as any));
          }
        }
      }
    }
  });

  it('keeps apart options that differ only in type or in where a value ends', () => {
    const t = i18n.t('en');
    const d = direct.getFixedT('en');
    const key = 'reference.objectives.numbered';
    expect(t(key, { n: 7, title: 'a' })).toBe(d(key, { n: 7, title: 'a' }));
    expect(t(key, { n: '7', title: 'a' })).toBe(d(key, { n: '7', title: 'a' }));
    expect(t(key, { n: 'a\u0000title\u0000"b"', title: 'c' })).toBe(d(key, { n: 'a\u0000title\u0000"b"', title: 'c' }));
    expect(t(key, { n: 8, title: 'a' })).not.toBe(t(key, { n: 7, title: 'a' }));
  });

  it('fills a kept template with each call’s values: a count as text, several counts of one plural form, values of every kind', () => {
    for (const l of LOCALES) {
      const t = i18n.t(l);
      const d = direct.getFixedT(l);
      const key = 'practices.search.results';
      for (const count of [2, 3, 5, 7, 1234, 0, 1, 0]) expect(t(key, { count }), `${l} ${count}`).toBe(d(key, { count }));
      expect(t(key, { count: '{count}' })).toBe(d(key, { count: '{count}' }));
      for (const opts of [{ n: true, title: 'x' }, { n: undefined, title: 'y' }, { n: null, title: 'z' }, { n: 3, title: '' }])
        expect(t('reference.objectives.numbered', opts), `${l} ${JSON.stringify(opts)}`).toBe(d('reference.objectives.numbered', opts as any));
    }
  });

  it('answers a missing key with the key, as i18next does, without remembering it', () => {
    const t = i18n.t('es');
    expect(t('no.such.key')).toBe('no.such.key');
    expect(t('no.such.key', { count: 2 })).toBe(direct.getFixedT('es')('no.such.key', { count: 2 }));
  });
});

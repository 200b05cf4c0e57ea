/** Every interface string exists in all four languages, with the same placeholders; and the helpers behave. */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createI18n, formatters } from './i18n.js';
import { LOCALES, negotiateLocale } from './locales.js';
import { pickTranslated, parseTranslated } from './translated.js';
import { modules } from '../../modules/index.js';
import type { Catalog } from '../module.js';

function flatten(c: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('interface catalogs', () => {
  const i18n = createI18n(modules);
  const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(i18n.catalogs[l])])) as Record<string, Map<string, string>>;

  it.each(LOCALES.filter((l) => l !== 'es'))('%s has exactly the keys of Spanish, with the same placeholders', (l) => {
    const es = flat.es!;
    const other = flat[l]!;
    expect([...es.keys()].filter((k) => !other.has(k)), `missing in ${l}`).toEqual([]);
    expect([...other.keys()].filter((k) => !es.has(k)), `extra in ${l}`).toEqual([]);
    for (const [k, v] of es) expect(placeholders(other.get(k)!), `${l}:${k}`).toEqual(placeholders(v));
  });

  it('has no empty strings', () => {
    for (const l of LOCALES) for (const [k, v] of flat[l]!) expect(v.trim(), `${l}:${k}`).not.toBe('');
  });

  it('defines every key the code asks for', () => {
    const keys = new Set<string>();
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f) && !/\.test\./.test(f)) {
          const code = readFileSync(p, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
          for (const m of code.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*\.[\w.]+)'/g)) keys.add(m[1]!);
          // Refusal reasons (Outcome) and notification messages are message keys too.
          for (const m of code.matchAll(/\bfail\(\s*'([a-zA-Z][\w.]*\.[\w.]+)'/g)) keys.add(m[1]!);
          for (const m of code.matchAll(/\b(?:subject|body):\s*'([a-z][\w]*\.[\w.]+)'/g)) keys.add(m[1]!);
        }
      }
    };
    walk(join(import.meta.dirname, '../..'));
    const missing = [...keys].filter((k) => !flat.es!.has(k) && !flat.es!.has(`${k}_one`) && !flat.es!.has(`${k}_other`));
    expect(missing).toEqual([]);
  });
});

describe('language helpers', () => {
  it('negotiates Accept-Language', () => {
    expect(negotiateLocale('pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt');
    expect(negotiateLocale('de-DE,fr;q=0.5')).toBe('fr');
    expect(negotiateLocale('de-DE')).toBe('es');
    expect(negotiateLocale(undefined)).toBe('es');
    expect(negotiateLocale('en;q=0.1,fr;q=0.9')).toBe('fr');
  });

  it('falls back honestly when a text is not translated', () => {
    expect(pickTranslated('{"es":"Hola","en":"Hello"}', 'en')).toEqual({ text: 'Hello', lang: 'en', fallback: false });
    expect(pickTranslated('{"es":"Hola"}', 'fr')).toEqual({ text: 'Hola', lang: 'es', fallback: true });
    expect(pickTranslated('{"pt":"Olá"}', 'fr')).toEqual({ text: 'Olá', lang: 'pt', fallback: true });
    expect(pickTranslated('{}', 'fr')).toBeNull();
    expect(parseTranslated('{"es":"  ","xx":"?","en":"Hi"}')).toEqual({ en: 'Hi' });
  });

  it('chooses plurals per locale, large numbers included', () => {
    const i18n = createI18n([]);
    expect(i18n.t('fr')('admin.outbox.count', { count: 0 })).toBe('0 message');
    expect(i18n.t('en')('admin.outbox.count', { count: 0 })).toBe('0 messages');
    expect(i18n.t('es')('admin.outbox.count', { count: 1 })).toBe('1 mensaje');
    expect(i18n.t('es')('admin.outbox.count', { count: 1000000 })).toBe('1000000 mensajes');
    expect(i18n.t('pt')('admin.outbox.count', { count: 2 })).toBe('2 mensagens');
  });

  it('formats dates and numbers per locale', () => {
    expect(formatters('es').number(12345.5)).toBe('12,345.5'); // es-419 groups thousands with commas
    expect(formatters('fr').number(12345)).toMatch(/12\s?345/);
    expect(formatters('pt').date('2026-03-05T12:00:00Z')).toBe('5 de março de 2026');
    expect(formatters('en').date('2026-03-05T12:00:00Z')).toBe('March 5, 2026');
  });

  it('formats kept whole numbers exactly as Intl does, twice over, in every language and zone', () => {
    const odd = [0, -0, 1, 7, 999, 1000, 9999, 10_000, 123_456, -3, 2.5, NaN, Infinity];
    for (const [locale, tag] of [['es', 'es-419'], ['en', 'en'], ['pt', 'pt-BR'], ['fr', 'fr']] as const) {
      const intl = new Intl.NumberFormat(tag);
      for (const zone of ['UTC', 'America/Lima'])
        for (const round of [1, 2]) for (const n of odd) expect(formatters(locale, zone).number(n), `${locale} ${zone} ${n} ${round}`).toBe(intl.format(n));
    }
  });

  it('formats a time in a named zone, so Mexico City and São Paulo each read their own hour', () => {
    const at = '2026-03-05T17:00:00Z';
    expect(formatters('en').dateTimeIn(at, 'America/Mexico_City')).toMatch(/11:00 CST/);
    expect(formatters('pt').dateTimeIn(at, 'America/Sao_Paulo')).toMatch(/14:00 (BRT|GMT-3)/);
    expect(formatters('es').dateTimeIn(at, 'Not/AZone')).toMatch(/17:00 UTC/);
  });
});

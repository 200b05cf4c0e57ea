/** The digest's assembly without a database: empty sections left out, nothing when empty, each language, text and HTML, tokens. */
import { describe, it, expect } from 'vitest';
import { assembleDigest, type DigestSection } from './assemble.js';
import { unsubscribeToken, verifyUnsubscribeToken, TOKEN_DAYS } from './token.js';
import { periodOf } from './run.js';
import { createI18n } from '../i18n/i18n.js';
import { LOCALES } from '../i18n/locales.js';
import { modules } from '../../modules/index.js';
import { updateKinds, modesFor, defaultMode } from './kinds.js';
import { notificationKinds } from '../notify/notify.js';

const i18n = createI18n(modules);
const section = (kind: string, n: number, total = n): DigestSection => ({
  kind,
  title: `Section ${kind}`,
  items: Array.from({ length: n }, (_, i) => ({ title: `Item ${kind} ${i} <b>&`, href: `https://x.example/es/${kind}/${i}`, at: '2026-12-01T10:00:00.000Z', note: i === 0 ? 'a note' : undefined })),
  total,
  href: `https://x.example/es/${kind}`,
  unsubscribe: `https://x.example/es/unsubscribe/${kind}`,
});
const base = { name: 'Ana', settingsUrl: 'https://x.example/es/account/notifications', unsubscribeAll: 'https://x.example/es/unsubscribe/all' };

describe('digest assembly', () => {
  it('is nothing when every section is empty', () => {
    expect(assembleDigest({ ...base, cadence: 'weekly', t: i18n.t('es'), sections: [] })).toBeNull();
    expect(assembleDigest({ ...base, cadence: 'weekly', t: i18n.t('es'), sections: [section('a', 0), section('b', 0)] })).toBeNull();
  });

  it('leaves empty sections out and keeps the order given', () => {
    const m = assembleDigest({ ...base, cadence: 'weekly', t: i18n.t('en'), sections: [section('a', 2), section('b', 0), section('c', 1)] })!;
    expect(m.text).toContain('== Section a (2) ==');
    expect(m.text).not.toContain('Section b');
    expect(m.text.indexOf('Section a')).toBeLessThan(m.text.indexOf('Section c'));
    expect(m.html).not.toContain('Section b');
    expect(m.subject).toBe('Your weekly digest: 3 new things');
  });

  it('says how many more there are beyond the listed items, with the link to all', () => {
    const m = assembleDigest({ ...base, cadence: 'daily', t: i18n.t('en'), sections: [section('a', 2, 7)] })!;
    expect(m.text).toContain('…and 5 more https://x.example/es/a');
    expect(m.html).toContain('href="https://x.example/es/a"');
  });

  it('escapes every text in the HTML part and carries the one-click headers (RFC 8058)', () => {
    const m = assembleDigest({ ...base, cadence: 'weekly', t: i18n.t('es'), sections: [section('a', 1)] })!;
    expect(m.html).toContain('Item a 0 &lt;b&gt;&amp;');
    expect(m.html).not.toContain('<b>&');
    expect(m.text).toContain('Item a 0 <b>&'); // plain text stays as written
    expect(m.headers['List-Unsubscribe']).toBe('<https://x.example/es/unsubscribe/all>');
    expect(m.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(m.html).toContain('href="https://x.example/es/unsubscribe/a"');
  });

  it('drops links that are not http(s) from the HTML', () => {
    const s = section('a', 1);
    s.items[0]!.href = 'javascript:alert(1)';
    const m = assembleDigest({ ...base, cadence: 'weekly', t: i18n.t('es'), sections: [s] })!;
    expect(m.html).not.toContain('javascript:');
  });

  it.each(LOCALES)('reads in %s, subject, text and HTML, with no message key left', (l) => {
    const m = assembleDigest({ ...base, cadence: 'weekly', t: i18n.t(l), sections: [section('a', 1), section('b', 2)] })!;
    for (const part of [m.subject, m.text, m.html]) expect(part).not.toMatch(/digest\.mail|\{\{/);
    const other = LOCALES.filter((x) => x !== l).map((x) => assembleDigest({ ...base, cadence: 'weekly', t: i18n.t(x), sections: [section('a', 1), section('b', 2)] })!.subject);
    expect(other).not.toContain(m.subject);
    expect(m.text).toContain('Ana');
  });

  it('names the one new thing in the subject of an immediate mail', () => {
    const m = assembleDigest({ ...base, cadence: 'immediate', t: i18n.t('pt'), sections: [section('a', 1)] })!;
    expect(m.subject).toBe('Novidade no dialogo: Item a 0 <b>&');
  });
});

describe('update kinds', () => {
  it('every label exists in every language, and no update kind reuses a notification kind', () => {
    const kinds = updateKinds(modules);
    expect(kinds.length).toBeGreaterThanOrEqual(7);
    for (const l of LOCALES) for (const k of kinds) expect(i18n.t(l)(k.label)).not.toBe(k.label);
    const notes = new Set(notificationKinds(modules).map((k) => k.kind));
    for (const k of kinds) expect(notes.has(k.kind)).toBe(false);
  });
  it('defaults to the weekly digest; a stored choice the kind does not offer falls back to it', () => {
    const kinds = updateKinds(modules);
    const ahead = kinds.find((k) => k.cadences && !k.cadences.includes('immediate'))!;
    expect(defaultMode(ahead)).toBe('weekly');
    const m = modesFor(kinds, { [ahead.kind]: 'immediate', 'practices.new': 'off' });
    expect(m[ahead.kind]).toBe('weekly');
    expect(m['practices.new']).toBe('off');
  });
});

describe('periods', () => {
  it('weekly: the week before the Monday of the tick, in UTC', () => {
    expect(periodOf('weekly', new Date('2026-12-07T06:00:00Z'))).toEqual({ period: '2026-11-30', since: '2026-11-30T00:00:00.000Z', until: '2026-12-07T00:00:00.000Z' });
    // A retried run days later covers the same week.
    expect(periodOf('weekly', new Date('2026-12-09T13:00:00Z')).period).toBe('2026-11-30');
    expect(periodOf('weekly', new Date('2026-12-06T23:59:00Z')).period).toBe('2026-11-23');
  });
  it('daily: the day before; immediate: since the previous run', () => {
    expect(periodOf('daily', new Date('2026-12-02T06:00:00Z'))).toEqual({ period: '2026-12-01', since: '2026-12-01T00:00:00.000Z', until: '2026-12-02T00:00:00.000Z' });
    expect(periodOf('immediate', new Date('2026-12-02T06:05:00Z'), '2026-12-02T06:00:00.000Z').since).toBe('2026-12-02T06:00:00.000Z');
    expect(periodOf('immediate', new Date('2026-12-02T06:05:00Z')).since).toBe('2026-12-02T06:00:00.000Z');
  });
});

describe('unsubscribe tokens', () => {
  const secret = 'x'.repeat(40);
  it('a genuine token names its person and scope', () => {
    const tok = unsubscribeToken(secret, 'user00000000000a', 'all');
    expect(verifyUnsubscribeToken(secret, tok)).toMatchObject({ userId: 'user00000000000a', scope: 'all' });
  });
  it('refuses a forged signature, another secret, a payload moved to another person, and an expired token', () => {
    const tok = unsubscribeToken(secret, 'user00000000000a', 'practices.new');
    const [payload, sig] = tok.split('.');
    expect(verifyUnsubscribeToken(secret, `${payload}.${'A'.repeat(43)}`)).toBeNull();
    expect(verifyUnsubscribeToken('y'.repeat(40), tok)).toBeNull();
    const other = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('user00000000000a', 'user00000000000b')).toString('base64url');
    expect(verifyUnsubscribeToken(secret, `${other}.${sig}`)).toBeNull();
    const later = new Date(Date.now() + (TOKEN_DAYS + 1) * 86_400_000);
    expect(verifyUnsubscribeToken(secret, tok, later)).toBeNull();
    expect(verifyUnsubscribeToken(secret, 'garbage')).toBeNull();
  });
});

/** The session cache's own rules: time to live, the session's expiry, clearing, and lookups that straddle a clear. */
import { describe, it, expect } from 'vitest';
import { createSessionCache } from './session-cache.js';

const user = { id: 'u1', name: 'Ana', email: 'ana@example.org', role: 'member' as const, locale: 'es' as const, emailVerified: true };
const far = new Date(Date.UTC(2100, 0, 1));

describe('session cache', () => {
  it('keeps an entry for the TTL, then forgets it', () => {
    let now = 1_000_000;
    const c = createSessionCache({ ttlSeconds: 10, now: () => now });
    c.set('cookie-a', c.generation, { user, token: 't1' }, far);
    expect(c.get('cookie-a')?.user.id).toBe('u1');
    now += 9_999;
    expect(c.get('cookie-a')?.token).toBe('t1');
    now += 1;
    expect(c.get('cookie-a')).toBeUndefined();
    expect(c.get('cookie-b')).toBeUndefined();
  });

  it('never outlives the session itself', () => {
    let now = Date.UTC(2030, 0, 1);
    const c = createSessionCache({ ttlSeconds: 60, now: () => now });
    c.set('cookie-a', c.generation, { user, token: 't1' }, new Date(now + 5_000));
    now += 4_999;
    expect(c.get('cookie-a')).toBeDefined();
    now += 1;
    expect(c.get('cookie-a')).toBeUndefined();
    // Already expired: not stored at all.
    c.set('cookie-b', c.generation, { user, token: 't2' }, new Date(now - 1));
    expect(c.size).toBe(0);
  });

  it('clear() forgets everything, and a lookup that started before the clear is not stored after it', () => {
    const c = createSessionCache({ ttlSeconds: 10 });
    c.set('cookie-a', c.generation, { user, token: 't1' }, far);
    const before = c.generation;
    c.clear();
    expect(c.get('cookie-a')).toBeUndefined();
    c.set('cookie-b', before, { user, token: 't2' }, far);
    expect(c.get('cookie-b')).toBeUndefined();
    c.set('cookie-b', c.generation, { user, token: 't2' }, far);
    expect(c.get('cookie-b')?.token).toBe('t2');
  });

  it('stores a frozen copy (a handler cannot change what the next request sees) and is off with TTL 0', () => {
    const c = createSessionCache({ ttlSeconds: 10 });
    const mine = { ...user };
    c.set('cookie-a', c.generation, { user: mine, token: 't1' }, far);
    mine.role = 'admin' as any;
    expect(c.get('cookie-a')?.user.role).toBe('member');
    expect(Object.isFrozen(c.get('cookie-a')!.user)).toBe(true);
    const off = createSessionCache({ ttlSeconds: 0 });
    off.set('cookie-a', off.generation, { user, token: 't1' }, far);
    expect(off.get('cookie-a')).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const c = createSessionCache({ ttlSeconds: 10, maxEntries: 2 });
    for (const k of ['a', 'b', 'c']) c.set(k, c.generation, { user, token: k }, far);
    expect(c.size).toBe(2);
    expect(c.get('a')).toBeUndefined();
    expect(c.get('c')?.token).toBe('c');
  });

  it('runs one lookup at a time per cookie: concurrent requests share it, another cookie has its own', async () => {
    const cache = createSessionCache({ ttlSeconds: 10 });
    let lookups = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const lookup = async () => {
      lookups++;
      await gate;
      return lookups;
    };
    const same = [cache.once('a', lookup), cache.once('a', lookup), cache.once('a', lookup)];
    const other = cache.once('b', lookup);
    release();
    expect(await Promise.all(same)).toEqual([2, 2, 2]);
    expect(await other).toBe(2);
    expect(lookups).toBe(2);
    // Done: the next miss looks up again; a failure is shared by the waiters and not remembered.
    expect(await cache.once('a', async () => 'again')).toBe('again');
    await expect(Promise.all([cache.once('c', () => Promise.reject(new Error('down'))), cache.once('c', async () => 'x')])).rejects.toThrow('down');
    expect(await cache.once('c', async () => 'up')).toBe('up');
  });
});

/**
 * Accounts against an attacker, on SQLite and PostgreSQL (issue 9, items 2–4): sign-up and the join form
 * take as long for an address with an account as for a new one; wrong passwords from one client do not
 * lock the owner out elsewhere, and successful sign-ins do not use up a client's allowance; common,
 * blank, repeated and personal passwords are refused beside the field in the visitor's language.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DIALECTS, createTestContext, signUpAndIn, lastMail, type TestContext, type TestClient } from '../support/context.js';
import { ensureVerifiedUser } from '../../src/platform/auth/users.js';
import { hit } from '../../src/platform/http/rate-limit.js';

/** Posts a form as `c` would, from the client address `ip` (the test context trusts one proxy hop). */
async function postFrom(c: TestClient, ip: string, path: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams({ _csrf: await c.csrf() });
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return c.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip } });
}

/** Milliseconds one request takes. */
async function timed(f: () => Promise<Response>, expected: number): Promise<number> {
  const start = performance.now();
  const r = await f();
  const ms = performance.now() - start;
  expect(r.status).toBe(expected);
  return ms;
}

/** Both ways, the slowest of one set is slower than the fastest of the other: the distributions overlap. */
function expectOverlap(a: number[], b: number[]) {
  expect(Math.max(...a), `existing ${a.map(Math.round)} vs new ${b.map(Math.round)}`).toBeGreaterThan(Math.min(...b));
  expect(Math.max(...b), `new ${b.map(Math.round)} vs existing ${a.map(Math.round)}`).toBeGreaterThan(Math.min(...a));
}

const APPLY = {
  acronym: 'X',
  country: 'CL',
  countries: ['CL'],
  city: 'Santiago',
  type: 'network',
  objectives: ['1'],
  languages: ['es'],
  social: '',
  description: 'Una organización de prueba.',
  description_lang: 'es',
  role_title: 'Coordinadora',
  person_name: 'Persona Prueba',
  password: 'a-long-password-1',
  confirm: 'a-long-password-1',
  accept_principles: 'on',
  accept_terms: 'on',
};

describe.each(DIALECTS)('accounts against an attacker on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect, { TRUST_PROXY: '1' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('answers sign-up for an address with an account as slowly as for a new one', async () => {
    const c = ctx.client();
    const owner = `owner-${dialect}@example.org`;
    await ensureVerifiedUser(ctx.db, { email: owner, name: 'Owner', password: 'owner-password-42' });
    const existing: number[] = [];
    const fresh: number[] = [];
    const form = (email: string) => ({ name: 'Someone', email, password: 'a-long-password-1', confirm: 'a-long-password-1' });
    await postFrom(c, '192.0.2.10', '/es/sign-up', form(`warm-${dialect}@example.org`));
    for (let i = 0; i < 8; i++) {
      existing.push(await timed(() => postFrom(c, '192.0.2.10', '/es/sign-up', form(owner)), 303));
      fresh.push(await timed(() => postFrom(c, '192.0.2.10', '/es/sign-up', form(`new-${i}-${dialect}@example.org`)), 303));
    }
    expectOverlap(existing, fresh);
  });

  it('answers the join form for an address with an account as slowly as for a new one', async () => {
    const c = ctx.client();
    const owner = `joiner-${dialect}@example.org`;
    await ensureVerifiedUser(ctx.db, { email: owner, name: 'Joiner', password: 'owner-password-42' });
    const existing: number[] = [];
    const fresh: number[] = [];
    const form = (i: string, email: string) => ({ ...APPLY, name: `Organización ${i}`, website: `https://org-${i}.example.org`, email });
    for (let i = 0; i < 8; i++) {
      existing.push(await timed(() => postFrom(c, '192.0.2.11', '/es/join', form(`e${i}`, owner)), 303));
      fresh.push(await timed(() => postFrom(c, '192.0.2.12', '/es/join', form(`n${i}`, `joiner-${i}-${dialect}@example.org`)), 303));
    }
    expectOverlap(existing, fresh);
  });

  it('does not lock the owner out when someone else sends wrong passwords for the address', async () => {
    const email = `victim-${dialect}@example.org`;
    await ensureVerifiedUser(ctx.db, { email, name: 'Victim', password: 'victim-password-42' });
    const attacker = ctx.client();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await postFrom(attacker, '203.0.113.66', '/es/sign-in', { email, password: 'wrong-password' })).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
    // The attacker's client stays limited even with the right password; the owner, elsewhere, gets in.
    expect((await postFrom(attacker, '203.0.113.66', '/es/sign-in', { email, password: 'victim-password-42' })).status).toBe(429);
    const owner = ctx.client();
    expect((await postFrom(owner, '198.51.100.7', '/es/sign-in', { email, password: 'victim-password-42' })).status).toBe(303);
  });

  it('stops every client once an address reaches its ceiling across clients', async () => {
    const email = `ceiling-${dialect}@example.org`;
    await ensureVerifiedUser(ctx.db, { email, name: 'Ceiling', password: 'ceiling-password-42' });
    for (let i = 0; i < 100; i++) await hit(ctx.db, `signin:email:${email}`, { max: 100, windowSeconds: 900 });
    expect((await postFrom(ctx.client(), '198.51.100.8', '/es/sign-in', { email, password: 'ceiling-password-42' })).status).toBe(429);
  });

  it('counts only failed sign-ins against a client address', async () => {
    const email = `regular-${dialect}@example.org`;
    await ensureVerifiedUser(ctx.db, { email, name: 'Regular', password: 'regular-password-42' });
    const ip = '198.51.100.9';
    const count = async () => Number((await ctx.db.selectFrom('rate_limits').select('count').where('key', '=', `signin:ip:${ip}`).executeTakeFirst())?.count ?? 0);
    for (let i = 0; i < 3; i++) expect((await postFrom(ctx.client(), ip, '/es/sign-in', { email, password: 'regular-password-42' })).status).toBe(303);
    expect(await count()).toBe(0);
    expect((await postFrom(ctx.client(), ip, '/es/sign-in', { email, password: 'not-the-password' })).status).toBe(401);
    expect(await count()).toBe(1);
  });

  it('refuses blank, repeated, common and personal passwords beside the field, and accepts a passphrase', async () => {
    const c = ctx.client();
    const cases: [string, string, string][] = [
      ['es', ' '.repeat(10), 'La contraseña no puede ser solo espacios'],
      ['en', 'aaaaaaaaaa', 'The password cannot be one character repeated'],
      ['pt', '1234567890', 'Essa senha é comum demais'],
      ['fr', 'password12', 'Ce mot de passe est trop courant'],
      ['en', 'Password12', 'That password is too common'],
      ['en', 'marta.gomez-2024', 'The password cannot contain your name or your email'],
      ['es', 'MartaGomez123', 'La contraseña no puede contener tu nombre ni tu correo'],
    ];
    for (const [l, password, message] of cases) {
      const r = await postFrom(c, '192.0.2.20', `/${l}/sign-up`, { name: 'Marta Gomez', email: `marta.gomez-${dialect}@example.org`, password, confirm: password });
      expect(r.status, JSON.stringify(password)).toBe(422);
      const html = await r.text();
      expect(html, password).toContain(message);
      expect(html).toContain('href="#f-password"');
    }
    expect(await ctx.db.selectFrom('users').select('id').where('email', '=', `marta.gomez-${dialect}@example.org`).executeTakeFirst()).toBeUndefined();
    const good = 'tres tigres comen trigo';
    expect((await postFrom(c, '192.0.2.20', '/es/sign-up', { name: 'Marta Gomez', email: `marta.gomez-${dialect}@example.org`, password: good, confirm: good })).status).toBe(303);
  });

  it('checks the password on the join form, the reset form and the change form too', async () => {
    const join = await postFrom(ctx.client(), '192.0.2.21', '/en/join', { ...APPLY, name: 'Weak Org', website: 'https://weak.example.org', email: `weak-${dialect}@example.org`, password: 'password12', confirm: 'password12' });
    expect(join.status).toBe(422);
    expect(await join.text()).toContain('That password is too common');
    const reset = await postFrom(ctx.client(), '192.0.2.21', '/en/reset-password', { token: 'any', password: '1234567890', confirm: '1234567890' });
    expect(reset.status).toBe(422);
    expect(await reset.text()).toContain('That password is too common');
    const resetter = `resetter-${dialect}@example.org`;
    await ensureVerifiedUser(ctx.db, { email: resetter, name: 'Resetter Person', password: 'resetter-password-42' });
    expect((await postFrom(ctx.client(), '192.0.2.21', '/en/forgot-password', { email: resetter })).status).toBe(303);
    const token = /token=([^\s&]+)/.exec((await lastMail(ctx, resetter))!.text_body)![1]!;
    const personal = await postFrom(ctx.client(), '192.0.2.21', '/en/reset-password', { token, password: 'Resetter Person 2024', confirm: 'Resetter Person 2024' });
    expect(personal.status).toBe(422);
    expect(await personal.text()).toContain('The password cannot contain your name or your email');
    expect((await postFrom(ctx.client(), '192.0.2.21', '/en/reset-password', { token, password: 'un largo camino al mar', confirm: 'un largo camino al mar' })).status).toBe(303);
    const { client } = await signUpAndIn(ctx, `changer-${dialect}@example.org`, 'Changer Person');
    for (const [password, message] of [
      ['aaaaaaaaaa', 'La contraseña no puede ser un solo carácter repetido'],
      [`changer-${dialect}@example.org!`, 'La contraseña no puede contener tu nombre ni tu correo'],
    ]) {
      const r = await client.post('/es/account/password', { current: 'a-long-password-1', password, confirm: password });
      expect(r.status).toBe(422);
      expect(await r.text()).toContain(message);
    }
  });
});

/**
 * @module Benchmark member
 * The signed-in person whose pages the benchmark loads (the page cache never serves a signed-in visitor):
 * a verified member account created once per run. bench/bodies.ts makes them the representative and
 * designated voter of an organization of Mesa 1; bench/practices.ts gives them a draft to edit; bench/run.ts
 * signs them in once (better-auth, as the sign-in form does) and sends the session cookie with every request.
 */
import type { AppDeps } from '../src/platform/http/env.js';
import { randomBytes } from 'node:crypto';
import { ensureVerifiedUser } from '../src/platform/auth/users.js';

export const BENCH_MEMBER = { email: 'bench-member@example.org', name: 'Persona de la Mesa', password: 'bench-member-password' } as const;

/** The benchmark member's user id (the account is created on first call). */
export async function benchMember(deps: AppDeps): Promise<string> {
  return (await ensureVerifiedUser(deps.db, { ...BENCH_MEMBER, locale: 'es' })).id;
}

/** Signs the benchmark member in and returns the `Cookie` header value that carries the session. */
export async function benchSessionCookie(deps: AppDeps): Promise<string> {
  await benchMember(deps);
  const headers = await deps.auth.api.signInEmail({ body: { email: BENCH_MEMBER.email, password: BENCH_MEMBER.password }, returnHeaders: true }).then((r) => r.headers);
  const set = headers.getSetCookie?.() ?? [headers.get('set-cookie') ?? ''];
  const cookies = set.map((s) => s.split(';')[0]!).filter((s) => s.includes('session_token='));
  if (!cookies.length) throw new Error('bench: signing the benchmark member in gave no session cookie');
  // A browser that has seen one form already sends its CSRF cookie (else every page would set a new one).
  return [...cookies, `dialogo.csrf=${randomBytes(24).toString('base64url')}`].join('; ');
}

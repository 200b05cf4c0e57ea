/**
 * @module Authorization
 * Who may do what, as small named rules that both the route (to refuse) and the view (to hide a button)
 * call. Modules declare theirs with `definePolicy` in their policy.ts.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, CurrentUser } from '../http/env.js';

export type Actor = CurrentUser | null;

export const isAdmin = (a: Actor): a is CurrentUser => a?.role === 'admin';
export const isSignedIn = (a: Actor): a is CurrentUser => !!a;

/** A policy: named rules over an actor and (optionally) a resource. */
export function definePolicy<R extends Record<string, (actor: Actor, resource?: any) => boolean>>(rules: R) {
  return {
    rules,
    can<K extends keyof R>(actor: Actor, action: K, ...resource: Parameters<R[K]> extends [Actor, ...infer Rest] ? Rest : never): boolean {
      return rules[action](actor, ...(resource as unknown as [any]));
    },
  };
}

/** Thrown to answer 401 (not signed in: the page offers to sign in) or 403 (signed in, not allowed). */
export class AuthzError extends HTTPException {
  constructor(status: 401 | 403) {
    super(status, { message: status === 401 ? 'sign-in required' : 'forbidden' });
  }
}

/** The signed-in person, or a 401 that sends them to sign in and back. */
export function requireUser(c: Context<AppEnv>): CurrentUser {
  const user = c.get('user');
  if (!user) throw new AuthzError(401);
  return user;
}

/** Refuses the request with 403 unless `allowed`. */
export function authorize(c: Context<AppEnv>, allowed: boolean): void {
  if (allowed) return;
  throw new AuthzError(c.get('user') ? 403 : 401);
}

export function requireAdmin(c: Context<AppEnv>): CurrentUser {
  const user = requireUser(c);
  if (!isAdmin(user)) throw new AuthzError(403);
  return user;
}

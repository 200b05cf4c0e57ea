/**
 * @module Accounts created by the system
 * The first administrator, `create-admin`, demo people and imports need verified accounts without the
 * sign-up mail. They are written the way better-auth writes them (a user and a 'credential' account with
 * an argon2id hash), in better-auth's own representation per engine: Date and boolean on PostgreSQL,
 * ISO text and 0/1 on SQLite.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import { dialectOf } from '../../db/migrator.js';
import { hashPassword } from './auth.js';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role?: 'admin' | 'member';
  locale?: string;
  /** false: the address still has to be confirmed (an applicant's new account); default true. */
  verified?: boolean;
}

/** A person as other modules may see them: never the password or the session. */
export interface UserContact {
  id: string;
  name: string;
  email: string;
  locale: string | null;
}
const CONTACT = ['id', 'name', 'email', 'locale'] as const;

/** The account with this address (addresses are stored in lower case), if any. */
export async function findUserByEmail(db: Db, email: string): Promise<UserContact | undefined> {
  return db.selectFrom('users').select(CONTACT).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** The accounts with these ids, in one query. */
export async function usersByIds(db: Db, ids: Iterable<string>): Promise<UserContact[]> {
  const list = [...new Set(ids)];
  return list.length ? db.selectFrom('users').select(CONTACT).where('id', 'in', list).execute() : [];
}

/** Every administrator's account: who is told when something awaits the administrators. */
export async function administrators(db: Db): Promise<UserContact[]> {
  return db.selectFrom('users').select(CONTACT).where('role', '=', 'admin').orderBy('email').execute();
}

/** Creates a verified account, or returns the existing one's id (its role raised to admin when asked). */
export async function ensureVerifiedUser(db: Db, u: NewUser): Promise<{ id: string; created: boolean }> {
  const email = u.email.toLowerCase();
  const pg = dialectOf(db as Kysely<any>) === 'postgres';
  const now = new Date();
  const stamp = (pg ? now : now.toISOString()) as unknown as string;
  const yes = (pg ? true : 1) as unknown as number;
  const existing = await findUserByEmail(db, email);
  if (existing) {
    if (u.role === 'admin') await db.updateTable('users').set({ role: 'admin', email_verified: yes }).where('id', '=', existing.id).execute();
    return { id: existing.id, created: false };
  }
  const id = newId();
  await db
    .insertInto('users')
    .values({ id, name: u.name, email, email_verified: u.verified === false ? ((pg ? false : 0) as unknown as number) : yes, image: null, created_at: stamp, updated_at: stamp, role: u.role ?? 'member', locale: u.locale ?? 'es' })
    .execute();
  await db
    .insertInto('accounts')
    .values({
      id: newId(),
      account_id: id,
      provider_id: 'credential',
      user_id: id,
      password: await hashPassword(u.password),
      access_token: null,
      refresh_token: null,
      id_token: null,
      access_token_expires_at: null,
      refresh_token_expires_at: null,
      scope: null,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  return { id, created: true };
}

/** Sets a new password on a credential account. */
export async function setPassword(db: Db, userId: string, password: string): Promise<void> {
  const pg = dialectOf(db as Kysely<any>) === 'postgres';
  const now = new Date();
  await db
    .updateTable('accounts')
    .set({ password: await hashPassword(password), updated_at: (pg ? now : now.toISOString()) as unknown as string })
    .where('user_id', '=', userId)
    .where('provider_id', '=', 'credential')
    .execute();
}

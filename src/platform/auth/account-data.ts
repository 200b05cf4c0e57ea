/**
 * @module A person's own data: a copy of everything kept about them (JSON, from their account page), and the
 * deletion of their account. Deleting does not erase the history (the Mechanism's memory, elections' records):
 * the account is anonymized — name emptied (history reads "a person who deleted their account"), address
 * replaced by an undeliverable one, password, sessions, preferences and mail removed — and each module forgets
 * the person's roles (`forgetPerson`: organizations they acted for, positions they held). The last administrator
 * cannot delete their account (nobody could run the platform). See docs/decisions/0012-notifications-audit-and-personal-data.md.
 */
import type { Db } from '../../db/schema.js';
import type { ModuleManifest } from '../module.js';
import { ok, fail, type Outcome } from '../outcome.js';
import { audit } from '../audit/audit.js';
import { toDate } from '../../db/ids.js';

/** Everything kept about a person, for them to download. */
export async function personalDataOf(db: Db, modules: ModuleManifest[], userId: string): Promise<Record<string, unknown>> {
  const user = await db.selectFrom('users').select(['id', 'name', 'email', 'locale', 'role', 'created_at']).where('id', '=', userId).executeTakeFirstOrThrow();
  const [preferences, mail, history] = await Promise.all([
    db.selectFrom('notification_preferences').select(['kind', 'mode']).where('user_id', '=', userId).execute(),
    db.selectFrom('outbox').select(['kind', 'to_address', 'subject', 'status', 'created_at']).where('user_id', '=', userId).orderBy('created_at').execute(),
    db.selectFrom('audit_log').select(['at', 'action', 'subject_type', 'subject_id']).where('actor_id', '=', userId).orderBy('at').execute(),
  ]);
  const byModule: Record<string, unknown> = {};
  for (const m of modules) if (m.personalData) byModule[m.name] = await m.personalData(db, userId);
  return {
    exportedAt: new Date().toISOString(),
    account: { ...user, created_at: toDate(user.created_at as string)?.toISOString() ?? null },
    notificationPreferences: preferences,
    mailSentToYou: mail,
    whatYouDid: history,
    ...byModule,
  };
}

/** Deletes (anonymizes) the person's account, in the action's transaction. */
export async function deleteAccount(db: Db, modules: ModuleManifest[], userId: string): Promise<Outcome> {
  const user = await db.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst();
  if (!user) return fail('auth.errors.deleteGone');
  if (user.role === 'admin') {
    const admins = await db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
    if (admins.length <= 1) return fail('auth.errors.lastAdmin', { field: 'confirm_email' });
  }
  for (const m of modules) await m.forgetPerson?.(db, userId);
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.deleteFrom('accounts').where('user_id', '=', userId).execute();
  await db.deleteFrom('notification_preferences').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_visits').where('user_id', '=', userId).execute();
  await db.deleteFrom('outbox').where('user_id', '=', userId).execute();
  await db
    .updateTable('users')
    .set({ name: '', email: `deleted-${userId}@deleted.invalid`, role: 'member', locale: null, image: null })
    .where('id', '=', userId)
    .execute();
  await audit(db, { actorId: userId, action: 'account.deleted', subjectType: 'user', subjectId: userId });
  return ok();
}

/**
 * @module Events: a person's data (their registrations with their answers — accessibility needs included — and
 * whether they have a calendar address) and forgetting them when they delete their account: their answers and
 * calendar address are deleted, their registrations kept for the counts under no name or address.
 */
import type { Db } from '../../db/schema.js';

export async function eventsPersonalData(db: Db, userId: string) {
  const regs = await db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .select(['event_registrations.id', 'events.id as event_id', 'events.title', 'events.starts_at', 'event_registrations.status', 'event_registrations.sector', 'event_registrations.role', 'event_registrations.organization', 'event_registrations.attended_at', 'event_registrations.created_at'])
    .where('event_registrations.user_id', '=', userId)
    .orderBy('events.starts_at')
    .execute();
  const answers = regs.length
    ? await db
        .selectFrom('event_answers')
        .innerJoin('event_questions', 'event_questions.id', 'event_answers.question_id')
        .select(['event_answers.registration_id', 'event_questions.kind', 'event_questions.label', 'event_answers.value'])
        .where('event_answers.registration_id', 'in', regs.map((r) => r.id))
        .execute()
    : [];
  const feed = await db.selectFrom('event_feed_tokens').select('created_at').where('user_id', '=', userId).executeTakeFirst();
  return {
    registrations: regs.map((r) => ({
      event: r.event_id,
      title: JSON.parse(r.title) as Record<string, string>,
      startsAt: r.starts_at,
      status: r.status,
      sector: r.sector,
      role: r.role,
      organization: r.organization,
      attendedAt: r.attended_at,
      registeredAt: r.created_at,
      answers: answers.filter((a) => a.registration_id === r.id).map((a) => ({ kind: a.kind, question: a.label, answer: a.value })),
    })),
    calendarAddressSince: feed?.created_at ?? null,
  };
}

export async function eventsForgetPerson(db: Db, userId: string): Promise<void> {
  const regs = await db.selectFrom('event_registrations').select('id').where('user_id', '=', userId).execute();
  if (regs.length) {
    await db.deleteFrom('event_answers').where('registration_id', 'in', regs.map((r) => r.id)).execute();
    // The address is unique per event: each forgotten registration gets its own placeholder.
    for (const r of regs) await db.updateTable('event_registrations').set({ user_id: null, name: '—', email: `forgotten-${r.id}@invalid`, organization: null, locale: null }).where('id', '=', r.id).execute();
  }
  await db.deleteFrom('event_feed_tokens').where('user_id', '=', userId).execute();
}

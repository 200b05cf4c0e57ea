/** @module Events: the minutes / closing report — written per language, published once, with follow-up actions. */
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { stringifyTranslated, type Translated } from '../../../platform/i18n/translated.js';
import { ok, type Outcome } from '../../../platform/outcome.js';
import type { EventsTx } from './context.js';

export interface MinutesInput {
  summary: Translated;
  agreements: Translated;
  actions: { text: string; bodyId: string | null; dueOn: string | null }[];
  publish: boolean;
}

export async function saveMinutes(tx: EventsTx, actorId: string, eventId: string, input: MinutesInput): Promise<Outcome<{ published: boolean }>> {
  const { db } = tx;
  const now = nowIso();
  const prev = await db.selectFrom('event_minutes').select('published_at').where('event_id', '=', eventId).executeTakeFirst();
  const published_at = input.publish ? prev?.published_at ?? now : null;
  const values = { summary: stringifyTranslated(input.summary), agreements: stringifyTranslated(input.agreements), published_at, updated_at: now };
  if (prev) await db.updateTable('event_minutes').set(values).where('event_id', '=', eventId).execute();
  else await db.insertInto('event_minutes').values({ event_id: eventId, ...values }).onConflict((oc) => oc.column('event_id').doUpdateSet(values)).execute();
  await db.deleteFrom('event_actions').where('event_id', '=', eventId).execute();
  if (input.actions.length) await db.insertInto('event_actions').values(input.actions.map((a, i) => ({ id: newId(), event_id: eventId, position: i, text: a.text, body_id: a.bodyId, due_on: a.dueOn }))).execute();
  await audit(db, { actorId, action: input.publish ? 'event.minutesPublished' : 'event.minutesSaved', subjectType: 'event', subjectId: eventId });
  return ok({ published: input.publish });
}

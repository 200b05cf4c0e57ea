/**
 * @module Events: representation at others' events — who represents the Mechanism (position holders of the
 * organizing bodies, checked by the caller against the bodies module), the mandate they carry and the report
 * they bring back, per language. The report's first writing dates it (`reported_at`).
 */
import { nowIso } from '../../../db/ids.js';
import type { Db } from '../../../db/schema.js';
import { audit } from '../../../platform/audit/audit.js';
import { stringifyTranslated, type Translated } from '../../../platform/i18n/translated.js';
import { ok, type Outcome } from '../../../platform/outcome.js';

export interface RepresentationInput {
  representatives: { userId: string; bodyId: string; name: string }[];
  mandate: Translated;
  report: Translated;
}

export async function saveRepresentation(db: Db, actorId: string, eventId: string, input: RepresentationInput): Promise<Outcome<object>> {
  const now = nowIso();
  const prev = await db.selectFrom('event_representation').select('reported_at').where('event_id', '=', eventId).executeTakeFirst();
  const hasReport = Object.values(input.report).some((v) => !!v);
  const values = { mandate: stringifyTranslated(input.mandate), report: stringifyTranslated(input.report), reported_at: hasReport ? prev?.reported_at ?? now : null, updated_at: now };
  if (prev) await db.updateTable('event_representation').set(values).where('event_id', '=', eventId).execute();
  else await db.insertInto('event_representation').values({ event_id: eventId, ...values }).execute();
  await db.deleteFrom('event_representatives').where('event_id', '=', eventId).execute();
  const seen = new Set<string>();
  const people = input.representatives.filter((p) => !seen.has(p.userId) && seen.add(p.userId));
  if (people.length) await db.insertInto('event_representatives').values(people.map((p) => ({ event_id: eventId, user_id: p.userId, body_id: p.bodyId, name: p.name }))).execute();
  await audit(db, { actorId, action: 'event.representation', subjectType: 'event', subjectId: eventId, data: { representatives: people.length } });
  return ok({});
}

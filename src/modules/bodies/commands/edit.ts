/** @module Bodies: administrators edit a body's name, short name, mandate (4 languages) and objectives. */
import type { Db } from '../../../db/schema.js';
import { nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { stringifyTranslated, type Translated } from '../../../platform/i18n/translated.js';
import { ok, type Outcome } from '../../../platform/outcome.js';

export async function editBody(
  db: Db,
  actorId: string,
  input: { bodyId: string; name: Translated; shortName: Translated; mandate: Translated; objectives: number[] },
): Promise<Outcome> {
  await db
    .updateTable('bodies')
    .set({ name: stringifyTranslated(input.name), short_name: stringifyTranslated(input.shortName), mandate: stringifyTranslated(input.mandate), updated_at: nowIso() })
    .where('id', '=', input.bodyId)
    .execute();
  await db.deleteFrom('body_objectives').where('body_id', '=', input.bodyId).execute();
  for (const n of [...new Set(input.objectives)]) await db.insertInto('body_objectives').values({ body_id: input.bodyId, objective_n: n }).execute();
  await audit(db, { actorId, action: 'body.edited', subjectType: 'body', subjectId: input.bodyId, data: { objectives: input.objectives } });
  return ok();
}

/** @module Bodies and a person's own data: positions held (copy), and ending them when the account is deleted. */
import type { Db } from '../../db/schema.js';
import { nowIso } from '../../db/ids.js';

export async function bodiesPersonalData(db: Db, userId: string) {
  return {
    positions: await db.selectFrom('body_positions').select(['body_id', 'position', 'holder_name', 'starts_on', 'ends_on', 'ended_at']).where('user_id', '=', userId).execute(),
  };
}

/** Positions the person holds end today; past holdings stay in the body's public history under the name they held them with. */
export async function bodiesForgetPerson(db: Db, userId: string): Promise<void> {
  await db.updateTable('body_positions').set({ ended_at: nowIso() }).where('user_id', '=', userId).where('ended_at', 'is', null).execute();
}

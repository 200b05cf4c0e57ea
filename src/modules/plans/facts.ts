/** @module Plans: the facts about a reader the policy needs, read through the bodies module. */
import type { Db } from '../../db/schema.js';
import { secretaryBodyIds } from '../bodies/index.js';
import { NO_FACTS, type PlanFacts } from './policy.js';

export async function planFacts(db: Db, userId: string | null | undefined): Promise<PlanFacts> {
  if (!userId) return NO_FACTS;
  return { secretaryOf: await secretaryBodyIds(db, userId) };
}

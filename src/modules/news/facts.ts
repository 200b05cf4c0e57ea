/** @module News: the facts about a writer the policy needs, read through the bodies module. */
import type { Db } from '../../db/schema.js';
import { secretaryBodyIds } from '../bodies/index.js';
import { NO_WRITER, type WriterFacts } from './policy.js';

export async function writerFacts(db: Db, userId: string | null | undefined): Promise<WriterFacts> {
  if (!userId) return NO_WRITER;
  return { secretaryOf: await secretaryBodyIds(db, userId) };
}

/** @module Events: the facts about a reader the policy needs, read through the bodies and membership modules. */
import type { Db } from '../../db/schema.js';
import { secretaryBodiesOfUser, bodiesOfOrganization } from '../bodies/index.js';
import { organizationsOfUser } from '../membership/index.js';
import { NO_READER, type ReaderFacts } from './policy.js';

export async function readerFacts(db: Db, userId: string | null | undefined): Promise<ReaderFacts> {
  if (!userId) return NO_READER;
  const secretaryOf = (await secretaryBodiesOfUser(db, userId)).map((b) => b.bodyId);
  const orgs = (await organizationsOfUser(db, userId)).filter((o) => o.status === 'member');
  const bodyIds = new Set<string>();
  for (const o of orgs) for (const b of await bodiesOfOrganization(db, o.id)) bodyIds.add(b);
  return { secretaryOf, memberOrg: orgs.length > 0, bodyIds: [...bodyIds] };
}

/** @module Elections: demo data — one clearly labelled election in its nomination phase. */
import type { SeedContext } from '../../platform/module.js';
import { createElection } from './commands/lifecycle.js';
import { listBodies } from '../bodies/index.js';

/** Demo data is not announced (nobody is mailed). Runs after the bodies' demo (module order), which gives the first Mesa demo members and a secretary. */
export async function demoElections(ctx: SeedContext): Promise<void> {
  const { db, adminId } = ctx;
  const body = (await listBodies(db)).find((b) => b.kind === 'working_group');
  if (!body) return;
  if (await db.selectFrom('elections').select('id').where('body_id', '=', body.id).executeTakeFirst()) return;
  const year = new Date().getUTCFullYear();
  await createElection(db, adminId, {
    bodyId: body.id,
    title: {
      es: `[Demo] Elección de la secretaría y las delegaturas ${year}`,
      en: `[Demo] Election of the secretary and delegates ${year}`,
      pt: `[Demo] Eleição da secretaria e das delegações ${year}`,
      fr: `[Démo] Élection du secrétariat et des délégations ${year}`,
    },
    positions: ['secretary', 'principal_delegate', 'alternate_delegate'],
    quorumPct: 50,
    nominationsCloseAt: null,
    votingOpensAt: null,
    votingClosesAt: null,
    timeZone: 'UTC',
    termStart: `${year + 1}-01-01`,
    termEnd: `${year + 2}-12-31`,
    publishVoters: false,
  });
}

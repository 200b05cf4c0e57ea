/**
 * @module Bodies and elections benchmark
 * generate: 500 member organizations (× scale) in Mesa 1 (mt1).
 * The signed-in benchmark member (bench/member.ts) represents the first of them.
 * pages: the body page (cacheable for anonymous visitors; target ≥ 25% of raw node:http) and the list;
 * signed in (uncached; target ≥ 5%): the body page, its members' area and the elections list.
 * extra: the 1,000,000-ballot tally and verification (× scale) from the elections core (target < 2 s each).
 */
import type { BenchModule } from './types.js';
import { makeOrganization, addPerson } from '../src/modules/membership/factories.js';
import { benchMember } from './member.js';
import { addBodyMember, getBodyBySlug } from '../src/modules/bodies/index.js';
import { benchElections } from './elections.js';

export const bench: BenchModule = {
  name: 'bodies',
  async generate(deps, { scale, log }) {
    const body = await getBodyBySlug(deps.db, 'mt1');
    if (!body) throw new Error('bodies bench: the seeded body mt1 is missing');
    const n = Math.max(1, Math.round(500 * scale));
    const memberId = await benchMember(deps);
    for (let i = 0; i < n; i += 100) {
      await deps.db.transaction().execute(async (trx) => {
        for (let k = i; k < Math.min(n, i + 100); k++) {
          const o = await makeOrganization(trx, { name: `Organización de la Mesa ${String(k + 1).padStart(4, '0')}`, country: ['CL', 'MX', 'CO', 'AR', 'BR', 'PE', 'GT', 'HT'][k % 8]! });
          await addBodyMember(trx, body.id, o.id);
          // The signed-in benchmark member represents the first one and is its designated voter.
          if (k === 0) await addPerson(trx, o.id, memberId, { representative: true, voter: true });
        }
      });
    }
    log(`bodies: ${n} member organizations in mt1`);
  },
  async pages() {
    return [
      // A body's page gathers the sections of six modules (events, consultations, plans, pledges, news, library): two or three reads each.
      { label: 'body page (500 member orgs)', path: '/es/bodies/mt1', budget: 26 },
      { label: 'bodies list', path: '/es/bodies' },
      { label: 'elections list', path: '/es/elections' },
      { label: 'body page (500 orgs), signed in', path: '/es/bodies/mt1', as: 'member', budget: 30 },
      // The members' area adds what other modules ask of the reader (consultations to answer, the body's events).
      { label: "Mesa members' area, signed in", path: '/es/bodies/mt1/area', as: 'member', budget: 14 },
      { label: 'elections list, signed in', path: '/es/elections', as: 'member' },
    ];
  },
  async extra(_deps, { scale, log }) {
    const ballots = Math.max(1000, Math.round(1_000_000 * scale));
    log(`elections: tally and verify of ${ballots} ballots`);
    const rows = await benchElections({ ballots, runs: 3 });
    return rows.map((r) => ({ name: `elections: ${r.name}`, values: { ballots: r.ballots, ms: Math.round(r.ms), target_ms: /^(tally|verifyRecord)/.test(r.name) ? 2000 : '' } }));
  },
};

/**
 * @module Pledges: the list's filters, read from the URL the same way by the list page, the CSV, the API and the
 * dashboard (`objective`, `principle`, `kind`, `form`, `status`, `country`, `body`, `org`, `year`: see paths.ts).
 */
import type { Context } from 'hono';
import type { Db } from '../../db/schema.js';
import type { AppEnv } from '../../platform/http/env.js';
import type { FormValues } from '../../platform/views/components.js';
import { getOrganizationBySlug, listMemberOrganizations, type OrgSummary } from '../membership/index.js';
import { getBodyBySlug, listBodies } from '../bodies/index.js';
import { pledgeKinds, pledgeForms, pledgeStatuses } from './tables.js';
import { FILTER_PARAMS } from './paths.js';
import type { PledgeFilter } from './queries.js';

const intIn = (v: string | undefined, min: number, max: number) => {
  const n = Number(v);
  return v && /^\d{1,4}$/.test(v) && n >= min && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: string | undefined, list: readonly T[]) => (list.includes(v as T) ? (v as T) : undefined);

/** How the filters find the organization and the body their slugs name (undefined: none). */
export interface SlugLookup {
  org(slug: string): Promise<OrgSummary | undefined>;
  body(slug: string): Promise<{ id: string } | undefined>;
}

const byQuery = (db: Db): SlugLookup => ({ org: (s) => getOrganizationBySlug(db, s), body: (s) => getBodyBySlug(db, s) });

/**
 * For the list's and the dashboard's pages: the member organizations and the active bodies by slug, kept as a
 * page-cache fragment (the same for every reader, emptied by every write), so a filter by organization or body
 * costs no query; another slug (an organization that is no longer a member…) is looked up as before.
 */
export async function keptSlugLookup(c: Context<AppEnv>): Promise<SlugLookup> {
  const { db, cache } = c.get('deps');
  const kept = await cache.fragment('pledges.filter.slugs', async () => {
    const [orgs, bodies] = await Promise.all([listMemberOrganizations(db), listBodies(db)]);
    return { orgs: new Map(orgs.map((o) => [o.slug, o])), bodies: new Map(bodies.map((b) => [b.slug, { id: b.id }])) };
  });
  const query = byQuery(db);
  return {
    org: async (s) => kept.orgs.get(s) ?? query.org(s),
    body: async (s) => kept.bodies.get(s) ?? query.body(s),
  };
}

/** Reads the list's filters from the URL (a value that is not valid is ignored). */
export async function parseFilter(db: Db, q: (name: string) => string | undefined, lookup: SlugLookup = byQuery(db)): Promise<{ filter: PledgeFilter; values: FormValues }> {
  const filter: PledgeFilter = {
    objective: intIn(q('objective'), 1, 23),
    principle: intIn(q('principle'), 1, 10),
    kind: oneOf(q('kind'), pledgeKinds),
    form: oneOf(q('form'), pledgeForms),
    status: oneOf(q('status'), pledgeStatuses),
    country: /^[A-Z]{2}$/.test(q('country') ?? '') ? q('country') : undefined,
    year: intIn(q('year'), 2018, 2100),
  };
  const body = q('body');
  if (body && /^[a-z0-9-]{1,80}$/.test(body)) filter.bodyId = (await lookup.body(body))?.id ?? 'none';
  const org = q('org');
  if (org && /^[a-z0-9-]{1,80}$/.test(org)) filter.orgId = (await lookup.org(org))?.id ?? 'none';
  const values: FormValues = {};
  for (const name of FILTER_PARAMS) {
    const v = q(name);
    if (v) values[name] = v;
  }
  return { filter, values };
}

/**
 * @module Membership: groups of organizations other modules keep (a Mesa's member organizations, kept by
 * bodies), reached through the platform's `organizationGroups` extension point — so membership never imports
 * bodies, and the directory's `?body=` filter asks bodies' own table.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { OrganizationGroups } from '../../platform/module.js';

/** The groups every mounted module offers. */
export const groupsOf = (c: Context<AppEnv>): OrganizationGroups[] => c.get('deps').modules.flatMap((m) => (m.organizationGroups ? [m.organizationGroups] : []));

const GROUP_VALUE = /^[a-z0-9-]{1,80}$/;

/** The group asked for in the query (`?body=mesa-1`), when well formed. */
export const groupValue = (c: Context<AppEnv>, g: OrganizationGroups): string | undefined => {
  const v = c.req.query(g.param);
  return v && GROUP_VALUE.test(v) ? v : undefined;
};

/** The organizations in every group the query asks for (intersected), or undefined when it asks for none. */
export async function groupFilter(c: Context<AppEnv>, providers: OrganizationGroups[] = groupsOf(c)): Promise<string[] | undefined> {
  const { db } = c.get('deps');
  let within: string[] | undefined;
  for (const g of providers) {
    const v = groupValue(c, g);
    if (!v) continue;
    const ids = await g.members(db, v);
    within = within ? within.filter((id) => ids.includes(id)) : ids;
  }
  return within;
}

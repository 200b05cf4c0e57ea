/**
 * @module Pledges: the list's filters, read from the URL the same way by the list page, the CSV, the API and the
 * dashboard (`objective`, `principle`, `kind`, `form`, `status`, `country`, `body`, `org`, `year`: see paths.ts).
 */
import type { Db } from '../../db/schema.js';
import type { FormValues } from '../../platform/views/components.js';
import { getOrganizationBySlug } from '../membership/index.js';
import { getBodyBySlug } from '../bodies/index.js';
import { pledgeKinds, pledgeForms, pledgeStatuses } from './tables.js';
import { FILTER_PARAMS } from './paths.js';
import type { PledgeFilter } from './queries.js';

const intIn = (v: string | undefined, min: number, max: number) => {
  const n = Number(v);
  return v && /^\d{1,4}$/.test(v) && n >= min && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: string | undefined, list: readonly T[]) => (list.includes(v as T) ? (v as T) : undefined);

/** Reads the list's filters from the URL (a value that is not valid is ignored). */
export async function parseFilter(db: Db, q: (name: string) => string | undefined): Promise<{ filter: PledgeFilter; values: FormValues }> {
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
  if (body && /^[a-z0-9-]{1,80}$/.test(body)) filter.bodyId = (await getBodyBySlug(db, body))?.id ?? 'none';
  const org = q('org');
  if (org && /^[a-z0-9-]{1,80}$/.test(org)) filter.orgId = (await getOrganizationBySlug(db, org))?.id ?? 'none';
  const values: FormValues = {};
  for (const name of FILTER_PARAMS) {
    const v = q(name);
    if (v) values[name] = v;
  }
  return { filter, values };
}

/**
 * @module Pledges: what other modules (and the pledges dashboard) may use. The public list's filters are the
 * query parameters in `FILTER_PARAMS` (objective, principle, kind, form, status, country, body, org, year), read
 * by `parseFilter` into a `PledgeFilter`; `filterPublished` gives the ids and count of the published pledges
 * that pass it — the same count the list shows.
 */
export {
  pledgeKinds,
  pledgeScopes,
  pledgeForms,
  pledgeStates,
  pledgeStatuses,
  partnerSectors,
  type PledgeKind,
  type PledgeScope,
  type PledgeForm,
  type PledgeState,
  type PledgeStatus,
  type PartnerSector,
  type Partner,
} from './tables.js';
export { getPledge, getPledgeByRef, pledgesByIds, filterPublished, allPublished, type Pledge, type PledgeOrg, type PledgeFilter } from './queries.js';
export { parseFilter } from './filters.js';
export { paths, FILTER_PARAMS, apiPaths } from './paths.js';
export { remindDuePledges } from './jobs.js';

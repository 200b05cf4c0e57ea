/**
 * @module Pledges: what other modules (and the pledges dashboard) may use.
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

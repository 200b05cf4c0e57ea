/** @module Bodies: what other modules may use. */
export {
  listBodies,
  getBodyBySlug,
  getBodyById,
  bodiesForObjective,
  positionsForKind,
  bodyMemberOrgIds,
  bodyMemberOrganizations,
  bodyMemberships,
  membershipOf,
  bodyPositions,
  isSecretaryOf,
  secretaryBodiesOfUser,
  secretaryBodyIds,
  secretariesForObjectives,
  bodyFacts,
  bodiesOfOrganization,
  readerBodies,
  keptReaderBodies,
  keptReaderFacts,
  factsOfBody,
  pageReaderBodies,
  NO_READER_BODIES,
  type ReaderBodies,
  bodyRecipients,
  NO_FACTS,
  type BodyRow,
  type BodyFacts,
  type BodyMembership,
  type PositionHolding,
} from './queries.js';
export { bodiesPolicy } from './policy.js';
export { paths } from './paths.js';
export { assignPositions, type Assignment } from './commands/positions.js';
export { addBodyMember } from './commands/members.js';
export { setBodyObjectives } from './commands/edit.js';
export type { BodyKind, BodyPosition, BodyMemberStatus } from './tables.js';
export { demoBodies } from './seed.js';

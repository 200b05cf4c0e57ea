/** @module Bodies' tables: the Mesas and their prioritized objectives. */
import type { Flag } from '../../db/schema.js';

export type BodyKind = 'working_group' | 'sub_group' | 'liaison' | 'technical';

export interface BodiesTable {
  id: string;
  slug: string;
  kind: BodyKind;
  parent_id: string | null;
  position: number;
  /** Translated JSON text: {"es": …, "en": …}. */
  name: string;
  short_name: string;
  mandate: string;
  /** Translated JSON list of achievements, per language: {"es": ["…"], …}. */
  achievements: string | null;
  active: Flag;
  created_at: string;
  updated_at: string;
}

export interface BodyObjectivesTable {
  body_id: string;
  objective_n: number;
}

/** pending (asked to join) → member → left; or declined. */
export type BodyMemberStatus = 'pending' | 'member' | 'left' | 'declined';

/** An organization's membership of a body. Organizations live in the membership module (no FK across modules). */
export interface BodyMembersTable {
  body_id: string;
  org_id: string;
  status: BodyMemberStatus;
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  left_at: string | null;
}

/** The positions of a body. `coordinator` is the Mesa Técnica's. */
export type BodyPosition = 'secretary' | 'principal_delegate' | 'alternate_delegate' | 'coordinator';
export const BODY_POSITIONS: readonly BodyPosition[] = ['secretary', 'principal_delegate', 'alternate_delegate', 'coordinator'];

/** One holding of a position by a person of a member organization, for a term. History is never deleted. */
export interface BodyPositionsTable {
  id: string;
  body_id: string;
  position: BodyPosition;
  user_id: string;
  org_id: string;
  /** The holder's name when the position was assigned (public). */
  holder_name: string;
  /** ISO date (YYYY-MM-DD). */
  starts_on: string;
  ends_on: string | null;
  /** 'election' (certified result) or 'appointment' (by an administrator). */
  source: 'election' | 'appointment';
  election_id: string | null;
  created_by: string | null;
  created_at: string;
  /** Set when a later holder replaced this one (or it was ended early). */
  ended_at: string | null;
}

declare module '../../db/schema.js' {
  interface Database {
    bodies: BodiesTable;
    body_objectives: BodyObjectivesTable;
    body_members: BodyMembersTable;
    body_positions: BodyPositionsTable;
  }
}

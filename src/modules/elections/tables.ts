/** @module Elections' tables. See the migration for why the roll and the ballot box share nothing. */
import type { Flag } from '../../db/schema.js';
import type { Position } from './core/types.js';

/**
 * nomination → voting → closed → certified; or failed (quorum not met, no candidates); cancelled.
 * Transitions by time happen lazily when an election is read (see commands/lifecycle.ts).
 */
export type ElectionStatus = 'nomination' | 'voting' | 'closed' | 'certified' | 'failed' | 'cancelled';

export interface ElectionsTable {
  id: string;
  body_id: string;
  /** Translated JSON text. */
  title: string;
  /** JSON list of positions, in the order they are decided. */
  positions: string;
  status: ElectionStatus;
  /** Minimum share of the census that must vote, in percent. */
  quorum_pct: number;
  nominations_close_at: string | null;
  voting_opens_at: string | null;
  voting_closes_at: string | null;
  /** The IANA zone the deadlines were set in, and are stated in ('UTC' for elections called before it was kept). */
  time_zone: string;
  /** Term of the elected positions (ISO dates). */
  term_start: string;
  term_end: string | null;
  /** The core's ElectionDefinition (JSON), frozen when voting opens. */
  definition: string | null;
  census_size: number | null;
  ballot_count: number;
  /** 1: the published record lists the organizations that voted (set before voting opens). */
  publish_voters: Flag;
  head_hash: string | null;
  /** The core's ElectionResult (JSON), set when voting closes. */
  result: string | null;
  failed_reason: string | null;
  /** The failed election this one calls again. */
  previous_id: string | null;
  called_by: string | null;
  opened_at: string | null;
  closed_at: string | null;
  certified_at: string | null;
  certified_by: string | null;
  created_at: string;
  updated_at: string;
}

export type CandidateStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

export interface ElectionCandidatesTable {
  id: string;
  election_id: string;
  position: Position;
  user_id: string;
  /** The member organization the candidate stands for (set when they accept). */
  org_id: string | null;
  name: string;
  /** Translated JSON text: the statement in the language(s) the candidate wrote it. */
  statement: string | null;
  status: CandidateStatus;
  nominated_by: string;
  created_at: string;
}

export interface ElectionRollTable {
  election_id: string;
  org_id: string;
  voted: Flag;
}

export interface ElectionBallotsTable {
  election_id: string;
  seq: number;
  receipt: string;
  /** JSON of the ballot's choices, keys sorted. */
  choices: string;
  prev_hash: string;
  hash: string;
}

declare module '../../db/schema.js' {
  interface Database {
    elections: ElectionsTable;
    election_candidates: ElectionCandidatesTable;
    election_roll: ElectionRollTable;
    election_ballots: ElectionBallotsTable;
  }
}

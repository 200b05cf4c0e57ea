/**
 * @module Election core types
 * The shapes shared by the pure election core (validation, receipts, hash chain, tally, public
 * record, verifier). Nothing here touches a database: the database-backed module stores these
 * shapes and calls the functions beside this file.
 */

/** The positions a Mesa election can fill. `coordinator` is used by the technical body. */
export type Position = 'secretary' | 'principal_delegate' | 'alternate_delegate' | 'coordinator';

/** The positions, in the order a Mesa usually elects them. */
export const POSITIONS: readonly Position[] = [
  'secretary',
  'principal_delegate',
  'alternate_delegate',
  'coordinator',
];

/** A person standing in a race. The same `id` in two races means the same person. */
export interface Candidate {
  /** Stable id (see `ID_PATTERN`): the ballot stores this, never the name. */
  id: string;
  /** Display name, published in the record. */
  name: string;
}

/** One position to fill: one seat, decided by plurality (see docs/decisions/0102). */
export interface Race {
  /** Stable id (see `ID_PATTERN`), unique within the election. */
  id: string;
  position: Position;
  /** Always 1: every race fills one seat. */
  seats: 1;
  /** At least one; ids unique within the race. */
  candidates: Candidate[];
}

/**
 * What is being decided, frozen when voting opens. The order of `races` is the order in which they
 * are decided: a candidate who wins an earlier race is excluded from every later race.
 */
export interface ElectionDefinition {
  /** Stable id (see `ID_PATTERN`). */
  id: string;
  title: string;
  races: Race[];
  /** Number of member organizations eligible to vote, frozen and published when voting opens. */
  censusSize: number;
  /** Minimum share of the census that must cast a ballot, a fraction in [0, 1] (0.5 = half). */
  quorum: number;
}

/** One choice per race: a candidate id, or `null` for a blank vote in that race. */
export type Choices = Record<string, string | null>;

/** What a voter submits: exactly one entry per race of the election. */
export interface BallotContent {
  choices: Choices;
}

/** Why a ballot was refused. */
export type BallotProblem =
  | 'not_an_object'
  | 'unknown_race'
  | 'missing_race'
  | 'unknown_candidate'
  | 'invalid_choice';

/** Outcome of `validateBallot`. */
export type BallotCheck =
  | { ok: true }
  | { ok: false; reason: BallotProblem; raceId?: string; candidateId?: string };

/** One link of the ballot box's hash chain: a ballot in casting order. */
export interface ChainEntry {
  /** Position in casting order, starting at 1, without gaps. */
  seq: number;
  /** The receipt code shown once to the voter, in canonical form `XXXX-XXXX-XXXX-XXXX`. */
  receipt: string;
  /** The ballot's choices (keys sorted by race id). */
  choices: Choices;
  /** Hash of the previous entry, or `GENESIS` for seq 1. */
  prevHash: string;
  /** `chainHash(prevHash, seq, receipt, { choices })`: lowercase hex SHA-256. */
  hash: string;
}

/**
 * How one race ended.
 * - `elected`: one candidate has the most votes (or won the run-off named in a tie resolution).
 * - `tie`: several candidates share the most votes; a run-off among `tied` is needed.
 * - `pending`: an earlier race is unresolved and one of its possible winners stands here, so who is
 *   excluded from this race is not known yet; re-tally once the earlier tie is resolved.
 * - `no_votes`: no eligible candidate received a vote (all blank, or only votes for excluded ones).
 * - `failed_quorum`: the election did not reach its quorum; nobody is elected.
 */
export type RaceStatus = 'elected' | 'tie' | 'pending' | 'no_votes' | 'failed_quorum';

/**
 * How the election ended, the most serious race outcome first:
 * `failed_quorum` › `tie` (some race is `tie` or `pending`) › `no_winner` (some race is
 * `no_votes`) › `elected` (every race has a winner).
 */
export type ElectionStatus = 'elected' | 'tie' | 'no_winner' | 'failed_quorum';

/** The count of one race. */
export interface RaceResult {
  raceId: string;
  position: Position;
  status: RaceStatus;
  /** Votes per candidate id, every candidate of the race listed (zero included), in race order. */
  counts: Record<string, number>;
  /** Blank votes in this race. */
  blank: number;
  /** Choices that were neither blank nor a candidate of the race (always 0 for a sound box). */
  invalid: number;
  /** Candidates of this race who already won an earlier race: their votes here elect nobody. */
  excluded: string[];
  /** The elected candidate, or null. */
  winner: string | null;
  /** When `status` is `tie` (or a tie was resolved by run-off): the candidates who tied, in race order. */
  tied: string[];
  /** True when `winner` comes from a tie resolution (a run-off) rather than from this count alone. */
  decidedByRunoff: boolean;
}

/** The result of an election, as published. */
export interface ElectionResult {
  /** Ballots in the box (a fully blank ballot counts). */
  ballotsCast: number;
  censusSize: number;
  /** ballotsCast / censusSize (0 when the census is empty). */
  turnout: number;
  /** The quorum fraction from the definition. */
  quorum: number;
  /** The smallest number of ballots that meets the quorum: ceil(quorum × censusSize). */
  quorumVotes: number;
  /** ballotsCast >= quorumVotes. */
  quorumMet: boolean;
  status: ElectionStatus;
  /** One per race, in definition order. */
  races: RaceResult[];
}

/** The winner of a tied race, decided by a run-off held afterwards (see docs/decisions/0102). */
export interface TieResolution {
  raceId: string;
  /** Must be one of the race's tied candidates. */
  candidateId: string;
  /** Where the run-off is recorded, e.g. the run-off election's id or the URL of its record. */
  reference: string;
}

/** A ballot as published: the chain entry without `prevHash` (it is the previous ballot's hash). */
export interface RecordBallot {
  seq: number;
  receipt: string;
  choices: Choices;
  hash: string;
}

/** Extra facts `buildRecord` puts in the record. Timestamps are election-level only, never per ballot. */
export interface RecordMeta {
  /** ISO-8601 time voting opened (census frozen). */
  openedAt?: string | null;
  /** ISO-8601 time voting closed. */
  closedAt?: string | null;
  /** ISO-8601 time the record was produced. */
  publishedAt?: string | null;
  /** Run-off outcomes used by the tally (must be the same ones passed to `tally`). */
  tieResolutions?: TieResolution[];
  /**
   * Optional: ids of the organizations that voted, sorted ascending (never in voting order). When
   * published, anyone can check that their count equals the number of ballots. Publish only if the
   * network's rules allow making participation public.
   */
  voters?: string[] | null;
}

/** The identifier of the record format. */
export const RECORD_FORMAT = 'dialogo-election-record' as const;
/** The version of the record format described in docs/elections-security.md. */
export const RECORD_VERSION = 1 as const;

/** The public election record: everything needed to recompute the chain and the result. */
export interface ElectionRecord {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  /** A human-readable reminder of how each ballot hash is computed (informative). */
  chainSpec: string;
  /** The definition, including the frozen census size and the quorum. */
  election: ElectionDefinition;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  tieResolutions: TieResolution[];
  voters: string[] | null;
  /** The claimed result; the verifier recomputes it from `ballots`. */
  result: ElectionResult;
  /** Number of ballots (equals `ballots.length` and `result.ballotsCast`). */
  ballotCount: number;
  /** Hash of the last ballot, or `GENESIS` when no ballot was cast. */
  headHash: string;
  /** Every ballot, in casting (chain) order. Last, because it is by far the largest part. */
  ballots: RecordBallot[];
}

/** What `verifyRecord` found. */
export interface VerifyReport {
  /** True when no problem was found. */
  ok: boolean;
  /** Human-readable English sentences, most important first; empty when ok. */
  problems: string[];
  /** The result recomputed from the ballots (null when the definition itself is unusable). */
  recomputedResult: ElectionResult | null;
  /** The chain check. */
  chain: {
    ok: boolean;
    /** Ballots examined. */
    ballots: number;
    /** The seq (or 1-based position) of the first broken link, or null. */
    firstBrokenSeq: number | null;
    /** The head hash recomputed from the ballots' content. */
    recomputedHeadHash: string | null;
  };
  /** True when the claimed result equals the recomputed one in every field. */
  resultMatches: boolean;
}

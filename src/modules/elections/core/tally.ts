/**
 * @module Tally
 * Counts a ballot box (docs/decisions/0102): each race is a one-seat plurality race, decided in
 * definition order; a candidate who won an earlier race is excluded from later ones; a tie is
 * reported as a tie (no coin flips) so a run-off can be called; below quorum nobody is elected.
 * One pass over the ballots, with per-race count arrays: about 0.1 s per million ballots.
 */
import { quorumVotes } from './definition.js';
import type {
  Choices,
  ElectionDefinition,
  ElectionResult,
  ElectionStatus,
  RaceResult,
  TieResolution,
} from './types.js';

/** Options of `tally`. */
export interface TallyOptions {
  /**
   * Run-off outcomes for races that tied. A resolution naming a race that did not tie, or a
   * candidate who was not among the tied, is ignored here (and reported by `verifyRecord`).
   */
  tieResolutions?: ReadonlyArray<Pick<TieResolution, 'raceId' | 'candidateId'>>;
}

/**
 * The raw counts of a ballot box, per race in definition order: votes per candidate (in the race's
 * candidate order), blank and invalid choices, and the number of ballots.
 */
export interface RawCounts {
  ballots: number;
  votes: Float64Array[];
  blank: Float64Array;
  invalid: Float64Array;
}

/** Zeroed raw counts for a definition. */
export function emptyCounts(def: ElectionDefinition): RawCounts {
  const nRaces = def.races.length;
  return {
    ballots: 0,
    votes: def.races.map((r) => new Float64Array(r.candidates.length)),
    blank: new Float64Array(nRaces),
    invalid: new Float64Array(nRaces),
  };
}

/**
 * Counts choices without deciding anything. A choice that is missing or not a candidate of its race
 * is counted as `invalid` in that race; a ballot without a choices object is invalid in every race.
 */
export function countBallots(def: ElectionDefinition, ballots: ReadonlyArray<{ choices: Choices }>): RawCounts {
  const raw = emptyCounts(def);
  const { votes, blank, invalid } = raw;
  const nRaces = def.races.length;
  const raceIds = def.races.map((r) => r.id);
  const index = def.races.map((r) => new Map(r.candidates.map((c, k) => [c.id, k] as const)));
  const n = ballots.length;
  for (let i = 0; i < n; i++) {
    const b = ballots[i] as { choices?: unknown } | null | undefined;
    const choices = b !== null && typeof b === 'object' ? b.choices : undefined;
    if (choices === null || typeof choices !== 'object') {
      for (let j = 0; j < nRaces; j++) invalid[j]!++;
      continue;
    }
    for (let j = 0; j < nRaces; j++) {
      const choice = (choices as Record<string, unknown>)[raceIds[j]!];
      if (choice === null) {
        blank[j]!++;
        continue;
      }
      const k = typeof choice === 'string' ? index[j]!.get(choice) : undefined;
      if (k === undefined) invalid[j]!++;
      else votes[j]![k]!++;
    }
  }
  raw.ballots = n;
  return raw;
}

/**
 * Decides the result from raw counts: quorum, then each race in definition order (plurality among
 * candidates not already elected in an earlier race; ties reported, or settled by a tie resolution;
 * races depending on an unresolved tie reported as pending).
 */
export function decideResult(def: ElectionDefinition, raw: RawCounts, opts: TallyOptions = {}): ElectionResult {
  const n = raw.ballots;
  const censusSize = def.censusSize;
  const needed = quorumVotes(censusSize, def.quorum);
  const quorumMet = n >= needed;
  const resolutions = new Map((opts.tieResolutions ?? []).map((t) => [t.raceId, t.candidateId]));

  const elected = new Set<string>(); // winners of earlier races
  const uncertain = new Set<string>(); // candidates who may have won an unresolved earlier race
  const results = def.races.map((race, j): RaceResult => {
    const c = raw.votes[j]!;
    const countsOut: Record<string, number> = {};
    race.candidates.forEach((cand, k) => (countsOut[cand.id] = c[k]!));
    const excluded = race.candidates.filter((cand) => elected.has(cand.id)).map((cand) => cand.id);
    const base = {
      raceId: race.id,
      position: race.position,
      counts: countsOut,
      blank: raw.blank[j]!,
      invalid: raw.invalid[j]!,
      excluded,
    };
    if (!quorumMet) {
      return { ...base, status: 'failed_quorum', winner: null, tied: [], decidedByRunoff: false };
    }
    const eligible = race.candidates.map((cand, k) => ({ id: cand.id, votes: c[k]! })).filter((e) => !elected.has(e.id));
    if (eligible.some((e) => uncertain.has(e.id))) {
      // Who is excluded here depends on an earlier unresolved race: any eligible candidate may win.
      for (const e of eligible) uncertain.add(e.id);
      return { ...base, status: 'pending', winner: null, tied: [], decidedByRunoff: false };
    }
    const max = eligible.reduce((m, e) => Math.max(m, e.votes), 0);
    if (max === 0) return { ...base, status: 'no_votes', winner: null, tied: [], decidedByRunoff: false };
    const top = eligible.filter((e) => e.votes === max).map((e) => e.id);
    if (top.length === 1) {
      elected.add(top[0]!);
      return { ...base, status: 'elected', winner: top[0]!, tied: [], decidedByRunoff: false };
    }
    const chosen = resolutions.get(race.id);
    if (chosen !== undefined && top.includes(chosen)) {
      elected.add(chosen);
      return { ...base, status: 'elected', winner: chosen, tied: top, decidedByRunoff: true };
    }
    for (const id of top) uncertain.add(id);
    return { ...base, status: 'tie', winner: null, tied: top, decidedByRunoff: false };
  });

  return {
    ballotsCast: n,
    censusSize,
    turnout: censusSize > 0 ? n / censusSize : 0,
    quorum: def.quorum,
    quorumVotes: needed,
    quorumMet,
    status: overallStatus(quorumMet, results),
    races: results,
  };
}

/**
 * Counts the ballots and decides the result. `ballots` are chain entries or record ballots (only
 * `choices` is read), assumed validated; see `countBallots` for what happens to bad choices.
 */
export function tally(
  def: ElectionDefinition,
  ballots: ReadonlyArray<{ choices: Choices }>,
  opts: TallyOptions = {},
): ElectionResult {
  return decideResult(def, countBallots(def, ballots), opts);
}

function overallStatus(quorumMet: boolean, races: RaceResult[]): ElectionStatus {
  if (!quorumMet) return 'failed_quorum';
  if (races.some((r) => r.status === 'tie' || r.status === 'pending')) return 'tie';
  if (races.some((r) => r.status === 'no_votes')) return 'no_winner';
  return 'elected';
}

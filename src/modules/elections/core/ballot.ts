/**
 * @module Ballots
 * Checking a ballot against the election definition, and the canonical text of a ballot that the
 * hash chain hashes: `raceId=candidateId;raceId=;…` with races sorted by id (UTF-16 code units)
 * and an empty candidate for a blank vote. Ids are restricted (see `ID_PATTERN`), so `=` and `;`
 * never occur inside them and the text is unambiguous.
 */
import { isValidId } from './definition.js';
import type { BallotCheck, BallotContent, Choices, ElectionDefinition } from './types.js';

/**
 * Checks that a ballot has exactly one choice per race of the election, each a candidate of that
 * race or `null` (blank). Call it before `appendBallot`; the chain itself does not know the races.
 */
export function validateBallot(def: ElectionDefinition, content: unknown): BallotCheck {
  if (typeof content !== 'object' || content === null) return { ok: false, reason: 'not_an_object' };
  const choices = (content as Partial<BallotContent>).choices;
  if (typeof choices !== 'object' || choices === null || Array.isArray(choices)) {
    return { ok: false, reason: 'not_an_object' };
  }
  const races = new Map(def.races.map((r) => [r.id, r]));
  for (const raceId of Object.keys(choices)) {
    if (!races.has(raceId)) return { ok: false, reason: 'unknown_race', raceId };
  }
  for (const race of def.races) {
    if (!Object.hasOwn(choices, race.id)) return { ok: false, reason: 'missing_race', raceId: race.id };
    const choice: unknown = (choices as Record<string, unknown>)[race.id];
    if (choice === null) continue;
    if (typeof choice !== 'string') return { ok: false, reason: 'invalid_choice', raceId: race.id };
    if (!race.candidates.some((c) => c.id === choice)) {
      return { ok: false, reason: 'unknown_candidate', raceId: race.id, candidateId: choice };
    }
  }
  return { ok: true };
}

/** Code-unit order, the same in every JavaScript engine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical text of a ballot's choices: `raceId=candidateId` (or `raceId=` when blank), joined
 * by `;`, races sorted by id. Throws a TypeError on a malformed id, which would make the text
 * ambiguous (validate ballots first).
 */
export function canonicalBallot(content: BallotContent): string {
  const choices = content.choices;
  const raceIds = Object.keys(choices).sort(compareIds);
  let out = '';
  for (let i = 0; i < raceIds.length; i++) {
    const raceId = raceIds[i]!;
    const choice = choices[raceId];
    if (!isValidId(raceId)) throw new TypeError(`invalid race id in ballot: ${raceId}`);
    if (choice !== null && !isValidId(choice)) throw new TypeError(`invalid candidate id in ballot: ${String(choice)}`);
    out += (i === 0 ? '' : ';') + raceId + '=' + (choice ?? '');
  }
  return out;
}

/** A copy of `choices` with keys in canonical (sorted) order, so stored and published JSON is stable. */
export function sortedChoices(choices: Choices): Choices {
  const out: Choices = {};
  for (const raceId of Object.keys(choices).sort(compareIds)) out[raceId] = choices[raceId] ?? null;
  return out;
}

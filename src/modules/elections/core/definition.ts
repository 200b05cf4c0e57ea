/**
 * @module Election definition checks
 * Validates an election definition (ids, races, candidates, census, quorum) and computes the quorum
 * threshold. Ids are restricted to a small character set so that the canonical ballot string used
 * by the hash chain (`race=candidate;…`) can never be ambiguous.
 */
import { POSITIONS, type ElectionDefinition } from './types.js';

/**
 * What an election, race or candidate id may look like: 1–64 characters from `A–Z a–z 0–9 _ . : -`,
 * starting with a letter or digit. UUIDs and the platform's `newId()` fit. Names that exist on
 * `Object.prototype` (e.g. `constructor`) are also refused.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** True when `id` is usable as an election, race or candidate id. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id) && !(id in Object.prototype);
}

/**
 * The smallest number of ballots that meets a quorum: ceil(quorum × censusSize), computed so that
 * floating-point noise cannot add a vote (0.3 × 10 is 3, not 4).
 */
export function quorumVotes(censusSize: number, quorum: number): number {
  const exact = quorum * censusSize;
  const nearest = Math.round(exact);
  return Math.abs(exact - nearest) < 1e-9 ? nearest : Math.ceil(exact);
}

/** Outcome of `validateDefinition`. */
export type DefinitionCheck = { ok: true } | { ok: false; problems: string[] };

/**
 * Checks a definition before voting opens (and the verifier checks the published one): ids well
 * formed and unique, every race one seat with at least one candidate, each position at most once,
 * census a non-negative integer, quorum a fraction in [0, 1].
 */
export function validateDefinition(def: unknown): DefinitionCheck {
  const problems: string[] = [];
  if (typeof def !== 'object' || def === null || Array.isArray(def)) {
    return { ok: false, problems: ['The election definition is not an object.'] };
  }
  const d = def as Partial<ElectionDefinition>;
  if (!isValidId(d.id)) problems.push(`The election id ${show(d.id)} is not a valid id.`);
  if (typeof d.title !== 'string') problems.push('The election title is missing.');
  if (!Number.isSafeInteger(d.censusSize) || (d.censusSize as number) < 0) {
    problems.push(`The census size ${show(d.censusSize)} is not a non-negative integer.`);
  }
  if (typeof d.quorum !== 'number' || !Number.isFinite(d.quorum) || d.quorum < 0 || d.quorum > 1) {
    problems.push(`The quorum ${show(d.quorum)} is not a fraction between 0 and 1.`);
  }
  if (!Array.isArray(d.races) || d.races.length === 0) {
    problems.push('The election has no races.');
    return { ok: false, problems };
  }
  const raceIds = new Set<string>();
  const positions = new Set<string>();
  d.races.forEach((race: unknown, i) => {
    const where = `Race ${i + 1}`;
    if (typeof race !== 'object' || race === null) {
      problems.push(`${where} is not an object.`);
      return;
    }
    const r = race as Record<string, unknown>;
    if (!isValidId(r.id)) problems.push(`${where} has an invalid id ${show(r.id)}.`);
    else if (raceIds.has(r.id)) problems.push(`${where} repeats the race id "${r.id}".`);
    else raceIds.add(r.id);
    if (typeof r.position !== 'string' || !(POSITIONS as readonly string[]).includes(r.position)) {
      problems.push(`${where} has an unknown position ${show(r.position)}.`);
    } else if (positions.has(r.position)) {
      problems.push(`${where} repeats the position "${r.position}".`);
    } else positions.add(r.position);
    if (r.seats !== 1) problems.push(`${where} must have exactly 1 seat, not ${show(r.seats)}.`);
    if (!Array.isArray(r.candidates) || r.candidates.length === 0) {
      problems.push(`${where} has no candidates.`);
      return;
    }
    const candidateIds = new Set<string>();
    r.candidates.forEach((c: unknown, j) => {
      const cw = `${where}, candidate ${j + 1}`;
      if (typeof c !== 'object' || c === null) {
        problems.push(`${cw} is not an object.`);
        return;
      }
      const cc = c as Record<string, unknown>;
      if (!isValidId(cc.id)) problems.push(`${cw} has an invalid id ${show(cc.id)}.`);
      else if (candidateIds.has(cc.id)) problems.push(`${cw} repeats the candidate id "${cc.id}".`);
      else candidateIds.add(cc.id);
      if (typeof cc.name !== 'string' || cc.name.trim() === '') problems.push(`${cw} has no name.`);
    });
  });
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** A short rendering of an unknown value for messages. */
export function show(v: unknown): string {
  if (v === undefined) return '(missing)';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 100 ? `${s.slice(0, 97)}...` : s;
}

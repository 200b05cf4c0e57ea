/**
 * @module Election factories
 * Small builders for tests, seeds and benchmarks: a Mesa election definition, a ballot box cast
 * from a list of choices, and a published record. Not used by production code paths.
 */
import { appendBallot } from './chain.js';
import { newReceiptCode } from './receipt.js';
import { buildRecord } from './record.js';
import { tally } from './tally.js';
import type { ChainEntry, Choices, ElectionDefinition, ElectionRecord, ElectionResult, RecordMeta } from './types.js';

/**
 * A Mesa election: secretary, principal delegate and alternate delegate, the same four candidates
 * (ana, bruno, carla, diego) standing in each, census 10, quorum one half.
 */
export function mesaDefinition(overrides: Partial<ElectionDefinition> = {}): ElectionDefinition {
  const candidates = [
    { id: 'ana', name: 'Ana Pérez' },
    { id: 'bruno', name: 'Bruno Silva' },
    { id: 'carla', name: 'Carla Gómez' },
    { id: 'diego', name: 'Diego Núñez' },
  ];
  return {
    id: 'mesa-2026',
    title: 'Mesa 2026',
    races: [
      { id: 'secretary', position: 'secretary', seats: 1, candidates },
      { id: 'principal', position: 'principal_delegate', seats: 1, candidates },
      { id: 'alternate', position: 'alternate_delegate', seats: 1, candidates },
    ],
    censusSize: 10,
    quorum: 0.5,
    ...overrides,
  };
}

/** Appends one ballot per item of `choices`, in order, with fresh (or the given) receipt codes. */
export function castBallots(choices: Choices[], receipts?: string[]): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let prev: ChainEntry | null = null;
  choices.forEach((c, i) => {
    prev = appendBallot(prev, receipts?.[i] ?? newReceiptCode(), { choices: c });
    entries.push(prev);
  });
  return entries;
}

/** Casts, tallies and builds the record of an election in one go. */
export function electionRecord(
  def: ElectionDefinition,
  choices: Choices[],
  meta: RecordMeta = {},
): { entries: ChainEntry[]; result: ElectionResult; record: ElectionRecord } {
  const entries = castBallots(choices);
  const result = tally(def, entries, { tieResolutions: meta.tieResolutions });
  return { entries, result, record: buildRecord(def, entries, result, meta) };
}

/** A deep copy of a record (through JSON, as a reader of the published file would see it). */
export function cloneRecord(record: ElectionRecord): ElectionRecord {
  return JSON.parse(JSON.stringify(record)) as ElectionRecord;
}

/**
 * Four ways to tamper with a published record, each of which the verifier must catch (the in-browser and the
 * standalone verifier are compared on them): a ballot's choice changed, a ballot removed, a vote added to the
 * published result, and the census enlarged after the fact.
 */
export const TAMPERINGS: Record<string, (record: ElectionRecord) => ElectionRecord> = {
  'changed choice': (r) => {
    const t = cloneRecord(r);
    const b = t.ballots.find((x) => x.seq === 1)!;
    const race = t.election.races[0]!;
    b.choices[race.id] = b.choices[race.id] === race.candidates[0]!.id ? null : race.candidates[0]!.id;
    return t;
  },
  'removed ballot': (r) => {
    const t = cloneRecord(r);
    t.ballots = t.ballots.filter((x) => x.seq !== 1);
    return t;
  },
  'inflated result': (r) => {
    const t = cloneRecord(r);
    const race = t.result.races[0]!;
    const first = Object.keys(race.counts)[0]!;
    race.counts[first] = race.counts[first]! + 1;
    return t;
  },
  'enlarged census': (r) => {
    const t = cloneRecord(r);
    t.election.censusSize += 5;
    return t;
  },
};

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

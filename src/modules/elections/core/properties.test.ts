/**
 * Property tests (fast-check): any box of valid ballots builds a record that verifies and whose
 * recount equals the tally; any single alteration (a choice changed, a ballot dropped, duplicated,
 * or two swapped, a count edited) makes verification fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { castBallots, cloneRecord } from './factories.js';
import { RECEIPT_ALPHABET } from './receipt.js';
import { buildRecord, serializeRecord, verifyRecord } from './record.js';
import { tally } from './tally.js';
import { POSITIONS, type Choices, type ElectionDefinition, type ElectionRecord } from './types.js';

const CANDIDATE_IDS = ['ana', 'bruno', 'carla', 'diego', 'elena'];

/** A definition of 1–4 races (one per position), each with 1–5 candidates drawn from a shared pool. */
const arbDefinition: fc.Arbitrary<ElectionDefinition> = fc
  .tuple(
    fc.subarray([...POSITIONS], { minLength: 1 }),
    fc.array(fc.subarray(CANDIDATE_IDS, { minLength: 1 }), { minLength: 4, maxLength: 4 }),
    fc.integer({ min: 0, max: 40 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([positions, candidateSets, extraCensus, quorum]) => ({
    id: 'prop-election',
    title: 'Property election',
    races: positions.map((position, i) => ({
      id: `race-${position}`,
      position,
      seats: 1 as const,
      candidates: candidateSets[i]!.map((id) => ({ id, name: id.toUpperCase() })),
    })),
    censusSize: extraCensus, // raised below to at least the number of ballots
    quorum,
  }));

const arbReceipt = fc
  .array(fc.constantFrom(...RECEIPT_ALPHABET), { minLength: 16, maxLength: 16 })
  .map((s) => `${s.slice(0, 4).join('')}-${s.slice(4, 8).join('')}-${s.slice(8, 12).join('')}-${s.slice(12).join('')}`);

/** A definition and a box of 0–30 valid ballots with unique receipts. */
const arbElection = arbDefinition.chain((def) =>
  fc
    .uniqueArray(
      fc.tuple(
        arbReceipt,
        fc.tuple(...def.races.map((race) => fc.option(fc.constantFrom(...race.candidates.map((c) => c.id)), { nil: null }))),
      ),
      { maxLength: 30, selector: ([receipt]) => receipt },
    )
    .map((ballots) => {
      const choices: Choices[] = ballots.map(([, picks]) => Object.fromEntries(def.races.map((r, i) => [r.id, picks[i]!])));
      const fullDef = { ...def, censusSize: def.censusSize + ballots.length };
      return { def: fullDef, choices, receipts: ballots.map(([receipt]) => receipt) };
    }),
);

function recordOf(def: ElectionDefinition, choices: Choices[], receipts: string[]): ElectionRecord {
  const entries = castBallots(choices, receipts);
  return cloneRecord(buildRecord(def, entries, tally(def, entries)));
}

describe('properties of the record', () => {
  it('any box of valid ballots builds a record that verifies, and the recount is the tally', () => {
    fc.assert(
      fc.property(arbElection, ({ def, choices, receipts }) => {
        const record = recordOf(def, choices, receipts);
        const report = verifyRecord(record);
        expect(report.problems).toEqual([]);
        expect(report.ok).toBe(true);
        expect(report.recomputedResult).toEqual(record.result);
        expect(verifyRecord(JSON.parse(serializeRecord(record))).ok).toBe(true);
        // The listing is in hash order, never casting order, and still holds every seq once.
        const hashes = record.ballots.map((b) => b.hash);
        expect(hashes).toEqual([...hashes].sort());
        expect(record.ballots.map((b) => b.seq).sort((x, y) => x - y)).toEqual(choices.map((_, i) => i + 1));
        // Tally invariants: every ballot counted once per race, at most one winner, never an excluded one.
        for (const race of record.result.races) {
          const votes = Object.values(race.counts).reduce((a, b) => a + b, 0);
          expect(votes + race.blank + race.invalid).toBe(choices.length);
          expect(race.invalid).toBe(0);
          if (race.winner !== null) expect(race.excluded).not.toContain(race.winner);
          if (race.status === 'tie') expect(race.tied.length).toBeGreaterThan(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  type Alteration =
    | { kind: 'change'; ballot: number; race: number; pick: number }
    | { kind: 'drop'; ballot: number }
    | { kind: 'duplicate'; ballot: number; at: number }
    | { kind: 'swap'; a: number; b: number }
    | { kind: 'relist'; a: number; b: number }
    | { kind: 'count'; race: number; candidate: number; delta: number };

  const arbAlteration: fc.Arbitrary<Alteration> = fc.oneof(
    fc.record({ kind: fc.constant('change' as const), ballot: fc.nat(), race: fc.nat(), pick: fc.nat() }),
    fc.record({ kind: fc.constant('drop' as const), ballot: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), ballot: fc.nat(), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ kind: fc.constant('relist' as const), a: fc.nat(), b: fc.nat() }),
    fc.record({
      kind: fc.constant('count' as const),
      race: fc.nat(),
      candidate: fc.nat(),
      delta: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0),
    }),
  );

  /** Applies an alteration; false when it does not apply to this record (e.g. swap in a box of one). */
  function alter(record: ElectionRecord, a: Alteration): boolean {
    const ballots = record.ballots;
    const n = ballots.length;
    switch (a.kind) {
      case 'change': {
        if (n === 0) return false;
        const b = ballots[a.ballot % n]!;
        const race = record.election.races[a.race % record.election.races.length]!;
        const options = [null, ...race.candidates.map((c) => c.id)].filter((o) => o !== b.choices[race.id]);
        b.choices[race.id] = options[a.pick % options.length]!;
        return true;
      }
      case 'drop':
        if (n === 0) return false;
        ballots.splice(a.ballot % n, 1);
        return true;
      case 'duplicate':
        if (n === 0) return false;
        ballots.splice(a.at % (n + 1), 0, structuredClone(ballots[a.ballot % n]!));
        return true;
      case 'swap': {
        // Two ballots trade places in the chain (their seqs), the listing unchanged.
        if (n < 2) return false;
        const i = a.a % n;
        const j = (i + 1 + (a.b % (n - 1))) % n; // any other ballot
        [ballots[i]!.seq, ballots[j]!.seq] = [ballots[j]!.seq, ballots[i]!.seq];
        return true;
      }
      case 'relist': {
        // Two ballots trade places in the listing (e.g. back towards casting order), the chain unchanged.
        if (n < 2) return false;
        const i = a.a % n;
        const j = (i + 1 + (a.b % (n - 1))) % n;
        [ballots[i], ballots[j]] = [ballots[j]!, ballots[i]!];
        return true;
      }
      case 'count': {
        const race = record.result.races[a.race % record.result.races.length]!;
        const ids = Object.keys(race.counts);
        const id = ids[a.candidate % ids.length]!;
        race.counts[id] = race.counts[id]! + a.delta;
        return true;
      }
    }
  }

  it('any single alteration breaks verification', () => {
    fc.assert(
      fc.property(arbElection, arbAlteration, ({ def, choices, receipts }, alteration) => {
        const record = recordOf(def, choices, receipts);
        fc.pre(alter(record, alteration));
        const report = verifyRecord(record);
        expect(report.ok).toBe(false);
        expect(report.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

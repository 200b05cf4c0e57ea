/** Tests of the tally: plurality per race, exclusion of earlier winners, ties, quorum, blanks. */
import { describe, expect, it } from 'vitest';
import { quorumVotes, validateDefinition } from './definition.js';
import { castBallots, mesaDefinition } from './factories.js';
import { tally } from './tally.js';
import type { Choices, ElectionDefinition } from './types.js';

const oneSeat: ElectionDefinition = {
  id: 'sec-2026',
  title: 'Secretary 2026',
  races: [
    {
      id: 'secretary',
      position: 'secretary',
      seats: 1,
      candidates: [
        { id: 'ana', name: 'Ana' },
        { id: 'bruno', name: 'Bruno' },
        { id: 'carla', name: 'Carla' },
      ],
    },
  ],
  censusSize: 8,
  quorum: 0.5,
};

const sec = (...choices: (string | null)[]): Choices[] => choices.map((c) => ({ secretary: c }));
/** Ballots for the Mesa election, as `secretary/principal/alternate` with `-` for blank. */
const mesa = (...lines: string[]): Choices[] =>
  lines.map((l) => {
    const [s, p, a] = l.split('/').map((x) => (x === '-' ? null : x));
    return { secretary: s ?? null, principal: p ?? null, alternate: a ?? null };
  });

describe('one seat', () => {
  it('elects the candidate with most votes', () => {
    const r = tally(oneSeat, castBallots(sec('ana', 'bruno', 'ana', 'carla', 'ana')));
    expect(r).toMatchObject({ ballotsCast: 5, censusSize: 8, turnout: 5 / 8, quorumVotes: 4, quorumMet: true, status: 'elected' });
    expect(r.races[0]).toEqual({
      raceId: 'secretary',
      position: 'secretary',
      status: 'elected',
      counts: { ana: 3, bruno: 1, carla: 1 },
      blank: 0,
      invalid: 0,
      excluded: [],
      winner: 'ana',
      tied: [],
      decidedByRunoff: false,
    });
  });

  it('reports a tie, listing the tied candidates in ballot order, without choosing', () => {
    const r = tally(oneSeat, castBallots(sec('carla', 'ana', 'carla', 'ana', 'bruno')));
    expect(r.status).toBe('tie');
    expect(r.races[0]).toMatchObject({ status: 'tie', winner: null, tied: ['ana', 'carla'] });
  });

  it('settles a tie with the run-off named in a tie resolution, and only then', () => {
    const ballots = castBallots(sec('carla', 'ana', 'carla', 'ana', 'bruno'));
    const r = tally(oneSeat, ballots, { tieResolutions: [{ raceId: 'secretary', candidateId: 'carla' }] });
    expect(r.status).toBe('elected');
    expect(r.races[0]).toMatchObject({ status: 'elected', winner: 'carla', tied: ['ana', 'carla'], decidedByRunoff: true });
    // A resolution naming someone who did not tie is ignored.
    const wrong = tally(oneSeat, ballots, { tieResolutions: [{ raceId: 'secretary', candidateId: 'bruno' }] });
    expect(wrong.races[0]).toMatchObject({ status: 'tie', winner: null });
  });

  it('fails below quorum, and counts blank ballots towards it', () => {
    const few = tally(oneSeat, castBallots(sec('ana', 'ana', 'bruno')));
    expect(few).toMatchObject({ ballotsCast: 3, quorumVotes: 4, quorumMet: false, status: 'failed_quorum' });
    expect(few.races[0]).toMatchObject({ status: 'failed_quorum', winner: null, counts: { ana: 2, bruno: 1, carla: 0 } });

    const withBlank = tally(oneSeat, castBallots(sec('ana', 'ana', 'bruno', null)));
    expect(withBlank).toMatchObject({ ballotsCast: 4, quorumMet: true, status: 'elected' });
    expect(withBlank.races[0]).toMatchObject({ blank: 1, winner: 'ana', counts: { ana: 2, bruno: 1, carla: 0 } });
  });

  it('elects nobody when every ballot is blank', () => {
    const r = tally(oneSeat, castBallots(sec(null, null, null, null)));
    expect(r).toMatchObject({ quorumMet: true, status: 'no_winner' });
    expect(r.races[0]).toMatchObject({ status: 'no_votes', blank: 4, winner: null });
  });

  it('handles an empty box and an empty census', () => {
    expect(tally(oneSeat, [])).toMatchObject({ ballotsCast: 0, turnout: 0, quorumMet: false, status: 'failed_quorum' });
    const zero = { ...oneSeat, censusSize: 0 };
    expect(tally(zero, [])).toMatchObject({ turnout: 0, quorumVotes: 0, quorumMet: true, status: 'no_winner' });
  });
});

describe('quorumVotes', () => {
  it('rounds up, without floating-point surprises', () => {
    expect(quorumVotes(10, 0.5)).toBe(5);
    expect(quorumVotes(7, 0.5)).toBe(4);
    expect(quorumVotes(10, 0.3)).toBe(3); // 0.3 × 10 is 3.0000000000000004 in floating point
    expect(quorumVotes(3, 2 / 3)).toBe(2);
    expect(quorumVotes(100, 0.51)).toBe(51);
    expect(quorumVotes(9, 0)).toBe(0);
    expect(quorumVotes(9, 1)).toBe(9);
  });

  it('is met exactly at the threshold', () => {
    const def = { ...oneSeat, censusSize: 10 };
    expect(tally(def, castBallots(sec('ana', 'ana', 'ana', 'ana'))).quorumMet).toBe(false);
    expect(tally(def, castBallots(sec('ana', 'ana', 'ana', 'ana', null))).quorumMet).toBe(true);
  });
});

describe('several races: secretary, principal and alternate delegate', () => {
  const def = mesaDefinition();

  it('decides races in order and excludes earlier winners from later races', () => {
    const r = tally(
      def,
      castBallots(
        mesa(
          'ana/ana/bruno', // ana wins secretary, so her principal votes elect nobody
          'ana/ana/carla',
          'ana/bruno/carla',
          'bruno/ana/carla',
          'carla/bruno/bruno',
          'ana/carla/-',
        ),
      ),
    );
    expect(r.status).toBe('elected');
    const [secretary, principal, alternate] = r.races;
    expect(secretary).toMatchObject({ winner: 'ana', counts: { ana: 4, bruno: 1, carla: 1, diego: 0 }, excluded: [] });
    expect(principal).toMatchObject({
      status: 'elected',
      winner: 'bruno',
      counts: { ana: 3, bruno: 2, carla: 1, diego: 0 },
      excluded: ['ana'],
    });
    expect(alternate).toMatchObject({
      status: 'elected',
      winner: 'carla',
      counts: { ana: 0, bruno: 2, carla: 3, diego: 0 },
      blank: 1,
      excluded: ['ana', 'bruno'],
    });
  });

  it('marks later races pending when an earlier tie could change who is excluded', () => {
    const ballots = castBallots(mesa('ana/bruno/diego', 'bruno/bruno/diego', 'carla/carla/diego', 'diego/-/carla', 'ana/-/-', 'bruno/-/-'));
    const r = tally(def, ballots);
    expect(r.status).toBe('tie');
    expect(r.races.map((x) => x.status)).toEqual(['tie', 'pending', 'pending']);
    expect(r.races[0]).toMatchObject({ tied: ['ana', 'bruno'] });

    // After a run-off for secretary won by bruno, the same ballots decide the other races.
    const settled = tally(def, ballots, { tieResolutions: [{ raceId: 'secretary', candidateId: 'bruno' }] });
    expect(settled.status).toBe('elected');
    expect(settled.races.map((x) => x.winner)).toEqual(['bruno', 'carla', 'diego']);
    expect(settled.races[1]).toMatchObject({ excluded: ['bruno'], counts: { bruno: 2, carla: 1 } });
  });

  it('decides a later race normally when none of the tied candidates stands in it', () => {
    const split: ElectionDefinition = {
      ...def,
      censusSize: 2,
      races: [
        { ...def.races[0]!, candidates: [{ id: 'ana', name: 'Ana' }, { id: 'bruno', name: 'Bruno' }] },
        { ...def.races[1]!, candidates: [{ id: 'carla', name: 'Carla' }, { id: 'diego', name: 'Diego' }] },
      ],
    };
    const r = tally(split, castBallots([{ secretary: 'ana', principal: 'carla' }, { secretary: 'bruno', principal: 'carla' }]), {});
    expect(r.races.map((x) => x.status)).toEqual(['tie', 'elected']);
    expect(r.races[1]!.winner).toBe('carla');
    expect(r.status).toBe('tie');
  });

  it('reports a race as without winner when only excluded candidates got votes', () => {
    const r = tally(def, castBallots(mesa('ana/ana/-', 'ana/ana/-', 'ana/ana/-', 'ana/ana/-', 'ana/ana/-')));
    expect(r.races.map((x) => x.status)).toEqual(['elected', 'no_votes', 'no_votes']);
    expect(r.status).toBe('no_winner');
  });

  it('counts impossible choices as invalid instead of crashing', () => {
    const r = tally(def, [{ choices: { secretary: 'zoe', principal: null } }, { choices: null as never }]);
    expect(r.races[0]).toMatchObject({ invalid: 2, blank: 0 });
    expect(r.races[1]).toMatchObject({ invalid: 1, blank: 1 });
    expect(r.races[2]).toMatchObject({ invalid: 2 });
  });
});

describe('validateDefinition', () => {
  it('accepts the factories and refuses bad definitions with readable reasons', () => {
    expect(validateDefinition(mesaDefinition())).toEqual({ ok: true });
    const bad = validateDefinition({
      id: 'has space',
      title: 'x',
      censusSize: -1,
      quorum: 1.5,
      races: [
        { id: 'r', position: 'secretary', seats: 2, candidates: [{ id: 'a', name: 'A' }, { id: 'a', name: 'A again' }] },
        { id: 'r', position: 'secretary', seats: 1, candidates: [] },
        { id: 'constructor', position: 'president', seats: 1, candidates: [{ id: 'x;y', name: '' }] },
      ],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toEqual([
        'The election id "has space" is not a valid id.',
        'The census size -1 is not a non-negative integer.',
        'The quorum 1.5 is not a fraction between 0 and 1.',
        'Race 1 must have exactly 1 seat, not 2.',
        'Race 1, candidate 2 repeats the candidate id "a".',
        'Race 2 repeats the race id "r".',
        'Race 2 repeats the position "secretary".',
        'Race 2 has no candidates.',
        'Race 3 has an invalid id "constructor".',
        'Race 3 has an unknown position "president".',
        'Race 3, candidate 1 has an invalid id "x;y".',
        'Race 3, candidate 1 has no name.',
      ]);
    }
  });
});

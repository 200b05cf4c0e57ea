/** Tests of ballot validation and the canonical ballot text. */
import { describe, expect, it } from 'vitest';
import { canonicalBallot, sortedChoices, validateBallot } from './ballot.js';
import { mesaDefinition } from './factories.js';

const def = mesaDefinition();

describe('validateBallot', () => {
  it('accepts one candidate or a blank per race', () => {
    expect(validateBallot(def, { choices: { secretary: 'ana', principal: 'bruno', alternate: 'carla' } })).toEqual({ ok: true });
    expect(validateBallot(def, { choices: { secretary: null, principal: null, alternate: null } })).toEqual({ ok: true });
    // The same person may be chosen in two races (see docs/decisions/0102).
    expect(validateBallot(def, { choices: { secretary: 'ana', principal: 'ana', alternate: null } })).toEqual({ ok: true });
  });

  it('refuses a choice for a race the election does not have', () => {
    expect(
      validateBallot(def, { choices: { secretary: 'ana', principal: 'bruno', alternate: 'carla', treasurer: 'ana' } }),
    ).toEqual({ ok: false, reason: 'unknown_race', raceId: 'treasurer' });
  });

  it('refuses a ballot that leaves a race out (blank must be explicit)', () => {
    expect(validateBallot(def, { choices: { secretary: 'ana', principal: 'bruno' } })).toEqual({
      ok: false,
      reason: 'missing_race',
      raceId: 'alternate',
    });
  });

  it('refuses someone who is not a candidate of that race', () => {
    const one = mesaDefinition({
      races: [
        { id: 'secretary', position: 'secretary', seats: 1, candidates: [{ id: 'ana', name: 'Ana' }] },
        { id: 'principal', position: 'principal_delegate', seats: 1, candidates: [{ id: 'bruno', name: 'Bruno' }] },
      ],
    });
    expect(validateBallot(one, { choices: { secretary: 'bruno', principal: 'bruno' } })).toEqual({
      ok: false,
      reason: 'unknown_candidate',
      raceId: 'secretary',
      candidateId: 'bruno',
    });
  });

  it('refuses malformed ballots', () => {
    expect(validateBallot(def, null)).toEqual({ ok: false, reason: 'not_an_object' });
    expect(validateBallot(def, { choices: ['ana'] })).toEqual({ ok: false, reason: 'not_an_object' });
    expect(validateBallot(def, { choices: { secretary: 3, principal: null, alternate: null } })).toEqual({
      ok: false,
      reason: 'invalid_choice',
      raceId: 'secretary',
    });
    expect(validateBallot(def, { choices: { secretary: 'toString', principal: null, alternate: null } })).toMatchObject({
      ok: false,
      reason: 'unknown_candidate',
    });
  });
});

describe('canonicalBallot', () => {
  it('sorts races by id and writes blanks as an empty candidate', () => {
    expect(canonicalBallot({ choices: { secretary: 'ana', principal: null, alternate: 'carla' } })).toBe(
      'alternate=carla;principal=;secretary=ana',
    );
  });

  it('does not depend on key order', () => {
    const a = canonicalBallot({ choices: { b: 'x', a: 'y' } });
    const b = canonicalBallot({ choices: { a: 'y', b: 'x' } });
    expect(a).toBe(b);
    expect(Object.keys(sortedChoices({ b: 'x', a: null }))).toEqual(['a', 'b']);
  });

  it('refuses ids that would make the text ambiguous', () => {
    expect(() => canonicalBallot({ choices: { 'a;b': 'x' } })).toThrow(TypeError);
    expect(() => canonicalBallot({ choices: { a: 'x=y' } })).toThrow(TypeError);
  });
});

/** The one check of a submitted answer form: every refusal named beside its question, nothing accepted half-way. */
import { describe, expect, it } from 'vitest';
import { readAnswers, valuesOf, fieldOf, type Resolved } from './model.js';

const base = { required: true, prompt: { es: 'P' }, help: {}, source: 'custom' as const, customItems: [], minN: null, maxN: null, lowLabel: {}, highLabel: {}, showIf: null };
const items = ['1', '2', '3', '4'].map((k) => ({ key: k, label: `Item ${k}` }));
const rank: Resolved = { ...base, id: 'r'.repeat(16), position: 1, kind: 'rank', maxN: 3, items };
const many: Resolved = { ...base, id: 'm'.repeat(16), position: 2, kind: 'many', minN: 1, maxN: 2, items };
const pts: Resolved = { ...base, id: 'p'.repeat(16), position: 3, kind: 'points', maxN: 10, items, required: false };
const one: Resolved = { ...base, id: 'o'.repeat(16), position: 4, kind: 'one', items: items.slice(0, 2) };
const cond: Resolved = { ...base, id: 'c'.repeat(16), position: 5, kind: 'short', items: [], showIf: { questionId: one.id, value: '1' } };
const all = [rank, many, pts, one, cond];
const f = fieldOf;

describe('readAnswers', () => {
  const good = { [f(rank, '3')]: '1', [f(rank, '1')]: '2', [f(many)]: ['2', '1'], [f(pts, '1')]: '4', [f(pts, '2')]: '6', [f(one)]: '1', [f(cond)]: 'sí' };
  it('reads a complete answer (partial ranking, choices in item order, points, a condition met)', () => {
    const r = readAnswers(all, good);
    expect(r.errors).toEqual({});
    expect(r.answers).toEqual({ [rank.id]: ['3', '1'], [many.id]: ['1', '2'], [pts.id]: { '1': 4, '2': 6 }, [one.id]: '1', [cond.id]: 'sí' });
    expect(readAnswers(all, valuesOf(all, r.answers)).answers).toEqual(r.answers);
  });
  it.each([
    ['the same rank twice', { [f(rank, '2')]: '1' }, f(rank), 'consultations.errors.rankOrder'],
    ['a rank out of range', { [f(rank, '2')]: '4' }, f(rank), 'consultations.errors.rankRange'],
    ['a rank that is not a number', { [f(rank, '2')]: 'x' }, f(rank), 'consultations.errors.rankRange'],
    ['points that do not add up', { [f(pts, '3')]: '1' }, f(pts), 'consultations.errors.pointsSum'],
    ['more choices than allowed', { [f(many)]: ['1', '2', '3'] }, f(many), 'consultations.errors.tooMany'],
    ['an option that does not exist', { [f(one)]: '9' }, f(one), 'form.error.choice'],
    ['an answer to a hidden question', { [f(one)]: '2' }, f(cond), 'consultations.errors.hiddenAnswered'],
  ])('refuses %s', (_what, change, field, key) => {
    const r = readAnswers(all, { ...good, ...change });
    expect(r.errors[field]?.key).toBe(key);
  });
  it('refuses a required question left blank, and skips a hidden one', () => {
    const r = readAnswers(all, { ...good, [f(one)]: '2', [f(cond)]: '', [f(many)]: [] });
    expect(Object.keys(r.errors)).toEqual([f(many)]);
    expect(r.answers[cond.id]).toBeUndefined();
  });
});

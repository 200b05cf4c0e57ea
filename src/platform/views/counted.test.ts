import { describe, expect, it } from 'vitest';
import { choicesHtml, countedChoices, countedHtml, countedOptions, countsAt, optionsHtml, type Option } from './components.js';

/** Labels and values with what escaping changes, a mark-like character and non-Latin text. */
const OPTIONS: Option[] = [
  { value: 'AR', label: 'Argentina' },
  { value: 'a&b', label: 'Tom & "Jerry" <3' },
  { value: 'ß', label: 'Côte d’Ivoire \u0002' },
  { value: '17', label: 'Objetivo 17: eliminar la discriminación' },
];
const COUNTS = [12, 0, 3, 1234];
/** What the route wrote before: the labels with their counts, through optionsHtml and choicesHtml. */
const withCounts = (keep: (i: number, n: number) => boolean = () => true) =>
  OPTIONS.flatMap((o, i) => (keep(i, COUNTS[i]!) ? [{ value: o.value, label: `${o.label} (${COUNTS[i]})` }] : []));

describe('counted options and choices', () => {
  it('write a select’s options as optionsHtml does, whichever is chosen, with those left out that keep refuses', () => {
    const k = countedOptions(OPTIONS);
    for (const chosen of ['', 'AR', 'a&b', 'ß', 'none']) {
      expect(countedHtml(k, (i) => COUNTS[i]!, (v) => v === chosen)).toBe(optionsHtml(withCounts(), chosen));
      const keep = (_: number, n: number) => n > 0;
      expect(countedHtml(k, (i) => COUNTS[i]!, (v) => v === chosen, keep)).toBe(optionsHtml(withCounts(keep), chosen));
    }
  });

  it('write checkboxes and radios as choicesHtml does, with several chosen', () => {
    for (const multiple of [true, false])
      for (const columns of [true, false]) {
        const k = countedChoices({ name: 'gcm_objectives', options: OPTIONS, multiple, columns });
        for (const chosen of [[], ['17'], ['AR', 'ß', 'a&b']]) {
          expect(countedHtml(k, (i) => COUNTS[i]!, (v) => chosen.includes(v))).toBe(choicesHtml({ name: 'gcm_objectives', options: withCounts(), chosen, multiple, columns }));
        }
      }
  });
});

describe('countsAt', () => {
  it('puts each count found at its choice’s place, zero where nothing was found, for the same list again and again', () => {
    const list = [{ key: 'BR' }, { key: '279' }, { key: 'CL' }];
    expect([...countsAt(list, (x) => x.key, { CL: 4, '279': 2, XX: 9 })]).toEqual([0, 2, 4]);
    expect([...countsAt(list, (x) => x.key, {})]).toEqual([0, 0, 0]);
    expect([...countsAt(list, (x) => x.key, { BR: 1 })]).toEqual([1, 0, 0]);
  });
});

/**
 * @module Consultations: questions and answers as plain data, and the one check of a submitted form.
 * Pure (no database): the routes resolve each question's items first (reference items in the reader's
 * language), then `readAnswers` turns the posted fields into answers or translated refusals per field.
 */
import type { FormValues } from '../../platform/views/components.js';
import type { Translated } from '../../platform/i18n/translated.js';
import type { ItemSource, QuestionKind } from './tables.js';

export const KINDS: readonly QuestionKind[] = ['rank', 'points', 'one', 'many', 'scale', 'short', 'long'];
export const SOURCES: readonly ItemSource[] = ['objectives', 'principles', 'countries', 'custom'];
/** Kinds whose answers are about a list of items. */
export const ITEM_KINDS: readonly QuestionKind[] = ['rank', 'points', 'one', 'many'];
export const SCALE = [1, 2, 3, 4, 5] as const;
export const SHORT_MAX = 300;
export const LONG_MAX = 5000;

export interface Item {
  key: string;
  label: string;
}

export interface Question {
  id: string;
  position: number;
  kind: QuestionKind;
  required: boolean;
  prompt: Translated;
  help: Translated;
  source: ItemSource | null;
  /** Custom items as stored (reference items are resolved by the caller). */
  customItems: { key: string; label: Translated }[];
  minN: number | null;
  maxN: number | null;
  lowLabel: Translated;
  highLabel: Translated;
  showIf: { questionId: string; value: string } | null;
}

/** A question with its items in the reader's language. */
export type Resolved = Question & { items: Item[] };

/** One question's answer: a key (one), keys (many; rank in order), points per key, a scale value, or text. */
export type Answer = string | string[] | Record<string, number> | number;
export type Answers = Record<string, Answer>;

/** The form field of a question (and, for rankings and points, of each item). */
export const fieldOf = (q: { id: string }, item?: string) => (item ? `q_${q.id}_${item}` : `q_${q.id}`);

/** Whether an answer "has the value" a condition asks for. */
export function matches(a: Answer | undefined, value: string): boolean {
  if (a === undefined) return false;
  if (Array.isArray(a)) return a.includes(value);
  if (typeof a === 'object') return (a[value] ?? 0) > 0;
  return String(a) === value;
}

/** Whether a question is asked, given the answers so far (conditions point only to earlier questions). */
export const isShown = (q: Question, answers: Answers) => !q.showIf || matches(answers[q.showIf.questionId], q.showIf.value);

const str = (v: FormValues[string]) => (Array.isArray(v) ? v[v.length - 1] ?? '' : (v ?? '')).trim();
const list = (v: FormValues[string]) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => x.trim()).filter(Boolean);
const integer = (s: string) => (/^\d{1,6}$/.test(s) ? Number(s) : NaN);

/**
 * Reads the posted form: answers of shown questions, and for each refused field the message key. A
 * hidden (conditional) question that was answered is refused too, so nothing unasked is stored.
 */
export function readAnswers(questions: Resolved[], values: FormValues): { answers: Answers; errors: Record<string, { key: string; params?: Record<string, string | number> }> } {
  const answers: Answers = {};
  const errors: Record<string, { key: string; params?: Record<string, string | number> }> = {};
  for (const q of [...questions].sort((a, b) => a.position - b.position)) {
    const f = fieldOf(q);
    const keys = new Set(q.items.map((i) => i.key));
    const shown = isShown(q, answers);
    let a: Answer | undefined;
    let err: { key: string; params?: Record<string, string | number> } | undefined;
    switch (q.kind) {
      case 'one': {
        const v = str(values[f]);
        if (v && !keys.has(v)) err = { key: 'form.error.choice' };
        else if (v) a = v;
        break;
      }
      case 'many': {
        const v = [...new Set(list(values[f]))];
        if (v.some((k) => !keys.has(k))) err = { key: 'form.error.choice' };
        else if (v.length) {
          if (q.maxN && v.length > q.maxN) err = { key: 'consultations.errors.tooMany', params: { max: q.maxN } };
          else if (q.minN && v.length < q.minN) err = { key: 'consultations.errors.tooFew', params: { min: q.minN } };
          else a = q.items.map((i) => i.key).filter((k) => v.includes(k));
        }
        break;
      }
      case 'scale': {
        const v = str(values[f]);
        if (v && !SCALE.includes(integer(v) as 1)) err = { key: 'form.error.choice' };
        else if (v) a = integer(v);
        break;
      }
      case 'short':
      case 'long': {
        const v = str(values[f]);
        const max = q.kind === 'short' ? SHORT_MAX : LONG_MAX;
        if (v.length > max) err = { key: 'consultations.errors.tooLong', params: { max } };
        else if (v) a = v;
        break;
      }
      case 'rank': {
        // A number per item: 1 = first. Blank items are not ranked (partial rankings are allowed).
        const limit = Math.min(q.maxN ?? q.items.length, q.items.length);
        const ranked: [string, number][] = [];
        for (const it of q.items) {
          const v = str(values[fieldOf(q, it.key)]);
          if (!v) continue;
          const n = integer(v);
          if (!Number.isInteger(n) || n < 1 || n > limit) {
            err = { key: 'consultations.errors.rankRange', params: { max: limit } };
            break;
          }
          ranked.push([it.key, n]);
        }
        if (err) break;
        const ranks = ranked.map((r) => r[1]).sort((x, y) => x - y);
        // The ranks given must be 1, 2, …, m: no rank twice, no gap.
        if (ranks.some((r, i) => r !== i + 1)) err = { key: 'consultations.errors.rankOrder' };
        else if (ranked.length) a = ranked.sort((x, y) => x[1] - y[1]).map((r) => r[0]);
        break;
      }
      case 'points': {
        const total = q.maxN ?? 10;
        const pts: Record<string, number> = {};
        let sum = 0;
        for (const it of q.items) {
          const v = str(values[fieldOf(q, it.key)]);
          if (!v) continue;
          const n = integer(v);
          if (!Number.isInteger(n) || n < 0 || n > total) {
            err = { key: 'consultations.errors.pointsRange', params: { total } };
            break;
          }
          if (n > 0) pts[it.key] = n;
          sum += n;
        }
        if (err) break;
        if (sum > 0 && sum !== total) err = { key: 'consultations.errors.pointsSum', params: { total, sum } };
        else if (sum > 0) a = pts;
        break;
      }
    }
    // Rankings and points are refused as a whole, beside the question (its fieldset carries the question's field id).
    const field = f;
    if (err) {
      errors[field] = err;
      continue;
    }
    if (!shown) {
      if (a !== undefined) errors[field] = { key: 'consultations.errors.hiddenAnswered' };
      continue;
    }
    if (a === undefined) {
      if (q.required) errors[field] = { key: 'form.error.required' };
      continue;
    }
    answers[q.id] = a;
  }
  return { answers, errors };
}

/** The form's values that show a stored answer again. */
export function valuesOf(questions: Question[], answers: Answers): FormValues {
  const v: FormValues = {};
  for (const q of questions) {
    const a = answers[q.id];
    if (a === undefined) continue;
    if (q.kind === 'rank' && Array.isArray(a)) a.forEach((k, i) => (v[fieldOf(q, k)] = String(i + 1)));
    else if (q.kind === 'points' && typeof a === 'object' && !Array.isArray(a)) for (const [k, n] of Object.entries(a)) v[fieldOf(q, k)] = String(n);
    else if (Array.isArray(a)) v[fieldOf(q)] = a;
    else v[fieldOf(q)] = String(a);
  }
  return v;
}

/** When results are shown to everyone, in the order the form offers them (the default first). */
export const RELEASES = ['organizers', 'close', 'live'] as const;

/**
 * @module Consultations: counted results of *closed* consultations, kept in memory per answers-version.
 * A closed consultation's answers cannot change (no route, job or command writes an answer after the close),
 * so what is counted from them — per breakdown — is the same on every request: it is counted once and kept,
 * under a key that names the consultation, its close and its number of answers (the answers-version: if an
 * answer were ever removed, the key changes and the count is made again). What the counts read besides the
 * answers (an organization's country, type or body, for a breakdown) can change: entries also expire after
 * TTL_MS, so such a change shows within minutes. Open consultations (live results) are always counted afresh.
 * Concurrent first requests share one count (the promise is kept, not its value). Bounded: at most MAX_ENTRIES
 * entries, the oldest dropped first. Per process (each instance counts once). See docs/decisions/0501-consultations.md.
 */
import type { Consultation } from './queries.js';

export const TTL_MS = 10 * 60_000;
export const MAX_ENTRIES = 500;
/** The parsed answers themselves are large (a few MB per thousand answers): only this many consultations' are kept. */
export const MAX_ANSWER_SETS = 4;
/** A consultation with more answers than this is read afresh for each count (its parsed answers are not kept). */
export const MAX_KEPT_ANSWERS = 20_000;

type Store = Map<string, { at: number; value: Promise<unknown> }>;
const store: Store = new Map();
const answerSets: Store = new Map();

/** The answers-version of a closed consultation, or null when its counts must not be kept (not closed). */
export const versionOf = (k: Pick<Consultation, 'id' | 'status' | 'closedAt' | 'answerCount'>) => (k.status === 'closed' && k.closedAt ? `${k.id}|${k.closedAt}|${k.answerCount}` : null);

/** `compute()` once per (answers-version, part) while fresh; afresh every time for a consultation that is not closed. */
export function keptCount<T>(k: Pick<Consultation, 'id' | 'status' | 'closedAt' | 'answerCount'>, part: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const v = versionOf(k);
  if (!v) return compute();
  return keep(store, MAX_ENTRIES, `${v}|${part}`, compute, now);
}

/**
 * The parsed answers of a closed consultation, read once per answers-version and shared by every breakdown's first
 * count (each breakdown is then a filter in memory, not a new read and parse of every answer). At most
 * MAX_ANSWER_SETS consultations' answers are kept, and none of more than MAX_KEPT_ANSWERS answers: memory stays bounded.
 */
export function keptAnswers<T>(k: Pick<Consultation, 'id' | 'status' | 'closedAt' | 'answerCount'>, read: () => Promise<T>, now = Date.now()): Promise<T> {
  const v = versionOf(k);
  if (!v || k.answerCount > MAX_KEPT_ANSWERS) return read();
  return keep(answerSets, MAX_ANSWER_SETS, v, read, now);
}

function keep<T>(into: Store, max: number, key: string, compute: () => Promise<T>, now: number): Promise<T> {
  const hit = into.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = compute();
  into.delete(key);
  into.set(key, { at: now, value });
  // A failed count is not kept.
  value.catch(() => into.get(key)?.value === value && into.delete(key));
  while (into.size > max) into.delete(into.keys().next().value!);
  return value;
}

/** Forgets every kept count (tests). */
export function clearKeptCounts() {
  store.clear();
  answerSets.clear();
}

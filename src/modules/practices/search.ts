/**
 * @module Practices: search
 * Text is matched by each engine's own full-text index — SQLite FTS5 (one table per language,
 * `unicode61 remove_diacritics 2`, bm25 with the title weighing 4) or PostgreSQL tsvector over unaccent
 * (one row per practice and language, GIN-indexed, stemmed with that language's configuration). A word
 * missing from a language's vocabulary is replaced by the words of that same language within one edit
 * (two for words of 8 letters or more), so "migrasion" finds "migración" in Spanish and "migration" in
 * English, never crossing languages.
 * Everything else runs over a compact in-memory index of the published practices (typed arrays), rebuilt
 * when `practice_meta.search_version` changes: facet postings, per-practice facet codes, and caches of
 * each text's ranked matches and of typo candidates. A text is ranked by the engine once per index
 * version; filters, facet counts, sorting and paging are then array passes (see
 * docs/decisions/0301-practices-search.md).
 */
import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/schema.js';
import { dialectOf } from '../../db/migrator.js';
import { newId } from '../../db/ids.js';
import { parseTranslated } from '../../platform/i18n/translated.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { fold, words, editDistance, typoBudget, TEXT_FIELDS } from './model.js';
import { wordPostings, pgVocabulary } from './pg-postings.js';

export const PG_CONFIG: Record<Locale, string> = { es: 'spanish', en: 'english', pt: 'portuguese', fr: 'french' };
export const FACETS = ['objective', 'principle', 'country', 'region', 'type', 'lang'] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchQuery {
  text?: string;
  objective?: string[];
  principle?: string[];
  country?: string[];
  region?: string[];
  type?: string[];
  lang?: string[];
  sort?: 'relevance' | 'newest' | 'oldest';
  page?: number;
  perPage?: number;
}

export interface SearchOutcome {
  total: number;
  page: number;
  pages: number;
  perPage: number;
  /** Ids of this page's practices, in order. */
  ids: string[];
  /** Counts per facet value over the whole result. */
  facets: Record<Facet, Record<string, number>>;
  /** The words actually searched per language, after typo correction (for "showing results for"). */
  corrected: string[];
}

// ---------------------------------------------------------------------------------------------------
// Writing the index

/** Bumps the version the in-memory index checks; call in the transaction that changes the published set. */
export async function bumpSearchVersion(db: Db): Promise<void> {
  const v = newId();
  await db
    .insertInto('practice_meta')
    .values({ key: 'search_version', value: v })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: v }))
    .execute();
}

/** Texts of a practice per language: title, and the rest as one body. */
export function textsOf(p: Record<string, any>): { lang: Locale; title: string; body: string }[] {
  const parsed = Object.fromEntries(TEXT_FIELDS.map((f) => [f, parseTranslated(p[f])])) as Record<string, Partial<Record<Locale, string>>>;
  const extra = [p.implementers, p.partners].filter(Boolean).join('\n');
  const out: { lang: Locale; title: string; body: string }[] = [];
  for (const l of LOCALES) {
    const title = parsed.title?.[l] ?? '';
    const body = TEXT_FIELDS.filter((f) => f !== 'title')
      .map((f) => parsed[f]?.[l] ?? '')
      .filter(Boolean)
      .join('\n');
    if (!title && !body) continue;
    out.push({ lang: l, title, body: extra ? `${body}\n${extra}` : body });
  }
  return out;
}

/** Removes a practice from the full-text index. */
export async function unindexPractice(db: Db, p: { id: string; seq: number | null }): Promise<void> {
  if (dialectOf(db as any) === 'postgres') {
    await db.deleteFrom('practice_texts').where('practice_id', '=', p.id).execute();
  } else if (p.seq != null) {
    for (const l of LOCALES) await sql`delete from ${sql.table(`practices_fts_${l}`)} where rowid = ${p.seq}`.execute(db);
  }
}

/** (Re)writes a practice's full-text rows: only published practices are searchable. */
export async function indexPractice(db: Db, p: Record<string, any>): Promise<void> {
  await unindexPractice(db, { id: p.id, seq: p.seq });
  if (p.status !== 'published') return;
  const texts = textsOf(p);
  if (dialectOf(db as any) === 'postgres') {
    for (const t of texts) {
      const cfg = PG_CONFIG[t.lang];
      await sql`insert into practice_texts (practice_id, lang, tsv) values (${p.id}, ${t.lang},
        setweight(to_tsvector(${cfg}::regconfig, public.unaccent(${t.title})), 'A') || setweight(to_tsvector(${cfg}::regconfig, public.unaccent(${t.body})), 'B'))`.execute(db);
      const ws = [...new Set(words(`${t.title} ${t.body}`))].filter((w) => w.length <= 60);
      for (let i = 0; i < ws.length; i += 500) {
        const chunk = ws.slice(i, i + 500);
        await db
          .insertInto('practice_words')
          .values(chunk.map((word) => ({ lang: t.lang, word })))
          .onConflict((oc) => oc.columns(['lang', 'word']).doNothing())
          .execute();
      }
    }
  } else {
    for (const t of texts) await sql`insert into ${sql.table(`practices_fts_${t.lang}`)} (rowid, title, body) values (${p.seq}, ${t.title}, ${t.body})`.execute(db);
  }
}

// ---------------------------------------------------------------------------------------------------
// The in-memory index

/** A text's matches, best first (ties: newest first), as positions in the index. */
interface TextResult {
  order: Int32Array;
  /** The same positions in index order (newest first), made on demand. */
  byPos: Int32Array | null;
  corrected: string[];
}

/** SQLite's vocabulary of one language: terms and their document counts, by first letter. */
type Vocab = Map<string, { terms: string[]; docs: number[] }>;

interface SearchIndex {
  version: string;
  /** Published practices, newest first. */
  ids: string[];
  /** id → position (PostgreSQL hits). */
  posOfId: Map<string, number>;
  /** SQLite seq → position, -1 when not published. */
  posOfSeq: Int32Array;
  /** Facet codes per practice: codes[offsets[i]..offsets[i+1]). */
  offsets: Int32Array;
  codes: Int32Array;
  termNames: { facet: Facet; value: string }[];
  termCode: Map<string, number>;
  /** Positions having each facet code, ascending. */
  postings: Int32Array[];
  /** Counts over every published practice. */
  allCounts: Int32Array;
  texts: Map<string, TextResult>;
  expansions: Map<string, string[] | null>;
}

const MAX_CACHED_TEXTS = 500;
const indexes = new WeakMap<object, SearchIndex>();
const building = new WeakMap<object, Promise<SearchIndex>>();
const vocabs = new WeakMap<object, Partial<Record<Locale, { version: string; vocab: Vocab }>>>();

async function currentVersion(db: Db): Promise<string> {
  return (await db.selectFrom('practice_meta').select('value').where('key', '=', 'search_version').executeTakeFirst())?.value ?? '0';
}

async function buildIndex(db: Db, version: string): Promise<SearchIndex> {
  const rows = await db.selectFrom('practices').select(['id', 'seq']).where('status', '=', 'published').orderBy('published_at', 'desc').orderBy('id').execute();
  const n = rows.length;
  const ids = new Array<string>(n);
  const posOfId = new Map<string, number>();
  let maxSeq = 0;
  for (const r of rows) if (r.seq != null && r.seq > maxSeq) maxSeq = r.seq;
  const posOfSeq = new Int32Array(maxSeq + 1).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    ids[i] = r.id;
    posOfId.set(r.id, i);
    if (r.seq != null) posOfSeq[r.seq] = i;
  }
  // One row per facet value, with the ids that have it (drafts' terms are skipped by the id lookup).
  const agg = dialectOf(db as any) === 'postgres' ? sql`string_agg(practice_id, ',')` : sql`group_concat(practice_id, ',')`;
  const terms = await sql<{ facet: string; value: string; ids: string }>`select facet, value, ${agg} as ids from practice_terms group by facet, value`.execute(db);
  const termNames: SearchIndex['termNames'] = [];
  const termCode = new Map<string, number>();
  const postings: Int32Array[] = [];
  const perDoc = new Int32Array(n + 1);
  for (const t of terms.rows) {
    const list: number[] = [];
    for (const id of t.ids.split(',')) {
      const i = posOfId.get(id);
      if (i !== undefined) list.push(i);
    }
    if (!list.length) continue;
    const code = termNames.length;
    termNames.push({ facet: t.facet as Facet, value: t.value });
    termCode.set(`${t.facet}:${t.value}`, code);
    const p = Int32Array.from(list).sort();
    postings.push(p);
    for (const i of p) perDoc[i]!++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + perDoc[i]!;
  const codes = new Int32Array(offsets[n]!);
  const fill = offsets.slice(0, n);
  const allCounts = new Int32Array(termNames.length);
  postings.forEach((p, code) => {
    allCounts[code] = p.length;
    for (const i of p) codes[fill[i]!++] = code;
  });
  return { version, ids, posOfId, posOfSeq, offsets, codes, termNames, termCode, postings, allCounts, texts: new Map(), expansions: new Map() };
}

async function searchIndex(db: Db): Promise<SearchIndex> {
  const key = db as object;
  const version = await currentVersion(db);
  const have = indexes.get(key);
  if (have && have.version === version) return have;
  const pending = building.get(key);
  if (pending) {
    const idx = await pending;
    if (idx.version === version) return idx;
  }
  const p = buildIndex(db, version);
  building.set(key, p);
  try {
    const idx = await p;
    indexes.set(key, idx);
    return idx;
  } finally {
    if (building.get(key) === p) building.delete(key);
  }
}

/** Forgets the in-memory index and caches (tests and benchmarks). */
export function dropSearchCache(db: Db, opts: { keepIndex?: boolean } = {}) {
  const idx = indexes.get(db as object);
  if (opts.keepIndex && idx) {
    idx.texts.clear();
    idx.expansions.clear();
  } else indexes.delete(db as object);
  vocabs.delete(db as object);
}

// ---------------------------------------------------------------------------------------------------
// Typo candidates

async function loadVocab(db: Db, lang: Locale): Promise<Vocab> {
  const rows = await sql<{ term: string; doc: number }>`select term, doc from ${sql.table(`practices_vocab_${lang}`)}`.execute(db);
  const vocab: Vocab = new Map();
  for (const r of rows.rows) {
    const k = r.term[0]!;
    let g = vocab.get(k);
    if (!g) vocab.set(k, (g = { terms: [], docs: [] }));
    g.terms.push(r.term);
    g.docs.push(r.doc);
  }
  return vocab;
}

/**
 * SQLite's vocabulary of a language, read once per index version. After a change the previous one
 * answers (typo candidates only: whether a word exists is always asked fresh) while it is read again.
 */
async function vocabOf(db: Db, lang: Locale, version: string): Promise<Vocab> {
  const key = db as object;
  const per = vocabs.get(key) ?? {};
  vocabs.set(key, per);
  const have = per[lang];
  if (have && have.version === version) return have.vocab;
  if (have) {
    have.version = version; // one refresh at a time
    setImmediate(() => {
      loadVocab(db, lang).then(
        (vocab) => (per[lang] = { version, vocab }),
        () => undefined,
      );
    });
    return have.vocab;
  }
  const vocab = await loadVocab(db, lang);
  per[lang] = { version, vocab };
  return vocab;
}

/** Words of `lang` that exist, for each query word: itself when known, else near words (best first). */
async function expand(db: Db, dialect: Dialect, idx: SearchIndex, lang: Locale, terms: string[]): Promise<string[][] | null> {
  const out: string[][] = [];
  for (const term of terms) {
    const key = `${lang}:${term}`;
    let cands = idx.expansions.get(key);
    if (cands === undefined) {
      cands = await expandTerm(db, dialect, idx, lang, term);
      idx.expansions.set(key, cands);
    }
    if (!cands) return null; // every word must match: this language has no match
    out.push(cands);
  }
  return out;
}

async function expandTerm(db: Db, dialect: Dialect, idx: SearchIndex, lang: Locale, term: string): Promise<string[] | null> {
  let known: boolean;
  let near: { w: string; d: number; n: number }[] = [];
  const budget = typoBudget(term);
  const lo = term[0]!;
  const hi = String.fromCodePoint(lo.codePointAt(0)! + 1);
  if (dialect === 'postgres') {
    const vocab = await pgVocabulary(db, lang, idx.version); // pg-postings.ts: practice_words in memory
    known = vocab.has(term);
    if (!known && budget) near = vocab.near(term, budget).map((w) => ({ w, d: editDistance(term, w, budget), n: 0 }));
  } else {
    const vocab = sql.table(`practices_vocab_${lang}`);
    const r = await sql<{ doc: number }>`select doc from ${vocab} where term = ${term}`.execute(db);
    known = r.rows.length > 0;
    if (!known && budget) {
      const g = (await vocabOf(db, lang, idx.version)).get(lo);
      if (g)
        for (let i = 0; i < g.terms.length; i++) {
          const w = g.terms[i]!;
          if (w >= lo && w < hi && Math.abs(w.length - term.length) <= budget) near.push({ w, d: editDistance(term, w, budget), n: g.docs[i]! });
        }
    }
  }
  if (known) return [term];
  const cands = near
    .filter((c) => c.d <= budget)
    .sort((a, b) => a.d - b.d || b.n - a.n)
    .slice(0, 4)
    .map((c) => c.w);
  return cands.length ? cands : null;
}

/**
 * The words a text is searched by: letters and digits only (quotes, operators, `*`, `^`, parentheses and
 * control characters never reach FTS5 or to_tsquery), at most 60 letters each (longer ones are ignored:
 * no indexed word is that long), the first 8. Empty when nothing is left: then there is no text filter.
 */
export function searchTerms(text: string): string[] {
  return [...new Set(words(text))].filter((w) => w.length <= 60).slice(0, 8);
}

/** A text's matches over every language, ranked once per index version (then cached). */
async function textResult(db: Db, dialect: Dialect, idx: SearchIndex, terms: string[]): Promise<TextResult> {
  const key = terms.join(' ');
  const cached = idx.texts.get(key);
  if (cached) return cached;
  const n = idx.ids.length;
  const score = new Float64Array(n).fill(-Infinity);
  const hit: number[] = [];
  const corrected = new Set<string>();
  const add = (i: number, s: number) => {
    if (i < 0) return;
    if (score[i] === -Infinity) hit.push(i);
    if (s > score[i]!) score[i] = s;
  };
  // PostgreSQL: the languages' typo expansions are independent round trips, asked at once.
  const expanded = dialect === 'postgres' && terms.length ? await Promise.all(LOCALES.map((l) => expand(db, dialect, idx, l, terms))) : null;
  for (const [li, lang] of LOCALES.entries()) {
    const groups = expanded ? expanded[li]! : terms.length ? await expand(db, dialect, idx, lang, terms) : null;
    if (!groups) continue;
    groups.forEach((g, i) => g.forEach((w) => w !== terms[i] && corrected.add(w)));
    if (dialect === 'postgres') {
      await rankPostgres(db, idx, lang, groups, add);
    } else {
      const match = groups.map((g) => `(${g.map((w) => `"${w}"`).join(' OR ')})`).join(' AND ');
      const fts = sql.table(`practices_fts_${lang}`);
      const rows = await sql<{ seq: number; score: number }>`select rowid as seq, bm25(${fts}, 4.0, 1.0) as score from ${fts} where ${fts} match ${match}`.execute(db);
      for (const r of rows.rows) if (r.seq < idx.posOfSeq.length) add(idx.posOfSeq[r.seq]!, -Number(r.score)); // bm25: lower is better
    }
  }
  const order = Int32Array.from(hit).sort((a, b) => score[b]! - score[a]! || a - b);
  const out: TextResult = { order, byPos: null, corrected: [...corrected] };
  if (idx.texts.size >= MAX_CACHED_TEXTS) idx.texts.delete(idx.texts.keys().next().value!);
  idx.texts.set(key, out);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL: matches per word (GIN, unscored), ts_rank on a bounded set (docs/decisions/0008)

/** How many of a text's matches per language are scored with ts_rank; the others follow, newest first. */
export const RANKED_CANDIDATES = 400;
/** Ceiling of the word-match cache, in positions held (4 bytes each). */
const MAX_CACHED_POSITIONS = 8_000_000;

interface WordMatches {
  /** Positions of the practices whose text in this language has the word, ascending (newest first). */
  all: Int32Array;
  /** Those with the word in their title. */
  title: Int32Array;
}

const wordCaches = new WeakMap<SearchIndex, { map: Map<string, WordMatches | null>; held: number }>();

/**
 * The query that finds one word's matches in one language through that language's partial GIN index,
 * without scoring: the ids as one string, those with the word in the title, and whether the word is a
 * stop word of the language (`n` = 0: to_tsquery drops it, so it constrains nothing).
 */
export function wordMatchesQuery(lang: Locale, word: string) {
  const cfg = PG_CONFIG[lang];
  return sql<{ n: number; ids: string | null; title: string | null }>`select numnode(q) as n, m.ids, m.title
    from to_tsquery(${cfg}::regconfig, ${word}) q, to_tsquery(${cfg}::regconfig, ${`${word}:A`}) qa,
    lateral (select string_agg(practice_id, ',') as ids, string_agg(practice_id, ',') filter (where tsv @@ qa) as title
      from practice_texts where lang = ${sql.lit(lang)} and tsv @@ q) m`;
}

async function wordMatches(db: Db, idx: SearchIndex, lang: Locale, word: string): Promise<WordMatches | null> {
  let cache = wordCaches.get(idx);
  if (!cache) wordCaches.set(idx, (cache = { map: new Map(), held: 0 }));
  const key = `${lang}:${word}`;
  const have = cache.map.get(key);
  if (have !== undefined) return have;
  const row = (await wordPostings(db, lang, word, idx.posOfSeq)) ?? (await wordMatchesQuery(lang, word).execute(db)).rows[0]; // pg-postings.ts
  const toPositions = (s: string | Int32Array | null | undefined) => {
    if (s instanceof Int32Array) return s;
    if (!s) return new Int32Array(0);
    const out: number[] = [];
    for (const id of s.split(',')) {
      const i = idx.posOfId.get(id);
      if (i !== undefined) out.push(i);
    }
    return Int32Array.from(out).sort();
  };
  const found = !row || Number(row.n) === 0 ? null : { all: toPositions(row.ids), title: toPositions(row.title) };
  const raced = cache.map.get(key); // the same word asked twice at once (two misspellings with one candidate)
  if (raced !== undefined) return raced;
  const size = found ? found.all.length + found.title.length : 0;
  while (cache.map.size && cache.held + size > MAX_CACHED_POSITIONS) {
    const [k, v] = cache.map.entries().next().value!;
    cache.held -= v ? v.all.length + v.title.length : 0;
    cache.map.delete(k);
  }
  cache.map.set(key, found);
  cache.held += size;
  return found;
}

/**
 * One language's matches of a text on PostgreSQL: AND across the query's words, OR across each word's
 * candidates — the same set as `tsv @@ to_tsquery('(a | b) & (c)')`, built from each word's matches (the
 * GIN index, never scored, cached per word and index version). Only a bounded set is scored with ts_rank:
 * the matches with the most words in their title (newest first among equals), at most RANKED_CANDIDATES;
 * every other match follows them, newest first. A text with fewer matches than that is ranked exactly as
 * before; for one word, title matches always score above body-only ones, so the first page is exact while
 * the title matches fit in the bound.
 */
async function rankPostgres(db: Db, idx: SearchIndex, lang: Locale, groups: string[][], add: (i: number, s: number) => void) {
  const n = idx.ids.length;
  const kept: string[][] = [];
  let inAll: Uint8Array | null = null;
  const titleWords = new Uint8Array(n);
  const matches = await Promise.all(groups.map((g) => Promise.all(g.map((w) => wordMatches(db, idx, lang, w)))));
  for (const [gi, g] of groups.entries()) {
    const found = matches[gi]!.map((m, i) => ({ m, w: g[i]! })).filter((x) => x.m);
    if (!found.length) continue; // stop words only: to_tsquery drops the group
    kept.push(found.map((x) => x.w));
    const any = new Uint8Array(n);
    const inTitle = new Uint8Array(n);
    for (const { m } of found) {
      for (const i of m!.all) any[i] = 1;
      for (const i of m!.title) inTitle[i] = 1;
    }
    for (let i = 0; i < n; i++) titleWords[i]! += inTitle[i]!;
    if (inAll) for (let i = 0; i < n; i++) inAll[i]! &= any[i]!;
    else inAll = any;
  }
  if (!inAll) return; // nothing left to search in this language: no match, as `tsv @@ ''`
  const hits: number[] = [];
  for (let i = 0; i < n; i++) if (inAll[i]) hits.push(i);
  let ranked = hits;
  if (hits.length > RANKED_CANDIDATES) {
    ranked = [...hits].sort((a, b) => titleWords[b]! - titleWords[a]! || a - b).slice(0, RANKED_CANDIDATES);
    for (const i of hits) add(i, -1); // unscored: after every scored match, newest first
  }
  const q = kept.map((g) => `(${g.join(' | ')})`).join(' & ');
  const rows = await sql<{ practice_id: string; rank: number }>`select practice_id, ts_rank(tsv, to_tsquery(${PG_CONFIG[lang]}::regconfig, ${q})) as rank
      from practice_texts where lang = ${sql.lit(lang)} and practice_id = any(${ranked.map((i) => idx.ids[i]!)})`.execute(db);
  for (const r of rows.rows) add(idx.posOfId.get(r.practice_id) ?? -1, Number(r.rank));
}

// ---------------------------------------------------------------------------------------------------
// Searching

/** Searches published practices: text, facet filters (OR within a facet, AND across), counts, sort, page. */
export async function searchPractices(db: Db, q: SearchQuery): Promise<SearchOutcome> {
  const dialect = dialectOf(db as any);
  const idx = await searchIndex(db);
  const n = idx.ids.length;
  const perPage = Math.min(Math.max(q.perPage ?? 20, 1), 100);
  const terms = searchTerms(q.text ?? '');
  const tr = terms.length ? await textResult(db, dialect, idx, terms) : null;
  const sort = q.sort ?? (tr ? 'relevance' : 'newest');
  // Facet filters: a mask, or none.
  let mask: Uint8Array | null = null;
  for (const facet of FACETS) {
    const values = (q[facet] ?? []).filter(Boolean);
    if (!values.length) continue;
    const any = new Uint8Array(n);
    for (const v of values) {
      const code = idx.termCode.get(`${facet}:${v}`);
      if (code !== undefined) for (const i of idx.postings[code]!) any[i] = 1;
    }
    if (mask) for (let i = 0; i < n; i++) mask[i]! &= any[i]!;
    else mask = any;
  }
  // The result in its order (positions), with facet counts.
  let list: Int32Array;
  let counts: Int32Array;
  if (!tr && !mask) {
    list = new Int32Array(0); // all: positions are the list itself
    counts = idx.allCounts;
  } else {
    let source: Int32Array | null = null;
    if (tr) {
      if (sort === 'relevance') source = tr.order;
      else source = tr.byPos ??= Int32Array.from(tr.order).sort();
    }
    const out = new Int32Array(source ? source.length : n);
    let k = 0;
    counts = new Int32Array(idx.termNames.length);
    const { offsets, codes } = idx;
    const m = source ? source.length : n;
    for (let j = 0; j < m; j++) {
      const i = source ? source[j]! : j;
      if (mask && !mask[i]) continue;
      out[k++] = i;
      for (let c = offsets[i]!; c < offsets[i + 1]!; c++) counts[codes[c]!]!++;
    }
    list = out.subarray(0, k);
  }
  const total = !tr && !mask ? n : list.length;
  const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as SearchOutcome['facets'];
  counts.forEach((c, code) => {
    if (c) facets[idx.termNames[code]!.facet][idx.termNames[code]!.value] = c;
  });
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(q.page ?? 1, 1), pages);
  const at = (j: number) => (!tr && !mask ? j : list[j]!);
  const ids: string[] = [];
  const reverse = sort === 'oldest';
  for (let j = (page - 1) * perPage; j < Math.min(total, page * perPage); j++) ids.push(idx.ids[at(reverse ? total - 1 - j : j)]!);
  return { total, page, pages, perPage, ids, facets, corrected: tr?.corrected ?? [] };
}

export { fold };

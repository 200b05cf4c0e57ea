/**
 * @module Practices: search
 * Text is matched by each engine's own full-text index — SQLite FTS5 (one table per language,
 * `unicode61 remove_diacritics 2`, bm25 with the title weighing 4) or PostgreSQL tsvector over unaccent
 * (one row per practice and language, GIN-indexed, stemmed with that language's configuration). A word
 * missing from a language's vocabulary is replaced by the words of that same language within one edit
 * (two for words of 8 letters or more), so "migrasion" finds "migración" in Spanish and "migration" in
 * English, never crossing languages.
 * Everything else is the platform's one search engine (platform/search/engine.ts, docs/decisions/0013):
 * a compact in-memory catalog of the published practices rebuilt when `practice_meta.search_version`
 * changes, facet postings, caches of each text's ranked matches and of typo candidates. This file gives its
 * config: tables, facets, `matchSqlite` (bm25 per language) and `matchPg` (docs/decisions/0301, 0008).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import { dialectOf } from '../../db/migrator.js';
import { union, intersect, seek } from '../../platform/search/lists.js';
import { SearchEngine, BoundedCache, MatchSet, type Matches, type Catalog as EngineCatalog, type CatalogRow, type ScopeGroups } from '../../platform/search/engine.js';
import { parseTranslated } from '../../platform/i18n/translated.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { fold, words, TEXT_FIELDS } from './model.js';
export { searchTerms } from '../../platform/search/text.js';
import { wordsPostings } from './pg-postings.js';
import { PG_TS_CONFIG } from '../../platform/search/text.js';

/** Each language's text search configuration (the platform's one list). */
export const PG_CONFIG: Record<Locale, string> = PG_TS_CONFIG;
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
  await engine.bumpVersion(db);
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
// The engine (platform/search/engine.ts): catalog, typo candidates, ranked-match cache, counts, paging

type Catalog = EngineCatalog<Facet, null>;

/** Published practices, newest first, with their facet values. */
async function loadCatalog(db: Db): Promise<CatalogRow<Facet, null>[]> {
  const rows = await db.selectFrom('practices').select(['id', 'seq']).where('status', '=', 'published').orderBy('published_at', 'desc').orderBy('id').execute();
  const out: CatalogRow<Facet, null>[] = rows.map((r) => ({ id: r.id, seq: r.seq, facets: [], data: null }));
  const pos = new Map(rows.map((r, i) => [r.id, i]));
  // One row per facet value, with the ids that have it (drafts' terms are skipped by the id lookup).
  const agg = dialectOf(db as any) === 'postgres' ? sql`string_agg(practice_id, ',')` : sql`group_concat(practice_id, ',')`;
  const terms = await sql<{ facet: string; value: string; ids: string }>`select facet, value, ${agg} as ids from practice_terms group by facet, value`.execute(db);
  for (const t of terms.rows)
    for (const id of t.ids.split(',')) {
      const i = pos.get(id);
      if (i !== undefined) out[i]!.facets.push([t.facet as Facet, t.value]);
    }
  return out;
}

/**
 * Ceiling of SQLite's per-word scores, in matches held (12 bytes each: a position and a score): 120 MB, never more than
 * the index itself holds of the words searched. The benchmark's 100,000 practices hold 4.2 million matches of its
 * 665 domain words in the four languages, and 13.8 million of all their words.
 */
const MAX_CACHED_SCORES = 10_000_000;

/** One word's matches in one language: positions ascending, and the word's bm25 part in each. */
interface WordScores {
  pos: Int32Array;
  score: Float64Array;
}

const scoreCache = BoundedCache.perCatalog<WordScores>(MAX_CACHED_SCORES, (v) => v.pos.length);

/**
 * A word's matches in one language with its bm25 alone (the title weighs 4), from the cache or else asked of FTS5.
 * FTS5's bm25 of a text is the sum over the phrases of its expression of each phrase's own part — its IDF (over the
 * whole table), its weighted frequency in the row, the row's length — and a phrase's part does not depend on the
 * other phrases, so the word's score alone is its part in any text.
 */
async function wordScores(db: Db, cat: Catalog, lang: string, word: string): Promise<WordScores> {
  const cache = scoreCache(cat);
  const key = `${lang}:${word}`;
  const have = cache.get(key);
  if (have) return have;
  const fts = sql.table(`practices_fts_${lang}`);
  const rows = await sql<{ seq: number; score: number }>`select rowid as seq, bm25(${fts}, 4.0, 1.0) as score from ${fts} where ${fts} match ${`"${word}"`}`.execute(db);
  // Positions ascending (rowids follow creation, positions publication). bm25: lower is better.
  const found = new MatchSet(cat.ids.length);
  for (const r of rows.rows) found.add(r.seq < cat.posOfSeq.length ? cat.posOfSeq[r.seq]! : -1, -Number(r.score));
  const out: WordScores = found.done();
  cache.set(key, out);
  return out;
}

/**
 * SQLite: one language's matches of the word groups (AND across groups, OR within) scored by bm25 as FTS5 scores
 * `("a" OR "b") AND ("c")` — the same rows and the same doubles, each phrase's part added in the expression's
 * order — from each word's cached scores: a text never seen before, made of words seen before, costs no FTS5 query.
 */
async function matchSqlite(db: Db, cat: Catalog, lang: string, groups: string[][]): Promise<Matches> {
  const phrases = groups.flat();
  const lists = new Map<string, WordScores>();
  for (const w of phrases) if (!lists.has(w)) lists.set(w, await wordScores(db, cat, lang, w));
  const hits = intersect(groups.map((g) => union(g.map((w) => lists.get(w)!.pos))));
  const score = new Float64Array(hits.length);
  for (const w of phrases) {
    const l = lists.get(w)!;
    if (l.pos === hits) {
      for (let i = 0; i < hits.length; i++) score[i] = score[i]! + l.score[i]!;
      continue;
    }
    for (let i = 0, j = 0; i < hits.length; i++) {
      j = seek(l.pos, j, hits[i]!);
      if (j === l.pos.length) break;
      if (l.pos[j] === hits[i]) score[i] = score[i]! + l.score[j]!;
    }
  }
  return { pos: hits, score };
}

export const engine = new SearchEngine<Facet, null>({
  metaTable: 'practice_meta',
  facets: FACETS,
  load: loadCatalog,
  vocabulary: { scopes: LOCALES, sqliteTable: (lang) => `practices_vocab_${lang}`, pgTable: 'practice_words', pgScopeColumn: 'lang' },
  matchSqlite,
  matchPg,
  // Kept warm by the server (ModuleManifest.warm): a word's bm25 parts asked of FTS5, about 1.1 µs a practice that has it.
  warm: { cache: scoreCache, word: wordScores },
});

/** Forgets the in-memory index and caches (tests and benchmarks). */
export function dropSearchCache(db: Db, opts: { keepIndex?: boolean } = {}) {
  engine.drop(db, { keepCatalog: opts.keepIndex });
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

const matchCache = BoundedCache.perCatalog<WordMatches | null>(MAX_CACHED_POSITIONS, (m) => (m ? m.all.length + m.title.length : 0));

/**
 * The query that finds one word's matches in one language through that language's partial GIN index,
 * without scoring: the ids as one string, those with the word in the title, and whether the word is a
 * stop word of the language (`n` = 0: to_tsquery drops it, so it constrains nothing). Used for the words
 * whose query is not one plain lexeme (pg-postings.ts answers the others).
 */
export function wordMatchesQuery(lang: Locale, word: string) {
  const cfg = PG_CONFIG[lang];
  return sql<{ n: number; ids: string | null; title: string | null }>`select numnode(q) as n, m.ids, m.title
    from to_tsquery(${cfg}::regconfig, ${word}) q, to_tsquery(${cfg}::regconfig, ${`${word}:A`}) qa,
    lateral (select string_agg(practice_id, ',') as ids, string_agg(practice_id, ',') filter (where tsv @@ qa) as title
      from practice_texts where lang = ${sql.lit(lang)} and tsv @@ q) m`;
}

/**
 * The matches of several (language, word) pairs, from the cache or else asked: every missing pair's postings
 * row in one statement (pg-postings.ts), and the GIN query, all at once, for a word that is not one plain
 * lexeme. null: a stop word.
 */
async function wordsMatches(db: Db, idx: Catalog, pairs: { lang: Locale; word: string }[]): Promise<Map<string, WordMatches | null>> {
  const cache = matchCache(idx);
  const out = new Map<string, WordMatches | null>();
  const need: { lang: Locale; word: string }[] = [];
  for (const p of pairs) {
    const key = `${p.lang}:${p.word}`;
    if (out.has(key)) continue;
    const have = cache.get(key);
    if (have !== undefined) out.set(key, have);
    else out.set(key, null), need.push(p);
  }
  if (!need.length) return out;
  const toPositions = (s: string | null | undefined) => {
    if (!s) return new Int32Array(0);
    const pos: number[] = [];
    for (const id of s.split(',')) {
      const i = idx.posOfId.get(id);
      if (i !== undefined) pos.push(i);
    }
    return Int32Array.from(pos).sort();
  };
  const postings = await wordsPostings(db, need, idx.posOfSeq);
  const found = await Promise.all(
    need.map(async (p, k): Promise<WordMatches | null> => {
      const r = postings[k];
      if (r) return r.n === 0 ? null : { all: r.ids, title: r.title };
      const row = (await wordMatchesQuery(p.lang, p.word).execute(db)).rows[0];
      return !row || Number(row.n) === 0 ? null : { all: toPositions(row.ids), title: toPositions(row.title) };
    }),
  );
  need.forEach((p, k) => {
    const key = `${p.lang}:${p.word}`;
    out.set(key, found[k]!);
    cache.set(key, found[k]!);
  });
  return out;
}

/**
 * `matchPg`: every language's matches of a text on PostgreSQL: AND across the query's words, OR across each
 * word's candidates — the same set as `tsv @@ to_tsquery('(a | b) & (c)')`, built from each word's matches
 * (postings rows, never scored, cached per word and index version) by merging the sorted position lists,
 * smallest first. Only a bounded set per language is scored with ts_rank: the matches with the most words in
 * their title (newest first among equals), at most RANKED_CANDIDATES; every other match follows them, newest
 * first. A text with fewer matches than that is ranked exactly as before; for one word, title matches always
 * score above body-only ones, so the first page is exact while the title matches fit in the bound. A new text
 * costs two round trips whatever its languages: every missing word's postings in one statement, then every
 * language's ts_rank at once.
 */
export async function matchPg(db: Db, idx: Catalog, jobs: ScopeGroups[]): Promise<Matches> {
  const found = new MatchSet(idx.ids.length);
  const add = (i: number, s: number) => found.add(i, s);
  const words = await wordsMatches(
    db,
    idx,
    jobs.flatMap((j) => j.groups.flat().map((word) => ({ lang: j.scope as Locale, word }))),
  );
  const ranked: { lang: Locale; q: string; ids: string[] }[] = [];
  for (const { scope, groups } of jobs) {
    const lang = scope as Locale;
    const kept: string[][] = [];
    const all: Int32Array[] = [];
    const title: Int32Array[] = [];
    for (const g of groups) {
      const found = g.filter((w) => words.get(`${lang}:${w}`));
      if (!found.length) continue; // stop words only: to_tsquery drops the group
      kept.push(found);
      const ms = found.map((w) => words.get(`${lang}:${w}`)!);
      all.push(union(ms.map((m) => m.all)));
      title.push(union(ms.map((m) => m.title)));
    }
    if (!kept.length) continue; // nothing left to search in this language: no match, as `tsv @@ ''`
    const hits = intersect(all);
    if (!hits.length) continue;
    let chosen: Int32Array = hits;
    if (hits.length > RANKED_CANDIDATES) {
      // How many groups have each hit in their title (both lists ascending).
      const titleWords = new Uint8Array(hits.length);
      for (const t of title)
        for (let i = 0, j = 0; i < hits.length && j < t.length; i++) {
          while (j < t.length && t[j]! < hits[i]!) j++;
          if (t[j] === hits[i]) titleWords[i]!++;
        }
      // The most title words first, newest first among equals.
      chosen = new Int32Array(RANKED_CANDIDATES);
      let k = 0;
      for (let tw = kept.length; tw >= 0 && k < RANKED_CANDIDATES; tw--)
        for (let i = 0; i < hits.length && k < RANKED_CANDIDATES; i++) if (titleWords[i] === tw) chosen[k++] = hits[i]!;
      for (const i of hits) add(i, -1); // unscored: after every scored match, newest first
    }
    ranked.push({ lang, q: kept.map((g) => `(${g.join(' | ')})`).join(' & '), ids: Array.from(chosen, (i) => idx.ids[i]!) });
  }
  // The languages' ts_rank statements at once, on separate connections: each reads up to RANKED_CANDIDATES
  // rows of practice_texts (most of a new text's time in the database), so the server's cores share them.
  await Promise.all(
    ranked.map(async (r) => {
      const rows = await sql<{ practice_id: string; rank: number }>`select practice_id, ts_rank(tsv, to_tsquery(${PG_CONFIG[r.lang]}::regconfig, ${r.q})) as rank
        from practice_texts where lang = ${sql.lit(r.lang)} and practice_id = any(${r.ids})`.execute(db);
      for (const row of rows.rows) add(idx.posOfId.get(row.practice_id) ?? -1, Number(row.rank));
    }),
  );
  return found.done();
}

// ---------------------------------------------------------------------------------------------------
// Searching

/** Searches published practices: text, facet filters (OR within a facet, AND across), counts, sort, page. */
export async function searchPractices(db: Db, q: SearchQuery): Promise<SearchOutcome> {
  const filters = Object.fromEntries(FACETS.map((f) => [f, q[f]]));
  return engine.search(db, { text: q.text, filters, sort: q.sort, page: q.page, perPage: q.perPage });
}

export { fold };

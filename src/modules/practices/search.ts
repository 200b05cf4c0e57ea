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
import { SearchEngine, type AddMatch, type Catalog as EngineCatalog, type CatalogRow } from '../../platform/search/engine.js';
import { parseTranslated } from '../../platform/i18n/translated.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { fold, words, TEXT_FIELDS } from './model.js';
export { searchTerms } from '../../platform/search/text.js';
import { wordPostings } from './pg-postings.js';
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

/** SQLite: one language's matches through its FTS5 table, scored by bm25 (the title weighs 4). */
async function matchSqlite(db: Db, cat: Catalog, lang: string, groups: string[][], add: AddMatch): Promise<void> {
  const match = groups.map((g) => `(${g.map((w) => `"${w}"`).join(' OR ')})`).join(' AND ');
  const fts = sql.table(`practices_fts_${lang}`);
  const rows = await sql<{ seq: number; score: number }>`select rowid as seq, bm25(${fts}, 4.0, 1.0) as score from ${fts} where ${fts} match ${match}`.execute(db);
  for (const r of rows.rows) if (r.seq < cat.posOfSeq.length) add(cat.posOfSeq[r.seq]!, -Number(r.score)); // bm25: lower is better
}

export const engine = new SearchEngine<Facet, null>({
  metaTable: 'practice_meta',
  facets: FACETS,
  load: loadCatalog,
  vocabulary: { scopes: LOCALES, sqliteTable: (lang) => `practices_vocab_${lang}`, pgTable: 'practice_words', pgScopeColumn: 'lang' },
  matchSqlite,
  matchPg: (db, cat, lang, groups, add) => matchPg(db, cat, lang as Locale, groups, add),
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

const wordCaches = new WeakMap<Catalog, { map: Map<string, WordMatches | null>; held: number }>();

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

async function wordMatches(db: Db, idx: Catalog, lang: Locale, word: string): Promise<WordMatches | null> {
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
 * `matchPg`: one language's matches of a text on PostgreSQL: AND across the query's words, OR across each word's
 * candidates — the same set as `tsv @@ to_tsquery('(a | b) & (c)')`, built from each word's matches (the
 * GIN index, never scored, cached per word and index version). Only a bounded set is scored with ts_rank:
 * the matches with the most words in their title (newest first among equals), at most RANKED_CANDIDATES;
 * every other match follows them, newest first. A text with fewer matches than that is ranked exactly as
 * before; for one word, title matches always score above body-only ones, so the first page is exact while
 * the title matches fit in the bound.
 */
export async function matchPg(db: Db, idx: Catalog, lang: Locale, groups: string[][], add: AddMatch) {
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
  const filters = Object.fromEntries(FACETS.map((f) => [f, q[f]]));
  return engine.search(db, { text: q.text, filters, sort: q.sort, page: q.page, perPage: q.perPage });
}

export { fold };

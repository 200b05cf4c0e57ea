/**
 * @module Practices: search
 * Text is matched by each engine's own full-text index — SQLite FTS5 (one table per language,
 * `unicode61 remove_diacritics 2`) or PostgreSQL tsvector over unaccent (one row per practice and
 * language, stemmed with that language's configuration). A word missing from a language's vocabulary is
 * replaced by the words of that same language within one edit (two for words of 8 letters or more), so
 * "migrasion" finds "migración" in Spanish and "migration" in English, never crossing languages.
 * Facet filters, facet counts, sorting and paging run over a compact in-memory index of the published
 * practices' terms, rebuilt when `practice_meta.search_version` changes.
 */
import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/schema.js';
import { dialectOf } from '../../db/migrator.js';
import { newId } from '../../db/ids.js';
import { parseTranslated } from '../../platform/i18n/translated.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { fold, words, editDistance, typoBudget, TEXT_FIELDS } from './model.js';

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
// Typo candidates

/** Words of `lang` that exist, for each query word: itself when known, else near words (best first). */
async function expand(db: Db, dialect: Dialect, lang: Locale, terms: string[]): Promise<string[][] | null> {
  const out: string[][] = [];
  for (const term of terms) {
    let known: boolean;
    let near: { w: string; d: number; n: number }[] = [];
    const budget = typoBudget(term);
    const lo = term[0]!;
    const hi = String.fromCodePoint(lo.codePointAt(0)! + 1);
    if (dialect === 'postgres') {
      known = !!(await db.selectFrom('practice_words').select('word').where('lang', '=', lang).where('word', '=', term).executeTakeFirst());
      if (!known && budget) {
        const rows = await sql<{ word: string }>`select word from practice_words where lang = ${lang} and word >= ${lo} and word < ${hi}
            and length(word) between ${term.length - budget} and ${term.length + budget}
          union select word from practice_words where lang = ${lang} and word operator(public.%) ${term}`.execute(db);
        near = rows.rows.map((r) => ({ w: r.word, d: editDistance(term, r.word, budget), n: 0 }));
      }
    } else {
      const vocab = sql.table(`practices_vocab_${lang}`);
      const r = await sql<{ doc: number }>`select doc from ${vocab} where term = ${term}`.execute(db);
      known = r.rows.length > 0;
      if (!known && budget) {
        const rows = await sql<{ term: string; doc: number }>`select term, doc from ${vocab} where term >= ${lo} and term < ${hi}`.execute(db);
        near = rows.rows
          .filter((x) => Math.abs(x.term.length - term.length) <= budget)
          .map((x) => ({ w: x.term, d: editDistance(term, x.term, budget), n: x.doc }));
      }
    }
    if (known) {
      out.push([term]);
      continue;
    }
    const cands = near
      .filter((c) => c.d <= budget)
      .sort((a, b) => a.d - b.d || b.n - a.n)
      .slice(0, 4)
      .map((c) => c.w);
    if (!cands.length) return null; // every word must match: this language has no match
    out.push(cands);
  }
  return out;
}

/** Full-text hits: practice id (or SQLite seq) → relevance, higher is better. */
async function textHits(db: Db, dialect: Dialect, text: string): Promise<{ hits: Map<string, number>; corrected: string[] }> {
  const terms = [...new Set(words(text))].filter((w) => w.length <= 60).slice(0, 8);
  const hits = new Map<string, number>();
  const corrected = new Set<string>();
  if (!terms.length) return { hits, corrected: [] };
  for (const lang of LOCALES) {
    const groups = await expand(db, dialect, lang, terms);
    if (!groups) continue;
    groups.forEach((g, i) => g.forEach((w) => w !== terms[i] && corrected.add(w)));
    if (dialect === 'postgres') {
      const q = groups.map((g) => `(${g.join(' | ')})`).join(' & ');
      const cfg = PG_CONFIG[lang];
      const rows = await sql<{ practice_id: string; rank: number }>`select practice_id, ts_rank(tsv, q) as rank
          from practice_texts, to_tsquery(${cfg}::regconfig, ${q}) q where lang = ${lang} and tsv @@ q`.execute(db);
      for (const r of rows.rows) hits.set(r.practice_id, Math.max(hits.get(r.practice_id) ?? 0, Number(r.rank)));
    } else {
      const match = groups.map((g) => `(${g.map((w) => `"${w}"`).join(' OR ')})`).join(' AND ');
      const fts = sql.table(`practices_fts_${lang}`);
      const rows = await sql<{ seq: number; score: number }>`select rowid as seq, bm25(${fts}, 4.0, 1.0) as score from ${fts} where ${fts} match ${match}`.execute(db);
      for (const r of rows.rows) {
        const k = `#${r.seq}`;
        const s = -Number(r.score); // bm25: lower is better
        hits.set(k, Math.max(hits.get(k) ?? -Infinity, s));
      }
    }
  }
  return { hits, corrected: [...corrected] };
}

// ---------------------------------------------------------------------------------------------------
// The in-memory facet index

interface FacetIndex {
  version: string;
  /** Published practices, newest first. */
  ids: string[];
  pos: Map<string, number>;
  /** Term codes per practice: codes[offsets[i]..offsets[i+1]). */
  offsets: Int32Array;
  codes: Int32Array;
  termNames: { facet: Facet; value: string }[];
  termCode: Map<string, number>;
  postings: number[][];
}

const indexes = new WeakMap<object, FacetIndex>();
const building = new WeakMap<object, Promise<FacetIndex>>();

async function currentVersion(db: Db): Promise<string> {
  return (await db.selectFrom('practice_meta').select('value').where('key', '=', 'search_version').executeTakeFirst())?.value ?? '0';
}

async function buildIndex(db: Db, version: string): Promise<FacetIndex> {
  const rows = await db.selectFrom('practices').select(['id', 'seq']).where('status', '=', 'published').orderBy('published_at', 'desc').orderBy('id').execute();
  const ids = rows.map((r) => r.id);
  const pos = new Map<string, number>();
  rows.forEach((r, i) => {
    pos.set(r.id, i);
    if (r.seq != null) pos.set(`#${r.seq}`, i);
  });
  const terms = await db
    .selectFrom('practice_terms')
    .innerJoin('practices', 'practices.id', 'practice_terms.practice_id')
    .select(['practice_terms.practice_id as id', 'practice_terms.facet', 'practice_terms.value'])
    .where('practices.status', '=', 'published')
    .execute();
  const termCode = new Map<string, number>();
  const termNames: FacetIndex['termNames'] = [];
  const per: number[][] = ids.map(() => []);
  for (const t of terms) {
    const i = pos.get(t.id);
    if (i === undefined) continue;
    const key = `${t.facet}:${t.value}`;
    let code = termCode.get(key);
    if (code === undefined) {
      code = termNames.length;
      termCode.set(key, code);
      termNames.push({ facet: t.facet as Facet, value: t.value });
    }
    per[i]!.push(code);
  }
  const offsets = new Int32Array(ids.length + 1);
  let total = 0;
  per.forEach((p, i) => {
    offsets[i] = total;
    total += p.length;
  });
  offsets[ids.length] = total;
  const codes = new Int32Array(total);
  const postings: number[][] = termNames.map(() => []);
  per.forEach((p, i) => {
    codes.set(p, offsets[i]!);
    for (const c of p) postings[c]!.push(i);
  });
  return { version, ids, pos, offsets, codes, termNames, termCode, postings };
}

async function facetIndex(db: Db): Promise<FacetIndex> {
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

/** Forgets the in-memory index (tests and benchmarks). */
export function dropSearchCache(db: Db) {
  indexes.delete(db as object);
}

// ---------------------------------------------------------------------------------------------------
// Searching

/** Searches published practices: text, facet filters (OR within a facet, AND across), counts, sort, page. */
export async function searchPractices(db: Db, q: SearchQuery): Promise<SearchOutcome> {
  const dialect = dialectOf(db as any);
  const idx = await facetIndex(db);
  const n = idx.ids.length;
  const perPage = Math.min(Math.max(q.perPage ?? 20, 1), 100);
  // Candidates: all, or the text's hits.
  let score: Float64Array | null = null;
  let keep = new Uint8Array(n);
  let corrected: string[] = [];
  const text = (q.text ?? '').trim();
  if (text && words(text).length) {
    const r = await textHits(db, dialect, text);
    corrected = r.corrected;
    score = new Float64Array(n);
    for (const [k, s] of r.hits) {
      const i = idx.pos.get(k);
      if (i === undefined) continue;
      keep[i] = 1;
      score[i] = s;
    }
  } else keep.fill(1);
  // Facet filters.
  for (const facet of FACETS) {
    const values = (q[facet] ?? []).filter(Boolean);
    if (!values.length) continue;
    const any = new Uint8Array(n);
    for (const v of values) {
      const code = idx.termCode.get(`${facet}:${v}`);
      if (code === undefined) continue;
      for (const i of idx.postings[code]!) any[i] = 1;
    }
    for (let i = 0; i < n; i++) keep[i]! &= any[i]!;
  }
  // Result list and facet counts.
  const list: number[] = [];
  const counts = new Int32Array(idx.termNames.length);
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    list.push(i);
    for (let j = idx.offsets[i]!; j < idx.offsets[i + 1]!; j++) counts[idx.codes[j]!]!++;
  }
  const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as SearchOutcome['facets'];
  counts.forEach((c, code) => {
    if (c) facets[idx.termNames[code]!.facet][idx.termNames[code]!.value] = c;
  });
  const sort = q.sort ?? (score ? 'relevance' : 'newest');
  if (sort === 'relevance' && score) list.sort((a, b) => score![b]! - score![a]! || a - b);
  else if (sort === 'oldest') list.reverse();
  const pages = Math.max(1, Math.ceil(list.length / perPage));
  const page = Math.min(Math.max(q.page ?? 1, 1), pages);
  const ids = list.slice((page - 1) * perPage, page * perPage).map((i) => idx.ids[i]!);
  keep = null as any;
  return { total: list.length, page, pages, perPage, ids, facets, corrected };
}

export { fold };

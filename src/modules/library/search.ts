/**
 * @module Library: search
 * The same engine approach as practices (docs/decisions/0301, 0008): text is matched by each engine's own
 * full-text index — SQLite FTS5 (`unicode61 remove_diacritics 2`, detail=column; ranked by how many of the
 * words are in the title, then newest first) or PostgreSQL tsvector over unaccent, stemmed with each language's
 * configuration, one GIN index per language. A word missing from the index's vocabulary is replaced by the
 * known words within one edit (two for words of 8 letters or more; platform/search/text.ts), so
 * "migrasion" finds "migración". Visibility, facet filters, counts, sorting and paging are the platform's one
 * search engine (platform/search/engine.ts, docs/decisions/0013): a compact in-memory catalog of every document
 * (rebuilt when `library_meta.search_version` changes) with a visibility mask per kind of reader, so a reader is
 * only ever counted and shown what they may see (docs/decisions/0802-library-search.md). This file is its config.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import { dialectOf } from '../../db/migrator.js';
import { union, intersect, seek } from '../../platform/search/lists.js';
import { SearchEngine, MatchSet, BoundedCache, type Matches, type Catalog as EngineCatalog, type CatalogRow, type ScopeGroups } from '../../platform/search/engine.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { parseTranslated } from '../../platform/i18n/translated.js';
import { words, PG_TS_CONFIG } from '../../platform/search/text.js';
import { inScope, type ReaderScope } from './policy.js';
import type { DocKind, DocVisibility } from './tables.js';

export const FACETS = ['kind', 'body', 'objective', 'country', 'lang', 'year'] as const;
export type Facet = (typeof FACETS)[number];

export interface LibraryQuery {
  text?: string;
  kind?: string[];
  body?: string[];
  objective?: string[];
  country?: string[];
  lang?: string[];
  year?: string[];
  sort?: 'relevance' | 'newest' | 'oldest';
  page?: number;
  perPage?: number;
}

export interface LibraryResult {
  total: number;
  page: number;
  pages: number;
  perPage: number;
  ids: string[];
  facets: Record<Facet, Record<string, number>>;
  /** Words searched instead of the ones typed (typo correction). */
  corrected: string[];
}

// ---------------------------------------------------------------------------------------------------
// Writing the index

/** Bumps the version the in-memory catalog checks; call in every transaction that changes documents. */
export async function bumpSearchVersion(db: Db): Promise<void> {
  await engine.bumpVersion(db);
}

const langIndex = (l: string) => Math.max(0, LOCALES.indexOf(l as Locale));
/** SQLite rowid of a document's text in one language. */
export const ftsRowid = (seq: number, lang: string) => seq * 4 + langIndex(lang);

/** A document's texts per language: title, summary and the text read from that language's file. */
export async function textsOf(db: Db, documentId: string): Promise<{ lang: Locale; title: string; summary: string; body: string }[]> {
  const doc = await db.selectFrom('library_documents').select(['title', 'summary']).where('id', '=', documentId).executeTakeFirst();
  if (!doc) return [];
  const files = await db.selectFrom('library_files').select(['lang', 'text']).where('document_id', '=', documentId).execute();
  const title = parseTranslated(doc.title);
  const summary = parseTranslated(doc.summary);
  const out: { lang: Locale; title: string; summary: string; body: string }[] = [];
  for (const l of LOCALES) {
    const body = files.find((f) => f.lang === l)?.text ?? '';
    if (!title[l] && !summary[l] && !body) continue;
    out.push({ lang: l, title: title[l] ?? '', summary: summary[l] ?? '', body });
  }
  return out;
}

/** (Re)writes a document's full-text rows from its current title, summary and files' text. */
export async function indexDocument(db: Db, documentId: string): Promise<void> {
  const doc = await db.selectFrom('library_documents').select(['id', 'seq']).where('id', '=', documentId).executeTakeFirst();
  await unindexDocument(db, { id: documentId, seq: doc?.seq ?? null });
  if (!doc) return;
  const texts = await textsOf(db, documentId);
  if (dialectOf(db as any) === 'postgres') {
    for (const t of texts) {
      const cfg = PG_TS_CONFIG[t.lang];
      await sql`insert into library_texts (document_id, lang, tsv) values (${doc.id}, ${t.lang},
        setweight(to_tsvector(${cfg}::regconfig, public.unaccent(${t.title})), 'A') || setweight(to_tsvector(${cfg}::regconfig, public.unaccent(${t.summary})), 'B') || setweight(to_tsvector(${cfg}::regconfig, public.unaccent(${t.body})), 'D'))`.execute(db);
      await addWords(db, `${t.title} ${t.summary} ${t.body}`);
    }
  } else {
    for (const t of texts) await sql`insert into library_fts (rowid, title, summary, body) values (${ftsRowid(doc.seq!, t.lang)}, ${t.title}, ${t.summary}, ${t.body})`.execute(db);
  }
}

/** PostgreSQL: the known words (typo candidates come from them). */
export async function addWords(db: Db, text: string): Promise<void> {
  const ws = [...new Set(words(text))].filter((w) => w.length <= 60);
  for (let i = 0; i < ws.length; i += 1000) {
    await db
      .insertInto('library_words')
      .values(ws.slice(i, i + 1000).map((word) => ({ word })))
      .onConflict((oc) => oc.column('word').doNothing())
      .execute();
  }
}

export async function unindexDocument(db: Db, d: { id: string; seq: number | null }): Promise<void> {
  if (dialectOf(db as any) === 'postgres') await db.deleteFrom('library_texts').where('document_id', '=', d.id).execute();
  else if (d.seq != null) await sql`delete from library_fts where rowid >= ${d.seq * 4} and rowid < ${d.seq * 4 + 4}`.execute(db);
}

// ---------------------------------------------------------------------------------------------------
// The engine (platform/search/engine.ts): catalog, visibility, typo candidates, ranked matches, counts, paging

export interface CatalogEntry {
  id: string;
  seq: number;
  kind: DocKind;
  bodyId: string | null;
  visibility: DocVisibility;
  visibilityBodyId: string | null;
  year: string;
  createdAt: string;
  langs: string[];
  objectives: string[];
  countries: string[];
}

type Catalog = EngineCatalog<Facet, CatalogEntry>;

const facetValues = (d: CatalogEntry, f: Facet): string[] => {
  switch (f) {
    case 'kind':
      return [d.kind];
    case 'body':
      return d.bodyId ? [d.bodyId] : [];
    case 'objective':
      return d.objectives;
    case 'country':
      return d.countries;
    case 'lang':
      return d.langs;
    case 'year':
      return [d.year];
  }
};

/** Every document, newest first (the document's date, then when it was added). */
async function loadCatalog(db: Db): Promise<CatalogRow<Facet, CatalogEntry>[]> {
  const [rows, terms, files] = await Promise.all([
    db
      .selectFrom('library_documents')
      .select(['id', 'seq', 'kind', 'title', 'body_id', 'visibility', 'visibility_body_id', 'published_on', 'created_at'])
      .orderBy('published_on', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute(),
    db.selectFrom('library_terms').select(['document_id', 'facet', 'value']).execute(),
    db.selectFrom('library_files').select(['document_id', 'lang']).execute(),
  ]);
  const docs: CatalogEntry[] = [];
  const posOfId = new Map<string, number>();
  for (const r of rows) {
    posOfId.set(r.id, docs.length);
    docs.push({
      id: r.id,
      seq: Number(r.seq ?? 0),
      kind: r.kind,
      bodyId: r.body_id,
      visibility: r.visibility,
      visibilityBodyId: r.visibility_body_id,
      year: r.published_on.slice(0, 4),
      createdAt: r.created_at,
      langs: [],
      objectives: [],
      countries: [],
    });
  }
  for (const t of terms) {
    const i = posOfId.get(t.document_id);
    if (i === undefined) continue;
    if (t.facet === 'objective') docs[i]!.objectives.push(t.value);
    else if (t.facet === 'country') docs[i]!.countries.push(t.value);
  }
  for (const f of files) {
    const i = posOfId.get(f.document_id);
    if (i !== undefined) docs[i]!.langs.push(f.lang);
  }
  return docs.map((d, i) => {
    // Title languages stand in for a document without files.
    if (!d.langs.length) d.langs = Object.keys(parseTranslated(rows[i]!.title));
    return { id: d.id, seq: rows[i]!.seq == null ? null : d.seq, facets: FACETS.flatMap((f) => facetValues(d, f).map((v) => [f, v] as [Facet, string])), data: d };
  });
}

/** One word's rows (rowid = seq × 4 + language), ascending, and those of them with the word in their title. */
interface WordRows {
  all: Int32Array;
  title: Int32Array;
}

/** Ceiling of the per-word rows kept, in rowids held (4 bytes each): 32 MB. */
const MAX_CACHED_ROWS = 8_000_000;
const rowCache = BoundedCache.perCatalog<WordRows>(MAX_CACHED_ROWS, (v) => v.all.length + v.title.length);

/** A word's rows and title rows, from the cache or else asked of FTS5 (the rowids as one string each). */
async function wordRows(db: Db, cat: Catalog, word: string): Promise<WordRows> {
  const cache = rowCache(cat);
  const have = cache.get(word);
  if (have) return have;
  // The rowids as one string: a row object per match cost ~3 µs (75 ms for a word in 22,000 texts), the string ~1 µs.
  const rowids = (m: string) =>
    sql<{ ids: string | null }>`select group_concat(rowid, ',') as ids from library_fts where library_fts match ${m}`
      .execute(db)
      .then((r) => (r.rows[0]?.ids ? Int32Array.from(r.rows[0].ids.split(','), Number).sort() : new Int32Array(0)));
  const [all, title] = await Promise.all([rowids(`"${word}"`), rowids(`{title} : "${word}"`)]);
  const out = { all, title };
  cache.set(word, out);
  return out;
}

/**
 * SQLite: every match, unscored (fast with detail=column); then a score from where each word is: 1 per word
 * group in the title, plus 1 for matching at all (bm25 over every match of a common word cost ~8 µs a row: 100+ ms
 * at 20,000 documents; a summary column filter on a common word, 40 ms). Ties: newest first (catalog order).
 * One FTS5 table holds every language (rowid = seq × 4 + language): the rows matching `("a" OR "b") AND ("c")` are
 * the intersection of each group's union of its words' rows, found from each word's rows kept per catalog version —
 * a text never seen before, made of words seen before, asks FTS5 nothing.
 */
async function matchSqlite(db: Db, cat: Catalog, _scope: string, groups: string[][]): Promise<Matches> {
  const words = new Map<string, WordRows>();
  for (const w of groups.flat()) if (!words.has(w)) words.set(w, await wordRows(db, cat, w));
  const all = intersect(groups.map((g) => union(g.map((w) => words.get(w)!.all))));
  const titles = groups.map((g) => union(g.map((w) => words.get(w)!.title)));
  const at = new Int32Array(titles.length);
  const { posOfSeq } = cat;
  const found = new MatchSet(cat.ids.length);
  // Plain loops: this runs once per matching row (tens of thousands for common words).
  for (let r = 0; r < all.length; r++) {
    const rowid = all[r]!;
    let bonus = 0;
    for (let g = 0; g < titles.length; g++) {
      const t = titles[g]!;
      const k = (at[g] = seek(t, at[g]!, rowid));
      if (t[k] === rowid) bonus++;
    }
    const seq = rowid >> 2; // rowid = seq × 4 + language
    found.add(seq < posOfSeq.length ? posOfSeq[seq]! : -1, 1 + bonus);
  }
  return found.done();
}

/** PostgreSQL: each language's matches through its partial GIN index, scored by ts_rank (one vocabulary: one job). */
async function matchPg(db: Db, cat: Catalog, jobs: ScopeGroups[]): Promise<Matches> {
  const found = new MatchSet(cat.ids.length);
  await Promise.all(
    jobs.flatMap(({ groups }) => LOCALES.map((l) => [groups.map((g) => `(${g.join(' | ')})`).join(' & '), l] as const)).map(async ([q, l]) => {
      const rows = await sql<{ document_id: string; rank: number }>`select document_id, ts_rank(tsv, q) as rank
          from library_texts, to_tsquery(${PG_TS_CONFIG[l]}::regconfig, ${q}) q where lang = ${sql.lit(l)} and tsv @@ q`.execute(db);
      for (const r of rows.rows) found.add(cat.posOfId.get(r.document_id) ?? -1, Number(r.rank));
    }),
  );
  return found.done();
}

export const engine = new SearchEngine<Facet, CatalogEntry, ReaderScope>({
  metaTable: 'library_meta',
  facets: FACETS,
  load: loadCatalog,
  vocabulary: { scopes: ['all'], sqliteTable: () => 'library_vocab', pgTable: 'library_words', pgScopeColumn: null },
  matchSqlite,
  matchPg,
  // Kept warm by the server (ModuleManifest.warm): a word's rows and title rows.
  warm: { cache: rowCache, word: (db, cat, _scope, word) => wordRows(db, cat, word) },
  visibility: {
    key: (s) => (s.all ? 'all' : `${s.members ? 'm' : '-'}|${[...s.manages].sort().join(',')}|${[...s.bodies].sort().join(',')}`),
    visible: (s, d) => inScope(s, d),
  },
});

/** Forgets the catalog and the typo vocabulary (tests, benchmarks). */
export function dropLibraryCache(db: Db): void {
  engine.drop(db);
}

// ---------------------------------------------------------------------------------------------------
// Searching

/** Searches the documents the reader may see: text, facet filters (OR within a facet, AND across), counts, sort, page. */
export async function searchLibrary(db: Db, reader: ReaderScope, q: LibraryQuery): Promise<LibraryResult> {
  const filters = Object.fromEntries(FACETS.map((f) => [f, q[f]]));
  return engine.search(db, { text: q.text, filters, sort: q.sort, page: q.page, perPage: q.perPage }, reader);
}

/** The documents the reader may see that match `keep`, newest first (sections, updates, feeds). */
export async function visibleDocuments(db: Db, reader: ReaderScope, keep: (d: CatalogEntry) => boolean, limit: number): Promise<{ total: number; items: CatalogEntry[] }> {
  const { cat, positions } = await engine.visibleEntries(db, reader);
  const out: CatalogEntry[] = [];
  let total = 0;
  for (const i of positions!) {
    const d = cat.data[i]!;
    if (!keep(d)) continue;
    total++;
    if (out.length < limit) out.push(d);
  }
  return { total, items: out };
}

/**
 * @module Library: search
 * The same engine approach as practices (docs/decisions/0301, 0008): text is matched by each engine's own
 * full-text index — SQLite FTS5 (`unicode61 remove_diacritics 2`, detail=column; ranked by how many of the
 * words are in the title, then newest first) or PostgreSQL tsvector over unaccent, stemmed with each language's
 * configuration, one GIN index per language. A word missing from the index's vocabulary is replaced by the
 * known words within one edit (two for words of 8 letters or more; platform/search/text.ts), so
 * "migrasion" finds "migración". Visibility, facet filters, counts, sorting and paging are then passes over
 * a compact in-memory catalog of every document (rebuilt when `library_meta.search_version` changes), so a
 * reader is only ever counted and shown what they may see (docs/decisions/0802-library-search.md).
 */
import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/schema.js';
import { dialectOf } from '../../db/migrator.js';
import { newId } from '../../db/ids.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { parseTranslated } from '../../platform/i18n/translated.js';
import { words, editDistance, typoBudget, searchTerms, PG_TS_CONFIG } from '../../platform/search/text.js';
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
  const v = newId();
  await db
    .insertInto('library_meta')
    .values({ key: 'search_version', value: v })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: v }))
    .execute();
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
// The in-memory catalog

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
  /** Every facet value of the document as `facet:value` codes (indexes into the catalog's `keys`). */
  codes: Int32Array;
}

interface Catalog {
  version: string;
  /** Newest first (the document's date, then when it was added). */
  docs: CatalogEntry[];
  posOfId: Map<string, number>;
  posOfSeq: Map<number, number>;
  /** The facet values, by code: [facet, value]. */
  keys: [Facet, string][];
  codeOf: Map<string, number>;
}

const catalogs = new WeakMap<object, Catalog>();
const building = new WeakMap<object, Promise<Catalog>>();

async function currentVersion(db: Db): Promise<string> {
  return (await db.selectFrom('library_meta').select('value').where('key', '=', 'search_version').executeTakeFirst())?.value ?? '0';
}

async function buildCatalog(db: Db, version: string): Promise<Catalog> {
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
  const posOfSeq = new Map<number, number>();
  for (const r of rows) {
    posOfId.set(r.id, docs.length);
    if (r.seq != null) posOfSeq.set(Number(r.seq), docs.length);
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
      codes: new Int32Array(0),
      // Title languages stand in for a document without files.
      ...({ titleLangs: Object.keys(parseTranslated(r.title)) } as object),
    } as CatalogEntry);
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
  const keys: [Facet, string][] = [];
  const codeOf = new Map<string, number>();
  for (const d of docs) {
    const x = d as CatalogEntry & { titleLangs?: string[] };
    if (!d.langs.length) d.langs = x.titleLangs ?? [];
    delete x.titleLangs;
    const codes: number[] = [];
    for (const f of FACETS)
      for (const v of facetValues(d, f)) {
        const k = `${f}:${v}`;
        let c = codeOf.get(k);
        if (c === undefined) codeOf.set(k, (c = keys.push([f, v]) - 1));
        codes.push(c);
      }
    d.codes = Int32Array.from(codes);
  }
  return { version, docs, posOfId, posOfSeq, keys, codeOf };
}

/** The catalog for the current version (built once per version, shared by concurrent requests). */
export async function catalogOf(db: Db): Promise<Catalog> {
  const key = db as object;
  const version = await currentVersion(db);
  const have = catalogs.get(key);
  if (have && have.version === version) return have;
  const pending = building.get(key);
  if (pending) {
    const c = await pending;
    if (c.version === version) return c;
  }
  const p = buildCatalog(db, version);
  building.set(key, p);
  try {
    const c = await p;
    catalogs.set(key, c);
    return c;
  } finally {
    if (building.get(key) === p) building.delete(key);
  }
}

/** Forgets the catalog and the typo vocabulary (tests, benchmarks). */
export function dropLibraryCache(db: Db): void {
  catalogs.delete(db as object);
  vocabs.delete(db as object);
}

// ---------------------------------------------------------------------------------------------------
// Typo candidates

/** SQLite's vocabulary, by first letter, read once per catalog version (concurrent readers share one load). */
const vocabs = new WeakMap<object, { version: string; byLetter: Promise<Map<string, string[]>> }>();

async function loadVocab(db: Db): Promise<Map<string, string[]>> {
  const rows = await sql<{ term: string }>`select term from library_vocab`.execute(db);
  const m = new Map<string, string[]>();
  for (const r of rows.rows) {
    const k = r.term[0]!;
    let g = m.get(k);
    if (!g) m.set(k, (g = []));
    g.push(r.term);
  }
  return m;
}

function vocabOf(db: Db, version: string): Promise<Map<string, string[]>> {
  const key = db as object;
  const have = vocabs.get(key);
  if (have && have.version === version) return have.byLetter;
  const byLetter = loadVocab(db);
  vocabs.set(key, { version, byLetter });
  byLetter.catch(() => vocabs.delete(key));
  return byLetter;
}

/** The words to search for one typed word: itself when known, else the nearest known words (null: none). */
async function expandTerm(db: Db, dialect: Dialect, version: string, term: string): Promise<string[] | null> {
  const budget = typoBudget(term);
  let known: boolean;
  let near: string[] = [];
  if (dialect === 'postgres') {
    known = !!(await db.selectFrom('library_words').select('word').where('word', '=', term).executeTakeFirst());
    if (!known && budget) {
      const lo = term[0]!;
      const hi = String.fromCodePoint(lo.codePointAt(0)! + 1);
      const rows = await sql<{ word: string }>`select word from library_words where word >= ${lo} and word < ${hi}
          and length(word) between ${term.length - budget} and ${term.length + budget}
        union select word from library_words where word operator(public.%) ${term}`.execute(db);
      near = rows.rows.map((r) => r.word);
    }
  } else {
    known = (await sql<{ term: string }>`select term from library_vocab where term = ${term}`.execute(db)).rows.length > 0;
    if (!known && budget) near = (await vocabOf(db, version)).get(term[0]!) ?? [];
  }
  if (known) return [term];
  const cands = near
    .filter((w) => Math.abs(w.length - term.length) <= budget)
    .map((w) => ({ w, d: editDistance(term, w, budget) }))
    .filter((c) => c.d <= budget)
    .sort((a, b) => a.d - b.d || a.w.localeCompare(b.w))
    .slice(0, 4)
    .map((c) => c.w);
  return cands.length ? cands : null;
}

/** Matches of a text: catalog position → best score over the languages. */
async function textMatches(db: Db, dialect: Dialect, cat: Catalog, terms: string[]): Promise<{ score: Map<number, number>; corrected: string[] }> {
  const score = new Map<number, number>();
  const corrected: string[] = [];
  const groups: string[][] = [];
  for (const term of terms) {
    const g = await expandTerm(db, dialect, cat.version, term);
    if (!g) return { score, corrected: [] }; // every word must match
    groups.push(g);
    for (const w of g) if (w !== term) corrected.push(w);
  }
  const add = (i: number | undefined, s: number) => {
    if (i === undefined) return;
    const have = score.get(i);
    if (have === undefined || s > have) score.set(i, s);
  };
  if (dialect === 'postgres') {
    const q = groups.map((g) => `(${g.join(' | ')})`).join(' & ');
    await Promise.all(
      LOCALES.map(async (l) => {
        const rows = await sql<{ document_id: string; rank: number }>`select document_id, ts_rank(tsv, q) as rank
            from library_texts, to_tsquery(${PG_TS_CONFIG[l]}::regconfig, ${q}) q where lang = ${sql.lit(l)} and tsv @@ q`.execute(db);
        for (const r of rows.rows) add(cat.posOfId.get(r.document_id), Number(r.rank));
      }),
    );
  } else {
    // Every match, unscored (fast with detail=column); then a score from where each word is: 1 per word in
    // the title, plus 1 for matching at all (bm25 over every match of a common word cost ~8 µs a row: 100+ ms
    // at 20,000 documents; a summary column filter on a common word, 40 ms). Ties: newest first (catalog order).
    const or = (g: string[]) => `(${g.map((w) => `"${w}"`).join(' OR ')})`;
    const match = groups.map(or).join(' AND ');
    const rowids = (m: string) => (sql<{ rowid: number }>`select rowid from library_fts where library_fts match ${m}`.execute(db)).then((r) => r.rows);
    const [all, ...parts] = await Promise.all([rowids(match), ...groups.map((g) => rowids(`{title} : ${or(g)}`))]);
    const bonus = new Map<number, number>();
    for (const rows of parts) for (const r of rows) bonus.set(Number(r.rowid), (bonus.get(Number(r.rowid)) ?? 0) + 1);
    for (const r of all) add(cat.posOfSeq.get(Math.floor(Number(r.rowid) / 4)), 1 + (bonus.get(Number(r.rowid)) ?? 0));
  }
  return { score, corrected };
}

// ---------------------------------------------------------------------------------------------------
// Searching

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

/** Searches the documents the reader may see: text, facet filters (OR within a facet, AND across), counts, sort, page. */
export async function searchLibrary(db: Db, reader: ReaderScope, q: LibraryQuery): Promise<LibraryResult> {
  const dialect = dialectOf(db as any);
  const cat = await catalogOf(db);
  const perPage = Math.min(Math.max(q.perPage ?? 20, 1), 100);
  const terms = searchTerms(q.text ?? '');
  const tm = terms.length ? await textMatches(db, dialect, cat, terms) : null;
  const sort = q.sort ?? (tm ? 'relevance' : 'newest');
  // Filters: per facet, the codes of the values asked for (OR within a facet, AND across).
  const wanted: Uint8Array[] = [];
  for (const f of FACETS) {
    const values = (q[f] ?? []).filter(Boolean);
    if (!values.length) continue;
    const m = new Uint8Array(cat.keys.length);
    for (const v of values) {
      const c = cat.codeOf.get(`${f}:${v}`);
      if (c !== undefined) m[c] = 1;
    }
    wanted.push(m);
  }
  const counts = new Int32Array(cat.keys.length);
  const hits: number[] = [];
  const consider = (i: number) => {
    const d = cat.docs[i]!;
    if (!inScope(reader, d)) return;
    const codes = d.codes;
    for (const m of wanted) {
      let any = false;
      for (let k = 0; k < codes.length; k++) if (m[codes[k]!]) { any = true; break; }
      if (!any) return;
    }
    hits.push(i);
    for (let k = 0; k < codes.length; k++) counts[codes[k]!]!++;
  };
  let score: Float64Array | null = null;
  if (tm) {
    score = new Float64Array(cat.docs.length);
    for (const [i, sc] of tm.score) score[i] = sc;
    for (const i of tm.score.keys()) consider(i);
  } else for (let i = 0; i < cat.docs.length; i++) consider(i);
  const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as LibraryResult['facets'];
  counts.forEach((n, c) => {
    if (n) facets[cat.keys[c]![0]][cat.keys[c]![1]] = n;
  });
  if (sort === 'relevance' && score) {
    const sc = score;
    hits.sort((a, b) => sc[b]! - sc[a]! || a - b);
  } else if (sort === 'oldest') hits.sort((a, b) => b - a);
  else hits.sort((a, b) => a - b);
  const total = hits.length;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(q.page ?? 1, 1), pages);
  const ids = hits.slice((page - 1) * perPage, page * perPage).map((i) => cat.docs[i]!.id);
  return { total, page, pages, perPage, ids, facets, corrected: tm?.corrected ?? [] };
}

/** The documents the reader may see that match `keep`, newest first (sections, updates, feeds). */
export async function visibleDocuments(db: Db, reader: ReaderScope, keep: (d: CatalogEntry) => boolean, limit: number): Promise<{ total: number; items: CatalogEntry[] }> {
  const cat = await catalogOf(db);
  const out: CatalogEntry[] = [];
  let total = 0;
  for (const d of cat.docs) {
    if (!inScope(reader, d) || !keep(d)) continue;
    total++;
    if (out.length < limit) out.push(d);
  }
  return { total, items: out };
}

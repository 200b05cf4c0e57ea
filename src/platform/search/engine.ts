/**
 * @module Search engine
 * The platform's one search engine (docs/decisions/0013-one-search-engine.md). A module gives a small config
 * — its version row, how to load its catalog (ids newest first, facet values, data of its own), its
 * vocabulary tables, how its full-text index finds and scores a text's matches, and optionally a per-reader
 * visibility rule — and gets:
 * - a version check: the catalog is rebuilt when `<meta>.search_version` changes (bumped in every write
 *   transaction with `bumpVersion`);
 * - typo correction: a word missing from the index's vocabulary is replaced by the known words within one
 *   edit (two for words of 8 letters or more; text.ts), per vocabulary scope (practices: per language;
 *   library: one vocabulary), with the SQLite vocabulary read once per version and candidates cached;
 * - each text's ranked matches, found by the engine's own full-text index (FTS5 / tsvector) once per
 *   version and cached;
 * - a compact in-memory catalog (typed arrays): facet postings and per-entry facet codes, so visibility,
 *   facet filters (OR within a facet, AND across), facet counts, sorting and paging are array passes.
 */
import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/schema.js';
import { dialectOf } from '../../db/migrator.js';
import { newId } from '../../db/ids.js';
import { editDistance, letterBits, lettersApart, typoBudget, searchTerms } from './text.js';

// ---------------------------------------------------------------------------------------------------
// Config

/** One catalog entry as a module loads it. */
export interface CatalogRow<F extends string, T> {
  id: string;
  /** The full-text index's integer key (SQLite rowid), when it has one. */
  seq: number | null;
  /** Every facet value of the entry. */
  facets: [F, string][];
  /** The module's own data about the entry (visibility, lists). */
  data: T;
}

/** One scope's word groups (AND across groups, OR within: a typed word and its typo candidates). */
export interface ScopeGroups {
  scope: string;
  groups: string[][];
}

/** A text's matches: catalog positions ascending (newest first), and each one's score (higher is better). */
export interface Matches {
  pos: Int32Array;
  score: Float64Array;
}

/**
 * `Matches` from matches found in any order: `add(position, score)` for each (a position out of the catalog, e.g. -1,
 * is ignored; one found twice keeps its best score), then `done()`.
 */
export class MatchSet {
  private readonly best: Float64Array;
  private readonly seen: Uint8Array;
  private readonly hit: number[] = [];

  constructor(private readonly n: number) {
    this.best = new Float64Array(n);
    this.seen = new Uint8Array(n);
  }

  add(i: number, s: number): void {
    if (i < 0 || i >= this.n) return;
    if (!this.seen[i]) (this.seen[i] = 1), (this.best[i] = s), this.hit.push(i);
    else if (s > this.best[i]!) this.best[i] = s;
  }

  done(): Matches {
    const { hit, seen, best } = this;
    let pos: Int32Array;
    // The few sorted, the many read off in position order.
    if (hit.length * 16 < this.n) pos = Int32Array.from(hit).sort();
    else {
      pos = new Int32Array(hit.length);
      for (let i = 0, k = 0; k < hit.length; i++) if (seen[i]) pos[k++] = i;
    }
    const score = new Float64Array(pos.length);
    for (let k = 0; k < pos.length; k++) score[k] = best[pos[k]!]!;
    return { pos, score };
  }
}

/** Several scopes' matches as one: each position once, with its best score. */
function mergeBest(all: Matches[]): Matches {
  let acc = all[0] ?? { pos: new Int32Array(0), score: new Float64Array(0) };
  for (let l = 1; l < all.length; l++) {
    const a = acc;
    const b = all[l]!;
    const pos = new Int32Array(a.pos.length + b.pos.length);
    const score = new Float64Array(pos.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < a.pos.length || j < b.pos.length) {
      const x = i < a.pos.length ? a.pos[i]! : Infinity;
      const y = j < b.pos.length ? b.pos[j]! : Infinity;
      if (x < y) (pos[k] = x), (score[k++] = a.score[i++]!);
      else if (y < x) (pos[k] = y), (score[k++] = b.score[j++]!);
      else (pos[k] = x), (score[k++] = Math.max(a.score[i++]!, b.score[j++]!));
    }
    acc = { pos: pos.subarray(0, k), score: score.subarray(0, k) };
  }
  return acc;
}

export interface EngineConfig<F extends string, T, R> {
  /** The table holding the `search_version` row (key, value). */
  metaTable: string;
  facets: readonly F[];
  /** The searchable entries, newest first (the order of "newest"; ties of relevance). */
  load(db: Db): Promise<CatalogRow<F, T>[]>;
  /**
   * Where known words are. `scopes`: the vocabularies (practices: one per language; library: one), each
   * searched on its own: every typed word must exist, or be corrected, within a scope for it to match.
   */
  vocabulary: {
    scopes: readonly string[];
    /** SQLite: an fts5vocab 'row' table (term, doc) per scope. */
    sqliteTable(scope: string): string;
    /** PostgreSQL: a table of words (`word`), with a column naming the scope or null (one scope). */
    pgTable: string;
    pgScopeColumn: string | null;
  };
  /** SQLite: a scope's matches of the word groups (AND across groups, OR within), through FTS5. */
  matchSqlite(db: Db, cat: Catalog<F, T>, scope: string, groups: string[][]): Promise<Matches>;
  /**
   * PostgreSQL: every scope's matches of its word groups at once, through the tsvector index (each scope
   * searched on its own, as above; one call per text so that the scopes share round trips).
   */
  matchPg(db: Db, cat: Catalog<F, T>, jobs: ScopeGroups[]): Promise<Matches>;
  /**
   * SQLite, for a database kept warm (`keepWarm`): the module's per-word cache of a catalog, and how one word of a scope
   * is put in it (asked as a reader's search would ask it). After each catalog build the engine puts in the
   * vocabulary's words, those in the most entries first (the dearest to ask), one at a time between requests, until
   * the cache holds WARM_SHARE of its ceiling.
   */
  warm?: { cache(cat: Catalog<F, T>): { readonly weight: number; readonly max: number }; word(db: Db, cat: Catalog<F, T>, scope: string, term: string): Promise<unknown> };
  /** Per-reader visibility; absent: every entry is visible to everyone. */
  visibility?: {
    /** Readers with the same key see the same entries (the key caches their mask and counts). */
    key(reader: R): string;
    visible(reader: R, data: T): boolean;
  };
}

/**
 * The first `k` of `idx` (indexes into `pos`/`score`; null: every one) in rank order: best score first, ties newest first (lower
 * position) — a bounded heap in one pass, so a text's thousands of matches are never all sorted for its first page.
 */
export function topRanked(idx: Int32Array | null, pos: Int32Array, score: Float64Array, k: number): Int32Array {
  const m = idx ? idx.length : pos.length;
  k = Math.min(k, m);
  if (k <= 0) return new Int32Array(0);
  // A min-heap of the k best so far: the root is the worst kept (lowest score; among equals, the highest position).
  // The comparisons are written out (no closure a match): this runs once per match, tens of thousands for a common word.
  const heap = new Int32Array(k);
  let size = 0;
  for (let j = 0; j < m; j++) {
    const e = idx ? idx[j]! : j;
    const se = score[e]!;
    const pe = pos[e]!;
    if (size < k) {
      let i = size++;
      while (i > 0) {
        const up = (i - 1) >> 1;
        const u = heap[up]!;
        const su = score[u]!;
        if (!(se < su || (se === su && pe > pos[u]!))) break;
        heap[i] = u;
        i = up;
      }
      heap[i] = e;
    } else {
      const r = heap[0]!;
      const sr = score[r]!;
      if (sr < se || (sr === se && pos[r]! > pe)) siftDown(heap, size, e, pos, score);
    }
  }
  // The worst kept is taken off the root each time, so the list fills from its end: best first.
  const out = new Int32Array(size);
  for (let n = size; n > 0; n--) {
    out[n - 1] = heap[0]!;
    if (n > 1) siftDown(heap, n - 1, heap[n - 1]!, pos, score);
  }
  return out;
}

/** Puts `x` at the root of the heap's first `size` entries and moves it down to its place (`topRanked`'s order). */
function siftDown(heap: Int32Array, size: number, x: number, pos: Int32Array, score: Float64Array): void {
  const sx = score[x]!;
  const px = pos[x]!;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    let w = l;
    let c = heap[l]!;
    const r = l + 1;
    if (r < size) {
      const cr = heap[r]!;
      if (score[cr]! < score[c]! || (score[cr] === score[c] && pos[cr]! > pos[c]!)) (w = r), (c = cr);
    }
    const sc = score[c]!;
    if (!(sc < sx || (sc === sx && pos[c]! > px))) break;
    heap[i] = c;
    i = w;
  }
  heap[i] = x;
}

/**
 * PostgreSQL: for each (scope, word) — `i` from 1 — a row with a null word when the word is known in its scope,
 * else the rows of its typo candidates before the edit-distance filter: the words of the same first letter
 * within the budget's lengths (primary-key range), and the pg_trgm-similar words (`%`), looked up once per
 * distinct word and shared by its scopes.
 */
export function typoCandidatesQuery(v: EngineConfig<string, unknown, unknown>['vocabulary'], ask: readonly { scope: string; term: string }[]) {
  const table = sql.table(v.pgTable);
  const col = v.pgScopeColumn;
  const inScope = (alias: string) => (col ? sql`${sql.ref(`${alias}.${col}`)} = s.scope and` : sql``);
  const budgets = ask.map((a) => typoBudget(a.term));
  const lo = ask.map((a) => a.term[0]!);
  return sql<{ i: string; word: string | null }>`with s as materialized (
      select s.i, s.scope, s.term, s.lo, s.hi, s.budget, s.minl, s.maxl,
        exists (select 1 from ${table} w where ${inScope('w')} w.word = s.term) as known
      from unnest(${ask.map((a) => a.scope)}::text[], ${ask.map((a) => a.term)}::text[], ${lo}::text[],
        ${lo.map((c) => String.fromCodePoint(c.codePointAt(0)! + 1))}::text[], ${budgets}::int[],
        ${ask.map((a, i) => a.term.length - budgets[i]!)}::int[], ${ask.map((a, i) => a.term.length + budgets[i]!)}::int[])
        with ordinality as s(scope, term, lo, hi, budget, minl, maxl, i)
    ), g as materialized (
      select t.term, ${col ? sql`${sql.ref(`w.${col}`)}` : sql`''`} as scope, w.word
      from (select distinct term from s where not known and budget > 0) t join ${table} w on w.word operator(public.%) t.term
    )
    select i, null as word from s where known
    union all
    select s.i, w.word from s join ${table} w on ${inScope('w')} w.word >= s.lo and w.word < s.hi
      and length(w.word) between s.minl and s.maxl where not s.known and s.budget > 0
    union all
    select s.i, g.word from g join s on s.term = g.term ${col ? sql`and s.scope = g.scope` : sql``} where not s.known and s.budget > 0`;
}

// ---------------------------------------------------------------------------------------------------
// Bounded caches

/**
 * Answers of one catalog version — a text's matches, a module's per-word matches or scores — bounded by what they
 * hold (and, optionally, by how many they are): the least recently used are dropped first. A new version is a new
 * catalog, so nothing outlives a write.
 */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  private held = 0;

  constructor(
    /** The ceiling of the weight held. */
    readonly max: number,
    private readonly weigh: (v: V) => number,
    private readonly maxEntries = Infinity,
  ) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) this.map.delete(key), this.map.set(key, v); // most recently used last
    return v;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  set(key: string, v: V): void {
    if (this.map.has(key)) return; // the same answer made twice at once
    const size = this.weigh(v);
    if (size > this.max) return;
    while (this.map.size && (this.held + size > this.max || this.map.size >= this.maxEntries)) {
      const [old, x] = this.map.entries().next().value!;
      this.held -= this.weigh(x);
      this.map.delete(old);
    }
    this.map.set(key, v);
    this.held += size;
  }

  clear(): void {
    this.map.clear();
    this.held = 0;
  }

  /** The weight held. */
  get weight(): number {
    return this.held;
  }

  /** A cache per catalog version: the function returned gives a catalog's own (made on first use). */
  static perCatalog<V>(max: number, weigh: (v: V) => number): (cat: object) => BoundedCache<V> {
    const caches = new WeakMap<object, BoundedCache<V>>();
    return (cat) => {
      let c = caches.get(cat);
      if (!c) caches.set(cat, (c = new BoundedCache(max, weigh)));
      return c;
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// The catalog

interface TextResult {
  /** Matched positions, ascending (newest first). */
  pos: Int32Array;
  /** Each match's score, at the same index as its position (higher is better). */
  score: Float64Array;
  corrected: string[];
  /** Per reader key, with no facet filter: the count, facet counts and best matches (indexes into `pos`), kept. */
  ranked: BoundedCache<{ total: number; counts: Int32Array; top: Int32Array }>;
}

interface Visible {
  /** The reader key it was made for. */
  key: string;
  /** 1 where the reader may see the entry. */
  mask: Uint8Array;
  /** The visible positions, ascending. */
  list: Int32Array;
  /** Facet counts over the visible entries. */
  counts: Int32Array;
}

export interface Catalog<F extends string, T> {
  version: string;
  /** Entries newest first: ids and the module's data. */
  ids: string[];
  data: T[];
  posOfId: Map<string, number>;
  /** seq → position, -1 when absent. */
  posOfSeq: Int32Array;
  /** Facet codes per entry: codes[offsets[i]..offsets[i+1]). */
  offsets: Int32Array;
  codes: Int32Array;
  termNames: { facet: F; value: string }[];
  termCode: Map<string, number>;
  /** Positions having each facet code, ascending. */
  postings: Int32Array[];
  /** Counts over every entry. */
  allCounts: Int32Array;
  texts: BoundedCache<TextResult>;
  /** Per scope and typed word, the words searched for it (null: none), at most MAX_EXPANSIONS: typed words are anyone's. */
  expansions: BoundedCache<string[] | null>;
  visible: Map<string, Visible>;
}

export interface EngineQuery<F extends string> {
  text?: string;
  filters?: Partial<Record<F, string[] | undefined>>;
  sort?: 'relevance' | 'newest' | 'oldest';
  page?: number;
  perPage?: number;
}

export interface EngineResult<F extends string> {
  total: number;
  page: number;
  pages: number;
  perPage: number;
  /** Ids of this page's entries, in order. */
  ids: string[];
  /** Counts per facet value over the whole result. */
  facets: Record<F, Record<string, number>>;
  /** Words searched instead of the ones typed (typo correction). */
  corrected: string[];
}

const MAX_CACHED_TEXTS = 500;
/** How many typed words' expansions a catalog keeps (a few hundred bytes each; the least recently used go first). */
export const MAX_EXPANSIONS = 100_000;
/** Ceiling of the texts' cache, in matches held (12 bytes each: a position and a score). */
const MAX_CACHED_TEXT_MATCHES = 2_000_000;
const MAX_CACHED_READERS = 200;
/** How many of a text's best matches are kept with it per reader key (its first five pages of 20), for how many keys. */
const KEPT_RANKED = 100;
const RANKED_READERS = 8;

/** A typo statement sent with the version row (`earlyCandidates`). */
interface EarlyCandidates<F extends string, T> {
  cat: Catalog<F, T>;
  ask: { scope: string; term: string }[];
  found: Promise<(string[] | null)[]>;
}

/** A scope's words by first letter: each word, its number of entries and its `letterBits`; the words as a set. */
type Vocab = Map<string, { terms: string[]; docs: number[]; bits: number[]; set: Set<string> }>;

/**
 * The share of a per-word cache a warm-up fills: the rest is left to the words readers ask (at the benchmark's 100,000
 * practices, three quarters of the score cache are the ~1,300 words in 1,550 practices or more, ~11 s of FTS5).
 */
const WARM_SHARE = 0.75;

export class SearchEngine<F extends string, T, R = never> {
  private catalogs = new WeakMap<object, Catalog<F, T>>();
  private building = new WeakMap<object, Promise<Catalog<F, T>>>();
  private vocabs = new WeakMap<object, Map<string, { version: string; vocab: Promise<Vocab>; next?: Promise<Vocab>; ready?: Vocab }>>();
  /** Databases kept warm (`keepWarm`), with where a failed warm-up is told; each catalog's warm-up. */
  private warmed = new WeakMap<object, (err: unknown) => void>();
  private warming = new WeakMap<object, Promise<void>>();

  constructor(readonly config: EngineConfig<F, T, R>) {}

  // -------------------------------------------------------------------------------------------------
  // Version

  /** Bumps the version the catalog checks; call in every transaction that changes what is searchable. */
  async bumpVersion(db: Db): Promise<void> {
    await sql`insert into ${sql.table(this.config.metaTable)} (key, value) values ('search_version', ${newId()})
      on conflict (key) do update set value = excluded.value`.execute(db);
  }

  private async currentVersion(db: Db): Promise<string> {
    const r = await sql<{ value: string }>`select value from ${sql.table(this.config.metaTable)} where key = 'search_version'`.execute(db);
    return r.rows[0]?.value ?? '0';
  }

  /**
   * Forgets the catalog and caches, and whether the database is kept warm (tests, benchmarks); `keepCatalog` keeps the
   * catalog, dropping text caches.
   */
  drop(db: Db, opts: { keepCatalog?: boolean } = {}): void {
    const cat = this.catalogs.get(db as object);
    if (opts.keepCatalog && cat) {
      cat.texts.clear();
      cat.expansions.clear();
    } else {
      this.catalogs.delete(db as object);
      this.warmed.delete(db as object);
    }
    this.vocabs.delete(db as object);
  }

  // -------------------------------------------------------------------------------------------------
  // Catalog

  /** The catalog of the current version (built once per version, shared by concurrent requests). */
  async catalog(db: Db): Promise<Catalog<F, T>> {
    const key = db as object;
    const version = await this.currentVersion(db);
    const have = this.catalogs.get(key);
    if (have && have.version === version) return have;
    const pending = this.building.get(key);
    if (pending) {
      const c = await pending;
      if (c.version === version) return c;
    }
    const p = this.build(db, version);
    this.building.set(key, p);
    try {
      const c = await p;
      this.catalogs.set(key, c);
      if (this.warmed.has(key)) void this.warmUp(db, c);
      return c;
    } finally {
      if (this.building.get(key) === p) this.building.delete(key);
    }
  }

  /**
   * Keeps a database's search warm, off the request path: its catalog is built now rather than by the first reader,
   * and after each build (a version change, noticed by the next search) the SQLite vocabulary is read and the module's
   * per-word cache filled (`config.warm`), so that the first readers of a new text find its words' matches already
   * asked. The server calls it once it serves (ModuleManifest.warm); the app never does in tests. A failed warm-up is
   * told to `failed` and costs nothing else: the caches then fill as readers ask, as without it. Resolves when the
   * first warm-up ends; `drop` forgets the database.
   */
  async keepWarm(db: Db, failed: (err: unknown) => void): Promise<void> {
    this.warmed.set(db as object, failed);
    let cat: Catalog<F, T>;
    try {
      cat = await this.catalog(db);
    } catch (err) {
      return failed(err);
    }
    await this.warmUp(db, cat).catch(() => undefined); // told to `failed` by warmUp
  }

  /** A catalog's one warm-up (started by the first to ask), its failure told where the database's warm-ups are. */
  private warmUp(db: Db, cat: Catalog<F, T>): Promise<void> {
    let w = this.warming.get(cat);
    if (!w) {
      this.warming.set(cat, (w = this.warm(db, cat)));
      const failed = this.warmed.get(db as object);
      w.catch((err) => failed?.(err));
    }
    return w;
  }

  /** The warm-up of one catalog: stops as soon as it is no longer the current one. */
  private async warm(db: Db, cat: Catalog<F, T>): Promise<void> {
    const { warm } = this.config;
    if (!warm || dialectOf(db as any) !== 'sqlite') return;
    const cache = warm.cache(cat);
    const current = () => this.catalogs.get(db as object) === cat;
    const words: { scope: string; term: string; docs: number }[] = [];
    for (const scope of this.config.vocabulary.scopes) {
      const { vocab, fresh } = this.vocabOf(db, scope, cat.version);
      const known = await (fresh ?? vocab); // this version's words, not the previous one's kept while it is read
      for (const g of known.values()) for (let i = 0; i < g.terms.length; i++) words.push({ scope, term: g.terms[i]!, docs: g.docs[i]! });
    }
    words.sort((a, b) => b.docs - a.docs);
    for (const w of words) {
      await new Promise((resolve) => setImmediate(resolve)); // readers first: one word between requests
      if (!current() || cache.weight >= WARM_SHARE * cache.max) return;
      await warm.word(db, cat, w.scope, w.term);
    }
  }

  private async build(db: Db, version: string): Promise<Catalog<F, T>> {
    const rows = await this.config.load(db);
    const n = rows.length;
    const ids = new Array<string>(n);
    const data = new Array<T>(n);
    const posOfId = new Map<string, number>();
    let maxSeq = 0;
    for (const r of rows) if (r.seq != null && r.seq > maxSeq) maxSeq = r.seq;
    const posOfSeq = new Int32Array(maxSeq + 1).fill(-1);
    const termNames: Catalog<F, T>['termNames'] = [];
    const termCode = new Map<string, number>();
    const lists: number[][] = [];
    const offsets = new Int32Array(n + 1);
    const perEntry: number[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      ids[i] = r.id;
      data[i] = r.data;
      posOfId.set(r.id, i);
      if (r.seq != null) posOfSeq[r.seq] = i;
      const mine: number[] = [];
      for (const [facet, value] of r.facets) {
        const k = `${facet}:${value}`;
        let c = termCode.get(k);
        if (c === undefined) {
          termCode.set(k, (c = termNames.length));
          termNames.push({ facet, value });
          lists.push([]);
        }
        if (mine.includes(c)) continue;
        mine.push(c);
        lists[c]!.push(i);
      }
      perEntry[i] = mine;
      offsets[i + 1] = offsets[i]! + mine.length;
    }
    const codes = new Int32Array(offsets[n]!);
    for (let i = 0; i < n; i++) codes.set(perEntry[i]!, offsets[i]!);
    const postings = lists.map((l) => Int32Array.from(l));
    const allCounts = Int32Array.from(postings.map((p) => p.length));
    return { version, ids, data, posOfId, posOfSeq, offsets, codes, termNames, termCode, postings, allCounts, texts: new BoundedCache<TextResult>(MAX_CACHED_TEXT_MATCHES, (v) => v.pos.length, MAX_CACHED_TEXTS), expansions: new BoundedCache<string[] | null>(MAX_EXPANSIONS, () => 1), visible: new Map() };
  }

  /** What a reader may see, cached per reader key and version. */
  private visibleTo(cat: Catalog<F, T>, reader: R): Visible {
    const v = this.config.visibility!;
    const key = v.key(reader);
    const have = cat.visible.get(key);
    if (have) return have;
    const n = cat.ids.length;
    const mask = new Uint8Array(n);
    const list: number[] = [];
    const counts = new Int32Array(cat.termNames.length);
    const { offsets, codes } = cat;
    for (let i = 0; i < n; i++) {
      if (!v.visible(reader, cat.data[i]!)) continue;
      mask[i] = 1;
      list.push(i);
      for (let c = offsets[i]!; c < offsets[i + 1]!; c++) counts[codes[c]!]!++;
    }
    const out = { key, mask, list: Int32Array.from(list), counts };
    if (cat.visible.size >= MAX_CACHED_READERS) cat.visible.delete(cat.visible.keys().next().value!);
    cat.visible.set(key, out);
    return out;
  }

  /** The entries the reader may see, newest first (visibility only; for sections, feeds, lists). */
  async visibleEntries(db: Db, reader: R): Promise<{ cat: Catalog<F, T>; positions: Int32Array | null }> {
    const cat = await this.catalog(db);
    return { cat, positions: this.config.visibility ? this.visibleTo(cat, reader).list : null };
  }

  // -------------------------------------------------------------------------------------------------
  // Typo candidates

  private loadVocab(db: Db, scope: string): Promise<Vocab> {
    return sql<{ term: string; doc: number }>`select term, doc from ${sql.table(this.config.vocabulary.sqliteTable(scope))}`.execute(db).then((rows) => {
      const vocab: Vocab = new Map();
      for (const r of rows.rows) {
        const k = r.term[0]!;
        let g = vocab.get(k);
        if (!g) vocab.set(k, (g = { terms: [], docs: [], bits: [], set: new Set() }));
        g.terms.push(r.term);
        g.docs.push(Number(r.doc));
        g.bits.push(letterBits(r.term));
        g.set.add(r.term);
      }
      return vocab;
    });
  }

  /**
   * SQLite's vocabulary of a scope, read once per version (concurrent readers share one load). After a
   * change the previous one answers while it is read again (`fresh`: the new one, to wait for when the old
   * one has no candidate — a word just added); whether a word exists is asked of the index until this
   * version's vocabulary is read.
   */
  private vocabOf(db: Db, scope: string, version: string): { vocab: Promise<Vocab>; fresh: Promise<Vocab> | null } {
    const key = db as object;
    let per = this.vocabs.get(key);
    if (!per) this.vocabs.set(key, (per = new Map()));
    const have = per.get(scope);
    if (have && have.version === version) return { vocab: have.vocab, fresh: have.next ?? null };
    const fresh = this.loadVocab(db, scope);
    fresh.catch(() => per!.delete(scope));
    if (have) {
      const entry = { version, vocab: have.vocab, next: fresh as Promise<Vocab> | undefined }; // one refresh at a time
      per.set(scope, entry);
      fresh.then(
        (ready) => {
          if (per!.get(scope) === entry) per!.set(scope, { version, vocab: fresh, ready });
        },
        () => undefined,
      );
      return { vocab: have.vocab, fresh };
    }
    const entry: { version: string; vocab: Promise<Vocab>; ready?: Vocab } = { version, vocab: fresh };
    per.set(scope, entry);
    fresh.then(
      (ready) => (entry.ready = ready),
      () => undefined,
    );
    return { vocab: fresh, fresh: null };
  }

  /** Words of a scope to search for each typed word: itself when known, else near words (null: a word has none). */
  private async expand(db: Db, cat: Catalog<F, T>, scope: string, terms: string[]): Promise<string[][] | null> {
    const out: string[][] = [];
    for (const term of terms) {
      const key = `${scope}:${term}`;
      let cands = cat.expansions.get(key);
      if (cands === undefined) {
        cands = await this.expandTerm(db, cat, scope, term);
        cat.expansions.set(key, cands);
      }
      if (!cands) return null; // every word must match
      out.push(cands);
    }
    return out;
  }

  /**
   * PostgreSQL: `expand` for every scope at once — the (scope, word) pairs not cached yet are asked in one
   * statement: whether each word is known in its scope, and for the unknown ones the candidates `expandTerm`
   * asks for (same first letter and near length, or pg_trgm-similar; one trigram lookup per word, shared by
   * the scopes). null for a scope where a word has no candidate.
   */
  private async expandPg(db: Db, cat: Catalog<F, T>, terms: string[], early: EarlyCandidates<F, T> | null): Promise<(string[][] | null)[]> {
    const { scopes } = this.config.vocabulary;
    if (early && early.cat === cat) {
      const found = await early.found;
      early.ask.forEach((a, i) => cat.expansions.set(`${a.scope}:${a.term}`, found[i]!));
    }
    const ask: { scope: string; term: string }[] = [];
    for (const scope of scopes) for (const term of terms) if (!cat.expansions.has(`${scope}:${term}`)) ask.push({ scope, term });
    if (ask.length) {
      const found = await this.pgCandidates(db, ask);
      ask.forEach((a, i) => cat.expansions.set(`${a.scope}:${a.term}`, found[i]!));
    }
    return scopes.map((scope) => {
      const out: string[][] = [];
      for (const term of terms) {
        const cands = cat.expansions.get(`${scope}:${term}`);
        if (!cands) return null; // every word must match
        out.push(cands);
      }
      return out;
    });
  }

  /**
   * PostgreSQL: the typo statement of a text not cached, sent at the same time as the version row (not after it)
   * for the catalog in memory: used when the version has not changed (the same catalog), else dropped. A
   * publication writes its words and bumps the version in one transaction, so a kept answer read either the
   * words of that version or newer ones — as the statement sent after the version row could already.
   */
  private earlyCandidates(db: Db, terms: string[]): EarlyCandidates<F, T> | null {
    const cat = this.catalogs.get(db as object);
    if (!cat || cat.texts.has(terms.join(' '))) return null;
    const ask: { scope: string; term: string }[] = [];
    for (const scope of this.config.vocabulary.scopes) for (const term of terms) if (!cat.expansions.has(`${scope}:${term}`)) ask.push({ scope, term });
    if (!ask.length) return null;
    const found = this.pgCandidates(db, ask);
    found.catch(() => undefined); // awaited (and its error thrown) only when used
    return { cat, ask, found };
  }

  private async pgCandidates(db: Db, ask: { scope: string; term: string }[]): Promise<(string[] | null)[]> {
    const budgets = ask.map((a) => typoBudget(a.term));
    const rows = await typoCandidatesQuery(this.config.vocabulary, ask).execute(db);
    const known = new Array<boolean>(ask.length).fill(false);
    const near = ask.map(() => new Set<string>());
    for (const r of rows.rows) {
      const i = Number(r.i) - 1;
      if (r.word === null) known[i] = true;
      else near[i]!.add(r.word);
    }
    return ask.map((a, i) => {
      if (known[i]) return [a.term];
      const budget = budgets[i]!;
      const cands = [...near[i]!]
        .map((w) => ({ w, d: editDistance(a.term, w, budget) }))
        .filter((c) => c.d <= budget)
        .sort((x, y) => x.d - y.d || (x.w < y.w ? -1 : x.w > y.w ? 1 : 0))
        .slice(0, 4)
        .map((c) => c.w);
      return cands.length ? cands : null;
    });
  }

  /** SQLite: a word's candidates from the vocabulary read in memory. */
  private async expandTerm(db: Db, cat: Catalog<F, T>, scope: string, term: string): Promise<string[] | null> {
    const v = this.config.vocabulary;
    const budget = typoBudget(term);
    const lo = term[0]!;
    let known: boolean;
    let near: { w: string; d: number; n: number }[] = [];
    // Whether the word exists: from this version's vocabulary when it is read (a row of fts5vocab counts the
    // word's documents: 10+ ms for a common word), else asked.
    const current = this.vocabs.get(db as object)?.get(scope);
    const ready = current && current.version === cat.version && !current.next ? current.ready : undefined;
    if (ready) known = ready.get(lo)?.set.has(term) ?? false;
    else known = (await sql`select 1 from ${sql.table(v.sqliteTable(scope))} where term = ${term}`.execute(db)).rows.length > 0;
    if (!known && budget) {
      // Every word of the same first letter, a near length and near letters is measured; only those near enough are kept.
      const bits = letterBits(term);
      const apart = 2 * budget;
      const nearIn = (vocab: Vocab) => {
        const g = vocab.get(lo);
        const out: typeof near = [];
        if (g)
          for (let i = 0; i < g.terms.length; i++) {
            const w = g.terms[i]!;
            if (Math.abs(w.length - term.length) > budget || lettersApart(bits, g.bits[i]!) > apart) continue;
            const d = editDistance(term, w, budget);
            if (d <= budget) out.push({ w, d, n: g.docs[i]! });
          }
        return out;
      };
      const { vocab, fresh } = this.vocabOf(db, scope, cat.version);
      near = nearIn(await vocab);
      if (!near.length && fresh) near = nearIn(await fresh);
    }
    if (known) return [term];
    const cands = near
      .filter((c) => c.d <= budget)
      .sort((a, b) => a.d - b.d || b.n - a.n || (a.w < b.w ? -1 : a.w > b.w ? 1 : 0))
      .slice(0, 4)
      .map((c) => c.w);
    return cands.length ? cands : null;
  }

  // -------------------------------------------------------------------------------------------------
  // Matches

  /** A text's matches over every scope, ranked once per version (then cached). */
  private async textResult(db: Db, dialect: Dialect, cat: Catalog<F, T>, terms: string[], early: EarlyCandidates<F, T> | null = null): Promise<TextResult> {
    const key = terms.join(' ');
    const cached = cat.texts.get(key);
    if (cached) return cached;
    const found: Matches[] = [];
    const corrected = new Set<string>();
    const { scopes } = this.config.vocabulary;
    if (dialect === 'postgres') {
      // Every scope's words in one statement, every scope's matches in one call (the module shares round trips).
      const expanded = await this.expandPg(db, cat, terms, early);
      const jobs: ScopeGroups[] = [];
      for (const [si, scope] of scopes.entries()) {
        const groups = expanded[si];
        if (!groups) continue;
        groups.forEach((g, i) => g.forEach((w) => w !== terms[i] && corrected.add(w)));
        jobs.push({ scope, groups });
      }
      if (jobs.length) found.push(await this.config.matchPg(db, cat, jobs));
    } else {
      for (const scope of scopes) {
        const groups = await this.expand(db, cat, scope, terms);
        if (!groups) continue;
        groups.forEach((g, i) => g.forEach((w) => w !== terms[i] && corrected.add(w)));
        found.push(await this.config.matchSqlite(db, cat, scope, groups));
      }
    }
    const { pos, score } = mergeBest(found.filter((m) => m.pos.length));
    const out: TextResult = { pos, score, corrected: [...corrected], ranked: new BoundedCache(Infinity, () => 0, RANKED_READERS) };
    cat.texts.set(key, out);
    return out;
  }

  // -------------------------------------------------------------------------------------------------
  // Searching

  /**
   * Searches the entries (the reader may see, when the module has a visibility rule): text, facet filters
   * (OR within a facet, AND across), counts, sort, page.
   */
  async search(db: Db, q: EngineQuery<F>, reader?: R): Promise<EngineResult<F>> {
    const dialect = dialectOf(db as any);
    const terms = searchTerms(q.text ?? '');
    const early = dialect === 'postgres' && terms.length ? this.earlyCandidates(db, terms) : null;
    const cat = await this.catalog(db);
    const n = cat.ids.length;
    const perPage = Math.min(Math.max(q.perPage ?? 20, 1), 100);
    const tr = terms.length ? await this.textResult(db, dialect, cat, terms, early) : null;
    const sort = q.sort ?? (tr ? 'relevance' : 'newest');
    const vis = this.config.visibility ? this.visibleTo(cat, reader as R) : null;
    // Facet filters: a mask, or none.
    let mask: Uint8Array | null = null;
    for (const facet of this.config.facets) {
      const values = (q.filters?.[facet] ?? []).filter(Boolean);
      if (!values.length) continue;
      const any = new Uint8Array(n);
      for (const v of values) {
        const code = cat.termCode.get(`${facet}:${v}`);
        if (code !== undefined) for (const i of cat.postings[code]!) any[i] = 1;
      }
      if (mask) for (let i = 0; i < n; i++) mask[i]! &= any[i]!;
      else mask = any;
    }
    if (mask && vis) for (let i = 0; i < n; i++) mask[i]! &= vis.mask[i]!;
    else if (vis) mask = vis.mask;
    // A text ranked for a reader with no facet filter: its count, facet counts and best entries are the same for every
    // request of the version and reader key, and are kept with the text (a popular text's 50,000 matches are counted
    // once, not on every request).
    const readerKey = tr && sort === 'relevance' && (!mask || (vis && mask === vis.mask)) ? (vis ? vis.key : '') : null;
    const kept = readerKey !== null ? tr!.ranked.get(readerKey) : undefined;
    const pageOf = (total: number) => {
      const pages = Math.max(1, Math.ceil(total / perPage));
      const page = Math.min(Math.max(q.page ?? 1, 1), pages);
      return { pages, page, from: (page - 1) * perPage, to: Math.min(total, page * perPage) };
    };
    let total: number;
    let counts: Int32Array;
    let top: Int32Array | null = null; // indexes into the text's matches, best first
    let list: Int32Array | null = null; // null: every entry (no text), or every match of the text, in order
    if (kept && kept.top.length >= pageOf(kept.total).to) ({ total, counts, top } = kept);
    else {
      if (!tr && !mask) counts = cat.allCounts;
      else if (!tr && vis && mask === vis.mask) (list = vis.list), (counts = vis.counts);
      else if (tr && !mask) {
        // Every match: counted in one pass, in position order.
        counts = new Int32Array(cat.termNames.length);
        const { offsets, codes } = cat;
        for (let j = 0; j < tr.pos.length; j++) {
          const i = tr.pos[j]!;
          for (let c = offsets[i]!; c < offsets[i + 1]!; c++) counts[codes[c]!]!++;
        }
      } else {
        // One pass in position order: the entries kept by the mask (indexes into the text's matches, or positions),
        // with their facet counts.
        const m = tr ? tr.pos.length : n;
        const out = new Int32Array(m);
        let k = 0;
        counts = new Int32Array(cat.termNames.length);
        const { offsets, codes } = cat;
        for (let j = 0; j < m; j++) {
          const i = tr ? tr.pos[j]! : j;
          if (mask && !mask[i]) continue;
          out[k++] = tr ? j : i;
          for (let c = offsets[i]!; c < offsets[i + 1]!; c++) counts[codes[c]!]!++;
        }
        list = out.subarray(0, k);
      }
      total = list ? list.length : tr ? tr.pos.length : n;
      if (tr && sort === 'relevance') {
        // The best `to` by score (at least the first five pages when kept with the text).
        const { to } = pageOf(total);
        top = topRanked(list, tr.pos, tr.score, readerKey !== null ? Math.max(to, KEPT_RANKED) : to);
        if (readerKey !== null) tr.ranked.set(readerKey, { total, counts, top });
      }
    }
    const facets: Record<string, Record<string, number>> = Object.fromEntries(this.config.facets.map((f) => [f, {}]));
    for (let code = 0; code < counts.length; code++) {
      const c = counts[code]!;
      if (c) facets[cat.termNames[code]!.facet]![cat.termNames[code]!.value] = c;
    }
    const { pages, page, from, to } = pageOf(total);
    const ids: string[] = [];
    if (top) for (let j = from; j < to; j++) ids.push(cat.ids[tr!.pos[top[j]!]!]!);
    else {
      const reverse = sort === 'oldest';
      for (let j = from; j < to; j++) {
        const at = reverse ? total - 1 - j : j;
        const e = list ? list[at]! : at;
        ids.push(cat.ids[tr ? tr.pos[e]! : e]!);
      }
    }
    return { total, page, pages, perPage, ids, facets: facets as EngineResult<F>['facets'], corrected: tr?.corrected ?? [] };
  }
}

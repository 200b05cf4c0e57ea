/**
 * @module Library benchmark
 * generate(): 20,000 documents (scale 1), 70% Spanish, the rest Portuguese, English or French, a third with a
 * second language's file; each file with about 400 words of "extracted text" (the practices benchmark's domain
 * words, Zipf-distributed, among generated rarer words). Inserted in batches inside transactions: prepared
 * statements on SQLite (documents, files, terms, FTS rows), multi-row inserts on PostgreSQL with the tsvectors
 * computed by one statement per batch.
 * extra(): server time of a library search (search + the page's documents) with query texts never searched
 * before, as an anonymous visitor and as a member — p50/p95 per class of text (two words, accentless, one typo,
 * one common word, text + a facet).
 * pages(): the library page, unfiltered and with unique query texts.
 */
import { sql } from 'kysely';
import { QUERY_COUNT, type BenchModule, type BenchRow } from './types.js';
import type { AppDeps } from '../src/platform/http/env.js';
import { newId } from '../src/db/ids.js';
import { LOCALES, type Locale } from '../src/platform/i18n/locales.js';
import { PG_TS_CONFIG, words } from '../src/platform/search/text.js';
import { searchLibrary, bumpSearchVersion, dropLibraryCache, ftsRowid } from '../src/modules/library/search.js';
import { documentsByIds } from '../src/modules/library/queries.js';
import { readerScope } from '../src/modules/library/policy.js';
import { NO_READER_BODIES } from '../src/modules/bodies/index.js';
import { DOC_KINDS, LICENCES } from '../src/modules/library/tables.js';
import { DOMAIN, freshTexts, practiceQueries } from './practices.js';
import { prng } from './prng.js';

const LAC = 'AR BO BR CL CO CR CU DO EC SV GT HT HN JM MX NI PA PY PE TT UY VE'.split(' ');
const SYL = 'ma ri co la te na do sa pe ro ca mi se li ta ge bu ja fe vi tro pla cre gra bre'.split(' ');

function vocab(l: Locale, r: () => number) {
  const domain = [...new Set(DOMAIN[l].split(' '))];
  const rare = new Set<string>();
  while (rare.size < 6000) {
    let w = '';
    for (let i = 0, k = 2 + Math.floor(r() * 3); i < k; i++) w += SYL[Math.floor(r() * SYL.length)];
    rare.add(w);
  }
  // Zipf over the domain words (s = 1): cumulative weights.
  const cdf = new Float64Array(domain.length);
  let acc = 0;
  for (let i = 0; i < domain.length; i++) cdf[i] = acc += 1 / (i + 1);
  return { domain, rare: [...rare], cdf, total: acc };
}
type Vocab = ReturnType<typeof vocab>;

function text(v: Vocab, r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (r() < 0.3) out.push(v.rare[Math.floor(r() * v.rare.length)]!);
    else {
      const x = r() * v.total;
      let lo = 0;
      let hi = v.cdf.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v.cdf[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      out.push(v.domain[lo]!);
    }
  }
  return out.join(' ');
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (n: number) => Math.round(n * 100) / 100;

interface GenDoc {
  id: string;
  seq: number;
  kind: string;
  title: Partial<Record<Locale, string>>;
  summary: Partial<Record<Locale, string>>;
  lang: Locale;
  published: string;
  created: string;
  visibility: string;
  bodyId: string | null;
  licence: string;
  objectives: number[];
  countries: string[];
  files: { lang: Locale; text: string }[];
}

export const bench: BenchModule = {
  name: 'library',

  async generate(deps: AppDeps, { scale, log }) {
    const { db } = deps;
    const n = Math.max(10, Math.round(20_000 * scale));
    const r = prng(816);
    const vocabs = Object.fromEntries(LOCALES.map((l) => [l, vocab(l, r)])) as Record<Locale, Vocab>;
    const bodies = (await db.selectFrom('bodies').select('id').execute()).map((b) => b.id);
    const base = Number((await db.selectFrom('library_documents').select((e) => e.fn.max('seq').as('m')).executeTakeFirst())?.m ?? 0);
    const now = Date.now();
    const t0 = performance.now();
    const make = (i: number): GenDoc => {
      const x = r();
      const lang: Locale = x < 0.7 ? 'es' : x < 0.85 ? 'pt' : x < 0.95 ? 'en' : 'fr';
      const langs: Locale[] = [lang];
      if (r() < 0.33) langs.push(LOCALES.filter((l) => l !== lang)[Math.floor(r() * 3)]!);
      const title: GenDoc['title'] = {};
      const summary: GenDoc['summary'] = {};
      for (const l of langs) {
        title[l] = text(vocabs[l], r, 6 + Math.floor(r() * 6));
        summary[l] = text(vocabs[l], r, 30 + Math.floor(r() * 30));
      }
      const v = r();
      const day = new Date(now - Math.floor(r() * 6 * 365) * 86400000).toISOString();
      return {
        id: newId(),
        seq: base + i + 1,
        kind: DOC_KINDS[Math.floor(r() * DOC_KINDS.length)]!,
        title,
        summary,
        lang,
        published: day.slice(0, 10),
        created: day,
        visibility: v < 0.75 ? 'public' : v < 0.92 ? 'members' : 'body',
        bodyId: r() < 0.6 && bodies.length ? bodies[Math.floor(r() * bodies.length)]! : null,
        licence: LICENCES[Math.floor(r() * LICENCES.length)]!,
        objectives: [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => 1 + Math.floor(r() * 23)))],
        countries: [...new Set(Array.from({ length: Math.floor(r() * 3) }, () => LAC[Math.floor(r() * LAC.length)]!))],
        files: langs.map((l) => ({ lang: l, text: text(vocabs[l], r, 300 + Math.floor(r() * 200)) })),
      };
    };
    const BATCH = 500;
    if (deps.sqlite) {
      const s = deps.sqlite;
      const insDoc = s.prepare(`insert into library_documents (id, seq, kind, title, summary, original_lang, body_id, org_ids, authors, published_on, visibility, visibility_body_id, licence, created_by, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, '[]', null, ?, ?, ?, ?, null, ?, ?)`);
      const insFile = s.prepare(`insert into library_files (id, document_id, lang, file_name, stored_name, content_type, size, text, text_status, uploaded_by, created_at)
        values (?, ?, ?, ?, ?, 'application/pdf', ?, ?, 'done', null, ?)`);
      const insTerm = s.prepare('insert into library_terms (document_id, facet, value) values (?, ?, ?)');
      const insFts = s.prepare('insert into library_fts (rowid, title, summary, body) values (?, ?, ?, ?)');
      const sync = s.pragma('synchronous', { simple: true });
      s.pragma('synchronous = OFF'); // generated data: no fsync per transaction
      s.prepare(`insert into library_fts(library_fts, rank) values('automerge', 0)`).run();
      const batch = s.transaction((docs: GenDoc[]) => {
        for (const d of docs) {
          insDoc.run(d.id, d.seq, d.kind, JSON.stringify(d.title), JSON.stringify(d.summary), d.lang, d.bodyId, d.published, d.visibility, d.visibility === 'body' ? d.bodyId ?? bodies[0] : null, d.licence, d.created, d.created);
          for (const o of d.objectives) insTerm.run(d.id, 'objective', String(o));
          for (const c of d.countries) insTerm.run(d.id, 'country', c);
          for (const f of d.files) {
            insFile.run(newId(), d.id, f.lang, `doc-${f.lang}.pdf`, `${newId()}${newId()}.pdf`, f.text.length * 6, f.text, d.created);
            insFts.run(ftsRowid(d.seq, f.lang), d.title[f.lang] ?? '', d.summary[f.lang] ?? '', f.text);
          }
        }
      });
      for (let done = 0; done < n; done += BATCH) {
        batch(Array.from({ length: Math.min(BATCH, n - done) }, (_, i) => make(done + i)));
        if ((done / BATCH) % 10 === 0) log(`${done + Math.min(BATCH, n - done)} / ${n} documents`);
      }
      s.prepare(`insert into library_fts(library_fts) values('optimize')`).run();
      s.prepare(`insert into library_fts(library_fts, rank) values('automerge', 4)`).run();
      s.pragma(`synchronous = ${sync}`);
    } else {
      for (let done = 0; done < n; done += BATCH) {
        const docs = Array.from({ length: Math.min(BATCH, n - done) }, (_, i) => make(done + i));
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('library_documents')
            .values(
              docs.map((d) => ({
                id: d.id,
                seq: null,
                kind: d.kind as any,
                title: JSON.stringify(d.title),
                summary: JSON.stringify(d.summary),
                original_lang: d.lang,
                body_id: d.bodyId,
                org_ids: '[]',
                authors: null,
                published_on: d.published,
                visibility: d.visibility as any,
                visibility_body_id: d.visibility === 'body' ? d.bodyId ?? bodies[0] ?? null : null,
                licence: d.licence as any,
                created_by: null,
                created_at: d.created,
                updated_at: d.created,
              })),
            )
            .execute();
          const terms = docs.flatMap((d) => [...d.objectives.map((o) => ({ document_id: d.id, facet: 'objective', value: String(o) })), ...d.countries.map((c) => ({ document_id: d.id, facet: 'country', value: c }))]);
          if (terms.length) await trx.insertInto('library_terms').values(terms).execute();
          const files = docs.flatMap((d) => d.files.map((f) => ({ id: newId(), document_id: d.id, lang: f.lang, file_name: `doc-${f.lang}.pdf`, stored_name: `${newId()}${newId()}.pdf`, content_type: 'application/pdf', size: f.text.length * 6, text: f.text, text_status: 'done' as const, uploaded_by: null, created_at: d.created })));
          await trx.insertInto('library_files').values(files).execute();
          for (const l of LOCALES) {
            const cfg = PG_TS_CONFIG[l];
            await sql`insert into library_texts (document_id, lang, tsv)
              select d.id, f.lang, setweight(to_tsvector(${cfg}::regconfig, public.unaccent(coalesce(d.title::json->>${l}, ''))), 'A')
                || setweight(to_tsvector(${cfg}::regconfig, public.unaccent(coalesce(d.summary::json->>${l}, ''))), 'B')
                || setweight(to_tsvector(${cfg}::regconfig, public.unaccent(f.text)), 'D')
              from library_files f join library_documents d on d.id = f.document_id
              where f.lang = ${l} and d.id = any(${docs.map((d) => d.id)})`.execute(trx);
          }
          const ws = [...new Set(docs.flatMap((d) => words([...Object.values(d.title), ...Object.values(d.summary), ...d.files.map((f) => f.text)].join(' '))))].filter((w) => w.length <= 60);
          for (let i = 0; i < ws.length; i += 5000)
            await trx
              .insertInto('library_words')
              .values(ws.slice(i, i + 5000).map((word) => ({ word })))
              .onConflict((oc) => oc.column('word').doNothing())
              .execute();
        });
        if ((done / BATCH) % 10 === 0) log(`${done + docs.length} / ${n} documents`);
      }
      await sql`analyze library_texts`.execute(db);
    }
    await bumpSearchVersion(db);
    log(`${n} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  },

  async pages() {
    // As many distinct texts as the other searches (the four classes of freshTexts hold ~6,000: at ~1,500 req/s a run
    // sent some twice, and those the page cache served).
    const unique = practiceQueries(QUERY_COUNT, 97);
    return [
      { label: 'library', path: '/es/library' },
      { label: 'library search (unique texts)', path: `/es/library?q=${encodeURIComponent(unique[0]!)}`, paths: unique.map((q) => `/es/library?q=${encodeURIComponent(q)}`) },
    ];
  },

  async extra(deps: AppDeps, { log }) {
    const { db } = deps;
    dropLibraryCache(db);
    const anon = readerScope(null, NO_READER_BODIES);
    const member = readerScope({ id: 'bench', role: 'member' } as any, { secretaryOf: [], memberOrg: true, bodyIds: [] });
    let t = performance.now();
    await searchLibrary(db, anon, {});
    const cold = performance.now() - t;
    t = performance.now();
    await searchLibrary(db, anon, { text: 'migrasion' }); // the typo vocabulary, read once per version
    const vocabMs = performance.now() - t;
    const rows: BenchRow[] = [{ name: 'library: catalog build, vocabulary load', values: { catalog_ms: ms(cold), first_typo_ms: ms(vocabMs) } }];
    const classes = freshTexts(300, 2026);
    const all: number[] = [];
    for (const [label, list] of Object.entries(classes)) {
      const times: number[] = [];
      let hits = 0;
      for (const [i, q] of list.entries()) {
        const reader = i % 2 ? member : anon;
        const t0 = performance.now();
        const r = await searchLibrary(db, reader, { text: q, perPage: 20 });
        await documentsByIds(db, r.ids);
        times.push(performance.now() - t0);
        if (r.total) hits++;
      }
      all.push(...times);
      rows.push({ name: `library search: ${label}`, values: { n: list.length, p50_ms: ms(pct(times, 50)), p95_ms: ms(pct(times, 95)), with_results: `${Math.round((hits / list.length) * 100)}%` } });
    }
    {
      const times: number[] = [];
      const list = classes['two words']!.map((q, i) => ({ text: q, kind: [DOC_KINDS[i % DOC_KINDS.length]!], year: [String(2021 + (i % 5))] }));
      for (const q of list) {
        const t0 = performance.now();
        const r = await searchLibrary(db, member, { ...q, perPage: 20 });
        await documentsByIds(db, r.ids);
        times.push(performance.now() - t0);
      }
      all.push(...times);
      rows.push({ name: 'library search: text + kind + year', values: { n: list.length, p50_ms: ms(pct(times, 50)), p95_ms: ms(pct(times, 95)) } });
    }
    rows.push({ name: 'library search: all unique texts', values: { n: all.length, p50_ms: ms(pct(all, 50)), p95_ms: ms(pct(all, 95)), target_p95_ms: 30 } });
    log('library search measured');
    return rows;
  },
};

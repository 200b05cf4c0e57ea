/**
 * @module Practices benchmark
 * generate(): 100,000 published practices (scale 1) in Spanish, Portuguese, English and French — text
 * from word lists, 30% with a second language — inserted in batches inside transactions (raw prepared
 * statements on SQLite; Kysely and the real indexer on PostgreSQL).
 * extra(): server-side time per query (p50/p95) over a fixed set — text, typo, filters, facets — next to
 * MiniSearch and Orama indexing the same corpus in memory (at most 20,000 documents: at 100,000 they
 * were measured at 1.9–3.7 GB and p95 0.45–2 s on this machine, see docs/ARCHITECTURE).
 * pages(): the search page with a few representative URLs.
 */
import type { BenchModule, BenchRow } from './types.js';
import type { AppDeps } from '../src/platform/http/env.js';
import { newId } from '../src/db/ids.js';
import { LOCALES, type Locale } from '../src/platform/i18n/locales.js';
import { searchPractices, dropSearchCache, indexPractice, bumpSearchVersion, textsOf, type SearchQuery } from '../src/modules/practices/search.js';
import { termsOf } from '../src/modules/practices/commands/save.js';
import { practiceInput } from '../src/modules/practices/factories.js';
import { RESOURCE_TYPES, SCOPES } from '../src/modules/practices/model.js';
import type { PracticeInput } from '../src/modules/practices/schemas.js';

const WORDS: Record<Locale, string[]> = {
  es: 'migración migrantes personas familias comunidad derechos acceso salud educación trabajo vivienda regularización documentos protección niñez mujeres frontera refugio albergue integración inclusión cohesión social datos políticas públicas gobierno local municipio red organizaciones sociedad civil acompañamiento jurídico orientación capacitación empleo remesas retorno reintegración discriminación xenofobia campaña diálogo cooperación regional nacional programa proyecto resultados impacto lecciones réplica alianza financiamiento voluntariado atención psicosocial emergencia ruta tránsito trata tráfico víctimas seguridad dignidad igualdad género juventud indígenas afrodescendientes'.split(' '),
  pt: 'migração migrantes pessoas famílias comunidade direitos acesso saúde educação trabalho moradia regularização documentos proteção infância mulheres fronteira abrigo acolhida integração inclusão coesão social dados políticas públicas governo local município rede organizações sociedade civil acompanhamento jurídico orientação capacitação emprego remessas retorno reintegração discriminação xenofobia campanha diálogo cooperação regional nacional programa projeto resultados impacto lições réplica parceria financiamento voluntariado atenção psicossocial emergência rota trânsito tráfico vítimas segurança dignidade igualdade gênero juventude indígenas'.split(' '),
  en: 'migration migrants people families community rights access health education work housing regularization documents protection children women border shelter integration inclusion cohesion social data public policies government local municipality network organizations civil society legal guidance training employment remittances return reintegration discrimination xenophobia campaign dialogue cooperation regional national programme project results impact lessons replication partnership funding volunteers psychosocial care emergency route transit trafficking smuggling victims safety dignity equality gender youth indigenous'.split(' '),
  fr: 'migration migrants personnes familles communauté droits accès santé éducation travail logement régularisation documents protection enfance femmes frontière refuge accueil intégration inclusion cohésion sociale données politiques publiques gouvernement local commune réseau organisations société civile accompagnement juridique orientation formation emploi transferts retour réintégration discrimination xénophobie campagne dialogue coopération régionale nationale programme projet résultats impact leçons reproduction partenariat financement bénévolat soutien psychosocial urgence route transit traite trafic victimes sécurité dignité égalité genre jeunesse autochtones'.split(' '),
};
const LAC = 'AR BO BR CL CO CR CU DO EC SV GT HT HN JM MX NI PA PY PE UY VE TT BZ GY SR BS BB'.split(' ');
const OTHER = 'US CA ES IT FR DE PT GB MA SN PH JP AU'.split(' ');
const PRINCIPLES = ['people-centred', 'international-cooperation', 'national-sovereignty', 'rule-of-law-and-due-process', 'sustainable-development', 'human-rights', 'gender-responsive', 'child-sensitive', 'whole-of-government', 'whole-of-society'];

/** A deterministic pseudo-random generator, so every run has the same corpus. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(r: () => number, l: Locale, n: number) {
  const w = WORDS[l];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(w[Math.floor(r() * w.length)]!);
  const s = out.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}
function paragraph(r: () => number, l: Locale, sentences: number) {
  return Array.from({ length: sentences }, () => sentence(r, l, 8 + Math.floor(r() * 10))).join(' ');
}

export function fakePractice(r: () => number): PracticeInput {
  const x = r();
  const orig: Locale = x < 0.5 ? 'es' : x < 0.7 ? 'pt' : x < 0.85 ? 'en' : 'fr';
  const langs: Locale[] = [orig];
  if (r() < 0.3) langs.push(LOCALES.filter((l) => l !== orig)[Math.floor(r() * 3)]!);
  const per = (f: (l: Locale) => string) => Object.fromEntries(langs.map((l) => [l, f(l)]));
  const objectives = [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => 1 + Math.floor(r() * 23)))].sort((a, b) => a - b);
  const principles = [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => PRINCIPLES[Math.floor(r() * PRINCIPLES.length)]!))];
  const countries = [
    ...new Set(
      Array.from({ length: 1 + Math.floor(r() * 2) }, () => {
        const pool = r() < 0.9 ? LAC : OTHER;
        return pool[Math.floor(r() * pool.length)]!;
      }),
    ),
  ];
  return practiceInput({
    originalLang: orig,
    objectives,
    principles,
    countries,
    scope: SCOPES[Math.floor(r() * SCOPES.length)]!,
    resourceType: RESOURCE_TYPES[Math.floor(r() * RESOURCE_TYPES.length)]!,
    startDate: `${2016 + Math.floor(r() * 8)}-0${1 + Math.floor(r() * 9)}-01`,
    texts: {
      title: per((l) => sentence(r, l, 5 + Math.floor(r() * 5)).slice(0, -1)),
      summary: per((l) => paragraph(r, l, 2)),
      problem: per((l) => paragraph(r, l, 3)),
      actions: per((l) => paragraph(r, l, 4)),
      results: per((l) => paragraph(r, l, 3)),
      lessons: per((l) => paragraph(r, l, 2)),
      replication: per((l) => paragraph(r, l, 2)),
    },
  });
}

const QUERIES: { kind: string; q: SearchQuery }[] = [
  { kind: 'text', q: { text: 'migración' } },
  { kind: 'text', q: { text: 'salud mujeres frontera' } },
  { kind: 'text', q: { text: 'health access children' } },
  { kind: 'text', q: { text: 'integracao familias' } },
  { kind: 'typo', q: { text: 'migrasion' } },
  { kind: 'typo', q: { text: 'regularizasion documentos' } },
  { kind: 'typo', q: { text: 'xenofovia' } },
  { kind: 'filters', q: { objective: ['16'] } },
  { kind: 'filters', q: { objective: ['16', '19'], country: ['CL'] } },
  { kind: 'filters', q: { region: ['americas'], type: ['tool'], lang: ['pt'] } },
  { kind: 'facets', q: {} },
  { kind: 'facets', q: { sort: 'oldest', page: 50 } },
  { kind: 'text+filters', q: { text: 'remesas retorno', objective: ['20', '21'] } },
  { kind: 'text+filters', q: { text: 'santé', country: ['HT', 'CL'] } },
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (n: number) => Math.round(n * 100) / 100;

export const bench: BenchModule = {
  name: 'practices',

  async generate(deps: AppDeps, { scale, log }) {
    const n = Math.max(10, Math.round(100_000 * scale));
    const r = rng(42);
    const t0 = performance.now();
    const now = Date.now();
    const creator = 'bench-practices-author';
    if (deps.sqlite) {
      const s = deps.sqlite;
      const base = (s.prepare('select coalesce(max(seq), 0) as m from practices').get() as { m: number }).m;
      const ins = s.prepare(`insert into practices (id, seq, org_id, created_by, status, original_lang, title, summary, problem, actions, results, lessons, replication,
        implementers, partners, scope, start_date, end_date, resource_type, links, contact_name, contact_email, objectives, principles, countries, created_at, updated_at, submitted_at, published_at)
        values (?, ?, null, ?, 'published', ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, null, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const term = s.prepare('insert into practice_terms (practice_id, facet, value) values (?, ?, ?)');
      const fts = Object.fromEntries(LOCALES.map((l) => [l, s.prepare(`insert into practices_fts_${l} (rowid, title, body) values (?, ?, ?)`)]));
      const batch = 2000;
      for (let start = 0; start < n; start += batch) {
        s.transaction(() => {
          for (let i = start; i < Math.min(n, start + batch); i++) {
            const p = fakePractice(r);
            const id = newId();
            const seq = base + i + 1;
            const at = new Date(now - (n - i) * 60_000).toISOString();
            const tx = (f: keyof PracticeInput['texts']) => JSON.stringify(p.texts[f]);
            ins.run(id, seq, creator, p.originalLang, tx('title'), tx('summary'), tx('problem'), tx('actions'), tx('results'), tx('lessons'), tx('replication'), p.scope, p.startDate, p.resourceType,
              p.contactName, p.contactEmail, JSON.stringify(p.objectives), JSON.stringify(p.principles), JSON.stringify(p.countries), at, at, at, at);
            for (const t of termsOf(p)) term.run(id, t.facet, t.value);
            for (const t of textsOf({ ...Object.fromEntries(Object.entries(p.texts).map(([k, v]) => [k, JSON.stringify(v)])) })) fts[t.lang]!.run(seq, t.title, t.body);
          }
        })();
        if ((start / batch) % 10 === 0) log(`practices: ${Math.min(n, start + batch)}/${n} (${Math.round((performance.now() - t0) / 1000)} s)`);
      }
      s.prepare("insert into practice_meta (key, value) values ('search_version', ?) on conflict(key) do update set value = excluded.value").run(newId());
      s.exec(`insert into practices_fts_es(practices_fts_es) values('optimize'); insert into practices_fts_en(practices_fts_en) values('optimize');
              insert into practices_fts_pt(practices_fts_pt) values('optimize'); insert into practices_fts_fr(practices_fts_fr) values('optimize');`);
    } else {
      const { db } = deps;
      const batch = 200;
      for (let start = 0; start < n; start += batch) {
        await db.transaction().execute(async (trx) => {
          for (let i = start; i < Math.min(n, start + batch); i++) {
            const p = fakePractice(r);
            const at = new Date(now - (n - i) * 60_000).toISOString();
            const row = {
              id: newId(), seq: null, org_id: null, created_by: creator, status: 'published' as const, original_lang: p.originalLang,
              ...Object.fromEntries(Object.entries(p.texts).map(([k, v]) => [k, JSON.stringify(v)])),
              implementers: null, partners: null, scope: p.scope, start_date: p.startDate, end_date: null, resource_type: p.resourceType, links: '[]',
              contact_name: p.contactName, contact_email: p.contactEmail, objectives: JSON.stringify(p.objectives), principles: JSON.stringify(p.principles),
              countries: JSON.stringify(p.countries), created_at: at, updated_at: at, submitted_at: at, published_at: at,
            } as any;
            await trx.insertInto('practices').values(row).execute();
            await trx.insertInto('practice_terms').values(termsOf(p).map((t) => ({ practice_id: row.id, ...t }))).execute();
            await indexPractice(trx, row);
          }
        });
        log(`practices: ${Math.min(n, start + batch)}/${n}`);
      }
      await bumpSearchVersion(db);
    }
    log(`practices: ${n} generated in ${Math.round((performance.now() - t0) / 100) / 10} s`);
  },

  async pages() {
    return [
      { label: 'practices search (all)', path: '/es/practices' },
      { label: 'practices search (text)', path: '/es/practices?text=migracion' },
      { label: 'practices search (typo + filters)', path: '/es/practices?text=regularizasion&gcm_objectives=294&region=americas' },
      { label: 'practices search (facets, page 3)', path: '/en/practices?cross_cutting_theme=259&country=CL&page=3' },
    ];
  },

  async extra(deps, { log }) {
    const { db } = deps;
    const rows: BenchRow[] = [];
    dropSearchCache(db);
    let t = performance.now();
    await searchPractices(db, {});
    rows.push({ name: 'practices: facet index build (first query)', values: { ms: ms(performance.now() - t) } });
    const times: Record<string, number[]> = {};
    for (let round = 0; round < 12; round++) {
      for (const { kind, q } of QUERIES) {
        t = performance.now();
        await searchPractices(db, q);
        const d = performance.now() - t;
        if (round >= 2) (times[kind] ??= []).push(d), (times.all ??= []).push(d);
      }
    }
    for (const [kind, xs] of Object.entries(times)) rows.push({ name: `practices ${deps.dialect}: ${kind}`, values: { p50_ms: ms(pct(xs, 50)), p95_ms: ms(pct(xs, 95)), n: xs.length } });

    // The same corpus in memory, at a size memory allows.
    const total = Number((await db.selectFrom('practices').select((e) => e.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirst())?.n ?? 0);
    const size = Math.min(total, 20_000);
    const docs = (await db.selectFrom('practices').selectAll().where('status', '=', 'published').limit(size).execute()).flatMap((p) =>
      textsOf(p).map((x, i) => ({ id: `${p.id}:${i}`, title: x.title, body: x.body, lang: x.lang })),
    );
    const texts = QUERIES.filter((x) => x.q.text).map((x) => x.q.text!);
    const measure = async (name: string, build: () => Promise<(q: string) => Promise<unknown> | unknown>) => {
      const heap0 = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const run = await build();
      const buildMs = performance.now() - t0;
      const heapMb = Math.round((process.memoryUsage().heapUsed - heap0) / 1e6);
      const xs: number[] = [];
      for (let round = 0; round < 6; round++)
        for (const q of texts) {
          const s = performance.now();
          await run(q);
          if (round) xs.push(performance.now() - s);
        }
      rows.push({ name: `${name} (${size} practices in memory)`, values: { index_s: ms(buildMs / 1000), heap_mb: heapMb, p50_ms: ms(pct(xs, 50)), p95_ms: ms(pct(xs, 95)) } });
    };
    try {
      const { default: MiniSearch } = await import('minisearch');
      await measure('MiniSearch', async () => {
        const ms = new MiniSearch({ fields: ['title', 'body'], storeFields: [], processTerm: (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase() });
        ms.addAll(docs);
        return (q: string) => ms.search(q, { fuzzy: 0.2, combineWith: 'AND', boost: { title: 4 } }).slice(0, 20);
      });
    } catch (err) {
      log(`MiniSearch skipped: ${(err as Error).message}`);
    }
    try {
      const orama = await import('@orama/orama');
      await measure('Orama', async () => {
        const o = orama.create({ schema: { title: 'string', body: 'string', lang: 'string' } as const });
        await orama.insertMultiple(o, docs.map((d) => ({ title: d.title, body: d.body, lang: d.lang })), 1000);
        return (q: string) => orama.search(o, { term: q, tolerance: 1, limit: 20 });
      });
    } catch (err) {
      log(`Orama skipped: ${(err as Error).message}`);
    }
    return rows;
  },
};

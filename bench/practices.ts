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
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CompiledQuery } from 'kysely';
import type { BenchModule, BenchRow } from './types.js';
import type { AppDeps } from '../src/platform/http/env.js';
import { newId } from '../src/db/ids.js';
import { LOCALES, type Locale } from '../src/platform/i18n/locales.js';
import { searchPractices, dropSearchCache, bumpSearchVersion, textsOf, PG_CONFIG, type SearchQuery } from '../src/modules/practices/search.js';
import { POSTINGS_TRIGGERS, rebuildPostings } from '../src/modules/practices/pg-postings.js';
import { termsOf } from '../src/modules/practices/commands/save.js';
import { practiceInput } from '../src/modules/practices/factories.js';
import { RESOURCE_TYPES, SCOPES, TEXT_FIELDS, words } from '../src/modules/practices/model.js';
import type { PracticeInput } from '../src/modules/practices/schemas.js';
import { createPractice } from '../src/modules/practices/commands/save.js';
import { benchMember, BENCH_MEMBER } from './member.js';
import { QUERY_COUNT } from './types.js';

/** Words that carry the domain, most frequent first (they take the top ranks after the function words). */
export const DOMAIN: Record<Locale, string> = {
  es: 'migración migrantes personas familias comunidad derechos acceso salud educación trabajo vivienda regularización documentos protección niñez mujeres frontera refugio albergue integración inclusión cohesión social datos políticas públicas gobierno local municipio red organizaciones sociedad civil acompañamiento jurídico orientación capacitación empleo remesas retorno reintegración discriminación xenofobia campaña diálogo cooperación regional nacional programa proyecto resultados impacto lecciones réplica alianza financiamiento voluntariado atención psicosocial emergencia ruta tránsito trata tráfico víctimas seguridad dignidad igualdad género juventud indígenas afrodescendientes migrante refugiados solicitantes asilo apatridia desplazamiento retornados deportación detención alternativas consulado identidad registro nacimiento escuela docentes estudiantes becas salarios contratos empleadores reclutamiento ético inspección laboral sindicatos cuidados hogares vecinos barrio ciudad alcaldía ministerio instituto universidad encuesta censo estadísticas indicadores monitoreo evaluación metodología taller manual guía plataforma aplicación línea gratuita oficina ventanilla única trámites visas permisos residencia temporal permanente ciudadanía naturalización idioma intérpretes traducción cultura arte deporte jóvenes adolescentes niñas niños no acompañados separados adopción salud mental vacunación clínica hospital médicos enfermería nutrición alimentos agua saneamiento clima desastres sequía inundaciones rural agricultura cosecha estacional circular diáspora inversión emprendimiento microcréditos bancos ahorro financiera inclusión digital conectividad teléfono información desinformación prensa periodistas medios comunicación sensibilización prejuicios racismo odio convivencia participación consejo consulta comité mesa técnica protocolo acuerdo convenio memorando ley decreto reforma reglamento norma política pública estrategia plan acción hoja de ruta',
  pt: 'migração migrantes pessoas famílias comunidade direitos acesso saúde educação trabalho moradia regularização documentos proteção infância mulheres fronteira abrigo acolhida integração inclusão coesão social dados políticas públicas governo local município rede organizações sociedade civil acompanhamento jurídico orientação capacitação emprego remessas retorno reintegração discriminação xenofobia campanha diálogo cooperação regional nacional programa projeto resultados impacto lições réplica parceria financiamento voluntariado atenção psicossocial emergência rota trânsito tráfico vítimas segurança dignidade igualdade gênero juventude indígenas migrante refugiados solicitantes refúgio apatridia deslocamento retornados deportação detenção alternativas consulado identidade registro nascimento escola professores estudantes bolsas salários contratos empregadores recrutamento ético inspeção sindicatos cuidados lares vizinhos bairro cidade prefeitura ministério instituto universidade pesquisa censo estatísticas indicadores monitoramento avaliação metodologia oficina manual guia plataforma aplicativo linha gratuita escritório balcão único trâmites vistos autorizações residência temporária permanente cidadania naturalização idioma intérpretes tradução cultura arte esporte jovens adolescentes meninas meninos desacompanhados separados adoção saúde mental vacinação clínica hospital médicos enfermagem nutrição alimentos água saneamento clima desastres seca enchentes rural agricultura colheita sazonal circular diáspora investimento empreendedorismo microcrédito bancos poupança financeira inclusão digital conectividade telefone informação desinformação imprensa jornalistas mídia comunicação sensibilização preconceitos racismo ódio convivência participação conselho consulta comitê mesa técnica protocolo acordo convênio memorando lei decreto reforma regulamento norma estratégia plano ação roteiro',
  en: 'migration migrants people families community rights access health education work housing regularization documents protection children women border shelter integration inclusion cohesion social data public policies government local municipality network organizations civil society legal guidance training employment remittances return reintegration discrimination xenophobia campaign dialogue cooperation regional national programme project results impact lessons replication partnership funding volunteers psychosocial care emergency route transit trafficking smuggling victims safety dignity equality gender youth indigenous migrant refugees applicants asylum statelessness displacement returnees deportation detention alternatives consulate identity registration birth school teachers students scholarships wages contracts employers recruitment ethical inspection unions caregivers households neighbours neighbourhood city mayor ministry institute university survey census statistics indicators monitoring evaluation methodology workshop handbook toolkit platform app helpline free office desk procedures visas permits residence temporary permanent citizenship naturalization language interpreters translation culture art sport young adolescents girls boys unaccompanied separated adoption mental vaccination clinic hospital doctors nursing nutrition food water sanitation climate disasters drought floods rural agriculture harvest seasonal circular diaspora investment entrepreneurship microcredit banks savings financial digital connectivity phone information disinformation press journalists media communication awareness prejudice racism hate coexistence participation council consultation committee roundtable technical protocol agreement memorandum law decree reform regulation standard strategy plan action roadmap',
  fr: 'migration migrants personnes familles communauté droits accès santé éducation travail logement régularisation documents protection enfance femmes frontière refuge accueil intégration inclusion cohésion sociale données politiques publiques gouvernement local commune réseau organisations société civile accompagnement juridique orientation formation emploi transferts retour réintégration discrimination xénophobie campagne dialogue coopération régionale nationale programme projet résultats impact leçons reproduction partenariat financement bénévolat soutien psychosocial urgence route transit traite trafic victimes sécurité dignité égalité genre jeunesse autochtones migrant réfugiés demandeurs asile apatridie déplacement rapatriés expulsion rétention alternatives consulat identité enregistrement naissance école enseignants étudiants bourses salaires contrats employeurs recrutement éthique inspection syndicats soins ménages voisins quartier ville mairie ministère institut université enquête recensement statistiques indicateurs suivi évaluation méthodologie atelier manuel guide plateforme application ligne gratuite bureau guichet unique démarches visas permis résidence temporaire permanente citoyenneté naturalisation langue interprètes traduction culture art sport jeunes adolescents filles garçons non accompagnés séparés adoption mentale vaccination clinique hôpital médecins infirmiers nutrition alimentation eau assainissement climat catastrophes sécheresse inondations rural agriculture récolte saisonnier circulaire diaspora investissement entrepreneuriat microcrédit banques épargne financière numérique connectivité téléphone information désinformation presse journalistes médias communication sensibilisation préjugés racisme haine convivialité participation conseil consultation comité table technique protocole accord convention mémorandum loi décret réforme règlement norme stratégie plan action feuille',
};
/** Function words: the most frequent tokens of any real text. */
const FUNCTION: Record<Locale, string> = {
  es: 'de la que el en y a los se del las un por con no una su para es al lo como más o pero sus le ha',
  pt: 'de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das',
  en: 'the of and to a in is that for it as was with be by on not he this are or his from at which but',
  fr: 'de la le et les des en un du une que est pour qui dans par plus pas au sur ne se ce il sont avec',
};
/** Syllables and endings for generated word forms (names, places, rarer terms and inflections). */
const SYLLABLES: Record<Locale, string[]> = {
  es: 'ma ri co la te na do sa pe ro ca mi se li ta ge bu ja fe vi tro pla cre gra bre ñu que gui lle'.split(' '),
  pt: 'ma ri co la te na do sa pe ro ca mi se li ta ge bu ja fe vi tro pla cre gra bre nhe lha qui gue'.split(' '),
  en: 'ma ri co la te na do sa pe ro ca mi se li ta ge bu ja fe vi tro pla cre gra bre sh th wh ck'.split(' '),
  fr: 'ma ri co la te na do sa pe ro ca mi se li ta ge bu ja fe vi tro pla cre gra bre ou eau ai oi'.split(' '),
};
const ENDINGS: Record<Locale, string[]> = {
  es: 'ción ciones dad idades ismo ista istas ario aria ado ada ados adas mente ero era eros ico ica icos ivo iva al ales ante antes ía'.split(' '),
  pt: 'ção ções dade dades ismo ista istas ário ária ado ada ados adas mente eiro eira ico ica icos ivo iva al ais ante antes ia'.split(' '),
  en: 'tion tions ment ments ness ing ings ed er ers ity ities al ally ive ives ism ist ists able ous ship ance ence ly y'.split(' '),
  fr: 'tion tions ment ments ité ités isme iste istes aire aires é ée és ées eur eurs euse ique iques if ive al aux ance ence'.split(' '),
};
/** Distinct words per language: function words, domain words, then generated forms. */
const VOCAB_SIZE = 12_000;

interface Vocab {
  words: string[];
  /** Cumulative Zipf (s = 1.05) probabilities over `words`. */
  cdf: Float64Array;
  /** First rank after the function words (titles skip them). */
  content: number;
}

function buildVocab(l: Locale): Vocab {
  const r = rng(7 + LOCALES.indexOf(l));
  const seen = new Set<string>();
  const words: string[] = [];
  const add = (w: string) => {
    if (w && !seen.has(w)) seen.add(w), words.push(w);
  };
  for (const w of FUNCTION[l].split(' ')) add(w);
  const content = words.length;
  for (const w of DOMAIN[l].split(' ')) add(w);
  const syl = SYLLABLES[l];
  const end = ENDINGS[l];
  while (words.length < VOCAB_SIZE) {
    let w = '';
    const k = 2 + Math.floor(r() * 3);
    for (let i = 0; i < k; i++) w += syl[Math.floor(r() * syl.length)];
    add(w + end[Math.floor(r() * end.length)]);
  }
  const cdf = new Float64Array(words.length);
  let acc = 0;
  for (let i = 0; i < words.length; i++) cdf[i] = acc += 1 / Math.pow(i + 1, 1.05);
  for (let i = 0; i < words.length; i++) cdf[i]! /= acc;
  return { words, cdf, content };
}
const VOCABS = Object.fromEntries(LOCALES.map((l) => [l, buildVocab(l)])) as Record<Locale, Vocab>;

/** A word drawn with Zipf's skew, from rank `from` on. */
function draw(r: () => number, v: Vocab, from = 0): string {
  const lo0 = from ? v.cdf[from - 1]! : 0;
  const u = lo0 + r() * (1 - lo0);
  let lo = from;
  let hi = v.words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo]!;
}

const BODY_FIELDS = TEXT_FIELDS.filter((f) => f !== 'title');
const LAC = 'AR BO BR CL CO CR CU DO EC SV GT HT HN JM MX NI PA PY PE UY VE TT BZ GY SR BS BB'.split(' ');
const OTHER = 'US CA ES IT FR DE PT GB MA SN PH JP AU'.split(' ');
const PRINCIPLES = ['people-centred', 'international-cooperation', 'national-sovereignty', 'rule-of-law-and-due-process', 'sustainable-development', 'human-rights', 'gender-responsive', 'child-sensitive', 'whole-of-government', 'whole-of-society'];

/** A deterministic pseudo-random generator, so every run has the same corpus. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(r: () => number, l: Locale, n: number, content = false) {
  const v = VOCABS[l];
  let s = draw(r, v, content ? v.content : 0);
  for (let i = 1; i < n; i++) s += ' ' + draw(r, v, content ? v.content : 0);
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}
/** About `words` words in sentences of 8–20 words. */
function paragraph(r: () => number, l: Locale, words: number) {
  let out = '';
  while (words > 0) {
    const k = Math.min(words, 8 + Math.floor(r() * 13));
    out += (out ? ' ' : '') + sentence(r, l, k);
    words -= k;
  }
  return out;
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
      title: per((l) => sentence(r, l, 5 + Math.floor(r() * 8), true).slice(0, -1)),
      summary: per((l) => paragraph(r, l, 20 + Math.floor(r() * 30))),
      problem: per((l) => paragraph(r, l, 15 + Math.floor(r() * 25))),
      actions: per((l) => paragraph(r, l, 20 + Math.floor(r() * 30))),
      results: per((l) => paragraph(r, l, 15 + Math.floor(r() * 25))),
      lessons: per((l) => paragraph(r, l, 10 + Math.floor(r() * 15))),
      replication: per((l) => paragraph(r, l, 5 + Math.floor(r() * 15))),
    },
  });
}

/** One practice as the rows the app writes: practices, practice_terms (termsOf) and the FTS rows (textsOf). */
interface GenRow {
  practice: unknown[];
  terms: [string, string][];
  fts: [Locale, string, string][];
}

function genRows(r: () => number, from: number, count: number, o: { n: number; base: number; now: number; creator: string }): GenRow[] {
  const out: GenRow[] = [];
  for (let i = from; i < from + count; i++) {
    const p = fakePractice(r);
    const seq = o.base + i + 1;
    const at = new Date(o.now - (o.n - i) * 60_000).toISOString();
    const tx = (f: keyof PracticeInput['texts']) => JSON.stringify(p.texts[f]);
    const practice = [newId(), seq, o.creator, p.originalLang, tx('title'), tx('summary'), tx('problem'), tx('actions'), tx('results'), tx('lessons'), tx('replication'),
      p.scope, p.startDate, p.resourceType, p.contactName, p.contactEmail, JSON.stringify(p.objectives), JSON.stringify(p.principles), JSON.stringify(p.countries), at, at, at, at];
    // What indexPractice writes (textsOf): the title, and the other parts joined by new lines.
    const fts: GenRow['fts'] = [];
    for (const l of LOCALES) {
      const title = p.texts.title[l] ?? '';
      let body = '';
      for (const f of BODY_FIELDS) {
        const x = p.texts[f][l];
        if (x) body += (body ? '\n' : '') + x;
      }
      if (title || body) fts.push([l, title, body]);
    }
    out.push({ practice, terms: termsOf(p).map((t) => [t.facet, t.value]), fts });
  }
  return out;
}

const GEN_BATCH = 2500;
/** Each batch has its own seed, so the corpus is the same whoever generates it. */
const batchRng = (from: number) => rng(42 + from / GEN_BATCH);

/**
 * Batches of generated rows, made by a worker thread (the other core) one batch ahead of the inserts;
 * in this thread until the worker has started (or if it cannot start).
 */
function rowSource(o: { n: number; base: number; now: number; creator: string }) {
  let from = 0;
  let worker: Worker | null = null;
  let ready = false;
  const waiting: ((rows: GenRow[]) => void)[] = [];
  try {
    if (process.env.PRACTICES_GEN_WORKER === '0') throw new Error('no worker');
    const tsx = import.meta.resolve('tsx/esm/api');
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    worker = new Worker(code, { eval: true, workerData: { practicesGen: o } });
    worker.on('message', (m: GenRow[] | 'ready') => (m === 'ready' ? (ready = true) : waiting.shift()?.(m)));
    worker.on('error', () => (ready = false));
  } catch {
    worker = null;
  }
  // The worker makes one batch at a time; whenever its batch is not ready yet, this thread makes the next one.
  const assign = () => {
    const at = from;
    const count = Math.min(GEN_BATCH, o.n - from);
    from += count;
    return { at, count };
  };
  let pending: { rows: GenRow[] | null; promise: Promise<GenRow[]> } | null = null;
  const request = () => {
    if (!worker || !ready || pending || from >= o.n) return;
    const { at, count } = assign();
    const p: { rows: GenRow[] | null; promise: Promise<GenRow[]> } = { rows: null, promise: null as any };
    p.promise = new Promise<GenRow[]>((resolve) => waiting.push(resolve)).then((rows) => (p.rows = rows));
    worker.postMessage({ at, count });
    pending = p;
  };
  return {
    async next(): Promise<GenRow[]> {
      request();
      if (pending?.rows || (pending && from >= o.n)) {
        const rows = pending.rows ?? (await pending.promise);
        pending = null;
        request();
        return rows;
      }
      const { at, count } = assign();
      return genRows(batchRng(at), at, count, o);
    },
    async close() {
      await worker?.terminate();
    },
  };
}

// The worker: generates the batches asked for.
if (!isMainThread && workerData?.practicesGen) {
  const o = workerData.practicesGen;
  parentPort!.on('message', ({ at, count }: { at: number; count: number }) => parentPort!.postMessage(genRows(batchRng(at), at, count, o)));
  parentPort!.postMessage('ready');
}

/**
 * PostgreSQL bulk load: the same rows as on SQLite (genRows, text made in the worker thread), sent as
 * multi-row inserts of arrays (`unnest`), two batches in flight; the tsvectors are computed by the server
 * exactly as indexPractice writes them, the word list (practice_words) is collected here and written once.
 * The secondary indexes (GIN on the tsvectors and on the words' trigrams, the facet and status indexes)
 * are dropped for the load and built once after it (with a larger maintenance_work_mem), then ANALYZE.
 */
async function loadPostgres(deps: AppDeps, o: { n: number; now: number; creator: string; log: (m: string) => void; t0: number }) {
  const { db } = deps;
  const { n, now, creator, log, t0 } = o;
  const run = (text: string, params: unknown[] = []) => db.executeQuery(CompiledQuery.raw(text, params));
  const defs = await run(`select indexname, indexdef from pg_indexes where schemaname = current_schema()
      and tablename in ('practices', 'practice_terms', 'practice_texts', 'practice_words') and indexname not like '%pkey' and indexname not like '%_pk'`);
  const indexes = defs.rows as { indexname: string; indexdef: string }[];
  for (const i of indexes) await run(`drop index ${i.indexname}`);
  // The postings (pg-postings.ts) are rebuilt once after the load instead of being rewritten by every batch.
  for (const t of POSTINGS_TRIGGERS) await run(`alter table practice_texts disable trigger ${t}`);
  const vocab = Object.fromEntries(LOCALES.map((l) => [l, new Set<string>()])) as Record<Locale, Set<string>>;
  const gen = rowSource({ n, base: 0, now, creator });
  const cols = ['id', 'created_by', 'original_lang', 'title', 'summary', 'problem', 'actions', 'results', 'lessons', 'replication', 'scope', 'start_date', 'resource_type',
    'contact_name', 'contact_email', 'objectives', 'principles', 'countries', 'created_at', 'updated_at', 'submitted_at', 'published_at'];
  const insertBatch = async (rows: GenRow[]) => {
    // genRows' practice row: [id, seq, created_by, ...the rest in `cols` order]; PostgreSQL has no seq.
    const arrays: unknown[][] = cols.map(() => []);
    const term: string[][] = [[], [], []];
    const text: string[][] = [[], [], [], []];
    for (const r of rows) {
      const p = r.practice as unknown[];
      arrays[0]!.push(p[0]);
      for (let c = 1; c < cols.length; c++) arrays[c]!.push(p[c + 1]);
      for (const t of r.terms) term[0]!.push(p[0] as string), term[1]!.push(t[0]), term[2]!.push(t[1]);
      for (const [lang, title, body] of r.fts) {
        text[0]!.push(p[0] as string), text[1]!.push(lang), text[2]!.push(title), text[3]!.push(body);
        for (const w of words(`${title} ${body}`)) if (w.length <= 60) vocab[lang].add(w);
      }
    }
    await db.transaction().execute(async (trx) => {
      const q = (text: string, params: unknown[]) => trx.executeQuery(CompiledQuery.raw(text, params));
      await q(`insert into practices (${cols.join(', ')}, status, links)
        select *, 'published', '[]' from unnest(${cols.map((_, i) => `$${i + 1}::text[]`).join(', ')})`, arrays);
      await q('insert into practice_terms (practice_id, facet, value) select * from unnest($1::text[], $2::text[], $3::text[])', term);
      await q(`insert into practice_texts (practice_id, lang, tsv)
        select t.id, t.lang, setweight(to_tsvector(c.cfg::regconfig, public.unaccent(t.title)), 'A') || setweight(to_tsvector(c.cfg::regconfig, public.unaccent(t.body)), 'B')
        from unnest($1::text[], $2::text[], $3::text[], $4::text[]) t(id, lang, title, body)
        join (values ${LOCALES.map((l) => `('${l}', '${PG_CONFIG[l]}')`).join(', ')}) c(lang, cfg) on c.lang = t.lang`, text);
    });
  };
  const inFlight = new Set<Promise<void>>();
  try {
    for (let done = 0; done < n; ) {
      await new Promise((resolve) => setImmediate(resolve));
      const rows = await gen.next();
      const p: Promise<void> = insertBatch(rows).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= 2) await Promise.race(inFlight);
      done += rows.length;
      if (done % 20_000 < rows.length) log(`practices: ${done}/${n} (${Math.round((performance.now() - t0) / 1000)} s)`);
    }
    await Promise.all(inFlight);
  } finally {
    await gen.close();
  }
  for (const l of LOCALES) {
    const ws = [...vocab[l]];
    for (let i = 0; i < ws.length; i += 50_000)
      await run('insert into practice_words (lang, word) select $1, w from unnest($2::text[]) w on conflict do nothing', [l, ws.slice(i, i + 50_000)]);
  }
  log(`practices: rows loaded in ${Math.round((performance.now() - t0) / 1000)} s`);
  const t1 = performance.now();
  await db.connection().execute(async (c) => {
    await c.executeQuery(CompiledQuery.raw("set maintenance_work_mem = '256MB'"));
    for (const i of indexes) await c.executeQuery(CompiledQuery.raw(i.indexdef));
    await c.executeQuery(CompiledQuery.raw('reset maintenance_work_mem'));
  });
  log(`practices: ${indexes.length} indexes built in ${Math.round((performance.now() - t1) / 1000)} s`);
  const t2 = performance.now();
  for (const t of POSTINGS_TRIGGERS) await run(`alter table practice_texts enable trigger ${t}`);
  await rebuildPostings(db);
  log(`practices: postings built in ${Math.round((performance.now() - t2) / 1000)} s`);
  await bumpSearchVersion(db);
  await run('analyze practices, practice_terms, practice_texts, practice_words'); // fresh statistics so the planner picks the GIN index
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

/**
 * `n` distinct search texts as people type them: one to three words of a language's domain vocabulary,
 * about one in eight with a typo (a letter dropped, doubled or replaced), some without accents.
 */
export function practiceQueries(n: number, seed: number): string[] {
  const r = rng(seed);
  const pools = Object.fromEntries(LOCALES.map((l) => [l, [...new Set(DOMAIN[l].split(' '))]])) as Record<Locale, string[]>;
  const out = new Set<string>();
  while (out.size < n) {
    const x = r();
    const pool = pools[x < 0.55 ? 'es' : x < 0.75 ? 'pt' : x < 0.9 ? 'en' : 'fr'];
    const words = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pool[Math.floor(r() * pool.length)]!);
    const y = r();
    if (y < 0.125) {
      const i = Math.floor(r() * words.length);
      const w = words[i]!;
      const at = 1 + Math.floor(r() * Math.max(1, w.length - 2));
      const op = Math.floor(r() * 3);
      words[i] = op === 0 ? w.slice(0, at) + w.slice(at + 1) : op === 1 ? w.slice(0, at) + w[at] + w.slice(at) : w.slice(0, at) + 'aeiou'[Math.floor(r() * 5)] + w.slice(at + 1);
    } else if (y < 0.35) {
      words.forEach((w, i) => (words[i] = w.normalize('NFD').replace(/[\u0300-\u036f]/g, '')));
    }
    out.add(words.join(' '));
  }
  return [...out];
}

/**
 * Texts of four classes, all distinct: two words with their accents, two words without accents, two words
 * one of which has one typo, and a single common word (the 40 most frequent domain words of a language).
 */
export function freshTexts(perClass: number, seed: number): Record<string, string[]> {
  const r = rng(seed);
  const seen = new Set<string>();
  const langOf = () => {
    const x = r();
    return x < 0.55 ? 'es' : x < 0.75 ? 'pt' : x < 0.9 ? 'en' : 'fr';
  };
  const pool = (l: Locale) => [...new Set(DOMAIN[l].split(' '))];
  const pick = (l: Locale, top = 0) => {
    const p = pool(l);
    return p[Math.floor(r() * (top || p.length))]!;
  };
  const strip = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const typo = (w: string) => {
    const at = 1 + Math.floor(r() * Math.max(1, w.length - 2));
    const op = Math.floor(r() * 3);
    return op === 0 ? w.slice(0, at) + w.slice(at + 1) : op === 1 ? w.slice(0, at) + w[at] + w.slice(at) : w.slice(0, at) + 'aeiou'[Math.floor(r() * 5)] + w.slice(at + 1);
  };
  const make = (f: () => string) => {
    const out: string[] = [];
    for (let guard = 0; out.length < perClass && guard < perClass * 50; guard++) {
      const t = f();
      if (!seen.has(t)) seen.add(t), out.push(t);
    }
    return out;
  };
  return {
    'two words': make(() => {
      const l = langOf();
      return `${pick(l)} ${pick(l)}`;
    }),
    accentless: make(() => {
      const l = langOf();
      return strip(`${pick(l)} ${pick(l)}`);
    }),
    'one typo': make(() => {
      const l = langOf();
      return `${typo(pick(l).replace(/ /g, ''))} ${pick(l)}`;
    }),
    'single common word': make(() => pick(langOf(), 40)),
  };
}

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
      const sync = s.pragma('synchronous', { simple: true });
      const journal = s.pragma('journal_mode', { simple: true });
      const cache = s.pragma('cache_size', { simple: true });
      s.pragma('synchronous = OFF'); // generated data: no fsync per transaction
      s.pragma('journal_mode = MEMORY'); // and no copy of every page in the WAL (nobody else is connected yet)
      s.pragma('cache_size = -400000'); // random ids: keep the B-trees in memory while loading
      // One merge at the end ('optimize') instead of incremental merges while loading.
      for (const l of LOCALES) s.prepare(`insert into practices_fts_${l}(practices_fts_${l}, rank) values('automerge', 0)`).run();
      // The text is generated in a worker thread (the other core) one batch ahead of the inserts.
      const gen = rowSource({ n, base, now, creator });
      let waitMs = 0;
      try {
        for (let done = 0; done < n; ) {
          await new Promise((resolve) => setImmediate(resolve)); // let the worker's messages in
          const tw = performance.now();
          const rows = await gen.next();
          waitMs += performance.now() - tw;
          s.transaction(() => {
            for (const r of rows) {
              ins.run(r.practice);
              for (const t of r.terms) term.run(r.practice[0], t[0], t[1]);
              for (const f of r.fts) fts[f[0]]!.run(r.practice[1], f[1], f[2]);
            }
          })();
          done += rows.length;
          if (done % 20_000 < rows.length) log(`practices: ${done}/${n} (${Math.round((performance.now() - t0) / 1000)} s)`);
        }
      } finally {
        await gen.close();
      }
      log(`practices: waited ${Math.round(waitMs)} ms for generated text`);
      s.pragma(`journal_mode = ${journal}`);
      s.pragma(`synchronous = ${sync}`);
      s.pragma(`cache_size = ${cache}`);
      s.prepare("insert into practice_meta (key, value) values ('search_version', ?) on conflict(key) do update set value = excluded.value").run(newId());
      const t1 = performance.now();
      for (const l of LOCALES) {
        s.prepare(`insert into practices_fts_${l}(practices_fts_${l}) values('optimize')`).run();
        s.prepare(`insert into practices_fts_${l}(practices_fts_${l}, rank) values('automerge', 4)`).run(); // the default again
      }
      log(`practices: FTS optimize ${Math.round(performance.now() - t1)} ms`);
    } else {
      await loadPostgres(deps, { n, now, creator, log, t0 });
    }
    // A draft of the benchmark member's, for the (uncached) editing page.
    const memberId = await benchMember(deps);
    const member = { id: memberId, name: BENCH_MEMBER.name, email: BENCH_MEMBER.email, role: 'member' as const, locale: 'es' as const, emailVerified: true };
    const saved = await createPractice(deps.db, member, fakePractice(r));
    if (!saved.ok) throw new Error('practices bench: the member’s draft could not be created');
    log(`practices: ${n} generated in ${Math.round((performance.now() - t0) / 100) / 10} s`);
  },

  async pages(deps) {
    const fresh = practiceQueries(QUERY_COUNT, 11);
    const pages = fresh.map((q) => `/es/practices?text=${encodeURIComponent(q)}`);
    const api = practiceQueries(QUERY_COUNT, 13).map((q) => `/api/v1/practices?lang=es&text=${encodeURIComponent(q)}`);
    const memberId = await benchMember(deps);
    const draft = await deps.db.selectFrom('practices').select('id').where('created_by', '=', memberId).where('status', '=', 'draft').executeTakeFirst();
    return [
      { label: 'practices search (all)', path: '/es/practices' },
      { label: 'practices search, new text each request', path: pages[0]!, paths: pages },
      { label: 'API practices search, new text each request', path: api[0]!, paths: api },
      ...(draft ? [{ label: 'practice editing (signed in)', path: `/es/practices/${draft.id}/edit`, as: 'member' as const }] : []),
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
    // Cold: each query's first run on a built index (no cached text ranking, typo candidates or vocabulary).
    dropSearchCache(db, { keepIndex: true });
    const cold: Record<string, number[]> = {};
    for (const { kind, q } of QUERIES) {
      t = performance.now();
      await searchPractices(db, q);
      (cold[kind] ??= []).push(performance.now() - t);
    }
    for (const [kind, xs] of Object.entries(cold)) rows.push({ name: `practices ${deps.dialect}: ${kind} (cold, first run)`, values: { p50_ms: ms(pct(xs, 50)), p95_ms: ms(pct(xs, 95)), max_ms: ms(Math.max(...xs)), n: xs.length } });
    // Warm: the same fixed set again and again (what a busy search page sees).
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
    log(`practices: measured ${QUERIES.length} queries`);

    // Texts never seen before, by class (each text once; the per-text caches never help, per-word ones may).
    dropSearchCache(db, { keepIndex: true });
    for (const [kind, texts] of Object.entries(freshTexts(60, 29))) {
      const xs: number[] = [];
      for (const text of texts) {
        t = performance.now();
        await searchPractices(db, { text });
        xs.push(performance.now() - t);
      }
      rows.push({ name: `practices ${deps.dialect}: new text, ${kind}`, values: { p50_ms: ms(pct(xs, 50)), p95_ms: ms(pct(xs, 95)), max_ms: ms(Math.max(...xs)), n: xs.length } });
    }

    // The same corpus in memory, at a size memory allows (BENCH_IN_MEMORY=0 skips it).
    if (process.env.BENCH_IN_MEMORY === '0') return rows;
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

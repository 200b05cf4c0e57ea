/**
 * @module Consultations benchmark
 * generate (× scale): 2,000 member organizations of the bench's own (countries skewed, every type, each in one
 * Mesa) answering one closed 20-question consultation whose first question ranks the 23 GCM objectives
 * (partial — top 5, top 10 — and full rankings, with a preference drift so the count has a structure), and
 * points, one and several choices, scales, a conditional question and short and long texts; results
 * published. A second closed consultation, open to anyone with the link, holds 250,000 answers (one per
 * person) of the same 20 questions, for the export. Multi-row inserts, one transaction per chunk.
 * pages: the results page, signed in (never from the page cache), a different breakdown and language on each
 * request (every sub-region, country, type of organization and body, and the whole), at 10 connections
 * (`connections`): target p99 < 300 ms, read from the load table.
 * extra: (a) Borda + Schulze over the 2,000 stored rankings of 23 items (target < 50 ms together), and all 20
 * questions counted; (b) the results page in-process, every breakdown once (counted) and again (kept: memo.ts);
 * (c) the CSV export of the 250,000 answers in a process of its own (this one holds the generator's garbage):
 * wall and CPU time, and peak RSS over the idle process (target < 10 s, < 150 MB).
 * Alone: `node --import tsx bench/consultations.ts [--answers N]` (the count over generated rankings);
 * `node --expose-gc --import tsx bench/consultations.ts --export-child DATA_DIR ID` (the export on a bench's data).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import type { BenchModule, BenchPage, BenchRow } from './types.js';
import type { AppDeps } from '../src/platform/http/env.js';
import { newId } from '../src/db/ids.js';
import { LAC_ALPHA2 } from '../src/platform/charts/index.js';
import { listPrinciples } from '../src/platform/reference/queries.js';
import { ensureVerifiedUser } from '../src/platform/auth/users.js';
import { listBodies } from '../src/modules/bodies/index.js';
import { ORG_TYPES, normalizeText } from '../src/modules/membership/schemas.js';
import { borda, pairwise, schulze } from '../src/modules/consultations/count.js';
import { countResults } from '../src/modules/consultations/results.js';
import { SUB_REGIONS } from '../src/modules/consultations/breakdown.js';
import { allAnswers, listQuestions, resolveQuestions } from '../src/modules/consultations/queries.js';
import type { Answers } from '../src/modules/consultations/model.js';
import { prng } from './prng.js';

const ITEMS = Array.from({ length: 23 }, (_, i) => String(i + 1));
const COUNT_TARGET_MS = 50;
const EXPORT_TARGET_S = 10;
const EXPORT_TARGET_MB = 150;
const TITLE_MAIN = 'Prioridades del Mecanismo 2027 (bench)';
const TITLE_EXPORT = 'Consulta abierta 2027 (bench, 250.000 respuestas)';

/** N rankings: each a noisy ordering of the 23 objectives, cut to 5, 10 or all 23. */
export function generateRankings(n: number, seed = 13): string[][] {
  const rnd = prng(seed);
  return Array.from({ length: n }, () => {
    const scored = ITEMS.map((k, i) => [k, i / 23 + rnd() * 1.5] as const).sort((a, b) => a[1] - b[1]);
    const cut = [5, 10, 23][Math.floor(rnd() * 3)]!;
    return scored.slice(0, cut).map((s) => s[0]);
  });
}

/** Borda + Schulze `runs` times: wall and CPU milliseconds (CPU is the steadier figure on a shared machine). */
export function benchCount(n = 2000, runs = 15, rankings = generateRankings(n)) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    borda(ITEMS, rankings);
    schulze(ITEMS, pairwise(ITEMS, rankings));
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { answers: rankings.length, items: ITEMS.length, medianMs: times[Math.floor(times.length / 2)]!, maxMs: times[times.length - 1]!, cpuMedianMs: cpu[Math.floor(cpu.length / 2)]! };
}

const tr = (es: string, en: string, pt: string, fr: string) => JSON.stringify({ es, en, pt, fr });
const custom = (labels: string[]) => JSON.stringify(labels.map((l, i) => ({ key: `o${i + 1}`, label: { es: l, en: l, pt: l, fr: l } })));

type Q = { kind: 'rank' | 'points' | 'one' | 'many' | 'scale' | 'short' | 'long'; required?: boolean; prompt: string; source?: 'objectives' | 'principles' | 'countries' | 'custom'; items?: string[]; min?: number; max?: number; showIf?: [number, string] };

/** The 20 questions (positions 1–20): a consultation on priorities ahead of a conversatorio. */
const QUESTIONS: Q[] = [
  { kind: 'rank', required: true, prompt: 'Ordene los objetivos del PMM por prioridad para su organización', source: 'objectives' },
  { kind: 'points', required: true, prompt: 'Distribuya 10 puntos entre los principios rectores', source: 'principles', max: 10 },
  { kind: 'one', required: true, prompt: '¿Qué formato prefiere para el Conversatorio?', source: 'custom', items: ['Presencial', 'Virtual', 'Híbrido'] },
  { kind: 'many', prompt: '¿En qué temas trabaja su organización?', source: 'custom', items: ['Regularización', 'Salud', 'Educación', 'Trabajo', 'Vivienda', 'Niñez', 'Género', 'Retorno'], min: 1, max: 4 },
  { kind: 'scale', prompt: '¿Cuánto incide su organización en las políticas públicas?' },
  { kind: 'short', prompt: 'Una palabra que describa la situación migratoria en su país' },
  { kind: 'long', prompt: '¿Qué debería cambiar primero en su país?' },
  { kind: 'rank', prompt: 'Ordene sus tres acciones prioritarias', source: 'custom', items: ['Incidencia', 'Formación', 'Investigación', 'Servicios directos', 'Comunicación', 'Redes'], max: 3 },
  { kind: 'one', prompt: '¿Ha participado en un Conversatorio anterior?', source: 'custom', items: ['Sí', 'No'] },
  { kind: 'scale', prompt: '¿Qué tan útil fue?', showIf: [9, 'o1'] },
  { kind: 'many', prompt: '¿En qué países trabaja?', source: 'countries', min: 1, max: 5 },
  { kind: 'points', prompt: 'Distribuya 10 puntos entre las áreas de trabajo del Mecanismo', source: 'custom', items: ['Incidencia regional', 'Formación', 'Comunicación', 'Redes nacionales', 'Investigación'], max: 10 },
  { kind: 'scale', prompt: '¿Cuánto coordina con los gobiernos locales?' },
  { kind: 'one', prompt: 'Tamaño de su organización', source: 'custom', items: ['Menos de 10 personas', '10 a 50', 'Más de 50'] },
  { kind: 'short', prompt: 'Su principal aliado institucional' },
  { kind: 'many', prompt: '¿Qué apoyos necesita del Mecanismo?', source: 'custom', items: ['Financiamiento', 'Formación', 'Visibilidad', 'Contactos', 'Datos'], min: 1, max: 3 },
  { kind: 'scale', prompt: '¿Qué tan informada está su organización sobre el PMM?' },
  { kind: 'long', prompt: 'Una experiencia que quiera compartir en el Conversatorio' },
  { kind: 'one', prompt: '¿Desea presentar una experiencia?', source: 'custom', items: ['Sí', 'No', 'Tal vez'] },
  { kind: 'long', prompt: 'Comentarios' },
];

const WORDS = ['incertidumbre', 'esperanza', 'crisis', 'tránsito', 'integración', 'cambio', 'desafío', 'movilidad', 'resiliencia', 'retorno'];
const LONG = [
  'Acceso a documentos para las familias que llegan, y una regularización con plazos claros y costos bajos.',
  'Coordinación entre ministerios: hoy cada uno pide papeles distintos y las personas migrantes se pierden entre oficinas.',
  'Que la niñez migrante pueda inscribirse en la escuela sin documentos y con apoyo en la lengua.',
  'Información veraz en las fronteras y albergues con condiciones dignas para quienes transitan.',
  'Reconocimiento de títulos y oficios, para que las personas trabajen en lo que saben hacer.',
];

/** The consultation's rows: its questions (ids by position) and the consultation row itself. */
async function insertConsultation(deps: AppDeps, opts: { title: string; bodyId: string; audience: 'members' | 'link'; closedAt: string; answers: number }) {
  const id = newId();
  const qids = QUESTIONS.map(() => newId());
  const at = '2026-10-01T12:00:00.000Z';
  await deps.db
    .insertInto('consultations')
    .values({
      id,
      body_id: opts.bodyId,
      title: tr(opts.title, opts.title, opts.title, opts.title),
      purpose: tr('Identificar las prioridades de trabajo de cara al próximo Conversatorio Multiactoral.', 'Identify the priorities of work ahead of the next Multi-stakeholder Dialogue.', 'Identificar as prioridades de trabalho para o próximo Diálogo Multiator.', 'Identifier les priorités de travail en vue du prochain Dialogue multi-acteurs.'),
      instructions: tr('Responda en nombre de su organización.', 'Answer on behalf of your organization.', 'Responda em nome da sua organização.', 'Répondez au nom de votre organisation.'),
      audience: opts.audience,
      publish_answers: 0,
      results_release: 'organizers',
      results_published_at: opts.closedAt,
      status: 'closed',
      opens_at: at,
      closes_at: opts.closedAt,
      opened_at: at,
      closed_at: opts.closedAt,
      reminded_at: null,
      answer_count: opts.answers,
      created_by: null,
      created_at: at,
      updated_at: opts.closedAt,
    })
    .execute();
  await deps.db
    .insertInto('consultation_questions')
    .values(
      QUESTIONS.map((q, i) => ({
        id: qids[i]!,
        consultation_id: id,
        position: i + 1,
        kind: q.kind,
        required: q.required ? 1 : 0,
        prompt: tr(q.prompt, q.prompt, q.prompt, q.prompt),
        help: '{}',
        source: q.source ?? null,
        items: q.items ? custom(q.items) : '[]',
        min_n: q.min ?? null,
        max_n: q.max ?? null,
        low_label: q.kind === 'scale' ? tr('Nada', 'Not at all', 'Nada', 'Pas du tout') : null,
        high_label: q.kind === 'scale' ? tr('Mucho', 'A lot', 'Muito', 'Beaucoup') : null,
        show_if_question: q.showIf ? qids[q.showIf[0] - 1]! : null,
        show_if_value: q.showIf ? q.showIf[1] : null,
      })) as any,
    )
    .execute();
  return { id, qids };
}

/** One respondent's answers to the 20 questions (skipping some optional ones, as people do). */
function answerer(qids: string[], principles: string[], rand: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const some = (keys: string[], lo: number, hi: number) => {
    const n = lo + Math.floor(rand() * (hi - lo + 1));
    return [...keys].sort(() => rand() - 0.5).slice(0, n);
  };
  const spread = (keys: string[], total: number) => {
    const out: Record<string, number> = {};
    for (let left = total; left > 0; ) {
      const k = keys[Math.floor(rand() * rand() * keys.length)]!;
      const n = Math.min(left, 1 + Math.floor(rand() * 4));
      out[k] = (out[k] ?? 0) + n;
      left -= n;
    }
    return out;
  };
  const keys = (q: Q) => (q.items ?? []).map((_, i) => `o${i + 1}`);
  return (): Answers => {
    const a: Answers = {};
    QUESTIONS.forEach((q, i) => {
      if (!q.required && rand() < 0.15) return;
      if (q.showIf && a[qids[q.showIf[0] - 1]!] !== q.showIf[1]) return;
      const id = qids[i]!;
      switch (q.kind) {
        case 'rank': {
          if (q.source === 'objectives') {
            const scored = ITEMS.map((k, j) => [k, j / 23 + rand() * 1.5] as const).sort((x, y) => x[1] - y[1]);
            a[id] = scored.slice(0, [5, 10, 23][Math.floor(rand() * 3)]!).map((s) => s[0]);
          } else a[id] = some(keys(q), q.max ?? 3, q.max ?? 3);
          break;
        }
        case 'points':
          a[id] = spread(q.source === 'principles' ? principles : keys(q), q.max ?? 10);
          break;
        case 'one':
          a[id] = keys(q)[Math.floor(rand() * rand() * keys(q).length)]!;
          break;
        case 'many':
          a[id] = some(q.source === 'countries' ? [...LAC_ALPHA2] : keys(q), q.min ?? 1, q.max ?? 3);
          break;
        case 'scale':
          a[id] = 1 + Math.floor(rand() * rand() * 5 + rand() * 2) % 5;
          break;
        case 'short':
          a[id] = pick(WORDS);
          break;
        case 'long':
          if (rand() < 0.5) a[id] = pick(LONG);
          break;
      }
    });
    return a;
  };
}

/** Inserts rows in chunks (multi-row INSERTs under both engines' bound-parameter limits), one transaction per `per` rows. */
async function insertMany(deps: AppDeps, table: string, rows: object[], size: number) {
  await deps.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += size) await trx.insertInto(table as any).values(rows.slice(i, i + size) as any).execute();
  });
}

export async function generateConsultations(deps: AppDeps, opts: { orgs: number; exportAnswers: number; log?: (m: string) => void }) {
  const rand = prng(1301);
  const bodies = await listBodies(deps.db);
  const body = bodies.find((b) => b.slug === 'mt2') ?? bodies[0]!;
  const principles = (await listPrinciples(deps.db, 'es')).map((p) => p.key);
  const now = '2026-11-20T12:00:00.000Z';
  // Organizations (skewed over countries; every type), each a member of one body.
  const orgIds: string[] = [];
  for (let i = 0; i < opts.orgs; i += 500) {
    const orgs: object[] = [];
    const members: object[] = [];
    for (let k = i; k < Math.min(opts.orgs, i + 500); k++) {
      const id = newId();
      orgIds.push(id);
      const name = `Organización consultada ${String(k + 1).padStart(4, '0')}`;
      orgs.push({
        id,
        slug: `organizacion-consultada-${k + 1}-${id.slice(0, 4)}`,
        name,
        acronym: null,
        country: LAC_ALPHA2[Math.floor(rand() * rand() * LAC_ALPHA2.length)]!,
        city: null,
        type: ORG_TYPES[Math.floor(rand() * ORG_TYPES.length)]!,
        website: null,
        description: null,
        status: 'member',
        status_reason: null,
        status_changed_at: now,
        public_fields: '[]',
        created_at: now,
        updated_at: now,
        admitted_at: now,
        search_text: normalizeText(name),
        name_key: normalizeText(name),
      });
      members.push({ body_id: bodies[k % bodies.length]!.id, org_id: id, status: 'member', requested_by: null, requested_at: now, decided_by: null, decided_at: now, left_at: null });
    }
    await deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('organizations').values(orgs as any).execute();
      await trx.insertInto('body_members').values(members as any).execute();
    });
  }
  // The consultation the 2,000 organizations answered.
  const main = await insertConsultation(deps, { title: TITLE_MAIN, bodyId: body.id, audience: 'members', closedAt: '2026-11-15T23:59:59.000Z', answers: orgIds.length });
  const base = Date.parse('2026-10-01T12:00:00Z');
  // Each consultation's answers are keyed by its own question ids.
  const rowsOf = (consultation: { id: string; qids: string[] }) => {
    const next = answerer(consultation.qids, principles, rand);
    return (respondent: string, k: number) => {
      const at = new Date(base + (k % 40) * 86400000 + (k % 997) * 60000).toISOString();
      return { consultation_id: consultation.id, respondent, answers: JSON.stringify(next()), submitted_by: 'bench', version: 1 + (k % 3 === 0 ? 1 : 0), created_at: at, submitted_at: at };
    };
  };
  const mainRow = rowsOf(main);
  await insertMany(deps, 'consultation_answers', orgIds.map((o, k) => mainRow(o, k)), 250);
  // The export's consultation: one answer per person (open to anyone with the link).
  const big = await insertConsultation(deps, { title: TITLE_EXPORT, bodyId: body.id, audience: 'link', closedAt: '2026-11-16T23:59:59.000Z', answers: opts.exportAnswers });
  const bigRow = rowsOf(big);
  for (let i = 0; i < opts.exportAnswers; i += 10_000) {
    const rows: object[] = [];
    for (let k = i; k < Math.min(opts.exportAnswers, i + 10_000); k++) rows.push(bigRow(`email:persona${String(k).padStart(6, '0')}@example.org`, k));
    await insertMany(deps, 'consultation_answers', rows, 250);
  }
  opts.log?.(`consultations: ${orgIds.length} organizations answering a 20-question consultation (ranking the 23 objectives), and ${opts.exportAnswers} answers to export`);
  return { main: main.id, big: big.id };
}

export async function benchConsultations(deps: AppDeps) {
  const rows = await deps.db.selectFrom('consultations').select(['id', 'title']).where('title', 'like', '%(bench%').execute();
  const find = (t: string) => rows.find((r) => (JSON.parse(r.title) as { es: string }).es === t)?.id;
  return { main: find(TITLE_MAIN), big: find(TITLE_EXPORT) };
}

/** Every breakdown the results page offers for the answers present (and the whole), each as a results path. */
export async function resultPaths(deps: AppDeps, id: string): Promise<string[]> {
  const orgs = await deps.db
    .selectFrom('consultation_answers')
    .innerJoin('organizations', 'organizations.id', 'consultation_answers.respondent')
    .select(['organizations.country', 'organizations.type'])
    .where('consultation_id', '=', id)
    .execute();
  const by = [
    '',
    ...SUB_REGIONS.map((r) => `region:${r}`),
    ...[...new Set(orgs.map((o) => o.country))].sort().map((c) => `country:${c}`),
    ...[...new Set(orgs.map((o) => o.type))].sort().map((t) => `type:${t}`),
    ...(await listBodies(deps.db)).map((b) => `body:${b.slug}`),
  ];
  const out: string[] = [];
  for (const lang of ['es', 'en', 'pt', 'fr']) for (const b of by) out.push(`/${lang}/consultations/${id}/results${b ? `?by=${encodeURIComponent(b)}` : ''}`);
  return out;
}

/** An administrator's session cookie (the export is the organizers' and administrators'). */
async function adminCookie(deps: AppDeps): Promise<string> {
  const u = { email: 'bench-consultations-admin@example.org', name: 'Administración de consultas', password: 'bench-consultations-admin-password', locale: 'es' as const };
  const { id } = await ensureVerifiedUser(deps.db, u);
  await deps.db.updateTable('users').set({ role: 'admin' }).where('id', '=', id).execute();
  const headers = await deps.auth.api.signInEmail({ body: { email: u.email, password: u.password }, returnHeaders: true }).then((r) => r.headers);
  const set = headers.getSetCookie?.() ?? [headers.get('set-cookie') ?? ''];
  const cookies = set.map((s) => s.split(';')[0]!).filter((s) => s.includes('session_token='));
  if (!cookies.length) throw new Error('consultations bench: signing the administrator in gave no session cookie');
  return [...cookies, `dialogo.csrf=${randomBytes(24).toString('base64url')}`].join('; ');
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const r1 = (x: number) => Math.round(x * 10) / 10;

/** The export measured in a process of its own (run by `extra`): prints one JSON line. */
async function exportChild(dataDir: string, id: string, databaseUrl: string | undefined) {
  const { loadConfig } = await import('../src/config.js');
  const { boot } = await import('../src/boot.js');
  const { createApp } = await import('../src/app.js');
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const { deps, handle } = await boot(config, { log: pino({ level: 'warn' }) });
  const app = createApp(deps);
  const cookie = await adminCookie(deps);
  // Warm: the app's first request (modules, statements), a small page, so the idle figure is the app at rest.
  await (await app.request('/es/consultations', { headers: { cookie } })).arrayBuffer();
  for (let i = 0; i < 3; i++) global.gc?.();
  await new Promise((r) => setTimeout(r, 200));
  const idle = process.memoryUsage().rss;
  let peak = idle;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const res = await app.request(`/es/consultations/${id}/answers.csv`, { headers: { cookie } });
  let bytes = 0;
  let lines = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  await handle.close();
  console.log(JSON.stringify({ status: res.status, ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes, lines, idleMb: idle / 1048576, peakMb: peak / 1048576 }));
}

function runExportChild(deps: AppDeps, id: string): Promise<{ status: number; ms: number; cpuMs: number; bytes: number; lines: number; idleMb: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--export-child', deps.config.dataDir, id], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, ...(deps.config.databaseUrl ? { DATABASE_URL: deps.config.databaseUrl } : {}) },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`consultations bench: the export process exited with ${code}: ${out.slice(-500)}`));
      }
    });
  });
}

export const bench: BenchModule = {
  name: 'consultations',
  async generate(deps, { scale, log }) {
    await generateConsultations(deps, { orgs: Math.max(50, Math.round(2000 * scale)), exportAnswers: Math.max(1000, Math.round(250_000 * scale)), log });
  },
  async pages(deps): Promise<BenchPage[]> {
    const { main } = await benchConsultations(deps);
    if (!main) return [];
    const paths = await resultPaths(deps, main);
    // Signed in: the page cache never serves it; a different breakdown (and language) on each request.
    return [{ label: 'consultation results, a breakdown each request, signed in', path: paths[0]!, paths, as: 'member', connections: 10 }];
  },
  async extra(deps, { log }) {
    const rows: BenchRow[] = [];
    const { main, big } = await benchConsultations(deps);
    if (!main || !big) return rows;
    // (a) The count over the stored rankings.
    const questions = await listQuestions(deps.db, main);
    const answers = await allAnswers(deps.db, main);
    const rankQ = questions.find((q) => q.kind === 'rank' && q.source === 'objectives')!;
    const rankings = answers.map((a) => a.answers[rankQ.id]).filter((v): v is string[] => Array.isArray(v));
    const c = benchCount(rankings.length, 15, rankings);
    log(`consultations: Borda + Schulze over ${c.answers} rankings`);
    rows.push({ name: `consultations: Borda + Schulze, ${c.answers} × ${c.items}`, values: { median_ms: r1(c.medianMs), cpu_median_ms: r1(c.cpuMedianMs), max_ms: r1(c.maxMs), target_ms: COUNT_TARGET_MS, verdict: c.medianMs < COUNT_TARGET_MS ? 'ok' : 'MISSED' } });
    const resolved = await resolveQuestions(deps.db, questions, 'es');
    const ts: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      countResults(resolved, answers);
      ts.push(performance.now() - t0);
    }
    rows.push({ name: `consultations: all 20 questions counted, ${answers.length} answers`, values: { median_ms: r1(pct(ts, 50)) } });
    // (b) The results page, in-process, one breakdown after another (no page cache: signed in).
    const { createApp } = await import('../src/app.js');
    const { benchSessionCookie } = await import('./member.js');
    const app = createApp(deps);
    const cookie = await benchSessionCookie(deps);
    // The Spanish pages: every breakdown once (counted), then again (kept, for a closed consultation).
    const paths = (await resultPaths(deps, main)).filter((p) => p.startsWith('/es/'));
    const first: number[] = [];
    const xs: number[] = [];
    const cpu: number[] = [];
    let bad = 0;
    for (const [i, p] of [...paths, ...paths].entries()) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await app.request(p, { headers: { cookie } });
      await res.arrayBuffer();
      if (i < paths.length) {
        first.push(performance.now() - t0);
        continue;
      }
      xs.push(performance.now() - t0);
      const u = process.cpuUsage(c0);
      cpu.push((u.user + u.system) / 1000);
      if (res.status !== 200) bad++;
    }
    log(`consultations: results page over ${paths.length} breakdowns`);
    rows.push({ name: 'consultations: results page, first of each breakdown', values: { p50_ms: r1(pct(first, 50)), p95_ms: r1(pct(first, 95)), n: first.length } });
    rows.push({ name: 'consultations: results page, again', values: { p50_ms: r1(pct(xs, 50)), p95_ms: r1(pct(xs, 95)), cpu_p50_ms: r1(pct(cpu, 50)), n: xs.length, not_200: bad } });
    // (c) The CSV export, in a process of its own.
    log('consultations: CSV export of the large consultation (own process)');
    const e = await runExportChild(deps, big);
    const growth = e.peakMb - e.idleMb;
    rows.push({
      name: `consultations: CSV export, ${e.lines - 1} answers`,
      values: { s: r1(e.ms / 1000), cpu_s: r1(e.cpuMs / 1000), MB: r1(e.bytes / 1048576), idle_rss_mb: Math.round(e.idleMb), peak_rss_mb: Math.round(e.peakMb), growth_mb: Math.round(growth), target: `< ${EXPORT_TARGET_S} s, < ${EXPORT_TARGET_MB} MB`, verdict: e.status === 200 && e.ms < EXPORT_TARGET_S * 1000 && growth < EXPORT_TARGET_MB ? 'ok' : `MISSED${e.status !== 200 ? ` (${e.status})` : ''}` },
    });
    return rows;
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const k = process.argv.indexOf('--export-child');
  if (k > 0) {
    await exportChild(process.argv[k + 1]!, process.argv[k + 2]!, process.env.DATABASE_URL);
    process.exit(0);
  }
  const i = process.argv.indexOf('--answers');
  const n = i > 0 ? Number(process.argv[i + 1]) : 2000;
  const r = benchCount(n);
  console.log(`consultations: Borda + Schulze over ${r.answers} rankings of ${r.items} items: median ${r.medianMs.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms (target < 50 ms)`);
}

/**
 * @module Reports benchmark
 * generate: what the report counts beyond the other benchmarks' data (membership's organizations, practices,
 * Mesa 1's members): 300 events (× scale) held this year with 40 registrations each (sectors, check-ins), and
 * 6 consultations closed this year with 400 organizations' rankings of the 23 GCM objectives each; then one
 * published edition of the Mechanism's report (its page and the list are load-tested, cached).
 * extra: the Mechanism's report for this year generated from live data, in-process through the app (an
 * administrator's request, as the preview page is): as HTML (target < 300 ms) and as PDF in each of the four
 * languages (target < 3 s each), with the process's peak memory while each PDF is made.
 * Run alone through the runner: `npm run bench -- --only reports`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { boot } from '../src/boot.js';
import type { BenchModule, BenchRow } from './types.js';
import type { AppDeps } from '../src/platform/http/env.js';
import { newId } from '../src/db/ids.js';
import { ensureVerifiedUser } from '../src/platform/auth/users.js';
import { createApp } from '../src/app.js';
import { listBodies } from '../src/modules/bodies/index.js';
import { gatherReport, reportSectionsOf } from '../src/modules/reports/generate.js';
import { publishEdition } from '../src/modules/reports/queries.js';
import { prng } from './prng.js';

const YEAR = new Date().getUTCFullYear();
const QUERY = `kind=mechanism&period=year&year=${YEAR}`;
const KINDS = ['workshop', 'seminar', 'course', 'mesa_meeting', 'conversatorio', 'other'] as const;
const SECTORS = ['civil_society', 'civil_society', 'civil_society', 'government', 'un_agency', 'academia', 'other'] as const;
let editionId = '';

/** An administrator's session cookie (the preview is theirs), signed in as the sign-in form does. */
async function adminCookie(deps: AppDeps): Promise<string> {
  const u = { email: 'bench-reports-admin@example.org', name: 'Administración de informes', password: 'bench-reports-admin-password', locale: 'es' as const };
  const { id } = await ensureVerifiedUser(deps.db, u);
  await deps.db.updateTable('users').set({ role: 'admin' }).where('id', '=', id).execute();
  const headers = await deps.auth.api.signInEmail({ body: { email: u.email, password: u.password }, returnHeaders: true }).then((r) => r.headers);
  const set = headers.getSetCookie?.() ?? [headers.get('set-cookie') ?? ''];
  const cookies = set.map((s) => s.split(';')[0]!).filter((s) => s.includes('session_token='));
  if (!cookies.length) throw new Error('reports bench: signing the administrator in gave no session cookie');
  return [...cookies, `dialogo.csrf=${randomBytes(24).toString('base64url')}`].join('; ');
}

export const bench: BenchModule = {
  name: 'reports',
  async generate(deps, { scale, log }) {
    const rand = prng(71);
    const bodies = await listBodies(deps.db);
    const start = Date.UTC(YEAR, 0, 1);
    const span = Math.max(86400_000, Date.now() - 3 * 86400_000 - start);
    const nEvents = Math.max(10, Math.round(300 * scale));
    for (let i = 0; i < nEvents; i += 50) {
      await deps.db.transaction().execute(async (trx) => {
        for (let k = i; k < Math.min(nEvents, i + 50); k++) {
          const id = newId();
          const at = new Date(start + rand() * span).toISOString();
          const ends = new Date(Date.parse(at) + 7200_000).toISOString();
          await trx
            .insertInto('events')
            .values({
              id, kind: KINDS[k % KINDS.length]!, title: JSON.stringify({ es: `Encuentro regional ${k + 1}`, pt: `Encontro regional ${k + 1}` }), description: '{}', original_lang: 'es', format: 'online',
              venue_address: null, venue_city: null, venue_country: null, online_url: null, starts_at: at, ends_at: ends, time_zone: 'America/Santiago', visibility: k % 5 ? 'public' : 'members',
              visibility_body_id: null, registration_mode: 'open', capacity: null, registration_closes_at: null, registered_count: 40, status: 'scheduled', sequence: 0, created_by: null, created_at: at, updated_at: at,
            })
            .execute();
          await trx.insertInto('event_bodies').values({ event_id: id, body_id: bodies[k % bodies.length]!.id }).execute();
          await trx.insertInto('event_objectives').values({ event_id: id, objective_n: 1 + (k % 23) }).execute();
          await trx
            .insertInto('event_registrations')
            .values(
              Array.from({ length: 40 }, (_, r) => ({
                id: newId(), event_id: id, user_id: null, email: `p${r}-${id}@bench.example`, name: `Participante ${r}`, organization: null, org_id: null, locale: 'es', sector: SECTORS[r % SECTORS.length]!,
                role: 'participant' as const, status: 'registered' as const, token: randomBytes(16).toString('hex'), check_in_code: newId(), waitlisted_at: null, reminded_at: null,
                attended_at: rand() < 0.7 ? ends : null, created_at: at, updated_at: at,
              })),
            )
            .execute();
        }
      });
    }
    const nAnswers = Math.max(20, Math.round(400 * scale));
    for (let c = 0; c < 6; c++) {
      const id = newId();
      const qid = newId();
      const closed = new Date(start + rand() * span).toISOString();
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('consultations')
          .values({
            id, body_id: bodies[c % bodies.length]!.id, title: JSON.stringify({ es: `Prioridades de la Mesa ${c + 1}` }), purpose: '{}', instructions: '{}', audience: 'members', publish_answers: 0, status: 'closed',
            opens_at: null, closes_at: closed, opened_at: closed, closed_at: closed, reminded_at: null, answer_count: nAnswers, created_by: null, created_at: closed, updated_at: closed,
          })
          .execute();
        await trx
          .insertInto('consultation_questions')
          .values({ id: qid, consultation_id: id, position: 1, kind: 'rank', required: 1, prompt: JSON.stringify({ es: 'Ordene los objetivos del PMM' }), help: '{}', source: 'objectives', items: '[]', min_n: null, max_n: null, low_label: null, high_label: null, show_if_question: null, show_if_value: null })
          .execute();
        for (let a = 0; a < nAnswers; a += 200) {
          await trx
            .insertInto('consultation_answers')
            .values(
              Array.from({ length: Math.min(200, nAnswers - a) }, (_, r) => {
                const ranking = Array.from({ length: 23 }, (_, i) => [String(i + 1), i / 23 + rand() * 1.5] as const)
                  .sort((x, y) => x[1] - y[1])
                  .slice(0, [5, 10, 23][r % 3])
                  .map((x) => x[0]);
                return { consultation_id: id, respondent: `bench-org-${c}-${a + r}`, answers: JSON.stringify({ [qid]: ranking }), submitted_by: 'bench', version: 1, created_at: closed, submitted_at: closed };
              }),
            )
            .execute();
        }
      });
    }
    const admin = (await deps.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    const data = await gatherReport({ db: deps.db, dialect: deps.dialect, modules: deps.modules }, { kind: 'mechanism', from: `${YEAR}-01-01`, to: `${YEAR + 1}-01-01` }, {});
    const r = await deps.db.transaction().execute((trx) => publishEdition(trx, admin, data));
    if (!r.ok) throw new Error('reports bench: cannot publish');
    editionId = r.id;
    log(`reports: ${nEvents} events (40 registrations each), 6 closed consultations (${nAnswers} rankings each), one published edition`);
  },
  async pages() {
    const pages = [{ label: 'reports list', path: '/es/reports' }];
    if (editionId) pages.push({ label: "published report (Mechanism's year)", path: `/es/reports/${editionId}` });
    return pages;
  },
  async extra(deps, { log }) {
    const app = createApp(deps);
    const cookie = await adminCookie(deps);
    const get = async (path: string) => {
      const res = await app.request(path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`reports bench: ${path} answered ${res.status}`);
      return res.arrayBuffer();
    };
    const rows: BenchRow[] = [];
    log("reports: the Mechanism's report for the year, as HTML");
    await get(`/es/reports/preview?${QUERY}`);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      bytes = (await get(`/es/reports/preview?${QUERY}`)).byteLength;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push({ name: "reports: Mechanism's year, HTML", values: { median_ms: Math.round(times[3]!), max_ms: Math.round(times[6]!), kB: Math.round(bytes / 1024), target_ms: 300 } });
    // Where the time goes: each section's data for the same scope (median of 3).
    const scope = { kind: 'mechanism' as const, from: `${YEAR}-01-01`, to: `${YEAR + 1}-01-01` };
    for (const s of reportSectionsOf(deps.modules)) {
      const ts: number[] = [];
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        await s.data({ db: deps.db, dialect: deps.dialect }, scope);
        ts.push(performance.now() - t0);
      }
      rows.push({ name: `reports: section ${s.key} (data)`, values: { median_ms: Math.round(ts.sort((a, b) => a - b)[1]!) } });
    }
    // The first PDF of a process also loads pdfmake and parses the fonts: measured apart, then each language.
    for (const [n, l] of (['es', 'es', 'en', 'pt', 'fr'] as const).entries()) {
      log(`reports: the same report as PDF (${l})`);
      global.gc?.();
      const base = process.memoryUsage().rss;
      let peak = base;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const t0 = performance.now();
      const pdf = await get(`/${l}/reports/preview/report.pdf?${QUERY}`);
      const ms = performance.now() - t0;
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      rows.push({ name: `reports: Mechanism's year, PDF (${l}${n === 0 ? ', first in process' : ''})`, values: { ms: Math.round(ms), kB: Math.round(pdf.byteLength / 1024), peak_rss_mb: Math.round(peak / 1048576), rss_growth_mb: Math.round((peak - base) / 1048576), target_ms: 3000 } });
    }
    return rows;
  },
};

/**
 * Alone: `node --import tsx bench/reports.ts [--scale 1] [--keep DIR]` (DIR: generate there once, measure again later) — the Mesa, membership and practices benchmarks'
 * generators, then this one's, then the report's timings (no load test, no other module's measurements).
 */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--scale');
  const scale = i > 0 ? Number(process.argv[i + 1]) : 1;
  const k = process.argv.indexOf('--keep');
  const kept = k > 0 ? process.argv[k + 1]! : '';
  const reuse = !!kept && existsSync(join(kept, 'dialogo.sqlite'));
  if (kept) mkdirSync(kept, { recursive: true });
  const dataDir = kept || mkdtempSync(join(tmpdir(), 'reports-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'bench-admin-password', NODE_ENV: 'production' });
  const { deps, handle } = await boot(config, { log: pino({ level: 'warn' }) });
  const log = (m: string) => console.log(`  · ${m}`);
  try {
    if (!reuse) {
      for (const name of ['bodies', 'membership', 'practices']) {
        const t0 = performance.now();
        await ((await import(`./${name}.ts`)).bench as BenchModule).generate(deps, { scale, log });
        log(`${name} generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      await bench.generate(deps, { scale, log });
    }
    for (const row of await bench.extra!(deps, { scale, log })) console.log(`  ${row.name.padEnd(40)} ${Object.entries(row.values).map(([k, v]) => `${k}=${v}`).join('  ')}`);
  } finally {
    await handle.close();
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

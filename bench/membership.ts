/**
 * @module Membership benchmark
 * generate: 5,000 member organizations (× scale) across the 33 Latin American and Caribbean states, with
 * types, countries of work, GCM objectives and admission dates spread over three years (batched inserts
 * in transactions).
 * pages: the directory unfiltered and filtered, and the coverage page (all cacheable for anonymous
 * visitors). Target: each ≥ 25% of raw node:http throughput with p99 < 50 ms at 50 connections.
 * extra: the uncached cost of the directory and coverage queries, measured in-process.
 */
import type { Insertable } from 'kysely';
import { QUERY_COUNT, type BenchModule } from './types.js';
import type { OrganizationsTable } from '../src/modules/membership/tables.js';
import { newId } from '../src/db/ids.js';
import { LAC_ALPHA2 } from '../src/platform/charts/index.js';
import { ORG_TYPES, PUBLIC_FIELDS, normalizeText } from '../src/modules/membership/schemas.js';
import { listDirectory, coverageStats } from '../src/modules/membership/queries.js';
import { prng } from './prng.js';

const WORDS = ['Red', 'Colectivo', 'Fundación', 'Asociación', 'Casa', 'Centro', 'Instituto', 'Pastoral', 'Movimiento', 'Coalición', 'Observatorio', 'Servicio'];
const TOPICS = ['Migrante', 'de Derechos Humanos', 'Sin Fronteras', 'de Acogida', 'de Mujeres Migrantes', 'Juvenil', 'por la Movilidad', 'del Refugio', 'de Retorno', 'Afrodescendiente'];
const CITIES = ['Norte', 'Sur', 'Centro', 'Frontera', 'Costa', 'Sierra', 'Valle', 'Capital'];

const FREE = ['migrantes', 'derechos', 'mujeres', 'frontera', 'niñez', 'refugio', 'acogida', 'retorno', 'juvenil', 'movilidad', 'humanos', 'pastoral', 'red', 'casa', 'centro', 'fundación', 'asociación', 'coalición', 'observatorio', 'servicio', 'colectivo', 'instituto', 'movimiento'];

/**
 * `n` distinct directory searches as people type them: one to three words of the organizations' names and
 * cities, sometimes cut short (typed half), sometimes without accents, sometimes an organization's number.
 */
export function directoryQueries(n: number, seed: number): string[] {
  const rand = prng(seed);
  const pool = [...new Set([...WORDS, ...TOPICS.flatMap((x) => x.split(' ')), ...CITIES, ...FREE].map((w) => w.toLowerCase()).filter((w) => w.length > 2))];
  const pick = () => pool[Math.floor(rand() * pool.length)]!;
  const word = () => {
    let w = pick();
    const r = rand();
    if (r < 0.25 && w.length > 4) w = w.slice(0, 3 + Math.floor(rand() * (w.length - 3)));
    else if (r < 0.45) w = w.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return w;
  };
  const out = new Set<string>();
  while (out.size < n) {
    const k = 1 + Math.floor(rand() * 3);
    const parts = Array.from({ length: k }, word);
    if (rand() < 0.15) parts.push(String(1 + Math.floor(rand() * 5000)));
    out.add(parts.join(' '));
  }
  return [...out];
}

export const bench: BenchModule = {
  name: 'membership',
  async generate(deps, { scale, log }) {
    const n = Math.max(33, Math.round(5000 * scale));
    const rand = prng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    // Uneven on purpose (bigger countries have more members), so the map and expansion targets mean something.
    const weights = LAC_ALPHA2.map((_, i) => 1 + ((i * 7) % 11));
    const total = weights.reduce((a, b) => a + b, 0);
    const countryAt = (r: number) => {
      let acc = 0;
      for (let i = 0; i < LAC_ALPHA2.length; i++) {
        acc += weights[i]! / total;
        if (r < acc) return LAC_ALPHA2[i]!;
      }
      return LAC_ALPHA2[LAC_ALPHA2.length - 1]!;
    };
    const start = Date.UTC(2023, 0, 1);
    const span = Date.now() - start;
    const BATCH = 400;
    for (let i = 0; i < n; i += BATCH) {
      const orgs: Insertable<OrganizationsTable>[] = [];
      const countries: { org_id: string; country: string }[] = [];
      const objectives: { org_id: string; objective_n: number }[] = [];
      for (let k = i; k < Math.min(n, i + BATCH); k++) {
        const id = newId();
        // Every state gets at least one member; the rest follow the weights.
        const country = k < LAC_ALPHA2.length ? LAC_ALPHA2[k]! : countryAt(rand());
        const name = `${pick(WORDS)} ${pick(TOPICS)} ${pick(CITIES)} ${k + 1}`;
        const city = `Ciudad ${pick(CITIES)}`;
        const admitted = new Date(start + rand() * span).toISOString();
        const applied = new Date(Date.parse(admitted) - rand() * 40 * 86400_000).toISOString();
        orgs.push({
          id,
          slug: `org-${k + 1}-${id.slice(0, 4)}`,
          name,
          acronym: null,
          country,
          city,
          type: pick(ORG_TYPES),
          website: null,
          description: JSON.stringify({ es: `Organización de la sociedad civil número ${k + 1}.` }),
          status: 'member' as const,
          status_reason: null,
          status_changed_at: admitted,
          public_fields: JSON.stringify(PUBLIC_FIELDS),
          created_at: applied,
          updated_at: admitted,
          admitted_at: admitted,
          applied_at: applied,
          search_text: normalizeText(`${name} ${city}`),
          name_key: normalizeText(name),
          languages: '["es"]',
        });
        countries.push({ org_id: id, country });
        if (rand() < 0.3) {
          const other = countryAt(rand());
          if (other !== country) countries.push({ org_id: id, country: other });
        }
        const objs = new Set<number>();
        const m = 1 + Math.floor(rand() * 4);
        while (objs.size < m) objs.add(1 + Math.floor(rand() * 23));
        for (const o of objs) objectives.push({ org_id: id, objective_n: o });
      }
      await deps.db.transaction().execute(async (trx) => {
        await trx.insertInto('organizations').values(orgs).execute();
        for (let j = 0; j < countries.length; j += 1000) await trx.insertInto('organization_countries').values(countries.slice(j, j + 1000)).execute();
        for (let j = 0; j < objectives.length; j += 1000) await trx.insertInto('organization_objectives').values(objectives.slice(j, j + 1000)).execute();
      });
    }
    log(`membership: ${n} member organizations across ${LAC_ALPHA2.length} countries`);
  },
  async pages() {
    const fresh = directoryQueries(QUERY_COUNT, 7).map((q, i) => `/es/members?q=${encodeURIComponent(q)}${i % 4 === 3 ? `&country=${LAC_ALPHA2[i % LAC_ALPHA2.length]}` : ''}`);
    return [
      { label: 'directory (5,000 orgs)', path: '/es/members' },
      { label: 'directory, new query text each request', path: fresh[0]!, paths: fresh },
      { label: 'directory (filtered: country + type)', path: '/es/members?country=BR&type=ngo' },
      { label: 'directory (filtered: objective + text, page 2)', path: '/es/members?objective=7&q=red&page=2' },
      { label: 'coverage (charts + tables)', path: '/es/coverage' },
      { label: 'coverage map (SVG image)', path: '/es/coverage/map.svg' },
      { label: 'API organizations (filtered)', path: '/api/v1/organizations?country=MX&lang=en' },
      // The application form posts with each visitor's own CSRF secret: never a page-cache page (kept below the layout).
      // The harness sends distinct paths in turn (the page ignores the query string).
      { label: 'application form (/join), a visitor', path: '/es/join', paths: Array.from({ length: 2000 }, (_, i) => (i ? `/es/join?v=${i}` : '/es/join')) },
    ];
  },
  async extra(deps, { log }) {
    const time = async (fn: () => Promise<unknown>, runs = 30) => {
      const xs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await fn();
        xs.push(performance.now() - t0);
      }
      xs.sort((a, b) => a - b);
      return { p50_ms: Math.round(xs[Math.floor(runs / 2)]! * 100) / 100, p95_ms: Math.round(xs[Math.floor(runs * 0.95)]! * 100) / 100 };
    };
    log('membership: uncached query times');
    return [
      { name: 'membership: directory query (unfiltered)', values: await time(() => listDirectory(deps.db, {})) },
      { name: 'membership: directory query (country+type)', values: await time(() => listDirectory(deps.db, { country: 'BR', type: 'ngo' })) },
      { name: 'membership: directory query (objective+text)', values: await time(() => listDirectory(deps.db, { objective: 7, q: 'red', page: 2 })) },
      { name: 'membership: coverage queries', values: await time(() => coverageStats(deps.db, 'works', LAC_ALPHA2)) },
    ];
  },
};

/**
 * @module Benchmark pages
 * The platform's own pages and the module benchmarks (every bench/<module>.ts that exports `bench`), shared
 * by bench/run.ts (load tests) and bench/page-cost.ts (cost of one request, in-process).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchModule, BenchPage } from './types.js';

/** A different address on every request of the floor's page (made when a run asks for them: 200,000 strings). */
let nowhere: string[] | undefined;

/**
 * Pages that belong to no module: the floor (a page not found, at a new address each time: every middleware, the
 * layout and a 3 KB page, no reads — what every uncached page costs before its own work), the home page (anonymous
 * and signed in), a body page, an API call.
 */
export const BASE_PAGES: readonly BenchPage[] = [
  {
    label: 'floor: page not found, new address',
    path: '/es/no-such-page?n=0',
    get paths() {
      return (nowhere ??= Array.from({ length: 200_000 }, (_, i) => `/es/no-such-page?n=${i}`));
    },
    status: 404,
  },
  // The home page: live figures and "what is new" from every module, one or two reads each.
  { label: 'home', path: '/es/', budget: 14 },
  // A body's page gathers the sections of six modules (events, consultations, plans, pledges, news, library): two or three reads each.
  { label: 'body page (mt2)', path: '/es/bodies/mt2', budget: 26 },
  { label: 'API /api/v1/objectives', path: '/api/v1/objectives?lang=en' },
  { label: 'home, signed in', path: '/es/', as: 'member', budget: 14 },
];

/** Files of bench/ that are programs (they start something when imported), not module benchmarks. */
const SCRIPTS = new Set(['run.ts', 'page-cost.ts', 'profile-top.ts', 'raw-server.ts', 'jobs-queue.ts', 'pg-search.ts']);

/** The module benchmarks in file order; `only` keeps the one with that name. */
export async function loadModules(only = ''): Promise<BenchModule[]> {
  const dir = import.meta.dirname;
  const out: BenchModule[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.ts') || f.endsWith('.test.ts') || SCRIPTS.has(f)) continue;
    const mod = await import(join(dir, f));
    if (mod.bench && (!only || mod.bench.name === only)) out.push(mod.bench as BenchModule);
  }
  return out;
}

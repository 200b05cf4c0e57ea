/**
 * @module Benchmark contract
 * Each module that has performance targets exports a BenchModule from bench/<module>.ts; bench/run.ts
 * generates the data of every module into one fresh SQLite database, starts the app in a child process,
 * and measures each page with wrk (or autocannon) next to a raw node:http server in the same run.
 */
import type { AppDeps } from '../src/platform/http/env.js';

/** Distinct query texts per uncached page: more than a few seconds at the fastest expected rate can use. */
export const QUERY_COUNT = 40_000;

export interface BenchPage {
  /** Row label in the printed table, e.g. 'directory (filtered)'. */
  label: string;
  /** Path to request, e.g. '/es/members?country=CL' (with `paths`, the first of them: the one weighed). */
  path: string;
  /** 'member': sent with the signed-in benchmark member's session cookie (bench/member.ts), so the page cache cannot serve it. */
  as?: 'member';
  /**
   * Distinct paths, one per request in turn (query texts never seen before: neither the page cache nor a
   * search's own caches have them). A page with `paths` or `as` is measured as uncached.
   */
  paths?: string[];
  /** This page's own throughput target as a ratio to raw node:http (else the run's cached/uncached target). */
  target?: number;
  /**
   * Statements this page's own reads may run (tests/http/query-budget.test.ts), when more than the platform's 12:
   * a page that gathers other modules' sections (a body's page, the home page) or many filter lists. Say why.
   */
  budget?: number;
  /** Connections of the load test for this page (else the run's 50): a target stated at a given concurrency. */
  connections?: number;
  /** The status the page answers with (else 200): the floor's page is one not found. */
  status?: number;
}

export interface BenchRow {
  name: string;
  /** Free-form measurements, printed as columns (e.g. { p50_ms: 3.1, p95_ms: 9.8 }). */
  values: Record<string, number | string>;
}

export interface BenchModule {
  name: string;
  /** Fills the database with realistic data at `scale` (1 = the targets' size in the issue). */
  generate(deps: AppDeps, opts: { scale: number; log: (msg: string) => void }): Promise<void>;
  /** Pages to load-test once the data exists. */
  pages(deps: AppDeps): Promise<BenchPage[]>;
  /** Other measurements (search latency, tallies), run in-process after generation. */
  extra?(deps: AppDeps, opts: { scale: number; log: (msg: string) => void }): Promise<BenchRow[]>;
}

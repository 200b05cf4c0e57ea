/**
 * @module Benchmark contract
 * Each module that has performance targets exports a BenchModule from bench/<module>.ts; bench/run.ts
 * generates the data of every module into one fresh SQLite database, starts the app in a child process,
 * and measures each page with autocannon next to a raw node:http server in the same run.
 */
import type { AppDeps } from '../src/platform/http/env.js';

export interface BenchPage {
  /** Row label in the printed table, e.g. 'directory (filtered)'. */
  label: string;
  /** Path to request, e.g. '/es/members?country=CL'. */
  path: string;
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

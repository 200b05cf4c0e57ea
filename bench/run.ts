/**
 * `npm run bench [-- --scale 0.1 --duration 5 --only membership]`: builds one SQLite database with the
 * Mechanism's seed plus every module's generated data, runs the modules' in-process measurements, then
 * load-tests the app (a child process, as in production) with autocannon at 50 connections next to a raw
 * node:http server in the same run, and prints requests/s, p50, p99 and the ratio to raw.
 */
import autocannon from 'autocannon';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { boot } from '../src/boot.js';
import type { BenchModule, BenchPage, BenchRow } from './types.js';

const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : def;
};
const scale = Number(arg('scale', '1'));
const duration = Number(arg('duration', '5'));
const only = arg('only', '');
const connections = 50;
const log = (msg: string) => console.log(`  · ${msg}`);

async function loadModules(): Promise<BenchModule[]> {
  const dir = import.meta.dirname;
  const out: BenchModule[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.ts') || ['run.ts', 'types.ts', 'raw-server.ts'].includes(f) || f.endsWith('.test.ts')) continue;
    const mod = await import(join(dir, f));
    if (mod.bench && (!only || mod.bench.name === only)) out.push(mod.bench as BenchModule);
  }
  return out;
}

function start(script: string, argv: string[], env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = fork(script, argv, { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 120_000;
    const poll = async () => {
      try {
        const r = await fetch(readyUrl);
        if (r.ok) return resolve(child);
      } catch {
        /* not yet */
      }
      if (Date.now() > deadline) return reject(new Error(`${script} did not start`));
      setTimeout(poll, 200);
    };
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    void poll();
  });
}

/** wrk (Debian's, C, much lighter than the app) when present — installed with apt when we are root — else autocannon. */
function findWrk(): string | null {
  const has = () => spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim() || null;
  if (has()) return has();
  if (process.getuid?.() === 0) spawnSync('sh', ['-c', 'apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null)']);
  return has();
}
const wrk = findWrk();

function ms(v: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(v);
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

async function load(url: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  // One request first: one-time work (a search index built on first use) is not what is being measured.
  await fetch(url).then((r) => r.arrayBuffer()).catch(() => undefined);
  if (wrk) {
    spawnSync(wrk, ['-t1', `-c${connections}`, '-d1s', url]); // warm-up
    const out = spawnSync(wrk, ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', url], { encoding: 'utf8' }).stdout;
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
    const p50 = ms(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
    const p99 = ms(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
    const errors = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0) + Number(/Socket errors:.*?timeout (\d+)/.exec(out)?.[1] ?? 0);
    return { rps, p50, p99, errors };
  }
  await autocannon({ url, connections, duration: 1 }); // warm-up
  const r = await autocannon({ url, connections, duration });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'dialogo-bench-'));
  console.log(`dialogo benchmarks — scale ${scale}, ${connections} connections, ${duration} s per page, data in ${dataDir}`);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'bench-admin-password', NODE_ENV: 'production' });
  const { deps, handle } = await boot(config, { log: pino({ level: 'warn' }) });
  const modules = await loadModules();
  const pages: BenchPage[] = [
    { label: 'home', path: '/es/' },
    { label: 'body page (mt2)', path: '/es/bodies/mt2' },
    { label: 'API /api/v1/objectives', path: '/api/v1/objectives?lang=en' },
  ];
  const extras: BenchRow[] = [];
  for (const m of modules) {
    console.log(`\n[${m.name}] generating data`);
    const t0 = performance.now();
    await m.generate(deps, { scale, log });
    log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    pages.push(...(await m.pages(deps)));
    if (m.extra) extras.push(...(await m.extra(deps, { scale, log })));
  }
  await handle.close();

  if (extras.length) {
    console.log('\nIn-process measurements');
    for (const row of extras) console.log(`  ${row.name.padEnd(48)} ${Object.entries(row.values).map(([k, v]) => `${k}=${v}`).join('  ')}`);
  }

  const raw = await start(join(import.meta.dirname, 'raw-server.ts'), ['3999'], {}, 'http://127.0.0.1:3999/');
  const app = await start(join(import.meta.dirname, '../src/main.ts'), [], { DATA_DIR: dataDir, PORT: '3998', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' }, 'http://127.0.0.1:3998/healthz');
  try {
    console.log(`\nThroughput at 50 connections, load from ${wrk ? 'wrk' : 'autocannon'} (app in its own process; raw node:http measured in the same run)`);
    const base = await load('http://127.0.0.1:3999/');
    const header = `  ${'page'.padEnd(40)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'ratio'.padStart(6)}  target`;
    console.log(header);
    console.log(`  ${'raw node:http hello'.padEnd(40)} ${base.rps.toFixed(0).padStart(9)} ${base.p50.toFixed(1).padStart(7)} ${base.p99.toFixed(1).padStart(7)} ${'1.00'.padStart(6)}`);
    let failed = 0;
    for (const p of pages) {
      const r = await load(`http://127.0.0.1:3998${p.path}`);
      const ratio = r.rps / base.rps;
      const ok = ratio >= 0.25 && r.errors === 0;
      if (!ok) failed++;
      console.log(
        `  ${p.label.slice(0, 40).padEnd(40)} ${r.rps.toFixed(0).padStart(9)} ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${ratio.toFixed(2).padStart(6)}  ${ok ? '≥0.25 ok' : `MISSED${r.errors ? ` (${r.errors} errors)` : ''}`}`,
      );
    }
    // Page weight: HTML + CSS (+ JS: none) compressed.
    const html = Buffer.from(await (await fetch('http://127.0.0.1:3998/es/')).arrayBuffer());
    const css = readFileSync(join(import.meta.dirname, '../src/platform/views/assets/app.css'));
    const weight = gzipSync(html).length + gzipSync(css).length;
    console.log(`\nHome page weight, gzip: HTML ${gzipSync(html).length} B + CSS ${gzipSync(css).length} B + JS 0 B = ${(weight / 1024).toFixed(1)} KB (target < 50 KB)`);
    console.log(failed ? `\n${failed} page(s) missed the 25% target.` : '\nEvery page reached at least 25% of raw throughput.');
  } finally {
    raw.kill();
    app.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

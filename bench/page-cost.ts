/**
 * @module Cost of one request, in-process
 * `node --import tsx bench/page-cost.ts DATA_DIR [--only MODULE] [--match TEXT] [--n 200] [--warm 20] [--warm-up] [--slowest K] [--sql] [--no-cache] [--profile DIR]`: on the data directory of a
 * `npm run bench` run, builds the app in this process and sends each page's requests one after another
 * through `app.fetch` (no sockets, no concurrency): CPU milliseconds per request, queries per request
 * (SQLite statements run) and the body's size. Steadier than a load test on a shared machine, so it is the
 * number to watch while changing the code; the load test (`npm run bench`) gives the ratios.
 */
import pino from 'pino';
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { boot } from '../src/boot.js';
import { createApp } from '../src/app.js';
import { benchSessionCookie } from './member.js';
import { BASE_PAGES, loadModules } from './pages.js';
import type { BenchPage } from './types.js';

const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : def;
};
const dataDir = args[0];
if (!dataDir || dataDir.startsWith('--')) {
  console.error('usage: bench/page-cost.ts DATA_DIR [--match TEXT] [--n 200]');
  process.exit(2);
}
const match = new RegExp(arg('match', ''), 'i');
/** --only MODULE: load only that benchmark module's pages (a data dir made with `npm run bench -- --only MODULE` has no other module's data). */
const only = arg('only', '');
const n = Number(arg('n', '200'));
/** --slowest K: the K slowest requests' paths and times. */
const slowest = Number(arg('slowest', '0'));
/** --warm K: requests sent before measuring (default 20: JIT and first-use caches; more to measure a warm search). */
const warm = Number(arg('warm', '20'));
/** --sql: print the statements of one request per page (after the warm-up), each with the time SQLite took. */
const showSql = args.includes('--sql');
/** --profile DIR: a V8 CPU profile of each page's measured requests only (read it with bench/profile-top.ts). */
const profileDir = arg('profile', '');
/** --no-cache: every page rendered (page cache off), to see what the cached pages cost to make. */
const noCache = args.includes('--no-cache');
/**
 * --dump DIR: write each page's first measured response body to DIR (CSRF tokens blanked), to `diff -r` what two
 * versions of the code serve: a speed change must leave what readers see unchanged.
 */
const dumpDir = arg('dump', '');

const inspector = new Session();
inspector.connect();
const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => inspector.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));

const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production', ...(noCache ? { PAGE_CACHE_TTL: '0' } : {}) });
const { deps, handle } = await boot(config, { log: pino({ level: 'warn' }) });
/** --warm-up: the modules' warm-ups run as the server runs them (`ModuleManifest.warm`), and waited for. */
if (args.includes('--warm-up')) {
  const t0 = performance.now();
  await Promise.all(deps.modules.map((m) => m.warm?.({ db: deps.db, dialect: deps.dialect, log: pino({ level: 'warn' }) })));
  console.log(`warm-up: ${Math.round(performance.now() - t0)} ms`);
}
const pages: BenchPage[] = [...BASE_PAGES];
for (const m of await loadModules(only)) pages.push(...(await m.pages(deps)));
const cookie = await benchSessionCookie(deps);
const app = createApp(deps);

// Count the statements SQLite runs (one per query; prepared statements may be reused, so count executions).
let statements = 0;
let printing = false;
const proto = Object.getPrototypeOf(deps.sqlite!.prepare('select 1'));
for (const m of ['all', 'get', 'run', 'iterate'] as const) {
  const f = proto[m];
  proto[m] = function (this: { source: string }, ...a: unknown[]) {
    statements++;
    if (!printing) return f.apply(this, a);
    const t0 = performance.now();
    const out = f.apply(this, a);
    console.log(`    ${(performance.now() - t0).toFixed(2).padStart(6)} ms  ${this.source.replace(/\s+/g, ' ').slice(0, 200)}`);
    return out;
  };
}

console.log(`${'page'.padEnd(46)} ${'kind'.padEnd(8)} ${'cpu ms'.padStart(7)} ${'wall ms'.padStart(8)} ${'queries'.padStart(8)} ${'bytes'.padStart(7)}`);
for (const p of pages.filter((x) => match.test(x.label))) {
  const headers: Record<string, string> = p.as === 'member' ? { cookie } : {};
  const paths = p.paths ?? [p.path];
  let i = 0;
  const one = async () => {
    const path = paths[i++ % paths.length]!;
    const res = await app.fetch(new Request(`http://127.0.0.1${path}`, { headers }), {});
    const body = await res.arrayBuffer();
    if (res.status !== (p.status ?? 200)) throw new Error(`${p.label}: ${path} answered ${res.status}`);
    return body.byteLength;
  };
  for (let k = 0; k < warm; k++) await one(); // warm-up (JIT, first-use caches)
  if (showSql) {
    console.log(`  ${p.label}: statements of one request`);
    printing = true;
    await one();
    printing = false;
  }
  if (dumpDir) {
    const res = await app.fetch(new Request(`http://127.0.0.1${paths[0]}`, { headers }), {});
    const body = (await res.text()).replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
    mkdirSync(dumpDir, { recursive: true });
    writeFileSync(join(dumpDir, `${p.label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.html`), `${res.status}\n${body}`);
  }
  statements = 0;
  let bytes = 0;
  if (profileDir) await post('Profiler.enable'), await post('Profiler.setSamplingInterval', { interval: 250 }), await post('Profiler.start');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const times: { ms: number; path: string }[] = [];
  for (let k = 0; k < n; k++) {
    const path = paths[i % paths.length]!;
    const s0 = performance.now();
    bytes += await one();
    times.push({ ms: performance.now() - s0, path });
  }
  const wall = (performance.now() - t0) / n;
  const c = process.cpuUsage(c0);
  if (profileDir) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, `${p.label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.cpuprofile`), JSON.stringify(profile));
  }
  const cpu = (c.user + c.system) / 1000 / n;
  const kind = p.as || p.paths ? 'uncached' : 'cached';
  times.sort((a, b) => a.ms - b.ms);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.ms.toFixed(1);
  console.log(
    `${p.label.slice(0, 46).padEnd(46)} ${kind.padEnd(8)} ${cpu.toFixed(2).padStart(7)} ${wall.toFixed(2).padStart(8)} ${(statements / n).toFixed(1).padStart(8)} ${Math.round(bytes / n).toString().padStart(7)}   wall p50 ${at(0.5)} p99 ${at(0.99)} max ${at(1)} ms`,
  );
  if (slowest) for (const x of times.slice(-slowest).reverse()) console.log(`    ${x.ms.toFixed(1).padStart(7)} ms  ${x.path}`);
}
await handle.close();

/**
 * `npm run bench [-- --scale 0.1 --duration 5 --only membership --match signed --port 3998 --profile DIR]`:
 * builds one SQLite database with the Mechanism's seed plus every module's generated data, runs the modules'
 * in-process measurements, then load-tests the app (a child process, as in production) with wrk (or
 * autocannon) at 50 connections next to a raw node:http server measured in the same run (before and after
 * the pages), and prints requests/s, p50, p99, the ratio to raw, the app's memory and each page's bytes as
 * served with and without `Accept-Encoding: br, gzip`.
 *
 * Two kinds of page: cached (public pages an anonymous visitor gets from the page cache; target ≥ 0.25 of
 * raw) and uncached (a signed-in member's pages, sent with a session cookie, and public searches with a query
 * text never seen before, a different one on every request; target ≥ 0.05 of raw). `--profile DIR` runs the
 * app with `--cpu-prof` (its TypeScript transpiled with lines kept, by bench/lines-loader.mjs) and leaves the
 * .cpuprofile in DIR (read it with bench/profile-top.ts, `--lines` for lines of the source); `--reuse DIR`
 * measures the data directory of an earlier run again (no generation, no in-process measurements).
 */
import autocannon from 'autocannon';
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { boot } from '../src/boot.js';
import type { BenchPage, BenchRow } from './types.js';
import { benchSessionCookie } from './member.js';
import { BASE_PAGES, loadModules } from './pages.js';

const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : def;
};
const scale = Number(arg('scale', '1'));
const duration = Number(arg('duration', '5'));
const only = arg('only', '');
const match = new RegExp(arg('match', ''), 'i');
const port = Number(arg('port', '3998'));
const rawPort = Number(arg('raw-port', String(port + 1)));
/** PostgreSQL: the second instance's port (uncached pages are measured on one instance, then on two). */
const port2 = Number(arg('port2', String(port + 2)));
const profileDir = arg('profile', '');
const reuse = arg('reuse', '');
const engine = arg('db', 'sqlite');
if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--db is sqlite or postgres');
/** PostgreSQL: a database of the benchmark's own, emptied (dropped and created again) unless --reuse. */
const pgUrl = engine === 'postgres' ? arg('pg-url', 'postgres://postgres@127.0.0.1:5432/dialogo_bench') : '';
const connections = 50;
const log = (msg: string) => console.log(`  · ${msg}`);
const CACHED_TARGET = 0.25;
const UNCACHED_TARGET = 0.05;

async function start(script: string, argv: string[], env: Record<string, string>, readyUrl: string, execArgv = ['--import', 'tsx']): Promise<ChildProcess> {
  // A server left on the port by an earlier run would answer the readiness check and be measured instead.
  const taken = await fetch(readyUrl).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`${readyUrl} already answers: stop what is listening there, or choose --port`);
  const child = fork(script, argv, { execArgv, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
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

/**
 * Waits until a started process stops working on its own (under 5% of a core over half a second: its warm-up done, as a
 * server is measured once started), at most 120 s; the seconds waited, or null where /proc cannot tell.
 */
async function idle(pid: number | undefined): Promise<number | null> {
  const cpu = () => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) / 100; // utime, stime (fields 14, 15), in clock ticks of 10 ms
    } catch {
      return null;
    }
  };
  const t0 = performance.now();
  for (let before = cpu(); before !== null && performance.now() - t0 < 120_000; ) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpu();
    if (now === null) return null;
    if (now - before < 0.025) return (performance.now() - t0) / 1000;
    before = now;
  }
  return null;
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

/**
 * The wrk script that sends the paths of a file (one a line) in turn, one per request, and counts the answers the page
 * cache gave (`X-Cache: hit`): a page measured as uncached must have none.
 */
const ROTATE_LUA = `
local paths = {}
local i = 0
local threads = {}
hits = 0
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end
function request()
  i = i + 1
  if i > #paths then i = 1 end
  return wrk.format(nil, paths[i])
end
function response(status, headers, body)
  if headers["X-Cache"] == "hit" then hits = hits + 1 end
end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("hits") end
  io.write(string.format("page cache hits: %d\\n", n))
end
`;

interface Target {
  url: string;
  cookie?: string;
  /** Distinct paths for the warm-up and for the measured run (never the same ones). */
  rotate?: { warm: string[]; run: string[] };
  /** Connections for this page (else the run's). */
  connections?: number;
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Timeouts and failed connections. */
  errors: number;
  /** Answers other than 2xx or 3xx. */
  other: number;
  /** Answers the page cache gave (wrk with distinct paths only; else 0). */
  cacheHits: number;
  requests: number;
}

let scratch = '';
let fileSeq = 0;
function pathsFile(paths: string[]): string {
  const f = join(scratch, `paths-${++fileSeq}.txt`);
  writeFileSync(f, paths.join('\n') + '\n');
  return f;
}

async function load(t: Target): Promise<LoadResult> {
  const headers: Record<string, string> = t.cookie ? { cookie: t.cookie } : {};
  const conns = t.connections ?? connections;
  const origin = new URL(t.url).origin;
  // One request first: one-time work (a search index built on first use) is not what is being measured.
  await served(t.rotate ? origin + t.rotate.warm[0] : t.url, headers).catch(() => undefined);
  if (wrk) {
    const h = t.cookie ? ['-H', `Cookie: ${t.cookie}`] : [];
    const lua = join(scratch, 'rotate.lua');
    writeFileSync(lua, ROTATE_LUA);
    const script = (paths?: string[]) => (paths ? ['-s', lua] : []);
    const tail = (paths?: string[]) => (paths ? ['--', pathsFile(paths)] : []);
    spawnSync(wrk, ['-t1', `-c${conns}`, '-d1s', ...h, ...script(t.rotate?.warm), t.url, ...tail(t.rotate?.warm)]); // warm-up
    return parseWrk(spawnSync(wrk, ['-t1', `-c${conns}`, `-d${duration}s`, '--latency', ...h, ...script(t.rotate?.run), t.url, ...tail(t.rotate?.run)], { encoding: 'utf8' }).stdout);
  }
  const run = async (paths: string[] | undefined, seconds: number) => {
    let i = 0;
    const requests = paths ? [{ setupRequest: (req: any) => ({ ...req, path: paths[i++ % paths.length] }) }] : undefined;
    return autocannon({ url: t.url, connections: conns, duration: seconds, headers, requests });
  };
  await run(t.rotate?.warm, 1); // warm-up
  const r = await run(t.rotate?.run, duration);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, other: r.non2xx, cacheHits: 0, requests: r.requests.total };
}

/** Timeouts, and answers of another status than the page's (wrk and autocannon count those other than 2xx and 3xx). */
function errorsOf(page: BenchPage, r: LoadResult): number {
  return r.errors + ((page.status ?? 200) < 400 ? r.other : r.requests - r.other);
}

function parseWrk(out: string): LoadResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const p50 = ms(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
  const p99 = ms(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const errors = Number(/Socket errors:.*?timeout (\d+)/.exec(out)?.[1] ?? 0);
  const other = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const cacheHits = Number(/page cache hits: (\d+)/.exec(out)?.[1] ?? 0);
  return { rps, p50, p99, errors, other, cacheHits, requests };
}

/**
 * Two instances behind one load generator: the same 50 connections split over both (wrk, 25 each, started
 * together, each with its own half of the distinct paths); req/s summed, latency the worse of the two.
 */
async function loadTwo(urls: [string, string], t: Omit<Target, 'url'>): Promise<LoadResult> {
  if (!wrk) throw new Error('two instances are measured with wrk only');
  const lua = join(scratch, 'rotate.lua');
  writeFileSync(lua, ROTATE_LUA);
  const h = t.cookie ? ['-H', `Cookie: ${t.cookie}`] : [];
  const half = (paths: string[] | undefined, k: number) => (paths ? paths.filter((_, i) => i % 2 === k) : undefined);
  const one = (url: string, seconds: number, paths: string[] | undefined, latency: boolean) =>
    new Promise<string>((resolve) => {
      const args = ['-t1', `-c${connections / 2}`, `-d${seconds}s`, ...(latency ? ['--latency'] : []), ...h, ...(paths ? ['-s', lua] : []), url, ...(paths ? ['--', pathsFile(paths)] : [])];
      const child = spawn(wrk!, args);
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d));
      child.on('close', () => resolve(out));
    });
  await Promise.all(urls.map((u, k) => one(u, 1, half(t.rotate?.warm, k), false)));
  const outs = await Promise.all(urls.map((u, k) => one(u, duration, half(t.rotate?.run, k), true)));
  const rs = outs.map(parseWrk);
  return { rps: rs[0]!.rps + rs[1]!.rps, p50: Math.max(rs[0]!.p50, rs[1]!.p50), p99: Math.max(rs[0]!.p99, rs[1]!.p99), errors: rs[0]!.errors + rs[1]!.errors, other: rs[0]!.other + rs[1]!.other, cacheHits: rs[0]!.cacheHits + rs[1]!.cacheHits, requests: rs[0]!.requests + rs[1]!.requests };
}

/** The response's bytes exactly as sent (no decoding), and its Content-Encoding. */
function served(url: string, headers: Record<string, string>): Promise<{ bytes: number; encoding: string; status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity'), status: res.statusCode ?? 0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A response's body over a fresh connection (a kept-alive one may have been closed by the server meanwhile). */
function body(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The app's resident memory, MB (Linux). */
function rssMb(pid: number | undefined): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}

/** Drops and creates the benchmark's PostgreSQL database (never the one the tests or anyone else use: pass its own name). */
async function recreateDatabase(url: string) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || ['postgres', 'test', 'template0', 'template1'].includes(name)) throw new Error(`--pg-url must name a database of the benchmark's own, not "${name}"`);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const dataDir = reuse || mkdtempSync(join(tmpdir(), 'dialogo-bench-'));
  scratch = dataDir;
  console.log(`dialogo benchmarks on ${engine} — scale ${scale}, ${connections} connections, ${duration} s per page, data in ${dataDir}`);
  const dbEnv: Record<string, string> = pgUrl ? { DATABASE_URL: pgUrl } : {};
  if (pgUrl && !reuse) await recreateDatabase(pgUrl);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'bench-admin-password', NODE_ENV: 'production', ...dbEnv });
  const { deps, handle } = await boot(config, { log: pino({ level: 'warn' }) });
  const modules = await loadModules(only);
  const pages: BenchPage[] = [...BASE_PAGES];
  const extras: BenchRow[] = [];
  for (const m of modules) {
    if (!reuse) {
      console.log(`\n[${m.name}] generating data`);
      const t0 = performance.now();
      await m.generate(deps, { scale, log });
      log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    pages.push(...(await m.pages(deps)));
    if (m.extra && !reuse) extras.push(...(await m.extra(deps, { scale, log })));
  }
  // The session is created once, as the sign-in form does; its cookie goes with every signed-in request.
  const cookie = await benchSessionCookie(deps);
  await handle.close();

  if (extras.length) {
    console.log('\nIn-process measurements');
    for (const row of extras) console.log(`  ${row.name.padEnd(48)} ${Object.entries(row.values).map(([k, v]) => `${k}=${v}`).join('  ')}`);
  }

  const selected = pages.filter((p) => match.test(p.label));
  const raw = await start(join(import.meta.dirname, 'raw-server.ts'), [String(rawPort)], {}, `http://127.0.0.1:${rawPort}/`);
  // Profiled, the app's TypeScript is transpiled with its lines kept (bench/lines-loader.mjs), so a profile's lines are the source's.
  const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', join(import.meta.dirname, 'lines-loader.mjs')] : undefined;
  const app = await start(
    join(import.meta.dirname, '../src/main.ts'),
    [],
    { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...dbEnv },
    `http://127.0.0.1:${port}/healthz`,
    execArgv,
  );
  const appExit = new Promise((resolve) => app.on('exit', resolve));
  try {
    const warmS = await idle(app.pid);
    if (warmS !== null) console.log(`\napp: serving, and idle ${warmS.toFixed(1)} s after it answered its health check (the modules' warm-up: ModuleManifest.warm)`);
    console.log(`\nThroughput at ${connections} connections, load from ${wrk ? 'wrk' : 'autocannon'} (app in its own process; raw node:http measured in the same run, before and after)`);
    const rssStart = rssMb(app.pid);
    const before = await load({ url: `http://127.0.0.1:${rawPort}/` });
    type Row = { page: BenchPage; uncached: boolean; r: LoadResult; rss: number; br: { bytes: number; encoding: string; status: number }; plain: { bytes: number; encoding: string; status: number } };
    const rows: Row[] = [];
    for (const p of selected) {
      const uncached = !!(p.as || p.paths);
      const c = p.as === 'member' ? cookie : undefined;
      const headers: Record<string, string> = c ? { cookie: c } : {};
      const url = `http://127.0.0.1:${port}${p.path}`;
      const plain = await served(url, headers);
      const br = await served(url, { ...headers, 'accept-encoding': 'br, gzip' });
      const half = p.paths ? Math.floor(p.paths.length / 2) : 0;
      // The weighed path (the first) is left out of the measured run: it has been served just now.
      const rotate = p.paths ? { run: p.paths.slice(1, half), warm: p.paths.slice(half) } : undefined;
      const r = await load({ url, cookie: c, rotate, connections: p.connections });
      if (rotate && r.requests > rotate.run.length) log(`${p.label}: ${r.requests} requests for ${rotate.run.length} distinct paths — some were repeated`);
      rows.push({ page: p, uncached, r, rss: rssMb(app.pid), br, plain });
    }
    const after = await load({ url: `http://127.0.0.1:${rawPort}/` });
    const base = (before.rps + after.rps) / 2;
    console.log(`  raw node:http hello: ${before.rps.toFixed(0)} req/s before, ${after.rps.toFixed(0)} after (ratios use the mean, ${base.toFixed(0)})`);
    const header = `  ${'page'.padEnd(44)} ${'kind'.padEnd(8)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'ratio'.padStart(6)} ${'target'.padEnd(13)} ${'RSS MB'.padStart(6)}  bytes: br/gzip asked │ none asked`;
    console.log(header);
    let failed = 0;
    for (const { page, uncached, r, rss, br, plain } of rows) {
      const ratio = r.rps / base;
      const target = page.target ?? (uncached ? UNCACHED_TARGET : CACHED_TARGET);
      const status = page.status ?? 200;
      const errors = errorsOf(page, r);
      // An answer from the page cache (a path sent twice) would measure the cache, not the page.
      const cached = uncached ? r.cacheHits : 0;
      const ok = ratio >= target && errors === 0 && plain.status === status && !cached;
      if (!ok) failed++;
      const verdict = ok ? `≥${target.toFixed(2)} ok` : `MISSED${errors ? ` (${errors} errors)` : plain.status !== status ? ` (${plain.status})` : cached ? ` (${cached} from the cache)` : ''}`;
      console.log(
        `  ${page.label.slice(0, 44).padEnd(44)} ${(uncached ? 'uncached' : 'cached').padEnd(8)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${ratio.toFixed(3).padStart(6)} ${verdict.padEnd(13)} ${String(rss).padStart(6)}  ${`${br.bytes} ${br.encoding}`.padStart(20)} │ ${plain.bytes} ${plain.encoding}`,
      );
    }
    console.log(`\n  app memory (RSS): ${rssStart} MB before the load, ${rssMb(app.pid)} MB after`);
    if (engine === 'postgres') await twoInstances(rows.filter((x) => x.uncached), cookie);
    // Page weight: HTML + CSS (+ JS: none) compressed.
    const html = await body(`http://127.0.0.1:${port}/es/`);
    const css = readFileSync(join(import.meta.dirname, '../src/platform/views/assets/app.css'));
    const weight = gzipSync(html).length + gzipSync(css).length;
    console.log(`\nHome page weight, gzip: HTML ${kb(gzipSync(html).length)} + CSS ${kb(gzipSync(css).length)} + JS 0 B = ${kb(weight)} (target < 50 KB)`);
    console.log(failed ? `\n${failed} page(s) missed their target (cached ≥ ${CACHED_TARGET}, uncached ≥ ${UNCACHED_TARGET} of raw).` : `\nEvery page reached its target (cached ≥ ${CACHED_TARGET}, uncached ≥ ${UNCACHED_TARGET} of raw).`);
  } finally {
    raw.kill();
    app.kill('SIGTERM');
    await Promise.race([appExit, new Promise((r) => setTimeout(r, 15_000))]);
  }
}

/** PostgreSQL: a second instance on the same database, and the uncached pages measured against both at once. */
async function twoInstances(rows: { page: BenchPage; r: LoadResult }[], cookie: string) {
  if (!rows.length || !wrk) return;
  const second = await start(
    join(import.meta.dirname, '../src/main.ts'),
    [],
    { DATA_DIR: scratch, PORT: String(port2), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', DATABASE_URL: pgUrl },
    `http://127.0.0.1:${port2}/healthz`,
  );
  const exited = new Promise((resolve) => second.on('exit', resolve));
  try {
    console.log(`\nUncached pages, one instance (above) and two instances on the same PostgreSQL (${connections} connections split over both; target ≥ 1.5×)`);
    console.log(`  ${'page'.padEnd(44)} ${'1 inst.'.padStart(8)} ${'2 inst.'.padStart(8)} ${'×'.padStart(5)} ${'p99 ms'.padStart(7)}`);
    for (const { page, r } of rows) {
      const half = page.paths ? Math.floor(page.paths.length / 2) : 0;
      // Paths the single-instance run never sent (the search caches are per instance and per text).
      const rotate = page.paths ? { run: page.paths.slice(half).reverse().slice(0, half - 1), warm: page.paths.slice(1, half) } : undefined;
      const two = await loadTwo([`http://127.0.0.1:${port}${page.path}`, `http://127.0.0.1:${port2}${page.path}`], { cookie: page.as === 'member' ? cookie : undefined, rotate });
      const x = two.rps / r.rps;
      console.log(`  ${page.label.slice(0, 44).padEnd(44)} ${r.rps.toFixed(0).padStart(8)} ${two.rps.toFixed(0).padStart(8)} ${x.toFixed(2).padStart(5)} ${two.p99.toFixed(1).padStart(7)}${x >= 1.5 ? '' : '  below 1.5×'}${errorsOf(page, two) ? ` (${errorsOf(page, two)} errors)` : ''}`);
    }
  } finally {
    second.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

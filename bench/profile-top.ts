/**
 * @module CPU profile reader
 * `node --import tsx bench/profile-top.ts FILE.cpuprofile [N] [--busiest S]`: the N heaviest functions of
 * a V8 CPU profile (from `npm run bench -- --profile DIR`) by self time and by total time (self + callees,
 * each function counted once per stack), with their share of the samples, so the hot spots can be read
 * without a browser. `--busiest S` keeps only the busiest S seconds (the load, not the start-up), and a
 * per-second timeline of how busy the main thread was is printed first; `--from S` makes the kept window start
 * no earlier than second S (past the start-up's module loading). `--lines PART` adds the self time of the lines
 * of every function whose file's path contains PART, mapped back to the source (a profile from `npm run bench --
 * --profile`, whose app runs through bench/lines-loader.mjs: statements on lines of their own).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SourceMap } from 'node:module';
import { transformSync } from 'esbuild';
// @ts-expect-error: plain JavaScript without declarations (it runs in Node's loader thread)
import { transformOptions } from './lines-hooks.mjs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  positionTicks?: { line: number; ticks: number }[];
  children?: number[];
}

const argv = process.argv.slice(2);
const bi = argv.indexOf('--busiest');
const busiest = bi >= 0 ? Number(argv.splice(bi, 2)[1]) : 0;
const fi = argv.indexOf('--from');
const from = fi >= 0 ? Number(argv.splice(fi, 2)[1]) : 0;
const li = argv.indexOf('--lines');
const linesOf = li >= 0 ? argv.splice(li, 2)[1]! : '';
const [file, nArg] = argv;
if (!file) {
  console.error('usage: bench/profile-top.ts FILE.cpuprofile [N]');
  process.exit(2);
}
const n = Number(nArg ?? 30);
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
// Timeline: the share of non-idle samples per second.
const at: number[] = [];
let clock = 0;
for (const d of prof.timeDeltas) at.push((clock += d) / 1e6);
const idle = (id: number) => byId.get(id)!.callFrame.functionName === '(idle)';
const seconds = Math.ceil(at[at.length - 1] ?? 0);
const busy = Array.from({ length: seconds + 1 }, () => [0, 0]);
prof.samples.forEach((id, i) => {
  const b = busy[Math.floor(at[i]!)]!;
  b[1]++;
  if (!idle(id)) b[0]++;
});
console.log('busy per second: ' + busy.map(([a, n]) => (n ? Math.round((100 * a) / n) : 0)).join(' '));
if (busiest) {
  let best = 0;
  let bestSum = -1;
  for (let s0 = from; s0 + busiest <= busy.length; s0++) {
    const sum = busy.slice(s0, s0 + busiest).reduce((x, [a]) => x + a, 0);
    if (sum > bestSum) (bestSum = sum), (best = s0);
  }
  console.log(`keeping seconds ${best}–${best + busiest}`);
  const keep = prof.samples.map((_, i) => at[i]! >= best && at[i]! < best + busiest);
  prof.samples = prof.samples.filter((_, i) => keep[i]);
}
const parent = new Map<number, number>();
for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const hits = new Map<number, number>();
for (const s of prof.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
const total = prof.samples.length;

const name = (x: Node) => {
  const url = x.callFrame.url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '~/').replace(/.*\/src\//, 'src/');
  return `${x.callFrame.functionName || '(anonymous)'} ${url ? `${url}:${x.callFrame.lineNumber + 1}` : ''}`.trim();
};
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, k] of hits) {
  const leaf = byId.get(id)!;
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + k);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const nm = name(byId.get(cur)!);
    if (seen.has(nm)) continue;
    seen.add(nm);
    inclusive.set(nm, (inclusive.get(nm) ?? 0) + k);
  }
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (${total} samples)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${((100 * v) / total).toFixed(1).padStart(6)}%  ${k}`);
};
show('self time', self);
show('total time', inclusive);

if (linesOf) {
  // A node's ticks per line cover the whole profile; its samples in the kept window are shared out in proportion.
  const perLine = new Map<string, number>();
  const sources = new Map<string, { map: SourceMap | null; generated: string[]; original: string[] }>();
  const sourceOf = (url: string) => {
    let s = sources.get(url);
    if (!s) {
      const path = fileURLToPath(url);
      const original = readFileSync(path, 'utf8');
      let map: SourceMap | null = null;
      let generated = original.split('\n');
      if (/\.tsx?$/.test(path)) {
        const out = transformSync(original, transformOptions(path));
        map = new SourceMap(JSON.parse(out.map));
        generated = out.code.split('\n');
      }
      sources.set(url, (s = { map, generated, original: original.split('\n') }));
    }
    return s;
  };
  for (const x of prof.nodes) {
    const k = hits.get(x.id);
    if (!k || !x.callFrame.url.includes(linesOf) || !x.callFrame.url.startsWith('file:')) continue;
    const ticks = x.positionTicks ?? [];
    const all = ticks.reduce((a, t) => a + t.ticks, 0);
    const src = sourceOf(x.callFrame.url);
    for (const t of ticks) {
      let line = t.line;
      if (src.map) {
        const g = src.generated[t.line - 1] ?? '';
        const e = src.map.findEntry(t.line - 1, Math.max(0, g.search(/\S/))) as { originalLine?: number };
        if (e?.originalLine !== undefined) line = e.originalLine + 1;
      }
      const text = (src.original[line - 1] ?? '').trim().slice(0, 100);
      const key = `${x.callFrame.functionName || '(anonymous)'} ${name(x).split(' ').pop()!.replace(/:\d+$/, '')}:${line}  ${text}`;
      perLine.set(key, (perLine.get(key) ?? 0) + (k * t.ticks) / all);
    }
  }
  show(`self time by line, in files matching ${linesOf}`, perLine);
}

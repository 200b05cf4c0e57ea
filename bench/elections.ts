/**
 * @module Elections benchmark
 * Generates a Mesa election (secretary, principal and alternate delegate, four candidates each, a
 * few blank votes) with N ballots (default 1,000,000), builds the hash chain and the public record,
 * and times: casting (appendBallot), the tally alone, serializing the record, JSON.parse of it, the
 * verifier alone (chain recompute + ballot checks + recount + comparison), and a receipt lookup.
 * Target on the 2-core reference machine: tally and verify each under 2 s for 1,000,000 ballots.
 * Run alone: `node --import tsx bench/elections.ts [--ballots N]`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { appendBallot } from '../src/modules/elections/core/chain.js';
import { newReceiptCode } from '../src/modules/elections/core/receipt.js';
import { buildRecord, findReceipt, serializeRecord, verifyRecord } from '../src/modules/elections/core/record.js';
import { tally } from '../src/modules/elections/core/tally.js';
import type { ChainEntry, Choices } from '../src/modules/elections/core/types.js';
import { prng } from './prng.js';
import { mesaDefinition } from '../src/modules/elections/core/factories.js';

/**
 * One measured step. `ms` is wall-clock time, the median of the runs for tally and verify, a single
 * run otherwise; `cpuMs` is the process's CPU time for that same run (all threads, GC included),
 * which is steadier than wall time when the machine is shared.
 */
export interface BenchRow {
  name: string;
  ms: number;
  ballots: number;
  cpuMs: number;
}

/** The run with the median wall time. */
function median(xs: Array<[number, number]>): [number, number] {
  const s = [...xs].sort((a, b) => a[0] - b[0]);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs `fn` once: its value, wall milliseconds and CPU milliseconds. */
function time<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const v = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [v, ms, (c.user + c.system) / 1000];
}

/**
 * Runs the elections benchmark and returns one row per step (milliseconds).
 * `runs` (default 3) repetitions are taken for the tally and the verifier.
 */
export async function benchElections(opts: { ballots?: number; runs?: number } = {}): Promise<BenchRow[]> {
  const n = opts.ballots ?? 1_000_000;
  const runs = opts.runs ?? 3;
  const def = mesaDefinition({ id: 'bench-election', title: 'Benchmark Mesa election', censusSize: Math.ceil(n * 1.25) });
  const rand = prng(42);
  const weights = [0.38, 0.3, 0.2, 0.1]; // the rest (2%) is blank
  const pick = (): string | null => {
    let x = rand();
    for (let k = 0; k < weights.length; k++) {
      if ((x -= weights[k]!) < 0) return def.races[0]!.candidates[k]!.id;
    }
    return null;
  };
  const rows: BenchRow[] = [];

  const receipts: string[] = new Array(n);
  const [, tReceipts, cReceipts] = time(() => {
    for (let i = 0; i < n; i++) receipts[i] = newReceiptCode();
  });
  rows.push({ name: 'newReceiptCode ×N', ms: tReceipts, ballots: n, cpuMs: cReceipts });

  const entries: ChainEntry[] = new Array(n);
  const [, tAppend, cAppend] = time(() => {
    let prev: ChainEntry | null = null;
    for (let i = 0; i < n; i++) {
      const choices: Choices = { alternate: pick(), principal: pick(), secretary: pick() };
      prev = entries[i] = appendBallot(prev, receipts[i]!, { choices });
    }
  });
  rows.push({ name: 'appendBallot ×N (cast)', ms: tAppend, ballots: n, cpuMs: cAppend });

  const tallies: Array<[number, number]> = [];
  let result = tally(def, entries);
  for (let r = 0; r < runs; r++) {
    const [res, ms, cpu] = time(() => tally(def, entries));
    result = res;
    tallies.push([ms, cpu]);
  }
  const [tTally, cTally] = median(tallies);
  rows.push({ name: 'tally', ms: tTally, ballots: n, cpuMs: cTally });

  const record = buildRecord(def, entries, result, { openedAt: '2026-01-01T12:00:00.000Z', closedAt: '2026-01-02T12:00:00.000Z' });
  const [text, tSerialize, cSerialize] = time(() => serializeRecord(record));
  rows.push({ name: `serializeRecord (${(text.length / 1e6).toFixed(0)} MB)`, ms: tSerialize, ballots: n, cpuMs: cSerialize });

  const [parsed, tParse, cParse] = time(() => JSON.parse(text) as unknown);
  rows.push({ name: 'JSON.parse of the record', ms: tParse, ballots: n, cpuMs: cParse });

  const verifies: Array<[number, number]> = [];
  for (let r = 0; r < runs; r++) {
    const [report, ms, cpu] = time(() => verifyRecord(parsed));
    if (!report.ok) throw new Error(`benchmark record did not verify: ${report.problems.join('; ')}`);
    verifies.push([ms, cpu]);
  }
  const [tVerify, cVerify] = median(verifies);
  rows.push({ name: 'verifyRecord (chain + recount)', ms: tVerify, ballots: n, cpuMs: cVerify });

  const [found, tFind, cFind] = time(() => findReceipt(parsed as typeof record, receipts[n - 1]!.toLowerCase()));
  if (!found.found) throw new Error('receipt lookup failed');
  rows.push({ name: 'findReceipt (last ballot)', ms: tFind, ballots: n, cpuMs: cFind });

  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--ballots');
  const ballots = i > 0 ? Number(process.argv[i + 1]) : undefined;
  const rows = await benchElections({ ballots });
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`Elections benchmark, Node ${process.version}, ${availableParallelism()} cores, load average ${load}`);
  console.log('step'.padEnd(36) + 'ballots'.padStart(10) + 'wall ms'.padStart(10) + 'cpu ms'.padStart(10));
  for (const r of rows) {
    console.log(r.name.padEnd(36) + String(r.ballots).padStart(10) + r.ms.toFixed(0).padStart(10) + r.cpuMs.toFixed(0).padStart(10));
  }
}

/**
 * @module Standalone election record verifier
 * `npm run verify-election -- record.json [--receipt CODE]` (or `-` to read standard input).
 * Needs no database and no network: it re-walks the published hash chain, recounts the ballots and
 * compares the recount with the published result, then prints a report.
 * Exit status: 0 the record is valid, 1 it is not (including text that is not JSON), 2 usage error
 * or the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { definitionFingerprint, findReceipt, verifyRecord } from './core/record.js';
import type { ElectionDefinition, ElectionRecord, ElectionResult, VerifyReport } from './core/types.js';

const USAGE = `Usage: npm run verify-election -- <record.json | -> [--receipt CODE]

Verifies a published dialogo election record: the ballot hash chain, every ballot, the census and
quorum claims, and the published result against a recount. "-" reads the record from standard input.
--receipt CODE also looks up the ballot behind a receipt code (as printed, e.g. K7QF-3MZP-9XRA-TW2D).

Exit status: 0 valid, 1 not valid, 2 usage or read error.`;

/** Parsed command line. */
interface Args {
  path: string;
  receipt: string | null;
}

function parseArgs(argv: string[]): Args | string {
  let path: string | null = null;
  let receipt: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--receipt') {
      const v = argv[++i];
      if (v === undefined) return 'missing value after --receipt';
      receipt = v;
    } else if (a.startsWith('--receipt=')) receipt = a.slice('--receipt='.length);
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (path === null) path = a;
    else return `unexpected argument ${a}`;
  }
  return path === null ? 'missing record file' : { path, receipt };
}

async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFileSync(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Renders the verification report as plain text. */
export function formatReport(record: unknown, report: VerifyReport, source: string): string {
  const lines: string[] = [];
  const r = (typeof record === 'object' && record !== null ? record : {}) as Partial<ElectionRecord>;
  const def = r.election as ElectionDefinition | undefined;
  const re = report.recomputedResult;
  const claimed = (typeof r.result === 'object' && r.result !== null ? r.result : null) as ElectionResult | null;

  lines.push('dialogo election record verifier', '');
  lines.push(`Record:     ${source}`);
  if (def && typeof def === 'object') lines.push(`Election:   ${String(def.title)} (${String(def.id)})`);
  if (re) {
    lines.push(`Definition: fingerprint ${definitionFingerprint(def!)}`);
    lines.push('            (compare with the fingerprint published when voting opened)');
    lines.push(`Census:     ${re.censusSize} organizations (frozen when voting opened)`);
    lines.push(`Ballots:    ${re.ballotsCast} cast, turnout ${pct(re.turnout)}`);
    lines.push(
      `Quorum:     ${pct(re.quorum)} of the census = ${re.quorumVotes} ballots needed: ${re.quorumMet ? 'met' : 'NOT met'}`,
    );
    const c = report.chain;
    lines.push(
      c.ok
        ? `Chain:      OK (${c.ballots} ballots, head hash ${c.recomputedHeadHash})`
        : c.firstBrokenSeq !== null
          ? `Chain:      BROKEN at seq ${c.firstBrokenSeq}`
          : `Chain:      BROKEN: the head hash does not match (recomputed ${c.recomputedHeadHash ?? 'unavailable'})`,
    );
    if (report.resultMatches) lines.push('Tally:      matches the published result');
    else {
      lines.push('Tally:      DIFFERS from the published result');
      if (claimed) {
        lines.push(`            ballots cast: published ${String(claimed.ballotsCast)}, recounted ${re.ballotsCast}`);
        lines.push(`            status:       published ${String(claimed.status)}, recounted ${re.status}`);
      }
    }
    lines.push('', `Recounted result: ${re.status}`);
    for (const race of re.races) {
      const names = new Map(def!.races.find((x) => x.id === race.raceId)!.candidates.map((cd) => [cd.id, cd.name]));
      const publishedRace = claimed && Array.isArray(claimed.races) ? claimed.races.find((x) => x?.raceId === race.raceId) : undefined;
      lines.push(`  ${race.position} (race ${race.raceId}): ${describeOutcome(race, names)}`);
      for (const [id, votes] of Object.entries(race.counts)) {
        const pub = publishedRace?.counts?.[id];
        const differs = pub !== votes ? `   <- published ${pub === undefined ? 'nothing' : String(pub)}` : '';
        const ex = race.excluded.includes(id) ? ' (already elected in an earlier race)' : '';
        lines.push(`      ${String(votes).padStart(9)}  ${names.get(id) ?? id}${ex}${differs}`);
      }
      lines.push(`      ${String(race.blank).padStart(9)}  blank`);
      if (race.invalid > 0) lines.push(`      ${String(race.invalid).padStart(9)}  invalid`);
    }
  }
  if (report.problems.length > 0) {
    lines.push('', `Problems (${report.problems.length}):`);
    for (const pr of report.problems) lines.push(`  - ${pr}`);
  }
  lines.push('', report.ok ? 'VALID: the chain is intact and the published result matches the ballots.' : 'NOT VALID.');
  return lines.join('\n');
}

function describeOutcome(race: ElectionResult['races'][number], names: Map<string, string>): string {
  const name = (id: string) => names.get(id) ?? id;
  switch (race.status) {
    case 'elected':
      return `elected ${name(race.winner!)}${race.decidedByRunoff ? ` (run-off after a tie between ${race.tied.map(name).join(', ')})` : ''}`;
    case 'tie':
      return `TIE between ${race.tied.map(name).join(', ')}: a run-off is needed`;
    case 'pending':
      return 'pending: depends on an earlier tied race';
    case 'no_votes':
      return 'no candidate received a vote';
    case 'failed_quorum':
      return 'nobody elected (quorum not met)';
  }
}

/** Runs the verifier on a command line; returns the exit status. */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const args = parseArgs(argv);
  if (args === 'help') {
    out.write(USAGE + '\n');
    return 0;
  }
  if (typeof args === 'string') {
    err.write(`verify-election: ${args}\n\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readInput(args.path);
  } catch (e) {
    err.write(`verify-election: cannot read ${args.path}: ${(e as Error).message}\n`);
    return 2;
  }
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (e) {
    out.write(`dialogo election record verifier\n\nRecord: ${args.path}\nThe file is not valid JSON: ${(e as Error).message}\n\nNOT VALID.\n`);
    return 1;
  }
  const report = verifyRecord(record);
  out.write(formatReport(record, report, args.path === '-' ? '(standard input)' : args.path) + '\n');
  if (args.receipt !== null && report.recomputedResult !== null) {
    out.write('\n' + formatReceipt(record as ElectionRecord, args.receipt) + '\n');
  }
  return report.ok ? 0 : 1;
}

function formatReceipt(record: ElectionRecord, code: string): string {
  const found = findReceipt(record, code);
  if (!found.found) {
    return found.reason === 'malformed_code'
      ? `Receipt ${code}: not a receipt code (16 letters and digits, e.g. K7QF-3MZP-9XRA-TW2D).`
      : `Receipt ${code}: NOT FOUND in this record.`;
  }
  const lines = [`Receipt ${found.ballot.receipt}: found, seq ${found.ballot.seq}, hash ${found.ballot.hash}`];
  for (const l of found.lines) lines.push(`  ${l.position}: ${l.candidateId === null ? 'blank' : (l.candidateName ?? l.candidateId)}`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`verify-election: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

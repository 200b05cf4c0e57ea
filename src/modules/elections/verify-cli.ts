/**
 * @module Standalone election record verifier
 * `npm run verify-election -- record.json [--receipt CODE]` (or `-` to read standard input). The site also
 * publishes it as one dependency-free file (bundle.ts, `/elections/verifier.mjs`): `node verifier.mjs record.json`.
 * Needs no database and no network: it re-walks the published hash chain, recounts the ballots and
 * compares the recount with the published result, then prints a report.
 * Exit status: 0 the record is valid, 1 it is not (including text that is not JSON), 2 usage error
 * or the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { verifyRecord } from './core/record.js';
import { formatReport, formatReceipt, formatUnreadable } from './core/report.js';
import type { ElectionRecord } from './core/types.js';

/** How this program was started: `node verifier.mjs` for the published single file, else the npm script. */
const COMMAND = /\.m?js$/.test(process.argv[1] ?? '') ? `node ${basename(process.argv[1]!)}` : 'npm run verify-election --';

const USAGE = `Usage: ${COMMAND} <record.json | -> [--receipt CODE]

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
    out.write(formatUnreadable(args.path, (e as Error).message) + '\n');
    return 1;
  }
  const report = verifyRecord(record);
  out.write(formatReport(record, report, args.path === '-' ? '(standard input)' : args.path) + '\n');
  if (args.receipt !== null && report.recomputedResult !== null) {
    out.write('\n' + formatReceipt(record as ElectionRecord, args.receipt) + '\n');
  }
  return report.ok ? 0 : 1;
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

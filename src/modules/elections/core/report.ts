/**
 * @module Verification report
 * The text the verifier prints, from a record and `verifyRecord`'s report. Pure (no Node API), so the
 * standalone verifier (verify-cli.ts, also published as one file, verifier.mjs) and the in-browser check
 * (client/check.ts) print exactly the same words for the same record. In English, like the record's
 * problems: it is the technical output the pages show beside a translated verdict.
 */
import { definitionFingerprint, findReceipt } from './record.js';
import type { ElectionDefinition, ElectionRecord, ElectionResult, VerifyReport } from './types.js';

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

/** What the verifier prints for text that is not JSON (a record that is not valid). */
export function formatUnreadable(source: string, message: string): string {
  return `dialogo election record verifier\n\nRecord: ${source}\nThe file is not valid JSON: ${message}\n\nNOT VALID.`;
}

/** The `--receipt` lookup, as text. */
export function formatReceipt(record: ElectionRecord, code: string): string {
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

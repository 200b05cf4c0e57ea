/**
 * @module Public election record and its verifier
 * `buildRecord` assembles the JSON published after an election closes: the definition (with the
 * frozen census size and quorum), the claimed result, the head hash and every ballot with its seq,
 * receipt code and hash, listed in hash order (so the listing says nothing about the casting order;
 * the seq of each ballot still places it in the chain). `verifyRecord` needs nothing else: it orders
 * the ballots by seq, re-walks the chain, checks
 * every ballot against the definition, recounts, and compares with the claimed result.
 * `findReceipt` is the voter's lookup. The format is described in docs/elections-security.md.
 */
import { compareIds } from './ballot.js';
import { show, validateDefinition } from './definition.js';
import { GENESIS, HASH_PATTERN, linkHash, sha256Hex } from './chain.js';
import { normalizeReceipt, receiptKey } from './receipt.js';
import { decideResult, emptyCounts } from './tally.js';
import {
  RECORD_FORMAT,
  RECORD_VERSION,
  type ChainEntry,
  type ElectionDefinition,
  type ElectionRecord,
  type ElectionResult,
  type Position,
  type RecordBallot,
  type RecordMeta,
  type TieResolution,
  type VerifyReport,
} from './types.js';

/** The informative description of the hash chain written into every record. */
export const CHAIN_SPEC =
  'hash = lowercase hex SHA-256 of UTF-8 text prevHash|seq|receipt|choices, where choices is ' +
  'raceId=candidateId for every race, races sorted by id (UTF-16 code units), joined by ";", an ' +
  'empty candidateId for a blank vote; prevHash of seq 1 is 64 zeros; headHash is the last hash.';

/**
 * A fingerprint of what is being decided: lowercase hex SHA-256 of `JSON.stringify` of
 * `{ id, title, races: [{ id, position, seats, candidates: [{ id, name }] }], censusSize, quorum }`
 * with keys in exactly that order. Publish it (with the census size) when voting opens; anyone can
 * then check that the definition in the final record, census size included, is the same.
 */
export function definitionFingerprint(def: ElectionDefinition): string {
  return sha256Hex(
    JSON.stringify({
      id: def.id,
      title: def.title,
      races: def.races.map((r) => ({
        id: r.id,
        position: r.position,
        seats: r.seats,
        candidates: r.candidates.map((c) => ({ id: c.id, name: c.name })),
      })),
      censusSize: def.censusSize,
      quorum: def.quorum,
    }),
  );
}

/**
 * Assembles the public record. `entries` must be the whole ballot box in chain order; `result` the
 * output of `tally(def, entries, { tieResolutions: meta.tieResolutions })`. Nothing is recomputed
 * here: run `verifyRecord` on the output before publishing it. `meta.voters` is sorted here, so the
 * order in which organizations voted can never leak through it.
 */
export function buildRecord(
  def: ElectionDefinition,
  entries: readonly ChainEntry[],
  result: ElectionResult,
  meta: RecordMeta = {},
): ElectionRecord {
  const ballots: RecordBallot[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    ballots[i] = { seq: e.seq, receipt: e.receipt, choices: e.choices, hash: e.hash };
  }
  // Hash order: the hashes are uniformly random, so neighbours in the listing share nothing.
  ballots.sort((a, b) => compareIds(a.hash, b.hash));
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    chainSpec: CHAIN_SPEC,
    election: {
      id: def.id,
      title: def.title,
      races: def.races,
      censusSize: def.censusSize,
      quorum: def.quorum,
    },
    openedAt: meta.openedAt ?? null,
    closedAt: meta.closedAt ?? null,
    publishedAt: meta.publishedAt ?? null,
    tieResolutions: meta.tieResolutions ?? [],
    voters: meta.voters ? [...meta.voters].sort(compareIds) : null,
    result,
    ballotCount: entries.length,
    headHash: entries.length > 0 ? entries[entries.length - 1]!.hash : GENESIS,
    ballots,
  };
}

/**
 * The record as JSON text: the header indented for people, then one ballot per line (so a voter or
 * a tool can find a receipt with grep, and two copies can be compared line by line).
 */
export function serializeRecord(record: ElectionRecord): string {
  const { ballots, ...header } = record;
  const head = JSON.stringify({ ...header, ballots: 0 }, null, 2);
  const cut = head.lastIndexOf('"ballots": 0');
  if (ballots.length === 0) return head.slice(0, cut) + '"ballots": []\n}\n';
  const lines: string[] = new Array(ballots.length);
  for (let i = 0; i < ballots.length; i++) lines[i] = '    ' + JSON.stringify(ballots[i]);
  return head.slice(0, cut) + '"ballots": [\n' + lines.join(',\n') + '\n  ]\n}\n';
}

/** Collects problems, keeping at most `cap` sentences of each kind and counting the rest. */
class Problems {
  readonly list: string[] = [];
  private readonly seen = new Map<string, number>();
  constructor(private readonly cap = 10) {}
  add(kind: string, text: string): void {
    const n = (this.seen.get(kind) ?? 0) + 1;
    this.seen.set(kind, n);
    if (n <= this.cap) this.list.push(text);
  }
  /** Appends "… and N more" lines for the kinds that overflowed. */
  finish(): string[] {
    for (const [kind, n] of this.seen) {
      if (n > this.cap) this.list.push(`... and ${n - this.cap} more problems of the kind "${kind}".`);
    }
    return this.list;
  }
}

/**
 * Verifies a published record without any database: the format, the definition, the listing (in
 * hash order, so it cannot reveal the casting order), every ballot taken in seq order (seq without
 * gaps, receipt well formed and unique, one valid choice per race), every hash link,
 * the head hash, the ballot count against the census and the optional voter list, the tie
 * resolutions, and finally the claimed result against a recount. Accepts any parsed JSON value.
 */
export function verifyRecord(record: unknown): VerifyReport {
  const p = new Problems();
  const chain: VerifyReport['chain'] = { ok: false, ballots: 0, firstBrokenSeq: null, recomputedHeadHash: null };
  const fail = (text: string): VerifyReport => {
    p.add('format', text);
    return { ok: false, problems: p.finish(), recomputedResult: null, chain, resultMatches: false };
  };
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return fail('The record is not a JSON object.');
  const r = record as Partial<Record<keyof ElectionRecord, unknown>>;
  if (r.format !== RECORD_FORMAT) return fail(`The record's format is ${show(r.format)}, expected "${RECORD_FORMAT}".`);
  if (r.version !== RECORD_VERSION) return fail(`The record's version is ${show(r.version)}; this verifier reads version ${RECORD_VERSION}.`);
  const defCheck = validateDefinition(r.election);
  if (!defCheck.ok) {
    for (const text of defCheck.problems) p.add('definition', `Election definition: ${text}`);
    return { ok: false, problems: p.finish(), recomputedResult: null, chain, resultMatches: false };
  }
  const def = r.election as ElectionDefinition;
  if (!Array.isArray(r.ballots)) return fail('The record has no "ballots" array.');
  const listed = r.ballots as unknown[];
  checkListingOrder(listed, p);
  // The chain is walked in seq order, whatever the listing order (a ballot without a numeric seq
  // goes last, where the seq check reports it).
  const ballots = chainOrder(listed);
  const n = ballots.length;
  chain.ballots = n;

  // --- Every ballot and every link, in one pass (the hot loop: one hash and a few lookups each). ---
  // Races in canonical (id) order; for each, a map from a choice to its code (candidate index in
  // the race, or the candidate count for blank) and the text that code adds to the canonical string.
  const order = def.races.map((race, j) => ({ race, j })).sort((a, b) => compareIds(a.race.id, b.race.id));
  const nRaces = order.length;
  const raceIds = order.map((o) => o.race.id);
  const defIndex = order.map((o) => o.j);
  const codes = order.map((o) => {
    const m = new Map<unknown, number>(o.race.candidates.map((c, k) => [c.id, k] as const));
    m.set(null, o.race.candidates.length);
    return m;
  });
  const segments = order.map((o, s) => {
    const prefix = (s === 0 ? '' : ';') + o.race.id + '=';
    return [...o.race.candidates.map((c) => prefix + c.id), prefix];
  });
  const raw = emptyCounts(def);
  raw.ballots = n;
  const keys = new Uint32Array(n);
  let malformedReceipts = 0;
  let prevHash: unknown = GENESIS;
  let linksOk = true;
  const broken = (pos: number) => {
    linksOk = false;
    if (chain.firstBrokenSeq === null) chain.firstBrokenSeq = pos;
  };

  for (let i = 0; i < n; i++) {
    const pos = i + 1;
    const b = ballots[i] as Partial<Record<keyof RecordBallot, unknown>> | null;
    if (typeof b !== 'object' || b === null || Array.isArray(b)) {
      p.add('ballot', `Ballot at position ${pos} is not an object.`);
      for (let s = 0; s < nRaces; s++) raw.invalid[s]!++;
      broken(pos);
      prevHash = null;
      continue;
    }
    const seq = b.seq;
    if (seq !== pos) {
      p.add('seq', `Ballot at position ${pos} has seq ${show(seq)}, expected ${pos}: a ballot was removed, added or moved.`);
      broken(pos);
    }
    const receipt = b.receipt;
    const key = typeof receipt === 'string' ? receiptKey(receipt) : -1;
    if (key < 0) {
      p.add('receipt', `Ballot seq ${pos} has a malformed receipt code ${show(receipt)}.`);
      malformedReceipts++;
    } else keys[i] = key;

    // Choices: exactly one per race, each blank or a candidate of that race; count them and build
    // the canonical text at once.
    const choices = b.choices as Record<string, unknown> | null | undefined;
    let canonical: string | null = '';
    if (typeof choices !== 'object' || choices === null || Array.isArray(choices)) {
      p.add('choices', `Ballot seq ${pos} has no choices object.`);
      for (let s = 0; s < nRaces; s++) raw.invalid[s]!++;
      canonical = null;
    } else {
      for (let s = 0; s < nRaces; s++) {
        const choice = choices[raceIds[s]!];
        const code = codes[s]!.get(choice);
        const j = defIndex[s]!;
        if (code === undefined) {
          raw.invalid[j]!++;
          p.add(
            'choices',
            choice === undefined
              ? `Ballot seq ${pos} has no choice for race "${raceIds[s]}".`
              : `Ballot seq ${pos} has ${show(choice)} in race "${raceIds[s]}", which is not a candidate of that race.`,
          );
          canonical = null;
        } else {
          if (code === segments[s]!.length - 1) raw.blank[j]!++;
          else raw.votes[j]![code]!++;
          if (canonical !== null) canonical += segments[s]![code]!;
        }
      }
      let count = 0;
      for (const _ in choices) count++;
      if (count !== nRaces) {
        for (const k of Object.keys(choices)) {
          if (!raceIds.includes(k)) {
            p.add('choices', `Ballot seq ${pos} has a choice for an unknown race ${show(k)}.`);
            canonical = null;
          }
        }
      }
    }

    const hash = b.hash;
    if (canonical === null || key < 0 || typeof prevHash !== 'string') {
      broken(pos); // the link cannot be checked; the reason is already reported
    } else if (linkHash(prevHash, pos, receipt as string, canonical) !== hash) {
      p.add(
        'link',
        typeof hash === 'string' && HASH_PATTERN.test(hash)
          ? `Chain broken at seq ${pos}: its hash does not match its content and the previous hash.`
          : `Chain broken at seq ${pos}: its hash ${show(hash)} is not a SHA-256 hex string.`,
      );
      broken(pos);
    }
    prevHash = hash;
  }
  findDuplicateReceipts(ballots as RecordBallot[], keys, malformedReceipts > 0, p);

  // --- Head hash. ---------------------------------------------------------------------------------
  if (linksOk) {
    chain.recomputedHeadHash = n > 0 ? (ballots[n - 1] as RecordBallot).hash : GENESIS;
  } else {
    chain.recomputedHeadHash = recomputeHead(ballots, raceIds, segments, codes);
  }
  if (r.headHash !== chain.recomputedHeadHash) {
    p.add(
      'head',
      chain.recomputedHeadHash === null
        ? `The head hash ${show(r.headHash)} cannot be confirmed: some ballots cannot be hashed.`
        : `The published head hash ${show(r.headHash)} differs from the recomputed head hash ${chain.recomputedHeadHash}.`,
    );
  }
  chain.ok = linksOk && r.headHash === chain.recomputedHeadHash;

  // --- Counts, census, voter list. ------------------------------------------------------------------
  if (r.ballotCount !== n) p.add('count', `The record claims ${show(r.ballotCount)} ballots but contains ${n}.`);
  if (n > def.censusSize) {
    p.add('census', `There are ${n} ballots but only ${def.censusSize} organizations in the census.`);
  }
  checkVoters(r.voters, n, def.censusSize, p);

  // --- Tie resolutions, recount, comparison. -----------------------------------------------------
  const resolutions = checkResolutions(r.tieResolutions, def, p);
  const recomputed = decideResult(def, raw, { tieResolutions: resolutions });
  for (const t of resolutions) {
    const race = recomputed.races.find((x) => x.raceId === t.raceId);
    if (!race || !race.decidedByRunoff || race.winner !== t.candidateId) {
      p.add(
        'resolution',
        `The tie resolution for race "${t.raceId}" names "${t.candidateId}", but the recount has no tie in that race involving that candidate.`,
      );
    }
  }
  const differences = diffResults(r.result, recomputed);
  for (const text of differences) p.add('result', text);

  const problems = p.finish();
  return { ok: problems.length === 0, problems, recomputedResult: recomputed, chain, resultMatches: differences.length === 0 };
}

/** Recomputes the chain from `GENESIS` ignoring published hashes; null if a ballot cannot be hashed. */
function recomputeHead(
  ballots: unknown[],
  raceIds: string[],
  segments: string[][],
  codes: Map<unknown, number>[],
): string | null {
  let h = GENESIS;
  for (let i = 0; i < ballots.length; i++) {
    const b = ballots[i] as { receipt?: unknown; choices?: Record<string, unknown> } | null;
    if (b === null || typeof b !== 'object' || typeof b.receipt !== 'string') return null;
    const choices = b.choices;
    if (choices === null || typeof choices !== 'object') return null;
    let canonical = '';
    for (let s = 0; s < raceIds.length; s++) {
      const code = codes[s]!.get(choices[raceIds[s]!]);
      if (code === undefined) return null;
      canonical += segments[s]![code]!;
    }
    h = linkHash(h, i + 1, b.receipt, canonical);
  }
  return h;
}

/**
 * Reports receipts that occur more than once. Sorting the 30-bit keys (`receiptKey`) finds the
 * candidates in about 0.1 s per million ballots, against about 0.6 s for a `Set` of the strings;
 * only ballots whose keys collide (a few hundred per million by chance) are compared in full.
 */
function findDuplicateReceipts(ballots: RecordBallot[], keys: Uint32Array, someMalformed: boolean, p: Problems): void {
  const sorted = keys.slice().sort();
  const collide = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) collide.add(sorted[i]!);
  if (collide.size === 0) return;
  const seen = new Set<string>();
  for (let i = 0; i < ballots.length; i++) {
    if (!collide.has(keys[i]!)) continue;
    const b = ballots[i];
    const receipt = b !== null && typeof b === 'object' ? b.receipt : undefined;
    if (typeof receipt !== 'string' || (someMalformed && receiptKey(receipt) < 0)) continue;
    if (seen.has(receipt)) p.add('duplicate', `Receipt ${receipt} appears more than once (again at seq ${i + 1}).`);
    else seen.add(receipt);
  }
}

/** Ballots sorted by seq (stable; a non-object or a non-numeric seq sorts last), for the chain walk. */
function chainOrder(listed: unknown[]): unknown[] {
  const seqOf = (b: unknown) => {
    const seq = b !== null && typeof b === 'object' ? (b as { seq?: unknown }).seq : undefined;
    return typeof seq === 'number' && Number.isFinite(seq) ? seq : Infinity;
  };
  return listed
    .map((b, i) => ({ b, i, seq: seqOf(b) }))
    .sort((x, y) => (x.seq === y.seq ? x.i - y.i : x.seq < y.seq ? -1 : 1))
    .map((x) => x.b);
}

/**
 * The published listing must be in strictly increasing hash order: a listing in casting order would
 * let whoever knows when an organization voted find its ballot.
 */
function checkListingOrder(listed: unknown[], p: Problems): void {
  let prev: string | null = null;
  for (let i = 0; i < listed.length; i++) {
    const b = listed[i];
    const hash = b !== null && typeof b === 'object' ? (b as { hash?: unknown }).hash : undefined;
    if (typeof hash !== 'string') continue; // reported by the chain walk
    if (prev !== null && !(prev < hash)) {
      p.add('order', `The ballots are not listed in hash order (at position ${i + 1}): the listing may reveal the casting order.`);
      return;
    }
    prev = hash;
  }
}

function checkVoters(voters: unknown, n: number, censusSize: number, p: Problems): void {
  if (voters === null || voters === undefined) return;
  if (!Array.isArray(voters)) {
    p.add('voters', 'The "voters" field is neither null nor a list of organization ids.');
    return;
  }
  for (let i = 0; i < voters.length; i++) {
    if (typeof voters[i] !== 'string') {
      p.add('voters', `Voter ${i + 1} is not an organization id.`);
      return;
    }
    if (i > 0 && !(voters[i - 1] < voters[i])) {
      p.add('voters', `The voter list is not sorted without repeats (at ${show(voters[i])}).`);
      return;
    }
  }
  if (voters.length !== n) p.add('voters', `The voter list names ${voters.length} organizations but there are ${n} ballots.`);
  if (voters.length > censusSize) p.add('voters', `The voter list names more organizations than the census (${censusSize}).`);
}

function checkResolutions(value: unknown, def: ElectionDefinition, p: Problems): TieResolution[] {
  if (!Array.isArray(value)) {
    p.add('resolution', 'The "tieResolutions" field is missing or not a list.');
    return [];
  }
  const out: TieResolution[] = [];
  const seen = new Set<string>();
  for (const t of value as Partial<TieResolution>[]) {
    const race = def.races.find((x) => x.id === t?.raceId);
    if (!race || typeof t.candidateId !== 'string' || !race.candidates.some((c) => c.id === t.candidateId)) {
      p.add('resolution', `A tie resolution ${show(t)} does not name a race and one of its candidates.`);
    } else if (seen.has(race.id)) {
      p.add('resolution', `Race "${race.id}" has more than one tie resolution.`);
    } else {
      seen.add(race.id);
      out.push({ raceId: race.id, candidateId: t.candidateId, reference: typeof t.reference === 'string' ? t.reference : '' });
    }
  }
  return out;
}

const TOP_FIELDS: Array<[keyof ElectionResult, string]> = [
  ['ballotsCast', 'ballots cast'],
  ['censusSize', 'census size'],
  ['turnout', 'turnout'],
  ['quorum', 'quorum'],
  ['quorumVotes', 'ballots needed for quorum'],
  ['quorumMet', 'quorum met'],
  ['status', 'status'],
];
const RACE_FIELDS = ['position', 'status', 'blank', 'invalid', 'excluded', 'winner', 'tied', 'decidedByRunoff'] as const;

/**
 * Differences between a claimed result (any JSON value) and a recomputed one, as English sentences
 * giving both values. Empty when they agree in every field.
 */
export function diffResults(claimed: unknown, recomputed: ElectionResult): string[] {
  const out: string[] = [];
  if (typeof claimed !== 'object' || claimed === null) return ['The record has no result object.'];
  const c = claimed as Record<string, unknown>;
  for (const [key, label] of TOP_FIELDS) {
    if (!same(c[key], recomputed[key])) {
      out.push(`Result: ${label} is ${show(c[key])} in the record, ${show(recomputed[key])} by recount.`);
    }
  }
  const claimedRaces = Array.isArray(c.races) ? (c.races as unknown[]) : null;
  if (claimedRaces === null) return [...out, 'Result: the list of races is missing.'];
  if (claimedRaces.length !== recomputed.races.length) {
    out.push(`Result: ${claimedRaces.length} races in the record, ${recomputed.races.length} in the election.`);
  }
  recomputed.races.forEach((race, j) => {
    const cr = claimedRaces[j] as Record<string, unknown> | undefined;
    const where = `Result, race "${race.raceId}"`;
    if (typeof cr !== 'object' || cr === null) return void out.push(`${where}: missing.`);
    if (cr.raceId !== race.raceId) return void out.push(`${where}: the record has race ${show(cr.raceId)} in its place.`);
    const counts = (typeof cr.counts === 'object' && cr.counts !== null ? cr.counts : {}) as Record<string, unknown>;
    for (const [id, votes] of Object.entries(race.counts)) {
      if (counts[id] !== votes) {
        out.push(`${where}: candidate "${id}" has ${show(counts[id])} ${plural(counts[id])} in the record, ${votes} by recount.`);
      }
    }
    for (const id of Object.keys(counts)) {
      if (!Object.hasOwn(race.counts, id)) out.push(`${where}: the record counts votes for "${id}", who is not a candidate.`);
    }
    for (const key of RACE_FIELDS) {
      if (!same(cr[key], race[key])) out.push(`${where}: ${key} is ${show(cr[key])} in the record, ${show(race[key])} by recount.`);
    }
  });
  return out;
}

const plural = (n: unknown) => (n === 1 ? 'vote' : 'votes');

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** A ballot found by its receipt, with candidate names for display. */
export interface ReceiptLookup {
  found: true;
  ballot: RecordBallot;
  /** One line per race, in definition order. `candidateId` null means a blank vote. */
  lines: Array<{ raceId: string; position: Position; candidateId: string | null; candidateName: string | null }>;
}

/**
 * Finds the ballot behind a receipt code as the voter typed it (see `normalizeReceipt`). A linear
 * scan: about 10 ms per million ballots; index the receipts if a server answers many lookups.
 */
export function findReceipt(
  record: Pick<ElectionRecord, 'election' | 'ballots'>,
  code: string,
): ReceiptLookup | { found: false; reason: 'malformed_code' | 'not_found' } {
  const receipt = normalizeReceipt(code);
  if (receipt === null) return { found: false, reason: 'malformed_code' };
  const ballots = record.ballots;
  for (let i = 0; i < ballots.length; i++) {
    const ballot = ballots[i]!;
    if (ballot.receipt !== receipt) continue;
    const lines = record.election.races.map((race) => {
      const id = ballot.choices[race.id] ?? null;
      const cand = id === null ? undefined : race.candidates.find((c) => c.id === id);
      return { raceId: race.id, position: race.position, candidateId: id, candidateName: cand?.name ?? null };
    });
    return { found: true, ballot, lines };
  }
  return { found: false, reason: 'not_found' };
}

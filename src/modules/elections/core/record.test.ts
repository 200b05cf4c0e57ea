/** Tests of the public record, the verifier on sound and tampered records, and receipt lookup. */
import { describe, expect, it } from 'vitest';
import { linkHash } from './chain.js';
import { canonicalBallot } from './ballot.js';
import { castBallots, cloneRecord, electionRecord, mesaDefinition } from './factories.js';
import { newReceiptCode } from './receipt.js';
import { buildRecord, definitionFingerprint, findReceipt, serializeRecord, verifyRecord } from './record.js';
import { tally } from './tally.js';
import { RECORD_FORMAT, type Choices, type ElectionRecord } from './types.js';

const def = mesaDefinition(); // census 10, quorum 0.5
const choices: Choices[] = [
  { secretary: 'ana', principal: 'ana', alternate: 'bruno' },
  { secretary: 'ana', principal: 'bruno', alternate: 'carla' },
  { secretary: 'bruno', principal: 'bruno', alternate: 'carla' },
  { secretary: 'ana', principal: 'carla', alternate: null },
  { secretary: null, principal: 'bruno', alternate: 'carla' },
  { secretary: 'carla', principal: null, alternate: 'diego' },
];
const meta = { openedAt: '2026-03-01T12:00:00.000Z', closedAt: '2026-03-02T12:00:00.000Z' };

/** Ballots in chain (seq) order, so a test can tamper with "the third ballot" by index. */
function bySeq(record: ElectionRecord): ElectionRecord {
  record.ballots.sort((a, b) => a.seq - b.seq);
  return record;
}

/** Ballots listed in hash order, as `buildRecord` publishes them. */
function byHash(record: ElectionRecord): ElectionRecord {
  record.ballots.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return record;
}

/** A sound record with its ballots in chain order (list them by hash again before verifying). */
function sound(): ElectionRecord {
  return bySeq(cloneRecord(electionRecord(def, choices, meta).record));
}

/** Re-chains ballots from `from` on, as a forger who can recompute hashes would. */
function rechain(record: ElectionRecord, from = 0): void {
  for (let i = from; i < record.ballots.length; i++) {
    const b = record.ballots[i]!;
    const prev = i === 0 ? '0'.repeat(64) : record.ballots[i - 1]!.hash;
    b.seq = i + 1;
    b.hash = linkHash(prev, b.seq, b.receipt, canonicalBallot(b));
  }
  record.headHash = record.ballots.at(-1)?.hash ?? '0'.repeat(64);
  record.ballotCount = record.ballots.length;
}

describe('buildRecord and verifyRecord on a sound election', () => {
  it('builds the documented shape and verifies it', () => {
    const { record, result, entries } = electionRecord(def, choices, meta);
    expect(record).toMatchObject({
      format: RECORD_FORMAT,
      version: 1,
      election: def,
      openedAt: meta.openedAt,
      closedAt: meta.closedAt,
      publishedAt: null,
      tieResolutions: [],
      voters: null,
      result,
      ballotCount: 6,
      headHash: entries[5]!.hash,
    });
    expect(Object.keys(record.ballots[0]!)).toEqual(['seq', 'receipt', 'choices', 'hash']);
    // Listed by hash, not in casting order; every seq once.
    expect(record.ballots.map((b) => b.hash)).toEqual(entries.map((e) => e.hash).sort());
    expect(record.ballots.map((b) => b.seq).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.races.map((r) => r.winner)).toEqual(['ana', 'bruno', 'carla']);

    const report = verifyRecord(record);
    expect(report).toMatchObject({ ok: true, problems: [], resultMatches: true });
    expect(report.chain).toEqual({ ok: true, ballots: 6, firstBrokenSeq: null, recomputedHeadHash: entries[5]!.hash });
    expect(report.recomputedResult).toEqual(result);
  });

  it('verifies after a round trip through the serialized text', () => {
    const { record } = electionRecord(def, choices, meta);
    const text = serializeRecord(record);
    expect(text.split('\n').filter((l) => l.includes('"receipt"'))).toHaveLength(6); // one ballot per line
    expect(JSON.parse(text)).toEqual(record);
    expect(verifyRecord(JSON.parse(text)).ok).toBe(true);
    const empty = electionRecord(def, []).record;
    expect(JSON.parse(serializeRecord(empty))).toEqual(empty);
    expect(verifyRecord(JSON.parse(serializeRecord(empty))).ok).toBe(true);
  });

  it('verifies a failed quorum, a tie with its run-off, and a sorted voter list', () => {
    expect(verifyRecord(cloneRecord(electionRecord(def, choices.slice(0, 2)).record)).ok).toBe(true);
    const tied = [
      { secretary: 'ana', principal: null, alternate: null },
      { secretary: 'bruno', principal: null, alternate: null },
      { secretary: 'ana', principal: 'carla', alternate: 'diego' },
      { secretary: 'bruno', principal: 'carla', alternate: 'diego' },
      { secretary: null, principal: null, alternate: null },
    ];
    const pending = electionRecord(def, tied).record;
    expect(pending.result.status).toBe('tie');
    expect(verifyRecord(cloneRecord(pending)).ok).toBe(true);
    const settled = electionRecord(def, tied, {
      tieResolutions: [{ raceId: 'secretary', candidateId: 'bruno', reference: 'mesa-2026-runoff' }],
      voters: ['org-e', 'org-a', 'org-c', 'org-b', 'org-d'],
    }).record;
    expect(settled.result.status).toBe('elected');
    expect(settled.voters).toEqual(['org-a', 'org-b', 'org-c', 'org-d', 'org-e']);
    expect(verifyRecord(cloneRecord(settled))).toMatchObject({ ok: true, problems: [] });
  });
});

describe('verifyRecord on tampered records', () => {
  const fails = (record: ElectionRecord) => {
    const report = verifyRecord(byHash(record));
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
    return report;
  };

  it('detects a changed ballot and says where the chain breaks', () => {
    const r = sound();
    r.ballots[3]!.choices.secretary = 'bruno';
    const report = fails(r);
    expect(report.chain).toMatchObject({ ok: false, firstBrokenSeq: 4 });
    expect(report.problems).toContain('Chain broken at seq 4: its hash does not match its content and the previous hash.');
    expect(report.resultMatches).toBe(false);
    expect(report.problems).toContain(
      'Result, race "secretary": candidate "ana" has 3 votes in the record, 2 by recount.',
    );
  });

  it('detects a removed ballot', () => {
    const r = sound();
    r.ballots.splice(2, 1);
    const report = fails(r);
    expect(report.chain.firstBrokenSeq).toBe(3);
    expect(report.problems).toContain('The record claims 6 ballots but contains 5.');
    expect(report.problems).toContain('Result: ballots cast is 6 in the record, 5 by recount.');
  });

  it('detects a removed last ballot through the head hash', () => {
    const r = sound();
    r.ballots.pop();
    const report = fails(r);
    expect(report.chain.firstBrokenSeq).toBeNull();
    expect(report.chain.ok).toBe(false);
    expect(report.problems.some((p) => p.startsWith('The published head hash'))).toBe(true);
  });

  it('detects an added ballot, even when correctly chained', () => {
    const r = sound();
    r.ballots.push({ seq: 7, receipt: newReceiptCode(), choices: { alternate: null, principal: null, secretary: 'carla' }, hash: '' });
    rechain(r, 6);
    const report = fails(r);
    expect(report.chain.ok).toBe(true);
    expect(report.problems).toContain('Result: ballots cast is 6 in the record, 7 by recount.');
  });

  it('detects reordered ballots', () => {
    const r = sound();
    [r.ballots[1]!.seq, r.ballots[4]!.seq] = [5, 2];
    const report = fails(r);
    expect(report.chain.firstBrokenSeq).toBe(2);
    expect(report.problems[0]).toBe('Chain broken at seq 2: its hash does not match its content and the previous hash.');
    expect(report.resultMatches).toBe(true); // same ballots, same count: only the chain shows it
  });

  it('refuses a listing in casting order, which would let timing find a ballot', () => {
    const r = sound(); // chain order; with 6 random hashes, almost surely not hash order
    const sorted = r.ballots.map((b) => b.hash).join() === byHash(cloneRecord(r)).ballots.map((b) => b.hash).join();
    if (sorted) [r.ballots[0], r.ballots[1]] = [r.ballots[1]!, r.ballots[0]!];
    const report = verifyRecord(r);
    expect(report.ok).toBe(false);
    expect(report.chain.ok).toBe(true); // the chain itself is sound: only the listing is refused
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/^The ballots are not listed in hash order \(at position \d+\): the listing may reveal the casting order\.$/);
  });

  it('detects a duplicated ballot, and a reused receipt even when re-chained', () => {
    const r = sound();
    r.ballots.splice(3, 0, structuredClone(r.ballots[0]!));
    expect(fails(r).problems.some((p) => /Receipt .* appears more than once \(again at seq 2\)/.test(p))).toBe(true);

    // A "clash": the forger re-chains everything and updates the result, but a receipt repeats.
    const c = sound();
    const reused = c.ballots[0]!.receipt;
    c.ballots.push({ ...structuredClone(c.ballots[0]!), seq: 7 });
    rechain(c);
    c.result = tally(def, c.ballots);
    const report = fails(c); // (relists the ballots by hash)
    expect(report.chain.ok).toBe(true);
    expect(report.resultMatches).toBe(true);
    expect(report.problems).toEqual([`Receipt ${reused} appears more than once (again at seq 7).`]);
  });

  it('detects an edited result', () => {
    const r = sound();
    r.result.races[1]!.counts.bruno = 9;
    let report = fails(r);
    expect(report.chain.ok).toBe(true);
    expect(report.problems).toEqual(['Result, race "principal": candidate "bruno" has 9 votes in the record, 3 by recount.']);

    const w = sound();
    w.result.races[0]!.winner = 'carla';
    report = fails(w);
    expect(report.problems).toEqual(['Result, race "secretary": winner is "carla" in the record, "ana" by recount.']);
  });

  it('detects census and quorum claims that do not add up', () => {
    const census = sound();
    census.election.censusSize = 20; // the result still says 10
    let report = fails(census);
    expect(report.problems).toContain('Result: census size is 10 in the record, 20 by recount.');

    const quorum = sound();
    quorum.result.quorumMet = false;
    report = fails(quorum);
    expect(report.problems).toEqual(['Result: quorum met is false in the record, true by recount.']);

    const small = sound();
    small.election.censusSize = 4;
    small.result = tally(small.election, small.ballots);
    report = fails(small);
    expect(report.problems).toEqual(['There are 6 ballots but only 4 organizations in the census.']);
  });

  it('detects ballots that are not valid for the election', () => {
    const r = sound();
    (r.ballots[0]!.choices as Record<string, string | null>).treasurer = 'ana';
    expect(fails(r).problems).toContain('Ballot seq 1 has a choice for an unknown race "treasurer".');

    const s = sound();
    s.ballots[2]!.choices.alternate = 'zoe';
    rechain(s); // even a correctly hashed ballot for a non-candidate is refused
    expect(fails(s).problems).toContain(
      'Ballot seq 3 has "zoe" in race "alternate", which is not a candidate of that race.',
    );

    const t = sound();
    t.ballots[1]!.receipt = 'not-a-receipt';
    expect(fails(t).problems).toContain('Ballot seq 2 has a malformed receipt code "not-a-receipt".');
  });

  it('checks the voter list and the tie resolutions', () => {
    const voters = ['a', 'b', 'c', 'd', 'e', 'f'];
    const r = cloneRecord(electionRecord(def, choices, { voters }).record);
    expect(verifyRecord(r).ok).toBe(true);
    r.voters = ['a', 'b', 'c', 'd', 'e'];
    expect(fails(r).problems).toEqual(['The voter list names 5 organizations but there are 6 ballots.']);
    r.voters = ['b', 'a', 'c', 'd', 'e', 'f'];
    expect(fails(r).problems).toEqual(['The voter list is not sorted without repeats (at "a").']);

    const t = sound();
    t.tieResolutions = [{ raceId: 'secretary', candidateId: 'bruno', reference: 'x' }];
    expect(fails(t).problems).toEqual([
      'The tie resolution for race "secretary" names "bruno", but the recount has no tie in that race involving that candidate.',
    ]);
  });

  it('refuses what is not a record', () => {
    expect(verifyRecord(null).problems).toEqual(['The record is not a JSON object.']);
    expect(verifyRecord({ format: 'other' }).problems[0]).toMatch(/format/);
    expect(verifyRecord({ ...sound(), version: 2 }).problems[0]).toMatch(/version/);
    expect(verifyRecord({ ...sound(), election: { ...def, quorum: 2 } }).problems).toEqual([
      'Election definition: The quorum 2 is not a fraction between 0 and 1.',
    ]);
  });

  it('caps repeated problems of one kind', () => {
    const more = castBallots(Array.from({ length: 30 }, () => ({ secretary: 'ana', principal: 'bruno', alternate: 'carla' })));
    const big = cloneRecord(buildRecord({ ...def, censusSize: 30 }, more, tally({ ...def, censusSize: 30 }, more)));
    for (const b of big.ballots) b.receipt = 'bad';
    const report = fails(big);
    expect(report.problems.filter((p) => p.includes('malformed receipt'))).toHaveLength(10);
    expect(report.problems).toContain('... and 20 more problems of the kind "receipt".');
  });

  it('cannot tell a wholly re-forged record from a sound one (why receipts and head hashes matter)', () => {
    // An operator who changes a ballot, re-chains everything and re-tallies produces a record that
    // verifies. Only a voter checking the receipt, or a head hash published earlier, exposes it.
    const r = sound();
    const before = r.headHash;
    r.ballots[0]!.choices.secretary = 'diego';
    rechain(r);
    r.result = tally(def, r.ballots);
    expect(verifyRecord(byHash(r)).ok).toBe(true);
    expect(r.headHash).not.toBe(before);
  });
});

describe('findReceipt', () => {
  it('finds a ballot from a receipt as a person types it, with candidate names', () => {
    const { record } = electionRecord(def, choices);
    const b = record.ballots.find((x) => x.seq === 4)!; // the listing is in hash order
    const found = findReceipt(record, b.receipt.toLowerCase().replace(/-/g, ' '));
    expect(found).toEqual({
      found: true,
      ballot: b,
      lines: [
        { raceId: 'secretary', position: 'secretary', candidateId: 'ana', candidateName: 'Ana Pérez' },
        { raceId: 'principal', position: 'principal_delegate', candidateId: 'carla', candidateName: 'Carla Gómez' },
        { raceId: 'alternate', position: 'alternate_delegate', candidateId: null, candidateName: null },
      ],
    });
    expect(findReceipt(record, '0000-0000-0000-0000')).toEqual({ found: false, reason: 'not_found' });
    expect(findReceipt(record, 'hello')).toEqual({ found: false, reason: 'malformed_code' });
  });
});

describe('definitionFingerprint', () => {
  it('changes with the census size, the quorum or a candidate, and nothing else', () => {
    const base = definitionFingerprint(def);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(definitionFingerprint(mesaDefinition())).toBe(base);
    expect(definitionFingerprint({ ...def, censusSize: 11 })).not.toBe(base);
    expect(definitionFingerprint({ ...def, quorum: 0.6 })).not.toBe(base);
    const renamed = mesaDefinition();
    renamed.races[2]!.candidates[0]!.name = 'Ana P.';
    expect(definitionFingerprint(renamed)).not.toBe(base);
  });
});

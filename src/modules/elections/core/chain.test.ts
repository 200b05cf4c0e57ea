/** Tests of the ballot box hash chain. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendBallot, chainHash, findChainBreak, GENESIS, sha256Hex } from './chain.js';
import { castBallots } from './factories.js';

describe('the hash chain', () => {
  it('follows the published specification exactly', () => {
    const e = appendBallot(null, 'K7QF-3MZP-9XRA-TW2D', { choices: { secretary: 'ana', principal: null } });
    const expected = createHash('sha256')
      .update(`${'0'.repeat(64)}|1|K7QF-3MZP-9XRA-TW2D|principal=;secretary=ana`)
      .digest('hex');
    expect(e).toEqual({
      seq: 1,
      receipt: 'K7QF-3MZP-9XRA-TW2D',
      choices: { principal: null, secretary: 'ana' },
      prevHash: GENESIS,
      hash: expected,
    });
    const next = appendBallot(e, 'AAAA-BBBB-CCCC-DDDD', { choices: { secretary: null, principal: 'bruno' } });
    expect(next.seq).toBe(2);
    expect(next.prevHash).toBe(e.hash);
    expect(next.hash).toBe(sha256Hex(`${e.hash}|2|AAAA-BBBB-CCCC-DDDD|principal=bruno;secretary=`));
    expect(next.hash).toBe(chainHash(e.hash, 2, 'AAAA-BBBB-CCCC-DDDD', { choices: { principal: 'bruno', secretary: null } }));
  });

  it('refuses a receipt that is not in canonical form', () => {
    expect(() => appendBallot(null, 'k7qf-3mzp-9xra-tw2d', { choices: { a: null } })).toThrow(TypeError);
  });

  it('finds where a stored box stops being a chain', () => {
    const entries = castBallots([{ s: 'a' }, { s: 'b' }, { s: null }, { s: 'a' }]);
    expect(findChainBreak(entries)).toBeNull();
    const changed = entries.map((e) => ({ ...e }));
    changed[2] = { ...changed[2]!, choices: { s: 'b' } };
    expect(findChainBreak(changed)).toMatchObject({ seq: 3 });
    const removed = [entries[0]!, entries[2]!, entries[3]!];
    expect(findChainBreak(removed)).toMatchObject({ seq: 2 });
  });
});

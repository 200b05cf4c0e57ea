/** Tests of the standalone verifier (../verify-cli.ts), spawned as a real process on temp files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { electionRecord, mesaDefinition } from './factories.js';
import { serializeRecord } from './record.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const cli = join(root, 'src/modules/elections/verify-cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'verify-election-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const { record } = electionRecord(mesaDefinition(), [
  { secretary: 'ana', principal: 'bruno', alternate: 'carla' },
  { secretary: 'ana', principal: 'ana', alternate: 'carla' },
  { secretary: 'bruno', principal: 'bruno', alternate: null },
  { secretary: 'ana', principal: 'diego', alternate: 'diego' },
  { secretary: null, principal: 'bruno', alternate: 'carla' },
]);
const text = serializeRecord(record);

describe('verify-election', () => {
  it('exits 0 on a valid record and prints the report', () => {
    const file = join(dir, 'valid.json');
    writeFileSync(file, text);
    const second = record.ballots.find((b) => b.seq === 2)!; // the listing is in hash order
    const { code, out } = run([file, '--receipt', second.receipt.toLowerCase()]);
    expect(code).toBe(0);
    expect(out).toContain('Census:     10 organizations');
    expect(out).toContain('Ballots:    5 cast, turnout 50.0%');
    expect(out).toContain('5 ballots needed: met');
    expect(out).toContain('Chain:      OK (5 ballots');
    expect(out).toContain('Tally:      matches the published result');
    expect(out).toContain('secretary (race secretary): elected Ana Pérez');
    expect(out).toContain('(already elected in an earlier race)');
    expect(out).toContain(`Receipt ${second.receipt}: found, seq 2`);
    expect(out).toMatch(/VALID: the chain is intact/);
  });

  it('exits 1 on a tampered record and says where and how', () => {
    const tampered = JSON.parse(text);
    tampered.ballots.find((b: { seq: number }) => b.seq === 3).choices.secretary = 'carla';
    const file = join(dir, 'tampered.json');
    writeFileSync(file, JSON.stringify(tampered));
    const { code, out } = run([file]);
    expect(code).toBe(1);
    expect(out).toContain('Chain:      BROKEN at seq 3');
    expect(out).toContain('Tally:      DIFFERS from the published result');
    expect(out).toContain('<- published 1'); // bruno: published 1 vote, recounted 0
    expect(out).toContain('NOT VALID.');
  });

  it('reads standard input with "-"', () => {
    expect(run(['-'], text).code).toBe(0);
    expect(run(['-'], '{"format": "something else"}').code).toBe(1);
    expect(run(['-'], 'not json').code).toBe(1);
  });

  it('exits 2 on usage and read errors', () => {
    expect(run([]).code).toBe(2);
    expect(run([join(dir, 'missing.json')])).toMatchObject({ code: 2, err: expect.stringContaining('cannot read') });
    expect(run(['a.json', 'b.json']).code).toBe(2);
    expect(run(['--help']).code).toBe(0);
  });
});
